"""The academy's own scripts and styles, published without comments and layout.

The sources in `theme/assets/academy/` stay commented for the people who change
them; a trainee on slow mobile data downloads about a quarter less. rjsmin and
rcssmin only remove what cannot change behaviour (comments, spaces, line breaks):
no names are shortened, so an error in the browser still names our functions.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin


def minify_assets(folder: Path) -> None:
    """Minify every .js and .css file in `folder` (not below it), in place."""
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".js", ".css") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        small = rjsmin.jsmin(text) if path.suffix == ".js" else rcssmin.cssmin(text)
        path.write_text(small, encoding="utf-8")
