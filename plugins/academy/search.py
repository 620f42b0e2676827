"""The search index: Pagefind, one index per language build.

Pagefind stems on both sides (Russian `клиентов` finds `клиент`), splits its
index by the page's `lang`, and loads it in small chunks, so a phone on slow
data fetches only what a query needs. Its binary ships inside the PyPI package.

Pagefind has no Filipino stemmer. For Filipino the academy indexes a copy of each
page, held in memory, whose words are already stemmed by `academy.tagalog`; the browser stems the query
with the same rules. Pagefind makes a sub-result at each heading of the copy, as on
every other language's pages, so a hit opens its section. The words a trainee reads
with a hit are the page's own: its title and, for each section, its heading and
opening words travel unstemmed as the page's metadata (`sections`).

English pages are indexed as they are, from a copy (in memory too) whose British spellings read as
American ones (`academy.spelling`); the browser rewrites the query alike, so either
spelling finds the other. The page a trainee opens is never changed.

A language's index holds its own pages only. Under `serve` the other languages are built into
their folders of the served site (`/fil/`, `/ru/`) before the first language's index is made;
those folders are left out of it (`leave_out`), as they are of the published build's.
"""

from __future__ import annotations

import ctypes
import json
import logging
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from . import pagefind_service, search_headings, search_warmup, spelling, tagalog
from .memo import digest, remembered

STEMMERS: dict[str, Callable[[str], str]] = {"fil": tagalog.stem_in_place}
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

    def __init__(self, site: Path, lang: str | None, leave_out: Sequence[str] = ()):
        self.site = site
        self.lang = lang
        self.leave_out = tuple(leave_out)
        self.lock = threading.Lock()
        self.wanted = True
        self.done = False
        self.last = time.monotonic()
        self.thread = threading.Thread(target=self._run, daemon=True)

    @classmethod
    def request(cls, site: Path, lang: str | None, leave_out: Sequence[str] = ()) -> None:
        key = (str(site), lang)
        running = cls._running.get(key)
        if running is not None:
            with running.lock:
                if not running.done:
                    running.wanted = True
                    running.last = time.monotonic()
                    return
        cls._running[key] = indexing = cls(site, lang, leave_out)
        indexing.thread.start()

    def _run(self) -> None:
        if hasattr(signal, "pthread_sigmask"):
            # Ctrl-C goes to the whole process group, a child forked this instant too: held back in this thread
            # (Python takes signals in the main thread anyway), the child starts with it held back, and only the
            # index's `main` lets it through, where it ends quietly
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        while True:
            while time.monotonic() - self.last < self.QUIET:
                time.sleep(max(0.05, self.QUIET - (time.monotonic() - self.last)))
            with self.lock:
                if not self.wanted:
                    self.done = True
                    return
                self.wanted = False
            error = index_in_another_process(self.site, self.lang, self.leave_out)
            if error:
                logging.getLogger("mkdocs.plugins.academy").error(error)


NICE = 10  # the background index gives way to the build of the next save


def index_command(site: Path, lang: str | None, leave_out: Sequence[str] = ()) -> list[str]:
    return [sys.executable, "-m", "academy.search", str(site), *([lang] if lang else []),
            *(f"--leave-out={folder}" for folder in leave_out)]


def index_in_another_process(site: Path, lang: str | None, leave_out: Sequence[str] = ()) -> str | None:
    """`build_index` run by `python -m academy.search` at a lower priority; its error, if any.
    Stopped by Ctrl-C (the server is stopping), it has nothing to say."""
    result = subprocess.run(index_command(site, lang, leave_out), capture_output=True, text=True, check=False,
                            preexec_fn=index_process_start if os.name == "posix" else None)  # noqa: PLW1509
    if result.returncode == 0 or _interrupted(result.returncode):
        return None
    return (result.stderr or result.stdout).strip()[-600:] or f"{site}: the search index could not be built"


def index_process_start() -> None:  # pragma: no cover - runs in the child between fork and exec
    """The index process: at a lower priority, gone with the server, and Ctrl-C held back until
    `main` can take it quietly (Python's start-up would print a traceback for it)."""
    if hasattr(os, "nice"):
        os.nice(NICE)
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # kept across exec; `main` lets it through
    if sys.platform == "linux":
        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except OSError:
            pass


_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when the thread that started it ends


def _interrupted(returncode: int) -> bool:
    """Ended by Ctrl-C: killed by SIGINT, or exited as a shell reports it (128 + SIGINT)."""
    return returncode in (-signal.SIGINT, 128 + signal.SIGINT)


def build_index(site: Path, lang: str | None = None, leave_out: Sequence[str] = ()) -> None:
    """Index the pages of `site` into `site/pagefind`, but those in its folders `leave_out` (other
    languages' roots, "fil/")."""
    leave_out = [folder for folder in leave_out if (site / folder).is_dir()]  # the published build's are not there yet
    if lang in STEMMERS:
        _index_from_memory(_stemmed_pages(site, STEMMERS[lang], leave_out), site / "pagefind")
    elif lang in SPELLINGS:
        _index_from_memory(_rewritten_pages(site, SPELLINGS[lang], leave_out), site / "pagefind")
    elif leave_out:
        _index_from_memory(_pages(site, leave_out), site / "pagefind")
    else:
        _run_pagefind(site, site / "pagefind")
    _without_pagefinds_own_interface(site / "pagefind")
    _write_headings(site, lang, leave_out)
    try:  # what the page loads of the index before the trainee types (search_warmup.py)
        search_warmup.write_warmup(site / "pagefind")
    except search_warmup.PagefindMetaError as error:
        raise SearchIndexError(str(error)) from None


def _write_headings(site: Path, lang: str | None, leave_out: Sequence[str]) -> None:
    """A small site's titles and headings, for the first results before Pagefind has loaded
    (search_headings.py). A big site's pages are not read for it."""
    skipped = ("pagefind/", *(folder.strip("/") + "/" for folder in leave_out))
    paths = sorted(relative for relative in (p.relative_to(site).as_posix() for p in site.rglob("*.html"))
                   if not relative.startswith(skipped) and relative != "404.html")
    pages = None  # too many to read (the home, progress and answer-key pages are not indexed): no headings file
    if len(paths) <= search_headings.MAX_PAGES + 10:
        read = ((relative, searchable_page((site / relative).read_text(encoding="utf-8"))) for relative in paths)
        pages = [(relative, page) for relative, page in read if page is not None]
    rewrite = STEMMERS.get(lang or "") or SPELLINGS.get(lang or "")
    search_headings.write_headings(site / "pagefind", pages, rewrite)


# Pagefind writes its ready-made search interfaces beside the index (about 420 KB a language); the
# academy searches through its own dialog (`search.js`), so nothing would ever ask for them.
PAGEFIND_INTERFACE = re.compile(r"pagefind-(?:component-ui|modular-ui|ui)\.(?:css|js)|pagefind-highlight\.js")


def _without_pagefinds_own_interface(output: Path) -> None:
    for path in output.iterdir():
        if PAGEFIND_INTERFACE.fullmatch(path.name):
            path.unlink()


def _rewritten_pages(site: Path, rewrite: Callable[[str], str], leave_out: Sequence[str] = ()) -> Iterator[tuple[str, str]]:
    """The site's pages with their text (never their markup) rewritten, for the indexer only."""
    for relative, html in _pages(site, leave_out):
        # a page unchanged since the last build (kept by the page cache) is rewritten once (see `memo.keep`)
        yield relative, remembered("search page", (rewrite.__name__, digest(html)), lambda: _rewritten(html, rewrite))


def _rewritten(html: str, rewrite: Callable[[str], str]) -> str:
    """The page to index with its text rewritten: the part from `data-pagefind-body` on, as the
    indexer is sent it; a page with no such part, whole."""
    body = _BODY.search(html)
    parts = _MARKUP.split(html[body.start():] if body else html)
    parts[::2] = [rewrite(text) for text in parts[::2]]
    return _for_indexer(html, "".join(parts)) if body else "".join(parts)


_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)


def _for_indexer(html: str, indexed: str) -> str:
    """What Pagefind is given of a page: its `<html>` tag (the language) and the part from
    `data-pagefind-body` on. The head and the navigation before it, more than half of a page's
    bytes, are never read into the index (the index is the same without them: see
    tests/test_search_index.py), so they are not sent."""
    tag = _HTML_TAG.search(html)
    return f'<!doctype html>{tag.group(0) if tag else "<html>"}<head><meta charset="utf-8"></head><body>{indexed}'


def _pages(site: Path, leave_out: Sequence[str] = ()) -> Iterator[tuple[str, str]]:
    """Each built page's path (relative to the site, sorted) and HTML, Pagefind's own output and
    the folders `leave_out` left out."""
    skipped = ("pagefind/", *(folder.strip("/") + "/" for folder in leave_out))
    paths = {path.relative_to(site).as_posix(): path for path in site.rglob("*.html")}
    for relative in sorted(paths):
        if not relative.startswith(skipped):
            yield relative, paths[relative].read_text(encoding="utf-8")


_MARKUP_OR_REFERENCE = re.compile(_MARKUP.pattern[:-1] + r"|&#?\w+;)", re.DOTALL | re.IGNORECASE)


def _stemmed_pages(site: Path, stem: Callable[[str], str], leave_out: Sequence[str] = ()) -> Iterator[tuple[str, str]]:
    """The site's pages with the words of their indexed part stemmed, for the indexer only.

    Before that part (where nothing is indexed) each page gets its own words as metadata:
    its title, and each section's heading and opening words (see `section_excerpts`).
    """
    for relative, html in _pages(site, leave_out):
        if relative == "404.html":
            continue  # kept out of search
        # a page unchanged since the last build (kept by the page cache) is stemmed once (see `memo.keep`)
        stemmed = remembered("search page", (stem.__name__, digest(html)), lambda: _stemmed(html, stem))
        if stemmed is not None:
            yield relative, stemmed


def _stemmed(html: str, stem: Callable[[str], str]) -> str | None:
    """The page to index, or None for a page kept out of search."""
    body = _BODY.search(html)
    page = searchable_page(html) if body else None
    if body is None or page is None:
        return None
    parts = _MARKUP_OR_REFERENCE.split(html[body.start():])
    parts[::2] = [stem(text) for text in parts[::2]]
    return _for_indexer(html, _own_words(page) + "".join(parts))


def section_excerpts(page: SearchablePage) -> dict[str, list[str]]:
    """Each section's heading and opening words, by its anchor ("" for the page's top)."""
    sections = {}
    for section in page.sections:
        heading = " ".join(section.heading.split()).rstrip("¶ ")
        words = " ".join("".join(section.text).split()).split(" ")
        sections[section.anchor] = [heading, " ".join(words[:EXCERPT_WORDS]) + (" …" if len(words) > EXCERPT_WORDS else "")]
    return sections


def _own_words(page: SearchablePage) -> str:
    sections = json.dumps(section_excerpts(page), ensure_ascii=False, separators=(",", ":"))
    return (f'<div hidden><span data-pagefind-meta="title">{escape(page.title)}</span>'
            f'<span data-pagefind-meta="sections">{escape(sections)}</span></div>')


def _output_folder(output: Path) -> None:
    try:
        output.mkdir(parents=True, exist_ok=True)  # a folder that cannot be made is said plainly, not in Rust's words
    except OSError as error:
        raise SearchIndexError(f"{output}: the search index could not be written: {error.strerror or error}") from None


def _index_from_memory(pages: Iterator[tuple[str, str]], output: Path) -> None:
    """Rewritten pages go to Pagefind as strings: no copy of the site is written and deleted."""
    _output_folder(output)
    try:
        pagefind_service.write_index(pages, output)
    except pagefind_service.PagefindServiceError as error:
        raise SearchIndexError(f"{output.parent}: the search index could not be built: {error}") from None


def _run_pagefind(pages: Path, output: Path) -> None:
    _output_folder(output)
    command = [sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path", str(output.resolve()), "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if _interrupted(result.returncode):
        raise KeyboardInterrupt
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
    """The text inside `data-pagefind-body`, split at headings with ids (where Pagefind makes its
    sub-results), without ignored parts."""

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
        if body and not ignored and tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading = tag
            if tag != "h1" and a.get("id"):
                self.sections.append(Section(a["id"] or ""))
        if tag not in self.VOID:
            self.stack.append((tag, body, ignored))

    def handle_endtag(self, tag: str) -> None:
        # a void element (`<br />`, `<hr/>`) was never opened, and an end tag with no start closes nothing:
        # popping on would leave the rest of the page outside the body it is in
        if tag in self.VOID or all(open_tag != tag for open_tag, _, _ in self.stack):
            return
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


def main(argv: list[str]) -> int:
    """python -m academy.search SITE [LANG] [--leave-out=FOLDER]...: (re)build the site's search index.
    Ctrl-C stops it with nothing said (the server that started it is stopping)."""
    leave_out = [arg.removeprefix("--leave-out=") for arg in argv if arg.startswith("--leave-out=")]
    positional = [arg for arg in argv if not arg.startswith("--leave-out=")]
    if not 1 <= len(positional) <= 2 or not Path(positional[0]).is_dir():
        print("usage: python -m academy.search SITE_FOLDER [LANGUAGE] [--leave-out=FOLDER]...", file=sys.stderr)
        return 2
    signal.signal(signal.SIGINT, _stop_at_once)
    try:
        _ctrl_c(signal.SIG_UNBLOCK)  # held back while Python started (see above)
        build_index(Path(positional[0]), positional[1] if len(positional) > 1 else None, leave_out)
        _ctrl_c(signal.SIG_BLOCK)
    except SearchIndexError as error:
        _ctrl_c(signal.SIG_BLOCK)
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 128 + signal.SIGINT
    return 0


def _stop_at_once(signum: int, frame: object) -> None:  # pragma: no cover - ends the process
    """Ctrl-C while the index is made: the process ends there, as a shell reports a Ctrl-C, with
    nothing said. Raised as KeyboardInterrupt instead, it could land inside an import of a C
    module, which then fails with an unrelated error (exit 1 and a traceback) or kills the process."""
    os._exit(128 + signal.SIGINT)


def _ctrl_c(how: int) -> None:
    """Let Ctrl-C through, or hold it back once the work is done: Python's exit puts back the
    default handling of SIGINT, and a Ctrl-C coming then would kill the process (-2) that had
    finished, or say nothing of the error it had found."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(how, {signal.SIGINT})


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:  # before `main` (still importing) or after it
        sys.exit(128 + signal.SIGINT)
