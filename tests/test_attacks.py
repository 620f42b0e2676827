"""Hostile translations, interface strings and faults, as an attacker with a translator's account tries them.

Build-side cases: each hostile msgstr is refused (English shown, the PO file
and line reported) or reaches the page as escaped text. Fault cases: a path
message with a hint, a non-zero exit, no traceback, and `site/` untouched.
"""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import html5lib
import pytest

import sitekit
from academy.catalogs import Catalog, Translation, markup_problem
from academy.interface import Interface
from academy.localize import handwritten_problems, localize_page
from academy.markup import render
from academy.plaintext import PlainText, printed

# -- translations refused, by class -------------------------------------------------

# (class, kind, msgid, hostile msgstr)
REFUSED = [
    # page titles and descriptions are plain text
    ("title", "page title", "Moments of truth", '<iframe srcdoc="&lt;script&gt;parent.__pwned=1&lt;/script&gt;"'),
    ("title", "page title", "Moments of truth", "Моменты <base href=//elsewhere.example/"),
    ("title", "page title", "Moments of truth", "Моменты &lt;script&gt;window.__pwned=1&lt;/script&gt;"),
    ("title", "page title", "Moments of truth", "Моменты <svg onload=window.__pwned=1>"),
    ("title", "page description", "How a customer meets a brand.", "Как клиент <meta http-equiv=refresh content=0;url=//evil>"),
    ("title", "page description", "How a customer meets a brand.", "&#60;img src=x onerror=alert(1)&#62;"),
    ("title", "page title", "Moments of truth", "Моменты\x00истины"),
    # interface strings
    ("ui", "interface", "Search", '<img src=x onerror="window.__pwned=1">'),
    ("ui", "interface", "This page does not exist.", "<svg onload=window.__pwned=1>"),
    ("ui", "interface", "Passed: {percent}. Well done!", "Сдано: {percent} <b>ура</b>"),
    ("ui", "interface", "Passed: {percent}. Well done!", "Сдано! Молодец!"),
    ("ui", "interface", "Passed: {percent}. Well done!", "Сдано: {percent.__class__}"),
    ("ui", "interface", "Search", "&lt;img src=x onerror=alert(1)&gt;"),
    ("ui", "interface", "Passed: {percent}. Well done!", "Сдано: {percent}{0}"),
    ("ui", "interface", "Passed: {percent}. Well done!", "Сдано: {percent} {"),
    ("ui", "interface", "Passed: {percent}. Well done!", "Сдано: {percent!r:>99999999}"),
    # reference-style links and their definitions
    ("reference", "paragraph", "Read the glossary first.", "[x]: &#106;avascript:window.__pwned=1"),
    ("reference", "FAQ answer", "Because reviews come first.", "[x]: javascript:window.__pwned=1"),
    ("reference", "paragraph", "Read the glossary first.", "Прочтите [глоссарий][x] сначала."),
    ("reference", "paragraph", "Read the glossary first.", "Прочтите [глоссарий][] сначала."),
    ("reference", "paragraph", "Read the glossary first.", "Прочтите [x] сначала."),
    ("reference", "paragraph", "Read the glossary first.", "Прочтите\n[x]: javascript:alert(1)"),
    ("reference", "list item", "Reads reviews", "[x]: &#x6A;avascript:alert(1)"),
    # attribute lists
    ("attr_list", "paragraph", "Every customer meets the brand.", 'Каждый клиент\n{: id="__academy" }'),
    ("attr_list", "paragraph", "Every customer meets the brand.", 'Каждый *клиент*{: id="__academy" }'),
    ("attr_list", "FAQ question", "Why do reviews matter?", "Почему {: #__config }"),
    ("attr_list", "section heading", "Why reviews matter", "Почему {#__academy}"),
    ("attr_list", "paragraph", "See [the glossary](../glossary.md).", 'См. [глоссарий](../glossary.md){: onclick="alert(1)" }'),
    ("attr_list", "list item", "Reads reviews", "Читает **отзывы**{: .md-button data-x=1 }"),
    # abbreviation titles
    ("abbreviation", "abbreviation", "Zero moment of truth", "&lt;img src=x onerror=window.__pwned=1&gt;"),
    ("abbreviation", "abbreviation", "Zero moment of truth", "<img src=x onerror=window.__pwned=1>"),
    ("abbreviation", "abbreviation", "Zero moment of truth", "&#60;svg onload=alert(1)&#62;"),
    ("abbreviation", "abbreviation", "Zero moment of truth", "Момент\nистины"),
    # structure: headings, list items, table columns, quotations, blocks, anchors, FAQ entries
    ("structure", "paragraph", "Every customer meets the brand.", "## Новый раздел"),
    ("structure", "paragraph", "Every customer meets the brand.", "- лишний пункт"),
    ("structure", "paragraph", "Every customer meets the brand.", "1. лишний пункт"),
    ("structure", "table cell", "A support chat", "Чат | лишняя колонка"),
    ("structure", "table header", "Channel", "Канал | Ещё"),
    ("structure", "paragraph", "Every customer meets the brand.", "> цитата"),
    ("structure", "paragraph", "Every customer meets the brand.", "!!! danger"),
    ("structure", "paragraph", "Every customer meets the brand.", "/// faq"),
    ("structure", "FAQ answer", "Because reviews come first.", "Потому что\n## Новый вопрос?"),
    ("structure", "paragraph", "Every customer meets the brand.", "---"),
    ("structure", "section heading", "Why reviews matter", "Почему { #other-anchor }"),
    ("structure", "paragraph", "Every customer meets the brand.", "```"),
    ("structure", "paragraph", "Every customer meets the brand.", '--8<-- "/etc/passwd"'),
    ("structure", "paragraph", "Every customer meets the brand.", "*[ZMOT]: <img src=x onerror=alert(1)>"),
    # links, images and code
    ("link", "paragraph", "See [the glossary](../glossary.md#zmot).", "См. [глоссарий](&#106;avascript:window.__pwned=1)."),
    ("link", "paragraph", "See [the glossary](../glossary.md#zmot).", "См. [глоссарий](java&#x09;script:alert(1))."),
    ("link", "paragraph", "See [the glossary](../glossary.md#zmot).", "См. [глоссарий](https://evil.example/)."),
    ("link", "paragraph", "See [the glossary](../glossary.md#zmot).", "См. глоссарий."),
    ("link", "paragraph", "See the glossary.", "См. <javascript:alert(1)>"),
    ("link", "paragraph", "See the glossary.", "См. <https://evil.example/>"),
    ("link", "paragraph", "A diagram: ![Journey](journey.svg)", "Схема: ![Путь](https://evil.example/pixel.gif)"),
    ("link", "paragraph", "A diagram: ![Journey](journey.svg)", "Схема: ![&lt;img src=x onerror=alert(1)&gt;](journey.svg)"),
    ("link", "paragraph", "Type `/help` in the chat.", "Наберите `/помощь` в чате."),
    # raw HTML, however it is spelt
    ("html", "paragraph", "Every customer meets the brand.", "Каждый <img/src=x/onerror=window.__pwned=1> клиент"),
    ("html", "paragraph", "Every customer meets the brand.", "Каждый <svg><script>window.__pwned=1</script></svg>"),
    ("html", "paragraph", "Every customer meets the brand.", 'Каждый <a href="javascript:alert(1)">клиент</a>'),
    ("html", "paragraph", "Every customer meets the brand.", "Каждый <!-- скрыто --> клиент"),
    ("html", "paragraph", "Every customer <b>meets</b> the brand.", 'Каждый <b onmouseover="alert(1)">клиент</b>'),
    ("html", "paragraph", "Every customer meets the brand.", "Каждый <details open ontoggle=alert(1)>клиент"),
    ("html", "paragraph", "Every customer meets the brand.", "Каждый <b>клиент</b>"),
    # bytes no reader sees
    ("bytes", "paragraph", "Every customer meets the brand.", "Каждый\x00клиент"),
    ("bytes", "paragraph", "Every customer meets the brand.", "Каждый\x1b[31mклиент"),
    ("bytes", "paragraph", "Every customer meets the brand.", "Каждый\rклиент"),
    ("bytes", "list item", "Reads reviews", "Читает\x07отзывы"),
]


@pytest.mark.parametrize(("case", "kind", "msgid", "msgstr"), REFUSED, ids=[f"{c[0]}-{i}" for i, c in enumerate(REFUSED)])
def test_a_hostile_translation_is_refused(case, kind, msgid, msgstr):
    assert markup_problem(msgid, msgstr, kind), (case, msgstr)


# Careless but honest translations: refusing them would lose a translator's work.
ACCEPTED = [
    ("paragraph", "See [the glossary](../glossary.md#zmot) and [FAQ](faq.md).", "См. [FAQ](faq.md) и [глоссарий](../glossary.md#zmot)."),
    ("paragraph", "A diagram: ![Journey](journey.svg)", "Схема: ![Путь клиента](journey.svg)"),
    ("paragraph", "Read **this** first.", "Прочтите это сначала, *обязательно*."),
    ("paragraph", "Type `/help` in the chat.", "Наберите `/help` в чате."),
    ("table cell", "Chat or email", "Чат \\| почта"),
    ("section heading", "Why reviews matter", "Почему важны отзывы"),
    ("interface", "Passed: {percent}. Well done!", "Сдано: {percent}. Молодец!"),
    ("page title", "Q&A for agents", "Вопросы и ответы для агентов"),
    ("abbreviation", "Zero moment of truth", "Нулевой момент истины"),
    ("paragraph", "Every customer <b>meets</b> the brand.", "Каждый клиент <b>встречает</b> бренд."),
]


@pytest.mark.parametrize(("kind", "msgid", "msgstr"), ACCEPTED)
def test_an_honest_translation_is_accepted(kind, msgid, msgstr):
    assert markup_problem(msgid, msgstr, kind) is None


def test_an_unclosed_tag_in_body_text_renders_as_text_not_as_an_element():
    html = render('Каждый <iframe srcdoc="&lt;script&gt;parent.__pwned=1&lt;/script&gt;" клиент')
    fragment = html5lib.parseFragment(html, namespaceHTMLElements=False)
    assert [e.tag for e in fragment.iter() if e is not fragment] == ["p"]


def test_a_refused_translation_names_its_po_file_and_line_and_keeps_the_english(tmp_path):
    catalog = Catalog("ru", "content/page", tmp_path / "page.po", {
        ("Every customer meets the brand.", None): Translation("Каждый\n{: id=\"__academy\" }", False, 17)})
    result = localize_page("# Title\n\nEvery customer meets the brand.\n", "content/page.md", catalog, tmp_path)
    assert "Every customer meets the brand." in result.source and "__academy" not in result.source
    assert [(p.line, "translation refused" in p.message) for p in result.problems] == [(17, True)]
    assert result.problems[0].path.endswith("page.po")


def test_an_interface_string_with_markup_falls_back_to_english_and_is_reported(tmp_path):
    from academy.languages import PLURAL_FORMS

    catalog = Catalog("ru", "ui", tmp_path / "ui.po", {
        ("Search", None): Translation('<img src=x onerror="window.__pwned=1">', False, 9),
        ("Close search", None): Translation("Закрыть <b>поиск</b>", False, 12)})
    catalog.plural_forms = PLURAL_FORMS["ru"]
    ui = Interface("ru", catalog)
    assert ui.t("search") == "Search"
    assert ui.t("search.close") == "Close search"
    assert sorted(p.line for p in ui.problems) == [9, 12]


def test_an_interface_string_that_drops_a_placeholder_is_an_error_with_its_line(tmp_path):
    from academy.errors import ContentError
    from academy.languages import PLURAL_FORMS

    catalog = Catalog("ru", "ui", tmp_path / "ui.po", {
        ("Passed: {percent}. Well done!", None): Translation("Сдано!", False, 12)})
    catalog.plural_forms = PLURAL_FORMS["ru"]
    with pytest.raises(ContentError) as refused:
        Interface("ru", catalog)
    assert [p.line for p in refused.value.problems] == [12]


def test_plain_text_is_escaped_when_printed_even_through_striptags():
    hostile = PlainText('" http-equiv="refresh" content="0;url=//evil.example/"><iframe srcdoc="x"')
    shown = printed(hostile)
    assert "<" not in shown and ">" not in shown and '"' not in shown
    assert html5lib.parseFragment(shown, namespaceHTMLElements=False).text == str(hostile)
    assert printed("<b>html</b>") == "<b>html</b>"


def test_the_plural_form_is_chosen_at_build_time_for_every_count():
    ru = Interface("ru", None).plural_table()
    assert ru[1] == 0 and ru[3] == 1 and ru[5] == 2 and ru[11] == 2 and ru[21] == 0 and ru[112] == 2


# -- hand-written pages follow their English block by block -----------------------------

ENGLISH_PAGE = """---
title: First steps
description: How a customer meets a brand.
---

# First steps

Every customer meets the [brand](brand.md).

- Reviews matter.
- Ratings matter too.

| Stage | Example |
| --- | --- |
| ZMOT | Reading reviews |
"""

HONEST_PAGE = ENGLISH_PAGE.replace("Every customer meets the [brand](brand.md).", "Каждый клиент встречает [бренд](brand.md).") \
    .replace("title: First steps", "title: Первые шаги").replace("- Reviews matter.", "- Отзывы важны.")

HOSTILE_PAGES = {
    "script": HONEST_PAGE.replace("- Отзывы важны.", "<script>window.__pwned=1</script>\n\n- Отзывы важны."),
    "added heading": HONEST_PAGE + "\n## Новый раздел\n",
    "added list item": HONEST_PAGE.replace("- Ratings matter too.", "- Ratings matter too.\n- Лишний пункт."),
    "added column": HONEST_PAGE.replace("| ZMOT | Reading reviews |", "| ZMOT | Reading reviews | Лишняя |"),
    "changed link": HONEST_PAGE.replace("[бренд](brand.md)", "[бренд](javascript:alert(1))"),
    "attr_list": HONEST_PAGE.replace("[бренд](brand.md).", '[бренд](brand.md).\n{: id="__academy" }'),
    "title markup": HONEST_PAGE.replace("title: Первые шаги", "title: Первые <base href=//evil.example/>"),
    "reference definition": HONEST_PAGE + "\n[x]: javascript:alert(1)\n",
    # front matter beyond the words: a partial as the template writes the page without its policy
    "template": HONEST_PAGE.replace("title: Первые шаги", "title: Первые шаги\ntemplate: partials/content.html"),
    "hidden from search": HONEST_PAGE.replace("title: Первые шаги", "title: Первые шаги\nsearch:\n  exclude: true"),
}


def test_an_honest_hand_written_page_is_accepted():
    assert handwritten_problems(ENGLISH_PAGE, HONEST_PAGE, "locales/ru/pages/first-steps.md") == []


@pytest.mark.parametrize("case", sorted(HOSTILE_PAGES))
def test_a_hand_written_page_that_changes_structure_or_adds_script_is_refused(case):
    problems = handwritten_problems(ENGLISH_PAGE, HOSTILE_PAGES[case], "locales/ru/pages/first-steps.md")
    assert problems and all(p.path == "locales/ru/pages/first-steps.md" and p.line > 0 for p in problems), case


# -- a whole site with hostile catalogs and front matter ------------------------------

SITE_ATTACKS = {
    # accepted as plain text, so it must reach every page escaped
    "How a customer meets a brand.": 'Как клиент" http-equiv="refresh" content="0;url=https://evil.example/',
    "First steps": "Первые шаги <iframe srcdoc=\"&lt;script&gt;parent.__pwned=1&lt;/script&gt;\"",
    "Every customer meets the brand through a touchpoint.": "Каждый клиент\n{: id=\"__academy\" }",
    "Search": '<img src=x onerror="window.__pwned=1">',
    "404 – Page not found": "<svg onload=window.__pwned=1>",
    "{page} - {site}": "{page} </title><script>window.__pwned=1</script> {site}",
    "Zero moment of truth": "&lt;img src=x onerror=window.__pwned=1&gt;",
    # entities in a heading are text
    "Your progress": 'Прогресс &lt;/title&gt;&lt;meta http-equiv="refresh" content="0;url=https://evil.example/"&gt;',
}


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    root = sitekit.write_project(tmp_path_factory.mktemp("attacked"))
    page = root / "content/journey/first-steps.md"
    # an editor's title with markup: plain text too
    page.write_text(page.read_text(encoding="utf-8").replace("title: First steps",
                                                             "title: First <base href=//elsewhere.example/> steps"),
                    encoding="utf-8")
    # a hand-written page that adds a script
    handwritten = root / "locales/ru/pages/journey/index.md"
    handwritten.parent.mkdir(parents=True)
    handwritten.write_text((root / "content/journey/index.md").read_text(encoding="utf-8").replace(
        "A course about customers.", "Рукописный курс.\n\n<script>window.__pwned = 1</script>"), encoding="utf-8")
    sitekit.academy(root, "i18n", "update")
    sitekit.translate_catalogs(root, "ru", {**sitekit.RU, **SITE_ATTACKS})
    return sitekit.build(root)


def _parse(path: Path):
    return html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)


def test_no_page_has_a_base_an_iframe_a_refresh_or_an_event_handler(attacked):
    pages = list(attacked.site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        doc = _parse(path)
        assert not [e for e in doc.iter() if e.tag in ("base", "iframe", "svg") and e.get("onload") is not None], path
        assert not doc.findall(".//base"), path
        assert not doc.findall(".//iframe"), path
        assert not [m for m in doc.iter("meta") if m.get("http-equiv", "").lower() == "refresh"], path
        for element in doc.iter():
            assert not [n for n in element.attrib if n.startswith("on")], (path, element.tag)


def test_titles_and_descriptions_are_shown_as_the_text_they_are(attacked):
    doc = _parse(attacked.site / "journey/first-steps/index.html")
    assert "<base href=//elsewhere.example/>" in doc.find(".//title").text
    doc = _parse(attacked.site / "ru/journey/first-steps/index.html")
    descriptions = [m.get("content") for m in doc.iter("meta") if m.get("name") in ("description",)
                    or m.get("property") == "og:description"]
    assert descriptions == [SITE_ATTACKS["How a customer meets a brand."]] * 2
    # a title's frame with markup is refused (an interface string is plain text): one <title>, no script
    assert len(doc.findall(".//title")) == 1 and doc.find(".//title").text.endswith(" - Тестовая академия")
    assert [s for s in doc.iter("script") if "__pwned" in (s.text or "")] == []
    line = sitekit.line_of(attacked.root / "locales/ru/LC_MESSAGES/ui.po", "#. interface string page.title")
    assert f"locales/ru/LC_MESSAGES/ui.po:{line}: translation refused" in attacked.result.stderr


def test_entities_in_a_heading_stay_text_on_the_page(attacked):
    doc = _parse(attacked.site / "ru/progress/index.html")
    assert '</title><meta http-equiv="refresh"' in "".join(doc.find(".//h1").itertext())


def test_striptags_in_material_templates_keeps_text_escaped():
    import jinja2

    from academy.mkdocs.plugin import _print_plain_text_escaped

    env = jinja2.Environment()
    _print_plain_text_escaped(env)
    template = env.from_string("<title>{{ heading | striptags }}</title><p>{{ toc | striptags | e }}</p>{{ title }}")
    html = template.render(heading='A &lt;/title&gt;&lt;meta http-equiv="refresh"&gt; <code>x</code>',
                           toc="&lt;script&gt;", title=PlainText("<base href=//evil.example/>"))
    doc = html5lib.parse(html, namespaceHTMLElements=False)
    assert [e.tag for e in doc.iter() if e.tag not in ("html", "head", "body")] == ["title", "p"]
    assert doc.find(".//title").text == 'A </title><meta http-equiv="refresh"> x'
    assert doc.find(".//body").text is None and doc.find(".//p").tail == "<base href=//evil.example/>"


def test_syntax_of_the_sites_own_extensions_is_compared_too():
    from academy import markup

    msgid, msgstr = "Visit the help centre.", "Посетите https://evil.example/ сейчас."
    assert markup_problem(msgid, msgstr) is None  # plain text without the extension
    markup.use_site_extensions(["pymdownx.magiclink", "toc", "no.such.extension"], {})
    try:
        assert "https://evil.example/" in markup_problem(msgid, msgstr)
        assert markup_problem("Why reviews matter", "Почему важны отзывы", "section heading") is None
    finally:
        markup.use_site_extensions([], {})
    assert markup_problem(msgid, msgstr) is None


def test_a_hand_written_page_with_a_script_is_refused_and_the_catalog_page_shown(attacked):
    output = attacked.result.stdout + attacked.result.stderr
    assert "locales/ru/pages/journey/index.md:" in output and "hand-written page refused" in output
    doc = _parse(attacked.site / "ru/journey/index.html")
    assert not [s for s in doc.iter("script") if "__pwned" in (s.text or "")]
    assert "Рукописный курс." not in "".join(doc.find(".//article").itertext())


def test_refused_catalog_entries_are_reported_with_their_po_line(attacked):
    output = attacked.result.stdout + attacked.result.stderr
    assert "locales/ru/LC_MESSAGES/ui.po:" in output
    assert "locales/ru/LC_MESSAGES/content/journey/first-steps.po:" in output
    assert "Traceback" not in output


def test_no_element_of_a_page_takes_the_academy_config_id(attacked):
    for path in attacked.site.rglob("*.html"):
        doc = _parse(path)
        assert not [e for e in doc.iter() if e.get("id") in ("__academy", "__config") and e.tag != "script"], path


def test_every_page_carries_a_content_security_policy_before_anything_it_governs(attacked):
    for path in attacked.site.rglob("*.html"):
        doc = _parse(path)
        head = doc.find("head")
        first = [e for e in head if isinstance(e.tag, str)][0]
        assert first.tag == "meta" and first.get("http-equiv") == "Content-Security-Policy", path
        policy = first.get("content")
        assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in policy and "unsafe-inline" not in policy.split("style-src")[0]
        inline = [s for s in doc.iter("script") if not s.get("src") and s.get("type") not in ("application/json", "application/ld+json")]
        # only the academy's own two, each allowed by its hash (the editor's raw script is not among them)
        assert len(inline) == 2 and all(_hash_source(s.text) in policy for s in inline), (path, [s.text[:40] for s in inline])
        assert not [s for s in inline if "__pwned" in s.text], path


def _hash_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


# -- faults -----------------------------------------------------------------------------


def _mkdocs(root: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    environment.pop("ACADEMY_LANG", None)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", *args], cwd=root, capture_output=True,
                          text=True, env=environment, check=False)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A project with a published site/ whose every file a fault must leave as it was."""
    root = sitekit.write_project(tmp_path_factory.mktemp("faults"))
    sitekit.build(root)
    return root


def _snapshot(root: Path) -> dict[str, bytes]:
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _refused(result: subprocess.CompletedProcess, path: str) -> str:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    assert f"{path}:" in output and "hint:" in output, output
    return output


@pytest.mark.parametrize("folder", ["locales", "content", "quizzes", ".", "locales/ru", ".."])
def test_a_source_folder_is_never_used_as_output(published, folder):
    before = sorted(p.relative_to(published).as_posix() for p in published.rglob("*") if "site" not in p.parts[:1])
    result = _mkdocs(published, "-d", folder)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    assert before == sorted(p.relative_to(published).as_posix() for p in published.rglob("*") if "site" not in p.parts[:1])


@pytest.mark.parametrize("target", ["/dev/null/site", "/proc/academy-site", "mkdocs.yml"])
def test_an_unusable_output_folder_is_a_path_message(published, target):
    before = _snapshot(published)
    output = _refused(_mkdocs(published, "-d", target), target if target != "mkdocs.yml" else "mkdocs.yml")
    assert "output folder" in output
    assert _snapshot(published) == before


def test_killed_at_the_swap_the_site_is_whole(published):
    before = _snapshot(published)
    page = published / "content/journey/index.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace("A course about customers.", "A course about customers, changed."), encoding="utf-8")
    try:
        for point in ("publish-swap", "publish-after-swap"):
            result = _mkdocs(published, env={"ACADEMY_FAULT": point})
            assert result.returncode != 0
            now = _snapshot(published)
            assert now == before or "changed." in now["journey/index.html"].decode(), point
            assert (published / "site/index.html").exists(), point
            sitekit.build(published)  # the next build cleans up and publishes
            assert sitekit.leftovers(published) == []
            before = _snapshot(published)
    finally:
        page.write_text(original, encoding="utf-8")


def test_the_old_site_is_swapped_out_whole_and_deleted_after_the_build(published, tmp_path):
    root = _faulty(published, tmp_path)
    (root / "site/only-in-the-old-site.html").write_text("old", encoding="utf-8")
    page = root / "content/journey/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("A course about customers.", "A course, changed."),
                    encoding="utf-8")
    sitekit.build(root)
    # at once: the new site, whole, in place; the old one anywhere else only as trash being deleted
    assert not (root / "site/only-in-the-old-site.html").exists()
    assert "changed." in (root / "site/journey/index.html").read_text(encoding="utf-8")
    assert (root / "site/index.html").exists() and (root / "site/fil/index.html").exists()
    assert (root / "site/ru/index.html").exists() and (root / "site/pagefind").is_dir()
    others = [p.name for p in root.iterdir() if p.name.startswith(".site.")]
    assert all(name.startswith(".site.trash-") for name in others), others
    assert sitekit.leftovers(root) == []


def test_killed_after_the_swap_the_old_site_is_only_trash_and_the_next_build_deletes_it(published, tmp_path):
    root = _faulty(published, tmp_path)
    before = _snapshot(root)
    page = root / "content/journey/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("A course about customers.", "A course, changed."),
                    encoding="utf-8")
    result = _mkdocs(root, env={"ACADEMY_FAULT": "publish-trash"})  # killed before a deleter started
    assert result.returncode != 0
    now = _snapshot(root)
    assert "changed." in now["journey/index.html"].decode() and "index.html" in now and "ru/index.html" in now
    trash = [p for p in root.iterdir() if p.name.startswith(".site.")]
    assert [p.name.startswith(".site.trash-") for p in trash] == [True], trash
    assert (trash[0] / "journey/index.html").read_bytes() == before["journey/index.html"]  # the old site, set aside
    sitekit.build(root)
    assert _snapshot(root).keys() == now.keys()
    assert sitekit.leftovers(root) == []


def test_trash_being_deleted_is_left_to_its_deleter_and_trash_whose_deleter_died_is_deleted(published, tmp_path):
    root = _faulty(published, tmp_path)
    deleting = root / f".site.trash-{os.getpid()}-abc123"
    abandoned = root / ".site.trash-999999999-def456"
    for folder in (deleting, abandoned):
        (folder / "journey").mkdir(parents=True)
        (folder / "journey/index.html").write_text("old", encoding="utf-8")
    sitekit.build(root)
    assert deleting.exists()
    assert not abandoned.exists()  # renamed after its new deleter at once
    deleting.rename(root / "elsewhere")  # as its deleter would leave it: gone
    assert sitekit.leftovers(root) == []


def _faulty(published: Path, tmp_path: Path) -> Path:
    """A copy of the project with the published site, for a test that breaks a source."""
    root = tmp_path / "project"
    subprocess.run(["cp", "-a", str(published), str(root)], check=True)
    return root


def test_a_folder_where_a_page_is_expected(published, tmp_path):
    root = _faulty(published, tmp_path)
    (root / "content/includes/abbreviations.md").unlink()
    (root / "content/includes/abbreviations.md").mkdir()
    before = _snapshot(root)
    _refused(_mkdocs(root), "content/includes/abbreviations.md")
    assert _snapshot(root) == before


def test_a_folder_where_a_catalog_is_expected(published, tmp_path):
    root = _faulty(published, tmp_path)
    po = root / "locales/ru/LC_MESSAGES/content/journey/index.po"
    po.unlink()
    po.mkdir()
    before = _snapshot(root)
    _refused(_mkdocs(root), "locales/ru/LC_MESSAGES/content/journey/index.po")
    assert _snapshot(root) == before


def test_a_page_that_is_not_utf8(published, tmp_path):
    root = _faulty(published, tmp_path)
    page = root / "content/journey/index.md"
    page.write_bytes(page.read_bytes() + b"\n\nBroken \xff\xfe bytes.\n")
    before = _snapshot(root)
    _refused(_mkdocs(root), "content/journey/index.md")
    assert _snapshot(root) == before


def test_a_symbolic_link_in_a_circle(published, tmp_path):
    root = _faulty(published, tmp_path)
    (root / "content/journey/loop").symlink_to("..")
    before = _snapshot(root)
    _refused(_mkdocs(root), "content/journey/loop")
    assert _snapshot(root) == before


def test_i18n_update_given_a_path_outside_the_project(published):
    before = {p: p.read_bytes() for p in (published / "locales").rglob("*.po")}
    for outside in ("/etc/passwd", "../elsewhere.md"):
        result = subprocess.run([sys.executable, "-m", "academy.cli", "i18n", "update", outside], cwd=published,
                                capture_output=True, text=True, check=False)
        _refused_plain = result.stdout + result.stderr
        assert result.returncode != 0 and "Traceback" not in _refused_plain, _refused_plain
        assert f"{outside}:" in _refused_plain and "hint:" in _refused_plain
    assert before == {p: p.read_bytes() for p in (published / "locales").rglob("*.po")}


def test_a_page_link_that_leads_nowhere(published, tmp_path):
    root = _faulty(published, tmp_path)
    (root / "content/journey/gone.md").symlink_to(tmp_path / "no-such-file.md")
    before = _snapshot(root)
    _refused(_mkdocs(root), "content/journey/gone.md")
    assert _snapshot(root) == before


def test_leftovers_of_dead_builds_are_removed_and_those_of_running_ones_kept(published, tmp_path):
    root = _faulty(published, tmp_path)
    dead = root / ".site.staging-999999999-abc"
    running = root / f".site.old-{os.getpid()}-def"
    unowned_old, unowned_new = root / ".site.staging-k3j2h1g0", root / ".site.old-a1b2c3d4"
    for folder in (dead, running, unowned_old, unowned_new):
        (folder / "site").mkdir(parents=True)
        (folder / "site/big.bin").write_bytes(b"x" * 1000)
    os.utime(unowned_old, (0, 0))  # left by a build long ago, before folders carried a process id
    sitekit.build(root)
    assert not dead.exists() and not unowned_old.exists()
    assert running.exists() and unowned_new.exists()
