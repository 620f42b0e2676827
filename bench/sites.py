"""Built sites served side by side, and Debian's Chromium to load them: what the browser benchmarks share.

    with served(sites) as urls, chromium() as browser:
        ...

Each site is served gzipped on 127.0.0.1 at a port the system picks (as bench/lighthouse.py
serves it); a folder without a built site stops the benchmark with a plain message.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import statistics
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lighthouse import GzipHandler  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@contextlib.contextmanager
def served(sites: list[Path]) -> Iterator[list[str]]:
    """Each site's base URL (no trailing slash), while the block runs."""
    servers = []
    try:
        for site in sites:
            if not (site / "index.html").exists():
                raise SystemExit(f"{site}: no built site; run `make site` first")
            handler = functools.partial(GzipHandler, directory=str(site))
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers.append(server)
        yield [f"http://127.0.0.1:{server.server_address[1]}" for server in servers]
    finally:
        for server in servers:
            server.shutdown()


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium (never a downloaded build), closed when the block ends."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def spread(values: list[float]) -> str:
    """Median (lowest-highest), whole milliseconds."""
    return f"{statistics.median(values):.0f} ({min(values):.0f}-{max(values):.0f})"
