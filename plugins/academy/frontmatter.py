"""Front matter: the YAML between the two `---` lines at the top of a page."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from .errors import ContentError, Problem, source_lines
from .plaintext import CONTROL_HINT, control_problem
from .yaml_words import explain, file_line

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
BOM = "\ufeff"  # some Windows editors start UTF-8 files with it
DESCRIPTION_LIMIT = 160  # search engines cut snippets at about this length
DESCRIPTION_TOO_LONG = "search engines cut it off after about 160 characters"


def description_overlong(description: str) -> str | None:
    """What is wrong with a description's length (English or translated), or None."""
    length = len(description.strip())
    if length <= DESCRIPTION_LIMIT:
        return None
    return f"`description` is {length} characters long, more than {DESCRIPTION_LIMIT}"


@dataclass
class Document:
    meta: dict[str, Any] = field(default_factory=dict)
    header: str = ""  # the front matter block, verbatim, fences included
    body: str = ""
    body_line: int = 1  # file line of the body's first line


@lru_cache(maxsize=8192)
def _load(text: str):
    """YAML read by libyaml where PyYAML has it (the same values); errors are PyYAML's own words."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)  # noqa: S506 (a safe loader)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def parse(text: str, path: str) -> Document:
    """The page split into front matter and body.

    A byte-order mark before the front matter is dropped, so the page reads as
    its editor sees it, not with its front matter published as text.
    """
    text = text.removeprefix(BOM)
    match = FRONT_MATTER.match(text)
    if not match:
        return Document({}, "", text, 1)
    header = match.group(0)
    try:
        meta = _load(match.group(1) or "") or {}
    except yaml.YAMLError as error:
        line, problem, hint = explain(error, match.group(1) or "")
        raise FrontMatterError(
            Problem(path, line + 1, f"front matter is not valid YAML: {problem}",  # below the opening `---`
                    f"{hint}; front matter is `key: value` lines between two `---` lines")
        ) from None
    except (ValueError, OverflowError, RecursionError):  # a value YAML cannot make (a 5,000-digit number, say)
        line, value = _unreadable_value(match.group(1) or "")
        raise FrontMatterError(
            Problem(path, line + 1, f"front matter value {value} cannot be read" if value else
                    "front matter is nested too deeply to be read",
                    "put text in quotes (`title: \"...\"`); front matter is `key: value` lines between two `---` lines")
        ) from None
    if not isinstance(meta, dict):
        raise FrontMatterError(Problem(path, 2, "front matter must be `key: value` lines",
                                       "write e.g. `title: My lesson` between the `---` lines"))
    return Document(meta, header, text[match.end():], header.count("\n") + 1)


def _unreadable_value(text: str) -> tuple[int, str]:
    """(line in `text`, the value shortened) of the first plain value YAML cannot make; (1, "") if none is found."""
    loader = yaml.SafeLoader(text)
    try:
        stack = [loader.get_single_node()]
        while stack:
            node = stack.pop()
            if isinstance(node, yaml.ScalarNode):
                try:
                    loader.construct_object(node)
                except (ValueError, OverflowError, yaml.YAMLError):
                    shown = node.value if len(node.value) <= 40 else f"{node.value[:20]}…{node.value[-10:]}"
                    return node.start_mark.line + 1, f"`{shown}` ({len(node.value):,} characters)" \
                        if len(node.value) > 40 else f"`{shown}`"
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(reversed(node.value))
            elif isinstance(node, yaml.MappingNode):
                stack.extend(part for pair in reversed(node.value) for part in reversed(pair))
    except (yaml.YAMLError, RecursionError):
        pass
    finally:
        loader.dispose()
    return 1, ""


def line_of_key(doc: Document, key: str) -> int:
    for number, line in enumerate(doc.header.split("\n"), start=1):  # not splitlines: a U+2028 ends no line
        if re.match(rf"{re.escape(key)}\s*:", line):
            return number
    return 1


def replace_values(header: str, values: dict[str, str]) -> str:
    """The front matter with some one-line values replaced, everything else as it was."""
    lines = re.findall(r"[^\n]*\n|[^\n]+\Z", header)  # not splitlines: a U+2028 inside a value ends no line
    for key, value in values.items():
        for index, line in enumerate(lines):
            if re.match(rf"{re.escape(key)}\s*:", line):
                # JSON strings are YAML double-quoted scalars
                lines[index] = f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
                # drop folded continuation lines of the old value
                follow = index + 1
                while follow < len(lines) - 1 and lines[follow].startswith((" ", "\t")):
                    lines[follow] = ""
                    follow += 1
                break
    return "".join(lines)


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "`key: value` lines"
    if value is None or (isinstance(value, str) and not value.strip()):
        return "empty"
    return f"{type(value).__name__} {value}"


def check_page(text: str, path: str) -> Document:
    """The page's front matter, read and checked: a text title, and a text description of 160 characters at most.

    Raises FrontMatterError with every problem of the page, each at its line.
    """
    doc = parse(text, path)
    problems = _shape_problems(text, doc, path)
    if problems and not doc.header:
        raise FrontMatterError(problems)  # never closed: what it lacks follows from that
    title = doc.meta.get("title")
    if "title" not in doc.meta:
        heading = _first_heading(doc)
        problems.append(Problem(path, 1, "the page has no `title` in its front matter",
                                f"add `title: {heading or 'My lesson'}`"
                                f"{' (its `# ` heading)' if heading else ''} between the `---` lines: the home page, "
                                "its course and the progress page list the page by it, and translators translate it "
                                "(without it they show a name made from the file name, in English in every language)"))
    elif not isinstance(title, str) or not title.strip():
        problems.append(Problem(path, line_of_key(doc, "title"), f"`title` must be text, not {_shown(title)}",
                                "write e.g. `title: Moments of truth`; put it in quotes if it starts with [ or { or is a number"))
    description = doc.meta.get("description")
    if "description" not in doc.meta:
        problems.append(Problem(path, 1, "the page has no `description` in its front matter",
                                f"add `description: ...`, one sentence of {DESCRIPTION_LIMIT} characters at most; "
                                "search engines and link previews show it"))
    elif not isinstance(description, str) or not description.strip():
        problems.append(Problem(path, line_of_key(doc, "description"), f"`description` must be text, not {_shown(description)}",
                                f"write one sentence of {DESCRIPTION_LIMIT} characters at most"))
    elif description_overlong(description):
        problems.append(Problem(path, line_of_key(doc, "description"), description_overlong(description),
                                f"shorten it: {DESCRIPTION_TOO_LONG}"))
    problems.extend(_material_problems(doc, path))
    for key, value in doc.meta.items():
        hidden = control_problem(value) if isinstance(value, str) else None
        if hidden:
            problems.append(Problem(path, line_of_key(doc, str(key)), f"{hidden} in `{key}`", CONTROL_HINT))
    if problems:
        raise FrontMatterError(problems)
    return doc


def _first_heading(doc: Document) -> str:
    """The words of the page's `# ` heading, or empty."""
    for line in source_lines(doc.body):
        found = re.match(r"#[ \t]+(.*?)[ \t#]*$", line)
        words = re.sub(r"[ \t]*\{[^}]*\}$", "", found.group(1)) if found else ""  # `{ #anchor }` aside
        if words:
            return words
    return ""


# Texts printed as plain text wherever they are shown (plaintext.py): Markdown or HTML in them is shown as typed.
PLAIN_KEYS = ("title", "description")
MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--|\*\*\S(?:.*?\S)?\*\*|__\S(?:.*?\S)?__"
                    r"|(?<![\w*])\*[^\s*](?:[^*]*[^\s*])?\*(?![\w*])|(?<![\w_])_[^\s_](?:[^_]*[^\s_])?_(?![\w_])"
                    r"|`[^`]+`|!?\[[^\]]+\]\([^)]*\)|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")

# What a page's front matter may say: ours, the engine's (`template`) and Material's.
KNOWN_KEYS = ("title", "description", "template", "hide", "icon", "status", "subtitle", "search", "tags")


def _written(value: Any) -> str:
    """A value as the editor wrote it, for a message."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) and value.strip() else _shown(value)


HIDDEN_PARTS = ("navigation", "toc", "footer", "path", "tags", "feedback")  # what Material's `hide:` can hide


def _material_problems(doc: Document, path: str) -> list[Problem]:
    """Material's keys with a value it cannot use: nothing says so, the page just shows something else."""
    problems = []

    def problem(key: str, message: str, hint: str) -> None:
        problems.append(Problem(path, line_of_key(doc, key), message, hint))

    if "hide" in doc.meta:
        hide = doc.meta["hide"]
        parts = [hide] if isinstance(hide, str) else hide if isinstance(hide, list) else None
        if parts is None:
            problem("hide", f"`hide` must list what to hide, not {_written(hide)}", f"e.g. `hide: [toc]`; it can hide: {', '.join(HIDDEN_PARTS)}")
        for part in parts or ():
            if part not in HIDDEN_PARTS:
                close = difflib.get_close_matches(str(part), HIDDEN_PARTS, n=1)
                guess = f"did you mean `{close[0]}`? " if close else ""
                problem("hide", f"`hide` lists {str(part)!r}, which is no part of the page: nothing would be hidden",
                        f"{guess}it can hide: {', '.join(HIDDEN_PARTS)}")
    for key in ("subtitle", "status"):
        if key in doc.meta and (not isinstance(doc.meta[key], str) or not doc.meta[key].strip()):
            problem(key, f"`{key}` must be text, not {_written(doc.meta[key])}", f"write one short phrase after `{key}:`, or delete the line")
    if "tags" in doc.meta:
        tags = doc.meta["tags"]
        if not isinstance(tags, list) or not all(isinstance(tag, str) and tag.strip() for tag in tags):
            problem("tags", f"`tags` must be a list of words, not {_written(tags)}", "e.g. `tags: [complaints, phone]`")
    if "search" in doc.meta:
        search = doc.meta["search"]
        if not isinstance(search, dict) or not set(search) <= {"exclude", "boost"} or not isinstance(search.get("exclude", False), bool) \
                or isinstance(search.get("boost", 1), bool) or not isinstance(search.get("boost", 1), (int, float)):
            problem("search", f"`search` must be `exclude: true` or `boost: NUMBER`, not {_written(search)}",
                    "write `search:` with `  exclude: true` (or `  boost: 2`) on the line below it, indented")
    return problems


def _shape_problems(text: str, doc: Document, path: str) -> list[Problem]:
    """A front matter never closed, a key written twice (YAML keeps the last silently), a key nobody reads."""
    if not doc.header:
        first = text.removeprefix(BOM).split("\n", 1)[0]
        if first.strip() == "---":
            return [Problem(path, 1, "the front matter opened here is never closed: the page would show it as text",
                            "add a line `---` after its last `key: value` line")]
        return []
    problems = []
    body = doc.header.split("\n", 1)[1].rsplit("---", 1)[0]
    node = yaml.compose(body, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    seen: dict[str, int] = {}
    for key, _ in node.value if isinstance(node, yaml.MappingNode) else ():
        line = file_line(body, key.start_mark.line) + 1  # below the opening `---`
        name = str(key.value)
        if name in seen:
            problems.append(Problem(path, line, f"`{name}` is written twice (first on line {seen[name]}); "
                                    "only this one would be used", f"keep one `{name}:` line"))
            continue
        seen[name] = line
        if name not in KNOWN_KEYS:
            close = difflib.get_close_matches(name, KNOWN_KEYS, n=1)
            guess = f"did you mean `{close[0]}`? " if close else ""
            problems.append(Problem(path, line, f"unknown front matter key `{name}`: nothing reads it",
                                    f"{guess}a page's front matter may hold: {', '.join(KNOWN_KEYS)}"))
    return problems


def markup_problems(doc: Document, path: str) -> list[Problem]:
    """Markdown or HTML in a title or a description: printed as plain text everywhere, it is shown as typed
    (escaped, so it does no harm: a warning, refused by `academy check` and a strict build)."""
    problems = []
    for key in PLAIN_KEYS:
        value = doc.meta.get(key)
        found = MARKUP.search(value) if isinstance(value, str) else None
        if found:
            problems.append(Problem(path, line_of_key(doc, key), f"`{key}` holds Markdown or HTML ({found.group()}): "
                                    "it is shown as typed in the browser tab, the menu, the course cards and search",
                                    "write it as plain text, the words only: no `**`, `_`, `` ` ``, `[...](...)`, "
                                    "HTML tags or `&...;` entities"))
    return problems


class FrontMatterError(ContentError):
    """Front matter that cannot be read or published; one of the content errors."""
