"""Material's main stylesheet loses the rules of Material's search, which no page of the academy has."""

from __future__ import annotations

from pathlib import Path

import html5lib
import material

from academy.search_css import without_search

MATERIAL_MAIN = next((Path(material.__file__).parent / "templates/assets/stylesheets").glob("main.*.min.css"))


def test_selectors_of_materials_search_go_and_every_other_selector_stays():
    css = ("/*! licence */.md-search{a:1}.md-search__input,.md-header{b:2}"
           "@media screen{.md-search-result .x{c:3}}@media print{.md-header .md-search__form,.y{d:4}}"
           ".md-searchable{e:5}[data-md-toggle=search]:checked~.md-header{f:6}")
    assert without_search(css) == (
        "/*! licence */.md-header{b:2}@media print{.y{d:4}}"
        ".md-searchable{e:5}[data-md-toggle=search]:checked~.md-header{f:6}")


def test_materials_own_stylesheet_keeps_everything_but_its_search():
    css = MATERIAL_MAIN.read_text(encoding="utf-8")
    cut = without_search(css)
    assert ".md-search" not in cut
    for kept in (".md-header{", ".md-tooltip2{", ".md-typeset abbr{", ".md-nav__link{", "[data-md-toggle=drawer]"):
        assert kept in cut, kept
    assert cut.count("{") == cut.count("}")
    assert len(cut) < len(css) * 0.95
    assert without_search(cut) == cut  # a second build leaves it as it is


def test_no_page_of_a_built_site_has_an_element_of_materials_search_and_no_stylesheet_its_rules(built_site):
    sheets = sorted(built_site.site.rglob("assets/academy/styles.*.css"))  # the one stylesheet pages link
    assert len(sheets) == 3  # en, fil, ru
    for sheet in sheets:
        assert ".md-search" not in sheet.read_text(encoding="utf-8"), sheet
    pages = sorted(built_site.site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        tree = html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)
        used = [e.get("class") for e in tree.iter() if "md-search" in (e.get("class") or "")]
        assert used == [], path
