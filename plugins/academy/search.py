"""The search index: Pagefind, one index per language build.

Pagefind stems on both sides (Russian `клиентов` finds `клиент`), splits its
index by the page's `lang`, and loads it in small chunks, so a phone on slow
data fetches only what a query needs. Its binary ships inside the PyPI package.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class SearchIndexError(Exception):
    pass


def build_index(site: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind", "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(
            f"{site}: the search index could not be built: {(result.stderr or result.stdout).strip()[-400:]}"
        )
