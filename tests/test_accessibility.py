"""axe-core, run in Chromium on the pages trainees use, in each language; a phone-sized viewport."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import search_settled

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-results"


def violations(page) -> list[str]:
    # evaluated through the DevTools protocol: the site's Content-Security-Policy forbids inline script tags
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}: {v['nodes'][0]['target']})" for v in result["violations"]]


@pytest.mark.parametrize("prefix", ["", "fil/", "ru/"])
@pytest.mark.parametrize("path", ["", "journey/first-steps/", "progress/"])
def test_no_axe_violations(page, site_server, prefix, path):
    page.goto(f"{site_server}/{prefix}{path}")
    assert violations(page) == []


@pytest.mark.parametrize("prefix", ["", "fil/", "ru/"])
def test_no_axe_violations_with_search_results_and_a_checked_quiz(page, site_server, prefix):
    page.goto(f"{site_server}/{prefix}journey/first-steps/")
    page.click(".academy-quiz button[type=submit]")  # asks for answers first
    page.locator('fieldset[data-q="research"] input').first.check()
    page.click(".academy-search-open")
    page.fill(".academy-search__input", "ZMOT")
    search_settled(page)
    assert violations(page) == []


@pytest.mark.parametrize("prefix", ["", "fil/", "ru/"])
def test_a_lesson_fits_a_phone_with_big_enough_tap_targets(page, site_server, prefix):
    page.goto(f"{site_server}/{prefix}journey/first-steps/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    small = page.evaluate("""() => Array.from(document.querySelectorAll(
            '.academy-quiz input, .academy-quiz select, .academy-quiz button:not([hidden]), .academy-quiz summary, .academy-faq summary'))
        .map(e => { const r = (e.tagName === 'INPUT' && e.labels && e.labels[0] ? e.labels[0] : e).getBoundingClientRect();
                    return [e.outerHTML.slice(0, 60), Math.round(r.width), Math.round(r.height)]; })
        .filter(([_, w, h]) => w < 24 || h < 24)""")
    assert small == []
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"lesson-360-{prefix.strip('/') or 'en'}.png"), full_page=True)


@pytest.mark.parametrize("prefix", ["", "fil/", "ru/"])
@pytest.mark.parametrize("path", ["", "journey/first-steps/", "progress/"])
def test_no_axe_violations_in_the_dark_scheme_with_a_checked_quiz(page, site_server, prefix, path):
    page.emulate_media(color_scheme="dark")
    page.goto(f"{site_server}/{prefix}journey/first-steps/")
    page.locator('fieldset[data-q="research"] input').first.check()
    page.click(".academy-quiz button[type=submit]")  # a question marked as left blank
    page.goto(f"{site_server}/{prefix}{path}")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert violations(page) == []


def test_the_light_and_dark_toggle_is_labelled_in_the_readers_language(page, site_server):
    page.goto(f"{site_server}/ru/")
    toggle = page.locator("form.md-header__option label:visible")
    assert toggle.count() == 1
    page.emulate_media(color_scheme="light")
    assert toggle.first.get_attribute("title") not in ("Dark mode", "Switch to dark mode")
    toggle.first.click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"



@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_an_abbreviation_explained(page, site_server, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site_server}/ru/journey/first-steps/")
    page.locator("abbr", has_text="ZMOT").first.click()
    page.locator(".md-tooltip2--active").wait_for()
    page.wait_for_timeout(500)  # faded in
    assert violations(page) == []
