"""Material's instant navigation, navigation tabs and language links, as a trainee meets them in Chromium.

With `navigation.instant`, Material fetches the next page and swaps parts of the current one:
nothing of the academy may be set up only once per full load.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

import sitekit
from conftest import serve
from test_browser_quiz import answer_all, choose_option, submit

pytestmark = pytest.mark.browser

SKILLS_COURSE = """\
---
title: Skills
description: The course about soft skills.
---

# Skills

Soft skills for support agents.

/// lessons
///
"""

LISTENING = """\
---
title: Listening
description: How to listen to a customer.
---

# Listening

Let the customer finish before you answer.

## Check your understanding

/// quiz | listening
///
"""

LISTENING_QUIZ = """\
id: listening
title: Listening quiz
questions:
  - id: finish
    type: true_false
    text: You let the customer finish before you answer.
    answer: true
"""

FEATURES = ("navigation.instant, navigation.instant.prefetch, navigation.instant.progress, "
            "navigation.tabs, navigation.indexes")


def write_two_course_project(root: Path, site_url: str) -> Path:
    """The tiny academy with a second course, a lesson linking to it, and Material's instant navigation on."""
    sitekit.write_project(root)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("site_url: https://academy.test/", f"site_url: {site_url}")
    assert "features: [navigation.prune, navigation.indexes]" in text  # else instant navigation stays off
    text = text.replace("features: [navigation.prune, navigation.indexes]", f"features: [{FEATURES}]")
    text = text.replace("  - progress.md\n", "  - Skills:\n      - skills/index.md\n      - skills/listening.md\n"
                        "  - progress.md\n")
    config.write_text(text, encoding="utf-8")
    (root / "content/skills").mkdir()
    (root / "content/skills/index.md").write_text(SKILLS_COURSE, encoding="utf-8")
    (root / "content/skills/listening.md").write_text(LISTENING, encoding="utf-8")
    (root / "quizzes/listening.yml").write_text(LISTENING_QUIZ, encoding="utf-8")
    lesson = root / "content/journey/first-steps.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace(
        "Every customer meets the brand through a touchpoint.\n",
        "Every customer meets the brand through a touchpoint.\n\nNext, learn [listening](../skills/listening.md).\n"),
        encoding="utf-8")
    sitekit.academy(root, "i18n", "update")
    return root


class InstantSite(str):
    """The site's address (a test writes f"{instant_site}/page/"), with its project folder."""

    def __new__(cls, url: str, root: Path):
        site = super().__new__(cls, url)
        site.root = root
        return site


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory):
    """The two-course academy built with its site_url on the test server, so that Material's
    sitemap (which tells instant navigation which links are its own) names these very URLs."""
    root = tmp_path_factory.mktemp("instant")
    server, url = serve(root / "site")
    try:
        write_two_course_project(root, url + "/")
        sitekit.build(root)
        yield InstantSite(url, root)
    finally:
        server.shutdown()


@contextlib.contextmanager
def desktop_page(browser):
    """A 1366×768 page that records script errors, console errors (CSP refusals) and requests."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.errors, page.console_errors, page.requests = [], [], []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: page.requests.append(r.url))
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def desktop(browser):
    with desktop_page(browser) as page:
        yield page


def mark_this_load(page) -> None:
    """A mark on the window: it survives an instant page swap and is gone after a full load."""
    page.evaluate("window.__sameLoad = true")


def same_load(page) -> bool:
    return page.evaluate("window.__sameLoad === true")


def wait_for_page(page, path: str, heading: str) -> None:
    """The page is shown, and its quizzes are set up (their no-script note is hidden)."""
    # a language switch keeps the reader's section: the address may end in its #anchor
    page.wait_for_url(lambda url: url.split("#")[0].endswith(path))
    page.wait_for_function("""h => (document.querySelector('article h1') || {}).textContent.trim() === h
        && Array.from(document.querySelectorAll('.academy-quiz__nojs')).every(p => p.hidden)""", arg=heading)


def switch_language(page, hreflang: str) -> None:
    page.hover(".md-select")
    page.click(f".md-header .md-select__link[hreflang='{hreflang}']")


def test_instant_pages_have_working_quizzes_back_button_and_language_links(desktop, instant_site):
    page = desktop
    page.goto(f"{instant_site}/")
    mark_this_load(page)
    page.click(".academy-card a[href*='first-steps']")
    wait_for_page(page, "/journey/first-steps/", "First steps")
    assert same_load(page), "the lesson was not reached by instant navigation"

    answer_all(page, right=True)
    submit(page)
    summary = page.locator(".academy-quiz__summary")
    summary.wait_for()
    assert "You answered 7 of 7 questions correctly." in summary.text_content()

    page.click("article a[href*='skills/listening']")
    wait_for_page(page, "/skills/listening/", "Listening")
    assert same_load(page), "the second lesson was not reached by instant navigation"
    choose_option(page, "finish", "True")
    submit(page)
    assert "You answered 1 of 1 question correctly." in page.locator(".academy-quiz__summary").text_content()
    saved = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('academy:quiz:')).sort()")
    assert saved == ["academy:quiz:first-steps", "academy:quiz:listening"]

    page.go_back()
    wait_for_page(page, "/journey/first-steps/", "First steps")
    assert same_load(page)
    # the quiz set up again on the page brought back: its saved, checked answers are shown
    assert "You answered 7 of 7 questions correctly." in page.locator(".academy-quiz__summary").text_content()
    assert page.locator(".academy-quiz [data-action=retry]").is_visible()

    # the header's language links lead to this page, not to the page of the first full load
    switch_language(page, "ru")
    wait_for_page(page, "/ru/journey/first-steps/", "Первые шаги")
    assert not same_load(page), "another language is another site: a full load"
    page.locator(".academy-quiz [data-action=retry]").wait_for()  # restored as checked, in Russian
    assert "Правильных ответов: 7" in page.locator(".academy-quiz__summary").text_content()
    assert page.errors == [] and page.console_errors == [], (page.errors, page.console_errors)


def test_a_quiz_checked_twice_after_instant_visits_reports_once(desktop, instant_site):
    """Handlers are bound once per page: coming back to a lesson does not bind them twice."""
    page = desktop
    page.goto(f"{instant_site}/skills/listening/")
    page.evaluate("""() => { window.__completions = 0;
        document.addEventListener('academy:complete', () => { window.__completions += 1; }); }""")
    mark_this_load(page)
    page.click(".md-tabs a[href*='journey']")
    wait_for_page(page, "/journey/", "The journey")
    page.go_back()
    wait_for_page(page, "/skills/listening/", "Listening")
    page.click(".md-tabs a[href*='journey']")
    wait_for_page(page, "/journey/", "The journey")
    page.go_back()
    wait_for_page(page, "/skills/listening/", "Listening")
    assert same_load(page)
    choose_option(page, "finish", "True")
    submit(page)
    page.locator(".academy-quiz__summary p").first.wait_for()
    assert page.evaluate("window.__completions") == 1


def test_cards_progress_and_search_work_on_pages_reached_by_instant_navigation(desktop, instant_site):
    page = desktop
    page.goto(f"{instant_site}/skills/listening/")
    choose_option(page, "finish", "True")
    submit(page)
    mark_this_load(page)
    page.click(".md-tabs a[href*='skills']")
    wait_for_page(page, "/skills/", "Skills")
    # academy.js sets a swapped-in page up when Material announces it, just after the swap
    cards = page.locator(".academy-card[data-quiz='listening']")
    assert cards.count()
    for i in range(cards.count()):
        expect(cards.nth(i)).to_have_attribute("data-status", "passed", timeout=10_000)
    page.click(".md-tabs a[href$='progress/']")
    wait_for_page(page, "/progress/", "Your progress")
    expect(page.locator('tr[data-quiz="listening"] [data-status]')).to_have_text("Passed", timeout=10_000)
    assert same_load(page)

    # search still opens, and a hit leads to its page through the same swap, closing the dialog
    page.click(".academy-search-open")
    page.fill(".academy-search__input", "customer")
    hit = page.locator(".academy-search__results a").first
    hit.wait_for(timeout=15_000)
    target = hit.evaluate("a => a.href")
    hit.click()
    page.wait_for_url(target.split("#")[0] + "**")
    assert same_load(page), "a search hit is reached by instant navigation too"
    assert not page.locator("dialog.academy-search").evaluate("d => d.open")
    assert page.errors == [] and page.console_errors == [], (page.errors, page.console_errors)


def test_a_page_reached_by_instant_navigation_is_kept_for_offline_reading(browser, instant_site):
    with desktop_page(browser) as page:
        page.goto(f"{instant_site}/journey/first-steps/")
        page.wait_for_selector(".academy-offline", timeout=15_000)
        mark_this_load(page)
        page.click("article a[href*='skills/listening']")
        wait_for_page(page, "/skills/listening/", "Listening")
        assert same_load(page)
        page.wait_for_selector(".academy-offline", timeout=15_000)  # said on the new page too
        page.context.set_offline(True)
        page.reload()
        assert page.locator("article h1").inner_text().strip() == "Listening"


def test_every_course_tab_is_shown_on_a_lesson_at_desktop_width_and_leads_to_its_course(desktop, instant_site):
    page = desktop
    page.goto(f"{instant_site}/journey/first-steps/")
    tabs = page.locator(".md-tabs__link")
    names = [tabs.nth(i).inner_text().strip() for i in range(tabs.count())]
    assert "The journey" in names and "Skills" in names, names
    for i in range(tabs.count()):
        assert tabs.nth(i).is_visible(), names[i]
    page.click(".md-tabs__link:has-text('Skills')")
    wait_for_page(page, "/skills/", "Skills")
    assert page.locator(".md-tabs__item--active").inner_text().strip() == "Skills"


def test_switching_language_fetches_no_sitemap(desktop, site_server):
    """Material's bundle fetches a sitemap.xml beside each <link rel=alternate> of a page: on slow
    mobile data, requests for nothing. The language links go straight to the same page."""
    page = desktop
    page.goto(f"{site_server}/journey/first-steps/")
    switch_language(page, "ru")
    wait_for_page(page, "/ru/journey/first-steps/", "Первые шаги")
    switch_language(page, "en")
    wait_for_page(page, "/journey/first-steps/", "First steps")
    page.wait_for_load_state("networkidle")
    assert [url for url in page.requests if "sitemap" in url] == []
    assert page.errors == []


def test_a_page_fetched_by_instant_navigation_is_fresh_when_the_network_answers(browser, instant_site):
    """The offline copy is for when the network fails: a page swapped in is not served stale from it."""
    built = instant_site.root / "site/skills/listening/index.html"
    original = built.read_text(encoding="utf-8")
    # modified "now", so that the browser's own cache holds it fresh for no time (heuristic freshness)
    os.utime(built)
    with desktop_page(browser) as page:
        try:
            page.goto(f"{instant_site}/skills/listening/")
            page.wait_for_selector(".academy-offline", timeout=15_000)  # kept for offline reading
            page.click(".md-tabs a[href*='journey']")
            wait_for_page(page, "/journey/", "The journey")
            built.write_text(original.replace("Let the customer finish before you answer.",
                                              "Listen to the whole question first."), encoding="utf-8")
            later = time.time() + 10  # a later Last-Modified, whole seconds apart
            os.utime(built, (later, later))
            mark_this_load(page)
            page.go_back()
            wait_for_page(page, "/skills/listening/", "Listening")
            assert same_load(page)
            assert "Listen to the whole question first." in page.locator("article").inner_text()
        finally:
            built.write_text(original, encoding="utf-8")


def test_an_instant_page_explains_its_abbreviations_and_leaves_no_tooltip_behind(desktop, instant_site):
    page = desktop
    page.goto(f"{instant_site}/journey/first-steps/")
    page.locator("abbr", has_text="ZMOT").first.hover()
    page.locator(".md-tooltip2--active").wait_for()
    mark_this_load(page)
    page.click("article a[href*='skills/listening']")
    wait_for_page(page, "/skills/listening/", "Listening")
    page.go_back()
    wait_for_page(page, "/journey/first-steps/", "First steps")
    assert same_load(page)
    page.mouse.move(5, 700)
    page.locator(".md-tooltip2").wait_for(state="detached")
    page.locator("abbr", has_text="ZMOT").first.hover()
    assert page.locator(".md-tooltip2--active").text_content().strip() == "Zero moment of truth"
    assert page.errors == []
