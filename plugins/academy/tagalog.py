"""A small Tagalog (Filipino) stemmer for search: the same rules run on the index and on the query.

No search engine stems Filipino, so `nagrereklamo` did not find `reklamo`. The rules strip a Taglish
hyphenated prefix (`nag-apologize`, `i-check`), then, for up to three rounds, one prefix (`pinaka-`,
`maka-`, `naka-`, `mag-`, `nag-`, `pag-`, `ipa-`, `ika-`, `ma-`, `na-`, `pa-`, `i-`), partial
reduplication (`rereklamo`, `kikinig`) and the infixes `-um-` and `-in-`; last, one suffix (`-han`,
`-hin`, `-an`, `-in`). The aim is that the inflections of a root meet at the same key, not a
dictionary root. The browser runs a line-for-line copy, `theme/assets/academy/tagalog.js`; both are
checked against the same table, `tests/data/tagalog-stems.tsv`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

VOWELS = "aeiou"
# Longest first, so `pinaka-` is not read as `pa-`. `mag-`, `nag-`, `pag-` only before a consonant
# (before a vowel Filipino writes a hyphen, mag-aral; `maganda` is ma- + ganda); `um-` and `in-`
# only before a vowel (umalis, inalis).
PREFIXES = ("pinaka", "maka", "naka", "ipa", "ika", "mag", "nag", "pag", "ma", "na", "pa", "um", "in", "i")
BEFORE_CONSONANT = ("mag", "nag", "pag")
BEFORE_VOWEL = ("um", "in")
HYPHEN_PREFIXES = (*PREFIXES, "ka", "maki", "naki", "paki", "makiki", "nakiki", "pakiki", "pakikipag")
SUFFIXES = ("han", "hin", "an", "in")
SHORTEST = 4  # words this short (ang, mga, bago) stay whole
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _root_like(text: str) -> bool:
    return len(text) >= 3 and any(c in VOWELS for c in text)


def _strip_prefix(w: str) -> str:
    for prefix in PREFIXES:
        rest = w[len(prefix):]
        if not w.startswith(prefix) or not _root_like(rest):
            continue
        if prefix in BEFORE_CONSONANT and rest[0] in VOWELS:
            continue
        if prefix in BEFORE_VOWEL and rest[0] not in VOWELS:
            continue
        return rest
    return w


def _unreduplicate(w: str) -> str:
    # CV-CV (rereklamo, kikinig, sasalita) or V-V (aaral) at the start
    if len(w) >= 5 and w[0] not in VOWELS and w[1] in VOWELS and w[:2] == w[2:4]:
        return w[2:]
    if len(w) >= 4 and w[0] in VOWELS and w[0] == w[1]:
        return w[1:]
    return w


def _strip_infix(w: str) -> str:
    # k-um-ain, s-in-abi: a consonant, the infix, then a vowel
    if len(w) >= 5 and w[0] not in VOWELS and w[1:3] in ("um", "in") and w[3] in VOWELS:
        return w[0] + w[3:]
    return w


def _strip_suffix(w: str) -> str:
    for suffix in SUFFIXES:
        rest = w[: -len(suffix)]
        if w.endswith(suffix) and _root_like(rest):
            return rest
    return w


@lru_cache(maxsize=1 << 16)  # a site says the same words again and again: each is stemmed once
def stem(word: str) -> str:
    """The search key of one word; a hyphenated compound gives its parts' keys, space-separated."""
    w = unicodedata.normalize("NFC", word).lower()
    parts = [p for p in w.split("-") if p]
    if len(parts) >= 2 and parts[0] == parts[1]:  # araw-araw
        parts = parts[1:]
    if len(parts) >= 2 and parts[0] in HYPHEN_PREFIXES:  # nag-apologize, i-check, mag-aral
        parts = parts[1:]
    if len(parts) != 1:
        return " ".join(stem(p) for p in parts)
    w = parts[0]
    if len(w) <= SHORTEST:
        return w
    for _ in range(3):
        before = w
        w = _strip_infix(_unreduplicate(_strip_prefix(w)))
        w = _unreduplicate(w)
        if w == before:
            break
    return _strip_suffix(w)


def stem_text(text: str) -> str:
    """Every word of a text as its search key, separated by spaces."""
    return " ".join(stem(m.group(0)) for m in WORD.finditer(text))


def stem_in_place(text: str) -> str:
    """Every word of a text replaced by its search key; what lies between words is kept as it is
    (so that a page's markup around its words still reads as the page)."""
    return WORD.sub(lambda m: stem(m.group(0)), text)
