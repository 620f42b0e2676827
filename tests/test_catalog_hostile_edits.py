"""Careless English edits a routine test does not make, and what translators get after them.

Each test makes an edit an editor really makes, runs `academy i18n update`, and checks that the
catalogs say what the page shows: no message a reader never sees, no translation attached to
text it does not translate, and files every gettext tool reads as written.
"""

from __future__ import annotations

import unicodedata

import polib

import sitekit
from test_catalog_routine_edits import LESSON, assert_settled, rewrite, ru, snapshot, update

SHOPPER = "A shopper reads reviews before buying.\n\n- Reviews matter.\n- Ratings matter too.\n"


def _template(project) -> list[str]:
    return [e.msgid for e in polib.pofile(str(project / "locales/templates/content/journey/first-steps.pot"))]


def test_paragraphs_hidden_in_a_comment_across_blank_lines_leave_the_catalog_and_come_back_translated(project, tmp_path):
    # an editor hides a paragraph and a list for a while, as Markdown allows: one comment, blank lines inside
    rewrite(project, LESSON, (SHOPPER, "<!-- back once the reviews page is live\n\n" + SHOPPER + "-->\n"))
    checked = sitekit.check(project)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    update(project)
    shown = _template(project)
    assert not [msgid for msgid in shown if "-->" in msgid or "<!--" in msgid or msgid.startswith("A shopper")], shown
    assert ru(project).find("Reviews matter.", include_obsolete_entries=True).obsolete  # kept, for the day the text comes back
    rewrite(project, LESSON, ("<!-- back once the reviews page is live\n\n" + SHOPPER + "-->\n", SHOPPER))
    update(project)
    for msgid, msgstr in (("Reviews matter.", "Отзывы важны."), ("Ratings matter too.", "Оценки тоже важны."),
                          ("A shopper reads reviews before buying.", "Покупатель читает отзывы перед покупкой.")):
        entry = ru(project).find(msgid)
        assert entry.msgstr == msgstr and not entry.fuzzy and not entry.obsolete, entry
    assert_settled(project, tmp_path)


def test_a_lesson_saved_under_a_name_with_a_space_is_refused_before_any_catalog_names_it(project):
    # `#: content/journey/First steps.md` is two references for every gettext tool: two files that do not exist
    (project / LESSON).rename(project / "content/journey/First steps.md")
    before = snapshot(project)
    result = update(project, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "content/journey/First steps.md: a space in this file's path" in result.stderr, result.stderr
    assert "hint: rename it `content/journey/first-steps.md` (in `nav:` too)" in result.stderr, result.stderr
    assert snapshot(project) == before


def test_a_line_separator_pasted_from_a_word_processor_changes_no_message(project, tmp_path):
    # Word and Google Docs paste a soft line break as U+2028: Markdown keeps it inside its line, a browser shows a
    # space, so the heading and the item read as before and keep their translations (not a heading cut in two,
    # its anchor in the middle, nor a translation offered for half of it)
    before = snapshot(project)
    rewrite(project, LESSON, ("# First steps", "# First\u2028steps"), ("- Reviews matter.", "- Reviews \u2028matter."),
            ("| ZMOT | Reading reviews |", "| ZMOT | Reading\u2029reviews |"))
    update(project)
    assert snapshot(project) == before, [e.msgid for e in ru(project) if e.msgid and not e.translated()]


def confirm(project, domain: str, msgid: str, msgstr: str) -> None:
    """The Russian translator's save of a changed message: translated, and no longer fuzzy."""
    catalog = polib.pofile(str(project / "locales" / "ru" / "LC_MESSAGES" / f"{domain}.po"))
    entry = catalog.find(msgid)
    assert entry is not None, msgid
    entry.msgstr, entry.previous_msgid = msgstr, None
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    catalog.save()


def test_a_lesson_and_quiz_saved_again_in_decomposed_unicode_keep_their_translations(project, tmp_path):
    # A Mac tool or a copy from a PDF can save "é" as "e" and a combining accent (NFD): the page reads the same,
    # so the catalogs must not change (no fuzzy entry for the translator to confirm again) and the build must
    # still find every translation
    rewrite(project, LESSON, ("- Reviews matter.", "- Reviews matter, even at a café."))
    rewrite(project, "quizzes/first-steps.yml", ("text: Which of these are touchpoints?",
                                                 "text: Which of these are touchpoints at a café?"))
    update(project)
    confirm(project, "content/journey/first-steps", "Reviews matter, even at a café.",
            "Отзывы важны, даже в кафе Decomposedmark.")
    confirm(project, "quizzes/first-steps", "Which of these are touchpoints at a café?",
            "Что из этого — точки контакта в кафе Decomposedquizmark?")
    update(project)
    before = snapshot(project)
    for name in (LESSON, "quizzes/first-steps.yml"):
        path = project / name
        path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")
    assert "cafe\u0301" in (project / LESSON).read_text(encoding="utf-8")
    update(project)
    assert snapshot(project) == before, [e.msgid for e in ru(project) if e.msgid and not e.translated()]
    page = sitekit.build(project).site / "ru" / "journey" / "first-steps" / "index.html"
    text = page.read_text(encoding="utf-8")
    assert "Decomposedmark" in text and "Decomposedquizmark" in text
