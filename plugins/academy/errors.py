"""Problems in the content: what an editor or translator sees instead of a traceback.

A problem is data (file, line, what is wrong, how to fix it) from the moment it
is found until it is printed: it crosses processes as JSON, never as log text
to be parsed again.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path


def source_lines(text: str) -> list[str]:
    """A source's lines as its editor counts them: ended by \\n, \\r\\n or \\r only. A line separator a word
    processor pasted (U+2028, U+2029, U+0085), which `str.splitlines` would also end a line at, stays inside
    its line, as Markdown and the editor's own line numbers keep it."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")

@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        # line 0: the problem is the file or folder as a whole
        text = f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"
        return f"{text}\n    hint: {self.hint}" if self.hint else text


def choices(values: list[str] | tuple[str, ...], limit: int = 8) -> str:
    """Every choice for a hint, or the first few and how many more: a hint never ends mid-list without saying so."""
    values = list(values)
    shown = ", ".join(values[:limit])
    return shown + (f" … and {len(values) - limit} more" if len(values) > limit else "")


class AcademyError(Exception):
    """One or more problems that stop the build; ``problems`` is always a list."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems: list[Problem] = list(problems) if isinstance(problems, list) else [problems]
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def problem(self) -> Problem:
        return self.problems[0]


class ContentError(AcademyError):
    """Problems in lessons, quizzes or the site's configuration."""


@dataclass
class Report:
    """Every problem of one run: errors stop it, warnings do too under ``strict``.

    A problem found twice (a page asked for by two hooks, a shared file read by
    every page) is reported once.
    """

    strict: bool = False
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    _seen: set[Problem] = field(default_factory=set, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._seen = set(self.errors) | set(self.warnings)

    def error(self, problem: Problem) -> None:
        if problem in self._seen and problem in self.errors:
            return
        if problem in self._seen:
            self.warnings.remove(problem)  # the same problem is now an error: said once, as an error
        self._seen.add(problem)
        self.errors.append(problem)

    def warn(self, problem: Problem) -> None:
        if problem not in self._seen:
            self._seen.add(problem)
            self.warnings.append(problem)

    def add(self, problems: list[Problem], *, warning: bool = False) -> None:
        for problem in problems:
            (self.warn if warning else self.error)(problem)

    def merge(self, other: Report) -> None:
        self.add(other.errors)
        self.add(other.warnings, warning=True)

    @property
    def failed(self) -> bool:
        return bool(self.errors) or (self.strict and bool(self.warnings))

    def blocking(self) -> list[Problem]:
        """What stops the run: the errors, and the warnings too in strict mode."""
        return self.errors + (self.warnings if self.strict else [])

    # Between a language build and the build that started it, as JSON.
    def to_json(self) -> str:
        return json.dumps({"strict": self.strict, "errors": [asdict(p) for p in self.errors],
                           "warnings": [asdict(p) for p in self.warnings]}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Report:
        data = json.loads(text)
        return cls(bool(data.get("strict")), [Problem(**p) for p in data.get("errors", [])],
                   [Problem(**p) for p in data.get("warnings", [])])


def display_path(path: str | Path, root: str | Path | None = None) -> str:
    """A path as the reader typed it: relative to the project where possible."""
    if root is not None:
        shown = _relative(str(path), str(root))
        if shown is not None:
            return shown
    return _relative(str(path), os.getcwd()) or Path(path).as_posix()


@lru_cache(maxsize=16384)
def _relative(path: str, base: str) -> str | None:
    try:
        return Path(path).resolve().relative_to(Path(base).resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        return None
