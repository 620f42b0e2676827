"""The words of Material's page frame (footer links, landmarks, skip link) come from ui.po.

Material's own language partials are not the project's files: a translator cannot correct
them. Every word of theirs that reaches a built Russian or Filipino page is taken from the
academy's `ui` catalog instead, or is named in `THEME_NOT_WORDS` as deliberately Material's.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import html5lib
import material
import polib
import pytest

import sitekit
from academy.interface import THEME_NOT_WORDS, THEME_SHARED, THEME_STRINGS

LOCALES = sitekit.ROOT / "locales"
MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
ENTRY = re.compile(r'^\s*"([^"]+)": (".*?"),?$')
# A translator's own word for "Previous", saved in Poedit, must be what the page shows, quotes and all
# (it is printed inside the link's aria-label attribute too).
EDITED_PREVIOUS = 'Предыдущий "урок" & тест'


def material_words(code: str) -> dict[str, str]:
    """Material's word for every key of its partial for `code`, English where it has none."""
    def read(name: str) -> dict[str, str]:
        text = (MATERIAL_LANGUAGES / f"{name}.html").read_text(encoding="utf-8")
        return {match[1]: json.loads(match[2]) for line in text.splitlines() if (match := ENTRY.match(line))}
    return read("en") | read(code)


def ui_translation(lang: str, msgid: str) -> str:
    entry = polib.pofile(str(LOCALES / lang / "LC_MESSAGES" / "ui.po")).find(msgid)
    assert entry is not None and entry.msgstr and not entry.fuzzy, f"{lang}/ui.po: {msgid!r} is not translated"
    return entry.msgstr


@pytest.fixture(scope="module")
def framed_site(tmp_path_factory) -> sitekit.Built:
    """The tiny academy with the project's own ui.po, Material's page footer on, one Russian word edited."""
    root = sitekit.write_project(tmp_path_factory.mktemp("framed"))
    sitekit.edit(root / "mkdocs.yml", "features: [navigation.prune,", "features: [navigation.footer, navigation.prune,")
    for lang in ("fil", "ru"):
        shutil.copy(LOCALES / lang / "LC_MESSAGES" / "ui.po", root / "locales" / lang / "LC_MESSAGES" / "ui.po")
    sitekit.translate(root, "ru", "ui", THEME_STRINGS["footer.previous"][0], EDITED_PREVIOUS)
    return sitekit.build(root)


def footer_words(built: sitekit.Built, path: str) -> dict[str, str]:
    """What the lesson's footer links say above the page titles: {"prev": ..., "next": ...}."""
    document = html5lib.parse(built.html(path), namespaceHTMLElements=False)
    words = {}
    for link in document.iter("a"):
        for side in ("prev", "next"):
            if f"md-footer__link--{side}" in link.get("class", ""):
                span = next(s for s in link.iter("span") if "md-footer__direction" in s.get("class", ""))
                words[side] = "".join(span.itertext()).strip()
    return words


def test_the_footer_links_say_what_each_languages_ui_po_says(framed_site):
    assert footer_words(framed_site, "ru/journey/first-steps/index.html") == {
        "prev": EDITED_PREVIOUS, "next": "Вперёд"}
    assert ui_translation("ru", "Next") == "Вперёд"
    assert footer_words(framed_site, "fil/journey/first-steps/index.html") == {
        "prev": ui_translation("fil", "Previous"), "next": ui_translation("fil", "Next")}
    assert footer_words(framed_site, "journey/first-steps/index.html") == {"prev": "Previous", "next": "Next"}
    document = html5lib.parse(framed_site.html("ru/journey/first-steps/index.html"), namespaceHTMLElements=False)
    previous = next(a for a in document.iter("a") if "md-footer__link--prev" in a.get("class", ""))
    assert previous.get("aria-label").startswith(EDITED_PREVIOUS + ": ")


def shown_strings(html: str) -> set[str]:
    """Every text and attribute value of a page, and the words Material's script is handed."""
    document = html5lib.parse(html, namespaceHTMLElements=False)
    shown: set[str] = set()
    for element in document.iter():
        shown.update(text.strip() for text in (element.text, element.tail) if text and text.strip())
        for value in element.attrib.values():
            shown.update({value.strip(), value.split(":")[0].strip()})  # aria-label="Next: First steps"
        if element.get("id") == "__config":
            shown.update(json.loads(element.text or "{}").get("translations", {}).values())
    return shown


@pytest.mark.parametrize(("lang", "material_code"), [("ru", "ru"), ("fil", "tl")])
def test_every_material_word_on_a_page_is_the_academys_or_deliberately_materials(framed_site, lang, material_code):
    material = material_words(material_code)
    ours = set(THEME_STRINGS) | set(THEME_SHARED) | set(THEME_NOT_WORDS)
    unowned: dict[str, list[str]] = {}
    pages = sorted((framed_site.site / lang).rglob("*.html"))
    assert len(pages) >= 4
    for page in pages:
        shown = shown_strings(page.read_text(encoding="utf-8"))
        for key, word in material.items():
            # a word the academy's ui.po gives the same as Material is the academy's, not Material's
            if word in shown and key not in ours:
                unowned.setdefault(key, []).append(str(page.relative_to(framed_site.site)))
    assert not unowned, f"Material's words on {lang} pages that no ui.po translates: {unowned}"
    # and the frame's words the page does show are the translator's (the project translates them all)
    assert all(ui_translation(lang, msgid) for msgid, _where in THEME_STRINGS.values())
    catalog = polib.pofile(str(framed_site.root / "locales" / lang / "LC_MESSAGES" / "ui.po"))
    lesson = shown_strings(framed_site.html(f"{lang}/journey/first-steps/index.html"))
    for key in ("action.skip", "header", "nav", "toc", "footer", "select.language"):
        assert catalog.find(THEME_STRINGS[key][0]).msgstr in lesson, key
