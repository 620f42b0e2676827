"""Search is warm before the trainee types: on slow mobile data the first keystroke waits only for
the words of its best hit, not for Pagefind's index nor for a pause in the typing.

While the page is idle, Pagefind's worker starts (its WebAssembly compiled) and the whole (small) index is
loaded into it with Pagefind's own `preload`; these tests then cut the index off the network before typing, so a query
can only be answered from what was loaded before it. All of that happens in the worker, off the page's
thread: a tap on the lesson never waits for the index to unpack. Timings are bench/phone.py's, not asserted here.
"""

from __future__ import annotations

import json

import pytest

import sitekit
from conftest import phone_page, search, serve

pytestmark = pytest.mark.browser

LESSON = "journey/first-steps/"


def _warm(page, url: str) -> list[str]:
    """Open `url` and wait, as a reader does, until search has warmed up; the URLs requested meanwhile."""
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    # search.js marks the page's timeline once Pagefind has what it preloads; the tests check the rest
    for _ in range(300):  # the idle wait gives up after 3 s; a loaded machine is slower
        if page.evaluate("performance.getEntriesByName('academy-search:ready').length"):
            break
        page.wait_for_timeout(100)
    return requested


# Counts, on the page's own thread (an init script runs in the page, not in its workers), every
# WebAssembly compilation: Pagefind starting there would compile its WebAssembly and unpack the index there.
_COUNT_WASM_ON_PAGE = """window.__wasmOnPage = 0;
for (const name of ["compile", "compileStreaming", "instantiate", "instantiateStreaming"]) {
  const own = WebAssembly[name];
  WebAssembly[name] = function () { window.__wasmOnPage++; return own.apply(this, arguments); };
}"""


def _cut_the_index(page) -> list[str]:
    """From now on, every request for a piece of the index fails; the ones made are listed."""
    asked: list[str] = []

    def refuse(route):
        asked.append(route.request.url)
        route.abort()

    page.context.route("**/pagefind/index/**", refuse)
    return asked


@pytest.mark.parametrize(("lang", "query", "landing", "excerpt"), [
    ("", "customers", "journey/first-steps/", "customer"),  # Pagefind's English stemming
    ("ru/", "клиентов", "ru/journey/first-steps/", "клиент"),  # Pagefind's Russian stemming
    ("fil/", "magbasa", "fil/journey/first-steps/#the-research-moment", "Nagbabasa"),  # our Tagalog stems
])
def test_after_idle_the_index_is_loaded_and_a_query_needs_none_of_it_from_the_network(
        browser, built_site, site_server, lang, query, landing, excerpt):
    plan = json.loads((built_site.site / lang / "pagefind" / "warmup.json").read_text(encoding="utf-8"))
    assert plan["chunks"] and plan["terms"]  # the tiny academy's index is small enough to load whole
    with phone_page(browser, service_workers="block") as page:
        page.add_init_script(_COUNT_WASM_ON_PAGE)
        requested = _warm(page, f"{site_server}/{lang}{LESSON}")
        for chunk in plan["chunks"]:  # every piece of the index came before any keystroke
            assert any(url.endswith(f"/{lang}pagefind/{chunk}") for url in requested), (chunk, requested)
        asked = _cut_the_index(page)
        results = search(page, query)
        assert asked == []  # the query was answered from the index loaded while the page was idle
        # Pagefind started, unpacked the index and searched in its worker; the page's thread did none of it
        assert any(w.url.endswith(f"/{lang}pagefind/pagefind-worker.js") for w in page.workers), page.workers
        assert page.evaluate("window.__wasmOnPage") == 0
        assert any(r["href"].startswith(f"{site_server}/{landing}") for r in results), results
        assert all((f"/{lang}" if lang else "/") in r["href"] for r in results)
        assert excerpt.lower() in page.text_content(".academy-search__results p").lower()
        assert page.errors == []


def test_the_first_keystroke_searches_at_once_and_the_keys_that_follow_wait_for_a_pause(browser, site_server):
    with phone_page(browser, service_workers="block") as page:
        page.clock.install()  # the page's timers and clock, held below (Playwright's fake clock)
        with page.expect_event("requestfinished", lambda r: "/pagefind/wasm." in r.url, timeout=30_000):
            page.goto(f"{site_server}/{LESSON}")
        page.clock.pause_at(page.evaluate("Date.now()") + 1000)  # from here, no timer of the page fires
        page.click(".academy-search-open")
        page.keyboard.type("customers")
        for _ in range(200):
            if page.locator(".academy-search__results li").count():
                break
            page.wait_for_timeout(100)
        # the first letter's results show while the keys that followed it wait for a pause
        assert page.locator(".academy-search__results li").count() >= 1
        # what is shown: the hits and their excerpts, whose marks are the words the query matched
        shown = "document.querySelector('.academy-search__results').innerHTML"
        # the letter's hits all in (the fake clock hides the page's performance marks): the list stops growing
        counts = []
        while len(counts) < 8 or len(set(counts[-8:])) > 1:
            assert len(counts) < 200, counts
            counts.append(page.locator(".academy-search__results li").count())
            page.wait_for_timeout(100)
        first = page.evaluate(shown)
        assert "<mark>course</mark>" in first.lower()  # "c" matched "course" as well as "customers"
        # every hit of the letter is in, yet the list says it is busy: the word typed since is still to come,
        # so a screen reader (or a test waiting for `aria-busy` to go) does not take the letter's hits for the word's
        assert page.evaluate("document.querySelector('.academy-search__results').getAttribute('aria-busy')") == "true"
        page.clock.resume()  # the pause after the last key comes: the whole word is searched
        for _ in range(200):
            now = page.evaluate(shown)
            if now != first and not page.evaluate(
                    "document.querySelector('.academy-search__results').hasAttribute('aria-busy')"):
                break
            page.wait_for_timeout(100)
        assert now != first and "<mark>course</mark>" not in now.lower()  # the word's results replaced the letter's
        hrefs = page.eval_on_selector_all(".academy-search__results a", "links => links.map(a => a.href)")
        assert any(h.startswith(f"{site_server}/journey/first-steps/") for h in hrefs), hrefs
        assert page.errors == []


def test_a_british_spelling_finds_the_american_one_from_the_index_loaded_while_idle(browser, project):
    sitekit.edit(project / "content" / "journey" / "first-steps.md", "Answer every customer kindly.",
                 "Answer every customer kindly, and apologize for a late parcel.")
    site = sitekit.build(project).site
    server, url = serve(site)
    try:
        with phone_page(browser, service_workers="block") as page:
            _warm(page, f"{url}/{LESSON}")
            asked = _cut_the_index(page)
            results = search(page, "apologise")
            assert asked == []
            assert any(r["href"].startswith(f"{url}/journey/first-steps/") for r in results), results
            assert "apologize" in page.text_content(".academy-search__results").lower()
            assert page.errors == []
    finally:
        server.shutdown()
