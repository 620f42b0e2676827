"""Which languages a page is offered in: hreflang links, sitemaps and the sitemap index.

A page that falls back to English in a language is not offered to search
engines in that language: it carries `noindex` there and no hreflang links,
and it is left out of that language's sitemap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape

from .languages import KNOWN_LANGUAGES
from .urls import UrlScheme


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    url: str


def hreflang_links(scheme: UrlScheme, code: str, page_url: str, fallback: bool,
                   translated: Callable[[str], bool]) -> list[Alternate]:
    """The alternates of a page in language `code`: languages where it reads fully translated.

    `translated(other_code)` says whether the page is complete in another language.
    """
    if fallback:
        return []
    links = [Alternate(KNOWN_LANGUAGES[other].hreflang, scheme.absolute(other, page_url))
             for other in scheme.codes if other == code or translated(other)]
    links.append(Alternate("x-default", scheme.absolute(scheme.codes[0], page_url)))
    return links


def sitemap_index(scheme: UrlScheme, codes: Iterable[str]) -> str:
    """The root sitemap index, listing the sitemap of each language that was built."""
    entries = "".join(f"<sitemap><loc>{escape(scheme.absolute(code, 'sitemap.xml'))}</loc></sitemap>" for code in codes)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>\n')
