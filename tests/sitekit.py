"""A tiny real academy, written into a folder, built with the real `mkdocs build`."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent

MKDOCS_YML = """\
site_name: Test Academy
site_url: https://academy.test/
docs_dir: content
nav:
  - index.md
  - Journey:
      - journey/index.md
      - journey/first-steps.md
  - progress.md
plugins:
  - academy:
      languages: [en, fil, ru]
      abbreviations: includes/abbreviations.md
theme:
  name: material
  font: false
  features: [navigation.prune, navigation.indexes]
  palette:
    - {media: "(prefers-color-scheme: light)", scheme: default, toggle: {icon: material/weather-night, name: Dark mode}}
    - {media: "(prefers-color-scheme: dark)", scheme: slate, toggle: {icon: material/weather-sunny, name: Light mode}}
exclude_docs: |
  includes/
# for trainers: no menu leads to the answer keys
not_in_nav: |
  /answer-keys.md
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - tables
  - toc
"""

PAGES = {
    "index.md": """\
        ---
        title: Test Academy
        description: A small academy for tests.
        ---

        # Test Academy

        Welcome to the test academy.

        ## Courses

        /// lessons
        ///
        """,
    "progress.md": """\
        ---
        title: Your progress
        description: Your quiz results on this device.
        ---

        # Your progress

        /// progress
        ///
        """,
    "answer-keys.md": """\
        ---
        title: Answer keys
        description: For trainers, every quiz with its right answers.
        ---

        # Answer keys

        For trainers only.

        /// answer-keys
        ///
        """,
    "journey/index.md": """\
        ---
        title: The journey
        description: The course about the journey.
        ---

        # The journey

        A course about customers.
        """,
    "journey/first-steps.md": """\
        ---
        title: First steps
        description: How a customer meets a brand.
        ---

        # First steps

        Every customer meets the brand through a touchpoint.

        ## The research moment

        A shopper reads reviews before buying.

        - Reviews matter.
        - Ratings matter too.

        | Stage | Example |
        | --- | --- |
        | ZMOT | Reading reviews |

        !!! tip "Remember"
            Answer every customer kindly.

        ## Frequently asked questions

        /// faq
        ### Why do reviews matter?

        Because shoppers trust other shoppers.
        ///

        ## Check your understanding

        /// quiz | first-steps
        ///
        """,
}

ABBREVIATIONS = "*[ZMOT]: Zero moment of truth\n"

QUIZ = """\
id: first-steps
title: First steps quiz
questions:
  - id: research
    type: single
    text: What does a shopper do before buying?
    review: "#the-research-moment"
    hint: Think of what you do before you buy something online.
    explanation: Shoppers research first.
    options:
      - text: Reads reviews
        correct: true
        feedback: Yes, reviews come first.
      - text: Sleeps
        feedback: Secretfeedbackword is not the answer.
  - id: share
    type: numeric
    text: What share of shoppers research first, in percent?
    answer: 53
    tolerance: 2
    unit: "%"
  - id: kinds
    type: multiple
    text: Which of these are touchpoints?
    options:
      - {text: A support chat, correct: true}
      - {text: A product review, correct: true}
      - {text: The weather}
  - id: fmot-seconds
    type: true_false
    text: FMOT lasts about 3 to 7 seconds.
    answer: true
  - id: order
    type: ordering
    text: Put the stages in order.
    items: [Need, Research, Purchase]
  - id: match
    type: matching
    text: Match each example to its stage.
    pairs:
      - {prompt: Reading reviews at night, answer: ZMOT}
      - {prompt: Picking a box from the shelf, answer: FMOT}
  - id: word
    type: text
    text: Which word names the research moment?
    answers: [nag-research]
"""

# the progress page's note where the browser keeps nothing, as the academy's catalogs translate it
UNSAVED = ("This browser is not keeping your progress (private browsing, or storage blocked or full): "
           "a quiz shows its results on its lesson, and they are gone once you leave it.")
MISSING_TITLE = "Not saved for offline reading"
MISSING_TEXT = ("This page is not saved on this device, and there is no connection. "
                "These pages are saved and can be read now:")
RU = {
    "Test Academy": "Тестовая академия",
    "Courses": "Курсы",
    "A small academy for tests.": "Маленькая академия для тестов.",
    "Welcome to the test academy.": "Добро пожаловать в тестовую академию.",
    "The journey": "Путь клиента",
    "The course about the journey.": "Курс о пути клиента.",
    "A course about customers.": "Курс о клиентах.",
    "First steps": "Первые шаги",
    "How a customer meets a brand.": "Как клиент знакомится с брендом.",
    "Every customer meets the brand through a touchpoint.": "Каждый клиент встречает бренд в точке контакта.",
    "The research moment": "Момент исследования",
    "A shopper reads reviews before buying.": "Покупатель читает отзывы перед покупкой.",
    "Reviews matter.": "Отзывы важны.",
    "Ratings matter too.": "Оценки тоже важны.",
    "Stage": "Этап",
    "Example": "Пример",
    "ZMOT": "ZMOT",
    "Reading reviews": "Чтение отзывов",
    "Remember": "Запомните",
    "Answer every customer kindly.": "Отвечайте каждому клиенту вежливо.",
    "Frequently asked questions": "Частые вопросы",
    "Why do reviews matter?": "Почему отзывы важны?",
    "Because shoppers trust other shoppers.": "Потому что покупатели доверяют другим покупателям.",
    "Check your understanding": "Проверьте себя",
    "Zero moment of truth": "Нулевой момент истины",
    "First steps quiz": "Тест «Первые шаги»",
    "What does a shopper do before buying?": "Что делает покупатель перед покупкой?",
    "Reads reviews": "Читает отзывы",
    "Sleeps": "Спит",
    "Yes, reviews come first.": "Да, сначала отзывы.",
    "Secretfeedbackword is not the answer.": "Секретноеслово — не ответ.",
    "Shoppers research first.": "Покупатели сначала изучают.",
    "Think of what you do before you buy something online.": "Вспомните, что вы делаете перед покупкой в интернете.",
    "What share of shoppers research first, in percent?": "Какая доля покупателей сначала изучает товар, в процентах?",
    "%": "%",
    "Which of these are touchpoints?": "Что из этого — точки контакта?",
    "A support chat": "Чат поддержки",
    "A product review": "Отзыв о товаре",
    "The weather": "Погода",
    "FMOT lasts about 3 to 7 seconds.": "FMOT длится около 3–7 секунд.",
    "Put the stages in order.": "Расставьте этапы по порядку.",
    "Need": "Потребность",
    "Research": "Изучение",
    "Purchase": "Покупка",
    "Match each example to its stage.": "Сопоставьте пример и этап.",
    "Reading reviews at night": "Чтение отзывов ночью",
    "Picking a box from the shelf": "Выбор коробки с полки",
    "FMOT": "FMOT",
    "Which word names the research moment?": "Какое слово называет момент исследования?",
    "nag-research": "исследование|изучение|учёт отзывов",  # several accepted forms, the first shown
    "You answered {correct} of {total} question correctly.": (
        "Правильных ответов: {correct}. Всего {total} вопрос.",
        "Правильных ответов: {correct}. Всего {total} вопроса.",
        "Правильных ответов: {correct}. Всего {total} вопросов.",
    ),
    "Quiz: {count} question": ("Тест: {count} вопрос", "Тест: {count} вопроса", "Тест: {count} вопросов"),
    "True": "Верно",
    "Not started": "Не начат",
    "Switch to dark mode": "Тёмная тема",
    "False": "Неверно",
    "404 – Page not found": "404\u00a0— Страница не найдена",
    "{page} - {site}": "{page}\u00a0— {site}",
    "Check answers": "Проверить ответы",
    "Review: {section}": "Повторить: {section}",
    "Part of this page is not translated yet; those parts are shown in English.": "Часть страницы ещё не переведена и показана на английском.",
    MISSING_TITLE: "Не сохранено для чтения без интернета",
    MISSING_TEXT: "Эта страница не сохранена на этом устройстве, а подключения к интернету нет. "
                  "Эти страницы сохранены, их можно читать сейчас:",
    UNSAVED: "Этот браузер не сохраняет ваш прогресс (приватный режим, хранилище заблокировано или переполнено): "
             "результаты теста видны на странице урока и пропадут, когда вы с неё уйдёте.",
}
# Filipino: everything but one paragraph, so that page shows the fallback notice.
FIL = {
    "Test Academy": "Akademya ng Pagsusulit",
    "Welcome to the test academy.": "Maligayang pagdating sa akademya.",
    "The journey": "Ang paglalakbay",
    "First steps": "Mga unang hakbang",
    "The research moment": "Ang sandali ng research",
    "A shopper reads reviews before buying.": "Nagbabasa ng reviews ang mamimili bago bumili.",
    "Part of this page is not translated yet; those parts are shown in English.":
        "May bahagi ng pahinang ito na hindi pa naisasalin; nasa English ang mga iyon.",
    "404 – Page not found": "404 – Hindi nahanap ang pahina",
    MISSING_TITLE: "Hindi naka-save para mabasa offline",
    MISSING_TEXT: "Hindi naka-save sa device na ito ang pahinang ito, at walang koneksiyon. "
                  "Naka-save ang mga pahinang ito at mababasa mo na ngayon:",
    UNSAVED: "Hindi sine-save ng browser na ito ang progress mo (private browsing, o naka-block o puno ang storage): "
             "makikita ang resulta ng quiz sa aralin nito, at mawawala ito pag-alis mo roon.",
}


@dataclass
class Built:
    root: Path
    site: Path
    result: subprocess.CompletedProcess

    def html(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def write_project(root: Path) -> Path:
    """The tiny academy written into `root` as an editor and translators leave it: sources, then catalogs made
    by `academy i18n update`, translated, and updated again. The first call in a test process does exactly
    that; later ones copy its result (the same bytes and times), which takes milliseconds, not seconds."""
    global _TEMPLATE
    if _TEMPLATE is None or not _TEMPLATE.exists():
        template = Path(tempfile.mkdtemp(prefix="academy-template-"))
        atexit.register(shutil.rmtree, template, ignore_errors=True)
        _write_project(template)
        _TEMPLATE = template
    shutil.copytree(_TEMPLATE, root, dirs_exist_ok=True, symlinks=True)
    return root


_TEMPLATE: Path | None = None


def _write_project(root: Path) -> Path:
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for name, text in PAGES.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "content" / "includes").mkdir(exist_ok=True)
    (root / "content" / "includes" / "abbreviations.md").write_text(ABBREVIATIONS, encoding="utf-8")
    (root / "quizzes").mkdir(exist_ok=True)
    (root / "quizzes" / "first-steps.yml").write_text(QUIZ, encoding="utf-8")
    academy(root, "i18n", "update")
    translate_catalogs(root, "ru", RU)
    translate_catalogs(root, "fil", FIL)
    academy(root, "i18n", "update")  # the catalogs as the project keeps them
    return root


def translate_catalogs(root: Path, lang: str, table: dict[str, str]) -> None:
    for path in (root / "locales" / lang / "LC_MESSAGES").rglob("*.po"):
        catalog = polib.pofile(str(path))  # a translator's tool: polib writes as Poedit does
        for entry in catalog:
            if entry.msgid and entry.msgid in table:
                value = table[entry.msgid]
                if entry.msgid_plural:
                    forms = value if isinstance(value, tuple) else (value,) * len(entry.msgstr_plural)
                    entry.msgstr_plural = dict(enumerate(forms))
                else:
                    entry.msgstr = value
        catalog.save()


def translate(root: Path, lang: str, domain: str, msgid: str, msgstr: str) -> None:
    """A translator's save of one message in Poedit: polib writes the catalog back as Poedit does."""
    catalog = polib.pofile(str(root / "locales" / lang / "LC_MESSAGES" / f"{domain}.po"))
    entry = catalog.find(msgid)
    assert entry is not None, f"{lang}: no message {msgid!r} in {domain}"
    entry.msgstr = msgstr
    catalog.save()


def edit(path: Path, old: str, new: str) -> None:
    """The first `old` in the file replaced by `new`; a test whose `old` is not there fails at once."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """The number of the first line of the file that holds `needle`."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def academy(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "academy.cli", *args], cwd=root, capture_output=True,
                          text=True, check=True)


def check(root: Path) -> subprocess.CompletedProcess:
    """`academy check` as an editor runs it: its output and exit status, whatever they are."""
    return subprocess.run([sys.executable, "-m", "academy.cli", "check"], cwd=root, capture_output=True, text=True)


def refused_by_check(root: Path, path: str, line: int, words: str) -> str:
    """`academy check` refuses the editor's mistake: exit 1, no traceback, `path:line: ...words...` with
    a `hint:` on the next row. The hint row is returned."""
    checked = check(root)
    output = checked.stdout + checked.stderr
    assert checked.returncode == 1, output
    assert "Traceback" not in output, output
    rows = output.splitlines()
    found = [i for i, row in enumerate(rows) if row.startswith(f"{path}:{line}: ") and words in row]
    assert found, output
    assert rows[found[0] + 1].strip().startswith("hint: "), output
    return rows[found[0] + 1]


def refused_by_build(root: Path, path: str, line: int) -> None:
    """The build gives check's verdict: it fails at `path:line`, without a traceback, and publishes nothing."""
    built = build(root, check=False).result
    assert built.returncode != 0, "check and build give the same verdict"
    assert f"{path}:{line}: " in built.stderr and "Traceback" not in built.stdout + built.stderr, built.stderr
    assert not (root / "site").exists(), "nothing is published"


def leftovers(root: Path, seconds: float = 60) -> list[str]:
    """The folders a build left beside `site/`, once the old sites handed to a deleter are gone
    (a build does not wait for that; it takes a moment)."""
    deadline = time.monotonic() + seconds
    while True:
        found = sorted(p.name for p in root.iterdir() if p.name.startswith(".site"))
        if not any(name.startswith(".site.trash-") for name in found) or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def build(root: Path, *args: str, check: bool = True) -> Built:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("ACADEMY_LANG", None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=root, capture_output=True,
                            text=True, env=env, check=False)
    if check and result.returncode != 0:
        raise AssertionError(f"build failed:\n{result.stdout}\n{result.stderr}")
    return Built(root, root / "site", result)
