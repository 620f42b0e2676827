"""Abbreviations are explained in the reader's language on a tap, a hover and keyboard focus.

Nothing is set up per element as a lesson loads (a long lesson has fifty abbreviations): the
tooltip is built when one is wanted, stays inside a phone's screen, goes on a tap elsewhere or
Escape, and is the abbreviation's description for a screen reader while shown.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

LESSON = "ru/journey/first-steps/"
MEANING = "Нулевой момент истины"
PHONE = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True}

# counts the listeners a script attaches to each abbreviation itself (not to the document)
COUNT_LISTENERS = """
window.__abbrListeners = 0;
const add = EventTarget.prototype.addEventListener;
EventTarget.prototype.addEventListener = function (...args) {
  if (this instanceof Element && this.tagName === "ABBR") window.__abbrListeners++;
  return add.apply(this, args);
};
"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def _shown(page):
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    return tooltip


def _gone(page):
    page.locator(".md-tooltip2--active").wait_for(state="detached")


def test_tapping_an_abbreviation_shows_its_explanation(phone, site_server):
    phone.goto(f"{site_server}/{LESSON}")
    phone.locator("abbr", has_text="ZMOT").first.tap()
    assert _shown(phone).text_content().strip() == MEANING


def test_a_lesson_sets_up_nothing_per_abbreviation_as_it_loads(browser, site_server):
    context = browser.new_context(**PHONE)
    context.add_init_script(COUNT_LISTENERS)
    page = context.new_page()
    page.goto(f"{site_server}/{LESSON}", wait_until="load")
    page.wait_for_timeout(500)  # past Material's DOMContentLoaded work and the idle callbacks
    assert page.locator("abbr[title]").count() > 0
    assert page.evaluate("window.__abbrListeners") == 0
    assert page.locator(".md-tooltip2, .md-tooltip").count() == 0
    # and a tap still explains one
    page.locator("abbr", has_text="ZMOT").first.tap()
    assert _shown(page).text_content().strip() == MEANING
    context.close()


def test_the_tooltip_is_the_abbreviations_description_while_shown_and_goes_on_a_tap_elsewhere(phone, site_server):
    phone.goto(f"{site_server}/{LESSON}")
    abbr = phone.locator("abbr", has_text="ZMOT").first
    title = abbr.get_attribute("title")
    abbr.tap()
    tooltip = _shown(phone)
    assert tooltip.get_attribute("role") == "tooltip"
    described = abbr.get_attribute("aria-describedby")
    assert described and phone.locator(f"#{described}").text_content().strip() == MEANING
    assert abbr.get_attribute("title") is None  # the browser's own tooltip would be a second copy
    phone.locator("article h1").tap()
    _gone(phone)
    assert abbr.get_attribute("title") == title
    assert abbr.get_attribute("aria-describedby") is None


def test_the_tooltip_stays_inside_a_phones_screen_at_either_edge(phone, site_server):
    phone.goto(f"{site_server}/{LESSON}")
    abbrs = phone.locator("article abbr")
    lefts = [abbrs.nth(i).bounding_box()["x"] for i in range(abbrs.count())]
    # the abbreviation nearest each edge, narrowed against the screen to push its tooltip out
    for index in {lefts.index(min(lefts)), lefts.index(max(lefts))}:
        abbrs.nth(index).tap()
        inner = _shown(phone).locator(".md-tooltip2__inner")
        box = inner.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
        assert inner.text_content().strip()
        phone.keyboard.press("Escape")
        _gone(phone)


def test_a_hover_shows_the_explanation_and_leaving_hides_it(browser, site_server):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(f"{site_server}/{LESSON}")
    page.locator("abbr", has_text="ZMOT").first.hover()
    assert _shown(page).text_content().strip() == MEANING
    page.mouse.move(5, 700)
    _gone(page)
    context.close()


def test_keyboard_focus_on_a_titled_button_shows_its_label_and_escape_hides_it(browser, site_server):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(f"{site_server}/{LESSON}")
    search = page.locator(".academy-search-open")
    label = search.get_attribute("title")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('academy-search-open')"):
            break
    assert _shown(page).text_content().strip() == label
    page.keyboard.press("Escape")
    _gone(page)
    assert search.get_attribute("title") == label
    context.close()


def test_a_tap_on_a_titled_button_does_what_it_says_without_a_tooltip(phone, site_server):
    phone.goto(f"{site_server}/{LESSON}")
    phone.locator(".academy-search-open").tap()
    phone.locator("dialog.academy-search[open]").wait_for()
    phone.wait_for_timeout(300)
    assert phone.locator(".md-tooltip2").count() == 0


def test_the_tooltip_stays_under_its_abbreviation_while_the_address_bar_hides_and_goes_when_the_phone_turns(
        phone, site_server):
    """Scrolling on a phone hides or brings back the address bar: the window's height changes, and
    with it comes a resize. The explanation being read stays, under its abbreviation. Turning the
    phone changes the width and reflows the text: the explanation goes."""
    phone.goto(f"{site_server}/{LESSON}")
    abbr = phone.locator("abbr", has_text="ZMOT").first
    abbr.tap()
    inner = _shown(phone).locator(".md-tooltip2__inner")
    for height in (796, 740):  # the address bar hides, then comes back
        phone.set_viewport_size({"width": 360, "height": height})
        phone.wait_for_timeout(300)  # past the resize event and a frame
        assert phone.locator(".md-tooltip2--active").count() == 1, height
        host, box = abbr.bounding_box(), inner.bounding_box()
        assert host["y"] + host["height"] <= box["y"] <= host["y"] + host["height"] + 40, (height, host, box)
        assert abbr.get_attribute("aria-describedby") == "academy-tooltip"
    phone.set_viewport_size({"width": 740, "height": 360})
    _gone(phone)
    assert abbr.get_attribute("title") and abbr.get_attribute("aria-describedby") is None
