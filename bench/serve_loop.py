"""The edit-to-preview benchmark: from saving a file to `mkdocs serve` showing the edit, at N lessons.

    python bench/serve_loop.py                       # N = 100 and 1,000, three saves of each kind
    python bench/serve_loop.py --sizes 100 --repeats 5
    python bench/serve_loop.py --full-build          # full builds instead, academy and stock Material
                                                     # (English only, and the same lessons as 3 sites: the engine's floor)
    python bench/serve_loop.py --full-build --sizes 1000 --before ../old-checkout  # full builds, before and after
    python bench/serve_loop.py --before ../old-checkout  # and that checkout's academy, side by side

The corpus is `bench/scale.py`'s. `mkdocs serve` runs on 127.0.0.1 as an editor runs it
(every language, live reload). For each kind of edit, saved `--repeats` times in one lesson:

- an English paragraph of the lesson's Markdown: until its English page shows it;
- a Filipino msgstr of a paragraph in the lesson's catalog: until its Filipino page shows it;
- a question's text in the lesson's quiz YAML: until the page shows it in every language
  (the changed question has no translation yet, so every language shows the English);

the time runs from the file's save to the first GET of the served page (polled every 50 ms)
that has the edit. Side by side in the same run, the same English lessons built by stock
Material (no academy plugin, English only, Material's search) under `mkdocs serve`, with
the same paragraph edit. MkDocs' file watcher polls every 0.5 s: that is in every figure,
the academy's and stock Material's alike. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import re
import shutil
import signal
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

import scale  # noqa: E402
import servekit  # noqa: E402

LANGUAGES = ("en", "fil", "ru")
# The engine's floor for the academy's page count: stock Material building the English lessons once
# per language (3 sites, as many pages as the academy's), two builds at a time on the two cores.
FLOOR = "stock Material: 3 sites of the English lessons, 2 at a time"


@dataclass
class Lesson:
    """The lesson every edit goes to, and where its sources and pages are."""

    folder: Path
    number: int

    @property
    def course(self) -> int:
        return self.number // 10

    @property
    def stem(self) -> str:
        return f"course-{self.course}/lesson-{self.number}"

    def markdown(self, docs: str = "content") -> Path:
        return self.folder / docs / f"{self.stem}.md"

    def catalog(self, lang: str) -> Path:
        return self.folder / "locales" / lang / "LC_MESSAGES" / "content" / f"{self.stem}.po"

    @property
    def quiz(self) -> Path:
        return self.folder / "quizzes" / f"lesson-{self.number}.yml"

    def url(self, lang: str = "en") -> str:
        return ("/" if lang == "en" else f"/{lang}/") + f"{self.stem}/"


@dataclass
class Edit:
    """One kind of save: what it writes (given a fresh word) and the pages that must show that word."""

    name: str
    save: Callable[[str], None]
    pages: list[str]


@dataclass
class Timings:
    seconds: dict[str, list[float]] = field(default_factory=dict)

    def add(self, name: str, value: float) -> None:
        self.seconds.setdefault(name, []).append(value)


def fresh_word() -> str:
    """A word no page has: the mark that an edit has reached the served page."""
    return "Edited" + uuid.uuid4().hex[:10]


def paragraphs(markdown: str) -> list[str]:
    """The lesson's plain paragraphs (several sentences on one line), in order."""
    return [line for line in markdown.splitlines() if line.count(". ") >= 2 and not line.startswith(("#", "-", "description:"))]


def paragraph_edit(path: Path, paragraph: str) -> Callable[[str], None]:
    original = path.read_text(encoding="utf-8")
    assert paragraph in original

    def save(word: str) -> None:
        path.write_text(original.replace(paragraph, f"{word} {paragraph}", 1), encoding="utf-8")

    return save


def msgstr_edit(catalog: Path, skip: str) -> Callable[[str], None]:
    """A translated paragraph of the catalog (not `skip`, which the English edit changes): its msgstr gets the word."""
    original = catalog.read_text(encoding="utf-8")
    for match in re.finditer(r'^msgid "(.+)"\nmsgstr "(.+)"$', original, re.M):
        msgid, msgstr = match[1], match[2]
        if msgid != skip and msgid.count(". ") >= 2 and msgstr:
            start, end = match.span(2)

            def save(word: str, start: int = start, end: int = end, msgstr: str = msgstr) -> None:
                catalog.write_text(original[:start] + f"{word} {msgstr}" + original[end:], encoding="utf-8")

            return save
    raise SystemExit(f"{catalog}: no translated paragraph to edit")


def quiz_edit(path: Path, number: int) -> Callable[[str], None]:
    original = path.read_text(encoding="utf-8")
    question = f"text: Which answer is right for lesson {number}?"
    assert question in original

    def save(word: str) -> None:
        path.write_text(original.replace(question, f"{question} {word}", 1), encoding="utf-8")

    return save


def academy_edits(lesson: Lesson, mode: str = "") -> list[Edit]:
    english = paragraphs(lesson.markdown().read_text(encoding="utf-8"))
    return [
        Edit(f"academy{mode}: English edit", paragraph_edit(lesson.markdown(), english[1]), [lesson.url("en")]),
        Edit(f"academy{mode}: Filipino msgstr edit", msgstr_edit(lesson.catalog("fil"), english[1]), [lesson.url("fil")]),
        Edit(f"academy{mode}: quiz edit, every language", quiz_edit(lesson.quiz, lesson.number),
             [lesson.url(lang) for lang in LANGUAGES]),
    ]


def stock_edits(lesson: Lesson) -> list[Edit]:
    markdown = lesson.markdown("baseline-content")
    english = paragraphs(markdown.read_text(encoding="utf-8"))
    return [Edit("stock Material: English edit", paragraph_edit(markdown, english[1]), [lesson.url("en")])]


def time_edits(server: servekit.Server, edits: list[Edit], repeats: int, timings: Timings, timeout: float) -> None:
    for edit in edits:
        for _ in range(repeats):
            server.settle(edit.pages[0], timeout=timeout)  # nothing under way: each save is timed alone
            word = fresh_word().encode()
            edit.save(word.decode())
            start = time.perf_counter()
            for page in edit.pages:
                server.wait_until(lambda page=page: word in server.get(page, timeout=timeout).body,
                                  f"{edit.name} on {page}", timeout)
            seconds = time.perf_counter() - start
            timings.add(edit.name, seconds)
            print(f"  {edit.name}: {seconds:.2f} s", flush=True)


def load() -> str:
    """The machine's load while measuring: on a shared machine the figures mean little without it."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def pages_of(n: int) -> int:
    """Lessons, course pages and the home page, in three languages."""
    return (n + math.ceil(n / 10) + 1) * len(LANGUAGES)


def span(values: list[float]) -> str:
    if not values:
        return "–"
    low, high = min(values), max(values)
    return f"{low:.1f}–{high:.1f} s (median {statistics.median(values):.1f})"


def print_table(rows: list[tuple[int, Timings]], columns: list[str]) -> None:
    print("\n| lessons (pages) | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for n, timings in rows:
        print(f"| {n:,} ({pages_of(n):,}) | " + " | ".join(span(timings.seconds.get(c, [])) for c in columns) + " |")


# How the academy is served: `make serve` runs `mkdocs serve --dirty`, which renders again only
# what an edit changed; plain `mkdocs serve` rebuilds every page of every language on each save.
MODES = {"dirty": ("--dirty",), "plain": ()}


def mode_label(mode: str) -> str:
    return " (serve --dirty)" if mode == "dirty" else " (plain serve)"


@contextlib.contextmanager
def academy_code(checkout: Path | None):
    """Serve with the academy's code of another checkout (its `plugins` folder first on the path)."""
    if checkout is None:
        yield
        return
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = str((checkout / "plugins").resolve())
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = saved


def serve_loop(work: Path, n: int, repeats: int, timeout: float, modes: list[str], before: Path | None) -> Timings:
    lesson = Lesson(work, n // 2)
    timings = Timings()
    for checkout in ([before] if before else []) + [None]:
        for mode in modes:
            name = "academy before" if checkout else "academy"
            print(f"N={n}: {name}, `mkdocs serve {' '.join(MODES[mode])}` of every language ({pages_of(n)} pages); "
                  f"{load()}", flush=True)
            start = time.perf_counter()
            with academy_code(checkout), servekit.serving(work, work / f"serve-{name.replace(' ', '-')}-{mode}.log",
                                                          timeout=timeout, arguments=MODES[mode]) as server:
                print(f"  first build served after {time.perf_counter() - start:.1f} s", flush=True)
                for lang in LANGUAGES:  # every language is served, each at its own root
                    page = server.get(lesson.url(lang))
                    if page.status != 200:
                        raise SystemExit(f"{lesson.url(lang)}: HTTP {page.status} from `mkdocs serve`")
                edits = academy_edits(lesson, mode_label(mode))
                for edit in edits:
                    edit.name = edit.name.replace("academy", name, 1)
                time_edits(server, edits, repeats, timings, timeout)
    scale.baseline_config(work)
    print(f"N={n}: stock Material, English only ({n + math.ceil(n / 10) + 1} pages)", flush=True)
    start = time.perf_counter()
    with servekit.serving(work, work / "serve-stock.log", config="baseline.yml", timeout=timeout) as server:
        print(f"  first build served after {time.perf_counter() - start:.1f} s", flush=True)
        time_edits(server, stock_edits(lesson), repeats, timings, timeout)
    print(f"  {load()}", flush=True)
    return timings


def full_builds(work: Path, n: int, repeats: int, before: Path | None) -> Timings:
    """Full builds, alternating within each repeat: the earlier checkout's academy (if given), this
    one's with no `.cache` and then with the caches it left (catalogs and rendered pages: the tree
    unchanged, so every page is kept), stock Material. Each build starts with no site folder.
    `bench/page_cache.py` times warm builds after one edit."""
    timings = Timings()
    print(f"N={n}: full builds; {load()}", flush=True)
    for _ in range(repeats):
        figures = []
        # the academy runs twice: with no cache (a fresh clone's first build) and with the caches
        # that build left (.cache/academy: catalogs and pages, every later build on the same machine)
        for checkout, cache in ([(before, "none")] if before else []) + [(None, "none"), (None, "kept")]:
            name = "academy before" if checkout else f"academy, {'no cache' if cache == 'none' else 'cache kept'}"
            shutil.rmtree(work / "site", ignore_errors=True)
            if cache == "none":
                shutil.rmtree(work / ".cache", ignore_errors=True)
            os.environ["ACADEMY_PAGE_CACHE"] = "on"  # as `make site` builds; an earlier checkout may not read it
            try:
                with academy_code(checkout):
                    seconds, _peak, cpu = scale.timed_build(work)
            finally:
                os.environ.pop("ACADEMY_PAGE_CACHE", None)
            timings.add(f"{name}: full build, 3 languages", seconds)
            timings.add(f"{name}: CPU seconds", cpu)
            figures.append(f"{name} {seconds:.1f} s (CPU {cpu:.1f} s)")
        shutil.rmtree(work / "site", ignore_errors=True)
        timings.add("stock Material: full build, English only", scale.baseline(work))
        figures.append(f"stock Material {timings.seconds['stock Material: full build, English only'][-1]:.1f} s")
        floor, floor_cpu = scale.baseline_three(work)
        timings.add(FLOOR, floor)
        timings.add(f"{FLOOR}: CPU seconds", floor_cpu)
        figures.append(f"stock Material x3 {floor:.1f} s (CPU {floor_cpu:.1f} s)")
        print(f"  N={n}: " + ", ".join(figures) + f"; {load()}", flush=True)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--translated", type=float, default=0.9)
    parser.add_argument("--full-build", action="store_true", help="time full builds, academy and stock Material, instead")
    parser.add_argument("--timeout", type=float, default=900, help="seconds to wait for one build or one edit")
    parser.add_argument("--serve", nargs="+", choices=sorted(MODES), default=["dirty", "plain"],
                        help="how the academy is served: `dirty` (make serve) and/or `plain` (mkdocs serve)")
    parser.add_argument("--before", type=Path, default=None,
                        help="a checkout of an earlier commit: its academy is served too, before this one, on the same lessons")
    parser.add_argument("--keep", type=Path, default=None, help="keep the corpora (and the servers' logs) under this folder")
    args = parser.parse_args()
    # A `kill` ends the run through the same cleanup as Ctrl-C: no server is left behind.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    rows = []
    for n in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"academy-serve-{n}-", dir=args.keep))
        try:
            scale.generate(work, n, args.translated)
            if args.full_build:
                rows.append((n, full_builds(work, n, args.repeats, args.before)))
            else:
                rows.append((n, serve_loop(work, n, args.repeats, args.timeout, args.serve, args.before)))
        finally:
            if args.keep is None:
                shutil.rmtree(work, ignore_errors=True)
    if args.full_build:
        names = (["academy before"] if args.before else []) + ["academy, no cache", "academy, cache kept"]
        print_table(rows, [f"{name}: {figure}" for figure in ("full build, 3 languages", "CPU seconds") for name in names]
                    + ["stock Material: full build, English only", FLOOR, f"{FLOOR}: CPU seconds"])
    else:
        names = (["academy before"] if args.before else []) + ["academy"]
        columns = [f"{name}{mode_label(mode)}: {edit}" for name in names for mode in args.serve
                   for edit in ("English edit", "Filipino msgstr edit", "quiz edit, every language")]
        print_table(rows, columns + ["stock Material: English edit"])


if __name__ == "__main__":
    main()
