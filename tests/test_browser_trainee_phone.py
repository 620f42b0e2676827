"""A trainee's phone at its worst: a second tab on the same lesson, text at 200%, storage that will not keep."""

from __future__ import annotations

import contextlib

import pytest

from conftest import phone_page, search_settled
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


@pytest.fixture
def phone_ctx(browser):
    with phone_context(browser) as context:
        yield context
    assert context.errors == []


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


# ---- text at 200% -----------------------------------------------------------------------------------

def double_the_text(page) -> None:
    """Text at 200% of the site's own size (Chrome's text scaling, a low-vision trainee's setting)."""
    page.evaluate("""() => { const html = document.documentElement;
        html.style.fontSize = 2 * parseFloat(getComputedStyle(html).fontSize) + 'px'; }""")


OUTSIDE = """fs => {
    // every piece of text and every control of a question, against the question's own box
    const box = fs.getBoundingClientRect(), out = [];
    const walker = document.createTreeWalker(fs, NodeFilter.SHOW_TEXT);
    for (let n; (n = walker.nextNode());) {
        if (!n.textContent.trim() || n.parentElement.closest('.academy-sr, template, [hidden]')) continue;
        const range = document.createRange(); range.selectNodeContents(n);
        for (const r of range.getClientRects())
            if (r.width && (r.left < box.left - .5 || r.right > box.right + .5))
                out.push(`${n.parentElement.tagName} "${n.textContent.trim().slice(0, 30)}" ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    for (const c of fs.querySelectorAll('input, select')) {
        const r = c.getBoundingClientRect();
        if (r.left < box.left - .5 || r.right > box.right + .5) out.push(`${c.tagName} ${Math.round(r.left)}..${Math.round(r.right)}`);
        const label = c.id && fs.querySelector(`label[for="${c.id}"]`);
        if (label && c.matches('[type=radio], [type=checkbox]')) {
            const l = label.getBoundingClientRect();
            if (l.left < r.right && r.left < l.right && l.top < r.bottom && r.top < l.bottom)
                out.push(`${c.type} overlaps its label "${label.textContent.slice(0, 30)}"`);
        }
    }
    return {box: [Math.round(box.left), Math.round(box.right)], out};
}"""

LONG_WORDS = {  # as the academy's own lessons have them
    "": ("Which of these are soft skills a support agent needs?", "Responsibility"),
    "ru/": ("Что из перечисленного относится к гибким навыкам?", "Ответственность"),
    "fil/": ("Alin sa mga ito ang mga soft skill na kailangan ng support agent?", "Pananagutan sa pagkakamali"),
}


@pytest.mark.parametrize("lang", ["", "ru/", "fil/"])
def test_a_quiz_with_text_at_200_percent_keeps_every_word_and_control_inside_its_question(phone_ctx, site_server, lang):
    page = phone_ctx.new_page()
    page.goto(f"{site_server}/{lang}{LESSON}")
    legend, word = LONG_WORDS[lang]
    page.evaluate("""([legend, word]) => {
        const fs = document.querySelector('fieldset[data-q="kinds"]');
        fs.querySelector('legend').textContent = legend;
        fs.querySelector('label').textContent = word;
    }""", [legend, word])
    double_the_text(page)
    questions = page.locator("fieldset.academy-q")
    for index in range(questions.count()):
        found = questions.nth(index).evaluate(OUTSIDE)
        assert found["out"] == [], (index, found)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    # and the verdicts under each question, once checked
    page.evaluate("""() => { for (const fs of document.querySelectorAll('fieldset.academy-q')) {
        const i = fs.querySelector('input[type=radio], input[type=checkbox]'); if (i) i.checked = true;
        fs.querySelectorAll('select').forEach(s => { s.selectedIndex = s.options.length - 1; });
        const t = fs.querySelector('input[type=text]'); if (t) t.value = 'Взаимодействиесклиентом'; } }""")
    page.locator(".academy-quiz button[type=submit]").click()
    assert page.locator("fieldset.academy-q.is-incorrect, fieldset.academy-q.is-partial").count() > 0
    for index in range(questions.count()):
        found = questions.nth(index).evaluate(OUTSIDE)
        assert found["out"] == [], (index, found)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360


@pytest.mark.parametrize("page_path", ["", "ru/journey/", "fil/progress/", "ru/" + LESSON])
def test_with_text_at_200_percent_the_header_and_its_buttons_stay_on_the_screen(phone_ctx, site_server, page_path):
    page = phone_ctx.new_page()
    page.goto(f"{site_server}/{page_path}")
    double_the_text(page)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    buttons = page.eval_on_selector_all(
        ".md-header .md-header__button, .md-header .md-select > button, .academy-search-open",
        "bs => bs.filter(b => b.getClientRects().length).map(b => { const r = b.getBoundingClientRect();"
        " return [b.className, Math.round(r.left), Math.round(r.right)]; })")
    assert len(buttons) >= 4, buttons
    assert [b for b in buttons if b[1] < 0 or b[2] > 360] == [], buttons
    # the search opens from where it is, and its dialog fits the screen
    page.locator(".academy-search-open").tap()
    dialog = page.locator("dialog.academy-search").bounding_box()
    assert dialog["x"] >= 0 and dialog["x"] + dialog["width"] <= 360, dialog
    page.keyboard.press("Escape")
    # the language menu, opened, fits the screen too
    page.locator(".md-header__option .md-select button").focus()
    menu = page.locator(".md-select__inner").evaluate("m => { const r = m.getBoundingClientRect(); return [r.left, r.right]; }")
    assert menu[0] >= 0 and menu[1] <= 360, menu
    # and so does the menu drawer, opened
    page.locator("label.md-header__button[for=__drawer]").tap()
    page.wait_for_timeout(400)  # it slides in
    drawer = page.locator(".md-sidebar--primary").bounding_box()
    assert drawer["x"] >= -0.5 and drawer["x"] + drawer["width"] <= 360, drawer


# ---- storage that will not keep ---------------------------------------------------------------------

NO_STORAGE = {
    # a private mode or a site setting that blocks storage: touching localStorage throws
    "blocked": "Object.defineProperty(window, 'localStorage', {get() {"
               " throw new DOMException('The operation is insecure.', 'SecurityError'); }});",
    # a full quota: reading works, every write throws
    "full": "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
}
UNSAVED = {"": "This browser is not keeping your progress",
           "ru/": "Этот браузер не сохраняет ваш прогресс",
           "fil/": "Hindi sine-save ng browser na ito ang progress mo"}


@pytest.mark.parametrize("lang", ["", "ru/", "fil/"])
@pytest.mark.parametrize("storage", sorted(NO_STORAGE))
def test_where_storage_will_not_keep_the_progress_page_says_so_and_the_quiz_still_checks(
        browser, site_server, storage, lang):
    with phone_context(browser) as context:
        context.add_init_script(NO_STORAGE[storage])
        page = context.new_page()
        page.goto(f"{site_server}/{lang}{LESSON}")
        if lang == "":
            answer_all(page, right=True)
        else:  # any answers: the check itself is what must work
            page.evaluate("""() => { for (const fs of document.querySelectorAll('fieldset.academy-q')) {
                const i = fs.querySelector('input[type=radio], input[type=checkbox]'); if (i) i.checked = true;
                fs.querySelectorAll('select').forEach(s => { s.selectedIndex = 1; });
                const t = fs.querySelector('input[type=text]'); if (t) t.value = '1'; } }""")
        submit(page)
        page.wait_for_selector(".academy-quiz__passed, .academy-quiz__failed")
        page.goto(f"{site_server}/{lang}progress/")
        note = page.locator(".academy-progress__unsaved")
        assert note.is_visible()
        assert UNSAVED[lang] in note.inner_text()
        # the promise that progress is kept here is not made
        assert not page.locator(".academy-progress__local").is_visible()
        assert context.errors == []


def test_where_storage_keeps_the_progress_page_says_nothing_of_it(phone_ctx, site_server):
    page = phone_ctx.new_page()
    page.goto(f"{site_server}/progress/")
    assert page.locator(".academy-progress__local").is_visible()
    assert page.locator(".academy-progress__unsaved").count() == 1
    assert not page.locator(".academy-progress__unsaved").is_visible()


# ---- search on the phone ----------------------------------------------------------------------------

def open_search_and_type(page, query: str) -> None:
    page.locator(".academy-search-open").tap()
    page.keyboard.type(query)
    search_settled(page)


def result_hrefs(page) -> list[str]:
    return page.eval_on_selector_all(".academy-search__results a", "links => links.map(a => a.href)")


@pytest.mark.parametrize("lang, query", [("", "customer"), ("ru/", "клиентов")])
def test_enter_or_the_keyboards_go_key_in_search_opens_the_first_result(phone_ctx, site_server, lang, query):
    page = phone_ctx.new_page()
    page.goto(f"{site_server}/{lang}")
    open_search_and_type(page, query)
    hrefs = result_hrefs(page)
    assert hrefs
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == hrefs[0]


def test_go_before_any_result_keeps_the_dialog_open_and_the_page_where_it_is(phone_ctx, site_server):
    page = phone_ctx.new_page()
    page.goto(f"{site_server}/ru/{LESSON}")
    page.evaluate("window.notReloaded = true")
    page.locator(".academy-search-open").tap()
    page.locator(".academy-search__input").fill("zzzzqqq")
    # the virtual keyboard's Go submits the form
    page.locator(".academy-search__form").evaluate("f => f.requestSubmit()")
    search_settled(page)
    assert page.evaluate("document.querySelector('dialog.academy-search').open")
    assert page.evaluate("window.notReloaded === true")
    assert page.url.endswith(f"/ru/{LESSON}")


def test_arrow_keys_move_through_the_results_and_back_to_the_field(phone_ctx, site_server):
    page = phone_ctx.new_page()
    page.goto(f"{site_server}/")
    open_search_and_type(page, "customer")
    hrefs = result_hrefs(page)
    assert len(hrefs) >= 2, hrefs
    focused = "() => document.activeElement.href || document.activeElement.className"
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == hrefs[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == hrefs[1]
    page.keyboard.press("ArrowUp")
    assert page.evaluate(focused) == hrefs[0]
    page.keyboard.press("ArrowUp")
    assert "academy-search__input" in page.evaluate(focused)
    # Enter on a result the arrows reached opens that one
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == hrefs[1]


def test_the_close_button_and_escape_close_search_and_give_focus_back_to_the_search_button(phone_ctx, site_server):
    page = phone_ctx.new_page()
    page.goto(f"{site_server}/fil/")
    open_search_and_type(page, "customer")
    page.locator(".academy-search__close").tap()
    assert not page.evaluate("document.querySelector('dialog.academy-search').open")
    page.locator(".academy-search-open").tap()
    page.keyboard.press("Escape")
    assert not page.evaluate("document.querySelector('dialog.academy-search').open")
    assert page.evaluate("document.activeElement.classList.contains('academy-search-open')")


def kept_then_offline(context, page) -> None:
    """The page is kept for offline reading and search has warmed up; then the connection goes.
    (A connection lost while Pagefind itself is loading is Pagefind's to report.)"""
    page.wait_for_selector(".academy-offline.is-kept", timeout=15_000)
    page.wait_for_function("() => performance.getEntriesByName('academy-search:ready').length > 0", timeout=15_000)
    context.set_offline(True)


# ---- offline, on a page never opened ----------------------------------------------------------------

NOT_SAVED = {"": "This page is not saved on this device",
             "ru/": "Эта страница не сохранена на этом устройстве",
             "fil/": "Hindi naka-save sa device na ito ang pahinang ito"}


@pytest.mark.parametrize("lang", ["", "ru/", "fil/"])
def test_a_page_never_opened_says_offline_that_it_is_not_saved_and_links_to_one_that_is(phone_ctx, site_server, lang):
    page = phone_ctx.new_page()
    page.goto(f"{site_server}/{lang}{LESSON}")
    kept_then_offline(phone_ctx, page)
    page.goto(f"{site_server}/{lang}journey/")  # the course page: never opened
    assert NOT_SAVED[lang] in page.locator("body").inner_text()
    assert page.evaluate("document.documentElement.lang") == {"": "en", "ru/": "ru", "fil/": "fil"}[lang]
    # readable on the phone: the page's own width, not a desktop page shrunk
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    kept = page.locator("main a, body a").filter(has_text={"": "First steps", "ru/": "Первые шаги",
                                                            "fil/": "Mga unang hakbang"}[lang])
    assert kept.count() == 1
    assert kept.get_attribute("href").endswith(f"/{lang}{LESSON}")
    kept.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/{lang}{LESSON}")
    assert page.locator("article h1").count() == 1


def test_search_offline_says_it_is_unavailable_without_a_script_error_and_works_again_once_online(phone_ctx, site_server):
    page = phone_ctx.new_page()
    page.goto(f"{site_server}/ru/{LESSON}")
    kept_then_offline(phone_ctx, page)
    page.reload()
    page.wait_for_timeout(3500)  # past the moment search would load while the trainee reads
    page.locator(".academy-search-open").tap()
    page.keyboard.type("клиентов")
    page.wait_for_function("() => /\\S/.test(document.querySelector('.academy-search__status').textContent)")
    assert page.text_content(".academy-search__status").strip() == "Search is not available offline."  # the test site leaves it in English
    phone_ctx.set_offline(False)
    page.wait_for_timeout(1000)
    # back online, search opened again searches the words typed
    page.keyboard.press("Escape")
    page.locator(".academy-search-open").tap()
    search_settled(page)
    assert page.locator(".academy-search__results a").count() > 0, page.text_content(".academy-search__status")


# ---- a thumb that taps twice, a trainee who asks for less motion --------------------------------------

def test_a_double_tap_on_check_answers_records_one_result_and_does_not_try_again(phone_ctx, site_server):
    page = phone_ctx.new_page()
    page.goto(f"{site_server}/{LESSON}")
    answer_all(page, right=True)
    page.evaluate("() => { window.done = []; document.addEventListener('academy:complete', e => done.push(e.detail.percent)); }")
    check = page.locator(".academy-quiz button[type=submit]")
    check.scroll_into_view_if_needed()
    box = check.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.touchscreen.tap(x, y)
    page.touchscreen.tap(x, y)
    page.wait_for_timeout(300)
    assert page.evaluate("window.done") == [100]
    assert page.locator(".academy-quiz__passed").is_visible()  # the second tap did not start again
    assert page.locator("fieldset.academy-q.is-correct").count() == 7
    assert stored(page)["best"] == 100 and stored(page)["checked"] is True


def test_with_reduced_motion_the_jump_to_a_blank_question_is_not_animated(browser, site_server):
    with phone_context(browser, reduced_motion="reduce") as context:
        page = context.new_page()
        page.goto(f"{site_server}/{LESSON}")
        answer_all(page, right=True)
        page.evaluate("() => document.querySelectorAll('fieldset[data-q=\"research\"] input').forEach(i => { i.checked = false; })")
        page.locator(".academy-quiz button[type=submit]").scroll_into_view_if_needed()
        # where the page is the moment the check returns is where it stays: no smooth scroll still on its way
        at = page.evaluate("""() => { document.querySelector('.academy-quiz button[type=submit]').click();
            const now = scrollY; return new Promise(done => setTimeout(() => done([now, scrollY]), 600)); }""")
        assert at[0] == at[1], at
        legend = page.locator('fieldset[data-q="research"] legend').bounding_box()
        assert 0 <= legend["y"] <= 740, legend
        assert context.errors == []


def test_a_double_tap_on_try_again_does_not_check_the_blank_quiz(phone_ctx, site_server):
    page = phone_ctx.new_page()
    page.goto(f"{site_server}/{LESSON}")
    answer_all(page, right=True)
    submit(page)
    page.wait_for_timeout(800)  # a trainee reads the result before trying again
    retry = page.locator(".academy-quiz [data-action=retry]")
    retry.scroll_into_view_if_needed()
    box = retry.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.touchscreen.tap(x, y)
    page.touchscreen.tap(x, y)
    page.wait_for_timeout(300)
    assert page.locator("fieldset.academy-q.is-unanswered").count() == 0
    assert page.locator(".academy-q__feedback:not(:empty)").count() == 0
    assert page.locator(".academy-quiz button[type=submit]").is_visible()


def test_with_text_at_200_percent_the_progress_pages_buttons_keep_to_the_screen(phone_ctx, site_server):
    page = phone_ctx.new_page()
    page.goto(f"{site_server}/ru/progress/")
    # the Russian catalog's words for them
    page.evaluate("""() => {
        const names = {json: 'Скачать результаты (JSON)', csv: 'Скачать результаты (CSV)'};
        for (const [kind, name] of Object.entries(names)) document.querySelector(`[data-download=${kind}]`).textContent = name;
        document.querySelector('[data-action=reset]').textContent = 'Очистить мой прогресс';
    }""")
    double_the_text(page)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    overflowing = page.eval_on_selector_all(".academy-progress button",
                                            "bs => bs.filter(b => b.scrollWidth > b.clientWidth + 1).map(b => b.textContent)")
    assert overflowing == []


@pytest.mark.parametrize("lost", ["**/pagefind/wasm.*", "**/pagefind/*.pf_meta"])
def test_a_connection_lost_while_pagefind_itself_loads_leaves_search_working_once_it_is_back(
        browser, site_server, lost):
    """The link drops in the middle of Pagefind's own loading (its engine or its metadata): the dialog
    says search is unavailable, no script of the academy fails, and the next query searches (before,
    search stayed down until the page was reloaded). Pagefind's worker reports its own failed fetch.
    (A piece of the index lost on its way is Pagefind's to retry: it answers that query with no hit.)"""
    with phone_page(browser, has_touch=True, service_workers="block") as page:
        page.context.route(lost, lambda route: route.abort("internetdisconnected"))
        page.goto(f"{site_server}/{LESSON}")
        page.locator(".academy-search-open").tap()
        page.keyboard.type("customer")
        page.wait_for_function("() => document.querySelector('.academy-search__status').textContent.trim()"
                               " === 'Search is not available offline.'", timeout=30_000)
        assert page.locator(".academy-search__results a").count() == 0
        page.context.unroute(lost)
        page.keyboard.press("Escape")
        page.locator(".academy-search-open").tap()
        page.keyboard.press("Control+A")
        page.keyboard.type("customers")
        search_settled(page)
        assert page.locator(".academy-search__results a").count() > 0, page.text_content(".academy-search__status")
        assert [e for e in page.errors if not e.startswith("Failed to load the Pagefind WASM")] == []


def test_an_index_piece_lost_on_a_dropped_link_is_fetched_again_when_the_trainee_searches(phone_ctx, site_server):
    """Pagefind keeps an index chunk it failed to fetch as loaded, empty: a link that dropped while search
    warmed up left every later query for the words in that chunk with "no results" until a reload."""
    page = phone_ctx.new_page()
    dropped: list[str] = []
    def drop(route):
        dropped.append(route.request.url)
        route.abort("internetdisconnected")
    phone_ctx.route("**/pagefind/index/*.pf_index", drop)  # every request for them, from the page and Pagefind's worker
    page.goto(f"{site_server}/ru/{LESSON}")
    page.wait_for_function("() => performance.getEntriesByName('academy-search:ready').length > 0", timeout=15_000)
    assert dropped
    phone_ctx.unroute("**/pagefind/index/*.pf_index")  # the link is back
    page.locator(".academy-search-open").tap()
    page.keyboard.type("клиентов")
    search_settled(page)
    assert page.locator(".academy-search__results a").count() > 0, page.text_content(".academy-search__status")
