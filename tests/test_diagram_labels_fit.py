"""A translated diagram label fits where the English one sits, measured in Chromium.

A diagram's SVG has fixed boxes: a label that is wider in another language runs over its
box's border or into the next label, and nothing in the build notices. Each diagram is
translated with its shipped catalog, exactly as the site does it, opened in real Chromium,
and every label is measured with the fonts a reader's browser uses.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from academy import diagrams

ROOT = Path(__file__).resolve().parent.parent
DIAGRAMS = sorted((ROOT / "content" / "assets" / "diagrams").glob("*.svg"))
LANGUAGES = ("fil", "ru")
PADDING = 8  # px a label keeps from its box's border on each side

# Every <text> with its bounding box, and the box (<rect>, not the diagram's background) its middle sits in.
MEASURE = """() => [...document.querySelectorAll('svg text')].map(text => {
  const box = text.getBBox();
  const middle = {x: box.x + box.width / 2, y: box.y + box.height / 2};
  const view = document.querySelector('svg').viewBox.baseVal.width;
  const boxes = [...document.querySelectorAll('svg rect')].filter(r => r.getBBox().width < view);
  const rect = boxes.find(r => {
    const b = r.getBBox();
    return middle.x > b.x && middle.x < b.x + b.width && middle.y > b.y && middle.y < b.y + b.height;
  });
  const b = rect ? rect.getBBox() : null;
  return {text: text.textContent, x: box.x, y: box.y, width: box.width, height: box.height,
          rect: b && {x: b.x, width: b.width}};
})"""


def translated(svg: Path, language: str) -> str:
    catalog = ROOT / "locales" / language / "LC_MESSAGES" / "content" / "assets" / "diagrams" / f"{svg.stem}.po"
    table = {e.msgid: e.msgstr for e in polib.pofile(str(catalog)) if e.msgstr and "fuzzy" not in e.flags}
    return diagrams.localize_svg(svg.read_text(encoding="utf-8"), lambda text: table.get(text, text))


def misfits(page, svg_text: str) -> list[str]:
    page.set_content(f"<!doctype html><html><body style='margin:0'>{svg_text}</body></html>")
    view = page.evaluate("() => document.querySelector('svg').viewBox.baseVal.width")
    labels = page.evaluate(MEASURE)
    found = []
    for label in labels:
        if label["rect"] and label["width"] > label["rect"]["width"] - 2 * PADDING:
            found.append(f"«{label['text']}» is {label['width']:.0f} px wide, its box {label['rect']['width']:.0f} px")
        if label["x"] < 0 or label["x"] + label["width"] > view:
            found.append(f"«{label['text']}» runs out of the diagram")
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            if (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
                    and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]):
                found.append(f"«{a['text']}» overlaps «{b['text']}»")
    return found


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context(viewport={"width": 700, "height": 500})
    yield context.new_page()
    context.close()


def test_the_diagrams_are_found():
    assert len(DIAGRAMS) >= 2


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("svg", DIAGRAMS, ids=lambda p: p.stem)
def test_every_translated_label_fits_its_place(page, svg, language):
    found = misfits(page, translated(svg, language))
    assert not found, f"locales/{language}/…/diagrams/{svg.stem}.po:\n" + "\n".join(found)


def test_the_english_diagrams_fit(page):
    assert [(svg.stem, misfits(page, svg.read_text(encoding="utf-8"))) for svg in DIAGRAMS] == [
        (svg.stem, []) for svg in DIAGRAMS]


def test_a_label_too_wide_for_its_box_is_caught(page):
    """The label the Russian diagram would show in full, «Момент истины меньше нуля», is wider than its box."""
    svg = DIAGRAMS[[p.stem for p in DIAGRAMS].index("customer-journey")].read_text(encoding="utf-8")
    wide = diagrams.localize_svg(svg, lambda text: "Момент истины меньше нуля" if text == "<ZMOT" else text)
    assert any("Момент истины меньше нуля" in slip for slip in misfits(page, wide))
