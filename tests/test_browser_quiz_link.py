"""Under a lesson's title, a link says how long its quiz is and jumps to it (phone, 360×740)."""

from __future__ import annotations

import pytest

from conftest import phone_page
from test_browser_quiz import LESSON
from test_site_build import _index_texts

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(browser):
    with phone_page(browser, has_touch=True, is_mobile=True) as page:
        yield page


@pytest.mark.parametrize("prefix, text", [("", "Quiz: 7 questions"), ("ru/", "Тест: 7 вопросов")])
def test_the_quiz_link_under_the_title_is_on_the_first_screen_and_lands_on_the_quiz(phone, site_server, prefix, text):
    phone.goto(f"{site_server}/{prefix}{LESSON}")
    link = phone.locator("article .academy-quiz-link a")
    assert link.count() == 1
    assert link.inner_text().strip() == text + " ↓"
    title, box = phone.locator("article h1").bounding_box(), link.bounding_box()
    assert title["y"] < box["y"] and box["y"] + box["height"] <= 740  # under the title, without scrolling
    assert box["height"] >= 24  # a target a thumb can hit
    link.tap()
    phone.wait_for_function("() => location.hash === '#quiz-first-steps'")
    phone.wait_for_function("() => Math.abs(document.querySelector('.academy-quiz').getBoundingClientRect().top) < 120")
    assert phone.errors == []


def test_only_a_lesson_with_a_quiz_has_the_link_and_search_leaves_it_out(built_site, phone, site_server):
    for path in ("", "journey/", "progress/"):
        phone.goto(f"{site_server}/{path}")
        assert phone.locator(".academy-quiz-link").count() == 0, path
    for folder in (built_site.site, built_site.site / "ru"):
        _languages, text = _index_texts(folder)
        assert "Quiz: 7" not in text and "Тест: 7" not in text
