"""While `mkdocs serve` runs, the served site is what a clean build of the same sources publishes.

An editor and a translator change the sources one step at a time: a paragraph, a
paragraph long enough to change the lesson's reading time on the listings, a heading,
a quiz question, a Filipino msgstr, a Russian lesson title (which the navigation, the
course listing, the home page and the progress page all show), a new page added to the
navigation, that page deleted, the navigation reordered. After each
step, once the served site shows the step and has stopped rebuilding, every HTML page it
serves in every language is compared with a clean `mkdocs build` of the same tree, parsed
with html5lib: the same set of pages, and each page the same. What serve alone adds is
set aside: its live-reload script, and its own address where the site's URL would be.

A serve that rebuilds only what changed has to keep this test green: a page left stale,
a listing that misses a new title, a deleted page still served, all fail it.
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import html5lib
import pytest
from html5lib.serializer import HTMLSerializer

import servekit
import sitekit

SITE_URL = "https://academy.test/"  # sitekit's site_url
LANGUAGE_ROOTS = ("/", "/fil/", "/ru/")
WAIT = 900  # seconds: a generous bound for one rebuild on a busy machine; never a measure of speed
LESSON = "journey/first-steps"


@dataclass
class Step:
    """An edit, and how to tell that the served site has it: pages showing a word, pages gone."""

    name: str
    apply: Callable[[Path], None]
    shows: list[tuple[str, bytes]] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    holds: Callable[[servekit.Server], bool] | None = None


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer has {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")



def translate_both(root: Path) -> None:
    sitekit.translate(root, "fil", f"content/{LESSON}", "A shopper reads reviews before buying.",
              "Nagbabasa ng reviews ang mamimili bago bumili, Filipinomark.")
    sitekit.translate(root, "ru", f"content/{LESSON}", "First steps", "Первые шаги Russianmark")


def lesson_urls(page: str) -> list[str]:
    return [f"{root}{page}/" for root in LANGUAGE_ROOTS]


NEW_PAGE = """\
---
title: Next steps Newpagemark
description: What a customer does after the first steps.
---

# Next steps Newpagemark

A customer comes back when the first answer was kind.
"""


def add_page(root: Path) -> None:
    (root / "content" / "journey" / "next-steps.md").write_text(NEW_PAGE, encoding="utf-8")
    replace(root / "mkdocs.yml", "      - journey/first-steps.md\n", "      - journey/first-steps.md\n      - journey/next-steps.md\n")


def delete_page(root: Path) -> None:
    replace(root / "mkdocs.yml", "      - journey/next-steps.md\n", "")
    (root / "content" / "journey" / "next-steps.md").unlink()


def reorder_nav(root: Path) -> None:
    replace(root / "mkdocs.yml", "  - index.md\n  - Journey:\n", "  - index.md\n  - progress.md\n  - Journey:\n")
    replace(root / "mkdocs.yml", "      - journey/first-steps.md\n  - progress.md\n", "      - journey/first-steps.md\n")


def progress_listed_first(server: servekit.Server) -> bool:
    home = server.get("/").body
    return 0 <= home.find(b'href="progress/"') < home.find(b'href="journey/"')


STEPS = [
    Step("an English paragraph",
         lambda root: replace(root / "content" / f"{LESSON}.md", "through a touchpoint.", "through a touchpoint, Paragraphmark."),
         # the changed paragraph has no translation yet: every language shows the English
         shows=[(url, b"Paragraphmark") for url in lesson_urls(LESSON)]),
    Step("a long paragraph, which changes the lesson's reading time that the course listings show",
         lambda root: replace(root / "content" / f"{LESSON}.md", "through a touchpoint, Paragraphmark.",
                              "through a touchpoint, Paragraphmark. Longmark" + " and the customer reads on" * 300 + "."),
         shows=[(url, b"Longmark") for url in lesson_urls(LESSON)]),
    Step("a heading that a quiz question's Review link names",
         lambda root: replace(root / "content" / f"{LESSON}.md", "## The research moment\n",
                              "## The research moment, Headingmark {#the-research-moment}\n"),
         shows=[(url, b"Headingmark") for url in lesson_urls(LESSON)]),
    Step("a quiz question",
         lambda root: replace(root / "quizzes" / "first-steps.yml", "text: What does a shopper do before buying?",
                              "text: What does a shopper do before buying, Quizmark?"),
         shows=[(url, b"Quizmark") for url in lesson_urls(LESSON)]),
    Step("a translator's saves: a Filipino paragraph, and a Russian lesson title (which the navigation, "
         "the course listing, the home page and the progress page show)", translate_both,
         shows=[("/fil/journey/first-steps/", b"Filipinomark")]
         + [(url, b"Russianmark") for url in (f"/ru/{LESSON}/", "/ru/", "/ru/journey/", "/ru/progress/")]),
    Step("a new page added to the navigation", add_page,
         shows=[(url, b"Newpagemark") for url in [*lesson_urls("journey/next-steps"), "/journey/"]]),
    Step("that page deleted and taken out of the navigation", delete_page, gone=lesson_urls("journey/next-steps"),
         holds=lambda server: b"Newpagemark" not in server.get("/journey/").body),
    Step("the navigation reordered", reorder_nav, holds=progress_listed_first),
]


@pytest.mark.parametrize("arguments", [(), ("--dirty",)], ids=["serve", "serve-dirty"])
def test_served_site_equals_a_clean_build_after_every_edit(tmp_path, arguments):
    """Plain serve rebuilds everything; `serve --dirty` (what `make serve` runs) renders again only
    the pages whose fingerprint changed, and must serve exactly the same site."""
    (tmp_path / "project").mkdir()
    root = sitekit.write_project(tmp_path / "project")
    ever_served: set[str] = set()  # a page once served and now gone must not be served any more
    first = build(root, tmp_path / "clean-0")  # beside serve's first build
    with servekit.serving(root, tmp_path / "serve.log", timeout=WAIT, arguments=arguments) as server:
        assert_same_site(server, first.wait_for_site(), ever_served, "the first build")
        for number, step in enumerate(STEPS, 1):
            when = f"step {number}, {step.name}"
            before, log_offset = server.epoch(), server.log_size()
            step.apply(root)
            clean_build = build(root, tmp_path / f"clean-{number}")  # beside serve's own rebuild
            wait_for_rebuild(server, before, log_offset, step, when)
            assert shown(server, step), f"after {when}: serve rebuilt, but its pages do not show the edit"
            assert_same_site(server, clean_build.wait_for_site(), ever_served, when)


def wait_for_rebuild(server: servekit.Server, before: int | None, log_offset: int, step: Step, when: str) -> None:
    """Until serve has rebuilt since the edit and nothing more is under way or waiting.

    Serve tells the browser to reload when a rebuild is done (a newer build epoch, which every
    page it serves names), so the site must be right from that moment on. A server that names
    no epoch is waited for until the step shows instead."""
    if before is None:
        server.wait_until(lambda: shown(server, step), when, WAIT, every=0.2)
    else:
        server.wait_until_rebuilt(before, log_offset, WAIT)
    server.settle(timeout=WAIT)


def shown(server: servekit.Server, step: Step) -> bool:
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


def served_pages(server: servekit.Server, candidates: set[str]) -> dict[str, bytes]:
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


def as_published(server: servekit.Server, body: bytes) -> bytes:
    """The page without what serve alone adds: its live-reload script, and its address for the site's URL."""
    body = servekit.LIVERELOAD_SCRIPT.sub(b"", body)
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


def assert_same_site(server: servekit.Server, clean: Path, ever_served: set[str], when: str) -> None:
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
