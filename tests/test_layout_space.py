"""Indentation between tags is dropped; white space that is content or code is kept exactly."""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
from hypothesis import given, settings
from hypothesis import strategies as st

from academy.layout_space import drop_layout_space


def text_of(html: str) -> str:
    """What a reader sees, white space collapsed as the browser does outside pre."""
    document = html5lib.parse(html, namespaceHTMLElements=False)
    return " ".join("".join(document.find("body").itertext()).split())


def test_indentation_between_tags_becomes_one_line_break():
    html = "<div>\n      <p>One</p>\n\n\n      <p>Two</p>\n    </div>"
    assert drop_layout_space(html) == "<div>\n<p>One</p>\n<p>Two</p>\n</div>"


def test_inline_neighbours_keep_the_space_between_them():
    html = "<p><a href=a>one</a>\n   <a href=b>two</a> <em>x</em>  <b>y</b></p>"
    out = drop_layout_space(html)
    assert text_of(out) == text_of(html) == "one two x y"
    assert "<em>x</em>  <b>y</b>" in out, "space on one line is not layout; it is left alone"


def test_code_blocks_textareas_scripts_and_styles_are_kept_as_written():
    pre = '<pre><code><span>def f():</span>\n    <span>return 1</span>\n\n<span># end</span></code></pre>'
    textarea = "<textarea>\n   <b>\n  </textarea>"
    script = '<script type="application/ld+json">{"a":\n   "<b>"}\n  </script>'
    style = "<style>\n  a > b\n  <x {}\n</style>"
    for block in (pre, textarea, script, style):
        html = f"<div>\n  {block}\n  <p>after</p>\n</div>"
        assert block in drop_layout_space(html)
        assert drop_layout_space(html) == f"<div>\n{block}\n<p>after</p>\n</div>"


def test_text_with_line_breaks_is_not_touched():
    html = "<p>one\n   two</p>\n  <p>three &gt;\n  four</p>"
    assert drop_layout_space(html) == "<p>one\n   two</p>\n<p>three &gt;\n  four</p>"


def test_a_kept_block_right_after_dropped_space_is_still_kept():
    html = "<p>x</p>\n   <pre>  a\n   <i>b</i>\n</pre>\n  <p>y</p>"
    assert drop_layout_space(html) == "<p>x</p>\n<pre>  a\n   <i>b</i>\n</pre>\n<p>y</p>"


# The rule as first written, in one expression tried at every position of the page: what
# the page-by-page pass must give back exactly, on any text, tags or not.
_AS_WRITTEN = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)|(?<=>)[ \t\r\f]*\n\s*(?=<)",
                         re.DOTALL | re.IGNORECASE)


def _as_written(html: str) -> str:
    return _AS_WRITTEN.sub(lambda m: m.group(1) or "\n", html)


_PIECES = ["<", ">", "\n", " ", "\t", "\r", "\f", "\x0b", "x", "<p>", "</p>", "<pre>", "</pre>", "<PRE class=c>",
           "</Pre >", "<script>", "</SCRIPT>", "<style>", "</style>", "<textarea>", "</textarea>", "<prefix>",
           "</pre", "\u2028", "\xa0", "\u3000"]


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_the_page_by_page_pass_drops_exactly_the_space_the_rule_drops(html):
    assert drop_layout_space(html) == _as_written(html)


def test_the_pass_drops_exactly_the_rules_space_on_real_pages():
    page = (Path(__file__).parent.parent / "plugins" / "academy" / "theme" / "main.html").read_text(encoding="utf-8")
    sample = page + "\n  <pre>\n  <b>\n</pre>\n   <p>x</p>\n  <script>\n <i>\n</script>\n"
    assert drop_layout_space(sample) == _as_written(sample)
    assert drop_layout_space(sample) != sample
