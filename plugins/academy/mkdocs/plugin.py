"""The MkDocs adapter: hooks that hand the work to the engine-independent core.

`mkdocs build` builds the first language (English, at the site root) in this
process and every other language in a child `mkdocs build` with
``ACADEMY_LANG`` set, in parallel. When all succeed, the language folders are
merged and the whole site is swapped into place; otherwise nothing changes.
"""

from __future__ import annotations

import copy
import logging
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import markupsafe
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from .. import diagrams, markup, publish, search
from ..catalogs import CatalogError
from ..errors import ContentError, Problem, display_path
from ..frontmatter import FrontMatterError
from ..languages import KNOWN_LANGUAGES, Language
from ..markdown import AcademyExtension
from ..plaintext import PlainText, plain, printed
from ..policy import CONTENT_SECURITY_POLICY
from ..site import Academy
from . import structured
from .config import AcademyConfig

log = logging.getLogger("mkdocs.plugins.academy")

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
CHILD = "ACADEMY_CHILD"
LANG = "ACADEMY_LANG"


def _fail(problems: list[Problem] | Problem | str) -> PluginError:
    if isinstance(problems, str):
        return PluginError(problems)
    problems = problems if isinstance(problems, list) else [problems]
    return PluginError("\n".join(str(p) for p in problems))


@contextmanager
def _reported():
    """Content errors raised by the core become MkDocs errors: a message, no traceback."""
    try:
        yield
    except (ContentError, CatalogError, FrontMatterError) as error:
        raise _fail(getattr(error, "problems", None) or error.problem) from None


def _line_in(path: Path, pattern: str) -> int:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(pattern, line):
                return number
    except OSError:
        pass
    return 1


class AcademyPlugin(BasePlugin[AcademyConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: str | None = None
        self.children: dict[str, tuple[subprocess.Popen, Path, Path]] = {}
        self.staging: Path | None = None
        self.final: Path | None = None
        self.faq_marked_up: dict[str, str] = {}

    # -- configuration ------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
        self.root = config_file.parent
        shown = display_path(config_file, self.root)
        if not config.site_url:
            raise _fail(Problem(shown, 1, "site_url is missing",
                                "add e.g. `site_url: https://academy.example.org/`; canonical links, "
                                "hreflang and sitemaps need the site's address"))
        codes = list(self.config.languages)
        for code in codes:
            if code not in KNOWN_LANGUAGES:
                line = _line_in(config_file, rf"(^|[\s\[,-])\s*{re.escape(code)}\s*($|[,\]#])")
                raise _fail(Problem(shown, line, f"unknown language code {code!r}",
                                    "the academy builds: " + ", ".join(KNOWN_LANGUAGES)))
        if not codes:
            raise _fail(Problem(shown, _line_in(config_file, r"languages\s*:"), "no languages are configured",
                                "list them, the source language first: `languages: [en, fil, ru]`"))
        self.codes = codes
        self.faq_marked_up = {}
        self.problems: list[Problem] = []
        self.is_child = os.environ.get(CHILD) == "1"
        chosen = os.environ.get(LANG) or codes[0]
        if chosen not in codes:
            raise _fail(f"{LANG}={chosen} is not one of the site's languages ({', '.join(codes)})")
        self.language: Language = KNOWN_LANGUAGES[chosen]
        self.only_one = bool(os.environ.get(LANG)) and not self.is_child

        config.theme["language"] = self.language.theme_language
        config.theme.dirs.insert(0, str(THEME_DIR))
        self.base_url = config.site_url.rstrip("/") + "/"
        if chosen != codes[0]:
            config.site_url = f"{self.base_url}{chosen}/"

        docs_dir = Path(config.docs_dir)
        markup.use_site_extensions(list(config.markdown_extensions), dict(config.mdx_configs))
        try:
            self.academy = Academy(
                root=self.root,
                content=docs_dir,
                locales=self.root / self.config.locales_dir,
                quizzes=self.root / self.config.quizzes_dir,
                language=self.language,
                abbreviations=self.config.abbreviations,
                show_fuzzy=self.config.show_fuzzy,
            )
            self.academy.check_links()
            self.academy.check_handwritten()
            if not self.is_child:
                self.academy.check_quiz_use()
        except (ContentError, CatalogError, FrontMatterError) as error:
            raise _fail(getattr(error, "problems", None) or error.problem) from None
        self._flush_warnings()
        config.markdown_extensions.append(AcademyExtension(academy=self.academy, link=self._link))
        config.extra_css.append("assets/academy/academy.css")

        if self.command in (None, "build") and not self.is_child:
            self.final = Path(config.site_dir).resolve()
            try:
                publish.check_output(self.final, [docs_dir, self.root / self.config.locales_dir,
                                                  self.root / self.config.quizzes_dir], self.root, self.root)
                self.staging = publish.staging_dir(self.final, root=self.root)
            except publish.PublishError as error:
                raise _fail(error.problem) from None
            config.site_dir = str(self.staging)
        if not self.is_child and not self.only_one:
            self._start_children(config, codes[1:])
        return config

    def _start_children(self, config: MkDocsConfig, codes: list[str]) -> None:
        for code in codes:
            out = Path(tempfile.mkdtemp(prefix=f"academy-{code}-"))
            log_file = Path(tempfile.mkstemp(prefix=f"academy-{code}-", suffix=".log")[1])
            command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config.config_file_path),
                       "-d", str(out)]
            if config.strict:
                command.append("--strict")
            env = dict(os.environ, **{CHILD: "1", LANG: code, "NO_MKDOCS_2_WARNING": "1"})
            with log_file.open("w") as handle:
                process = subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT, env=env, cwd=self.root)
            self.children[code] = (process, out, log_file)

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        for folder in (self.config.quizzes_dir, self.config.locales_dir):
            path = self.root / folder
            if path.exists():
                server.watch(str(path))
        return server

    # -- files and navigation -------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.academy.is_source:
            return files
        with _reported():
            self._localize_diagrams(files, config)
        return files

    def _localize_diagrams(self, files: Files, config: MkDocsConfig) -> None:
        for file in list(files):
            if file.src_uri.endswith(".svg") and file.abs_src_path:
                tr = self.academy.translator_for(Path(file.abs_src_path))
                text = Path(file.abs_src_path).read_text(encoding="utf-8")
                files.remove(file)
                files.append(File.generated(config, file.src_uri, content=diagrams.localize_svg(text, tr)))

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        sections: list[tuple[str, list[str]]] = []
        try:
            for item in nav.items:
                if not isinstance(item, Section):
                    continue
                pages = [child for child in item.children if isinstance(child, Page)]
                index = next((p for p in pages if posixpath.basename(p.file.src_uri) == "index.md"), None)
                if index is None:
                    continue
                item.title = plain(self.academy.info(index.file.src_uri).title)
                sections.append((index.file.src_uri, [p.file.src_uri for p in pages if p is not index]))
            self.academy.set_outline(sections)
        except (ContentError, CatalogError, FrontMatterError) as error:
            raise _fail(getattr(error, "problems", None) or error.problem) from None
        self.files = files
        return nav

    # -- pages -----------------------------------------------------------------

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        self.page = page
        try:
            source = self.academy.page_source(page.file.src_uri)
        except (ContentError, CatalogError, FrontMatterError) as error:
            # Go on with an empty page so that every other problem is reported too;
            # the build stops before anything is published.
            self.problems.extend(getattr(error, "problems", None) or [error.problem])
            return ""
        self._flush_warnings()
        return source

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Title and description are plain text wherever a template prints them.
        for key in ("title", "description"):
            if key in page.meta:
                page.meta[key] = plain(page.meta[key])
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        current = self.academy.current
        shown = display_path(Path(config.docs_dir) / page.file.src_uri, self.root)
        problems = []
        source_path = Path(config.docs_dir) / page.file.src_uri
        for quiz_id in current.quizzes:
            if quiz_id.startswith("!"):
                problems.append(Problem(shown, _line_in(source_path, rf"^///\s*quiz\s*\|\s*{re.escape(quiz_id[1:])}\b"),
                                        f"no quiz {quiz_id[1:]!r} in {self.config.quizzes_dir}/",
                                        f"create {self.config.quizzes_dir}/{quiz_id[1:]}.yml or fix the id"))
        for question, message, hint in current.faq_problems:
            pattern = rf"^#{{2,6}}\s*{re.escape(question)}\s*$" if question else r"^#{2,6}\s*$"
            problems.append(Problem(shown, _line_in(source_path, pattern), message, hint))
        with _reported():
            html, review_problems = structured.resolve_review_links(html, page, self.academy)
            faq = structured.faq_entries(current.faq)
        problems.extend(review_problems)
        if problems:
            self.problems.extend(problems)
        self._flush_warnings()
        page.meta["academy_missing"] = current.missing
        page.meta["academy_outdated"] = current.outdated
        page.meta["academy_faq"] = faq
        page.meta["academy_quizzes"] = [q for q in current.quizzes if not q.startswith("!")]
        return html

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        with _reported():
            context["academy"] = structured.page_context(self, page, config)
        # Only the page's own course is listed in the navigation; the others are a
        # click away on the home page. A page's HTML so stays the same size
        # however many courses the academy has.
        trimmed = copy.copy(nav)
        trimmed.items = [item for item in nav.items if not isinstance(item, Section) or item in page.ancestors]
        context["nav"] = trimmed
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return _valid_toggles(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return _valid_toggles(output_content) if template_name.endswith(".html") else output_content

    def on_template_context(self, context, *, template_name: str, config: MkDocsConfig):
        with _reported():
            context["academy"] = structured.page_context(self, None, config)
            if template_name == "sitemap.xml":
                context["academy_sitemap"] = structured.sitemap_entries(self, context["pages"])
        return context

    def translated_elsewhere(self, src: str) -> dict[str, bool]:
        return {code: self.academy.is_translated(src, code) for code in self.codes if code != self.language.code}

    def _link(self, src: str) -> str:
        """A relative URL from the page being rendered to the page with this source."""
        file = self.files.get_file_from_path(src)
        if file is None:
            return src
        here = posixpath.dirname("/" + self.page.url) if not self.page.url.endswith("/") else "/" + self.page.url
        target = "/" + file.url
        rel = posixpath.relpath(target, here.rstrip("/") or "/")
        return rel + ("/" if target.endswith("/") and not rel.endswith("/") else "")

    def _flush_warnings(self) -> None:
        for problem in self.academy.warnings:
            log.warning(str(problem))
        self.academy.warnings.clear()

    # -- finishing -------------------------------------------------------------

    @event_priority(100)
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        _print_plain_text_escaped(env)
        # Every page has been read and rendered to HTML: report all content problems at once.
        problems = self.academy.deferred + self.problems
        if problems:
            raise _fail(_unique(problems))
        return env

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        _keep_material_from_fetching_sitemaps(site)
        try:
            search.build_index(site)
        except search.SearchIndexError as error:
            raise _fail(str(error)) from None
        if self.is_child:
            return
        failed = []
        for code, (process, _out, log_file) in self.children.items():
            process.wait()
            output = log_file.read_text(encoding="utf-8", errors="replace").strip()
            log_file.unlink(missing_ok=True)
            if process.returncode != 0:
                failed.append(f"the {KNOWN_LANGUAGES[code].name} ({code}) build failed:\n{_clean(output)}")
            elif output:
                for line in _clean(output).splitlines():
                    log.warning(f"[{code}] {line}")
        if failed:
            raise _fail("\n".join(failed))
        for code, (_process, out, _log) in self.children.items():
            target = site / code
            if target.exists():
                shutil.rmtree(target)
            shutil.move(str(out), str(target))
        self.children = {}
        structured.write_sitemap_index(site, self.base_url, self.codes)
        if self.staging is not None and self.final is not None:
            if config.strict and _warning_count():
                return  # MkDocs aborts after this hook; on_build_error discards the staging folder
            try:
                publish.swap_into_place(self.staging, self.final, self.root)
            except publish.PublishError as error:
                raise _fail(error.problem) from None
            config.site_dir = str(self.final)
            self.staging = None

    def on_build_error(self, *, error: Exception) -> None:
        for process, out, log_file in self.children.values():
            if process.poll() is None:
                process.kill()
                process.wait()
            publish.discard(out)
            log_file.unlink(missing_ok=True)
        self.children = {}
        publish.discard(self.staging)
        self.staging = None

    def on_shutdown(self) -> None:
        publish.discard(self.staging)


def _print_plain_text_escaped(env) -> None:
    """Every PlainText value (titles, descriptions, interface strings) is escaped when printed,
    in Material's templates as in ours. Jinja's `striptags` unescapes what it keeps
    (`&lt;script&gt;` would become a tag again in <title>); ours keeps text escaped."""
    env.filters["striptags"] = _striptags
    env.finalize = printed
    env.globals["academy_csp"] = CONTENT_SECURITY_POLICY
    env.cache.clear() if env.cache is not None else None


def _striptags(value):
    if isinstance(value, PlainText):
        return value
    return markupsafe.escape(markupsafe.Markup(str(value)).striptags())


MATERIAL_ALTERNATES = 'M("link[rel=alternate]")'


def _keep_material_from_fetching_sitemaps(site: Path) -> None:
    """Material fetches `sitemap.xml` beside every <link rel=alternate> on every page load,
    to make its language selector keep the page. Our switcher links to the same page
    already, so on a phone that would only be four wasted requests (404s, as the URLs
    it builds are page URLs). Our hreflang links are left out of that lookup."""
    for bundle in site.glob("assets/javascripts/bundle.*.min.js"):
        text = bundle.read_text(encoding="utf-8")
        if MATERIAL_ALTERNATES in text:
            bundle.write_text(text.replace(MATERIAL_ALTERNATES, 'M("link[rel=alternate]:not([hreflang])")'),
                              encoding="utf-8")
        else:
            log.warning(f"{bundle.name}: Material's alternate-link lookup was not found; pages may fetch sitemaps")


MATERIAL_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def _valid_toggles(html: str) -> str:
    # Material's drawer and search toggles carry autocomplete="off", which HTML
    # allows on text-like inputs only; the W3C checker reports it on every page.
    # Its section labels in the navigation carry tabindex="", which is not a number.
    return MATERIAL_TOGGLE.sub(r"\1", html).replace(' tabindex=""', "")


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


def _clean(output: str) -> str:
    """A child's messages without MkDocs' own noise."""
    lines = [line for line in output.splitlines()
             if line.strip() and "Aborted with" not in line and not line.startswith("INFO")]
    return "\n".join(re.sub(r"^(ERROR|WARNING)\s+-\s+", "", line) for line in lines)


def _warning_count() -> int:
    for handler in logging.getLogger("mkdocs").handlers:
        if isinstance(handler, CountHandler):
            return sum(count for _level, count in handler.get_counts())
    return 0


__all__ = ["AcademyPlugin"]
