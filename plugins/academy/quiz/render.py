"""A quiz as HTML that reads without JavaScript, plus the answer key for the script.

Questions and options are real form controls inside fieldsets with legends.
The answer key, feedback and explanations live only in a JSON <template> that
search indexing skips; nothing of them is in the visible markup. A template, not a
<script type="application/json">: Material's instant navigation runs again every
script of a page it swaps in, as inline JavaScript, which the page's policy refuses.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from html import escape

from ..interface import Interface
from ..jsonld import dumps_for_script
from .model import Matching, Numeric, Ordering, Question, Quiz, SingleChoice, TextAnswer, Translate, TrueFalse


def _shuffled(items: list, seed: str) -> list:
    # A fixed order per question, so the page is the same on every build and
    # the no-script view does not give the answer away.
    order = list(items)
    random.Random(seed).shuffle(order)
    if len(order) > 1 and order == list(items):
        order = order[1:] + order[:1]
    return order


def render_quiz(quiz: Quiz, tr: Translate, ui: Interface, others: Sequence[Translate] = ()) -> str:
    """``others`` translate into the site's other languages, for answers that count in any of them."""
    key = {
        "id": quiz.id,
        "passMark": quiz.pass_mark,
        "shuffle": quiz.shuffle,
        "questions": [],
    }
    html = [
        f'<section class="academy-quiz" id="quiz-{escape(quiz.id)}" data-quiz="{escape(quiz.id)}" '
        f'aria-label="{escape(tr(quiz.title))}" data-pagefind-ignore="all">',
        '<form class="academy-quiz__form" novalidate>',
    ]
    for number, question in enumerate(quiz.questions, start=1):
        body, data = _question(quiz, question, number, tr, ui, others)
        html.append(body)
        key["questions"].append(data)
    # the score and what to review come before "Try again", where the trainee's eyes already are
    html.append(
        '<div class="academy-quiz__summary" role="status" aria-live="polite"></div>'
        '<div class="academy-quiz__actions">'
        f'<button type="submit" class="md-button md-button--primary" disabled>{escape(ui.t("quiz.check"))}</button> '
        f'<button type="button" class="md-button" data-action="retry" hidden>{escape(ui.t("quiz.retry"))}</button>'
        # beside the button it explains, not a screen of questions above it
        f'<p class="academy-quiz__nojs">{escape(ui.t("quiz.nojs"))}</p>'
        "</div>"
        "</form>"
    )
    html.append(f'<template class="academy-quiz__key">{dumps_for_script(key)}</template>')
    html.append("</section>")
    return "".join(html)


def _question(quiz: Quiz, q: Question, number: int, tr: Translate, ui: Interface,
              others: Sequence[Translate]) -> tuple[str, dict]:
    base = f"{quiz.id}--{q.id}"
    data: dict = {"id": q.id, "type": q.type, "points": q.points, "rev": q.revision, "shuffle": q.shuffle}
    if q.explanation:
        data["explanation"] = tr(q.explanation)
    data.update(q.key(tr, ui, others))
    data["answerText"] = q.answer_text(tr, ui)
    out = [
        f'<fieldset class="academy-q" id="{escape(base)}" data-q="{escape(q.id)}" data-type="{q.type}">',
        f'<legend><span class="academy-q__n">{number}.</span> {escape(tr(q.text))}</legend>',
        CONTROLS[q.type](q, base, tr, ui),
    ]
    if q.hint:
        out.append(
            f'<details class="academy-q__hint"><summary>{escape(ui.t("quiz.hint"))}</summary>'
            f"<p>{escape(tr(q.hint))}</p></details>"
        )
    out.append('<div class="academy-q__feedback" aria-live="polite"></div>')
    if q.review:
        out.append(
            f'<p class="academy-q__review"><a href="{escape(q.review)}" data-review="{escape(q.review[1:])}">'
            f"{escape(q.review[1:])}</a></p>"
        )
    out.append("</fieldset>")
    return "".join(out), data


def _choices(q: SingleChoice | TrueFalse, base: str, tr: Translate, ui: Interface) -> str:
    kind = "checkbox" if q.type == "multiple" else "radio"
    labels = q.labels(tr, ui)
    order = _shuffled(list(range(len(labels))), base) if q.shuffle and q.type != "true_false" else list(range(len(labels)))
    out = ['<div class="academy-q__options">']
    for index in order:
        control = f"{base}--{index}"
        out.append(
            f'<div class="academy-q__option"><input type="{kind}" id="{escape(control)}" '
            f'name="{escape(base)}" value="{index}"><label for="{escape(control)}">{escape(labels[index])}</label></div>'
        )
    out.append("</div>")
    return "".join(out)


def _ordering(q: Ordering, base: str, tr: Translate, ui: Interface) -> str:
    items = [tr(item) for item in q.items]
    out = ['<ol class="academy-q__order">']
    for index in _shuffled(list(range(len(items))), base):
        control = f"{base}--{index}"
        options = "".join(f'<option value="{p}">{p}</option>' for p in range(1, len(items) + 1))
        out.append(
            # the step first, its position after it: read, then number
            f'<li data-item="{index}"><label for="{escape(control)}">{escape(items[index])}</label>'
            f'<select id="{escape(control)}" name="{escape(control)}">'
            f'<option value="">{escape(ui.t("quiz.position"))}</option>{options}</select></li>'
        )
    out.append("</ol>")
    return "".join(out)


def _matching(q: Matching, base: str, tr: Translate, ui: Interface) -> str:
    options = "".join(f'<option value="{i}">{escape(tr(choice))}</option>' for i, choice in enumerate(q.choices))
    out = ['<ul class="academy-q__match">']
    for index in _shuffled(list(range(len(q.pairs))), base) if q.shuffle else range(len(q.pairs)):
        control = f"{base}--{index}"
        out.append(
            f'<li data-item="{index}"><label for="{escape(control)}">{escape(tr(q.pairs[index].prompt))}</label>'
            f'<select id="{escape(control)}" name="{escape(control)}">'
            f'<option value="">{escape(ui.t("quiz.choose"))}</option>{options}</select></li>'
        )
    out.append("</ul>")
    return "".join(out)


def _typed(q: Numeric | TextAnswer, base: str, tr: Translate, ui: Interface) -> str:
    control = f"{base}--answer"
    if isinstance(q, Numeric):
        # an iPhone's decimal keypad has no minus key: where only a negative number is right, the keyboard
        # with a minus on it (a trainee switches it to digits), or the quiz could not be passed on the phone
        attrs = 'inputmode="decimal"' if q.answer + q.tolerance >= 0 else 'inputmode="text"'
        suffix = f'<span class="academy-q__unit">{escape(tr(q.unit))}</span>' if q.unit else ""
    else:
        attrs = 'autocapitalize="off" spellcheck="false"'
        suffix = ""
    return (
        f'<div class="academy-q__input"><label for="{escape(control)}">{escape(ui.t("quiz.answer"))}</label> '
        f'<input type="text" id="{escape(control)}" name="{escape(control)}" autocomplete="off" {attrs}>{suffix}</div>'
    )


# The form controls of each question type; the model gives everything else.
CONTROLS: dict[str, Callable[..., str]] = {
    "single": _choices, "multiple": _choices, "true_false": _choices,
    "ordering": _ordering, "matching": _matching, "numeric": _typed, "text": _typed,
}


def lead_to_quiz(html: str, quiz: Quiz, ui: Interface) -> str:
    """A lesson's HTML with a link to its quiz under the title, so a trainee sees there is one and how long it is."""
    end = html.find("</h1>")
    if end < 0:
        return html
    end += len("</h1>")
    count = len(quiz.questions)
    link = (f'<p class="academy-quiz-link" data-pagefind-ignore="all"><a href="#quiz-{escape(quiz.id)}">'
            f'{escape(ui.nt("quiz.jump", count))}<span aria-hidden="true"> ↓</span></a></p>')
    return html[:end] + link + html[end:]
