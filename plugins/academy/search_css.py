"""Material's main stylesheet without the rules of Material's own search, which the academy does not use.

The academy searches with Pagefind in a dialog of its own (`academy-search`); without Material's
search plugin, no page has an element of Material's search (`md-search…`), yet every page
downloads its rules before the first paint (1.5 KB gzipped of the main stylesheet's 23) and the
browser matches every element of a long lesson against them whenever it restyles. At build time
each selector that names a `md-search` class is dropped, with the rules and @media blocks that
are left empty; every other rule stays as Material wrote it.
"""

from __future__ import annotations

import re
from pathlib import Path

from .palette_css import drop_selectors

MATERIAL_SEARCH = re.compile(r"\.md-search(?![a-zA-Z0-9])")  # .md-search, .md-search__input, .md-search-result


def without_search(css: str) -> str:
    return drop_selectors(css, lambda selector: MATERIAL_SEARCH.search(selector) is not None)


def cut_search_rules(folder: Path) -> None:
    """Cut Material's main stylesheet in `folder` (the site's assets/stylesheets) in place."""
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("main.*.css")):
        path.write_text(without_search(path.read_text(encoding="utf-8")), encoding="utf-8")
