"""One configured Markdown engine per build, reset between pages.

MkDocs makes a new `markdown.Markdown` for every page (`Page.render`): every extension
is looked up, configured and registered again, a fortieth of a cold build at a thousand
lessons. Python-Markdown's own way to convert many documents is one engine and
`reset()` between them, which calls each registered extension's `reset`.

That is as good as a new engine only for extensions that keep no state outside what
their `reset` clears. The engine is reused only when every extension the site names is
one read for that (`REUSABLE`: their state is the abbreviations, the table of contents,
the fence stash, the blocks' stack, each cleared by its `reset`; the others keep none);
a site naming any other extension (footnotes number their ids per reset, for one) has
its pages rendered by MkDocs as before. MkDocs' four per-page processors (raw HTML
anchors, anchors, relative links, the title) are made for each page as MkDocs makes
them and registered under their names, each replacing the last page's.

The shared engine's table of contents skips one thing MkDocs never reads: `toc` makes the
HTML of the page's table of contents for `md.toc` on every page (a fiftieth of a cold
build), where MkDocs reads `md.toc_tokens`. Here it is made only for a page that places
it with the marker (`[TOC]`), as `toc` places it.

`tests/test_markdown_engine.py` renders pages one after another on one engine and
compares each with a new engine's rendering.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as etree
from collections.abc import Callable

import markdown
from markdown.extensions.toc import TocExtension, TocTreeprocessor
from mkdocs.structure import pages as engine_pages
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..markdown import AcademyExtension

REUSABLE = frozenset({
    "abbr", "admonition", "attr_list", "def_list", "tables", "toc", "fenced_code",
    "pymdownx.details", "pymdownx.superfences",
})
"""Extensions whose state their `reset` clears (or that keep none), by the names a site writes."""


def _name(extension) -> str | None:
    if isinstance(extension, AcademyExtension):
        return "academy"
    if not isinstance(extension, str):
        return None
    return extension.removeprefix("markdown.extensions.")


def reusable(extensions) -> bool:
    """Whether pages with these extensions (`markdown_extensions` as loaded) may share one engine."""
    return all(_name(extension) in REUSABLE | {"academy"} for extension in extensions)


class _TocWhereMarked(TocTreeprocessor):
    """`toc`'s tree processor, making the table of contents' HTML only where the page has the marker."""

    def build_toc_div(self, toc_list: list):
        self._tokens = toc_list
        return _NOT_MADE  # serialized into `md.toc`, which MkDocs does not read

    def replace_marker(self, root, elem) -> None:
        if any(child.text and child.text.strip() == self.marker and len(child) == 0 and "".join(child.itertext()).strip()
               for _, child in self.iterparent(root)):
            super().replace_marker(root, super().build_toc_div(self._tokens))


_NOT_MADE = etree.Element("div")


def _toc_where_marked(md: markdown.Markdown) -> None:
    extension = next((ext for ext in md.registeredExtensions if type(ext) is TocExtension), None)
    if extension is not None and type(md.treeprocessors["toc"]) is TocTreeprocessor:
        md.treeprocessors.register(_TocWhereMarked(md, extension.getConfigs()), "toc", 5)


class MarkdownEngine:
    """The engine of one build's configuration, made at its first page."""

    def __init__(self, unreadable: Callable[[Page, int, str, str], None]) -> None:
        self.unreadable = unreadable  # (page, line, what is wrong, how to fix it): a page Markdown cannot read
        self._config = None
        self._md: markdown.Markdown | None = None

    def forget(self) -> None:
        self._config = None
        self._md = None

    def use_for(self, page: Page) -> None:
        """Render `page` with the shared engine, when its extensions allow it (see the module's text)."""
        page.render = lambda config, files: self.render(page, config, files)

    def _engine(self, config) -> markdown.Markdown | None:
        if self._config is not config:
            self._config = config
            self._md = None
            if reusable(config["markdown_extensions"]):
                self._md = markdown.Markdown(extensions=config["markdown_extensions"],
                                             extension_configs=config["mdx_configs"] or {})
                _toc_where_marked(self._md)
        return self._md

    def render(self, page: Page, config, files) -> None:
        """`Page.render` of MkDocs 1.6, on the shared engine."""
        md = self._engine(config)
        if md is None or page.markdown is None:
            Page.render(page, config, files)
            return
        md.reset()
        raw_html_ext = engine_pages._RawHTMLPreprocessor()
        raw_html_ext._register(md)
        extract_anchors_ext = engine_pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        extract_anchors_ext._register(md)
        relative_path_ext = engine_pages._RelativePathTreeprocessor(page.file, files, config)
        relative_path_ext._register(md)
        extract_title_ext = engine_pages._ExtractTitleTreeprocessor()
        extract_title_ext._register(md)

        try:
            page.content = md.convert(page.markdown)
        except RecursionError:  # Python-Markdown reads each level of nesting one call deeper
            # reported, and the page goes on empty, so that every other problem is reported too
            self.unreadable(page, deepest_line(page.file.content_string),
                            "quotes, lists or admonitions nested so deep that Markdown cannot read the page",
                            "a lesson nests a few levels at most: take the text out of the quotes, lists or "
                            "admonitions it is inside (`>` and indentation)")
            page.content = ""
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = extract_title_ext.title
        page.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
        if engine_pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_path_ext.links_to_anchors


def deepest_line(text: str) -> int:
    """The line of a Markdown file where it is nested deepest (quotes and indentation): the first such line."""
    best, where = -1, 1
    for number, line in enumerate(text.split("\n"), start=1):
        margin = len(line) - len(line.lstrip(" >\t"))
        depth = line.count(">", 0, margin) + (len(line) - len(line.lstrip(" \t"))) // 4
        if depth > best:
            best, where = depth, number
    return where
