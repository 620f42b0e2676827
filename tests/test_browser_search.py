"""Search in a real browser: each language searches only itself, with stemming."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def search(page, query: str) -> list[dict]:
    page.click(".academy-search-open")
    page.fill(".academy-search__input", query)
    page.wait_for_function(
        "() => document.querySelector('.academy-search__results').children.length > 0"
        " || /\\S/.test(document.querySelector('.academy-search__status').textContent)"
        " && !document.querySelector('.academy-search__status').textContent.includes('…')"
    )
    return page.eval_on_selector_all(
        ".academy-search__results a",
        "links => links.map(a => ({href: a.href, title: a.querySelector('strong').textContent}))",
    )


def test_russian_search_finds_an_inflected_form_and_only_russian_pages(page, site_server):
    page.goto(f"{site_server}/ru/journey/first-steps/")
    results = search(page, "клиентов")  # the page says "клиент"
    assert results, "no results"
    assert all("/ru/" in r["href"] for r in results), results
    assert any(r["href"].endswith("/ru/journey/first-steps/") for r in results), results
    assert any(r["title"] == "Первые шаги" for r in results), results
    assert page.errors == []


def test_an_english_word_finds_nothing_on_the_russian_site(page, site_server):
    page.goto(f"{site_server}/ru/")
    results = search(page, "shopper")
    assert results == []
    assert page.text_content(".academy-search__status").strip() != ""


def test_english_search_stems_too(page, site_server):
    page.goto(f"{site_server}/")
    results = search(page, "customers")  # the page says "customer"
    assert any(r["href"].endswith("/journey/first-steps/") for r in results), results
    assert all("/ru/" not in r["href"] and "/fil/" not in r["href"] for r in results)


def test_search_opens_with_the_keyboard_and_closes_with_escape(page, site_server):
    page.goto(f"{site_server}/ru/")
    page.keyboard.press("/")
    assert page.evaluate("document.querySelector('dialog.academy-search').open")
    assert page.evaluate("document.activeElement.classList.contains('academy-search__input')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.querySelector('dialog.academy-search').open")
