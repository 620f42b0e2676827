"""The template's indentation between tags, dropped from the pages a trainee downloads.

Material's templates indent every tag and leave blank lines where a block is empty: about
4 % of a lesson's gzipped size. Between two tags, any run of white space that holds a line
break is read by the browser as one space, so one line break keeps the page as it was.
Inside `pre` and `textarea`, white space is the content, and inside `script` and `style` it
is code; they are left exactly as written.
"""

from __future__ import annotations

import re

_LAYOUT = re.compile(
    r"(<(pre|textarea|script|style)\b.*?</\2\s*>)"  # kept as written
    r"|(?<=>)[ \t\r\f]*\n\s*(?=<)",  # between two tags, across a line break
    re.DOTALL | re.IGNORECASE,
)


def drop_layout_space(html: str) -> str:
    return _LAYOUT.sub(lambda m: m.group(1) or "\n", html)
