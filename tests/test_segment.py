"""Splitting a page into messages and joining it back is symmetric.

Joining with no translations gives the source back byte for byte; joining
with every message "translated" into itself renders the same HTML.
"""

from __future__ import annotations

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from academy import segment
from academy.catalogs import Catalog, Translation
from academy.localize import localize_page

word = st.sampled_from("customer agent ticket reply empathy brand review truth support ZMOT CSAT".split())
sentence = st.lists(word, min_size=1, max_size=8).map(lambda ws: " ".join(ws).capitalize())
inline = st.one_of(
    sentence,
    sentence.map(lambda s: f"**{s}**"),
    sentence.map(lambda s: f"*{s}*"),
    st.tuples(sentence, word).map(lambda t: f"[{t[0]}](../{t[1].lower()}.md)"),
    sentence.map(lambda s: f"`{s}`"),
)
text = st.lists(inline, min_size=1, max_size=4).map(lambda parts: " ".join(parts) + ".")

paragraph = st.lists(text, min_size=1, max_size=3).map(lambda lines: "\n".join(lines) + "\n")
heading = st.tuples(st.integers(2, 4), sentence).map(lambda t: "#" * t[0] + " " + t[1] + "\n")
bullets = st.lists(text, min_size=1, max_size=4).map(lambda items: "".join(f"- {i}\n" for i in items))
numbers = st.lists(text, min_size=1, max_size=4).map(lambda items: "".join(f"{n}. {i}\n" for n, i in enumerate(items, 1)))
table = st.lists(st.tuples(sentence, sentence), min_size=1, max_size=3).map(
    lambda rows: "| A | B |\n| --- | --- |\n" + "".join(f"| {a} | {b} |\n" for a, b in rows))
admonition = st.tuples(sentence, text).map(lambda t: f'!!! tip "{t[0]}"\n    {t[1]}\n')
code = sentence.map(lambda s: f"```\n{s}\n```\n")
faq = st.lists(st.tuples(sentence, text), min_size=1, max_size=3).map(
    lambda qs: "/// faq\n" + "".join(f"### {q}?\n\n{a}\n\n" for q, a in qs) + "///\n")
quiz = st.just("/// quiz | a-quiz\n///\n")
abbreviation = st.just("*[ZMOT]: Zero moment of truth\n")
block = st.one_of(paragraph, heading, bullets, numbers, table, admonition, code, faq, quiz, abbreviation)
page = st.lists(block, min_size=1, max_size=8).map(lambda blocks: "# Title\n\n" + "\n".join(blocks))

EXTENSIONS = ["abbr", "admonition", "attr_list", "tables", "toc", "pymdownx.blocks.html"]


def render(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS)


@settings(max_examples=150, deadline=None)
@given(page)
def test_joining_with_no_translations_gives_the_source_back(source):
    assert segment.join(segment.split(source), lambda unit: None) == source


def squeeze(html: str) -> str:
    return " ".join(html.split())


@settings(max_examples=150, deadline=None)
@given(page)
def test_rebuilding_every_message_from_itself_renders_the_english_page(source):
    # A rebuilt paragraph is one line: the HTML differs only in where white space breaks.
    parts = segment.split(source)
    assert squeeze(render(segment.join(parts, lambda unit: unit.text))) == squeeze(render(source))


@settings(max_examples=100, deadline=None)
@given(page)
def test_a_catalog_of_identity_translations_gives_the_english_page_exactly(source):
    parts = segment.split(source)
    catalog = Catalog("ru", "page", None, {(u.text, None): Translation(u.text, False, 1) for u in segment.units(parts)})
    localized = localize_page(source, "page.md", catalog)
    assert localized.source == source
    assert localized.missing == 0


@settings(max_examples=100, deadline=None)
@given(page)
def test_code_and_block_fences_are_never_messages(source):
    for unit in segment.units(segment.split(source)):
        assert not unit.text.startswith(("```", "///")), unit


def test_one_message_per_block_with_inline_markup_inside():
    source = (
        "# Title\n\nA paragraph with **bold** and a [link](x.md)\nover two lines.\n\n"
        "- First item\n- Second item\n\n| Stage | Example |\n| --- | --- |\n| ZMOT | Reading reviews |\n\n"
        '!!! tip "Remember"\n    Be kind.\n'
    )
    found = [(u.kind, u.text) for u in segment.units(segment.split(source))]
    assert found == [
        ("page heading", "Title"),
        ("paragraph", "A paragraph with **bold** and a [link](x.md) over two lines."),
        ("list item", "First item"),
        ("list item", "Second item"),
        ("table header", "Stage"),
        ("table header", "Example"),
        ("table cell", "ZMOT"),
        ("table cell", "Reading reviews"),
        ("admonition title", "Remember"),
        ("paragraph", "Be kind."),
    ]


def test_a_plain_heading_gets_the_id_toc_itself_gives_it():
    import re as _re

    from academy import segment

    headings = ["Ano ang CSAT?", "Что такое NPS?", "Café — résumé", "Step 1. Listen", "3–7 seconds",
                'It\'s the "moment"', "A -- B", "(c) 2024", "100% sure", "Ä Ö ü", "日本語", "a/b test",
                "Who’s “right”?", "The 4Ps and the support desk", "Less than zero moment of truth"]
    for heading in headings:
        html = segment._TOC.reset().convert("# " + heading)
        assert segment.heading_anchor.__wrapped__(heading) == _re.search(r'<h1 id="([^"]*)"', html).group(1), heading
