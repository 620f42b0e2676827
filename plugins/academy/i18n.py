"""Catalog upkeep: templates from the English, PO files that keep every translation.

``update`` extracts every source into its template (``.pot``) and merges it
into each language's PO file with GNU ``msgmerge --previous``, the merge Weblate
and Poedit use: a changed English message keeps its old translation as fuzzy
with the previous msgid (``#| msgid``), a removed one becomes obsolete (``#~``)
and comes back when its English does. Nothing a translator wrote is deleted,
and every file written is one msgfmt, polib and translate-toolkit read.

Why GNU gettext and not Babel's writer: Babel wraps ``#|`` lines in the middle
of a string (files no gettext tool can read), drops ``#|`` when it reads a
file, and writes its own version into every header. Babel still extracts (our
extractors are Babel extractors) and provides CLDR plural data.

References name the file only (``#: content/a.md``): an English edit then
changes the entries it touches and nothing else.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import polib

from . import diagrams, frontmatter, gnu_gettext, segment
from .catalogs import SOURCE_SUFFIXES, UI_DOMAIN, domain_of, parse_po_text, po_path, pot_path, read_catalog, read_po_strictly
from .errors import ContentError, Problem
from .extract import extractor_for
from .interface import LMS_STRINGS, PAGE_PLURALS, PLURALS, STRING_NOTES, STRINGS, THEME_STRINGS, TRAINER_STRINGS
from .languages import PLURAL_FORMS, SOURCE_LANGUAGE

PROJECT = "Customer Support Academy"
HEADER = "Translations of the Customer Support Academy.\nThis file is distributed under the same license as the academy."
# Fixed, so that an update on unchanged English writes the same bytes on any machine.
TEMPLATE_METADATA = {
    "Project-Id-Version": PROJECT,
    "Report-Msgid-Bugs-To": "",
    "POT-Creation-Date": "2026-01-01 00:00+0000",
    "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
    "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
    "Language-Team": "LANGUAGE <LL@li.org>",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
}
UI_SOURCE = "plugins/academy/interface.py"


@dataclass(frozen=True)
class Sources:
    root: Path
    content: Path
    quizzes: Path
    locales: Path
    languages: tuple[str, ...]
    # What mkdocs.yml says of the whole site (its name, its description, the lessons' provider), as
    # (text, where a trainee meets it): the home page's catalog holds them, so that a translated
    # page's <title>, meta description and structured data speak its language.
    site_texts: tuple[tuple[str, str], ...] = ()

    def files(self) -> list[Path]:
        found = sorted(self.content.rglob("*.md")) + sorted(self.content.rglob("*.svg"))
        if self.quizzes.exists():
            found += sorted(self.quizzes.glob("*.yml")) + sorted(self.quizzes.glob("*.yaml"))
        return found

    def translations(self) -> tuple[str, ...]:
        return tuple(lang for lang in self.languages if lang != SOURCE_LANGUAGE)


def _new_catalog() -> polib.POFile:
    po = polib.POFile(wrapwidth=0, check_for_duplicates=False)
    po.header = HEADER
    po.metadata = dict(TEMPLATE_METADATA)
    return po


def template_for(path: Path, root: Path) -> polib.POFile:
    """The template of one source file: its messages in document order, each once."""
    catalog = _new_catalog()
    relative = path.relative_to(root).as_posix()
    extractor = extractor_for(path)
    seen: dict[str, polib.POEntry] = {}
    with path.open("rb") as handle:
        for _line, _func, message, comments in extractor(handle, None, None, {}):
            if message in seen:
                for comment in comments:
                    if comment not in seen[message].comment.split("\n"):
                        seen[message].comment += "\n" + comment
                continue
            seen[message] = polib.POEntry(msgid=message, comment="\n".join(comments), occurrences=[(relative, "")])
            catalog.append(seen[message])
    return catalog


def ui_template() -> polib.POFile:
    catalog = _new_catalog()
    for key, text in (STRINGS | LMS_STRINGS | TRAINER_STRINGS).items():
        comment = ["interface string " + key, *([STRING_NOTES[key]] if key in STRING_NOTES else [])]
        if "{" in text:
            comment.append("keep the {placeholders} as they are")
        catalog.append(polib.POEntry(msgid=text, comment="\n".join(comment), occurrences=[(UI_SOURCE, "")],
                                     flags=["python-brace-format"] if "{" in text else []))
    for key, (text, where) in THEME_STRINGS.items():
        catalog.append(polib.POEntry(msgid=text, comment=f"interface string {key} (Material's page frame)\n{where}",
                                     occurrences=[(UI_SOURCE, "")]))
    for key, (singular, plural) in (PLURALS | PAGE_PLURALS).items():
        catalog.append(polib.POEntry(msgid=singular, msgid_plural=plural, msgstr_plural={0: "", 1: ""},
                                     comment=f"interface string {key}\nkeep the {{placeholders}}",
                                     occurrences=[(UI_SOURCE, "")], flags=["python-brace-format"]))
    return catalog


def _reference_problem(path: Path, root: Path) -> Problem | None:
    """A source whose path holds a space (or another blank): every catalog names its source in a `#:` line,
    where a blank separates two references, so Poedit, Weblate, polib and Babel would read two files that do not
    exist (the page's address has its name too, which `academy check` refuses)."""
    shown = _relative(path, root)
    if not re.search(r"\s", shown):
        return None
    suggested = "/".join(re.sub(r"\s+", "-", part.strip()) for part in shown.lower().split("/"))
    where = " (in `nav:` too)" if path.suffix == ".md" else ""
    return Problem(shown, 0, "a space in this file's path: each catalog names its source in a `#:` line, where a space "
                   "parts two files, so Poedit, Weblate, polib and Babel would read two files that do not exist",
                   f"rename it `{suggested}`{where}, lowercase with hyphens, and run the update again")


def check_sources(sources: Sources) -> None:
    """Refuse to extract from a source the build would refuse.

    A quiz with ``question:`` for ``questions:`` is valid YAML with no messages;
    extracting it would make every translation of the quiz obsolete. A diagram
    label mixed with other elements cannot be one message.
    """
    from .quiz.load import load_quiz

    problems: list[Problem] = [problem for path in sources.files() for problem in [_reference_problem(path, sources.root)]
                               if problem]
    if sources.quizzes.exists():
        for path in sorted(sources.quizzes.glob("*.yml")) + sorted(sources.quizzes.glob("*.yaml")):
            try:
                load_quiz(path, sources.root)
            except ContentError as error:
                problems.extend(error.problems)
    for path in sorted(sources.content.rglob("*.svg")):
        problems.extend(diagrams.problems(path.read_text(encoding="utf-8"), _relative(path, sources.root)))
    if problems:
        raise ContentError([*problems, Problem(problems[0].path, problems[0].line,
                                               "no catalog was updated: fix the problems above and run the update again")])


def templates(sources: Sources) -> dict[str, polib.POFile]:
    """The template of every source; a source whose messages no catalog can hold is refused (all of them at once)."""
    found: dict[str, polib.POFile] = {}
    problems: list[Problem] = []
    for path in sources.files():
        try:
            found[domain_of(path.relative_to(sources.root).as_posix())] = template_for(path, sources.root)
        except ContentError as error:
            problems.extend(error.problems)
    if problems:
        raise ContentError(problems)
    home = domain_of((sources.content / "index.md").relative_to(sources.root).as_posix())
    if home in found:
        _add_site_texts(found[home], sources.site_texts)
    found = {domain: catalog for domain, catalog in found.items() if len(catalog)}
    found[UI_DOMAIN] = ui_template()
    return found


def site_texts(name: str | None, description: str | None, provider: str | None) -> tuple[tuple[str, str], ...]:
    """mkdocs.yml's site name, site description and provider, each with where a reader meets it."""
    return tuple((text, where) for text, where in (
        (name, "site name (mkdocs.yml): the end of every page's title, the header, the footer"),
        (description, "site description (mkdocs.yml): what a search result or a shared link says of a "
                      "page without a description of its own, such as the page for a missing address"),
        (provider, "provider (mkdocs.yml): who offers the lessons, in a search result's course details"),
    ) if isinstance(text, str) and text.strip())


def _add_site_texts(catalog: polib.POFile, texts: tuple[tuple[str, str], ...]) -> None:
    """mkdocs.yml's words for the whole site, after the home page's own messages (a text the home
    page says too, such as its title that is the site's name, stays one message)."""
    for text, where in texts:
        if not text.strip():
            continue
        entry = catalog.find(text)
        if entry is None:
            catalog.append(polib.POEntry(msgid=text, comment=where, occurrences=[("mkdocs.yml", "")]))
        elif where not in entry.comment.split("\n"):
            entry.comment += "\n" + where
            if ("mkdocs.yml", "") not in entry.occurrences:
                entry.occurrences.append(("mkdocs.yml", ""))


def _new_translation(lang: str) -> polib.POFile:
    po = _new_catalog()
    po.metadata["Language-Team"] = f"{lang} <academy-{lang}@example.org>"
    po.metadata["Language"] = lang
    po.metadata["Plural-Forms"] = PLURAL_FORMS.get(lang, PLURAL_FORMS["en"])
    return po


def _migrated(po: polib.POFile) -> bool:
    """Repair what earlier versions of this command wrote; True if anything changed.

    Babel wrote a long previous msgid as translator comments (``# | msgid "..."``)
    and its version into every header; the first becomes a real ``#|`` again. A
    header a translator left without its charset says UTF-8 again.
    """
    changed = False
    charset = re.search(r"charset=([^\s;]+)", po.metadata.get("Content-Type", ""))
    if not charset or charset.group(1).upper() == "CHARSET":
        # no charset (or the template's placeholder): msgmerge cannot read such a file, and its
        # bytes were read as UTF-8, which is what the header then says
        po.metadata["Content-Type"] = TEMPLATE_METADATA["Content-Type"]
        changed = True
    if po.metadata.get("Generated-By", "").startswith("Babel"):
        del po.metadata["Generated-By"]
        changed = True
    for entry in po:
        lines = entry.tcomment.split("\n") if entry.tcomment else []
        start = next((i for i, line in enumerate(lines) if line.startswith("| msgid ")), None)
        if start is None:
            continue
        end = next((i for i in range(start, len(lines)) if lines[i].rstrip().endswith('"')), len(lines) - 1)
        text = " ".join(line.removeprefix("| ").strip() for line in lines[start:end + 1])
        if "fuzzy" in entry.flags and not entry.previous_msgid and text.startswith('msgid "') and text.endswith('"'):
            entry.previous_msgid = polib.unescape(text[len('msgid "'):-1])
        entry.tcomment = "\n".join(lines[:start] + lines[end + 1:])
        changed = True
    return changed


_PREVIOUS = re.compile(r'^(#~?\| )(msgctxt|msgid|msgid_plural) "')


def repaired_previous(data: bytes) -> bytes:
    """Join the ``#| msgid`` lines Babel's writer wrapped in the middle of a string.

    Earlier versions of this command wrote such lines (msgfmt refuses them); the
    words are all there, so the previous English is recovered, not lost.
    """
    lines = data.decode("utf-8", errors="surrogateescape").split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        match = _PREVIOUS.match(line)
        if match and not _closed(line[match.end() - 1:]):
            prefix = match.group(1)
            while i + 1 < len(lines) and lines[i + 1].startswith(prefix) and not _PREVIOUS.match(lines[i + 1]) \
                    and not _closed(line[match.end() - 1:]):
                i += 1
                line += " " + lines[i][len(prefix):]
        out.append(line)
        i += 1
    return "\n".join(out).encode("utf-8", errors="surrogateescape")


def _closed(quoted: str) -> bool:
    return bool(re.fullmatch(r'"(?:[^"\\]|\\.)*"\s*', quoted))


def _first_english(po: polib.POFile) -> dict[tuple[str | None, str], polib.POEntry]:
    """Each fuzzy entry by its English now, with the English its translation was written for."""
    return {(entry.msgctxt, entry.msgid): entry for entry in po
            if "fuzzy" in entry.flags and entry.previous_msgid is not None and not entry.obsolete}


def _marked_by_hand(po: polib.POFile) -> set[tuple[str | None, str]]:
    """Fuzzy entries a translator marked in Poedit or Weblate, which have no previous English.

    msgmerge gives a changed message a ``#| msgid`` only when its old translation was not
    fuzzy, so the translator of such an entry would not see what the English was. Each one is
    given its own English as its previous one before the merge (`_unchanged_by_hand` takes
    that away again where the English did not change)."""
    marked = set()
    for entry in po:
        if not entry.obsolete and "fuzzy" in entry.flags and entry.previous_msgid is None and entry.msgid:
            entry.previous_msgid, entry.previous_msgctxt = entry.msgid, entry.msgctxt
            entry.previous_msgid_plural = entry.msgid_plural or None
            marked.add((entry.msgctxt, entry.msgid))
    return marked


def _unchanged_by_hand(merged: polib.POFile, marked: set[tuple[str | None, str]]) -> None:
    """A translator's own fuzzy mark on English that did not change stays as it was written: fuzzy."""
    for entry in merged:
        if ((entry.msgctxt, entry.msgid) in marked and entry.previous_msgid == entry.msgid
                and entry.previous_msgctxt == entry.msgctxt):
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None


def _kept_first_english(merged: polib.POFile, before: dict[tuple[str | None, str], polib.POEntry]) -> None:
    """English changed twice: msgmerge names the second English as the previous one, but the
    translation was written for the first. The translator compares against the first, and when the
    English goes back to it, the translation is live again (`_revived`, `_restored`)."""
    for entry in merged:
        if entry.obsolete or "fuzzy" not in entry.flags or entry.previous_msgid is None:
            continue
        older = before.get((entry.previous_msgctxt, entry.previous_msgid))
        if older is not None and older.msgstr == entry.msgstr and older.msgstr_plural == entry.msgstr_plural:
            entry.previous_msgid, entry.previous_msgctxt = older.previous_msgid, older.previous_msgctxt
            entry.previous_msgid_plural = older.previous_msgid_plural


def _restored(merged: polib.POFile, before: dict[tuple[str | None, str], polib.POEntry]) -> None:
    """English put back after edits far enough from it that msgmerge matched nothing: the fuzzy entry
    that kept its translation, with that very English as its previous one, gives it back, live."""
    written = {(entry.previous_msgctxt, entry.previous_msgid): entry for entry in before.values()}
    for entry in merged:
        if entry.obsolete or entry.translated() or "fuzzy" in entry.flags:
            continue
        source = written.get((entry.msgctxt, entry.msgid))
        if source is None or (source.previous_msgid_plural or None) != (entry.msgid_plural or None):
            continue
        entry.msgstr, entry.msgstr_plural = source.msgstr, dict(source.msgstr_plural)
        if not _live_ok(merged, entry):  # a draft msgfmt refuses live: given back fuzzy, for its English
            entry.flags.append("fuzzy")
            entry.previous_msgid, entry.previous_msgctxt = entry.msgid, entry.msgctxt
            entry.previous_msgid_plural = entry.msgid_plural or None
        for gone in [e for e in merged if e.obsolete and e.msgid == source.msgid and e.msgctxt == source.msgctxt]:
            merged.remove(gone)  # its translation is live again under the English it was written for


def _live_ok(po: polib.POFile, entry: polib.POEntry) -> bool:
    """Whether msgfmt accepts this translation once it is live: a fuzzy one is never checked, so a
    draft left fuzzy (a line break typed at its end, a {placeholder} misspelt) may not be."""
    alone = polib.POFile(wrapwidth=0)
    alone.metadata = {"Content-Type": TEMPLATE_METADATA["Content-Type"], **(
        {"Plural-Forms": po.metadata["Plural-Forms"]} if "Plural-Forms" in po.metadata else {})}
    alone.append(polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, msgid_plural=entry.msgid_plural,
                               msgstr=entry.msgstr, msgstr_plural=dict(entry.msgstr_plural),
                               flags=[flag for flag in entry.flags if flag != "fuzzy"]))
    return not gnu_gettext.check(str(alone).encode("utf-8"), "entry.po")


def _revived(po: polib.POFile) -> bool:
    """English that changed and changed back: the translation was written for it, so it is live again
    (unless msgfmt would refuse it live: then it stays fuzzy, for the translator to finish)."""
    changed = False
    for entry in po:
        if (not entry.obsolete and "fuzzy" in entry.flags and entry.previous_msgid is not None
                and entry.previous_msgid == entry.msgid and entry.previous_msgctxt == entry.msgctxt
                and (entry.previous_msgid_plural or None) == (entry.msgid_plural or None)
                and _live_ok(po, entry)):
            entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
            changed = True
    return changed


@dataclass
class UpdateResult:
    changed: list[str] = field(default_factory=list)  # files written, relative to the project
    notes: list[str] = field(default_factory=list)  # what the user should know or do


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _existing_domains(folder: Path, suffix: str) -> set[str]:
    return {path.relative_to(folder).with_suffix("").as_posix() for path in folder.rglob(f"*{suffix}")} if folder.exists() else set()


def _msgids(po: polib.POFile) -> set[str]:
    return {entry.msgid for entry in po if entry.msgid and not entry.obsolete}


def _renames(sources: Sources, wanted: dict[str, polib.POFile], existing: dict[tuple[str, str], polib.POFile],
             result: UpdateResult) -> dict[str, str]:
    """Catalogs whose English source moved (a lesson renamed): new domain -> old domain.

    A catalog goes where its English went: a catalog with no source any more, or
    one whose source now holds other English (a new page written where a moved
    one was, two pages that swapped names), is matched to a source with no
    catalog of its own (or whose catalog moves too) when most of that source's
    messages are in it; it is then moved, in every language. A catalog with no
    source and no match is reported with the command to run.
    """
    moves: dict[str, str] = {}
    for lang in sources.translations():
        folder = sources.locales / lang / "LC_MESSAGES"
        present = _existing_domains(folder, ".po")

        def shared(old: str, new: str) -> int:
            return len(_msgids(existing[(lang, old)]) & _msgids(wanted[new]))

        # a catalog that no longer fits its own source: most of that source's messages are not in it
        unfit = {domain for domain in present & set(wanted)
                 if domain != UI_DOMAIN and shared(domain, domain) * 2 <= len(_msgids(wanted[domain]))}
        targets = sorted((set(wanted) - present) | unfit)
        found: dict[str, str] = {}
        for old in sorted((present - set(wanted)) | unfit):
            if old in moves.values() or old in moves:
                continue
            choices = [domain for domain in targets if domain != old and domain not in moves and domain not in found]
            best = max(choices, default=None, key=lambda domain: shared(old, domain))
            if best is not None and shared(old, best) * 2 > len(_msgids(wanted[best])):
                found[best] = old
        # a source whose own catalog stays (it moves nowhere) keeps it: nothing is overwritten
        while kept := [new for new, old in found.items() if new in present and new not in found.values()]:
            for new in kept:
                del found[new]
        moves.update(found)
        for orphan in sorted(present - set(wanted) - set(moves.values())):
            path = _relative(po_path(sources.locales, lang, orphan), sources.root)
            source = next((sources.root / f"{orphan}{suffix}" for suffix in SOURCE_SUFFIXES
                           if (sources.root / f"{orphan}{suffix}").is_file()), None)
            if source is not None:  # emptied (for a while, or to be written again): not gone
                result.notes.append(
                    f"{path}: its English source ({_relative(source, sources.root)}) has no text to translate now; "
                    "its translations are kept, and come back with the text they translate.")
                continue
            result.notes.append(
                f"{path}: its English source ({orphan}.*) no longer exists; its translations are kept. "
                f"If the source was renamed, run `git mv {path} locales/{lang}/LC_MESSAGES/<new path>.po` "
                "and `academy i18n update`; if it was deleted, delete this file.")
    return moves


def update(sources: Sources, only: list[str] | None = None) -> UpdateResult:
    """Write every template and update every language's catalog.

    Everything is read and checked first (sources, every PO file); files are
    written only when all of it is sound, and only those whose bytes change.
    ``only`` limits the update to the catalogs of these source files (or `ui`).
    """
    result = UpdateResult()
    check_sources(sources)
    try:
        wanted = templates(sources)
    except ContentError as error:
        raise ContentError([*error.problems, Problem(error.problems[0].path, error.problems[0].line,
                                                     "no catalog was updated: fix the problems above and run the update again")]) from None
    for path in sorted(sources.content.rglob("*.md")):
        doc = frontmatter.parse(path.read_text(encoding="utf-8"), _relative(path, sources.root))
        for refusal in segment.refusals(doc.body, doc.body_line):
            result.notes.append(str(Problem(_relative(path, sources.root), refusal.line, refusal.message, refusal.hint)))
    if only:
        chosen = {domain_of(Path(p).resolve().relative_to(sources.root).as_posix()) if p != UI_DOMAIN else UI_DOMAIN
                  for p in only}
        wanted = {domain: template for domain, template in wanted.items() if domain in chosen}
    # Read every existing catalog strictly before anything is written.
    existing: dict[tuple[str, str], polib.POFile] = {}
    refused: list[Problem] = []
    for lang in sources.translations():
        for domain in sorted(_existing_domains(sources.locales / lang / "LC_MESSAGES", ".po")):
            path = po_path(sources.locales, lang, domain)
            data = repaired_previous(path.read_bytes())
            existing[(lang, domain)] = read_po_strictly(path, sources.root, data)
            # A translation msgfmt refuses (a lost {placeholder}, a line break the English does
            # not end with) is the translator's to fix, at its own line, before anything is merged.
            refused.extend(gnu_gettext.translation_problems(data, _relative(path, sources.root)))
    if refused:
        raise ContentError(refused)
    moves = {} if only else _renames(sources, wanted, existing, result)
    moved_away = set(moves.values())
    outputs: dict[Path, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="academy-i18n-") as scratch:
        work = Path(scratch)
        for number, (domain, template) in enumerate(sorted(wanted.items())):
            pot_bytes = gnu_gettext.normalized(str(template).encode("utf-8"))
            outputs[pot_path(sources.locales, domain)] = pot_bytes
            pot_file = work / f"{number}.pot"
            pot_file.write_bytes(pot_bytes)
            for lang in sources.translations():
                # a page whose catalog went with its English to another page starts afresh
                old = None if domain in moved_away and domain not in moves else existing.get((lang, moves.get(domain, domain)))
                po = old if old is not None else _new_translation(lang)
                _migrated(po)
                first = _first_english(po)
                by_hand = _marked_by_hand(po)
                before = work / f"{number}.{lang}.po"
                before.write_bytes(str(po).encode("utf-8"))
                merged = parse_po_text(gnu_gettext.merge(before, pot_file).decode("utf-8"))
                _unchanged_by_hand(merged, by_hand)
                _kept_first_english(merged, first)
                _restored(merged, first)
                _revived(merged)
                outputs[po_path(sources.locales, lang, domain)] = gnu_gettext.normalized(str(merged).encode("utf-8"))
    problems = [Problem(_relative(path, sources.root), 0, "the update produced a catalog msgfmt refuses: " + "; ".join(errors),
                        "report this: the catalog on disk was left as it was")
                for path, data in outputs.items()
                for errors in [gnu_gettext.check(data, path.name)] if errors]
    if problems:
        raise ContentError(problems)
    for path, data in outputs.items():
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
        result.changed.append(_relative(path, sources.root))
    for new, old in moves.items():
        for lang in sources.translations():
            stale = po_path(sources.locales, lang, old)
            if old not in wanted and stale.exists():
                stale.unlink()
                result.changed.append(_relative(stale, sources.root))
            if (lang, old) in existing:
                result.notes.append(f"{_relative(stale, sources.root)} moved to "
                                    f"{_relative(po_path(sources.locales, lang, new), sources.root)} (its English source moved)")
    if not only:
        templates_folder = sources.locales / "templates"
        for domain in sorted(_existing_domains(templates_folder, ".pot") - set(wanted)):
            stale = pot_path(sources.locales, domain)
            stale.unlink()  # templates are generated: one with no source is simply out of date
            result.changed.append(_relative(stale, sources.root))
    return result


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
        for lang in sources.translations():
            catalog = read_catalog(po_path(sources.locales, lang, domain), lang, domain, sources.root)
            translated = fuzzy = untranslated = 0
            for message in template:
                found = catalog.lookup(message.msgid, message.msgctxt)
                if found is None or not found.msgstr or not all(found.msgstr.split("\x00")):
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
