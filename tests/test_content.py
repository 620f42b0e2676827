"""The academy's own lessons, as trainees get them in each language."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import html5lib
import pytest
import yaml

import sitekit

ROOT = Path(__file__).resolve().parent.parent
LESSONS = {
    "customer-journey/moments-of-truth": "moments-of-truth",
    "customer-journey/customer-engagement": "customer-engagement",
    "service-skills/customer-interactions": "customer-interactions",
    "service-skills/soft-skills": "soft-skills",
    "service-skills/handling-complaints": "handling-complaints",
}
PREFIXES = {"en": "", "fil": "fil/", "ru": "ru/"}


@pytest.fixture(scope="module")
def academy_site(tmp_path_factory) -> sitekit.Built:
    root = tmp_path_factory.mktemp("real")
    for name in ("mkdocs.yml", "content", "quizzes", "locales"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    return sitekit.build(root, "--strict")


def parse(built, path):
    return html5lib.parse(built.html(path), namespaceHTMLElements=False)


def text_of(node) -> str:
    return " ".join("".join(node.itertext()).split())


@pytest.mark.parametrize("lang", PREFIXES)
@pytest.mark.parametrize("lesson", LESSONS)
def test_every_lesson_exists_translated_with_its_faq_and_quiz(academy_site, lesson, lang):
    doc = parse(academy_site, f"{PREFIXES[lang]}{lesson}/index.html")
    assert doc.get("lang") == lang
    assert doc.find(".//div[@role='note']") is None, "the page shows the not-translated notice"
    assert len(doc.findall(".//details[@class='academy-faq__item']")) >= 3
    quiz = doc.find(".//section[@class='academy-quiz']")
    assert quiz is not None and quiz.get("data-quiz") == LESSONS[lesson]
    assert len(quiz.findall(".//fieldset")) >= 5


@pytest.mark.parametrize("lesson", LESSONS)
def test_english_lessons_have_at_least_900_words_and_a_short_description(lesson):
    text = (ROOT / "content" / f"{lesson}.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---")[1])
    assert meta["title"] and 0 < len(meta["description"]) <= 160
    body = text.split("---", 2)[2]
    assert len(re.findall(r"[A-Za-z][A-Za-z'’-]*", body)) >= 900
    assert "## Key takeaways" in body


@pytest.mark.parametrize("lang", ["fil", "ru"])
def test_translated_descriptions_stay_short(academy_site, lang):
    for lesson in LESSONS:
        doc = parse(academy_site, f"{PREFIXES[lang]}{lesson}/index.html")
        description = doc.find(".//meta[@name='description']").get("content")
        assert 0 < len(description) <= 160, (lesson, description)


@pytest.mark.parametrize("lang", PREFIXES)
def test_glossary_explains_every_term_in_each_language(academy_site, lang):
    doc = parse(academy_site, f"{PREFIXES[lang]}glossary/index.html")
    assert doc.find(".//div[@role='note']") is None
    for term in ("zmot", "fmot", "smot", "umot", "less-than-zero-moment-of-truth", "csat", "nps", "churn",
                 "customer-journey", "touchpoint"):
        heading = doc.find(f".//h2[@id='{term}']")
        assert heading is not None, term


@pytest.mark.parametrize("lang", PREFIXES)
def test_abbreviations_are_explained_where_they_appear(academy_site, lang):
    doc = parse(academy_site, f"{PREFIXES[lang]}customer-journey/moments-of-truth/index.html")
    titles = {a.text: a.get("title") for a in doc.iter("abbr")}
    assert "ZMOT" in titles and titles["ZMOT"]


@pytest.mark.parametrize("lang", ["fil", "ru"])
def test_diagram_labels_are_translated(academy_site, lang):
    english = (ROOT / "content/assets/diagrams/customer-journey.svg").read_text(encoding="utf-8")
    translated = academy_site.html(f"{PREFIXES[lang]}assets/diagrams/customer-journey.svg")
    assert translated != english
    assert "<title>" in translated


@pytest.mark.parametrize("lang", PREFIXES)
def test_home_lists_every_course_and_lesson_as_cards(academy_site, lang):
    doc = parse(academy_site, f"{PREFIXES[lang]}index.html")
    cards = doc.findall(".//li[@class='academy-card']")
    assert len(cards) == len(LESSONS)
    for card in cards:
        assert text_of(card.find(".//span[@class='academy-card__title']"))
        assert text_of(card.find(".//span[@class='academy-card__meta']"))
