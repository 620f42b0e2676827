"""Quizzes in a real browser, answered with the keyboard alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import phone_page

pytestmark = pytest.mark.browser

LESSON = "journey/first-steps/"


def choose_option(page, question: str, label: str) -> None:
    """Select a radio or checkbox by its label, with the keyboard: focus it and press Space."""
    fieldset = page.locator(f'fieldset[data-q="{question}"]')
    role = "checkbox" if fieldset.get_attribute("data-type") == "multiple" else "radio"
    fieldset.get_by_role(role, name=label, exact=True).focus()
    page.keyboard.press("Space")


def choose_in_select(page, select, text: str) -> None:
    """Pick an option of a <select> with the keyboard only.

    A customizable select (`appearance: base-select`) opens its list first, like a select on a Mac.
    """
    select.focus()
    options = select.evaluate("s => Array.from(s.options).map(o => o.textContent)")
    current = select.evaluate("s => s.selectedIndex")
    target = options.index(text)
    listbox = select.evaluate("s => getComputedStyle(s).appearance === 'base-select'")
    if listbox:
        page.keyboard.press("Enter")
    key = "ArrowDown" if target > current else "ArrowUp"
    for _ in range(abs(target - current)):
        page.keyboard.press(key)
    if listbox:
        page.keyboard.press("Enter")


def type_into(page, question: str, text: str) -> None:
    page.locator(f'fieldset[data-q="{question}"] input[type=text]').focus()
    page.keyboard.type(text)


def answer_all(page, right: bool, lang: str = "en") -> None:
    words = {
        "en": dict(reads="Reads reviews", sleeps="Sleeps", chat="A support chat", review="A product review",
                   weather="The weather", true="True", false="False", zmot_prompt="Reading reviews at night",
                   fmot_prompt="Picking a box from the shelf", order=["Need", "Research", "Purchase"]),
        "ru": dict(reads="Читает отзывы", sleeps="Спит", chat="Чат поддержки", review="Отзыв о товаре",
                   weather="Погода", true="Верно", false="Неверно", zmot_prompt="Чтение отзывов ночью",
                   fmot_prompt="Выбор коробки с полки", order=["Потребность", "Изучение", "Покупка"]),
    }[lang]
    choose_option(page, "research", words["reads"] if right else words["sleeps"])
    type_into(page, "share", "53" if right else "20")
    choose_option(page, "kinds", words["chat"])
    choose_option(page, "kinds", words["review"] if right else words["weather"])
    choose_option(page, "fmot-seconds", words["true"] if right else words["false"])
    for position, item in enumerate(words["order"], start=1):
        li = page.locator('fieldset[data-q="order"] li', has_text=item)
        choose_in_select(page, li.locator("select"), str(position if right else 4 - position))
    for prompt, stage in ((words["zmot_prompt"], "ZMOT"), (words["fmot_prompt"], "FMOT")):
        li = page.locator('fieldset[data-q="match"] li', has_text=prompt)
        wrong = "FMOT" if stage == "ZMOT" else "ZMOT"
        choose_in_select(page, li.locator("select"), stage if right else wrong)
    type_into(page, "word", "Nag research" if right else "nothing")


def submit(page) -> None:
    page.locator(".academy-quiz button[type=submit]").focus()
    page.keyboard.press("Enter")


def test_every_question_type_answered_right_with_the_keyboard(page, site_server):
    page.goto(f"{site_server}/{LESSON}")
    assert not page.locator(".academy-quiz [data-action=retry]").is_visible()
    answer_all(page, right=True)
    submit(page)
    summary = page.text_content(".academy-quiz__summary")
    assert "You answered 7 of 7 questions correctly." in summary
    assert "Passed: 100%" in summary
    assert page.locator("fieldset.academy-q.is-correct").count() == 7
    assert page.errors == []


def test_wrong_answers_get_feedback_the_right_answer_and_no_pass(page, site_server):
    page.goto(f"{site_server}/{LESSON}")
    answer_all(page, right=False)
    submit(page)
    summary = page.text_content(".academy-quiz__summary")
    assert "You answered 0 of 7 questions correctly." in summary
    assert "You need 80% to pass" in summary
    research = page.text_content('fieldset[data-q="research"] .academy-q__feedback')
    assert "Not quite." in research and "Secretfeedbackword is not the answer." in research
    assert "Correct answer: Reads reviews" in research
    # a word, not only a colour, says it is wrong
    assert page.locator("fieldset.academy-q.is-incorrect .academy-q__verdict").count() >= 6


def test_partial_credit_for_multiple_select(page, site_server):
    page.goto(f"{site_server}/{LESSON}")
    answer_all(page, right=True)
    choose_option(page, "kinds", "A product review")  # unticks one of the two right answers
    submit(page)
    assert "Partly correct." in page.text_content('fieldset[data-q="kinds"] .academy-q__feedback')
    assert "Passed: 93%" in page.text_content(".academy-quiz__summary")


def test_russian_quiz_uses_russian_plural_forms(page, site_server):
    page.goto(f"{site_server}/ru/{LESSON}")
    answer_all(page, right=True, lang="ru")
    submit(page)
    assert "Правильных ответов: 7. Всего 7 вопросов." in page.text_content(".academy-quiz__summary")


def test_progress_survives_a_reload_and_a_change_of_language(page, site_server):
    page.goto(f"{site_server}/{LESSON}")
    answer_all(page, right=True)
    submit(page)
    page.reload()
    assert "You answered 7 of 7 questions correctly." in page.text_content(".academy-quiz__summary")
    page.goto(f"{site_server}/ru/{LESSON}")
    assert "Правильных ответов: 7." in page.text_content(".academy-quiz__summary")
    assert page.locator('fieldset[data-q="research"] input:checked').count() == 1


def test_answers_are_kept_before_checking(page, site_server):
    page.goto(f"{site_server}/{LESSON}")
    choose_option(page, "research", "Reads reviews")
    type_into(page, "share", "53")
    page.locator('fieldset[data-q="share"] input').evaluate("i => i.blur()")
    page.reload()
    assert page.locator('fieldset[data-q="research"] input:checked').count() == 1
    assert page.input_value('fieldset[data-q="share"] input') == "53"


def test_quiz_dispatches_answer_and_completion_events(page, site_server):
    page.goto(f"{site_server}/{LESSON}")
    page.evaluate("""() => {
        window.seen = [];
        document.addEventListener('academy:answer', e => seen.push(['answer', e.detail.question, e.detail.correct]));
        document.addEventListener('academy:complete', e => seen.push(['complete', e.detail.percent, e.detail.passed]));
    }""")
    answer_all(page, right=True)
    submit(page)
    seen = page.evaluate("window.seen")
    assert len([s for s in seen if s[0] == "answer"]) == 7
    assert ["complete", 100, True] in seen


def test_quiz_works_without_storage(browser, site_server):
    context = browser.new_context()
    # a full quota (or Safari's old private mode): every write throws
    context.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{site_server}/{LESSON}")
    answer_all(page, right=True)
    submit(page)
    assert "You answered 7 of 7" in page.text_content(".academy-quiz__summary")
    assert errors == []
    context.close()


def test_quiz_reads_without_javascript(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_server}/ru/{LESSON}")
    assert page.locator("fieldset.academy-q").count() == 7
    assert page.locator("fieldset.academy-q legend").first.is_visible()
    assert page.locator(".academy-q__feedback:visible").count() == 0
    assert "Секретноеслово" not in page.locator("article").inner_text()
    context.close()


def test_progress_page_lists_quiz_status_and_best_score_and_downloads_results(page, site_server):
    page.goto(f"{site_server}/progress/")
    row = page.locator('tr[data-quiz="first-steps"]')
    assert row.locator("[data-status]").text_content() == "Not started"
    page.goto(f"{site_server}/{LESSON}")
    answer_all(page, right=True)
    submit(page)
    page.goto(f"{site_server}/ru/progress/")
    row = page.locator('tr[data-quiz="first-steps"]')
    assert row.locator("td").first.text_content().strip() == "Первые шаги"
    assert row.locator("[data-best]").text_content() == "100\u00a0%"  # Russian number format
    with page.expect_download() as download:
        page.click("[data-download=json]")
    data = json.loads(Path(download.value.path()).read_text())
    assert data["quizzes"][0]["quiz"] == "first-steps" and data["quizzes"][0]["best"] == 100
    with page.expect_download() as download:
        page.click("[data-download=csv]")
    lines = Path(download.value.path()).read_text().splitlines()
    assert lines[0] == "quiz,lesson,status,best,last,updated"
    assert lines[1].startswith("first-steps,Первые шаги,passed,100,100,")


def test_editing_one_question_resets_only_that_question(project, browser):
    import sitekit
    from conftest import serve

    sitekit.build(project)
    server, url = serve(project / "site")
    try:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{url}/{LESSON}")
        answer_all(page, right=True)
        page.locator('fieldset[data-q="word"] input').evaluate("i => i.blur()")
        quiz = project / "quizzes/first-steps.yml"
        quiz.write_text(quiz.read_text().replace("What does a shopper do before buying?",
                                                 "What does a shopper usually do before buying?"))
        sitekit.build(project)
        page.reload()
        assert page.locator('fieldset[data-q="research"] input:checked').count() == 0  # edited: starts again
        assert page.input_value('fieldset[data-q="share"] input') == "53"  # untouched: kept
        assert page.locator('fieldset[data-q="fmot-seconds"] input:checked').count() == 1
        context.close()
    finally:
        server.shutdown()


@pytest.mark.parametrize("typed, right", [
    ("исследование", True), ("ИЗУЧЕНИЕ", True), ("учет отзывов", True), ("Nag research", True),
    ("изучения", False), ("исследование|изучение", False),
])
def test_a_typed_answer_accepts_every_form_the_translator_listed(page, site_server, typed, right):
    """The ru catalog gives «исследование|изучение|учёт отзывов»: any form counts, ignoring case and ё/е."""
    page.goto(f"{site_server}/ru/{LESSON}")
    answer_all(page, right=True, lang="ru")
    page.locator('fieldset[data-q="word"] input[type=text]').fill("")
    type_into(page, "word", typed)
    submit(page)
    word = page.locator('fieldset[data-q="word"]')
    assert ("is-correct" if right else "is-incorrect") in word.get_attribute("class").split()
    if not right:
        feedback = word.locator(".academy-q__feedback").text_content()
        assert "исследование" in feedback and "|" not in feedback and "изучение" not in feedback
    assert page.errors == []


@pytest.fixture(scope="module")
def decimal_answer_site(tmp_path_factory):
    """The tiny academy with a decimal answer: 2.5 %, no tolerance."""
    import sitekit
    from conftest import serve

    root = sitekit.write_project(tmp_path_factory.mktemp("decimal"))
    quiz = root / "quizzes/first-steps.yml"
    quiz.write_text(quiz.read_text().replace("answer: 53\n    tolerance: 2\n", "answer: 2.5\n"))
    sitekit.build(root)
    server, url = serve(root / "site")
    yield url
    server.shutdown()


@pytest.mark.parametrize("lang, typed, right", [
    ("ru", "2,5", True), ("ru", "2.5", True), ("ru", "2,50 %", True), ("ru", "2,5 процента", True),
    ("ru", "\u22122,5", False), ("ru", "25", False), ("ru", "2,5,0", False), ("ru", "2 5", False),
    ("en", "2.5", True), ("en", "2,5", True), ("en", "2.5%", True), ("en", "2.5 or 3", False),
])
def test_a_decimal_answer_is_read_in_the_trainees_convention(browser, decimal_answer_site, lang, typed, right):
    """A Russian trainee types «2,5»; the right answer is shown as the page's language writes it."""
    with phone_page(browser) as page:
        page.goto(f"{decimal_answer_site}/{'' if lang == 'en' else lang + '/'}{LESSON}")
        answer_all(page, right=True, lang=lang)
        page.locator('fieldset[data-q="share"] input[type=text]').fill("")
        type_into(page, "share", typed)
        submit(page)
        share = page.locator('fieldset[data-q="share"]')
        assert ("is-correct" if right else "is-incorrect") in share.get_attribute("class").split()
        if not right:
            feedback = share.locator(".academy-q__feedback").text_content()
            assert ("2,5\u00a0%" if lang == "ru" else "2.5%") in feedback
        assert page.errors == []


@pytest.mark.parametrize("lang", ["en", "fil", "ru"])
def test_numbers_written_at_build_time_match_the_browsers_scores(page, lang):
    """An answer text (Babel, at build time) and a score (Intl, in the browser) follow one convention."""
    from academy.numbers import format_number

    for value in (2.5, 53, 8000, 12000.5, 1234567.891, 0.125):
        shown = page.evaluate("([lang, v]) => new Intl.NumberFormat(lang, {maximumFractionDigits: 20}).format(v)",
                              [lang, value])
        percent = page.evaluate(
            "([lang, v]) => new Intl.NumberFormat(lang, {style: 'percent', maximumFractionDigits: 20}).format(v / 100)",
            [lang, value])
        assert format_number(value, lang) == shown
        assert format_number(value, lang, "%") == percent
