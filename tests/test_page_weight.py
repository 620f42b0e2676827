"""What every page makes a phone download: only what the page uses."""

from __future__ import annotations

import json

import html5lib

import sitekit
from academy.mkdocs.material import lean_config

CONTENT_SCRIPT = "assets/academy/material-content.js"


def scripts(html: str) -> list[str]:
    document = html5lib.parse(html, namespaceHTMLElements=False)
    return [s.get("src") for s in document.iter("script") if s.get("src")]


def test_material_content_tab_script_loads_only_where_content_tabs_can_be(built_site, project):
    page = built_site.html("journey/first-steps/index.html")
    assert scripts(page) and not any(src.split("?")[0].endswith(CONTENT_SCRIPT) for src in scripts(page))

    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "markdown_extensions:\n", "markdown_extensions:\n  - pymdownx.superfences\n  - pymdownx.tabbed:\n"
        "      alternate_style: true\n"), encoding="utf-8")
    lesson = project / "content" / "journey" / "first-steps.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + '\n=== "Email"\n\n    Reply within a day.\n\n'
                      '=== "Chat"\n\n    Reply within a minute.\n', encoding="utf-8")
    built = sitekit.build(project)
    for path in ("journey/first-steps/index.html", "ru/journey/first-steps/index.html"):
        html = built.html(path)
        assert "tabbed-set" in html
        assert any(src.split("?")[0].endswith(CONTENT_SCRIPT) for src in scripts(html)), path


def material_config(html: str) -> dict:
    document = html5lib.parse(html, namespaceHTMLElements=False)
    [script] = [s for s in document.iter("script") if s.get("id") == "__config"]
    return json.loads(script.text)


def test_materials_page_config_carries_no_strings_of_parts_the_site_lacks(built_site):
    raw = built_site.html("ru/journey/first-steps/index.html")
    config = material_config(raw)
    assert set(config["translations"]) == {"clipboard.copy", "clipboard.copied"}
    assert config["features"] and config["base"] and config["search"]  # the rest as Material wrote it
    assert "\\u04" not in raw.split('id="__config"')[1].split("</script>")[0], "Russian written as \\u escapes"


def test_materials_search_strings_stay_when_materials_search_is_used():
    html = ('<script id="__config" type="application/json">{"base": ".", "translations": '
            r'{"search.result.none": "Nothing \u003c/script>", "select.version": "Version", "clipboard.copy": "Copy"}, '
            '"version": null}</script>')
    kept = material_config(lean_config(html, material_search=True))
    assert kept["translations"] == {"search.result.none": "Nothing </script>", "clipboard.copy": "Copy"}
    assert "</script>\"" not in lean_config(html, material_search=True), "a string closed the script"
    assert material_config(lean_config(html, material_search=False))["translations"] == {"clipboard.copy": "Copy"}
