"""More of what a translator's account can try, beyond tests/test_attacks.py.

Invisible characters that reorder or hide text (a right-to-left override makes
"gpj.exe" read "exe.jpg"), template syntax that must stay text, and markup
hidden in the places a translation reaches besides the page body: the
tooltip of an abbreviation, a quiz option, a hand-written page.
"""

from __future__ import annotations

import html5lib
import pytest

import sitekit
from academy.localize import handwritten_problems
from academy.markup import markup_problem

RLO, LRI, PDI, ZWSP, LINE_SEPARATOR = "\u202e", "\u2066", "\u2069", "\u200b", "\u2028"

# (kind, msgid, hostile msgstr): every kind of message a catalog holds
INVISIBLE = [
    ("paragraph", "Every customer meets the brand.", f"Каждый {RLO}тнеилк встречает бренд."),
    ("paragraph", "Open the attachment.", f"Откройте {LRI}exe.jpg{PDI}."),
    ("section heading", "Why reviews matter", f"Почему{ZWSP} важны отзывы"),
    ("page title", "First steps", f"Первые {RLO}игаш"),
    ("page description", "How a customer meets a brand.", f"Как клиент{LINE_SEPARATOR}встречает бренд."),
    ("interface", "Search", f"Поиск{RLO}"),
    ("abbreviation", "Zero moment of truth", f"Нулевой {RLO}ыниткси тнемом"),
    ("text", "Reads reviews", f"Читает {RLO}ывызто"),  # a quiz option
    ("quiz accepted answer", "emotional", f"эмоциональная|{RLO}яанчилзарбу"),
    ("FAQ answer", "Because shoppers trust other shoppers.", "Потому что\u2029покупатели доверяют."),
]


@pytest.mark.parametrize(("kind", "msgid", "msgstr"), INVISIBLE, ids=[f"{c[0]}-{i}" for i, c in enumerate(INVISIBLE)])
def test_a_translation_with_an_invisible_reordering_or_hiding_character_is_refused(kind, msgid, msgstr):
    reason = markup_problem(msgid, msgstr, kind)
    assert reason and "invisible character U+" in reason


def test_an_invisible_character_the_english_has_may_stay_and_joiners_always_may():
    assert markup_problem(f"Press {LRI}Ctrl{PDI} now.", f"Нажмите {LRI}Ctrl{PDI} сейчас.") is None
    # zero-width joiners build emoji sequences and are no threat
    assert markup_problem("Well done!", "Молодец! 👩\u200d💻") is None
    assert markup_problem("A shop", "Магазин\u00ad") is None  # a soft hyphen breaks a long word


def test_a_hand_written_page_with_a_direction_override_is_refused_at_its_line():
    english = "---\ntitle: First steps\n---\n\n# First steps\n\nEvery customer meets the brand.\n"
    page = english.replace("Every customer meets the brand.", f"Каждый {RLO}тнеилк встречает бренд.")
    problems = handwritten_problems(english, page, "locales/ru/pages/first-steps.md")
    assert problems and problems[0].line == 7 and "U+202E" in problems[0].message


# Classes tests/test_attacks.py does not try: data: URLs, style and frames, footnotes,
# a mail autolink, a code fence opened in an answer.
OTHER_REFUSED = [
    ("paragraph", "See [the glossary](../glossary.md).", "См. [глоссарий](data:text/html;base64,PHNjcmlwdD4=)."),
    ("paragraph", "A diagram: ![Journey](journey.svg)", "Схема: ![Путь](data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E)"),
    ("paragraph", "See [the glossary](../glossary.md).", "См. [глоссарий](vbscript:msgbox(1))."),
    ("paragraph", "Every customer meets the brand.", "Каждый <style>body{display:none}</style> клиент"),
    ("paragraph", "Every customer meets the brand.", "Каждый <iframe src=//evil.example/></iframe> клиент"),
    ("paragraph", "Every customer meets the brand.", "Каждый[^1] клиент"),
    ("paragraph", "Every customer meets the brand.", "Каждый <evil@example.org> клиент"),
    ("FAQ answer", "Because shoppers trust other shoppers.", "Потому что\n```html"),
]


@pytest.mark.parametrize(("kind", "msgid", "msgstr"), OTHER_REFUSED, ids=[f"{c[0]}-{i}" for i, c in enumerate(OTHER_REFUSED)])
def test_data_urls_frames_styles_footnotes_and_fences_are_refused(kind, msgid, msgstr):
    assert markup_problem(msgid, msgstr, kind)


def test_a_quote_in_a_link_title_stays_inside_the_title():
    from academy.markup import render

    msgid = 'See [the glossary](../glossary.md "The glossary").'
    msgstr = 'См. [глоссарий](../glossary.md "Глоссарий" class="md-button").'
    assert markup_problem(msgid, msgstr) is None  # a title is translated text
    [link] = html5lib.parseFragment(render(msgstr), namespaceHTMLElements=False).iter("a")
    assert dict(link.attrib) == {"href": "../glossary.md", "title": 'Глоссарий" class="md-button'}


# Accepted: each is text, and the build must print it as text (checked in the site below).
INERT = [
    ("page title", "First steps", "Первые шаги {{ config.site_name }}"),
    ("paragraph", "Every customer meets the brand through a touchpoint.", "Каждый клиент {% if true %}встречает{% endif %} бренд."),
    ("text", "Reads reviews", "Читает {{ 7*7 }} отзывов"),
    ("abbreviation", "Zero moment of truth", 'Нулевой "момент" истины'),
    ("paragraph", "A shopper reads reviews before buying.", "Покупатель читает &amp;lt;b&amp;gt;отзывы&amp;lt;/b&amp;gt;."),
]


@pytest.mark.parametrize(("kind", "msgid", "msgstr"), INERT, ids=[f"{c[0]}-{i}" for i, c in enumerate(INERT)])
def test_template_syntax_quotes_and_double_escaped_tags_are_accepted_as_text(kind, msgid, msgstr):
    assert markup_problem(msgid, msgstr, kind) is None


# Accepted as text; Russian search shows Pagefind's excerpt of it as HTML, which must keep it text.
EXCERPT = 'Потому что &lt;b class="academy-injected"&gt;покупателизыв&lt;/b&gt; доверяют &lt;img src=/favicon.ico&gt;.'


@pytest.fixture(scope="module")
def seam_site(tmp_path_factory):
    root = sitekit.write_project(tmp_path_factory.mktemp("seam"))
    table = {msgid: msgstr for _kind, msgid, msgstr in INERT}
    table["The research moment"] = f"Момент {RLO}яинаводелсси"  # refused: the English heading is shown
    table["Because shoppers trust other shoppers."] = EXCERPT
    sitekit.translate_catalogs(root, "ru", {**sitekit.RU, **table})
    return sitekit.build(root)


def _doc(built: sitekit.Built, path: str):
    return html5lib.parse(built.html(path), namespaceHTMLElements=False)


def test_template_syntax_in_a_translation_reaches_the_page_as_the_text_it_is(seam_site):
    doc = _doc(seam_site, "ru/journey/first-steps/index.html")
    assert doc.find(".//title").text.startswith("Первые шаги {{ config.site_name }}")
    text = "".join(doc.find(".//article").itertext())
    assert "Каждый клиент {% if true %}встречает{% endif %} бренд." in text
    assert "Читает {{ 7*7 }} отзывов" in text and "Читает 49" not in text
    # a doubly escaped tag is shown once unescaped, as text, and never becomes an element
    assert "Покупатель читает &lt;b&gt;отзывы&lt;/b&gt;." in text
    assert not [b for b in doc.iter("b") if (b.text or "") == "отзывы"]


def test_quotes_in_an_abbreviation_stay_inside_its_tooltip(seam_site):
    doc = _doc(seam_site, "ru/journey/first-steps/index.html")
    titles = {abbr.get("title") for abbr in doc.iter("abbr") if abbr.text == "ZMOT"}
    assert titles == {'Нулевой "момент" истины'}
    for abbr in doc.iter("abbr"):
        assert set(abbr.attrib) <= {"title", "class", "tabindex", "data-title"}, abbr.attrib


def test_a_heading_with_a_direction_override_is_refused_with_its_po_line(seam_site):
    output = seam_site.result.stdout + seam_site.result.stderr
    assert "locales/ru/LC_MESSAGES/content/journey/first-steps.po:" in output and "U+202E" in output
    assert "Traceback" not in output
    html = seam_site.html("ru/journey/first-steps/index.html")
    assert RLO not in html and "The research moment" in html


@pytest.mark.browser
def test_a_tag_written_as_text_in_a_translation_stays_text_in_search_results(seam_site, page):
    from conftest import serve

    server, url = serve(seam_site.site)
    try:
        page.goto(f"{url}/ru/")
        page.locator(".academy-search-open").click()
        page.keyboard.type("покупателизыв")
        page.locator(".academy-search__results li").first.wait_for()
        results = page.locator(".academy-search__results")
        assert '<b class="academy-injected">' in results.inner_text()
        assert results.locator(".academy-injected").count() == 0 and results.locator("img").count() == 0
        assert page.errors == []
    finally:
        server.shutdown()
