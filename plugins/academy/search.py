"""The search index: Pagefind, one index per language build.

Pagefind stems on both sides (Russian `клиентов` finds `клиент`), splits its
index by the page's `lang`, and loads it in small chunks, so a phone on slow
data fetches only what a query needs. Its binary ships inside the PyPI package.

Pagefind has no Filipino stemmer. For Filipino the academy indexes each section of
a page as its own record (so a hit opens that section), with its words already
stemmed by `academy.tagalog`; the browser stems the query with the same rules and
shows the section's own, unstemmed, opening words as the excerpt.

English pages are indexed as they are, from a copy whose British spellings read as
American ones (`academy.spelling`); the browser rewrites the query alike, so either
spelling finds the other. The page a trainee opens is never changed.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

from . import spelling, tagalog

STEMMERS: dict[str, Callable[[str], str]] = {"fil": tagalog.stem_text}
SPELLINGS: dict[str, Callable[[str], str]] = {"en": spelling.american_text}
# The browser's copy of each language's function, loaded with search (not with every page).
QUERY_SCRIPTS: dict[str, str] = {"fil": "assets/academy/tagalog.js", "en": "assets/academy/spelling.js"}
_MARKUP = re.compile(r"(<script\b.*?</script>|<style\b.*?</style>|<!--.*?-->|<[^>]*>)", re.DOTALL | re.IGNORECASE)
EXCERPT_WORDS = 30


class SearchIndexError(Exception):
    pass


class IndexInBackground:
    """Under `serve --dirty`: the index is rebuilt beside the preview, never holding a build up.

    The edited page is served at once; its search results follow when the index is
    written. Saves that come while an index is being written are gathered into one
    more run. A failure is logged (the published build indexes in the foreground and stops).

    The index is written by a process of its own at a lower priority (`nice`): reading
    and stemming a thousand pages in the server's own process held its interpreter lock
    against the next save's build, and on two cores took its processor too.
    """

    _running: dict[tuple[str, str | None], IndexInBackground] = {}
    QUIET = 2.0  # seconds without a build before indexing: the next save's build gets the machine first

    def __init__(self, site: Path, lang: str | None):
        self.site = site
        self.lang = lang
        self.lock = threading.Lock()
        self.wanted = True
        self.done = False
        self.last = time.monotonic()
        self.thread = threading.Thread(target=self._run, daemon=True)

    @classmethod
    def request(cls, site: Path, lang: str | None) -> None:
        key = (str(site), lang)
        running = cls._running.get(key)
        if running is not None:
            with running.lock:
                if not running.done:
                    running.wanted = True
                    running.last = time.monotonic()
                    return
        cls._running[key] = indexing = cls(site, lang)
        indexing.thread.start()

    def _run(self) -> None:
        while True:
            while time.monotonic() - self.last < self.QUIET:
                time.sleep(max(0.05, self.QUIET - (time.monotonic() - self.last)))
            with self.lock:
                if not self.wanted:
                    self.done = True
                    return
                self.wanted = False
            error = index_in_another_process(self.site, self.lang)
            if error:
                logging.getLogger("mkdocs.plugins.academy").error(error)


NICE = 10  # the background index gives way to the build of the next save


def index_in_another_process(site: Path, lang: str | None) -> str | None:
    """`build_index` run by `python -m academy.search` at a lower priority; its error, if any."""
    command = [sys.executable, "-m", "academy.search", str(site), *([lang] if lang else [])]
    lower = (lambda: os.nice(NICE)) if hasattr(os, "nice") else None
    result = subprocess.run(command, capture_output=True, text=True, check=False, preexec_fn=lower)  # noqa: PLW1509
    if result.returncode == 0:
        return None
    return (result.stderr or result.stdout).strip()[-600:] or f"{site}: the search index could not be built"


def build_index(site: Path, lang: str | None = None) -> None:
    if lang in STEMMERS:
        _build_stemmed(site, lang, STEMMERS[lang])
    elif lang in SPELLINGS:
        with tempfile.TemporaryDirectory(prefix="academy-search-") as folder:
            _rewritten_copy(site, Path(folder), SPELLINGS[lang])
            _run_pagefind(Path(folder), site / "pagefind")
    else:
        _run_pagefind(site, site / "pagefind")


def _rewritten_copy(site: Path, folder: Path, rewrite: Callable[[str], str]) -> None:
    """The site's pages with their text (never their markup) rewritten, for the indexer only."""
    for path in site.rglob("*.html"):
        relative = path.relative_to(site)
        if relative.parts[0] == "pagefind":
            continue
        html = path.read_text(encoding="utf-8")
        body = _BODY.search(html)
        start = body.start() if body else 0  # the head and navigation before the indexed part are not read
        parts = _MARKUP.split(html[start:])
        parts[::2] = [rewrite(text) for text in parts[::2]]
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html[:start] + "".join(parts), encoding="utf-8")


def _run_pagefind(pages: Path, output: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path", str(output.resolve()), "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(
            f"{output.parent}: the search index could not be built: {(result.stderr or result.stdout).strip()[-400:]}"
        )


@dataclass
class Section:
    anchor: str
    heading: str = ""
    text: list[str] = field(default_factory=list)


@dataclass
class SearchablePage:
    title: str
    sections: list[Section]


class _Sections(HTMLParser):
    """The text inside `data-pagefind-body`, split at headings with ids, without ignored parts."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, in body, ignored)
        self.title = ""
        self.sections = [Section("")]
        self.heading: str | None = None  # the tag of the heading being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        body, ignored = self.stack[-1][1:] if self.stack else (False, False)
        body = body or "data-pagefind-body" in a
        ignored = ignored or "data-pagefind-ignore" in a or tag in ("script", "style", "template", "svg")
        if body and not ignored and tag in ("h1", "h2", "h3"):
            self.heading = tag
            if tag != "h1" and a.get("id"):
                self.sections.append(Section(a["id"] or ""))
        if tag not in self.VOID:
            self.stack.append((tag, body, ignored))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break
        if tag == self.heading:
            self.heading = None

    def handle_data(self, data: str) -> None:
        if not self.stack or not self.stack[-1][1] or self.stack[-1][2]:
            return
        if self.heading == "h1":
            self.title += data
        elif self.heading:
            self.sections[-1].heading += data
        else:
            self.sections[-1].text.append(data)


_BODY = re.compile(r"<[A-Za-z][^<>]*\sdata-pagefind-body[\s=/>]")


def searchable_page(html: str) -> SearchablePage | None:
    """A page's title and sections, or None when the page is kept out of search."""
    body = _BODY.search(html)
    if body is None:
        return None
    parser = _Sections()
    parser.feed(html[body.start():])  # the header and navigation before it hold nothing to index
    sections = [s for s in parser.sections if s.heading.strip() or "".join(s.text).strip()]
    return SearchablePage(" ".join(parser.title.split()).rstrip("¶ "), sections)


def _records(site: Path, stem_text: Callable[[str], str]) -> list[dict]:
    records = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith("pagefind/") or relative == "404.html":
            continue
        page = searchable_page(path.read_text(encoding="utf-8"))
        if page is None:
            continue
        url = "" if relative == "index.html" else relative.removesuffix("index.html")
        for section in page.sections:
            heading = " ".join(section.heading.split()).rstrip("¶ ")
            words = " ".join("".join(section.text).split()).split(" ")
            excerpt = " ".join(words[:EXCERPT_WORDS]) + (" …" if len(words) > EXCERPT_WORDS else "")
            records.append({
                "url": url + (f"#{section.anchor}" if section.anchor else ""),
                "content": stem_text(" ".join([page.title, heading, *section.text])),
                "meta": {"title": page.title, "section": heading, "text": excerpt},
            })
    return records


class _AsyncioWithoutPause:
    """asyncio as Pagefind's service module sees it, minus one pause.

    Pagefind's Python service (1.5) sleeps 0.1 s before reading each response of
    its indexer, so every record costs a tenth of a second: 10,000 Filipino
    sections would take 17 minutes. Its read already waits for data; the pause
    adds nothing but time. Only that module's name `asyncio` is replaced.
    """

    def __getattr__(self, name: str):
        return getattr(asyncio, name)

    @staticmethod
    async def sleep(delay: float, result=None):
        return await asyncio.sleep(0, result)


async def _close_when_answered(self) -> None:
    """Pagefind's service stopped by the end of its input, once every request is answered.

    (Its own `close()` waits 5 s at most, then terminates the indexer.)
    """
    try:
        await asyncio.wait_for(asyncio.gather(*self._responses.values()), timeout=60)
    finally:
        self._poll_task.cancel()
        if self._backend.stdin is not None:
            self._backend.stdin.close()
        try:
            await asyncio.wait_for(self._backend.wait(), timeout=120)
        except asyncio.TimeoutError:
            self._backend.terminate()
            await self._backend.wait()


def _build_stemmed(site: Path, lang: str, stem_text: Callable[[str], str]) -> None:
    """Index prepared records, and write the index files here, not in the indexer.

    Pagefind's service writes its files through tokio's file API, which returns
    before the bytes reach the disk, and it exits at the end of its input with
    `process::exit`, dropping writes still queued: on a busy machine that has left
    files empty or cut short (32,768 of 41,830 bytes). So the index is asked for as
    data (`get_files`) and written here; a file is complete when this returns.
    """
    from pagefind import service
    from pagefind.index import IndexConfig

    service.asyncio = _AsyncioWithoutPause()
    output = site / "pagefind"
    records = _records(site, stem_text)

    async def index_files() -> list[dict]:
        indexer = await service.PagefindService().launch()
        # The files come back in one message; the service reads at most 2 MiB of it by default.
        indexer._backend.stdout._limit = 2**31
        try:
            index = await indexer.create_index(IndexConfig(output_path=str(output)))
            # Sent together: one record at a time waits a round trip to the indexer for each.
            await asyncio.gather(*(index.add_custom_record(language=lang, **record) for record in records))
            return await index.get_files()
        finally:
            await _close_when_answered(indexer)

    try:
        files = asyncio.run(index_files())
    except Exception as error:  # the service reports its own failures as plain exceptions
        raise SearchIndexError(f"{site}: the search index could not be built: {error}") from None
    try:
        _write_index(output, files)
    except OSError as error:
        raise SearchIndexError(f"{output}: the search index could not be written: {error.strerror or error}") from None


def _write_index(output: Path, files: list[dict]) -> None:
    """The index's files in `output`, each written whole; files of an earlier index are removed."""
    written: set[Path] = set()
    for file in files:
        relative = PurePosixPath(file["path"])  # relative to the index folder
        if relative.is_absolute() or ".." in relative.parts:
            raise SearchIndexError(f"{output}: the indexer named a file outside the index: {relative}")
        target = output.joinpath(*relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.part")
        temporary.write_bytes(file["content"])
        temporary.replace(target)
        written.add(target)
    for path in output.rglob("*"):
        if path.is_file() and path not in written:
            path.unlink()


def main(argv: list[str]) -> int:
    """python -m academy.search SITE [LANG]: (re)build the site's search index."""
    if not argv or not Path(argv[0]).is_dir():
        print("usage: python -m academy.search SITE_FOLDER [LANGUAGE]", file=sys.stderr)
        return 2
    try:
        build_index(Path(argv[0]), argv[1] if len(argv) > 1 else None)
    except SearchIndexError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
