"""Localizations per page, build time and summed peak memory: this tree against a git revision.

    python bench/seam.py --sizes 100 300 1000 --against 8fcfa06

Both trees build the same generated corpus (bench/scale.py's generator), one
after the other in the same run, with the same instrument (bench/instrument/)
counting every localization of a page in every process and each process's
peak memory. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from scale import generate  # noqa: E402


def checkout(revision: str, into: Path) -> Path:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(into), revision], check=True,
                   capture_output=True)
    return into


def measure(tree: Path, corpus: Path) -> dict:
    log = Path(tempfile.mkstemp(prefix="academy-seam-", suffix=".jsonl")[1])
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", ACADEMY_BENCH_LOG=str(log),
               PYTHONPATH=os.pathsep.join([str(ROOT / "bench" / "instrument"), str(tree / "plugins")]))
    env.pop("ACADEMY_LANG", None)
    site = corpus / f"site-{tree.name}"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=corpus, env=env,
                   check=True, capture_output=True)
    seconds = time.perf_counter() - start
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    log.unlink()
    per_page: dict[str, list[int]] = defaultdict(list)
    for record in records:
        for path, count in record["localizations"].items():
            if "includes/" not in path:
                per_page[path].append(count)
    totals = [sum(counts) for counts in per_page.values()] or [0]
    return {"seconds": seconds, "processes": len(records),
            "localizations_per_page": (min(totals), max(totals), sum(totals) / len(totals)),
            "checks": sum(r["checks"] for r in records),
            "peak_mb_sum": sum(r["peak_kb"] for r in records) / 1024,
            "peak_mb_max": max(r["peak_kb"] for r in records) / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--against", default="8fcfa06", help="the git revision to compare with")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="academy-seam-") as work:
        old = checkout(args.against, Path(work) / f"rev-{args.against}")
        try:
            for n in args.sizes:
                corpus = Path(work) / f"corpus-{n}"
                generate(corpus, n, 0.9)
                for label, tree in ((args.against, old), ("this tree", ROOT)):
                    row = measure(tree, corpus)
                    low, high, mean = row["localizations_per_page"]
                    print(f"N={n:5d}  {label:10}  build={row['seconds']:6.1f} s  processes={row['processes']}  "
                          f"localizations per page (all languages)={low}–{high} (mean {mean:.2f})  "
                          f"completeness checks={row['checks']}  "
                          f"peak RSS summed={row['peak_mb_sum']:6.0f} MB (largest process {row['peak_mb_max']:.0f} MB)",
                          flush=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)], capture_output=True)


if __name__ == "__main__":
    main()
