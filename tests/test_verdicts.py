"""A quiz's verdict never repeats the words of a true/false option, in any language.

In Russian the options are «Верно» / «Неверно»; a verdict «Верно.» under a correct «Неверно»
reads as a contradiction. The catalogs are read as shipped.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
VERDICTS = ("Correct.", "Not quite.", "Partly correct.")
OPTIONS = ("True", "False")


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def translated(lang: str) -> dict[str, str]:
    with (ROOT / "locales" / lang / "LC_MESSAGES" / "ui.po").open("rb") as handle:
        catalog = read_po(handle)
    return {m.id: (m.string or m.id) for m in catalog if isinstance(m.id, str) and m.id and not m.fuzzy}


@pytest.mark.parametrize("lang", ["en", "fil", "ru"])
def test_no_verdict_shares_a_word_with_the_true_false_options(lang):
    table = {m: m for m in VERDICTS + OPTIONS} if lang == "en" else translated(lang)
    option_words = set().union(*(words(table[o]) for o in OPTIONS))
    for verdict in VERDICTS:
        shared = words(table[verdict]) & option_words
        assert not shared, f"{lang}: the verdict {table[verdict]!r} repeats {shared} of the options"


def word_list(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


# Words that say the verdict again in other words: under «✓ Correct.» an option's feedback that
# opens with "Right." or "Yes." repeats it, as «Верно.» does under «✓ Правильно!».
SAME_VERDICT = {
    "en": ["correct", "right", "yes", "exactly", "true", "wrong", "incorrect", "no"],
    "fil": ["tama", "tumpak", "oo", "mali", "hindi tama", "tama ka"],
    "ru": ["верно", "правильно", "да", "точно", "неверно", "неправильно", "нет"],
}


def option_feedback(lang: str):
    """(where, text) of every option's feedback, as the trainee reads it in `lang`."""
    folder = ROOT / "locales" / "templates" / "quizzes" if lang == "en" else ROOT / "locales" / lang / "LC_MESSAGES" / "quizzes"
    for path in sorted(folder.glob("*.po*")):
        with path.open("rb") as handle:
            for message in read_po(handle):
                if "quiz feedback for this option" in message.auto_comments:
                    yield f"{path.name}:{message.lineno}", message.id if lang == "en" else message.string


@pytest.mark.parametrize("lang", ["en", "fil", "ru"])
def test_no_option_feedback_opens_with_the_verdict_printed_above_it(lang):
    """«✓ Правильно!» and then «Верно. Именно поэтому…» reads as a stutter under the verdict:
    the verdict is printed once, above the feedback, and the feedback goes straight to the why."""
    table = {v: v for v in VERDICTS} if lang == "en" else translated(lang)
    openers = [word_list(table[v]) for v in VERDICTS] + [word_list(w) for w in SAME_VERDICT[lang]]
    feedback = list(option_feedback(lang))
    assert len(feedback) > 20, "the quizzes' option feedback was not found"
    echoes = [f"{where}: {text}" for where, text in feedback
              if any(word_list(text)[:len(opener)] == opener for opener in openers)]
    assert not echoes, "\n".join(echoes)
