"""The `/// faq`, `/// quiz | ID`, `/// lessons`, `/// progress` and `/// glossary` blocks."""

from __future__ import annotations

import difflib
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from pymdownx.blocks.block import Block, type_string

from ..errors import Problem
from ..frontmatter import Document
from ..jsonld import dumps_for_script
from ..quiz.answer_key import KeyedQuiz, render_answer_keys
from ..quiz.render import render_quiz
from ..site import PageBuild, SourcePage

if TYPE_CHECKING:
    from ..interface import Interface
    from ..site import Academy, Course


class AcademyBlock(Block):
    @property
    def academy(self) -> Academy:
        return self.config["academy"]

    @property
    def page(self) -> PageBuild:
        """The record of the page being rendered: what this block found goes there."""
        build = self.academy.rendering
        if build is None:  # rendered outside a page build (a bare Markdown conversion)
            build = self.academy.rendering = PageBuild(SourcePage("", "", "", Document(), (), ()), lambda src: src)
        return build

    def stash(self, parent: etree.Element, html: str, tag: str = "div", cls: str = "") -> etree.Element:
        element = etree.SubElement(parent, tag, {"class": cls} if cls else {})
        element.text = self.md.htmlStash.store(html)
        return element


class Faq(AcademyBlock):
    """Questions as `### headings`, each followed by its answer; shown as an accordion."""

    NAME = "faq"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div", {"class": "academy-faq"})

    def on_end(self, block: etree.Element) -> None:
        self.page.set_aside = self.md.htmlStash.rawHtmlBlocks  # this page's: a new list at the next page's reset
        children = list(block)
        for child in children:
            block.remove(child)
        item = None
        first = len(self.page.faq)  # questions of earlier FAQ blocks on the page
        for child in children:
            if child.tag in ("h2", "h3", "h4", "h5", "h6"):
                item = etree.SubElement(block, "details", {"class": "academy-faq__item"})
                summary = etree.SubElement(item, "summary")
                summary.append(child)
                answer = etree.SubElement(item, "div", {"class": "academy-faq__answer"})
                self.page.faq.append((child, answer))
            elif item is not None:
                item[1].append(child)
            else:
                block.append(child)
        source = self.page.source
        for index, (heading, answer) in enumerate(self.page.faq[first:], start=first):
            question = " ".join("".join(heading.itertext()).split())
            line = source.faq_lines[index] if index < len(source.faq_lines) else 1
            if not question:
                self.page.problems.append(Problem(source.shown, line, "an FAQ question is empty",
                                                  "write the question after the ###"))
            elif not len(answer) and not (answer.text or "").strip():
                self.page.problems.append(Problem(source.shown, line, f"the FAQ question {question!r} has no answer",
                                                  "write the answer below the question, before the next ### or ///"))


def _missing_quiz_hint(quiz_id: str, folder: str, known: list[str]) -> str:
    """How to name a quiz that is there: the id without `.yml` or quotes, a near spelling, or a file to create."""
    bare = re.sub(r"\.ya?ml$", "", quiz_id.strip("\"'“”‘’"), flags=re.IGNORECASE)
    if bare != quiz_id and bare in known:
        return f"the id is the file name without `.yml` or quotes: `/// quiz | {bare}`"
    if not quiz_id or any(c.isspace() for c in quiz_id):
        return f"a quiz id is one word, the quiz's file name in {folder}/ without .yml: `/// quiz | first-steps`"
    lowered = {name.lower(): name for name in known}
    close = difflib.get_close_matches(bare.lower(), list(lowered), n=1, cutoff=0.75)
    if close:
        return f"did you mean `/// quiz | {lowered[close[0]]}`? or create {folder}/{quiz_id}.yml"
    return f"create {folder}/{quiz_id}.yml or fix the id"


class Quiz(AcademyBlock):
    NAME = "quiz"
    ARGUMENT = True
    OPTIONS = {}

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        quiz_id = type_string(self.argument).strip()
        quiz = self.academy.quizzes.get(quiz_id)
        if quiz is None:
            source = self.page.source
            folder = self.academy.quizzes_dir.name
            hint = _missing_quiz_hint(quiz_id, folder, sorted(self.academy.quizzes))
            self.page.problems.append(Problem(source.shown, source.quiz_line(quiz_id), f"no quiz {quiz_id!r} in {folder}/",
                                              hint))
            return etree.SubElement(parent, "div", {"class": "academy-quiz academy-quiz--missing"})
        self.page.quizzes.append(quiz_id)
        source = Path(self.academy.root) / quiz.path
        tr = self.academy.translator_for(source, self.page)
        return self.stash(parent, render_quiz(quiz, tr, self.academy.ui, self.academy.translators_elsewhere(source)))


STATUS = '<span class="academy-card__status" hidden></span>'


def course_cards(course: Course, ui: Interface, link: Callable[[str], str]) -> str:
    """A course's lessons as cards, and a "continue" link the script points at the next unfinished one.

    Cards carry their quiz id; the script writes each one's status from the trainee's saved results.
    """
    html = ['<ul class="academy-cards">']
    for lesson in course.lessons:
        minutes = ui.nt("reading.minutes", lesson.minutes)
        quiz = f' data-quiz="{escape(lesson.quiz)}"' if lesson.quiz else ""
        html.append(
            f'<li class="academy-card"{quiz}><a href="{escape(link(lesson.src))}">'
            f'<span class="academy-card__title">{escape(lesson.title)}</span> '
            f'<span class="academy-card__text">{escape(lesson.description)}</span> '
            f'<span class="academy-card__meta">{escape(minutes)}'
            f'{" " + STATUS if lesson.quiz else ""}</span></a></li>'
        )
    html.append("</ul>")
    html.append('<p class="academy-course__continue" hidden><a></a></p>')
    return "".join(html)


def course_listing(course: Course, ui: Interface, link: Callable[[str], str]) -> str:
    """What a course's own page adds below its introduction: its lessons."""
    # the cards repeat each lesson's title and description: search finds the lesson itself, and the
    # course page by its own introduction (a course page matching every lesson's words crowds the hits)
    return (f'<section class="academy-course academy-course--page" data-pagefind-ignore="all">'
            f'{course_cards(course, ui, link)}</section>')


class Lessons(AcademyBlock):
    """The courses and their lessons as cards."""

    NAME = "lessons"
    ARGUMENT = None

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        ui = self.academy.ui
        link = self.config["link"]
        self.page.listing = True
        html = ['<div class="academy-courses">']
        for course in self.academy.courses:
            count = ui.nt("lessons.count", len(course.lessons))
            html.append(
                f'<section class="academy-course"><h3 class="academy-course__title">'
                f'<a href="{escape(link(course.index.src))}">{escape(course.index.title)}</a></h3>'
                f'<p class="academy-course__meta">{escape(count)}</p>{course_cards(course, ui, link)}</section>'
            )
        html.append("</div>")
        return self.stash(parent, "".join(html))


class Progress(AcademyBlock):
    """Every lesson with its quiz; the script fills in status and best score."""

    NAME = "progress"
    ARGUMENT = None

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        ui = self.academy.ui
        link = self.config["link"]
        self.page.listing = True
        rows = []
        lessons = []
        for course in self.academy.courses:
            for lesson in course.lessons:
                if not lesson.quiz:
                    continue
                quiz = self.academy.quizzes.get(lesson.quiz)
                lessons.append({"quiz": lesson.quiz, "title": lesson.title,
                                "questions": [q.id for q in quiz.questions] if quiz else []})
                rows.append(
                    f'<tr data-quiz="{escape(lesson.quiz)}"><td><a href="{escape(link(lesson.src))}">{escape(lesson.title)}</a></td>'
                    f'<td data-status>{escape(ui.t("progress.not_started"))}</td><td data-best>–</td></tr>'
                )
        html = (
            '<div class="academy-progress">'
            f'<p class="academy-progress__local">{escape(ui.t("progress.local"))}</p>'
            # shown instead by academy.js where this browser keeps nothing (private mode, storage blocked or full)
            f'<p class="academy-progress__unsaved" role="status" hidden>{escape(ui.t("progress.unsaved"))}</p>'
            '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>'
            f'<thead><tr><th scope="col">{escape(ui.t("progress.lesson"))}</th><th scope="col">{escape(ui.t("progress.status"))}</th>'
            f'<th scope="col">{escape(ui.t("progress.best"))}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div></div>'
            '<p class="academy-progress__actions">'
            f'<button type="button" class="md-button" data-download="json">{escape(ui.t("progress.json"))}</button> '
            f'<button type="button" class="md-button" data-download="csv">{escape(ui.t("progress.csv"))}</button> '
            f'<button type="button" class="md-button" data-action="reset">{escape(ui.t("progress.reset"))}</button></p>'
            # a template, not a script: Material's instant navigation would run a script again as JavaScript
            f'<template class="academy-progress__lessons">{dumps_for_script(lessons)}</template>'
            "</div>"
        )
        return self.stash(parent, html)


class AnswerKeys(AcademyBlock):
    """The trainer's answer key of every quiz, lesson by lesson: a page for training leads, not trainees."""

    NAME = "answer-keys"
    ARGUMENT = None

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        link = self.config["link"]
        # out of the search index, the sitemap and search engines; no menu or lesson links here
        self.page.listing = True
        self.page.noindex = True
        keyed = []
        for course in self.academy.courses:
            for lesson in course.lessons:
                quiz = self.academy.quizzes.get(lesson.quiz) if lesson.quiz else None
                if quiz is None:
                    continue
                source = Path(self.academy.root) / quiz.path
                keyed.append(KeyedQuiz(quiz, self.academy.translator_for(source, self.page),
                                       self.academy.translators_elsewhere(source), lesson.title, link(lesson.src)))
        return self.stash(parent, render_answer_keys(keyed, self.academy.ui))


class Glossary(AcademyBlock):
    """Terms as `## headings`, each followed by its meaning. Each language lists them in its own
    alphabetical order, under a row of letters (see `academy.markdown.glossary`)."""

    NAME = "glossary"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div", {"class": "academy-glossary"})


__all__ = ["AnswerKeys", "Faq", "Glossary", "Quiz", "Lessons", "Progress", "course_cards", "course_listing"]
