from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import signal
import sys
import threading
from pathlib import Path

import pytest

import sitekit


def pytest_configure(config) -> None:
    """A run started in the background by a shell without job control (as CI starts it) inherits Ctrl-C
    ignored, and so would every process a test starts. The tests that press Ctrl-C on `mkdocs serve` do
    what a terminal does, so the processes they start take Ctrl-C as a terminal's would: by default."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_collection_modifyitems(items) -> None:
    """The tests marked `long` (a minute or more each) start first: the two workers then share out the
    short ones as they go, and neither waits alone at the end on one long test the other has just begun."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)  # a stable sort: the rest keep their order


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """The tiny academy's sources, written once per test file that edits a copy of them."""
    return sitekit.write_project(tmp_path_factory.mktemp("pristine"))


@pytest.fixture
def site(pristine, tmp_path) -> Path:
    """A copy of the tiny academy's sources of this test's own, to make one mistake in."""
    root = tmp_path / "academy"
    shutil.copytree(pristine, root)
    return root


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> sitekit.Built:
    """The tiny academy, built once for every test that only reads it."""
    root = sitekit.write_project(tmp_path_factory.mktemp("academy"))
    return sitekit.build(root)


@pytest.fixture
def project(tmp_path) -> Path:
    """A fresh tiny academy that a test may change and rebuild."""
    return sitekit.write_project(tmp_path)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A page closed while a file was on its way is the browser's choice, not a failure worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(folder: Path):
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def site_server(built_site):
    server, url = serve(built_site.site)
    yield url
    server.shutdown()


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextlib.contextmanager
def phone_page(browser, **options):
    """A fresh 360×740 page whose script errors are kept in `page.errors`."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, **options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    try:
        yield page
    finally:
        context.close()


def search_settled(page, timeout: float = 30_000) -> None:
    """Wait until the search dialog shows every hit, or says why it shows none.

    The best hit shows first and the others follow; the list is busy (`aria-busy`) until all are in,
    so reading it at the first hit would see one result where the trainee soon sees ten."""
    page.wait_for_function(
        "() => !document.querySelector('.academy-search__results').hasAttribute('aria-busy')"
        " && (document.querySelector('.academy-search__results').children.length > 0"
        " || /\\S/.test(document.querySelector('.academy-search__status').textContent)"
        " && !document.querySelector('.academy-search__status').textContent.includes('…'))",
        timeout=timeout,
    )


def search(page, query: str, timeout: float = 30_000) -> list[dict]:
    """Search as a trainee does and return the hits once every one is in."""
    page.click(".academy-search-open")
    page.fill(".academy-search__input", query)
    search_settled(page, timeout)
    return page.eval_on_selector_all(
        ".academy-search__results a",
        "links => links.map(a => ({href: a.href, title: a.querySelector('strong').textContent}))",
    )


@pytest.fixture
def page(browser):
    with phone_page(browser) as page:
        yield page


@pytest.fixture(scope="session")
def packaged(tmp_path_factory):
    """The tiny academy's SCORM and cmi5 packages, made once by `academy package`."""
    import lmskit

    return lmskit.packaged_project(tmp_path_factory.mktemp("packaged"))


@pytest.fixture(scope="session")
def ralph(tmp_path_factory):
    """A real Learning Record Store (Ralph, fs backend) on 127.0.0.1, one for the whole session."""
    import lrskit

    server = lrskit.start_ralph(tmp_path_factory.mktemp("ralph"))
    yield server
    server.stop()
