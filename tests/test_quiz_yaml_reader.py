"""libyaml reads plain quiz files fast; what it reads is exactly what the careful Python reader reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from academy.quiz import source

ROOT = Path(__file__).resolve().parent.parent


def _both(text: str, monkeypatch) -> tuple[source.Source, source.Source]:
    fast = source.read(text, "quizzes/q.yml")
    with monkeypatch.context() as patch:
        patch.setattr(source, "_FAST", None)
        careful = source.read(text, "quizzes/q.yml")
    return fast, careful


@pytest.mark.parametrize("path", sorted((ROOT / "quizzes").glob("*.yml")), ids=lambda p: p.name)
def test_a_shipped_quiz_reads_the_same_either_way(path, monkeypatch):
    assert source._fast_node(path.read_text(encoding="utf-8")) is not False  # the fast reader is the one used
    fast, careful = _both(path.read_text(encoding="utf-8"), monkeypatch)
    assert (fast.data, fast.lines, fast.problems) == (careful.data, careful.lines, careful.problems)


@pytest.mark.parametrize("text", [
    "id: q\ntitle: 'Closing a chat with \"Have a great day!\"'\n",   # an exclamation mark inside text
    "id: q\ntitle: R&D and 5*3 on day one!\n",
])
def test_punctuation_inside_text_is_still_read_fast(text, monkeypatch):
    assert source._fast_node(text) is not False
    fast, careful = _both(text, monkeypatch)
    assert (fast.data, fast.lines, fast.problems) == (careful.data, careful.lines, careful.problems)


@pytest.mark.parametrize("text", [
    "id: q\nbase: &b {a: 1}\nother: *b\n",                      # anchor and alias: refused, never expanded
    "id: q\nbase: [&b x, *b]\n",                                 # the same inside a flow sequence
    "id: q\nbase: {a: x,*b : 1}\n",
    "- !tag x\n",
    "!!map {id: q}\n",
    "id: !!python/name:os.system q\n",                           # a tag
    "id: q\nx: " + "[" * 40 + "]" * 40 + "\n",                   # nested too deep
    "id: q\n  bad: indentation\n",                               # not YAML: the careful reader's message
    "id: q\ntitle: 'unclosed\n",
    "id: q\nyes: 2024-02-30\n",
])
def test_what_the_fast_reader_must_not_take_is_read_carefully(text, monkeypatch):
    fast, careful = _both(text, monkeypatch)
    assert (fast.data, fast.lines, fast.problems) == (careful.data, careful.lines, careful.problems)
    assert fast.problems or fast.data is not None
