"""Alphabetical order in each language, for lists a trainee looks a word up in (the glossary).

Python's default order puts every capital before every small letter and Ё after Я;
Filipino counts Ñ and NG as letters of their own, after N. Terms kept in English
inside a translation (B2B, CSAT) follow the language's own letters, in Latin order.
"""

from __future__ import annotations

import re
import unicodedata

LATIN = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
ALPHABETS: dict[str, tuple[str, ...]] = {
    "en": LATIN,
    "fil": (*"ABCDEFGHIJKLMN", "Ñ", "NG", *"OPQRSTUVWXYZ"),
    "ru": tuple("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"),
}
_LEADING = re.compile(r"^[\W_]+")
_ASIDE = re.compile(r"\s*[(\[].*$", re.DOTALL)  # "Momento (moment of truth)": the bracket is an aside


def _letters(text: str, lang: str) -> list[str]:
    """The term's letters as the language counts them (NG is one letter in Filipino)."""
    word = unicodedata.normalize("NFC", _LEADING.sub("", text)).upper()
    letters, i = [], 0
    alphabet = ALPHABETS.get(lang, LATIN)
    while i < len(word):
        pair = word[i:i + 2]
        step = 2 if len(pair) == 2 and pair in alphabet else 1
        letters.append(word[i:i + step])
        i += step
    return letters


def initial(term: str, lang: str) -> str:
    """The letter a term is listed under: its first letter, past quotes and brackets."""
    letters = _letters(term, lang)
    return letters[0] if letters else ""


def sort_key(term: str, lang: str) -> tuple[tuple[int, int], ...]:
    """Word by word, letter by letter in the language's alphabet, then Latin, then anything else;
    a term before its aside in brackets, so "Truth (x)" comes before "Truth told"."""
    main = _ASIDE.sub("", term)
    return (*_letters_key(main, lang), (-1, 0), *_letters_key(term[len(main):], lang))


def _letters_key(term: str, lang: str) -> tuple[tuple[int, int], ...]:
    alphabet = ALPHABETS.get(lang, LATIN)
    own, latin = {letter: i for i, letter in enumerate(alphabet)}, {letter: i for i, letter in enumerate(LATIN)}
    key = []
    for letter in _letters(term, lang):
        if letter.isspace():
            key.append((0, 0))  # a shorter word first: "Churn" before "Churn rate" before "Churned"
        elif letter.isdigit():
            key.append((1, int(letter)))
        elif letter in own:
            key.append((2, own[letter]))
        elif letter in latin:
            key.append((3, latin[letter]))
        elif letter.isalpha():
            key.append((4, ord(letter)))
    return tuple(key)
