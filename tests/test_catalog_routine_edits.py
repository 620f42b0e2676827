"""Routine English edits, and translators' own tools, never leave a catalog a gettext tool refuses.

Each test edits a tiny academy the way an editor or translator does, runs
`academy i18n update`, and opens every catalog with the four tools of the
field: GNU msgfmt --check, translate-toolkit (its reader, pocount and pofilter,
as Weblate uses them), polib and Babel. Every translation that still applies
is kept (fuzzy where its English changed), no entry appears twice, and a
second update changes nothing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polib
import pytest
from babel.messages.pofile import read_po
from translate.storage import pypo

import sitekit

LESSON = "content/journey/first-steps.md"
QUIZ = "quizzes/first-steps.yml"
BIN = Path(sys.executable).parent


def catalogs(project: Path) -> list[Path]:
    return sorted((project / "locales").rglob("*.po")) + sorted((project / "locales").rglob("*.pot"))


def snapshot(project: Path) -> dict[str, bytes]:
    return {path.relative_to(project).as_posix(): path.read_bytes() for path in catalogs(project)}


def assert_settled(project: Path, tmp_path: Path) -> None:
    """Every tool reads every catalog, no message is there twice, and a second update writes nothing."""
    assert_every_tool_accepts_every_catalog(project, tmp_path)
    assert_no_entry_twice(project)
    before = snapshot(project)
    assert "0 file(s) changed" in update(project).stdout
    assert snapshot(project) == before


def update(project: Path, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "academy.cli", "i18n", "update"], cwd=project,
                            capture_output=True, text=True, check=False)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def assert_every_tool_accepts_every_catalog(project: Path, scratch: Path) -> None:
    """GNU msgfmt --check, translate-toolkit's reader, polib and Babel read each catalog; translate-toolkit's
    pocount and pofilter read them all in one run each (both name, in their errors, a file they cannot read)."""
    paths = catalogs(project)
    for path in paths:
        msgfmt = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert msgfmt.returncode == 0, f"{path}: {msgfmt.stderr}"
        pypo.pofile.parsefile(str(path))
        polib.pofile(str(path))
        with path.open("rb") as handle:
            read_po(handle, abort_invalid=True)
    pocount = subprocess.run([str(BIN / "pocount"), *map(str, paths)], capture_output=True, text=True)
    assert pocount.returncode == 0 and "error" not in pocount.stderr.lower(), pocount.stderr
    pofilter = subprocess.run([str(BIN / "pofilter"), "--progress=none", str(project / "locales"), str(scratch / "pofilter")],
                              capture_output=True, text=True)
    assert pofilter.returncode == 0 and "error" not in pofilter.stderr.lower(), pofilter.stderr


def assert_no_entry_twice(project: Path) -> None:
    for path in catalogs(project):
        keys = [(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if e.msgid]  # obsolete (#~) ones too
        assert len(keys) == len(set(keys)), path


def ru(project: Path, domain: str = "content/journey/first-steps") -> polib.POFile:
    return polib.pofile(str(project / f"locales/ru/LC_MESSAGES/{domain}.po"))


def rewrite(project: Path, name: str, *pairs: tuple[str, str], crlf: bool = False) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    path.write_bytes((text.replace("\n", "\r\n") if crlf else text).encode("utf-8"))


AWKWARD = [
    'A "quoted" word, a back\\slash and a tab\there.',
    "Nine in 10 (90%) of the {brands} answer %s and %(name)s and {0} and {{double}} within a day.",
    "Emoji 🎉 and non-ASCII: naïve café, Ёжик, ngâ, ᜀᜁᜂ.",
    "A very long line " + "with many words " * 30 + "at the end.",
    "Ratings matter too.",  # the same text as a list item elsewhere on the page
]


def test_routine_english_edits_leave_catalogs_every_tool_accepts_and_keep_every_translation(project, tmp_path):
    rewrite(project, LESSON,
            ("Every customer meets the brand through a touchpoint.",  # reworded
             "Every customer meets the brand at a touchpoint."),
            ("A shopper reads reviews before buying.",  # split in two
             "A shopper reads reviews. Then the shopper buys."),
            ("## The research moment", "## The research moment online"),  # a heading renamed: its anchor changes
            ("- Ratings matter too.\n", "- Ratings matter too.\n- Prices matter most.\n"),  # a list item added
            ("- Reviews matter.\n", ""),  # and one removed
            ("## Frequently asked questions", "\n\n".join(AWKWARD) + "\n\n## Frequently asked questions"),
            crlf=True)
    rewrite(project, QUIZ,
            ("      - text: Sleeps\n", "      - text: Sleeps\n      - text: Waits for a sale\n"),  # an option added
            ("    explanation: Shoppers research first.", "    explanation: |\n      Shoppers research first.\n"),
            ("    text: Put the stages in order.", '    text: "  Put the stages in order.  "'))
    update(project)
    assert_every_tool_accepts_every_catalog(project, tmp_path)
    assert_no_entry_twice(project)
    lesson = ru(project)
    for msgid, kept in (("Every customer meets the brand at a touchpoint.", "Каждый клиент встречает бренд в точке контакта."),
                        ("The research moment online", "Момент исследования")):
        entry = lesson.find(msgid)
        assert entry.msgstr == kept and "fuzzy" in entry.flags
    # a removed item's translation is kept: obsolete, or offered as fuzzy for a similar new message
    assert any(e.msgstr == "Отзывы важны." and (e.obsolete or "fuzzy" in e.flags) for e in lesson)
    assert lesson.find("Ratings matter too.").msgstr == "Оценки тоже важны."
    quiz = ru(project, "quizzes/first-steps")
    # a block scalar's line break and a quoted text's spaces are no part of the message
    assert quiz.find("Shoppers research first.").msgstr == "Покупатели сначала изучают."
    assert "fuzzy" not in quiz.find("Put the stages in order.").flags
    before = snapshot(project)
    assert "0 file(s) changed" in update(project).stdout
    assert snapshot(project) == before

    # a translator fills in the awkward messages as Poedit does (the text typed, nothing at the ends)
    sitekit.translate_catalogs(project, "ru", {text: "Перевод: " + text.replace("Emoji", "Эмодзи") for text in AWKWARD[:4]}
                               | {"Waits for a sale": "Ждёт распродажи", "Prices matter most.": "Цены важнее всего."})
    update(project)
    assert_settled(project, tmp_path)


def test_a_quiz_text_written_as_a_block_scalar_is_a_message_without_its_line_break(project, tmp_path):
    rewrite(project, QUIZ, ("    hint: Think of what you do before you buy something online.",
                            "    hint: >\n      Think of what you do\n      before you buy something online.\n"))
    update(project)
    quiz = ru(project, "quizzes/first-steps")
    assert [e.msgid for e in quiz if e.msgid.startswith("Think")] == ["Think of what you do before you buy something online."]
    assert quiz.find("Think of what you do before you buy something online.").msgstr.startswith("Вспомните")
    assert_every_tool_accepts_every_catalog(project, tmp_path)


@pytest.mark.parametrize(("msgid", "msgstr", "said"), [
    ("Reviews matter.", "Отзывы важны.\n", "do not both end with"),
    ("Review: {section}", "Повторить: {sektion}", "section"),
])
def test_a_translation_msgfmt_refuses_stops_the_update_at_its_own_line(project, msgid, msgstr, said):
    domain = "ui" if "{" in msgid else "content/journey/first-steps"
    path = project / f"locales/ru/LC_MESSAGES/{domain}.po"
    catalog = polib.pofile(str(path))
    catalog.find(msgid).msgstr = msgstr
    catalog.save()
    lines = path.read_text(encoding="utf-8").splitlines()
    line = lines.index(f'msgstr "{polib.escape(msgstr)}"') + 1
    rewrite(project, LESSON, ("Every customer meets the brand through a touchpoint.", "Every customer meets the brand."))
    before = snapshot(project)
    result = update(project, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    shown = path.relative_to(project).as_posix()
    found = [row for row in result.stderr.splitlines() if row.startswith(f"{shown}:")]
    assert found and said in found[0], result.stderr
    assert int(found[0].split(":")[1]) == line, (line, found)
    assert "report this" not in result.stderr and "hint: fix this translation" in result.stderr
    assert snapshot(project) == before


def test_a_file_saved_by_poedit_keeps_every_translation_through_an_update(project, tmp_path):
    rewrite(project, LESSON, ("A shopper reads reviews before buying.",
                              "A shopper reads reviews, ratings and long forum threads before buying anything at all."))
    update(project)
    path = project / "locales/ru/LC_MESSAGES/content/journey/first-steps.po"
    saved = polib.pofile(str(path), wrapwidth=79)
    metadata = dict(reversed(list(saved.metadata.items())))  # Poedit writes the header in its own order
    metadata["X-Generator"] = "Poedit 3.4.2"
    metadata["X-Poedit-SourceCharset"] = "UTF-8"
    saved.metadata = metadata
    entry = saved.find("A shopper reads reviews, ratings and long forum threads before buying anything at all.")
    assert "fuzzy" in entry.flags and entry.previous_msgid == "A shopper reads reviews before buying."
    saved.wrapwidth = 79
    saved.save()
    assert "#| msgid" in path.read_text(encoding="utf-8")
    before = {(e.msgid, e.msgstr, "fuzzy" in e.flags, e.previous_msgid) for e in polib.pofile(str(path))}
    update(project)
    assert {(e.msgid, e.msgstr, "fuzzy" in e.flags, e.previous_msgid) for e in ru(project)} == before
    assert "X-Generator: Poedit 3.4.2" in path.read_text(encoding="utf-8")
    assert_every_tool_accepts_every_catalog(project, tmp_path)
    assert_no_entry_twice(project)
    after = snapshot(project)
    update(project)
    assert snapshot(project) == after


def test_an_interface_string_that_becomes_plural_or_loses_its_placeholder_keeps_its_translation(project, tmp_path, monkeypatch):
    from academy import i18n
    from academy.mkdocs.project import sources

    strings = dict(i18n.STRINGS)
    single = next(key for key, text in strings.items() if text == "Not started")
    brace = next(key for key, text in strings.items() if text == "Review: {section}")
    del strings[single]
    strings[brace] = "Review this section"
    monkeypatch.setattr(i18n, "STRINGS", strings)
    monkeypatch.setattr(i18n, "PLURALS", {**i18n.PLURALS, single: ("Not started", "{count} not started")})
    i18n.update(sources(project / "mkdocs.yml"))
    catalog = ru(project, "ui")
    plural = catalog.find("Not started")
    assert plural.msgid_plural == "{count} not started" and "fuzzy" in plural.flags
    assert "Не начат" in plural.msgstr_plural.values()
    lost = catalog.find("Review this section")
    assert lost.msgstr == "Повторить: {section}" and "fuzzy" in lost.flags
    assert_every_tool_accepts_every_catalog(project, tmp_path)
    assert_no_entry_twice(project)
    before = snapshot(project)
    assert not i18n.update(sources(project / "mkdocs.yml")).changed
    assert snapshot(project) == before


def test_a_catalog_saved_by_notepad_with_a_byte_order_mark_and_crlf_is_updated_and_written_plainly(project, tmp_path):
    path = project / "locales/ru/LC_MESSAGES/content/journey/first-steps.po"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    rewrite(project, LESSON, ("Every customer meets the brand through a touchpoint.", "Every customer meets the brand at a touchpoint."))
    update(project)
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
    entry = ru(project).find("Every customer meets the brand at a touchpoint.")
    assert entry.msgstr == "Каждый клиент встречает бренд в точке контакта." and "fuzzy" in entry.flags
    assert_every_tool_accepts_every_catalog(project, tmp_path)


def test_a_catalog_with_a_message_twice_is_refused_at_the_second_one_with_both_lines(project):
    path = project / "locales/ru/LC_MESSAGES/content/journey/first-steps.po"
    first = path.read_text(encoding="utf-8").splitlines().index('msgid "Reviews matter."') + 1
    with path.open("a", encoding="utf-8") as handle:  # two translators' files pasted together
        handle.write('\n#: content/journey/first-steps.md\nmsgid "Reviews matter."\nmsgstr "Отзывы важны!"\n')
    second = path.read_text(encoding="utf-8").splitlines().index('msgid "Reviews matter."', first) + 1
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True).returncode != 0
    before = snapshot(project)
    shown = path.relative_to(project).as_posix()
    for command in (["i18n", "update"], ["i18n", "status"]):
        result = subprocess.run([sys.executable, "-m", "academy.cli", *command], cwd=project, capture_output=True, text=True)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert f"{shown}:{second}: the message 'Reviews matter.' is in this file twice (also at line {first})" in result.stderr
        assert "keep one of the two" in result.stderr
    assert snapshot(project) == before


def _translated(project: Path, domain: str) -> int:
    return sum(1 for e in ru(project, domain) if e.msgid and e.translated() and not e.obsolete)


def test_a_lesson_moved_away_and_a_new_page_written_in_its_place_takes_its_translations_along(project, tmp_path):
    lesson = "content/journey/first-steps"
    translated = _translated(project, lesson)
    (project / LESSON).rename(project / "content/journey/first-steps-old.md")
    (project / LESSON).write_text("---\ntitle: Brand new\n---\n\n# Brand new\n\nA page about something else.\n",
                                  encoding="utf-8")
    update(project)
    assert _translated(project, "content/journey/first-steps-old") == translated
    assert ru(project, "content/journey/first-steps-old").find("Reviews matter.").msgstr == "Отзывы важны."
    # the new page starts afresh: no stranded copies of the old page's translations, none offered for it
    assert not [e for e in ru(project, lesson) if e.msgstr]
    assert_settled(project, tmp_path)


def test_two_lessons_that_swap_names_swap_catalogs(project, tmp_path):
    other = project / "content/journey/second-steps.md"
    other.write_text("---\ntitle: Second steps\n---\n\n# Second steps\n\nA customer comes back for more.\n\n"
                     "Loyal customers tell friends.\n", encoding="utf-8")
    update(project)
    sitekit.translate_catalogs(project, "ru", {"Second steps": "Вторые шаги", "A customer comes back for more.":
                                               "Клиент возвращается за новым.", "Loyal customers tell friends.":
                                               "Верные клиенты рассказывают друзьям."})
    update(project)
    first, second = _translated(project, "content/journey/first-steps"), _translated(project, "content/journey/second-steps")
    swap = project / "content/journey/swap.md"
    (project / LESSON).rename(swap)
    other.rename(project / LESSON)
    swap.rename(other)
    update(project)
    assert _translated(project, "content/journey/first-steps") == second
    assert _translated(project, "content/journey/second-steps") == first
    assert ru(project).find("Loyal customers tell friends.").msgstr == "Верные клиенты рассказывают друзьям."
    assert_every_tool_accepts_every_catalog(project, tmp_path)
    assert_no_entry_twice(project)


@pytest.mark.parametrize(("old", "new", "line"), [
    ("Every customer meets the brand through a touchpoint.", "Every customer meets\x00 the brand.", 8),  # pasted from a PDF
    ("A shopper reads reviews before buying.", "A shopper \x1b[1mreads\x1b[0m reviews.", 12),  # copied from a terminal
    ("title: First steps", 'title: "First\\0 steps"', 2),  # a YAML escape in the front matter
    ("description: How a customer meets a brand.", 'description: "How a customer\\a meets a brand."', 3),
])
def test_english_with_a_control_character_is_refused_at_its_line_before_any_catalog_is_written(project, old, new, line):
    # GNU gettext ends a string at a NUL (the message would be cut short) and the build refuses the page:
    # the catalogs must not be written from English that is not what the page holds
    rewrite(project, LESSON, (old, new))
    before = snapshot(project)
    for command in (["i18n", "update"], ["i18n", "status"]):
        result = subprocess.run([sys.executable, "-m", "academy.cli", *command], cwd=project, capture_output=True, text=True)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert f"{LESSON}:{line}: an invisible control character (U+" in result.stderr, result.stderr
        assert "delete it" in result.stderr
    assert snapshot(project) == before


def test_a_note_to_translators_ending_with_a_backslash_is_refused_at_its_line(project, tmp_path):
    # gettext joins a line that ends with a backslash to the next one, comments too: the note would swallow
    # the message's `#:` reference in every catalog, and lose its backslash
    rewrite(project, LESSON, ("A shopper reads reviews before buying.",
                              "<!-- translators: keep the folder name C:\\ -->\n\nA shopper reads reviews before buying."))
    before = snapshot(project)
    result = update(project, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"{LESSON}:12: a note to translators ends with a backslash" in result.stderr, result.stderr
    assert snapshot(project) == before

    # a backslash anywhere else in a note reaches the translator as written, with the message's reference
    rewrite(project, LESSON, ("C:\\ -->", "C:\\ as it is -->"))
    update(project)
    for path in catalogs(project):
        if path.stem == "first-steps" and "quizzes" not in path.parts:
            entry = polib.pofile(str(path)).find("A shopper reads reviews before buying.")
            assert entry.comment.split("\n")[-1] == "TRANSLATORS: keep the folder name C:\\ as it is", path
            assert entry.occurrences == [(LESSON, "")], path
    assert_settled(project, tmp_path)
