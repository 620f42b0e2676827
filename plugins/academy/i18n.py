"""Catalog upkeep: templates from the English, PO files that keep every translation.

``update`` extracts every source into its template (``.pot``) and merges it
into each language's PO file with Babel: a changed English message keeps its
old translation as fuzzy with the previous msgid (``#| msgid``), a removed one
becomes obsolete (``#~``). Nothing a translator wrote is deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from .catalogs import UI_DOMAIN, domain_of, po_path, pot_path
from .extract import extractor_for
from .interface import LMS_STRINGS, PLURALS, STRINGS
from .languages import PLURAL_FORMS, SOURCE_LANGUAGE

PYTHON_FORMAT_FLAG = re.compile(rb"^#,.*\bpython-format\b.*$", re.MULTILINE)


def _no_python_format(match: re.Match) -> bytes:
    flags = [f.strip() for f in match.group(0)[2:].split(b",") if f.strip()]
    flags = [f for f in flags if f not in (b"python-format", b"no-python-format")] + [b"no-python-format"]
    return b"#, " + b", ".join(flags)
PROJECT = "Customer Support Academy"
HEADER = "# Translations of the Customer Support Academy.\n# This file is distributed under the same license as the academy."


@dataclass(frozen=True)
class Sources:
    root: Path
    content: Path
    quizzes: Path
    locales: Path
    languages: tuple[str, ...]

    def files(self) -> list[Path]:
        found = sorted(self.content.rglob("*.md")) + sorted(self.content.rglob("*.svg"))
        if self.quizzes.exists():
            found += sorted(self.quizzes.glob("*.yml")) + sorted(self.quizzes.glob("*.yaml"))
        return found


def _set_plural_forms(catalog: Catalog, lang: str) -> None:
    # Babel derives Plural-Forms from CLDR data that is wrong for Filipino; use ours.
    rule = PLURAL_FORMS.get(lang, PLURAL_FORMS["en"])
    catalog._num_plurals = int(rule.split("nplurals=")[1].split(";")[0])  # noqa: SLF001
    catalog._plural_expr = rule.split("plural=", 1)[1].rstrip(";")  # noqa: SLF001


def template_for(path: Path, root: Path) -> Catalog:
    catalog = Catalog(project=PROJECT, version="1", header_comment=HEADER, charset="utf-8",
                      creation_date=datetime(2026, 1, 1, tzinfo=timezone.utc), fuzzy=False)
    relative = path.relative_to(root).as_posix()
    extractor = extractor_for(path)
    with path.open("rb") as handle:
        for line, _func, message, comments in extractor(handle, None, None, {}):
            existing = catalog.get(message)
            if existing is not None:
                existing.locations.append((relative, line))
                continue
            catalog.add(message, locations=[(relative, line)], auto_comments=comments)
    return catalog


def ui_template() -> Catalog:
    catalog = Catalog(project=PROJECT, version="1", header_comment=HEADER, charset="utf-8",
                      creation_date=datetime(2026, 1, 1, tzinfo=timezone.utc), fuzzy=False)
    source = "plugins/academy/interface.py"
    for key, text in (STRINGS | LMS_STRINGS).items():
        comment = ["interface string " + key]
        if "{" in text:
            comment.append("keep the {placeholders} as they are")
        catalog.add(text, locations=[(source, 1)], auto_comments=comment, flags=["python-brace-format"] if "{" in text else [])
    for key, pair in PLURALS.items():
        catalog.add(pair, locations=[(source, 1)], auto_comments=["interface string " + key, "keep the {placeholders}"],
                    flags=["python-brace-format"])
    return catalog


def templates(sources: Sources) -> dict[str, Catalog]:
    found = {domain_of(path.relative_to(sources.root).as_posix()): template_for(path, sources.root)
             for path in sources.files()}
    found = {domain: catalog for domain, catalog in found.items() if len(catalog)}
    found[UI_DOMAIN] = ui_template()
    return found


def _write(catalog: Catalog, path: Path, **options) -> bool:
    path.parent.mkdir(parents=True, exist_ok=True)
    from io import BytesIO

    buffer = BytesIO()
    write_po(buffer, catalog, width=0, include_previous=True, omit_header=False, **options)
    # Babel flags any "%" followed by a letter as python-format ("53% of shoppers"),
    # and msgfmt --check then rejects a correct translation. Our messages never use
    # %-formatting (interface strings use {braces}), so say so.
    data = PYTHON_FORMAT_FLAG.sub(_no_python_format, buffer.getvalue())
    if path.exists() and path.read_bytes() == data:
        return False
    path.write_bytes(data)
    return True


def update(sources: Sources, only: list[str] | None = None) -> list[str]:
    """Write every template and update every language's catalog; returns what changed.

    ``only`` limits the update to the catalogs of these source files (or `ui`).
    """
    changed = []
    wanted = {domain_of(Path(p).resolve().relative_to(sources.root).as_posix()) if p != UI_DOMAIN else UI_DOMAIN
              for p in only} if only else None
    for domain, template in templates(sources).items():
        if wanted is not None and domain not in wanted:
            continue
        if _write(template, pot_path(sources.locales, domain)):
            changed.append(str(pot_path(sources.locales, domain).relative_to(sources.root)))
        for lang in sources.languages:
            if lang == SOURCE_LANGUAGE:
                continue
            path = po_path(sources.locales, lang, domain)
            if path.exists():
                with path.open("rb") as handle:
                    catalog = read_po(handle, locale=Locale.parse(lang))
            else:
                catalog = Catalog(locale=Locale.parse(lang), project=PROJECT, version="1", header_comment=HEADER,
                                  charset="utf-8", fuzzy=False)
            catalog.update(template, no_fuzzy_matching=False, update_header_comment=False, keep_user_comments=True)
            catalog.language_team = f"{Locale.parse(lang).english_name} <academy-{lang}@example.org>"
            _set_plural_forms(catalog, lang)
            catalog.fuzzy = False
            if _write(catalog, path):
                changed.append(str(path.relative_to(sources.root)))
    return changed


@dataclass(frozen=True)
class Coverage:
    lang: str
    domain: str
    translated: int
    fuzzy: int
    untranslated: int

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def coverage(sources: Sources) -> list[Coverage]:
    """Per language and domain; unlike `pybabel compile --statistics`, fuzzy is not translated."""
    rows = []
    for domain, template in templates(sources).items():
        for lang in sources.languages:
            if lang == SOURCE_LANGUAGE:
                continue
            path = po_path(sources.locales, lang, domain)
            entries = {}
            if path.exists():
                with path.open("rb") as handle:
                    entries = {m.id if not m.pluralizable else m.id: m for m in read_po(handle) if m.id}
            translated = fuzzy = untranslated = 0
            for message in template:
                if not message.id:
                    continue
                found = entries.get(message.id)
                strings = (found.string if isinstance(found.string, tuple) else (found.string,)) if found else ("",)
                if found is None or not all(strings):
                    untranslated += 1
                elif found.fuzzy:
                    fuzzy += 1
                else:
                    translated += 1
            rows.append(Coverage(lang, domain, translated, fuzzy, untranslated))
    return rows


@dataclass(frozen=True)
class HandwrittenPage:
    lang: str
    path: str  # the hand-written page, relative to the project
    source: str  # the English page it translates
    current: bool  # it records the English revision the page has now
    revision: str  # the English page's revision today


def handwritten_pages(sources: Sources) -> list[HandwrittenPage]:
    """Hand-written translations and whether the English changed since they were written."""
    from .frontmatter import parse
    from .site import source_revision

    found = []
    for lang in sources.languages:
        folder = sources.locales / lang / "pages"
        for path in sorted(folder.rglob("*.md")) if folder.exists() else []:
            relative = path.relative_to(folder).as_posix()
            english = sources.content / relative
            revision = source_revision(english.read_text(encoding="utf-8")) if english.exists() else ""
            meta = parse(path.read_text(encoding="utf-8"), str(path)).meta
            found.append(HandwrittenPage(lang, path.relative_to(sources.root).as_posix(),
                                         english.relative_to(sources.root).as_posix(),
                                         bool(revision) and str(meta.get("translation_of", "")) == revision, revision))
    return found
