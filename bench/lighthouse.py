"""Lighthouse (mobile) on a lesson with its quiz, one per language, the site served gzipped.

    make bench-lighthouse        # or: python bench/lighthouse.py [SITE_DIR]
    python bench/lighthouse.py --runs 5 BEFORE_SITE AFTER_SITE   # side by side

Builds nothing: it measures site/ (run `make site` first). Serves it on
127.0.0.1 with gzip, as a real host does, and runs the npm `lighthouse`
(bench/lighthouse/, `npm ci` there) against Debian's Chromium. Prints the four
category scores per language, and the metrics behind the performance score.

Lighthouse simulates a phone by multiplying the CPU time it observes by 4, so on
a shared machine one run says little. With --runs N every page is measured N
times, the sites taking turns (so that a busy minute hits all of them), and the
median and the range of each figure are printed per site and language.
A measurement, not a test.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
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


def measure(url: str, env: dict[str, str]) -> dict[str, float]:
    """One Lighthouse run: the four category scores, the metrics, and the binary audits that fail."""
    with tempfile.TemporaryDirectory() as out:
        report = Path(out) / "report.json"
        subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                        "--form-factor=mobile", f"--chrome-flags={CHROME_FLAGS}",
                        "--only-categories=performance,accessibility,best-practices,seo"],
                       env=env, check=True)
        data = json.loads(report.read_text())
    figures = {key: round(100 * value["score"]) for key, value in data["categories"].items()}
    # the metrics behind the performance score: on a shared machine they say what moved it
    figures |= {name: data["audits"][audit]["numericValue"] for name, audit in METRICS.items()}
    figures["failing"] = sorted(a["id"] for a in data["audits"].values()
                                if a.get("score") is not None and a["score"] < 1
                                and a.get("scoreDisplayMode") == "binary")
    return figures


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def spread(values: list[float], form: str) -> str:
    """The median, and the range when there is more than one run."""
    text = form.format(statistics.median(values))
    return text if len(values) == 1 else f"{text} ({form.format(min(values))}-{form.format(max(values))})"


def line(runs: list[dict]) -> str:
    def of(key: str) -> list[float]:
        return [run[key] for run in runs]

    failing = sorted({audit for run in runs for audit in run["failing"]})
    return (f"performance={spread(of('performance'), '{:.0f}')} accessibility={spread(of('accessibility'), '{:.0f}')} "
            f"best-practices={spread(of('best-practices'), '{:.0f}')} seo={spread(of('seo'), '{:.0f}')}   "
            f"FCP {spread([v / 1000 for v in of('FCP')], '{:.1f}')} s, LCP {spread([v / 1000 for v in of('LCP')], '{:.1f}')} s, "
            f"TBT {spread(of('TBT'), '{:.0f}')} ms, CLS {spread(of('CLS'), '{:.3f}')}, SI {spread([v / 1000 for v in of('SI')], '{:.1f}')} s"
            + (f"  failing: {', '.join(failing)}" if failing else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description="Lighthouse (mobile) on a lesson in each language.")
    parser.add_argument("sites", nargs="*", type=Path, default=[ROOT / "site"], help="built sites (default: site/)")
    parser.add_argument("--runs", type=int, default=1, help="runs per page and site (default 1)")
    args = parser.parse_args()
    for site in args.sites:
        if not (site / "index.html").exists():
            raise SystemExit(f"{site}: no built site; run `make site` first")
    if not LIGHTHOUSE.exists():
        raise SystemExit("lighthouse is not installed: run `npm ci` in bench/lighthouse/")
    servers = [serve(site) for site in args.sites]
    env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
    try:
        for lang, path in PAGES.items():
            runs: list[list[dict]] = [[] for _ in args.sites]
            for _ in range(args.runs):
                for index, (_server, base) in enumerate(servers):
                    runs[index].append(measure(base + path, env))
            for site, site_runs in zip(args.sites, runs, strict=True):
                label = f"{site.name:16} " if len(args.sites) > 1 else ""
                print(f"{lang:3} {label}{path:45} {line(site_runs)}", flush=True)
    finally:
        for server, _base in servers:
            server.shutdown()


if __name__ == "__main__":
    main()
