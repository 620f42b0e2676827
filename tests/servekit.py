"""`mkdocs serve` as an editor runs it, started on 127.0.0.1 and always stopped.

Used by the serve correctness tests and by `bench/serve_loop.py`. The server runs
in a process group of its own (its language builds are its children), so that
stopping it stops everything it started, whatever state it is in.

The serve correctness tests (`test_serve_incremental.py`, `test_serve_edits.py`) edit the
sources one `Step` at a time and, once serve shows the step, compare every HTML page it
serves in every language with a clean `mkdocs build` of the same tree (`assert_same_site`),
parsed with html5lib. What serve alone adds is set aside: its live-reload script, and its own
address where the site's URL would be.
"""

from __future__ import annotations

import contextlib
import difflib
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import html5lib
from html5lib.serializer import HTMLSerializer

# What `mkdocs serve` adds to every HTML page it serves: the live-reload poller, which carries
# the epoch of the build the page comes from.
LIVERELOAD_SCRIPT = re.compile(rb"<script>\s*var livereload = function\(epoch, requestId\).*?</script>", re.S)
LIVERELOAD_EPOCH = re.compile(rb"livereload\((\d+), \d+\);")
# What serve logs when a rebuild starts, and when one failed (it then waits for the next save).
BUILD_STARTED = "Building documentation"
REBUILD_FAILED = "An error happened during the rebuild"
SITE_URL = "https://academy.test/"  # sitekit's site_url
LANGUAGE_ROOTS = ("/", "/fil/", "/ru/")
WAIT = 900  # seconds: a generous bound for one rebuild on a busy machine; never a measure of speed


class ServeFailed(Exception):
    pass


@dataclass
class Response:
    status: int
    body: bytes
    content_type: str

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    log: Path

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def get(self, path: str, timeout: float = 600) -> Response:
        """One GET. `mkdocs serve` holds a request while it rebuilds, so the timeout is generous."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return Response(response.status, response.read(), response.getheader("Content-Type", ""))
        finally:
            connection.close()

    def alive(self) -> bool:
        return self.process.poll() is None

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def check_alive(self) -> None:
        if not self.alive():
            raise ServeFailed(f"`mkdocs serve` stopped (exit {self.process.returncode}):\n{self.log_tail()}")

    def epoch(self, path: str = "/", timeout: float = 600) -> int | None:
        """The build the served site comes from: a GET waits for a rebuild under way to finish, and the
        page names its build in the live-reload script. None when the server injects no such script."""
        match = LIVERELOAD_EPOCH.search(self.get(path, timeout=timeout).body)
        return int(match[1]) if match else None

    def wait_until(self, condition: Callable[[], bool], what: str, timeout: float, every: float = 0.05) -> float:
        """Poll `condition` until it holds; the seconds it took. The server must stay up meanwhile."""
        start = time.perf_counter()
        while True:
            self.check_alive()
            if condition():
                return time.perf_counter() - start
            if time.perf_counter() - start > timeout:
                raise ServeFailed(f"{what}: not seen after {timeout:.0f} s\n{self.log_tail()}")
            time.sleep(every)

    def commands(self) -> list[str]:
        """The command line of every process the server runs (its process group), itself included."""
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            with contextlib.suppress(OSError):
                if os.getpgid(int(entry.name)) == self.process.pid:
                    found.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip())
        return found

    def log_size(self) -> int:
        try:
            return self.log.stat().st_size
        except OSError:
            return 0

    def wait_until_rebuilt(self, before: int, log_offset: int, timeout: float) -> None:
        """Until a build newer than `before` is served. A rebuild that failed, with no other one started
        after it for a second, ends the wait at once with serve's log: serve would wait for the next save."""
        failed_since: float | None = None

        def rebuilt() -> bool:
            nonlocal failed_since
            # After a failed rebuild serve holds every page request until a build succeeds: the log is read first.
            with self.log.open("rb") as handle:
                handle.seek(log_offset)
                text = handle.read().decode("utf-8", errors="replace")
            failure = text.rfind(REBUILD_FAILED)
            if failure < 0 or BUILD_STARTED in text[failure:]:
                failed_since = None
            elif failed_since is None:
                failed_since = time.perf_counter()
            elif time.perf_counter() - failed_since > 1:
                raise ServeFailed(f"serve's rebuild failed:\n{text[-4000:]}")
            try:
                return (self.epoch(timeout=2) or 0) > before
            except TimeoutError:  # a rebuild under way
                return False

        self.wait_until(rebuilt, "a rebuild", timeout, every=0.2)

    def settle(self, path: str = "/", quiet: float = 1.0, timeout: float = 600) -> None:
        """Until no rebuild is under way or waiting: the build the site comes from is the same twice in a row,
        `quiet` seconds apart (longer than the file watcher's polling interval of 0.5 s and its 0.1 s delay)."""
        start = time.perf_counter()
        before = self._signature(path)
        while True:
            time.sleep(quiet)
            now = self._signature(path)
            if now == before:
                return
            if time.perf_counter() - start > timeout:
                raise ServeFailed(f"the served site kept changing for {timeout:.0f} s\n{self.log_tail()}")
            before = now

    def _signature(self, path: str) -> object:
        self.check_alive()
        body = self.get(path).body
        match = LIVERELOAD_EPOCH.search(body)
        return int(match[1]) if match else body


def environment() -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("ACADEMY_LANG", None)
    return env


@contextlib.contextmanager
def serving(root: Path, log: Path, config: str = "mkdocs.yml", timeout: float = 900,
            arguments: tuple[str, ...] = ()) -> Iterator[Server]:
    """`mkdocs serve` of the project in `root` on a free port, once its first build is served.
    `arguments` are given to `mkdocs serve` as well (`--dirty`, say)."""
    for attempt in range(3):
        port = free_port()
        with log.open("w") as handle:
            process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", config, "-a", f"127.0.0.1:{port}", *arguments],
                                       cwd=root, env=environment(), stdout=handle, stderr=subprocess.STDOUT,
                                       stdin=subprocess.DEVNULL, start_new_session=True)
        server = Server(process, port, log)
        try:
            _wait_for_first_build(server, timeout)
        except ServeFailed:
            stop(process)
            if "Address already in use" in server.log_tail() and attempt < 2:
                continue  # another program took the port between our look and the server's bind
            raise
        except BaseException:
            stop(process)
            raise
        try:
            yield server
        finally:
            stop(process)
        return


def _wait_for_first_build(server: Server, timeout: float) -> None:
    """The server listens only once its first build is done."""
    def listening() -> bool:
        try:
            server.get("/", timeout=timeout)
        except OSError:
            return False
        return True

    server.wait_until(listening, "the first build of `mkdocs serve`", timeout, every=0.2)


def stop(process: subprocess.Popen) -> None:
    """Stop the server and every process it started: Ctrl-C first, so that it removes its temporary site."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pass
    # The language builds it started may outlive it for a moment; nothing of the group is left behind.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=15)


# -- the served site against a clean build ------------------------------------------------------


@dataclass
class Step:
    """An edit, and how to tell that the served site has it: pages showing a word, pages gone."""

    name: str
    apply: Callable[[Path], None]
    shows: list[tuple[str, bytes]] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    holds: Callable[[Server], bool] | None = None


def lesson_urls(page: str) -> list[str]:
    """A page's address in every language."""
    return [f"{root}{page}/" for root in LANGUAGE_ROOTS]


def serve_each_step(root: Path, work: Path, steps: list[Step], arguments: tuple[str, ...] = ()) -> None:
    """`mkdocs serve` of the project in `root` (with `arguments`), its steps applied one at a time: after
    each, once serve shows it, the served site is a clean build's (built into `work`, beside serve's own)."""
    ever_served: set[str] = set()  # a page once served and now gone must not be served any more
    first = build(root, work / "clean-0")  # beside serve's first build
    with serving(root, work / "serve.log", timeout=WAIT, arguments=arguments) as server:
        assert_same_site(server, first.wait_for_site(), ever_served, "the first build")
        for number, step in enumerate(steps, 1):
            when = f"step {number}, {step.name}"
            before, log_offset = server.epoch(), server.log_size()
            step.apply(root)
            clean_build = build(root, work / f"clean-{number}")  # beside serve's own rebuild
            wait_for_rebuild(server, before, log_offset, step, when)
            assert shown(server, step), f"after {when}: serve rebuilt, but its pages do not show the edit"
            assert_same_site(server, clean_build.wait_for_site(), ever_served, when)


def wait_for_rebuild(server: Server, before: int | None, log_offset: int, step: Step, when: str) -> None:
    """Until serve has rebuilt since the edit and nothing more is under way or waiting.

    Serve tells the browser to reload when a rebuild is done (a newer build epoch, which every
    page it serves names), so the site must be right from that moment on. A server that names
    no epoch is waited for until the step shows instead."""
    if before is None:
        server.wait_until(lambda: shown(server, step), when, WAIT, every=0.2)
    else:
        server.wait_until_rebuilt(before, log_offset, WAIT)
    server.settle(timeout=WAIT)


def shown(server: Server, step: Step) -> bool:
    return (all(word in server.get(url).body for url, word in step.shows)
            and all(server.get(url).status == 404 for url in step.gone)
            and (step.holds is None or step.holds(server)))


@dataclass
class CleanBuild:
    process: subprocess.Popen
    site: Path

    def wait_for_site(self) -> Path:
        stdout, stderr = self.process.communicate(timeout=WAIT)
        assert self.process.returncode == 0, f"the clean build failed:\n{stdout}\n{stderr}"
        return self.site


def build(root: Path, site: Path) -> CleanBuild:
    """`mkdocs build` of the tree as it is now, into a folder of its own, started at once."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("ACADEMY_LANG", None)
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=root, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return CleanBuild(process, site)


def built_pages(site: Path) -> dict[str, bytes]:
    pages = {}
    for path in site.rglob("*.html"):
        relative = path.relative_to(site).as_posix()
        url = "/" + (relative.removesuffix("index.html") if relative.endswith("index.html") else relative)
        pages[url] = path.read_bytes()
    return pages


def served_pages(server: Server, candidates: set[str]) -> dict[str, bytes]:
    """Every HTML page the server answers with 200 among the candidates and every page they link to."""
    pages: dict[str, bytes] = {}
    seen: set[str] = set()
    queue = sorted(candidates | set(LANGUAGE_ROOTS))
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = server.get(url)
        if response.status != 200 or not response.content_type.startswith("text/html"):
            continue
        pages[url] = as_published(server, response.body)
        queue.extend(link for link in links(pages[url], url) if link not in seen)
    return pages


def as_published(server: Server, body: bytes) -> bytes:
    """The page without what serve alone adds: its live-reload script, and its address for the site's URL."""
    body = LIVERELOAD_SCRIPT.sub(b"", body)
    return body.replace(f"{server.origin}/".encode(), SITE_URL.encode())


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("a", "link"):
            self.hrefs += [value for name, value in attrs if name == "href" and value]


def links(body: bytes, url: str) -> set[str]:
    """The site's own pages a page links to (hreflang alternates included), as paths."""
    parser = _Links()
    parser.feed(body.decode("utf-8"))
    found = set()
    for href in parser.hrefs:
        target = urldefrag(urljoin(SITE_URL.rstrip("/") + url, href))[0]
        if not target.startswith(SITE_URL):
            continue
        path = urlsplit(target).path
        if path.endswith(("/", ".html")):
            found.add(path)
    return found


SERIALIZER = HTMLSerializer(alphabetical_attributes=True, quote_attr_values="always", omit_optional_tags=False,
                            use_trailing_solidus=False, minimize_boolean_attributes=False)


def canonical(body: bytes) -> str:
    """A page as html5lib reads it, written back one way: attribute order and quoting do not count."""
    document = html5lib.parse(body, treebuilder="etree", namespaceHTMLElements=False)
    walker = html5lib.getTreeWalker("etree")
    return SERIALIZER.render(walker(document))


def assert_same_site(server: Server, clean: Path, ever_served: set[str], when: str) -> None:
    expected = built_pages(clean)
    served = served_pages(server, set(expected) | ever_served)
    ever_served.update(served)
    assert sorted(served) == sorted(expected), (
        f"after {when}: served pages differ from a clean build's\n"
        f"served only: {sorted(set(served) - set(expected))}\nbuilt only: {sorted(set(expected) - set(served))}")
    # the same bytes are the same page; only pages that differ in bytes are parsed and compared
    different = [url for url in sorted(expected)
                 if served[url] != expected[url] and canonical(served[url]) != canonical(expected[url])]
    assert not different, f"after {when}: {len(different)} served page(s) differ from a clean build's, " \
                          f"{different}\n{first_difference(canonical(served[different[0]]), canonical(expected[different[0]]))}"


def first_difference(served: str, built: str) -> str:
    def lines(text: str) -> list[str]:
        return text.replace(">", ">\n").splitlines()

    diff = difflib.unified_diff(lines(built), lines(served), "clean build", "served", n=2, lineterm="")
    return "\n".join(list(diff)[:60])
