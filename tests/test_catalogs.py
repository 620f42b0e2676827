"""Catalogs as translators get them: read by gettext's own tools, updated without losing work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polib

import sitekit


def po(root: Path, lang: str, domain: str) -> Path:
    return root / "locales" / lang / "LC_MESSAGES" / f"{domain}.po"


def read(path: Path) -> polib.POFile:
    return polib.pofile(str(path))


def test_every_catalog_passes_msgfmt_check(project):
    catalogs = sorted((project / "locales").rglob("*.po")) + sorted((project / "locales").rglob("*.pot"))
    assert len(catalogs) >= 12
    for path in catalogs:
        result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, f"{path}: {result.stderr}"


def test_catalog_headers_name_the_language_and_cldr_plural_forms(project):
    fil = read(po(project, "fil", "ui")).metadata
    assert fil["Language"] == "fil"
    assert fil["Plural-Forms"] == ("nplurals=2; plural=(n != 1 && n != 2 && n != 3 && "
                                   "(n % 10 == 4 || n % 10 == 6 || n % 10 == 9));")
    ru = read(po(project, "ru", "ui")).metadata
    assert ru["Plural-Forms"].startswith("nplurals=3;")


def test_messages_carry_their_source_file_and_what_they_are(project):
    catalog = read(po(project, "ru", "content/journey/first-steps"))
    heading = catalog.find("The research moment")
    assert heading.occurrences == [("content/journey/first-steps.md", "")]
    assert heading.comment == "section heading"
    assert catalog.find("Why do reviews matter?").comment == "FAQ question"
    quiz = read(po(project, "ru", "quizzes/first-steps"))
    assert quiz.find("Reads reviews").comment == "quiz option, correct answer"
    assert quiz.find("Sleeps").comment == "quiz option, wrong answer"


def test_an_editors_note_to_translators_reaches_the_catalog_beside_its_message_and_nothing_else(project):
    """`<!-- translators: ... -->` above a block is shown to translators (Poedit, Weblate: the extracted comment) with
    that block's message, as xgettext's `TRANSLATORS:` comments are; the reader never sees it."""
    sitekit.edit(project / "content/journey/first-steps.md", "A shopper reads reviews before buying.\n",
                 "<!-- Translators: keep the example\n     a shopper would recognize. -->\n\n"
                 "A shopper reads reviews before buying.\n")
    sitekit.academy(project, "i18n", "update")
    catalog = read(po(project, "ru", "content/journey/first-steps"))
    noted = catalog.find("A shopper reads reviews before buying.")
    assert noted.comment == "paragraph\nTRANSLATORS: keep the example a shopper would recognize.", noted.comment
    assert noted.msgstr == "Покупатель читает отзывы перед покупкой."  # the translation is kept
    assert all("TRANSLATORS" not in entry.comment for entry in catalog if entry is not noted)
    assert all("Translators" not in entry.msgid for entry in catalog)
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po(project, "ru", "content/journey/first-steps"))],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    built = sitekit.build(project)
    for page in ("journey/first-steps/index.html", "ru/journey/first-steps/index.html"):
        from bs4 import BeautifulSoup

        text = BeautifulSoup(built.html(page), "html.parser").get_text(" ")
        assert "Translators" not in text and "recognize" not in text, page
    assert "Покупатель читает отзывы перед покупкой." in built.html("ru/journey/first-steps/index.html")


def test_code_blocks_are_not_extracted(project):
    lesson = project / "content/journey/first-steps.md"
    lesson.write_text(lesson.read_text() + "\n```\nprint('do not translate me')\n```\n", encoding="utf-8")
    sitekit.academy(project, "i18n", "update")
    assert read(po(project, "ru", "content/journey/first-steps")).find("print('do not translate me')") is None


def test_changed_english_keeps_the_old_translation_as_fuzzy_and_removed_english_becomes_obsolete(project):
    lesson = project / "content/journey/first-steps.md"
    text = lesson.read_text(encoding="utf-8")
    text = text.replace("A shopper reads reviews before buying.", "A shopper reads many reviews before buying.")
    text = text.replace("- Ratings matter too.\n", "")
    lesson.write_text(text, encoding="utf-8")
    sitekit.academy(project, "i18n", "update")
    catalog = read(po(project, "ru", "content/journey/first-steps"))
    changed = catalog.find("A shopper reads many reviews before buying.")
    assert "fuzzy" in changed.flags
    assert changed.msgstr == "Покупатель читает отзывы перед покупкой."
    assert changed.previous_msgid == "A shopper reads reviews before buying."
    obsolete = catalog.find("Ratings matter too.", include_obsolete_entries=True)
    assert obsolete.obsolete and obsolete.msgstr == "Оценки тоже важны."
    raw = po(project, "ru", "content/journey/first-steps").read_text(encoding="utf-8")
    assert '#| msgid "A shopper reads reviews before buying."' in raw
    assert '#~ msgid "Ratings matter too."' in raw


def test_a_fuzzy_translation_is_shown_as_english_with_the_notice(project):
    lesson = project / "content/journey/first-steps.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace(
        "A shopper reads reviews before buying.", "A shopper reads many reviews before buying."), encoding="utf-8")
    sitekit.academy(project, "i18n", "update")
    built = sitekit.build(project)
    page = built.html("ru/journey/first-steps/index.html")
    assert "A shopper reads many reviews before buying." in page
    assert "Покупатель читает отзывы перед покупкой." not in page
    assert "Часть страницы ещё не переведена" in page


def test_status_counts_fuzzy_apart_from_translated_and_can_fail_under_a_threshold(project):
    result = sitekit.academy(project, "i18n", "status")
    assert "ru: " in result.stdout and "fil: " in result.stdout
    lesson = project / "content/journey/first-steps.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("Reviews matter.", "Reviews matter a lot."), encoding="utf-8")
    sitekit.academy(project, "i18n", "update")
    status = sitekit.academy(project, "i18n", "status").stdout
    row = next(line for line in status.splitlines() if line.startswith("ru") and "content/journey/first-steps" in line)
    assert row.split()[2:5] == ["16", "1", "0"]
    failing = subprocess.run(["python", "-m", "academy.cli", "i18n", "status", "--fail-under", "99"], cwd=project,
                             capture_output=True, text=True)
    assert failing.returncode == 1


def test_a_hand_written_page_replaces_the_rendered_one_and_says_when_the_english_changed(project):
    from academy.site import source_revision

    english = (project / "content/journey/index.md").read_text(encoding="utf-8")
    page = project / "locales/ru/pages/journey/index.md"
    page.parent.mkdir(parents=True)
    page.write_text(f"---\ntitle: Путь клиента\ntranslation_of: {source_revision(english)}\n---\n\n"
                    "# Путь клиента\n\nЭтот курс переведён вручную.\n", encoding="utf-8")
    built = sitekit.build(project)
    html = built.html("ru/journey/index.html")
    assert "Этот курс переведён вручную." in html and 'academy-notice" role="note"' not in html
    assert "current" in sitekit.academy(project, "i18n", "status").stdout.split("hand-written pages:")[1]

    (project / "content/journey/index.md").write_text(english.replace("A course about customers.", "A course."),
                                                       encoding="utf-8")
    built = sitekit.build(project)
    html = built.html("ru/journey/index.html")
    assert "Этот курс переведён вручную." in html
    assert 'role="note"><p>This translation may be out of date' in html
    status = sitekit.academy(project, "i18n", "status").stdout
    assert "locales/ru/pages/journey/index.md (translates content/journey/index.md): may be out of date" in status


def test_show_fuzzy_shows_the_previous_translation_marked_as_maybe_out_of_date(project):
    lesson = project / "content/journey/first-steps.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace(
        "A shopper reads reviews before buying.", "A shopper reads many reviews before buying."), encoding="utf-8")
    sitekit.academy(project, "i18n", "update")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("      abbreviations:", "      show_fuzzy: true\n      abbreviations:"))
    html = sitekit.build(project).html("ru/journey/first-steps/index.html")
    assert "Покупатель читает отзывы перед покупкой." in html
    assert 'role="note"><p>This translation may be out of date' in html


def test_pybabel_extract_finds_the_same_messages_with_the_projects_mapping(project, tmp_path):
    import shutil

    shutil.copy(sitekit.ROOT / "babel.cfg", project / "babel.cfg")
    out = tmp_path / "all.pot"
    subprocess.run([str(Path(sys.executable).with_name("pybabel")), "extract", "-F", "babel.cfg", "-o", str(out), "."], cwd=project, check=True,
                   capture_output=True)
    extracted = read(out)
    assert extracted.find("The research moment").comment == "section heading"
    assert extracted.find("Reads reviews").comment == "quiz option, correct answer"
    ours = read(project / "locales/templates/content/journey/first-steps.pot")
    assert {m.msgid for m in ours if m.msgid} <= {m.msgid for m in extracted if m.msgid}
