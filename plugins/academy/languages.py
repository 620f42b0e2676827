"""The languages the academy knows how to build, and what each one needs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # our code: the folder in locales/ and the URL prefix
    name: str  # the language's own name, for the switcher
    html_lang: str  # <html lang>; Pagefind splits its index on this
    hreflang: str  # Google wants ISO 639-1 where one exists: Filipino is "tl"
    theme_language: str  # Material's interface strings
    babel_locale: str  # dates, numbers and plural rules
    og_locale: str


KNOWN_LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language("en", "English", "en", "en", "en", "en", "en_US"),
        # Material has Tagalog strings; our own partial keeps them and says "fil".
        Language("fil", "Filipino", "fil", "tl", "fil", "fil", "fil_PH"),
        Language("ru", "Русский", "ru", "ru", "ru", "ru", "ru_RU"),
    )
}

SOURCE_LANGUAGE = "en"

# Babel's Filipino rule is wrong; these are CLDR's, in the form Weblate uses.
PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);",
    "fil": "nplurals=2; plural=(n != 1 && n != 2 && n != 3 && "
    "(n % 10 == 4 || n % 10 == 6 || n % 10 == 9));",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 "
    "&& (n%100<10 || n%100>=20) ? 1 : 2);",
}
