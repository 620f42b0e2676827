"""The template's indentation between tags, dropped from the pages a trainee downloads.

Material's templates indent every tag and leave blank lines where a block is empty: about
4 % of a lesson's gzipped size. Between two tags, any run of white space that holds a line
break is read by the browser as one space, so one line break keeps the page as it was.
Inside `pre` and `textarea`, white space is the content, and inside `script` and `style` it
is code; they are left exactly as written.
"""

from __future__ import annotations

import re
from itertools import pairwise

# Only the tag names ignore case: a pattern that starts with a plain `<` or `>` is searched
# for a character at a time by the regex engine's fast scan, not tried at every position.
_KEPT = re.compile(r"<(?i:(pre|textarea|script|style))\b.*?</(?i:\1)\s*>", re.DOTALL)
_LAYOUT = re.compile(r">[ \t\r\f]*\n\s*(?=<)")  # between two tags, across a line break


def drop_layout_space(html: str) -> str:
    kept = [(0, 0)] + [found.span() for found in _KEPT.finditer(html)] + [(len(html), len(html))]
    out = []
    for (_, start), (end, after) in pairwise(kept):
        # The text between two kept blocks, read with the character on each side (the `>` that
        # closes the one before, the `<` that opens the next), so that space touching a kept
        # block is dropped as anywhere else.
        before = 1 if start else 0
        piece = _LAYOUT.sub(">\n", html[start - before:end + 1])
        out.append(piece[before:len(piece) - (1 if end < len(html) else 0)])
        out.append(html[end:after])
    return "".join(out)
