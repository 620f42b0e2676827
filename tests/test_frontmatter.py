"""Front matter: a text title, a description fit to publish, and a byte-order mark that changes nothing."""

from __future__ import annotations

import subprocess
import sys

import html5lib
import pytest

import sitekit
from academy.frontmatter import FrontMatterError, check_page, parse

PAGE = """---
title: Moments of truth
description: The five moments of truth in the customer journey.
---

# Moments of truth
"""


def problems_of(text: str) -> list:
    try:
        check_page(text, "content/lesson.md")
    except FrontMatterError as error:
        return error.problems
    return []


def test_a_good_page_passes():
    assert problems_of(PAGE) == []


def test_a_description_over_160_characters_is_an_error_at_its_line():
    [problem] = problems_of(PAGE.replace("in the customer journey.", "x" * 200))
    assert (problem.path, problem.line) == ("content/lesson.md", 3)
    assert "more than 160" in problem.message and problem.hint


def test_a_description_of_exactly_160_characters_passes():
    assert problems_of(PAGE.replace("The five moments of truth in the customer journey.", "x" * 160)) == []


def test_a_page_without_a_description_is_an_error():
    [problem] = problems_of(PAGE.replace("description: The five moments of truth in the customer journey.\n", ""))
    assert problem.line == 1 and "no `description`" in problem.message and "160" in problem.hint


def test_a_page_without_front_matter_is_an_error():
    title, description = problems_of("# Just a heading\n")
    assert "no `title`" in title.message and "`title: Just a heading`" in title.hint
    assert "no `description`" in description.message


@pytest.mark.parametrize("title, shown", [("[Moments, of truth]", "a list"), ("{a: b}", "`key: value` lines"), ("2024", "int 2024"),
                                          ('""', "empty"), ("", "empty")])
def test_a_title_that_is_not_text_is_an_error_at_its_line(title, shown):
    [problem] = problems_of(PAGE.replace("title: Moments of truth", f"title: {title}"))
    assert problem.line == 2 and problem.message == f"`title` must be text, not {shown}" and "quotes" in problem.hint
    assert "[" not in problem.message and "'" not in problem.message  # never a Python repr


def test_every_problem_of_the_front_matter_is_reported_at_once():
    found = problems_of(PAGE.replace("title: Moments of truth", "title: [a]").replace("in the customer journey.", "y" * 170))
    assert [p.line for p in found] == [2, 3]


def test_a_byte_order_mark_is_read_past():
    doc = parse("\ufeff" + PAGE, "content/lesson.md")
    assert doc.meta["title"] == "Moments of truth" and doc.body.lstrip().startswith("# Moments of truth")
    assert problems_of("\ufeff" + PAGE) == []


def test_the_build_reads_past_a_byte_order_mark_and_refuses_bad_front_matter_with_its_lines(project):
    lesson = project / "content/journey/first-steps.md"
    lesson.write_bytes(b"\xef\xbb\xbf" + lesson.read_bytes())
    built = sitekit.build(project)
    for prefix in ("", "ru/"):
        document = html5lib.parse(built.html(f"{prefix}journey/first-steps/index.html"), namespaceHTMLElements=False)
        assert "First steps" in document.find(".//title").text or "Первые шаги" in document.find(".//title").text
        body = "".join(document.find(".//article").itertext()) if document.find(".//article") is not None else ""
        assert "description:" not in body and "title:" not in body

    index = project / "content/journey/index.md"
    text = index.read_text(encoding="utf-8")
    title_line = next(n for n, line in enumerate(text.splitlines(), start=1) if line.startswith("title:"))
    index.write_text(text.replace("title: The journey", "title: [The, journey]"), encoding="utf-8")
    lesson.write_text(lesson.read_text(encoding="utf-8-sig").replace("description: How a customer meets a brand.",
                                                                     "description: " + "A very long description. " * 8),
                      encoding="utf-8")
    failed = sitekit.build(project, check=False)
    output = failed.result.stdout + failed.result.stderr
    assert failed.result.returncode != 0 and "Traceback" not in output, output
    assert f"content/journey/index.md:{title_line}: `title` must be text, not a list" in output, output
    assert "content/journey/first-steps.md:3: `description` is 199 characters long, more than 160" in output, output
    assert "['The', 'journey']" not in output


# -- a translated description keeps the English's limit, reported at its PO line --------

def localized_with_description(tmp_path, translation: str):
    from academy.catalogs import Catalog, Translation
    from academy.localize import localize_page

    catalog = Catalog("ru", "content/lesson", tmp_path / "lesson.po", {
        ("The five moments of truth in the customer journey.", None): Translation(translation, False, 9),
        ("Moments of truth", None): Translation("М" * 200, False, 5)})  # a long heading is no description
    return localize_page(PAGE, "content/lesson.md", catalog, tmp_path)


def test_a_translated_description_over_160_characters_is_an_error_at_its_po_line(tmp_path):
    result = localized_with_description(tmp_path, "Пять моментов истины. " * 8)
    assert [(p.path, p.line, p.message) for p in result.errors] == [
        ("lesson.po", 9, "translated `description` is 175 characters long, more than 160")]
    assert "shorten the translation" in result.errors[0].hint
    assert result.problems == []


def test_a_translated_description_of_exactly_160_characters_passes(tmp_path):
    assert localized_with_description(tmp_path, "д" * 160).errors == []


def test_check_and_build_refuse_a_translated_description_over_160_characters_at_its_po_line(project):
    import polib

    po = project / "locales/ru/LC_MESSAGES/content/journey/first-steps.po"
    catalog = polib.pofile(str(po))
    entry = catalog.find("How a customer meets a brand.")
    entry.msgstr = "Как клиент знакомится с брендом, " * 6
    catalog.save()
    line = polib.pofile(str(po)).find("How a customer meets a brand.").linenum
    where = f"locales/ru/LC_MESSAGES/content/journey/first-steps.po:{line}: translated `description` is 197 characters"
    checked = subprocess.run([sys.executable, "-m", "academy.cli", "check"], cwd=project, capture_output=True, text=True)
    assert checked.returncode == 1 and where in checked.stderr and "hint: shorten the translation" in checked.stderr, \
        checked.stderr
    failed = sitekit.build(project, check=False)
    assert failed.result.returncode != 0 and where in failed.result.stderr, failed.result.stderr
    assert "Traceback" not in failed.result.stderr and not (project / "site").exists()
