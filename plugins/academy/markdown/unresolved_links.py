"""Links that Markdown could not make: a reference with no definition, a link with no address.

Python-Markdown leaves `[the glossary][glossary]` as text when no line defines
`[glossary]: ...`, so the reader sees the brackets and no link; `[the glossary]()`
becomes a link to the page itself. The engine checks neither. Each one is a problem
at its line in the English source (the other languages' builds find the same text
there, and say nothing of their own: a translation's markup already equals its English's).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from ..errors import Problem, source_lines

PRIORITY = 14  # after inline Markdown (20), which makes the links and leaves the unresolved ones as text
# `[text][label]` and `[text][]`: the forms that can only be meant as a link
REFERENCE = re.compile(r"\[([^\[\]\n]+)\]\[([^\[\]\n]*)\]")
UNREAD = {"pre", "code", "script", "style"}
HINT = ("define it on a line of its own below the paragraph (`[{label}]: other-lesson.md`), "
        "or write the link in place: `[{text}](other-lesson.md)`")


class UnresolvedLinks(Treeprocessor):
    def __init__(self, md: Markdown, academy):
        super().__init__(md)
        self.academy = academy

    def run(self, root: etree.Element) -> None:
        build = self.academy.rendering
        if build is None:
            return
        source = build.source.text
        for text in _texts(root):
            for found in REFERENCE.finditer(text):
                line = _line_of(source, found.group(0))
                if line is None:
                    continue  # not the English's words: the English page's build says it
                label = found.group(2) or found.group(1)
                build.problems.append(Problem(
                    build.source.shown, line,
                    f"the link {found.group(0)} has no definition `[{label}]: ...`: it would be published as text",
                    HINT.format(label=label, text=found.group(1))))
        for element in root.iter("a"):
            if element.get("href", None) == "" and "".join(element.itertext()).strip():
                words = "".join(element.itertext()).strip()
                line = _line_of(source, f"[{words}]()") or _line_of(source, f"[{words}]( )")
                if line is None:
                    continue
                build.problems.append(Problem(
                    build.source.shown, line, f"the link [{words}]() has no address: it would lead to this page's top",
                    f"write where it leads between the brackets: `[{words}](other-lesson.md#heading)`, or remove the link"))


def _texts(element: etree.Element):
    """Every text of the tree, outside code."""
    if element.tag in UNREAD:
        return
    if element.text:
        yield element.text
    for child in element:
        yield from _texts(child)
        if child.tail:
            yield child.tail


def _line_of(text: str, wanted: str) -> int | None:
    for number, line in enumerate(source_lines(text), start=1):
        if wanted in line:
            return number
    return None
