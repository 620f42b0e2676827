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


def test_a_line_of_only_a_no_break_space_keeps_a_paragraph_one_message_as_markdown_shows_it(project, tmp_path):
    # a line that looks empty but holds a no-break space (or another Unicode space) is text to Python-Markdown: the
    # paragraph, the item and the quotation around it stay one; only inside an admonition's indented text (which
    # Markdown reads line by line as blank or not) it parts two paragraphs, as a reader sees them
    rewrite(project, LESSON, ("A shopper reads reviews before buying.", "A shopper reads reviews\n\u00a0\nbefore buying."),
            ("- Reviews matter.", "- Reviews\n\u2003\n  matter."),
            ("    Answer every customer kindly.", "    Answer every customer kindly.\n\u00a0\n    Thank every customer."))
    update(project)
    shown = _template(project)
    for msgid in ("A shopper reads reviews before buying.", "Reviews matter.", "Answer every customer kindly.",
                  "Thank every customer."):
        assert msgid in shown, shown
    assert not [msgid for msgid in shown if msgid in ("A shopper reads reviews", "before buying.", "Reviews", "matter.")
                or "Thank" in msgid and "kindly" in msgid], shown
    for msgid in ("A shopper reads reviews before buying.", "Reviews matter."):
        entry = ru(project).find(msgid)
        assert entry.translated() and not entry.fuzzy, entry
    assert_settled(project, tmp_path)
    page = sitekit.build(project).site / "ru" / "journey" / "first-steps" / "index.html"
    text = page.read_text(encoding="utf-8")
    assert "Покупатель читает отзывы перед покупкой." in text and "Отзывы важны." in text, text


def test_a_lesson_emptied_for_a_while_keeps_its_catalogs_and_is_not_said_to_be_gone(project, tmp_path):
    lesson = project / LESSON
    english = lesson.read_text(encoding="utf-8")
    lesson.write_text("", encoding="utf-8")
    result = update(project)
    assert "no longer exists" not in result.stderr and "delete this file" not in result.stderr, result.stderr
    assert ("locales/ru/LC_MESSAGES/content/journey/first-steps.po: its English source (content/journey/first-steps.md) "
            "has no text to translate now; its translations are kept") in result.stderr, result.stderr
    lesson.write_text(english, encoding="utf-8")
    update(project)
    entry = ru(project).find("A shopper reads reviews before buying.")
    assert entry.msgstr == "Покупатель читает отзывы перед покупкой." and not entry.fuzzy, entry
    assert_settled(project, tmp_path)


def test_a_line_separator_in_a_lesson_front_matter_leaves_every_later_line_number_right(project):
    # YAML reads U+2028 as a line break, an editor sees none: a mistake below it is still reported at its own line
    rewrite(project, LESSON, ("title: First steps\n", 'title: "First\u2028steps"\n'),
            ("description: How a customer meets a brand.\n", "description: How a customer meets a brand.\nsumary: Shops.\n"))
    checked = sitekit.check(project)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert f"{LESSON}:4: unknown front matter key `sumary`" in checked.stdout + checked.stderr, checked.stderr
    rewrite(project, LESSON, ('title: "First\u2028steps"\n', "title: First\u2028steps\n"), ("sumary: Shops.\n", ""))
    result = update(project, check=False)
    assert result.returncode == 1, result.stderr
    assert f"{LESSON}:2: front matter is not valid YAML" in result.stderr and "U+2028" in result.stderr, result.stderr
    rewrite(project, LESSON, ("title: First\u2028steps\n", 'title: "First\u2028steps"\n'))
    update(project)
    # the title reads "First steps" in a browser tab, as the heading does: one message, still translated
    assert "First steps" in _template(project) and "First\u2028steps" not in _template(project), _template(project)
    assert ru(project).find("First steps").msgstr == "Первые шаги" and not ru(project).find("First steps").fuzzy
    # and the Russian page, its front matter written again with the translations, is built and shows them
    page = sitekit.build(project).site / "ru" / "journey" / "first-steps" / "index.html"
    text = page.read_text(encoding="utf-8")
    assert "<title>Первые шаги" in text and "Как клиент знакомится с брендом." in text, text[:2000]
