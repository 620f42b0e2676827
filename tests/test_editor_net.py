"""An editor's mistakes that `academy check` once passed silently, or named at the wrong line or with a wrong hint.

A glossary term left without its meaning was listed with nothing under it, and a term
written as `###` stayed inside the meaning above it, out of the alphabetical order; a
`---` typed straight under a paragraph (meant as a line across the page) made the
paragraph a heading; a sentence typed straight under a table became a row of it, its
words squeezed into the first cell; `// quiz | ID` with two slashes, or `///quiz|ID`
with no space, was published as text with the quiz nowhere, and only the quiz file was
named; `/// quiz | first-steps.yml` was told to create `first-steps.yml.yml`; a tab or a
stray character in mkdocs.yml was blamed on line 1 with PyYAML's words and a hint about
mappings, a byte that is not UTF-8 there ended `academy check` with a traceback, and a
key written twice (a second `nav:`) silently dropped the first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sitekit
from academy.errors import AcademyError
from academy.mkdocs.project import load
from academy.site import SourcePage
from sitekit import edit, line_of

PAGE = "---\ntitle: A\ndescription: D.\n---\n\n# A\n\n"  # the body starts on line 8


def problems(body: str) -> list[str]:
    return [str(p) for p in SourcePage.parse("x.md", "content/x.md", PAGE + body).problems]


@pytest.mark.parametrize(("body", "expected", "hint"), [
    ("/// glossary\n## ZMOT\n\n## FMOT\n\nFirst.\n///\n",
     "content/x.md:9: the glossary term 'ZMOT' has no meaning", "write what it means below the term"),
    ("/// glossary\n## FMOT\n\nFirst.\n\n## ZMOT\n///\n",
     "content/x.md:13: the glossary term 'ZMOT' has no meaning", "write what it means below the term"),
    ("/// glossary\n## Churn\n\nLost customers.\n\n### CSAT\n\nA survey.\n///\n",
     "content/x.md:13: this glossary term is a `###` heading", "write it as `## CSAT`"),
    ("A shopper reads reviews.\n---\n\nMore text.\n",
     "content/x.md:9: this `---` line straight under a paragraph makes the paragraph a section heading",
     "leave an empty line above it"),
    ("A shopper reads reviews.\n===\n",
     "content/x.md:9: this `===` line straight under a paragraph makes the paragraph the page's title heading",
     "`# The words`"),
    ("| Stage | Example |\n| --- | --- |\n| ZMOT | Reviews |\nThe table shows the stages.\n",
     "content/x.md:11: this line has no `|` and no empty line above it: Markdown reads it as a row",
     "leave an empty line between the table and the text below it"),
    ("Text.\n\n///quiz|first-steps\n///\n",
     "content/x.md:10: `///quiz|first-steps` is not read as a block", "`/// quiz | first-steps`"),
])
def test_a_silent_mistake_is_refused_at_its_line_with_a_hint(body, expected, hint):
    found = problems(body)
    match = [p for p in found if expected in p]
    assert match, found
    assert hint in match[0].split("hint:", 1)[1], match[0]


@pytest.mark.parametrize("body", [
    "/// glossary\n## Churn\n\nLost customers.\n\n## CSAT\n\n```\na code sample\n```\n///\n",
    "Text.\n\n---\n\nMore text.\n",  # a line across the page
    "- An item\n---\n",  # under a list item Markdown draws the line: no heading is made
    "| Stage | Example |\n| --- | --- |\nZMOT | Reviews |\n\nThe table shows the stages.\n",  # a row without outer pipes
    "/// faq\n### Why?\n\nBecause.\n///\n",
])
def test_what_reads_as_meant_passes(body):
    assert problems(body) == []


def test_the_academys_own_glossary_passes():
    page = SourcePage.read(sitekit.ROOT / "content", "glossary.md", sitekit.ROOT)
    assert page.problems == ()


# -- mkdocs.yml ----------------------------------------------------------------------

CONFIG = "site_name: Test\ndocs_dir: content\nnav:\n  - index.md\n  - Journey:\n      - journey/index.md\n"


def refused(tmp_path: Path, data: bytes) -> list[str]:
    (tmp_path / "content").mkdir(exist_ok=True)
    config = tmp_path / "mkdocs.yml"
    config.write_bytes(data)
    with pytest.raises(AcademyError) as error:
        load(config)
    return [str(p) for p in error.value.problems]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("      - journey/index.md", "\t- journey/index.md",
     "mkdocs.yml:6: mkdocs.yml is not valid YAML: a tab in the indentation"),
    ("      - journey/index.md", "      - : journey/index.md",
     "mkdocs.yml:6: mkdocs.yml is not valid YAML: this line is indented differently"),
    ("site_name: Test", "site_name: 'Test", "mkdocs.yml:1: mkdocs.yml is not valid YAML: a quote opened here is never closed"),
    ("  - index.md\n", "  - index.md\nnav:\n  - journey/index.md\n",
     "mkdocs.yml:5: `nav:` is written twice (first on line 3): YAML keeps only this last one"),
])
def test_a_mkdocs_yml_mistake_is_said_at_its_line(tmp_path, old, new, expected):
    assert old in CONFIG
    [problem] = refused(tmp_path, CONFIG.replace(old, new, 1).encode())
    assert problem.startswith(expected) and "hint:" in problem, problem
    assert "it must be a YAML mapping" not in problem, problem


def test_a_mkdocs_yml_that_is_not_utf8_is_said_so_without_a_traceback(tmp_path):
    [problem] = refused(tmp_path, CONFIG.replace("journey/index.md", "journ\xe9e/index.md").encode("latin-1"))
    assert problem.startswith("mkdocs.yml:6: mkdocs.yml is not UTF-8 text"), problem


# -- the quiz's id in a lesson, through the whole check -----------------------------------

LESSON = "content/journey/first-steps.md"


@pytest.mark.parametrize(("written", "words", "hint"), [
    ("/// quiz | first-steps.yml", "no quiz 'first-steps.yml' in quizzes/", "`/// quiz | first-steps`"),
    ("/// quiz | First-Step", "no quiz 'First-Step' in quizzes/", "did you mean `/// quiz | first-steps`?"),
    ("// quiz | first-steps", "`// quiz | first-steps` is not read as a quiz block", "`/// quiz | first-steps`"),
])
def test_a_quiz_named_wrong_in_a_lesson_is_refused_at_its_line_with_the_right_id(site, written, words, hint):
    edit(site / LESSON, "/// quiz | first-steps", written)
    said = sitekit.refused_by_check(site, LESSON, line_of(site / LESSON, written), words)
    assert hint in said and ".yml.yml" not in said, said
