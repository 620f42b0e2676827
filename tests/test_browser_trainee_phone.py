"""A trainee's phone at its worst: a second tab on the same lesson, text at 200%, storage that will not keep."""

from __future__ import annotations

import contextlib
import json

import pytest

from conftest import phone_page
from test_browser_quiz import answer_all, choose_option, submit

pytestmark = pytest.mark.browser

LESSON = "journey/first-steps/"
KEY = "academy:quiz:first-steps"


@contextlib.contextmanager
def phone_context(browser, **options):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True, **options)
    errors: list[str] = []
    context.on("weberror", lambda error: errors.append(str(error.error)))
    context.errors = errors
    try:
        yield context
    finally:
        context.close()


def stored(page) -> dict:
    return page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))") or {}


def test_a_pass_in_another_tab_is_not_undone_by_a_tab_left_open_on_the_lesson(browser, site_server):
    """An older tab on the same lesson (or the same page come back from the back-forward cache) holds the
    result it knew when it loaded: touching an answer there must not write that over a newer pass."""
    with phone_context(browser) as context:
        old = context.new_page()
        old.goto(f"{site_server}/{LESSON}")
        new = context.new_page()
        new.goto(f"{site_server}/ru/{LESSON}")
        answer_all(new, right=True, lang="ru")
        submit(new)
        new.wait_for_selector(".academy-quiz__passed")
        old.bring_to_front()
        # the old tab now shows the quiz as checked, as the other tab left it: not blank options
        old.wait_for_selector(".academy-quiz__passed", timeout=5000)
        assert "You answered 7 of 7 questions correctly." in old.text_content(".academy-quiz__summary")
        assert old.locator("fieldset.academy-q.is-correct").count() == 7
        assert old.locator(".academy-quiz [data-action=retry]").is_visible()
        # trying again there starts a new attempt; the pass and the best score stay
        old.locator(".academy-quiz [data-action=retry]").click()
        choose_option(old, "research", "Sleeps")
        saved = stored(old)
        assert saved["passed"] is True and saved["best"] == 100, saved
        assert saved["checked"] is False
        old.goto(f"{site_server}/progress/")
        assert old.locator('tr[data-quiz="first-steps"] [data-status]').inner_text() == "Passed"
        assert context.errors == []


def test_a_tab_that_never_saw_the_result_does_not_write_its_stale_state_over_it(browser, site_server):
    """Even a page that did not hear of the other tab's result (storage events are not promised while a
    page is frozen in the back-forward cache) adds to what storage holds instead of replacing it."""
    with phone_context(browser) as context:
        old = context.new_page()
        old.goto(f"{site_server}/{LESSON}")
        # what a frozen page would miss: the other tab's result, written while nothing here listens
        old.evaluate("""k => {
            const s = {answers: {}, checked: false, passed: true, best: 100, last: 100, updated: new Date().toISOString()};
            const set = Storage.prototype.setItem; set.call(localStorage, k, JSON.stringify(s));
        }""", KEY)
        choose_option(old, "research", "Sleeps")
        saved = stored(old)
        assert saved["passed"] is True and saved["best"] == 100, saved
        answer_all(old, right=False)
        submit(old)
        saved = stored(old)
        assert saved["passed"] is True and saved["best"] == 100 and saved["last"] < 80, saved
        assert context.errors == []


def test_clearing_progress_in_another_tab_is_not_undone_by_the_lesson_tab(browser, site_server):
    with phone_context(browser) as context:
        lesson = context.new_page()
        lesson.goto(f"{site_server}/{LESSON}")
        answer_all(lesson, right=True)
        submit(lesson)
        lesson.wait_for_selector(".academy-quiz__passed")
        progress = context.new_page()
        progress.goto(f"{site_server}/progress/")
        progress.once("dialog", lambda dialog: dialog.accept())
        progress.locator("[data-action=reset]").click()
        lesson.bring_to_front()
        # the lesson tab drops the verdicts of the attempt that was cleared
        lesson.wait_for_function("() => !document.querySelector('.academy-quiz__passed')", timeout=5000)
        assert lesson.locator("fieldset.academy-q.is-correct").count() == 0
        assert lesson.locator(".academy-quiz button[type=submit]").is_visible()
        choose_option(lesson, "research", "Sleeps")
        saved = stored(lesson)
        assert not saved.get("passed") and "best" not in saved, saved
        assert context.errors == []
