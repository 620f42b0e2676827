"""Pagefind is given only what it indexes of a page, and makes the same index from it.

The English and Filipino indexes are made from copies of the pages held in memory (US
spellings, Tagalog stems). Each copy keeps the page's `<html>` tag and the part from
`data-pagefind-body` on; the head and the navigation before it (more than half of a page's
bytes) are not sent. Here the index is made both ways from the built site, and every file of
the two indexes must be the same, byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import textjoins
from academy import memo, search, spelling, tagalog


def index_files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def whole_page(html: str, indexed: str) -> str:
    """The page as it was sent before: everything before `data-pagefind-body` kept."""
    body = search._BODY.search(html)
    return html[: body.start()] + indexed


@pytest.mark.parametrize(("lang", "folder", "pages"), [
    ("en", "", lambda site: search._rewritten_pages(site, spelling.american_text)),
    ("fil", "fil", lambda site: search._stemmed_pages(site, tagalog.stem_in_place)),
])
def test_the_index_is_the_same_without_the_head_and_navigation(built_site, tmp_path, monkeypatch, lang, folder, pages):
    site = built_site.site / folder
    others = ("fil/", "ru/")  # the published site holds the other languages' folders: each has its own index
    sent = [(relative, html) for relative, html in pages(site) if not relative.startswith(others)]
    with_body = [html for _relative, html in sent if "data-pagefind-body" in html]
    assert with_body, "no page has a part to index"
    assert all("md-nav" not in html and "<title>" not in html for html in with_body), "the navigation is still sent"
    search._index_from_memory(iter(sent), tmp_path / "trimmed")

    monkeypatch.setattr(search, "_for_indexer", whole_page)
    memo.forget()  # the copies are remembered by each page's bytes: make them again, whole
    whole = [(relative, html) for relative, html in pages(site) if not relative.startswith(others)]
    assert sum(len(html) for _r, html in whole) > 1.2 * sum(len(html) for _r, html in sent), "nothing was left out"
    search._index_from_memory(iter(whole), tmp_path / "whole")

    trimmed, complete = index_files(tmp_path / "trimmed"), index_files(tmp_path / "whole")
    assert sorted(trimmed) == sorted(complete)
    different = [name for name in complete if trimmed[name] != complete[name]]
    assert not different, f"{lang}: the index differs when the page is sent whole: {different}"


LANGUAGES = {"en": "", "fil": "fil/", "ru": "ru/"}


def site_pages(site: Path, prefix: str) -> dict[str, str]:
    """Each page of one language: its path from the site, and its HTML."""
    others = tuple(p for p in LANGUAGES.values() if p and p != prefix)
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted((site / prefix).rglob("*.html"))
            if not path.relative_to(site).as_posix().startswith(others) and "pagefind" not in path.parts}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_two_words_run_together_in_what_search_indexes_or_a_screen_reader_reads(built_site, lang):
    """A lesson card's title, text and reading time are spans the stylesheet lays out as lines: with
    nothing between them, search indexed «…brand.5 minutes» and «stepsHow», and a screen reader read
    the link out the same way."""
    pages = site_pages(built_site.site, LANGUAGES[lang])
    course = pages[f"{LANGUAGES[lang]}journey/index.html"]
    assert "academy-card__title" in course and "data-pagefind-body" in course  # what is checked is there
    for path, html in pages.items():
        assert textjoins.glued_words(html) == [], f"{path}: words run together in the search index"
        assert textjoins.glued_words(html, indexed=False) == [], f"{path}: words run together on the page"


def test_a_course_page_is_indexed_by_its_introduction_not_its_lessons_cards(built_site):
    page = search.searchable_page(built_site.html("journey/index.html"))
    assert page is not None
    text = " ".join("".join(s.text) for s in page.sections)
    assert "A course about customers." in text
    assert "How a customer meets a brand." not in text and "minute" not in text
