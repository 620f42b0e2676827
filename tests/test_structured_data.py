"""Structured data and language links, read from the built HTML."""

from __future__ import annotations

import json
from pathlib import Path

import html5lib


def documents(site: Path):
    for path in sorted(site.rglob("*.html")):
        if path.name == "404.html" or "pagefind" in path.parts:
            continue
        yield path, html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)


def jsonld(doc) -> list[dict]:
    return [json.loads(s.text) for s in doc.iter("script") if s.get("type") == "application/ld+json"]


def test_every_json_ld_block_is_strict_json_with_known_types(built_site):
    seen = set()
    for path, doc in documents(built_site.site):
        for block in jsonld(doc):
            assert block["@context"] == "https://schema.org"
            assert block["@type"] in {"LearningResource", "BreadcrumbList", "FAQPage", "Quiz"}, path
            seen.add(block["@type"])
    assert seen == {"LearningResource", "BreadcrumbList", "FAQPage", "Quiz"}


def test_each_quiz_is_a_schema_org_quiz_in_the_pages_language(built_site):
    doc = html5lib.parse(built_site.html("ru/journey/first-steps/index.html"), namespaceHTMLElements=False)
    quiz = next(b for b in jsonld(doc) if b["@type"] == "Quiz")
    assert quiz["inLanguage"] == "ru" and quiz["name"] == "Тест «Первые шаги»"
    first = quiz["hasPart"][0]
    assert first["@type"] == "Question" and first["eduQuestionType"] == "Multiple choice"
    assert first["text"] == "Что делает покупатель перед покупкой?"
    assert first["acceptedAnswer"] == [{"@type": "Answer", "text": "Читает отзывы"}]
    assert len(quiz["hasPart"]) == 7


def test_each_language_sitemap_lists_its_pages_with_their_alternates(built_site):
    import xml.etree.ElementTree as etree

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = etree.fromstring(built_site.html("ru/sitemap.xml").encode())
    urls = {u.find("s:loc", ns).text: {link.get("hreflang"): link.get("href") for link in u.findall("x:link", ns)}
            for u in root.findall("s:url", ns)}
    lesson = urls["https://academy.test/ru/journey/first-steps/"]
    assert lesson == {"en": "https://academy.test/journey/first-steps/", "ru": "https://academy.test/ru/journey/first-steps/",
                      "x-default": "https://academy.test/journey/first-steps/"}
    filipino = etree.fromstring(built_site.html("fil/sitemap.xml").encode())
    locations = [u.find("s:loc", ns).text for u in filipino.findall("s:url", ns)]
    assert "https://academy.test/fil/journey/first-steps/" not in locations  # falls back to English: not offered


def test_lesson_structured_data_is_in_the_pages_language(built_site):
    doc = html5lib.parse(built_site.html("ru/journey/first-steps/index.html"), namespaceHTMLElements=False)
    blocks = {b["@type"]: b for b in jsonld(doc)}
    assert blocks["FAQPage"]["inLanguage"] == "ru"
    assert blocks["FAQPage"]["mainEntity"][0]["name"] == "Почему отзывы важны?"
    assert blocks["FAQPage"]["mainEntity"][0]["acceptedAnswer"]["text"] == "<p>Потому что покупатели доверяют другим покупателям.</p>"
    resource = blocks["LearningResource"]
    assert resource["inLanguage"] == "ru" and resource["timeRequired"].startswith("PT")
    assert resource["isPartOf"]["name"] == "Путь клиента"
    assert [item["name"] for item in blocks["BreadcrumbList"]["itemListElement"]] == [
        "Тестовая академия", "Путь клиента", "Первые шаги"]


def test_one_faq_block_per_page_at_most(built_site):
    for path, doc in documents(built_site.site):
        assert sum(1 for b in jsonld(doc) if b["@type"] == "FAQPage") <= 1, path


def test_one_absolute_self_canonical_per_page(built_site):
    for path, doc in documents(built_site.site):
        canonicals = [link.get("href") for link in doc.iter("link") if link.get("rel") == "canonical"]
        relative = path.relative_to(built_site.site).parent.as_posix()
        expected = "https://academy.test/" + ("" if relative == "." else relative + "/")
        assert canonicals == [expected], path


def sitemap_alternates(site: Path) -> dict[str, dict[str, str]]:
    """Every page offered to search engines, in every language's sitemap, with its hreflang alternates."""
    import xml.etree.ElementTree as etree

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    alternates = {}
    for sitemap in (site / "sitemap.xml", site / "fil/sitemap.xml", site / "ru/sitemap.xml"):
        for url in etree.fromstring(sitemap.read_bytes()).findall("s:url", ns):
            alternates[url.find("s:loc", ns).text] = {link.get("hreflang"): link.get("href")
                                                      for link in url.findall("x:link", ns)}
    return alternates


def test_hreflang_alternates_are_in_the_sitemaps_only_reciprocal_and_absolute(built_site):
    for path, doc in documents(built_site.site):
        # Material's bundle fetches a sitemap.xml beside every <link rel=alternate> in a page's head
        assert [link for link in doc.iter("link") if link.get("rel") == "alternate"] == [], path
    alternates = sitemap_alternates(built_site.site)
    assert "https://academy.test/ru/journey/first-steps/" in alternates
    for canonical, links in alternates.items():
        assert links["x-default"].startswith("https://academy.test/")
        assert canonical in links.values(), canonical
        assert set(links) <= {"en", "tl", "ru", "x-default"}
        for lang, url in links.items():
            if lang != "x-default":
                assert alternates[url] == links, (canonical, url)


def test_a_page_that_falls_back_to_english_is_not_offered_as_a_translation(built_site):
    doc = html5lib.parse(built_site.html("fil/journey/first-steps/index.html"), namespaceHTMLElements=False)
    assert any(m.get("name") == "robots" and m.get("content") == "noindex" for m in doc.iter("meta"))
    hreflangs = set(sitemap_alternates(built_site.site)["https://academy.test/journey/first-steps/"])
    assert "tl" not in hreflangs and "ru" in hreflangs


def test_open_graph_locale_per_language(built_site):
    for prefix, locale in (("", "en_US"), ("fil/", "fil_PH"), ("ru/", "ru_RU")):
        doc = html5lib.parse(built_site.html(f"{prefix}journey/first-steps/index.html"), namespaceHTMLElements=False)
        assert [m.get("content") for m in doc.iter("meta") if m.get("property") == "og:locale"] == [locale]


def test_every_type_and_property_exists_in_the_schema_org_vocabulary(built_site):
    from schemaorg_check import problems

    checked = 0
    for path, doc in documents(built_site.site):
        for block in jsonld(doc):
            assert problems(block) == [], path
            checked += 1
    assert checked >= 8


def test_the_vocabulary_check_catches_a_made_up_property():
    from schemaorg_check import problems

    assert problems({"@type": "Quiz", "hasPart": [{"@type": "Question", "answerKey": "x"}]}) == [
        "$.hasPart[0]: Question has no property answerKey"]
    assert problems({"@type": "Lesson"}) == ["$: unknown type Lesson"]


def test_extruct_finds_the_same_json_ld_blocks(built_site):
    import extruct

    for path, doc in documents(built_site.site):
        html = path.read_text(encoding="utf-8")
        found = extruct.extract(html, syntaxes=["json-ld"], errors="strict", uniform=False)["json-ld"]
        assert found == jsonld(doc), path


def test_an_faq_answer_with_html_or_a_character_reference_reaches_the_faq_data_as_written(site: Path):
    """Markdown sets raw HTML and character references aside while it renders and puts them back only in
    the page's HTML text: read from the rendered elements, the answer in the FAQPage data held Markdown's
    placeholders (\\x02wzxhzdk:N\\x03) where the page shows the text."""
    import sitekit

    sitekit.edit(site / "content/journey/first-steps.md", "Because shoppers trust other shoppers.",
                 "Because shoppers trust other shoppers &mdash; <b>most</b> of them &amp; more.\n\n"
                 "<div>A second paragraph.</div>")
    built = sitekit.build(site)
    doc = html5lib.parse((built.site / "journey/first-steps/index.html").read_text(encoding="utf-8"),
                         namespaceHTMLElements=False)
    [faq] = [block for block in jsonld(doc) if block["@type"] == "FAQPage"]
    [entry] = faq["mainEntity"]
    answer = entry["acceptedAnswer"]["text"]
    assert "wzxhzdk" not in answer and "\x02" not in answer and "\x03" not in answer, answer
    text = " ".join("".join(html5lib.parse(answer, namespaceHTMLElements=False).itertext()).split())
    assert text == "Because shoppers trust other shoppers \u2014 most of them & more. A second paragraph.", text
    assert "<b>most</b>" in answer and "<div>A second paragraph.</div>" in answer, answer
