"""Extraction: the messages of every source file, as Babel extractors and as catalogs.

The three functions ``extract_markdown``, ``extract_quiz`` and ``extract_svg``
are registered in the ``babel.extractors`` entry-point group, so
``pybabel extract -F babel.cfg`` finds the same messages the build renders.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from . import diagrams
from .errors import ContentError, Problem, display_path
from .localize import messages_of_page
from .quiz.load import parse_quiz

Extracted = Iterator[tuple[int, str | None, str, list[str]]]


def _text(fileobj: IO[bytes]) -> str:
    """The file as text with \\n line endings, as the build reads it (a lesson saved on Windows has \\r\\n)."""
    return fileobj.read().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def extract_markdown(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict) -> Extracted:
    text = _text(fileobj)
    for unit in messages_of_page(text, getattr(fileobj, "name", "page.md")):
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
