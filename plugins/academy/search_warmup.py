"""What the browser loads of a language's search index while the trainee reads, before any query.

Pagefind splits its index into chunks by word (a few tens of KB each) and fetches, for a query,
the chunks whose words the query may match. On slow mobile data the first keystroke then waits
for a chunk (a round trip and ~40 KB) before anything can show. A small index is better loaded
whole while the page is idle: this module writes, beside the index, `warmup.json`:

    {"terms": "<a word of every chunk, space-separated>", "chunks": ["index/….pf_index", …]}

The page hands `terms` to Pagefind's documented `preload(term)`, which loads the chunks a term
needs (one word per chunk: the first word Pagefind itself records for the chunk, in its metadata),
and fetches `chunks` beside Pagefind's WebAssembly while search starts (academy.js). An index
larger than `BUDGET` is left to load by the letters the trainee types, as Pagefind does on its own.
A stale `warmup.json` (one the browser kept from a build before) costs a missed file, never a
wrong result: the terms are only words to preload.

An index written over the one before (serve's background index writes into the served folder)
leaves that index's files beside the new, as Pagefind's command line does: a browser may still
be reading them. The metadata read is the one `pagefind-entry.json` names, the new index's.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path

import cbor2

WARMUP = "warmup.json"
BUDGET = 64 * 1024
"""Bytes of index chunks (as sent: Pagefind gzips them) worth loading before the trainee types;
above it, only what the typed letters need loads (for a 1,000-lesson academy, megabytes)."""
_SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
_HASH = re.compile(r"[\w-]+")  # what Pagefind names an index by: its language and a hash (`en_3eabb0e384`)


class PagefindMetaError(ValueError):
    pass


@dataclass(frozen=True)
class Chunk:
    first_word: str
    last_word: str
    file: str  # relative to the index folder: index/<hash>.pf_index


def chunks(index_folder: Path) -> list[Chunk]:
    """The index chunks of the one language in `index_folder`, read from Pagefind's metadata file
    (gzip, then a signature, then CBOR: [version, [[page, words]…], [[from, to, hash]…], …])."""
    metas = [_named_meta(index_folder)] if (index_folder / ENTRY).exists() else sorted(index_folder.glob("pagefind.*.pf_meta"))
    if len(metas) != 1:
        raise PagefindMetaError(f"{index_folder}: expected one Pagefind metadata file, found {len(metas)}")
    try:
        data = gzip.decompress(metas[0].read_bytes())
    except (OSError, EOFError) as error:
        raise PagefindMetaError(f"{metas[0]}: not a Pagefind metadata file ({error})") from None
    if not data.startswith(_SIGNATURE):
        raise PagefindMetaError(f"{metas[0]}: not a Pagefind metadata file")
    try:
        meta = cbor2.loads(data[len(_SIGNATURE):])
    # cbor2 5.4's C decoder lets a word that is not UTF-8 out as a plain UnicodeDecodeError (a ValueError)
    except (cbor2.CBORDecodeError, ValueError, RecursionError) as error:
        raise PagefindMetaError(f"{metas[0]}: cut short or not as Pagefind writes it ({error})") from None
    if not (isinstance(meta, list) and len(meta) >= 3 and isinstance(meta[2], list)
            and all(isinstance(entry, list) and len(entry) == 3 and all(isinstance(part, str) for part in entry)
                    for entry in meta[2])):
        raise PagefindMetaError(f"{metas[0]}: no list of index chunks where Pagefind 1.x keeps it")
    return [Chunk(first, last, f"index/{name}.pf_index") for first, last, name in meta[2]]


def _named_meta(index_folder: Path) -> Path:
    """The metadata file of the index `pagefind-entry.json` names: {"languages": {"en": {"hash": "en_…"}}}."""
    entry = index_folder / ENTRY
    try:
        languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
        hashes = [language["hash"] for language in languages.values()]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise PagefindMetaError(f"{entry}: not as Pagefind writes it ({error!r})") from None
    if not all(isinstance(name, str) and _HASH.fullmatch(name) for name in hashes):
        raise PagefindMetaError(f"{entry}: not as Pagefind writes it (an index named {hashes!r})")
    if len(hashes) != 1:
        raise PagefindMetaError(f"{entry}: expected the index of one language, found {len(hashes)}")
    meta = index_folder / f"pagefind.{hashes[0]}.pf_meta"
    if not meta.is_file():
        raise PagefindMetaError(f"{meta}: named by {ENTRY}, missing")
    return meta


def write_warmup(index_folder: Path, budget: int = BUDGET) -> dict:
    """Write `warmup.json` into Pagefind's output folder and return what it says."""
    found = chunks(index_folder)
    size = sum((index_folder / chunk.file).stat().st_size for chunk in found)
    warm = found if size <= budget else []
    plan = {"terms": " ".join(dict.fromkeys(chunk.first_word for chunk in warm)),
            "chunks": [chunk.file for chunk in warm]}
    # written aside, then renamed: under serve a browser may ask for it while the index is rewritten
    partial = index_folder / f".{WARMUP}.part"
    partial.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    partial.replace(index_folder / WARMUP)
    return plan

