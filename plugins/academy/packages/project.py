"""What packaging needs to know of the project, read from mkdocs.yml without MkDocs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml may carry `!ENV` or `!!python/name` tags; their values do not matter here."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class CourseOutline:
    slug: str  # the course's folder, e.g. customer-journey
    index: str  # its index page, e.g. customer-journey/index.md
    lessons: tuple[str, ...]  # lesson sources in navigation order


@dataclass(frozen=True)
class Project:
    root: Path
    config_file: Path
    content: Path
    quizzes: Path
    locales: Path
    site_dir: Path
    site_url: str  # ends with "/"
    languages: tuple[str, ...]
    abbreviations: str | None
    directory_urls: bool
    courses: tuple[CourseOutline, ...]

    def page_path(self, src: str) -> str:
        """Where the build writes a page, relative to its language's root."""
        path = PurePosixPath(src)
        if path.name == "index.md":
            return (path.parent / "index.html").as_posix().lstrip("./") or "index.html"
        if self.directory_urls:
            return (path.with_suffix("") / "index.html").as_posix()
        return path.with_suffix(".html").as_posix()


def _nav_sources(items) -> list[str]:
    found = []
    for item in items or []:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                found.extend(_nav_sources(value) if isinstance(value, list) else [value] if isinstance(value, str) else [])
    return found


def _courses(nav) -> tuple[CourseOutline, ...]:
    """A course is a navigation section holding an index.md, as on the site."""
    courses = []
    for item in nav or []:
        if not isinstance(item, dict):
            continue
        for children in item.values():
            if not isinstance(children, list):
                continue
            sources = _nav_sources(children)
            index = next((s for s in sources if PurePosixPath(s).name == "index.md"), None)
            if index is None:
                continue
            lessons = tuple(s for s in sources if s != index and s.endswith(".md"))
            courses.append(CourseOutline(PurePosixPath(index).parent.name, index, lessons))
    return tuple(courses)


def read_project(config_file: Path) -> Project:
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_AnyTagLoader) or {}  # noqa: S506 (a SafeLoader)
    options: dict = {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "academy" in plugin:
            options = plugin["academy"] or {}
    root = config_file.resolve().parent
    return Project(
        root=root,
        config_file=config_file.resolve(),
        content=root / data.get("docs_dir", "docs"),
        quizzes=root / options.get("quizzes_dir", "quizzes"),
        locales=root / options.get("locales_dir", "locales"),
        site_dir=root / data.get("site_dir", "site"),
        site_url=(data.get("site_url") or "https://academy.invalid/").rstrip("/") + "/",
        languages=tuple(options.get("languages", ["en"])),
        abbreviations=options.get("abbreviations"),
        directory_urls=bool(data.get("use_directory_urls", True)),
        courses=_courses(data.get("nav")),
    )
