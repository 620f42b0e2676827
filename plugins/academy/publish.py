"""Publishing a finished build: the new site replaces the old one only when complete.

Output is written into a staging folder beside the target and swapped in by
renaming, so a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def staging_dir(target: Path, label: str = "staging") -> Path:
    """A new empty folder beside the target (same file system, so renames are atomic)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.{label}-", dir=target.parent))


def swap_into_place(staging: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rename(target, old / "site")
    os.rename(staging, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(*folders: Path | None) -> None:
    for folder in folders:
        if folder is not None and folder.exists():
            shutil.rmtree(folder, ignore_errors=True)
