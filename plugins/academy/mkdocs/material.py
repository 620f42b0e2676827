"""Corrections to Material for MkDocs' output, each with the reason it is needed."""

from __future__ import annotations

import logging
import re
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.academy")

MATERIAL_ALTERNATES = 'M("link[rel=alternate]")'
MATERIAL_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def keep_from_fetching_sitemaps(site: Path) -> None:
    """Material fetches `sitemap.xml` beside every <link rel=alternate> on every page load,
    to make its language selector keep the page. Our switcher links to the same page
    already, so on a phone that would only be four wasted requests (404s, as the URLs
    it builds are page URLs). Our hreflang links are left out of that lookup."""
    for bundle in site.glob("assets/javascripts/bundle.*.min.js"):
        text = bundle.read_text(encoding="utf-8")
        if MATERIAL_ALTERNATES in text:
            bundle.write_text(text.replace(MATERIAL_ALTERNATES, 'M("link[rel=alternate]:not([hreflang])")'),
                              encoding="utf-8")
        elif 'M("link[rel=alternate]:not([hreflang])")' not in text:  # not already kept (a dirty build)
            log.warning(f"{bundle.name}: Material's alternate-link lookup was not found; pages may fetch sitemaps")


def valid_toggles(html: str) -> str:
    # Material's drawer and search toggles carry autocomplete="off", which HTML
    # allows on text-like inputs only; the W3C checker reports it on every page.
    # Its section labels in the navigation carry tabindex="", which is not a number.
    return MATERIAL_TOGGLE.sub(r"\1", html).replace(' tabindex=""', "")
