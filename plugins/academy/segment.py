"""Split a Markdown page into translatable messages, and join it back.

One message per block: paragraph, heading, list item, table cell, admonition
title, FAQ question and answer, abbreviation. Inline markup stays inside the
message; code, HTML and our block fences are never extracted.

The split is symmetric with the join: joining with no translations gives the
source back byte for byte, so an untranslated page renders exactly as the
English one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import markdown
from markdown.extensions.toc import slugify, unique

_TOC = markdown.Markdown(extensions=["toc", "attr_list"])


@dataclass(frozen=True)
class Unit:
    """One message for the translator."""

    text: str
    kind: str
    line: int
    note: str = ""  # the editor's note to translators (`<!-- translators: ... -->` just above it)
    note_line: int = 0  # the file line where that note starts


Translate = Callable[[Unit], "str | None"]


@dataclass(frozen=True)
class Refusal:
    """Text a reader sees that cannot be a message: it stays English in every language."""

    line: int
    message: str
    hint: str


@dataclass
class Part:
    """A run of source lines, with the messages in it (none for verbatim text)."""

    original: str
    units: list[Unit] = field(default_factory=list)
    rebuild: Callable[[list[str]], str] | None = None

    def join(self, translate: Translate) -> str:
        if not self.units:
            return self.original
        texts = [translate(unit) for unit in self.units]
        if all(text is None for text in texts):
            return self.original
        assert self.rebuild is not None
        chosen = [t if t is not None else u.text for t, u in zip(texts, self.units, strict=True)]
        return self.rebuild(chosen)


FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
HEADING = re.compile(r"^(#{1,6})([ \t]+)(.*?)(?:[ \t]+#+)?[ \t]*$")
HEADING_ATTRS = re.compile(r"^(.*?)([ \t]*\{[^{}]*\})$")
LIST_ITEM = re.compile(r"^([-*+]|\d{1,9}[.)]|:)([ \t]+)(\[[ xX]\][ \t]+)?(.*)$")  # ":" opens a definition (def_list)
ADMONITION = re.compile(r'^(!!!|\?\?\?\+?)([ \t]+[\w-]+(?:[ \t]+[\w-]+)*)(?:([ \t]+")(.*)("))?[ \t]*$')
BLOCK_FENCE = re.compile(r"^///(?:[ \t]+([\w-]+)(.*))?[ \t]*$")
ABBREVIATION = re.compile(r"^(\*\[[^\]]+\]:[ \t]*)(.*)$")
LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
TABLE_DELIMITER = re.compile(r"^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
RULE = re.compile(r"^([-*_])([ \t]*\1){2,}[ \t]*$")
SETEXT = re.compile(r"^(=+|-+)[ ]*$")  # the underline of a setext heading, as Python-Markdown reads it
QUOTE = re.compile(r"^[ ]{0,3}>[ ]?")
HTML_START = re.compile(r"^<(?:!--|[?!]|/?([A-Za-z][\w-]*))")
HARD_BREAK = "  \n"
HAS_WORDS = re.compile(r"[^\W\d_]", re.UNICODE)


# A heading made only of these renders as its own text, so toc's id is the slug of the text itself.
PLAIN_HEADING = re.compile(r"[^\\`*_{}\[\]<>&|!#:=~^+$]+")


@lru_cache(maxsize=16384)
def heading_anchor(text: str) -> str:
    """The id Python-Markdown's toc gives a heading with this Markdown text (rendered by toc itself)."""
    if PLAIN_HEADING.fullmatch(text) and text == text.strip():
        slug = slugify(text, "-")
        if slug:  # toc numbers an empty id: left to toc itself
            return slug
    html = _TOC.reset().convert("# " + text)
    match = re.search(r'<h1 id="([^"]*)"', html)
    return match.group(1) if match else slugify(text, "-")


def _is_block_html(line: str) -> bool:
    """A line Python-Markdown reads as the start of raw HTML (a block-level tag, a comment), not a paragraph."""
    match = HTML_START.match(line)
    return bool(match) and (match.group(1) is None or match.group(1).lower() in markdown.util.BLOCK_LEVEL_ELEMENTS)


def _blank(line: str) -> bool:
    """A line Python-Markdown reads as blank, the end of a paragraph: spaces and tabs only. A line of a no-break
    space or another Unicode space looks empty but is text to it: the paragraph, item or quotation goes on."""
    return not line.strip(" \t\r\n")


def _is_translatable(text: str) -> bool:
    return bool(HAS_WORDS.search(text))


MAX_NESTING = 40
TOO_DEEP = "quotes, lists or admonitions nested inside one another"


class _Splitter:
    def __init__(self, lines: list[str], first_line: int):
        self.lines = lines
        self.first_line = first_line
        self.parts: list[Part] = []
        self.blocks: list[str] = []  # open /// blocks, innermost last
        self.ids: set[str] = set()  # heading ids so far, made unique as toc does
        self.quoted = False  # inside a blockquote
        self.inner = False  # inside a list item, an admonition or a blockquote (Markdown's raw HTML is read at the margin)
        self.refused: list[Refusal] = []
        self.misread: list[Refusal] = []  # what Markdown reads otherwise than it looks: an error in the English
        self.depth = 0  # containers (quotes, list items, admonitions, blocks) this text is inside

    def lineno(self, index: int) -> int:
        return self.first_line + index

    def verbatim(self, text: str) -> None:
        if self.parts and not self.parts[-1].units:
            self.parts[-1].original += text
        else:
            self.parts.append(Part(text))

    def in_faq(self) -> bool:
        return "faq" in self.blocks

    def run(self) -> list[Part]:
        i = 0
        lines = self.lines
        while i < len(lines):
            line = lines[i]
            stripped = line.strip()
            if _blank(line):
                self.verbatim(line)
                i += 1
            elif FENCE.match(line):
                i = self.fenced_code(i)
            elif BLOCK_FENCE.match(stripped):
                self.block_fence(stripped)
                self.verbatim(line)
                i += 1
            elif _is_block_html(line):
                i = self.html_block(i)
            elif HEADING.match(line):
                self.heading(i)
                i += 1
            elif ADMONITION.match(line):
                i = self.admonition(i)
            elif ABBREVIATION.match(line):
                self.abbreviation(i)
                i += 1
            elif QUOTE.match(line):
                i = self.blockquote(i)
            elif LINK_DEFINITION.match(line) or RULE.match(line):
                self.verbatim(line)
                i += 1
            elif self.starts_table(i):
                i = self.table(i)
            elif LIST_ITEM.match(line.lstrip()) and (len(line) - len(line.lstrip())) < 4:
                i = self.list_item(i)
            elif line.startswith("    ") or line.startswith("\t"):
                # indented code: keep as it is
                self.verbatim(line)
                i += 1
            else:
                i = self.paragraph(i)
        return self.parts

    # -- constructs -------------------------------------------------------

    def fenced_code(self, start: int) -> int:
        match = FENCE.match(self.lines[start])
        assert match
        marker = match.group(2)
        i = start + 1
        while i < len(self.lines):
            if self.lines[i].strip().startswith(marker[0] * len(marker)) and not self.lines[i].strip().strip(marker[0]):
                i += 1
                break
            i += 1
        self.verbatim("".join(self.lines[start:i]))
        return i

    def block_fence(self, stripped: str) -> None:
        match = BLOCK_FENCE.match(stripped)
        assert match
        name = match.group(1)
        if name:
            self.blocks.append(name)
        elif self.blocks:
            self.blocks.pop()

    def comment_end(self, start: int) -> int | None:
        """The index of the line that closes a comment opened at the start of line ``start``, or None (never closed)."""
        rest = self.lines[start][4:]
        for index in range(start, len(self.lines)):
            if "-->" in rest:
                return index
            rest = self.lines[index + 1] if index + 1 < len(self.lines) else ""
        return None

    def html_block(self, start: int) -> int:
        i = start
        if not self.inner and self.lines[start].startswith("<!--"):
            # Python-Markdown reads a comment that opens a block as one piece up to its `-->`, blank lines and all
            # (an editor's way to hide a few paragraphs): none of it is shown, none of it is a message
            end = self.comment_end(start)
            if end is not None:
                i = end
        while i < len(self.lines) and not _blank(self.lines[i]):
            i += 1
        block = "".join(self.lines[start:i])
        shown = re.sub(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]*>", "", block, flags=re.DOTALL | re.IGNORECASE)
        if _is_translatable(shown):
            self.refused.append(Refusal(
                self.lineno(start), "text inside an HTML block cannot be translated: it would stay English on every page",
                "write the text in Markdown (a paragraph, a list, an admonition) outside the HTML, "
                "or use an inline tag inside a paragraph"))
        self.verbatim(block)
        return i

    def heading_part(self, original: str, level: int, content: str, line: int,
                     rebuild: Callable[[str, str], str]) -> None:
        """A heading message; its translation keeps the English anchor so that links keep working."""
        attrs = ""
        attr_match = HEADING_ATTRS.match(content)
        if attr_match and attr_match.group(2).strip().startswith("{"):
            content, attrs = attr_match.groups()
        explicit = re.search(r"#([\w-]+)", attrs) if attrs else None
        anchor = unique(explicit.group(1) if explicit else heading_anchor(content), self.ids)
        if not _is_translatable(content):
            self.verbatim(original)
            return
        kind = "FAQ question" if self.in_faq() and level >= 2 else "section heading"
        if level == 1:
            kind = "page heading"
        keep_anchor = attrs or (" { #" + anchor + " }")
        self.parts.append(Part(original, [Unit(as_message(content), kind, line)], lambda texts: rebuild(texts[0], keep_anchor)))

    def heading(self, i: int) -> None:
        line = self.lines[i]
        match = HEADING.match(line)
        assert match
        hashes, space, content = match.groups()
        newline = "\n" if line.endswith("\n") else ""
        self.heading_part(line, len(hashes), content, self.lineno(i),
                          lambda text, anchor: f"{hashes}{space}{text}{anchor}{newline}")

    def setext_heading(self, i: int) -> int:
        text_line, underline = self.lines[i], self.lines[i + 1]
        level = 1 if underline.lstrip().startswith("=") else 2
        self.heading_part(text_line + underline, level, text_line.strip(), self.lineno(i),
                          lambda text, anchor: f"{text}{anchor}\n{underline}")
        return i + 2

    def admonition(self, start: int) -> int:
        line = self.lines[start]
        match = ADMONITION.match(line)
        assert match
        marker, kinds, open_quote, title, close_quote = match.groups()
        newline = "\n" if line.endswith("\n") else ""
        if title and _is_translatable(title):
            def rebuild(texts: list[str]) -> str:
                return f'{marker}{kinds}{open_quote}{texts[0]}{close_quote}{newline}'

            self.parts.append(Part(line, [Unit(as_message(title), "admonition title", self.lineno(start))], rebuild))
        else:
            self.verbatim(line)
        self.admonition_body(start)
        return self.indented_body(start + 1)

    def admonition_body(self, start: int) -> None:
        """Python-Markdown reads an admonition's text only four spaces in: at the margin it is an empty box with
        the text below it, and eight spaces in it is code."""
        body = self.lines[start + 1:]
        if body and body[0].strip() and not body[0].startswith(("    ", "\t")):
            self.misread.append(Refusal(
                self.lineno(start), "the text of this admonition is not indented: it is shown as an empty box, "
                "with the text below it as a paragraph of its own",
                "indent every line of the admonition's text by four spaces under the `!!!` line"))
            return
        first = next((i for i, line in enumerate(body) if line.strip()), None)
        if first is not None and body[first].startswith(("        ", "\t\t", "    \t", "\t    ")):
            self.misread.append(Refusal(
                self.lineno(start + 1 + first), "the admonition's text is indented eight spaces or more: it is shown "
                "as code, in a monospaced box, and never translated",
                "indent the admonition's text by four spaces under the `!!!` line"))

    def indented_body(self, start: int) -> int:
        """The indented body of an admonition or list item (4 spaces or a tab), split on its own."""
        i = start
        body: list[str] = []
        while i < len(self.lines):
            line = self.lines[i]
            if line.strip() and not (line.startswith("    ") or line.startswith("\t")):
                break
            body.append(line)
            i += 1
        while body and not body[-1].strip():
            i -= 1
            body.pop()
        if body:
            # as Python-Markdown's own dedent: a line of Unicode spaces only (a no-break space) is blank in here
            dedented = [line[4:] if line.startswith("    ") else line[1:] if line.startswith("\t")
                        else line[len(line.rstrip("\r\n")):] if not line.strip() else line for line in body]
            self.nested(start, body, dedented, "    ", "")
        return i

    def blockquote(self, start: int) -> int:
        """A blockquote up to the next blank line (lazy lines included), split on its own inside."""
        i = start
        while i < len(self.lines) and not _blank(self.lines[i]):
            i += 1
        body = self.lines[start:i]
        dedented = [line[QUOTE.match(line).end():] if QUOTE.match(line) else line for line in body]  # type: ignore[union-attr]
        self.nested(start, body, dedented, "> ", ">", quoted=True)
        return i

    def nested(self, start: int, body: list[str], dedented: list[str], prefix: str, blank_prefix: str,
               quoted: bool = False) -> None:
        """Split a container's content; untranslated, its lines stay byte for byte as they were."""
        if self.depth >= MAX_NESTING:
            if not any(found.message.startswith(TOO_DEEP) for found in self.misread):
                self.misread.append(Refusal(self.lineno(start), f"{TOO_DEEP} more than {MAX_NESTING} levels deep",
                                            "a lesson nests a few levels at most: take the text out of the quotes, "
                                            "lists or admonitions it is inside (`>` and indentation)"))
            for line in body:
                self.verbatim(line)
            return
        inner = _Splitter(dedented, self.lineno(start))
        inner.depth = self.depth + 1
        inner.blocks = list(self.blocks)
        inner.ids = self.ids
        inner.quoted = self.quoted or quoted
        inner.inner = True
        inner.refused = self.refused
        inner.misread = self.misread
        position = 0
        for part in inner.run():
            count = len(lines_of(part.original))
            original = "".join(body[position:position + count])
            position += count
            self.parts.append(_prefixed(part, original, prefix, blank_prefix))

    def abbreviation(self, i: int) -> None:
        line = self.lines[i]
        match = ABBREVIATION.match(line.rstrip("\n"))
        assert match
        prefix, text = match.groups()
        newline = "\n" if line.endswith("\n") else ""
        self.parts.append(
            Part(line, [Unit(as_message(text), "abbreviation", self.lineno(i))], lambda t: f"{prefix}{t[0]}{newline}")
        )

    def starts_table(self, i: int) -> bool:
        """A pipe table, with or without the outer pipes: a row, then a delimiter row."""
        return (i + 1 < len(self.lines) and "|" in self.lines[i] and "|" in self.lines[i + 1]
                and bool(TABLE_DELIMITER.match(self.lines[i + 1].strip())))

    def table(self, start: int) -> int:
        i = start
        columns = _cell_count(self.lines[start])
        while i < len(self.lines) and not _blank(self.lines[i]):
            line = self.lines[i]
            if i == start + 1:
                self.verbatim(line)
            else:
                self.table_row(i, header=i == start)
                cells = _cell_count(line)
                if i > start + 1 and "|" not in line and not BLOCK_FENCE.match(line.strip()):
                    self.misread.append(Refusal(
                        self.lineno(i), "this line has no `|` and no empty line above it: Markdown reads it as a row "
                        "of the table above, its words squeezed into the first cell",
                        "leave an empty line between the table and the text below it; or, if it is a row, "
                        f"give it {columns} cells, each between `|` signs"))
                elif i > start + 1 and cells != columns and "|" in line and not BLOCK_FENCE.match(line.strip()):
                    self.misread.append(Refusal(
                        self.lineno(i), f"this row has {cells} cell{'s' * (cells != 1)}, the table's header has "
                        f"{columns}: " + ("the cells it lacks are shown empty" if cells < columns else
                                          f"the cell{'s' * (cells - columns != 1)} past the header's are never shown"),
                        f"give every row {columns} cells, each between `|` signs (an empty cell is `|  |`); "
                        "a `|` inside a cell is written `\\|`"))
            i += 1
        return i

    def table_row(self, i: int, header: bool) -> None:
        line = self.lines[i]
        newline = "\n" if line.endswith("\n") else ""
        cells = _split_cells(line.strip())
        units = [
            Unit(as_message(cell), "table header" if header else "table cell", self.lineno(i))
            for cell in cells
            if _is_translatable(cell)
        ]
        if not units:
            self.verbatim(line)
            return

        def rebuild(texts: list[str]) -> str:
            out = iter(texts)
            row = [next(out) if _is_translatable(cell) else cell for cell in cells]
            return "| " + " | ".join(row) + " |" + newline

        self.parts.append(Part(line, units, rebuild))

    def list_item(self, start: int) -> int:
        line = self.lines[start]
        indent = line[: len(line) - len(line.lstrip())]
        match = LIST_ITEM.match(line.lstrip().rstrip("\n"))
        assert match
        marker, space, task, text = match.groups()
        task = task or ""
        i = start + 1
        while i < len(self.lines):
            nxt = self.lines[i]
            if (_blank(nxt) or LIST_ITEM.match(nxt.lstrip()) or nxt.startswith("    ") or nxt.startswith("\t")
                    or self.starts_block(nxt)):
                break
            i += 1
        content = _joined([text, *self.lines[start + 1:i]])
        original = "".join(self.lines[start:i])
        newline = "\n" if original.endswith("\n") else ""
        if _is_translatable(content):
            kind = "definition" if marker == ":" else "list item"
            self.parts.append(
                Part(
                    original,
                    [Unit(content, kind, self.lineno(start))],
                    lambda t: f"{indent}{marker}{space}{task}{t[0]}{newline}",
                )
            )
        else:
            self.verbatim(original)
        # a continuation paragraph or a nested list, indented under the item
        j = i
        while j < len(self.lines) and _blank(self.lines[j]):
            j += 1
        if j < len(self.lines) and (self.lines[j].startswith("    ") or self.lines[j].startswith("\t")):
            self.verbatim("".join(self.lines[i:j]))
            return self.indented_body(j)
        return i

    def starts_block(self, line: str) -> bool:
        stripped = line.strip()
        return bool(
            FENCE.match(line)
            or BLOCK_FENCE.match(stripped)
            or HEADING.match(line)
            or ADMONITION.match(line)
            or ABBREVIATION.match(line)
            or _is_block_html(line)
            or RULE.match(line)
            or QUOTE.match(line)
            or stripped.startswith("|")
        )

    def paragraph(self, start: int) -> int:
        i = start
        while i < len(self.lines):
            line = self.lines[i]
            if _blank(line) or (i > start and (self.starts_block(line) or LIST_ITEM.match(line.lstrip()))):
                item = LIST_ITEM.match(line.lstrip())
                if not _blank(line) and i > start and item and item.group(1) != ":" and not self.starts_block(line):
                    self.misread.append(Refusal(
                        self.lineno(i), "this list has no empty line above it: Markdown prints it as part of the "
                        f"paragraph above, its `{item.group(1)}` marks and all",
                        "leave an empty line between the paragraph and the list"))
                break
            if i + 1 < len(self.lines) and SETEXT.match(self.lines[i + 1]):
                # Python-Markdown makes the line above the underline a heading, and the lines before it a paragraph
                if i > start:
                    self.paragraph_part(start, i)
                return self.setext_heading(i)
            i += 1
        self.paragraph_part(start, i)
        return i

    def paragraph_part(self, start: int, end: int) -> None:
        original = "".join(self.lines[start:end])
        content = _joined(self.lines[start:end])
        newline = "\n" if original.endswith("\n") else ""
        if not _is_translatable(content):
            self.verbatim(original)
            return
        kind = "FAQ answer" if self.in_faq() else ("quotation" if self.quoted else "paragraph")
        if end < len(self.lines) and self.lines[end].startswith(":") and LIST_ITEM.match(self.lines[end]):
            kind = "defined term"
        self.parts.append(Part(original, [Unit(content, kind, self.lineno(start))], lambda t: f"{t[0]}{newline}"))


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def lines_of(text: str) -> list[str]:
    """The text's lines as Markdown reads them, each with its line end: `str.splitlines` also ends a line at a
    line or paragraph separator (U+2028, U+2029) or U+0085, which a text pasted from a word processor holds and
    Markdown keeps inside its line."""
    return _LINE.findall(text)


_SEPARATOR = re.compile(r"[ \t]*[\x85\u2028\u2029][ \t\x85\u2028\u2029]*")


def as_message(text: str) -> str:
    """A block's text as a message: a pasted line separator (which a browser shows as a space) is a space, as a line
    break inside a paragraph is, so that a translation stays attached to the text the reader sees."""
    if not _SEPARATOR.search(text):
        return text
    return " ".join(piece for piece in _SEPARATOR.split(text) if piece)


def _joined(lines: list[str]) -> str:
    """The lines of one block as one message; a hard line break (two trailing spaces) stays a line break. A line
    of Unicode spaces only (a no-break space), which Markdown keeps inside the block, adds nothing to it."""
    text, hard = "", False
    for line in lines:
        piece = line.strip()
        if piece:
            text += (HARD_BREAK if hard else " ") if text else ""
            text += piece
        hard = hard and not piece or line.rstrip("\r\n").endswith("  ")
    return as_message(text)


def _prefixed(part: Part, original: str, prefix: str, blank_prefix: str) -> Part:
    """A part split out of a container, with the container's original lines and its prefix on rebuilt ones."""
    if not part.units:
        return Part(original)
    inner = part.rebuild
    assert inner is not None
    return Part(
        original,
        part.units,
        lambda texts: "".join(
            (prefix + line if line.strip() else blank_prefix + line) for line in lines_of(inner(texts))
        ),
    )


def _cell_count(row: str) -> int:
    """How many cells Python-Markdown's tables reads in a row: a `|` in code or escaped divides none."""
    return len(_split_cells(re.sub(r"(`+).+?\1", "code", row.strip())))


def _split_cells(row: str) -> list[str]:
    """Cells of a pipe-table row; a backslash-escaped pipe stays in its cell."""
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row)]


@lru_cache(maxsize=8192)
def _split(text: str, first_line: int) -> tuple[tuple[Part, ...], tuple[Refusal, ...], tuple[Refusal, ...]]:
    splitter = _Splitter(lines_of(text), first_line)
    return tuple(splitter.run()), tuple(splitter.refused), tuple(splitter.misread)


def misreadings(text: str, first_line: int = 1) -> list[Refusal]:
    """What in this Markdown is rendered otherwise than it looks: a list run into the paragraph above it, a table
    row with more or fewer cells than its header, an admonition's text not indented, or indented as code."""
    return list(_split(text, first_line)[2])


def refusals(text: str, first_line: int = 1) -> list[Refusal]:
    """What in this Markdown a reader sees but no message holds (so it could never be translated)."""
    return list(_split(text, first_line)[1])


def split(text: str, first_line: int = 1) -> list[Part]:
    """Split Markdown into parts; ``first_line`` is the file line of the text's first line.

    Parts are immutable in use (joining never changes them), so a page split once
    serves every language.
    """
    return list(_split(text, first_line)[0])


def units(parts: Iterable[Part]) -> list[Unit]:
    return [unit for part in parts for unit in part.units]


def join(parts: Iterable[Part], translate: Translate) -> str:
    return "".join(part.join(translate) for part in parts)
