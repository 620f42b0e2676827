"""Every word a Filipino or Russian page shows, reads out or hands to a search engine comes from a catalog.

The tiny academy with every message of every catalog translated by a marked stand-in (⟦the English⟧),
and a site description and a provider in mkdocs.yml: whatever Latin text is left on a Filipino or
Russian page outside the marks is text a translator cannot reach (mkdocs.yml's English, a template's
words or punctuation). Text, attributes a screen reader or a browser shows (aria-label, title, alt,
placeholder, <title>, meta description, og:*), the JSON-LD a search result is made from and the
strings handed to the page's scripts are all read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import html5lib
import polib
import pytest

import sitekit
from test_russian_typography import RULES as RUSSIAN_RULES

LANGS = ("fil", "ru")
OPEN, CLOSE = "⟦", "⟧"
SITE_DESCRIPTION = "Lessons and quizzes for support agents."
PROVIDER = "Support Training Team"
# Words that are the same in every language on purpose: each language's own name in the
# language switcher (a reader looks for their language by its own name) and the page's
# language code.
NAMES = {"English", "Filipino", "fil", "ru", "en"}
# JSON keys whose values are codes a program reads (schema.org's vocabulary, identifiers,
# addresses, durations), not words anyone reads.
CODE_KEYS = {"@context", "@type", "@id", "url", "item", "inLanguage", "eduQuestionType", "learningResourceType",
             "timeRequired", "id", "type", "rev", "quiz", "questions", "lang", "root", "search", "searchUi",
             "progressUi", "searchKeys", "features", "base", "version", "annotate", "tags"}
# the quiz's English accepted answer (sitekit.QUIZ), which counts on every language's page
ACCEPTED = frozenset({"nag-research"})
SHOWN_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "aria-description", "aria-roledescription")
META_WORDS = ("description", "og:title", "og:description", "og:site_name", "twitter:title", "twitter:description")


def pseudo(text: str) -> str:
    return f"{OPEN}{text}{CLOSE}" if text else text


@pytest.fixture(scope="module")
def marked_site(tmp_path_factory) -> sitekit.Built:
    root = sitekit.write_project(tmp_path_factory.mktemp("marked"))
    sitekit.edit(root / "mkdocs.yml", "site_url:", f"site_description: {SITE_DESCRIPTION}\nsite_url:")
    sitekit.edit(root / "mkdocs.yml", "      abbreviations:", f"      provider: {PROVIDER}\n      abbreviations:")
    sitekit.academy(root, "i18n", "update")
    for lang in LANGS:
        for path in (root / "locales" / lang / "LC_MESSAGES").rglob("*.po"):
            catalog = polib.pofile(str(path))
            for entry in catalog:
                if entry.obsolete:
                    continue
                if entry.msgid_plural:
                    entry.msgstr_plural = {n: pseudo(entry.msgid if n == 0 else entry.msgid_plural)
                                           for n in entry.msgstr_plural}
                else:
                    entry.msgstr = pseudo(entry.msgid)
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
            catalog.save()
    return sitekit.build(root)


def _json_strings(value, key=""):
    if isinstance(value, str):
        if key not in CODE_KEYS:
            yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _json_strings(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item, key)


def shown_strings(html: str):
    """(where, text) for every string of a page a reader, a screen reader or a search engine gets.

    The text of the page is read whole, in document order: a message whose words a link or an
    abbreviation splits is still one message."""
    doc = html5lib.parse(html, namespaceHTMLElements=False)
    words: list[str] = []

    def read(el) -> None:
        if el.tag in ("script", "style", "template"):
            return
        words.append(el.text or "")
        for child in el:
            if isinstance(child.tag, str):
                read(child)
            words.append(child.tail or "")

    read(doc)
    yield "text", " ".join(words)
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for name in SHOWN_ATTRIBUTES:
            if el.get(name):
                yield f"<{el.tag} {name}>", el.get(name)
        if el.tag == "meta" and (el.get("name") or el.get("property")) in META_WORDS:
            yield f"<meta {el.get('name') or el.get('property')}>", el.get("content", "")
        if el.tag == "script" and el.get("type") in ("application/ld+json", "application/json"):
            for key, text in _json_strings(json.loads(el.text or "null")):
                yield f"<script {el.get('type')}> {key}", text
        elif el.tag == "template" and (el.text or "").lstrip().startswith(("{", "[")):
            for key, text in _json_strings(json.loads(el.text)):
                yield f"<template> {key}", text


def outside_marks(text: str, stand_in: str = " ") -> str:
    """The string with each stand-in translation (marks may nest) replaced by `stand_in`."""
    before = None
    while text != before:
        text, before = re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", stand_in, text), text
    return text


def unreachable(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """The Latin words of a string outside the stand-in translations' marks."""
    return [word for word in re.findall(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]", outside_marks(text))
            if word not in NAMES and word not in allowed]


def leaks(site: Path, lang: str) -> list[str]:
    found = []
    for page in sorted((site / lang).rglob("*.html")):
        if "pagefind" in page.parts:
            continue
        for where, text in shown_strings(page.read_text(encoding="utf-8")):
            if where == "<template> answers":
                continue  # a typed answer counts in any language: a quiz carries every language's answers
            # the trainers' answer key lists those answers, in every language
            words = unreachable(text, ACCEPTED if page.parent.name == "answer-keys" else frozenset())
            if words:
                at = text.find(words[0])
                found.append(f"{page.relative_to(site)}: {where}: {' '.join(words)!r} in …{text[max(0, at - 40):at + 80]!r}…")
    return sorted(set(found))


def test_the_check_sees_text_no_catalog_holds():
    page = ('<html><head><title>⟦First steps⟧ - ⟦Academy⟧</title><meta name="description" content="A site.">'
            '<script type="application/ld+json">{"@type": "Course", "provider": {"@type": "Organization", '
            '"name": "Acme"}}</script></head><body><button aria-label="Close">⟦x⟧</button>'
            '<a hreflang="en">English</a><template>{"id": "q1", "title": "⟦Quiz⟧"}</template></body></html>')
    assert [(where, unreachable(text)) for where, text in shown_strings(page) if unreachable(text)] == [
        ("<meta description>", ["site"]), ("<script application/ld+json> name", ["Acme"]),
        ("<button aria-label>", ["Close"])]
    assert unreachable("⟦Any number from 51⟦%⟧ to 55⟦%⟧ counts.⟧ ⟦Lesson: <⟦First⟧>⟧") == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_shown_word_of_a_translated_page_comes_from_a_catalog(marked_site, lang):
    found = leaks(marked_site.site, lang)
    assert not found, "text no catalog holds, shown in English:\n" + "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
def test_the_site_description_and_provider_are_translated_in_the_home_pages_catalog(marked_site, lang):
    doc = html5lib.parse(marked_site.html(f"{lang}/404.html"), namespaceHTMLElements=False)
    described = [m.get("content") for m in doc.iter("meta") if m.get("name") == "description"]
    assert described == [pseudo(SITE_DESCRIPTION)]
    lesson = html5lib.parse(marked_site.html(f"{lang}/journey/first-steps/index.html"), namespaceHTMLElements=False)
    blocks = [json.loads(s.text) for s in lesson.iter("script") if s.get("type") == "application/ld+json"]
    assert [b["provider"]["name"] for b in blocks if "provider" in b] == [pseudo(PROVIDER)]


def dashes_between_words(text: str) -> list[str]:
    """Where a string, each stand-in translation read as a word, joins words with a hyphen or an en dash:
    Russian typography's rule as tests/test_russian_typography.py words it for the catalogs."""
    rule = RUSSIAN_RULES["a dash between words is an em dash (—), not a hyphen or an en dash between spaces"]
    joined = outside_marks(text, "слово")
    return [joined[max(0, m.start() - 10):m.end() + 10] for m in rule.finditer(joined)]


def test_the_dash_check_sees_a_hyphen_between_a_title_and_the_site_name():
    assert dashes_between_words("⟦First steps⟧ - ⟦Academy⟧") and dashes_between_words("404 – ⟦Page not found⟧")
    assert not dashes_between_words("⟦First steps⟧\u00a0— ⟦Academy⟧") and not dashes_between_words("⟦3–7⟧ ⟦B2B-⟧")


def test_a_russian_page_joins_words_with_an_em_dash(marked_site):
    found = [f"{page.relative_to(marked_site.site)}: {where}: …{slip}…"
             for page in sorted((marked_site.site / "ru").rglob("*.html")) if "pagefind" not in page.parts
             for where, text in shown_strings(page.read_text(encoding="utf-8"))
             for slip in dashes_between_words(text)]
    assert not found, "\n".join(found)
