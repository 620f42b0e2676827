"""A trainee's phone on slow mobile data: a lesson's cold load, and the wait for first search results.

    python bench/phone.py [SITE_DIR]         # measures site/ (run `make site` first)

Serves the built site gzipped on 127.0.0.1 (as bench/lighthouse.py does) and drives Debian's
Chromium at 360×740 (touch) through a link of 400 ms latency and 50 KB/s each way (CDP network
emulation). Per language it prints:
  - cold load: bytes transferred for a lesson with an empty cache (budget: 90 KB), split into the
    lesson itself and search (Pagefind and the query script), which loads once the page is idle;
  - search: seconds from the first keystroke to the first results (budget: 2 s), for a trainee who
    opens search and types the moment the page has loaded, once the network is quiet, and after
    ten seconds of reading.
Figures only; nothing is asserted.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lighthouse import GzipHandler  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LESSON = "customer-journey/moments-of-truth/"
QUERIES = {"en": "complaint", "fil": "nagrereklamo", "ru": "жалоба"}
SLOW = {"offline": False, "latency": 400, "downloadThroughput": 50 * 1024, "uploadThroughput": 50 * 1024}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def slow_page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True,
                                  service_workers="block")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW)
    urls: dict[str, str] = {}
    received: list[tuple[str, int]] = []
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: received.append((urls.get(e["requestId"], ""), e["encodedDataLength"])))
    return context, page, received


SENT: list[tuple[str, int]] = []  # (path, body bytes) of every response the server sent


class CountingHandler(GzipHandler):
    """Counts what it sends: Pagefind fetches its index from a web worker, which the page's
    DevTools session does not see."""

    def send_head(self):
        body = super().send_head()
        if body is not None:
            SENT.append((self.path, len(body.data) if hasattr(body, "data") else os.fstat(body.fileno()).st_size))
        return body


def is_search(url: str) -> bool:
    return "/pagefind/" in url or url.endswith(("/tagalog.js", "/spelling.js", "/assets/academy/search.js"))


def cold_load(browser, url: str) -> tuple[int, int]:
    """Bytes of the lesson (as the page received them, headers included), and of search (the bodies the
    server sent), once the network has been quiet for half a second."""
    context, page, received = slow_page(browser)
    SENT.clear()
    page.goto(url, wait_until="networkidle", timeout=120_000)
    context.close()
    lesson = sum(size for u, size in received if not is_search(u))
    return lesson, sum(size for path, size in SENT if is_search(path))


def first_results(browser, url: str, query: str, wait_until: str, pause_ms: int) -> float:
    context, page, _ = slow_page(browser)
    page.goto(url, wait_until=wait_until, timeout=120_000)
    page.wait_for_timeout(pause_ms)
    page.click(".academy-search-open")
    page.evaluate("""() => { window.__typed = performance.now();
        new MutationObserver((_, o) => { if (document.querySelector('.academy-search__results li')) {
            window.__shown = performance.now(); o.disconnect(); } })
          .observe(document.querySelector('.academy-search__results'), {childList: true}); }""")
    page.keyboard.type(query, delay=120)  # a thumb on a phone keyboard
    # polled from here: the site's Content-Security-Policy forbids the eval that wait_for_function uses
    for _ in range(2400):
        if page.evaluate("() => window.__shown"):
            break
        page.wait_for_timeout(50)
    seconds = page.evaluate("(window.__shown - window.__typed) / 1000")
    context.close()
    return seconds


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    if not (site / "index.html").exists():
        raise SystemExit(f"{site}: no built site; run `make site` first")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CountingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for lang, query in QUERIES.items():
                url = base + ("" if lang == "en" else f"{lang}/") + LESSON
                lesson, search = cold_load(browser, url)
                at_load = first_results(browser, url, query, "load", 0)
                at_idle = first_results(browser, url, query, "networkidle", 0)
                reading = first_results(browser, url, query, "load", 10_000)
                print(f"{lang:3} cold load {lesson / 1024:5.1f} KB lesson + {search / 1024:5.1f} KB search   "
                      f"first results {at_load:4.1f} s at load, {at_idle:4.1f} s when quiet, "
                      f"{reading:4.1f} s after 10 s reading   ({query!r})", flush=True)
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
