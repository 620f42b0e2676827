"""A catalog kept between builds reads exactly as the file does, and never outlives a change to it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib
import pytest

import sitekit
from academy import catalog_cache
from academy.catalogs import CatalogError, _read_catalog
from academy.memo import digest


def _read(path: Path, root: Path | None):
    return _read_catalog(path, "fil", "content/x", root)


@pytest.fixture(autouse=True)
def _fresh_process():
    """Each test starts as a new process would: nothing read or kept in memory."""
    catalog_cache.forget()
    yield
    catalog_cache.forget()


def _next_build(root: Path) -> None:
    """What a build leaves for the next one: its kept catalogs written, then a new process."""
    catalog_cache.flush(root)
    catalog_cache.forget()


def _same(a, b) -> None:
    assert (a.entries, a.plural_forms, a.plural_forms_line) == (b.entries, b.plural_forms, b.plural_forms_line)


def _kept(root: Path) -> list[str]:
    """The hashes of the catalogs kept in the folder's files."""
    keys = []
    for path in sorted((root / catalog_cache.FOLDER).rglob("*.json")):
        keys += json.loads(path.read_text(encoding="utf-8"))["catalogs"]
    return sorted(keys)


def test_every_catalog_of_the_academy_reads_the_same_kept_or_not(tmp_path):
    catalogs = sorted((sitekit.ROOT / "locales").rglob("*.po"))
    assert len(catalogs) > 20
    for path in catalogs:
        fresh = _read(path, None)  # no cache at all
        first = _read(path, tmp_path)  # read, then kept
        _same(fresh, first)
    _next_build(tmp_path)
    assert len(_kept(tmp_path)) == len({digest(p.read_bytes()) for p in catalogs})
    for path in catalogs:
        kept = _read(path, tmp_path)  # from what was kept
        _same(_read(path, None), kept)
        assert kept.entries, path
    assert catalog_cache._FOLDERS[tmp_path].fresh is False, "every catalog came from the kept file"


def _catalog(tmp_path: Path) -> Path:
    path = tmp_path / "fil.po"
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    po.append(polib.POEntry(msgid="Hello", msgstr="Kumusta"))
    po.append(polib.POEntry(msgid="Bye", msgstr="Paalam", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="Open", msgctxt="door", msgstr="Buksan"))
    po.append(polib.POEntry(msgid="one lesson", msgid_plural="{count} lessons", msgstr_plural={0: "isang aralin", 1: "{count} aralin"}))
    po.save(str(path))
    return path


def test_a_saved_translation_is_read_from_the_file_not_from_what_was_kept(tmp_path):
    path = _catalog(tmp_path)
    assert _read(path, tmp_path).lookup("Hello").msgstr == "Kumusta"
    _next_build(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace('"Kumusta"', '"Mabuhay"'), encoding="utf-8")
    assert _read(path, tmp_path).lookup("Hello").msgstr == "Mabuhay"
    assert _read(path, tmp_path).lookup("Bye").fuzzy is True
    assert _read(path, tmp_path).lookup("Open", "door").msgstr == "Buksan"
    assert _read(path, tmp_path).lookup("one lesson").msgstr == "isang aralin\x00{count} aralin"


def test_what_was_kept_is_named_by_the_bytes_read_even_when_the_file_changed_since_it_was_hashed(tmp_path):
    path = _catalog(tmp_path)
    stale = digest(path.read_bytes())
    path.write_text(path.read_text(encoding="utf-8").replace('"Kumusta"', '"Mabuhay"'), encoding="utf-8")
    _read_catalog(path, "fil", "content/x", tmp_path, stale)  # hashed before the save, read after it
    _next_build(tmp_path)
    assert _kept(tmp_path) == [digest(path.read_bytes())]


@pytest.mark.parametrize("damage", ["cut short", "not json", "another reader", "wrong shape"])
def test_a_kept_catalog_that_is_damaged_or_from_another_reader_is_read_again_from_the_file(tmp_path, damage):
    path = _catalog(tmp_path)
    _read(path, tmp_path)
    _next_build(tmp_path)
    [kept] = (tmp_path / catalog_cache.FOLDER).glob("*.json")
    text = kept.read_text(encoding="utf-8")
    data = json.loads(text)
    [entry] = data["catalogs"].values()
    if damage == "cut short":
        kept.write_text(text[: len(text) // 2], encoding="utf-8")
    elif damage == "not json":
        kept.write_bytes(b"\x80\x81 nonsense")
    elif damage == "another reader":
        data["version"] = "0"
        entry["messages"] = [["Hello", None, "Wrong", False, 1]]
        kept.write_text(json.dumps(data), encoding="utf-8")
    else:
        entry["messages"] = [["Hello"]]
        kept.write_text(json.dumps(data), encoding="utf-8")
    _same(_read(path, tmp_path), _read(path, None))
    assert _read(path, tmp_path).lookup("Hello").msgstr == "Kumusta"


def test_a_catalog_that_cannot_be_read_is_never_kept_and_says_so_on_every_build(tmp_path):
    path = _catalog(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace('msgstr "Kumusta"', 'msgstr "Kumusta'), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(CatalogError) as error:
            _read(path, tmp_path)
        assert "no closing quote" in str(error.value)
        _next_build(tmp_path)
    assert _kept(tmp_path) == []


def test_a_cache_folder_that_cannot_be_written_leaves_the_build_reading_the_files(tmp_path):
    path = _catalog(tmp_path)
    (tmp_path / ".cache").write_text("a file where the folder would be", encoding="utf-8")
    _same(_read(path, tmp_path), _read(path, None))
    _next_build(tmp_path)
    _same(_read(path, tmp_path), _read(path, None))
    assert (tmp_path / ".cache").is_file()


def test_a_site_build_keeps_its_catalogs_and_builds_the_same_pages_from_them(project):
    sitekit.build(project)
    first = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*.html")}
    assert _kept(project), "the build kept what it read"
    shutil.rmtree(project / "site")
    sitekit.build(project)
    second = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*.html")}
    assert second == first


def test_each_process_keeps_its_catalogs_in_one_file_that_holds_what_it_last_used(tmp_path, monkeypatch):
    path = _catalog(tmp_path)
    other = tmp_path / "ru.po"
    other.write_text(path.read_text(encoding="utf-8").replace("Kumusta", "Privet"), encoding="utf-8")
    monkeypatch.setattr(catalog_cache, "reader", "fil")
    _read(path, tmp_path)
    _next_build(tmp_path)
    monkeypatch.setattr(catalog_cache, "reader", "ru")
    _read(other, tmp_path)
    _read(path, tmp_path)  # kept by the other process: read from its file
    _next_build(tmp_path)
    files = sorted(p.name for p in (tmp_path / catalog_cache.FOLDER).iterdir())
    assert files == ["fil.json", "ru.json"]
    assert _kept(tmp_path) == sorted([digest(path.read_bytes()), digest(other.read_bytes()), digest(path.read_bytes())])
    # an unchanged tree writes nothing; an edit writes the reader's file again, without the old version
    before = (tmp_path / catalog_cache.FOLDER / "ru.json").stat().st_mtime_ns
    _read(other, tmp_path)
    _next_build(tmp_path)
    assert (tmp_path / catalog_cache.FOLDER / "ru.json").stat().st_mtime_ns == before
    other.write_text(other.read_text(encoding="utf-8").replace("Privet", "Zdravstvuj"), encoding="utf-8")
    assert _read(other, tmp_path).lookup("Hello").msgstr == "Zdravstvuj"
    _next_build(tmp_path)
    ru = json.loads((tmp_path / catalog_cache.FOLDER / "ru.json").read_text(encoding="utf-8"))["catalogs"]
    assert list(ru) == [digest(other.read_bytes())]


def test_a_catalog_is_read_from_the_bytes_its_digest_was_taken_of_once_and_no_other(tmp_path):
    from academy import memo
    from academy.catalogs import read_catalog

    path = _catalog(tmp_path)
    first = memo.file_digest(path)
    assert memo.hashed_bytes(path, first) == path.read_bytes()
    assert memo.hashed_bytes(path, "another digest") is None
    assert memo.hashed_bytes(tmp_path / "other.po", first) is None
    catalog = read_catalog(path, "fil", "content/x", tmp_path)
    assert catalog.digest == digest(path.read_bytes())
    assert catalog.lookup("Hello").msgstr == "Kumusta"
    # saved since: a new digest, and the new bytes are read, never the ones kept for the old digest
    path.write_text(path.read_text(encoding="utf-8").replace('"Kumusta"', '"Mabuhay"'), encoding="utf-8")
    catalog = read_catalog(path, "fil", "content/x", tmp_path)
    assert catalog.digest == digest(path.read_bytes())
    assert catalog.lookup("Hello").msgstr == "Mabuhay"
