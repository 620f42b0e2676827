"""Activity ids: one home for the IRIs every package and statement uses.

They are built from the site's address and the ids editors already keep stable
(course folder, lesson path, quiz id, question id), never from a language, so a
Russian and a Filipino attempt at one quiz are the same activity; the language
travels in the statement's context.
"""

from __future__ import annotations

from pathlib import PurePosixPath


def course_id(site_url: str, slug: str) -> str:
    return f"{site_url}courses/{slug}"


def lesson_id(site_url: str, src: str) -> str:
    return f"{site_url}lessons/{PurePosixPath(src).with_suffix('').as_posix()}"


def quiz_id(site_url: str, quiz: str) -> str:
    return f"{site_url}quizzes/{quiz}"


def question_id(site_url: str, quiz: str, question: str) -> str:
    return f"{quiz_id(site_url, quiz)}/questions/{question}"


# How each question type is told to an LMS (SCORM 1.2 and xAPI's cmi.interaction types).
INTERACTION_TYPES = {
    "single": "choice",
    "multiple": "choice",
    "true_false": "true-false",
    "ordering": "sequencing",
    "matching": "matching",
    "numeric": "numeric",
    "text": "fill-in",
}
