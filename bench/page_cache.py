"""Full builds with the page cache: cold, warm with nothing changed, warm after one edit.

    python bench/page_cache.py                 # 1,000 lessons (3,303 pages), two rounds
    python bench/page_cache.py --sizes 100 1000 --repeats 3

The corpus is `bench/scale.py`'s. Each round, on the same lessons, one after the other:

- cold: no `.cache` and no site folder, as a fresh clone's first build (CI's every build);
- the cache off (`ACADEMY_PAGE_CACHE=off`), the catalog cache kept: every page rendered;
- warm: the tree unchanged since the last build;
- warm after one English paragraph of one lesson is edited;
- warm after one Filipino msgstr of that lesson is edited.

Wall-clock and CPU seconds (the build and every process it waited for) are printed with the
machine's load average; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

import scale  # noqa: E402
from serve_loop import Lesson, fresh_word, load, msgstr_edit, pages_of, paragraph_edit, paragraphs  # noqa: E402

STEPS = ("cold (fresh clone)", "cache off", "warm, unchanged", "warm, one English paragraph", "warm, one Filipino msgstr")


def build(work: Path, cache: bool = True) -> tuple[float, float]:
    saved = os.environ.get("ACADEMY_PAGE_CACHE")
    os.environ["ACADEMY_PAGE_CACHE"] = "on" if cache else "off"
    try:
        shutil.rmtree(work / "site", ignore_errors=True)
        seconds, _peak, cpu = scale.timed_build(work)
    finally:
        if saved is None:
            os.environ.pop("ACADEMY_PAGE_CACHE", None)
        else:
            os.environ["ACADEMY_PAGE_CACHE"] = saved
    return seconds, cpu


def rounds(work: Path, n: int, repeats: int) -> dict[str, list[tuple[float, float]]]:
    lesson = Lesson(work, n // 2)
    english = paragraphs(lesson.markdown().read_text(encoding="utf-8"))[1]
    figures: dict[str, list[tuple[float, float]]] = {step: [] for step in STEPS}
    for _ in range(repeats):
        english_edit = paragraph_edit(lesson.markdown(), english)
        filipino_edit = msgstr_edit(lesson.catalog("fil"), english)
        shutil.rmtree(work / ".cache", ignore_errors=True)
        for step in STEPS:
            if step == "warm, one English paragraph":
                english_edit(fresh_word())
            elif step == "warm, one Filipino msgstr":
                filipino_edit(fresh_word())
            seconds, cpu = build(work, cache=step != "cache off")
            figures[step].append((seconds, cpu))
            print(f"  N={n}: {step}: {seconds:.1f} s wall, {cpu:.1f} s CPU; {load()}", flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--translated", type=float, default=0.9)
    parser.add_argument("--keep", type=Path, default=None, help="keep the corpora under this folder")
    args = parser.parse_args()
    table = []
    for n in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"academy-cache-{n}-", dir=args.keep))
        try:
            scale.generate(work, n, args.translated)
            print(f"N={n} ({pages_of(n):,} pages); {load()}", flush=True)
            table.append((n, rounds(work, n, args.repeats)))
        finally:
            if args.keep is None:
                shutil.rmtree(work, ignore_errors=True)
    print("\n| lessons (pages) | build | wall s (median) | CPU s (median) | runs, wall / CPU |")
    print("|---|---|---|---|---|")
    for n, figures in table:
        for step in STEPS:
            runs = figures[step]
            print(f"| {n:,} ({pages_of(n):,}) | {step} | {statistics.median(w for w, _ in runs):.1f} | "
                  f"{statistics.median(c for _, c in runs):.1f} | "
                  + ", ".join(f"{w:.1f} / {c:.1f}" for w, c in runs) + " |")
    print(f"\n{load()}")


if __name__ == "__main__":
    main()
