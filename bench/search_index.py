"""CPU and wall seconds of the search step alone (`python -m academy.search`), English and Filipino.

    python bench/search_index.py SITE [--before ../old-checkout] [--repeats 4]

SITE is a built site (`mkdocs build` of the academy or of `bench/scale.py`'s corpus): its
English pages and its Filipino pages are indexed on their own, as each language's build does,
alternating with an earlier checkout's code when one is given. CPU seconds count the indexer
too (a child process), and are steadier than wall seconds on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def copy_language(site: Path, lang: str, target: Path) -> None:
    """One language's pages as its own build leaves them, without an index."""
    source = site / lang if lang != "en" else site
    others = {"pagefind", "fil", "ru"} if lang == "en" else {"pagefind"}
    shutil.copytree(source, target, ignore=lambda folder, names: [n for n in names if Path(folder) == source
                                                                   and n in others])


def index_once(site: Path, lang: str, plugins: Path) -> tuple[float, float]:
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "academy.search", str(site), lang], check=True, capture_output=True,
                   env={**os.environ, "PYTHONPATH": str(plugins)})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--before", type=Path, default=None, help="a checkout of an earlier commit")
    parser.add_argument("--repeats", type=int, default=4)
    args = parser.parse_args()
    codes = {**({"before": args.before.resolve() / "plugins"} if args.before else {}), "this": HERE / "plugins"}
    figures: dict[tuple[str, str], list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="academy-search-bench-") as work:
        sites = {lang: Path(work) / lang for lang in ("en", "fil")}
        for lang, folder in sites.items():
            copy_language(args.site, lang, folder)
        for _ in range(args.repeats):
            for lang, folder in sites.items():
                for name, plugins in codes.items():
                    cpu, wall = index_once(folder, lang, plugins)
                    figures.setdefault((lang, name), []).append((cpu, wall))
                    print(f"{lang} {name}: CPU {cpu:.2f} s, wall {wall:.2f} s; load {os.getloadavg()[0]:.1f}", flush=True)
    print("\n| language | code | CPU seconds (median) | wall seconds (median) |\n|---|---|---|---|")
    for (lang, name), runs in figures.items():
        cpus, walls = [c for c, _ in runs], [w for _, w in runs]
        print(f"| {lang} | {name} | {statistics.median(cpus):.2f} ({min(cpus):.2f}–{max(cpus):.2f}) "
              f"| {statistics.median(walls):.2f} ({min(walls):.2f}–{max(walls):.2f}) |")


if __name__ == "__main__":
    main()
