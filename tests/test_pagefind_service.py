"""Rewritten pages reach Pagefind as strings, never as a copy of the site on disk.

The index made that way must be the index Pagefind's own command line makes of the same
pages, file for file and byte for byte, and must not depend on the order the file system
happens to list a folder in.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from academy import pagefind_service, search

WORDS = ("nagbabasa reklamo mamimili customer agent pananaliksik sandali tinatawagan ulit buo "
         "клиент жалоба colour centre apologise naïve café").split()


def _page(number: int, lang: str) -> str:
    words = [WORDS[(number * 7 + i * 3) % len(WORDS)] for i in range(40)]
    return (f'<!doctype html><html lang="{lang}"><head><title>Page {number}</title></head><body>'
            f'<nav><a href="/">menu {words[0]}</a></nav><article data-pagefind-body>'
            f'<h1 id="top">Lesson {number} {words[1]}</h1><p>{" ".join(words[:15])} &amp; &nbsp;{words[2]}</p>'
            f'<h2 id="part-{number}">{words[3]} {words[4]}</h2><p>{" ".join(words[15:])}</p>'
            f'<span data-pagefind-meta="sections">{{"a":["{words[5]}"]}}</span>'
            f'<div data-pagefind-ignore><p>hidden{number}</p></div></article></body></html>')


PATHS = ["index.html", "glossary/index.html", "404.html",
         *[f"course-{c}/lesson-{n}/index.html" for c in range(3) for n in range(4)], "course-1/index.html"]


def _write_site(folder: Path, lang: str, paths: list[str] = PATHS) -> None:
    for number, relative in enumerate(paths):
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_page(PATHS.index(relative) if relative in PATHS else number, lang), encoding="utf-8")


def _listed(folder: Path) -> list[str]:
    """The pages in the order Pagefind's command line reads them: the folder walked as the system lists it."""
    found = []
    for entry in os.scandir(folder):
        if entry.is_dir():
            found += [f"{entry.name}/{inner}" for inner in _listed(Path(entry.path))]
        elif entry.name.endswith(".html"):
            found.append(entry.name)
    return found


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("lang", ["fil", "en", "ru"])
def test_an_index_from_memory_is_byte_for_byte_the_index_pagefind_makes_of_the_same_pages_on_disk(tmp_path, lang):
    pages = tmp_path / "pages"
    _write_site(pages, lang)
    on_disk, in_memory = tmp_path / "on-disk", tmp_path / "in-memory"
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path", str(on_disk), "--quiet"],
                   check=True, capture_output=True)
    listed = _listed(pages)
    sent = pagefind_service.write_index([(p, (pages / p).read_text(encoding="utf-8")) for p in listed], in_memory)
    assert sent == len(PATHS)
    expected = _files(on_disk)
    assert any(name.startswith("fragment/") for name in expected)
    assert _files(in_memory) == expected


def test_the_index_does_not_depend_on_the_order_a_folder_is_listed_in(tmp_path, monkeypatch):
    indexes = []
    for name, order in (("forward", PATHS), ("backward", PATHS[::-1])):
        site = tmp_path / name
        _write_site(site, "fil", order)
        listing = Path.rglob
        monkeypatch.setattr(Path, "rglob", lambda self, pattern, _l=listing, _b=name == "backward": (
            sorted(_l(self, pattern), key=str, reverse=_b)))
        search.build_index(site, "fil")
        monkeypatch.undo()
        indexes.append(_files(site / "pagefind"))
    assert indexes[0] == indexes[1]
    assert len(indexes[0]) > 10


@pytest.mark.parametrize("program", ["/bin/true", "/no/such/pagefind"])
def test_a_pagefind_that_stops_or_is_missing_is_a_plain_error_and_never_a_hang(tmp_path, monkeypatch, program):
    site = tmp_path / "fil"
    _write_site(site, "fil", [f"lesson-{n}/index.html" for n in range(300)])  # more than a pipe holds
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", program)
    with pytest.raises(search.SearchIndexError) as raised:
        search.build_index(site, "fil")
    message = str(raised.value)
    assert message.startswith(f"{site}: the search index could not be built: ")
    assert ("stopped before the index was made" in message) if program == "/bin/true" else (
        f"{program} could not be started" in message)
    assert "Traceback" not in message
