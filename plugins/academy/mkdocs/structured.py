"""What the templates get: language links, notices, interface strings, JSON-LD."""

from __future__ import annotations

import logging
import posixpath
import re
from html import escape, unescape
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Problem
from ..jsonld import dumps_for_script
from ..languages import KNOWN_LANGUAGES
from ..plaintext import plain
from ..seo import breadcrumbs, faq_page, learning_resource, quiz_ld, sanitize_answer

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from ..site import Academy
    from .plugin import AcademyPlugin

log = logging.getLogger("mkdocs.plugins.academy")

REVIEW = re.compile(r'<a href="#([^"]*)" data-review="([^"]*)">[^<]*</a>')
TAGS = re.compile(r"<[^>]+>")


def _toc_titles(page: Page) -> dict[str, str]:
    titles: dict[str, str] = {}

    def walk(items) -> None:
        for item in items:
            titles[item.id] = unescape(TAGS.sub("", item.title))
            walk(item.children)

    walk(page.toc)
    return titles


def resolve_review_links(html: str, page: Page, academy: Academy) -> tuple[str, list[Problem]]:
    """Give every quiz's "Review: ..." link its heading's text; a missing heading is an error."""
    titles = _toc_titles(page)
    problems: list[Problem] = []

    def replace(match: re.Match) -> str:
        anchor = match.group(1)
        if anchor not in titles:
            quiz = next((q for q in academy.quizzes.values() for question in q.questions
                         if question.review == "#" + anchor), None)
            line = next((question.line for question in quiz.questions if question.review == "#" + anchor), 1) if quiz else 1
            problems.append(Problem(quiz.path if quiz else page.file.src_uri, line,
                                    f"review link #{anchor} points at no heading of content/{page.file.src_uri}",
                                    "use the anchor of one of its headings: " + ", ".join("#" + t for t in list(titles)[:8])))
            return match.group(0)
        label = academy.ui.t("quiz.review", section=titles[anchor])
        return f'<a href="#{anchor}">{escape(label)}</a>'

    return REVIEW.sub(replace, html), problems


def faq_entries(faq) -> list[tuple[str, str]]:
    """(question text, answer HTML) from the FAQ block's rendered elements."""
    import xml.etree.ElementTree as etree

    entries = []
    for heading, answer in faq:
        question = " ".join("".join(heading.itertext()).split())
        body = "".join(etree.tostring(child, encoding="unicode", method="html") for child in answer)
        entries.append((question, body))
    return entries


def hreflang_links(plugin: AcademyPlugin, page_url: str, src: str, fallback: bool) -> list[dict]:
    """The hreflang alternates of a page: only languages where it is fully translated, or none."""
    if fallback:
        return []
    translated = plugin.translated_elsewhere(src)
    links = [{"hreflang": KNOWN_LANGUAGES[code].hreflang, "url": _page_url(plugin, code, page_url)}
             for code in plugin.codes if code == plugin.language.code or translated.get(code, True)]
    links.append({"hreflang": "x-default", "url": _page_url(plugin, plugin.codes[0], page_url)})
    return links


def sitemap_entries(plugin: AcademyPlugin, pages) -> dict[str, list[dict]]:
    """src_uri -> alternates, for every page search engines may index in this language."""
    entries = {}
    for file in pages:
        page = file.page
        if page is None or page.url is None:
            continue
        fallback = bool(page.meta.get("academy_missing")) and not plugin.academy.is_source
        if fallback:
            continue  # noindex: not offered to search engines in this language
        entries[file.src_uri] = hreflang_links(plugin, page.url, file.src_uri, fallback)
    return entries


def _page_url(plugin: AcademyPlugin, code: str, page_url: str) -> str:
    prefix = "" if code == plugin.codes[0] else f"{code}/"
    return plugin.base_url + prefix + page_url


def page_context(plugin: AcademyPlugin, page: Page | None, config: MkDocsConfig) -> dict:
    academy = plugin.academy
    language = plugin.language
    ui = {key: plain(text) for key, text in academy.ui.strings().items()}  # escaped when printed
    context: dict = {
        "ui": ui,
        "og_locale": language.og_locale,
        "og_alternates": [KNOWN_LANGUAGES[c].og_locale for c in plugin.codes if c != language.code],
        "alternates": [],
        "hreflang": [],
        "jsonld": [],
        "fallback": False,
        "outdated": False,
        "noindex": False,
        "is_lesson": False,
    }
    page_url = page.url if page is not None else ""
    here = "/" + (language.code + "/" if language.code != plugin.codes[0] else "") + page_url
    here_dir = here if here.endswith("/") else posixpath.dirname(here) + "/"
    for code in plugin.codes:
        target = "/" + (code + "/" if code != plugin.codes[0] else "") + page_url
        href = posixpath.relpath(target, here_dir)
        if target.endswith("/") and not href.endswith("/"):
            href += "/"
        other = KNOWN_LANGUAGES[code]
        context["alternates"].append({"code": code, "name": other.name, "html_lang": other.html_lang,
                                      "href": href, "current": code == language.code})
    if page is not None:
        missing = page.meta.get("academy_missing", 0)
        context["fallback"] = bool(missing) and not academy.is_source
        context["outdated"] = bool(page.meta.get("academy_outdated"))
        # A page that falls back to English is not offered to search engines as a translation.
        context["noindex"] = context["fallback"]
        context["hreflang"] = hreflang_links(plugin, page_url, page.file.src_uri, context["noindex"])
        context["jsonld"] = [dumps_for_script(block) for block in _jsonld(plugin, page, config)]
        parts = page.file.src_uri.split("/")
        context["is_lesson"] = len(parts) == 2 and parts[1] != "index.md"
    plurals = academy.ui.plurals()
    context["script_config"] = dumps_for_script({
        "lang": language.html_lang,
        "plural": academy.ui.plural_table(),
        "strings": ui,
        "plurals": plurals,
        "root": posixpath.relpath("/" + ("" if language.code == plugin.codes[0] else language.code + "/"), here_dir) + "/",
        "search": posixpath.relpath("/" + ("" if language.code == plugin.codes[0] else language.code + "/") + "pagefind/pagefind.js", here_dir),
    })
    return context


def _jsonld(plugin: AcademyPlugin, page: Page, config: MkDocsConfig) -> list[dict]:
    language = plugin.language.html_lang
    blocks: list[dict] = []
    parts = page.file.src_uri.split("/")
    if len(parts) == 2 and parts[1] != "index.md":
        info = plugin.academy.info(page.file.src_uri)
        course_src = f"{parts[0]}/index.md"
        course = plugin.academy.info(course_src) if (Path(config.docs_dir) / course_src).exists() else None
        course_url = page.canonical_url.rsplit("/", 2)[0] + "/" if page.canonical_url else ""
        blocks.append(learning_resource(info, page.canonical_url or "", language, plugin.config.provider or config.site_name,
                                        course.title if course else None, course_url))
        trail = [(plugin.academy.info("index.md").title if (Path(config.docs_dir) / "index.md").exists() else config.site_name,
                  config.site_url)]
        if course:
            trail.append((course.title, course_url))
        trail.append((info.title, page.canonical_url or ""))
        blocks.append(breadcrumbs(trail))
    for quiz_id in page.meta.get("academy_quizzes") or []:
        quiz = plugin.academy.quizzes.get(quiz_id)
        if quiz is not None:
            tr = plugin.academy.translator_for(Path(plugin.academy.root) / quiz.path)
            blocks.append(quiz_ld(quiz, tr, plugin.academy.ui, language, f"{page.canonical_url or ''}#quiz-{quiz.id}"))
    faq = []
    for question, answer in page.meta.get("academy_faq") or []:
        # A question is marked up once in the whole site, on the first page that asks it.
        where = f"content/{page.file.src_uri}:{_question_line(page, question)}"
        if question in plugin.faq_marked_up:
            log.warning(f"{where}: the FAQ question {question!r} is already marked up on "
                        f"{plugin.faq_marked_up[question]}; it is left out of this page's FAQPage data")
            continue
        plugin.faq_marked_up[question] = f"content/{page.file.src_uri}"
        clean, stripped = sanitize_answer(answer)
        if stripped:
            log.warning(f"{where}: FAQ answer to {question!r}: <{'>, <'.join(sorted(stripped))}> "
                        "removed from the FAQPage structured data (allowed: headings, p, lists, links, b/strong, i/em, br, div)")
        faq.append((question, clean))
    if faq:
        blocks.append(faq_page(faq, language, page.canonical_url or ""))
    return blocks


def _question_line(page: Page, question: str) -> int:
    """The line of an FAQ question in the English source (1 if it is only in a translation)."""
    try:
        lines = Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
    except (OSError, TypeError):
        return 1
    for number, line in enumerate(lines, start=1):
        if line.lstrip("#").strip() == question and line.startswith("#"):
            return number
    return 1


def write_sitemap_index(site: Path, base_url: str, codes: list[str]) -> None:
    """The root sitemap index, listing each language's own sitemap."""
    entries = "".join(
        f"<sitemap><loc>{escape(base_url + ('' if code == codes[0] else code + '/') + 'sitemap.xml')}</loc></sitemap>"
        for code in codes
    )
    (site / "sitemap-index.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>\n',
        encoding="utf-8",
    )
