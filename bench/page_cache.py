"""Full builds with the page cache: cold, warm with nothing changed, warm after one edit.

    python bench/page_cache.py                 # 1,000 lessons (3,303 pages), two rounds
    python bench/page_cache.py --sizes 100 1000 --repeats 3
    python bench/page_cache.py --before ../old-checkout   # that checkout's academy too, side by side

The corpus is `bench/scale.py`'s. Each round, on the same lessons, one after the other:

- cold: no `.cache` and no site folder, as a fresh clone's first build (CI's every build);
- the cache off (`ACADEMY_PAGE_CACHE=off`), the catalog cache kept: every page rendered;
- warm: the tree unchanged since the last build;
- warm after one English paragraph of one lesson is edited;
- warm after one Filipino msgstr of that lesson is edited.

Every step but the cold one builds over the site the step before published, as `make site` does
(the old site is swapped out and deleted); each starts once an old site a detached process is
deleting is gone (`--no-cache-off` leaves out the slow second step).

With `--before`, an earlier checkout's academy builds a copy of the same lessons, step by step
between this one's steps (each with its own `.cache`). Wall-clock and CPU seconds (the build and every process it waited for) are printed with the
machine's load average; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

import scale  # noqa: E402
from serve_loop import (  # noqa: E402
    Lesson,
    academy_code,
    fresh_word,
    load,
    msgstr_edit,
    pages_of,
    paragraph_edit,
    paragraphs,
)

STEPS = ("cold (fresh clone)", "cache off", "warm, unchanged", "warm, one English paragraph", "warm, one Filipino msgstr")


def build(work: Path, cache: bool = True, checkout: Path | None = None, keep_site: bool = True) -> tuple[float, float]:
    saved = os.environ.get("ACADEMY_PAGE_CACHE")
    os.environ["ACADEMY_PAGE_CACHE"] = "on" if cache else "off"
    try:
        if not keep_site:
            shutil.rmtree(work / "site", ignore_errors=True)
        deadline = time.monotonic() + 600
        while any(p.name.startswith(".site.trash-") for p in work.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.1)  # the last build's old site, still being deleted
        with academy_code(checkout):
            seconds, _peak, cpu = scale.timed_build(work)
    finally:
        if saved is None:
            os.environ.pop("ACADEMY_PAGE_CACHE", None)
        else:
            os.environ["ACADEMY_PAGE_CACHE"] = saved
    return seconds, cpu


def rounds(works: dict[str, tuple[Path, Path | None]], n: int, repeats: int,
           steps: tuple[str, ...] = STEPS) -> dict[str, dict[str, list]]:
    """Each academy (name -> its copy of the lessons, its checkout) takes each step in turn."""
    figures: dict[str, dict[str, list]] = {name: {step: [] for step in STEPS} for name in works}
    edits = {}
    for name, (work, _checkout) in works.items():
        lesson = Lesson(work, n // 2)
        english = paragraphs(lesson.markdown().read_text(encoding="utf-8"))[1]
        edits[name] = (paragraph_edit(lesson.markdown(), english), msgstr_edit(lesson.catalog("fil"), english))
    for _ in range(repeats):
        for work, _checkout in works.values():
            shutil.rmtree(work / ".cache", ignore_errors=True)
        for step in steps:
            word = fresh_word()
            for name, (work, checkout) in works.items():
                if step == "warm, one English paragraph":
                    edits[name][0](word)
                elif step == "warm, one Filipino msgstr":
                    edits[name][1](word)
                seconds, cpu = build(work, cache=step != "cache off", checkout=checkout, keep_site=step != STEPS[0])
                figures[name][step].append((seconds, cpu))
                print(f"  N={n}: {name}: {step}: {seconds:.1f} s wall, {cpu:.1f} s CPU; {load()}", flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--translated", type=float, default=0.9)
    parser.add_argument("--keep", type=Path, default=None, help="keep the corpora under this folder")
    parser.add_argument("--before", type=Path, default=None, help="an earlier checkout: its academy builds too")
    parser.add_argument("--no-cache-off", action="store_true", help="leave out the build with the cache off")
    args = parser.parse_args()
    table = []
    for n in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"academy-cache-{n}-", dir=args.keep))
        try:
            scale.generate(work, n, args.translated)
            works: dict[str, tuple[Path, Path | None]] = {}
            if args.before:
                shutil.copytree(work, work.with_name(work.name + "-before"))
                works["before"] = (work.with_name(work.name + "-before"), args.before)
            works["now"] = (work, None)
            print(f"N={n} ({pages_of(n):,} pages); {load()}", flush=True)
            steps = tuple(step for step in STEPS if not (args.no_cache_off and step == "cache off"))
            table.append((n, rounds(works, n, args.repeats, steps)))
        finally:
            if args.keep is None:
                shutil.rmtree(work, ignore_errors=True)
                shutil.rmtree(work.with_name(work.name + "-before"), ignore_errors=True)
    print("\n| lessons (pages) | academy | build | wall s (median) | CPU s (median) | runs, wall / CPU |")
    print("|---|---|---|---|---|---|")
    for n, by_name in table:
        for step in STEPS:
            for name, figures in by_name.items():
                runs = figures[step]
                if not runs:
                    continue
                print(f"| {n:,} ({pages_of(n):,}) | {name} | {step} | {statistics.median(w for w, _ in runs):.1f} | "
                      f"{statistics.median(c for _, c in runs):.1f} | "
                      + ", ".join(f"{w:.1f} / {c:.1f}" for w, c in runs) + " |")
    print(f"\n{load()}")


if __name__ == "__main__":
    main()
