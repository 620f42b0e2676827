"""The abbreviations file: `*[ABBR]: what it stands for`, one a line, added to the end of every page.

Any other line would be shown at the end of every page as text, and an
abbreviation defined twice keeps only its last meaning, silently.
"""

from __future__ import annotations

import re

from .errors import Problem, source_lines

DEFINITION = re.compile(r"^\*\[([^\]]+)\][ ]?:[ \t]*(.*)$")
FORM = "write each abbreviation as `*[ABBR]: what it stands for`, one a line"


def problems(text: str, shown: str) -> list[Problem]:
    found: list[Problem] = []
    first: dict[str, tuple[int, str]] = {}
    for number, line in enumerate(source_lines(text), start=1):
        if not line.strip():
            continue
        definition = DEFINITION.match(line.strip())
        if definition is None:
            found.append(Problem(shown, number, "this line is not an abbreviation: it would be shown at the end of every page",
                                 FORM))
            continue
        abbr, meaning = definition.group(1), definition.group(2).strip()
        if not meaning:
            found.append(Problem(shown, number, f"the abbreviation {abbr} has no meaning after its colon", FORM))
        elif abbr in first:
            line_first, meaning_first = first[abbr]
            same = "the same way" if meaning == meaning_first else f"differently ({meaning_first!r})"
            found.append(Problem(shown, number, f"{abbr} is defined again, {same}, on line {line_first}: "
                                 "only the last meaning would be shown", f"keep one `*[{abbr}]:` line"))
        else:
            first[abbr] = (number, meaning)
    return found


def meanings(text: str) -> list[tuple[str, str]]:
    """Every (abbreviation, meaning) of the file, in order."""
    found = []
    for line in source_lines(text):
        definition = DEFINITION.match(line.strip())
        if definition and definition.group(2).strip():
            found.append((definition.group(1), definition.group(2).strip()))
    return found
