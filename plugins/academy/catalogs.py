"""Gettext catalogs: where they live, reading them, and which translations to trust.

A catalog belongs to one source file and mirrors its path:
``content/customer-journey/moments-of-truth.md`` is translated in
``locales/<lang>/LC_MESSAGES/content/customer-journey/moments-of-truth.po``,
its template is ``locales/templates/content/customer-journey/moments-of-truth.pot``.
The interface strings we add are the domain ``ui``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from babel.messages.pofile import PoFileError, read_po

from .errors import AcademyError, Problem, display_path

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


class CatalogError(AcademyError):
    """A catalog that cannot be read."""


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

LINK_TARGET = re.compile(r"\]\(([^)\s]*)")
HTML_TAG = re.compile(r"</?([A-Za-z][\w-]*)[^>]*>")
DANGEROUS = re.compile(r"<\s*script|\bon[a-z]+\s*=|javascript\s*:|data\s*:\s*text/html", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_]*\}|%\([a-z_]+\)[sd]|%[sd]")
EMPHASIS = re.compile(r"\*\*|__|`")


def markup_problem(msgid: str, msgstr: str) -> str | None:
    """Why a translation may not replace its English, or None if it may."""
    if DANGEROUS.search(msgstr) and not DANGEROUS.search(msgid):
        return "the translation adds script or an event handler"
    if sorted(LINK_TARGET.findall(msgid)) != sorted(LINK_TARGET.findall(msgstr)):
        return "the translation changes the links of the English (keep every ](target) as it is)"
    if sorted(t.lower() for t in HTML_TAG.findall(msgid)) != sorted(t.lower() for t in HTML_TAG.findall(msgstr)):
        return "the translation adds or drops HTML tags"
    if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(msgstr)):
        return "the translation changes a placeholder such as {count}"
    if len(EMPHASIS.findall(msgstr)) % 2 and not len(EMPHASIS.findall(msgid)) % 2:
        return "the translation leaves ** or ` unbalanced"
    return None
