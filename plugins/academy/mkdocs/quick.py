"""A serve's quick rebuild: a saved lesson or catalog shown in well under a second.

Under `mkdocs serve --dirty` a save used to run the engine's whole build: the
config read again, every file listed, the navigation made, every page's
fingerprint taken (`incremental.py`), all for one changed paragraph. At a
thousand lessons that is seconds before the one page is rendered.

So each language keeps what its last successful build made: the config, the
files, the navigation and the template environment. When every file saved since
is a page's Markdown, a quiz or the catalog of either, it is read again and the
pages whose fingerprint changed with it (the page, the lesson that embeds the
quiz, and the listings and answer keys when what they show changed) are
rendered into the served folder, with the sitemap and the 404 page. Every other language does the same at the same time
(`worker.py`).

Anything else takes the whole build, as before, which says what is wrong:
the config, the theme, the interface or abbreviations catalog, a page or quiz
added, moved or deleted, a quiz that changes its id, a save that changes a title
(the navigation shows it on every page), or a page that now has a problem.
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import watchdog.events

from ..catalogs import domain_of


class SavedFiles(watchdog.events.FileSystemEventHandler):
    """Every file the server's watcher saw change since it was last asked."""

    def __init__(self) -> None:
        super().__init__()
        self._paths: set[str] = set()
        self._lock = threading.Lock()

    def on_any_event(self, event: watchdog.events.FileSystemEvent) -> None:
        if event.event_type not in ("created", "modified", "deleted", "moved"):
            return
        if event.is_directory and event.event_type == "modified":
            return  # a file in it changed, and is seen on its own
        with self._lock:
            self._paths.add(os.fsdecode(event.src_path))
            if getattr(event, "dest_path", ""):
                self._paths.add(os.fsdecode(event.dest_path))

    def take(self) -> set[str]:
        with self._lock:
            paths, self._paths = self._paths, set()
        return paths


def watch_saves(server) -> SavedFiles:
    """Hear every change the server hears: the paths it watches now and those it is asked to watch later."""
    saved = SavedFiles()
    for path in list(getattr(server, "_watched_paths", {})):
        server.observer.schedule(saved, path, recursive=True)
    watch = server.watch

    def watching(path: str, func=None, *, recursive: bool = True) -> None:
        watch(path, func, recursive=recursive)
        server.observer.schedule(saved, os.path.abspath(path), recursive=recursive)

    server.watch = watching
    return saved


@dataclass
class Saved:
    """What the saves touched: pages (by source path), quiz files to read again and, per language,
    catalog domains."""

    pages: set[str] = field(default_factory=set)
    quizzes: set[Path] = field(default_factory=set)
    domains: dict[str, set[str]] = field(default_factory=dict)


def page_domains(docs: Path, pages: list[str]) -> dict[str, str]:
    """Each page's catalog domain, with the page (made once per whole build, not per save)."""
    content = PurePosixPath(docs.name)
    return {domain_of(content / src): src for src in pages}


def saved_pages(paths: set[str], docs: Path, locales: Path, pages: list[str], codes: list[str],
                whole_site_pages: set[str], quiz_pages: Callable[[], dict[Path, set[str]]] | None = None,
                by_domain: dict[str, str] | None = None) -> Saved | None:
    """The pages a set of saved files changes, or None when the saves need the whole build.

    `pages` are the source paths of the last build's pages; `whole_site_pages` those whose
    text is part of every page (the abbreviations); `quiz_pages` gives each quiz file (a path in
    the project) with the pages that embed it, asked for only when a save is not a page's;
    `by_domain` is `page_domains`, if already made."""
    by_domain = by_domain if by_domain is not None else page_domains(docs, pages)
    root = locales.parent
    found: list[dict[Path, set[str]]] = []

    def quizzes() -> dict[Path, set[str]]:
        if not found:
            found.append(quiz_pages() if quiz_pages is not None else {})
        return found[0]

    known = set(pages)
    saved = Saved()
    for raw in paths:
        path = Path(os.path.abspath(raw))
        if path.name.startswith("."):
            continue  # an editor's swap or lock file: the engine leaves such files out too
        inside_docs = _relative(path, docs)
        inside_locales = _relative(path, locales)
        if inside_docs is not None and path.suffix == ".md" and inside_docs in known and path.is_file():
            if inside_docs in whole_site_pages:
                return None
            saved.pages.add(inside_docs)
        elif path.suffix in (".yml", ".yaml") and path in quizzes() and path.is_file():
            saved.quizzes.add(path)
            saved.pages.update(quizzes()[path])
        elif inside_locales is not None and path.suffix == ".po" and path.is_file():
            parts = PurePosixPath(inside_locales).parts
            if len(parts) < 3 or parts[0] not in codes or parts[1] != "LC_MESSAGES":
                return None
            domain = PurePosixPath(*parts[2:]).with_suffix("").as_posix()
            quiz = None if domain in by_domain else next(
                (q for q in quizzes() if domain_of(q.relative_to(root).as_posix()) == domain), None)
            if quiz is not None:
                saved.quizzes.add(quiz)
                saved.pages.update(quizzes()[quiz])
            elif domain not in by_domain or by_domain[domain] in whole_site_pages:
                return None  # the interface's or a diagram's catalog: the whole build
            else:
                saved.pages.add(by_domain[domain])
            saved.domains.setdefault(parts[0], set()).add(domain)
        elif not path.exists() and inside_docs not in known:
            continue  # written and removed again before the build (an editor's temporary file)
        else:
            return None
    return saved if saved.pages else None


def _relative(path: Path, folder: Path) -> str | None:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return None


@dataclass
class LastBuild:
    """What a language's last successful build made, kept for the next quick rebuild."""

    config: object
    files: object
    nav: object
    env: object
    pages: list[str] = field(default_factory=list)  # its pages' sources
    domains: dict[str, str] = field(default_factory=dict)  # `page_domains` of its pages


def engine_build(engine: str):
    """The engine's own steps for one page and one theme template (`commands.build`)."""
    return importlib.import_module(f"{engine}.commands.build")
