"""The scale benchmark: build time, memory, page size and search index size at N lessons.

    python bench/scale.py                 # N = 100, 300, 1000
    python bench/scale.py --sizes 100 300 --translated 0.9 --baseline

For each N it generates a corpus (N lessons in courses of 10, a quiz per
lesson, catalogs for fil and ru with the chosen fraction of messages
translated), runs the real `mkdocs build` of all three languages, and prints
figures. With --baseline it also builds the same English lessons with stock
Material (its own search, no academy plugin) in the same run, for a ratio.
Figures are printed, never asserted: these machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from academy.i18n import Sources, update  # noqa: E402

WORDS = ("customer agent ticket reply empathy brand journey review moment truth support channel "
         "question answer patience listen solve follow loyal trust team chat phone email").split()


def sentence(rng: random.Random, n: int = 14) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def lesson(rng: random.Random, number: int) -> str:
    parts = [f"---\ntitle: Lesson {number}\ndescription: {sentence(rng, 12)}\n---\n\n# Lesson {number}\n\n"]
    for section in range(6):
        parts.append(f"## Section {number}-{section}\n\n")
        parts.append(" ".join(sentence(rng) for _ in range(4)) + "\n\n")
        parts.append("".join(f"- {sentence(rng, 8)}\n" for _ in range(3)) + "\n")
        parts.append(" ".join(sentence(rng) for _ in range(3)) + "\n\n")
    parts.append("## Frequently asked questions\n\n/// faq\n")
    for q in range(3):
        parts.append(f"### Question {q} of lesson {number}?\n\n{sentence(rng)}\n\n")
    parts.append(f"///\n\n## Check your understanding\n\n/// quiz | lesson-{number}\n///\n")
    return "".join(parts)


def quiz(number: int) -> str:
    return f"""id: lesson-{number}
title: Quiz {number}
questions:
  - id: q1
    type: single
    text: Which answer is right for lesson {number}?
    review: "#section-{number}-0"
    options:
      - {{text: The right one, correct: true, feedback: Yes.}}
      - {{text: The wrong one, feedback: No.}}
  - id: q2
    type: numeric
    text: How many sections has lesson {number}?
    answer: 6
"""


def generate(folder: Path, lessons: int, translated: float, seed: int = 1) -> None:
    rng = random.Random(seed)
    content = folder / "content"
    (content / "includes").mkdir(parents=True)
    (folder / "quizzes").mkdir()
    nav = ["  - index.md\n"]
    (content / "index.md").write_text("---\ntitle: Academy\ndescription: The benchmark academy.\n---\n\n# Academy\n\n/// lessons\n///\n")
    for course in range((lessons + 9) // 10):
        course_dir = content / f"course-{course}"
        course_dir.mkdir()
        (course_dir / "index.md").write_text(f"---\ntitle: Course {course}\ndescription: Course {course} of the benchmark academy.\n---\n\n"
                                             f"# Course {course}\n\n{sentence(rng)}\n")
        nav.append(f"  - Course {course}:\n      - course-{course}/index.md\n")
        for number in range(course * 10, min(lessons, course * 10 + 10)):
            (course_dir / f"lesson-{number}.md").write_text(lesson(rng, number))
            (folder / "quizzes" / f"lesson-{number}.yml").write_text(quiz(number))
            nav.append(f"      - course-{course}/lesson-{number}.md\n")
    (content / "includes" / "abbreviations.md").write_text("*[CSAT]: Customer satisfaction score\n")
    (folder / "mkdocs.yml").write_text(
        "site_name: Bench Academy\nsite_url: https://bench.example.org/\ndocs_dir: content\n"
        "exclude_docs: |\n  includes/\n"
        "theme:\n  name: material\n  font: false\n  features: [navigation.prune, navigation.indexes]\n"
        "plugins:\n  - academy:\n      languages: [en, fil, ru]\n      abbreviations: includes/abbreviations.md\n"
        "markdown_extensions: [abbr, admonition, attr_list, tables, toc]\n"
        "nav:\n" + "".join(nav)
    )
    update(Sources(folder, content, folder / "quizzes", folder / "locales", ("en", "fil", "ru")))
    for lang in ("fil", "ru"):
        for path in (folder / "locales" / lang / "LC_MESSAGES").rglob("*.po"):
            with path.open("rb") as handle:
                catalog = read_po(handle)
            for message in catalog:
                if message.id and not message.pluralizable and rng.random() < translated:
                    # A marker in words, as a translation has: brackets would read as Markdown link syntax.
                    message.string = f"{lang.upper()}: {message.id}"
            with path.open("wb") as handle:
                write_po(handle, catalog, width=0)


def build(folder: Path, config: str = "mkdocs.yml") -> tuple[float, float]:
    """A full build's wall-clock seconds and peak memory (MB)."""
    seconds, peak, _cpu = timed_build(folder, config)
    return seconds, peak


def timed_build(folder: Path, config: str = "mkdocs.yml") -> tuple[float, float, float]:
    """A full build's wall-clock seconds, peak memory (MB) and CPU seconds (user + system, of the
    build and every process it waited for: the language builds and the search indexer). CPU time
    moves less than wall time on a shared machine."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("ACADEMY_LANG", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config], cwd=folder, env=env,
                            capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stdout}\n{result.stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return elapsed, max(before.ru_maxrss, after.ru_maxrss) / 1024, cpu


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def baseline(folder: Path) -> float:
    """Stock Material, English only, same lessons: Material's search, no academy plugin."""
    config = baseline_config(folder)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], cwd=folder, check=True,
                   capture_output=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    return time.perf_counter() - start


def baseline_three(folder: Path, at_once: int = 2) -> tuple[float, float]:
    """The engine's floor for the academy's page count: stock Material (no academy plugin, Material's
    search) building the same lessons three times, one site per language as the academy builds them,
    `at_once` builds at a time (the machine's two cores). Wall-clock and CPU seconds."""
    config = baseline_config(folder)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    waiting = [["build", "-q", "-f", str(config), "-d", str(folder / f"baseline-site-{lang}")] for lang in ("en", "fil", "ru")]
    running: list[subprocess.Popen] = []
    while waiting or running:
        while waiting and len(running) < at_once:
            running.append(subprocess.Popen([sys.executable, "-m", "mkdocs", *waiting.pop(0)], cwd=folder, env=env,
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        done = running.pop(0)
        if done.wait() != 0:
            raise SystemExit("stock Material build failed")
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    for lang in ("en", "fil", "ru"):
        shutil.rmtree(folder / f"baseline-site-{lang}", ignore_errors=True)
    return elapsed, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def baseline_config(folder: Path) -> Path:
    """The stock Material project beside the academy's: `baseline.yml` and its copy of the lessons in `baseline-content/`."""
    config = folder / "baseline.yml"
    if config.exists():
        return config
    text = (folder / "mkdocs.yml").read_text()
    text = text.replace("plugins:\n  - academy:\n      languages: [en, fil, ru]\n      abbreviations: includes/abbreviations.md\n",
                        "plugins:\n  - search\n")
    text = text.replace("docs_dir: content\n", "docs_dir: baseline-content\nsite_dir: baseline-site\n")
    config.write_text(text)
    shutil.copytree(folder / "content", folder / "baseline-content")
    for path in (folder / "baseline-content").rglob("*.md"):
        # the blocks are ours; stock Material shows their fences as text
        path.write_text(path.read_text().replace("/// faq\n", "").replace("/// lessons\n", ""))
    return config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--translated", type=float, default=0.9)
    parser.add_argument("--baseline", action="store_true", help="also build stock Material (English only) side by side")
    parser.add_argument("--keep", type=Path, default=None, help="keep the corpora under this folder")
    args = parser.parse_args()
    rows = []
    for n in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"academy-bench-{n}-", dir=args.keep))
        generate(work, n, args.translated)
        seconds, peak = build(work)
        site = work / "site"
        pages = sum(1 for _ in site.rglob("index.html"))
        lessons = [p for p in site.rglob("lesson-*/index.html")]
        median_kb = statistics.median(p.stat().st_size for p in lessons) / 1024
        index = {lang: folder_bytes(site / prefix / "pagefind" / "fragment") + folder_bytes(site / prefix / "pagefind" / "index")
                 for lang, prefix in (("en", ""), ("fil", "fil"), ("ru", "ru"))}
        row = {"n": n, "pages": pages, "seconds": seconds, "ms_per_page": 1000 * seconds / pages,
               "peak_mb": peak, "median_lesson_kb": median_kb, "index": index}
        if args.baseline:
            row["baseline_seconds"] = baseline(work)
        rows.append(row)
        print(f"N={n:5d}  pages={pages:5d}  build={seconds:6.1f} s  per page={row['ms_per_page']:5.1f} ms  "
              f"peak RSS={peak:6.0f} MB  median lesson HTML={median_kb:5.1f} KB  "
              "search index: " + ", ".join(f"{k}={v / 1024:.0f} KB" for k, v in index.items())
              + (f"  stock Material (en only)={row['baseline_seconds']:.1f} s" if args.baseline else ""), flush=True)
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        print(f"time per page at N={last['n']} / N={first['n']}: {last['ms_per_page'] / first['ms_per_page']:.2f}x; "
              f"median lesson HTML {last['median_lesson_kb']:.1f} KB vs {first['median_lesson_kb']:.1f} KB")


if __name__ == "__main__":
    main()
