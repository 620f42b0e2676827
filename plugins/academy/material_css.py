"""Material's main stylesheet without the rules of components the site's configuration never shows.

Material's main stylesheet styles every component Material has: navigation tabs, the blog, the
repository box, the feedback widget, the cookie consent, content tabs, keyboard keys, grids... Each
appears on a page only when mkdocs.yml turns it on (a theme feature, a plugin, a Markdown
extension, an `extra` setting). Every page downloads the whole stylesheet before its first paint,
on mobile data, so the published stylesheet drops each component that the configuration leaves off:
every selector that names one of its classes goes, with the rules and @media blocks left empty; every
other rule stays as Material wrote it. Turning the setting on brings the rules back at the next build
(the stylesheet's name follows its content, head.py).

The cut depends on mkdocs.yml alone, never on the pages: the stylesheet every page links (by a name
made from its content) stays the same while only pages change, so a page kept from an earlier build
(the page cache) or not rendered again after a save (`serve --dirty`) links the stylesheet there is.
Each dropped component's classes are written by its own extension, plugin or template; a lesson that
named one by hand (`{ .grid }`) would get no more than the extension being off gives it anyway.

`tests/test_material_css.py` checks, on a built site, that each dropped selector names a class that no
page and no script of the site has.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .palette_css import drop_selectors


@dataclass(frozen=True)
class Settings:
    """What of mkdocs.yml decides which components a page can show."""

    features: frozenset[str] = frozenset()
    plugins: frozenset[str] = frozenset()
    extensions: frozenset[str] = frozenset()
    extra: Mapping[str, object] | None = None
    repo_url: str | None = None

    def feature(self, *names: str) -> bool:
        return any(name in self.features or any(f.startswith(name + ".") for f in self.features) for name in names)

    def plugin(self, *names: str) -> bool:
        return any(name in self.plugins or f"material/{name}" in self.plugins for name in names)

    def extension(self, *names: str) -> bool:
        return any(name in self.extensions for name in names)

    def extra_set(self, *keys: str) -> bool:
        value: object = self.extra or {}
        for key in keys:
            value = value.get(key) if isinstance(value, Mapping) else None
        return bool(value)


@dataclass(frozen=True)
class Component:
    """A Material component: the classes only it has, and whether the configuration can show it."""

    name: str
    classes: tuple[str, ...]
    """Class names, or prefixes ending in `-` or `_` (every class starting with them)."""
    shown: Callable[[Settings], bool]

    def names(self, cls: str) -> bool:
        return any(cls == c or (c[-1] in "-_" and cls.startswith(c)) for c in self.classes)


COMPONENTS: tuple[Component, ...] = (
    Component("navigation tabs", ("md-tabs", "md-tabs_", "md-tabs-", "md-nav--lifted", "md-header--lifted"),
              lambda s: s.feature("navigation.tabs")),
    Component("back-to-top button", ("md-top",), lambda s: s.feature("navigation.top")),
    Component("navigation path", ("md-path", "md-path_", "md-path-"), lambda s: s.feature("navigation.path")),
    Component("integrated table of contents", ("md-nav--integrated",), lambda s: s.feature("toc.integrate")),
    Component("loading progress bar", ("md-progress", "md-progress_"), lambda s: s.feature("navigation.instant")),
    Component("code copy, selection and annotations",
              ("md-clipboard", "md-clipboard_", "md-clipboard-", "md-code_", "md-annotation", "md-annotation_",
               "md-annotation-"),
              lambda s: s.feature("content.code", "content.tooltips")),
    Component("page actions (edit, view source)", ("md-content__button",),
              lambda s: bool(s.repo_url) or s.feature("content.action")),
    Component("repository box", ("md-source", "md-source_", "md-source-", "md-header__source"),
              lambda s: bool(s.repo_url)),
    Component("page feedback", ("md-feedback", "md-feedback_", "md-feedback-"),
              lambda s: s.extra_set("analytics", "feedback")),
    Component("cookie consent", ("md-consent", "md-consent_", "md-consent-"), lambda s: s.extra_set("consent")),
    Component("social links", ("md-social", "md-social_", "md-social-"), lambda s: s.extra_set("social")),
    Component("page status", ("md-status", "md-status_", "md-status-"), lambda s: s.extra_set("status")),
    Component("blog", ("md-post", "md-post_", "md-post-", "md-author", "md-author_", "md-author-", "md-meta",
                       "md-meta_", "md-profile", "md-profile_", "md-pagination", "md-pagination_", "md-pin",
                       "md-draft", "md-content--post", "md-sidebar--post"),
              lambda s: s.plugin("blog")),
    Component("source file dates and authors", ("md-source-file", "md-source-file_"),
              lambda s: s.plugin("git-revision-date-localized", "git-revision-date", "git-committers",
                                 "git-authors", "blog")),
    Component("tags", ("md-tag", "md-tag-", "md-tags", "md-tags_"), lambda s: s.plugin("tags", "blog")),
    Component("content tabs", ("tabbed-",), lambda s: s.extension("pymdownx.tabbed")),
    Component("keyboard keys", ("keys",), lambda s: s.extension("pymdownx.keys")),
    Component("task lists", ("task-list-",), lambda s: s.extension("pymdownx.tasklist")),
    Component("emoji", ("twemoji", "emojione", "gemoji"), lambda s: s.extension("pymdownx.emoji")),
    Component("math", ("katex", "katex-", "arithmatex"), lambda s: s.extension("pymdownx.arithmatex")),
    Component("grids", ("grid",), lambda s: s.extension("md_in_html", "markdown.extensions.md_in_html")),
)

CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")


def _outside_brackets(selector: str) -> str:
    """The selector without attribute tests and parenthesized arguments: a class inside `:not()`,
    `:is()` or `:where()` need not be on the page for the selector to match."""
    out, depth = [], 0
    for char in selector:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(char)
    return "".join(out)


def settings(config: Mapping[str, object]) -> Settings:
    """The settings of an MkDocs config (or a mapping shaped like one)."""
    theme = config.get("theme") or {}
    features = theme.get("features") if hasattr(theme, "get") else None
    extensions = []
    for entry in config.get("markdown_extensions") or []:
        extensions.append(next(iter(entry)) if isinstance(entry, Mapping) else str(entry))
    return Settings(
        features=frozenset(features or ()),
        plugins=frozenset(config.get("plugins") or ()),
        extensions=frozenset(extensions),
        extra=config.get("extra") or {},
        repo_url=config.get("repo_url") or None)


def unused_components(config: Settings) -> tuple[Component, ...]:
    return tuple(component for component in COMPONENTS if not component.shown(config))


def without_unused(css: str, config: Settings) -> str:
    """Material's main stylesheet without the selectors of the components `config` leaves off."""
    unused = unused_components(config)
    if not unused:
        return css

    def dropped(selector: str) -> bool:
        for cls in CLASS.findall(_outside_brackets(selector)):
            if any(component.names(cls) for component in unused):
                return True
        return False

    return drop_selectors(css, dropped)
