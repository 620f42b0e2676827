"""Corrections to Material for MkDocs' output, each with the reason it is needed."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from html import escape, unescape

from ..jsonld import dumps_for_script

MATERIAL_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def valid_toggles(html: str) -> str:
    # Material's drawer and search toggles carry autocomplete="off", which HTML
    # allows on text-like inputs only; the W3C checker reports it on every page.
    # Its section labels in the navigation carry tabindex="", which is not a number.
    return MATERIAL_TOGGLE.sub(r"\1", html).replace(' tabindex=""', "")


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def lean_config(html: str, *, material_search: bool, words: dict[str, str] | None = None) -> str:
    """Material's page configuration, without the translations of parts the site does not have.

    Every page carries it. Without Material's own search (the academy searches with Pagefind)
    its seven search strings are never shown, nor "select version" without a version; the rest
    is written as UTF-8 rather than \\u escapes, which in Russian tripled its size.

    `words` are the frame words the ui catalog translates (interface.py THEME_STRINGS), as text.
    Material's template takes them from `partials/language.html`, whose output is HTML (a quote
    is `&quot;` there); in this JSON its script shows each as text, so they are the text itself.
    """
    match = _CONFIG.search(html)
    if match is None:
        return html
    lean = _lean(match.group(2), material_search, tuple(sorted((words or {}).items())))
    if lean is None:
        return html
    return html[:match.start(2)] + lean + html[match.end(2):]


@lru_cache(maxsize=64)  # pages at the same depth carry the same configuration
def _lean(config: str, material_search: bool, words: tuple[tuple[str, str], ...] = ()) -> str | None:
    try:
        data = json.loads(config)
    except ValueError:
        return None
    translations = data.get("translations")
    if isinstance(translations, dict):
        data["translations"] = {key: text for key, text in translations.items()
                                if not (key.startswith("search.") and not material_search)
                                and not (key == "select.version" and not data.get("version"))}
        data["translations"].update((key, text) for key, text in words if key in data["translations"])
    return dumps_for_script(data)


_SECTION_TOGGLE = re.compile(
    r'<a href="[^"]*" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">(?P<title>[^<]*)</span>\s*</a>\s*'
    r'<label class="md-nav__link[^"]*" for="(?P<for>__nav_[\w]+)" id="(?P=for)_label"'
)
_SECTION_NAV = re.compile(r'(<nav class="md-nav" [^>]*?)aria-labelledby="(__nav_[\w]+)_label"')


def named_section_lists(html: str) -> str:
    """A section's list of pages named after the section.

    With section index pages, Material names each section's list (`<nav
    aria-labelledby="__nav_2_label">`) by the toggle beside the section's link, whose only
    content is an icon: every such list is an unnamed navigation region (axe:
    landmark-unique). The list is named by the section's title instead.
    """
    titles = {m["for"]: " ".join(unescape(m["title"]).split()) for m in _SECTION_TOGGLE.finditer(html)}

    def name(match: re.Match) -> str:
        title = titles.get(match.group(2))
        return f'{match.group(1)}aria-label="{escape(title, quote=True)}"' if title else match.group(0)

    return _SECTION_NAV.sub(name, html)
