"""Numbers the academy writes itself follow the reader's convention (E7 of the Russian review)."""

from __future__ import annotations

import pytest

from academy.interface import Interface
from academy.numbers import format_number
from academy.quiz.load import parse_quiz

NBSP = "\u00a0"


@pytest.mark.parametrize("value, lang, unit, shown", [
    (2.5, "ru", "%", f"2,5{NBSP}%"),
    (2.5, "en", "%", "2.5%"),
    (2.5, "fil", "%", "2.5%"),
    (53, "ru", "%", f"53{NBSP}%"),
    (12000, "ru", "", f"12{NBSP}000"),
    (12000, "en", "", "12,000"),
    (1234567.891, "ru", "", f"1{NBSP}234{NBSP}567,891"),
    (0.125, "ru", "", "0,125"),  # every digit the author wrote, none rounded away
    (1e-7, "en", "", "0.0000001"),  # never "1e-07"
    (3, "ru", "секунды", f"3{NBSP}секунды"),  # a word unit never starts a line alone
    (2.5, "ru", " %", f"2,5{NBSP}%"),  # a translator's own space before the sign is not doubled
    (2.5, "ru", "€", "2,5€"),  # another sign is written as the translator gave it
])
def test_a_number_is_written_as_its_reader_writes_it(value, lang, unit, shown):
    assert format_number(value, lang, unit) == shown


def test_float_noise_from_yaml_never_reaches_the_page():
    assert format_number(0.1 * 3, "en") != "0.3"  # the float really is 0.30000000000000004 …
    assert format_number(float("0.3"), "ru") == "0,3"  # … but what an author writes stays as written


QUIZ = """\
id: sample
title: Sample
questions:
  - id: share
    type: numeric
    text: How much, in percent?
    answer: 2.5
    unit: "%"
  - id: time
    type: numeric
    text: How long, in seconds?
    answer: 12000
    unit: seconds
"""


def test_a_numeric_answer_text_uses_the_page_language():
    quiz = parse_quiz(QUIZ, "quizzes/sample.yml", "sample")
    share, time = quiz.questions
    units = {"seconds": "секунд"}
    ru, en = Interface("ru", None), Interface("en", None)
    assert share.answer_text(lambda s: s, ru) == f"2,5{NBSP}%"
    assert share.answer_text(lambda s: s, en) == "2.5%"
    assert time.answer_text(lambda s: units.get(s, s), ru) == f"12{NBSP}000{NBSP}секунд"
    assert time.answer_text(lambda s: s, en) == f"12,000{NBSP}seconds"
    assert share.accepted_answers(lambda s: s, ru) == [f"2,5{NBSP}%"]  # structured data says the same
