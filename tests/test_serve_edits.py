"""`serve --dirty` (what `make serve` runs) through a day of edits: the served site is a clean build's after each.

An editor and a translator work on the small academy one save at a time, as they do while
previewing: a paragraph, a heading, a quiz question, a Russian msgstr, an FAQ added to the
course page that asks a lesson's question first and taken out again, a new lesson whose FAQ
repeats that question, a lesson moved to another path (its catalogs with it), a lesson title
that the course cards show, an abbreviation's expansion, the navigation reordered, a
lesson deleted and an FAQ moved from a lesson to its course page. After each save, once
serve shows it, every page it serves in every language is compared with a clean
`mkdocs build` of the same tree, parsed with html5lib (`servekit.assert_same_site`).

Ctrl-C while serve writes the search index in the background stops it quietly, and each
language's index, as served, holds that language alone and is warmed up from its own
metadata (`search_warmup.py`).

The FAQ steps are where a partial rebuild goes wrong: an FAQ question's FAQPage structured
data belongs to the first page (in the build's order) that asks it, so a save on one page
decides what a page nobody touched carries. Each FAQ step also says which page carries the
question's FAQPage, read from the page's JSON-LD.
"""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import html5lib
import pytest

import servekit
import sitekit
from servekit import Step, lesson_urls

QUESTION = "Why do reviews matter?"
COURSE = "content/journey/index.md"

FAQ = f"""
## Frequently asked questions

/// faq
### {QUESTION}

Because shoppers compare notes, Coursefaqmark.
///
"""

NEXT_STEPS = f"""\
---
title: Next steps
description: What a customer does after the first steps.
---

# Next steps

A customer comes back when the first answer was kind, Newpagemark.

## Frequently asked questions

/// faq
### {QUESTION}

Because a review is a promise kept, Nextfaqmark.
///
"""


def edit(old: str, new: str, file: str = "content/journey/first-steps.md") -> Callable[[Path], None]:
    return lambda root: sitekit.edit(root / file, old, new)


def faq_questions(body: bytes) -> list[str]:
    """The questions of the page's FAQPage structured data, read from its JSON-LD as a search engine does."""
    document = html5lib.parse(body, treebuilder="etree", namespaceHTMLElements=False)
    questions = []
    for script in document.iter("script"):
        if script.get("type") != "application/ld+json":
            continue
        data = json.loads(script.text or "null")
        for block in data if isinstance(data, list) else [data]:
            if isinstance(block, dict) and block.get("@type") == "FAQPage":
                questions += [entry["name"] for entry in block.get("mainEntity", [])]
    return questions


def faq_on(owner: str, *others: str):
    """The English question's FAQPage is on `owner` alone, not on the other pages that ask it too."""
    def holds(server: servekit.Server) -> bool:
        return (faq_questions(server.get(owner).body) == [QUESTION]
                and all(QUESTION not in faq_questions(server.get(url).body) for url in others))
    return holds


def add_page(root: Path) -> None:
    (root / "content" / "journey" / "next-steps.md").write_text(NEXT_STEPS, encoding="utf-8")
    sitekit.edit(root / "mkdocs.yml", "      - journey/first-steps.md\n",
                 "      - journey/first-steps.md\n      - journey/next-steps.md\n")


def move_lesson(root: Path) -> None:
    """The first lesson moved to a path after the new one: its catalogs move with it, as `git mv` would."""
    (root / "content" / "journey" / "first-steps.md").rename(root / "content" / "journey" / "starting-out.md")
    for catalog in root.glob("locales/*/LC_MESSAGES/content/journey/first-steps.po"):
        catalog.rename(catalog.with_name("starting-out.po"))
    for template in root.glob("locales/templates/content/journey/first-steps.pot"):
        template.rename(template.with_name("starting-out.pot"))
    sitekit.edit(root / "mkdocs.yml", "      - journey/first-steps.md\n      - journey/next-steps.md\n",
                 "      - journey/next-steps.md\n      - journey/starting-out.md\n")


def reorder_nav(root: Path) -> None:
    sitekit.edit(root / "mkdocs.yml", "  - index.md\n  - Journey:\n", "  - index.md\n  - progress.md\n  - Journey:\n")
    sitekit.edit(root / "mkdocs.yml", "      - journey/starting-out.md\n  - progress.md\n", "      - journey/starting-out.md\n")


def delete_page(root: Path) -> None:
    sitekit.edit(root / "mkdocs.yml", "      - journey/next-steps.md\n", "")
    (root / "content" / "journey" / "next-steps.md").unlink()


def move_faq(root: Path) -> None:
    sitekit.edit(root / "content/journey/starting-out.md",
                 f"/// faq\n### {QUESTION}\n\nBecause shoppers trust other shoppers.\n///\n", "")
    sitekit.edit(root / COURSE, "A course about customers.\n", "A course about customers.\n" + FAQ)


def progress_listed_first(server: servekit.Server) -> bool:
    home = server.get("/").body
    return 0 <= home.find(b'href="progress/"') < home.find(b'href="journey/"')


FIRST, NEXT, MOVED = "/journey/first-steps/", "/journey/next-steps/", "/journey/starting-out/"
STEPS = [
    Step("a paragraph", edit("through a touchpoint.", "through a touchpoint, Paragraphmark."),
         shows=[(url, b"Paragraphmark") for url in lesson_urls("journey/first-steps")]),
    Step("a heading", edit("## Frequently asked questions\n", "## Questions, Headingmark\n"),
         shows=[(url, b"Headingmark") for url in lesson_urls("journey/first-steps")]),
    Step("a quiz question", edit("text: Which of these are touchpoints?", "text: Which of these are touchpoints, Quizmark?",
                                 "quizzes/first-steps.yml"),
         shows=[(url, b"Quizmark") for url in lesson_urls("journey/first-steps")]),
    Step("a Russian msgstr",
         lambda root: sitekit.translate(root, "ru", "content/journey/first-steps", "Reviews matter.", "Отзывы важны, Pomark."),
         shows=[("/ru/journey/first-steps/", b"Pomark")]),
    Step("an FAQ added to the course page, which asks the lesson's question first",
         edit("A course about customers.\n", "A course about customers.\n" + FAQ, COURSE),
         shows=[("/journey/", b"Coursefaqmark")], holds=faq_on("/journey/", FIRST)),
    Step("that FAQ taken out of the course page: the lesson asks the question first again",
         edit(FAQ, "", COURSE), holds=faq_on(FIRST, "/journey/")),
    Step("a new lesson whose FAQ asks the same question, after the lesson", add_page,
         shows=[(url, b"Newpagemark") for url in lesson_urls("journey/next-steps")], holds=faq_on(FIRST, NEXT)),
    Step("the lesson moved to a path after the new one, which now asks the question first", move_lesson,
         shows=[(url, b"Paragraphmark") for url in lesson_urls("journey/starting-out")],
         gone=lesson_urls("journey/first-steps"), holds=faq_on(NEXT, MOVED)),
    Step("a lesson title, which the course cards show", edit("title: Next steps\n", "title: Next steps Titlemark\n",
                                                               "content/journey/next-steps.md"),
         shows=[("/journey/", b"Titlemark"), ("/", b"Titlemark")]),
    Step("an abbreviation's expansion", edit("Zero moment of truth", "Zero moment of truth, Abbrmark",
                                             "content/includes/abbreviations.md"),
         shows=[(MOVED, b"Abbrmark")]),
    Step("the navigation reordered", reorder_nav, holds=progress_listed_first),
    Step("the new lesson deleted: the moved one asks the question first again", delete_page,
         gone=lesson_urls("journey/next-steps"), holds=faq_on(MOVED)),
    Step("the FAQ moved from the lesson to the course page, both saved at once", move_faq,
         shows=[("/journey/", b"Coursefaqmark")], holds=faq_on("/journey/", MOVED)),
]


@pytest.mark.long
def test_serve_dirty_equals_a_clean_build_after_each_of_a_day_of_edits(tmp_path):
    (tmp_path / "project").mkdir()
    root = sitekit.write_project(tmp_path / "project")
    servekit.serve_each_step(root, tmp_path, STEPS, ("--dirty",))


def warmed_up(server: servekit.Server, root: str) -> bool:
    """The language's search index names its own language alone, and what the page preloads of it
    (`warmup.json`) is its chunks, each served."""
    entry, warmup = server.get(f"{root}pagefind/pagefind-entry.json"), server.get(f"{root}pagefind/warmup.json")
    if entry.status != 200 or warmup.status != 200:
        return False
    try:
        languages, plan = json.loads(entry.body)["languages"], json.loads(warmup.body)
    except ValueError:
        return False  # Pagefind's command line (Russian) writes its entry file in place: caught half-written
    assert len(languages) == 1, f"{root}: {entry.text}"
    return bool(plan["terms"]) and all(server.get(f"{root}pagefind/{chunk}").status == 200 for chunk in plan["chunks"])


def test_ctrl_c_while_serve_writes_the_search_index_says_nothing_but_goodbye(tmp_path):
    """The search index of each language is written in the background after each save; Ctrl-C
    (to the whole process group, as a terminal sends it) while it is being written stops serve
    with its own goodbye: no traceback, no error."""
    (tmp_path / "project").mkdir()
    root = sitekit.write_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    with servekit.serving(root, log, timeout=servekit.WAIT, arguments=("--dirty",)) as server:
        for language in servekit.LANGUAGE_ROOTS:
            server.wait_until(lambda language=language: warmed_up(server, language),
                              f"{language}: the first build's search index, warmed up", 120, every=0.2)
        server.wait_until(lambda: not any("academy.search" in command for command in server.commands()),
                          "the first build's search index written", 120)
        before = log.read_text(encoding="utf-8")
        assert "ERROR" not in before and "Traceback" not in before, before
        sitekit.edit(root / "content/journey/first-steps.md", "through a touchpoint.", "through a touchpoint, Xmark.")
        server.wait_until(lambda: any("academy.search" in command for command in server.commands()),
                          "the saved page's search index being written", 120, every=0.005)
        os.killpg(server.process.pid, signal.SIGINT)
        server.process.wait(timeout=60)
        time.sleep(1)  # what the index processes might still say
    said = log.read_text(encoding="utf-8")[len(before):]
    assert "Shutting down" in said, said
    assert "Traceback" not in said and "KeyboardInterrupt" not in said and "ERROR" not in said, said
