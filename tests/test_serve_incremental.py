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

from pathlib import Path

import pytest

import servekit
import sitekit
from servekit import Step, lesson_urls

LESSON = "journey/first-steps"


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer has {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")



def translate_both(root: Path) -> None:
    sitekit.translate(root, "fil", f"content/{LESSON}", "A shopper reads reviews before buying.",
              "Nagbabasa ng reviews ang mamimili bago bumili, Filipinomark.")
    sitekit.translate(root, "ru", f"content/{LESSON}", "First steps", "Первые шаги Russianmark")


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


@pytest.mark.long
@pytest.mark.parametrize("arguments", [(), ("--dirty",)], ids=["serve", "serve-dirty"])
def test_served_site_equals_a_clean_build_after_every_edit(tmp_path, arguments):
    """Plain serve rebuilds everything; `serve --dirty` (what `make serve` runs) renders again only
    the pages whose fingerprint changed, and must serve exactly the same site."""
    (tmp_path / "project").mkdir()
    root = sitekit.write_project(tmp_path / "project")
    servekit.serve_each_step(root, tmp_path, STEPS, arguments)
