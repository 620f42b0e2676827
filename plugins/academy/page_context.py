"""What the templates get for a page: language links, notices, interface strings, JSON-LD."""

from __future__ import annotations

from .alternates import hreflang_links
from .jsonld import dumps_for_script
from .languages import KNOWN_LANGUAGES
from .plaintext import plain
from .search import QUERY_SCRIPTS
from .site import Academy, PageBuild
from .structured_data import FaqRegistry, SiteFacts, is_lesson, page_jsonld
from .urls import UrlScheme


def page_context(edition: Academy, scheme: UrlScheme, page_url: str, build: PageBuild | None,
                 canonical_url: str = "", facts: SiteFacts | None = None,
                 registry: FaqRegistry | None = None, versions: dict[str, str] | None = None,
                 title: str | None = None) -> dict:
    """The `academy` variable of a template; `build` is None for pages that are not content (404).
    `versions`: each script's query naming its content (head.py `script_versions`), if published.
    `title`: the page's title, which its <title> joins to the site's name as the language writes it."""
    versions = versions or {}
    language = edition.language
    code = language.code
    ui = {key: plain(text) for key, text in edition.ui.strings().items()}  # escaped when printed
    context: dict = {
        "ui": ui,
        # Material's frame words (footer links, skip link, landmarks), read by partials/language.html
        "theme_ui": {key: plain(text) for key, text in edition.ui.theme_strings().items()},
        "og_locale": language.og_locale,
        "og_alternates": [KNOWN_LANGUAGES[c].og_locale for c in scheme.codes if c != code],
        "alternates": [],
        "jsonld": [],
        "fallback": False,
        "outdated": False,
        "noindex": False,
        "is_lesson": False,
        "listing": False,
        # one escaped text, as the ui strings: the page's title and the site's are text, never markup
        "title": (plain(str(facts.site_name)) if str(title) == str(facts.site_name)  # the home page: said once
                  else plain(edition.ui.t("page.title", page=str(title), site=str(facts.site_name))))
        if title and facts is not None else None,
    }
    # A page without a place (404.html) is served at any depth: its links start from the host's root.
    placeless = build is None and not page_url

    def link(target_code: str, target_url: str) -> str:
        if placeless:
            return scheme.rooted(target_code, target_url)
        return scheme.relative(code, page_url, target_code, target_url)

    for other in scheme.codes:
        context["alternates"].append({"code": other, "name": KNOWN_LANGUAGES[other].name,
                                      "html_lang": KNOWN_LANGUAGES[other].html_lang,
                                      "href": link(other, page_url),
                                      "current": other == code})
    if build is not None:
        context["fallback"] = bool(build.missing) and not edition.is_source
        context["outdated"] = build.outdated
        # A page that falls back to English is not offered to search engines as a translation.
        context["noindex"] = context["fallback"] or build.noindex
        if facts is not None:
            context["jsonld"] = [dumps_for_script(block) for block in
                                 page_jsonld(edition, build, canonical_url, facts, registry or FaqRegistry())]
        context["is_lesson"] = is_lesson(build.src)
        context["listing"] = build.listing  # lists other pages (home, progress): kept out of search
    context["script_config"] = dumps_for_script({
        "lang": language.html_lang,
        "plural": edition.ui.plural_table(),
        "strings": {key: plain(text) for key, text in edition.ui.script_strings().items()},
        "plurals": edition.ui.script_plurals(),
        "root": link(code, ""),
        "search": link(code, "pagefind/pagefind.js"),
        "searchUi": link(code, "assets/academy/search.js") + versions.get("assets/academy/search.js", ""),
        "progressUi": link(code, "assets/academy/progress.js") + versions.get("assets/academy/progress.js", ""),
        # the query's own rewriting (Filipino stems, English spellings), fetched with search only
        **({"searchKeys": link(code, QUERY_SCRIPTS[code]) + versions.get(QUERY_SCRIPTS[code], "")}
           if code in QUERY_SCRIPTS else {}),
    })
    return context


def sitemap_alternates(edition: Academy, scheme: UrlScheme, pages: list[tuple[str, str, PageBuild | None]]) -> dict:
    """src -> alternates, for every page search engines may index in this language.

    `pages` holds (src, page URL, its build record) for every page of the build.
    """
    entries = {}
    for src, page_url, build in pages:
        fallback = build is not None and bool(build.missing) and not edition.is_source
        if fallback or build is not None and build.noindex:
            continue  # noindex: not offered to search engines in this language
        entries[src] = hreflang_links(scheme, edition.language.code, page_url, False,
                                      lambda other, src=src: edition.is_translated(src, other))
    return entries
