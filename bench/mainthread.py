"""A lesson's main-thread work at 4× CPU in Chromium, sites side by side.

    python bench/mainthread.py [--runs N] [--page PATH] SITE [SITE ...]

Serves each built site gzipped on 127.0.0.1 (as bench/lighthouse.py does), loads a lesson in
Debian's Chromium at 360×740 (touch) with the CPU slowed down 4× (as Lighthouse's phone is), and
reads Chromium's own trace of the page's main thread. Per run and site it prints: the time spent
evaluating Material's bundle, in the DOMContentLoaded handlers (where the bundle mounts its
components), and the blocking time (each task's time beyond 50 ms, summed, as Lighthouse's Total
Blocking Time counts it from the trace). The sites take turns, so that a busy minute hits all of
them; medians and ranges close. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import threading
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sites import chromium, served, spread  # noqa: E402

CATEGORIES = "devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,loading"
TASKS = ("RunTask", "ThreadControllerImpl::RunTask")


def trace(browser, url: str) -> list[dict]:
    """The trace events of one cold load, up to 2.5 s after the load event."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    events: list[dict] = []
    done = threading.Event()
    cdp.on("Tracing.dataCollected", lambda e: events.extend(e["value"]))
    cdp.on("Tracing.tracingComplete", lambda e: done.set())
    cdp.send("Tracing.start", {"categories": CATEGORIES, "transferMode": "ReportEvents"})
    page.goto(url, wait_until="load")
    page.wait_for_timeout(2500)
    cdp.send("Tracing.end")
    while not done.is_set():
        page.wait_for_timeout(50)
    context.close()
    return events


def figures(events: list[dict], url: str) -> tuple[float, float, float]:
    """Milliseconds: Material's bundle evaluated, DOMContentLoaded handlers, blocking time."""
    # the page's main thread: the one that parsed its HTML
    parsers = Counter((e["pid"], e["tid"]) for e in events
                      if e.get("name") == "ParseHTML" and e.get("args", {}).get("beginData", {}).get("url", "") == url)
    main = parsers.most_common(1)[0][0]
    done = [e for e in events if (e.get("pid"), e.get("tid")) == main and e.get("ph") == "X"]
    bundle = sum(e["dur"] for e in done if e["name"] == "EvaluateScript"
                 and "/bundle." in e["args"].get("data", {}).get("url", ""))
    loaded = sum(e["dur"] for e in done if e["name"] == "EventDispatch"
                 and e["args"].get("data", {}).get("type") == "DOMContentLoaded")
    blocking = sum(max(0, e["dur"] - 50_000) for e in done if e["name"] in TASKS)
    return bundle / 1000, loaded / 1000, blocking / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description="A lesson's main-thread work at 4x CPU, sites side by side.")
    parser.add_argument("sites", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--page", default="ru/customer-journey/moments-of-truth/")
    args = parser.parse_args()
    results: dict[Path, list[tuple[float, float, float]]] = {site: [] for site in args.sites}
    with served(args.sites) as urls, chromium() as browser:
        for _ in range(args.runs):
            for site, base in zip(args.sites, urls, strict=True):
                url = f"{base}/{args.page}"
                results[site].append(figures(trace(browser, url), url))
    print(f"{args.page}, {args.runs} runs, 4x CPU: median (range) ms")
    for site, runs in results.items():
        bundle, loaded, blocking = zip(*runs, strict=True)
        print(f"{site.name:16} bundle evaluated {spread(bundle)}, DOMContentLoaded {spread(loaded)}, "
              f"blocking {spread(blocking)}")


if __name__ == "__main__":
    main()
