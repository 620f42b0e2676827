"""A YAML syntax error in an editor's words, at the line to fix.

PyYAML says what its scanner met ("found character '\\t' that cannot start any
token", "mapping values are not allowed here") and where it noticed, which for an
unclosed quote is the end of the file. Quiz files and front matter report the
common mistakes behind those words instead, at the line the editor must change.
"""

from __future__ import annotations

import re
import unicodedata

import yaml

from .plaintext import CONTROL_HINT, described

_CHARACTER = re.compile(r"found character '(.+)' that cannot start any token")
_UNCLOSED = {"while scanning a quoted scalar": ("a quote opened here is never closed",
                                                "close it at the end of the value, with the same quote mark"),
             "while parsing a flow sequence": ("a list opened here with `[` is never closed",
                                               "close it with `]` on the same line, or write the list as `- item` lines"),
             "while parsing a flow mapping": ("a `{` opened here is never closed",
                                              "close it with `}` on the same line"),
             "while scanning a double-quoted scalar": ("a quote opened here is never closed",
                                                       "close it at the end of the value, with the same quote mark")}
_INDENT_HINT = "indent with spaces only: delete the space-like characters at the start of this line and type spaces"


def _odd_indent(line: str) -> str | None:
    """What other than a space indents the line (a tab, a no-break space), or None."""
    for char in line[:len(line) - len(line.lstrip())]:
        if char == "\t":
            return "a tab"
        if char != " ":
            return f"a {unicodedata.name(char, 'space-like character').lower()} (U+{ord(char):04X})"
    return None


_YAML_BREAK = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")
_HIDDEN_BREAK = re.compile(r"[\x85\u2028\u2029]")


def file_line(text: str, yaml_line: int) -> int:
    """The line of `text` (counted from 1, as an editor counts) where YAML's line `yaml_line` (counted from 0, as
    a YAML mark counts) starts: YAML also ends a line at U+2028, U+2029 and U+0085, which a word processor pastes
    and an editor shows inside its line."""
    if not _HIDDEN_BREAK.search(text):
        return yaml_line + 1
    line = 1
    for count, found in enumerate(_YAML_BREAK.finditer(text)):
        if count == yaml_line:
            break
        if not _HIDDEN_BREAK.fullmatch(found.group()):
            line += 1
    return line


def explain(error: yaml.YAMLError, text: str) -> tuple[int, str, str]:
    """(line in `text`, counted from 1; what is wrong; how to fix it) for a YAML error in `text`; an error
    next to a pasted line separator, which YAML reads as a line break the editor cannot see, is that separator."""
    if isinstance(error, yaml.reader.ReaderError) and isinstance(error.character, int) and 0 <= error.position <= len(text):
        # a character YAML refuses to read at all (a control character, a noncharacter): named at its place
        before = text[:error.position]
        column = error.position - before.rfind("\n")
        return before.count("\n") + 1, f"{described(chr(error.character))} at column {column}", CONTROL_HINT
    line, problem, hint = _explain(error, text)
    line = file_line(text, line - 1)
    lines = text.split("\n")
    for number in (line, line - 1):
        hidden = _HIDDEN_BREAK.search(lines[number - 1]) if 0 < number <= len(lines) else None
        if hidden:
            code = f"U+{ord(hidden.group()):04X}"
            return number, (f"an invisible line separator ({code}, as a word processor pastes it) in this line: YAML "
                            "reads it as a line break, and the rest of the line as a line of its own"), \
                "replace it with a space (delete the gap and type a space), or put the whole value in quotes"
    return line, problem, hint


def _explain(error: yaml.YAMLError, text: str) -> tuple[int, str, str]:
    """(line in YAML's count, from 1; what is wrong; how to fix it) for a YAML error in `text`."""
    mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or "invalid YAML"
    context = getattr(error, "context", None) or ""
    line = mark.line + 1 if mark is not None else 1
    lines = text.splitlines()
    for number in range(min(line, len(lines)), 0, -1):  # the line YAML stopped at, or one above it
        odd = _odd_indent(lines[number - 1])
        if odd:
            return number, f"{odd} in the indentation: YAML indents with spaces only", _INDENT_HINT
        if number < line - 1:
            break
    if context in _UNCLOSED and context_mark is not None and ("end of stream" in problem or "expected" in problem):
        what, hint = _UNCLOSED[context]
        return context_mark.line + 1, what, hint
    character = _CHARACTER.match(problem)
    if character or (problem.startswith("expected alphabetic or numeric character") and "alias" in context + problem):
        shown = character.group(1) if character else "*"
        named = "a backtick (`)" if shown == "`" else f"`{shown}`"
        return line, f"a value cannot start with {named}: YAML reads it as a sign of its own", \
            'put the whole value in quotes, e.g. `text: "..."`'
    if problem == "mapping values are not allowed here":
        return line, "a `: ` in a value, or a line indented deeper than the line above it", \
            'put a value that holds `: ` in quotes (`text: "Note: ..."`), and indent each key like the keys beside it'
    if problem.startswith("expected <block end>"):
        return line, "this line is indented differently from the lines above it", \
            "indent it like the keys or `- ` items it belongs with, with spaces"
    if problem.startswith("found undefined alias"):
        return line, "a value cannot start with `*`: YAML reads it as a sign of its own", \
            'put the whole value in quotes, e.g. `text: "..."`'
    return line, problem, "check the indentation (spaces only) and quote text that contains `: ` or starts with a symbol"
