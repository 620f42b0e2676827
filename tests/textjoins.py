"""Words of a page that run together in the search index, or in what a screen reader reads.

Pagefind joins the text on either side of an inline element (a span, a link) with no space, as a
browser shows it inline. A card whose title, text and reading time are spans, laid out as lines
by the stylesheet, reaches the index as one word: «…неудачными.10 минут чтения. Работа с
жалобамиКак работать…». Here the indexed part of a page is read the same way, and every place
where one text ends in a letter or a full stop and the next starts in a capital or a digit, with
only inline tags between, is a join no trainee would write.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q",
                    "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_END = re.compile(r"(?:[^\W\d_]|[.!?:;])$")
_START = re.compile(r"^(?:[^\W\d_]|\d)")


class _Joins(HTMLParser):
    def __init__(self, indexed: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.indexed = indexed  # only the part search indexes, or all that a page shows and reads out
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, in body, ignored)
        self.last = ""  # the text before the tags since it, or "" after a block boundary
        self.crossed = False  # an inline tag stands between `last` and what comes next
        self.joins: list[str] = []

    def _state(self) -> tuple[bool, bool]:
        return self.stack[-1][1:] if self.stack else (False, False)

    def _boundary(self, tag: str) -> None:
        if tag in INLINE:
            self.crossed = True
        else:
            self.last, self.crossed = "", False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        body, ignored = self._state()
        body = body or not self.indexed or "data-pagefind-body" in a
        ignored = ignored or (self.indexed and "data-pagefind-ignore" in a) or "hidden" in a or tag in ("script", "style", "template", "svg")
        self._boundary(tag)
        if tag not in VOID:
            self.stack.append((tag, body, ignored))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break
        self._boundary(tag)

    def handle_data(self, data):
        body, ignored = self._state()
        if not body or ignored or not data:
            return
        if self.crossed and self.last and _END.search(self.last) and _START.search(data):
            word = re.compile(r"\S*$").search(self.last).group(0) + re.compile(r"^\S*").search(data).group(0)
            self.joins.append(word)
        self.last = data if data.strip() else ("" if data else self.last)
        self.crossed = False


def glued_words(html: str, indexed: bool = True) -> list[str]:
    """Words run together in the part of the page search indexes, or (`indexed=False`) in the whole
    body, as a screen reader reads a link's text out."""
    parser = _Joins(indexed)
    parser.feed(html)
    return parser.joins
