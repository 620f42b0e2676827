"""The MkDocs adapter: hooks that hand the work to the engine-independent core.

`mkdocs build` builds the first language (English, at the site root) in this
process and every other language in a child build (see `builds.py`), in
parallel. Problems are gathered in one `Report`; when every language built
without one, the language folders are merged and the whole site is swapped
into place; otherwise nothing changes.
"""

from __future__ import annotations

import copy
import fnmatch
import json
import logging
import os
import posixpath
import re
import shutil
import time
from pathlib import Path

import markupsafe
import rcssmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .. import catalog_cache, diagrams, frontmatter, markup, memo, offline, page_names, publish, search, site_files
from ..alternates import sitemap_index
from ..catalogs import left_behind
from ..errors import AcademyError, Problem, Report, display_path
from ..head import inline_script, joined_css, material_stylesheets, script_versions, stylesheet_name
from ..languages import KNOWN_LANGUAGES, Language
from ..layout_space import drop_layout_space
from ..markdown import AcademyExtension
from ..markdown.blocks import course_listing
from ..material_css import settings, without_unused
from ..minify import minify_assets
from ..page_context import page_context, sitemap_alternates
from ..palette_css import cut_palette_stylesheets, keep_colours, palette_colours
from ..plaintext import PlainText, plain, printed
from ..policy import content_security_policy
from ..quiz.load import load_quiz
from ..quiz.render import lead_to_quiz
from ..review_links import resolve_review_links
from ..search_css import cut_search_rules, without_search
from ..site import Academy, PageBuild
from ..source_lint import reads_footnotes
from ..structured_data import FaqRegistry, SiteFacts
from ..urls import UrlScheme
from . import material
from .builds import CHILD, COMPLETE, HANDOVER, LANG, BuildOptions, LanguageBuilds, LanguageWorkers, engine, write_report
from .config import AcademyConfig
from .config_file import duplicate_keys, line_of, lines_of_value, theme_in_file
from .engine_log import EngineWarnings, watch_excluded_targets
from .incremental import CompiledTemplates, Incremental, remember_installed_templates
from .markdown_engine import MarkdownEngine
from .page_cache import FOLDER as PAGE_CACHE_FOLDER
from .page_cache import PageCache, environment_key, keep_results, recall_results
from .page_cache import enabled as page_cache_enabled
from .page_theme import theme_problems
from .quick import LastBuild, Saved, engine_build, page_domains, saved_pages, watch_saves
from .settings import abbreviations_problems, check_overrides, fail, languages_of, refuse_second_instance, settle_engine_options

log = logging.getLogger("mkdocs.plugins.academy")
COMPILED_TEMPLATES = CompiledTemplates()

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
TAGS = re.compile(r"<[^>]+>")


def _course_index(section: Section) -> Page | None:
    """A course's own page: the section's index.md."""
    return next((child for child in section.children
                 if isinstance(child, Page) and posixpath.basename(child.file.src_uri) == "index.md"), None)


def _course_page(section: Section) -> Section | Page:
    """A course as one link: its index page, or the course with its lessons if it has none."""
    return _course_index(section) or section


class AcademyPlugin(BasePlugin[AcademyConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: str | None = None
        self.dirty = False
        self.builds: LanguageBuilds | None = None
        self.staging: Path | None = None
        self.final: Path | None = None
        self.report = Report()  # this build's problems and, at the end, its children's
        self.engine_report = Report()  # the engine's own warnings in this process
        self.handler: EngineWarnings | None = None
        self.is_child = os.environ.get(CHILD) == "1"
        self.incremental: Incremental | None = None  # under `serve --dirty`: what each page was made from
        self.workers: LanguageWorkers | None = None
        self.page_builds: dict[str, PageBuild] = {}
        self.faq_registry = FaqRegistry()
        self.provider = ""  # the lessons' provider in this language (`_translate_site_name`)
        self.last_build: LastBuild | None = None  # under `serve --dirty`: for the next quick rebuild
        self.page_cache: PageCache | None = None  # under `mkdocs build`: pages kept from earlier builds
        self.results_version: str | None = None  # under `make site`: results kept for the next build (memo)
        self.markdown_engine = MarkdownEngine(self._unreadable)  # one Markdown engine per build, reset between pages

    # -- configuration ------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        if command == "serve" and dirty:
            self.incremental = Incremental()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        memo.begin_build()  # ended when the build ends, however it ends
        self.last_build = None
        self.markdown_engine.forget()
        config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
        self.root = config_file.parent
        self.config_file = config_file
        self.report = Report(strict=bool(config.strict))
        self.engine_report = Report(strict=bool(config.strict))
        if self.incremental is None:
            self.page_builds = {}
            self.faq_registry = FaqRegistry()
        shown = display_path(config_file, self.root)
        refuse_second_instance(config, config_file, shown)
        if twice := duplicate_keys(config_file, shown):
            raise fail(twice)
        self._capture_engine_warnings(shown, Path(config.docs_dir))
        settle_engine_options(config, config_file, shown)
        self.is_child = os.environ.get(CHILD) == "1"
        codes = languages_of(config, list(self.config.languages), config_file, shown)
        chosen = os.environ.get(LANG) or codes[0]
        if chosen not in codes:
            raise fail([Problem(shown, 1, f"{LANG}={chosen} is not one of the site's languages",
                                 "choose one of: " + ", ".join(codes))])
        self.language: Language = KNOWN_LANGUAGES[chosen]
        catalog_cache.reader = chosen  # the file this process keeps the catalogs it reads in
        self.only_one = bool(os.environ.get(LANG)) and not self.is_child
        self.codes = codes
        self.scheme = UrlScheme(config.site_url.rstrip("/") + "/", tuple(codes))

        config.theme["language"] = self.language.theme_language
        # Our templates extend Material's; a user's custom_dir (first in the list) still wins over ours.
        custom = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(custom, str(THEME_DIR))
        if config.theme.custom_dir:
            check_overrides(Path(config.theme.custom_dir), self.root)
        if chosen != codes[0]:
            config.site_url = self.scheme.absolute(chosen)
        markup.use_site_extensions(list(config.markdown_extensions), dict(config.mdx_configs))
        if self.is_child and os.environ.get(HANDOVER):
            memo.adopt(Path(os.environ[HANDOVER]))
        self.results_version = None
        if self.command in (None, "build") and not self.dirty and page_cache_enabled():
            self.results_version = recall_results(self.root, chosen)
        try:
            self.academy = Academy(
                root=self.root, content=Path(config.docs_dir), locales=self.root / self.config.locales_dir,
                quizzes=self.root / self.config.quizzes_dir, language=self.language,
                abbreviations=self.config.abbreviations, show_fuzzy=self.config.show_fuzzy, report=self.report,
                languages=tuple(codes), footnotes=reads_footnotes(config.markdown_extensions),
            )
            self.report.add(abbreviations_problems(config, self.config.abbreviations, config_file, shown))
            self.academy.check_links()
            self.academy.check_handwritten()
            if not self.is_child:
                self.academy.check_quiz_use()
        except AcademyError as error:
            self.report.add(error.problems)
            raise fail(error.problems) from None
        config.markdown_extensions.append(AcademyExtension(academy=self.academy, link=self._link,
                                                           site_url=self.scheme.base_url))
        # academy.css is joined after Material's stylesheets into JOINED_STYLESHEET (head.py), which academy.html links
        if self.command in (None, "build") and not self.dirty and page_cache_enabled():
            self._use_page_cache(config)

        if self.command in (None, "build") and not self.is_child:
            self.final = Path(config.site_dir).resolve()
            try:
                publish.check_output(self.final, [Path(config.docs_dir), self.root / self.config.locales_dir,
                                                  self.root / self.config.quizzes_dir], self.root, self.root)
                self.staging = publish.staging_dir(self.final, root=self.root)
            except publish.PublishError as error:
                self.report.error(error.problem)
                raise fail([error.problem]) from None
            config.site_dir = str(self.staging)
        given_theme = config.theme.name if config.theme.name != theme_in_file(config_file) else None
        if self.incremental is not None:
            _remember_installed_templates(config, self.root)
        self.options = BuildOptions(config_file, bool(config.strict), bool(config.use_directory_urls),
                                    given_theme, self.dirty)
        return config

    def _use_page_cache(self, config: MkDocsConfig) -> None:
        if self.page_cache is not None:
            self.page_cache.uninstall()
        self.page_cache = PageCache(self.root / PAGE_CACHE_FOLDER / self.language.code,
                                    environment_key(config, self.root, self.language.code, self.codes, self.only_one),
                                    lambda: sum(len(r.errors) + len(r.warnings) for r in (self.report, self.engine_report)))
        self.page_cache.install(lambda: self.academy, self.page_builds, lambda: self.faq_registry)

    def _capture_engine_warnings(self, shown: str, content: Path) -> None:
        engine_log = logging.getLogger("mkdocs")
        if self.handler is not None:
            engine_log.removeHandler(self.handler)
        self.handler = EngineWarnings(self.engine_report, self.report, shown, content, display_path(content, self.root),
                                      self.config_file)
        engine_log.addHandler(self.handler)
        watch_excluded_targets()

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.is_child or self.only_one or len(self.codes) < 2:
            return
        site = self.final or Path(config.site_dir).resolve()
        if self.incremental is not None:
            self.workers = self.workers or LanguageWorkers(self.root)
            self.builds = self.workers
            self.workers.start(self.codes[1:], self.options, site)
            return
        self.builds = LanguageBuilds(self.root, site)
        self.builds.start(self.codes[1:], self.options)
        # each language's own build says which of its pages are fully translated (for hreflang and the sitemap)
        self.academy.found_elsewhere = self.builds.complete_pages

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        if self.incremental is not None:
            saved = watch_saves(server)

            def quick_or_whole_build() -> None:
                if not self.rebuild_quickly(saved.take(), others=self.workers):
                    builder()

            server.builder = quick_or_whole_build
        for folder in (self.config.quizzes_dir, self.config.locales_dir):
            path = self.root / folder
            if path.exists():
                server.watch(str(path))
        return server

    def rebuild_quickly(self, paths: set[str], others: LanguageWorkers | None = None) -> bool:
        """Under `serve --dirty`: show saved pages and catalogs without the whole build (see `quick.py`).
        False when the saves need the whole build, which then runs as before and reports what it finds."""
        last, incremental = self.last_build, self.incremental
        if last is None or incremental is None or not paths:
            return False
        config, files, nav, env = last.config, last.files, last.nav, last.env
        if not last.pages:  # once per whole build
            last.pages = [file.src_uri for file in files.documentation_pages() if file.page is not None]
            last.domains = page_domains(Path(config.docs_dir), last.pages)
        whole_site = {self.academy.abbreviations} if self.academy.abbreviations else set()
        saved = saved_pages(paths, Path(config.docs_dir), self.root / self.config.locales_dir, last.pages, self.codes,
                            whole_site, lambda: self._quiz_pages(last.pages), last.domains)
        if saved is None:
            return False
        started = time.perf_counter()
        asked = others.quick_start(paths) if others is not None else False  # every language at the same time
        done = self._render_saved(saved, config, files, nav, env)
        theirs = others.quick_wait() if asked and others is not None else (others is None)
        if done is None or not theirs:
            return False
        log.info(f"Rendered again {len(done)} page(s) of {', '.join(sorted(saved.pages))} in "
                 f"{time.perf_counter() - started:.2f} s")
        return True

    def _quiz_pages(self, pages: list[str]) -> dict[Path, set[str]]:
        """Each quiz file with the pages that embed it, as the last build read them."""
        found: dict[Path, set[str]] = {}
        for src in pages:
            try:
                lines = self.academy.source(src).quiz_lines
            except AcademyError:
                continue
            for quiz_id, _line in lines:
                if quiz_id in self.academy.quizzes:
                    found.setdefault(self.root / self.academy.quizzes[quiz_id].path, set()).add(src)
        return found

    def _reload_quizzes(self, paths: set[Path]) -> bool:
        """Read saved quiz files again; False if one no longer reads, or changed its id (the whole build)."""
        by_path = {self.root / quiz.path: quiz_id for quiz_id, quiz in self.academy.quizzes.items()}
        for path in paths:
            try:
                quiz = load_quiz(path, self.root)
            except AcademyError:
                return False
            if by_path.get(path) != quiz.id:
                return False
            self.academy.quizzes[quiz.id] = quiz
        return True

    def _render_saved(self, saved: Saved, config, files, nav, env) -> set[str] | None:
        """This language's part of a quick rebuild: the pages rendered again, or None (the whole build)."""
        steps = engine_build(engine())
        reports = (self.report, self.engine_report)
        said = [(len(r.errors), len(r.warnings)) for r in reports]
        changed: set[str] = set()
        srcs = saved.pages
        memo.begin_build()
        try:
            alternates = self._completeness(srcs)
            self.academy.forget(srcs, saved.domains)
            if not self._reload_quizzes(saved.quizzes):
                return None
            self.academy.set_outline(self.sections)
            quizzes = {path.relative_to(self.root).as_posix() for path in saved.quizzes}
            planned = self.incremental.plan_quick(self.academy, files, nav, config, srcs, self.codes, quizzes)
            if planned is None:
                return None
            changed = planned
            chosen = [files.get_file_from_path(src).page for src in sorted(changed)]
            titles = {page.file.src_uri: page.title for page in chosen}
            for page in chosen:
                steps._populate_page(page, config, files)
            # a saved FAQ can move a question's FAQPage data to or from a page not saved
            for page in self.incremental.settle_faq(files, self.page_builds, self.faq_registry, changed):
                page.__dict__.pop("title", None)  # the last rendering's title stood in for the property
                titles[page.file.src_uri] = page.title
                changed.add(page.file.src_uri)
                chosen.append(page)
                steps._populate_page(page, config, files)
            if any(page.title != titles[page.file.src_uri] for page in chosen) or self._said_more(said):
                self.incremental.forget(changed)
                return None
            doc_files = files.documentation_pages()
            for page in chosen:
                steps._build_page(page, config, doc_files, nav, env)
                page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
            # The 404 page shows no page's text; the sitemap shows which languages each page reads
            # complete in (its hreflang alternates).
            for template in config.theme.static_templates:
                if template != "404.html" and (template != "sitemap.xml" or self._completeness(srcs) != alternates):
                    steps._build_theme_template(template, env, files, config, nav)
            if self._said_more(said):
                self.incremental.forget(changed)
                return None
            self._finish_serve_build(Path(config.site_dir))
            return changed
        except Exception:  # noqa: BLE001 (the whole build runs next and says what is wrong)
            self.incremental.forget(changed)
            return None
        finally:
            memo.end_build()

    def _completeness(self, srcs: set[str]) -> dict[str, tuple[bool, ...]]:
        return {src: tuple(self.academy.is_translated(src, code) for code in self.codes) for src in srcs}

    def _said_more(self, said: list[tuple[int, int]]) -> bool:
        return [(len(r.errors), len(r.warnings)) for r in (self.report, self.engine_report)] != said

    # -- files and navigation -------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.files = files
        docs = Path(config.docs_dir).resolve()
        for file in list(files):
            # the editors' files, not the theme's own (its scripts, the favicon)
            if not (file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(docs)) \
                    or file.is_documentation_page() or file.inclusion.is_excluded():
                continue
            runnable = site_files.problem(file.src_uri, display_path(Path(file.abs_src_path), self.root))
            if runnable is not None:
                # never published, in any language; the report stops the build once every page has been read
                self.report.error(runnable)
                files.remove(file)
                continue
            if not site_files.is_diagram(file.src_uri):
                continue
            # Every language checks them, English too: a broken diagram is never published; the report
            # stops the build once every page has been read, with every other problem.
            try:
                path = Path(file.abs_src_path)
                text = self.academy.read(path)
                if self.academy.is_source:
                    self.report.add(diagrams.problems(text, display_path(path, self.root)))
                    continue
                localized = diagrams.localize_svg(text, self.academy.translator_for(path), display_path(path, self.root))
            except AcademyError as error:
                self.report.add(error.problems)
                continue
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=localized))
        return files

    def _translate_site_name(self, config: MkDocsConfig) -> None:
        """The site's name, description and provider in this language, from the home page's catalog,
        which holds them (`academy i18n update` puts them there; the name is the home page's title).

        Plain text, as every title: Material prints them unescaped in attributes (the header's
        aria-label, og:site_name, the meta description), where a quote would end the attribute."""
        home = Path(config.docs_dir) / "index.md"
        translate = (self.academy.translator_for(home.resolve()) if not self.academy.is_source and home.exists()
                     else lambda text: text)
        config.site_name = plain(translate(config.site_name))
        if config.site_description:
            config.site_description = plain(translate(config.site_description))
        self.provider = plain(translate(self.config.provider)) if self.config.provider else ""

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        sections: list[tuple[str, list[str]]] = []
        for item in nav.items:
            if not isinstance(item, Section):
                continue
            pages = [child for child in item.children if isinstance(child, Page)]
            index = _course_index(item)
            if index is None:
                # its lessons would be missing from the home page, the progress page and the packages
                self.report.error(Problem(display_path(self.config_file, self.root), line_of(self.config_file, item.title or ""),
                                          f"the course {item.title!r} in `nav:` has no index.md",
                                          "a course is a folder with an index.md (its title and introduction), listed "
                                          "first under the course's name, e.g. `- service-skills/index.md`"))
                continue
            item.title = plain(self.academy.info(index.file.src_uri).title)
            sections.append((index.file.src_uri, [p.file.src_uri for p in pages if p is not index]))
        self.academy.set_outline(sections)
        self.sections, self.nav = sections, nav
        if self.is_child and os.environ.get(COMPLETE):
            self._write_complete(Path(os.environ[COMPLETE]), [file.src_uri for file in files.documentation_pages()])
        if self.academy.is_source:
            self._check_page_names(nav)
            self.report.add(left_behind(self.root, self.academy.locales, self.codes), warning=True)
        self._translate_site_name(config)
        if self.incremental is not None:
            self.changed = self.incremental.plan(self.academy, files, nav, config, self.page_builds, self.codes)
        if self.page_cache is not None:
            self.page_cache.plan(self.academy, files, nav, config, self.codes)
        return nav

    def _write_complete(self, path: Path, srcs: list[str]) -> None:
        """For the source language's build, which waits for it: written whole, then renamed into place."""
        part = path.with_name(path.name + ".part")
        try:
            part.write_text(json.dumps(self.academy.translated_here(srcs)), encoding="utf-8")
            part.replace(path)
        except OSError:
            part.unlink(missing_ok=True)  # that build then works it out itself

    def _check_page_names(self, nav: Navigation) -> None:
        """File names fit for an address, and a title of its own for every page (the source language's build)."""
        titled = []
        listed: set[str] = set()
        for page in nav.pages:
            src = page.file.src_uri
            if src in listed:
                self.report.error(self._listed_twice(src))
                continue
            listed.add(src)
            shown = display_path(Path(page.file.abs_src_path or src), self.root)
            problem = page_names.file_name_problem(src, shown)
            if problem is not None:
                self.report.warn(problem)
            try:
                doc = self.academy.source(src).doc
            except AcademyError:
                continue  # reported when the page is read
            titled.append((shown, self.academy.info(src).title, frontmatter.line_of_key(doc, "title")))
        self.report.add(page_names.same_titles(titled), warning=True)

    def _listed_twice(self, src: str) -> Problem:
        """A page listed twice in `nav:`: the menu would show it twice and its course would be unclear."""
        lines = lines_of_value(self.config_file, "nav", src) or [1, 1]
        return Problem(display_path(self.config_file, self.root), lines[-1] if len(lines) > 1 else lines[0],
                       f"nav: {src} is listed twice" + (f" (first on line {lines[0]})" if len(lines) > 1 else ""),
                       "keep one entry: a page has one place in the menu and one course; "
                       "to lead trainees to it from elsewhere, link to it from a lesson")

    # -- pages -----------------------------------------------------------------

    def _unreadable(self, page: Page, line: int, problem: str, hint: str) -> None:
        self.report.add([Problem(display_path(Path(page.file.abs_src_path), self.root), line, problem, hint)])

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        self.markdown_engine.use_for(page)
        return page

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        try:
            return self.academy.page_source(page.file.src_uri)
        except AcademyError as error:
            # Go on with an empty page so that every other problem is reported too;
            # the build stops before anything is published.
            self.report.add(error.problems)
            return ""

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        def link(src: str) -> str:
            target = files.get_file_from_path(src)
            return target.url_relative_to(page.file) if target is not None else src

        try:
            self.academy.begin_page(page.file.src_uri, link)
        except AcademyError as error:
            self.report.add(error.problems)
        # Title, description and Material's subtitle (under the title in the menu) are plain text wherever a
        # template prints them.
        for key in ("title", "description", "subtitle"):
            if key in page.meta:
                page.meta[key] = plain(page.meta[key])
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.academy.rendering is None:
            return html
        build = self.academy.end_page()
        html = resolve_review_links(html, build, self.academy, _toc_titles(page))
        self.report.add(build.problems)
        self.page_builds[page.file.src_uri] = build
        if build.quizzes and build.quizzes[0] in self.academy.quizzes:
            html = lead_to_quiz(html, self.academy.quizzes[build.quizzes[0]], self.academy.ui)
        html = offline.note_under_title(html, self.academy.ui.t("offline.ready"))
        # a course's page leads on to its lessons rather than ending in one paragraph
        for course in self.academy.courses:
            if course.index.src == page.file.src_uri:
                html += course_listing(course, self.academy.ui, build.link)
        return html

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        # as Material titles a page: its front matter title, else its heading, the home page's only from front matter
        title = page.meta.get("title") or (page.title if not page.is_homepage else None)
        context["academy"] = self._context(page.url, self.page_builds.get(page.file.src_uri),
                                           page.canonical_url or "", config, title)
        if "navigation.tabs" not in config.theme.get("features", []):
            # Only the page's own course is listed with its lessons; the home page lists
            # every course, each as a link to its course page. A page's HTML so stays the
            # same size however many lessons the academy has. With tabs, every course is a tab.
            trimmed = copy.copy(nav)
            if page.is_homepage:
                trimmed.items = [_course_page(item) if isinstance(item, Section) else item for item in nav.items]
            else:
                trimmed.items = [item for item in nav.items if not isinstance(item, Section) or item in page.ancestors]
            context["nav"] = trimmed
        if self.incremental is not None:
            self.incremental.keep(page, self.page_builds.get(page.file.src_uri), self.faq_registry)
        return context

    def on_template_context(self, context, *, template_name: str, config: MkDocsConfig):
        context["academy"] = self._context("", None, "", config)
        if template_name == "404.html" and context.get("nav") is not None:
            # The lost reader is offered the home page (which lists every course), the
            # progress page and the glossary, not every lesson of every course.
            trimmed = copy.copy(context["nav"])
            trimmed.items = [item for item in trimmed.items if not isinstance(item, Section)]
            context["nav"] = trimmed
        if template_name == "sitemap.xml":
            pages = [(file.src_uri, file.page.url, self.page_builds.get(file.src_uri))
                     for file in context["pages"] if file.page is not None and file.page.url is not None]
            context["academy_sitemap"] = sitemap_alternates(self.academy, self.scheme, pages)
        return context

    def _context(self, page_url: str, build: PageBuild | None, canonical_url: str, config: MkDocsConfig,
                 title: str | None = None) -> dict:
        facts = SiteFacts(config.site_name, config.site_url, self.provider)
        return page_context(self.academy, self.scheme, page_url, build, canonical_url, facts, self.faq_registry,
                            getattr(self, "script_versions", {}), title)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        head = output[:output.find("</head>")]
        if '<meta http-equiv="Content-Security-Policy"' not in head:
            # whatever left it out (a theme override, a template a page names), an inline script would run:
            # never published; the report stops the build before anything is
            template = page.meta.get("template") or "main.html"
            self.report.error(Problem(display_path(Path(page.file.abs_src_path or page.file.src_uri), self.root), 1,
                                      "the page is written without its Content-Security-Policy (its template "
                                      f"{template!r} leaves out the academy's <head>), so a script in it would run",
                                      'a page template extends "main.html" (or "academy.html") and keeps '
                                      "`{{ super() }}` in the `site_meta` block it overrides"))
        return self._finished(output, config)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):
            return output_content
        return self._finished(output_content, config)

    def _finished(self, html: str, config: MkDocsConfig) -> str:
        """A page as a trainee downloads it: Material's output corrected and trimmed."""
        academy = getattr(self, "academy", None)
        words = {key: str(text) for key, text in academy.ui.theme_strings().items()} if academy is not None else {}
        html = material.lean_config(html, material_search=_material_search(config), words=words)
        return drop_layout_space(material.named_section_lists(material.valid_toggles(html)))

    def _link(self, src: str) -> str:
        build = self.academy.rendering
        return build.link(src) if build is not None else src

    # -- finishing -------------------------------------------------------------

    @event_priority(100)
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # the stylesheet's name carries its content's hash, so it is made before any page links it, and
        # the scripts are linked with a query naming their content (head.py); `serve` makes a new
        # environment for every build, so an edit of academy.css or a script is a new name there too
        css = _stylesheet_from_sources(files, config)
        self.stylesheet = (stylesheet_name(css), css)
        self.script_versions = script_versions({
            uri: Path(file.abs_src_path).read_text(encoding="utf-8") for uri, file in files.src_uris.items()
            if fnmatch.fnmatchcase(uri, "assets/academy/*.js") and file.abs_src_path})
        _page_head(env, self.stylesheet[0])
        env.globals["academy_version"] = lambda path: self.script_versions.get(path, "")
        _print_plain_text_escaped(env)
        if self.incremental is not None:
            env.bytecode_cache = COMPILED_TEMPLATES  # the engine makes a new environment for every build
            self.env = env
        if self.page_cache is not None:
            self.page_cache.settle_faq(files, config, self.page_builds)
        if self.incremental is not None:
            self._settle_faq(files, config)
        self.report.add(theme_problems(env, self._page_fronts(files)))
        # Every page has been read and rendered to HTML: report all content problems at once,
        # the engine's (a broken link) with ours.
        outcome = self.outcome()
        if outcome.errors:
            if not outcome.strict:
                for problem in outcome.warnings:
                    log.warning(str(problem))  # said too, so that one run shows everything to fix
            raise fail(outcome.blocking())
        return env

    def _settle_faq(self, files: Files, config: MkDocsConfig) -> None:
        """Under `serve --dirty`, before pages are written: a page not planned whose FAQPage data a
        page's edit changes (it now asks a question first, or no longer does) is rendered too."""
        for page in self.incremental.settle_faq(files, self.page_builds, self.faq_registry, self.changed):
            page.__dict__.pop("title", None)  # the last rendering's title stood in for the property
            page.file.is_modified = lambda: True  # type: ignore[method-assign]
            self.changed.add(page.file.src_uri)
            engine_build(engine())._populate_page(page, config, files)

    def _page_fronts(self, files: Files):
        """Every page's front matter as its editor wrote it, with the path the editor knows."""
        for file in files.documentation_pages():
            try:
                page = self.academy.source(file.src_uri)
            except AcademyError:
                continue  # reported when the page is read
            yield page.shown, page.doc

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        memo.end_build()
        catalog_cache.flush(self.root)  # every catalog was read by now
        site = Path(config.site_dir)
        if self.incremental is not None:
            self.incremental.settle(site, self.files)
        minify_assets(site / "assets" / "academy")  # before the offline worker is stamped with the build's hash
        cut_palette_stylesheets(site / "assets" / "stylesheets", config.theme.get("palette"))
        if not _material_search(config):
            cut_search_rules(site / "assets" / "stylesheets")
        _cut_unused_components(site / "assets" / "stylesheets", config)
        _join_stylesheets(site, config, self.stylesheet, published=self.incremental is None)
        if self.incremental is not None:
            self._finish_serve_build(site)
            self.last_build = LastBuild(config, self.files, self.nav, self.env)
        else:
            offline.stamp_worker(site, self._other_roots(), missing=self._missing_page())
            try:
                search.build_index(site, self.language.code, self._other_roots())
            except search.SearchIndexError as error:
                self.report.error(Problem(display_path(self.config_file, self.root), 1, str(error)))
                raise fail(self.report.errors) from None
        if self.is_child:
            self._keep_pages()
            self.report.merge(self.engine_report)
            write_report(self.report)
            return
        built = [self.language.code]
        if self.builds is not None:
            children, done = self.builds.wait(self.config_file)
            self.report.merge(children)
            built += done
        outcome = self.outcome()
        if outcome.failed:
            raise fail(outcome.blocking())
        for problem in self.report.warnings:
            log.warning(str(problem))
        if self.builds is not None:
            for code, out in self.builds.outputs().items():
                target = site / code
                if target.exists():
                    shutil.rmtree(target)
                os.rename(out, target)
            self.builds.forget()
        (site / "sitemap-index.xml").write_text(sitemap_index(self.scheme, [c for c in self.codes if c in built]),
                                                encoding="utf-8")
        if self.staging is not None and self.final is not None:
            try:
                publish.swap_into_place(self.staging, self.final, self.root)
            except publish.PublishError as error:
                raise fail([error.problem]) from None
            config.site_dir = str(self.final)
            self.staging = None
        self._keep_pages()

    def _keep_pages(self) -> None:
        """The build succeeded: keep its pages for the next (see `page_cache.py`)."""
        if self.results_version is not None:
            keep_results(self.root, self.language.code, self.results_version)
            self.results_version = None
        if self.page_cache is not None:
            self.page_cache.store(self.files, self.page_builds)
            self.page_cache.uninstall()
            self.page_cache = None

    def _missing_page(self) -> dict[str, str]:
        return offline.missing_page(self.language.code, self.academy.ui)

    def _other_roots(self) -> list[str]:
        """The other languages' folders, which the source language's offline worker leaves to theirs."""
        return [f"{code}/" for code in self.codes[1:]] if self.language.code == self.codes[0] else []

    def _finish_serve_build(self, site: Path) -> None:
        assert self.incremental is not None
        # every page's fingerprint says what changed, without reading back every file written
        offline.stamp_worker(site, self._other_roots(), THEME_DIR / offline.WORKER, self.incremental.version(),
                             missing=self._missing_page())
        # The preview shows the edit at once; its search catches up a moment later.
        search.IndexInBackground.request(site, self.language.code, self._other_roots())

    def outcome(self) -> Report:
        """Every problem of the build: the academy's, the engine's, and every language's."""
        merged = Report(strict=self.report.strict)
        merged.merge(self.report)
        merged.merge(self.engine_report)
        return merged

    def on_build_error(self, *, error: Exception) -> None:
        memo.end_build()
        if self.page_cache is not None:
            self.page_cache.uninstall()  # nothing of a failed build is kept
            self.page_cache = None
        self.last_build = None
        if self.incremental is not None:
            self.incremental.forget(getattr(self, "changed", set()))
        if self.is_child:
            self.report.merge(self.engine_report)
            write_report(self.report)
        if self.builds is not None:
            self.builds.discard()
            self.builds = None
        publish.discard(self.staging)
        self.staging = None

    def on_shutdown(self) -> None:
        publish.discard(self.staging)
        if self.page_cache is not None:
            self.page_cache.uninstall()
            self.page_cache = None
        if self.builds is not None:
            self.builds.discard()
        if self.workers is not None:
            self.workers.close()
            self.workers = None
        if self.handler is not None:
            logging.getLogger("mkdocs").removeHandler(self.handler)
            self.handler = None


def _remember_installed_templates(config: MkDocsConfig, root: Path) -> None:
    """Every environment the theme makes (one per build) lists the installed themes' files once per process."""
    theme = config.theme
    make = type(theme).get_env.__get__(theme)

    def get_env():
        env = make()
        remember_installed_templates(env, root, tuple(theme.static_templates))
        return env

    theme.get_env = get_env


INLINE_SCRIPTS = {"globals": "material-globals", "before_paint": "before-paint"}
"""The scripts every page carries inline (head.py), by the name the templates use."""


def _stylesheet_from_sources(files: Files, config: MkDocsConfig) -> str:
    """The one stylesheet of a published build, made from the files the engine copies (a theme
    override or the docs folder winning, as they do), cut and minified as `on_post_build` treats
    their copies: Material's main stylesheet without its search rules (unless the site searches
    with Material), its palette stylesheet with only the colours mkdocs.yml names, academy.css."""
    def text(pattern: str) -> str:
        found = [uri for uri in files.src_uris if fnmatch.fnmatchcase(uri, pattern)]
        if len(found) != 1:
            raise ValueError(f"the theme's files: expected one {pattern}, found {len(found)}")
        return Path(files.src_uris[found[0]].abs_src_path).read_text(encoding="utf-8")

    main = text("assets/stylesheets/main.*.min.css")
    main = without_unused(main, settings(config))
    sheets = [main if _material_search(config) else without_search(main)]
    palette = config.theme.get("palette")
    if palette:
        colours = palette_colours(palette)
        sheet = text("assets/stylesheets/palette.*.min.css")
        sheets.append(keep_colours(sheet, colours) if colours else sheet)
    sheets.append(rcssmin.cssmin(text("assets/academy/academy.css")))
    return joined_css(sheets)


def _cut_unused_components(folder: Path, config: MkDocsConfig) -> None:
    """Material's main stylesheet in `folder` (the copy `mkdocs serve` keeps beside the joined one)
    without the components the configuration leaves off (material_css.py), as in the joined one."""
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("main.*.css")):
        path.write_text(without_unused(path.read_text(encoding="utf-8"), settings(config)), encoding="utf-8")


def _join_stylesheets(site: Path, config: MkDocsConfig, stylesheet: tuple[str, str], published: bool) -> None:
    """Material's stylesheets and academy.css, joined, under the name pages link (head.py; `stylesheet`:
    the name and the text). A published build then drops the files no page loads; `mkdocs serve` keeps them."""
    styles = site / "assets" / "stylesheets"
    academy = site / "assets" / "academy"
    sheets = [*material_stylesheets(styles, bool(config.theme.get("palette"))), academy / "academy.css"]
    name, css = stylesheet
    (site / name).write_text(css, encoding="utf-8")
    if published:
        for sheet in sheets:
            sheet.unlink()
            sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)
        for file in INLINE_SCRIPTS.values():
            (academy / f"{file}.js").unlink(missing_ok=True)
        if not any(styles.iterdir()):
            styles.rmdir()


def _page_head(env, stylesheet: str) -> None:
    """What every page's <head> and header carry (head.py): the one stylesheet, the inline scripts,
    and the Content-Security-Policy that allows those scripts by the hash of their text and no other."""
    scripts = {name: inline_script(THEME_DIR / "assets" / "academy" / f"{file}.js") for name, file in INLINE_SCRIPTS.items()}
    env.globals["academy_inline"] = {name: markupsafe.Markup(script.text) for name, script in scripts.items()}
    env.globals["academy_stylesheet"] = stylesheet
    env.globals["academy_csp"] = content_security_policy(script.policy_source for script in scripts.values())


def _print_plain_text_escaped(env) -> None:
    """Every PlainText value (titles, descriptions, interface strings) is escaped when printed,
    in Material's templates as in ours. Jinja's `striptags` unescapes what it keeps
    (`&lt;script&gt;` would become a tag again in <title>); ours keeps text escaped."""
    env.filters["striptags"] = _striptags
    env.finalize = printed
    env.cache.clear() if env.cache is not None else None


def _striptags(value):
    if isinstance(value, PlainText):
        return value
    return markupsafe.escape(markupsafe.Markup(str(value)).striptags())


def _toc_titles(page: Page) -> dict[str, str]:
    from html import unescape

    titles: dict[str, str] = {}

    def walk(items) -> None:
        for item in items:
            titles[item.id] = unescape(TAGS.sub("", item.title))
            walk(item.children)

    walk(page.toc)
    return titles


def _material_search(config: MkDocsConfig) -> bool:
    """Whether the site turns Material's own search on (the academy searches with Pagefind)."""
    return any(name in config.plugins for name in ("search", "material/search"))


__all__ = ["AcademyPlugin"]
