"""What a translator's account can still try, beyond tests/test_attacks.py and tests/test_translation_seam_attacks.py.

A translator controls only PO files. Each case here is Markdown, HTML or template syntax in a msgstr
that the other attack tests do not write: attribute lists on links and images, autolinks to other
schemes, comments, CDATA and processing instructions, indented code, snippets, CSS, placeholders in
other spellings, quotes meant to leave an attribute, and characters written as HTML references
(`&#x202E;` is a right-to-left override on the page as surely as the character typed in).
"""

from __future__ import annotations

import json

import html5lib
import pytest

import sitekit
from academy.markup import block_problem, markup_problem

SAME = "Every customer meets the brand."
LINK = "See [the glossary](../glossary.md#zmot)."
IMAGE = "A diagram: ![Journey](journey.svg)"
PIXEL = "//evil.example/p.gif"

REFUSED = [
    ("paragraph", SAME, "Каждый <data:text/html,<script>alert(1)</script>> клиент"),
    ("paragraph", LINK, 'См. [глоссарий](../glossary.md#zmot){: style="background:url(//evil.example/p.png)" }.'),
    ("paragraph", LINK, 'См. [глоссарий](../glossary.md#zmot){style="color:red"}.'),
    ("paragraph", LINK, "См. [глоссарий](../glossary.md#zmot \"t\" onclick=\"alert(1)\")."),
    ("paragraph", LINK, f"См. [глоссарий](../glossary.md#zmot) ![x](https:{PIXEL})"),
    ("paragraph", IMAGE, 'Схема: ![Путь](journey.svg "t"){: width=9999 }'),
    ("paragraph", IMAGE, "Схема: ![Путь](journey.svg){: .md-button }"),
    ("paragraph", IMAGE, 'Схема: ![Путь" onerror="alert(1)](journey.svg)'),
    ("paragraph", IMAGE, "Схема: ![Путь](journey.svg#https://evil.example)"),
    ("paragraph", SAME, "Каждый клиент *[ZMOT]: x"),  # an abbreviation written mid-line is a reference link
    ("paragraph", SAME, 'Каждый <div markdown="1">клиент</div>'),
    ("paragraph", SAME, 'Каждый <span style="display:none">клиент</span>'),
    ("paragraph", SAME, 'Каждый <em style="position:fixed;inset:0">клиент</em>'),  # free emphasis, not free attributes
    ("paragraph", SAME, 'Каждый <strong class="md-button">клиент</strong>'),
    ("paragraph", SAME, 'Каждый <em title="x">клиент</em>'),
    ("paragraph", SAME, "Каждый **клиент**{: style='font-size:900px' }"),
    ("paragraph", SAME, "Каждый клиент <![CDATA[ x ]]>"),
    ("paragraph", SAME, "Каждый клиент <?php x ?>"),
    ("paragraph", SAME, 'Каждый клиент </p><p style="color:red">x'),
    ("paragraph", SAME, 'Каждый клиент <br style="display:none">'),
    ("paragraph", SAME, "    Каждый клиент"),  # indented: a code block
    ("paragraph", SAME, '-----8<----- "/etc/passwd"'),  # snippets take any number of dashes
    ("paragraph", SAME, '   --8<-- "/etc/passwd"'),
    ("section heading", "Why reviews matter", 'Почему важны { style="color:red" }'),
    ("section heading", "Why reviews matter", "Почему важны {"),
    ("list item", "Reads reviews", "[x] Читает отзывы"),
    ("table cell", "A support chat", "Чат `|` поддержки"),
    ("table cell", "A support chat", "Чат <code>|</code> поддержки"),
    ("admonition title", "Remember", 'Запомните" onclick="alert(1)'),
    ("FAQ question", "Why do reviews matter?", "Почему? </script><!--<script>"),
    ("FAQ answer", "Because shoppers trust other shoppers.", "Потому что &lt;!--&lt;script&gt;"),
    ("quiz accepted answer", "emotional", "эмоциональная|<!--<script>"),
    ("interface", "Search", "Поиск %s %d %1$s"),
    ("interface", "Passed: {percent}. Well done!", "Сдано: {percent:,}"),
    ("interface", "Passed: {percent}. Well done!", "Сдано: {percent[0]}"),
    ("interface", "Passed: {percent}. Well done!", "Сдано: {percent} {percent}"),
    ("page title", "First steps", 'Первые шаги " onmouseover="alert(1)'),
    ("page description", "How a customer meets a brand.", "Как --> <!-- x"),
]


@pytest.mark.parametrize(("kind", "msgid", "msgstr"), REFUSED, ids=[f"{c[0]}-{i}" for i, c in enumerate(REFUSED)])
def test_markup_css_and_placeholders_the_english_lacks_are_refused(kind, msgid, msgstr):
    assert markup_problem(msgid, msgstr, kind)


# A character reference is the character on the page: a paragraph, a heading or a link's words that
# write `&#x202E;` read backwards as surely as with U+202E typed in, and `&#xFFFF;` is a noncharacter.
REFERENCED = [
    ("paragraph", SAME, "Каждый &#x202E;тнеилк встречает бренд.", "U+202E"),
    ("section heading", "Why reviews matter", "Почему &#8238;ыввызто", "U+202E"),
    ("list item", "Reads reviews", "Читает &#X2066;exe.jpg&#x2069; отзывы", "U+2066"),
    ("table cell", "A support chat", "Чат&ZeroWidthSpace;поддержки", "U+200B"),
    ("paragraph", LINK, "См. [глоссарий&rlm;](../glossary.md#zmot).", "U+200F"),
    ("FAQ answer", "Because shoppers trust other shoppers.", "Потому что&#x2029;покупатели доверяют.", "U+2029"),
    ("quiz accepted answer", "emotional", "эмоциональная|эмоц&InvisibleTimes;иональный", "U+2062"),
    ("paragraph", SAME, "Каждый &#x1b;[31mклиент", "U+001B"),
    ("paragraph", SAME, "Каждый &#xE0069;&#xE0067; клиент", "U+E0069"),
    ("paragraph", SAME, "Каждый &#x3164; клиент", "U+3164"),
    ("paragraph", SAME, "Каждый &#00065535; клиент", "U+FFFF"),
    ("paragraph", SAME, "Каждый к&#xFE01;&#xFE02;лиент", "U+FE01"),
]


@pytest.mark.parametrize(("kind", "msgid", "msgstr", "char"), REFERENCED, ids=[f"{c[0]}-{i}" for i, c in enumerate(REFERENCED)])
def test_an_invisible_character_written_as_a_reference_is_refused(kind, msgid, msgstr, char):
    reason = markup_problem(msgid, msgstr, kind)
    assert reason and char in reason and "HTML reference" in reason, reason
    assert block_problem(msgid, msgstr)  # and in a hand-written page


def test_references_to_visible_characters_and_those_the_english_writes_stay_allowed():
    assert markup_problem(SAME, "Каждый&nbsp;клиент&shy;встречает&zwj;бренд &amp; &lt;b&gt; &#8212; &#x85;") is None
    assert markup_problem("Press &lrm;Ctrl now.", "Нажмите &lrm;Ctrl сейчас.") is None
    assert markup_problem("Press &lrm;Ctrl now.", "Нажмите \u200eCtrl сейчас.") is None
    assert markup_problem(SAME, "Каждый ❤&#xFE0F; клиент") is None  # an emoji's selector
    assert markup_problem(SAME, "Каждый &#0; клиент") is None  # shown as U+FFFD


# Python reads no number of more than 4,300 digits: such a reference, in a translation long enough to
# hold it, stopped the build with a ValueError traceback (the check for script decodes references).
LONG_ENGLISH = "Every customer meets the brand, and every brand meets the customer. " * 80
LONG_REFERENCES = ["&#" + "9" * 4400 + ";", "&#" + "0" * 4400 + "65;", "&#x" + "0" * 4400 + "202E;", "&#123456789;"]


@pytest.mark.parametrize("reference", LONG_REFERENCES, ids=["digits", "zeros", "hex-zeros", "nine-digits"])
@pytest.mark.parametrize("kind", ["paragraph", "section heading", "text", "page title", "interface"])
def test_a_reference_with_absurdly_many_digits_is_refused_not_a_traceback(kind, reference):
    reason = markup_problem(LONG_ENGLISH, f"Каждый {reference} клиент", kind)
    assert reason and "more digits than any character has" in reason, reason
    assert block_problem(LONG_ENGLISH, f"Каждый {reference} клиент")


# Accepted (text, or quotes in plain text): the site must print each as the text it is.
QUOTE = '" style="position:fixed;inset:0;background:red" data-injected="'
THEME_WORDS = ["Skip to content", "Header", "Navigation", "Next", "Previous", "Table of contents", "Back to top",
               "Select language", "Footer", "Search", "Switch to dark mode", "Check answers", "Hint", "Language"]
INERT = {
    **{word: f"Слово{QUOTE}" for word in THEME_WORDS},
    "Zero moment of truth": "Нулевой' style='color:red' data-injected='",
    "Remember": 'Запомните" class="md-button',
    "First steps quiz": 'Тест" data-injected="1',
    "Why do reviews matter?": "Почему &lt;!-- отзывы важны?",
    "Because shoppers trust other shoppers.": "Потому что &lt;/script&gt;&lt;!-- покупатели доверяют.",
    "Yes, reviews come first.": f"Да, &lt;img src={PIXEL}&gt; сначала.",
    "Shoppers research first.": f"&lt;/template&gt;&lt;img src={PIXEL}&gt;",
    "nag-research": "исследование|&lt;/template&gt;",
    "A shopper reads reviews before buying.": "Покупатель читает &lt;//evil.example/x.png&gt; <//evil.example/x.png> отзывы.",
    "Reviews matter.": f"Отзывы важны. https:{PIXEL}",
    "Reading reviews": "Чтение &#124; отзывов",
    # refused: written as references, the override and the zero-width space are the characters themselves
    "Every customer meets the brand through a touchpoint.": "Каждый клиент &#x202E;тнеилк встречает бренд.",
    "The research moment": "Момент&ZeroWidthSpace; &#8238;яинаводелсси",
}
PAGES = ["journey/first-steps/index.html", "index.html", "journey/index.html", "progress/index.html", "404.html"]


@pytest.fixture(scope="module")
def inert_site(tmp_path_factory):
    root = sitekit.write_project(tmp_path_factory.mktemp("translator"))
    sitekit.translate_catalogs(root, "ru", {**sitekit.RU, **INERT})
    po = root / "locales/ru/LC_MESSAGES/content/journey/first-steps.po"
    # an entry of another context with the same msgid: not the page's message, never shown
    with po.open("a", encoding="utf-8") as catalog:
        catalog.write('\nmsgctxt "other"\nmsgid "Ratings matter too."\n'
                      f'msgstr "Оценки <img src=\\"{PIXEL}\\"> тоже важны."\n')
    return sitekit.build(root)


def _doc(built, path):
    return html5lib.parse(built.html(path), namespaceHTMLElements=False)


def _attributes(doc) -> set[tuple[str, str]]:
    return {(e.tag, name) for e in doc.iter() if isinstance(e.tag, str) for name in e.attrib}


@pytest.mark.parametrize("path", PAGES)
def test_quotes_in_a_translation_never_add_an_attribute_or_an_element(inert_site, path):
    russian, english = _doc(inert_site, f"ru/{path}"), _doc(inert_site, path)
    added = _attributes(russian) - _attributes(english) - {("div", "role"), ("meta", "name"), ("meta", "content")}
    assert not added, added
    for element in russian.iter():
        assert not {"data-injected", "onclick"} & set(element.attrib), element.tag
        assert "position:fixed" not in element.get("style", ""), element.tag
        assert "md-button" not in element.get("class", "") or element.tag in ("button", "a"), element.tag
    for tag in ("script", "img", "iframe", "style", "link", "article", "details", "form", "template"):
        assert len(list(russian.iter(tag))) == len(list(english.iter(tag))), (path, tag)
    assert PIXEL not in " ".join(v for e in russian.iter() for v in e.attrib.values())


def test_text_that_looks_like_comments_or_script_ends_stays_inside_json_and_templates(inert_site):
    doc = _doc(inert_site, "ru/journey/first-steps/index.html")
    blocks = [json.loads(s.text) for s in doc.iter("script") if s.get("type") == "application/ld+json"]
    assert [b["@type"] for b in blocks if b.get("@type") == "FAQPage"] == ["FAQPage"]
    for script in doc.iter("script"):
        assert "<!--" not in (script.text or "") and "</" not in (script.text or "")
    [key] = [t for t in doc.iter("template") if "academy-quiz__key" in t.get("class", "")]
    text = json.dumps(json.loads("".join(key.itertext())), ensure_ascii=False)
    assert f"&lt;img src={PIXEL}&gt;" in text and "&lt;/template&gt;" in text  # text in the key, no element on the page
    assert doc.find(".//article").find(".//section[@class='academy-quiz']") is not None
    cells = [c for c in doc.iter("td") if "отзывов" in "".join(c.itertext())]
    assert ["".join(c.itertext()) for c in cells] == ["Чтение | отзывов"]  # one cell, the pipe is text


def test_the_faq_structured_data_holds_the_answer_as_written(inert_site):
    doc = _doc(inert_site, "ru/journey/first-steps/index.html")
    [faq] = [json.loads(s.text) for s in doc.iter("script") if s.get("type") == "application/ld+json"
             and json.loads(s.text).get("@type") == "FAQPage"]
    [entry] = faq["mainEntity"]
    assert "wzxhzdk" not in json.dumps(entry) and "\x02" not in json.dumps(entry, ensure_ascii=False)
    assert "&lt;/script&gt;&lt;!--" in entry["acceptedAnswer"]["text"]


def test_a_reference_to_an_invisible_character_is_refused_at_its_po_line(inert_site):
    output = inert_site.result.stdout + inert_site.result.stderr
    assert "Traceback" not in output
    po = inert_site.root / "locales/ru/LC_MESSAGES/content/journey/first-steps.po"
    for msgid, char in (("Every customer meets the brand through a touchpoint.", "U+202E"), ("The research moment", "U+200B")):
        line = sitekit.line_of(po, f'msgid "{msgid}"')
        assert any(f"first-steps.po:{n}: " in output for n in range(line - 5, line + 1)), (msgid, output)
        assert char in output
    for path in ("ru/journey/first-steps/index.html", "ru/pagefind/academy-headings.json"):
        text = (inert_site.site / path).read_text(encoding="utf-8")
        assert "\u202e" not in text and "&#x202E;" not in text and "&#8238;" not in text, path
    assert "Каждый клиент &#x202E;" not in _doc(inert_site, "ru/journey/first-steps/index.html").find(".//article").itertext()
    html = inert_site.html("ru/journey/first-steps/index.html")
    assert "The research moment" in html and "Every customer meets the brand through a touchpoint." in html
    assert "<li>Оценки тоже важны.</li>" in html  # the other context's entry is not the page's


@pytest.mark.browser
def test_nothing_of_it_runs_or_calls_out_in_chromium(inert_site, browser):
    from conftest import serve

    server, url = serve(inert_site.site)
    try:
        context = browser.new_context()
        page = context.new_page()
        requests, dialogs, errors = [], [], []
        page.on("request", lambda r: requests.append(r.url))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{url}/ru/journey/first-steps/")
        page.locator(".academy-quiz input[type=radio]").first.check()
        page.locator(".academy-quiz button[type=submit]").click()
        assert page.locator("[data-injected], img[src*='evil.example']").count() == 0
        overlay = page.evaluate("() => [...document.querySelectorAll('body *')].filter("
                                "e => getComputedStyle(e).position === 'fixed' && e.offsetWidth >= innerWidth"
                                " && e.offsetHeight >= innerHeight).length")
        assert overlay == 0
        assert page.locator("article h2").first.is_visible()
        assert [u for u in requests if not u.startswith(url)] == [] and dialogs == [] and errors == []
        context.close()
    finally:
        server.shutdown()
