"""`mkdocs serve` as an editor runs it, started on 127.0.0.1 and always stopped.

Used by the serve correctness test and by `bench/serve_loop.py`. The server runs
in a process group of its own (its language builds are its children), so that
stopping it stops everything it started, whatever state it is in.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

# What `mkdocs serve` adds to every HTML page it serves: the live-reload poller, which carries
# the epoch of the build the page comes from.
LIVERELOAD_SCRIPT = re.compile(rb"<script>\s*var livereload = function\(epoch, requestId\).*?</script>", re.S)
LIVERELOAD_EPOCH = re.compile(rb"livereload\((\d+), \d+\);")
# What serve logs when a rebuild starts, and when one failed (it then waits for the next save).
BUILD_STARTED = "Building documentation"
REBUILD_FAILED = "An error happened during the rebuild"


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
