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


def quiz_ld(quiz, tr, ui, language: str, url: str) -> dict:
    """schema.org Quiz with its questions and their answers, in the page's language."""
    parts = []
    for question in quiz.questions:
        item = {"@type": "Question", "eduQuestionType": question.schema_org_type, "text": tr(question.text)}
        accepted = [{"@type": "Answer", "text": text} for text in question.accepted_answers(tr, ui)]
        suggested = [{"@type": "Answer", "text": text} for text in question.suggested_answers(tr)]
        # A question that offers options lists its answers; any other has one answer, or several accepted forms.
        item["acceptedAnswer"] = accepted if suggested or len(accepted) != 1 else accepted[0]
        if suggested:
            item["suggestedAnswer"] = suggested
        parts.append(item)
    return {"@context": "https://schema.org", "@type": "Quiz", "name": tr(quiz.title), "inLanguage": language,
            "url": url, "hasPart": parts}
