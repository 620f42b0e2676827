"""Structured data (schema.org JSON-LD) for lessons, courses and FAQs.

Google retired FAQ rich results on 7 May 2026; the FAQPage markup is kept
valid and truthful for other search and answer engines, not for rich results.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from .site import PageInfo

FAQ_ALLOWED = {"h1", "h2", "h3", "h4", "h5", "h6", "br", "ol", "ul", "li", "a", "p", "div", "b", "strong", "i", "em"}
# Our own inline markup, dropped quietly: its text stays.
FAQ_QUIET = {"abbr", "span", "code"}


class _Sanitizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stripped: set[str] = set()

    def handle_starttag(self, tag, attrs):
        if tag in FAQ_ALLOWED:
            keep = [(k, v) for k, v in attrs if tag == "a" and k == "href" and v and not v.lower().startswith("javascript:")]
            self.out.append(f"<{tag}" + "".join(f' {k}="{escape(v)}"' for k, v in keep) + ">")
        elif tag not in FAQ_QUIET:
            self.stripped.add(tag)

    def handle_endtag(self, tag):
        if tag in FAQ_ALLOWED and tag != "br":
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(escape(data, quote=False))


def sanitize_answer(html: str) -> tuple[str, set[str]]:
    """The answer with only the tags Google's FAQ rules allowed, and the tags removed."""
    parser = _Sanitizer()
    parser.feed(html)
    parser.close()
    return "".join(parser.out).strip(), parser.stripped


def faq_page(entries: list[tuple[str, str]], language: str, url: str) -> dict:
    """FAQPage for (question, sanitized answer HTML) pairs."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": language,
        "url": url,
        "mainEntity": [
            {
                "@type": "Question",
                "name": question,
                "acceptedAnswer": {"@type": "Answer", "text": answer},
            }
            for question, answer in entries
        ],
    }


def learning_resource(info: PageInfo, url: str, language: str, provider: str,
                      course: str | None, course_url: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "name": info.title,
        "description": info.description,
        "inLanguage": language,
        "url": url,
        "timeRequired": f"PT{info.minutes}M",
        "learningResourceType": "lesson",
        "provider": {"@type": "Organization", "name": provider},
    }
    if course:
        data["isPartOf"] = {"@type": "Course", "name": course, "url": course_url}
    return data


def breadcrumbs(trail: list[tuple[str, str]]) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


QUESTION_TYPES = {
    "single": "Multiple choice",
    "true_false": "True or false",
    "multiple": "Checkbox",
    "ordering": "Ordering",
    "matching": "Matching",
    "numeric": "Numeric",
    "text": "Short answer",
}


def quiz_ld(quiz, tr, ui, language: str, url: str) -> dict:
    """schema.org Quiz with its questions and their answers, in the page's language."""
    parts = []
    for question in quiz.questions:
        item = {"@type": "Question", "eduQuestionType": QUESTION_TYPES[question.type], "text": tr(question.text)}
        if question.type in ("single", "multiple"):
            item["acceptedAnswer"] = [{"@type": "Answer", "text": tr(o.text)} for o in question.options if o.correct]
            item["suggestedAnswer"] = [{"@type": "Answer", "text": tr(o.text)} for o in question.options if not o.correct]
        elif question.type == "true_false":
            item["acceptedAnswer"] = {"@type": "Answer", "text": ui.t("quiz.true" if question.answer else "quiz.false")}
        elif question.type == "ordering":
            item["acceptedAnswer"] = {"@type": "Answer", "text": " → ".join(tr(i) for i in question.items)}
        elif question.type == "matching":
            item["acceptedAnswer"] = {"@type": "Answer",
                                      "text": "; ".join(f"{tr(p.prompt)} → {tr(p.answer)}" for p in question.pairs)}
        elif question.type == "numeric":
            unit = tr(question.unit) if question.unit else ""
            item["acceptedAnswer"] = {"@type": "Answer", "text": f"{question.answer:g}{unit}"}
        else:
            item["acceptedAnswer"] = {"@type": "Answer", "text": tr(question.answers[0])}
        parts.append(item)
    return {"@context": "https://schema.org", "@type": "Quiz", "name": tr(quiz.title), "inLanguage": language,
            "url": url, "hasPart": parts}
