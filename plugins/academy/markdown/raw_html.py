"""Links, images and frames the engine never checks, or the page's policy never shows.

The engine checks the links and images written in Markdown. One written as HTML
(`<a href="next.md">`, `<img src="stages.svg">`) is published as it is: never
checked, and a page's `.md` file is not its address, so the trainee gets "page not
found" or a broken image. Every page's Content-Security-Policy (policy.py) loads
images and media only from the site itself and allows no frames or plugins, so an
image from another site, in Markdown or HTML, shows broken, and an `<iframe>`
(a video, a form) shows as an empty box. Each one is a problem at its line in the
English source. So is HTML that reaches past its own text to the whole page: a
`<script>` that loads a file (the policy runs the site's own files, so the editor's
would run), a `<meta http-equiv>` (a refresh takes the trainee elsewhere, and no
policy governs it), a `<base>` or a `<link>`. An inline `<script>` is left to the
policy, which never runs it. A translation's markup equals its English's, so the other
languages' builds find the same tags there and say nothing of their own.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from html.parser import HTMLParser
from urllib.parse import urlsplit

import html5lib
from markdown import Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from ..errors import Problem, source_lines

PAGE_WIDE_TAG = re.compile(r"<(?:script|meta|base|link)(?![A-Za-z0-9-])", re.IGNORECASE)
PAGE_WIDE_PRIORITY = 5  # a postprocessor: after the editor's HTML is back in place (30) and entities restored (20)
PRIORITY = 13  # after inline Markdown (20), which stashes the inline HTML and makes the Markdown images
LINK_SCHEMES = ("http", "https", "mailto", "tel")  # a link to another site, an address or a number: the reader's own
MEDIA = ("img", "video", "audio", "source", "track")
FRAMES = ("iframe", "frame", "frameset", "object", "embed", "applet")
SCRIPT_HINT = ("delete the <script>: a lesson holds text, pictures and quizzes, and the academy adds its own "
               "scripts to every page; to show code, put it between backticks or in a ``` block")
TAG_HINT = ("delete the tag: a lesson's HTML shapes its own text only; to send the trainee to another page, "
            "write a link: `[the words](other-lesson.md)`")
OTHER_SITE_HINT = ("save the file in content/assets/ and link it relative to this page, e.g. "
                   "`![The five stages](../assets/diagrams/customer-journey.svg)`")


class _Tags(HTMLParser):
    """Every start tag of a piece of HTML: (name, attributes, the tag as written)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str], str]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.found.append((tag, {name: value or "" for name, value in attrs}, self.get_starttag_text() or ""))

    handle_startendtag = handle_starttag


def _tags(html: str) -> list[tuple[str, dict[str, str], str]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.found


def _other_site(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme.lower() in ("http", "https", "ftp")


class RawHtml(Treeprocessor):
    def __init__(self, md: Markdown, academy):
        super().__init__(md)
        self.academy = academy

    def run(self, root: etree.Element) -> None:
        build = self.academy.rendering
        if build is None:
            return
        source = build.source.text

        def say(found: str, message: str, hint: str) -> None:
            line = _line_of(source, found)
            if line is not None:  # not the English's words: the English page's build says it
                build.problems.append(Problem(build.source.shown, line, message, hint))

        for element in root.iter("img"):
            url = element.get("src") or ""
            if _other_site(url):
                say(url, f"the image {url} is on another site: every page's Content-Security-Policy loads images "
                    "only from this site, so the trainee sees a broken image", OTHER_SITE_HINT)
        for piece in self.md.htmlStash.rawHtmlBlocks:
            if not isinstance(piece, str):
                continue  # an element an extension stashed, not HTML an editor wrote
            for tag, attributes, written in _tags(piece):
                self._check(tag, attributes, written, say)

    @staticmethod
    def _check(tag: str, attributes: dict[str, str], written: str, say) -> None:
        if tag in FRAMES:
            say(written, f"an <{tag}> is never shown: every page's Content-Security-Policy allows no frames or "
                "plugins, so the trainee sees an empty box",
                "link to what it shows instead, e.g. `[Watch the video](https://video.example.com/...)`")
        elif tag == "a" and "href" in attributes:
            url = attributes["href"]
            if urlsplit(url.strip()).scheme.lower() not in LINK_SCHEMES:
                say(written, f'the link <a href="{url}"> is written as HTML: the build never checks it and publishes '
                    "its address as written (a page's `.md` file is not its address), so it can lead to no page",
                    f"write it in Markdown: `[the words]({url or 'other-lesson.md'})`, with the page's Markdown file "
                    "relative to this page; the build checks it and each language links to its own page")
        elif tag in MEDIA and attributes.get("src"):
            url = attributes["src"]
            if _other_site(url):
                say(written, f"the {'image' if tag == 'img' else 'media file'} {url} is on another site: every page's "
                    "Content-Security-Policy loads images and media only from this site, so the trainee sees nothing",
                    OTHER_SITE_HINT)
            elif tag == "img" and not url.startswith("data:"):
                alt = attributes.get("alt") or "What it shows"
                say(written, f'the image <img src="{url}"> is written as HTML: the build never checks that the file '
                    "exists, and translators never see its alt text",
                    f"write it in Markdown: `![{alt}]({url})`, relative to this page")


class PageWideHtml(Postprocessor):
    """HTML that reaches past its own text to the whole page, found as a browser finds it.

    The lesson's HTML is read whole, with the editor's HTML in place, by html5lib (the HTML standard's
    parser, scripts on), not tag by tag: a browser ends an `<xmp>`, a `<noscript>` or a `<textarea>` at
    its closing tag even inside an attribute's quotes, and lifts a `<meta>` out of an SVG's `<style>`, so
    a tag another parser reads as text can be a real element on the trainee's page."""

    def __init__(self, md: Markdown, academy):
        super().__init__(md)
        self.academy = academy

    def run(self, text: str) -> str:
        build = self.academy.rendering
        if build is None:
            return text
        written = [piece for piece in self.md.htmlStash.rawHtmlBlocks if isinstance(piece, str)]
        if not any(PAGE_WIDE_TAG.search(piece) for piece in written):
            return text  # a tag's name is never spelt otherwise: no such tag, no parse
        source = build.source.text
        fragment = html5lib.HTMLParser(namespaceHTMLElements=False).parseFragment(text, scripting=True)
        for element in fragment.iter():
            if not isinstance(element.tag, str):
                continue
            tag = element.tag.rsplit("}", 1)[-1].lower()
            attributes = {str(name if isinstance(name, str) else name[1]).rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower(): value
                          for name, value in element.attrib.items()}
            found = _page_wide(tag, attributes)
            if found is None:
                continue
            line = _line_of_tag(source, tag)
            if line is not None:  # not the English's words: the English page's build says it
                build.problems.append(Problem(build.source.shown, line, *found))
        return text


def _page_wide(tag: str, attributes: dict[str, str]) -> tuple[str, str] | None:
    """(message, hint) for an element that acts on the whole page, or None."""
    loaded = attributes.get("src", attributes.get("href"))
    if tag == "script" and loaded is not None:
        return (f"the script {loaded} is loaded by a lesson: every page's Content-Security-Policy runs the "
                "site's own files as scripts, so it would run with every trainee's progress", SCRIPT_HINT)
    if tag == "meta" and "http-equiv" in attributes:
        return (f'a <meta http-equiv="{attributes["http-equiv"]}"> in a lesson acts on the whole page (a refresh '
                "takes the trainee to another address by itself, which no policy stops)", TAG_HINT)
    if tag == "base":
        return "a <base> in a lesson changes the address every link, image and script of the page is read from", TAG_HINT
    if tag == "link":
        return ("a <link> in a lesson acts on the whole page (a stylesheet over Material's, a connection opened "
                "to another site before anyone taps anything)", TAG_HINT)
    return None


def _line_of_tag(text: str, tag: str) -> int | None:
    opened = re.compile(rf"<{tag}(?![A-Za-z0-9-])", re.IGNORECASE)
    for number, line in enumerate(source_lines(text), start=1):
        if opened.search(line):
            return number
    return None


def _line_of(text: str, wanted: str) -> int | None:
    """The first line holding `wanted`, or its first line when the tag is written over several lines."""
    first = source_lines(wanted)[0] if wanted else wanted
    for number, line in enumerate(source_lines(text), start=1):
        if first and first in line:
            return number
    return None
