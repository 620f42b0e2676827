"""The interface strings the academy adds to the theme, in the reader's language.

Strings are marked with ``_()`` / ``N_()`` so that ``pybabel extract`` finds
them; they are translated in the ``ui`` catalog.
"""

from __future__ import annotations

import string
from functools import cache

from babel import Locale
from babel.plural import to_python

from .catalogs import Catalog, PluralRule, parse_plural_forms
from .errors import ContentError, Problem, display_path
from .languages import KNOWN_LANGUAGES, PLURAL_FORMS
from .markup import markup_problem


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
    "quiz.correct_answers": N_("Correct answers:"),
    "quiz.your_answer": N_("your answer: {answer}"),
    "quiz.row_right": N_("Right:"),
    "quiz.row_wrong": N_("Wrong:"),
    "quiz.to_review": N_("Questions to review:"),
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
    "progress.unsaved": N_("This browser is not keeping your progress (private browsing, or storage blocked or full): "
                           "a quiz shows its results on its lesson, and they are gone once you leave it."),
    "progress.reset": N_("Clear my progress"),
    "progress.confirm": N_("Delete every quiz result saved in this browser? This cannot be undone."),
    "lessons.course": N_("Course"),
    "lessons.continue": N_("Continue: {lesson}"),
    "notfound.title": N_("404 – Page not found"),
    "notfound.text": N_("This page does not exist. Go back to the home page of the academy."),
    "language": N_("Language"),
    "offline.ready": N_("Saved on this device: you can read this page offline."),
    "offline.missing": N_("Not saved for offline reading"),
    "offline.missing.text": N_("This page is not saved on this device, and there is no connection. "
                               "These pages are saved and can be read now:"),
    "palette.dark": N_("Switch to dark mode"),
    "palette.light": N_("Switch to light mode"),
    "page.title": N_("{page} - {site}"),
}
# Where a trainee meets a string whose English alone does not say it (the translator's comment).
STRING_NOTES = {
    "notfound.title": "heading of the page shown for an address that does not exist; "
                      "join 404 and the words with your language's dash",
    "page.title": "a page's title in the browser tab, in bookmarks and in search results: {page} is the page's title, "
                  "{site} the academy's name; join them with your language's dash",
}
# The words of Material for MkDocs' page frame, by the key of Material's language partials, with where a
# trainee meets them. Material's own translations are not the project's files, so a translator could not
# correct them; partials/language.html takes these keys from the ui catalog instead (Material's own word
# where ui.po has no translation yet, as for a language just started). The English is
# Material's English, so an English page reads as before.
THEME_STRINGS = {
    "footer.next": (N_("Next"), "at the foot of every page, above the title of the next page"),
    "footer.previous": (N_("Previous"), "at the foot of every page, above the title of the previous page"),
    "footer": (N_("Footer"), "name of the links at the foot of a page, read out by screen readers"),
    "header": (N_("Header"), "name of the bar at the top of every page, read out by screen readers"),
    "nav": (N_("Navigation"), "name of the menu of lessons, read out by screen readers"),
    "toc": (N_("Table of contents"), "title of the list of a page's sections"),
    "action.skip": (N_("Skip to content"), "first link of every page, shown when a keyboard user presses Tab"),
    "select.language": (N_("Select language"), "name of the language button in the top bar"),
    "top": (N_("Back to top"), "button that appears when a reader scrolls back up a long page"),
    "clipboard.copy": (N_("Copy to clipboard"), "button beside an example to copy"),
    "clipboard.copied": (N_("Copied to clipboard"), "shown after the example was copied"),
}
# Material's keys whose own value the pages keep on purpose: codes, not words (the page's language
# and writing direction, the settings of Material's search, which the academy replaces).
THEME_NOT_WORDS = ("language", "direction", "search.config.lang", "search.config.pipeline", "search.config.separator")
# Material's keys for things the academy already names in its own words (one message, one translation).
THEME_SHARED = {"search": "search", "search.placeholder": "search.placeholder"}
# Shown only in lessons packaged for an LMS (SCORM or cmi5), never on the site's pages.
LMS_STRINGS = {
    "lms.unrecorded": N_("Your results can't be recorded: this lesson was not opened from your learning platform "
                         "the way it expects. You can still take the quiz."),
    "lms.queued": N_("Your results could not be sent yet. They are kept on this device and sent as soon as "
                     "the connection is back."),
    "lms.sent": N_("Your results have been sent."),
    "lms.ended": N_("This lesson's session with your learning platform has ended, so results from here on are not "
                    "recorded. To have them recorded, open the lesson again from the platform."),
}
# Read only by trainers, on the answer-key page; never sent to a trainee's browser.
TRAINER_STRINGS = {
    "key.lesson": N_("Lesson: {lesson}"),
    "key.pass_mark": N_("Pass mark: {pass_mark}"),
    "key.contents": N_("Quizzes on this page"),
    "key.options": N_("Options (✓ right, ✗ wrong):"),
    "key.answer": N_("Right answer:"),
    "key.accepted": N_("Accepted answers (any of them counts, in any language):"),
    "key.order": N_("Right order:"),
    "key.pairs": N_("Right pairs:"),
    "key.range": N_("Any number from {low} to {high} counts."),
    "key.feedback": N_("Feedback: {feedback}"),
    "key.hint": N_("Hint: {hint}"),
    "key.explanation": N_("Explanation: {explanation}"),
    "key.none": N_("No lesson has a quiz yet."),
}
PLURALS = {
    "quiz.summary": (
        N_("You answered {correct} of {total} question correctly."),
        N_("You answered {correct} of {total} questions correctly."),
    ),
    "quiz.left": (
        N_("{count} question is not answered yet."),
        N_("{count} questions are not answered yet."),
    ),
    "reading.minutes": (N_("{count} minute read"), N_("{count} minute read")),
    "lessons.count": (N_("{count} lesson"), N_("{count} lessons")),
}


# Plural strings written into pages at build time only; the script never needs them.
PAGE_PLURALS = {
    "quiz.jump": (N_("Quiz: {count} question"), N_("Quiz: {count} questions")),
}

# The strings academy.js reads (`t("…")`, `nt("…")`); every other string is written into the page
# at build time. Every page carries these, and only these: on a phone on slow data each string counts
# (the Russian ones most). tests/test_script_strings.py checks this list against the script.
SCRIPT_STRINGS = (
    "search.none", "search.loading", "search.unavailable",
    "quiz.correct", "quiz.incorrect", "quiz.partial",  # t("quiz." + state)
    "quiz.passed", "quiz.failed", "quiz.unanswered", "quiz.correct_answer", "quiz.correct_answers",
    "quiz.your_answer", "quiz.row_right", "quiz.row_wrong", "quiz.to_review",
    "progress.not_started", "progress.in_progress", "progress.passed", "progress.failed",  # t("progress." + status)
    "progress.confirm", "lessons.continue",
)
SCRIPT_PLURALS = ("quiz.summary", "quiz.left")


class Interface:
    """Our interface strings for one language."""

    def __init__(self, lang: str, catalog: Catalog | None, root=None):
        self.lang = lang
        self.catalog = catalog
        self._strings: dict[str, str] | None = None
        found = catalog_problems(catalog, lang, root) if catalog is not None else []
        if found:
            raise ContentError(found)
        self.problems: list[Problem] = []  # refused translations, reported once by the academy
        self._refused: set[tuple[str, str]] = set()

    def _accepted(self, message: str, translation: str, line: int) -> bool:
        """An interface string is plain text with the placeholders of its English."""
        reason = markup_problem(message, translation, "interface")
        if reason is None:
            return True
        if (message, translation) not in self._refused:
            self._refused.add((message, translation))
            path = display_path(self.catalog.path) if self.catalog and self.catalog.path else "ui.po"
            self.problems.append(Problem(path, line, f"translation refused, English shown: {reason}",
                                         "interface strings are plain text: keep {placeholders} and add no HTML"))
        return False

    def translation(self, message: str) -> str | None:
        """The catalog's translation of a message, or None if it has none that may be shown."""
        if self.catalog is None:
            return None
        entry = self.catalog.lookup(message)
        if entry is None or entry.fuzzy or not entry.msgstr or "\x00" in entry.msgstr:
            return None
        return entry.msgstr if self._accepted(message, entry.msgstr, entry.line) else None

    def gettext(self, message: str) -> str:
        return self.translation(message) or message

    def forms(self, singular: str, plural: str) -> list[str]:
        """The plural forms, in the order of this language's Plural-Forms rule."""
        if self.catalog is not None:
            entry = self.catalog.lookup(singular)
            if entry is not None and not entry.fuzzy and "\x00" in entry.msgstr:
                forms = entry.msgstr.split("\x00")
                if all(forms) and all(self._accepted(plural, form, entry.line) for form in forms):
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

    def theme_strings(self) -> dict[str, str]:
        """Material's frame words by its keys (THEME_STRINGS and THEME_SHARED), in this language.

        A frame word ui.po does not translate (yet) is left out: Material's word in the reader's
        language reads better than the English one would."""
        strings = self.strings()
        translated = {key: found for key, (text, _where) in THEME_STRINGS.items()
                      if (found := self.translation(text)) is not None}
        return translated | {key: strings[ours] for key, ours in THEME_SHARED.items()}

    def plurals(self) -> dict[str, list[str]]:
        return {key: self.forms(*pair) for key, pair in PLURALS.items()}

    def script_strings(self) -> dict[str, str]:
        """The strings academy.js reads, in this language."""
        strings = self.strings()
        return {key: strings[key] for key in SCRIPT_STRINGS}

    def script_plurals(self) -> dict[str, list[str]]:
        return {key: self.forms(*PLURALS[key]) for key in SCRIPT_PLURALS}

    def nt(self, key: str, count: int, **values) -> str:
        """A plural interface string by key, with {count} and any other values filled in."""
        return self.ngettext(*(PLURALS | PAGE_PLURALS)[key], count).format(count=count, **values)

    def lms_strings(self) -> dict[str, str]:
        return {key: self.gettext(text) for key, text in LMS_STRINGS.items()}

    def t(self, key: str, **values) -> str:
        text = self.gettext(STRINGS[key])
        return text.format(**values) if values else text

    def trainer(self, key: str, **values) -> str:
        """A string of the trainer's answer key, by key."""
        text = self.gettext(TRAINER_STRINGS[key])
        return text.format(**values) if values else text

    def plural_table(self) -> list[int]:
        """The plural form of every count from 0 to 199, chosen here so the browser evaluates no code.

        A count of 200 or more takes the form of 100 + count % 100: gettext's rules
        for large numbers depend on the last two digits only.
        """
        return list(_plural_table(self.lang))


@cache
def _plural_table(lang: str) -> tuple[int, ...]:
    """The table of `Interface.plural_table`, made once per language (every page carries it)."""
    return tuple(plural_index(lang, n) for n in range(PLURAL_TABLE_SIZE))


PLURAL_TABLE_SIZE = 200


@cache
def plural_rule(lang: str) -> PluralRule:
    """The language's plural rule, parsed once by the same reader that checks catalogs."""
    rule = parse_plural_forms(PLURAL_FORMS.get(lang, PLURAL_FORMS["en"]))
    assert rule is not None, f"the Plural-Forms of {lang} in languages.py is not a rule"
    return rule


def plural_index(lang: str, n: int) -> int:
    return plural_rule(lang).index(n)


def _forms_of_several_counts(rule: PluralRule | None) -> dict[int, list[int]]:
    """The plural forms a rule chooses for more than one count (0 to 1000), with those counts."""
    if rule is None:
        return {}
    counts: dict[int, list[int]] = {}
    for n in range(1001):
        counts.setdefault(rule.index(n), []).append(n)
    return {index: found for index, found in counts.items() if len(found) > 1}


# -- ui.po against its template -------------------------------------------------------

UI_HINT = "compare the translation with its msgid in ui.po (Poedit shows both)"


def placeholders(text: str) -> set[str] | None:
    """The {names} of a format string, or None if its braces do not pair up."""
    try:
        return {name for _literal, name, _spec, _conversion in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def cldr_plural_problem(lang: str, plural_forms: str | None) -> str | None:
    """Why a Plural-Forms header disagrees with CLDR's rule for the language (integers 0 to 1000), or None."""
    rule = parse_plural_forms(plural_forms) if plural_forms else None
    if rule is None:
        return "the header has no valid Plural-Forms"
    known = KNOWN_LANGUAGES.get(lang)
    cldr = to_python(Locale.parse(known.babel_locale if known else lang).plural_form)
    categories: dict[str, int] = {}
    for n in range(1001):
        category, index = cldr(n), rule.index(n)
        if categories.setdefault(category, index) != index:
            return (f"Plural-Forms gives {n} the form {index}, but CLDR puts {n} with "
                    f"the numbers of form {categories[category]} ({category!r})")
    if rule.count != len(set(categories.values())):
        return f"Plural-Forms says nplurals={rule.count}, but CLDR has {len(set(categories.values()))} forms for whole numbers"
    return None


def catalog_problems(catalog: Catalog, lang: str, root=None) -> list[Problem]:
    """Each translated interface string checked against its English: placeholders, plural forms, the plural rule."""
    path = display_path(catalog.path, root) if catalog.path else "ui.po"
    found: list[Problem] = []
    if catalog.path is None:
        return found
    plural_problem = cldr_plural_problem(lang, catalog.plural_forms)
    if plural_problem and any(entry.msgstr for entry in catalog.entries.values()):
        found.append(Problem(path, catalog.plural_forms_line, plural_problem,
                             f"use `Plural-Forms: {PLURAL_FORMS.get(lang, PLURAL_FORMS['en'])}`"))
    rule = parse_plural_forms(catalog.plural_forms or "")
    for msgid in [*(STRINGS | LMS_STRINGS | TRAINER_STRINGS).values(), *(text for text, _where in THEME_STRINGS.values())]:
        entry = catalog.lookup(msgid)
        if entry is None or entry.fuzzy or not entry.msgstr:
            continue
        names = placeholders(entry.msgstr)
        if names != placeholders(msgid):
            found.append(Problem(path, entry.line, f"the translation of {msgid!r} must keep exactly the placeholders "
                                 f"{sorted(placeholders(msgid) or [])}, it has {sorted(names) if names is not None else 'unpaired braces'}",
                                 UI_HINT))
    for singular, plural in (PLURALS | PAGE_PLURALS).values():
        entry = catalog.lookup(singular)
        if entry is None or entry.fuzzy or not entry.msgstr:
            continue
        forms = entry.msgstr.split("\x00")
        allowed = (placeholders(singular) or set()) | (placeholders(plural) or set())
        if rule is not None and len(forms) != rule.count or not all(forms):
            found.append(Problem(path, entry.line, f"the plural message {singular!r} needs {rule.count if rule else '?'} "
                                 f"forms (msgstr[0] to msgstr[{(rule.count if rule else 1) - 1}]), all filled in", UI_HINT))
        shared = _forms_of_several_counts(rule)
        for index, form in enumerate(forms):
            names = placeholders(form)
            if names is None or not names <= allowed:
                found.append(Problem(path, entry.line, f"a plural form of {singular!r} has placeholders "
                                     f"{sorted(names) if names is not None else 'with unpaired braces'}; allowed: {sorted(allowed)}",
                                     UI_HINT))
                break
            # only a form that serves one count may leave its number out ("one question"); as GNU msgfmt
            # says, any other is also read for 21 or 101, which it would then not show
            missing = (placeholders(plural) or set()) - names
            if form and index in shared and missing:
                found.append(Problem(path, entry.line, f"msgstr[{index}] of {singular!r} serves several counts "
                                     f"(such as {', '.join(map(str, shared[index][:3]))}) and must keep {sorted(missing)}",
                                     UI_HINT))
                break
    return found
