"""What warming search up costs the lesson's own thread, by the thread's clock, sites side by side.

    python bench/search_thread.py [--runs N] SITE [SITE ...]

Lighthouse's Total Blocking Time times the page's tasks by the wall clock: on a shared machine a
task that waited for a core counts as blocking, and its figures swing by hundreds of milliseconds
from run to run. This reads Chromium's trace of a lesson's cold load (360×740, touch; the site
served gzipped as bench/lighthouse.py does), from navigation until search is warm (search.js's
`academy-search:ready` mark), and counts each main-thread task by its thread clock: the time the
thread ran, not the time it waited. Per language and site, medians (ranges) in ms of:
  - the whole load: main-thread CPU, its longest task, and the blocking time a 4× slower phone
    would see (each task's CPU × 4 beyond 50 ms, summed, as Lighthouse's simulated phone counts it);
  - the same from the idle callback that starts search on (search.js, Pagefind, the index).
The sites take turns, so that a busy minute hits all of them. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import threading
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lighthouse import PAGES  # noqa: E402
from mainthread import CATEGORIES, TASKS  # noqa: E402
from sites import chromium, served, spread  # noqa: E402

SLOWDOWN = 4  # Lighthouse's phone


def trace(browser, url: str) -> list[dict]:
    """The trace events of one cold load, until search is warm (or 15 s), and half a second more."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True,
                                  service_workers="block")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    events: list[dict] = []
    done = threading.Event()
    cdp.on("Tracing.dataCollected", lambda e: events.extend(e["value"]))
    cdp.on("Tracing.tracingComplete", lambda e: done.set())
    cdp.send("Tracing.start", {"categories": CATEGORIES, "transferMode": "ReportEvents"})
    page.goto(url, wait_until="load")
    for _ in range(150):
        if page.evaluate("performance.getEntriesByName('academy-search:ready').length"):
            break
        page.wait_for_timeout(100)
    page.wait_for_timeout(500)
    cdp.send("Tracing.end")
    while not done.is_set():
        page.wait_for_timeout(50)
    context.close()
    return events


def figures(events: list[dict], url: str) -> tuple[float, ...]:
    """CPU, longest task and blocking at 4×, in ms: of the whole load, then from search's start."""
    parsers = Counter((e["pid"], e["tid"]) for e in events
                      if e.get("name") == "ParseHTML" and e.get("args", {}).get("beginData", {}).get("url", "") == url)
    main = parsers.most_common(1)[0][0]
    own = [e for e in events if (e.get("pid"), e.get("tid")) == main]
    tasks = [e for e in own if e.get("ph") == "X" and e["name"] in TASKS]
    idle = [e["ts"] for e in own if e.get("name") == "FireIdleCallback"]
    start = min(idle) if idle else float("inf")

    def of(chosen: list[dict]) -> tuple[float, float, float]:
        cpu = [e.get("tdur", e["dur"]) / 1000 for e in chosen] or [0.0]
        return sum(cpu), max(cpu), sum(max(0.0, SLOWDOWN * c - 50) for c in cpu)

    return of(tasks) + of([e for e in tasks if e["ts"] >= start])


def main() -> None:
    parser = argparse.ArgumentParser(description="Search's cost to a lesson's main thread, by the thread's clock.")
    parser.add_argument("sites", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    results: dict[tuple[str, Path], list[tuple[float, ...]]] = {(lang, site): [] for lang in PAGES for site in args.sites}
    with served(args.sites) as urls, chromium() as browser:
        for _ in range(args.runs):
            for lang, path in PAGES.items():
                for site, base in zip(args.sites, urls, strict=True):
                    url = f"{base}/{path}"
                    results[(lang, site)].append(figures(trace(browser, url), url))
    print(f"{args.runs} runs, main thread by its own clock, cold load until search is warm: median (range) ms")
    for (lang, site), runs in results.items():
        cpu, longest, blocking, s_cpu, s_longest, s_blocking = zip(*runs, strict=True)
        print(f"{lang:3} {site.name:16} whole load: CPU {spread(cpu)}, longest task {spread(longest)}, "
              f"blocking at {SLOWDOWN}x {spread(blocking)} | from search's start: CPU {spread(s_cpu)}, "
              f"longest task {spread(s_longest)}, blocking at {SLOWDOWN}x {spread(s_blocking)}", flush=True)


if __name__ == "__main__":
    main()
