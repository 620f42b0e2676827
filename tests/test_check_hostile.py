"""A careless editor's mistakes that `academy check` once passed, or named at the wrong line.

A lesson without a `title:` was published with a name made from its file name, in English on
the Filipino and Russian home page, course page and progress page; a hint that names the
answer passed every trainee who opened it; a repeated ordering item or a blank accepted
answer written one to a line was blamed on the list's first line; and a numeric question
whose right answers are all negative showed iPhones a keypad with no minus key.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sitekit
from academy.errors import ContentError
from academy.interface import Interface
from academy.quiz.load import load_quizzes, parse_quiz
from academy.quiz.render import render_quiz
from sitekit import edit

QUIZ = """\
id: sample
title: Check your understanding
questions:
  - id: pick-one
    type: single
    text: What does a shopper do before buying?
    hint: Think of what you do before you buy something online.
    options:
      - text: Reads reviews
        correct: true
      - text: Sleeps
  - id: pick-many
    type: multiple
    text: Which are touchpoints?
    options:
      - {text: A support chat, correct: true}
      - {text: A product review, correct: true}
      - {text: The weather}
  - id: order
    type: ordering
    text: Put the stages in order.
    items:
      - Need
      - Research
      - Purchase
  - id: share
    type: numeric
    text: What share of shoppers research first, in percent?
    answer: 53
    tolerance: 2
    unit: "%"
  - id: word
    type: text
    text: Which word did Google coin for the research moment?
    answers:
      - ZMOT
      - zero moment of truth
"""


def problems(text: str) -> list[tuple[int, str, str]]:
    try:
        parse_quiz(text, "quizzes/sample.yml", "sample")
    except ContentError as error:
        return [(p.line, p.message, p.hint) for p in error.problems]
    return []


def line_of(text: str, needle: str, start: int = 1) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if n >= start and needle in line)


def test_a_repeated_ordering_item_is_refused_at_its_own_line():
    text = QUIZ.replace("      - Purchase\n", "      - Purchase\n      - need\n")
    [(line, message, hint)] = problems(text)
    assert line == line_of(text, "- need") and 'the item "need" is there twice' in message and hint


def test_a_blank_accepted_answer_is_refused_at_its_own_line():
    text = QUIZ.replace("      - zero moment of truth\n", '      - zero moment of truth\n      - "-"\n')
    [(line, message, hint)] = problems(text)
    assert line == line_of(text, '- "-"') and 'an accepted answer is blank: "-"' in message and hint


GIVEAWAYS = {
    # question: (the hint line replaced or added, after which line, words of the message)
    "a single-choice hint that is the right option": (
        "    hint: Think of what you do before you buy something online.", "    hint: reads reviews.",
        '"reads reviews." is the right answer "Reads reviews"'),
    "a single-choice hint that names the right option": (
        "    hint: Think of what you do before you buy something online.",
        "    hint: Think of who reads reviews at night.", 'holds the right answer "Reads reviews"'),
    "a multiple-choice hint that names a right option": (
        "    text: Which are touchpoints?", "    text: Which are touchpoints?\n    hint: One is a support chat.",
        'holds the right answer "A support chat"'),
    "a text hint that holds an accepted answer": (
        "    text: Which word did Google coin for the research moment?",
        "    text: Which word did Google coin for the research moment?\n    hint: Google calls it ZMOT.",
        'holds the right answer "ZMOT"'),
    "a numeric hint that holds the number": (
        "    text: What share of shoppers research first, in percent?",
        "    text: What share of shoppers research first, in percent?\n    hint: A little over half, about 53%.",
        "holds the right answer 53"),
}


@pytest.mark.parametrize("name", list(GIVEAWAYS))
def test_a_hint_that_gives_the_answer_away_is_refused_at_its_line(name):
    old, new, words = GIVEAWAYS[name]
    assert old in QUIZ
    text = QUIZ.replace(old, new, 1)
    [(line, message, hint)] = problems(text)
    assert line == line_of(text, new.splitlines()[-1].strip()), (line, message)
    assert "the hint gives the answer away" in message and words in message, message
    assert "without naming" in hint


def test_a_hint_that_points_to_the_lesson_passes():
    """A word of a right option, another number, a word of the question: no answer is named."""
    text = (QUIZ.replace("    hint: Think of what you do before you buy something online.", "    hint: Where do reviews live?")
            .replace("    text: Which are touchpoints?", "    text: Which are touchpoints?\n    hint: Think of a chat.")
            .replace("    unit: \"%\"", "    unit: \"%\"\n    hint: Over half, out of 100 shoppers.")
            .replace("      - zero moment of truth\n", "      - zero moment of truth\n    hint: Think of the moment of research.\n"))
    assert problems(text) == []
    assert load_quizzes(sitekit.ROOT / "quizzes", sitekit.ROOT), "the academy's own hints pass"
    # the refusals above are made of these very hints' neighbours
    assert problems(text.replace("Think of the moment of research.", "The zero moment of truth."))


def _answer_box(quiz_text: str) -> str:
    quiz = parse_quiz(quiz_text, "quizzes/sample.yml", "sample")
    html = render_quiz(quiz, lambda text: text, Interface("en", None))
    return re.search(r'<input type="text" id="sample--share--answer"[^>]*>', html).group(0)


def test_a_negative_numeric_answer_gets_a_keyboard_with_a_minus_key():
    """An iPhone's decimal keypad has no minus key: a quiz whose right answer is negative could not be passed."""
    assert 'inputmode="decimal"' in _answer_box(QUIZ)
    falling = QUIZ.replace("answer: 53\n    tolerance: 2", "answer: -5\n    tolerance: 2")
    assert 'inputmode="decimal"' not in _answer_box(falling)
    assert 'inputmode="decimal"' in _answer_box(falling.replace("tolerance: 2", "tolerance: 5")), "0 counts too"


def test_a_lesson_without_a_title_is_refused_with_its_heading_as_the_hint(site: Path):
    edit(site / "content/journey/first-steps.md", "title: First steps\n", "")
    hint = sitekit.refused_by_check(site, "content/journey/first-steps.md", 1,
                                    "the page has no `title` in its front matter")
    assert "`title: First steps`" in hint, hint
    sitekit.refused_by_build(site, "content/journey/first-steps.md", 1)


def test_a_line_separator_pasted_into_a_lesson_leaves_every_later_problem_at_its_own_line(tmp_path):
    # Word and Google Docs paste a soft line break as U+2028 (U+2029, U+0085 alike): Markdown keeps it inside its
    # line, so the lines an editor counts are the \n-separated ones, and every problem below it is at one of those
    root = sitekit.write_project(tmp_path / "project")
    lesson = root / "content" / "journey" / "first-steps.md"
    text = lesson.read_text(encoding="utf-8").replace(
        "Every customer meets the brand through a touchpoint.",
        "Every customer meets\u2028the brand\u2029through a\u0085touchpoint.")
    text = text.replace("A shopper reads reviews before buying.",
                        "A shopper reads [reviews](missing-page.md) before buying.\n\n# A second title\n\n#### Deep heading")
    lesson.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    expected = {next(i for i, line in enumerate(lines, 1) if needle in line): needle
                for needle in ("missing-page.md", "# A second title", "#### Deep heading")}
    checked = sitekit.check(root)
    output = checked.stdout + checked.stderr
    assert checked.returncode == 1 and "Traceback" not in output, output
    said = [row for row in output.splitlines() if row.startswith("content/journey/first-steps.md:")]
    assert len(said) >= 3, output
    for row in said:
        line = int(row.split(":")[1])
        assert line in expected, f"{row!r}: not one of the lines {sorted(expected)} that hold a mistake\n{output}"
    assert {int(row.split(":")[1]) for row in said} == set(expected), output


HIDDEN = ["\x07", "\x1b", "\x00", "\x7f", "\ufffe", "\x9b"]  # a bell, an escape, a null, DEL, a noncharacter, a C1 control


@pytest.mark.parametrize("char", HIDDEN, ids=lambda c: f"U+{ord(c):04X}")
def test_a_hidden_character_pasted_into_a_quiz_is_named_at_its_line_and_column(char):
    """YAML refuses to read past a control character at all: the quiz file was a traceback in `check`."""
    text = QUIZ.replace("text: Which are touchpoints?", f"text: Which are{char} touchpoints?")
    [(line, message, hint)] = problems(text)
    column = text.split("\n")[line - 1].index(char) + 1
    assert (line, column) == (line_of(text, "Which are"), len("    text: Which are") + 1)
    assert f"(U+{ord(char):04X}) at column {column}" in message and "delete it" in hint, message


def test_a_hidden_character_in_front_matter_or_mkdocs_yml_is_named_at_its_line(site: Path):
    lesson = site / "content/journey/first-steps.md"
    text = lesson.read_text(encoding="utf-8")
    edit(lesson, "description: How a customer meets a brand.", "description: How a customer\x1b meets a brand.")
    line = line_of(text, "description:")
    hint = sitekit.refused_by_check(site, "content/journey/first-steps.md", line,
                                    f"(U+001B) at column {len('description: How a customer') + 1}")
    assert "delete it" in hint
    sitekit.refused_by_build(site, "content/journey/first-steps.md", line)
    lesson.write_text(text, encoding="utf-8")
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    edit(site / "mkdocs.yml", "docs_dir: content", "docs_dir: con\x07tent")
    sitekit.refused_by_check(site, "mkdocs.yml", line_of(config, "docs_dir:"), "(U+0007) at column 14")


@pytest.mark.parametrize("value, words", [
    ("1" + "0" * 5000, "(5,001 characters) cannot be read"),  # past Python's 4,300 digits for a number read from text
    ("2024-02-30", "`2024-02-30` cannot be read"),  # a date YAML 1.1 reads, but no calendar has
    ("[" * 3000 + "]" * 3000, "nested too deeply to be read"),
])
def test_a_front_matter_value_yaml_cannot_make_is_named_at_its_line(value, words):
    from academy.frontmatter import FrontMatterError, parse
    text = f"---\ndescription: A lesson.\ntitle: {value}\n---\n\n# First steps\n"
    with pytest.raises(FrontMatterError) as raised:
        parse(text, "content/x.md")
    [problem] = raised.value.problems
    line = 3 if "nested" not in words else 1 + 1
    assert (problem.path, problem.line) == ("content/x.md", line) and words in problem.message, problem
    assert "quotes" in problem.hint


def test_quotes_nested_past_forty_levels_are_refused_at_their_line():
    from academy import segment
    body = "# Title\n\nA paragraph.\n\n" + "> " * 41 + "deep\n"
    [found] = segment.misreadings(body, 5)
    assert found.line == 5 + 4 and "more than 40 levels deep" in found.message
    assert not segment.misreadings("# Title\n\n" + "> " * 40 + "deep\n")  # forty are read, and translated
    assert segment.misreadings("> " * 5000 + "deep\n"), "no recursion error however deep"


def test_lists_nested_deeper_than_markdown_can_read_are_refused_not_a_traceback(site: Path):
    lesson = site / "content/journey/first-steps.md"
    text = lesson.read_text(encoding="utf-8")
    deep = "".join("    " * level + "- x\n" for level in range(400))
    lesson.write_text(text + "\n" + deep, encoding="utf-8")
    deepest = len(text.split("\n")) + 400
    sitekit.refused_by_check(site, "content/journey/first-steps.md", deepest, "nested so deep that Markdown cannot read")
    sitekit.refused_by_build(site, "content/journey/first-steps.md", deepest)


def test_bold_left_open_is_refused_at_its_line_and_asterisks_meant_as_text_pass(site: Path):
    """Python-Markdown publishes a `**` it cannot pair as two asterisks in the sentence."""
    lesson = site / "content/journey/first-steps.md"
    edit(lesson, "Every customer meets the brand through a touchpoint.",
         "Every **customer meets the brand through a touchpoint.\n\nA paragraph with **bold** and \\*\\* shown "
         "as asterisks, `**` in code and *one* star.\n\n```\nlet x = a ** b;\n```")
    edit(lesson, "A shopper reads reviews before buying.", "A shopper reads reviews** before buying.")
    text = lesson.read_text(encoding="utf-8")
    checked = sitekit.check(site)
    output = checked.stdout + checked.stderr
    said = sorted(int(row.split(":")[1]) for row in output.splitlines()
                  if row.startswith("content/journey/first-steps.md:") and "`**` that is never closed" in row)
    assert said == [line_of(text, "Every **customer"), line_of(text, "reviews** before")], output
    assert checked.returncode == 1 and "Traceback" not in output, output
    sitekit.refused_by_build(site, "content/journey/first-steps.md", line_of(text, "Every **customer"))
