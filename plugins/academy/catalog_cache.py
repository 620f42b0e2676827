"""Parsed catalogs kept on disk between builds, each under the hash of the bytes it was read from.

A build reads every catalog of its language: thousands of PO files, most unchanged since the
last build. What reading one gives (its messages, its Plural-Forms and that header's line)
depends only on its bytes and on the code that reads them, so it is kept in
``.cache/academy/catalogs/`` under the project, named by the hash of exactly the bytes it was
read from and marked with the reader's own version. A file that changes has another hash and
is read again; so is one whose kept copy is missing, cut short or written by another version of
the reader. A catalog that cannot be read is never kept: its problem is reported on every build.
The files are JSON, never pickles: a cache is data, and loading it runs no code.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class Parsed:
    """What reading a catalog's bytes gives: messages as (msgid, msgctxt, msgstr, fuzzy, line)."""

    messages: list[tuple[str, str | None, str, bool, int]]
    plural_forms: str | None
    plural_forms_line: int


def _path(root: Path, key: str) -> Path:
    return root / FOLDER / key[:2] / f"{key}.json"


def load(root: Path, key: str) -> Parsed | None:
    """The catalog read from the bytes whose hash is ``key``, if it was kept; None otherwise."""
    if VERSION is None:
        return None
    try:
        data = json.loads(_path(root, key).read_text(encoding="utf-8"))
        if data["version"] != VERSION:
            return None
        messages = [(str(m[0]), None if m[1] is None else str(m[1]), str(m[2]), bool(m[3]), int(m[4]))
                    for m in data["messages"]]
        plural_forms = data["plural_forms"]
        return Parsed(messages, None if plural_forms is None else str(plural_forms), int(data["plural_forms_line"]))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None  # not kept, or not whole: read the catalog itself


def keep(root: Path, key: str, parsed: Parsed) -> None:
    """Kept whole or not at all (written beside, then renamed); a folder that cannot be written is no error."""
    if VERSION is None:
        return
    target = _path(root, key)
    name = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{key}.", dir=target.parent)
        # dumps, not dump: json.dump encodes in Python, dumps in C
        text = json.dumps({"version": VERSION, "messages": parsed.messages, "plural_forms": parsed.plural_forms,
                           "plural_forms_line": parsed.plural_forms_line}, ensure_ascii=False)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(name, target)
    except OSError:
        if name is not None:
            with contextlib.suppress(OSError):
                Path(name).unlink(missing_ok=True)
