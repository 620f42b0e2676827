"""A quiz as HTML that reads without JavaScript, plus the answer key for the script.

Questions and options are real form controls inside fieldsets with legends.
The answer key, feedback and explanations live only in a JSON script element
that search indexing skips; nothing of them is in the visible markup.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from html import escape

from ..interface import Interface
from ..jsonld import dumps_for_script
from .model import Question, Quiz

Translate = Callable[[str], str]


def _shuffled(items: list, seed: str) -> list:
    # A fixed order per question, so the page is the same on every build and
    # the no-script view does not give the answer away.
    order = list(items)
    random.Random(seed).shuffle(order)
    if len(order) > 1 and order == list(items):
        order = order[1:] + order[:1]
    return order


def render_quiz(quiz: Quiz, tr: Translate, ui: Interface) -> str:
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
        body, data = _question(quiz, question, number, tr, ui)
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
    html.append(f'<script type="application/json" class="academy-quiz__key">{dumps_for_script(key)}</script>')
    html.append("</section>")
    return "".join(html)


def _question(quiz: Quiz, q: Question, number: int, tr: Translate, ui: Interface) -> tuple[str, dict]:
    base = f"{quiz.id}--{q.id}"
    data: dict = {"id": q.id, "type": q.type, "points": q.points, "rev": q.revision, "shuffle": q.shuffle}
    if q.explanation:
        data["explanation"] = tr(q.explanation)
    out = [
        f'<fieldset class="academy-q" id="{escape(base)}" data-q="{escape(q.id)}" data-type="{q.type}">',
        f'<legend><span class="academy-q__n">{number}.</span> {escape(tr(q.text))}</legend>',
    ]
    if q.type in ("single", "multiple", "true_false"):
        kind = "checkbox" if q.type == "multiple" else "radio"
        if q.type == "true_false":
            labels = [ui.t("quiz.true"), ui.t("quiz.false")]
            data["correct"] = [0 if q.answer else 1]
            data["answerText"] = labels[data["correct"][0]]
            order = [0, 1]
        else:
            labels = [tr(o.text) for o in q.options]
            data["correct"] = [i for i, o in enumerate(q.options) if o.correct]
            data["feedback"] = [tr(o.feedback) if o.feedback else "" for o in q.options]
            data["answerText"] = "; ".join(labels[i] for i in data["correct"])
            order = _shuffled(list(range(len(labels))), base) if q.shuffle else list(range(len(labels)))
        out.append('<div class="academy-q__options">')
        for index in order:
            control = f"{base}--{index}"
            out.append(
                f'<div class="academy-q__option"><input type="{kind}" id="{escape(control)}" '
                f'name="{escape(base)}" value="{index}"><label for="{escape(control)}">{escape(labels[index])}</label></div>'
            )
        out.append("</div>")
    elif q.type == "ordering":
        items = [tr(item) for item in q.items]
        data["answerText"] = " → ".join(items)
        out.append('<ol class="academy-q__order">')
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
    elif q.type == "matching":
        choices = list(q.choices)
        shown = [tr(choice) for choice in choices]
        data["correct"] = [choices.index(pair.answer) for pair in q.pairs]
        data["answerText"] = "; ".join(f"{tr(p.prompt)} → {tr(p.answer)}" for p in q.pairs)
        options = "".join(f'<option value="{i}">{escape(text)}</option>' for i, text in enumerate(shown))
        out.append('<ul class="academy-q__match">')
        for index in _shuffled(list(range(len(q.pairs))), base) if q.shuffle else range(len(q.pairs)):
            control = f"{base}--{index}"
            out.append(
                f'<li data-item="{index}"><label for="{escape(control)}">{escape(tr(q.pairs[index].prompt))}</label>'
                f'<select id="{escape(control)}" name="{escape(control)}">'
                f'<option value="">{escape(ui.t("quiz.choose"))}</option>{options}</select></li>'
            )
        out.append("</ul>")
    else:
        control = f"{base}--answer"
        if q.type == "numeric":
            data["answer"] = q.answer
            data["tolerance"] = q.tolerance
            unit = tr(q.unit) if q.unit else ""
            data["answerText"] = f"{q.answer:g}{unit}"
            attrs = 'inputmode="decimal"'
            suffix = f'<span class="academy-q__unit">{escape(unit)}</span>' if unit else ""
        else:
            accepted = list(dict.fromkeys([*q.answers, *(tr(a) for a in q.answers)]))
            data["answers"] = accepted
            data["answerText"] = tr(q.answers[0])
            attrs = 'autocapitalize="off" spellcheck="false"'
            suffix = ""
        out.append(
            f'<div class="academy-q__input"><label for="{escape(control)}">{escape(ui.t("quiz.answer"))}</label> '
            f'<input type="text" id="{escape(control)}" name="{escape(control)}" autocomplete="off" {attrs}>{suffix}</div>'
        )
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
