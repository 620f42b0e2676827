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

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

from .errors import AcademyError

T = TypeVar("T")
LIMIT = 50_000  # entries per kind; the oldest go first (an edited file's old versions)

_tables: dict[str, dict[Hashable, object]] = {}
_used: dict[str, set[Hashable]] | None = None  # while a build is kept for the next (see `keep`)
_recalled: tuple[dict[str, int], dict] | None = None  # what `recall` took: entries per kind, file digests
_made: set[str] = set()  # kinds of which a result was made (not recalled) since `recall`


class _Failed:
    def __init__(self, error: AcademyError):
        self.error = error


def digest(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


_DIGESTS: dict[str, tuple[tuple[int, ...], str]] = {}


def file_digest(path: Path) -> str | None:
    """The hash of a file's bytes, or None if it cannot be read (the reader reports why).
    An unchanged file is not read again (see `while_unchanged`)."""
    if _snapshot is not None and str(path) in _snapshot:
        return _snapshot[str(path)]
    value = _file_digest(path)
    if _snapshot is not None:
        _snapshot[str(path)] = value
    return value


_snapshot: dict[str, str | None] | None = None


def begin_build() -> None:
    """From now until `end_build`, a file is hashed at most once: one build sees one state of the files."""
    global _snapshot
    _snapshot = {}


def end_build() -> None:
    global _snapshot
    _snapshot = None


def _file_digest(path: Path) -> str | None:
    def read() -> str:
        data = path.read_bytes()
        value = digest(data)
        _recent[:] = [str(path), value, data]
        return value

    try:
        return while_unchanged(_DIGESTS, path, read)
    except OSError:
        return None


_recent: list = []  # the file last hashed: its path, digest and bytes


def hashed_bytes(path: Path, value: str | None) -> bytes | None:
    """The bytes of the file just hashed to ``value`` (its reader need not open it again), or None."""
    if value is not None and _recent and _recent[0] == str(path) and _recent[1] == value:
        return _recent[2]
    return None


_TEXTS: dict[str, tuple[tuple[int, ...], str]] = {}


def unchanged_text(path: Path, read: Callable[[], str]) -> str:
    """``read()``, or the text it gave while the file is unchanged (see `while_unchanged`):
    one stat instead of an open and a read. Errors come from ``read``."""
    return while_unchanged(_TEXTS, path, read)


def while_unchanged(table: dict[str, tuple[tuple[int, ...], T]], path: Path, make: Callable[[], T]) -> T:
    """``make()``, or what it gave when the file had the same inode, size and change time
    (in nanoseconds): any write changes its change time. A file that cannot be stat'ed is
    left to ``make``, which reports why."""
    try:
        info = path.stat()
    except OSError:
        return make()
    key = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    known = table.get(str(path))
    if known is not None and known[0] == key:
        return known[1]
    value = make()
    if len(table) >= LIMIT:
        del table[next(iter(table))]
    table[str(path)] = (key, value)
    return value


def remembered(kind: str, key: Hashable, make: Callable[[], T]) -> T:
    """``make()``, or what it gave last time for the same key (an AcademyError is raised again)."""
    table = _tables.setdefault(kind, {})
    if _used is not None:
        _used.setdefault(kind, set()).add(key)
    if key in table:
        value = table[key]
        if isinstance(value, _Failed):
            raise value.error
        return value  # type: ignore[return-value]
    _made.add(kind)
    try:
        value = make()
    except AcademyError as error:
        table[key] = _Failed(error)
        raise
    if len(table) >= LIMIT:
        del table[next(iter(table))]
    table[key] = value
    return value


def export(kinds: list[str], path: Path) -> None:
    """Hand what this process made of some kinds to the processes it starts (see `adopt`)."""
    with path.open("wb") as handle:
        pickle.dump({kind: dict(_tables.get(kind, {})) for kind in kinds}, handle, protocol=pickle.HIGHEST_PROTOCOL)


def adopt(path: Path) -> None:
    """What the process that started this one made: keyed by the bytes each result comes from,
    so a file changed since is made again here. A missing or unreadable hand-over is ignored."""
    try:
        with path.open("rb") as handle:
            tables = pickle.load(handle)  # written by our own parent process, beside the site
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return
    for kind, table in tables.items():
        _tables.setdefault(kind, {}).update(table)


def recall(path: Path, version: str) -> bool:
    """What an earlier build of the same code kept with `keep`, for a one-off build (`make site`).

    Every result is keyed by the bytes it was made from, and every file digest by the file's
    inode, size and change times, so what changed since is made again; ``version`` (the code
    and every installed distribution) must match, or nothing is taken. From now on, which
    results this build uses is noted, so that `keep` writes only those. Returns whether
    anything was taken; a missing, damaged or foreign file is ignored."""
    global _used, _recalled
    _used, _recalled = {}, None
    _made.clear()
    try:
        with path.open("rb") as handle:
            kept = pickle.load(handle)  # written by `keep` of this project, in its own .cache folder
        if not isinstance(kept, dict) or kept.get("version") != version:
            return False
        tables, digests = kept["tables"], kept["digests"]
        if not isinstance(tables, dict) or not isinstance(digests, dict):
            return False
    except Exception:  # noqa: BLE001 - a damaged file of any shape is a miss, never a failed build
        return False
    for kind, table in tables.items():
        _tables.setdefault(kind, {}).update(table)
    for name, known in digests.items():
        _DIGESTS.setdefault(name, known)
    _recalled = ({kind: len(table) for kind, table in tables.items()}, dict(_DIGESTS))
    return True


def keep(path: Path, version: str, kinds: list[str]) -> None:
    """After a build that succeeded: the results of ``kinds`` it used, and the file digests it
    knows, for the next build's `recall`. Written aside, then renamed: never half a file."""
    global _used, _recalled
    used, _used = _used or {}, None
    recalled, _recalled = _recalled, None
    tables = {kind: {key: value for key, value in _tables.get(kind, {}).items()
                     if key in used.get(kind, ()) and not isinstance(value, _Failed)} for kind in kinds}
    sizes = {kind: len(table) for kind, table in tables.items()}
    if recalled is not None and not _made.intersection(kinds) and recalled[0] == sizes and recalled[1] == _DIGESTS:
        return  # the build made nothing new and used everything kept: the file on disk says it all
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        with os.fdopen(handle, "wb") as out:
            pickle.dump({"version": version, "tables": tables, "digests": dict(_DIGESTS)}, out,
                        protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(name, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(name)


def forget() -> None:
    """Drop everything (tests, or a process that starts over)."""
    global _used, _recalled
    _used, _recalled = None, None
    _tables.clear()
    _DIGESTS.clear()
    _TEXTS.clear()
