"""English search that does not care whether a word is spelled the British or the American way.

One table maps each British form to the American one (`apologise` → `apologize`,
`colours` → `colors`, `centred` → `centered`); American words pass unchanged, so
an American-spelled page reads exactly as written. The same mapping is applied to
the text Pagefind indexes and, by `theme/assets/academy/spelling.js` (a line-for-line
copy of this table), to the query in the browser, so `apologise` finds a lesson that
says `apologize` and the other way round.
"""

from __future__ import annotations

import re

# stem + British ending -> stem + American ending, for every stem of each family
FAMILIES: list[tuple[list[str], dict[str, str]]] = [
    (["apolog", "real", "organ", "recogn", "personal", "priorit", "summar", "emphas", "minim", "maxim", "optim",
      "author", "custom", "standard", "categor", "critic", "final", "normal", "special", "util", "visual", "memor",
      "sympath", "familiar", "character", "central", "capital", "general", "modern", "synchron", "emotional"],
     {"ise": "ize", "ises": "izes", "ised": "ized", "ising": "izing", "isation": "ization", "isations": "izations",
      "iser": "izer", "isers": "izers"}),
    (["anal", "paral", "catal"], {"yse": "yze", "ysed": "yzed", "ysing": "yzing"}),
    (["col", "behavi", "fav", "hon", "neighb", "lab", "hum", "rum", "flav", "harb", "endeav", "od", "vig", "sav",
      "arm", "parl", "vap"],
     {"our": "or", "ours": "ors", "oured": "ored", "ouring": "oring", "ourful": "orful", "ourite": "orite",
      "ourites": "orites", "ourable": "orable", "ourably": "orably", "oural": "oral", "ourhood": "orhood",
      "ourless": "orless", "ourer": "orer"}),
    (["cent", "theat", "met", "lit", "fib", "calib", "somb", "spect", "meag", "lust"],
     {"re": "er", "res": "ers", "red": "ered", "ring": "ering"}),
    (["cancel", "travel", "label", "model", "signal", "counsel", "fuel", "level", "total", "channel", "tunnel", "dial",
      "equal", "marshal"],
     {"led": "ed", "ling": "ing", "ler": "er", "lers": "ers", "lor": "or", "lors": "ors"}),
]
WORDS: dict[str, str] = {
    "programme": "program", "programmes": "programs", "licence": "license", "licences": "licenses",
    "defence": "defense", "offence": "offense", "offences": "offenses", "practise": "practice",
    "practised": "practiced", "practises": "practices", "practising": "practicing", "grey": "gray",
    "cheque": "check", "cheques": "checks", "enrolment": "enrollment", "enrol": "enroll", "enrols": "enrolls",
    "fulfil": "fulfill", "fulfils": "fulfills", "fulfilment": "fulfillment", "skilful": "skillful",
    "judgement": "judgment", "judgements": "judgments", "ageing": "aging", "catalogue": "catalog",
    "catalogues": "catalogs", "marvellous": "marvelous", "jewellery": "jewelry", "whilst": "while",
}


def british_to_american() -> dict[str, str]:
    table = dict(WORDS)
    for stems, endings in FAMILIES:
        for stem in stems:
            for british, american in endings.items():
                table[stem + british] = stem + american
    return table


TABLE = british_to_american()
WORD = re.compile(r"[A-Za-z]+")


def american(word: str) -> str:
    """The American spelling of a word, with its capitals: `Colour` → `Color`."""
    found = TABLE.get(word.lower())
    if found is None:
        return word
    if word.isupper() and len(word) > 1:
        return found.upper()
    return found[0].upper() + found[1:] if word[0].isupper() else found


def american_text(text: str) -> str:
    return WORD.sub(lambda m: american(m.group(0)), text)
