"""Diagram labels: every <text>, <title> and <desc> of our SVG files is a message."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape, unescape

LABEL = re.compile(r"(<(text|title|desc)\b[^>]*>)([^<]+)(</\2>)")


def labels(svg: str) -> list[tuple[str, int]]:
    """(label, line) for every translatable label, in document order."""
    found = []
    for match in LABEL.finditer(svg):
        text = " ".join(unescape(match.group(3)).split())
        if text and re.search(r"[^\W\d_]", text):
            found.append((text, svg.count("\n", 0, match.start()) + 1))
    return found


def localize_svg(svg: str, tr: Callable[[str], str]) -> str:
    def replace(match: re.Match) -> str:
        text = " ".join(unescape(match.group(3)).split())
        if not text or not re.search(r"[^\W\d_]", text):
            return match.group(0)
        return f"{match.group(1)}{escape(tr(text), quote=False)}{match.group(4)}"

    return LABEL.sub(replace, svg)
