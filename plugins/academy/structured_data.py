"""The JSON-LD blocks of one page: lesson, breadcrumbs, quizzes and FAQ.

The policy lives here, not in the engine adapter: what a lesson is, which
course it belongs to, and that an FAQ question is marked up once in the whole
site, on the first page that asks it.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
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
        question = " ".join("".join(heading.itertext()).split())
        body = "".join(etree.tostring(child, encoding="unicode", method="html") for child in answer)
        line = build.source.faq_lines[index] if index < len(build.source.faq_lines) else 1
        entries.append((question, body, line))
    return entries


@dataclass
class FaqRegistry:
    """Where each FAQ question is marked up, for one language: the first page, in the build's order,
    that asks it. A build that renders every page fills it as it goes; a build that renders only
    some pages (`serve --dirty`) sets it whole first, from every page (`incremental.py`)."""

    first: dict[str, str] = field(default_factory=dict)


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
