"""Light and dark, as a trainee meets them on a 360×740 phone in Chromium.

The scheme follows the device until the trainee picks one with the header's toggle; a pick is kept
(under Material's storage key) and applied from the first paint of every later page. Choosing it is
settled in the header, before the lesson is parsed: nothing restyles the whole long page for its
colours once the lesson is there (Material's palette component did, three times on every load).
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path

import pytest

from conftest import phone_page

pytestmark = pytest.mark.browser

LESSON = "journey/first-steps/"

# every frame painted while the page loads: the body's scheme, once the page's main part is there
RECORD_FRAMES = """
window.academyFrames = [];
(function frame() {
  requestAnimationFrame(function () {
    if (document.querySelector('.md-main')) window.academyFrames.push(document.body.getAttribute('data-md-color-scheme'));
    if (document.readyState !== 'complete' || window.academyFrames.length < 3) frame();
  });
})();
"""

# changes to the page's colours (the body's data-md-color-* attributes, the switching flag that turns
# transitions off, the theme-color and color-scheme meta tags) made once the lesson's content is parsed:
# each one restyles every element of the page
RECORD_LATE_COLOUR_CHANGES = """
window.academyLateColours = [];
new MutationObserver(function (records) {
  if (!document.querySelector('.md-content')) return;
  records.forEach(function (r) {
    var t = r.target, meta = function (n) { return n.nodeName === 'META' && /^(theme-color|color-scheme)$/.test(n.name); };
    if (r.type === 'attributes' && t === document.body && /^data-md-color/.test(r.attributeName))
      window.academyLateColours.push('body ' + r.attributeName);
    if (r.type === 'attributes' && meta(t)) window.academyLateColours.push('meta ' + t.name);
    if (r.type === 'childList') Array.prototype.forEach.call(r.addedNodes, function (n) {
      if (meta(n)) window.academyLateColours.push('new meta ' + n.name);
    });
  });
}).observe(document, {subtree: true, childList: true, attributes: true});
"""


def slow_bundle(page) -> None:
    """Material's bundle arrives late, as on slow mobile data: the header is painted before it runs."""
    def late(route):
        time.sleep(0.4)
        route.continue_()
    page.route("**/bundle.*.min.js", late)


def settle(page) -> None:
    page.wait_for_load_state("networkidle")
    page.evaluate("() => new Promise(done => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(done)), 50))")


def scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def toggle(page):
    visible = page.locator("form.md-header__option label:visible")
    assert visible.count() == 1
    return visible.first


def colour_meta(page) -> dict:
    return page.evaluate("""() => ({
        theme: (document.querySelector('meta[name=theme-color]') || {}).content,
        scheme: (document.querySelector('meta[name=color-scheme]') || {}).content,
        header: getComputedStyle(document.querySelector('.md-header')).backgroundColor})""")


@pytest.mark.parametrize("device", ["light", "dark"])
def test_nothing_restyles_the_whole_lesson_for_its_colours_while_it_loads(browser, site_server, device):
    with phone_page(browser, color_scheme=device) as page:
        page.add_init_script(RECORD_LATE_COLOUR_CHANGES)
        page.goto(f"{site_server}/{LESSON}")
        settle(page)
        assert page.evaluate("window.academyLateColours") == []
        assert scheme(page) == ("slate" if device == "dark" else "default")
        assert page.errors == []


def test_a_dark_device_sees_the_dark_scheme_from_the_lessons_first_paint(browser, site_server):
    with phone_page(browser, color_scheme="dark") as page:
        page.add_init_script(RECORD_FRAMES)
        slow_bundle(page)
        page.goto(f"{site_server}/{LESSON}")
        settle(page)
        frames = page.evaluate("window.academyFrames")
        assert frames and set(frames) == {"slate"}, frames
        meta = colour_meta(page)
        assert meta["scheme"] == "dark" and meta["theme"] == meta["header"], meta


def test_the_toggle_switches_and_the_choice_is_kept_from_the_next_pages_first_paint(browser, site_server):
    with phone_page(browser, color_scheme="light") as page:
        page.goto(f"{site_server}/{LESSON}")
        assert scheme(page) == "default"
        toggle(page).click()
        assert scheme(page) == "slate"
        meta = colour_meta(page)
        assert meta["scheme"] == "dark" and meta["theme"] == meta["header"], meta

        # the pick outlives a reload and a change of the device's own setting, from the first paint
        page.emulate_media(color_scheme="light")
        page.add_init_script(RECORD_FRAMES)
        slow_bundle(page)
        page.goto(f"{site_server}/")
        settle(page)
        frames = page.evaluate("window.academyFrames")
        assert frames and set(frames) == {"slate"}, frames

        # the keyboard: Enter on the toggle switches back
        page.focus("#__palette_1")  # the dark option, just before the toggle shown
        page.keyboard.press("Enter")
        assert scheme(page) == "default"
        assert toggle(page).get_attribute("for") == "__palette_1"  # the toggle now offers dark
        page.reload()
        assert scheme(page) == "default"
        assert page.errors == []


def test_until_a_choice_is_made_the_scheme_follows_the_device(browser, site_server):
    with phone_page(browser, color_scheme="light") as page:
        page.goto(f"{site_server}/{LESSON}")
        settle(page)
        assert scheme(page) == "default"
        page.emulate_media(color_scheme="dark")  # the phone turns dark at dusk, the page follows
        page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
        page.emulate_media(color_scheme="light")
        page.reload()
        assert scheme(page) == "default"
        page.emulate_media(color_scheme="dark")
        page.goto(f"{site_server}/")
        assert scheme(page) == "slate"
        assert toggle(page).get_attribute("for") == "__palette_0"  # the toggle offers light
        assert page.errors == []


def test_a_broken_stored_choice_is_ignored(browser, site_server):
    with phone_page(browser, color_scheme="dark") as page:
        page.goto(f"{site_server}/{LESSON}")
        for broken in ['"{', '{"index": 7}', '{"index": "x", "color": 3}', 'null', '[]']:
            page.evaluate("v => localStorage.setItem('/.__palette', v)", broken)
            page.reload()
            assert scheme(page) == "slate", broken
            assert toggle(page).is_visible()
        assert page.errors == []



class _InTwoParts(http.server.SimpleHTTPRequestHandler):
    """The built site; a lesson's HTML comes in two parts, half a second apart, cut at the end of
    the header (after its script), as slow mobile data delivers it: the browser paints what it has in between."""

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        path = Path(self.translate_path(self.path)) / "index.html"
        if not self.path.endswith(f"/{LESSON}") or not path.is_file():
            return super().do_GET()
        page = path.read_bytes()
        cut = page.index(b"</header>")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(page[:cut])
        self.wfile.flush()
        time.sleep(0.5)
        self.wfile.write(page[cut:])


def test_the_header_holds_still_while_the_toggle_is_set_up(browser, built_site):
    """The toggle is shown once every button of the header is there: none of them moves after."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_InTwoParts, directory=str(built_site.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with phone_page(browser, has_touch=True, is_mobile=True) as page:
            page.add_init_script("""window.academyHeaderShifts = [];
                new PerformanceObserver(list => list.getEntries().forEach(e => (e.sources || []).forEach(s => {
                  if (s.node && s.node.closest && s.node.closest('.md-header')) window.academyHeaderShifts.push(e.value);
                }))).observe({type: 'layout-shift', buffered: true});""")
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/fil/{LESSON}")
            settle(page)
            assert page.evaluate("window.academyHeaderShifts") == []
            assert toggle(page).is_visible()
            assert page.errors == []
    finally:
        server.shutdown()
