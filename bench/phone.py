"""A trainee's phone on slow mobile data: a lesson's cold load, and the wait for first search results.

    python bench/phone.py [SITE_DIR]         # measures site/ (run `make site` first)

Serves the built site gzipped on 127.0.0.1 (as bench/lighthouse.py does) and drives Debian's
Chromium at 360×740 (touch) through a link of 400 ms latency and 50 KB/s each way (CDP network
emulation). Per language it prints:
  - cold load: bytes transferred for a lesson with an empty cache (budget: 90 KB);
  - search: seconds from the first keystroke to the first results, typing at once when the dialog
    opens and typing after one second of reading it (budget: 2 s).
Figures only; nothing is asserted.
"""

from __future__ import annotations

import functools
import http.server
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
    received = []
    cdp.on("Network.loadingFinished", lambda e: received.append(e["encodedDataLength"]))
    return context, page, received


def cold_load(browser, url: str) -> int:
    context, page, received = slow_page(browser)
    page.goto(url, wait_until="networkidle", timeout=120_000)
    context.close()
    return sum(received)


def first_results(browser, url: str, query: str, pause_ms: int) -> float:
    context, page, _ = slow_page(browser)
    page.goto(url, wait_until="networkidle", timeout=120_000)
    page.click(".academy-search-open")
    page.wait_for_timeout(pause_ms)
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
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for lang, query in QUERIES.items():
                url = base + ("" if lang == "en" else f"{lang}/") + LESSON
                size = cold_load(browser, url)
                at_once = first_results(browser, url, query, 0)
                after_reading = first_results(browser, url, query, 1000)
                print(f"{lang:3} cold load {size / 1024:6.1f} KB   first results {at_once:4.1f} s typing at once, "
                      f"{after_reading:4.1f} s after 1 s   ({query!r})", flush=True)
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
