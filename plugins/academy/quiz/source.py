"""A quiz file read as plain data, with the line of every key and item.

The data is exactly what a YAML-aware editor hands to the JSON Schema, so the
build and the editor validate the same thing; the lines live beside it, keyed
by the JSON path of each value, for `quizzes/x.yml:LINE` messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import Problem

Path_ = tuple[str | int, ...]


@dataclass
class Source:
    """A parsed quiz file: its data, where each value was written, and what was wrong with the YAML itself."""

    path: str
    data: Any = None
    lines: dict[Path_, int] = field(default_factory=dict)
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


def read(text: str, path: str) -> Source:
    """Parse one quiz file; a YAML syntax error is the only problem reported then."""
    source = Source(path)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or "invalid YAML"
        source.problems.append(Problem(path, mark.line + 1 if mark is not None else 1, f"quiz file is not valid YAML: {reason}",
                                       "check the indentation and quote text that contains `: ` or starts with a symbol"))
        return source
    if node is None:
        return source
    source.data = _value(node, (), source, yaml.SafeLoader(""))
    return source


def _value(node: yaml.Node, where: Path_, source: Source, loader: yaml.SafeLoader) -> Any:
    source.lines.setdefault(where, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node)
            if not isinstance(key, str):
                source.problem(where, f"a key must be a word such as `text`, not {key!r}", "write `key: value` lines")
                continue
            source.lines[(*where, key)] = key_node.start_mark.line + 1
            mapping[key] = _value(value_node, (*where, key), source, loader)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_value(item, (*where, index), source, loader) for index, item in enumerate(node.value)]
    try:
        return loader.construct_object(node)
    except yaml.YAMLError as error:
        source.problem(where, f"this value cannot be read: {getattr(error, 'problem', None) or error}",
                       "write plain text, numbers, true or false; YAML tags such as `!!python/...` are not allowed")
        return None
