"""The interface strings the academy adds to the theme, in the reader's language.

Strings are marked with ``_()`` / ``N_()`` so that ``pybabel extract`` finds
them; they are translated in the ``ui`` catalog.
"""

from __future__ import annotations

import gettext

from .catalogs import Catalog
from .languages import PLURAL_FORMS


def N_(message: str) -> str:  # noqa: N802 (gettext's name)
    return message


# Strings used only by templates and scripts are listed here so extraction sees them.
STRINGS = {
    "fallback": N_("Part of this page is not translated yet; those parts are shown in English."),
    "outdated": N_("This translation may be out of date: the English page has changed since it was translated."),
    "search": N_("Search"),
    "search.placeholder": N_("Search the academy"),
    "search.close": N_("Close search"),
    "search.none": N_("No results"),
    "search.loading": N_("Searching…"),
    "search.unavailable": N_("Search is not available offline."),
    "quiz.check": N_("Check answers"),
    "quiz.retry": N_("Try again"),
    "quiz.hint": N_("Hint"),
    "quiz.true": N_("True"),
    "quiz.false": N_("False"),
    "quiz.choose": N_("Choose…"),
    "quiz.position": N_("Position"),
    "quiz.answer": N_("Your answer"),
    "quiz.nojs": N_("Turn on JavaScript to check your answers; you can still read every question."),
    "quiz.correct": N_("Correct."),
    "quiz.incorrect": N_("Not quite."),
    "quiz.partial": N_("Partly correct."),
    "quiz.passed": N_("Passed: {percent}. Well done!"),
    "quiz.failed": N_("Score: {percent}. You need {pass_mark} to pass; review the lesson and try again."),
    "quiz.unanswered": N_("Answer every question first."),
    "quiz.review": N_("Review: {section}"),
    "quiz.correct_answer": N_("Correct answer: {answer}"),
    "quiz.order_answer": N_("Correct order: {answer}"),
    "progress.lesson": N_("Lesson"),
    "progress.status": N_("Quiz"),
    "progress.best": N_("Best score"),
    "progress.not_started": N_("Not started"),
    "progress.in_progress": N_("In progress"),
    "progress.passed": N_("Passed"),
    "progress.failed": N_("Not passed yet"),
    "progress.json": N_("Download results (JSON)"),
    "progress.csv": N_("Download results (CSV)"),
    "progress.local": N_("Your progress is saved in this browser only, on this device."),
    "progress.reset": N_("Clear my progress"),
    "lessons.course": N_("Course"),
    "notfound.title": N_("Page not found"),
    "notfound.text": N_("This page does not exist. Go back to the home page of the academy."),
    "language": N_("Language"),
}
# Shown only in lessons packaged for an LMS (SCORM or cmi5), never on the site's pages.
LMS_STRINGS = {
    "lms.unrecorded": N_("Your results can't be recorded: this lesson was not opened from your learning platform "
                         "the way it expects. You can still take the quiz."),
    "lms.queued": N_("Your results could not be sent yet. They are kept on this device and sent as soon as "
                     "the connection is back."),
    "lms.sent": N_("Your results have been sent."),
}
PLURALS = {
    "quiz.summary": (
        N_("You answered {correct} of {total} question correctly."),
        N_("You answered {correct} of {total} questions correctly."),
    ),
    "reading.minutes": (N_("{count} minute read"), N_("{count} minute read")),
    "lessons.count": (N_("{count} lesson"), N_("{count} lessons")),
}


class Interface:
    """Our interface strings for one language."""

    def __init__(self, lang: str, catalog: Catalog | None):
        self.lang = lang
        self.catalog = catalog
        self._strings: dict[str, str] | None = None

    def gettext(self, message: str) -> str:
        if self.catalog is None:
            return message
        entry = self.catalog.lookup(message)
        if entry is None or entry.fuzzy or not entry.msgstr or "\x00" in entry.msgstr:
            return message
        return entry.msgstr

    def forms(self, singular: str, plural: str) -> list[str]:
        """The plural forms, in the order of this language's Plural-Forms rule."""
        if self.catalog is not None:
            entry = self.catalog.lookup(singular)
            if entry is not None and not entry.fuzzy and "\x00" in entry.msgstr:
                forms = entry.msgstr.split("\x00")
                if all(forms):
                    return forms
        return [singular, plural]

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        forms = self.forms(singular, plural)
        index = plural_index(self.lang if len(forms) > 2 or forms[0] != singular else "en", count)
        return forms[min(index, len(forms) - 1)]

    def strings(self) -> dict[str, str]:
        """Every interface string in this language (the same for every page of a build)."""
        if self._strings is None:
            self._strings = {key: self.gettext(text) for key, text in STRINGS.items()}
        return self._strings

    def plurals(self) -> dict[str, list[str]]:
        return {key: self.forms(*pair) for key, pair in PLURALS.items()}

    def nt(self, key: str, count: int, **values) -> str:
        """A plural interface string by key, with {count} and any other values filled in."""
        return self.ngettext(*PLURALS[key], count).format(count=count, **values)

    def lms_strings(self) -> dict[str, str]:
        return {key: self.gettext(text) for key, text in LMS_STRINGS.items()}

    def t(self, key: str, **values) -> str:
        text = self.gettext(STRINGS[key])
        return text.format(**values) if values else text

    def plural_js(self) -> str:
        """The Plural-Forms expression as a JavaScript function body (it is C, and so JS)."""
        expr = PLURAL_FORMS.get(self.lang, PLURAL_FORMS["en"]).split("plural=", 1)[1].rstrip(";")
        return expr


def plural_index(lang: str, n: int) -> int:
    expr = PLURAL_FORMS.get(lang, PLURAL_FORMS["en"]).split("plural=", 1)[1].rstrip(";")
    return gettext.c2py(expr)(n)
