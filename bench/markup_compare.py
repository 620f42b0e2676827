"""How long the academy takes to compare a translation's markup with its English.

    .venv/bin/python bench/markup_compare.py

Every translated block of every page is compared once per language build
(results are cached within a build), so this figure times the number of
translated blocks is what the comparison adds to a build.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from academy.markup import markup_problem  # noqa: E402

COUNT = 1000


def measure(label: str, cases: list[tuple[str, str]]) -> None:
    start = time.perf_counter()
    refused = sum(markup_problem(msgid, msgstr) is not None for msgid, msgstr in cases)
    elapsed = time.perf_counter() - start
    print(f"{len(cases)} {label} compared in {elapsed:.2f} s: {elapsed / len(cases) * 1000:.3f} ms each ({refused} refused)")


def main() -> None:
    measure("paragraphs with a link and bold", [
        (f"Read [the glossary](../glossary.md#zmot) and **this**, item {i}.",
         f"Читайте [глоссарий](../glossary.md#zmot) и **это**, пункт {i}.") for i in range(COUNT)])
    measure("paragraphs of plain prose", [
        (f"Greet the customer by name, item {i}.", f"Поприветствуйте клиента по имени, пункт {i}.") for i in range(COUNT)])


if __name__ == "__main__":
    main()
