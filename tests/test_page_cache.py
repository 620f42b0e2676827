"""A build that reuses pages kept from earlier builds publishes what a clean build publishes.

`mkdocs build` keeps each page it rendered in `.cache/academy/pages/<language>/` and reuses it
while nothing it is made from changes. Editors and translators change the sources one step at a
time; after each step the site built with the cache is compared with a clean build of a copy of
the same tree (no `.cache` at all, the cache turned off): every file of the site, byte for byte,
in every language. Only the sitemaps' `<lastmod>` dates are set aside (a build made on another
day dates its pages that day).

The cache is also attacked: entries cut short, longer than they say, not JSON, of the wrong shape; an entry whose HTML
was changed on disk (which shows that pages really are reused, and that a change to the academy's
code stops reusing them).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import polib
import pytest

import sitekit

LESSON = "content/journey/first-steps.md"
KEPT = re.compile(r"(\d+) of (\d+) pages kept from an earlier build \((\w+)\)")
LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")


def run_build(root: Path, site: Path, *, cache: bool | None = True, lang: str | None = None,
              prelude: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("ACADEMY_LANG", None)
    env.pop("ACADEMY_PAGE_CACHE", None)
    if cache is not None:  # None: not set at all, as a plain `mkdocs build` runs
        env["ACADEMY_PAGE_CACHE"] = "on" if cache else "off"
    if lang:
        env["ACADEMY_LANG"] = lang
    code = prelude + "import sys\nfrom mkdocs.__main__ import cli\nsys.argv = ['mkdocs', 'build', '-d', sys.argv[1]]\ncli()\n"
    result = subprocess.run([sys.executable, "-c", code, str(site)], cwd=root, capture_output=True, text=True, env=env,
                            check=False)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return result


def clean_build(root: Path, work: Path) -> Path:
    """A copy of the tree without any cache, built with the cache off."""
    copy = work / "tree"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".cache", "site*", ".site*"))
    run_build(copy, work / "site", cache=False)
    return work / "site"


def kept(result: subprocess.CompletedProcess) -> tuple[int, int]:
    found = KEPT.search(result.stderr + result.stdout)
    assert found, f"the build does not say how many pages it kept:\n{result.stderr}"
    return int(found.group(1)), int(found.group(2))


def site_files(site: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.name.endswith(".xml.gz"):
                data = gzip.decompress(data)
            if ".xml" in path.name:
                data = LASTMOD.sub(b"<lastmod/>", data)
            files[path.relative_to(site).as_posix()] = data
    return files


def assert_same_site(cached: Path, clean: Path, when: str) -> None:
    got, expected = site_files(cached), site_files(clean)
    assert sorted(got) == sorted(expected), (f"after {when}: files differ\nonly with the cache: "
                                             f"{sorted(set(got) - set(expected))}\nonly clean: {sorted(set(expected) - set(got))}")
    different = [name for name in expected if got[name] != expected[name]]
    assert not different, f"after {when}: {len(different)} file(s) differ from a clean build's: {different[:10]}"



def first_ui_message(root: Path, lang: str) -> str:
    catalog = polib.pofile(str(root / "locales" / lang / "LC_MESSAGES" / "ui.po"))
    entry = next(e for e in catalog if e.msgstr and not e.msgid_plural and "%" not in e.msgid and "{" not in e.msgid)
    return entry.msgid


def add_page(root: Path) -> None:
    (root / "content" / "journey" / "next-steps.md").write_text(
        "---\ntitle: Next steps\ndescription: After the first steps.\n---\n\n# Next steps\n\nA customer comes back.\n",
        encoding="utf-8")
    sitekit.edit(root / "mkdocs.yml", "      - journey/first-steps.md\n",
                 "      - journey/first-steps.md\n      - journey/next-steps.md\n")


def delete_page(root: Path) -> None:
    sitekit.edit(root / "mkdocs.yml", "      - journey/next-steps.md\n", "")
    (root / "content" / "journey" / "next-steps.md").unlink()


def reorder_nav(root: Path) -> None:
    sitekit.edit(root / "mkdocs.yml", "  - index.md\n  - Journey:\n", "  - index.md\n  - progress.md\n  - Journey:\n")
    sitekit.edit(root / "mkdocs.yml", "      - journey/first-steps.md\n  - progress.md\n", "      - journey/first-steps.md\n")


def add_override(root: Path) -> None:
    (root / "overrides" / "partials").mkdir(parents=True)
    (root / "overrides" / "partials" / "copyright.html").write_text('<div class="md-copyright">Overridemark one</div>\n',
                                                                    encoding="utf-8")
    sitekit.edit(root / "mkdocs.yml", "theme:\n  name: material\n", "theme:\n  name: material\n  custom_dir: overrides\n")


def faq_asked_earlier(root: Path) -> None:
    """The course page, built before the lesson, now asks the lesson's FAQ question: it marks it up first."""
    path = root / "content" / "journey" / "index.md"
    path.write_text(path.read_text(encoding="utf-8")
                    + "\n/// faq\n### Why do reviews matter?\n\nBecause shoppers trust shoppers.\n///\n", encoding="utf-8")


STEPS: list[tuple[str, Callable[[Path], None]]] = [
    ("an English paragraph", lambda root: sitekit.edit(root / LESSON, "through a touchpoint.", "through a touchpoint, again.")),
    ("a heading and a title", lambda root: (
        sitekit.edit(root / LESSON, "## The research moment\n", "## The research moment, renamed {#the-research-moment}\n"),
        sitekit.edit(root / LESSON, "title: First steps\n", "title: First steps taken\n"))),
    ("a quiz question", lambda root: sitekit.edit(root / "quizzes" / "first-steps.yml",
                                                  "text: What does a shopper do before buying?",
                                                  "text: What does a shopper do first?")),
    ("a Filipino msgstr", lambda root: sitekit.translate(root, "fil", "content/journey/first-steps",
                                                 "A shopper reads reviews before buying.",
                                                 "Nagbabasa ng reviews ang mamimili bago bumili, talaga.")),
    ("a Russian catalog: a course title", lambda root: sitekit.translate(root, "ru", "content/journey/index", "The journey",
                                                                 "Путь покупателя")),
    ("a new page", add_page),
    ("that page deleted", delete_page),
    ("the navigation reordered", reorder_nav),
    ("a theme override added", add_override),
    ("the theme override edited", lambda root: sitekit.edit(root / "overrides" / "partials" / "copyright.html",
                                                             "Overridemark one", "Overridemark two")),
    ("mkdocs.yml's extra", lambda root: sitekit.edit(root / "mkdocs.yml", "docs_dir: content\n",
                                                     "docs_dir: content\nextra:\n  generator: false\n")),
    ("an abbreviation", lambda root: sitekit.edit(root / "content" / "includes" / "abbreviations.md",
                                                  "Zero moment of truth", "The zero moment of truth")),
    ("the interface catalog", lambda root: sitekit.translate(root, "fil", "ui", first_ui_message(root, "fil"), "Binagong salita")),
    ("an FAQ question asked by a page built earlier", faq_asked_earlier),
]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("cache") / "project"
    root.mkdir()
    return sitekit.write_project(root)


@pytest.mark.long
def test_cached_builds_equal_clean_builds_after_every_edit(project, tmp_path):
    root = project
    first = run_build(root, tmp_path / "cached-0")
    assert kept(first)[0] == 0, "a tree never built has nothing kept"
    again = run_build(root, tmp_path / "cached-0b")
    reused, total = kept(again)
    assert reused == total > 0, "an unchanged tree reuses every English page"
    assert_same_site(tmp_path / "cached-0b", clean_build(root, tmp_path / "clean-0"), "an unchanged tree")
    for number, (name, apply) in enumerate(STEPS, 1):
        apply(root)
        result = run_build(root, tmp_path / f"cached-{number}")
        when = f"step {number}, {name}"
        assert_same_site(tmp_path / f"cached-{number}", clean_build(root, tmp_path / f"clean-{number}"), when)
        if name == "an English paragraph":
            reused, total = kept(result)
            assert 0 < reused < total, f"after {when}: the edited lesson and its listings are rendered, the rest kept"


def entries(root: Path, lang: str) -> list[Path]:
    found = sorted((root / ".cache" / "academy" / "pages" / lang).glob("*.page"))
    assert found, f"nothing kept for {lang}"
    return found


def tamper(path: Path) -> None:
    """The kept HTML changed on disk, as the entry's line says it is (a line of JSON, then the HTML)."""
    head, _newline, html = path.read_bytes().partition(b"\n")
    try:
        data = json.loads(head)
    except ValueError:
        return  # left damaged by another test (a page that warns is never written again)
    if not isinstance(data, dict) or data.get("html_bytes") != len(html):
        return
    html = html.replace(b"</body>", b"Tamperedmark</body>")
    data["html_bytes"] = len(html)
    path.write_bytes(json.dumps(data).encode("ascii") + b"\n" + html)


def test_a_damaged_cache_is_a_miss_never_a_crash(project, tmp_path):
    root = project
    run_build(root, tmp_path / "warm")
    reusable = kept(run_build(root, tmp_path / "warm-again"))[0]  # a page that says a warning is never kept
    assert reusable > 0
    damaged = [*entries(root, "en"), *entries(root, "fil")]
    for number, path in enumerate(damaged):
        text = path.read_text(encoding="utf-8")
        path.write_text([text[: len(text) // 2], "{not json", "[1, 2, 3]", json.dumps({"src": 5}),
                         text.replace('"missing": ', '"missing": "many", "x": ', 1),
                         text + "<p>more than the entry says</p>"][number % 6], encoding="utf-8")
    result = run_build(root, tmp_path / "cached")
    assert kept(result)[0] == 0, "no damaged entry is reused"
    assert_same_site(tmp_path / "cached", clean_build(root, tmp_path / "clean"), "a damaged cache")
    again = run_build(root, tmp_path / "repaired")
    assert kept(again)[0] == reusable, "the build that met a damaged cache writes it whole again"


def test_a_kept_page_is_reused_until_the_academy_code_changes(tmp_path):
    """An entry edited on disk shows that pages really are reused; a change to the academy's code
    (its version, as the cache reads it) means every page is rendered again."""
    (tmp_path / "project").mkdir()
    root = sitekit.write_project(tmp_path / "project")
    run_build(root, tmp_path / "warm", lang="en")
    for path in entries(root, "en"):
        tamper(path)
    reused = run_build(root, tmp_path / "reused", lang="en")
    assert kept(reused)[0] == kept(reused)[1] > 0
    pages = list((tmp_path / "reused").rglob("*.html"))
    assert sum(b"Tamperedmark" in path.read_bytes() for path in pages) == kept(reused)[0], "kept pages are used as kept"
    changed = "import academy.mkdocs.page_cache as cache\ncache.code_version = lambda: 'another version'\n"
    rendered = run_build(root, tmp_path / "rendered", lang="en", prelude=changed)
    assert kept(rendered)[0] == 0
    assert not any(b"Tamperedmark" in path.read_bytes() for path in (tmp_path / "rendered").rglob("*.html"))


@pytest.mark.parametrize("cache", [False, None], ids=["turned-off", "not-asked-for"])
def test_the_cache_turned_off_neither_reads_nor_writes(tmp_path, cache):
    (tmp_path / "project").mkdir()
    root = sitekit.write_project(tmp_path / "project")
    result = run_build(root, tmp_path / "site", cache=cache)
    assert not KEPT.search(result.stderr + result.stdout)
    assert not (root / ".cache" / "academy" / "pages").exists()


def test_what_a_page_says_is_said_by_every_build(tmp_path):
    """A page that is warned about while it is written (an FAQ question already asked on a page
    built before it) is rendered every time, and every build says so; the other pages are kept.
    (A broken or absolute link is an error: the build stops and keeps nothing.)"""
    (tmp_path / "project").mkdir()
    root = sitekit.write_project(tmp_path / "project")
    faq_asked_earlier(root)
    for number in range(3):
        result = run_build(root, tmp_path / f"site-{number}")
        assert "already marked up" in result.stderr, f"build {number}: the FAQ question asked twice is not reported"
    reused, total = kept(result)
    assert 0 < reused < total, "the pages warned about are rendered again, the others are kept"


def test_a_changed_image_renders_the_pages_that_show_it_again(tmp_path):
    """A page's HTML reads an image's size (its box is reserved before it arrives): a new drawing
    of another size is a changed page, though no page's Markdown changed."""
    root = tmp_path / "project"
    root.mkdir()
    sitekit.write_project(root)
    drawing = root / "content" / "journey" / "shape.svg"
    drawing.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"><rect width="100" height="50"/></svg>\n',
                       encoding="utf-8")
    sitekit.edit(root / LESSON, "through a touchpoint.", "through a touchpoint.\n\n![A shape](shape.svg)")
    run_build(root, tmp_path / "cached-1")
    drawing.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 120"><rect width="320" height="120"/></svg>\n',
                       encoding="utf-8")
    run_build(root, tmp_path / "cached-2")
    page = (tmp_path / "cached-2" / "journey" / "first-steps" / "index.html").read_text(encoding="utf-8")
    assert 'width="320"' in page, "the page shows the new drawing's size"
    assert_same_site(tmp_path / "cached-2", clean_build(root, tmp_path / "clean"), "a drawing of another size")


# -- results kept between builds (`memo.keep`): parsed sources, quizzes, localized pages, search copies --

RESULTS = Path(".cache") / "academy" / "results"
NO_LOCALIZING = ("import academy.site as site\n"
                 "def refuse(*args, **kwargs):\n    raise SystemExit('a page was localized again')\n"
                 "site.localize_page = refuse\n")


def test_a_warm_build_takes_its_localized_pages_from_the_last_build(tmp_path):
    """A Filipino build after an unchanged one localizes no page: with the function that localizes
    taken away, it still publishes the same site. With the academy's code changed, nothing kept is
    taken, and the same build cannot run without localizing."""
    root = tmp_path / "project"
    root.mkdir()
    sitekit.write_project(root)
    run_build(root, tmp_path / "first", lang="fil")
    assert (root / RESULTS / "fil.pickle").is_file()
    run_build(root, tmp_path / "warm", lang="fil", prelude=NO_LOCALIZING)
    assert_same_site(tmp_path / "warm", tmp_path / "first", "an unchanged tree, nothing localized")
    changed = NO_LOCALIZING + "import academy.mkdocs.page_cache as cache\ncache.code_version = lambda: 'another version'\n"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", ACADEMY_PAGE_CACHE="on", ACADEMY_LANG="fil")
    code = changed + "import sys\nfrom mkdocs.__main__ import cli\nsys.argv = ['mkdocs', 'build', '-d', sys.argv[1]]\ncli()\n"
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "other")], cwd=root, capture_output=True,
                            text=True, env=env, check=False)
    assert result.returncode != 0 and "a page was localized again" in result.stderr + result.stdout, (
        "results made by other code were taken")


def same_size_edit(path: Path, old: str, new: str) -> None:
    """An edit that leaves the file's size and modification time as they were (a tool that
    restores times, a checkout): only its change time and its bytes say it changed."""
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    data = path.read_bytes()
    assert old.encode() in data
    with path.open("r+b") as handle:  # in place: the same file (inode), as an editor that rewrites it
        handle.write(data.replace(old.encode(), new.encode(), 1))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)


def test_an_edit_that_keeps_size_and_time_is_seen(tmp_path):
    """A file's digest is kept with its inode, size and times: an edit in place that leaves the
    size and the modification time as they were is still seen (its change time moved)."""
    root = tmp_path / "project"
    root.mkdir()
    sitekit.write_project(root)
    run_build(root, tmp_path / "first")
    catalog = root / "locales" / "fil" / "LC_MESSAGES" / "content" / "journey" / "first-steps.po"
    same_size_edit(catalog, "Mga unang hakbang", "Mga UNANG hakbang")
    run_build(root, tmp_path / "second")
    page = (tmp_path / "second" / "fil" / "journey" / "first-steps" / "index.html").read_text(encoding="utf-8")
    assert "Mga UNANG hakbang" in page, "a translator's edit of the same size and time is published"
    assert_same_site(tmp_path / "second", clean_build(root, tmp_path / "clean"), "a catalog edit of the same size")


def test_damaged_kept_results_are_a_miss_never_a_crash(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    sitekit.write_project(root)
    run_build(root, tmp_path / "first")
    clean = clean_build(root, tmp_path / "clean")
    kept_files = sorted((root / RESULTS).glob("*.pickle"))
    assert len(kept_files) == 3, "each language keeps its results"
    whole = {path: path.read_bytes() for path in kept_files}
    damages = {"cut short": lambda data: data[: len(data) // 2], "not a pickle": lambda data: b"\x80\x05garbage" + data[:100],
               "another shape": lambda data: b"\x80\x04\x95\x0b\x00\x00\x00\x00\x00\x00\x00]\x94(K\x01K\x02e.",
               "empty": lambda data: b""}
    for number, (damage, apply) in enumerate(damages.items()):
        for path, data in whole.items():
            path.write_bytes(apply(data))
        run_build(root, tmp_path / f"site-{number}")
        assert_same_site(tmp_path / f"site-{number}", clean, f"kept results {damage}")
        assert all(path.read_bytes()[:2] == b"\x80\x05" for path in kept_files), f"{damage}: written whole again"
