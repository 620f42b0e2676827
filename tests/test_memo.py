"""What a long-lived build process remembers between builds: made again exactly when the bytes change."""

from __future__ import annotations

import threading

import pytest

from academy import memo, search
from academy.errors import ContentError, Problem
from academy.quiz.load import load_quiz

QUIZ = """id: first
title: First quiz
questions:
  - id: one
    type: true_false
    text: Listening comes first.
    answer: true
"""


@pytest.fixture(autouse=True)
def fresh_memory():
    memo.forget()
    yield
    memo.forget()


def test_a_result_is_made_once_per_key_and_a_failure_is_raised_again():
    made = []

    def make():
        made.append(1)
        return len(made)

    assert memo.remembered("kind", "a", make) == 1
    assert memo.remembered("kind", "a", make) == 1
    assert memo.remembered("kind", "b", make) == 2

    def broken():
        made.append(1)
        raise ContentError(Problem("x.md", 3, "broken"))

    for _ in range(2):
        with pytest.raises(ContentError) as raised:
            memo.remembered("kind", "c", broken)
        assert raised.value.problems[0].line == 3
    assert len(made) == 3  # the failure was not made again


def test_an_edited_quiz_is_read_again_and_an_unchanged_one_is_not(tmp_path):
    path = tmp_path / "first.yml"
    path.write_text(QUIZ, encoding="utf-8")
    first = load_quiz(path, tmp_path)
    assert load_quiz(path, tmp_path) is first
    path.write_text(QUIZ.replace("Listening comes first.", "Listening comes last."), encoding="utf-8")
    edited = load_quiz(path, tmp_path)
    assert edited is not first and "last" in edited.questions[0].text


def test_a_file_is_hashed_again_when_its_bytes_change_even_at_the_same_size(tmp_path):
    path = tmp_path / "ui.po"
    path.write_text("msgstr \"Tama\"\n", encoding="utf-8")
    before = memo.file_digest(path)
    path.write_text("msgstr \"Mali\"\n", encoding="utf-8")
    assert memo.file_digest(path) != before
    assert memo.file_digest(tmp_path / "missing.po") is None


def test_a_handed_over_quiz_is_used_only_while_its_file_is_unchanged(tmp_path):
    path = tmp_path / "first.yml"
    path.write_text(QUIZ, encoding="utf-8")
    load_quiz(path, tmp_path)
    memo.export(["quiz"], tmp_path / "handover")
    memo.forget()
    memo.adopt(tmp_path / "handover")
    assert load_quiz(path, tmp_path).questions[0].text == "Listening comes first."
    path.write_text(QUIZ.replace("comes first", "comes second"), encoding="utf-8")
    assert load_quiz(path, tmp_path).questions[0].text == "Listening comes second."
    memo.adopt(tmp_path / "no-such-file")  # a missing hand-over is ignored


def test_saves_during_a_background_index_are_gathered_into_one_more_run(tmp_path, monkeypatch):
    started, release = threading.Event(), threading.Event()
    runs = []

    def index(site, lang, leave_out=()):
        runs.append(lang)
        started.set()
        release.wait(10)

    monkeypatch.setattr(search, "index_in_another_process", index)
    monkeypatch.setattr(search.IndexInBackground, "QUIET", 0.05)
    search.IndexInBackground.request(tmp_path, "fil")
    assert started.wait(10)
    for _ in range(5):
        search.IndexInBackground.request(tmp_path, "fil")
    release.set()
    search.IndexInBackground._running[(str(tmp_path), "fil")].thread.join(10)
    assert runs == ["fil", "fil"]


def test_the_background_index_is_written_by_a_lower_priority_process_and_its_failure_is_told(tmp_path):
    page = tmp_path / "site" / "lesson" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text('<html lang="fil"><body><main data-pagefind-body><h1>Aralin</h1>'
                    '<h2 id="reklamo">Reklamo</h2><p>Nakikinig ang agent sa nagrereklamong customer.</p>'
                    "</main></body></html>", encoding="utf-8")
    assert search.index_in_another_process(tmp_path / "site", "fil") is None
    assert (tmp_path / "site" / "pagefind" / "pagefind-entry.json").stat().st_size > 0
    assert any((tmp_path / "site" / "pagefind" / "fragment").iterdir())
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "pagefind").write_text("a file where the index folder goes")
    (tmp_path / "broken" / "index.html").write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    error = search.index_in_another_process(tmp_path / "broken", "fil")
    assert error and "Traceback" not in error and 'File "' not in error, error
    assert f"{tmp_path / 'broken' / 'pagefind'}: the search index could not be written" in error
