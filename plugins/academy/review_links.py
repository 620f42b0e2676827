"""A quiz's "Review: <section>" links: each names its heading, in the page's language."""

from __future__ import annotations

import re
from html import escape

from .errors import Problem, choices
from .site import Academy, PageBuild

REVIEW = re.compile(r'<a href="#([^"]*)" data-review="([^"]*)">[^<]*</a>')


def resolve_review_links(html: str, build: PageBuild, edition: Academy, titles: dict[str, str]) -> str:
    """The page's HTML with every review link labelled; a link to no heading is a problem of its quiz.

    `titles` maps each heading id of the page to its text, as the engine's table of contents has it.
    """

    def replace(match: re.Match) -> str:
        anchor = match.group(1)
        if anchor in titles:
            return f'<a href="#{anchor}">{escape(edition.ui.t("quiz.review", section=titles[anchor]))}</a>'
        quiz = next((q for q in (edition.quizzes.get(i) for i in build.quizzes) if q is not None
                     and any(question.review == "#" + anchor for question in q.questions)), None)
        line = next((question.review_line for question in quiz.questions if question.review == "#" + anchor), 1) if quiz else 1
        build.problems.append(Problem(quiz.path if quiz else build.source.shown, line,
                                      f"review link #{anchor} points at no heading of {build.source.shown}",
                                      "use the anchor of one of its headings: " + choices(["#" + t for t in titles])))
        return match.group(0)

    return REVIEW.sub(replace, html)
