"""Check JSON-LD against the vendored schema.org vocabulary (tests/schemaorg/vocabulary.json)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

VOCABULARY = Path(__file__).resolve().parent / "schemaorg" / "vocabulary.json"


@lru_cache(maxsize=1)
def _types() -> dict:
    return json.loads(VOCABULARY.read_text(encoding="utf-8"))["types"]


def properties_of(type_name: str) -> set[str]:
    types = _types()
    found: set[str] = set()
    stack = [type_name]
    while stack:
        name = stack.pop()
        entry = types.get(name)
        if entry is None:
            continue
        found.update(entry["properties"])
        stack.extend(entry["parents"])
    return found


def problems(node, where: str = "$") -> list[str]:
    """Every unknown type or property in a JSON-LD node, recursively."""
    found: list[str] = []
    if isinstance(node, list):
        for index, item in enumerate(node):
            found += problems(item, f"{where}[{index}]")
    elif isinstance(node, dict):
        kind = node.get("@type")
        allowed = None
        if kind is not None:
            if kind not in _types():
                found.append(f"{where}: unknown type {kind}")
            allowed = properties_of(kind)
        for key, value in node.items():
            if key.startswith("@"):
                continue
            if allowed is not None and key not in allowed:
                found.append(f"{where}: {kind} has no property {key}")
            found += problems(value, f"{where}.{key}")
    return found
