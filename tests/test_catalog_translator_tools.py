"""What Poedit, Weblate and a text editor do to a catalog, then a routine English edit: nothing is lost.

Each case saves the Russian catalogs the way a translator's tool does (rewrapped,
reordered, new headers and flags, obsolete entries, line endings, a byte-order
mark, no final newline, plural forms, a context), an editor then rewords a
translated paragraph, and `academy i18n update` runs. Every catalog is then read
by GNU msgfmt, polib, Babel and translate-toolkit; every translation is still
there (live, or fuzzy with the English it was written for as `#| msgid`); no
message is in a file twice; and a second update writes nothing.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest

from test_catalog_routine_edits import (
    LESSON,
    assert_every_tool_accepts_every_catalog,
    assert_no_entry_twice,
    rewrite,
    snapshot,
    update,
)

RU_LESSON = "locales/ru/LC_MESSAGES/content/journey/first-steps.po"
RU_QUIZ = "locales/ru/LC_MESSAGES/quizzes/first-steps.po"
RU_UI = "locales/ru/LC_MESSAGES/ui.po"
REWORDED = ("Every customer meets the brand through a touchpoint.", "Every customer meets the brand at a touchpoint.")


def _polib(name: str, change: Callable[[polib.POFile], None], wrapwidth: int = 79) -> Callable[[Path], None]:
    def save(project: Path) -> None:
        catalog = polib.pofile(str(project / name), wrapwidth=wrapwidth)
        change(catalog)
        catalog.wrapwidth = wrapwidth
        catalog.save()
    return save


def _bytes(name: str, change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def save(project: Path) -> None:
        path = project / name
        path.write_bytes(change(path.read_bytes()))
    return save


def _reordered(catalog: polib.POFile) -> None:
    catalog.sort(key=lambda entry: entry.msgid, reverse=True)  # Poedit's "sort by source"


def _weblate_headers(catalog: polib.POFile) -> None:
    catalog.metadata.update({"X-Generator": "Weblate 5.8", "Language": "ru", "PO-Revision-Date": "2026-11-30 10:00+0000",
                             "Last-Translator": "Иван <ivan@example.org>", "Language-Team": "Russian <https://hosted.weblate.org/>",
                             "Plural-Forms": "nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
                                             "(n%100<10 || n%100>=20) ? 1 : 2;"})


def _flags(catalog: polib.POFile) -> None:
    for entry in catalog:
        if entry.msgid == REWORDED[0]:
            entry.flags += ["no-wrap", "max-length:200"]
            entry.tcomment = "Проверено редактором"
        elif entry.msgstr:
            entry.flags.append("python-brace-format" if "{" in entry.msgid else "no-python-format")


def _obsolete(catalog: polib.POFile) -> None:
    # what earlier English left behind, kept by the translator's tool
    catalog.append(polib.POEntry(msgid="A shopper used to read ads.", msgstr="Раньше покупатель читал рекламу.", obsolete=True))
    catalog.append(polib.POEntry(msgid="Every customer meets the brand at a touchpoint.",
                                 msgstr="Каждый клиент встречает бренд в точке контакта (старое).", obsolete=True))


def _obsolete_fuzzy_with_previous(catalog: polib.POFile) -> None:
    catalog.append(polib.POEntry(msgid="Ads matter.", msgstr="Реклама важна.", obsolete=True, flags=["fuzzy"],
                                 previous_msgid="Adverts matter."))


def _fuzzy_by_hand(catalog: polib.POFile) -> None:
    # a translator unsure of a translation marks it fuzzy without a previous English
    catalog.find(REWORDED[0]).flags.append("fuzzy")


def _translator_context(catalog: polib.POFile) -> None:
    # a second copy of a message with a context, as a tool adds for a message that needs two translations
    catalog.append(polib.POEntry(msgctxt="table", msgid="Reviews matter.", msgstr="Отзывы важны (таблица)."))


def _translator_plural(catalog: polib.POFile) -> None:
    entry = next(e for e in catalog if e.msgid_plural and "{count}" in e.msgid)
    forms = [form.replace("{count}", "{count} ") for form in entry.msgstr_plural.values()]
    entry.msgstr_plural = dict(enumerate(forms))


def _no_final_newline(data: bytes) -> bytes:
    return data.rstrip(b"\n")


def _crlf_bom_and_no_newline(data: bytes) -> bytes:
    return b"\xef\xbb\xbf" + data.rstrip(b"\n").replace(b"\n", b"\r\n")


def _long_lines(data: bytes) -> bytes:
    # a text editor joins every wrapped string into one line
    catalog = polib.pofile(data.decode("utf-8"), wrapwidth=0)
    catalog.wrapwidth = 0
    return str(catalog).encode("utf-8")


def _line_separators(catalog: polib.POFile) -> None:
    # text pasted from Word or a web page into Poedit: a line or paragraph separator, a next-line
    # character; msgfmt reads each as a letter of its string, not as the end of a line
    for msgid, separator in (("Reviews matter.", "\u2028"), ("Ratings matter too.", "\u2029"), ("Stage", "\x85")):
        entry = catalog.find(msgid)
        entry.msgstr = entry.msgstr.replace(" ", separator, 1) if " " in entry.msgstr else entry.msgstr + separator + "!"


def _cr_line_ends(data: bytes) -> bytes:
    return data.replace(b"\n", b"\r")  # an old Mac editor's line ends


def _blank_lines_and_comments(data: bytes) -> bytes:
    return data.replace(b"\n\n", b"\n\n\n# \xd0\xb7\xd0\xb0\xd0\xbc\xd0\xb5\xd1\x82\xd0\xba\xd0\xb0\n", 3)


SAVES: dict[str, Callable[[Path], None]] = {
    "poedit-rewraps-at-79": _polib(RU_LESSON, lambda c: None, wrapwidth=79),
    "weblate-rewraps-at-77-no-wrap-at-0": _polib(RU_LESSON, lambda c: None, wrapwidth=0),
    "narrow-wrap": _polib(RU_LESSON, lambda c: None, wrapwidth=20),
    "sorted-by-source": _polib(RU_LESSON, _reordered),
    "weblate-headers": _polib(RU_LESSON, _weblate_headers),
    "flags-and-comments": _polib(RU_LESSON, _flags),
    "obsolete-entries": _polib(RU_LESSON, _obsolete),
    "obsolete-fuzzy-with-previous": _polib(RU_LESSON, _obsolete_fuzzy_with_previous),
    "fuzzy-by-hand": _polib(RU_LESSON, _fuzzy_by_hand),
    "a-context-added": _polib(RU_LESSON, _translator_context),
    "plural-filled": _polib(RU_UI, _translator_plural),
    "fuzzy-header-on-the-interface": _polib(RU_UI, lambda c: setattr(c, "metadata_is_fuzzy", True)),
    "fuzzy-header-on-a-lesson": _polib(RU_LESSON, lambda c: setattr(c, "metadata_is_fuzzy", True)),
    "language-with-a-region": _polib(RU_UI, lambda c: c.metadata.update({"Language": "ru_RU"})),
    "no-final-newline": _bytes(RU_LESSON, _no_final_newline),
    "crlf-bom-no-newline": _bytes(RU_LESSON, _crlf_bom_and_no_newline),
    "quiz-crlf-bom-no-newline": _bytes(RU_QUIZ, _crlf_bom_and_no_newline),
    "long-lines": _bytes(RU_LESSON, _long_lines),
    "blank-lines-and-comments": _bytes(RU_LESSON, _blank_lines_and_comments),
    "line-separators-in-translations": _polib(RU_LESSON, _line_separators),
    "cr-line-ends": _bytes(RU_LESSON, _cr_line_ends),
    "no-content-type-in-the-header": _polib(RU_LESSON, lambda c: c.metadata.pop("Content-Type")),
    "charset-placeholder-in-the-header": _polib(RU_UI, lambda c: c.metadata.update(
        {"Content-Type": "text/plain; charset=CHARSET"})),
}


def translations(project: Path) -> dict[tuple[str, str | None, str], str | tuple[str, ...]]:
    """Every translation a translator wrote, by file, context and English."""
    found: dict[tuple[str, str | None, str], str | tuple[str, ...]] = {}
    for path in sorted((project / "locales/ru").rglob("*.po")):
        for entry in polib.pofile(str(path)):
            text = tuple(entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)) if entry.msgid_plural else entry.msgstr
            if entry.msgid and any(text):
                found[(path.relative_to(project).as_posix(), entry.msgctxt, entry.msgid)] = text
    return found


def kept(project: Path, name: str, context: str | None, msgid: str, text) -> bool:
    for entry in polib.pofile(str(project / name)):
        now = tuple(entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)) if entry.msgid_plural else entry.msgstr
        if now != text or entry.msgctxt != context and entry.previous_msgctxt != context:
            continue
        if entry.msgid == msgid or entry.previous_msgid == msgid and "fuzzy" in entry.flags:
            return True
    return False


@pytest.mark.parametrize("case", sorted(SAVES))
def test_a_catalog_saved_by_a_translators_tool_loses_nothing_through_an_english_edit(project, tmp_path, case):
    SAVES[case](project)
    written = translations(project)
    rewrite(project, LESSON, REWORDED)
    update(project)
    assert_every_tool_accepts_every_catalog(project, tmp_path)
    assert_no_entry_twice(project)
    lost = [key for key, text in written.items() if not kept(project, *key, text)]
    assert not lost, lost
    entry = polib.pofile(str(project / RU_LESSON)).find(REWORDED[1])
    # fuzzy with the English it was written for, or live from an obsolete entry of that very English
    assert entry.msgstr and ("fuzzy" in entry.flags and entry.previous_msgid == REWORDED[0]
                             or entry.msgstr.endswith("(старое)."))
    for path in (project / "locales").rglob("*.po"):
        data = path.read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data and data.endswith(b"\n"), path
    before = snapshot(project)
    assert "0 file(s) changed" in update(project).stdout
    assert snapshot(project) == before


def test_a_fuzzy_mark_a_translator_set_on_unchanged_english_stays_as_it_was(project):
    _polib(RU_LESSON, _fuzzy_by_hand)(project)
    update(project)
    entry = polib.pofile(str(project / RU_LESSON)).find(REWORDED[0])
    assert "fuzzy" in entry.flags and entry.previous_msgid is None
    assert entry.msgstr == "Каждый клиент встречает бренд в точке контакта."
    before = snapshot(project)
    assert "0 file(s) changed" in update(project).stdout
    assert snapshot(project) == before


# A Russian plural form other than the last serves 1, 21, 31... or 2, 3, 4, 22...: it must show the number.
PLURAL_SLIPS = {
    "summary-form-0-drops-the-count": ("You answered {correct} of {total} question correctly.", 0,
                                       "Один правильный ответ из {total}."),
    "summary-form-1-drops-the-total": ("You answered {correct} of {total} question correctly.", 1,
                                       "Правильных ответов: {correct}."),
    "jump-form-0-drops-the-count": ("Quiz: {count} question", 0, "Тест: один вопрос"),
}


@pytest.mark.parametrize("case", sorted(PLURAL_SLIPS))
def test_a_plural_form_that_serves_several_counts_without_its_number_is_refused_by_update_and_build(project, case):
    from academy.catalogs import read_catalog
    from academy.errors import ContentError
    from academy.interface import Interface

    msgid, index, slip = PLURAL_SLIPS[case]
    path = project / RU_UI
    catalog = polib.pofile(str(path))
    entry = catalog.find(msgid)
    entry.msgstr_plural[index] = slip
    catalog.save()
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text == f'msgid "{msgid}"')
    before = snapshot(project)
    result = update(project, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{RU_UI}:" in result.stderr and "msgfmt refuses this translation" in result.stderr, result.stderr
    assert snapshot(project) == before
    with pytest.raises(ContentError) as refused:
        Interface("ru", read_catalog(path, "ru", "ui", project))
    problem = refused.value.problems[0]
    # the entry's first line (its comments), as every other catalog problem is told
    assert 0 <= line - problem.line < 8 and f"msgstr[{index}]" in problem.message, problem


def test_an_obsolete_copy_of_a_live_message_is_refused_at_its_line_with_what_to_delete(project):
    path = project / RU_LESSON
    with path.open("a", encoding="utf-8") as handle:  # an old file's #~ entries pasted under the new ones
        handle.write('\n#~ msgid "Reviews matter."\n#~ msgstr "Отзывы важны (старое)."\n')
    lines = path.read_text(encoding="utf-8").splitlines()
    live, old = lines.index('msgid "Reviews matter."') + 1, lines.index('#~ msgid "Reviews matter."') + 1
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True).returncode != 0
    before = snapshot(project)
    result = update(project, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{RU_LESSON}:{old}: the message 'Reviews matter.' is in this file twice (also at line {live})" in result.stderr
    assert "delete the old copy marked #~" in result.stderr
    assert snapshot(project) == before


def test_a_catalog_without_its_header_entry_is_refused_at_line_1_with_what_to_do(project):
    path = project / RU_LESSON
    data = path.read_bytes()
    path.write_bytes(data[data.index(b"\n\n") + 2:])  # the header entry deleted in a text editor
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True).returncode != 0
    before = snapshot(project)
    result = update(project, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{RU_LESSON}:1: " in result.stderr and "header" in result.stderr, result.stderr
    assert "Content-Type" in result.stderr and "{placeholders}" not in result.stderr, result.stderr
    assert snapshot(project) == before


@pytest.mark.parametrize("draft", ["Черновик перевода.\n", "\nЧерновик перевода."])
def test_a_fuzzy_draft_msgfmt_would_refuse_as_live_stays_fuzzy_when_its_english_comes_back(project, tmp_path, draft):
    rewrite(project, LESSON, REWORDED)
    update(project)
    catalog = polib.pofile(str(project / RU_LESSON))
    catalog.find(REWORDED[1]).msgstr = draft  # typed in Poedit with an extra line break, left fuzzy: msgfmt accepts it
    catalog.save()
    rewrite(project, LESSON, (REWORDED[1], REWORDED[0]))
    result = update(project, check=False)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    entry = polib.pofile(str(project / RU_LESSON)).find(REWORDED[0])
    assert entry.msgstr == draft and "fuzzy" in entry.flags  # kept, for the translator to finish
    assert_every_tool_accepts_every_catalog(project, tmp_path)
    assert_no_entry_twice(project)
    before = snapshot(project)
    assert "0 file(s) changed" in update(project).stdout
    assert snapshot(project) == before


def test_a_fuzzy_interface_draft_with_a_misspelt_placeholder_stays_fuzzy_when_its_english_comes_back(project, tmp_path,
                                                                                                    monkeypatch):
    from academy import i18n
    from academy.mkdocs.project import sources

    original = dict(i18n.STRINGS)
    key = next(key for key, text in original.items() if text == "Review: {section}")
    monkeypatch.setattr(i18n, "STRINGS", {**original, key: "Review the section: {section}"})
    i18n.update(sources(project / "mkdocs.yml"))
    catalog = polib.pofile(str(project / RU_UI))
    catalog.find("Review the section: {section}").msgstr = "Повторить раздел: {sektion}"  # a draft, left fuzzy
    catalog.save()
    monkeypatch.setattr(i18n, "STRINGS", original)
    i18n.update(sources(project / "mkdocs.yml"))
    entry = polib.pofile(str(project / RU_UI)).find("Review: {section}")
    assert entry.msgstr == "Повторить раздел: {sektion}" and "fuzzy" in entry.flags
    assert_every_tool_accepts_every_catalog(project, tmp_path)
    assert_no_entry_twice(project)
    before = snapshot(project)
    assert not i18n.update(sources(project / "mkdocs.yml")).changed
    assert snapshot(project) == before
