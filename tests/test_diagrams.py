"""Diagram labels read with an XML parser: tspans, entities and CDATA are messages; mixed text is reported."""

from __future__ import annotations

import subprocess
import sys

import html5lib
import pytest

from academy import diagrams
from academy.errors import ContentError

INKSCAPE = """\
<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:svg="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <title>Customer journey</title>
  <text x="10" y="20" data-note="a > b"><tspan x="10" y="20">Need</tspan><tspan
      x="10" y="40">appears</tspan></text>
  <svg:text x="1" y="2">Research &amp; compare</svg:text>
  <text><![CDATA[Buy <now>]]></text>
  <text>42</text>
</svg>
"""


def test_labels_in_tspans_entities_and_cdata_are_extracted_with_their_line():
    assert diagrams.labels(INKSCAPE) == [("Customer journey", 3), ("Need", 4), ("appears", 4),
                                         ("Research & compare", 6), ("Buy <now>", 7)]


def test_an_untranslated_diagram_is_byte_for_byte_the_english_one():
    assert diagrams.localize_svg(INKSCAPE, lambda text: text) == INKSCAPE


def test_a_translated_diagram_replaces_only_the_labels_and_escapes_them():
    table = {"Need": "Нужда", "appears": "возникает", "Research & compare": "Поиск & сравнение", "Buy <now>": "Купить <сейчас>"}
    out = diagrams.localize_svg(INKSCAPE, lambda text: table.get(text, text))
    assert '<tspan x="10" y="20">Нужда</tspan><tspan\n      x="10" y="40">возникает</tspan>' in out
    assert "<svg:text x=\"1\" y=\"2\">Поиск &amp; сравнение</svg:text>" in out
    assert "<text>Купить &lt;сейчас&gt;</text>" in out
    assert diagrams.labels(out)[1:] == [("Нужда", 4), ("возникает", 4), ("Поиск & сравнение", 6), ("Купить <сейчас>", 7)]
    assert html5lib.parse(out) is not None


@pytest.mark.parametrize("svg, line, words", [
    ('<svg xmlns="http://www.w3.org/2000/svg">\n<text>Hello <tspan font-weight="bold">world</tspan></text>\n</svg>', 2,
     "mixes text with other elements"),
    ('<svg xmlns="http://www.w3.org/2000/svg">\n<text>Hello</txt>\n</svg>', 2, "not well-formed"),
])
def test_a_label_that_cannot_be_one_message_is_reported_with_its_line(svg, line, words):
    [problem] = diagrams.problems(svg, "content/assets/diagrams/x.svg")
    assert problem.line == line and words in problem.message and problem.hint
    with pytest.raises(ContentError):
        diagrams.localize_svg(svg, lambda text: text, "content/assets/diagrams/x.svg")


def test_update_refuses_a_diagram_with_mixed_text(project):
    svg = project / "content/assets/diagrams/mixed.svg"
    svg.parent.mkdir(parents=True)
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg">\n<text>Hello <tspan>world</tspan></text>\n</svg>\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "academy.cli", "i18n", "update"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 1
    assert "content/assets/diagrams/mixed.svg:2: diagram label cannot be translated" in result.stderr
    assert not (project / "locales/templates/content/assets/diagrams/mixed.pot").exists()
