"""A built page made ready for an LMS: its runtime script, and links that work inside a zip."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

from ..jsonld import dumps_for_script

ACADEMY_SCRIPT = re.compile(r'<script src="(?P<src>(?P<path>[^"]*assets/academy/academy\.js)(?:\?v=\w+)?)" defer></script>')
HREF = re.compile(r'(?P<attr>\shref=")(?P<url>[^"#?]*)(?P<rest>[#?][^"]*)?"')


class PageNotPackageable(Exception):
    """The built page does not load the academy's script where the packager expects it."""


def prepare(html: str, path: str, files: set[str], site_url: str, prefix: str, settings: dict) -> str:
    """Swap academy.js for the LMS runtime, which loads academy.js once it has restored progress.

    The runtime and its settings exist only in packaged pages; the site's pages are untouched.
    """
    match = ACADEMY_SCRIPT.search(html)
    if match is None:
        raise PageNotPackageable(path)
    academy_src = match.group("src")
    runtime_src = match.group("path")[: -len("academy.js")] + "lms.js"
    runtime = (f'<script type="application/json" id="__academy_lms">{dumps_for_script(settings)}</script>'
               f'<script src="{runtime_src}" data-academy="{academy_src}" defer></script>')
    html = html[: match.start()] + runtime + html[match.end():]
    # In a package the LMS names the Learning Record Store at launch, on a host of its own:
    # the page may send statements there. Everything else of the site's policy stays.
    html = html.replace("connect-src 'self';", "connect-src 'self' https: http:;", 1)
    return HREF.sub(lambda m: _link(m, path, files, site_url, prefix), html)


def _link(match: re.Match, path: str, files: set[str], site_url: str, prefix: str) -> str:
    url, rest = match.group("url"), match.group("rest") or ""
    if not url or urlsplit(url).scheme or url.startswith("/"):
        return match.group(0)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(path), url))
    if url.endswith("/") or target == ".":
        target = posixpath.join(target, "index.html") if target != "." else "index.html"
    if target in files:
        # An LMS serves files, not folders: name the page itself.
        relative = posixpath.relpath(target, posixpath.dirname(path) or ".")
        return f'{match.group("attr")}{relative}{rest}"'
    # Outside this course's package: the page on the public site (prefix is e.g. "fil/").
    public = posixpath.normpath(posixpath.join(posixpath.dirname(prefix + path), url))
    if public.startswith(".."):
        return match.group(0)
    public = "" if public == "." else public + ("/" if url.endswith("/") else "")
    return f'{match.group("attr")}{site_url}{public}{rest}"'
