"""Which saves a serve shows by rendering only their pages again, and which take the whole build.

A quick rebuild that takes a save it cannot render right leaves the served site wrong until the
next whole build: a quiz's text, a title in every page's navigation, a page added or deleted.
These are refused here; `test_serve_incremental.py` checks that the served site then equals a
clean build, and `test_serve_quick_path` below that a paragraph really is shown the quick way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import servekit
import sitekit
from academy.mkdocs.quick import SavedFiles, saved_pages

PAGES = ["index.md", "journey/index.md", "journey/first-steps.md", "glossary.md", "includes/abbreviations.md"]
CODES = ["en", "fil", "ru"]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for src in PAGES:
        path = tmp_path / "content" / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# A page\n", encoding="utf-8")
    for code in ("fil", "ru"):
        for domain in ["content/journey/first-steps", "content/includes/abbreviations", "ui", "quizzes/first-steps"]:
            path = tmp_path / "locales" / code / "LC_MESSAGES" / f"{domain}.po"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "first-steps.yml").write_text("id: first-steps\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: A\n", encoding="utf-8")
    return tmp_path


def saved(tree: Path, *names: str, quizzes: bool = True):
    quiz_pages = {tree / "quizzes" / "first-steps.yml": {"journey/first-steps.md"}} if quizzes else {}
    return saved_pages({str(tree / name) for name in names}, tree / "content", tree / "locales", PAGES, CODES,
                       {"includes/abbreviations.md"}, lambda: quiz_pages)


def test_a_lessons_markdown_is_rendered_alone(tree):
    result = saved(tree, "content/journey/first-steps.md")
    assert result is not None
    assert result.pages == {"journey/first-steps.md"} and result.domains == {}


def test_a_pages_catalog_renders_that_page_and_is_read_again_in_its_language(tree):
    result = saved(tree, "locales/fil/LC_MESSAGES/content/journey/first-steps.po",
                   "locales/ru/LC_MESSAGES/content/journey/first-steps.po")
    assert result is not None
    assert result.pages == {"journey/first-steps.md"}
    assert result.domains == {"fil": {"content/journey/first-steps"}, "ru": {"content/journey/first-steps"}}


def test_a_quiz_and_its_catalogs_render_the_lesson_that_embeds_it(tree):
    result = saved(tree, "quizzes/first-steps.yml", "locales/ru/LC_MESSAGES/quizzes/first-steps.po")
    assert result is not None
    assert result.pages == {"journey/first-steps.md"}
    assert result.quizzes == {tree / "quizzes" / "first-steps.yml"}
    assert result.domains == {"ru": {"quizzes/first-steps"}}


@pytest.mark.parametrize("name", [
    "quizzes/new-quiz.yml",  # no lesson embeds it yet: the whole build says so
    "locales/fil/LC_MESSAGES/ui.po",  # every page's interface
    "content/includes/abbreviations.md",  # joined to every page
    "locales/ru/LC_MESSAGES/content/includes/abbreviations.po",
    "mkdocs.yml",
    "content/journey/diagram.svg",
    "locales/templates/content/journey/first-steps.pot",
    "locales/de/LC_MESSAGES/content/journey/first-steps.po",  # not one of the site's languages
])
def test_what_other_pages_show_takes_the_whole_build(tree, name):
    (tree / name).parent.mkdir(parents=True, exist_ok=True)
    (tree / name).touch()
    assert saved(tree, name) is None
    assert saved(tree, "content/journey/first-steps.md", name) is None  # with a lesson saved at once too


def test_a_new_page_and_a_deleted_page_take_the_whole_build(tree):
    (tree / "content" / "journey" / "next-steps.md").write_text("# Next\n", encoding="utf-8")
    assert saved(tree, "content/journey/next-steps.md") is None  # not yet in the navigation's pages
    (tree / "content" / "glossary.md").unlink()
    assert saved(tree, "content/glossary.md") is None  # a page of the last build, now gone


def test_an_editors_temporary_files_are_left_aside(tree):
    """Vim writes `4913` and removes it, and keeps `.first-steps.md.swp`; many editors save through
    a temporary file renamed over the page. None of those is a page of the site."""
    (tree / "content" / "journey" / ".first-steps.md.swp").write_bytes(b"\0")
    result = saved(tree, "content/journey/4913", "content/journey/.first-steps.md.swp",
                   "content/journey/first-steps.md.tmp-123", "content/journey/first-steps.md")
    assert result is not None and result.pages == {"journey/first-steps.md"}


def test_nothing_saved_is_nothing_to_render(tree):
    assert saved(tree) is None
    assert saved(tree, "content/journey/4913") is None


def test_the_watcher_hands_over_each_change_once():
    from watchdog.events import DirModifiedEvent, FileModifiedEvent, FileMovedEvent

    log = SavedFiles()
    log.on_any_event(FileModifiedEvent("/p/content/a.md"))
    log.on_any_event(DirModifiedEvent("/p/content"))
    log.on_any_event(FileMovedEvent("/p/content/.a.md.tmp", "/p/content/b.md"))
    assert log.take() == {"/p/content/a.md", "/p/content/.a.md.tmp", "/p/content/b.md"}
    assert log.take() == set()


LESSON_URLS = ("/journey/first-steps/", "/fil/journey/first-steps/", "/ru/journey/first-steps/")


def project(tmp_path: Path) -> Path:
    (tmp_path / "project").mkdir()
    return sitekit.write_project(tmp_path / "project")


def wait_until_shown(server: servekit.Server, word: bytes) -> None:
    """Until the lesson shows the word in every language."""
    for url in LESSON_URLS:
        server.wait_until(lambda url=url: word in server.get(url).body, f"{url} shows {word!r}", 600)


def said_since(server: servekit.Server, offset: int) -> str:
    return server.log.read_bytes()[offset:].decode("utf-8", "replace")


def test_serve_shows_a_saved_paragraph_without_the_whole_build(tmp_path):
    """Under `serve --dirty` (what `make serve` runs) a paragraph's save and a quiz's save are rendered
    the quick way in every language, and the served pages show them; a quiz's new id takes the whole build."""
    root = project(tmp_path)
    lesson = root / "content" / "journey" / "first-steps.md"
    with servekit.serving(root, tmp_path / "serve.log", timeout=600, arguments=("--dirty",)) as server:
        offset = server.log_size()
        sitekit.edit(lesson, "through a touchpoint.", "through a touchpoint, Quickmark.")
        wait_until_shown(server, b"Quickmark")
        server.settle(timeout=600)
        said = said_since(server, offset)
        assert "Rendered again" in said and "journey/first-steps.md" in said, said
        assert servekit.BUILD_STARTED not in said, said  # the whole build did not run
        offset = server.log_size()
        quiz = root / "quizzes" / "first-steps.yml"
        sitekit.edit(quiz, "text: What does a shopper do before buying?", "text: What does a shopper do, Quizmark?")
        wait_until_shown(server, b"Quizmark")
        server.settle(timeout=600)
        said = said_since(server, offset)
        assert "Rendered again" in said and servekit.BUILD_STARTED not in said, said
        offset = server.log_size()  # a quiz's new id: the lesson's `/// quiz | first-steps` no longer finds it
        sitekit.edit(quiz, "id: first-steps", "id: first-steps-renamed")
        server.wait_until(lambda: servekit.REBUILD_FAILED.encode() in server.log.read_bytes()[offset:],
                          "the whole build's report", 600)
        said = said_since(server, offset)
        assert servekit.BUILD_STARTED in said and "Rendered again" not in said, said


def test_a_save_with_a_mistake_is_reported_by_the_whole_build_and_nothing_is_half_shown(tmp_path):
    """A quick rebuild that meets a problem gives way to the whole build, which says where it is and
    keeps the last good pages served; once the mistake is fixed, the page shows the edit."""
    root = project(tmp_path)
    lesson = root / "content" / "journey" / "first-steps.md"
    with servekit.serving(root, tmp_path / "serve.log", timeout=600, arguments=("--dirty",)) as server:
        offset = server.log_size()
        sitekit.edit(lesson, "through a touchpoint.", "through a touchpoint, Brokenmark.\n\n/// quiz | no-such-quiz\n///\n")
        server.wait_until(lambda: servekit.REBUILD_FAILED.encode() in server.log.read_bytes()[offset:],
                          "the problem reported", 600)
        said = said_since(server, offset)
        # said by the whole build, at its line; serve then holds every request until the next good build
        assert "content/journey/first-steps.md:10: no quiz 'no-such-quiz'" in said, said
        assert servekit.BUILD_STARTED in said and "Rendered again" not in said, said
        sitekit.edit(lesson, "through a touchpoint, Brokenmark.\n\n/// quiz | no-such-quiz\n///\n", "through a touchpoint, Fixedmark.")
        wait_until_shown(server, b"Fixedmark")


def test_a_pages_own_save_does_not_look_through_the_quizzes(tree):
    """Which pages embed which quiz is worked out from every page: at a thousand lessons a save of a
    page or of its catalog must not pay for it."""
    def every_quiz():
        raise AssertionError("the quizzes were looked through for a page's own save")

    result = saved_pages({str(tree / "content/journey/first-steps.md"),
                          str(tree / "locales/fil/LC_MESSAGES/content/journey/first-steps.po")},
                         tree / "content", tree / "locales", PAGES, CODES, {"includes/abbreviations.md"}, every_quiz)
    assert result is not None and result.pages == {"journey/first-steps.md"}
