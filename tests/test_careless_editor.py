"""A careless editor's mistakes that once passed `academy check` silently or with a muddled message.

Each is refused at its line, with a hint: the rules are tried in process, and one
site with many mistakes at once is checked and built, to see that `academy check`
and `mkdocs build` report every one of them in one run and publish nothing.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import sitekit
from academy.errors import ContentError
from academy.frontmatter import FrontMatterError, check_page
from academy.quiz.load import parse_quiz
from academy.site import SourcePage
from sitekit import edit, line_of

LESSON = "content/journey/first-steps.md"
QUIZ = "quizzes/first-steps.yml"


# -- front matter -------------------------------------------------------------------

def front_matter_problems(text: str) -> list[str]:
    try:
        check_page(text, "content/x.md")
    except FrontMatterError as error:
        return [str(p) for p in error.problems]
    return []


@pytest.mark.parametrize(("text", "expected"), [
    ("---\ntitle: A\ntitle: B\ndescription: D.\n---\n", "content/x.md:3: `title` is written twice (first on line 2)"),
    ("---\ntitle: A\ndescripton: D.\n---\n", "content/x.md:3: unknown front matter key `descripton`"),
    ("---\ntitel: A\ndescription: D.\n---\n", "did you mean `title`?"),
    ("---\ntitle: \"   \"\ndescription: D.\n---\n", "content/x.md:2: `title` must be text, not empty"),
    ("---\ntitle: A\ndescription: D.\n\n# A\n\nText.\n", "content/x.md:1: the front matter opened here is never closed"),
])
def test_a_front_matter_mistake_is_refused_at_its_line(text, expected):
    problems = front_matter_problems(text)
    assert any(expected in p for p in problems), problems
    assert all("hint:" in p for p in problems), problems


def test_an_unclosed_front_matter_is_said_once_not_as_a_missing_description():
    problems = front_matter_problems("---\ntitle: A\ndescription: D.\n\n# A\n")
    assert len(problems) == 1 and "never closed" in problems[0], problems


def test_the_keys_material_reads_are_accepted():
    text = "---\ntitle: A\ndescription: D.\nhide: [toc]\nicon: material/school\nstatus: new\ntags: [x]\n---\n\n# A\n"
    assert front_matter_problems(text) == []


# -- the page's structure -----------------------------------------------------------

PAGE = "---\ntitle: A\ndescription: D.\n---\n\n# A\n\n"


def structure_problems(body: str) -> list[str]:
    return [str(p) for p in SourcePage.parse("x.md", "content/x.md", PAGE + body).problems]


@pytest.mark.parametrize(("body", "expected"), [
    ("/// faq\n### Q?\n\nA.\n\n/// faq\n### Inner?\n\nB.\n///\n///\n",
     "content/x.md:13: a `/// faq` block inside the `/// faq` block opened on line 8"),
    ("/// faq\nJust a paragraph.\n///\n", "content/x.md:8: this FAQ block has no question"),
    ("/// faq\n///\n", "content/x.md:8: this FAQ block has no question"),
    ("/// quiz | one\n///\n\n/// quiz | two\n///\n", "content/x.md:11: a second quiz on one page: two, after one on line 8"),
    ("Text with a\x00 NUL.\n", "content/x.md:8: an invisible control character (U+0000) at column 12"),
    ("Text with an escape \x1b[31m.\n", "content/x.md:8: an invisible control character (U+001B)"),
    ("## A section\n\n##\n\nText.\n", "content/x.md:10: a heading with no words"),
    ("/// glossary\n## ZMOT\n\nZero.\n\n## zmot\n\nAgain.\n///\n", "content/x.md:13: the term 'zmot' is already in the glossary, on line 9"),
])
def test_a_structure_mistake_is_refused_at_its_line(body, expected):
    problems = structure_problems(body)
    assert any(expected in p for p in problems), problems
    assert all("hint:" in p for p in problems), problems


def test_a_question_with_no_space_after_its_hashes_is_a_question_as_markdown_reads_it():
    assert structure_problems("/// faq\n###Why?\n\nBecause.\n///\n") == []
    assert SourcePage.parse("x.md", "content/x.md", PAGE + "/// faq\n###Why?\n\nBecause.\n///\n").faq_lines == (9,)


def test_a_quiz_id_with_a_space_is_read_whole_so_its_line_is_found():
    page = SourcePage.parse("x.md", "content/x.md", PAGE + "Text.\n\n/// quiz | first-steps extra\n///\n")
    assert page.quiz_lines == (("first-steps extra", 10),)
    assert page.quiz_line("first-steps extra") == 10


def test_tabs_and_windows_line_ends_are_text_not_control_characters():
    assert structure_problems("A\ttab.\r\n\r\n/// faq\r\n### Q?\r\n\r\nA.\r\n///\r\n") == []


# -- quizzes ------------------------------------------------------------------------

QUIZ_TEXT = """\
id: sample
title: Check
questions:
  - id: pick
    type: single
    text: Which?
    options:
      - text: Patience
        correct: true
      - text: Typing
  - id: order
    type: ordering
    text: Order them.
    items: [Need, Research, Purchase]
  - id: word
    type: text
    text: Which word?
    answers: [ZMOT, zero moment]
"""


def quiz_problems(text: str) -> list[str]:
    try:
        parse_quiz(text, "quizzes/sample.yml", "sample")
    except ContentError as error:
        return [str(p) for p in error.problems]
    return []


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("      - text: Typing", "      - text: patience ",
     'quizzes/sample.yml:10: question pick: the option "patience" is there twice (first as option 1)'),
    ("items: [Need, Research, Purchase]", "items: [Need, Research, Need]", 'quizzes/sample.yml:14: question order: the item "Need" is there twice'),
    # a text's spaces at its ends are no part of it: "  " is read as an empty answer
    ("answers: [ZMOT, zero moment]", 'answers: [ZMOT, "  "]', "quizzes/sample.yml:18: question word, answer 2: item 2 of `answers` is empty"),
    ("answers: [ZMOT, zero moment]", 'answers: [ZMOT, "-"]', "question word: an accepted answer is blank"),
])
def test_a_quiz_mistake_is_refused_at_its_line(old, new, expected):
    assert quiz_problems(QUIZ_TEXT) == []
    assert old in QUIZ_TEXT
    problems = quiz_problems(QUIZ_TEXT.replace(old, new))
    assert any(expected in p for p in problems), problems
    assert all("hint:" in p for p in problems), problems


# -- a site with many mistakes at once ----------------------------------------------

def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def make_content_mistakes(root: Path) -> list[tuple[str, int, str]]:
    """Many mistakes in one site; each as (path, line, words of its message)."""
    lesson, config = root / LESSON, root / "mkdocs.yml"
    expected = []

    def add(path: Path, needle: str, words: str) -> None:
        expected.append((path.relative_to(root).as_posix(), line_of(path, needle), words))

    edit(lesson, "A shopper reads reviews before buying.\n", "A shopper reads reviews before buying.\n\n"
         "See [the start](/journey/) first.\n\n"
         "See [the brand](https://academy.test/journey/no-such-lesson/) too.\n\n"
         "See [the course](../journey/) as well.\n\n"
         "See [the abbreviations](../includes/abbreviations.md) last.\n\n"
         "/// faqs\n### Misspelt?\n\nYes.\n///\n\n"
         "/// quiz\n///\n")
    add(lesson, "(/journey/)", "a link to an absolute address within the site: /journey/")
    add(lesson, "no-such-lesson", "a link to this site's own address")
    add(lesson, "(../journey/)", "a link to a folder or an address, not to a page's file: ../journey/")
    add(lesson, "abbreviations.md)", "a link to content/includes/abbreviations.md, which is not published")
    add(lesson, "/// faqs", "`/// faqs` is not a block this site knows")
    bare_quiz = next(n for n, line in enumerate(lesson.read_text(encoding="utf-8").splitlines(), 1) if line == "/// quiz")
    expected.append((LESSON, bare_quiz, "`/// quiz` cannot be read as a quiz block"))
    edit(config, "      - journey/first-steps.md\n", "      - journey/first-steps.md\n      - journey/No-Such.md\n")
    add(config, "journey/No-Such.md", "nav: journey/No-Such.md is not a page in content/")
    index = root / "content/journey/index.md"
    edit(index, "description: The course about the journey.", "description: The course about the journey.\ndescripton: typo")
    add(index, "descripton", "unknown front matter key `descripton`")
    return expected


def test_check_and_build_report_every_mistake_at_its_line_in_one_run_and_publish_nothing(project):
    first = sitekit.build(project)
    before = snapshot(first.site)
    expected = make_content_mistakes(project)
    checked = subprocess.run([sys.executable, "-m", "academy.cli", "check"], cwd=project, capture_output=True, text=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("ACADEMY_LANG", None)
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, capture_output=True, text=True, env=env)
    for name, result in (("check", checked), ("build", built)):
        output = result.stdout + result.stderr
        assert result.returncode != 0, (name, output)
        assert "Traceback" not in output, (name, output)
        for path, line, words in expected:
            assert re.search(rf"^(?:ERROR +- +)?{re.escape(path)}:{line}: .*{re.escape(words)}", output, re.MULTILINE), \
                (name, path, line, words, output)
        # every problem is said once, at its own place: not again as a line of mkdocs.yml
        assert not re.search(r"mkdocs\.yml:\d+: \S+:\d+: ", output), (name, output)
    problems = re.findall(r"^(\S+:\d+): ", checked.stderr, re.MULTILINE)
    assert len(problems) == len(set(problems)) == len(expected), checked.stderr
    assert "hint:" in checked.stderr
    assert snapshot(project / "site") == before


# -- abbreviations, diagrams and page names, in process -------------------------------

def test_an_abbreviations_file_with_a_stray_line_or_a_second_meaning_is_refused_at_its_lines():
    from academy.abbreviations import problems

    found = problems("*[ZMOT]: Zero moment of truth\n\n*[FMOT] First moment\n*[ZMOT]: Zillion moments\n*[CX]:\n",
                     "content/includes/abbreviations.md")
    assert [(p.line, p.message.split(":")[0]) for p in found] == [
        (3, "this line is not an abbreviation"), (4, "ZMOT is defined again, differently ('Zero moment of truth'), on line 1"),
        (5, "the abbreviation CX has no meaning after its colon")]
    assert all(p.hint for p in found)
    assert problems("*[ZMOT]: Zero moment of truth\n*[FMOT]: First moment of truth\n", "x.md") == []


def test_a_diagram_that_is_not_xml_gets_a_hint_about_xml_not_about_labels():
    from academy import diagrams

    [problem] = diagrams.problems('<svg xmlns="http://www.w3.org/2000/svg">\n<text>Hi</svg>', "content/d.svg")
    assert problem.line == 2 and "not well-formed XML" in problem.message and "tag" in problem.hint
    assert "put each label" not in problem.hint


@pytest.mark.parametrize(("src", "suggested"), [("journey/Second Lesson.md", "second-lesson.md"),
                                                ("journey/Refunds.md", "refunds.md"), ("journey/café.md", "caf.md")])
def test_a_file_name_unfit_for_an_address_is_a_warning_with_a_better_name(src, suggested):
    from academy.page_names import file_name_problem

    problem = file_name_problem(src, f"content/{src}")
    assert problem is not None and f"`{suggested}`" in problem.hint


def test_a_fit_file_name_passes():
    from academy.page_names import file_name_problem

    assert file_name_problem("journey/first-steps.md", "content/journey/first-steps.md") is None
    assert file_name_problem("index.md", "content/index.md") is None


def test_a_second_page_with_the_same_title_is_named_with_the_first():
    from academy.page_names import same_titles

    found = same_titles([("content/a.md", "First steps", 2), ("content/b.md", "Other", 2), ("content/c.md", " first  Steps", 3)])
    assert [(p.path, p.line) for p in found] == [("content/c.md", 3)]
    assert "content/a.md" in found[0].message


# -- the site's outline and configuration ---------------------------------------------

def run(root: Path, *command: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("ACADEMY_LANG", None)
    return subprocess.run([sys.executable, "-m", *command], cwd=root, capture_output=True, text=True, env=env)


def assert_same_verdict(root: Path, expected: list[tuple[str, int, str]]) -> None:
    checked, built = run(root, "academy.cli", "check"), run(root, "mkdocs", "build")
    for name, result in (("check", checked), ("build", built)):
        output = result.stdout + result.stderr
        assert result.returncode != 0 and "Traceback" not in output, (name, output)
        for path, line, words in expected:
            where = f"{re.escape(path)}:{line}: " if line else f"{re.escape(path)}: "
            assert re.search(rf"^(?:(?:ERROR|WARNING) +- +)?{where}.*{re.escape(words)}", output, re.MULTILINE), \
                (name, path, line, words, output)
        assert not re.search(r"\S+:\d+: \S+:\d+: ", output), (name, output)
    assert "hint:" in checked.stderr
    assert not (root / "site").exists()


def test_outline_diagram_and_abbreviation_mistakes_are_reported_together(project):
    config = project / "mkdocs.yml"
    (project / "content/skills").mkdir()
    second = "---\ntitle: First steps\ndescription: Another page.\n---\n\n# First steps\n\nText.\n"
    (project / "content/skills/Calm Voice.md").write_text(second, encoding="utf-8")
    edit(config, "  - progress.md\n", '  - Skills:\n      - "skills/Calm Voice.md"\n  - progress.md\n')
    (project / "content/assets/diagrams").mkdir(parents=True)
    (project / "content/assets/diagrams/stages.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg">\n<text>Hi</svg>\n',
                                                                encoding="utf-8")
    edit(project / LESSON, "A shopper reads reviews before buying.\n",
         "A shopper reads reviews before buying.\n\n![The stages](../assets/diagrams/stages.svg)\n")
    abbreviations = project / "content/includes/abbreviations.md"
    abbreviations.write_text(abbreviations.read_text(encoding="utf-8") + "FMOT - first moment of truth\n", encoding="utf-8")
    assert_same_verdict(project, [
        ("mkdocs.yml", line_of(config, "Skills:"), "the course 'Skills' in `nav:` has no index.md"),
        ("content/skills/Calm Voice.md", 0, "the file name 'Calm Voice.md' is the page's address"),
        ("content/skills/Calm Voice.md", 2, "the title 'First steps' is also the title of content/journey/first-steps.md"),
        ("content/assets/diagrams/stages.svg", 2, "the SVG is not well-formed XML"),
        ("content/includes/abbreviations.md", 2, "this line is not an abbreviation"),
    ])


CONFIG_MISTAKES = {
    "a language listed twice": ("languages: [en, fil, ru]", "languages: [en, ru, ru]", "languages:", "a language is listed twice: ru"),
    "the source language not first": ("languages: [en, fil, ru]", "languages: [ru, en]", "languages:", "the first language is 'ru'"),
    "the abbreviations file misspelt": ("abbreviations: includes/abbreviations.md", "abbreviations: includes/abbrevs.md",
                                        "abbreviations:", "abbreviations: content/includes/abbrevs.md does not exist"),
    "the plugin listed twice": ("      abbreviations: includes/abbreviations.md\n",
                                "      abbreviations: includes/abbreviations.md\n  - academy:\n      languages: [en]\n",
                                None, "academy"),
}


@pytest.mark.parametrize("mistake", list(CONFIG_MISTAKES))
def test_a_configuration_mistake_is_refused_at_its_line_by_check_and_build(project, mistake):
    old, new, needle, words = CONFIG_MISTAKES[mistake]
    config = project / "mkdocs.yml"
    edit(config, old, new)
    if needle is None:  # the engine names the option; the build must not end in a traceback
        checked, built = run(project, "academy.cli", "check"), run(project, "mkdocs", "build")
        for result in (checked, built):
            output = result.stdout + result.stderr
            assert result.returncode != 0 and "Traceback" not in output, output
            assert re.search(r"mkdocs\.yml:\d+: .*academy.*\n    hint: list `- academy:` once", output), output
        return
    assert_same_verdict(project, [("mkdocs.yml", line_of(config, needle), words)])
