"""Registers the academy's blocks with pymdownx.blocks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from pymdownx.blocks import BlocksExtension

from .blocks import AnswerKeys, Faq, Glossary, Lessons, Progress, Quiz
from .glossary import PRIORITY, GlossaryOrder
from .images import PRIORITY as IMAGES_PRIORITY
from .images import LazyImages
from .leftovers import EMPHASIS_PRIORITY, LeftoverEmphasis, LeftoverFences
from .leftovers import PRIORITY as LEFTOVERS_PRIORITY
from .own_links import PRIORITY as OWN_LINKS_PRIORITY
from .own_links import OwnSiteLinks
from .raw_html import PAGE_WIDE_PRIORITY, PageWideHtml, RawHtml
from .raw_html import PRIORITY as RAW_HTML_PRIORITY
from .unresolved_links import PRIORITY as UNRESOLVED_PRIORITY
from .unresolved_links import UnresolvedLinks

if TYPE_CHECKING:
    from ..site import Academy


class AcademyExtension(BlocksExtension):
    def __init__(self, academy: Academy, link: Callable[[str], str], site_url: str = "", **kwargs: Any):
        self.academy = academy
        self.link = link
        self.site_url = site_url  # links written as the site's own address are refused
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md, block_mgr) -> None:  # noqa: N802 (Python-Markdown's name)
        config = {"academy": self.academy, "link": self.link}
        for block in (Faq, Quiz, Lessons, Progress, AnswerKeys, Glossary):
            block_mgr.register(block, config)
        md.treeprocessors.register(GlossaryOrder(md, self.academy.language.code), "academy_glossary", PRIORITY)
        md.treeprocessors.register(LeftoverFences(md, self.academy, block_mgr), "academy_leftover_fences",
                                   LEFTOVERS_PRIORITY)
        md.treeprocessors.register(LeftoverEmphasis(md, self.academy), "academy_leftover_emphasis", EMPHASIS_PRIORITY)
        md.treeprocessors.register(OwnSiteLinks(md, self.academy, self.site_url), "academy_own_site_links",
                                   OWN_LINKS_PRIORITY)
        md.treeprocessors.register(RawHtml(md, self.academy), "academy_raw_html", RAW_HTML_PRIORITY)
        md.postprocessors.register(PageWideHtml(md, self.academy), "academy_page_wide_html", PAGE_WIDE_PRIORITY)
        md.treeprocessors.register(UnresolvedLinks(md, self.academy), "academy_unresolved_links", UNRESOLVED_PRIORITY)
        md.treeprocessors.register(LazyImages(md, self._source_dir), "academy_images", IMAGES_PRIORITY)

    def _source_dir(self) -> Path | None:
        build = self.academy.rendering
        return self.academy.content / PurePosixPath(build.src).parent if build is not None else None


def makeExtension(**kwargs: Any) -> AcademyExtension:  # noqa: N802
    return AcademyExtension(**kwargs)
