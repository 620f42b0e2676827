"""The Filipino search stemmer: one table of word → key, passed by the Python rules (index side)
and by their browser copy (query side), so a query and the page it should find always meet."""

from __future__ import annotations

from pathlib import Path

import pytest

from academy.tagalog import stem, stem_text

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "plugins/academy/theme/assets/academy/tagalog.js"


def table() -> list[tuple[str, str]]:
    rows = []
    for line in (Path(__file__).parent / "data" / "tagalog-stems.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, key = line.split("\t")
            rows.append((word, key))
    return rows


@pytest.mark.parametrize(("word", "key"), table())
def test_python_stemmer_gives_the_key_of_the_table(word, key):
    assert stem(word) == key


def test_inflections_of_one_root_meet_and_different_roots_stay_apart():
    assert {stem(w) for w in ("reklamo", "nagrereklamo", "pagrereklamo", "ireklamo")} == {"reklamo"}
    assert {stem(w) for w in ("nakikinig", "pakikinig", "makinig")} == {stem("nakikinig")}
    assert stem("kumain") != stem("sumagot") != stem("basahin")


def test_a_text_is_stemmed_word_by_word_and_taglish_keeps_its_english_word():
    assert stem_text("Nagrereklamo ang customer; i-check ang order, nag-apologize siya.") == (
        "reklamo ang customer check ang order apologize siya")


@pytest.mark.browser
def test_the_browser_copy_gives_the_same_key_for_every_word(page):
    page.set_content("<html><body></body></html>")
    page.add_script_tag(path=str(SCRIPT))
    words = [word for word, _ in table()] + ["Nagrereklamo ang customer; i-check ang order, nag-apologize siya."]
    browser = page.evaluate("ws => ws.map(w => window.academyStemmers.fil.stemText(w))", words)
    assert browser == [stem_text(w) for w in words]
    assert browser[: len(table())] == [key for _, key in table()]
