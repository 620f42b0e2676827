"""Read quiz YAML files into the model, reporting every problem of every file with its line."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ..errors import ContentError, Problem, display_path
from ..memo import digest, remembered
from . import source
from .model import QUESTION_TYPES, Question, Quiz
from .validate import quiz_rules, schema_problems


def load_quiz(path: Path, root: Path | None = None) -> Quiz:
    """The quiz of one file, or a ContentError listing every problem of the file."""
    shown = display_path(path, root)
    try:
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))  # as the lessons are read (site.read_text)
    except UnicodeDecodeError as error:
        raise ContentError(Problem(shown, 1, f"quiz file is not UTF-8 text (byte {error.start})", "save it as UTF-8")) from None
    except OSError as error:
        raise ContentError(Problem(shown, 1, f"quiz file cannot be read: {error.strerror}", "make it a readable file")) from None
    # a quiz object is never changed once built, so an unchanged file's quiz is reused
    return remembered("quiz", (shown, path.stem, digest(text)), lambda: parse_quiz(text, shown, path.stem))


def parse_quiz(text: str, shown: str, stem: str | None) -> Quiz:
    """The quiz of a file's text (named ``stem``, if known): the schema first, then the rules only Python can check."""
    parsed = source.read(text, shown)
    if parsed.data is None and parsed.problems:
        raise ContentError(parsed.problems)  # not YAML at all
    schema_problems(parsed)
    quiz_rules(parsed, stem)
    questions = _questions(parsed)
    if parsed.problems:
        raise ContentError(sorted(parsed.problems, key=lambda p: p.line))
    data = parsed.data
    return Quiz(data["id"], _shown(data.get("title", "Quiz"), ("title",), parsed), parsed.path, questions, float(data.get("pass_mark", 80)),
                data.get("shuffle", True), title_line=parsed.line(()) if "title" in data else 0)


def _questions(parsed: source.Source) -> tuple[Question, ...]:
    """Every question the schema found sound, built by its type, with the rules of its type checked."""
    data = parsed.data
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        return ()
    unsound = {path[1] for path in parsed.reported if len(path) >= 2 and path[0] == "questions"}
    built = []
    for index, raw in enumerate(data["questions"]):
        if index in unsound or not isinstance(raw, dict):
            continue
        at = ("questions", index)
        raw = {key: value if key in NUMBERS else _as_written(value, (*at, key), parsed) for key, value in raw.items()}
        question = QUESTION_TYPES[raw["type"]].build(raw, lambda path, at=at: parsed.line((*at, *path)), data.get("shuffle", True))
        for rule in (*question.rules(), *question.hint_rules()):
            parsed.problems.append(Problem(parsed.path, rule.line, f"question {question.id}: {rule.message}", rule.hint))
        built.append(question)
    return tuple(built)


# A question's values that are numbers (`answer` of a numeric question, which true_false gives as true or false);
# a number anywhere else is shown as text, as it was written (`1.50`, not 1.5).
NUMBERS = ("answer", "tolerance", "points", "shuffle")


def _shown(value, where: tuple, parsed: source.Source) -> str:
    """A value shown as text: a number as it was written."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and where in parsed.written:
        return parsed.written[where]
    return str(value)


def _as_written(value, where: tuple, parsed: source.Source):
    if isinstance(value, list):
        return [_as_written(item, (*where, index), parsed) for index, item in enumerate(value)]
    if isinstance(value, dict):
        return {key: _as_written(item, (*where, key), parsed) for key, item in value.items()}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _shown(value, where, parsed)
    return value


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
        if quiz.id in quizzes:
            problems.append(Problem(quiz.path, 1, f"quiz id {quiz.id} is also the id of {quizzes[quiz.id].path}",
                                    "keep one of the two files; a lesson embeds a quiz by its id"))
            continue
        quizzes[quiz.id] = quiz
    if problems:
        raise ContentError(problems)
    return quizzes
