"""Material's palette stylesheet keeps only the colours mkdocs.yml names: less to fetch before the first paint."""

from __future__ import annotations

from pathlib import Path

import material

from academy.palette_css import keep_colours, palette_colours

MATERIAL_PALETTE = next((Path(material.__file__).parent / "templates/assets/stylesheets").glob("palette.*.min.css"))


def test_rules_for_other_colours_go_and_shared_rules_stay_as_they_were():
    css = ("/*! licence */:root{--x:1}[data-md-color-primary=teal]{--c:teal}"
           "[data-md-color-primary=indigo],[data-md-color-primary=teal]{--bg:#fff}"
           "[data-md-color-accent=indigo] a:is(.b,[data-md-color-primary=teal] .c){--d:1}"
           "@media screen{[data-md-color-scheme=slate]{--s:1}[data-md-color-primary=teal] .t{--t:1}}"
           "@media print{[data-md-color-primary=red] .r{--r:1}}"
           '[data-md-color-primary=indigo]:after{content:"}{,"}')
    assert keep_colours(css, {"indigo"}) == (
        "/*! licence */:root{--x:1}[data-md-color-primary=indigo]{--bg:#fff}"
        "@media screen{[data-md-color-scheme=slate]{--s:1}}"
        '[data-md-color-primary=indigo]:after{content:"}{,"}')


def test_the_palette_of_mkdocs_yml_names_its_colours_as_the_page_writes_them():
    palette = [{"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": "deep purple"},
               {"scheme": "slate", "primary": "indigo", "accent": "light blue"}]
    assert palette_colours(palette) == {"deep-purple", "indigo", "light-blue"}
    assert palette_colours({"primary": "teal"}) == {"teal", "indigo"}
    assert palette_colours(None) == set()


def test_materials_own_palette_keeps_indigo_and_the_dark_scheme_and_loses_the_rest():
    css = MATERIAL_PALETTE.read_text(encoding="utf-8")
    cut = keep_colours(css, {"indigo"})
    assert "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5" in cut
    assert "[data-md-color-accent=indigo]{" in cut
    assert "[data-md-color-scheme=slate]{color-scheme:dark" in cut
    for other in ("teal", "red", "deep-purple", "light-blue", "black", "white"):
        assert f"={other}]" not in cut, other
    assert len(cut) < len(css) / 3
    assert cut.count("{") == cut.count("}")
    assert keep_colours(cut, {"indigo"}) == cut  # a second build leaves it as it is


def test_every_language_of_a_built_site_loads_the_cut_palette(built_site):
    sheets = sorted(built_site.site.rglob("assets/academy/styles.*.css"))  # the one stylesheet pages link
    assert len(sheets) == 3  # en, fil, ru
    for sheet in sheets:
        css = sheet.read_text(encoding="utf-8")
        assert "[data-md-color-primary=indigo]{" in css and "=teal]" not in css, sheet
