"""The trainer's answer key: every answer and feedback of every quiz, in each language, kept from trainees.

Read in the built site with html5lib, in search indexes and sitemaps as built, and printed in Chromium.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import html5lib
import pytest

import sitekit
from academy.interface import Interface
from academy.quiz.answer_key import KeyedQuiz, render_answer_keys
from academy.quiz.load import load_quizzes
from test_site_build import _index_texts

NS = {"h": "http://www.w3.org/1999/xhtml"}
KEY_PAGE = "answer-keys/index.html"


def parse(built: sitekit.Built, path: str):
    return html5lib.parse(built.html(path), namespaceHTMLElements=False)


def text_of(element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def questions(built: sitekit.Built, prefix: str) -> dict[str, object]:
    doc = parse(built, prefix + KEY_PAGE)
    return {li.get("data-q"): li for li in doc.iter("li") if "academy-key__q" in (li.get("class") or "")}


def test_the_english_key_lists_every_right_answer_with_its_feedback(built_site):
    q = questions(built_site, "")
    assert list(q) == ["research", "share", "kinds", "fmot-seconds", "order", "match", "word"]
    research = q["research"]
    options = [(li.get("class"), text_of(li), text_of(li.find("p"))) for li in research.iter("li") if li.get("class") in ("is-right", "is-wrong")]
    assert options == [
        ("is-right", "✓ Right: Reads reviewsFeedback: Yes, reviews come first.", "Feedback: Yes, reviews come first."),
        ("is-wrong", "✗ Wrong: SleepsFeedback: Secretfeedbackword is not the answer.",
         "Feedback: Secretfeedbackword is not the answer."),
    ]
    assert "Explanation: Shoppers research first." in text_of(research)
    assert "Hint: Think of what you do before you buy something online." in text_of(research)
    assert [text_of(li) for li in q["kinds"].iter("li") if li.get("class") == "is-right"] == [
        "✓ Right: A support chat", "✓ Right: A product review"]
    assert "53%" in text_of(q["share"]) and "Any number from 51% to 55% counts." in text_of(q["share"])
    assert "Right answer:True" in text_of(q["fmot-seconds"])
    steps = q["order"].find(".//ol")
    assert [text_of(li) for li in steps.iter("li")] == ["Need", "Research", "Purchase"]
    assert [text_of(li) for li in q["match"].iter("li")][1:] == [
        "Reading reviews at night → ZMOT", "Picking a box from the shelf → FMOT"]
    # every form that counts on the English page: English first, then the Russian translator's forms
    forms = [text_of(li) for li in q["word"].iter("li")][1:]
    assert forms == ["nag-research", "исследование", "изучение", "учёт отзывов"]


def test_the_russian_key_is_in_russian_with_the_russian_forms_first(built_site):
    q = questions(built_site, "ru/")
    research = text_of(q["research"])
    assert "Читает отзывы" in research and "Да, сначала отзывы." in research and "Секретноеслово — не ответ." in research
    assert [text_of(li) for li in q["order"].find(".//ol").iter("li")] == ["Потребность", "Изучение", "Покупка"]
    assert [text_of(li) for li in q["word"].iter("li")][1:] == ["исследование", "изучение", "учёт отзывов", "nag-research"]
    doc = parse(built_site, "ru/" + KEY_PAGE)
    lesson = doc.find(".//p[@class='academy-key__meta']/a")
    assert lesson.text == "Первые шаги" and lesson.get("href") == "../journey/first-steps/"
    assert "80\u00a0%" in "".join(doc.find(".//p[@class='academy-key__meta']").itertext())  # Russian number format


@pytest.mark.parametrize("prefix", ["", "fil/", "ru/"])
def test_the_key_is_kept_from_search_engines_the_sitemap_and_the_search_index(built_site, prefix):
    doc = parse(built_site, prefix + KEY_PAGE)
    robots = [m.get("content") for m in doc.iter("meta") if m.get("name") == "robots"]
    assert robots == ["noindex"]
    assert not [link for link in doc.iter("link") if link.get("hreflang")]  # offered to no search engine
    assert "data-pagefind-body" not in built_site.html(prefix + KEY_PAGE)
    assert "answer-keys" not in built_site.html(prefix + "sitemap.xml")
    _languages, index = _index_texts(built_site.site / prefix if prefix else built_site.site)
    assert "For trainers only" not in index and "Answer keys" not in index
    assert "Secretfeedbackword" not in index and "Секретноеслово" not in index


def test_no_trainee_page_links_to_the_key(built_site):
    """Not in a menu, a lesson, a card or the progress page: only its address leads there."""
    for path in sorted(built_site.site.rglob("*.html")):
        relative = path.relative_to(built_site.site).as_posix()
        if relative.endswith(KEY_PAGE) or relative.startswith("pagefind/"):
            continue
        doc = html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)
        hrefs = [a.get("href") or "" for a in doc.iter("a")] + [link.get("href") or "" for link in doc.iter("link")]
        assert not [h for h in hrefs if "answer-keys" in h], relative


def _quiz(tmp_path: Path, text: str):
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "hostile.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    return load_quizzes(tmp_path / "quizzes", tmp_path)["hostile"]


def test_what_an_editor_or_translator_writes_reaches_the_key_escaped(tmp_path):
    quiz = _quiz(tmp_path, """\
        id: hostile
        title: "<script>alert(1)</script> quiz"
        questions:
          - id: one
            type: single
            text: Is <b>this</b> bold?
            options:
              - {text: "<img src=x onerror=alert(1)>", correct: true, feedback: "&amp; <i>no</i>"}
              - {text: No}
          - id: two
            type: text
            text: Type it
            answers: ["<u>x</u>"]
        """)
    html = render_answer_keys([KeyedQuiz(quiz, lambda s: s, [lambda s: "<em>form</em>|ok" if s == "<u>x</u>" else s],
                                         'Lesson "<1>"', "lesson/?a=1&b=<2>")], Interface("en", None))
    doc = html5lib.parse(html, namespaceHTMLElements=False)
    assert not [e for e in doc.iter() if e.tag in ("script", "img", "b", "i", "u", "em")]
    text = text_of(doc)
    for shown in ("<script>alert(1)</script> quiz", "Is <b>this</b> bold?", "<img src=x onerror=alert(1)>",
                  "&amp; <i>no</i>", "<u>x</u>", "<em>form</em>", "ok", 'Lesson "<1>"'):
        assert shown in text
    assert doc.find(".//p[@class='academy-key__meta']/a").get("href") == "lesson/?a=1&b=<2>"


def test_an_academy_without_quizzes_says_so():
    html = render_answer_keys([], Interface("en", None))
    assert text_of(html5lib.parse(html, namespaceHTMLElements=False)) == "No lesson has a quiz yet."


@pytest.mark.browser
def test_printed_each_quiz_starts_a_sheet_and_no_question_splits(built_site, site_server, page, tmp_path):
    page.goto(f"{site_server}/ru/answer-keys/")
    page.emulate_media(media="print")
    shown = page.evaluate("""() => ({
        contents: getComputedStyle(document.querySelector('.academy-keys__contents')).display,
        header: getComputedStyle(document.querySelector('.md-header')).display,
        question: getComputedStyle(document.querySelector('.academy-key__q')).breakInside,
        answers: document.querySelector('.academy-key__answers').offsetHeight > 0,
    })""")
    assert shown == {"contents": "none", "header": "none", "question": "avoid", "answers": True}
    # two quizzes: the second starts a new sheet
    page.evaluate("""() => { const s = document.querySelector('.academy-key');
        s.parentNode.appendChild(s.cloneNode(true)); }""")
    breaks = page.evaluate("() => Array.from(document.querySelectorAll('.academy-key')).map(s => getComputedStyle(s).breakBefore)")
    assert breaks[0] != "page" and breaks[1] == "page"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert page.errors == []
