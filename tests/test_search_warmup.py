"""What the browser loads of the index before a query: read from Pagefind's own metadata."""

from __future__ import annotations

import gzip
import json

import cbor2
import pytest

from academy import search_warmup
from academy.search import SearchIndexError, build_index


@pytest.mark.parametrize("lang", ["", "fil", "ru"])
def test_the_plan_names_every_chunk_of_the_index_and_a_word_of_each(built_site, lang):
    folder = built_site.site / lang / "pagefind"
    chunks = search_warmup.chunks(folder)
    assert chunks
    on_disk = {path.relative_to(folder).as_posix() for path in (folder / "index").glob("*.pf_index")}
    assert {chunk.file for chunk in chunks} == on_disk  # each chunk Pagefind wrote, and only those
    for chunk in chunks:
        assert chunk.first_word <= chunk.last_word  # Pagefind's chunks hold words in order
    plan = json.loads((folder / search_warmup.WARMUP).read_text(encoding="utf-8"))
    assert plan == {"terms": " ".join(dict.fromkeys(c.first_word for c in chunks)), "chunks": [c.file for c in chunks]}


def test_an_index_above_the_budget_is_left_to_the_letters_typed(built_site, tmp_path):
    folder = tmp_path / "pagefind"
    source = built_site.site / "ru" / "pagefind"
    (folder / "index").mkdir(parents=True)
    for path in [*source.glob("*.pf_meta"), *(source / "index").glob("*")]:
        (folder / path.relative_to(source)).write_bytes(path.read_bytes())
    size = sum(p.stat().st_size for p in (folder / "index").glob("*"))
    assert search_warmup.write_warmup(folder, budget=size)["chunks"]
    assert search_warmup.write_warmup(folder, budget=size - 1) == {"terms": "", "chunks": []}
    assert json.loads((folder / search_warmup.WARMUP).read_text(encoding="utf-8")) == {"terms": "", "chunks": []}


def _gzip(data: bytes) -> bytes:
    """Compressed with no time stamp, so the test's id is the same in every collection (pytest-xdist compares them)."""
    return gzip.compress(data, mtime=0)


@pytest.mark.parametrize("meta", [b"not gzip at all", _gzip(b"something else"),
                                  _gzip(b"pagefind_dcd" + bytes([0x9f])),  # CBOR of a kind Pagefind never writes
                                  _gzip(b"pagefind_dcd" + bytes([0x86, 0x65]) + b"1.5"),  # cut short
                                  _gzip(b"pagefind_dcd" + bytes([0x83, 0x65]) + b"1.5.2" + bytes([0x80, 0x81, 0x63])
                                        + b"\xff\xfe\xfd"),  # a word that is not UTF-8
                                  _gzip(b"pagefind_dcd" + cbor2.dumps(["1.5.2", [], [["a", "b", 7]]])),  # no file name
                                  _gzip(b"pagefind_dcd" + cbor2.dumps({"version": "1.5.2"}))])  # not Pagefind 1.x's list
def test_a_metadata_file_not_as_pagefind_writes_it_is_a_clear_error(tmp_path, meta):
    (tmp_path / "pagefind.en_0.pf_meta").write_bytes(meta)
    with pytest.raises(search_warmup.PagefindMetaError, match="pagefind.en_0.pf_meta"):
        search_warmup.chunks(tmp_path)


def test_an_index_folder_without_its_metadata_stops_the_build_with_the_folder_named(tmp_path, monkeypatch):
    (tmp_path / "page").mkdir()
    monkeypatch.setattr("academy.search._run_pagefind", lambda site, output: output.mkdir())
    with pytest.raises(SearchIndexError, match="pagefind: expected one Pagefind metadata file, found 0"):
        build_index(tmp_path, "ru")
