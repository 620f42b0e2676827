"""What a lesson waits on before its text is painted: one stylesheet and no script file.

Every stylesheet linked before the lesson and every classic script file met by the parser before
it is one more request a phone must finish before the first paint. Counted in the built HTML, read
with html5lib as a browser reads it.
"""

from __future__ import annotations

import base64
import hashlib

import html5lib
import pytest

from academy.head import inline_script, join_stylesheets
from academy.policy import content_security_policy

LESSONS = ("journey/first-steps/index.html", "fil/journey/first-steps/index.html", "ru/journey/first-steps/index.html")


def _parse(path):
    return html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)


def _before_content(doc):
    """The elements the parser meets before the lesson's <main>."""
    for element in doc.iter():
        if element.tag == "main":
            return
        yield element


def _blocking(element) -> str | None:
    if element.tag == "link" and "stylesheet" in (element.get("rel") or "").split() \
            and element.get("media") in (None, "", "all", "screen") and element.get("disabled") is None:
        return element.get("href")
    if element.tag == "script" and element.get("src") and element.get("async") is None \
            and element.get("defer") is None and element.get("type") != "module":
        return element.get("src")
    return None


def test_a_lesson_in_every_language_waits_on_one_stylesheet_and_no_script_file(built_site):
    for lesson in LESSONS:
        doc = _parse(built_site.site / lesson)
        blocking = [href for href in map(_blocking, _before_content(doc)) if href]
        assert len(blocking) == 1 and blocking[0].endswith(".css"), (lesson, blocking)
        assert (built_site.site / lesson).parent.joinpath(blocking[0]).resolve().is_file(), (lesson, blocking)


def test_the_one_stylesheet_holds_materials_styles_the_palette_and_the_academys_in_that_order(built_site):
    for lesson in LESSONS:
        doc = _parse(built_site.site / lesson)
        href = next(href for href in map(_blocking, _before_content(doc)) if href)
        css = (built_site.site / lesson).parent.joinpath(href).resolve().read_text(encoding="utf-8")
        main, palette, academy = (css.index(".md-header{"), css.index("[data-md-color-scheme=slate]{"),
                                  css.index(".academy-search"))
        assert main < palette < academy, lesson
        assert "=teal]" not in css and ".md-search" not in css, lesson  # both cuts still made
        assert "sourceMappingURL" not in css, lesson


def test_every_inline_script_is_allowed_by_its_hash_and_the_policy_allows_no_other(built_site):
    pages = sorted(built_site.site.rglob("*.html"))
    assert len(pages) > 10
    hashes = set()
    for path in pages:
        doc = _parse(path)
        policy = doc.find("head").find("meta").get("content")
        script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src")).split()
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src, path
        allowed = {source for source in script_src if source.startswith("'sha256-")}
        inline = [s.text or "" for s in doc.iter("script")
                  if not s.get("src") and s.get("type") not in ("application/json", "application/ld+json")]
        found = {"'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'" for text in inline}
        assert found == allowed, path  # each inline script allowed, and nothing allowed that the page lacks
        hashes |= allowed
    assert len(hashes) == 2  # Material's globals and the header's before-paint script, the same on every page


def test_stylesheets_are_joined_in_the_order_given_without_their_source_maps(tmp_path):
    names = ("main.css", "palette.css", "academy.css")
    for index, name in enumerate(names):
        (tmp_path / name).write_text(f"a{{z-index:{index}}}\n/*# sourceMappingURL={name}.map*/\n", encoding="utf-8")
    target = tmp_path / "out/styles.css"
    join_stylesheets([tmp_path / name for name in names], target)
    assert target.read_text(encoding="utf-8") == "a{z-index:0}\na{z-index:1}\na{z-index:2}\n"


def test_an_inline_script_is_minified_and_its_hash_is_of_the_exact_text_written(tmp_path):
    path = tmp_path / "s.js"
    path.write_text("/* why */\nwindow.x = 1;\n", encoding="utf-8")
    script = inline_script(path)
    assert script.text == "window.x=1;"
    digest = base64.b64encode(hashlib.sha256(b"window.x=1;").digest()).decode()
    assert script.policy_source == f"'sha256-{digest}'"
    policy = content_security_policy([script.policy_source])
    assert f"script-src 'self' 'wasm-unsafe-eval' 'sha256-{digest}';" in policy


@pytest.mark.parametrize("text", ['var s = "</script><img src=x onerror=alert(1)>";', "var s = '<!--';",
                                  'var s = "<SCRIPT>";'])
def test_a_script_the_html_parser_would_cut_short_is_refused(tmp_path, text):
    path = tmp_path / "s.js"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="cannot be written into a page"):
        inline_script(path)
