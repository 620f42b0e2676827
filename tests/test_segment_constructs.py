"""Every Markdown construct an editor can write is split into messages, and joined back faithfully.

The constructs here are the ones the enabled extensions give (def_list, tables,
admonition, attr_list, toc) plus plain Markdown's less common forms: setext
headings, hard line breaks, nested lists, multi-paragraph quotes, tab indents.
"""

from __future__ import annotations

import html5lib
import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from academy import segment

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "tables", "toc"]


def render(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS)


def messages(source: str) -> list[tuple[str, str]]:
    return [(unit.kind, unit.text) for unit in segment.units(segment.split(source))]


def translated(source: str) -> str:
    """Every message replaced by a marked copy of itself."""
    return segment.join(segment.split(source), lambda unit: "Ж" + unit.text)


def visible_texts(html: str) -> list[str]:
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    found = []
    for element in tree.iter():
        if element.tag in ("pre", "code", "script", "style"):
            continue
        for text in (element.text, element.tail):
            if text and any(ch.isalpha() for ch in text):
                found.append(" ".join(text.split()))
    return found


def test_nested_list_items_are_messages_of_their_own():
    source = "- Greet the customer\n    - by name\n    - with a smile\n- Listen\n"
    assert messages(source) == [("list item", "Greet the customer"), ("list item", "by name"),
                                ("list item", "with a smile"), ("list item", "Listen")]
    assert "Жby name" in render(translated(source))


def test_setext_headings_are_headings_with_their_toc_anchor():
    source = "Moments of truth\n================\n\nA paragraph.\n\nThe first moment\n----------------\n"
    assert messages(source)[0] == ("page heading", "Moments of truth")
    assert messages(source)[2] == ("section heading", "The first moment")
    html = render(translated(source))
    assert '<h1 id="moments-of-truth">ЖMoments of truth</h1>' in html
    assert '<h2 id="the-first-moment">ЖThe first moment</h2>' in html


def test_a_hard_line_break_stays_in_the_message_and_in_the_translation():
    source = "Call us on weekdays  \nor write at any time.\n"
    assert messages(source) == [("paragraph", "Call us on weekdays  \nor write at any time.")]
    assert "<br />" in render(translated(source))


def test_a_blockquote_of_two_paragraphs_gives_two_messages():
    source = "> The customer is always right.\n>\n> Well, almost always.\n"
    assert messages(source) == [("quotation", "The customer is always right."), ("quotation", "Well, almost always.")]
    html = render(translated(source))
    assert html.count("<p>") == 2 and "<blockquote>" in html


def test_definition_lists_give_the_term_and_each_definition():
    source = "ZMOT\n:   The zero moment of truth.\n:   When a customer researches.\n"
    assert messages(source) == [("defined term", "ZMOT"), ("definition", "The zero moment of truth."),
                                ("definition", "When a customer researches.")]
    assert "<dd>ЖThe zero moment of truth.</dd>" in render(translated(source))


def test_a_table_without_outer_pipes_gives_a_message_per_cell():
    source = "Stage | Example\n--- | ---\nZMOT | Reading reviews\n"
    assert [text for _kind, text in messages(source)] == ["Stage", "Example", "ZMOT", "Reading reviews"]
    assert "<td>ЖReading reviews</td>" in render(translated(source))


def test_a_line_that_starts_with_inline_html_is_a_paragraph():
    source = "<kbd>Ctrl</kbd> and <kbd>F</kbd> search the page.\n"
    assert messages(source) == [("paragraph", source.strip())]
    block = "<div>\nNot a message.\n</div>\n"
    assert messages(block) == []


def test_heading_anchors_are_the_ones_pythons_markdown_toc_gives():
    source = "## Use `code_x` here\n\n## Café & co\n"
    expected = [element.get("id") for element in html5lib.parse(render(source), namespaceHTMLElements=False).iter("h2")]
    rebuilt = render(translated(source))
    assert [element.get("id") for element in html5lib.parse(rebuilt, namespaceHTMLElements=False).iter("h2")] == expected
    assert expected[0] == "use-code_x-here"


def test_tab_indented_admonition_bodies_and_whitespace_only_lines_come_back_byte_for_byte():
    source = '!!! tip "Remember"\n\tAnswer every customer.\n   \n\tThank them.\n \t\nA paragraph.\n'
    assert segment.join(segment.split(source), lambda unit: None) == source
    assert [text for _kind, text in messages(source)] == ["Remember", "Answer every customer.", "Thank them.", "A paragraph."]
    assert "ЖThank them." in render(translated(source))


# -- every construct, generated ------------------------------------------------------

word = st.sampled_from("customer agent ticket reply empathy brand review truth support".split())
sentence = st.lists(word, min_size=1, max_size=6).map(lambda ws: " ".join(ws).capitalize())
inline = st.one_of(sentence, sentence.map(lambda s: f"**{s}**"), sentence.map(lambda s: f"*{s}*"),
                   st.tuples(sentence, word).map(lambda t: f"[{t[0]}](../{t[1]}.md)"),
                   sentence.map(lambda s: f"<kbd>{s}</kbd> {s.lower()}"))
text = st.lists(inline, min_size=1, max_size=3).map(lambda parts: " ".join(parts) + ".")
blank = st.sampled_from(["\n", "   \n", "\t\n"])

paragraph = st.lists(text, min_size=1, max_size=3).map(lambda lines: "\n".join(lines) + "\n")
hard_break = st.tuples(text, text).map(lambda t: f"{t[0]}  \n{t[1]}\n")
atx = st.tuples(st.integers(2, 4), sentence).map(lambda t: "#" * t[0] + " " + t[1] + "\n")
setext = st.tuples(sentence, st.sampled_from("=-")).map(lambda t: f"{t[0]}\n{t[1] * 5}\n")
bullets = st.lists(st.tuples(text, st.lists(text, max_size=2)), min_size=1, max_size=3).map(
    lambda items: "".join(f"- {i}\n" + "".join(f"    - {n}\n" for n in nested) for i, nested in items))
numbers = st.lists(text, min_size=1, max_size=3).map(lambda items: "".join(f"{n}. {i}\n" for n, i in enumerate(items, 1)))
table = st.tuples(st.booleans(), st.lists(st.tuples(sentence, sentence), min_size=1, max_size=3)).map(
    lambda t: ("| A | B |\n| --- | --- |\n" + "".join(f"| {a} | {b} |\n" for a, b in t[1])) if t[0]
    else ("A | B\n--- | ---\n" + "".join(f"{a} | {b}\n" for a, b in t[1])))
indent = st.sampled_from(["    ", "\t"])
admonition = st.tuples(sentence, indent, text, text).map(lambda t: f'!!! tip "{t[0]}"\n{t[1]}{t[2]}\n\n{t[1]}{t[3]}\n')
quote = st.lists(text, min_size=1, max_size=3).map(lambda paras: "\n>\n".join(f"> {p}" for p in paras) + "\n")
definition = st.tuples(sentence, st.lists(text, min_size=1, max_size=2)).map(
    lambda t: t[0] + "\n" + "".join(f":   {d}\n" for d in t[1]))
code = sentence.map(lambda s: f"```\n{s}\n```\n")
block = st.one_of(paragraph, hard_break, atx, setext, bullets, numbers, table, admonition, quote, definition, code)
page = st.tuples(st.lists(block, min_size=1, max_size=6), blank).map(lambda t: "# Title\n\n" + t[1].join(t[0]))


@settings(max_examples=200, deadline=None)
@given(page)
def test_untranslated_pages_come_back_byte_for_byte(source):
    assert segment.join(segment.split(source), lambda unit: None) == source


@settings(max_examples=200, deadline=None)
@given(page)
def test_identity_translations_render_the_english_html(source):
    rebuilt = segment.join(segment.split(source), lambda unit: unit.text)
    assert " ".join(render(rebuilt).split()) == " ".join(render(source).split())


@settings(max_examples=200, deadline=None)
@given(page)
def test_every_visible_text_is_in_a_message_and_every_message_is_shown(source):
    units = segment.units(segment.split(source))
    texts = [unit.text for unit in units]
    for visible in visible_texts(render(source)):
        assert any(visible in " ".join(t.split()) for t in texts), (visible, texts)
    assert translated(source) != source
    assert render(translated(source)).count("Ж") == len(units)  # every translation reaches the page, once


def test_text_inside_an_html_block_is_refused_with_its_line_and_the_page_is_not_complete():
    from academy.catalogs import Catalog
    from academy.localize import localize_page

    source = "---\ntitle: T\n---\n\n# Title\n\n<div class=\"note\">\n  <p>Call us today.</p>\n</div>\n\n<!-- an editor's note -->\n"
    [refusal] = segment.refusals(source.split("---\n", 2)[2], 4)
    assert refusal.line == 7 and "HTML block" in refusal.message and refusal.hint
    localized = localize_page(source, "content/page.md", Catalog("ru", "page", None))
    assert not localized.complete
    assert [(p.path, p.line) for p in localized.problems] == [("content/page.md", 7)]


def test_academy_check_reports_text_inside_an_html_block_with_its_line(project):
    import subprocess
    import sys

    lesson = project / "content/journey/first-steps.md"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("## The research moment\n", "## The research moment\n\n<div>\nCall us today.\n</div>\n"),
                      encoding="utf-8")
    line = lesson.read_text(encoding="utf-8").splitlines().index("<div>") + 1
    result = subprocess.run([sys.executable, "-m", "academy.cli", "check"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 1
    assert f"content/journey/first-steps.md:{line}: text inside an HTML block cannot be translated" in result.stdout + result.stderr
