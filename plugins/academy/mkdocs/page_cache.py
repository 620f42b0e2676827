"""Pages rendered by an earlier `mkdocs build`, reused when nothing they are made from changed.

Rendering a page (its Markdown, then Material's templates) is most of a build. A page's
HTML depends on its *fingerprint* (`incremental.py`: its Markdown in this language, its
catalogs, its quizzes, the navigation, the config file, the theme overrides, the interface
catalog, the abbreviations, and for a listing the pages it lists) and on what one process
takes for granted: the academy's own code, every installed distribution (MkDocs, Material,
Markdown, pymdown-extensions, ...), the Python version and the command line's options.
A page is kept in ``.cache/academy/pages/<language>/`` under a key made of both, with what
other pages and the site read of it: its title and metadata (the navigation), its anchors
and links (MkDocs' anchor check), its FAQ questions (which page marks a question up first),
and its build record (missing messages, noindex: the sitemap).

- Only a page that rendered without a problem, warning or any message of the engine is
  kept, so a later build that reuses it has nothing to say about it that it does not say.
- A kept page whose FAQ question is now asked by a page built before it is rendered again:
  that page marks the question up, and this one is told so.
- Entries are written only by a build that succeeded, each file whole (written aside, then
  renamed); an entry that is missing, cut short or not what is expected is a miss.
- An entry is one line of JSON (what others read of the page, and its HTML's length), then the
  HTML as it was written: a build reads every entry's line to plan, and its HTML is written
  out as read, never parsed as a JSON string.
- Everything site-wide is still made from the output folder: search, sitemap, the offline
  worker's list and version.

``ACADEMY_PAGE_CACHE=on`` turns it on (`make site` does); without it every page is rendered and
the cache is left alone.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.metadata
import json
import logging
import os
import posixpath
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import mkdocs.commands.build as engine_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .. import memo
from ..memo import digest
from ..plaintext import PlainText, plain
from ..site import Academy, PageBuild
from ..structured_data import FaqRegistry, faq_entries
from .incremental import _course_part, _fingerprint, _listing_part, _page_part, _site_part

FOLDER = Path(".cache") / "academy" / "pages"
SUFFIX = ".page"  # one entry: a line of JSON, then the page's HTML
SWITCH = "ACADEMY_PAGE_CACHE"  # "on" (or "1", "yes", "true"): pages are kept and reused; unset: every page rendered
FORMAT = 2
PACKAGE = Path(__file__).resolve().parent.parent  # plugins/academy: the code and the theme
log = logging.getLogger("mkdocs.plugins.academy")


def enabled() -> bool:
    """On where asked for (`make site` asks): a plain `mkdocs build` renders every page, as the engine does."""
    return os.environ.get(SWITCH, "").strip().lower() in ("on", "1", "yes", "true")


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """Every file of the academy's package (its code, templates, scripts, styles, schemas)."""
    parts = []
    for folder, dirs, names in sorted(os.walk(PACKAGE)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            path = Path(folder) / name
            with contextlib.suppress(OSError):
                parts.append(f"{path.relative_to(PACKAGE).as_posix()}:{digest(path.read_bytes())}")
    return digest("\n".join(parts))


@functools.lru_cache(maxsize=1)
def installed_versions() -> str:
    """Every installed distribution and its version: whatever the build imports is among them."""
    found = sorted({f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()
                    if dist.metadata["Name"]})
    return "\n".join(found)


RESULTS = Path(".cache") / "academy" / "results"
KEPT_KINDS = ["source page", "quiz", "localized", "missing", "front matter", "search page"]


def results_version() -> str:
    """What the kept results of `memo` were made by: the academy's code, every installed
    distribution, Python. Any of them changed, and nothing kept is taken."""
    return digest("\0".join([f"format {FORMAT}", code_version(), installed_versions(), sys.version]))


def recall_results(root: Path, language: str) -> str:
    """Before the build reads anything: the parsed quizzes and catalogs, the pages' sources and
    their localized Markdown of the last build, each keyed by the bytes it came from (see
    `memo.recall`). Returns the version to `keep_results` with."""
    version = results_version()
    memo.recall(root / RESULTS / f"{language}.pickle", version)
    return version


def keep_results(root: Path, language: str, version: str) -> None:
    memo.keep(root / RESULTS / f"{language}.pickle", version, KEPT_KINDS)


def environment_key(config: MkDocsConfig, root: Path, language: str, codes: list[str], only_one: bool) -> str:
    """What every page's output depends on that its fingerprint takes as fixed within one process."""
    theme = {key: value for key, value in config.theme.items() if key not in ("locale", "language")}
    return digest("\0".join([
        f"format {FORMAT}", code_version(), installed_versions(), sys.version, str(root), language,
        ",".join(codes), str(only_one), str(config.strict), str(config.use_directory_urls),
        str(config.theme.name), json.dumps(theme, sort_keys=True, default=str), repr(config.theme.dirs),
        str(config.site_url), str(config.docs_dir),
        # what is said while a page renders depends on how much the command line lets through (-q, -v)
        str(logging.getLogger("mkdocs").getEffectiveLevel()), str(logging.getLogger().getEffectiveLevel()),
    ]))


@dataclass
class Entry:
    """One page as a build rendered it, and what others read of it."""

    src: str
    key: str
    scope: str  # which listing part its fingerprint holds (see `Rendered.scope`)
    html: bytes  # UTF-8, as written to the site
    title: str | None
    title_plain: bool
    meta: dict
    plain_meta: list[str]  # meta keys whose value is PlainText (escaped when printed)
    faq: list[str]
    anchors: list[str]
    links: dict[str, dict[str, str]]  # target src -> {link: anchor}
    missing: int
    outdated: bool
    listing: bool
    noindex: bool
    quizzes: list[str]

    @staticmethod
    def read(path: Path) -> Entry | None:
        """An entry from its file, or None if it is missing or not what this version writes."""
        try:
            head, newline, html = path.read_bytes().partition(b"\n")
            data = json.loads(head)
            if not newline or not isinstance(data, dict) or data.pop("html_bytes", None) != len(html):
                return None  # cut short, or not an entry
            html.decode("utf-8")
            entry = Entry(html=html, **data)
        except (OSError, ValueError, TypeError):
            return None
        kinds = {"src": str, "key": str, "scope": str, "title_plain": bool, "meta": dict,
                 "plain_meta": list, "faq": list, "anchors": list, "links": dict, "missing": int,
                 "outdated": bool, "listing": bool, "noindex": bool, "quizzes": list}
        if not all(isinstance(getattr(entry, name), kind) for name, kind in kinds.items()):
            return None
        if entry.title is not None and not isinstance(entry.title, str):
            return None
        if not all(isinstance(links, dict) for links in entry.links.values()):
            return None
        return entry

    def write(self, path: Path) -> bool:
        """Written whole: aside first, then renamed over the old entry."""
        head = {name: value for name, value in self.__dict__.items() if name != "html"}
        head["html_bytes"] = len(self.html)
        try:
            handle, name = tempfile.mkstemp(dir=path.parent, prefix=".part-")
            with os.fdopen(handle, "wb") as out:
                out.write(json.dumps(head).encode("ascii") + b"\n")  # ASCII: no line break but its own
                out.write(self.html)
            os.replace(name, path)
        except OSError:
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(name)
            return False
        return True


class _Said(logging.Handler):
    """Counts every message of INFO or above, from any logger, while pages render."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class PageCache:
    folder: Path
    environment: str
    said: Callable[[], int]  # how many problems the build's reports hold so far
    hits: dict[str, Entry] = field(default_factory=dict)
    keys: dict[str, tuple[tuple[str, str, str, str], str]] = field(default_factory=dict)  # src -> (parts, src digest)
    clean: dict[str, bool] = field(default_factory=dict)  # src -> rendered without a word said
    outputs: dict[str, bytes] = field(default_factory=dict)
    _handler: _Said = field(default_factory=_Said)
    _engine: tuple | None = None

    # -- the engine's two page steps ----------------------------------------------------------

    def install(self, academy_of: Callable[[], Academy], builds: dict[str, PageBuild],
                registry_of: Callable[[], FaqRegistry]) -> None:
        """Route the engine's page steps through this cache for this process's build."""
        if self._engine is not None:
            return
        populate, build = engine_build._populate_page, engine_build._build_page
        self._engine = (populate, build)
        for name in ("", "mkdocs"):
            logging.getLogger(name or None).addHandler(self._handler)

        def populate_page(page: Page, config: MkDocsConfig, files: Files, dirty: bool = False) -> None:
            src = page.file.src_uri
            entry = self.hits.get(src)
            if entry is not None and self._restore(page, entry, files, academy_of(), builds):
                return
            self.hits.pop(src, None)
            before = self._count()
            populate(page, config, files, dirty)
            self.clean[src] = self._count() == before

        def build_page(page: Page, config: MkDocsConfig, doc_files, nav: Navigation, env, dirty: bool = False,
                       excluded: bool = False) -> None:
            src = page.file.src_uri
            entry = self.hits.get(src)
            if entry is not None and not excluded:
                registry = registry_of()
                shown = academy_of().source(src).shown
                for question in entry.faq:
                    registry.first[question] = shown
                Path(page.file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
                Path(page.file.abs_dest_path).write_bytes(entry.html)
                return
            before = self._count()
            build(page, config, doc_files, nav, env, dirty, excluded)
            if self.clean.get(src) and self._count() == before and not excluded:
                with contextlib.suppress(OSError):
                    self.outputs[src] = Path(page.file.abs_dest_path).read_bytes()
            else:
                self.clean[src] = False

        self._populate = populate_page
        engine_build._populate_page = populate_page
        engine_build._build_page = build_page

    def uninstall(self) -> None:
        if self._engine is not None:
            engine_build._populate_page, engine_build._build_page = self._engine
            self._engine = None
        for name in ("", "mkdocs"):
            logging.getLogger(name or None).removeHandler(self._handler)

    def _count(self) -> int:
        return self._handler.count + self.said()

    # -- a build ------------------------------------------------------------------------------

    def plan(self, academy: Academy, files: Files, nav: Navigation, config: MkDocsConfig, codes: list[str]) -> None:
        """After the navigation is made: which pages a kept entry still stands for."""
        self.hits, self.keys, self.clean, self.outputs = {}, {}, {}, {}
        site = _site_part(academy, nav, config)
        listing = _listing_part(academy, codes, {})
        courses = {course.index.src: course for course in academy.courses}
        for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
            src = file.src_uri
            parts = (site, _page_part(academy, src, codes), listing, _course_part(courses, src, listing))
            self.keys[src] = (parts, digest(src))
            entry = Entry.read(self.folder / f"{digest(src)}{SUFFIX}")
            if entry is not None and entry.src == src and entry.key == self._key(parts, entry.scope):
                self.hits[src] = entry

    def _key(self, parts: tuple[str, str, str, str], scope: str) -> str:
        return digest(self.environment + "\0" + _fingerprint(parts, scope))

    def _restore(self, page: Page, entry: Entry, files: Files, academy: Academy, builds: dict[str, PageBuild]) -> bool:
        """A kept page in place of its rendering: what the navigation, the anchor check and the sitemap read."""
        links = {}
        for target, anchors in entry.links.items():
            file = files.get_file_from_path(target)
            if file is None:
                return False
            links[file] = dict(anchors)
        page.markdown = ""
        page.content = ""
        page.meta = {key: plain(value) if key in entry.plain_meta else value for key, value in entry.meta.items()}
        page.title = plain(entry.title) if entry.title_plain and entry.title is not None else entry.title
        page.present_anchor_ids = set(entry.anchors)
        page.links_to_anchors = links
        build = PageBuild(academy.source(page.file.src_uri), lambda src: src)
        build.missing, build.outdated, build.listing, build.noindex = (entry.missing, entry.outdated, entry.listing,
                                                                       entry.noindex)
        build.quizzes = list(entry.quizzes)
        builds[page.file.src_uri] = build
        return True

    def settle_faq(self, files: Files, config: MkDocsConfig, builds: dict[str, PageBuild]) -> None:
        """Before pages are written: a kept page whose FAQ question a page before it now asks is
        rendered again (that page marks the question up first; this one says so)."""
        asked: set[str] = set()
        for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
            src, page = file.src_uri, file.page
            entry = self.hits.get(src)
            if entry is not None and page is not None and asked & set(entry.faq):
                del self.hits[src]
                page.__dict__.pop("title", None)  # the kept title stood in for the property
                self._populate(page, config, files)
                entry = None
            if entry is not None:
                asked.update(entry.faq)
            elif src in builds:
                asked.update(question for question, _answer, _line in faq_entries(builds[src]))

    def store(self, files: Files, builds: dict[str, PageBuild]) -> int:
        """After a build that succeeded: keep every page rendered without a word said. Returns how many."""
        # the pages reused, not those planned: a kept page whose FAQ question moved was rendered
        log.info(f"{len(self.hits)} of {len(self.keys)} pages kept from an earlier build ({self.folder.name})")
        kept = 0
        self.folder.mkdir(parents=True, exist_ok=True)
        for src, html in self.outputs.items():
            file = files.get_file_from_path(src)
            build = builds.get(src)
            if file is None or file.page is None or build is None or not self.clean.get(src) or src not in self.keys:
                continue
            entry = _entry_of(file.page, build, html, self.keys[src][0], self._key)
            if entry is not None and entry.write(self.folder / f"{self.keys[src][1]}{SUFFIX}"):
                kept += 1
        self.outputs = {}
        if kept:
            for earlier in self.folder.glob("*.json"):  # entries of the format before (FORMAT 1): never read again
                earlier.unlink(missing_ok=True)
        return kept


def _entry_of(page: Page, build: PageBuild, html: bytes, parts, key_of) -> Entry | None:
    whole = bool(build.listing)
    lists_others = whole or posixpath.basename(page.file.src_uri) == "index.md"
    scope = "" if not lists_others else "all" if whole else "course"
    meta = dict(page.meta)
    try:
        json.dumps(meta)
        html.decode("utf-8")
    except (TypeError, ValueError):
        return None  # metadata JSON cannot hold (a date): the page is rendered every time
    links = {file.src_uri: dict(anchors) for file, anchors in (page.links_to_anchors or {}).items()}
    return Entry(
        src=page.file.src_uri, key=key_of(parts, scope), scope=scope, html=html, title=page.title,
        title_plain=isinstance(page.title, PlainText), meta=meta,
        plain_meta=[key for key, value in meta.items() if isinstance(value, PlainText)],
        faq=[question for question, _answer, _line in faq_entries(build)],
        anchors=sorted(page.present_anchor_ids or ()), links=links, missing=build.missing,
        outdated=build.outdated, listing=build.listing, noindex=build.noindex, quizzes=list(build.quizzes))
