"""One quiz validator: the JSON Schema editors use and the build agree on every mistake the schema can see.

Each row of the table is a mistake an editor makes in a small quiz. The schema is
run as VS Code's YAML plugin runs it (plain jsonschema on the YAML data); the
build's validator must reject the same quizzes, at the right line, with a hint.
Rows marked ``schema=False`` are the rules only Python can check.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest
import yaml

from academy.errors import ContentError, choices
from academy.quiz.load import parse_quiz

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "plugins/academy/schema/quiz.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)

BASE = """\
id: sample
title: Check your understanding
pass_mark: 80
questions:
  - id: pick-one
    type: single
    text: Which is a soft skill?
    review: "#soft-skills"
    options:
      - text: Patience
        correct: true
        feedback: Yes.
      - text: Typing
  - id: pick-many
    type: multiple
    text: Which are touchpoints?
    options:
      - {text: A chat, correct: true}
      - {text: A review, correct: true}
      - {text: The weather}
  - id: yes-no
    type: true_false
    text: FMOT lasts seconds.
    answer: true
  - id: order
    type: ordering
    text: Put the stages in order.
    items: [Need, Research, Purchase]
  - id: match
    type: matching
    text: Match each example to its stage.
    pairs:
      - {prompt: Reading reviews, answer: ZMOT}
      - {prompt: Picking a box, answer: FMOT}
  - id: share
    type: numeric
    text: What share researches first?
    answer: 53
    tolerance: 2
    unit: "%"
  - id: word
    type: text
    text: Which word names the research moment?
    answers: [research]
"""


@dataclass(frozen=True)
class Mistake:
    old: str  # replaced once in BASE; "" replaces the whole file
    new: str
    line: int
    words: str
    schema: bool = True  # the schema can see this mistake

    def text(self) -> str:
        if not self.old:
            return self.new
        assert self.old in BASE, self.old
        return BASE.replace(self.old, self.new, 1)


MISTAKES = {
    "misspelt explanation": Mistake("    text: Which is a soft skill?\n", "    text: Which is a soft skill?\n    explaination: x\n",
                                    8, "unknown key `explaination`"),
    "stray answer on a single-choice question": Mistake("    text: Which is a soft skill?\n", "    text: Which is a soft skill?\n    answer: 1\n",
                                                        8, "`answer` does not belong in a single question"),
    "true/false answered yes": Mistake("answer: true", 'answer: "yes"', 24, "`answer` must be true or false"),
    "misspelt pass_mark": Mistake("pass_mark: 80", "passmark: 90", 3, "unknown key `passmark`"),
    "a unit that is a number": Mistake('unit: "%"', "unit: 5", 40, "`unit` must be text"),
    "unknown question type": Mistake("type: single", "type: essay", 6, 'unknown question type "essay"'),
    "quiz id with capitals": Mistake("id: sample", "id: Sample", 1, "an id may only use a-z"),
    "question id with a space": Mistake("- id: pick-one", "- id: pick one", 5, "an id may only use a-z"),
    "pass mark of zero": Mistake("pass_mark: 80", "pass_mark: 0", 3, "`pass_mark` must be at least 1"),
    "pass mark written as a fraction": Mistake("pass_mark: 80", "pass_mark: 0.8", 3, "`pass_mark` must be at least 1, not 0.8"),
    "pass mark over 100": Mistake("pass_mark: 80", "pass_mark: 120", 3, "`pass_mark` must be at most 100"),
    "no points": Mistake("    answer: true\n", "    answer: true\n    points: 0\n", 25, "`points` must be more than 0"),
    "negative tolerance": Mistake("tolerance: 2", "tolerance: -2", 39, "`tolerance` must not be negative"),
    "ordering with one item": Mistake("items: [Need, Research, Purchase]", "items: [Need]", 28, "needs at least two `items`"),
    "matching with one pair": Mistake("      - {prompt: Picking a box, answer: FMOT}\n", "", 32, "needs at least two `pairs`"),
    "single choice with one option": Mistake("      - text: Typing\n", "", 9, "needs at least two `options`"),
    "option without text": Mistake("      - text: Typing", "      - feedback: Typing", 13, "`text` is missing"),
    "misspelt correct": Mistake("        correct: true\n        feedback", "        corect: true\n        feedback", 11, "unknown key `corect`"),
    "question without type": Mistake("    type: true_false\n", "", 21, "`type` is missing"),
    "question without text": Mistake("    text: Which word names the research moment?\n", "", 41, "`text` is missing"),
    "text question without answers": Mistake("    answers: [research]\n", "", 41, "a text question needs `answers:`"),
    "true/false without answer": Mistake("    answer: true\n", "", 21, "a true_false question needs `answer:`"),
    "numeric answer in words": Mistake("answer: 53", "answer: fifty-three", 38, "`answer` must be a number"),
    "options on a true/false question": Mistake("    answer: true\n", "    answer: true\n    options: [a, b]\n", 25,
                                                "`options` does not belong in a true_false question"),
    "no questions": Mistake("", "id: sample\nquestions: []\n", 2, "`questions` must list at least one question"),
    "questions missing": Mistake("", "id: sample\ntitle: A quiz\n", 1, "`questions` is missing"),
    "misspelt questions": Mistake("questions:", "question:", 4, "unknown key `question`"),
    "a list instead of a quiz": Mistake("", "- id: sample\n", 1, "a quiz file must be `key: value` lines"),
    "an empty file": Mistake("", "", 1, "a quiz file must be `key: value` lines"),
    "alternatives joined with a bar": Mistake("answers: [research]", 'answers: ["research|studying"]', 44, "list each accepted answer on its own"),
    "review without #": Mistake('review: "#soft-skills"', "review: soft-skills", 8, "review is a heading anchor"),
    "matching pair without answer": Mistake("{prompt: Picking a box, answer: FMOT}", "{prompt: Picking a box}", 34, "`answer` is missing"),
    "shuffle maybe": Mistake("pass_mark: 80\n", "pass_mark: 80\nshuffle: maybe\n", 4, "`shuffle` must be true or false"),
    "empty question text": Mistake("text: Which is a soft skill?", 'text: ""', 7, "`text` is empty"),
    "correct written as text": Mistake("        correct: true\n        feedback", '        correct: "yes"\n        feedback', 11,
                                       "`correct` must be true or false"),
    "a question that is plain text": Mistake("  - id: pick-one\n", "  - just a sentence\n  - id: pick-one\n", 5,
                                             "question 1: a question must be `key: value` lines"),
    "items written as one string": Mistake("items: [Need, Research, Purchase]", "items: Need", 28, "`items` must be a list"),
    "empty accepted answer": Mistake("answers: [research]", 'answers: [""]', 44, "item 1 of `answers` is empty"),
    "true/false answered with an unquoted yes": Mistake("answer: true", "answer: yes", 24, '`answer` must be true or false, not "yes"',
                                                        schema=False),  # YAML 1.1 reads yes as true; editors read YAML 1.2
    # What the YAML reader refuses before the schema sees the data.
    "a control character written as an escape": Mistake("text: Which is a soft skill?", 'text: "Which is a\\x1b soft skill?"', 7,
                                                       "control character (U+001B) in `text`", schema=False),
    "a NUL that would cut the message short": Mistake("feedback: Yes.", 'feedback: "Yes.\\0 Quite."', 12,
                                                     "control character (U+0000) in `feedback`", schema=False),
    "a control character in an ordering item": Mistake("items: [Need, Research, Purchase]", 'items: [Need, "Re\\bsearch", Purchase]',
                                                       28, "control character (U+0008)", schema=False),
    "numeric answer .nan": Mistake("answer: 53", "answer: .nan", 38, "`answer` must be an ordinary number, not .nan", schema=False),
    "tolerance .inf": Mistake("tolerance: 2", "tolerance: .inf", 39, "`tolerance` must be an ordinary number, not .inf", schema=False),
    "points .inf": Mistake("    answer: true\n", "    answer: true\n    points: .inf\n", 25, "`points` must be an ordinary number", schema=False),
    "pass mark .nan": Mistake("pass_mark: 80", "pass_mark: .NaN", 3, "`pass_mark` must be an ordinary number", schema=False),
    "numeric answer -.inf": Mistake("answer: 53", "answer: -.inf", 38, "`answer` must be an ordinary number", schema=False),
    "a number too large for the browser": Mistake("answer: 53", "answer: 100000000000000000000", 38, "`answer` is too large", schema=False),
    "duplicate key": Mistake("    answer: 53\n", "    answer: 53\n    answer: 54\n", 39, "duplicate key `answer` (lines 38 and 39)", schema=False),
    "duplicate question key": Mistake("    text: Which is a soft skill?\n", "    text: Which is a soft skill?\n    text: Another?\n", 8,
                                      "duplicate key `text` (lines 7 and 8)", schema=False),
    "an anchor and an alias": Mistake("items: [Need, Research, Purchase]", "items: &stages [Need, Research, Purchase]\n    hint: *stages",
                                      28, "anchors and aliases", schema=True),
    "a merge key": Mistake("  - id: order\n", "  - <<: &same {type: ordering}\n    id: order\n", 25, "anchors and aliases", schema=False),
    # What only Python can see.
    "two correct options on a single-choice question": Mistake("      - text: Typing\n", "      - text: Typing\n        correct: true\n",
                                                               13, "a single-choice question has 2 correct options", schema=False),
    "no correct option": Mistake("      - {text: A chat, correct: true}\n      - {text: A review, correct: true}\n",
                                 "      - {text: A chat}\n      - {text: A review}\n", 17, "no option is marked `correct: true`", schema=False),
    "id that differs from the file name": Mistake("id: sample", "id: other", 1, "differs from its file name", schema=False),
    "duplicate question ids": Mistake("- id: word", "- id: order", 41, "duplicate question id (first on line 25)", schema=False),
    "matching pairs that all share an answer": Mistake("answer: FMOT", "answer: ZMOT", 32, "every pair has the same answer", schema=False),
    "matching prompt given twice": Mistake("{prompt: Picking a box,", "{prompt: Reading reviews,", 34, "is there twice", schema=False),
}


def build_problems(text: str, stem: str = "sample"):
    try:
        parse_quiz(text, f"quizzes/{stem}.yml", stem)
    except ContentError as error:
        return error.problems
    return []


def schema_errors(text: str) -> list[jsonschema.ValidationError]:
    return list(VALIDATOR.iter_errors(yaml.safe_load(text)))


def test_the_sample_quiz_passes_both():
    assert schema_errors(BASE) == []
    assert build_problems(BASE) == []


@pytest.mark.parametrize("path", sorted((ROOT / "quizzes").glob("*.yml")), ids=lambda p: p.name)
def test_shipped_quizzes_pass_both(path):
    text = path.read_text(encoding="utf-8")
    assert schema_errors(text) == []
    assert build_problems(text, path.stem) == []


@pytest.mark.parametrize("name", MISTAKES)
def test_the_build_names_the_line_and_gives_a_hint(name):
    mistake = MISTAKES[name]
    problems = build_problems(mistake.text())
    assert problems, f"the build accepted: {name}"
    found = [p for p in problems if mistake.words in p.message]
    assert found, "\n".join(map(str, problems))
    assert found[0].path == "quizzes/sample.yml"
    assert found[0].line == mistake.line, str(found[0])
    assert found[0].hint, str(found[0])
    assert "{'" not in found[0].message and "Traceback" not in found[0].message


@pytest.mark.parametrize("name", MISTAKES)
def test_the_schema_and_the_build_agree(name):
    """Where the schema can speak, it rejects what the build rejects; the rest is Python's alone."""
    mistake = MISTAKES[name]
    assert bool(schema_errors(mistake.text())) is mistake.schema
    assert build_problems(mistake.text())


def test_the_table_is_large_enough():
    assert sum(m.schema for m in MISTAKES.values()) >= 30


def test_every_problem_of_a_file_is_reported_at_once():
    text = BASE
    for name in ("misspelt explanation", "true/false answered yes", "negative tolerance", "duplicate question ids",
                 "matching pairs that all share an answer", "misspelt pass_mark"):
        mistake = MISTAKES[name]
        text = text.replace(mistake.old, mistake.new, 1)
    messages = "\n".join(str(p) for p in build_problems(text))
    for words in ("unknown key `explaination`", "`answer` must be true or false", "`tolerance` must not be negative",
                  "duplicate question id", "every pair has the same answer", "unknown key `passmark`"):
        assert words in messages, messages


def test_a_misspelt_key_suggests_the_right_one():
    problem = next(p for p in build_problems(MISTAKES["misspelt explanation"].text()) if "explaination" in p.message)
    assert "did you mean `explanation`?" in problem.hint


def test_a_key_of_another_type_says_which_type_it_belongs_to():
    problem = build_problems(MISTAKES["stray answer on a single-choice question"].text())[0]
    assert "`answer` is for true_false and numeric questions" in problem.hint
    assert "options" in problem.hint


def test_a_true_false_answered_yes_is_not_blamed_on_options():
    messages = " ".join(p.message for p in build_problems(MISTAKES["true/false answered yes"].text()))
    assert "options" not in messages


def test_hints_list_every_choice_or_say_how_many_more():
    assert choices(["a", "b"]) == "a, b"
    assert choices([str(n) for n in range(11)]) == "0, 1, 2, 3, 4, 5, 6, 7 … and 3 more"


def test_the_build_refuses_a_bad_quiz_with_every_problem_and_its_line(project):
    """A whole build: the misspelt key and the wrong answer type are both named, each at its own line."""
    import sitekit

    quiz = project / "quizzes/first-steps.yml"
    lines = quiz.read_text(encoding="utf-8").splitlines()
    answer = lines.index("    answer: true")
    lines[answer] = '    answer: "yes"'
    lines.insert(answer + 1, "    explaination: Seconds.")
    quiz.write_text("\n".join(lines) + "\n", encoding="utf-8")
    built = sitekit.build(project, check=False)
    output = built.result.stdout + built.result.stderr
    assert built.result.returncode != 0 and "Traceback" not in output, output
    assert f"quizzes/first-steps.yml:{answer + 1}: question " in output and "`answer` must be true or false" in output, output
    assert f"quizzes/first-steps.yml:{answer + 2}: question " in output and "unknown key `explaination`" in output, output
    assert "did you mean `explanation`?" in output
    assert not (project / "site").exists()


def billion_laughs(levels: int = 9) -> str:
    """The classic alias bomb: a few hundred bytes that expand to 9**levels strings."""
    lines = ["id: sample", 'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, levels)]
    return "\n".join(lines + [f"questions: [*l{levels - 1}]", ""])


def test_an_alias_bomb_is_refused_without_being_expanded():
    text = billion_laughs()
    assert len(text.encode()) < 800
    problems = build_problems(text)
    assert problems[0].line == 2 and "anchors and aliases" in problems[0].message and problems[0].hint
    assert "… and" in problems[0].message  # every alias line is not listed one by one
    assert len(problems) < 20


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system [echo hi]", "!!python/name:os.system", "!custom 5", "!!binary aGk="])
def test_yaml_tags_are_refused_with_their_line(tag):
    problems = build_problems(BASE.replace("answer: 53", f"answer: {tag}"))
    assert [(p.line, "YAML tag" in p.message) for p in problems] == [(38, True)], problems


def test_deeply_nested_yaml_is_a_message_not_a_recursion_error():
    problems = build_problems("id: sample\nquestions: " + "[" * 5000 + "]" * 5000 + "\n")
    assert len(problems) == 1 and "nested more than" in problems[0].message and problems[0].line == 2


def test_dates_and_yes_are_text_as_in_the_editor():
    quiz = parse_quiz(BASE.replace("text: FMOT lasts seconds.", "text: 2024-02-30").replace("Put the stages in order.", "yes"),
                      "quizzes/sample.yml", "sample")
    assert [q.text for q in quiz.questions][2:4] == ["2024-02-30", "yes"]


def test_the_schema_is_a_valid_json_schema():
    jsonschema.validators.validator_for(SCHEMA).check_schema(SCHEMA)


# Messages of the rules only Python checks; any other refusal must be one the schema makes too.
PYTHON_ONLY = ("differs from its file name", "duplicate question id", "no option is marked", "correct options",
               "every pair has the same answer", "is there twice")
KEYS = ["id", "type", "text", "title", "pass_mark", "shuffle", "questions", "options", "correct", "feedback", "answer",
        "answers", "items", "pairs", "prompt", "tolerance", "unit", "points", "hint", "explanation", "review", "explaination"]
VALUES = ["x", "#anchor", "single", "text", "numeric", "true_false", 0, -1, 1, 2.5, 101, True, False, None, [], {}, ["a"], ["a", "b"],
          [{"text": "a", "correct": True}, {"text": "b"}], [{"prompt": "p", "answer": "a"}, {"prompt": "q", "answer": "b"}], "a|b", ""]


def _mappings(data, found=None):
    found = [] if found is None else found
    if isinstance(data, dict):
        found.append(data)
        for value in data.values():
            _mappings(value, found)
    elif isinstance(data, list):
        for value in data:
            _mappings(value, found)
    return found


def test_the_build_refuses_whatever_the_schema_refuses():
    """Random edits of a good quiz: the schema and the build never disagree except on the rules only Python checks."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    edit = st.tuples(st.integers(0, 60), st.sampled_from(["set", "delete"]), st.sampled_from(KEYS), st.sampled_from(range(len(VALUES))))

    @settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(edit, min_size=1, max_size=4))
    def check(edits):
        import copy

        data = copy.deepcopy(yaml.safe_load(BASE))
        for where, action, key, value in edits:
            mappings = _mappings(data)
            target = mappings[where % len(mappings)]
            if action == "delete":
                target.pop(key, None)
            else:
                target[key] = copy.deepcopy(VALUES[value])
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        schema_says = bool(schema_errors(text))
        problems = build_problems(text)
        if schema_says:
            assert problems, text
        other = [p for p in problems if not any(words in p.message for words in PYTHON_ONLY)]
        assert bool(other) == schema_says, (text, [str(p) for p in problems])
        for problem in problems:
            assert problem.hint and problem.line >= 1, str(problem)

    check()
