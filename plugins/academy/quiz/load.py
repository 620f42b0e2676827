"""Read quiz YAML files and check them, reporting every problem with its line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ..errors import ContentError, Problem, display_path
from .model import QUESTION_TYPES, Option, Pair, Question, Quiz

ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
LINE = "__line__"


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping."""

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


def _line(data: Any, fallback: int) -> int:
    return data.get(LINE, fallback) if isinstance(data, dict) else fallback


class _Checker:
    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, line: int, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.path, line, message, hint))

    def text(self, data: dict, key: str, where: str, required: bool = True) -> str:
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.problem(_line(data, 1), f"{where}: `{key}` is missing", f"add `{key}: ...`")
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.problem(_line(data, 1), f"{where}: `{key}` must be text", f"write `{key}: some text`")
            return ""
        return str(value)

    def number(self, data: dict, key: str, where: str, default: float | None = None) -> float | None:
        value = data.get(key, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(_line(data, 1), f"{where}: `{key}` must be a number, not {value!r}", f"write e.g. `{key}: 1`")
            return default
        return float(value)


def load_quiz(path: Path, root: Path | None = None) -> Quiz:
    shown = display_path(path, root)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        reason = getattr(error, "problem", None) or "invalid YAML"
        raise ContentError(
            Problem(shown, line, f"quiz file is not valid YAML: {reason}",
                    "check the indentation and quote text that contains `: ` or starts with a symbol")
        ) from None
    check = _Checker(shown)
    if not isinstance(data, dict):
        raise ContentError(Problem(shown, 1, "a quiz file must be a mapping with `id`, `title` and `questions`",
                                   "start from an existing file in quizzes/"))
    quiz_id = check.text(data, "id", "quiz")
    if quiz_id and not ID.match(quiz_id):
        check.problem(_line(data, 1), f"quiz id {quiz_id!r} may only use a-z, 0-9, - and _", "e.g. `id: moments-of-truth`")
    if quiz_id and quiz_id != path.stem:
        check.problem(_line(data, 1), f"quiz id {quiz_id!r} differs from its file name {path.stem!r}",
                      f"rename the file to {quiz_id}.yml or set `id: {path.stem}`")
    title = check.text(data, "title", f"quiz {quiz_id}", required=False) or "Quiz"
    pass_mark = check.number(data, "pass_mark", f"quiz {quiz_id}", 80) or 80
    if not 0 < pass_mark <= 100:
        check.problem(_line(data, 1), f"quiz {quiz_id}: pass_mark must be between 1 and 100", "e.g. `pass_mark: 80`")
    shuffle = bool(data.get("shuffle", True))
    raw_questions = data.get("questions")
    questions: list[Question] = []
    if not isinstance(raw_questions, list) or not raw_questions:
        check.problem(_line(data, 1), f"quiz {quiz_id}: `questions` must be a non-empty list", "add `questions:` with `- id: ...` items")
        raw_questions = []
    seen: dict[str, int] = {}
    for raw in raw_questions:
        question = _question(check, quiz_id, raw, shuffle)
        if question is None:
            continue
        if question.id in seen:
            check.problem(question.line, f"quiz {quiz_id}, question {question.id}: duplicate question id (first on line {seen[question.id]})",
                          "every question needs its own id; progress is saved under it")
            continue
        seen[question.id] = question.line
        questions.append(question)
    if check.problems:
        raise ContentError(check.problems)
    return Quiz(quiz_id, title, shown, tuple(questions), pass_mark, shuffle)


def _question(check: _Checker, quiz_id: str, raw: Any, shuffle: bool) -> Question | None:
    if not isinstance(raw, dict):
        check.problem(1, f"quiz {quiz_id}: every question must be a mapping", "start each question with `- id: ...`")
        return None
    line = _line(raw, 1)
    qid = check.text(raw, "id", f"quiz {quiz_id}, a question")
    where = f"quiz {quiz_id}, question {qid or '?'}"
    if qid and not ID.match(qid):
        check.problem(line, f"{where}: id may only use a-z, 0-9, - and _", "e.g. `id: zmot-meaning`")
    kind = raw.get("type")
    if kind not in QUESTION_TYPES:
        check.problem(line, f"{where}: unknown question type {kind!r}", "use one of: " + ", ".join(QUESTION_TYPES))
        return None
    text = check.text(raw, "text", where)
    points = check.number(raw, "points", where, 1) or 1
    if points <= 0:
        check.problem(line, f"{where}: points must be more than 0", "e.g. `points: 1`")
    common = dict(
        id=qid, type=kind, text=text, line=line, points=points,
        hint=check.text(raw, "hint", where, required=False),
        explanation=check.text(raw, "explanation", where, required=False),
        review=check.text(raw, "review", where, required=False),
        shuffle=bool(raw.get("shuffle", shuffle)),
    )
    if common["review"] and not str(common["review"]).startswith("#"):
        check.problem(line, f"{where}: review must be a heading anchor of the lesson such as `#zero-moment-of-truth`",
                      "write the anchor with its leading #")
    if kind in ("single", "multiple"):
        options = []
        raw_options = raw.get("options")
        if not isinstance(raw_options, list) or len(raw_options) < 2:
            check.problem(line, f"{where}: a {kind} question needs at least two options", "add `options:` with `- text: ...` items")
            return None
        for raw_option in raw_options:
            if not isinstance(raw_option, dict):
                raw_option = {"text": raw_option, LINE: line}
            options.append(Option(check.text(raw_option, "text", f"{where}, an option"),
                                  bool(raw_option.get("correct", False)),
                                  check.text(raw_option, "feedback", where, required=False)))
        correct = sum(o.correct for o in options)
        if correct == 0:
            check.problem(line, f"{where}: no option is marked `correct: true`", "mark the right answer with `correct: true`")
        elif kind == "single" and correct > 1:
            check.problem(line, f"{where}: a single-choice question has {correct} correct options",
                          "mark exactly one, or use `type: multiple`")
        return Question(**common, options=tuple(options))
    if kind == "true_false":
        answer = raw.get("answer")
        if not isinstance(answer, bool):
            check.problem(line, f"{where}: a true_false question needs `answer: true` or `answer: false`",
                          "write whether the statement in `text` is true: `answer: true` or `answer: false`")
            return None
        return Question(**common, answer=answer)
    if kind == "ordering":
        items = raw.get("items")
        if not isinstance(items, list) or len(items) < 2:
            check.problem(line, f"{where}: an ordering question needs at least two `items`",
                          "list the items in the correct order")
            return None
        return Question(**common, items=tuple(str(i) for i in items))
    if kind == "matching":
        pairs = raw.get("pairs")
        if not isinstance(pairs, list) or len(pairs) < 2:
            check.problem(line, f"{where}: a matching question needs at least two `pairs`", "e.g. `- {prompt: ..., answer: ...}`")
            return None
        built = [Pair(check.text(p, "prompt", where), check.text(p, "answer", where)) for p in pairs if isinstance(p, dict)]
        if len({p.answer for p in built}) < 2:
            check.problem(line, f"{where}: a matching question needs at least two different answers",
                          "give the pairs at least two different `answer:` values")
        return Question(**common, pairs=tuple(built))
    if kind == "numeric":
        answer = check.number(raw, "answer", where)
        if answer is None:
            check.problem(line, f"{where}: a numeric question needs `answer: NUMBER`", "e.g. `answer: 53` and `tolerance: 2`")
            return None
        tolerance = check.number(raw, "tolerance", where, 0) or 0
        if tolerance < 0:
            check.problem(line, f"{where}: tolerance must not be negative", "e.g. `tolerance: 2` accepts answer ± 2")
        return Question(**common, answer=answer, tolerance=tolerance, unit=check.text(raw, "unit", where, required=False))
    answers = raw.get("answers")
    if isinstance(answers, str):
        answers = [answers]
    if not isinstance(answers, list) or not answers:
        check.problem(line, f"{where}: a text question needs `answers: [ ... ]`", "list every accepted answer")
        return None
    return Question(**common, answers=tuple(str(a) for a in answers))


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
