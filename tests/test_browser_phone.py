"""The academy as a trainee meets it: a 360×740 touch phone, sometimes with a keyboard."""

from __future__ import annotations

import pytest

from conftest import phone_page, search_settled
from test_browser_quiz import answer_all, choose_in_select, choose_option, submit

pytestmark = pytest.mark.browser

LESSON = "journey/first-steps/"
LONG_ANSWER = "I'll connect you with the right team and make sure they have all the details."
LONG_STEP = "Listen to the whole complaint without interrupting, then repeat it back in your own words"


@pytest.fixture
def phone(browser):
    with phone_page(browser, has_touch=True, is_mobile=True) as page:
        yield page


FOCUS_RING = """() => {
    const s = getComputedStyle(document.activeElement);
    return {tag: document.activeElement.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth),
            shadow: s.boxShadow};
}"""


@pytest.mark.parametrize("question", ["research", "kinds", "share", "order"])
def test_keyboard_focus_is_visible_on_every_kind_of_answer_control(phone, site_server, question):
    phone.goto(f"{site_server}/{LESSON}")
    fieldset = phone.locator(f'fieldset[data-q="{question}"]')
    # come from the control before, as a keyboard user does, so :focus-visible applies
    fieldset.locator("input, select").first.focus()
    phone.keyboard.press("Shift+Tab")
    phone.keyboard.press("Tab")
    assert fieldset.evaluate("f => f.contains(document.activeElement)")
    ring = phone.evaluate(FOCUS_RING)
    assert (ring["style"] != "none" and ring["width"] >= 2) or ring["shadow"] != "none", ring


def test_ordering_rows_put_the_step_first_and_its_select_beside_it_even_when_the_step_is_long(phone, site_server):
    phone.goto(f"{site_server}/{LESSON}")
    rows = phone.locator('fieldset[data-q="order"] li')
    rows.first.locator("label").evaluate("(l, text) => { l.textContent = text; }", LONG_STEP)
    for index in range(rows.count()):
        row = rows.nth(index)
        label = row.locator("label").bounding_box()
        select = row.locator("select").bounding_box()
        assert label["x"] < select["x"], f"row {index}: the select comes before the step"
        # on one line: the select overlaps the label vertically, not the next row's label
        assert select["y"] < label["y"] + label["height"] and label["y"] < select["y"] + select["height"], index
        assert select["x"] + select["width"] <= 360


def test_a_long_matching_answer_is_shown_whole_in_its_dropdown(phone, site_server):
    phone.goto(f"{site_server}/{LESSON}")
    select = phone.locator('fieldset[data-q="match"] select').first
    select.evaluate("(s, text) => { s.options[1].textContent = text; s.selectedIndex = 1; }", LONG_ANSWER)
    fits = select.evaluate("""s => {
        const style = getComputedStyle(s);
        const ctx = document.createElement('canvas').getContext('2d');
        ctx.font = style.font;
        const text = ctx.measureText(s.options[s.selectedIndex].textContent).width;
        const inner = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
        const lines = Math.floor((s.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) + 1) / lineHeight);
        return {text, inner, lines, right: s.getBoundingClientRect().right};
    }""")
    assert fits["right"] <= 360, fits
    assert fits["text"] <= fits["inner"] * fits["lines"], fits


def in_viewport(box) -> bool:
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 740


def test_checking_with_questions_left_leads_to_the_first_one_and_says_how_many_are_left(phone, site_server):
    phone.goto(f"{site_server}/{LESSON}")
    answer_all(phone, right=True)
    # leave two questions blank: the multiple-answer one (third) and the ordering one (fifth)
    phone.evaluate("""() => {
        document.querySelectorAll('fieldset[data-q="kinds"] input').forEach(i => { i.checked = false; });
        document.querySelectorAll('fieldset[data-q="order"] select').forEach(s => { s.value = ''; });
    }""")
    submit(phone)
    kinds = phone.locator('fieldset[data-q="kinds"]')
    assert kinds.evaluate("f => f.contains(document.activeElement)"), phone.evaluate("document.activeElement.outerHTML")
    message = kinds.locator(".academy-q__feedback")
    assert "2 questions are not answered yet" in message.inner_text()
    assert in_viewport(message.bounding_box()), message.bounding_box()
    legend = kinds.locator("legend").bounding_box()
    assert in_viewport(legend) and legend["y"] > 48, legend  # below Material's fixed header
    highlight = kinds.evaluate("f => getComputedStyle(f).borderTopColor")
    plain = phone.locator('fieldset[data-q="research"]').evaluate("f => getComputedStyle(f).borderTopColor")
    assert highlight != plain
    assert phone.locator("fieldset.academy-q.is-correct, fieldset.academy-q.is-incorrect").count() == 0
    # answering it takes the mark away
    choose_option(phone, "kinds", "A support chat")
    assert not kinds.evaluate("f => f.classList.contains('is-unanswered')")
    assert message.inner_text().strip() == ""


def test_an_unanswered_ordering_question_is_entered_at_its_top_row(phone, site_server):
    phone.goto(f"{site_server}/{LESSON}")
    answer_all(phone, right=True)
    phone.evaluate("() => document.querySelectorAll('fieldset[data-q=\"order\"] select').forEach(s => { s.value = ''; })")
    submit(phone)
    tops = phone.locator('fieldset[data-q="order"] select').evaluate_all(
        "ss => ss.map(s => [s === document.activeElement, s.getBoundingClientRect().top])")
    focused = [top for active, top in tops if active]
    assert focused == [min(top for _, top in tops)], tops
    assert "1 question is not answered yet" in phone.locator('fieldset[data-q="order"]').inner_text()


@pytest.mark.parametrize("question", ["share", "word"])
def test_enter_in_a_typed_answer_does_not_check_the_whole_quiz(phone, site_server, question):
    phone.goto(f"{site_server}/{LESSON}")
    answer_all(phone, right=True)
    phone.locator(f'fieldset[data-q="{question}"] input').focus()
    phone.keyboard.press("Enter")
    assert phone.locator("fieldset.academy-q.is-correct").count() == 0
    assert not phone.locator(".academy-quiz [data-action=retry]").is_visible()
    submit(phone)
    assert phone.locator("fieldset.academy-q.is-correct").count() == 7


def test_ordering_and_matching_feedback_is_one_marked_row_per_item(phone, site_server):
    phone.goto(f"{site_server}/{LESSON}")
    answer_all(phone, right=True)
    # swap two steps: one row stays right ("Purchase", third), two are wrong
    for item, position in (("Need", "2"), ("Research", "1")):
        row = phone.locator('fieldset[data-q="order"] li', has_text=item)
        choose_in_select(phone, row.locator("select"), position)
    submit(phone)
    rows = phone.locator('fieldset[data-q="order"] .academy-q__feedback li')
    assert rows.count() == 3
    marks = rows.evaluate_all("rs => rs.map(r => [r.className, r.innerText])")
    assert [m[0] for m in marks] == ["is-wrong", "is-wrong", "is-right"], marks
    assert "Need" in marks[0][1] and "2" in marks[0][1]  # the right place and the trainee's own
    match = phone.locator('fieldset[data-q="match"] .academy-q__feedback li')
    assert match.count() == 2
    assert match.evaluate_all("rs => rs.every(r => r.className === 'is-right')")
    assert "Reading reviews at night" in match.first.inner_text() and "ZMOT" in match.first.inner_text()


def test_the_right_answers_of_a_multiple_answer_question_are_a_list(phone, site_server):
    phone.goto(f"{site_server}/{LESSON}")
    answer_all(phone, right=False)
    phone.evaluate("""() => document.querySelectorAll('fieldset[data-q="kinds"] label')
        .forEach(l => { l.textContent += '.'; })""")  # options written as sentences
    submit(phone)
    feedback = phone.locator('fieldset[data-q="kinds"] .academy-q__feedback')
    assert feedback.locator("li").evaluate_all("ls => ls.map(l => l.textContent)") == [
        "A support chat.", "A product review."]
    assert ".;" not in feedback.inner_text()


def test_the_score_comes_before_try_again_and_lists_the_questions_to_review(phone, site_server):
    phone.goto(f"{site_server}/{LESSON}")
    answer_all(phone, right=True)
    choose_option(phone, "research", "Sleeps")
    submit(phone)
    summary = phone.locator(".academy-quiz__summary")
    retry = phone.locator(".academy-quiz [data-action=retry]")
    assert summary.bounding_box()["y"] < retry.bounding_box()["y"]
    assert in_viewport(summary.bounding_box())
    links = summary.locator("a")
    assert links.count() == 1
    assert "What does a shopper do before buying?" in links.first.inner_text()
    links.first.click()
    legend = phone.locator('fieldset[data-q="research"] legend').bounding_box()
    assert in_viewport(legend), legend


def test_the_hint_reads_like_the_question_not_like_a_collapsed_note(phone, site_server):
    phone.goto(f"{site_server}/{LESSON}")
    hint = phone.locator('fieldset[data-q="research"] .academy-q__hint')
    hint.locator("summary").click()
    look = hint.evaluate("""d => {
        const text = getComputedStyle(d.querySelector('p')).fontSize;
        const label = getComputedStyle(d.closest('fieldset').querySelector('label')).fontSize;
        const icon = getComputedStyle(d.querySelector('summary'), '::before');
        const box = getComputedStyle(d), summary = getComputedStyle(d.querySelector('summary'));
        return {text: parseFloat(text), label: parseFloat(label), icon: icon.maskImage || icon.webkitMaskImage,
                iconContent: icon.content, summaryBg: summary.backgroundColor, boxBg: box.backgroundColor};
    }""")
    assert look["text"] >= look["label"], look
    assert look["iconContent"] == "none" or look["icon"] in ("none", ""), look
    assert look["summaryBg"] == look["boxBg"] or look["summaryBg"] == "rgba(0, 0, 0, 0)", look


def test_lesson_cards_and_search_results_are_not_underlined_end_to_end(phone, site_server):
    phone.goto(f"{site_server}/")
    card = phone.locator(".academy-card a").first
    assert card.evaluate("a => getComputedStyle(a).textDecorationLine") == "none"
    phone.click(".academy-search-open")
    phone.fill(".academy-search__input", "customer")
    phone.wait_for_selector(".academy-search__results a")
    result = phone.locator(".academy-search__results a").first
    assert result.evaluate("a => getComputedStyle(a).textDecorationLine") == "none"


def pass_the_quiz(phone, site_server) -> None:
    phone.goto(f"{site_server}/{LESSON}")
    answer_all(phone, right=True)
    submit(phone)
    phone.wait_for_selector(".academy-quiz__passed")


def test_a_course_page_lists_its_lessons_with_status_and_a_link_to_continue(phone, site_server):
    phone.goto(f"{site_server}/journey/")
    cards = phone.locator("article .academy-card")
    assert cards.count() == 1
    assert cards.first.locator("a").get_attribute("href").rstrip("/").endswith("first-steps")
    assert cards.first.locator(".academy-card__status").inner_text() == "Not started"
    go_on = phone.locator("article .academy-course__continue a")
    assert go_on.is_visible() and "First steps" in go_on.inner_text()
    go_on.click()
    assert phone.url.endswith("/journey/first-steps/")
    pass_the_quiz(phone, site_server)
    phone.goto(f"{site_server}/journey/")
    assert phone.locator("article .academy-card__status").first.inner_text().startswith("Passed")
    assert not phone.locator("article .academy-course__continue").is_visible()  # nothing left to continue


def test_home_page_cards_show_each_lesson_status_in_the_readers_language(phone, site_server):
    phone.goto(f"{site_server}/ru/")
    assert phone.locator(".academy-card__status").first.inner_text() == "Не начат"
    pass_the_quiz(phone, site_server)
    phone.goto(f"{site_server}/")
    status = phone.locator(".academy-card__status").first.inner_text()
    assert status.startswith("Passed") and "100%" in status


def test_without_javascript_check_answers_looks_off_and_says_why_beside_it(browser, site_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True,
                                  java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_server}/{LESSON}")
    button = page.locator(".academy-quiz button[type=submit]")
    note = page.locator(".academy-quiz__nojs")
    assert button.is_disabled()
    look = button.evaluate("b => [getComputedStyle(b).opacity, getComputedStyle(b).cursor]")
    assert float(look[0]) < 0.7 and look[1] == "not-allowed", look
    gap = abs(note.bounding_box()["y"] - button.bounding_box()["y"])
    assert gap < 150, gap
    context.close()


def test_clearing_all_progress_asks_first_and_looks_unlike_the_downloads(phone, site_server):
    pass_the_quiz(phone, site_server)
    phone.goto(f"{site_server}/progress/")
    reset = phone.locator("[data-action=reset]")
    download = phone.locator("[data-download=json]")
    assert reset.evaluate("b => getComputedStyle(b).color") != download.evaluate("b => getComputedStyle(b).color")
    asked: list[str] = []

    def answer(dialog, accept: bool) -> None:
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    phone.once("dialog", lambda d: answer(d, False))
    reset.click()
    assert asked and phone.locator('tr[data-quiz="first-steps"] [data-status]').inner_text() == "Passed"
    phone.once("dialog", lambda d: answer(d, True))
    reset.click()
    assert len(asked) == 2
    assert phone.locator('tr[data-quiz="first-steps"] [data-status]').inner_text() == "Not started"


def test_the_not_found_page_links_home_and_to_each_language_from_any_depth(phone, site_server, built_site):
    body = (built_site.site / "404.html").read_text(encoding="utf-8")
    missing = f"{site_server}/journey/no-such-lesson/deeper/"
    phone.route(missing, lambda route: route.fulfill(status=404, body=body, content_type="text/html"))
    phone.goto(missing)
    home = phone.locator("article a", has_text="home page").first
    assert home.evaluate("a => a.href") == f"{site_server}/"
    hrefs = phone.eval_on_selector_all("a[hreflang]", "links => links.map(a => [a.hreflang, a.href])")
    assert hrefs, "no language links"
    for lang, href in hrefs:
        expected = {"en": f"{site_server}/", "tl": f"{site_server}/fil/", "fil": f"{site_server}/fil/",
                    "ru": f"{site_server}/ru/"}[lang]
        assert href == expected, (lang, href)
        assert phone.request.get(href).ok
    links = phone.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    assert not [link for link in links if "academy.test" in link]  # the configured domain is not this server


def test_the_site_name_and_footer_are_in_the_readers_language_and_name_no_theme(phone, site_server):
    phone.goto(f"{site_server}/ru/{LESSON}")
    assert phone.title().endswith("Тестовая академия"), phone.title()
    assert "Тестовая академия" in phone.locator(".md-header__topic").first.inner_text()
    footer = phone.locator(".md-footer-meta").inner_text()
    assert "Material" not in footer and "Made with" not in footer
    assert "Тестовая академия" in footer


def test_a_printed_lesson_has_no_controls_keeps_questions_whole_and_headings_with_their_text(phone, site_server):
    phone.goto(f"{site_server}/{LESSON}")
    phone.emulate_media(media="print")
    shown = phone.evaluate("""() => Array.from(document.querySelectorAll(
        'button, select, .md-header, .md-sidebar, .md-footer, .academy-search, .academy-quiz__actions, .md-search'))
        .filter(e => e.getClientRects().length > 0).map(e => e.outerHTML.slice(0, 80))""")
    assert shown == [], shown
    rules = phone.evaluate("""() => ({
        question: getComputedStyle(document.querySelector('fieldset.academy-q')).breakInside,
        heading: getComputedStyle(document.querySelector('article h2')).breakAfter,
        legend: getComputedStyle(document.querySelector('fieldset.academy-q legend')).display})""")
    assert rules["question"] == "avoid" and rules["heading"] == "avoid", rules
    # the questions themselves are still printed, to be answered on paper
    assert phone.locator("fieldset.academy-q legend").first.is_visible()


def test_a_lesson_opened_once_reads_offline_and_says_so(browser, site_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{site_server}/fil/{LESSON}")
    page.wait_for_selector(".academy-offline", timeout=15_000)
    assert page.locator(".academy-offline").is_visible()
    context.set_offline(True)
    page.reload()
    assert page.locator("article h1").inner_text().strip() == "Mga unang hakbang"
    assert page.evaluate("getComputedStyle(document.querySelector('.academy-q')).borderTopStyle") == "solid"  # styled
    # another language is another worker and another cache: never filled from this one
    assert page.evaluate("caches.keys()") and all("/fil/" in key for key in page.evaluate("caches.keys()"))
    context.close()


SECTION_AT_TOP = """() => {
    // the section being read: the last heading that starts above a third of the screen
    const headings = Array.from(document.querySelectorAll('article h2[id], article h3[id]'));
    const above = headings.filter(h => h.getBoundingClientRect().top <= innerHeight / 3);
    const h = above[above.length - 1];
    return h ? {id: h.id, text: h.textContent.trim(), top: h.getBoundingClientRect().top} : null;
}"""


def switch_language(page, hreflang: str) -> None:
    page.locator(".md-header__option .md-select button").click()
    with page.expect_navigation():
        # tapped where it is: Playwright's own click would first scroll the page to reach the menu
        page.locator(f'.md-select__link[hreflang="{hreflang}"]').evaluate("a => a.click()")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # the page settles its scroll after load


def scroll_into_third_section(page, by: int = 150) -> dict:
    page.locator("article h2").nth(2).evaluate(f"h => window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 60 + {by})")
    return page.evaluate(SECTION_AT_TOP)


def test_switching_language_keeps_the_section_being_read(phone, site_server):
    phone.goto(f"{site_server}/{LESSON}#the-research-moment")  # came in by a link to another section
    english = scroll_into_third_section(phone)
    assert english["text"] == "Check your understanding", english
    switch_language(phone, "ru")
    assert "/ru/journey/first-steps/" in phone.url
    russian = phone.evaluate(SECTION_AT_TOP)
    assert russian is not None and russian["text"] == "Проверьте себя", russian
    assert -400 < russian["top"] < 120, russian  # roughly where the reader was, not at the heading's far side
    # and back again
    switch_language(phone, "en")
    assert phone.evaluate(SECTION_AT_TOP)["text"] == "Check your understanding"


def test_switching_language_finds_the_section_by_its_place_when_its_anchor_differs(phone, site_server):
    phone.goto(f"{site_server}/{LESSON}")
    # a hand-written translation may name its headings' anchors in its own words
    phone.evaluate("() => { document.querySelectorAll('article h2[id]').forEach((h, i) => { h.id = 'own-' + i; }); }")
    scroll_into_third_section(phone)
    switch_language(phone, "ru")
    assert phone.evaluate(SECTION_AT_TOP)["text"] == "Проверьте себя"


def test_switching_language_at_the_top_of_a_page_stays_at_the_top(phone, site_server):
    phone.goto(f"{site_server}/{LESSON}")
    switch_language(phone, "fil")
    assert phone.evaluate("scrollY") == 0
    assert "#" not in phone.url


def test_the_search_dialog_has_one_close_button(phone, site_server):
    phone.goto(f"{site_server}/{LESSON}")
    phone.click(".academy-search-open")
    assert phone.locator(".academy-search button:visible").count() == 1
    field = phone.locator(".academy-search__input")
    field.fill("customer")
    search_settled(phone)  # the dialog has its final height
    # the browser's own clearing cross of a search field would be a second close button beside ours:
    # the end of the field looks the same as with that cross taken away
    box = field.bounding_box()
    end = {"x": box["x"] + box["width"] - 40, "y": box["y"] + 2, "width": 38, "height": box["height"] - 4}
    as_shown = phone.screenshot(clip=end)
    phone.add_style_tag(content=".academy-search__input::-webkit-search-cancel-button "
                                "{ -webkit-appearance: none; appearance: none; display: none; }")
    assert field.bounding_box() == box
    assert phone.screenshot(clip=end) == as_shown
