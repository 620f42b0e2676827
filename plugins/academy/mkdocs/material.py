"""Corrections to Material for MkDocs' output, each with the reason it is needed."""

from __future__ import annotations

import re

MATERIAL_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def valid_toggles(html: str) -> str:
    # Material's drawer and search toggles carry autocomplete="off", which HTML
    # allows on text-like inputs only; the W3C checker reports it on every page.
    # Its section labels in the navigation carry tabindex="", which is not a number.
    return MATERIAL_TOGGLE.sub(r"\1", html).replace(' tabindex=""', "")
