"""How long reading hostile quiz YAML takes: an alias bomb, deep nesting, and the shipped quizzes.

    .venv/bin/python bench/quiz_yaml.py

Prints the wall time of validating each input with the build's quiz reader.
Figures only; nothing is asserted.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "tests"))

from academy.errors import ContentError  # noqa: E402
from academy.quiz.load import parse_quiz  # noqa: E402
from test_quiz_validation import billion_laughs  # noqa: E402


def timed(label: str, text: str) -> None:
    start = time.perf_counter()
    try:
        parse_quiz(text, "quizzes/bench.yml", "bench")
        verdict = "accepted"
    except ContentError as error:
        verdict = f"refused, {len(error.problems)} problem(s)"
    print(f"{label:44s} {len(text.encode()):7d} B  {1000 * (time.perf_counter() - start):8.1f} ms  {verdict}")


def main() -> None:
    timed("alias bomb, 9 levels (9**9 strings)", billion_laughs(9))
    timed("alias bomb, 12 levels", billion_laughs(12))
    timed("nested 5000 lists deep", "id: bench\nquestions: " + "[" * 5000 + "]" * 5000 + "\n")
    for path in sorted((ROOT / "quizzes").glob("*.yml")):
        timed(f"quizzes/{path.name}", path.read_text(encoding="utf-8").replace(f"id: {path.stem}\n", "id: bench\n", 1))


if __name__ == "__main__":
    main()
