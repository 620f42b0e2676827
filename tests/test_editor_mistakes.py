"""An editor's mistakes: `academy check` and the build give the same verdict, with `path:line` and a hint."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import html5lib
import pytest

import sitekit
from sitekit import edit, line_of

LESSON = "content/journey/first-steps.md"


check = sitekit.check


def build(root: Path) -> subprocess.CompletedProcess:
    return sitekit.build(root, check=False).result


def unclosed_faq(root: Path) -> tuple[str, int]:
    edit(root / LESSON, "Because shoppers trust other shoppers.\n///\n", "Because shoppers trust other shoppers.\n")
    return LESSON, line_of(root / LESSON, "/// faq")


def stray_closing_fence(root: Path) -> tuple[str, int]:
    edit(root / LESSON, "A shopper reads reviews before buying.\n", "A shopper reads reviews before buying.\n\n///\n")
    return LESSON, line_of(root / LESSON, "A shopper reads reviews") + 2


def page_left_out_of_nav(root: Path) -> tuple[str, int]:
    (root / "content/journey/orphan.md").write_text("---\ntitle: Orphan\ndescription: Nobody links here.\n---\n\n"
                                                     "# Orphan\n\nText.\n", encoding="utf-8")
    return "content/journey/orphan.md", 1


def link_to_missing_page(root: Path) -> tuple[str, int]:
    edit(root / LESSON, "A shopper reads reviews before buying.", "A shopper reads [reviews](no-such-page.md) first.")
    return LESSON, line_of(root / LESSON, "no-such-page.md")


def link_to_missing_heading(root: Path) -> tuple[str, int]:
    edit(root / LESSON, "A shopper reads reviews before buying.", "See [the start](index.md#no-such-heading).")
    return LESSON, line_of(root / LESSON, "no-such-heading")


def quiz_in_two_lessons(root: Path) -> tuple[str, int]:
    index = root / "content/journey/index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n/// quiz | first-steps\n///\n", encoding="utf-8")
    return "content/journey/index.md", line_of(index, "/// quiz | first-steps")


MISTAKES = {
    "a /// faq block never closed": unclosed_faq,
    "a /// that closes no block": stray_closing_fence,
    "a lesson left out of nav": page_left_out_of_nav,
    "a link to a page that does not exist": link_to_missing_page,
    "a link to a heading that does not exist": link_to_missing_heading,
    "one quiz embedded in two lessons": quiz_in_two_lessons,
}


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_check_and_build_refuse_the_mistake_at_its_line_and_publish_nothing(project, mistake):
    path, line = MISTAKES[mistake](project)
    checked = check(project)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert f"{path}:{line}:" in checked.stderr, checked.stderr
    assert "hint:" in checked.stderr and "Traceback" not in checked.stderr
    built = build(project)
    assert built.returncode != 0, "check and build must give the same verdict"
    assert f"{path}:{line}:" in built.stderr and "Traceback" not in built.stderr
    assert not (project / "site").exists(), "nothing is published"


def test_navigation_instant_builds_and_what_it_swaps_in_holds_no_inline_script(project):
    """Material's instant navigation swaps the container of each page and runs its scripts again as
    inline code, which the page's policy refuses: the container carries data, never an inline script."""
    config = project / "mkdocs.yml"
    edit(config, "features: [navigation.prune,", "features: [navigation.instant, navigation.prune,")
    result = check(project)
    assert result.returncode == 0, result.stderr
    built = sitekit.build(project)
    for path in ("journey/first-steps/index.html", "ru/progress/index.html"):
        doc = html5lib.parse(built.html(path), namespaceHTMLElements=False)
        container = doc.find(".//div[@data-md-component='container']")
        inline = [s.get("type") for s in container.iter("script") if not s.get("src")]
        assert inline == [], (path, inline)
    lesson = html5lib.parse(built.html("journey/first-steps/index.html"), namespaceHTMLElements=False)
    assert lesson.find(".//div[@data-md-component='container']//template[@class='academy-quiz__key']") is not None
    languages = lesson.find(".//div[@data-md-component='container']//template[@class='academy-languages']")
    assert sorted(a.get("hreflang") for a in languages.iter("a")) == ["en", "fil", "ru"]


def test_the_site_builds_when_the_editor_forgets_attr_list(project):
    edit(project / "mkdocs.yml", "  - attr_list\n", "")
    built = sitekit.build(project)
    doc = html5lib.parse(built.html("fil/journey/first-steps/index.html"), namespaceHTMLElements=False)
    assert doc.find(".//*[@id='the-research-moment']") is not None


def test_a_custom_dir_override_wins_over_the_academys_templates(project):
    overrides = project / "overrides"
    (overrides / "partials").mkdir(parents=True)
    (overrides / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    edit(project / "mkdocs.yml", "  name: material\n", "  name: material\n  custom_dir: overrides\n")
    refused = check(project)
    assert refused.returncode == 1 and "overrides/main.html:1:" in refused.stderr and "academy.html" in refused.stderr
    (overrides / "main.html").write_text('{% extends "academy.html" %}\n{% block extrahead %}{{ super() }}'
                                         '<meta name="x-team-override" content="main">{% endblock %}\n', encoding="utf-8")
    (overrides / "partials" / "copyright.html").write_text('<div class="x-team-copyright">Team</div>', encoding="utf-8")
    built = sitekit.build(project)
    for path in ("journey/first-steps/index.html", "ru/journey/first-steps/index.html"):
        doc = html5lib.parse(built.html(path), namespaceHTMLElements=False)
        assert doc.find(".//meta[@name='x-team-override']") is not None, path
        assert doc.find(".//div[@class='x-team-copyright']") is not None, path
        assert doc.find(".//script[@type='application/json']") is not None, "the academy's page is still there"


def test_navigation_tabs_keep_every_course_in_the_navigation(project):
    (project / "content/skills").mkdir()
    (project / "content/skills/index.md").write_text("---\ntitle: Skills\ndescription: Soft skills.\n---\n\n# Skills\n\n"
                                                     "Text.\n", encoding="utf-8")
    edit(project / "mkdocs.yml", "  - progress.md\n", "  - Skills:\n      - skills/index.md\n  - progress.md\n")
    edit(project / "mkdocs.yml", "features: [navigation.prune,", "features: [navigation.tabs,")
    subprocess.run([sys.executable, "-m", "academy.cli", "i18n", "update"], cwd=project, check=True, capture_output=True)
    built = sitekit.build(project)
    doc = html5lib.parse(built.html("journey/first-steps/index.html"), namespaceHTMLElements=False)
    tabs = doc.find(".//nav[@class='md-tabs']")
    assert tabs is not None
    hrefs = [a.get("href") for a in tabs.iter("a")]
    assert any("skills" in (href or "") for href in hrefs), hrefs
