"""Material's stylesheet without the components mkdocs.yml leaves off (material_css.py): nothing a
trainee's page shows, before or after its scripts run, loses a rule."""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
import material
import pytest

from academy.material_css import CLASS, Settings, settings, without_unused
from academy.palette_css import _items, _selectors
from conftest import phone_page, search_settled
from test_browser_quiz import answer_all, submit

MATERIAL_MAIN = next((Path(material.__file__).parent / "templates/assets/stylesheets").glob("main.*.min.css"))
LESSON = "journey/first-steps/"


def selectors(css: str) -> set[str]:
    found: set[str] = set()
    for prelude, block in _items(css):
        if block is None:
            continue
        if prelude.lstrip().startswith("@"):
            found |= selectors(block) if "{" in block else set()
        else:
            found.update(_selectors(prelude))
    return found


def classes_outside_brackets(selector: str) -> set[str]:
    """The classes an element must have for `selector` to match it (those inside :not(), :is() and
    attribute tests aside)."""
    depth, kept = 0, []
    for char in selector:
        depth += char in "(["
        depth -= char in ")]"
        if depth == 0 and char not in ")]":
            kept.append(char)
    return set(CLASS.findall("".join(kept)))


OFF = Settings()


def test_a_component_the_configuration_leaves_off_goes_and_every_other_rule_stays():
    css = ("/*! licence */.md-tabs{a:1}.md-tabs__link,.md-header{b:2}@media screen{.md-source .x{c:3}}"
           ".md-typeset .tabbed-set>input{d:4}.md-typeset .keys kbd:before{e:5}.md-nav:not(.md-nav--lifted){f:6}"
           ".md-post--excerpt,.md-content__inner{g:7}.md-typeset .grid{h:8}.md-tooltip2{i:9}")
    assert without_unused(css, OFF) == (
        "/*! licence */.md-header{b:2}.md-nav:not(.md-nav--lifted){f:6}.md-content__inner{g:7}.md-tooltip2{i:9}")


@pytest.mark.parametrize("config, kept", [
    (Settings(features=frozenset({"navigation.tabs"})), ".md-tabs{"),
    (Settings(features=frozenset({"navigation.tabs.sticky"})), ".md-tabs{"),
    (Settings(repo_url="https://example.org/repo"), ".md-source{"),
    (Settings(extensions=frozenset({"pymdownx.tabbed"})), ".tabbed-set"),
    (Settings(extensions=frozenset({"pymdownx.keys"})), ".keys "),
    (Settings(plugins=frozenset({"material/blog"})), ".md-post--excerpt"),
    (Settings(extra={"consent": {"title": "Cookies"}}), ".md-consent"),
    (Settings(features=frozenset({"content.code.copy"})), ".md-clipboard"),
])
def test_a_component_the_configuration_turns_on_keeps_its_rules(config, kept):
    css = MATERIAL_MAIN.read_text(encoding="utf-8")
    assert kept not in without_unused(css, OFF)
    assert kept in without_unused(css, config)


def test_materials_own_stylesheet_is_cut_by_a_quarter_and_a_second_cut_changes_nothing():
    css = MATERIAL_MAIN.read_text(encoding="utf-8")
    cut = without_unused(css, OFF)
    for kept in (".md-header{", ".md-tooltip2{", ".md-typeset abbr{", ".md-nav__link{", "[data-md-toggle=drawer]",
                 ".md-typeset .admonition", ".md-typeset details", ".md-typeset table:not([class])"):
        assert kept in cut, kept
    assert cut.count("{") == cut.count("}")
    assert len(cut) < len(css) * 0.75
    assert without_unused(cut, OFF) == cut


def test_the_settings_come_from_mkdocs_yml_as_loaded():
    config = {"theme": {"features": ["navigation.prune", "toc.follow"]}, "plugins": {"academy": object()},
              "markdown_extensions": ["abbr", {"toc": {"permalink": False}}, "pymdownx.details"],
              "extra": {}, "repo_url": None}
    got = settings(config)
    assert got.features == {"navigation.prune", "toc.follow"}
    assert got.extensions == {"abbr", "toc", "pymdownx.details"}
    assert not got.feature("navigation.tabs") and got.feature("toc")


def dropped_selectors(stylesheet: Path) -> list[str]:
    """Selectors of Material's main stylesheet that the published stylesheet no longer has."""
    kept = selectors(stylesheet.read_text(encoding="utf-8"))
    return sorted(s for s in selectors(MATERIAL_MAIN.read_text(encoding="utf-8")) - kept
                  if classes_outside_brackets(s))


def test_no_element_of_any_page_is_named_by_a_dropped_selector_alone(built_site):
    sheets = sorted(built_site.site.rglob("assets/academy/styles.*.css"))
    assert len(sheets) == 3
    dropped = dropped_selectors(sheets[0])
    assert len(dropped) > 300  # tabs, blog, repository, content tabs, keys... are gone
    on_pages: set[str] = set()
    for path in sorted(built_site.site.rglob("*.html")):
        tree = html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)
        for element in tree.iter():
            on_pages.update((element.get("class") or "").split())
    assert {"md-header", "md-nav__link", "admonition", "md-typeset"} <= on_pages
    matching = [s for s in dropped if classes_outside_brackets(s) <= on_pages]
    assert matching == []


@pytest.mark.browser
def test_no_element_a_lesson_shows_after_its_scripts_ran_is_named_by_a_dropped_selector_alone(
        browser, built_site, site_server):
    dropped = dropped_selectors(sorted(built_site.site.rglob("assets/academy/styles.*.css"))[0])
    seen: set[str] = set()
    collect = "() => [...document.querySelectorAll('*')].flatMap(e => [...e.classList])"
    with phone_page(browser, has_touch=True) as page:
        page.goto(f"{site_server}/{LESSON}")
        page.wait_for_load_state("networkidle")
        seen.update(page.evaluate(collect))
        page.locator(".md-header label[for=__drawer]").tap()
        page.locator(".md-sidebar--primary").wait_for()
        seen.update(page.evaluate(collect))
        page.goto(f"{site_server}/{LESSON}")
        page.locator("abbr").first.tap()
        seen.update(page.evaluate(collect))
        answer_all(page, right=False)
        submit(page)
        page.locator(".academy-quiz [data-action=retry]").wait_for()
        seen.update(page.evaluate(collect))
        page.locator(".academy-search-open").tap()
        page.keyboard.type("customer")
        search_settled(page)
        seen.update(page.evaluate(collect))
        assert page.errors == []
    assert {"md-header", "md-nav__link", "academy-quiz"} <= seen
    assert re.search(r"md-tooltip2|academy-", " ".join(seen))
    matching = [s for s in dropped if classes_outside_brackets(s) <= seen]
    assert matching == []
