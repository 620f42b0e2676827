"""The first results a small site shows before Pagefind has loaded: its titles and headings
(search_headings.py, search.js), on a lesson opened cold and searched at once."""

from __future__ import annotations

import json

import pytest

from academy import search, search_headings, spelling, tagalog
from conftest import phone_page

LESSON = "journey/first-steps/"


def test_each_language_gets_its_pages_titles_and_headings_with_their_anchors(built_site):
    for lang, title, heading in (("", "First steps", "The research moment"),
                                 ("ru/", "Первые шаги", "Момент исследования"),
                                 ("fil/", "Mga unang hakbang", "Ang sandali ng research")):
        pages = json.loads((built_site.site / lang / "pagefind" / search_headings.NAME).read_text(encoding="utf-8"))
        first = next(page for page in pages if page[0] == LESSON)
        assert first[1] == title
        assert ["the-research-moment", heading] in [section[:2] for section in first[3]]
        # the pages search leaves out are left out here too
        assert {page[0] for page in pages}.isdisjoint({"", "progress/", "answer-keys/", "404.html"})
        assert all(not page[0].startswith(("fil/", "ru/")) for page in pages)


def test_keys_are_the_words_as_the_index_has_them_and_left_out_where_they_are_the_texts_own():
    assert search_headings.keys("Nagrereklamo ang customer", tagalog.stem_in_place) == \
        search_headings.words(tagalog.stem_in_place("Nagrereklamo ang customer"))
    assert search_headings.keys("How to apologise", spelling.american_text) == "how to apologize"
    assert search_headings.keys("How to apologize", spelling.american_text) == ""
    assert search_headings.keys("Момент истины", None) == ""


def test_a_big_site_gets_no_headings_file_and_a_smaller_one_replaces_nothing_stale(tmp_path):
    page = search.searchable_page('<main data-pagefind-body><h1>Title</h1><h2 id="a">Part</h2><p>x</p></main>')
    many = [(f"lesson-{n}/index.html", page) for n in range(search_headings.MAX_PAGES + 1)]
    (tmp_path / search_headings.NAME).write_text("[]", encoding="utf-8")  # an earlier, smaller site's
    assert not search_headings.write_headings(tmp_path, many, None)
    assert not (tmp_path / search_headings.NAME).exists()
    assert search_headings.write_headings(tmp_path, many[:3], None)
    got = json.loads((tmp_path / search_headings.NAME).read_text(encoding="utf-8"))
    assert got[0] == ["lesson-0/", "Title", "", [["a", "Part", ""]]]


def held_engine(page) -> list:
    """Pagefind's engine (its WebAssembly) held on its way, as on a slow link; the held requests."""
    held: list = []

    def hold(route):
        if held and held[0] is None:
            route.continue_()  # released
        else:
            held.append(route)

    page.context.route("**/pagefind/wasm.*", hold)
    return held


def release(held: list) -> None:
    routes = list(held)
    held[:] = [None]
    for route in routes:
        route.continue_()


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "query", "hit"), [
    ("", "research", "First steps › The research moment"),
    ("", "researching", "First steps › The research moment"),
    ("ru/", "исследование", "Первые шаги › Момент исследования"),
    ("fil/", "sandali", "Mga unang hakbang › Ang sandali ng research"),
])
def test_searched_at_once_a_heading_answers_before_pagefind_and_pagefinds_results_replace_it(
        browser, site_server, lang, query, hit):
    with phone_page(browser, has_touch=True, service_workers="block") as page:
        held = held_engine(page)
        page.goto(f"{site_server}/{lang}{LESSON}")
        page.locator(".academy-search-open").tap()
        page.keyboard.type(query)
        first = page.locator(".academy-search__results a").first
        first.wait_for(timeout=15_000)
        assert held, "Pagefind's engine was asked for and is still on its way"
        assert first.locator("strong").inner_text() == hit
        assert first.get_attribute("href") == f"{site_server}/{lang}{LESSON}#the-research-moment"
        assert page.locator(".academy-search__results").get_attribute("aria-busy") == "true"  # more to come
        release(held)
        page.wait_for_function("() => !document.querySelector('.academy-search__results').hasAttribute('aria-busy')"
                               " && document.querySelector('.academy-search__results p')", timeout=30_000)
        # Pagefind's hits, with the words around the match
        assert page.locator(".academy-search__results p").first.inner_text().strip()
        assert page.errors == []


@pytest.mark.browser
def test_a_word_in_no_title_or_heading_waits_for_pagefind_and_a_tap_on_a_first_hit_opens_its_section(
        browser, site_server):
    with phone_page(browser, has_touch=True, service_workers="block") as page:
        held = held_engine(page)
        page.goto(f"{site_server}/{LESSON}")
        page.locator(".academy-search-open").tap()
        page.keyboard.type("shopper")  # in the text, in no heading
        page.wait_for_timeout(1500)
        assert page.locator(".academy-search__results a").count() == 0
        page.keyboard.press("Control+A")
        page.keyboard.type("reviews matter")
        first = page.locator(".academy-search__results a").first
        first.wait_for(timeout=15_000)
        assert held
        assert first.locator("strong").inner_text() == "First steps › Why do reviews matter?"
        first.tap()
        page.wait_for_url(f"{site_server}/{LESSON}#why-do-reviews-matter")
        assert page.errors == []


@pytest.mark.parametrize("markup", ["<br />", "<br/>", "<hr />", "</span>", "<img src=x.png />"])
def test_a_self_closing_or_stray_end_tag_leaves_the_rest_of_the_page_in_its_section(markup):
    page = search.searchable_page('<main data-pagefind-body><h1>Title</h1><h2 id="a">Part</h2>'
                                  f'<p>Before{markup} after.</p><h2 id="b">Next</h2><p>More words.</p></main>')
    sections = {s.anchor: (s.heading, "".join(s.text)) for s in page.sections}
    assert sections["a"] == ("Part", "Before after.")
    assert sections["b"] == ("Next", "More words.")
