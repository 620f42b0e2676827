"""The Filipino search index: stemmed words to search, the page's own words to read, one record per page."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from academy.search import build_index
from academy.tagalog import stem_text

PAGE = """<!doctype html><html lang="fil"><head><title>Mga reklamo - Academy</title></head><body>
<nav><a href="/fil/">Nagbabasa sa menu</a></nav>
<article data-pagefind-body>
<h1 id="handling-complaints">Paghawak ng mga reklamo</h1>
<p>Nagbabasa ng reviews ang mamimili bago bumili.</p>
<h2 id="the-research-moment">Ang sandali ng pananaliksik</h2>
<p>Pinakikinggan ng <strong>agent</strong> ang customer&nbsp;nang buo, at nag-aapologize siya.</p>
<div data-pagefind-ignore><p>Lihimnasagot</p></div>
<h3 id="follow-up">Pag-follow up</h3><p>Tinatawagan niya ulit ang customer.</p>
</article></body></html>"""


def _records(index: Path) -> list[dict]:
    records = []
    for fragment in sorted((index / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        records.append(json.loads(data[data.index(b"{"):]))
    return records


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "fil"
    (site / "service" / "complaints").mkdir(parents=True)
    (site / "service" / "complaints" / "index.html").write_text(PAGE, encoding="utf-8")
    (site / "progress").mkdir()
    (site / "progress" / "index.html").write_text(
        '<html lang="fil"><body><h1 id="p">Ang progreso mo</h1><p>Nagbabasa</p></body></html>', encoding="utf-8")
    (site / "404.html").write_text(PAGE.replace("Paghawak", "Nawawala"), encoding="utf-8")
    return site


def test_a_filipino_page_is_one_record_searched_by_stems_and_read_in_its_own_words(tmp_path):
    site = _site(tmp_path)
    build_index(site, "fil")
    [record] = _records(site / "pagefind")  # not the progress page (no indexed part), not the 404 page
    assert record["url"] == "/service/complaints/"
    words = record["content"].split()
    for word in ("Nagbabasa", "Pinakikinggan", "Tinatawagan", "nag-aapologize"):
        assert stem_text(word) in record["content"], word
        assert word not in words
    assert "Lihimnasagot".lower() not in record["content"].lower(), "an ignored part stays out"
    assert "menu" not in record["content"], "the navigation before the indexed part stays out"
    assert record["meta"]["title"] == "Paghawak ng mga reklamo"
    sections = json.loads(record["meta"]["sections"])
    assert sections[""] == ["", "Nagbabasa ng reviews ang mamimili bago bumili."]
    assert sections["the-research-moment"] == [
        "Ang sandali ng pananaliksik",
        "Pinakikinggan ng agent ang customer nang buo, at nag-aapologize siya."]
    assert sections["follow-up"] == ["Pag-follow up", "Tinatawagan niya ulit ang customer."]
    anchors = [(a["element"], a["id"]) for a in record["anchors"]]
    assert anchors == [("h1", "handling-complaints"), ("h2", "the-research-moment"), ("h3", "follow-up")]
    assert len(list((site / "pagefind").glob("*.pf_meta"))) == 1


def test_an_entity_or_a_tag_between_words_never_joins_or_breaks_them(tmp_path):
    site = _site(tmp_path)
    build_index(site, "fil")
    [record] = _records(site / "pagefind")
    assert f"{stem_text('customer')} {stem_text('nang')}" in record["content"]  # &nbsp; between them
    assert f"{stem_text('ng')} agent {stem_text('ang')}" in record["content"]  # <strong> around a word
    assert "nbsp" not in record["content"]
