"""What goes into one package: a course in one language, its lessons and their quizzes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PackagedQuestion:
    id: str
    activity: str
    interaction: str  # cmi.interaction type


@dataclass(frozen=True)
class PackagedQuiz:
    id: str
    activity: str
    title: str
    pass_mark: float  # percent
    questions: tuple[PackagedQuestion, ...]


@dataclass(frozen=True)
class PackagedLesson:
    src: str
    slug: str  # unique in its course; SCORM identifiers are made from it
    activity: str
    title: str
    description: str
    launch: str  # the page, relative to the package root
    quiz: PackagedQuiz | None


@dataclass(frozen=True)
class PackagedCourse:
    slug: str
    lang: str  # our code: en, fil, ru
    xml_lang: str  # BCP 47 for the manifests and statements
    activity: str
    title: str
    description: str
    index: str  # the course page, relative to the package root
    lessons: tuple[PackagedLesson, ...]
