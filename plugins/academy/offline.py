"""Offline reading: stamp each language's service worker with its build, and say so on each page.

The worker itself is `theme/sw.js`, copied by the engine to every language's root. Its
cache name carries a hash of the built files, so a changed build never serves a stale page,
and it leaves alone the folders of the other languages, which have their own worker.
"""

from __future__ import annotations

import hashlib
import json
from html import escape
from pathlib import Path

import rjsmin

WORKER = "sw.js"


def note_under_title(html: str, text: str) -> str:
    """A page's HTML with the note that it is kept for offline reading under its title.

    The note is written at build time and stays invisible until academy.js hears from the worker
    that the page is kept: its place is taken from the first paint, so the note pushes nothing the
    trainee is reading down the screen when it comes (a note inserted then moved the whole lesson).
    The text lives here only: the script shows the note, it never writes it.
    """
    end = html.find("</h1>")
    if end < 0:
        return html
    end += len("</h1>")
    note = f'<p class="academy-offline" data-pagefind-ignore="all">{escape(text)}</p>'
    return html[:end] + note + html[end:]


def missing_page(lang: str, ui) -> dict[str, str]:
    """What the worker says for a page asked for offline that this device never kept."""
    return {"lang": lang, "title": ui.t("offline.missing"), "text": ui.t("offline.missing.text")}


def build_version(site: Path, other_roots: list[str]) -> str:
    """A hash of every file this language's build wrote (search index aside), in a stable order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site).as_posix()
        if relative == WORKER or relative.startswith(("pagefind/", *other_roots)):
            continue
        digest.update(relative.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def stamp_worker(site: Path, other_roots: list[str], template: Path | None = None, version: str | None = None,
                 missing: dict[str, str] | None = None) -> None:
    """Write the build into the worker the engine copied (or, given, into a fresh copy of its
    template: a dirty build leaves last build's stamped copy in place), with what the worker says,
    in the language's own words, for a page asked for offline that it does not have."""
    worker = site / WORKER
    if template is not None and template.is_file():
        worker.write_text(template.read_text(encoding="utf-8"), encoding="utf-8")
    if not worker.exists():
        return
    text = worker.read_text(encoding="utf-8")
    said = json.dumps(missing or {}, ensure_ascii=False)
    text = text.replace("__ACADEMY_BUILD__", version or build_version(site, other_roots)).replace(
        "__ACADEMY_OTHER_ROOTS__", json.dumps(other_roots)).replace("__ACADEMY_MISSING__", said)
    # published without its comments and layout, as the academy's other scripts are (minify.py)
    worker.write_text(rjsmin.jsmin(text), encoding="utf-8")
