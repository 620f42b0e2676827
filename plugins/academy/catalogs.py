"""Gettext catalogs: where they live, reading them, and which translations to trust.

A catalog belongs to one source file and mirrors its path:
``content/customer-journey/moments-of-truth.md`` is translated in
``locales/<lang>/LC_MESSAGES/content/customer-journey/moments-of-truth.po``,
its template is ``locales/templates/content/customer-journey/moments-of-truth.pot``.
The interface strings we add are the domain ``ui``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from babel.messages.pofile import PoFileError, read_po

from .errors import Problem, display_path

UI_DOMAIN = "ui"


def domain_of(source: str | PurePosixPath) -> str:
    """The catalog domain of a source file given relative to the project root."""
    return PurePosixPath(source).with_suffix("").as_posix()


def po_path(locales: Path, lang: str, domain: str) -> Path:
    return locales / lang / "LC_MESSAGES" / f"{domain}.po"


def pot_path(locales: Path, domain: str) -> Path:
    return locales / "templates" / f"{domain}.pot"


@dataclass(frozen=True)
class Translation:
    msgstr: str
    fuzzy: bool
    line: int


@dataclass
class Catalog:
    """The translations of one domain into one language (empty if there is no file)."""

    lang: str
    domain: str
    path: Path | None
    entries: dict[tuple[str, str | None], Translation] = field(default_factory=dict)

    def lookup(self, msgid: str, context: str | None = None) -> Translation | None:
        return self.entries.get((msgid, context))


def read_catalog(path: Path, lang: str, domain: str, root: Path | None = None) -> Catalog:
    """Read one PO file; a syntax error is a Problem with the file and line."""
    catalog = Catalog(lang, domain, path)
    if not path.exists():
        return catalog
    try:
        with path.open("rb") as handle:
            po = read_po(handle, abort_invalid=True)
    except PoFileError as error:
        lineno = getattr(error, "lineno", 0) + 1
        message = str(error).rsplit(" on ", 1)[0]
        raise CatalogError(
            Problem(
                display_path(path, root),
                lineno,
                f"this PO file cannot be read: {message}",
                "fix the line in Poedit or a text editor; `msgfmt --check FILE` shows the same error",
            )
        ) from None
    except OSError as error:
        raise CatalogError(
            Problem(display_path(path, root), 0, f"this PO file cannot be read: {error.strerror or error}",
                    "it must be a readable file (not a folder); check its permissions")
        ) from None
    except (UnicodeDecodeError, ValueError) as error:
        raise CatalogError(
            Problem(display_path(path, root), 1, f"this PO file cannot be read: {error}", "save it as UTF-8")
        ) from None
    for message in po:
        if not message.id or message.pluralizable:
            if message.pluralizable and message.id:
                singular = message.id[0]
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                catalog.entries[(singular, message.context)] = Translation(
                    "\x00".join(strings), message.fuzzy, message.lineno or 1
                )
            continue
        catalog.entries[(message.id, message.context)] = Translation(
            message.string or "", message.fuzzy, message.lineno or 1
        )
    return catalog


class CatalogError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


class Catalogs:
    """Every catalog of one language, read once per build and on change."""

    def __init__(self, locales: Path, lang: str, root: Path | None = None):
        self.locales = locales
        self.lang = lang
        self.root = root
        self._cache: dict[str, tuple[float, Catalog]] = {}

    def get(self, domain: str) -> Catalog:
        path = po_path(self.locales, self.lang, domain)
        mtime = path.stat().st_mtime if path.exists() else -1.0
        cached = self._cache.get(domain)
        if cached and cached[0] == mtime:
            return cached[1]
        catalog = read_catalog(path, self.lang, domain, self.root)
        self._cache[domain] = (mtime, catalog)
        return catalog


# -- is a translation safe to show? -------------------------------------------
# One home: the comparison of a translation's markup with its English lives in markup.py.
from .markup import markup_problem  # noqa: E402,F401  (the name callers import from here)
