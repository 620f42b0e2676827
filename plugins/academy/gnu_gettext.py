"""GNU gettext's own tools, which write every catalog the academy ships.

``msgmerge --previous`` merges a template into a translation exactly as Weblate
and Poedit do (fuzzy matching, the previous English as ``#|``, obsolete ``#~``
entries that come back when their English does). ``msgcat`` gives a file the
same layout. Both wrap at 77 columns, the width Weblate and translate-toolkit
write, so a file saved by Weblate and updated here keeps its line breaks.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from .errors import Problem

WIDTH = 77
TOOLS = ("msgmerge", "msgcat", "msgfmt")
INSTALL_HINT = "install GNU gettext (Debian/Ubuntu: `sudo apt-get install gettext`; `make setup-test` does it)"


class GettextMissing(Exception):
    def __init__(self, tool: str):
        self.problem = Problem(tool, 0, f"`{tool}` (GNU gettext) is needed to update catalogs and was not found", INSTALL_HINT)
        super().__init__(str(self.problem))


def _run(tool: str, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    if shutil.which(tool) is None:
        raise GettextMissing(tool)
    # LC_ALL=C: messages in English and no conversion to the terminal's charset.
    return subprocess.run([tool, *args], input=stdin, capture_output=True, check=False, env={**os.environ, "LC_ALL": "C"})


def normalized(po_text: bytes) -> bytes:
    """The catalog as msgcat writes it (GNU layout, wrapped at 77 columns)."""
    result = _run("msgcat", f"--width={WIDTH}", "--to-code=UTF-8", "-o", "-", "-", stdin=po_text)
    if result.returncode:
        raise RuntimeError(f"msgcat refused a catalog the academy wrote: {result.stderr.decode(errors='replace')}")
    return result.stdout


def merge(translation: Path, template: Path) -> bytes:
    """The translation updated to the template, by ``msgmerge --previous``."""
    result = _run("msgmerge", "--quiet", "--previous", f"--width={WIDTH}", "-o", "-", str(translation), str(template))
    if result.returncode:
        raise RuntimeError(f"msgmerge failed on {translation}: {result.stderr.decode(errors='replace')}")
    return result.stdout


def check(po_text: bytes, name: str) -> list[str]:
    """msgfmt's own verdict: its error lines, empty when the catalog compiles cleanly."""
    result = _run("msgfmt", "--check-format", "--check-header", "--check-domain", "-o", "/dev/null", "-", stdin=po_text)
    if result.returncode == 0:
        return []
    lines = result.stderr.decode(errors="replace").splitlines()
    return [line.replace("<stdin>", name) for line in lines
            if line.strip() and "fatal error" not in line and ": warning: " not in line]


TRANSLATION_HINT = ("fix this translation in Poedit (its Validate command shows the same) or a text editor: keep the "
                    "English's {placeholders} and its line breaks at the start and end; nothing was written")
_LOCATED = re.compile(r"^<stdin>:(\d+): (.*)$")


def translation_problems(po_text: bytes, shown: str) -> list[Problem]:
    """What msgfmt refuses in a translator's catalog, each at its line (a fuzzy entry is never refused)."""
    # msgfmt refuses a byte-order mark (Notepad writes one) and reads an old Mac's \r line ends as
    # one long line; the academy reads both and writes neither
    plain = po_text.removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    result = _run("msgfmt", "--check-format", "--check-header", "--check-domain", "-o", "/dev/null", "-", stdin=plain)
    if result.returncode == 0:
        return []
    said = result.stderr.decode(errors="replace").splitlines()
    found = [_LOCATED.match(line) for line in said]
    problems = [Problem(shown, int(match.group(1)), f"msgfmt refuses this translation: {match.group(2)}", TRANSLATION_HINT)
                for match in found if match and not match.group(2).startswith("warning:")]
    if problems:
        return problems
    if any("header missing or invalid" in line for line in said):
        return [Problem(shown, 1, "this catalog has no header entry (the first entry, msgid \"\", whose msgstr says "
                        "`Content-Type: text/plain; charset=UTF-8`), so msgfmt cannot read it",
                        "copy the header entry back from git or from another catalog of this language (Poedit's "
                        "Translation > Properties writes one); nothing was written")]
    told = "; ".join(line.strip() for line in said if line.strip() and "fatal error" not in line)
    return [Problem(shown, 1, "msgfmt refuses this catalog" + (f": {told.replace('<stdin>', shown)}" if told else ""),
                    TRANSLATION_HINT)]
