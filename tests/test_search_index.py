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
