"""What a quiz is, independent of how it is written or shown.

Each question type is one class, the single home of everything that differs
between types: how it is built from validated YAML, the rules a schema cannot
say, the strings a translator sees (with their comments), the answer text a
trainee and a search engine read, and the data academy.js scores with. A new
type is a class here, a control in ``render.py`` and a case in academy.js.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from ..numbers import format_number

Translate = Callable[[str], str]
ALTERNATIVES = "|"  # separates accepted forms of a typed answer in a translation
ANSWER_COMMENT = ("quiz accepted answer (trainees type it; keep it short). To accept several forms, separate them with |, "
                  "e.g. emotional|emotion; the first is shown as the right answer")


def has_word(form: str) -> bool:
    """Whether a typed answer holds a letter or a digit (accents, which the script ignores, aside)."""
    return any(char.isalnum() for char in unicodedata.normalize("NFD", form) if not unicodedata.combining(char))


class Strings(Protocol):
    """The interface strings a question needs (``academy.interface.Interface``)."""

    lang: str  # numbers in answer texts follow this language's conventions

    def t(self, key: str, **values: Any) -> str: ...


@dataclass(frozen=True)
class Message:
    """A string a trainee reads, for the translators' catalog."""

    line: int
    text: str
    comment: str


@dataclass(frozen=True)
class Rule:
    """A problem only Python can see, at its line."""

    line: int
    message: str
    hint: str


@dataclass(frozen=True)
class KeyLine:
    """One line of a trainer's answer key: an option, a step, a pair or an accepted form."""

    text: str
    right: bool | None = None  # an option: whether it is a right one; None for anything else
    feedback: str = ""


@dataclass(frozen=True)
class KeyAnswer:
    """A question's right answer as a trainer's answer key lists it."""

    label: str  # the trainer string that introduces the lines (``academy.interface.TRAINER_STRINGS``)
    lines: tuple[KeyLine, ...]
    ordered: bool = False  # the lines' order is the answer
    accepted_range: tuple[str, str] | None = None  # a number: the lowest and highest value that count


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool = False
    feedback: str = ""
    line: int = 0


@dataclass(frozen=True)
class Pair:
    prompt: str
    answer: str
    line: int = 0


def _text(value: Any) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True, kw_only=True)
class Question:
    id: str
    text: str
    line: int
    points: float = 1
    hint: str = ""
    explanation: str = ""
    review: str = ""
    review_line: int = 0
    hint_line: int = 0
    shuffle: bool = True

    type: ClassVar[str]
    schema_org_type: ClassVar[str]  # schema.org eduQuestionType

    @classmethod
    def build(cls, raw: dict, line_of: Callable[[tuple], int], shuffle: bool) -> Question:
        """The question of one validated YAML mapping; ``line_of`` gives the line of a key path within it."""
        common = dict(
            id=raw["id"], text=str(raw["text"]), line=line_of(()), points=float(raw.get("points", 1)),
            hint=_text(raw.get("hint")), explanation=_text(raw.get("explanation")), review=raw.get("review", ""),
            review_line=line_of(("review",)) if "review" in raw else 0, shuffle=raw.get("shuffle", shuffle),
            hint_line=line_of(("hint",)) if "hint" in raw else 0,
        )
        return cls(**common, **cls._own(raw, line_of))

    @classmethod
    def _own(cls, raw: dict, line_of: Callable[[tuple], int]) -> dict:
        return {}

    def rules(self) -> Iterator[Rule]:
        return iter(())

    def hint_rules(self) -> Iterator[Rule]:
        """A hint that gives the answer away: shown before answering, it would pass every trainee who opens it."""
        if not self.hint:
            return
        hint = _words(self.hint)
        for answer in self.given_away_by():
            words = _words(answer)
            if words and (words == hint or (len(words) > 1 or self.type == "text") and _holds(hint, words)):
                yield Rule(self.hint_line or self.line,
                           f"the hint gives the answer away: {json.dumps(self.hint, ensure_ascii=False)} "
                           f"{'is' if words == hint else 'holds'} the right answer {json.dumps(answer, ensure_ascii=False)}",
                           "a hint is shown before answering: point to where the lesson teaches it, "
                           "e.g. `hint: Think of what people do before they buy.`, without naming the answer")
                return

    def given_away_by(self) -> tuple[str, ...]:
        """The right answers a hint must not name (none for a type whose answer is not words)."""
        return ()

    def messages(self) -> Iterator[Message]:
        yield Message(self.line, self.text, "quiz question")
        yield from self._own_messages()
        if self.hint:
            yield Message(self.line, self.hint, "quiz hint")
        if self.explanation:
            yield Message(self.line, self.explanation, "quiz explanation, shown after answering")

    def _own_messages(self) -> Iterator[Message]:
        return iter(())

    def answer_text(self, tr: Translate, ui: Strings) -> str:
        """The right answer as one line of text, shown after a wrong attempt."""
        raise NotImplementedError

    def accepted_answers(self, tr: Translate, ui: Strings) -> list[str]:
        return [self.answer_text(tr, ui)]

    def suggested_answers(self, tr: Translate) -> list[str]:
        """Wrong answers the question offers (structured data lists them)."""
        return []

    def answer_key(self, tr: Translate, ui: Strings, others: Sequence[Translate] = ()) -> KeyAnswer:
        """The right answer for a trainer's answer key, in the page's language."""
        return KeyAnswer("key.answer", (KeyLine(self.answer_text(tr, ui)),))

    def key(self, tr: Translate, ui: Strings, others: Sequence[Translate] = ()) -> dict:
        """What academy.js needs to score this type, beyond the common fields.

        ``others`` translate into the site's other languages: a verdict must not depend on the
        language of the page, so whatever counts in one language counts on every page."""
        return {}

    @property
    def revision(self) -> str:
        """Changes when the English question changes; saved progress for it is then dropped."""
        data = {"id": self.id, "type": self.type, "text": self.text, "points": self.points, "hint": self.hint,
                "explanation": self.explanation, "review": self.review, "shuffle": self.shuffle, "options": [],
                "answer": None, "tolerance": 0, "unit": "", "items": [], "pairs": [], "answers": []}
        data.update(self._revised())
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:10]

    def _revised(self) -> dict:
        return {}


@dataclass(frozen=True, kw_only=True)
class SingleChoice(Question):
    options: tuple[Option, ...]
    options_line: int = 0
    type = "single"
    schema_org_type = "Multiple choice"

    @classmethod
    def _own(cls, raw, line_of):
        options = tuple(Option(str(o["text"]), o.get("correct", False), _text(o.get("feedback")), line_of(("options", i)))
                        for i, o in enumerate(raw["options"]))
        return {"options": options, "options_line": line_of(("options",))}

    def rules(self) -> Iterator[Rule]:
        correct = [o for o in self.options if o.correct]
        if not correct:
            yield Rule(self.options_line, "no option is marked `correct: true`", "write `correct: true` on the right option(s)")
        elif self.type == "single" and len(correct) > 1:
            yield Rule(correct[1].line, f"a single-choice question has {len(correct)} correct options",
                       "mark exactly one with `correct: true`, or write `type: multiple`")
        yield from _repeated([(o.text, o.line) for o in self.options], "option",
                             "a trainee could not tell the two apart: reword one, or delete it")

    def given_away_by(self):
        return tuple(o.text for o in self.options if o.correct)

    def _own_messages(self):
        for option in self.options:
            yield Message(option.line, option.text, "quiz option, correct answer" if option.correct else "quiz option, wrong answer")
            if option.feedback:
                yield Message(option.line, option.feedback, "quiz feedback for this option")

    def labels(self, tr: Translate, ui: Strings) -> list[str]:
        return [tr(o.text) for o in self.options]

    def answer_text(self, tr, ui):
        return "; ".join(self.accepted_answers(tr, ui))

    def accepted_answers(self, tr, ui):
        return [tr(o.text) for o in self.options if o.correct]

    def suggested_answers(self, tr):
        return [tr(o.text) for o in self.options if not o.correct]

    def answer_key(self, tr, ui, others=()):
        return KeyAnswer("key.options", tuple(KeyLine(tr(o.text), o.correct, tr(o.feedback) if o.feedback else "")
                                              for o in self.options))

    def key(self, tr, ui, others=()):
        return {"correct": [i for i, o in enumerate(self.options) if o.correct],
                "feedback": [tr(o.feedback) if o.feedback else "" for o in self.options]}

    def _revised(self):
        return {"options": [{"text": o.text, "correct": o.correct, "feedback": o.feedback} for o in self.options]}


@dataclass(frozen=True, kw_only=True)
class MultipleChoice(SingleChoice):
    type = "multiple"
    schema_org_type = "Checkbox"


@dataclass(frozen=True, kw_only=True)
class TrueFalse(Question):
    answer: bool
    type = "true_false"
    schema_org_type = "True or false"

    @classmethod
    def _own(cls, raw, line_of):
        return {"answer": raw["answer"]}

    def labels(self, tr: Translate, ui: Strings) -> list[str]:
        return [ui.t("quiz.true"), ui.t("quiz.false")]

    def answer_text(self, tr, ui):
        return self.labels(tr, ui)[0 if self.answer else 1]

    def key(self, tr, ui, others=()):
        return {"correct": [0 if self.answer else 1]}

    def _revised(self):
        return {"answer": self.answer}


@dataclass(frozen=True, kw_only=True)
class Ordering(Question):
    items: tuple[str, ...]  # in the correct order
    items_line: int = 0
    item_lines: tuple[int, ...] = ()  # the line of each item
    type = "ordering"
    schema_org_type = "Ordering"

    @classmethod
    def _own(cls, raw, line_of):
        return {"items": tuple(str(item) for item in raw["items"]), "items_line": line_of(("items",)),
                "item_lines": tuple(line_of(("items", i)) for i in range(len(raw["items"])))}

    def rules(self):
        lines = self.item_lines or (self.items_line,) * len(self.items)
        yield from _repeated(list(zip(self.items, lines, strict=True)), "item",
                             "the right order of two items that read the same is not one order: reword one")

    def _own_messages(self):
        for item in self.items:
            yield Message(self.line, item, "quiz ordering item")

    def answer_text(self, tr, ui):
        return " → ".join(tr(item) for item in self.items)

    def answer_key(self, tr, ui, others=()):
        return KeyAnswer("key.order", tuple(KeyLine(tr(item)) for item in self.items), ordered=True)

    def _revised(self):
        return {"items": list(self.items)}


@dataclass(frozen=True, kw_only=True)
class Matching(Question):
    pairs: tuple[Pair, ...]
    pairs_line: int = 0
    type = "matching"
    schema_org_type = "Matching"

    @classmethod
    def _own(cls, raw, line_of):
        return {"pairs": tuple(Pair(str(p["prompt"]), str(p["answer"]), line_of(("pairs", i))) for i, p in enumerate(raw["pairs"])),
                "pairs_line": line_of(("pairs",))}

    @property
    def choices(self) -> tuple[str, ...]:
        """The answers a matching question offers, each once, in a stable order."""
        return tuple(sorted(dict.fromkeys(pair.answer for pair in self.pairs), key=str.casefold))

    def rules(self):
        if len(self.choices) < 2:
            yield Rule(self.pairs_line, "every pair has the same answer, so there is nothing to match",
                       "give the pairs at least two different `answer:` values")
        first: dict[str, int] = {}
        answers: dict[str, str] = {}
        for number, pair in enumerate(self.pairs, start=1):
            key = " ".join(pair.prompt.split()).casefold()
            if key in first:
                yield Rule(pair.line, f"the prompt {json.dumps(pair.prompt, ensure_ascii=False)} is there twice (first as pair {first[key]})",
                           "each prompt is one row of the question; merge the two pairs or reword one")
            first.setdefault(key, number)
            answer = answers.setdefault(" ".join(pair.answer.split()).casefold(), pair.answer)
            if answer != pair.answer:
                yield Rule(pair.line, f"the answer {json.dumps(pair.answer, ensure_ascii=False)} reads the same as "
                                      f"{json.dumps(answer, ensure_ascii=False)}, but they are two choices in every list",
                           f"write it exactly as {json.dumps(answer, ensure_ascii=False)} where the same choice is meant")

    def _own_messages(self):
        for pair in self.pairs:
            yield Message(pair.line, pair.prompt, "quiz matching prompt")
            yield Message(pair.line, pair.answer, "quiz matching answer (a choice shown in every list)")

    def answer_text(self, tr, ui):
        return "; ".join(f"{tr(p.prompt)} → {tr(p.answer)}" for p in self.pairs)

    def answer_key(self, tr, ui, others=()):
        return KeyAnswer("key.pairs", tuple(KeyLine(f"{tr(p.prompt)} → {tr(p.answer)}") for p in self.pairs))

    def key(self, tr, ui, others=()):
        return {"correct": [self.choices.index(pair.answer) for pair in self.pairs]}

    def _revised(self):
        return {"pairs": [{"prompt": p.prompt, "answer": p.answer} for p in self.pairs]}


@dataclass(frozen=True, kw_only=True)
class Numeric(Question):
    answer: float
    tolerance: float = 0
    unit: str = ""
    type = "numeric"
    schema_org_type = "Numeric"

    @classmethod
    def _own(cls, raw, line_of):
        return {"answer": float(raw["answer"]), "tolerance": float(raw.get("tolerance", 0)) or 0, "unit": raw.get("unit", "")}

    def hint_rules(self):
        # a number in the hint equal to the answer ("about 53%") names it, whatever words surround it
        named = [n for n in NUMBER.findall(self.hint) if self.answer in _numbers(n)]
        if named:
            yield Rule(self.hint_line or self.line,
                       f"the hint gives the answer away: {json.dumps(self.hint, ensure_ascii=False)} holds the right "
                       f"answer {named[0]}",
                       "a hint is shown before answering: point to where the lesson teaches it, "
                       "e.g. `hint: Which two counts does the lesson's formula compare?`, without naming the number")

    def _own_messages(self):
        if self.unit:
            yield Message(self.line, self.unit, "quiz unit of a number")

    def answer_text(self, tr, ui):
        return format_number(self.answer, ui.lang, tr(self.unit) if self.unit else "")

    def answer_key(self, tr, ui, others=()):
        unit = tr(self.unit) if self.unit else ""
        shown = (f"{self.answer - self.tolerance:g}{unit}", f"{self.answer + self.tolerance:g}{unit}") if self.tolerance else None
        return KeyAnswer("key.answer", (KeyLine(self.answer_text(tr, ui)),), accepted_range=shown)

    def key(self, tr, ui, others=()):
        return {"answer": self.answer, "tolerance": self.tolerance}

    def _revised(self):
        return {"answer": self.answer, "tolerance": self.tolerance, "unit": self.unit}


@dataclass(frozen=True, kw_only=True)
class TextAnswer(Question):
    answers: tuple[str, ...]  # every accepted English answer; the first is the one shown
    answers_line: int = 0
    answer_lines: tuple[int, ...] = ()  # the line of each accepted answer
    type = "text"
    schema_org_type = "Short answer"

    @classmethod
    def _own(cls, raw, line_of):
        answers = raw["answers"]
        listed = [answers] if isinstance(answers, str) else answers
        return {"answers": tuple(str(a) for a in listed), "answers_line": line_of(("answers",)),
                "answer_lines": tuple(line_of(("answers",)) if isinstance(answers, str) else line_of(("answers", i))
                                      for i in range(len(listed)))}

    def rules(self):
        for answer, line in zip(self.answers, self.answer_lines or (self.answers_line,) * len(self.answers), strict=True):
            if not answer.strip(" \t-‐–—_"):
                yield Rule(line, f"an accepted answer is blank: {json.dumps(answer, ensure_ascii=False)}",
                           "every accepted answer needs a word or number; delete the blank one")

    def given_away_by(self):
        return self.answers

    def _own_messages(self):
        for answer in self.answers:
            yield Message(self.line, answer, ANSWER_COMMENT)

    def translated(self, tr: Translate) -> list[str]:
        """Every accepted form in the page's language, the first answer's first form first.

        A form with no letter or digit ("-", "?", an accent alone) is left out: the script compares
        answers without spaces, punctuation and accents, so it would accept every answer made of
        punctuation, on every language's page."""
        found: list[str] = []
        for answer in self.answers:
            found += [form.strip() for form in tr(answer).split(ALTERNATIVES) if has_word(form)] or [answer]
        return list(dict.fromkeys(found))

    def answer_text(self, tr, ui):
        return self.translated(tr)[0]

    def accepted_answers(self, tr, ui):
        return self.translated(tr)

    def answer_key(self, tr, ui, others=()):
        # the page's language first, then every form that also counts (English, the other languages)
        forms = dict.fromkeys([*self.translated(tr), *self.key(tr, ui, others)["answers"]])
        return KeyAnswer("key.accepted", tuple(KeyLine(form) for form in forms))

    def key(self, tr, ui, others=()):
        # Every language's forms count on every page: a trainee may know the term only in English, and an
        # answer typed on the Russian page and checked on the English one must keep its verdict.
        forms = [*self.answers, *self.translated(tr)]
        for other in others:
            forms += self.translated(other)
        return {"answers": list(dict.fromkeys(forms))}

    def _revised(self):
        return {"answers": list(self.answers)}


QUESTION_TYPES: dict[str, type[Question]] = {
    cls.type: cls for cls in (SingleChoice, MultipleChoice, TrueFalse, Ordering, Matching, Numeric, TextAnswer)
}


@dataclass(frozen=True)
class Quiz:
    id: str
    title: str
    path: str
    questions: tuple[Question, ...]
    pass_mark: float = 80
    shuffle: bool = True
    title_line: int = 0  # 0: no title written, the default is shown


    @property
    def total_points(self) -> float:
        return sum(q.points for q in self.questions)

    def messages(self) -> Iterator[Message]:
        """Every string a trainee reads in this quiz, in file order."""
        if self.title_line:
            yield Message(self.title_line, self.title, "quiz title")
        for question in self.questions:
            yield from question.messages()


NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _numbers(written: str) -> set[float]:
    """What a number written in a hint may mean: "12,000" twelve thousand, "2,5" two and a half."""
    found = set()
    for candidate in (written.replace(",", ""), written.replace(",", ".")):
        try:
            found.add(float(candidate))
        except ValueError:
            continue
    return found


def _words(text: str) -> tuple[str, ...]:
    """A text's words, without case, accents or punctuation, as a trainee's eye compares them."""
    plain = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return tuple(re.findall(r"\w+", plain.casefold()))


def _holds(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    return any(words[i:i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _repeated(texts: list[tuple[str, int]], kind: str, why: str) -> Iterator[Rule]:
    """A text given twice in one question (spaces and letter case aside)."""
    first: dict[str, int] = {}
    for number, (text, line) in enumerate(texts, start=1):
        key = " ".join(text.split()).casefold()
        if key in first:
            yield Rule(line, f"the {kind} {json.dumps(text, ensure_ascii=False)} is there twice "
                             f"(first as {kind} {first[key]})", why)
        first.setdefault(key, number)
