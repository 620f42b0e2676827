"""The academy's URL scheme: the source language at the root, every other under /<code>/.

The one place that knows where a language's pages live, so the switcher, the
hreflang links, the sitemaps and the script's paths cannot disagree.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class UrlScheme:
    base_url: str  # the site's address, ending in "/"
    codes: tuple[str, ...]  # the source language first

    def prefix(self, code: str) -> str:
        return "" if code == self.codes[0] else f"{code}/"

    def path(self, code: str, page_url: str = "") -> str:
        """The path from the site root of a page (its engine URL) in a language."""
        return "/" + self.prefix(code) + page_url

    def rooted(self, code: str, page_url: str = "") -> str:
        """The path from the host's root, for a page served at any depth (the 404 page)."""
        return urlsplit(self.base_url).path.rstrip("/") + self.path(code, page_url)

    def absolute(self, code: str, page_url: str = "") -> str:
        return self.base_url + self.prefix(code) + page_url

    def relative(self, code: str, page_url: str, target_code: str, target_url: str = "") -> str:
        """A link from a page in one language to a page (or a file) in another, or the same."""
        return relative_url(self.path(code, page_url), self.path(target_code, target_url))


def relative_url(here: str, target: str) -> str:
    """A relative URL from the page at path `here` to the path `target`, both from the site root.

    A path ending in "/" is a folder (a directory URL); anything else is a file.
    """
    folder = here if here.endswith("/") else posixpath.dirname(here) + "/"
    rel = posixpath.relpath(target, folder.rstrip("/") or "/")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel
