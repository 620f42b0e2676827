"""What a page waits on before its first paint: one stylesheet, and its two small scripts inline.

A phone on mobile data finishes every stylesheet linked in <head>, and every script file the parser
meets before the lesson, before it paints the lesson's first line; each is one more request, and
Lighthouse's largest paint (the lesson's first long paragraph) waits for the last of them. Linked
as files, they would be five: Material's main and palette stylesheets, academy.css, Material's
globals and the header's before-paint script. Instead:

- the three stylesheets are joined, in the order the page linked them, into one file (the same
  bytes, so no page gets heavier; every later page of the language still finds it in the cache),
  named by a hash of its content (`styles.<hash>.css`): a phone that kept yesterday's stylesheet
  never dresses today's HTML with it, since a changed stylesheet is a new file to the browser and to
  the offline worker (which keeps each file a page loaded under its URL, in a cache per build);
- the two scripts (0.2 and 0.9 KB gzipped) are written into the page. The Content-Security-Policy
  allows each by the sha256 of its exact text, computed at build time: any other inline script,
  such as one smuggled in by a translation, does not run.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import rjsmin

JOINED_STYLESHEET = "assets/academy/styles.css"
"""Where the one stylesheet every page links lives, under the site's (or language's) root; its
published name has its content's hash in it (`stylesheet_name`)."""

SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")


@dataclass(frozen=True)
class InlineScript:
    """A script written into the page, and the source the Content-Security-Policy allows it by."""

    text: str

    @property
    def policy_source(self) -> str:
        digest = hashlib.sha256(self.text.encode("utf-8")).digest()
        return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_script(path: Path) -> InlineScript:
    """The script file, minified, to be written between <script> and </script> as it is."""
    text = rjsmin.jsmin(path.read_text(encoding="utf-8")).strip()
    # the HTML parser would end or derail the element early: the hash would allow the wrong text
    if re.search(r"</script|<!--|<script", text, re.IGNORECASE):
        raise ValueError(f"{path}: cannot be written into a page: it contains </script, <script or <!--")
    return InlineScript(text)


def joined_css(sheets: Iterable[str]) -> str:
    """The stylesheets one after the other (each cascade rule keeps its order), without their
    source-map comments (they point next to the original files)."""
    return "\n".join(SOURCE_MAP.sub("", css).strip() for css in sheets) + "\n"


def content_version(text: str) -> str:
    """A short hash of a published file's text: in its name (the stylesheet) or its URL's query (scripts)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def script_versions(sources: dict[str, str]) -> dict[str, str]:
    """The academy's scripts (site path: source text) -> the query that names the published, minified
    text (`?v=<hash>`): pages and the search settings link each script with it, so a phone that kept
    yesterday's script fetches today's along with today's pages (minify.py publishes `jsmin(source)`)."""
    return {path: "?v=" + content_version(rjsmin.jsmin(text)) for path, text in sources.items()}


def stylesheet_name(css: str) -> str:
    """The published name of the joined stylesheet: its content's hash in it."""
    return JOINED_STYLESHEET.removesuffix(".css") + "." + content_version(css) + ".css"


def join_stylesheets(sheets: Iterable[Path], target: Path) -> None:
    """Write the stylesheets into `target` (see `joined_css`)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(joined_css(sheet.read_text(encoding="utf-8") for sheet in sheets), encoding="utf-8")


def material_stylesheets(folder: Path, palette: bool) -> list[Path]:
    """Material's main stylesheet, then its palette's when mkdocs.yml has a palette, as its base
    template links them."""
    sheets = []
    for pattern in ("main.*.min.css", "palette.*.min.css")[:2 if palette else 1]:
        found = sorted(folder.glob(pattern))
        if len(found) != 1:
            raise ValueError(f"{folder}: expected one {pattern}, found {len(found)}")
        sheets.append(found[0])
    return sheets
