"""Translations and quiz strings are not trusted: script in them never runs."""

from __future__ import annotations

import json
from pathlib import Path

import html5lib
import pytest

import sitekit

ATTACKS = {
    "Every customer meets the brand through a touchpoint.": '<img src=x onerror="window.__pwned=1">Атака',
    "A shopper reads reviews before buying.": "[ссылка](javascript:window.__pwned=1)",
    "Why do reviews matter?": "Почему?</script><script>window.__pwned=1</script><!--",
    "How a customer meets a brand.": '"><script>window.__pwned=1</script>',
    "Reads reviews": "<script>window.__pwned=1</script>Читает",
    "Yes, reviews come first.": "</script><script>window.__pwned=1</script>",
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = sitekit.write_project(tmp_path_factory.mktemp("hostile"))
    quiz = root / "quizzes/first-steps.yml"
    quiz.write_text(quiz.read_text().replace("text: Sleeps", 'text: "<img src=x onerror=window.__pwned=1> Sleeps"'))
    sitekit.academy(root, "i18n", "update")
    sitekit.translate_catalogs(root, "ru", {**sitekit.RU, **ATTACKS})
    return sitekit.build(root)


def test_unsafe_translations_are_refused_with_their_po_file_and_line(hostile_site):
    output = hostile_site.result.stdout + hostile_site.result.stderr
    assert "locales/ru/LC_MESSAGES/content/journey/first-steps.po:" in output
    assert "translation refused, English shown" in output


def test_a_strict_build_fails_on_an_unsafe_translation(hostile_site):
    strict = sitekit.build(hostile_site.root, "--strict", "-d", "strict-site", check=False)
    assert strict.result.returncode != 0
    assert not (hostile_site.root / "strict-site").exists()


def test_no_injected_element_or_attribute_reaches_the_page(hostile_site):
    for path in Path(hostile_site.site).rglob("*.html"):
        doc = html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)
        for element in doc.iter():
            for name, value in element.attrib.items():
                assert not name.startswith("on"), (path, element.tag, name)
                assert "javascript:" not in value.lower(), (path, element.tag, value)
            if element.tag == "script":
                assert "__pwned" not in (element.text or "") or element.get("type") in (
                    "application/json", "application/ld+json"), path


def test_json_ld_stays_json_and_never_closes_its_script(hostile_site):
    page = hostile_site.site / "ru/journey/first-steps/index.html"
    doc = html5lib.parse(page.read_text(encoding="utf-8"), namespaceHTMLElements=False)
    blocks = [s.text for s in doc.iter("script") if s.get("type") == "application/ld+json"]
    assert len(blocks) == 4
    for block in blocks:
        json.loads(block)
    # the page body survived the parse: nothing was swallowed by a script element
    assert doc.find(".//article") is not None


@pytest.mark.browser
def test_nothing_runs_on_any_page_of_the_hostile_site(hostile_site, browser):
    from conftest import serve

    server, url = serve(hostile_site.site)
    try:
        context = browser.new_context()
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in sorted(hostile_site.site.rglob("index.html")):
            relative = path.parent.relative_to(hostile_site.site).as_posix()
            page.goto(f"{url}/{'' if relative == '.' else relative + '/'}")
            if page.locator(".academy-quiz").count():
                page.locator(".academy-quiz button[type=submit]").click()
            assert page.evaluate("window.__pwned") is None, relative
        assert dialogs == []
        context.close()
    finally:
        server.shutdown()
