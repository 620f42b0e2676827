"""The trilingual site as a trainee gets it: built HTML, parsed with a real parser."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import html5lib
import pytest

import sitekit

NS = {"h": "http://www.w3.org/1999/xhtml"}


def parse(built: sitekit.Built, path: str):
    return html5lib.parse(built.html(path), namespaceHTMLElements=False)


def text_of(node) -> str:
    return " ".join("".join(node.itertext()).split())


def article(doc):
    return doc.find(".//article")


@pytest.mark.parametrize(("path", "lang"), [("index.html", "en"), ("fil/index.html", "fil"), ("ru/index.html", "ru")])
def test_each_language_root_has_its_lang(built_site, path, lang):
    assert parse(built_site, path).get("lang") == lang


def test_filipino_pages_show_materials_tagalog_interface(built_site):
    doc = parse(built_site, "fil/journey/first-steps/index.html")
    skip = doc.find(".//a[@class='md-skip']")
    assert skip is not None and text_of(skip) == "I-skip tungo sa nilalaman"


def test_russian_pages_show_materials_russian_interface(built_site):
    doc = parse(built_site, "ru/journey/first-steps/index.html")
    assert text_of(doc.find(".//a[@class='md-skip']")) == "Перейти к содержанию"


def test_switcher_leads_to_the_same_lesson_in_each_language(built_site):
    for here in ("journey/first-steps/index.html", "fil/journey/first-steps/index.html", "ru/journey/first-steps/index.html"):
        doc = parse(built_site, here)
        links = {a.get("hreflang"): a.get("href") for a in doc.iterfind(".//a[@class='md-select__link']")}
        assert set(links) == {"en", "fil", "ru"}
        base = built_site.site.resolve() / Path(here).parent
        resolved = {lang: (base / href / "index.html").resolve().relative_to(built_site.site.resolve()).as_posix()
                    for lang, href in links.items()}
        assert resolved == {
            "en": "journey/first-steps/index.html",
            "fil": "fil/journey/first-steps/index.html",
            "ru": "ru/journey/first-steps/index.html",
        }


def test_russian_lesson_is_rendered_from_the_catalog(built_site):
    body = text_of(article(parse(built_site, "ru/journey/first-steps/index.html")))
    assert "Покупатель читает отзывы перед покупкой." in body
    assert "A shopper reads reviews" not in body
    assert "Part of this page" not in body and "Часть страницы" not in body


def test_headings_keep_their_english_anchors_in_every_language(built_site):
    doc = parse(built_site, "ru/journey/first-steps/index.html")
    heading = doc.find(".//h2[@id='the-research-moment']")
    assert heading is not None and text_of(heading) == "Момент исследования"


def test_untranslated_block_falls_back_to_english_with_a_notice_in_the_readers_language(built_site):
    doc = parse(built_site, "fil/journey/first-steps/index.html")
    body = text_of(article(doc))
    assert "Every customer meets the brand through a touchpoint." in body  # untranslated: English
    assert "Nagbabasa ng reviews ang mamimili bago bumili." in body  # translated
    notice = doc.find(".//div[@role='note']")
    assert notice is not None
    assert "hindi pa naisasalin" in text_of(notice)


def test_fully_translated_pages_show_no_notice(built_site):
    assert parse(built_site, "ru/journey/first-steps/index.html").find(".//div[@role='note']") is None
    assert parse(built_site, "journey/first-steps/index.html").find(".//div[@role='note']") is None


@pytest.mark.parametrize(("path", "lang", "words"), [
    ("404.html", "en", "Page not found"),
    ("fil/404.html", "fil", "Hindi nahanap ang pahina"),
    ("ru/404.html", "ru", "Страница не найдена"),
])
def test_each_language_has_its_own_404(built_site, path, lang, words):
    doc = parse(built_site, path)
    assert doc.get("lang") == lang
    assert words in text_of(doc.find(".//h1"))


def test_each_language_has_its_own_sitemap_and_the_root_indexes_them(built_site):
    for prefix in ("", "ru/"):
        sitemap = built_site.html(prefix + "sitemap.xml")
        assert f"https://academy.test/{prefix}journey/first-steps/" in sitemap
    # the Filipino lesson falls back to English in part, so its sitemap leaves it out
    assert "<urlset" in built_site.html("fil/sitemap.xml")
    index = built_site.html("sitemap-index.xml")
    for prefix in ("", "fil/", "ru/"):
        assert f"<loc>https://academy.test/{prefix}sitemap.xml</loc>" in index


def _index_texts(folder: Path) -> tuple[set[str], str]:
    """The languages of a Pagefind index and the text of every page in it."""
    entry = json.loads((folder / "pagefind" / "pagefind-entry.json").read_text())
    texts = []
    for fragment in (folder / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        data = data[data.index(b"{"):]
        texts.append(json.loads(data)["content"])
    return set(entry["languages"]), "\n".join(texts)


def test_each_language_has_its_own_search_index_with_only_its_own_text(built_site):
    languages, text = _index_texts(built_site.site / "ru")
    assert languages == {"ru"}
    assert "Покупатель читает отзывы" in text
    assert "A shopper reads reviews" not in text
    languages, text = _index_texts(built_site.site)
    assert languages == {"en"}
    assert "A shopper reads reviews" in text
    assert "Покупатель" not in text and "Nagbabasa" not in text


@pytest.mark.parametrize("folder", ["", "fil", "ru"])
def test_each_index_ships_only_what_the_academys_search_asks_for(built_site, folder):
    """Pagefind's own ready-made interfaces (about 420 KB a language) are never loaded: the academy
    searches through its own dialog. What that dialog loads stays: Pagefind, its worker, its
    WebAssembly, the entry, metadata, index and fragments."""
    index = built_site.site / folder / "pagefind"
    names = {path.name for path in index.iterdir()}
    assert not {name for name in names if "-ui." in name or "highlight" in name}, names
    assert {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "index", "fragment"} <= names, names
    assert any(name.endswith(".pf_meta") for name in names) and any(name.startswith("wasm.") for name in names)


def test_quiz_answers_and_feedback_never_reach_the_search_index(built_site):
    for folder in (built_site.site, built_site.site / "ru"):
        _languages, text = _index_texts(folder)
        assert "Secretfeedbackword" not in text and "Секретноеслово" not in text
        assert "Shoppers research first" not in text


def test_nothing_on_a_page_comes_from_another_host(built_site):
    for path in ("index.html", "fil/journey/first-steps/index.html", "ru/journey/first-steps/index.html"):
        doc = parse(built_site, path)
        for element in doc.iter():
            for attribute in ("src", "href"):
                value = element.get(attribute) or ""
                if element.tag in ("script", "link", "img", "iframe") and value.startswith(("http:", "https:", "//")):
                    # only links to our own pages (canonical, hreflang) may be absolute
                    assert element.tag == "link" and element.get("rel") in ("canonical", "alternate"), value
                    assert value.startswith("https://academy.test/"), value
