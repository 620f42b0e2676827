"""Links written as the site's own full address (`https://academy.example.org/journey/...`).

The engine checks only links to a page's file; a full address of the site is left
as it is, unchecked: from a Filipino or Russian page it leads to the English one,
a typo in it is a broken link, and it breaks when the site moves. Each one is a
problem at its line in the English source.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from ..errors import Problem, source_lines

PRIORITY = 15  # after inline Markdown (20), which makes the links


class OwnSiteLinks(Treeprocessor):
    def __init__(self, md: Markdown, academy, site_url: str):
        super().__init__(md)
        self.academy = academy
        site = urlsplit(site_url)
        self.host = site.netloc.lower().removeprefix("www.")
        self.path = site.path.rstrip("/") + "/"

    def is_own(self, url: str) -> bool:
        parts = urlsplit(url.strip())
        if not self.host or parts.scheme.lower() not in ("http", "https", "") or not parts.netloc:
            return False
        return parts.netloc.lower().removeprefix("www.") == self.host and (parts.path or "/").startswith(
            self.path.rstrip("/") or "/")

    def run(self, root: etree.Element) -> None:
        build = self.academy.rendering
        if build is None:
            return
        for element in root.iter():
            if element.tag not in ("a", "img"):
                continue
            url = element.get("href" if element.tag == "a" else "src") or ""
            if self.is_own(url):
                build.problems.append(Problem(
                    build.source.shown, _line_of(build.source.text, url),
                    f"a link to this site's own address: {url} is never checked, and leads to the English page "
                    "from every language",
                    "link to the page's Markdown file, relative to this page (e.g. `../journey/first-steps.md#heading`): "
                    "the build checks it, and each language links to its own page"))


def _line_of(text: str, url: str) -> int:
    for number, line in enumerate(source_lines(text), start=1):
        if url in line:
            return number
    return 1
