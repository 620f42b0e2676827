"""Whether a translation keeps its English's markup: compared as rendered trees, not as text.

A translator may change words, never structure. Both the msgid and the msgstr
are rendered by Python-Markdown, the renderer the site itself uses, inside the
block they will live in (a heading, a list item, a table cell...), and the
result is parsed by html5lib, which reads HTML as a browser does (character
references decoded, tags and attributes as the browser will see them). The two
trees must hold the same elements with the same attributes, and the same code;
only the text may differ. So a link target written with ``&#106;avascript:``, a
reference-style link, an ``{: id=... }`` attribute list, a new heading, list
item or table column, or a tag the English lacks are all refused, whatever
their spelling, because they all change the tree.

Some messages are printed as plain text (page titles, subtitles and descriptions,
abbreviation titles, interface strings): they must not carry markup at all.
"""

from __future__ import annotations

import html
import re
import string
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import html5lib
import markdown
from html5lib._tokenizer import HTMLTokenizer
from html5lib.constants import tokenTypes, voidElements

# The site's Markdown extensions (mkdocs.yml), and a few more: rendering more
# syntax as elements can only make the comparison stricter.
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "tables", "footnotes", "md_in_html",
              "pymdownx.details", "pymdownx.superfences"]

# Messages whose text is printed outside Markdown, as plain text or in an attribute.
PLAIN_TEXT_KINDS = {"page title", "page description", "page subtitle", "abbreviation", "interface"}

# Bold and italic change no meaning a page depends on; a translation may move, add or drop them.
FREE_FORMATTING = {"strong", "em"}
# Attributes people read: they may be translated, as plain text.
TRANSLATABLE_ATTRIBUTES = {"alt", "title", "aria-label"}
# Elements whose text is code or data, never prose: it must stay exactly as it is.
VERBATIM_ELEMENTS = {"code", "kbd", "pre", "script", "style", "samp"}

PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_]*\}|%\([a-z_]+\)[sd]|%[sd]")
CHARACTER_REFERENCE = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
# A line that Markdown (or our /// blocks) would read as the start of a block.
BLOCK_START = re.compile(
    r"^[ \t]*(#{1,6}([ \t]|$)|[-+*]([ \t]|$)|\d{1,9}[.)]([ \t]|$)|\||>|///|!!!|\?\?\?|[-*_]([ \t]*[-*_]){2,}|"
    r"`{3,}|~{3,}|\[[^\]]*\]:|\*\[|\{:|:[ \t]|<[A-Za-z!/?]|;?-{1,3}8<-{1,3})"
)

# Where each kind of message is placed on a page, so that it is rendered in its own block.
CONTEXTS = {
    # headings keep their English anchor after the text, as segment.py writes them
    "page heading": "# {} { #academy-anchor }",
    "section heading": "## {} { #academy-anchor }",
    "FAQ question": "## {} { #academy-anchor }",
    "list item": "- {}",
    "table header": "| {} |\n| --- |\n",
    "table cell": "| head |\n| --- |\n| {} |\n",
    "admonition title": '!!! note "{}"\n\n    body\n',
    "quotation": "> {}",
}


@dataclass(frozen=True)
class Refusal:
    """Why a translation may not replace its English."""

    reason: str

    def __str__(self) -> str:
        return self.reason


def markup_problem(msgid: str, msgstr: str, kind: str | None = None) -> str | None:
    """Why a translation may not replace its English, or None if it may."""
    refusal = _compare(msgid, msgstr, kind or "paragraph")
    return refusal.reason if refusal else None


def block_problem(english: str, translated: str) -> str | None:
    """Why a whole block written by hand (lines as written, wrapped as the translator likes)
    may not stand for its English block, or None if it may."""
    refusal = _size(english, translated) or _characters(english, translated) or _same_tree(english, translated, "block")
    return refusal.reason if refusal else None


@lru_cache(maxsize=16384)
def _compare(msgid: str, msgstr: str, kind: str) -> Refusal | None:
    for check in (_size, _characters, _looks_like_script, _lines, _placeholders):
        refusal = check(msgid, msgstr)
        if refusal:
            return refusal
    if kind == "interface":
        refusal = _format_fields(msgid, msgstr)
        if refusal:
            return refusal
    if kind in PLAIN_TEXT_KINDS:
        return _plain_text(msgid, msgstr)
    # the cell is followed by its row's next pipe, which a trailing backslash would escape
    refusal = _unbalanced(msgid, msgstr)
    if refusal:
        return refusal
    if _prose(msgid) and _prose(msgstr):
        return None  # no character Markdown gives a meaning to: both render as text alone
    if kind.startswith("table") and _cell_separators(msgstr + " |") != _cell_separators(msgid + " |"):
        return Refusal("the translation adds a | and so a table column; write \\| for a pipe in the text")
    return _same_tree(msgid, msgstr, kind)


# Characters no reader sees that still change what is shown: the bidirectional controls
# (a right-to-left override prints "txt.exe" as "exe.txt"), line and paragraph
# separators, and zero-width spaces that hide inside a word. Zero-width joiners stay
# allowed: emoji sequences and some scripts need them.
INVISIBLE = {"\u061c", "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A)),
             "\u2028", "\u2029", "\u200b", "\u2060", "\ufeff"}
# The other format characters (Unicode's category Cf) no Russian or Filipino text needs, each as
# invisible: invisible operators (U+2061–U+2064), the Mongolian vowel separator, deprecated format
# controls (U+206A–U+206F), interlinear annotation marks (U+FFF9–U+FFFB, which can hide the text
# between them), prepended number signs, shorthand and musical format controls, and the tag characters
# (U+E0001, U+E0020–U+E007F), which can spell a whole hidden sentence inside a word. The soft hyphen
# and the zero-width joiner and non-joiner stay allowed.
INVISIBLE |= {"\u180e", *map(chr, range(0x2061, 0x2065)), *map(chr, range(0x206A, 0x2070)), *map(chr, range(0xFFF9, 0xFFFC)),
              *map(chr, range(0x0600, 0x0606)), "\u06dd", "\u070f", "\u0890", "\u0891", "\u08e2", "\U000110bd", "\U000110cd",
              *map(chr, range(0x13430, 0x13440)), *map(chr, range(0x1BCA0, 0x1BCA4)), *map(chr, range(0x1D173, 0x1D17B)),
              "\U000e0001", *map(chr, range(0xE0020, 0xE0080))}
# Characters that are letters or marks to Unicode yet show nothing at all: the Hangul fillers (U+115F,
# U+1160, U+3164, U+FFA0), the Braille blank (U+2800), the combining grapheme joiner (U+034F) and the
# Khmer inherent vowels (U+17B4, U+17B5); and the variation selectors no Russian or Filipino text uses
# (U+FE00–U+FE0D, U+E0100–U+E01EF). A run of selectors after any character spells a hidden sentence,
# a byte each, which a copy of the text carries along unseen.
INVISIBLE |= {"\u034f", "\u115f", "\u1160", "\u17b4", "\u17b5", "\u2800", "\u3164", "\uffa0",
              *map(chr, range(0xFE00, 0xFE0E)), *map(chr, range(0xE0100, 0xE01F0))}
# The two selectors an emoji takes (U+FE0E text style, U+FE0F emoji style: "❤️", "1️⃣") are allowed one at a
# time, right after a symbol, a digit or a punctuation mark; after a letter, or another selector, they
# select nothing and only hide.
SELECTORS = {"\ufe0e", "\ufe0f"}
# Unicode's noncharacters (U+FDD0–U+FDEF, and the last two code points of every plane: U+FFFE, U+FFFF,
# U+1FFFE...) are not text. XML may not hold U+FFFE and U+FFFF at all: one in a diagram label or a
# lesson title would make the diagram, the SCORM manifest or the cmi5 course structure unreadable.
NONCHARACTERS = {*map(chr, range(0xFDD0, 0xFDF0)), *(chr(plane * 0x10000 + low) for plane in range(17) for low in (0xFFFE, 0xFFFF))}


# The control characters (Unicode's category Cc: U+0000–U+001F and U+007F–U+009F) but the line
# break, and the invisible ones: found by one search rather than a look at every character.
# The search finds those of the Basic Multilingual Plane and any character beyond it, which is
# then looked up in the set: a class holding characters beyond the plane is matched by a walk
# through its list for every character of the text (25 times slower on every translation).
_ASTRAL_HIDDEN = frozenset(char for char in INVISIBLE | NONCHARACTERS if ord(char) > 0xFFFF)
_HIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f"
                     + "".join(map(re.escape, sorted(c for c in INVISIBLE | NONCHARACTERS | SELECTORS if ord(c) <= 0xFFFF)))
                     + "\U00010000-\U0010FFFF]")


def _characters(msgid: str, msgstr: str) -> Refusal | None:
    # A character written as a reference (`&#x202E;`, `&lrm;`) is the character itself on the page:
    # the browser decodes it in the text of a paragraph, a heading, a list item or a link.
    # Markdown leaves a reference without its `;` as text (`&lt` shows as "&lt"), so the text is looked at
    # as written too: a selector after "&lt" follows the "t" the reader sees.
    english = msgid + _referenced(msgid) if "&" in msgid else msgid
    views = (msgstr, _referenced(msgstr)) if "&" in msgstr else (msgstr,)
    for written, found in ((view, found) for view in views for found in _HIDDEN.finditer(view)):
        char = found.group()
        if ord(char) > 0xFFFF and char not in _ASTRAL_HIDDEN:
            continue  # beyond the plane and visible (an emoji)
        if char in SELECTORS and _selects(written, found.start()):
            continue
        if char not in english:
            spelt = "" if char in msgstr else f" (written as an HTML reference, {_reference_of(msgstr, char)})"
            if char in NONCHARACTERS:
                return Refusal(f"the translation contains U+{ord(char):04X}{spelt}, a noncharacter: it is not text, and a "
                               "diagram or a package for an LMS (XML) cannot hold it; delete it")
            what = "control character" if unicodedata.category(char) == "Cc" else "invisible character"
            return Refusal(f"the translation contains the {what} U+{ord(char):04X}{spelt}, which no reader can see")
    return None


# Numeric references as a browser decodes them (the HTML standard's table for 0x80-0x9F, the bytes of
# windows-1252; U+FFFD for 0, surrogates and numbers beyond Unicode). Python's html.unescape drops the
# controls and noncharacters instead, which a browser shows (or hides) as the characters they are.
_WINDOWS_1252 = {n: bytes([n]).decode("cp1252") for n in range(0x80, 0xA0) if n not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def _decoded_reference(found: re.Match) -> str:
    name = found.group(1)
    if not name.startswith("#"):
        return html.unescape(found.group())  # a named reference (&lrm;, &ZeroWidthSpace;), or text
    hexadecimal = name[1:2] in "xX"
    digits = name[2:] if hexadecimal else name[1:]
    significant = digits.lstrip("0") or "0"  # a long one is beyond Unicode (and too long for int())
    number = int(significant, 16 if hexadecimal else 10) if len(significant) <= 8 else 0
    if number == 0 or 0xD800 <= number <= 0xDFFF or number > 0x10FFFF:
        return "\ufffd"
    return _WINDOWS_1252.get(number, chr(number))


def _referenced(text: str) -> str:
    """The text with its character references decoded as the browser decodes them."""
    return CHARACTER_REFERENCE.sub(_decoded_reference, text)


def _reference_of(text: str, char: str) -> str:
    """How the text writes `char` as a reference."""
    return next((found.group() for found in CHARACTER_REFERENCE.finditer(text) if _decoded_reference(found) == char), "&...;")


def _selects(text: str, at: int) -> bool:
    """Whether the emoji selector at `at` follows a symbol, a digit or a punctuation mark (which it styles)."""
    before = text[at - 1] if at else ""
    return bool(before) and before not in SELECTORS and unicodedata.category(before)[0] not in "LMZC"


# The characters through which Markdown and HTML nest. A translation may hold a few more of them than
# its English (a parenthesis or a bracket in the text), never thousands: Python-Markdown's time grows
# with the square of a run of brackets or backticks, so a message of 20,000 "[" would hold every
# build for minutes. Each is counted once, in one pass per character, before anything is rendered.
NESTING_CHARACTERS = "[]()<>*_`\\!&{}|~"
EXTRA_SYNTAX = 24  # more of one such character than twice its English's count and this
LONGER = 10  # a translation may be this many times as long as its English, and EXTRA_LENGTH more
EXTRA_LENGTH = 2000


# A numeric character reference of more digits than any character needs (U+10FFFF is `&#x10FFFF;` or
# `&#1114111;`): Python refuses to read a number of more than 4,300 digits, and every reader of the text
# after this check (the check for script, the table of contents, the glossary's order) would stop the
# build with a traceback.
LONG_REFERENCE = re.compile(r"&#(?:[xX][0-9a-fA-F]{9,}|[0-9]{9,})")


def _size(msgid: str, msgstr: str) -> Refusal | None:
    if len(msgstr) > LONGER * len(msgid) + EXTRA_LENGTH:
        return Refusal(f"the translation is {len(msgstr)} characters long, its English {len(msgid)}: "
                       f"translate the message, at most {LONGER * len(msgid) + EXTRA_LENGTH} characters")
    if "&#" in msgstr and Counter(LONG_REFERENCE.findall(msgstr)) - Counter(LONG_REFERENCE.findall(msgid)):
        return Refusal("the translation writes a character as a number of more digits than any character has "
                       "(&#...;); type the character itself")
    for char in NESTING_CHARACTERS:
        found = msgstr.count(char)
        allowed = 2 * msgid.count(char) + EXTRA_SYNTAX
        if found > allowed:
            return Refusal(f"the translation has {found} {char!r} where its English has {msgid.count(char)}: "
                           f"keep the English's markup, and use at most {allowed} of them")
    return None


def _lines(msgid: str, msgstr: str) -> Refusal | None:
    if msgstr.count("\n") > msgid.count("\n") or "\r" in msgstr and "\r" not in msgid:
        return Refusal("the translation adds a line break; keep the message on as many lines as its English")
    ids = msgid.split("\n")
    for number, line in enumerate(msgstr.split("\n")):
        if BLOCK_START.match(line) and not (number < len(ids) and BLOCK_START.match(ids[number])):
            return Refusal(f"the translation starts a block the English does not ({line.strip()[:12]!r} at the start of a line)")
    return None


def _placeholders(msgid: str, msgstr: str) -> Refusal | None:
    if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(msgstr)):
        return Refusal("the translation changes a placeholder such as {count}")
    return None


CODE_SPAN = re.compile(r"(`+).*?\1")


def _cell_separators(text: str) -> int:
    """The pipes that would split a table cell (not escaped, not in code)."""
    return len(re.findall(r"(?<!\\)\|", CODE_SPAN.sub("", text)))


# Belt and braces: text that would be script if it ever reached an attribute or a
# tag. The tree comparison already refuses every real element and attribute; this
# also catches the words, entity-encoded or not, in text a translator has no reason to write.
SCRIPT_WORDS = re.compile(r"<\s*script|\bon[a-z]+\s*=|\b(?:java|vb)script\s*:|data\s*:\s*text/html", re.IGNORECASE)
SCRIPT_SIGNS = re.compile(r"[<=:&]")
EMPHASIS = re.compile(r"\*\*|__|`")


def _decoded(text: str) -> str:
    """Text as a URL parser reads it: references decoded, tabs, line breaks and controls dropped."""
    return re.sub(r"[\x00-\x1f]", "", html.unescape(text))


def _looks_like_script(msgid: str, msgstr: str) -> Refusal | None:
    if not SCRIPT_SIGNS.search(msgstr):
        return None  # each of SCRIPT_WORDS holds one of these, and only a reference (&) can make one
    if SCRIPT_WORDS.search(_decoded(msgstr)) and not SCRIPT_WORDS.search(_decoded(msgid)):
        return Refusal("the translation adds script or an event handler")
    return None


def _unbalanced(msgid: str, msgstr: str) -> Refusal | None:
    if len(EMPHASIS.findall(msgstr)) % 2 and not len(EMPHASIS.findall(msgid)) % 2:
        return Refusal("the translation leaves ** or ` unbalanced")
    return None


# Characters through which the renderer's extensions (EXTENSIONS) make elements
# inside a line; syntax at the start of a line is refused by BLOCK_START first.
MARKUP_CHARACTERS = re.compile(r"[\\`*_{}\[\]<>&|]")


# The characters through which each known extension reads syntax inside a line (beyond
# MARKUP_CHARACTERS). Syntax that starts a line is refused by BLOCK_START, and prose is one
# line. An extension missing here may read anything: with it, every message is rendered.
INLINE_SYNTAX = {
    "fenced_code": "`~", "codehilite": "`", "smarty": "", "sane_lists": "", "nl2br": "", "meta": "",
    "wikilinks": "[", "legacy_attrs": "{", "legacy_em": "_",
    "pymdownx.betterem": "", "pymdownx.caret": "^", "pymdownx.mark": "=", "pymdownx.tilde": "~",
    "pymdownx.keys": "+", "pymdownx.emoji": ":", "pymdownx.smartsymbols": "", "pymdownx.critic": "{}~=+>",
    "pymdownx.arithmatex": "$", "pymdownx.highlight": "`", "pymdownx.inlinehilite": "`",
    "pymdownx.superfences": "`~", "pymdownx.details": "?", "pymdownx.tabbed": "=", "pymdownx.tasklist": "[",
    "pymdownx.snippets": "-<", "pymdownx.escapeall": "\\", "pymdownx.progressbar": "[",
    "pymdownx.striphtml": "", "pymdownx.pathconverter": "", "pymdownx.saneheaders": "#",
    "pymdownx.blocks.admonition": "/", "pymdownx.blocks.details": "/", "pymdownx.blocks.tab": "/",
    "pymdownx.blocks.html": "/", "pymdownx.blocks.definition": "/", "pymdownx.blocks.caption": "/",
}


@lru_cache(maxsize=8)
def _prose_pattern(extensions: tuple[str, ...]) -> re.Pattern | None:
    """What marks text as possible syntax for these extensions, or None if any of them is unknown."""
    extra = ""
    for name in extensions:
        known = INLINE_SYNTAX.get(name.removeprefix("markdown.extensions."))
        if known is None:
            return None
        extra += known
    return re.compile(MARKUP_CHARACTERS.pattern[:-1] + re.escape(extra) + "\n]") if extra else re.compile(
        MARKUP_CHARACTERS.pattern[:-1] + "\n]")


def _prose(text: str) -> bool:
    """One line the renderer, with the site's own extensions, can only make text of."""
    pattern = _prose_pattern(tuple(_site_extensions))
    return pattern is not None and not pattern.search(text) and text == text.lstrip()


def _fields(text: str) -> list[tuple[str, str | None, str | None]]:
    return sorted((name, conversion, spec) for _literal, name, spec, conversion in string.Formatter().parse(text)
                  if name is not None)


def _format_fields(msgid: str, msgstr: str) -> Refusal | None:
    """An interface string is filled in with str.format: its fields must be its English's, exactly."""
    try:
        fields = _fields(msgstr)
    except ValueError:
        return Refusal("the translation has a lone { or }; write {{ or }} for a brace, keep {placeholders} as they are")
    if fields != _fields(msgid):
        return Refusal("the translation changes a placeholder such as {count}")
    return None


def _plain_text(msgid: str, msgstr: str) -> Refusal | None:
    """Plain text may hold no tag and no character reference its English lacks."""
    if Counter(CHARACTER_REFERENCE.findall(msgstr)) - Counter(CHARACTER_REFERENCE.findall(msgid)):
        return Refusal("the translation writes a character as an HTML reference (&...;); type the character itself")
    for char in "<>":
        if msgstr.count(char) > msgid.count(char):
            return Refusal(f"the translation adds {char!r}: this text is shown as it is, and may hold no HTML")
    return None


# -- rendering and comparing trees ---------------------------------------------


class _EveryReference(dict):
    """Reference definitions that exist for every name: a reference link renders as a link.

    A translation could otherwise use a definition written elsewhere on the page
    (or by another translation), which a message rendered alone would not show.
    """

    def __contains__(self, key: object) -> bool:
        return True

    def __getitem__(self, key: str) -> tuple[str, None]:
        return (f"academy-reference:{key.lower()}", None)


_renderer: markdown.Markdown | None = None
_site_extensions: list[str] = []
_site_configs: dict[str, dict] = {}
# Not used for the comparison: toc gives headings ids made of their words, which a
# translation changes (the page keeps the English anchors); ours render quizzes and FAQ.
IGNORED_EXTENSIONS = {"toc", "markdown.extensions.toc", "academy"}


def use_site_extensions(extensions: list, configs: dict) -> None:
    """Also render with the site's own Markdown extensions (as named in mkdocs.yml).

    Syntax only the site knows (a bare URL that an extension makes a link, say)
    is then seen in the comparison too. An extension that cannot be loaded alone
    is left out.
    """
    global _renderer, _site_extensions, _site_configs
    names, kept = [], {}
    for name in extensions:
        if not isinstance(name, str) or name in IGNORED_EXTENSIONS or name in EXTENSIONS:
            continue
        try:
            markdown.Markdown(extensions=[name], extension_configs={name: configs.get(name, {})})
        except Exception:  # noqa: BLE001 (any failure of a third-party extension means: leave it out)
            continue
        names.append(name)
        kept[name] = configs.get(name, {})
    if (names, kept) != (_site_extensions, _site_configs):
        _site_extensions, _site_configs, _renderer = names, kept, None
        _compare.cache_clear()


def comparison_key() -> tuple:
    """What the verdicts of this module depend on besides the two texts: the site's extensions."""
    return tuple(_site_extensions), repr(sorted(_site_configs.items()))


def render(text: str, kind: str = "paragraph") -> str:
    """The HTML Python-Markdown makes of a message, placed in the block it belongs to."""
    global _renderer
    if _renderer is None:
        _renderer = markdown.Markdown(extensions=EXTENSIONS + _site_extensions, extension_configs=_site_configs)
    _renderer.reset()
    _renderer.references = _EveryReference()
    return _renderer.convert(CONTEXTS.get(kind, "{}").replace("{}", text))


_START_TAG, _END_TAG, _EMPTY_TAG = tokenTypes["StartTag"], tokenTypes["EndTag"], tokenTypes["EmptyTag"]


@dataclass(frozen=True)
class _Element:
    tag: str
    attributes: tuple[tuple[str, str], ...]
    verbatim: str  # the text of code, empty for prose


def _elements(html: str) -> Counter:
    fragment = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)
    found: Counter = Counter()
    for node in fragment.iter():
        if node is fragment:
            continue
        tag = node.tag if isinstance(node.tag, str) else "#comment"
        if tag.startswith("{"):
            tag = tag.split("}", 1)[1]
        attributes = tuple(sorted((str(k), str(v)) for k, v in node.attrib.items()))
        verbatim = "".join(node.itertext()) if tag in VERBATIM_ELEMENTS or tag == "#comment" else ""
        if tag == "#comment":
            verbatim = node.text or ""
        found[_Element(tag, attributes, verbatim)] += 1
    return found


def _without_free(elements: Counter) -> Counter:
    return Counter({e: n for e, n in elements.items() if not (e.tag in FREE_FORMATTING and not e.attributes)})


def _neutral(element: _Element) -> _Element:
    """The element with its translatable attributes blanked out."""
    return _Element(element.tag, tuple((k, "" if k in TRANSLATABLE_ATTRIBUTES else v) for k, v in element.attributes),
                    element.verbatim)


def _loose_tags(html: str) -> Counter:
    """The tags a fragment leaves open, and the end tags it has not opened (or closes out of order).

    The fragment parser drops a stray ``</div>`` and closes an open ``<em>`` at the fragment's end,
    so the trees of two fragments may be equal while the page is not: in a page, ``</div>`` closes
    the page's own element around the message (the text after it leaves the article), and an ``<em>``
    or ``<a>`` left open is opened again by the browser in every following paragraph.
    """
    stack: list[str] = []
    loose: Counter = Counter()
    for token in HTMLTokenizer(html):
        kind = token["type"]
        if kind in (_START_TAG, _EMPTY_TAG) and token["name"] not in voidElements:
            stack.append(token["name"])  # a "/>" on an HTML element is ignored: <b/> opens a <b>
        elif kind == _END_TAG and token["name"] not in voidElements:
            name = token["name"]
            if name not in stack:
                loose[f"</{name}>"] += 1
                continue
            while (inner := stack.pop()) != name:
                loose[f"<{inner}>"] += 1  # closed by an end tag of an element around it
    loose.update(f"<{name}>" for name in stack)
    return loose


def _same_tree(msgid: str, msgstr: str, kind: str) -> Refusal | None:
    english_html, translated_html = render(msgid, kind), render(msgstr, kind)
    loose = _loose_tags(translated_html) - _loose_tags(english_html)
    if loose:
        opened = [tag for tag in loose if not tag.startswith("</")]
        closed = [tag for tag in loose if tag.startswith("</")]
        what = " and ".join(part for part in (
            f"leaves {', '.join(opened)} open" if opened else "",
            f"closes {', '.join(closed)} without opening it" if closed else "") if part)
        return Refusal(f"the translation {what}: on the page, that would change the elements around the "
                       "message; close every tag it opens, in the order the English does")
    english = _without_free(_elements(english_html))
    translated = _without_free(_elements(translated_html))
    if english == translated:
        return None
    for element in translated:
        for name, value in element.attributes:
            if name in TRANSLATABLE_ATTRIBUTES and any(c in value for c in "<>\x00"):
                return Refusal(f"the translation puts markup into the {name} of <{element.tag}>; it is shown as plain text")
    neutral_english = Counter()
    neutral_translated = Counter()
    for source, target in ((english, neutral_english), (translated, neutral_translated)):
        for element, count in source.items():
            target[_neutral(element)] += count
    if neutral_english == neutral_translated:
        return None
    added = neutral_translated - neutral_english
    dropped = neutral_english - neutral_translated
    return Refusal(_describe(added, dropped))


def _describe(added: Counter, dropped: Counter) -> str:
    def show(element: _Element) -> str:
        if element.tag == "#comment":
            return "an HTML comment"
        attributes = "".join(f' {k}="{v}"' for k, v in element.attributes)
        code = f" {element.verbatim[:30]!r}" if element.verbatim else ""
        return f"<{element.tag}{attributes}>{code}"

    def scripted(element: _Element) -> bool:
        return element.tag in ("script", "iframe", "object", "embed", "base", "meta") or any(
            k.startswith("on") or (k in ("href", "src", "action", "formaction", "srcdoc") and not v.startswith(("http", "/", ".", "#")))
            for k, v in element.attributes)

    if any(scripted(e) for e in added):
        return "the translation adds script or an event handler: " + ", ".join(show(e) for e in list(added)[:3])
    if any(e.tag in ("a", "img") for e in list(added) + list(dropped)):
        return ("the translation changes the links of the English (keep every ](target) as it is): "
                + "; ".join(f"{verb} {', '.join(show(e) for e in list(c)[:3])}" for verb, c in (("adds", added), ("drops", dropped)) if c))
    parts = []
    if added:
        parts.append("adds " + ", ".join(show(e) for e in list(added)[:3]))
    if dropped:
        parts.append("drops " + ", ".join(show(e) for e in list(dropped)[:3]))
    return (f"the translation {' and '.join(parts)}; keep links, images, code, HTML and "
            "the block's structure exactly as in the English")
