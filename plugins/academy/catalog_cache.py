"""Parsed catalogs kept on disk between builds, each under the hash of the bytes it was read from.

A build reads every catalog of its language: thousands of PO files, most unchanged since the
last build. What reading one gives (its messages, its Plural-Forms and that header's line)
depends only on its bytes and on the code that reads them, so it is kept in
``.cache/academy/catalogs/`` under the project, under the hash of exactly the bytes it was
read from and marked with the reader's own version. A file that changes has another hash and
is read again; so is one whose kept copy is missing, cut short or written by another version of
the reader. A catalog that cannot be read is never kept: its problem is reported on every build.
The files are JSON, never pickles: a cache is data, and loading it runs no code.

Every catalog a process used is kept in one file per process kind (``<reader>.json``: the
language a build makes, ``academy`` for the other commands), written whole when the process
has read a catalog that was not kept yet: at the end of a build (`flush`) and when the process
exits. One file, not one per catalog: creating two thousand small files was a tenth of a cold
build's time. The file holds only what its last writer used, so it does not grow with edits.
Files of other readers are read as well (a catalog kept by one language's build serves another
process); a file that is missing, cut short, or of another version is ignored, entry by entry.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import polib

from .memo import digest

FOLDER = Path(".cache") / "academy" / "catalogs"


def _reader_version() -> str | None:
    """The code a kept catalog was read by: this module, the catalog reader and polib.
    None when that code cannot be read (installed without its sources): then nothing is kept."""
    here = Path(__file__).parent
    try:
        sources = [(here / name).read_bytes() for name in ("catalog_cache.py", "catalogs.py")]
    except OSError:
        return None
    return digest(b"\0".join([*sources, polib.__version__.encode()]))


VERSION = _reader_version()

reader = "academy"
"""Which file this process keeps its catalogs in: the language of the build (set by the plugin)."""


@dataclass(frozen=True)
class Parsed:
    """What reading a catalog's bytes gives: messages as (msgid, msgctxt, msgstr, fuzzy, line)."""

    messages: list[tuple[str, str | None, str, bool, int]]
    plural_forms: str | None
    plural_forms_line: int


@dataclass
class _Folder:
    """One project's kept catalogs, as this process knows them."""

    kept: dict[str, object]  # key -> the entry as stored (checked when used)
    read: set[str]  # the files read into `kept`
    used: dict[str, object]  # key -> entry: every catalog this process used, to be written
    fresh: bool = False  # `used` holds a catalog no file had
    listed: bool = False  # every file of the folder was read


_FOLDERS: dict[Path, _Folder] = {}


def _folder(root: Path) -> _Folder:
    root = Path(root)
    if root not in _FOLDERS:
        _FOLDERS[root] = _Folder({}, set(), {})
    return _FOLDERS[root]


def _read_files(root: Path, folder: _Folder, only: str | None) -> None:
    """Read the kept files not read yet: only ``<only>.json`` when given, else every one (listed once)."""
    if only is not None:
        names = [f"{only}.json"]
    elif folder.listed:
        return
    else:
        folder.listed = True
        try:
            names = sorted(path.name for path in (root / FOLDER).glob("*.json"))
        except OSError:
            return
    for name in names:
        if name in folder.read:
            continue
        folder.read.add(name)
        try:
            data = json.loads((root / FOLDER / name).read_text(encoding="utf-8"))
            if data["version"] != VERSION:
                continue
            catalogs = data["catalogs"]
            if isinstance(catalogs, dict):
                for key, entry in catalogs.items():
                    folder.kept.setdefault(key, entry)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue  # missing, not whole, or not ours: its catalogs are read again


def _parsed(entry) -> Parsed:
    messages = [(str(m[0]), None if m[1] is None else str(m[1]), str(m[2]), bool(m[3]), int(m[4]))
                for m in entry["messages"]]
    plural_forms = entry["plural_forms"]
    return Parsed(messages, None if plural_forms is None else str(plural_forms), int(entry["plural_forms_line"]))


def load(root: Path, key: str) -> Parsed | None:
    """The catalog read from the bytes whose hash is ``key``, if it was kept; None otherwise."""
    if VERSION is None:
        return None
    folder = _folder(root)
    if key in folder.used:
        return _parsed(folder.used[key])
    if key not in folder.kept:
        _read_files(Path(root), folder, reader)
    if key not in folder.kept:
        _read_files(Path(root), folder, None)
    entry = folder.kept.get(key)
    if entry is None:
        return None
    try:
        parsed = _parsed(entry)
    except (ValueError, KeyError, TypeError, IndexError):
        return None  # not whole: read the catalog itself
    folder.used[key] = entry
    return parsed


def keep(root: Path, key: str, parsed: Parsed) -> None:
    """Kept with this process's other catalogs, written by `flush` (or when the process exits)."""
    if VERSION is None:
        return
    folder = _folder(root)
    folder.used[key] = {"messages": parsed.messages, "plural_forms": parsed.plural_forms,
                        "plural_forms_line": parsed.plural_forms_line}
    folder.fresh = True


def flush(root: Path | None = None) -> None:
    """Write this process's file of kept catalogs if it read a catalog that was not kept yet.
    Written whole or not at all (beside, then renamed); a folder that cannot be written is no error."""
    for path, folder in list(_FOLDERS.items()):
        if root is not None and path != Path(root):
            continue
        if not folder.fresh:
            continue
        folder.fresh = False
        target = path / FOLDER / f"{reader}.json"
        name = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{reader}.", dir=target.parent)
            # dumps, not dump: json.dump encodes in Python, dumps in C
            text = json.dumps({"version": VERSION, "catalogs": folder.used}, ensure_ascii=False)
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(name, target)
            folder.read.add(target.name)
        except OSError:
            if name is not None:
                with contextlib.suppress(OSError):
                    Path(name).unlink(missing_ok=True)


def forget() -> None:
    """Forget what this process read and kept (the files stay): the next reading starts from the files."""
    _FOLDERS.clear()


atexit.register(flush)
