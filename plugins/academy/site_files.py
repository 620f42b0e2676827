"""Files among the lessons that a browser would run: a script, or a page of its own.

Every file under `content/` that is not a lesson is published as it is, at the
site's own address. Every page's Content-Security-Policy runs scripts from the
site's own files, so a `.js` file there is a script any lesson could load. An
HTML, XHTML or XML file (an XSLT stylesheet, a feed, MathML, a compressed SVG)
is a page of its own when opened from its address (a link, a shared URL): its
script runs with the site's origin under no policy, reads every trainee's
progress and sends it anywhere. Diagrams (`.svg`, however its name is spelt)
are checked element by element (diagrams.py); these files cannot be, so they
are refused, by name and by the type a web server gives them.
"""

from __future__ import annotations

import mimetypes
from pathlib import PurePosixPath

from .errors import Problem

SCRIPTS = {".js", ".mjs", ".cjs", ".jsx"}
PAGES = {".html", ".htm", ".shtml", ".xhtml", ".xht", ".xml", ".xsl", ".xslt", ".svgz", ".mht", ".mhtml", ".hta", ".swf"}
HINT = ("delete the file: a lesson is a Markdown page (.md) and a picture a PNG, JPEG or SVG diagram; "
        "a document for trainees to download can be a PDF or a ZIP")


def is_diagram(name: str) -> bool:
    return PurePosixPath(name).suffix.lower() == ".svg"


def _kind(name: str) -> str | None:
    suffix = PurePosixPath(name).suffix.lower()
    if is_diagram(name):
        return None
    served, _ = mimetypes.guess_type(PurePosixPath(name).name.lower(), strict=False)
    served = served or ""
    if suffix in SCRIPTS or "javascript" in served or "ecmascript" in served:
        return "script"
    if suffix in PAGES or served == "text/html" or "xml" in served:
        return "page"
    return None


def problem(name: str, shown: str) -> Problem | None:
    """A file under content/ that a browser would run, as a Problem at its first line."""
    kind = _kind(name)
    if kind == "script":
        return Problem(shown, 1, "a browser runs it as a script: every page's Content-Security-Policy allows the "
                       "site's own files as scripts, so once published any lesson could load it", HINT)
    if kind == "page":
        return Problem(shown, 1, "a browser opens it as a page of the site when its address is opened, where no "
                       "Content-Security-Policy governs it: a script in it would run with every trainee's progress",
                       HINT)
    return None
