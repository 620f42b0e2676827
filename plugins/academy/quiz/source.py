"""A quiz file read as plain data, with the line of every key and item.

The data is exactly what a YAML-aware editor hands to the JSON Schema, so the
build and the editor validate the same thing; the lines live beside it, keyed
by the JSON path of each value, for `quizzes/x.yml:LINE` messages.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import Problem
from ..plaintext import CONTROL_HINT, control_problem
from ..yaml_words import explain

Path_ = tuple[str | int, ...]
MAX_DEPTH = 32  # a quiz is five levels deep; far deeper input is an accident or an attack
LARGEST = 10**15  # integers above this lose precision in the browser
ALIAS = "!academy/refused-alias"
# The numbers of YAML 1.2's core schema, which editors use: decimal, 0o octal and 0x hexadecimal
# integers, decimal fractions with an optional exponent, and the infinities and not-a-number.
YAML12_NUMBER = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                           r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
LEADING_ZEROS = re.compile(r"^[-+]?0[0-9]+$")  # an integer YAML 1.1 reads as octal
# The tags PyYAML's safe loader gives plain values; any other (`!!python/...`, `!custom`) is refused.
PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")}


class _Composer(yaml.SafeLoader):
    """PyYAML's safe composer, refusing anchors and aliases instead of expanding them.

    Expanding aliases is what makes a 700-byte "billion laughs" file take
    minutes and gigabytes; a quiz has nothing to share between its parts, so
    each alias becomes an empty value and is reported, and nothing is expanded.
    """

    def __init__(self, stream: str):
        super().__init__(stream)
        self.refused: list[int] = []
        self.depth = 0

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()
            self.refused.append(event.start_mark.line + 1)
            return yaml.ScalarNode(ALIAS, "", event.start_mark, event.end_mark)
        event = self.peek_event()
        if getattr(event, "anchor", None) is not None:
            self.refused.append(event.start_mark.line + 1)
            event.anchor = None
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(None, None, f"the YAML is nested more than {MAX_DEPTH} levels deep", event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


@dataclass
class Source:
    """A parsed quiz file: its data, where each value was written, and what was wrong with the YAML itself."""

    path: str
    data: Any = None
    lines: dict[Path_, int] = field(default_factory=dict)
    # every number as it was written (`1.50`, `007`), for the places where it is shown as text
    written: dict[Path_, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # paths whose value the reader already reported, so no second message is made for them
    reported: set[Path_] = field(default_factory=set)

    def line(self, where: Path_) -> int:
        """The line of a value, or of the nearest enclosing value that has one."""
        where = tuple(where)
        while where:
            if where in self.lines:
                return self.lines[where]
            where = where[:-1]
        return self.lines.get((), 1)

    def problem(self, where: Path_, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.path, self.line(where), message, hint))
        self.reported.add(tuple(where))


# libyaml composes many times faster than PyYAML's Python composer. It is used only for text
# that cannot hold an anchor, an alias or a tag, nested shallowly, and only when it succeeds:
# anything else (and every error message) comes from the Python composer above.
_FAST = getattr(yaml, "CSafeLoader", None)
# where an anchor (&), an alias (*) or a tag (!) can start: at the start of the text or of a token (after
# a space, a flow bracket, a comma, a colon, a dash or a question mark); "R&D" or "Have a great day!" in
# a prompt are text, and the file is still read fast
_NOT_FOR_FAST = re.compile(r"(?:^|[\s\[\]{},:?-])[&*!]")


def _fast_node(text: str) -> yaml.Node | None | bool:
    """The file's node by libyaml, or False where the Python composer must read it."""
    if _FAST is None or _NOT_FOR_FAST.search(text) or text.count("[") + text.count("{") > MAX_DEPTH:
        return False
    if max((len(line) - len(line.lstrip(" ")) for line in text.splitlines()), default=0) > 2 * MAX_DEPTH:
        return False
    loader = _FAST(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError:
        return False
    finally:
        loader.dispose()
    stack = [(node, 1)] if node is not None else []
    while stack:
        current, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        if isinstance(current, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in current.value)
        elif isinstance(current, yaml.MappingNode):
            stack.extend((part, depth + 1) for pair in current.value for part in pair)
    return node


def read(text: str, path: str) -> Source:
    """Parse one quiz file; a YAML syntax error is the only problem reported then."""
    source = Source(path)
    fast = _fast_node(text)
    if fast is not False:
        if fast is not None:
            source.data = _value(fast, (), source, yaml.SafeLoader(""))
        return source
    composer = None
    try:
        composer = _Composer(text)  # reading starts here: a character YAML refuses stops it at once
        node = composer.get_single_node()
    except yaml.YAMLError as error:
        line, reason, hint = explain(error, text)
        source.problems.append(Problem(path, line, f"quiz file is not valid YAML: {reason}", hint))
        return source
    finally:
        if composer is not None:
            composer.dispose()
    if composer.refused:
        lines = sorted(set(composer.refused))
        others = lines[1:]
        more = ""
        if others:
            more = f" (also on line{'s' if len(others) > 1 else ''} {', '.join(map(str, others[:5]))}"
            more += (f" … and {len(others) - 5} more)" if len(others) > 5 else ")")
        source.problems.append(Problem(path, lines[0], f"YAML anchors and aliases (`&name`, `*name`) are not allowed in a quiz{more}",
                                       "write each value out in full"))
    if node is None:
        return source
    source.data = _value(node, (), source, yaml.SafeLoader(""))
    return source


def _value(node: yaml.Node, where: Path_, source: Source, loader: yaml.SafeLoader) -> Any:
    source.lines.setdefault(where, node.start_mark.line + 1)
    if node.tag == ALIAS:
        source.reported.add(where)  # reported once for the whole file
        return None
    if node.tag not in PLAIN_TAGS:
        source.problem(where, f"the YAML tag `{node.tag.replace('tag:yaml.org,2002:', '!!')}` is not allowed in a quiz",
                       "write plain text, numbers, true or false, lists and `key: value` lines")
        return None
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            try:
                key = None if key_node.tag == ALIAS else loader.construct_object(key_node)
            except yaml.YAMLError:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                if key_node.tag != ALIAS:
                    shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "a list or mapping"
                    source.problems.append(Problem(source.path, line, f"a key must be a word such as `text`, not {shown}",
                                                   "write `key: value` lines"))
                source.reported.add(where)
                continue
            if key in mapping:
                first = source.lines[(*where, key)]
                source.problems.append(Problem(source.path, line, f"duplicate key `{key}` (lines {first} and {line})" if first != line
                                               else f"duplicate key `{key}`, twice on line {line}",
                                               "keep one of them: YAML would silently use the last"))
                source.reported.add((*where, key))
                continue
            source.lines[(*where, key)] = line
            mapping[key] = _value(value_node, (*where, key), source, loader)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_value(item, (*where, index), source, loader) for index, item in enumerate(node.value)]
    if node.tag.endswith((":timestamp", ":bool")) and node.value.lower() not in ("true", "false"):
        # YAML 1.1 reads `2024-02-03` as a date and `yes` as true; editors read YAML 1.2, where both are text
        return node.value
    if node.tag.endswith((":int", ":float")) and not node.style:  # plain, not quoted (libyaml says "")
        # YAML 1.1 reads `9:30` as the number 570 and `1_000` as 1000: in YAML 1.2, as editors read it, both are
        # text; and it reads `010` as 8, which YAML 1.2 reads as 10
        if not YAML12_NUMBER.match(node.value):
            return node.value
        source.written[where] = node.value
        if LEADING_ZEROS.match(node.value):
            return int(node.value, 10)
    try:
        value = loader.construct_object(node)
    except (yaml.YAMLError, ValueError) as error:  # e.g. a timestamp such as 2024-02-30
        source.problem(where, f"this value cannot be read: {getattr(error, 'problem', None) or error}",
                       "quote it if you mean text")
        return None
    name = f"`{where[-1]}`" if where and isinstance(where[-1], str) else "a number"
    if isinstance(value, float) and not math.isfinite(value):
        source.problem(where, f"{name} must be an ordinary number, not {node.value}",
                       "numbers must be finite, e.g. 1 or 2.5; quote it if you mean text")
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > LARGEST:
        source.problem(where, f"{name} is too large: {node.value}", f"numbers must be at most {LARGEST:,} either way")
    if isinstance(value, str):
        # A block scalar (`text: |`) ends with a line break and a quoted text may keep spaces at
        # its ends: neither shows on the page, and in a msgid each is one a translator must copy
        # exactly (msgfmt refuses a msgstr that does not end with the msgid's line break).
        hidden = control_problem(value)
        if hidden:
            source.problem(where, f"{hidden} in {name if where and isinstance(where[-1], str) else 'this text'}",
                           CONTROL_HINT)
        return value.strip()
    return value
