"""One home per question type: the model gives every type's strings, answer text and scoring data."""

from __future__ import annotations

import io

import pytest

from academy.errors import ContentError
from academy.extract import extract_quiz
from academy.interface import Interface
from academy.quiz.load import parse_quiz
from academy.quiz.model import QUESTION_TYPES
from academy.quiz.render import CONTROLS, render_quiz
from academy.quiz.validate import question_types
from academy.seo import quiz_ld
from test_quiz_validation import BASE, billion_laughs

UI = Interface("en", None)


def sample():
    return parse_quiz(BASE, "quizzes/sample.yml", "sample")


class NamedBytes(io.BytesIO):
    name = "quizzes/sample.yml"


def test_every_type_of_the_schema_has_a_model_class_and_a_control():
    assert tuple(QUESTION_TYPES) == question_types()
    assert set(CONTROLS) == set(question_types())
    assert sorted({q.type for q in sample().questions}) == sorted(question_types())


def test_extraction_walks_the_model_and_finds_every_string_a_trainee_reads():
    found = {text: (line, comment) for line, _, text, (comment,) in extract_quiz(NamedBytes(BASE.encode()), None, None, {})}
    expected = ["Check your understanding", "Which is a soft skill?", "Patience", "Yes.", "Typing", "A chat", "The weather",
                "FMOT lasts seconds.", "Need", "Research", "Purchase", "Reading reviews", "ZMOT", "FMOT", "%", "research"]
    assert [text for text in expected if text not in found] == []
    assert found["Patience"] == (10, "quiz option, correct answer")
    assert found["Typing"] == (13, "quiz option, wrong answer")
    assert found["Picking a box"] == (34, "quiz matching prompt")
    # true/false labels are interface strings, not quiz strings
    assert "True" not in found


def test_extraction_refuses_a_quiz_the_build_refuses():
    with pytest.raises(ContentError) as error:
        list(extract_quiz(NamedBytes(BASE.replace("questions:", "question:").encode()), None, None, {}))
    assert "sample.yml:4: unknown key `question`" in str(error.value)


def test_extraction_does_not_expand_an_alias_bomb():
    with pytest.raises(ContentError, match="anchors and aliases"):
        list(extract_quiz(NamedBytes(billion_laughs().encode()), None, None, {}))


def test_the_page_and_the_structured_data_show_the_same_answer_text():
    quiz = sample()
    key_html = render_quiz(quiz, str.upper, UI)
    ld = quiz_ld(quiz, str.upper, UI, "en", "https://academy.test/x/#quiz-sample")
    for question, part in zip(quiz.questions, ld["hasPart"], strict=True):
        accepted = part["acceptedAnswer"] if isinstance(part["acceptedAnswer"], list) else [part["acceptedAnswer"]]
        assert question.answer_text(str.upper, UI) in [a["text"] for a in accepted] or question.type == "multiple"
        assert part["eduQuestionType"] == question.schema_org_type
    assert '"answerText":"PATIENCE"' in key_html and '"answerText":"53%"' in key_html
    assert '"answerText":"A CHAT; A REVIEW"' in key_html and '"answerText":"NEED → RESEARCH → PURCHASE"' in key_html


def test_a_broken_review_link_is_reported_at_the_review_line():
    review = next(q for q in sample().questions if q.review)
    assert (review.line, review.review_line) == (5, 8)


def test_saved_progress_keys_do_not_depend_on_line_numbers():
    moved = parse_quiz(BASE.replace("pass_mark: 80\n", "pass_mark: 80\nshuffle: true\n"), "quizzes/sample.yml", "sample")
    assert [q.revision for q in moved.questions] == [q.revision for q in sample().questions]
    changed = parse_quiz(BASE.replace("answer: 53", "answer: 54"), "quizzes/sample.yml", "sample")
    assert [a.revision == b.revision for a, b in zip(changed.questions, sample().questions, strict=True)] == [True] * 5 + [False, True]



def test_i18n_update_refuses_a_broken_quiz_and_keeps_every_translation(project, monkeypatch, capsys):
    """A misspelt `questions:` must not make every translation of the quiz obsolete."""
    from academy.cli import main

    quiz = project / "quizzes/first-steps.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("questions:", "question:"), encoding="utf-8")
    catalogs = {path: path.read_bytes() for path in (project / "locales").rglob("*.po*")}
    monkeypatch.chdir(project)
    assert main(["i18n", "update"]) == 1
    assert "quizzes/first-steps.yml:" in capsys.readouterr().err
    assert {path: path.read_bytes() for path in (project / "locales").rglob("*.po*")} == catalogs


TYPED = """\
id: sample
questions:
  - id: coined-by
    type: text
    text: Which company coined the term zero moment of truth (ZMOT)?
    answers: [Google, Think with Google]
"""


def test_a_translation_lists_several_forms_separated_by_a_bar():
    question = parse_quiz(TYPED, "quizzes/sample.yml", "sample").questions[0]
    tr = {"Google": " Google | Гугл ||", "Think with Google": "Think with Google"}.get
    forms = question.translated(lambda text: tr(text) or text)
    assert forms == ["Google", "Гугл", "Think with Google"]
    assert question.answer_text(lambda text: tr(text) or text, UI) == "Google"
    assert question.translated(lambda text: "|" if text == "Think with Google" else text) == ["Google", "Think with Google"]
    accepted = question.key(lambda text: tr(text) or text, UI)["answers"]
    assert {"Google", "Гугл", "Think with Google"} <= set(accepted)


def test_the_translator_comment_explains_the_bar():
    comments = [comment for _, _, text, (comment,) in extract_quiz(NamedBytes(BASE.encode()), None, None, {}) if text == "research"]
    assert comments and "separate them with |" in comments[0]


def test_two_files_with_the_same_quiz_id_are_refused(tmp_path):
    from academy.quiz.load import load_quizzes

    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes/sample.yml").write_text(BASE, encoding="utf-8")
    (tmp_path / "quizzes/sample.yaml").write_text(BASE, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_quizzes(tmp_path / "quizzes", tmp_path)
    assert [str(p).splitlines()[0] for p in error.value.problems] == [
        "quizzes/sample.yaml:1: quiz id sample is also the id of quizzes/sample.yml"]
