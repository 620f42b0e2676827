"""Indentation between tags is dropped; white space that is content or code is kept exactly."""

from __future__ import annotations

import html5lib

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
