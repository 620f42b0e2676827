"""Search in a real browser: each language searches only itself, with stemming."""

from __future__ import annotations

import collections
import functools
import http.server
import re
import threading

import pytest

from conftest import phone_page, search, search_settled

pytestmark = pytest.mark.browser


def test_russian_search_finds_an_inflected_form_and_only_russian_pages(page, site_server):
    page.goto(f"{site_server}/ru/journey/first-steps/")
    results = search(page, "клиентов")  # the page says "клиент"
    assert results, "no results"
    assert all("/ru/" in r["href"] for r in results), results
    assert any(r["href"].split("#")[0].endswith("/ru/journey/first-steps/") for r in results), results
    assert any(r["title"].startswith("Первые шаги") for r in results), results
    assert page.errors == []


def test_an_english_word_finds_nothing_on_the_russian_site(page, site_server):
    page.goto(f"{site_server}/ru/")
    results = search(page, "shopper")
    assert results == []
    assert page.text_content(".academy-search__status").strip() != ""


def test_english_search_stems_too(page, site_server):
    page.goto(f"{site_server}/")
    results = search(page, "customers")  # the page says "customer"
    assert any(r["href"].split("#")[0].endswith("/journey/first-steps/") for r in results), results
    assert all("/ru/" not in r["href"] and "/fil/" not in r["href"] for r in results)


def test_search_opens_with_the_keyboard_and_closes_with_escape(page, site_server):
    page.goto(f"{site_server}/ru/")
    page.keyboard.press("/")
    assert page.evaluate("document.querySelector('dialog.academy-search').open")
    assert page.evaluate("document.activeElement.classList.contains('academy-search__input')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.querySelector('dialog.academy-search').open")


def test_a_hit_opens_the_section_that_matches(page, site_server):
    page.goto(f"{site_server}/")
    results = search(page, "buying")  # said only under "The research moment"
    assert any(r["href"].endswith("/journey/first-steps/#the-research-moment") for r in results), results
    page.click(".academy-search__results a")
    assert page.url.endswith("#the-research-moment")


def test_filipino_search_finds_another_inflection_of_the_same_root_and_lands_on_its_section(page, site_server):
    page.goto(f"{site_server}/fil/")
    results = search(page, "magbasa")  # the page says "Nagbabasa"
    assert any(r["href"].endswith("/fil/journey/first-steps/#the-research-moment") for r in results), results
    excerpt = page.text_content(".academy-search__results p")
    assert "Nagbabasa" in excerpt  # the trainee reads the page's own words, not search keys
    assert all("/fil/" in r["href"] for r in results)


def test_search_loads_when_the_page_is_idle_so_the_first_query_does_not_wait(page, site_server):
    finished: list[str] = []
    page.context.on("requestfinished", lambda request: finished.append(request.url))
    page.goto(f"{site_server}/ru/")
    parts = ("/ru/pagefind/pagefind.js", "/ru/pagefind/wasm.ru", ".pf_meta")  # the engine, its wasm, the index
    for _ in range(300):  # the idle wait gives up waiting for idleness after 3 s; a loaded machine is slower
        if all(any(part in url for url in finished) for part in parts):  # wasm and index load side by side
            break
        page.wait_for_timeout(100)
    assert not page.evaluate("document.querySelector('dialog.academy-search').open")
    for part in parts:
        assert any(part in url for url in finished), (part, finished)


def test_with_save_data_search_loads_only_when_the_dialog_opens(page, site_server):
    """A trainee who asked the browser to save data pays for search only when searching."""
    page.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}})")
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_server}/ru/", wait_until="load")
    page.wait_for_timeout(4000)  # longer than the idle wait's 3 s limit
    assert not [url for url in requested if "/pagefind/" in url], requested
    with page.context.expect_event("request", lambda r: r.url.endswith(".pf_meta"), timeout=10_000):
        page.click(".academy-search-open")
    assert page.input_value(".academy-search__input") == ""


def test_the_best_hit_shows_before_the_others_have_loaded(page, site_server):
    """On a slow link the first result does not wait for nine more pages' words."""
    page.goto(f"{site_server}/journey/first-steps/")
    page.wait_for_event("requestfinished", lambda r: "/pagefind/wasm." in r.url, timeout=15_000)
    passed: list = []
    held: list = []

    def first_only(route):  # the first hit's words pass; every other page's are held back
        if passed:
            held.append(route)
        else:
            passed.append(route)
            route.continue_()

    page.context.route("**/pagefind/fragment/*", first_only)
    page.click(".academy-search-open")
    page.fill(".academy-search__input", "customer")
    page.wait_for_function("() => document.querySelectorAll('.academy-search__results li').length === 1")
    assert page.get_attribute(".academy-search__results", "aria-busy") == "true"
    page.wait_for_timeout(500)
    assert page.locator(".academy-search__results li").count() == 1  # the rest wait for the held one
    for route in held:
        route.continue_()
    page.wait_for_function("() => !document.querySelector('.academy-search__results').hasAttribute('aria-busy')")
    assert page.locator(".academy-search__results li").count() > 1


@pytest.mark.parametrize("lang", ["", "ru/", "fil/"])
def test_the_home_and_progress_pages_are_not_search_results(page, site_server, lang):
    page.goto(f"{site_server}/{lang}journey/first-steps/")
    words = {"": ["Welcome", "browser"], "ru/": ["Добро", "browser"], "fil/": ["Maligayang", "browser"]}[lang]
    listings = {f"{site_server}/{lang}", f"{site_server}/{lang}progress/"}
    for word in words:
        pages = {r["href"].split("#")[0] for r in search(page, word)}
        page.evaluate("document.querySelector('dialog.academy-search').close()")
        assert not pages & listings, (word, pages)


class _CountingCachedHandler(http.server.SimpleHTTPRequestHandler):
    """The built site as a static host serves it (cacheable for an hour); counts each path it sends."""

    sent: collections.Counter = collections.Counter()
    hold_search_script = threading.Event()  # search.js is sent once this is set (a route would turn off the cache)

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        if self.path.split("?")[0].endswith("/assets/academy/search.js"):
            self.hold_search_script.wait(60)
        super().do_GET()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def send_head(self):
        body = super().send_head()
        if body is not None:
            self.sent[self.path.split("?")[0]] += 1
        return body


@pytest.mark.parametrize(("lang", "query", "wasm", "keys"), [("ru", "клиентов", "wasm.ru", None),
                                                           ("fil", "magbasa", "wasm.unknown", "tagalog.js")])
def test_opening_search_asks_for_pagefinds_files_at_once_and_none_twice(browser, built_site, lang, query, wasm, keys):
    """On slow mobile data each link of a chain of requests waits a round trip: what Pagefind needs
    before it can search is asked for together, while the search script is still on its way, and
    Pagefind's own requests find it in the cache (the entry file excepted: Pagefind adds a fresh query).
    Pagefind's worker, where it searches off the page's thread, is one of those files: asked for with
    the rest, never as a link of its own after Pagefind's script."""
    _CountingCachedHandler.sent.clear()
    _CountingCachedHandler.hold_search_script.clear()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_CountingCachedHandler, directory=str(built_site.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        # no offline worker: it fetches again what the page loaded, to keep it (test_offline.py)
        with phone_page(browser, service_workers="block") as page:
            # Save-Data: nothing of search loads until the dialog opens
            page.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}})")
            requested: list[str] = []
            page.context.on("request", lambda request: requested.append(request.url))
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{lang}/journey/first-steps/", wait_until="load")
            page.click(".academy-search-open")
            wanted = (f"/{lang}/pagefind/pagefind.js", f"/{lang}/pagefind/pagefind-worker.js", ".pf_meta",
                      f"/{lang}/pagefind/{wasm}.pagefind", *([f"/{lang}/assets/academy/{keys}"] if keys else []))
            for _ in range(200):  # a loaded machine is slow; nothing here depends on the search script
                if all(any(part in url for url in requested) for part in wanted):
                    break
                page.wait_for_timeout(100)
            assert all(any(part in url for url in requested) for part in wanted), requested
            assert not _CountingCachedHandler.sent[f"/{lang}/assets/academy/search.js"]  # still on its way
            _CountingCachedHandler.hold_search_script.set()
            page.fill(".academy-search__input", query)
            search_settled(page)
            assert page.locator(".academy-search__results li").count() >= 1
            # the results came from Pagefind's worker, not from a fallback on the page's thread
            assert any(w.url.endswith(f"/{lang}/pagefind/pagefind-worker.js") for w in page.workers), page.workers
            assert page.errors == []
        sent = _CountingCachedHandler.sent
        assert sent[f"/{lang}/pagefind/{wasm}.pagefind"] == 1, sent
        assert sent[f"/{lang}/pagefind/pagefind-worker.js"] == 1, sent  # the worker started from the cache
        assert [path for path, count in sent.items() if count > 1] == [f"/{lang}/pagefind/pagefind-entry.json"], sent
        assert not [path for path in sent if path.endswith(".pagefind") and path != f"/{lang}/pagefind/{wasm}.pagefind"]
    finally:
        _CountingCachedHandler.hold_search_script.set()
        server.shutdown()


@pytest.mark.parametrize(("lang", "card_word", "own_word"), [("", "how", "course"), ("ru/", "знакомится", "курс"),
                                                             ("fil/", "how", "course")])
def test_a_course_page_is_found_by_its_introduction_not_by_its_lessons_cards(page, site_server, lang, card_word, own_word):
    """The course page listed each lesson's title, description and reading time, and search
    indexed them run together: «…неудачными.10 минут чтения. Работа с жалобамиКак…». A word
    that only a card holds no longer finds the course page; its own introduction does."""
    course = f"{site_server}/{lang}journey/"
    page.goto(course)
    assert page.locator(".academy-card").count() >= 1
    card = page.locator(".academy-card a").first.evaluate("a => a.textContent")
    assert not re.search(r"[a-zа-я][A-ZА-Я]|\.\d", card), card  # title, text and time read as words apart
    by_card = {r["href"].split("#")[0] for r in search(page, card_word)}
    assert course not in by_card, by_card
    page.goto(course)  # a fresh dialog: the first query's "no results" is not read as the second's answer
    hits = search(page, own_word)
    assert course in {r["href"].split("#")[0] for r in hits}, hits
    excerpts = page.eval_on_selector_all(".academy-search__results p", "ps => ps.map(p => p.textContent)")
    assert not [e for e in excerpts if re.search(r"[a-zа-я][A-ZА-Я]|\.\d", e)], excerpts
