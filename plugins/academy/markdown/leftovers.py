"""Block fences the blocks extension did not take: a misspelt name (`/// faqs`), a quiz without its id.

pymdownx leaves such a line in the page as text, so the reader would see `/// faqs`
and the block's content would lose its meaning (no accordion, no quiz). Each one is a
problem at its line in the English source.
"""

from __future__ import annotations

import difflib
import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from ..errors import Problem, choices, source_lines

PRIORITY = 25  # before inline Markdown (20): paragraphs still hold their lines as written
FENCE = re.compile(r"^(/{3,})[ \t]+([\w-]+)(.*)$")
# `// quiz | ID`: a block's name after too few slashes (`///quiz` with no space is the source scan's, in site.py)
SLIPPED = re.compile(r"^(/{1,2})[ \t]*([A-Za-z][\w-]*)(.*)$")
UNREAD = {"pre", "code", "script", "style"}


class LeftoverFences(Treeprocessor):
    def __init__(self, md: Markdown, academy, block_mgr):
        super().__init__(md)
        self.academy = academy
        self.block_mgr = block_mgr

    def run(self, root: etree.Element) -> None:
        build = self.academy.rendering
        if build is None:
            return
        used: set[int] = set()
        for line in _text_lines(root):
            fence = FENCE.match(line.strip())
            slipped = None if fence else SLIPPED.match(line.strip())
            if slipped and slipped.group(2).lower() not in self.block_mgr.blocks:
                slipped = None
            if not (fence or slipped):
                continue
            number = _source_line(build.source.text, line.strip(), used)
            shown = build.source.shown
            build.problems.append(self.problem(shown, number, fence) if fence else self.slip(shown, number, slipped))

    def slip(self, shown: str, line: int, fence: re.Match) -> Problem:
        slashes, name, rest = fence.groups()
        rest = rest.strip()
        if rest.startswith("|"):
            rest = "| " + rest[1:].strip()
        written = f"/// {name.lower()}" + (f" {rest}" if rest else "")
        return Problem(shown, line, f"`{fence.group(0).strip()}` is not read as a {name.lower()} block: a block opens with "
                       "three slashes and its name, and this line would be published as text",
                       f"write it as `{written}`, and close the block with `///`")

    def problem(self, shown: str, line: int, fence: re.Match) -> Problem:
        slashes, name, rest = fence.groups()
        known = sorted(self.block_mgr.blocks)
        if name.lower() in self.block_mgr.blocks:
            block = self.block_mgr.blocks[name.lower()]
            form = f"{slashes} {name} | ARGUMENT" if block.ARGUMENT else f"{slashes} {name}"
            if name == "quiz":
                form = f"{slashes} quiz | QUIZ-ID"
            return Problem(shown, line, f"`{fence.group(0).strip()}` cannot be read as a {name} block: "
                                        "it would be published as text",
                           f"write it as `{form}` on its own line" + (" (the quiz's file name without .yml)"
                                                                     if name == "quiz" else ""))
        close = difflib.get_close_matches(name.lower(), known, n=1)
        guess = f"did you mean `{slashes} {close[0]}`? " if close else ""
        return Problem(shown, line, f"`{slashes} {name}` is not a block this site knows: it would be published as text",
                       f"{guess}the blocks are: {choices(known)}")


def _text_lines(element: etree.Element):
    """Every line of text in the tree, outside code."""
    if element.tag in UNREAD:
        return
    for line in (element.text or "").splitlines():
        yield line
    for child in element:
        yield from _text_lines(child)
        for line in (child.tail or "").splitlines():
            yield line


def _source_line(text: str, wanted: str, used: set[int]) -> int:
    """The first line of the source not yet blamed that reads `wanted`."""
    for number, line in enumerate(source_lines(text), start=1):
        if number not in used and line.strip() == wanted:
            used.add(number)
            return number
    return 1


EMPHASIS_PRIORITY = 16  # after inline Markdown (20), which turns every `**` it can pair into bold
LEFT_OPEN = re.compile(r"\*\*+")
WORDS_AFTER = re.compile(r"\*\*+\s*([^*\s][^*]{0,30})")


class LeftoverEmphasis(Treeprocessor):
    """A `**` Markdown could not pair (bold opened and never closed, or closed and never opened) is
    published as two asterisks in the sentence: a problem at its line in the English source."""

    def __init__(self, md: Markdown, academy):
        super().__init__(md)
        self.academy = academy

    def run(self, root: etree.Element) -> None:
        build = self.academy.rendering
        if build is None or not self.academy.is_source:  # a translation showing it is refused on its own
            return
        used: set[int] = set()
        for line in _text_lines(root):
            if not LEFT_OPEN.search(line):
                continue
            number = _emphasis_line(build.source.text, line, used)
            build.problems.append(Problem(
                build.source.shown, number,
                "`**` that is never closed (or closes nothing): the reader would see the two asterisks",
                "close the bold text on the same paragraph, as in `**take responsibility**`, "
                "or write `\\*\\*` to show asterisks"))


def _emphasis_line(text: str, rendered: str, used: set[int]) -> int:
    """The first line of the source not yet blamed that holds the `**` left in `rendered`."""
    after = WORDS_AFTER.search(rendered)
    words = after.group(1).split() if after else []
    lines = list(enumerate(source_lines(text), start=1))
    for count in range(min(len(words), 4), -1, -1):
        wanted = " ".join(words[:count])
        for number, line in lines:
            if number not in used and "**" in line and (not wanted or wanted in line):
                used.add(number)
                return number
    return 1
