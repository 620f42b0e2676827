"""The JSON Schema editors' YAML plugins use agrees with the quizzes we ship and with our validation."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "plugins/academy/schema/quiz.schema.json").read_text())


@pytest.mark.parametrize("path", sorted((ROOT / "quizzes").glob("*.yml")), ids=lambda p: p.name)
def test_shipped_quizzes_match_the_schema(path):
    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), SCHEMA)
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../plugins/academy/schema/quiz.schema.json")


@pytest.mark.parametrize("broken", [
    {"id": "x", "questions": [{"id": "q", "type": "essay", "text": "?"}]},
    {"id": "x", "questions": [{"id": "q", "type": "numeric", "text": "?", "answer": 5, "tolerance": -1}]},
    {"id": "x", "questions": [{"id": "q", "type": "ordering", "text": "?", "items": ["only one"]}]},
    {"id": "X Y", "questions": [{"id": "q", "type": "true_false", "text": "?", "answer": True}]},
])
def test_the_schema_underlines_mistakes(broken):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)
