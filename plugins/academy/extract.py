"""Extraction: the messages of every source file, as Babel extractors and as catalogs.

The three functions ``extract_markdown``, ``extract_quiz`` and ``extract_svg``
are registered in the ``babel.extractors`` entry-point group, so
``pybabel extract -F babel.cfg`` finds the same messages the build renders.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from . import diagrams
from .errors import ContentError, Problem, display_path
from .localize import messages_of_page
from .plaintext import CONTROL, CONTROL_HINT, control_problem
from .quiz.load import parse_quiz

Extracted = Iterator[tuple[int, str | None, str, list[str]]]


def _text(fileobj: IO[bytes]) -> str:
    """The file as text with \\n line endings (a lesson saved on Windows has \\r\\n) and in Unicode's composed
    form NFC ("é" saved as "e" and a combining accent is the "é" it shows), as the build reads it."""
    return unicodedata.normalize("NFC", fileobj.read().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n"))


NOTE_BACKSLASH_HINT = ("end the note with another word or sign (`keep C:\\ as it is`): PO files join a line that ends "
                       "with a backslash to the line below it, so the note would swallow the message's file reference")


def _line_of(lines: list[str], start: int, text: str, char: str) -> int:
    """The file line of ``char`` in a message that starts at ``start`` (the start if it came from an escape)."""
    for number in range(start, min(start + text.count("\n") + 1, len(lines)) + 1):
        if char in lines[number - 1]:
            return number
    return start


def unwritable(text: str, units: list, shown: str) -> list[Problem]:
    """What in a page's messages a PO file cannot hold as written: GNU gettext ends a string at a NUL
    and the build refuses every control character; a comment line that ends with a backslash is
    joined to the next line by every gettext tool."""
    problems = []
    lines = text.split("\n")
    for unit in units:
        for written, line, what in ((unit.text, unit.line, unit.kind), (unit.note, unit.note_line, "note to translators")):
            hidden = control_problem(written)
            if hidden:
                line = _line_of(lines, line, written, CONTROL.search(written).group())
                problems.append(Problem(shown, line, f"{hidden} in this {what}", CONTROL_HINT))
        if unit.note.endswith("\\"):
            problems.append(Problem(shown, unit.note_line, "a note to translators ends with a backslash", NOTE_BACKSLASH_HINT))
    return problems


def extract_markdown(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict) -> Extracted:
    """The messages of a page; a page whose messages no PO file can hold as written is refused, every problem at its line."""
    name = getattr(fileobj, "name", None)
    shown = display_path(name) if name else "page.md"
    text = _text(fileobj)
    units = messages_of_page(text, shown)
    problems = unwritable(text, units, shown)
    if problems:
        raise ContentError(problems)
    for unit in units:
        yield unit.line, None, unit.text, [unit.kind] + ([f"TRANSLATORS: {unit.note}"] if unit.note else [])


def extract_svg(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict) -> Extracted:
    for label, line in diagrams.labels(_text(fileobj)):
        yield line, None, label, ["diagram label"]


def extract_quiz(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict) -> Extracted:
    """The strings of a quiz, read by the same loader as the build: a quiz the build refuses is refused here too."""
    name = getattr(fileobj, "name", None)
    shown = display_path(name) if name else "quiz.yml"
    try:
        text = _text(fileobj)
    except UnicodeDecodeError as error:
        raise ContentError(Problem(shown, 1, f"quiz file is not UTF-8 text (byte {error.start})", "save it as UTF-8")) from None
    for message in parse_quiz(text, shown, Path(name).stem if name else None).messages():
        yield message.line, None, message.text, [message.comment]


def extractor_for(path: Path):
    if path.suffix == ".md":
        return extract_markdown
    if path.suffix in (".yml", ".yaml"):
        return extract_quiz
    if path.suffix == ".svg":
        return extract_svg
    return None
