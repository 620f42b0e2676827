"""What a quiz is, independent of how it is written or shown."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

QUESTION_TYPES = ("single", "multiple", "true_false", "ordering", "matching", "numeric", "text")


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class Pair:
    prompt: str
    answer: str


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    text: str
    line: int
    points: float = 1
    hint: str = ""
    explanation: str = ""
    review: str = ""
    shuffle: bool = True
    options: tuple[Option, ...] = ()
    answer: bool | float | None = None  # true_false and numeric
    tolerance: float = 0
    unit: str = ""
    items: tuple[str, ...] = ()  # ordering, in the correct order
    pairs: tuple[Pair, ...] = ()  # matching
    answers: tuple[str, ...] = ()  # text: accepted answers

    @property
    def choices(self) -> tuple[str, ...]:
        """The answers a matching question offers, each once, in a stable order."""
        seen: dict[str, None] = {}
        for pair in self.pairs:
            seen.setdefault(pair.answer, None)
        return tuple(sorted(seen, key=str.casefold))

    @property
    def revision(self) -> str:
        """Changes when the English question changes; saved progress for it is then dropped."""
        data = asdict(self)
        data.pop("line")
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:10]


@dataclass(frozen=True)
class Quiz:
    id: str
    title: str
    path: str
    questions: tuple[Question, ...]
    pass_mark: float = 80
    shuffle: bool = True

    @property
    def total_points(self) -> float:
        return sum(q.points for q in self.questions)


@dataclass
class QuizSet:
    """Every quiz of the site, by id."""

    quizzes: dict[str, Quiz] = field(default_factory=dict)
