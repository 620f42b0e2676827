"""Read quiz YAML files and check them, reporting every problem with its line."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import ContentError, Problem, display_path
from . import source
from .model import Option, Pair, Question, Quiz
from .validate import validate

LINE = "__line__"


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping."""

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


def load_quiz(path: Path, root: Path | None = None) -> Quiz:
    """The quiz of one file, or a ContentError listing every problem of the file."""
    shown = display_path(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(Problem(shown, 1, f"quiz file is not UTF-8 text (byte {error.start})", "save it as UTF-8")) from None
    except OSError as error:
        raise ContentError(Problem(shown, 1, f"quiz file cannot be read: {error.strerror}", "make it a readable file")) from None
    return parse_quiz(text, shown, path.stem)


def parse_quiz(text: str, shown: str, stem: str) -> Quiz:
    parsed = source.read(text, shown)
    if not parsed.problems or parsed.data is not None:
        validate(parsed, stem)
    if parsed.problems:
        raise ContentError(sorted(parsed.problems, key=lambda p: p.line))
    return _quiz(parsed)


def _quiz(parsed: source.Source) -> Quiz:
    data = parsed.data
    shuffle = data.get("shuffle", True)
    questions = tuple(_question(raw, parsed.line(("questions", index)), shuffle)
                      for index, raw in enumerate(data["questions"]))
    return Quiz(data["id"], str(data.get("title", "Quiz")), parsed.path, questions, float(data.get("pass_mark", 80)), shuffle)


def _text(value) -> str:
    return "" if value is None else str(value)


def _question(raw: dict, line: int, shuffle: bool) -> Question:
    kind = raw["type"]
    common = dict(
        id=raw["id"], type=kind, text=str(raw["text"]), line=line, points=float(raw.get("points", 1)),
        hint=_text(raw.get("hint")), explanation=_text(raw.get("explanation")), review=raw.get("review", ""),
        shuffle=raw.get("shuffle", shuffle),
    )
    if kind in ("single", "multiple"):
        options = tuple(Option(str(o["text"]), o.get("correct", False), _text(o.get("feedback"))) for o in raw["options"])
        return Question(**common, options=options)
    if kind == "true_false":
        return Question(**common, answer=raw["answer"])
    if kind == "ordering":
        return Question(**common, items=tuple(str(i) for i in raw["items"]))
    if kind == "matching":
        return Question(**common, pairs=tuple(Pair(str(p["prompt"]), str(p["answer"])) for p in raw["pairs"]))
    if kind == "numeric":
        return Question(**common, answer=float(raw["answer"]), tolerance=float(raw.get("tolerance", 0)) or 0, unit=raw.get("unit", ""))
    answers = raw["answers"]
    return Question(**common, answers=tuple(str(a) for a in ([answers] if isinstance(answers, str) else answers)))


def load_quizzes(folder: Path, root: Path | None = None) -> dict[str, Quiz]:
    """Every quiz in the folder; all problems of all files are reported together."""
    quizzes: dict[str, Quiz] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml")):
        try:
            quiz = load_quiz(path, root)
        except ContentError as error:
            problems.extend(error.problems)
            continue
        quizzes[quiz.id] = quiz
    if problems:
        raise ContentError(problems)
    return quizzes
