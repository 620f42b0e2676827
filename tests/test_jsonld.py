"""JSON-LD cannot break out of its script element, whatever its text."""

from __future__ import annotations

import json

import html5lib

from academy.jsonld import dumps_for_script

HOSTILE = "Why </script><script>alert(1)</script> <!-- and & \u2028 \u2029?"


def test_a_hostile_question_stays_inside_its_script_and_parses_as_json():
    data = {"@context": "https://schema.org", "@type": "FAQPage",
            "mainEntity": [{"@type": "Question", "name": HOSTILE}]}
    page = (f'<!doctype html><html><head><script type="application/ld+json">{dumps_for_script(data)}</script>'
            '</head><body><p id="after">still here</p></body></html>')
    doc = html5lib.parse(page, namespaceHTMLElements=False)
    scripts = list(doc.iter("script"))
    assert len(scripts) == 1
    assert json.loads(scripts[0].text) == data
    assert doc.find(".//p[@id='after']").text == "still here"
    for forbidden in ("</", "<!--", "<script", "\u2028", "\u2029", "&"):
        assert forbidden not in scripts[0].text
