"""A page holds still while it loads: nothing the trainee is reading is pushed down by what comes late.

Read from Chromium's own layout-shift entries (the figure behind Lighthouse's Cumulative Layout
Shift), on a 360×740 touch phone, until the last late-comer, the note that the page is kept for
offline reading, is shown.
"""

from __future__ import annotations

import time

import pytest

from conftest import phone_page

pytestmark = pytest.mark.browser

# Lighthouse gives its full score up to 0.1 only in the field; a lab page that scores 100 stays near 0.
MOST_SHIFT = 0.005

RECORD_SHIFTS = """
window.academyShifts = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput) continue;  // a shift the trainee caused, as the score leaves it out
    window.academyShifts.push({value: e.value, moved: (e.sources || []).map(s =>
      (s.node ? s.node.nodeName + '.' + (s.node.className || '') + ' «' + (s.node.textContent || '').trim().slice(0, 30) + '»' : '?')
      + ` y ${Math.round(s.previousRect.y)} → ${Math.round(s.currentRect.y)}`)});
  }
}).observe({type: 'layout-shift', buffered: true});
"""

OFFLINE_NOTE_SHOWN = """() => {
    const note = document.querySelector('.academy-offline');
    return !!note && note.textContent.trim() !== '' && getComputedStyle(note).display !== 'none'
        && getComputedStyle(note).visibility === 'visible';
}"""


def shifts_until_settled(page) -> list[dict]:
    page.wait_for_function(OFFLINE_NOTE_SHOWN, timeout=15_000)
    page.wait_for_load_state("networkidle")
    # two frames: a shift is reported with the frame that paints it
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    return page.evaluate("window.academyShifts")


@pytest.fixture
def phone_context(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    context.add_init_script(RECORD_SHIFTS)
    yield context
    context.close()


@pytest.mark.parametrize("path", ["journey/first-steps/", "fil/journey/first-steps/", "ru/journey/first-steps/",
                                  "ru/journey/"])
def test_nothing_on_screen_moves_while_a_page_loads_and_is_kept_for_offline_reading(phone_context, site_server, path):
    for visit in ("first visit", "second visit, the page already kept"):
        page = phone_context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{site_server}/{path}")
        shifts = shifts_until_settled(page)
        score = sum(s["value"] for s in shifts)
        assert score < MOST_SHIFT, f"{visit}: layout shift {score:.4f}: {shifts}"
        assert not errors, errors
        page.close()


def test_the_offline_note_keeps_its_place_empty_only_where_the_page_can_be_kept(browser, site_server):
    """Where no worker can keep the page (a private window in Firefox, a site served over plain
    http), the note's place is not left empty under the title."""
    with phone_page(browser) as page:
        page.add_init_script("delete Navigator.prototype.serviceWorker")
        page.goto(f"{site_server}/fil/journey/first-steps/")
        page.wait_for_load_state("networkidle")
        title = page.locator("article h1").bounding_box()
        quiz_link = page.locator(".academy-quiz-link").bounding_box()
        note = page.locator(".academy-offline")
        assert note.count() == 0 or not note.is_visible()
        # the quiz link sits under the title as it would with no note at all
        gap = quiz_link["y"] - (title["y"] + title["height"])
        assert gap < 40, gap
        assert not page.errors, page.errors


# every frame painted while the page loads: the height the offline note takes, once it is parsed
RECORD_NOTE_FRAMES = """
window.academyNoteFrames = [];
(function frame() {
  requestAnimationFrame(function () {
    var note = document.querySelector('.academy-offline');
    if (note) window.academyNoteFrames.push(note.getBoundingClientRect().height);
    if (document.readyState !== 'complete' || window.academyNoteFrames.length < 3) frame();
  });
})();
"""


def test_where_no_worker_can_keep_the_page_the_note_takes_no_place_from_the_first_paint(browser, site_server):
    """Decided in the header, not after the page's load event: a late removal moved the lesson up."""
    with phone_page(browser) as page:
        page.add_init_script("delete Navigator.prototype.serviceWorker")
        page.add_init_script(RECORD_NOTE_FRAMES)

        def late(route):  # the academy's script arrives late, as on slow mobile data
            time.sleep(0.4)
            route.continue_()
        page.route("**/academy.js*", late)  # with the query naming its content
        page.goto(f"{site_server}/ru/journey/first-steps/")
        page.wait_for_load_state("networkidle")
        frames = page.evaluate("window.academyNoteFrames")
        assert frames and set(frames) == {0}, frames
        assert not page.errors, page.errors
