"""Rebuilding only what an edit changed, under `mkdocs serve --dirty`.

MkDocs' dirty build renders a page again when ``file.is_modified()`` says so,
and by default that compares file times: it misses every page whose catalog,
quiz or navigation changed, and it never sees a Filipino page change when a
PO file is saved. Here a page is rendered again when its *fingerprint*
changes: a hash of everything its HTML is made from.

- the whole site's part: the config file, the site's extensions, the
  navigation (every page's place and title in this language);
- the page's own part: its Markdown in this language (the English source
  joined with its catalog, or its hand-written translation), the abbreviations,
  each quiz it embeds with that quiz's catalog, the interface catalog, and
  whether it reads complete in every other language (its hreflang links);
- for a page that lists others (home, progress, a course): every page's title,
  description, reading time and completeness, and every quiz.

A page that is not rendered keeps its last output; other pages read its title
and metadata from its last rendering, as a full build would have made them.
A new, moved or deleted page changes the navigation, so every page is
rendered again; the output of a page that is gone is removed.

An FAQ question's FAQPage data is on the first page, in the build's order, that
asks it, so one page's save can move it to or from a page nobody touched: before
any page is written, which page asks each question first is worked out from every
page's last reading, and a page whose share of the FAQPage data changed is
rendered again too (`settle_faq`).
"""

from __future__ import annotations

import json
import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import jinja2.bccache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .. import markup
from ..catalogs import UI_DOMAIN, domain_of, po_path
from ..errors import AcademyError
from ..memo import digest, file_digest
from ..site import Academy, PageBuild
from ..structured_data import FaqRegistry, faq_questions


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once per process rather than once per build: the engine makes a new
    environment for every build. Jinja checks each template's source against what was compiled."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_INSTALLED: dict[tuple[str, tuple[str, ...]], list[str]] = {}


def remember_installed_templates(env: jinja2.Environment, project: Path, key: tuple[str, ...]) -> None:
    """The engine lists and filters every theme file on every build (Material's icons: thousands
    of files). An installed theme's files do not change while the server runs, so its list is
    made once per process; the project's own theme folders are read again every time."""
    loader = env.loader
    if not isinstance(loader, jinja2.FileSystemLoader):
        return

    def list_templates(extensions=None, filter_func=None) -> list[str]:
        found: set[str] = set()
        for folder in loader.searchpath:
            single = jinja2.Environment(loader=jinja2.FileSystemLoader(folder))
            installed = "site-packages" in Path(folder).parts and not Path(folder).resolve().is_relative_to(project)
            if not installed or extensions is not None:
                found.update(single.list_templates(extensions, filter_func))
                continue
            if (folder, key) not in _INSTALLED:
                # the engine's filter is a new function each build, but always the same test of a name
                _INSTALLED[(folder, key)] = single.list_templates(None, filter_func)
            found.update(_INSTALLED[(folder, key)])
        return sorted(found)

    env.list_templates = list_templates  # type: ignore[method-assign]


@dataclass
class Rendered:
    """What a page's last rendering left that other pages read."""

    fingerprint: str
    title: str | None
    meta: dict
    listing: bool
    output: str  # the file written, relative to the site folder
    whole: bool = True  # lists pages of every course (home, progress, answer keys), not only its own course's
    faq: tuple[str, ...] = ()  # the FAQ questions whose FAQPage data it carries (it asks them first)

    @property
    def scope(self) -> str:
        return "" if not self.listing else "all" if self.whole else "course"


@dataclass
class Incremental:
    rendered: dict[str, Rendered] = field(default_factory=dict)
    # src -> (site part, page part, every course's listing part, its own course's) of the pages of this build
    planned: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)
    site: str = ""  # the whole site's part of the last plan
    quiz_parts: dict[str, str] = field(default_factory=dict)  # quiz path -> its part, as the last plan read it

    def plan(self, academy: Academy, files: Files, nav: Navigation, config: MkDocsConfig,
             builds: dict[str, PageBuild], codes: list[str]) -> set[str]:
        """Mark the pages to render again; every other page keeps its output. Returns their sources."""
        pages = [file for file in files.documentation_pages() if file.page is not None]
        site = self.site = _site_part(academy, nav, config)
        self.quiz_parts = {}
        listing = _listing_part(academy, codes, self.quiz_parts)
        courses = {course.index.src: course for course in academy.courses}
        changed: set[str] = set()
        self.planned = {}
        for file in pages:
            src = file.src_uri
            last = self.rendered.get(src)
            self.planned[src] = parts = (site, _page_part(academy, src, codes), listing, _course_part(courses, src, listing))
            if last is not None and last.fingerprint == _fingerprint(parts, last.scope):
                file.is_modified = _no  # type: ignore[method-assign]
                file.page.title = last.title  # type: ignore[union-attr]
                file.page.meta = dict(last.meta)  # type: ignore[union-attr]
            else:
                file.is_modified = _yes  # type: ignore[method-assign]
                changed.add(src)
        present = {file.src_uri for file in pages}
        for src in list(builds):
            if src not in present:
                del builds[src]
        return changed

    def plan_quick(self, academy: Academy, files: Files, nav: Navigation, config: MkDocsConfig, saved: set[str],
                   codes: list[str], saved_quizzes: set[str]) -> set[str] | None:
        """`plan` for a quick rebuild (see `quick.py`): only the saved pages and the pages that list
        others can have changed, and only the saved quizzes (by path) are read again for the listings.
        None when the whole site's part changed (a title in the navigation)."""
        if _site_part(academy, nav, config) != self.site:
            return None
        candidates = set(saved) | {src for src, last in self.rendered.items() if last.listing}
        for path in saved_quizzes:
            self.quiz_parts.pop(path, None)
        listing = _listing_part(academy, codes, self.quiz_parts)
        courses = {course.index.src: course for course in academy.courses}
        changed: set[str] = set()
        self.planned = {}
        for src in candidates:
            file = files.get_file_from_path(src)
            if file is None or file.page is None:
                return None
            last = self.rendered.get(src)
            self.planned[src] = parts = (self.site, _page_part(academy, src, codes), listing,
                                         _course_part(courses, src, listing))
            if last is None or last.fingerprint != _fingerprint(parts, last.scope):
                changed.add(src)
        return changed

    def settle_faq(self, files: Files, builds: dict[str, PageBuild], registry: FaqRegistry,
                   rendering: set[str]) -> list[Page]:
        """Once the pages to render are read, before any is written: sets `registry` to the first page, in
        the build's order, that asks each FAQ question (each page's questions as its last reading found
        them), and returns the pages outside `rendering` whose share of the FAQPage data that changes:
        a page that now asks a question first, or no longer does. They are to be rendered again."""
        pages = [file.page for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
                 if file.page is not None]
        first: dict[str, str] = {}
        for page in pages:
            build = builds.get(page.file.src_uri)
            if build is not None:
                for question in faq_questions(build):
                    first.setdefault(question, build.source.shown)
        registry.first = first
        again = []
        for page in pages:
            src = page.file.src_uri
            last, build = self.rendered.get(src), builds.get(src)
            if src in rendering or last is None or build is None:
                continue
            if _carried(build, first) != last.faq:
                again.append(page)
        return again

    def keep(self, page: Page, build: PageBuild | None, registry: FaqRegistry) -> None:
        """A page was rendered: remember what other pages read of it, and which FAQ questions it carries."""
        src = page.file.src_uri
        if src in self.planned:
            whole = bool(build and build.listing)  # its blocks list every course (home, progress, answer keys)
            lists_others = whole or posixpath.basename(src) == "index.md"  # or a course's page, its lessons
            kept = Rendered("", page.title, dict(page.meta), lists_others, page.file.dest_uri, whole,
                            _carried(build, registry.first) if build is not None else ())
            kept.fingerprint = _fingerprint(self.planned[src], kept.scope)
            self.rendered[src] = kept
        elif src in self.rendered and build is not None:  # rendered again by a quick rebuild for its FAQ alone
            self.rendered[src].faq = _carried(build, registry.first)

    def version(self) -> str:
        """What the offline cache is named by: it changes whenever a page's output does."""
        return digest("\n".join(f"{src}:{r.fingerprint}" for src, r in sorted(self.rendered.items())))[:16]

    def settle(self, site: Path, files: Files) -> None:
        """After a build that succeeded: remove what pages that are gone had written."""
        present = {file.src_uri for file in files.documentation_pages()}
        for src in [src for src in self.rendered if src not in present]:
            output = site / self.rendered.pop(src).output
            if output.is_file():
                output.unlink()
                try:
                    os.removedirs(output.parent)
                except OSError:
                    pass  # the folder holds other files

    def forget(self, changed: set[str]) -> None:
        """A build failed: what it rendered was not written, so render it again next time."""
        for src in changed:
            self.rendered.pop(src, None)
        self.planned = {}


def _fingerprint(parts: tuple[str, str, str, str], scope: str) -> str:
    """What a page is made from: with every course's listing part (home, progress, answer keys), with
    its own course's only (a course's page lists its lessons), or with none."""
    site, page, listing, course = parts
    return digest("\0".join((site, page, {"all": listing, "course": course}.get(scope, ""))))


def _carried(build: PageBuild, first: dict[str, str]) -> tuple[str, ...]:
    """The page's FAQ questions whose FAQPage data it carries: those it asks first."""
    return tuple(question for question in faq_questions(build) if first.get(question) == build.source.shown)


def _course_part(courses: dict, src: str, listing: str) -> str:
    """What a course's page shows of its lessons (their cards); for another page, every course's part."""
    course = courses.get(src)
    return digest(repr(course.index) + repr(course.lessons)) if course is not None else listing


def _stable(value: object) -> str:
    """A config value JSON cannot hold (a function, an object), by its name: not by its address,
    which differs on every run and would make every page look changed."""
    return getattr(value, "__qualname__", type(value).__qualname__)


def _yes() -> bool:
    return True


def _no() -> bool:
    return False


def _site_part(academy: Academy, nav: Navigation, config: MkDocsConfig) -> str:
    parts = [file_digest(Path(config.config_file_path)) if config.config_file_path else "", repr(markup.comparison_key()),
             str(config.site_name), str(config.site_url), str(config.site_description),
             # the provider in this language (the home page's catalog), named in every lesson's structured data
             str(getattr(config.plugins.get("academy"), "provider", ""))]
    if config.theme.custom_dir:
        for folder, _dirs, names in sorted(os.walk(config.theme.custom_dir)):
            parts += [f"{folder}/{name}:{file_digest(Path(folder) / name)}" for name in sorted(names)]
    # A page's HTML reads other files of the content folder too: an image's size reserves its box
    # (markdown/images.py). Pages are in their own part; every other file is in every page's.
    for folder, dirs, names in sorted(os.walk(config.docs_dir)):
        dirs.sort()
        parts += [f"{folder}/{name}:{file_digest(Path(folder) / name)}" for name in sorted(names)
                  if not name.endswith(".md")]
    # what the config says through the environment (`!ENV`) or the engine's defaults, not the file
    parts.append(json.dumps([config.extra, config.copyright, config.mdx_configs, list(config.markdown_extensions)],
                            sort_keys=True, default=_stable))

    def walk(items, depth: int) -> None:
        for item in items:
            if isinstance(item, Section):
                parts.append(f"{depth}:section:{item.title}")
                walk(item.children, depth + 1)
            elif isinstance(item, Page):
                parts.append(f"{depth}:page:{item.file.src_uri}:{item.url}:{academy.info(item.file.src_uri).title}")
            else:
                parts.append(f"{depth}:link:{getattr(item, 'title', '')}:{getattr(item, 'url', '')}")

    walk(nav.items, 0)
    return digest("\n".join(parts))


def _page_part(academy: Academy, src: str, codes: list[str]) -> str:
    try:
        source = academy.source(src)
        parts = [academy.localized(src).source, academy.abbreviations_source()]
    except AcademyError:
        return digest(f"unreadable {src} {os.urandom(8).hex()}")  # always rendered: its problem is reported
    for quiz_id, _line in source.quiz_lines:
        quiz = academy.quizzes.get(quiz_id)
        if quiz is None:
            parts.append(f"missing quiz {quiz_id}")
            continue
        parts.append(_quiz_part(academy, quiz.path, codes))
    if not academy.is_source:
        parts.append(academy.catalogs.get(UI_DOMAIN).digest)
    parts.append(repr([academy.is_translated(src, code) for code in codes]))
    return digest("\0".join(parts))


def _listing_part(academy: Academy, codes: list[str], quiz_parts: dict[str, str]) -> str:
    """`quiz_parts` keeps each quiz's part for the next plan: a thousand quizzes' files and catalogs
    are looked at again only by a whole build, or by a quick one for the quizzes it saw saved."""
    parts = [repr(course.index) + repr(course.lessons) for course in academy.courses]
    for quiz in academy.quizzes.values():
        if quiz.path not in quiz_parts:
            quiz_parts[quiz.path] = _quiz_part(academy, quiz.path, codes)
        parts.append(quiz_parts[quiz.path])
    return digest("\0".join(parts))


def _quiz_part(academy: Academy, path: str, codes: list[str]) -> str:
    """A quiz's file and its catalog in every language: a typed answer counts in any language's
    words on every page, and the answer keys show them all."""
    domain = domain_of(path)
    catalogs = [file_digest(po_path(academy.locales, code, domain)) or "" for code in codes]
    return f"{path}:{file_digest(academy.root / path)}:{':'.join(catalogs)}"

