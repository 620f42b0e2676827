"""Churn of a routine English edit: lines changed across .pot and .po files by `academy i18n update`.

Copies the project to a temporary folder, inserts a 2-line paragraph near the
top of a lesson, runs the update and counts changed lines (git diff --numstat).
Also prints how long an update on the unchanged shipped catalogs takes.

    .venv/bin/python bench/churn.py
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LESSON = "content/customer-journey/moments-of-truth.md"


def update(folder: Path) -> str:
    start, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "academy.cli", "i18n", "update"], cwd=folder, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
    return f"{time.perf_counter() - start:.2f} s wall, {used:.2f} s CPU (update and the gettext tools it runs)"


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for name in ("content", "quizzes", "locales"):
            shutil.copytree(ROOT / name, folder / name)
        shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
        git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
        subprocess.run([*git, "init", "-q"], cwd=folder, check=True)
        print(f"update on unchanged sources: {update(folder)}")
        subprocess.run([*git, "add", "-A"], cwd=folder, check=True)
        subprocess.run([*git, "commit", "-qm", "before"], cwd=folder, check=True)
        lesson = folder / LESSON
        lines = lesson.read_text(encoding="utf-8").split("\n")
        heading = next(i for i, line in enumerate(lines) if line.startswith("# "))
        lines[heading + 1:heading + 1] = ["", "A new paragraph that an editor added above everything else."]
        lesson.write_text("\n".join(lines), encoding="utf-8")
        print(f"update after a 2-line insert: {update(folder)}")
        stat = subprocess.run(["git", "diff", "--numstat", "--", "locales"], cwd=folder, check=True,
                              capture_output=True, text=True).stdout.split("\n")
        rows = [row.split("\t") for row in stat if row]
        changed = sum(int(added) + int(removed) for added, removed, _ in rows)
        print(f"2-line insert in {LESSON}: {changed} lines changed in {len(rows)} catalog files")


if __name__ == "__main__":
    main()
