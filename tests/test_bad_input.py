"""Bad input: a one-line `path:line: message` with a hint, a non-zero exit, no traceback, site/ untouched."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

import sitekit
from sitekit import edit


def snapshot(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def assert_clean_failure(built: sitekit.Built, location: str, words: str) -> str:
    output = built.result.stdout + built.result.stderr
    assert built.result.returncode != 0, output
    assert "Traceback" not in output, output
    assert re.search(rf"{re.escape(location)}:\d+: .*{re.escape(words)}", output), output
    assert "hint:" in output, output
    return output


CASES = {
    "unknown language code": (
        lambda root: edit(root / "mkdocs.yml", "languages: [en, fil, ru]", "languages: [en, fil, xx]"),
        "mkdocs.yml", "unknown language code 'xx'",
    ),
    "missing site_url": (
        lambda root: edit(root / "mkdocs.yml", "site_url: https://academy.test/\n", ""),
        "mkdocs.yml", "site_url is missing",
    ),
    "PO file with a syntax error": (
        lambda root: edit(root / "locales/ru/LC_MESSAGES/content/journey/first-steps.po", 'msgstr "Первые шаги"',
                          'msgstr "Первые шаги"\nmsgstrr "oops"'),
        "locales/ru/LC_MESSAGES/content/journey/first-steps.po", "cannot be read",
    ),
    "hand-written translation of a page that does not exist": (
        lambda root: (root / "locales/ru/pages/journey").mkdir(parents=True)
        or (root / "locales/ru/pages/journey/gone.md").write_text("# Нет\n", encoding="utf-8"),
        "locales/ru/pages/journey/gone.md", "does not exist",
    ),
    "quiz YAML syntax error": (
        lambda root: edit(root / "quizzes/first-steps.yml", "type: single", "type: [single"),
        "quizzes/first-steps.yml", "not valid YAML",
    ),
    "unknown question type": (
        lambda root: edit(root / "quizzes/first-steps.yml", "type: single", "type: essay"),
        "quizzes/first-steps.yml", 'unknown question type "essay"',
    ),
    "lesson embeds a quiz that does not exist": (
        lambda root: edit(root / "content/journey/first-steps.md", "/// quiz | first-steps", "/// quiz | no-such-quiz"),
        "content/journey/first-steps.md", "no quiz 'no-such-quiz'",
    ),
    "review link to a missing heading": (
        lambda root: edit(root / "quizzes/first-steps.yml", "#the-research-moment", "#no-such-heading"),
        "quizzes/first-steps.yml", "review link #no-such-heading",
    ),
    "misspelt key in a quiz": (
        lambda root: edit(root / "quizzes/first-steps.yml", "    answer: true\n", "    answer: true\n    explaination: Seconds.\n"),
        "quizzes/first-steps.yml", "unknown key `explaination`",
    ),
    "duplicate question ids": (
        lambda root: edit(root / "quizzes/first-steps.yml", "id: share", "id: research"),
        "quizzes/first-steps.yml", "duplicate question id",
    ),
    "FAQ question with no answer": (
        lambda root: edit(root / "content/journey/first-steps.md", "Because shoppers trust other shoppers.\n", ""),
        "content/journey/first-steps.md", "has no answer",
    ),
    "empty FAQ question": (
        lambda root: edit(root / "content/journey/first-steps.md", "### Why do reviews matter?", "###"),
        "content/journey/first-steps.md", "an FAQ question is empty",
    ),
    "front matter that is not YAML": (
        lambda root: edit(root / "content/journey/first-steps.md", "title: First steps", "title: [First steps"),
        "content/journey/first-steps.md", "front matter is not valid YAML",
    ),
}


RU_LESSON_PO = "locales/ru/LC_MESSAGES/content/journey/first-steps.po"
QUIZ = "quizzes/first-steps.yml"


def replace_quiz_question(root: Path, question_id: str, new_yaml: str) -> None:
    """Replace one question of the fixture quiz (from its `- id:` line to the next) with new YAML."""
    path = root / QUIZ
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {question_id}\n")
    end = text.find("\n  - id: ", start + 1)
    path.write_text(text[:start] + new_yaml + (text[end + 1:] if end != -1 else ""), encoding="utf-8")


# Found only by a strict build (`mkdocs build --strict` or `academy check`): translations that are refused.
STRICT_CASES = {
    "translation that changes a link target": (
        lambda root: edit(root / RU_LESSON_PO, 'msgstr "Отзывы важны."', 'msgstr "[Отзывы](https://evil.example) важны."'),
        RU_LESSON_PO, "changes the links",
    ),
    "translation with a script element": (
        lambda root: edit(root / RU_LESSON_PO, 'msgstr "Оценки тоже важны."', 'msgstr "<script>alert(1)</script>"'),
        RU_LESSON_PO, "adds script",
    ),
    "translation with unbalanced emphasis": (
        lambda root: edit(root / RU_LESSON_PO, 'msgstr "Отзывы важны."', 'msgstr "**Отзывы важны."'),
        RU_LESSON_PO, "unbalanced",
    ),
    "translation with an event handler": (
        lambda root: edit(root / RU_LESSON_PO, 'msgstr "Оценки тоже важны."', 'msgstr "Оценки onmouseover=alert(1)"'),
        RU_LESSON_PO, "event handler",
    ),
}

CASES.update({
    "front matter that is a list": (
        lambda root: edit(root / "content/journey/first-steps.md", "title: First steps\n", "- First steps\n"),
        "content/journey/first-steps.md", "front matter",
    ),
    "PO file that is not UTF-8": (
        lambda root: (root / RU_LESSON_PO).write_bytes((root / RU_LESSON_PO).read_bytes().replace(
            "Отзывы важны.".encode(), "Отзывы важны.".encode("cp1251"))),
        RU_LESSON_PO, "cannot be read",
    ),
    "no languages configured": (
        lambda root: edit(root / "mkdocs.yml", "languages: [en, fil, ru]", "languages: []"),
        "mkdocs.yml", "no languages are configured",
    ),
})


@pytest.mark.parametrize("case", list(CASES) + [f"strict: {name}" for name in STRICT_CASES])
def test_bad_input_gives_a_clear_message_and_leaves_the_site_untouched(project, case):
    first = sitekit.build(project)
    before = snapshot(first.site)
    strict = case.startswith("strict: ")
    breaker, location, words = STRICT_CASES[case[8:]] if strict else CASES[case]
    breaker(project)
    second = sitekit.build(project, *(["--strict"] if strict else []), check=False)
    assert_clean_failure(second, location, words)
    assert snapshot(project / "site") == before
    assert sitekit.leftovers(project) == []


def test_build_into_another_folder(project):
    built = sitekit.build(project, "-d", "elsewhere")
    assert (project / "elsewhere" / "ru" / "journey" / "first-steps" / "index.html").exists()
    assert not (project / "site").exists()
    assert built.result.returncode == 0


def test_a_question_repeated_on_two_pages_is_marked_up_once_with_a_warning(project):
    index = project / "content/journey/index.md"
    index.write_text(index.read_text() + "\n/// faq\n### Why do reviews matter?\n\nThey do.\n///\n", encoding="utf-8")
    built = sitekit.build(project)
    output = built.result.stdout + built.result.stderr
    assert re.search(r"content/journey/[\w./-]+:\d+: the FAQ question 'Why do reviews matter\?' is already marked up on content/journey/", output)
    pages = [built.html("journey/index.html"), built.html("journey/first-steps/index.html")]
    assert sum(page.count('"name":"Why do reviews matter?"') for page in pages) == 1


def test_disallowed_html_in_an_faq_answer_is_stripped_with_a_warning(project):
    lesson = project / "content/journey/first-steps.md"
    edit(lesson, "Because shoppers trust other shoppers.", "Because shoppers trust `other` shoppers.\n\n| a | b |\n| - | - |\n| c | d |")
    built = sitekit.build(project)
    output = built.result.stdout + built.result.stderr
    assert "content/journey/first-steps.md:27: FAQ answer to 'Why do reviews matter?'" in output
    assert "<table>" in output
    assert "\\u003ctable" not in built.html("journey/first-steps/index.html")


def test_every_problem_is_reported_in_one_run(project):
    sitekit.build(project)
    edit(project / "content/journey/first-steps.md", "/// quiz | first-steps", "/// quiz | no-such-quiz")
    edit(project / "content/journey/index.md", "title: The journey", "title: [The journey")
    edit(project / "content/journey/first-steps.md", "### Why do reviews matter?", "###")
    result = subprocess.run([sys.executable, "-m", "academy.cli", "check"], cwd=project, capture_output=True, text=True)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert re.search(r"content/journey/first-steps.md:\d+: no quiz 'no-such-quiz'", output), output
    assert re.search(r"content/journey/index.md:\d+: front matter is not valid YAML", output), output
    assert re.search(r"content/journey/first-steps.md:\d+: an FAQ question is empty", output), output
