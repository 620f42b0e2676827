"""Lighthouse (mobile) on a lesson with its quiz, one per language, the site served gzipped.

    make bench-lighthouse        # or: python bench/lighthouse.py [SITE_DIR]

Builds nothing: it measures site/ (run `make site` first). Serves it on
127.0.0.1 with gzip, as a real host does, and runs the npm `lighthouse`
(bench/lighthouse/, `npm ci` there) against Debian's Chromium. Prints the four
category scores per language. A measurement, not a test.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {"en": "customer-journey/moments-of-truth/", "fil": "fil/customer-journey/moments-of-truth/",
         "ru": "ru/customer-journey/moments-of-truth/"}
METRICS = {"FCP": "first-contentful-paint", "LCP": "largest-contentful-paint", "TBT": "total-blocking-time",
           "CLS": "cumulative-layout-shift", "SI": "speed-index"}
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it, cached like a static host."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):  # noqa: D102
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    if not (site / "index.html").exists():
        raise SystemExit(f"{site}: no built site; run `make site` first")
    if not LIGHTHOUSE.exists():
        raise SystemExit("lighthouse is not installed: run `npm ci` in bench/lighthouse/")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
    try:
        for lang, path in PAGES.items():
            with tempfile.TemporaryDirectory() as out:
                report = Path(out) / "report.json"
                subprocess.run([str(LIGHTHOUSE), base + path, "--quiet", "--output=json", f"--output-path={report}",
                                "--form-factor=mobile", f"--chrome-flags={CHROME_FLAGS}",
                                "--only-categories=performance,accessibility,best-practices,seo"],
                               env=env, check=True)
                data = json.loads(report.read_text())
            scores = {key: round(100 * value["score"]) for key, value in data["categories"].items()}
            failing = [a["id"] for a in data["audits"].values()
                       if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"]
            # the metrics behind the performance score: on a shared machine they say what moved it
            metrics = {name: data["audits"][audit]["numericValue"] for name, audit in METRICS.items()}
            print(f"{lang:3} {path:45} performance={scores['performance']:3} accessibility={scores['accessibility']:3} "
                  f"best-practices={scores['best-practices']:3} seo={scores['seo']:3}   "
                  f"FCP {metrics['FCP'] / 1000:.1f} s, LCP {metrics['LCP'] / 1000:.1f} s, TBT {metrics['TBT']:.0f} ms, "
                  f"CLS {metrics['CLS']:.3f}, SI {metrics['SI'] / 1000:.1f} s"
                  + (f"  failing: {', '.join(failing)}" if failing else ""), flush=True)
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
