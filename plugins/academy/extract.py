"""Extraction: the messages of every source file, as Babel extractors and as catalogs.

The three functions ``extract_markdown``, ``extract_quiz`` and ``extract_svg``
are registered in the ``babel.extractors`` entry-point group, so
``pybabel extract -F babel.cfg`` finds the same messages the build renders.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import yaml

from . import diagrams
from .localize import messages_of_page
from .quiz.load import LINE, _LineLoader

Extracted = Iterator[tuple[int, str | None, str, list[str]]]


def _text(fileobj: IO[bytes]) -> str:
    """The file as text with \\n line endings, as the build reads it (a lesson saved on Windows has \\r\\n)."""
    return fileobj.read().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def extract_markdown(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict) -> Extracted:
    text = _text(fileobj)
    for unit in messages_of_page(text, getattr(fileobj, "name", "page.md")):
        yield unit.line, None, unit.text, [unit.kind]


def extract_svg(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict) -> Extracted:
    for label, line in diagrams.labels(_text(fileobj)):
        yield line, None, label, ["diagram label"]


def quiz_messages(data: Any) -> list[tuple[int, str, str]]:
    """(line, text, what it is) for every string a trainee reads in a quiz."""
    found: list[tuple[int, str, str]] = []
    if not isinstance(data, dict):
        return found

    def add(owner: dict, key: str, kind: str) -> None:
        value = owner.get(key)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
            found.append((owner.get(LINE, 1), str(value), kind))

    add(data, "title", "quiz title")
    for question in data.get("questions") or []:
        if not isinstance(question, dict):
            continue
        add(question, "text", "quiz question")
        for option in question.get("options") or []:
            if isinstance(option, dict):
                add(option, "text", "quiz option, correct answer" if option.get("correct") else "quiz option, wrong answer")
                add(option, "feedback", "quiz feedback for this option")
            elif isinstance(option, str):
                found.append((question.get(LINE, 1), option, "quiz option"))
        for item in question.get("items") or []:
            found.append((question.get(LINE, 1), str(item), "quiz ordering item"))
        for pair in question.get("pairs") or []:
            if isinstance(pair, dict):
                add(pair, "prompt", "quiz matching prompt")
                add(pair, "answer", "quiz matching answer (a choice shown in every list)")
        answers = question.get("answers")
        for answer in [answers] if isinstance(answers, str) else answers or []:
            found.append((question.get(LINE, 1), str(answer), "quiz accepted answer (trainees type it; keep it short)"))
        add(question, "unit", "quiz unit of a number")
        add(question, "hint", "quiz hint")
        add(question, "explanation", "quiz explanation, shown after answering")
    return found


def extract_quiz(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict) -> Extracted:
    try:
        data = yaml.load(_text(fileobj), Loader=_LineLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError:
        return
    for line, text, kind in quiz_messages(data):
        yield line, None, text, [kind]


def extractor_for(path: Path):
    if path.suffix == ".md":
        return extract_markdown
    if path.suffix in (".yml", ".yaml"):
        return extract_quiz
    if path.suffix == ".svg":
        return extract_svg
    return None
