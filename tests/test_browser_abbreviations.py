"""Abbreviations are explained in the reader's language when tapped on a phone."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_tapping_an_abbreviation_shows_its_explanation(browser, site_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{site_server}/ru/journey/first-steps/")
    page.locator("abbr", has_text="ZMOT").first.tap()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert tooltip.text_content().strip() == "Нулевой момент истины"
    context.close()
