"""A diagram is a page of its own when opened from its address: it may hold shapes and words, never script.

No Content-Security-Policy governs an SVG file opened directly, so whatever
script it holds runs with the site's origin (the trainee's stored progress
included). Each way an SVG can run script is refused at its line with a hint;
what Inkscape writes for an ordinary diagram is accepted.
"""

from __future__ import annotations

import pytest

from academy import diagrams

HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 50">\n'

HOSTILE = {
    "script element": '<script>parent.__pwned = 1</script>',
    "script element with a prefix": '<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>',
    "onload on the root's child": '<g onload="alert(1)"><text x="1" y="9">Need</text></g>',
    "onclick in capitals": '<rect ONCLICK="alert(1)" width="5" height="5"/>',
    "onbegin on an animation": '<animate onbegin="alert(1)" attributeName="x" dur="1s"/>',
    "javascript link": '<a href="javascript:alert(1)"><text x="1" y="9">Need</text></a>',
    "javascript xlink with a tab": '<a xlink:href="java\tscript:alert(1)"><text x="1" y="9">Need</text></a>',
    "javascript link with an entity": '<a href="&#106;avascript:alert(1)"><text x="1" y="9">Need</text></a>',
    "animated href": '<a><animate attributeName="href" values="javascript:alert(1)"/><text x="1" y="9">Need</text></a>',
    "set to javascript": '<a><set attributeName="href" to="JavaScript:alert(1)"/><text x="1" y="9">Need</text></a>',
    "embedded html": '<foreignObject width="50" height="20"><div xmlns="http://www.w3.org/1999/xhtml">Hi</div></foreignObject>',
    "an html page as data": '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"><text x="1" y="9">Need</text></a>',
    "an svg as data in a link": '<a href="data:image/svg+xml,&lt;svg onload=alert(1)&gt;"><text x="1" y="9">Need</text></a>',
    "an iframe": '<iframe src="https://evil.example/"/>',
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_diagram_that_can_run_script_is_refused_at_its_line(case):
    svg = HEAD + '<text x="1" y="20">Research</text>\n' + HOSTILE[case] + "\n</svg>\n"
    found = diagrams.problems(svg, "content/assets/diagrams/journey.svg")
    assert found, case
    assert found[0].line == 3 and "can run script" in found[0].message and "Inkscape" in found[0].hint, found
    with pytest.raises(diagrams.ContentError):
        diagrams.localize_svg(svg, str.upper, "content/assets/diagrams/journey.svg")


HONEST = [
    '<a href="https://example.org/journey"><text x="1" y="9">Need</text></a>',
    '<use xlink:href="#arrow" x="3"/>',
    '<image width="4" height="4" xlink:href="data:image/png;base64,iVBORw0KGgo="/>',
    '<text x="1" y="9" style="font-family: sans-serif">Only <tspan>one</tspan></text>'.replace("Only ", ""),
    '<text x="1" y="9">Use the "online" channel; javascript is off</text>',
    '<rect width="5" height="5" opacity="0.5"/>',
]


@pytest.mark.parametrize("element", HONEST)
def test_an_ordinary_diagram_is_accepted(element):
    svg = HEAD + element + "\n</svg>\n"
    assert diagrams.problems(svg, "content/assets/diagrams/journey.svg") == []
