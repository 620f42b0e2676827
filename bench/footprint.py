"""What a trainee downloads for the academy's own features, and how long `academy check` takes.

    python bench/footprint.py

Prints the gzipped size of the academy's script and stylesheet (search, quiz,
progress page), and the wall time of `academy check` on the shipped content,
three runs. Figures only; nothing is asserted.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "plugins" / "academy" / "theme" / "assets" / "academy"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def main() -> None:
    js = (ASSETS / "academy.js").read_bytes()
    css = (ASSETS / "academy.css").read_bytes()
    print(f"academy.js   {len(js):6d} B raw, {gz(js):5d} B gzipped")
    print(f"academy.css  {len(css):6d} B raw, {gz(css):5d} B gzipped")
    print(f"together               {gz(js + css):5d} B gzipped (budget for quiz JS + CSS: 8192 B)")
    times = []
    for _ in range(3):
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "academy.cli", "check"], cwd=ROOT, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
    print(f"academy check on the shipped content: {min(times):.2f} s best of 3 (exit {result.returncode})")


if __name__ == "__main__":
    main()
