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


@pytest.mark.parametrize("lang", ["ru"])
def test_no_option_feedback_opens_with_the_verdict_printed_above_it(lang):
    """«✓ Правильно!» and then «Правильно. Именно поэтому…» reads as a stutter under the verdict."""
    verdicts = [word_list(translated(lang)[v]) for v in VERDICTS]
    echoes = []
    for path in sorted((ROOT / "locales" / lang / "LC_MESSAGES" / "quizzes").glob("*.po")):
        with path.open("rb") as handle:
            for message in read_po(handle):
                opening = word_list(message.string)
                if "quiz feedback for this option" in message.auto_comments and any(
                        opening[:len(verdict)] == verdict for verdict in verdicts):
                    echoes.append(f"{path.name}:{message.lineno}: {message.string}")
    assert not echoes, "\n".join(echoes)
