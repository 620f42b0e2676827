"""A trainee's phone on slow mobile data: a lesson's cold load, and the wait for first search results.

    python bench/phone.py [SITE_DIR]         # measures site/ (run `make site` first)

Serves the built site gzipped on 127.0.0.1 (as bench/lighthouse.py does) and drives Debian's
Chromium at 360×740 (touch) through a link of 400 ms latency and 50 KB/s each way (CDP network
emulation). Per language it prints:
  - cold load: bytes transferred for a lesson with an empty cache (budget: 90 KB), split into the
    lesson itself and search (Pagefind and the query script), which loads once the page is idle;
  - search: seconds from the first keystroke to the first results (budget: 2 s), for a trainee who
    opens search and types the moment the page has loaded, once the network is quiet, and after
    ten seconds of reading; and the results for the whole word, counted from its last keystroke;
  - with --timeline, where the wait goes in the "quiet" case: every request (the page's and Pagefind's
    worker's, with the bytes the server sent), and the marks search.js sets (Pagefind ready with its
    worker, WebAssembly and index chunks; each search run; Pagefind's answer; results shown), in
    milliseconds from the first keystroke.
Figures only; nothing is asserted.

    python bench/phone.py --timeline [SITE_DIR]        # typed once the network is quiet
    python bench/phone.py --timeline=load [SITE_DIR]   # typed the moment the lesson has loaded
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
import time
from dataclasses import dataclass
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
    url = url.split("?")[0]  # the academy's scripts are linked with a query naming their content
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


# Each change of the results list, with its best hit: the whole word's results are those on show
# from the last keystroke on whose best hit is the one the list settles on (older queries' hits may
# show in between); read once the list has been still for two seconds.
WATCH = """() => { window.__keys = []; window.__changes = [];
    const input = document.querySelector('.academy-search__input');
    input.addEventListener('input', () => window.__keys.push(performance.now()));
    new MutationObserver(() => {
        const first = document.querySelector('.academy-search__results li');
        window.__changes.push([performance.now(), first ? first.textContent : null]);
      }).observe(document.querySelector('.academy-search__results'), {childList: true}); }"""
SETTLED = """() => { const c = window.__changes, keys = window.__keys, last = keys[keys.length - 1];
    if (!c.length || performance.now() - Math.max(c[c.length - 1][0], last) < 2000) return null;
    const shown = c.find(x => x[1] !== null), best = c[c.length - 1][1];
    let whole = null;
    for (let i = c.length - 1; i >= 0 && c[i][0] >= last && c[i][1] === best; i--) whole = c[i][0];
    if (whole === null && best !== null) whole = last; /* on show before the last key: found at once */
    return {first: shown ? shown[0] - keys[0] : null, whole: whole === null ? null : whole - last,
            shown: shown && shown[0], wholeAt: whole}; }"""


@dataclass
class Typed:
    first: float  # seconds from the first keystroke to the first results
    whole: float  # seconds from the last keystroke to the whole word's results
    page: object = None


def first_results(browser, url: str, query: str, wait_until: str, pause_ms: int, keep=None) -> Typed:
    context, page, _ = slow_page(browser)
    if keep is not None:
        keep(context)
    page.goto(url, wait_until=wait_until, timeout=120_000)
    page.wait_for_timeout(pause_ms)
    page.click(".academy-search-open")
    page.evaluate(WATCH)
    page.keyboard.type(query, delay=120)  # a thumb on a phone keyboard
    # polled from here: the site's Content-Security-Policy forbids the eval that wait_for_function uses
    settled = None
    for _ in range(2400):
        settled = page.evaluate(SETTLED)
        if settled:
            break
        page.wait_for_timeout(50)
    typed = Typed(settled["first"] / 1000, settled["whole"] / 1000)
    if keep is not None:
        typed.page = page.evaluate("""() => ({origin: performance.timeOrigin, keys: window.__keys,
            marks: performance.getEntriesByType('mark').filter(m => m.name.startsWith('academy-search:'))
                     .map(m => [m.name.slice(15), m.startTime])})""")
    context.close()
    return typed


def timeline(browser, url: str, query: str, base: str, wait_until: str = "networkidle") -> list[str]:
    """The "quiet" case (or, wait_until="load", the "at load" one), event by event, in ms from the first keystroke."""
    requests: dict[object, list] = {}

    def keep(context):
        context.on("request", lambda r: requests.setdefault(r, [time.time() * 1000, None]))
        context.on("requestfinished", lambda r: requests.get(r, [0, 0]).__setitem__(1, time.time() * 1000))

    SENT.clear()
    typed = first_results(browser, url, query, wait_until, 0, keep)
    marks = typed.page
    marks["shown"] = marks["keys"][0] + typed.first * 1000
    marks["whole"] = marks["keys"][-1] + typed.whole * 1000
    zero = marks["origin"] + marks["keys"][0]
    sent: dict[str, list[int]] = {}  # what the server sent of each file, in order; the rest came from the cache
    for path, size in SENT:
        sent.setdefault(path.split("?")[0], []).append(size)
    events: list[tuple[float, str]] = []
    for request, (start, end) in sorted(requests.items(), key=lambda item: item[1][0]):
        timing = request.timing  # the browser's own clock where it has one (events reach here late)
        if timing.get("startTime", -1) > 0:
            start = timing["startTime"]
            end = start + timing["responseEnd"] if timing.get("responseEnd", -1) >= 0 else end
        name = request.url[len(base):]
        sizes = sent.get("/" + name.split("?")[0], [])
        size = f"  {sizes.pop(0) / 1024:.1f} KB" if sizes else "  (cache)"
        span = f"{start - zero:7.0f} → {end - zero:6.0f}" if end else f"{start - zero:7.0f} →  (open)"
        events.append((start - zero, f"{span}  {name[:60]}{size}"))
    for name, at in marks["marks"]:
        events.append((marks["origin"] + at - zero, f"{marks['origin'] + at - zero:7.0f}           mark {name}"))
    for i, at in enumerate(marks["keys"]):
        if i in (0, len(marks["keys"]) - 1):
            events.append((marks["origin"] + at - zero, f"{marks['origin'] + at - zero:7.0f}           keystroke {i + 1}"))
    for label, key in (("first results shown", "shown"), ("the whole word's results on show", "whole")):
        events.append((marks["origin"] + marks[key] - zero, f"{marks['origin'] + marks[key] - zero:7.0f}           {label}"))
    return [line for _, line in sorted(events, key=lambda e: e[0])]


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--timeline")]
    show_timeline = next((a for a in sys.argv[1:] if a.startswith("--timeline")), None)
    wait_until = "load" if show_timeline == "--timeline=load" else "networkidle"
    site = Path(args[0]) if args else ROOT / "site"
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
                if show_timeline:
                    when = "the moment the lesson has loaded" if wait_until == "load" else "after the network is quiet"
                    print(f"{lang}: typed {when}, ms from the first keystroke of {query!r}:")
                    print("\n".join(timeline(browser, url, query, base, wait_until)), flush=True)
                    continue
                lesson, search = cold_load(browser, url)
                at_load = first_results(browser, url, query, "load", 0)
                at_idle = first_results(browser, url, query, "networkidle", 0)
                reading = first_results(browser, url, query, "load", 10_000)
                print(f"{lang:3} cold load {lesson / 1024:5.1f} KB lesson + {search / 1024:5.1f} KB search   "
                      f"first results {at_load.first:4.1f} s at load, {at_idle.first:4.1f} s when quiet, "
                      f"{reading.first:4.1f} s after 10 s reading;  whole word {at_load.whole:4.1f} / "
                      f"{at_idle.whole:4.1f} / {reading.whole:4.1f} s after its last key   ({query!r})", flush=True)
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
