"""Typing slips in a page's Markdown that render without a word, found in one pass over its lines.

Markdown never refuses anything: a code fence or an HTML comment never closed shows
the rest of its block as text, a table without its `| --- |` row is a paragraph of
pipes, `!!! warnng` is a box of no known kind, `[the guide](htps://...)` leads
nowhere, `![x](lesson.md)` is a broken image, `[^1]` with no footnotes is shown as
typed, a heading that skips a level breaks the contents a screen reader announces,
and `<b>` never closed makes the rest of the page bold. Each is a problem at its line
in the English source, with a hint; a translation's markup equals its English's, so
the English is the one place to say it. Fenced code and HTML comments are never read
as Markdown, so nothing in them is a slip.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from .errors import Problem, source_lines
from .segment import TABLE_DELIMITER, _cell_count, _is_block_html

# Material's admonition types and their aliases (https://squidfunk.github.io/mkdocs-material/reference/admonitions/)
ADMONITION_TYPES = (
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check", "done",
    "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing", "danger", "error",
    "bug", "example", "quote", "cite",
)
ADMONITION_MODIFIERS = ("inline", "end")  # `!!! tip inline end "Title"`: placed beside the text
ADMONITION = re.compile(r"^[ \t]*(!!!|\?\?\?\+?)[ \t]*(.*?)[ \t]*$")
ADMONITION_REST = re.compile(r'^([\w-]+(?: +[\w-]+)*)(?: +"(.*?)")? *$')  # as Python-Markdown reads it
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")
INLINE_CODE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
BLOCK_FENCE = re.compile(r"^///(?:[ \t]+([\w-]+))?")
BLOCK_TYPE_OPTION = re.compile(r"^[ \t]+type:[ \t]*[\"']?([\w-]+)")  # `/// admonition | Title` + `    type: tip`
HEADING = re.compile(r"^(#{1,6})(?!#)[ \t]*(.*?)[ \t#]*$")
SETEXT_UNDERLINE = re.compile(r"^(=+|-+)[ \t]*$")  # as Python-Markdown reads it: `-` or `=` alone, no spaces between
LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
# `[text](target "title")` and `![alt](target)`: the target is what Python-Markdown's inline links read
INLINE_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))*)"
                         r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)")
REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[([^\]^][^\]]*)\]:[ \t]*<?([^\s>]+)>?")
FOOTNOTE_DEFINITION = re.compile(r"^[ ]{0,3}\[\^([^\]\s]+)\]:")
FOOTNOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
ABBREVIATION = re.compile(r"^\*\[([^\]]+)\][ ]?:[ \t]*(.*?)[ \t]*$")
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*?(/?)>")
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                 "track", "wbr"}
# Tags the browser carries on into the paragraphs after an unclosed one (HTML's "formatting elements")
FORMATTING = {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"}
SCHEMES = ("https", "http", "mailto", "tel")
SCRIPT_SCHEMES = ("javascript", "vbscript", "data")
FAQ_LEVEL = 3  # `### A question?` (AUTHORING.md)
DOMAIN_LIKE = re.compile(r"^(?:www\.[\w-]+|(?:[\w-]+\.)+(?:com|org|net|io|gov|edu|info|biz))(?:[/?#:]|$)", re.I)


@dataclass
class Lint:
    """What one pass over a page found: its problems, and its abbreviations (abbr, line, meaning)."""

    problems: list[Problem] = field(default_factory=list)
    abbreviations: list[tuple[str, int, str]] = field(default_factory=list)
    # shown as meant, only out of order: `check` and `--strict` refuse them, a plain build publishes (a skipped
    # heading level reads right on the page; its outline is what suffers)
    warnings: list[Problem] = field(default_factory=list)


def lint(body: str, first_line: int, shown: str, footnotes: bool | None = None) -> Lint:
    """The slips in a page's body (`first_line` is the file line of its first line). `footnotes` says whether
    the site reads footnotes (None: not known, and footnotes are not checked)."""
    return _Pass(shown, footnotes).run(source_lines(body), first_line)


class _Pass:
    def __init__(self, shown: str, footnotes: bool | None):
        self.shown = shown
        self.footnotes = footnotes
        self.found = Lint()
        self.code: tuple[str, int] | None = None  # the open fence and its line
        self.comment: int | None = None  # the line of an HTML comment not yet closed
        self.table = False
        self.after_text = False  # the line above is a paragraph's or a list item's text
        self.in_list = False  # the paragraph is a list item's (a `---` under it is no heading's underline)
        self.blocks: list[str] = []  # the names of the open `///` blocks
        self.level, self.level_line = 1, 0  # the last heading outside an FAQ block (the title's, to begin with)
        self.tags: list[tuple[str, int]] = []  # inline tags open in the current paragraph
        self.html_block = False  # the current paragraph is raw HTML: its tags are its own business
        self.footnote_refs: dict[str, int] = {}
        self.footnote_defs: dict[str, int] = {}
        self.meanings: dict[str, tuple[int, str]] = {}

    def problem(self, line: int, message: str, hint: str) -> None:
        self.found.problems.append(Problem(self.shown, line, message, hint))

    def run(self, lines: list[str], first_line: int) -> Lint:
        for index, line in enumerate(lines):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            self.line(line, first_line + index, following)
        self.end_paragraph()
        if self.code:
            marker, line = self.code
            self.problem(line, f"the code block opened here with {marker} is never closed: Markdown shows the "
                         f"{marker} and the code below it as an ordinary paragraph",
                         f"add a line with {marker} where the code ends")
        if self.comment:
            self.problem(self.comment, "the HTML comment opened here is never closed: Markdown shows `<!--` and "
                         "the words after it as text", "end the comment with `-->`, on its line or a later one")
        self.end_footnotes()
        return self.found

    def line(self, line: str, number: int, following: str) -> None:
        if self.comment:
            if "-->" in line:
                self.comment = None
            return
        if self.code:
            marker = self.code[0]
            stripped = line.strip()
            if stripped.startswith(marker) and not stripped.strip(marker[0]):
                self.code = None
            return
        fence = FENCE.match(line)
        if fence and not (fence.group(1)[0] == "`" and "`" in fence.group(2)):
            self.end_paragraph()
            self.code = (fence.group(1), number)
            self.table = self.after_text = False
            return
        visible = INLINE_CODE.sub(lambda m: " " * len(m.group()), line)
        visible = re.sub(r"<!--.*?-->", lambda m: " " * len(m.group()), visible)
        if "<!--" in visible:
            self.comment = number
            visible = visible[:visible.index("<!--")]
        stripped = visible.strip()
        if not stripped:
            if not self.comment:
                self.end_paragraph()
                self.table = self.after_text = self.in_list = False
            return
        underline = SETEXT_UNDERLINE.match(stripped)
        if underline and self.after_text and not self.in_list:
            self.setext(underline.group(1), number)
            self.end_paragraph()
            self.after_text = False
            return
        self.links(visible, number)
        self.footnote_marks(visible, number)
        block = BLOCK_FENCE.match(stripped)
        heading = HEADING.match(visible)
        admonition = ADMONITION.match(visible)
        if block or heading or admonition or LIST_ITEM.match(visible):
            self.end_paragraph()
        if LIST_ITEM.match(visible):
            self.in_list = True
        elif block or heading or admonition:
            self.in_list = False
        if block:
            self.block_fence(block.group(1))
            option = BLOCK_TYPE_OPTION.match(following)
            if block.group(1) == "admonition" and option:
                self.admonition_type(option.group(1), number + 1, f"type: {option.group(1)}")
        elif heading:
            self.heading(len(heading.group(1)), heading.group(2), number)
        elif admonition:
            self.admonition(admonition.group(1), admonition.group(2), number)
        elif stripped.startswith("|") and _cell_count(stripped) >= 2:
            self.table_row(stripped, number, following)
        elif (abbreviation := ABBREVIATION.match(stripped)) is not None:
            self.abbreviation(abbreviation.group(1), abbreviation.group(2), number)
        self.after_text = not (block or heading or admonition or self.table)
        if not (block or admonition):
            self.inline_tags(visible, number)

    # -- blocks -------------------------------------------------------------

    def block_fence(self, name: str | None) -> None:
        if name:
            self.blocks.append(name)
        elif self.blocks:
            self.blocks.pop()

    def heading(self, level: int, words: str, number: int) -> None:
        marks = "#" * level
        if self.blocks and self.blocks[-1] == "faq":
            if level != FAQ_LEVEL:
                expected = "#" * FAQ_LEVEL
                self.problem(number, f"this FAQ question is a `{marks}` heading: an FAQ block's questions are "
                             f"`{expected}` headings, under the page's `##` section that holds the block, and the "
                             "contents and screen readers place each question by its level",
                             f"write it as `{expected} {words}`")
            return
        if level > self.level + 1:
            expected = "#" * (self.level + 1)
            after = (f"after the `{'#' * self.level}` heading on line {self.level_line}" if self.level_line
                     else "under the page's title")
            self.found.warnings.append(Problem(
                self.shown, number, f"a `{marks}` heading {after}: it skips a level, so the contents and screen "
                "readers present it as a section of a section that is not there",
                f"write it as `{expected} {words}`, or add the `{expected}` section it belongs to above it"))
        self.level, self.level_line = level, number

    def setext(self, underline: str, number: int) -> None:
        level, mark = (1, "#") if underline[0] == "=" else (2, "##")
        made = "the page's title heading" if level == 1 else "a section heading"
        self.problem(number, f"this `{underline}` line straight under a paragraph makes the paragraph {made} "
                     f"(`{mark}`), not a line across the page",
                     "for a line across the page, leave an empty line above it; for a heading, write it as "
                     f"`{mark} The words` and delete this line")

    def admonition(self, marker: str, rest: str, number: int) -> None:
        read = ADMONITION_REST.match(rest)
        kind = (rest.split() or [""])[0]
        if kind and not self.admonition_type(kind, number, kind):
            return
        if not kind:
            self.problem(number, f"`{marker}` with no admonition type: Markdown shows the line as text",
                         'write a type and a title in quotes, e.g. `!!! tip "Remember"`')
        elif read is None or (read.group(2) is None and any(word not in ADMONITION_MODIFIERS
                                                            for word in read.group(1).split()[1:])):
            title = rest[len(kind):].strip().strip('"')
            self.problem(number, "the admonition's title is not in quotes: Markdown "
                         + ("shows the line as text" if read is None else "reads its words as style names, and "
                            f"the box is titled {kind.capitalize()!r}"),
                         f'put the title in double quotes: `{marker} {kind} "{title}"`')

    def admonition_type(self, kind: str, number: int, written: str) -> bool:
        """Whether an admonition's type is one of Material's (read in lower case, as Markdown reads it)."""
        if kind.lower() in ADMONITION_TYPES:
            return True
        close = difflib.get_close_matches(kind.lower(), ADMONITION_TYPES, n=1, cutoff=0.6)
        guess = f"did you mean `{written.replace(kind, close[0])}`? " if close else ""
        self.problem(number, f"the admonition type `{kind}` is not one of Material's: the box is shown with "
                     "no colour or icon of its own", f"{guess}the types are: {', '.join(ADMONITION_TYPES)}")
        return False

    def table_row(self, row: str, number: int, following: str) -> None:
        if self.table:
            return
        self.table = True
        if self.after_text:
            self.problem(number, "this table has no empty line above it: Markdown shows it as part of the "
                         "paragraph or list item above, pipes and all", "leave an empty line above the table")
        elif not TABLE_DELIMITER.match(following.strip()) and not TABLE_DELIMITER.match(row):
            columns = _cell_count(row)
            self.problem(number, "this table has no separator row below its first row: Markdown shows the rows as "
                         "one paragraph, pipes and all",
                         "add a line such as `" + "| " + " | ".join(["---"] * columns) + " |` (one `---` a column) "
                         "below the table's first row, its header")

    def abbreviation(self, abbr: str, meaning: str, number: int) -> None:
        self.found.abbreviations.append((abbr, number, meaning))
        if abbr in self.meanings and self.meanings[abbr][1] != meaning:
            first, said = self.meanings[abbr]
            self.problem(number, f"{abbr} is defined again on this page, differently (as {said!r} on line {first}): "
                         "only this last meaning is shown", f"keep one `*[{abbr}]:` line")
        self.meanings.setdefault(abbr, (number, meaning))

    # -- inline -------------------------------------------------------------

    def links(self, visible: str, number: int) -> None:
        definition = REFERENCE_DEFINITION.match(visible)
        if definition:
            self.target(definition.group(2), definition.group(1), False, number)
        for found in INLINE_LINK.finditer(visible):
            target = found.group(3).strip()
            if target.startswith("<") and target.endswith(">"):
                target = target[1:-1].strip()
            self.target(target, found.group(2), bool(found.group(1)), number)

    def target(self, target: str, words: str, image: bool, number: int) -> None:
        path = re.split(r"[?#]", target, maxsplit=1)[0]
        scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):(.*)", target)
        if image and path.lower().endswith(".md") and not scheme:
            self.problem(number, f"the image {target} is a page, not a picture: the trainee sees a broken image",
                         f"to link to the page, drop the `!`: `[{words or 'the page'}]({target})`; to show a picture, "
                         "give its file, e.g. `../assets/diagrams/customer-journey.svg`")
            return
        if not image and not target and not words.strip():
            self.problem(number, "a link with no words and no address (`[]()`): an empty link a screen reader "
                         "stops at", "delete it, or write `[the words](other-lesson.md)`")
            return
        if not image and target and not words.strip():
            self.problem(number, f"the link to {target} has no words: there is nothing to click, and a screen "
                         "reader reads out its address", f"write what it leads to between the brackets: "
                         f"`[the guide]({target})`")
        link = "image" if image else "link"
        if scheme:
            name, rest = scheme.group(1).lower(), scheme.group(2)
            if name in ("http", "https"):
                if not rest.startswith("//"):
                    self.problem(number, f"the {link} {target} lacks the `//` after `{name}:`: browsers do not "
                                 "open it as the address it looks like", f"write `{name}://{rest.lstrip('/')}`")
            elif name == "mailto":
                if "@" not in rest:
                    self.problem(number, f"the {link} {target} has no address: it opens an empty email, or nothing",
                                 "write the address after `mailto:`, e.g. `mailto:support@example.com`")
            elif name == "tel":
                if not re.search(r"\d", rest):
                    self.problem(number, f"the {link} {target} has no number", "write the number after `tel:`, "
                                 "e.g. `tel:+15550100`")
            elif name in SCRIPT_SCHEMES:
                self.problem(number, f"the {link} {target} never runs: every page's Content-Security-Policy "
                             f"blocks `{name}:` addresses", "remove the link; a lesson links to its pages and other "
                             "sites only")
            elif len(name) > 1:
                close = difflib.get_close_matches(name, SCHEMES, n=1, cutoff=0.6)
                fixed = f"did you mean `{close[0]}:`, as in `{close[0]}:{rest}`? " if close else ""
                self.problem(number, f"the {link} {target} starts with `{name}:`, which no browser opens",
                             f"{fixed}a link leads to a page of the academy (`other-lesson.md`) or to a site "
                             "(`https://...`)")
            return
        missing_colon = re.match(r"(https?|mailto|tel)//?(.*)", target, re.I)
        if missing_colon:
            self.problem(number, f"the {link} {target} has no `:` after `{missing_colon.group(1)}`: it is read as a "
                         "file of this site, and leads to a page that is not there",
                         f"write `{missing_colon.group(1).lower()}://{missing_colon.group(2).lstrip('/')}`")
        elif DOMAIN_LIKE.match(target):
            self.problem(number, f"the {link} {target} has no `https://`: it is read as a file of this site, and "
                         "leads to a page that is not there", f"write `https://{target}`")

    def footnote_marks(self, visible: str, number: int) -> None:
        definition = FOOTNOTE_DEFINITION.match(visible)
        if definition:
            self.footnote_defs.setdefault(definition.group(1), number)
            visible = visible[definition.end():]
        for found in FOOTNOTE_REFERENCE.finditer(visible):
            self.footnote_refs.setdefault(found.group(1), number)

    def end_footnotes(self) -> None:
        if self.footnotes is None:
            return
        if not self.footnotes:
            marks = sorted([(line, label) for label, line in {**self.footnote_defs, **self.footnote_refs}.items()])
            if marks:
                line, label = marks[0]
                self.problem(line, f"the footnote [^{label}] is shown as typed: footnotes are not enabled in "
                             "mkdocs.yml", "add `- footnotes` under `markdown_extensions:` in mkdocs.yml, or write "
                             "the note in the text")
            return
        for label, line in self.footnote_refs.items():
            if label not in self.footnote_defs:
                self.problem(line, f"the footnote [^{label}] has no definition: it is shown as typed",
                             f"write the note on a line of its own below the paragraph: `[^{label}]: The note.`")
        for label, line in self.footnote_defs.items():
            if label not in self.footnote_refs:
                self.problem(line, f"the footnote [^{label}] is defined here and never referenced: its note "
                             "is listed at the foot of the page with nothing pointing to it",
                             f"put `[^{label}]` in the text where the note belongs, or delete this line")

    def inline_tags(self, visible: str, number: int) -> None:
        if not self.tags and not self.html_block and _is_block_html(visible):
            self.html_block = True
        if self.html_block:
            return
        for found in TAG.finditer(visible):
            closing, name, self_closing = found.group(1), found.group(2).lower(), found.group(3)
            if name in VOID_ELEMENTS or self_closing:
                continue
            if not closing:
                self.tags.append((name, number))
            elif any(open_name == name for open_name, _ in self.tags):
                while self.tags:
                    open_name, line = self.tags.pop()
                    if open_name == name:
                        break
                    self.unclosed(open_name, line)

    def end_paragraph(self) -> None:
        for name, line in self.tags:
            self.unclosed(name, line)
        self.tags = []
        self.html_block = False

    def unclosed(self, name: str, line: int) -> None:
        spread = "the rest of the page" if name in FORMATTING else "the rest of its paragraph"
        self.problem(line, f"the <{name}> tag is never closed: {spread} takes its style",
                     f"close it where it should end: `<{name}>...</{name}>`")


def shared_conflicts(page: list[tuple[str, int, str]], shared: dict[str, str], shared_shown: str,
                     shown: str) -> list[Problem]:
    """A page's abbreviation that means something else in the shared abbreviations file: the shared one is
    added after the page, so the page's own meaning is never shown."""
    return [Problem(shown, line, f"{abbr} means {shared[abbr]!r} in {shared_shown}, and {meaning!r} here: "
                    "every page is shown the shared meaning",
                    f"delete this line, or change `*[{abbr}]:` in {shared_shown} for every page")
            for abbr, line, meaning in page if abbr in shared and shared[abbr] != meaning]


def reads_footnotes(extensions: list) -> bool:
    """Whether Markdown extensions (`markdown_extensions` of mkdocs.yml, as loaded) read footnotes."""
    names = [e if isinstance(e, str) else type(e).__module__ for e in extensions]
    return any(name.rsplit(".", 1)[-1] == "footnotes" for name in names)
