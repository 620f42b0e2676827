"""Render a page in another language from its English source and its catalog.

Every message with a current translation is replaced; one without (or with a
fuzzy one) stays English, and the page is marked so that the reader is told.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from . import frontmatter, segment
from .catalogs import Catalog, markup_problem
from .errors import Problem, display_path
from .markup import block_problem

# An editor's note to translators, on its own lines just above the block it is about (a blank line after it):
# shown in the catalog beside that block's first message, as xgettext shows a `TRANSLATORS:` comment.
TRANSLATOR_NOTE = re.compile(r"<!--\s*translators?\s*:\s*(.*?)\s*-->", re.DOTALL | re.IGNORECASE)

TRANSLATED_META = ("title", "description", "subtitle")  # subtitle: Material prints it under the title in the menu


@dataclass
class Localized:
    source: str
    total: int = 0
    missing: int = 0
    problems: list[Problem] = field(default_factory=list)  # refused translations: English shown
    stale: int = 0  # fuzzy translations shown (only with show_fuzzy)
    errors: list[Problem] = field(default_factory=list)  # translations that break a rule of the English
    # The page's messages that show in English, counted as `count_missing` counts them: a fuzzy
    # translation is missing even when shown (show_fuzzy), and text no message holds is left out.
    # None when that count is not known from the localizing (a fuzzy one shown, or a hand-written page).
    untranslated: int | None = None

    @property
    def complete(self) -> bool:
        return self.missing == 0


class _Translator:
    def __init__(self, catalog: Catalog, root=None, show_fuzzy: bool = False):
        self.catalog = catalog
        self.root = root
        self.show_fuzzy = show_fuzzy
        self.total = 0
        self.missing = 0
        self.stale = 0
        self.problems: list[Problem] = []
        self.errors: list[Problem] = []

    def __call__(self, unit: segment.Unit) -> str | None:
        self.total += 1
        entry = self.catalog.lookup(unit.text)
        if entry is not None and entry.msgstr and entry.fuzzy and self.show_fuzzy:
            self.stale += 1  # the previous translation, shown with a "may be out of date" notice
        elif entry is None or not entry.msgstr or entry.fuzzy:
            self.missing += 1
            return None
        if entry.msgstr == unit.text:
            return None
        reason = markup_problem(unit.text, entry.msgstr, unit.kind)
        if reason:
            self.missing += 1
            self.problems.append(
                Problem(self._shown(), entry.line, f"translation refused, English shown: {reason}",
                        "compare the translation with its msgid and keep links, tags and placeholders as they are")
            )
            return None
        # the English's own limit, as strict for its translation (frontmatter.check_page)
        overlong = unit.kind == "page description" and frontmatter.description_overlong(entry.msgstr)
        if overlong:
            self.errors.append(Problem(self._shown(), entry.line, f"translated {overlong}",
                                       f"shorten the translation: {frontmatter.DESCRIPTION_TOO_LONG}"))
        return entry.msgstr

    def _shown(self) -> str:
        return display_path(self.catalog.path, self.root) if self.catalog.path else self.catalog.domain


def translate_text(text: str, catalog: Catalog, root=None, show_fuzzy: bool = False) -> tuple[str, _Translator]:
    translator = _Translator(catalog, root, show_fuzzy)
    unit = segment.Unit(text, "text", 1)
    return (translator(unit) or text), translator


def count_missing(units: list[segment.Unit], catalog: Catalog, root=None) -> int:
    """How many of a page's messages would show in English (without rendering the page)."""
    translate = _Translator(catalog, root)
    for unit in units:
        translate(unit)
    return translate.missing


def localize_page(text: str, path: str, catalog: Catalog, root=None, show_fuzzy: bool = False) -> Localized:
    """The page's Markdown in the catalog's language.

    A fuzzy translation counts as missing (English is shown), unless ``show_fuzzy``:
    then it is shown and counted as stale, and the page says it may be out of date.
    """
    doc = frontmatter.parse(text, path)
    translate = _Translator(catalog, root, show_fuzzy)
    values = {}
    for key in TRANSLATED_META:
        value = doc.meta.get(key)
        if isinstance(value, str) and value.strip():
            translated = translate(segment.Unit(segment.as_message(value), f"page {key}", frontmatter.line_of_key(doc, key)))
            if translated is not None:
                values[key] = translated
    header = frontmatter.replace_values(doc.header, values) if values else doc.header
    parts = segment.split(doc.body, doc.body_line)
    body = segment.join(parts, translate)
    untranslated = translate.missing if translate.stale == 0 else None
    for refusal in segment.refusals(doc.body, doc.body_line):
        translate.missing += 1  # English is shown: the page is not complete
        translate.problems.append(Problem(path, refusal.line, refusal.message, refusal.hint))
    return Localized(header + body, translate.total, translate.missing, translate.problems, translate.stale,
                     translate.errors, untranslated)


def messages_of_page(text: str, path: str) -> list[segment.Unit]:
    """The messages a translator sees for a page, in order (front matter first)."""
    doc = frontmatter.parse(text, path)
    found = []
    for key in TRANSLATED_META:
        value = doc.meta.get(key)
        if isinstance(value, str) and value.strip():
            found.append(segment.Unit(segment.as_message(value), f"page {key}", frontmatter.line_of_key(doc, key)))
    note, note_line, line = "", 0, doc.body_line
    for part in segment.split(doc.body, doc.body_line):
        start, line = line, line + part.original.count("\n")
        if not part.units:
            if part.original.strip():
                written = TRANSLATOR_NOTE.fullmatch(part.original.strip())
                note = " ".join(written.group(1).split()) if written else ""
                note_line = start + part.original[:len(part.original) - len(part.original.lstrip())].count("\n")
            continue
        first, *rest = part.units
        found.append(dataclasses.replace(first, note=note, note_line=note_line) if note else first)
        found.extend(rest)
        note = ""
    return found


def handwritten_problems(english: str, handwritten: str, shown: str) -> list[Problem]:
    """A hand-written page follows its English block by block, as a translation in a catalog does.

    The same blocks of the same kinds, in the same order; the same code, HTML and
    block fences between them; and each block's markup equal to its English's.
    Words, and so the meaning, are the translator's.
    """
    english_doc = frontmatter.parse(english, shown)
    doc = frontmatter.parse(handwritten, shown)
    problems: list[Problem] = []
    hint = "a hand-written page keeps the English page's blocks, links, code and HTML; change only the words"
    for key in TRANSLATED_META:
        value, source = doc.meta.get(key), english_doc.meta.get(key)
        if isinstance(value, str) and isinstance(source, str):
            reason = markup_problem(source, value, f"page {key}")
            if reason:
                problems.append(Problem(shown, frontmatter.line_of_key(doc, key), reason, hint))
    # the rest of the front matter (but `translation_of`, the English revision it translates) is the English
    # page's: what the page is made with (its template, where search finds it, what it hides), not words; a
    # partial as its template would write it without its policy
    for key, value in doc.meta.items():
        if key not in TRANSLATED_META and key != "translation_of" and value != english_doc.meta.get(key):
            problems.append(Problem(shown, frontmatter.line_of_key(doc, key),
                                    f"`{key}` differs from the English page's: only the title, description and "
                                    "subtitle are translated", f"copy the English page's `{key}:` as it is, or delete it"))
    theirs = segment.split(doc.body, doc.body_line)
    ours = segment.split(english_doc.body, english_doc.body_line)
    verbatim_theirs = [p.original.strip() for p in theirs if not p.units and p.original.strip()]
    verbatim_ours = [p.original.strip() for p in ours if not p.units and p.original.strip()]
    if verbatim_theirs != verbatim_ours:
        problems.append(Problem(shown, doc.body_line,
                                "the page's code, HTML, block fences or link definitions differ from the English page's",
                                hint))
    blocks = [p for p in theirs if p.units]
    for part, source in zip(blocks, [p for p in ours if p.units], strict=False):
        reason = block_problem(source.original, part.original)
        if reason:
            problems.append(Problem(shown, part.units[0].line, reason, hint))
    units, english_units = segment.units(theirs), segment.units(ours)
    for unit, source in zip(units, english_units, strict=False):
        if unit.kind != source.kind:
            problems.append(Problem(shown, unit.line, f"a {unit.kind} where the English page has a {source.kind}", hint))
            break
        reason = markup_problem(source.text, unit.text, unit.kind)
        if reason:
            problems.append(Problem(shown, unit.line, reason, hint))
    if len(units) != len(english_units):
        where = units[len(english_units)].line if len(units) > len(english_units) else doc.body_line
        problems.append(Problem(shown, where, f"the page has {len(units)} blocks, the English page {len(english_units)}", hint))
    return problems

