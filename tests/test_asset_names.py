"""A returning phone never dresses today's HTML in yesterday's stylesheet, nor runs yesterday's scripts.

The one stylesheet pages link is named by a hash of its content, and the academy's scripts are
linked with a query naming theirs (`?v=<hash>`): a changed file is a new URL, which neither the
browser's cache nor the offline worker (it keeps each file under its URL) has seen. Read in the
built HTML with html5lib, as a browser reads it.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import html5lib

import sitekit

NAME = re.compile(r"^styles\.([0-9a-f]{12})\.css$")


def _stylesheets(page: Path, site: Path) -> list[Path]:
    """The stylesheets the page links, as files of the site (served at its root: the 404 page's links start there)."""
    doc = html5lib.parse(page.read_bytes(), namespaceHTMLElements=False)
    hrefs = [link.get("href") for link in doc.iter("link") if "stylesheet" in (link.get("rel") or "").split()]
    return [(site / href.lstrip("/") if href.startswith("/") else page.parent / href).resolve() for href in hrefs]


def _linked(site: Path) -> dict[str, set[Path]]:
    """Every page's stylesheet, by the page's language."""
    linked: dict[str, set[Path]] = {}
    for page in sorted(site.rglob("*.html")):
        lang = page.relative_to(site).parts[0] if page.relative_to(site).parts[0] in ("fil", "ru") else "en"
        linked.setdefault(lang, set()).update(_stylesheets(page, site))
    return linked


def test_every_page_links_one_stylesheet_named_by_the_hash_of_what_it_holds(built_site):
    linked = _linked(built_site.site)
    assert sorted(linked) == ["en", "fil", "ru"]
    for lang, sheets in linked.items():
        assert len(sheets) == 1, (lang, sheets)  # one per language, every page the same
        sheet = next(iter(sheets))
        assert sheet.is_file(), sheet
        match = NAME.match(sheet.name)
        assert match, sheet.name
        assert hashlib.sha256(sheet.read_bytes()).hexdigest()[:12] == match.group(1), sheet
    # no stylesheet under the old fixed name for a phone to keep
    assert not list(built_site.site.rglob("assets/academy/styles.css"))


def test_a_changed_stylesheet_gets_a_new_name_and_an_unchanged_build_keeps_its_name(project):
    def names() -> dict[str, Path]:
        site = sitekit.build(project).site
        return {lang: next(iter(sheets)).relative_to(site) for lang, sheets in _linked(site).items()}

    first = names()
    assert sorted(first) == ["en", "fil", "ru"]
    assert names() == first  # same content, same name: a phone keeps using what it has
    # a colour named in mkdocs.yml keeps its rules in the stylesheet: new content
    sitekit.edit(project / "mkdocs.yml", "scheme: default,", "scheme: default, primary: teal,")
    after = names()
    site = project / "site"
    for lang in first:
        assert after[lang] != first[lang], lang
        assert (site / after[lang]).is_file() and not (site / first[lang]).exists(), lang
        assert "=teal]" in (site / after[lang]).read_text(encoding="utf-8")


def _versioned(site: Path, page: Path, url: str) -> None:
    """`url` (as a page links it) names a file of the site and the hash of its content."""
    path, _, query = url.partition("?v=")
    file = (site / path.lstrip("/") if path.startswith("/") else page.parent / path).resolve()
    assert file.is_file(), (page, url)
    assert re.fullmatch(r"[0-9a-f]{12}", query), (page, url)
    assert hashlib.sha256(file.read_bytes()).hexdigest()[:12] == query, (page, url)


def test_every_academy_script_a_page_loads_is_linked_with_the_hash_of_what_it_holds(built_site):
    site = built_site.site
    checked: set[str] = set()
    for page in sorted(site.rglob("*.html")):
        doc = html5lib.parse(page.read_bytes(), namespaceHTMLElements=False)
        for script in doc.iter("script"):
            src = script.get("src") or ""
            if "assets/academy/" in src:
                _versioned(site, page, src)
                checked.add(src.rsplit("/", 1)[-1].split("?")[0])
            if script.get("type") == "application/json" and script.get("data-academy-config") is not None:
                config = json.loads(script.text)
                for key in ("searchUi", "searchKeys", "progressUi"):
                    if key in config:
                        _versioned(site, page, config[key])
                        checked.add(config[key].rsplit("/", 1)[-1].split("?")[0])
    # the page's own script, search's, the progress page's, and the query's rewriting in English and Filipino
    assert {"academy.js", "search.js", "progress.js", "spelling.js", "tagalog.js"} <= checked, checked
