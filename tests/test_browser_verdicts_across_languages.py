"""A quiz answered in one language reads the same in every other: same ✓ and ✗, same score, same status.

A typed answer counts if it is an accepted form in any of the site's languages, on every page; a checked
quiz comes back with the verdicts kept with its answers, never judged again by another page.
"""

from __future__ import annotations

import pytest

from conftest import phone_page
from test_browser_quiz import LESSON, answer_all, submit, type_into

pytestmark = pytest.mark.browser

RUSSIAN_WORD = "исследование"  # accepted in Russian only: the English page accepts "nag-research"


@pytest.fixture
def phone(browser):
    with phone_page(browser, has_touch=True, is_mobile=True) as page:
        yield page


def answer_in_russian(phone, site_server, word: str = RUSSIAN_WORD) -> None:
    phone.goto(f"{site_server}/ru/{LESSON}")
    answer_all(phone, right=True, lang="ru")
    field = phone.locator('fieldset[data-q="word"] input[type=text]')
    field.fill("")
    type_into(phone, "word", word)
    field.evaluate("i => i.blur()")  # the change is saved, as when the trainee taps elsewhere


def verdicts(phone) -> dict[str, str]:
    return phone.evaluate("""() => Object.fromEntries(Array.from(document.querySelectorAll('fieldset.academy-q'))
        .map(f => [f.dataset.q, ['is-correct', 'is-partial', 'is-incorrect'].find(c => f.classList.contains(c)) || '']))""")


def status_everywhere(phone, site_server, prefix: str) -> tuple[str, str, str]:
    phone.goto(f"{site_server}/{prefix}progress/")
    row = phone.locator('tr[data-quiz="first-steps"]')
    progress = (row.locator("[data-status]").inner_text(), row.locator("[data-best]").inner_text())
    phone.goto(f"{site_server}/{prefix}journey/")
    card = phone.locator("article .academy-card").first
    return progress[0], progress[1], card.get_attribute("data-status")


def test_a_russian_typed_answer_passed_at_100_reads_the_same_in_english_and_filipino(phone, site_server):
    answer_in_russian(phone, site_server)
    submit(phone)
    assert "is-correct" in phone.locator('fieldset[data-q="word"]').get_attribute("class")
    assert phone.locator(".academy-quiz__passed").is_visible()
    seen_in_russian = verdicts(phone)
    assert set(seen_in_russian.values()) == {"is-correct"}
    for prefix in ("", "fil/"):
        phone.goto(f"{site_server}/{prefix}{LESSON}")
        assert verdicts(phone) == seen_in_russian, prefix
        word = phone.locator('fieldset[data-q="word"]')
        assert word.locator(".academy-q__verdict").inner_text().startswith("✓")
        assert phone.input_value('fieldset[data-q="word"] input') == RUSSIAN_WORD
        summary = phone.locator(".academy-quiz__summary").inner_text()
        assert "7 of 7" in summary and "100%" in summary and "Passed" in summary, (prefix, summary)
        assert "academy-quiz__failed" not in phone.locator(".academy-quiz__summary").inner_html()
        status, best, card = status_everywhere(phone, site_server, prefix)
        assert (status, best, card) == ("Passed", "100%", "passed"), prefix
    assert phone.errors == []


def test_an_answer_typed_in_russian_then_checked_on_the_english_page_counts(phone, site_server):
    """Switching language mid-quiz: what was typed is judged in the language it was typed in."""
    answer_in_russian(phone, site_server)
    phone.goto(f"{site_server}/{LESSON}")
    assert phone.input_value('fieldset[data-q="word"] input') == RUSSIAN_WORD
    submit(phone)
    assert "is-correct" in phone.locator('fieldset[data-q="word"]').get_attribute("class")
    assert "Passed: 100%" in phone.locator(".academy-quiz__summary").inner_text()
    assert status_everywhere(phone, site_server, "") == ("Passed", "100%", "passed")


def test_a_typed_answer_gets_one_verdict_on_every_page(phone, site_server):
    """Right in one language is right on every page; wrong in every language is wrong on every page."""
    for lang, word, verdict in (("", "изучение", "is-correct"), ("fil/", "учет отзывов", "is-correct"),
                                ("ru/", "nag-research", "is-correct"), ("", "изучения", "is-incorrect"),
                                ("ru/", "Nag research", "is-correct"),
                                # a leading article is not part of the answer, in any language's page
                                ("", "the nag-research", "is-correct"), ("fil/", "ang nag-research", "is-correct"),
                                ("ru/", "the исследование", "is-correct"), ("", "the", "is-incorrect"),
                                ("fil/", "si", "is-incorrect")):
        phone.goto(f"{site_server}/{lang}{LESSON}")
        if phone.locator(".academy-quiz [data-action=retry]").is_visible():
            phone.locator(".academy-quiz [data-action=retry]").click()
        answer_all(phone, right=True, lang="ru" if lang == "ru/" else "en")
        field = phone.locator('fieldset[data-q="word"] input')
        field.fill("")
        type_into(phone, "word", word)
        submit(phone)
        assert verdict in phone.locator('fieldset[data-q="word"]').get_attribute("class"), (lang, word)


def test_a_result_earned_before_a_translation_changed_keeps_its_verdict(project, browser):
    """The translator drops a form the trainee was right with: the result they earned stays as it was,
    as the progress page keeps it, instead of turning into a ✗ on reload."""
    import sitekit
    from conftest import serve

    sitekit.build(project)
    server, url = serve(project / "site")
    try:
        with phone_page(browser) as phone:
            answer_in_russian(phone, url)
            submit(phone)
            assert "is-correct" in phone.locator('fieldset[data-q="word"]').get_attribute("class")
            po = project / "locales/ru/LC_MESSAGES/quizzes/first-steps.po"
            po.write_text(po.read_text(encoding="utf-8").replace("исследование|", ""), encoding="utf-8")
            sitekit.build(project)
            phone.reload()
            assert "is-correct" in phone.locator('fieldset[data-q="word"]').get_attribute("class")
            assert "100" in phone.locator(".academy-quiz__summary").inner_text()
            assert status_everywhere(phone, url, "ru/")[2] == "passed"
            # a new attempt is judged by the catalog as it is now
            phone.goto(f"{url}/ru/{LESSON}")
            phone.locator(".academy-quiz [data-action=retry]").click()
            answer_in_russian(phone, url)
            submit(phone)
            assert "is-incorrect" in phone.locator('fieldset[data-q="word"]').get_attribute("class")
    finally:
        server.shutdown()


def test_a_verdict_written_into_storage_by_hand_is_not_trusted_beyond_its_bounds(phone, site_server):
    """A score outside 0..1 or of the wrong type left in storage is dropped and the answer judged afresh."""
    answer_in_russian(phone, site_server, word="nothing")
    submit(phone)
    phone.evaluate("""() => {
        const k = 'academy:quiz:first-steps', s = JSON.parse(localStorage.getItem(k));
        s.answers.word.score = 7;
        localStorage.setItem(k, JSON.stringify(s));
    }""")
    phone.goto(f"{site_server}/{LESSON}")
    assert "is-incorrect" in phone.locator('fieldset[data-q="word"]').get_attribute("class")
    summary = phone.locator(".academy-quiz__summary").inner_text()
    assert "6 of 7" in summary and "86%" in summary
