"""Quiz validation: the JSON Schema for structure, Python for what a schema cannot say.

The schema in ``schema/quiz.schema.json`` is the one editors' YAML plugins
use; the build runs the same schema on the same data, and only turns its
errors into sentences an editor can act on. Below it are the rules about the
whole quiz a schema cannot express: the id equal to the file name, unique
question ids. The rules of each question type (one correct option on a
single-choice question, distinct matching answers) live with the type in
``model.py``.
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from ..errors import Problem, choices
from .source import Path_, Source

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema" / "quiz.schema.json"

# What to write, for each key an editor can get wrong or forget.
HINTS = {
    "id": "e.g. `id: zmot-meaning`: a-z, 0-9, - and _",
    "type": "e.g. `type: single`",
    "text": "e.g. `text: What does ZMOT stand for?`",
    "title": "e.g. `title: Check your understanding`",
    "questions": "add `questions:` with `- id: ...` items",
    "options": "add `options:` with `- text: ...` items, the right one with `correct: true`",
    "correct": "write `correct: true` on the right option(s)",
    "answer": "true_false: `answer: true` or `answer: false`; numeric: e.g. `answer: 53`",
    "true_false.answer": "write whether the statement in `text` is true: `answer: true` or `answer: false`",
    "matching.answer": "e.g. `- {prompt: Reading reviews, answer: ZMOT}`",
    "numeric.answer": "e.g. `answer: 53`, with `tolerance: 2` to accept 51 to 55",
    "answers": "list every accepted answer, e.g. `answers: [proactive listening, active listening]`",
    "items": "list the items in the correct order, e.g. `items: [Need, Research, Purchase]`",
    "pairs": "e.g. `- {prompt: Reading reviews, answer: ZMOT}`",
    "prompt": "e.g. `- {prompt: Reading reviews, answer: ZMOT}`",
    "tolerance": "e.g. `tolerance: 2` accepts the answer ± 2",
    "unit": "e.g. `unit: \"%\"`",
    "points": "e.g. `points: 1`",
    "pass_mark": "a percentage, e.g. `pass_mark: 80`",
    "review": "write the anchor of a lesson heading with its leading #, e.g. `review: \"#zero-moment-of-truth\"`",
    "shuffle": "write `shuffle: true` or `shuffle: false`",
    "feedback": "e.g. `feedback: That is a hard skill.`, shown when this option is picked",
    "hint": "e.g. `hint: Think of what people do before they buy.`",
    "explanation": "e.g. `explanation: At ZMOT the customer researches online.`",
}
FALLBACK_HINT = "AUTHORING.md shows a quiz with every key and question type"
KINDS = {"string": "text", "number": "a number", "boolean": "true or false", "array": "a list", "object": "`key: value` lines"}
COUNTS = {1: "one", 2: "two", 3: "three"}
OWNERS = {(): "a quiz", ("options",): "an option", ("pairs",): "a pair"}


def _hint(key: str, kind: str | None) -> str:
    return HINTS.get(f"{kind}.{key}") or HINTS.get(key, "")


def _a(kind: str | None) -> str:
    return f"{'an' if (kind or 'x')[0] in 'aeiou' else 'a'} {kind} question"


@cache
def schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


@cache
def _validator() -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(schema())
    return cls(schema())


def question_types() -> tuple[str, ...]:
    return tuple(schema()["$defs"]["question"]["properties"]["type"]["enum"])


@cache
def keys_of(kind: str) -> tuple[str, ...]:
    """The keys a question of this type may have, read from the schema."""
    question = schema()["$defs"]["question"]
    absent: set[str] = set()
    for rule in question["allOf"]:
        condition = rule["if"]["properties"]["type"]
        if kind == condition.get("const") or kind in condition.get("enum", ()):
            absent = {key for key, value in rule["then"]["properties"].items() if value == {"$ref": "#/$defs/absent"}}
    return tuple(key for key in question["properties"] if key not in absent)


def _show(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, (dict, list)):
        return "a list" if isinstance(value, list) else "`key: value` lines"
    return str(value)


def where(data: Any, path: Path_) -> str:
    """Who a message is about: `question zmot-meaning, option 2`, or empty for the quiz itself."""
    parts: list[str] = []
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        question = data["questions"][path[1]] if isinstance(data, dict) else None
        qid = question.get("id") if isinstance(question, dict) else None
        parts.append(f"question {qid}" if isinstance(qid, str) and qid else f"question {path[1] + 1}")
        if len(path) >= 4 and isinstance(path[3], int):
            parts.append(f"{str(path[2]).rstrip('s')} {path[3] + 1}")
    return ", ".join(parts)


def _question_type(data: Any, path: Path_) -> str | None:
    if len(path) >= 2 and path[0] == "questions" and isinstance(data, dict):
        questions = data.get("questions")
        if isinstance(questions, list) and isinstance(path[1], int) and path[1] < len(questions):
            question = questions[path[1]]
            if isinstance(question, dict) and question.get("type") in question_types():
                return question["type"]
    return None


def _allowed(data: Any, path: Path_) -> tuple[str, ...]:
    """The keys allowed in the mapping at this path."""
    defs = schema()["$defs"]
    if not path:
        return tuple(schema()["properties"])
    if len(path) == 2:
        kind = _question_type(data, path)
        return keys_of(kind) if kind else tuple(defs["question"]["properties"])
    if len(path) == 4:
        return tuple(defs["option" if path[2] == "options" else "pair"]["properties"])
    return ()


def schema_problems(source: Source) -> None:
    """Every schema error of the file, as a sentence with its line and a hint."""
    data = source.data
    seen: set[tuple[Path_, str]] = set()
    already = set(source.reported)
    for error in sorted(_validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        path: Path_ = tuple(error.absolute_path)
        if any(path[:n] in already for n in range(len(path) + 1)):
            continue  # the reader already said what is wrong with this value
        for at, message, hint in _explain(error, data, path):
            if (at, message) in seen:
                continue
            seen.add((at, message))
            who = where(data, at)
            source.problem(at, f"{who}: {message}" if who else message, hint or FALLBACK_HINT)


def _explain(error: jsonschema.ValidationError, data: Any, path: Path_):
    """(path, message, hint) for one schema error."""
    key = str(path[-1]) if path and isinstance(path[-1], str) else ""
    if not key and len(path) >= 2 and isinstance(path[-2], str) and path[-2] != "questions":
        key = path[-2]  # an item of a list is explained by its list
    kind = _question_type(data, path)
    instance = error.instance
    validator = error.validator
    if validator == "required":
        for missing in error.validator_value:
            if isinstance(instance, dict) and missing not in instance:
                if kind and len(path) == 2 and missing not in ("id", "type", "text"):
                    yield path, f"{_a(kind)} needs `{missing}:`", _hint(missing, kind)
                elif not path and missing == "questions":
                    yield path, "`questions` is missing", HINTS["questions"]
                else:
                    yield path, f"`{missing}` is missing", _hint(missing, kind)
    elif validator == "additionalProperties":
        allowed = _allowed(data, path)
        for extra in instance:
            if extra in allowed:
                continue
            close = difflib.get_close_matches(extra, allowed, n=1)
            guess = f"did you mean `{close[0]}`? " if close else ""
            owner = (_a(kind) if kind else "a question") if len(path) == 2 else OWNERS.get(tuple(p for p in path[2:3]), "this")
            yield (*path, extra), f"unknown key `{extra}`", f"{guess}the keys of {owner}: {choices(allowed, limit=20)}"
    elif validator == "not" and error.schema.get("errorMessage"):
        owners = [t for t in question_types() if key in keys_of(t)]
        yield path, f"`{key}` does not belong in {_a(kind)}", \
            f"`{key}` is for {' and '.join(owners)} questions; {_a(kind)} takes: {choices(keys_of(kind or ''), limit=20)}"
    elif validator == "enum" and key == "type":
        yield path, f"unknown question type {_show(instance)}", "use one of: " + choices(question_types())
    elif validator == "enum":
        yield path, f"`{key}` must be one of {choices([_show(v) for v in error.validator_value])}, not {_show(instance)}", _hint(key, kind)
    elif validator == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        if path and isinstance(path[-1], int):
            label = f"item {path[-1] + 1} of `{path[-2]}`" if len(path) >= 2 else "a question"
            if path[-2:-1] == ("questions",):
                label = "a question"
        else:
            label = f"`{key}`" if key else "a quiz file"
        text = " or ".join(KINDS.get(w, w) for w in wanted)
        hint = _hint(key, kind) or ("start each question with `- id: ...`" if path[-2:-1] == ("questions",) else "")
        if not path:
            hint = "start from an existing file in quizzes/: `id:`, `title:` and `questions:` lines"
        yield path, f"{label} must be {text}, not {_show(instance)}", hint
    elif validator == "pattern":
        yield path, f"{error.schema.get('patternErrorMessage', 'not a valid value')}, not {_show(instance)}", _hint(key, kind)
    elif validator == "minItems":
        count = error.validator_value
        if key == "questions":
            yield path, "`questions` must list at least one question", HINTS["questions"]
        elif count == 1:
            yield path, f"`{key}` must not be empty", _hint(key, kind)
        else:
            yield path, f"{_a(kind) if kind else 'this'} needs at least {COUNTS.get(count, count)} `{key}`", _hint(key, kind)
    elif validator == "minLength":
        label = f"item {path[-1] + 1} of `{path[-2]}`" if path and isinstance(path[-1], int) else f"`{key}`"
        yield path, f"{label} is empty", _hint(key, kind)
    elif validator == "exclusiveMinimum":
        yield path, f"`{key}` must be more than {error.validator_value:g}, not {_show(instance)}", _hint(key, kind)
    elif validator == "minimum":
        bound = error.validator_value
        yield path, (f"`{key}` must not be negative" if bound == 0 else f"`{key}` must be at least {bound:g}") + f", not {_show(instance)}", \
            _hint(key, kind)
    elif validator == "maximum":
        yield path, f"`{key}` must be at most {error.validator_value:g}, not {_show(instance)}", _hint(key, kind)
    else:
        yield path, f"`{key or 'this value'}`: {error.message}", _hint(key, kind)


def quiz_rules(source: Source, stem: str | None) -> None:
    """The rules about the quiz as a whole that a schema cannot say; each question type checks its own."""
    data = source.data
    if not isinstance(data, dict):
        return
    quiz_id = data.get("id")
    if isinstance(quiz_id, str) and quiz_id and stem is not None and quiz_id != stem and ("id",) not in source.reported:
        source.problem(("id",), f"quiz id {_show(quiz_id)} differs from its file name {_show(stem + '.yml')}",
                       f"rename the file to {quiz_id}.yml or write `id: {stem}`")
    questions = data.get("questions")
    if not isinstance(questions, list):
        return
    first: dict[str, int] = {}
    for index, question in enumerate(questions):
        qid = question.get("id") if isinstance(question, dict) else None
        if not isinstance(qid, str):
            continue
        if qid in first:
            source.problems.append(Problem(source.path, source.line(("questions", index, "id")),
                                           f"question {qid}: duplicate question id (first on line {first[qid]})",
                                           "every question needs its own id; progress is saved under it"))
        else:
            first[qid] = source.line(("questions", index, "id"))
