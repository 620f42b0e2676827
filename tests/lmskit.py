"""The tiny academy packaged for an LMS, and the LMS side the browser tests play."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import sitekit


@dataclass
class Packaged:
    root: Path  # the project
    out: Path  # where the zips are
    result: subprocess.CompletedProcess

    def zip(self, course: str, lang: str, standard: str) -> Path:
        return self.out / f"{course}-{lang}-{standard}.zip"

    def extract(self, course: str, lang: str, standard: str, into: Path) -> Path:
        with zipfile.ZipFile(self.zip(course, lang, standard)) as archive:
            archive.extractall(into)
        return into


def package(root: Path, out: Path) -> Packaged:
    result = subprocess.run([sys.executable, "-m", "academy.cli", "package", "-o", str(out)], cwd=root,
                            capture_output=True, text=True, check=False)
    return Packaged(root, out, result)


def packaged_project(folder: Path) -> Packaged:
    root = sitekit.write_project(folder)
    built = package(root, root / "site-packages")
    assert built.result.returncode == 0, built.result.stderr
    return built
