"""Numbers the academy writes itself, in the reader's convention.

A Russian reader expects «2,5 %» with a decimal comma and a no-break space before
the sign, an English one "2.5%". The conventions are CLDR's, through Babel: the
same data the browser's ``Intl.NumberFormat`` uses for scores, so a right answer
written at build time and a score written in the browser look alike on one page.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from babel import Locale
from babel.numbers import format_decimal, format_percent

from .languages import KNOWN_LANGUAGES

PERCENT = "%"
NO_BREAK_SPACE = "\u00a0"


@cache
def _locale(lang: str) -> Locale:
    known = KNOWN_LANGUAGES.get(lang)
    return Locale.parse(known.babel_locale if known else lang)


def format_number(value: float, lang: str, unit: str = "") -> str:
    """`value` with its unit, as a reader of `lang` writes it: every digit kept, none added.

    A percent sign follows the language's percent pattern; a word unit ("seconds")
    follows the number after a no-break space; any other sign is written as given.
    """
    # the shortest decimal that reads back as the float: 2.5, never 2.5000000000000004
    exact = Decimal(repr(float(value))).normalize()
    locale = _locale(lang)
    sign = unit.strip()
    if sign == PERCENT:
        return format_percent(exact / 100, locale=locale, decimal_quantization=False)
    number = format_decimal(exact, locale=locale, decimal_quantization=False)
    if not sign:
        return number
    return number + (NO_BREAK_SPACE + sign if sign[0].isalnum() else unit)
