"""What `academy package` makes of the shipped content, and what a packaged lesson adds.

    python bench/packages.py

Prints the size of every package (course x language x standard), the gzipped size of the
LMS runtime a packaged lesson loads besides academy.js, the script the plain site's pages
load that they did not before (none: they never reference lms.js), and how many xAPI
statements one quiz attempt sends under cmi5. Figures only; nothing is asserted.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNTIME = ROOT / "plugins" / "academy" / "theme" / "assets" / "academy" / "lms.js"


def main() -> None:
    sys.path.insert(0, str(ROOT / "plugins"))
    from academy.quiz.load import load_quizzes

    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "packages"
        subprocess.run([sys.executable, "-m", "academy.cli", "package", "-o", str(out)], cwd=ROOT, check=True,
                       capture_output=True)
        print(f"{'package':44} {'bytes':>9}")
        for path in sorted(out.glob("*.zip")):
            print(f"{path.name:44} {path.stat().st_size:9,}")
        site = Path(work) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT, check=True,
                       capture_output=True)
        loading = [p for p in site.rglob("*.html") if re.search(r"<script[^>]+lms\.js", p.read_text(encoding="utf-8"))]
    runtime = RUNTIME.read_bytes()
    print(f"\nlms.js (packaged lessons only): {len(runtime):,} B raw, {len(gzip.compress(runtime, 9)):,} B gzipped")
    print(f"site pages that load lms.js: {len(loading)} (script added to the plain site: 0 B)")
    print("\ncmi5 statements per quiz attempt: one `answered` per question + one on the quiz;")
    print("the first attempt of a registration adds `passed` or `failed` and `completed`;")
    print("every launch adds `initialized` and `terminated`.")
    for quiz in sorted(load_quizzes(ROOT / "quizzes", ROOT).values(), key=lambda q: q.id):
        n = len(quiz.questions)
        print(f"  {quiz.id:24} {n} questions: {n + 1} per attempt, {n + 3} on the first, {n + 5} for a launch with one attempt")


if __name__ == "__main__":
    main()
