"""The headings a search can answer from before Pagefind has loaded: a small site's first results.

On slow mobile data, a trainee who opens a lesson and searches at once waits for Pagefind's engine
(its WebAssembly, 66-69 KB gzipped), its metadata and a piece of its index, about 130 KB in all:
three to four seconds at 50 KB/s before the first hit. A small academy's every page title and
section heading, with the words to match them by, fit in a file of a few kilobytes, so the build
writes one per language (`pagefind/academy-headings.json`) and search.js shows the headings that
match the words typed while Pagefind is still on its way; Pagefind's own results, ranked on the
whole text, replace them when they arrive. A big site (more than `MAX_PAGES` indexed pages, or a
file over `MAX_BYTES`) gets no such file: search waits for Pagefind as before.

Each page is `[address, title, keys, [[anchor, heading, keys], ...]]`. The keys are the title's or
heading's words as the index has them (Filipino stems, American spellings), lower-cased, so that the
browser matches the query after the same rewriting (`searchKeys` in search.js); "" where they are the
text's own words, lower-cased (the browser takes them from the text). Titles and headings are text:
the page shows them with `textContent`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path

NAME = "academy-headings.json"
MAX_PAGES = 100
MAX_BYTES = 40_000  # at most about 6 KB gzipped: a tenth of a second at 50 KB/s
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def words(text: str) -> str:
    return " ".join(dict.fromkeys(word.lower() for word in _WORD.findall(text)))


def keys(text: str, rewrite: Callable[[str], str] | None) -> str:
    """The words to match `text` by, or "" where they are its own words."""
    rewritten = words(rewrite(text)) if rewrite else ""
    return "" if rewritten == words(text) else rewritten


def address(relative: str) -> str:
    """The page's address under its language's root, as its links name it."""
    if relative == "index.html":
        return ""
    return relative.removesuffix("index.html")


def entries(pages: Iterable[tuple[str, object]], rewrite: Callable[[str], str] | None) -> list[list]:
    """`pages`: (path relative to the language's root, SearchablePage) in order."""
    found: list[list] = []
    for relative, page in pages:
        title = page.title
        if not title:
            continue
        sections = []
        for section in page.sections:
            heading = " ".join(section.heading.split()).rstrip("¶ ")
            if section.anchor and heading:
                sections.append([section.anchor, heading, keys(heading, rewrite)])
        found.append([address(relative), title, keys(title, rewrite), sections])
    return found


def write_headings(output: Path, pages: list[tuple[str, object]] | None, rewrite: Callable[[str], str] | None) -> bool:
    """Write the headings file into `output` (the language's pagefind folder), or remove an earlier
    one when the site is too big for it (`pages` None: too many to read). True when written."""
    target = output / NAME
    text = None
    if pages is not None and len(pages) <= MAX_PAGES:
        text = json.dumps(entries(pages, rewrite), ensure_ascii=False, separators=(",", ":"))
        if len(text.encode("utf-8")) > MAX_BYTES:
            text = None
    if text is None:
        target.unlink(missing_ok=True)
        return False
    partial = target.with_name(f".{NAME}.part")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)
    return True
