"""Diagram labels: the text of every <text>, <tspan>, <title> and <desc> of our SVG files is a message.

The SVG is read with an XML parser (expat), so labels split into <tspan>s (as
Inkscape writes them), entities and CDATA are read as a browser reads them. A
translation replaces only the characters of the label; every other byte of the
file stays as it was. A label that cannot be one message (text mixed with
other elements, such as ``Hello <tspan>world</tspan>``) is a Problem.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlsplit
from xml.parsers import expat

from .errors import ContentError, Problem

LABELS = {"text", "tspan", "title", "desc", "textPath"}
HAS_WORDS = re.compile(r"[^\W\d_]")
HINT = "put each label in its own <text> or <tspan>, with no other element inside it"
# A diagram is also a page of its own: opened from its address (a tap on the image, a shared link), the
# browser runs its script with the site's origin, and no Content-Security-Policy governs it. So it may
# hold shapes and words only: no script element, no event handler, no address that runs or embeds code.
SCRIPTED = "the diagram can run script"
SCRIPT_HINT = ("save the diagram without scripts, event handlers (onload=, onclick=, ...), embedded HTML "
               "(<foreignObject>) or javascript:/data: links: in Inkscape, File > Save As > Optimized SVG, "
               "or delete the element")
SCRIPT_ELEMENTS = {"script", "foreignObject", "iframe", "embed", "object", "handler", "listener"}
# a picture embedded as data (Inkscape writes PNGs so) is fine; any other data: address may be a page
ANIMATIONS = {"animate", "set", "animateMotion", "animateTransform", "discard"}
RUNNABLE = re.compile(r"^(?:javascript:|vbscript:|data:(?!image/(?:png|jpe?g|gif|webp)[;,]))", re.IGNORECASE)
# Opened from its address, a diagram fetches what it names from anywhere (no policy governs it): a stylesheet,
# an image, a font or a symbol from another site tells that site who opened it, and when. Shapes, words and
# pictures come from the file itself or the site; only a link (<a>) may lead elsewhere, on a tap.
ELSEWHERE = "the diagram loads {url} from another site"
ELSEWHERE_HINT = ("save what it shows in the diagram itself (Inkscape: Edit > Clone > Unlink Clone, "
                  "Extensions > Images > Embed Images) or beside it in content/, and refer to it by its relative address")
LINK_SCHEMES = ("http", "https", "mailto", "tel")
CSS_URL = re.compile(r"""url\(\s*["']?([^"')\s]*)|@import\s*["']([^"']*)|image-set\(([^)]*)""", re.IGNORECASE)
CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\r\n\f]?|(.))", re.DOTALL)
STYLESHEET = "it takes a stylesheet (<?xml-stylesheet?>), which can rewrite it as a page with script"
NOT_XML = "the SVG is not well-formed XML"
NOT_XML_HINT = ("a tag is left open or a character is not escaped near this line: open the diagram in "
                "an SVG editor (Inkscape) and save it again, or fix the tag")


@dataclass(frozen=True)
class Label:
    text: str  # white space collapsed, as the browser shows it
    line: int
    start: int  # byte offsets of the element's content in the UTF-8 file
    end: int


@dataclass
class _Open:
    name: str
    line: int
    start: int
    chunks: list[str] = field(default_factory=list)
    children: bool = False


@dataclass
class Scan:
    labels: list[Label]
    problems: list[tuple[int, str]]  # (line, what cannot be extracted)


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1].rsplit(" ", 1)[-1]


def _css_urls(css: str) -> list[str]:
    """The addresses a piece of CSS fetches, its escapes (`\\75 rl(`) and comments read as a browser reads them."""
    css = re.sub(r"/\*.*?(?:\*/|$)", "", css, flags=re.DOTALL)
    css = CSS_ESCAPE.sub(lambda m: chr(min(int(m.group(1), 16), 0x10FFFF) or 0xFFFD) if m.group(1) else m.group(2), css)
    urls = []
    for found in CSS_URL.finditer(css):
        address, imported, choices = found.groups()
        urls += [m[1] for m in re.findall(r"""(["'])(.*?)\1""", choices)] if choices is not None else [address if imported is None else imported]
    return urls


def _elsewhere(url: str, link: bool = False) -> bool:
    """Whether a browser would fetch the address from another site (or, for a link, lead somewhere odd)."""
    # as a browser reads it: spaces and control characters around it and tabs or newlines inside it are
    # dropped, and a backslash is a slash (`/\\evil.example/` is another site)
    url = re.sub(r"[\t\n\r]", "", url).strip("\x00- ").replace("\\", "/")
    if url.startswith("#") or not url:
        return False
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if link and scheme in LINK_SCHEMES:
        return False
    return bool(parts.netloc) or url.startswith("//") or (scheme not in ("", "data"))


def scan(svg: str) -> Scan:
    data = svg.encode("utf-8")
    parser = expat.ParserCreate()
    stack: list[_Open] = []
    found = Scan([], [])

    def start(name: str, attrs: dict) -> None:
        local = _local(name)
        if local in SCRIPT_ELEMENTS:
            found.problems.append((parser.CurrentLineNumber, f"{SCRIPTED}: a <{local}> element"))
        for attribute, value in attrs.items():
            key = _local(attribute).lower()
            # browsers ignore control characters and spaces inside a URL's scheme ("java\tscript:")
            squeezed = re.sub(r"[\x00-\x20]", "", value)
            if key.startswith("on"):
                found.problems.append((parser.CurrentLineNumber, f"{SCRIPTED}: the event handler {key}= on <{local}>"))
            elif RUNNABLE.match(squeezed) or re.search(r"(?:javascript|vbscript):", squeezed, re.IGNORECASE):
                found.problems.append((parser.CurrentLineNumber, f"{SCRIPTED}: {key}=\"{value[:40]}\" on <{local}>"))
            else:
                fetched = [url for url in _css_urls(value) if _elsewhere(url)]
                if key in ("href", "src") and _elsewhere(value, link=local == "a"):
                    fetched.append(value)
                elif local in ANIMATIONS and key in ("from", "to", "by", "values") \
                        and _local(attrs.get("attributeName", "")).lower() in ("href", "src"):
                    fetched += [url for url in value.split(";") if _elsewhere(url)]
                for url in fetched:
                    found.problems.append((parser.CurrentLineNumber, ELSEWHERE.format(url=url.strip())))
        if stack:
            stack[-1].children = True
        begin = parser.CurrentByteIndex
        # the content starts after this start tag's ">" (attribute values are quoted, so skip them)
        tag = re.compile(rb"<[^\s/>]+(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*(/?)>").match(data, begin)
        stack.append(_Open(_local(name), parser.CurrentLineNumber, tag.end() if tag else begin))

    def text(chunk: str) -> None:
        if stack:
            stack[-1].chunks.append(chunk)

    def end(_name: str) -> None:
        element = stack.pop()
        if element.name == "style":
            found.problems.extend((element.line, ELSEWHERE.format(url=url.strip()))
                                  for url in _css_urls("".join(element.chunks)) if _elsewhere(url))
        if element.name not in LABELS:
            return
        words = " ".join("".join(element.chunks).split())
        if not HAS_WORDS.search(words):
            return
        if element.children:
            found.problems.append((element.line, f"the label {words!r} mixes text with other elements"))
            return
        found.labels.append(Label(words, element.line, element.start, parser.CurrentByteIndex))

    def instruction(target: str, _data: str) -> None:
        if target.lower() == "xml-stylesheet":
            found.problems.append((parser.CurrentLineNumber, f"{SCRIPTED}: {STYLESHEET}"))

    parser.StartElementHandler = start
    parser.ProcessingInstructionHandler = instruction
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        found.labels.clear()
        found.problems.append((error.lineno, f"{NOT_XML}: {expat.ErrorString(error.code)}"))
    return found


def labels(svg: str) -> list[tuple[str, int]]:
    """(label, line) for every translatable label, in document order."""
    return [(label.text, label.line) for label in scan(svg).labels]


def problems(svg: str, path: str) -> list[Problem]:
    return [Problem(path, line, what, NOT_XML_HINT) if what.startswith(NOT_XML)
            else Problem(path, line, what, SCRIPT_HINT) if what.startswith(SCRIPTED)
            else Problem(path, line, what, ELSEWHERE_HINT) if what.startswith(ELSEWHERE.split("{")[0])
            else Problem(path, line, f"diagram label cannot be translated: {what}", HINT) for line, what in scan(svg).problems]


def localize_svg(svg: str, tr: Callable[[str], str], path: str = "diagram.svg") -> str:
    found = scan(svg)
    if found.problems:
        raise ContentError(problems(svg, path))
    data = svg.encode("utf-8")
    for label in reversed(found.labels):
        translated = tr(label.text)
        if translated != label.text:
            data = data[:label.start] + escape(translated, quote=False).encode("utf-8") + data[label.end:]
    return data.decode("utf-8")
