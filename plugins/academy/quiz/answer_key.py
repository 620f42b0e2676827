"""A trainer's answer key: every question of a quiz with its right answers and feedback, as HTML.

Built for the answer-key page only, which trainees are not led to and which search leaves out;
it reads printed as well as on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from babel.numbers import format_percent

from ..interface import Interface
from ..languages import KNOWN_LANGUAGES
from .model import KeyAnswer, Question, Quiz, Translate


@dataclass(frozen=True)
class KeyedQuiz:
    """A quiz and the lesson it belongs to, in the page's language."""

    quiz: Quiz
    tr: Translate
    others: Sequence[Translate]  # the site's other languages, whose typed answers count too
    lesson_title: str
    lesson_href: str


def section_id(quiz: Quiz) -> str:
    return f"key-{quiz.id}"


def render_answer_keys(keyed: Sequence[KeyedQuiz], ui: Interface) -> str:
    if not keyed:
        return f'<p class="academy-keys__none">{escape(ui.trainer("key.none"))}</p>'
    contents = "".join(f'<li><a href="#{escape(section_id(k.quiz))}">{escape(k.tr(k.quiz.title))}</a></li>' for k in keyed)
    html = [f'<div class="academy-keys"><nav class="academy-keys__contents" aria-label="{escape(ui.trainer("key.contents"))}">'
            f"<ul>{contents}</ul></nav>"]
    html += [render_answer_key(k, ui) for k in keyed]
    html.append("</div>")
    return "".join(html)


def render_answer_key(k: KeyedQuiz, ui: Interface) -> str:
    quiz, tr = k.quiz, k.tr
    pass_mark = format_percent(quiz.pass_mark / 100, locale=KNOWN_LANGUAGES[ui.lang].babel_locale)
    lesson = f'<a href="{escape(k.lesson_href)}">{escape(k.lesson_title)}</a>'
    # the lesson link is markup around an escaped title; the string itself is escaped before it goes in
    meta = escape(ui.trainer("key.lesson", lesson="\x00")).replace("\x00", lesson)
    html = [
        f'<section class="academy-key" id="{escape(section_id(quiz))}" aria-labelledby="{escape(section_id(quiz))}-title">',
        f'<h2 id="{escape(section_id(quiz))}-title">{escape(tr(quiz.title))}</h2>',
        f'<p class="academy-key__meta">{meta} · {escape(ui.trainer("key.pass_mark", pass_mark=pass_mark))}</p>',
        '<ol class="academy-key__questions">',
    ]
    html += [_question(q, tr, ui, k.others) for q in quiz.questions]
    html.append("</ol></section>")
    return "".join(html)


def _question(q: Question, tr: Translate, ui: Interface, others: Sequence[Translate]) -> str:
    answer: KeyAnswer = q.answer_key(tr, ui, others)
    out = [f'<li class="academy-key__q" data-q="{escape(q.id)}"><p class="academy-key__text">{escape(tr(q.text))}</p>',
           f'<p class="academy-key__label">{escape(ui.trainer(answer.label))}</p>']
    tag = "ol" if answer.ordered else "ul"
    out.append(f'<{tag} class="academy-key__answers">')
    for line in answer.lines:
        if line.right is None:
            out.append(f"<li>{escape(line.text)}")
        else:
            mark, said = ("✓", ui.t("quiz.row_right")) if line.right else ("✗", ui.t("quiz.row_wrong"))
            out.append(f'<li class="{"is-right" if line.right else "is-wrong"}"><span class="academy-q__mark" aria-hidden="true">'
                       f'{mark}</span> <span class="academy-sr">{escape(said)} </span>{escape(line.text)}')
        if line.feedback:
            out.append(f'<p class="academy-key__feedback">{escape(ui.trainer("key.feedback", feedback=line.feedback))}</p>')
        out.append("</li>")
    out.append(f"</{tag}>")
    if answer.accepted_range:
        low, high = answer.accepted_range
        out.append(f'<p class="academy-key__range">{escape(ui.trainer("key.range", low=low, high=high))}</p>')
    if q.hint:
        out.append(f'<p class="academy-key__hint">{escape(ui.trainer("key.hint", hint=tr(q.hint)))}</p>')
    if q.explanation:
        out.append(f'<p class="academy-key__explanation">{escape(ui.trainer("key.explanation", explanation=tr(q.explanation)))}</p>')
    out.append("</li>")
    return "".join(out)
