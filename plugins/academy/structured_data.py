"""The JSON-LD blocks of one page: lesson, breadcrumbs, quizzes and FAQ.

The policy lives here, not in the engine adapter: what a lesson is, which
course it belongs to, and that an FAQ question is marked up once in the whole
site, on the first page that asks it.
"""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

from .errors import Problem
from .seo import breadcrumbs, faq_page, learning_resource, quiz_ld, sanitize_answer
from .site import Academy, PageBuild


def is_lesson(src: str) -> bool:
    """A lesson is a page inside a course folder, other than the course's own index."""
    parts = PurePosixPath(src).parts
    return len(parts) == 2 and parts[1] != "index.md"


def faq_entries(build: PageBuild) -> list[tuple[str, str, int]]:
    """(question text, answer HTML, English line) from the FAQ block's rendered elements."""
    entries = []
    for index, (heading, answer) in enumerate(build.faq):
        question = " ".join(_text(put_back(_html(heading), build.set_aside)).split())
        body = put_back("".join(etree.tostring(child, encoding="unicode", method="html") for child in answer),
                        build.set_aside)
        line = build.source.faq_lines[index] if index < len(build.source.faq_lines) else 1
        entries.append((question, body, line))
    return entries


@dataclass
class FaqRegistry:
    """Where each FAQ question is marked up, for one language: the first page, in the build's order,
    that asks it. A build that renders every page fills it as it goes; a build that renders only
    some pages (`serve --dirty`) sets it whole first, from every page (`incremental.py`)."""

    first: dict[str, str] = field(default_factory=dict)


_SET_ASIDE = re.compile(r"<p>\x02wzxhzdk:(\d+)\x03</p>|\x02wzxhzdk:(\d+)\x03")  # markdown.util.HTML_PLACEHOLDER


def put_back(html: str, set_aside: list) -> str:
    """Rendered HTML with what Markdown set aside put back in place of its placeholders, as Markdown does for
    the page itself (a block of raw HTML without the paragraph around its placeholder); a placeholder with
    nothing set aside for it is dropped."""
    def one(match: re.Match) -> str:
        index = int(match.group(1) or match.group(2))
        if index >= len(set_aside):
            return ""
        item = set_aside[index]
        return item if isinstance(item, str) else etree.tostring(item, encoding="unicode", method="html")

    for _ in range(8):  # what was set aside may hold placeholders of its own
        html, count = _SET_ASIDE.subn(one, html)
        if not count:
            break
    return _SET_ASIDE.sub("", html)


def _html(element: etree.Element) -> str:
    """The element's HTML, without the text that follows it."""
    alone = copy.copy(element)
    alone.tail = None
    return etree.tostring(alone, encoding="unicode", method="html")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _text(html: str) -> str:
    """What a reader reads of some HTML: its text, character references read."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def faq_questions(build: PageBuild) -> list[str]:
    """The page's FAQ questions, each once, in its order."""
    return list(dict.fromkeys(question for question, _answer, _line in faq_entries(build)))


@dataclass(frozen=True)
class SiteFacts:
    site_name: str
    site_url: str
    provider: str


def page_jsonld(edition: Academy, build: PageBuild, canonical_url: str, facts: SiteFacts,
                registry: FaqRegistry) -> list[dict]:
    language = edition.language.html_lang
    src = build.src
    blocks: list[dict] = []
    if is_lesson(src):
        info = edition.info(src)
        course_src = f"{PurePosixPath(src).parts[0]}/index.md"
        course = edition.info(course_src) if (edition.content / course_src).exists() else None
        course_url = canonical_url.rsplit("/", 2)[0] + "/" if canonical_url else ""
        blocks.append(learning_resource(info, canonical_url, language, facts.provider or facts.site_name,
                                        course.title if course else None, course_url))
        home = edition.info("index.md").title if (edition.content / "index.md").exists() else facts.site_name
        trail = [(home, facts.site_url)]
        if course:
            trail.append((course.title, course_url))
        trail.append((info.title, canonical_url))
        blocks.append(breadcrumbs(trail))
    for quiz_id in build.quizzes:
        quiz = edition.quizzes[quiz_id]
        tr = edition.translator_for(Path(edition.root) / quiz.path)
        blocks.append(quiz_ld(quiz, tr, edition.ui, language, f"{canonical_url}#quiz-{quiz.id}"))
    faq = []
    asked: set[str] = set()  # here, before: a question asked twice on the page is marked up once
    for question, answer, line in faq_entries(build):
        where = build.source.shown
        owner = registry.first.setdefault(question, where)
        if owner != where or question in asked:
            edition.report.warn(Problem(where, line, f"the FAQ question {question!r} is already marked up on "
                                        f"{owner}; it is left out of this page's FAQPage data",
                                        "ask each question once in the academy, or word the two differently"))
            continue
        asked.add(question)
        clean, stripped = sanitize_answer(answer)
        if stripped:
            edition.report.warn(Problem(where, line, f"FAQ answer to {question!r}: <{'>, <'.join(sorted(stripped))}> "
                                        "removed from the FAQPage structured data",
                                        "allowed: headings, p, lists, links, b/strong, i/em, br, div"))
        faq.append((question, clean))
    if faq:
        blocks.append(faq_page(faq, language, canonical_url))
    return blocks
