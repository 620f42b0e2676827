"""An editor's mistakes that Markdown renders without a word and `academy check` once passed silently.

A link or image written as HTML is published as written: never checked, and an
`.md` address is never turned into the page's address, so the trainee gets a
"page not found" or a broken image. An image or a frame from another site is
refused by every page's Content-Security-Policy, so the trainee sees a broken
image or an empty box. A list typed straight under a paragraph is printed as part
of the paragraph, its `- ` marks as text; a table row with a cell too few shows an
empty cell and a row with a cell too many loses it; an admonition whose text is
not indented is an empty box with the text below it, and one indented twice shows
its text as code. Each is refused at its line, with a hint, by `academy check` and
the build alike, and nothing is published.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sitekit
from sitekit import edit, line_of

LESSON = "content/journey/first-steps.md"
PARAGRAPH = "A shopper reads reviews before buying."


def in_lesson(old: str, new: str, needle: str):
    """`old` in the lesson written as `new`; the mistake is on the first line holding `needle`."""
    def mistake(root: Path) -> tuple[str, int]:
        edit(root / LESSON, old, new)
        return LESSON, line_of(root / LESSON, needle)
    return mistake


def after_paragraph(text: str, needle: str):
    return in_lesson(PARAGRAPH, f"{PARAGRAPH}\n\n{text}", needle)


# each: (how to make it, words of the message)
MISTAKES = {
    "a link written as HTML to a page that does not exist": (
        after_paragraph('See <a href="no-such-page.md">the next lesson</a>.', "no-such-page"),
        'the link <a href="no-such-page.md"> is written as HTML'),
    "a link written as HTML to a page that exists": (
        after_paragraph('See <a href="index.md">the course</a>.', 'href="index.md"'),
        'the link <a href="index.md"> is written as HTML'),
    "an image written as HTML": (
        after_paragraph('<img src="../assets/stages.svg" alt="The stages"> shows the stages.', "<img"),
        'the image <img src="../assets/stages.svg"> is written as HTML'),
    "an image from another site": (
        after_paragraph("![The stages](https://cdn.example.com/stages.png)", "cdn.example.com"),
        "the image https://cdn.example.com/stages.png is on another site"),
    "an image from another site written as HTML": (
        after_paragraph('Look: <img src="//cdn.example.com/stages.png" alt="The stages">', "cdn.example.com"),
        "the image //cdn.example.com/stages.png is on another site"),
    "a video in a frame": (
        after_paragraph('<iframe src="https://video.example.com/embed/1"></iframe>', "<iframe"),
        "an <iframe> is never shown"),
    "a list typed straight under a paragraph": (
        in_lesson(f"{PARAGRAPH}\n\n- Reviews matter.", f"{PARAGRAPH}\n- Reviews matter.", "- Reviews matter."),
        "this list has no empty line above it"),
    "a numbered list typed straight under a paragraph": (
        after_paragraph("Do this:\n1. Greet.\n2. Listen.", "1. Greet."),
        "this list has no empty line above it"),
    "a table row with a cell too few": (
        in_lesson("| ZMOT | Reading reviews |", "| ZMOT |", "| ZMOT |"),
        "this row has 1 cell, the table's header has 2"),
    "a table row with a cell too many": (
        in_lesson("| ZMOT | Reading reviews |", "| ZMOT | Reading reviews | At night |", "At night"),
        "this row has 3 cells, the table's header has 2"),
    "an admonition whose text is not indented": (
        in_lesson("    Answer every customer kindly.", "Answer every customer kindly.", '!!! tip "Remember"'),
        "the text of this admonition is not indented"),
    "an admonition whose text is indented twice": (
        in_lesson("    Answer every customer kindly.", "        Answer every customer kindly.", "Answer every customer"),
        "indented eight spaces or more"),
}


@pytest.mark.parametrize("name", list(MISTAKES))
def test_check_and_build_refuse_the_mistake_at_its_line_and_publish_nothing(site, name):
    make, words = MISTAKES[name]
    path, line = make(site)
    sitekit.refused_by_check(site, path, line, words)
    sitekit.refused_by_build(site, path, line)


def test_what_markdown_reads_as_meant_passes(site):
    """The same things written as Markdown reads them: the links in Markdown, the list after an empty
    line, every row with its cells, the admonition's text four spaces in, and a link to another site."""
    edit(site / LESSON, PARAGRAPH, PARAGRAPH + "\n\n"
         "See [the course](index.md), [the guide](https://example.com/guide) or <kbd>Ctrl</kbd> and "
         "`<a href=\"x.md\">` in code.\n\n"
         "Do this:\n\n1. Greet.\n2. Listen.\n\n"
         "Term\n: Its meaning, on the line below it.\n\n"
         "| One | Two |\n| --- | --- |\n| a `x|y` b | c \\| d |\n\n"
         '!!! note "Also"\n\n    Text four spaces in.\n\n        and code under it.\n\n'
         "```\n<iframe src=\"https://video.example.com\"></iframe>\n| a |\n- b\n```")
    checked = sitekit.check(site)
    assert checked.returncode == 0, checked.stderr
    built = sitekit.build(site)
    assert "Its meaning" in built.html("journey/first-steps/index.html")
