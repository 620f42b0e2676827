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
        # the first letter's hits show at once; wait for the whole word's, which hold the excerpt
        page.wait_for_function("() => { const r = document.querySelector('.academy-search__results');"
                               " return !r.hasAttribute('aria-busy') && r.textContent.includes('покупателизыв'); }",
                               timeout=30_000)
        results = page.locator(".academy-search__results")
        assert '<b class="academy-injected">' in results.inner_text()
        assert results.locator(".academy-injected").count() == 0 and results.locator("img").count() == 0
        assert page.errors == []
    finally:
        server.shutdown()


# -- a message that changes the elements around it, floods the renderer, or is not text ----------
#
# A message is compared with its English as a fragment, and the fragment parser forgives what a page
# does not: it drops a stray "</div>" and closes an "<em>" left open at the fragment's end. On the
# page, "</div>" closes the element the message sits in (the text after it leaves the article, the
# FAQ's <details>, the quiz's form), and an <em>, <b> or <a> left open is opened again by the browser
# in every paragraph that follows.

SAME = "Every customer meets the brand."
BOLD = "Every customer <b>meets</b> the brand."
LOOSE = [
    ("paragraph", SAME, "Каждый клиент </div></article> встречает бренд."),
    ("paragraph", SAME, "Каждый клиент </details> встречает бренд."),
    ("paragraph", SAME, "Каждый <em>клиент встречает бренд."),  # emphasis may be added, not left open
    ("paragraph", BOLD, "Каждый клиент <b>встречает бренд."),
    ("paragraph", BOLD, "Каждый клиент </b>встречает<b> бренд."),
    ("paragraph", BOLD, "Каждый <b/>клиент встречает бренд."),  # "/>" does not close an HTML element
    ("paragraph", BOLD, "Каждый <b><em>клиент</b></em> встречает бренд."),
    ("list item", "Reads **reviews**", "Читает <strong>отзывы"),
    ("FAQ answer", "Because shoppers trust other shoppers.", "Потому что </section></form> покупатели доверяют."),
    ("text", "Reads reviews", "Читает </label></div> отзывы"),  # a quiz option
]


@pytest.mark.parametrize(("kind", "msgid", "msgstr"), LOOSE, ids=[f"{c[0]}-{i}" for i, c in enumerate(LOOSE)])
def test_a_tag_left_open_or_closed_without_being_opened_is_refused(kind, msgid, msgstr):
    reason = markup_problem(msgid, msgstr, kind)
    assert reason and ("open" in reason or "without opening it" in reason), reason
    assert "close every tag it opens" in reason


def test_a_hand_written_block_that_closes_the_article_is_refused():
    from academy.markup import block_problem

    assert block_problem("Every customer\nmeets the brand.", "Каждый клиент </article>\nвстречает бренд.")
    assert block_problem("Every customer\nmeets the brand.", "Каждый клиент\nвстречает бренд.") is None


def test_formatting_opened_and_closed_in_the_message_stays_allowed():
    assert markup_problem(BOLD, "Каждый клиент <b>встречает</b> <em>бренд</em>.") is None
    assert markup_problem(SAME, "Каждый <em>клиент</em> встречает <strong>бренд</strong>.") is None
    assert markup_problem(BOLD, "Каждый клиент <B>встречает</B> бренд.") is None
    assert markup_problem("Press <kbd>Enter</kbd><br>to send.", "Нажмите <kbd>Enter</kbd><br/>для отправки.") is None


# Python-Markdown's time grows with the square (or worse) of a run of brackets or backticks: 20,000
# "[" held a build for minutes, 20,000 backticks in a table cell for four. Such a translation is
# refused by counting, before anything is rendered.
LINK = "See [the glossary](../glossary.md#zmot)."
FLOODS = [
    ("paragraph", LINK, "См. " + "![" * 20000),
    ("paragraph", LINK, "См. " + "[" * 1200 + " глоссарий"),  # short enough, far too many brackets
    ("table cell", "A `chat` cell", "Ячейка " + "`" * 20000),
    ("paragraph", LINK, "См. " + "&#106;" * 20000),
    ("text", "Reads reviews", "Читает " + "отзывы " * 5000),
]


def _never(*_args, **_kwargs):
    raise AssertionError("a flood of syntax was given to the renderer")


@pytest.mark.parametrize(("kind", "msgid", "msgstr"), FLOODS, ids=[f"{c[0]}-{i}" for i, c in enumerate(FLOODS)])
def test_a_flood_of_syntax_is_refused_before_anything_is_rendered(monkeypatch, kind, msgid, msgstr):
    from academy import markup

    monkeypatch.setattr(markup, "render", _never)
    reason = markup_problem(msgid, msgstr, kind)
    assert reason and ("characters long" in reason or "where its English has" in reason), reason
    assert markup.block_problem(msgid, msgstr)


def test_a_long_honest_translation_with_its_own_parentheses_is_accepted():
    msgid = "Answer kindly (always): see [the glossary](../glossary.md#zmot) and [FAQ](faq.md)."
    msgstr = ("Отвечайте вежливо (всегда, даже если клиент (или его представитель) раздражён): "
              "см. [глоссарий](../glossary.md#zmot) и [вопросы и ответы](faq.md) (раздел «Жалобы»).") * 1
    assert markup_problem(msgid, msgstr) is None
    assert markup_problem("Google", "Google|ang Google|si Google|Google Inc|Google LLC", "text") is None


# U+FFFE and U+FFFF may not appear in XML: in a diagram label, the SVG would no longer be an image; in
# a lesson's title, the LMS package's manifest would not import. No noncharacter is text.
NONCHARACTERS = ["\uffff", "\ufffe", "\ufdd0", "\U0001fffe", "\U0010ffff"]


@pytest.mark.parametrize("char", NONCHARACTERS, ids=[f"U+{ord(c):04X}" for c in NONCHARACTERS])
@pytest.mark.parametrize("kind", ["text", "page title", "paragraph", "abbreviation", "interface"])
def test_a_noncharacter_is_refused_wherever_it_is_written(kind, char):
    reason = markup_problem("Compare prices", f"Сравнить{char} цены", kind)
    assert reason and f"U+{ord(char):04X}" in reason and "noncharacter" in reason


DIAGRAM = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 40">
  <text x="4" y="20">Compare prices</text>
</svg>
"""

SITE_NAME = '0;url=https://evil.example/" http-equiv="refresh'
LOOSE_SITE = {
    "Every customer meets the brand through a touchpoint.": "Каждый клиент </div></article> встречает бренд.",
    "A shopper reads reviews before buying.": "Покупатель <em>читает отзывы перед покупкой.",
    "Because shoppers trust other shoppers.": "Потому что </details></section> покупатели доверяют.",
    "Yes, reviews come first.": "Да, </div></fieldset></form> сначала отзывы.",
    "Reads reviews": "Читает " + "[" * 20000,
    "Compare prices": "Сравнить\uffff цены",
    "First steps": "Первые\uffff шаги",
    # plain text, accepted: the home page's title, which is also the site's name in the header and meta tags
    "Test Academy": SITE_NAME,
}


@pytest.fixture(scope="module")
def loose_site(tmp_path_factory):
    import lmskit

    root = sitekit.write_project(tmp_path_factory.mktemp("loose"))
    diagram = root / "content/assets/diagrams/prices.svg"
    diagram.parent.mkdir(parents=True)
    diagram.write_text(DIAGRAM, encoding="utf-8")
    sitekit.edit(root / "content/journey/first-steps.md", "## The research moment",
                 "![Prices](../assets/diagrams/prices.svg)\n\n## The research moment")
    sitekit.academy(root, "i18n", "update")
    sitekit.translate_catalogs(root, "ru", {**sitekit.RU, **LOOSE_SITE})
    built = sitekit.build(root)
    packaged = lmskit.package(root, root / "site-packages")
    return built, packaged


def test_loose_tags_floods_and_noncharacters_are_reported_at_their_po_lines(loose_site):
    built, packaged = loose_site
    output = built.result.stdout + built.result.stderr
    assert "Traceback" not in output and "Traceback" not in packaged.result.stderr
    for domain, msgid in (("content/journey/first-steps", "Every customer meets the brand through a touchpoint."),
                          ("content/journey/first-steps", "A shopper reads reviews before buying."),
                          ("content/journey/first-steps", "First steps"),
                          ("quizzes/first-steps", "Reads reviews"),
                          ("content/assets/diagrams/prices", "Compare prices")):
        po = built.root / "locales/ru/LC_MESSAGES" / f"{domain}.po"
        line = sitekit.line_of(po, f'msgid "{msgid}"')
        assert f"locales/ru/LC_MESSAGES/{domain}.po:" in output, domain
        assert any(f"{domain}.po:{n}:" in output for n in range(line - 5, line + 1)), (domain, msgid)  # the entry starts with its comments


def test_a_message_never_closes_or_extends_the_elements_around_it(loose_site):
    built, _packaged = loose_site
    doc = _doc(built, "ru/journey/first-steps/index.html")
    article = doc.find(".//article")
    # everything the English page keeps in its article is still in it, and nothing is emphasised
    headings = ["".join(h.itertext()).strip() for h in article.iter("h2")]
    assert headings[:2] == ["Момент исследования", "Частые вопросы"], headings
    assert not list(article.iter("em")), [("".join(e.itertext()))[:40] for e in article.iter("em")]
    faq = article.find(".//details")
    assert faq is not None and "доверяют" not in "".join(faq.itertext())
    quiz = article.find(".//section[@class='academy-quiz']")
    assert quiz is not None and quiz.find(".//form") is not None and quiz.find(".//template") is not None
    assert "Каждый клиент" not in "".join(article.itertext())


def test_a_noncharacter_never_reaches_a_diagram_or_a_package(loose_site):
    import zipfile

    from lxml import etree

    built, packaged = loose_site
    svg = (built.site / "ru/assets/diagrams/prices.svg").read_bytes()
    etree.fromstring(svg, etree.XMLParser(resolve_entities=False, no_network=True))  # still an image
    assert b"Compare prices" in svg and "\uffff".encode() not in svg
    assert packaged.result.returncode == 0, packaged.result.stderr
    for standard, member in (("scorm12", "imsmanifest.xml"), ("cmi5", "cmi5.xml")):
        with zipfile.ZipFile(packaged.zip("journey", "ru", standard)) as archive:
            manifest = archive.read(member)
        etree.fromstring(manifest, etree.XMLParser(resolve_entities=False, no_network=True))
        assert "\uffff".encode() not in manifest and b"First steps" in manifest


def test_the_translated_site_name_is_printed_as_the_text_it_is(loose_site):
    built, _packaged = loose_site
    for page in ("ru/index.html", "ru/journey/first-steps/index.html", "ru/404.html"):
        doc = _doc(built, page)
        assert not [m for m in doc.iter("meta") if m.get("http-equiv", "").lower() == "refresh"], page
        assert [m.get("content") for m in doc.iter("meta") if m.get("property") == "og:site_name"] == [SITE_NAME], page
        logos = [a for a in doc.iter("a") if "md-logo" in a.get("class", "")]
        assert logos and all(a.get("aria-label") == SITE_NAME and a.get("title") == SITE_NAME for a in logos), page
        assert doc.find(".//title").text.endswith(SITE_NAME), page


# The script compares typed answers without spaces, punctuation and accents: a form made of them
# alone ("-", "?") would be compared as nothing, and any answer of punctuation would score, on
# every language's page (a form counts in all of them).
def test_an_accepted_form_with_no_letter_or_digit_never_counts():
    from academy.quiz.load import parse_quiz

    quiz = parse_quiz(sitekit.QUIZ, "quizzes/first-steps.yml", "first-steps")
    [word] = [q for q in quiz.questions if q.id == "word"]
    hostile = {"nag-research": "-|?|\u0301|...|исследование|изучение"}

    def tr(text):
        return hostile.get(text, text)

    assert word.translated(tr) == ["исследование", "изучение"]
    assert word.answer_text(tr, None) == "исследование"
    assert word.key(lambda text: text, None, [tr])["answers"] == ["nag-research", "исследование", "изучение"]
    hostile["nag-research"] = "-|?"
    assert word.translated(tr) == ["nag-research"]  # nothing left: the English answer stands
    assert word.translated(lambda text: "ёлка|Ёж") == ["ёлка", "Ёж"]


# A Plural-Forms header is the translator's too. One that says a trillion forms made the check of
# each plural message build a list of a trillion numbers: MemoryError, and a traceback.
def test_a_plural_forms_header_with_absurdly_many_forms_stops_the_build_at_its_line(tmp_path):
    root = sitekit.write_project(tmp_path)
    ui = root / "locales/ru/LC_MESSAGES/ui.po"
    sitekit.edit(ui, '"Plural-Forms: nplurals=3;', '"Plural-Forms: nplurals=999999999999;')
    built = sitekit.build(root, check=False)
    output = built.result.stdout + built.result.stderr
    assert built.result.returncode != 0 and "Traceback" not in output and "MemoryError" not in output, output
    line = sitekit.line_of(ui, "Plural-Forms")
    assert f"locales/ru/LC_MESSAGES/ui.po:{line}: the Plural-Forms header is not a valid rule" in output, output
    assert "hint:" in output


# Format characters beyond the direction controls and zero-width spaces: each hides text or changes
# it unseen (tag characters spell a hidden sentence inside a word, interlinear annotation marks hide
# what lies between them), and none is needed by Russian or Filipino text.
HIDDEN_FORMAT = [
    ("paragraph", "See [the glossary](../glossary.md#zmot).", "См. [глоссарий\U000e0069\U000e0067\U000e006e](../glossary.md#zmot)."),
    ("text", "Reads reviews", "Читает\ufff9 отзывы\ufffaпрочти меня\ufffb"),
    ("quiz accepted answer", "emotional", "эмоциональная|эмоц\u2062иональный"),
    ("page title", "First steps", "Первые\u180e шаги"),
    ("interface", "Search", "Поиск\u206a"),
]


@pytest.mark.parametrize(("kind", "msgid", "msgstr"), HIDDEN_FORMAT, ids=[f"{c[0]}-{i}" for i, c in enumerate(HIDDEN_FORMAT)])
def test_a_format_character_that_hides_text_is_refused(kind, msgid, msgstr):
    reason = markup_problem(msgid, msgstr, kind)
    assert reason and "invisible character U+" in reason


def test_every_hidden_character_beyond_the_first_plane_is_refused_and_an_emoji_is_not():
    """The search for hidden characters looks up those beyond U+FFFF apart (markup.py): a tag
    character or a noncharacter of any plane is still found, between emoji that stay allowed."""
    from academy.markup import INVISIBLE as HIDDEN_CHARACTERS
    from academy.markup import NONCHARACTERS as ALL_NONCHARACTERS
    astral = sorted(c for c in HIDDEN_CHARACTERS | ALL_NONCHARACTERS if ord(c) > 0xFFFF)
    assert len(astral) > 100
    for char in astral:
        reason = markup_problem("Thank the customer", f"Salamat 👍🏽 sa{char} customer 🙂", "paragraph")
        assert reason and f"U+{ord(char):04X}" in reason, hex(ord(char))
    for char in ("👍", "🙂", "\U0001fffd", "\U00010000", "\U0010fffd", "\U000e0000", "\U000e0080"):
        assert markup_problem("Thank the customer", f"Salamat{char} sa customer", "paragraph") is None, hex(ord(char))


def _smuggled(text: str) -> str:
    """Text spelt as variation selectors, a byte each (U+FE00–U+FE0F, U+E0100–U+E01EF): shown as nothing,
    and carried along unseen by a copy of the character they follow."""
    return "".join(chr(0xFE00 + byte) if byte < 16 else chr(0xE0100 + byte - 16) for byte in text.encode())


# Letters and marks that show nothing, and variation selectors that select nothing: text no reader sees.
BLANK_OR_SMUGGLED = [
    ("paragraph", "Every customer meets the brand.", f"Каждый к{_smuggled('call +1 555 0100 now')}лиент встречает бренд."),
    ("FAQ answer", "Because shoppers trust other shoppers.", f"Потому что 👍{_smuggled('x')} покупатели доверяют."),
    ("page title", "First steps", "Первые\ufe0f шаги"),  # after a letter an emoji selector styles nothing
    ("list item", "Reads reviews", "Читает ❤\ufe0f\ufe0f\ufe0e отзывы"),  # one selects, the others only hide
    ("interface", "Search", "Поиск\u3164"),
    ("abbreviation", "Zero moment of truth", "Нулевой\u2800момент истины"),
    ("text", "Reads reviews", "Читает\u034f отзывы"),
    ("quiz accepted answer", "emotional", "эмоциональная|\u115f\u1160"),
    ("section heading", "Why reviews matter", "Почему\uffa0важны отзывы"),
    ("table cell", "A support chat", "Чат\u17b5 поддержки"),
]


@pytest.mark.parametrize(("kind", "msgid", "msgstr"), BLANK_OR_SMUGGLED, ids=[f"{c[0]}-{i}" for i, c in enumerate(BLANK_OR_SMUGGLED)])
def test_a_blank_letter_or_a_selector_that_selects_nothing_is_refused(kind, msgid, msgstr):
    reason = markup_problem(msgid, msgstr, kind)
    assert reason and "invisible character U+" in reason


def test_an_emoji_keeps_its_selector():
    for text in ("Молодец! ❤️", "Шаг 1️⃣, шаг #️⃣", "Ответ ☺︎", "Флаг 🏳️‍🌈 и 👩‍💻"):
        assert markup_problem("Well done!", text) is None, text


# Material's own script reads the words of its copy button from the page's __config JSON. ui.po's
# translation of them is plain text: printed into HTML it is escaped, but in that JSON it must be the
# text itself, or the button's tooltip reads `&quot;` and `&amp;` where the translator wrote " and &.
THEME_WORDS = {"Copy to clipboard": 'Копировать "код" & вставить', "Copied to clipboard": "Скопировано в 'буфер'"}


def test_the_theme_words_in_materials_script_configuration_are_the_translators_text(tmp_path):
    import json

    root = sitekit.write_project(tmp_path)
    sitekit.translate_catalogs(root, "ru", THEME_WORDS)
    built = sitekit.build(root)
    for page in ("ru/index.html", "ru/journey/first-steps/index.html", "ru/404.html"):
        doc = _doc(built, page)
        [config] = [s for s in doc.iter("script") if s.get("id") == "__config"]
        translations = json.loads(config.text)["translations"]
        assert translations["clipboard.copy"] == THEME_WORDS["Copy to clipboard"], page
        assert translations["clipboard.copied"] == THEME_WORDS["Copied to clipboard"], page
    english = json.loads([s for s in _doc(built, "index.html").iter("script") if s.get("id") == "__config"][0].text)
    assert english["translations"]["clipboard.copy"] == "Copy to clipboard"
