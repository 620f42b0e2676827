"""What a long-lived process keeps between builds: results keyed by the bytes they were made from.

`mkdocs serve` and the language workers build the same site again and again; most
files have not changed since the last build. A quiz, a page's source, a catalog
or a localized page is made again only when the bytes it comes from change (a
hash of the content, never a file time, which an editor's quick saves can share).
A failure is remembered too, so a broken file is reported again on every build,
exactly as a fresh build would.

A one-off `mkdocs build` pays one hash per file for this, and gains nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

from .errors import AcademyError

T = TypeVar("T")
LIMIT = 50_000  # entries per kind; the oldest go first (an edited file's old versions)

_tables: dict[str, dict[Hashable, object]] = {}


class _Failed:
    def __init__(self, error: AcademyError):
        self.error = error


def digest(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def file_digest(path: Path) -> str | None:
    """The hash of a file's bytes, or None if it cannot be read (the reader reports why)."""
    try:
        return digest(path.read_bytes())
    except OSError:
        return None


def remembered(kind: str, key: Hashable, make: Callable[[], T]) -> T:
    """``make()``, or what it gave last time for the same key (an AcademyError is raised again)."""
    table = _tables.setdefault(kind, {})
    if key in table:
        value = table[key]
        if isinstance(value, _Failed):
            raise value.error
        return value  # type: ignore[return-value]
    try:
        value = make()
    except AcademyError as error:
        table[key] = _Failed(error)
        raise
    if len(table) >= LIMIT:
        del table[next(iter(table))]
    table[key] = value
    return value


def forget() -> None:
    """Drop everything (tests, or a process that starts over)."""
    _tables.clear()
