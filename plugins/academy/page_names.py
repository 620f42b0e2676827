"""What an editor names a page: its file (the last part of its address) and its title (menus, cards, search)."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from .errors import Problem

ADDRESS_PART = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def file_name_problem(src: str, shown: str) -> Problem | None:
    """A page's file name in lowercase letters, digits and hyphens: it is the page's address in every language."""
    stem = PurePosixPath(src).stem
    if ADDRESS_PART.match(stem):
        return None
    suggested = re.sub(r"[^a-z0-9_-]+", "-", stem.lower()).strip("-") or "lesson"
    return Problem(shown, 0, f"the file name {PurePosixPath(src).name!r} is the page's address: with capitals, spaces "
                   "or other signs it is hard to type, share and link to",
                   f"rename it `{suggested}.md` (in `nav:` too), lowercase with hyphens")


def same_titles(pages: list[tuple[str, str, int]]) -> list[Problem]:
    """Pages that share a title: (shown path, title, line of the title) each; the second and later are problems."""
    first: dict[str, str] = {}
    found = []
    for shown, title, line in pages:
        key = " ".join(title.split()).casefold()
        if not key:
            continue
        if key in first:
            found.append(Problem(shown, line, f"the title {title!r} is also the title of {first[key]}",
                                 "give each page its own title: menus, course cards, the progress page and search "
                                 "results show only the title"))
        else:
            first[key] = shown
    return found
