"""mkdocs.yml as YAML nodes, for the lines of options (whatever tags the file holds)."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import Problem


def compose(config_file: Path):
    """mkdocs.yml as YAML nodes (with their lines), whatever tags (`!ENV`, `!!python/name:`) it holds."""
    try:
        # libyaml's composer where PyYAML has it: the same nodes and lines, many times faster
        return yaml.compose(config_file.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError):
        return None


def theme_in_file(config_file: Path) -> str | None:
    node = compose(config_file)
    if not isinstance(node, yaml.MappingNode):
        return None
    for name, value in node.value:
        if name.value == "theme":
            if isinstance(value, yaml.ScalarNode):
                return value.value
            if isinstance(value, yaml.MappingNode):
                return next((v.value for k, v in value.value if k.value == "name" and isinstance(v, yaml.ScalarNode)), None)
    return None


def line_of(config_file: Path, key: str, value: bool = False) -> int:
    """The line of an option (or, with `value`, of a list item) in mkdocs.yml, from YAML's own marks."""
    node = compose(config_file)
    if node is None:
        return 1
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            for name, item in current.value:
                if isinstance(name, yaml.ScalarNode) and name.value == key:
                    return name.start_mark.line + 1
                if value and isinstance(item, yaml.ScalarNode) and item.value == key:  # `- Title: page.md`
                    return item.start_mark.line + 1
                stack.append(item)
        elif isinstance(current, yaml.SequenceNode):
            for item in current.value:
                if value and isinstance(item, yaml.ScalarNode) and item.value == key:
                    return item.start_mark.line + 1
            stack.extend(current.value)
    return 1




def lines_of_value(config_file: Path, option: str, value: str) -> list[int]:
    """The line of every list item or `Title: value` that reads `value` under a top-level option (`nav`), in file order."""
    node = compose(config_file)
    if not isinstance(node, yaml.MappingNode):
        return []
    found = []
    stack = [item for name, item in node.value if isinstance(name, yaml.ScalarNode) and name.value == option]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode) and current.value == value:
            found.append(current.start_mark.line + 1)
        elif isinstance(current, yaml.MappingNode):
            stack.extend(item for _, item in current.value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return sorted(found)


def duplicate_keys(config_file: Path, shown: str) -> list[Problem]:
    """A key written twice in one mapping of mkdocs.yml: YAML keeps the last silently, so a second `nav:` or
    `plugins:` drops the first one's pages or plugins without a word."""
    node = compose(config_file)
    problems, stack = [], [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode) and key.value != "<<":
                    line = key.start_mark.line + 1
                    if key.value in seen:
                        problems.append(Problem(shown, line, f"`{key.value}:` is written twice (first on line "
                                                f"{seen[key.value]}): YAML keeps only this last one, and drops the first "
                                                "without a word", f"merge the two `{key.value}:` into one"))
                    seen.setdefault(key.value, line)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return sorted(problems, key=lambda p: p.line)
