"""Gettext catalogs: where they live, reading them, and which translations to trust.

A catalog belongs to one source file and mirrors its path:
``content/customer-journey/moments-of-truth.md`` is translated in
``locales/<lang>/LC_MESSAGES/content/customer-journey/moments-of-truth.po``,
its template is ``locales/templates/content/customer-journey/moments-of-truth.pot``.
The interface strings we add are the domain ``ui``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path, PurePosixPath

import polib

from . import catalog_cache
from .errors import AcademyError, Problem, display_path
from .memo import digest, file_digest, hashed_bytes, remembered

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
    plural_forms: str | None = None  # the header's Plural-Forms, as written
    plural_forms_line: int = 1
    digest: str = ""  # of the file's bytes: what a result made from this catalog is remembered by

    def lookup(self, msgid: str, context: str | None = None) -> Translation | None:
        return self.entries.get((msgid, context))


def read_catalog(path: Path, lang: str, domain: str, root: Path | None = None) -> Catalog:
    """Read one PO file strictly: anything GNU msgfmt would reject is a Problem with its line."""
    data = file_digest(path)  # one stat for a catalog read before
    if data is None:
        if not path.exists():
            return Catalog(lang, domain, path)
        return _read_catalog(path, lang, domain, root)  # a folder, or unreadable: its problem is reported
    return remembered("catalog", (str(path), lang, domain, str(root), data),
                      lambda: _read_catalog(path, lang, domain, root, data))


def _read_catalog(path: Path, lang: str, domain: str, root: Path | None, data: str = "") -> Catalog:
    catalog = Catalog(lang, domain, path, digest=data)
    try:
        raw = hashed_bytes(path, data) or path.read_bytes()  # the bytes `data` was taken of, if just read
        key = digest(raw)  # of exactly the bytes read here: what is kept is what these bytes give
        parsed = catalog_cache.load(root, key) if root is not None else None
        if parsed is None:
            parsed = _parse(*_read_po_lines(path, root, raw))
            if root is not None:
                catalog_cache.keep(root, key, parsed)
    except OSError as error:
        raise CatalogError(
            Problem(display_path(path, root), 0, f"this PO file cannot be read: {error.strerror or error}",
                    "it must be a readable file (not a folder); check its permissions")
        ) from None
    catalog.plural_forms = parsed.plural_forms
    catalog.plural_forms_line = parsed.plural_forms_line
    for msgid, context, msgstr, fuzzy, line in parsed.messages:
        catalog.entries[(msgid, context)] = Translation(msgstr, fuzzy, line)
    return catalog


def _parse(po: polib.POFile, lines: list[str]) -> catalog_cache.Parsed:
    messages = []
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        if entry.msgid_plural:
            forms = [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
            msgstr = "\x00".join(forms) if any(forms) else ""
        else:
            msgstr = entry.msgstr
        messages.append((entry.msgid, entry.msgctxt, msgstr, "fuzzy" in entry.flags, entry.linenum or 1))
    return catalog_cache.Parsed(messages, po.metadata.get("Plural-Forms"), _header_line(lines, "Plural-Forms"))


# -- strict reading -------------------------------------------------------------
# polib alone reads a string with no closing quote as if it had one (dropping
# its last letter) and ignores a broken Plural-Forms; gettext's msgfmt rejects
# both. So every line is checked first against the PO grammar msgfmt uses.

# "unrolled": a run of plain characters, then escapes each followed by a run (one step per run, not per character)
_STRING = r'"[^"\\]*(?:\\(?:[ntrabfv"\\?\']|[0-7]{1,3}|x[0-9A-Fa-f]+)[^"\\]*)*"'
_BARE_KEYWORD = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])[ \t]*\\$")
_KEYWORD_LINE = re.compile(r"^(?:msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])[ \t]+" + _STRING + r"[ \t]*$")
_STRING_LINE = re.compile(r"^[ \t]*" + _STRING + r"[ \t]*$")
_CODED_COMMENT = re.compile(r"^#(?:~\|?|\|)[ \t]*")  # obsolete (#~) and previous (#|, #~|) entries hold PO syntax too
_PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?);?\s*$")
READ_HINT = "fix the line in Poedit or a text editor: every text is in \"double quotes\" on one line; `msgfmt --check FILE` shows the same"


@dataclass(frozen=True)
class PluralRule:
    count: int
    expression: str

    @cached_property
    def _function(self):
        import gettext

        return gettext.c2py(self.expression)

    def index(self, n: int) -> int:
        return int(self._function(n))


# No language has more than six plural forms (Arabic); a header that says millions would have every
# plural message checked against that many forms, and a build run out of memory.
MOST_PLURAL_FORMS = 10


@lru_cache(maxsize=256)
def parse_plural_forms(value: str) -> PluralRule | None:
    """The Plural-Forms header as a rule, or None if it is not one msgfmt would accept
    (or one with more than MOST_PLURAL_FORMS forms)."""
    import gettext

    match = _PLURAL_FORMS.match(value)
    if not match:
        return None
    count, expression = int(match.group(1)), match.group(2).strip()
    if not 1 <= count <= MOST_PLURAL_FORMS:
        return None
    try:
        function = gettext.c2py(expression)
        if any(not 0 <= function(n) < count for n in range(1000)):
            return None
    except (ValueError, SyntaxError, RecursionError, ZeroDivisionError, TypeError):
        return None
    return PluralRule(count, expression)


def _syntax_problem(shown: str, lines: list[str]) -> Problem | None:
    pending = 0  # the line of a msgctxt or msgid whose msgstr has not come yet
    between = True  # no msgid since the last comment: a msgstr here belongs to no message
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            if pending:
                # gettext reads comments only before an entry: one inside it ends the entry unfinished
                return Problem(shown, number, "this PO file cannot be read: a comment line inside the entry "
                               f"that starts at line {pending}, before its msgstr",
                               "move the comment above the entry's msgctxt or msgid, or delete it")
            between = True
        keyword = _KEYWORD_LINE.match(stripped) and stripped.split(None, 1)[0]
        bare = _BARE_KEYWORD.match(stripped)
        joined = bool(bare) and number < len(lines) and lines[number].lstrip().startswith('"')
        if joined:
            # `msgstr \` with its string on the next line: gettext joins the two lines, polib reads the
            # string as the keyword's first line; both read the same message
            keyword = bare.group(1)
        if keyword in ("msgctxt", "msgid"):
            pending, between = pending or number, False
        elif keyword and keyword.startswith("msgstr"):
            if between:
                return Problem(shown, number, "this PO file cannot be read: a msgstr with no msgid before it "
                               "(a comment line ends an entry)", "move any comment above the entry's msgid")
            pending = 0
        if joined:
            continue
        if line.rstrip("\r\n").endswith("\\"):
            # gettext's reader joins a line ending in a backslash with the next one, even in a comment
            return Problem(shown, number, "this PO file cannot be read: a line ends with a backslash, "
                           "which joins it to the next line", READ_HINT)
        if stripped.startswith("#"):
            coded = _CODED_COMMENT.match(stripped)
            if not coded or stripped.startswith("#,"):
                continue
            stripped = stripped[coded.end():]
            if not stripped:
                continue
        if _KEYWORD_LINE.match(stripped) or _STRING_LINE.match(stripped):
            continue
        if stripped.count('"') % 2 or not stripped.endswith('"'):
            what = "a text with no closing quote, or broken over two lines without quotes"
        else:
            what = "a line that is neither a comment, a keyword with a quoted text, nor a quoted text"
        return Problem(shown, number, f"this PO file cannot be read: {what}", READ_HINT)
    return None


def po_line_ends(text: str) -> str:
    """The text with \\n line ends: a file saved on Windows (\\r\\n) or an old Mac (\\r) reads as any other."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_po_text(text: str, wrapwidth: int = 0) -> polib.POFile:
    """polib's reading of PO text whose lines end with \\n, as gettext reads it.

    polib splits text given as a string with `str.splitlines`, which also ends a line at a
    line or paragraph separator (U+2028, U+2029), a next-line character (U+0085) and other
    control characters; gettext reads those as letters of the string, and so do we.
    """
    parser = polib._POFileParser(text, encoding="utf-8")
    parser.fhandle = text.split("\n")
    po = parser.parse()
    po.wrapwidth = wrapwidth
    return po


def read_po_strictly(path: Path, root: Path | None = None, data: bytes | None = None) -> polib.POFile:
    """The PO (or POT) file parsed by polib, after the checks msgfmt makes; CatalogError otherwise.

    ``data`` stands in for the file's bytes (a repaired copy); problems still name ``path``.
    """
    return _read_po_lines(path, root, data)[0]


def _read_po_lines(path: Path, root: Path | None = None, data: bytes | None = None) -> tuple[polib.POFile, list[str]]:
    """`read_po_strictly`, and the file's lines as it read them."""
    shown = display_path(path, root)
    data = path.read_bytes() if data is None else data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise CatalogError(Problem(shown, line, "this PO file cannot be read: it is not UTF-8 text",
                                   "save it as UTF-8 (Poedit and Weblate do) with `charset=UTF-8` in its header")) from None
    text = po_line_ends(text.removeprefix("\ufeff"))
    lines = text.split("\n")
    problem = _syntax_problem(shown, lines)
    if problem:
        raise CatalogError(problem)
    try:
        po = parse_po_text(text)
    except (OSError, ValueError) as error:
        found = re.search(r"line (\d+)", str(error))
        raise CatalogError(Problem(shown, int(found.group(1)) if found else 1,
                                   f"this PO file cannot be read: {str(error).split(' (line')[0]}", READ_HINT)) from None
    _check_duplicates(po, shown, lines)
    _check_header(po, shown, lines)
    return po, lines


def _msgid_line(lines: list[str], entry: polib.POEntry, obsolete: bool = False) -> int:
    """The line of an entry's msgid (polib counts from its comments), as msgfmt names it."""
    start = entry.linenum or 1
    mark = "#~ msgid" if obsolete else "msgid"
    return next((number for number in range(start, len(lines) + 1) if lines[number - 1].startswith(mark)), start)


def _check_duplicates(po: polib.POFile, shown: str, lines: list[str]) -> None:
    """A message written twice (two files pasted together) has two translations: msgfmt refuses it, so do we."""
    first: dict[tuple[str | None, str], polib.POEntry] = {}
    # GNU gettext counts an obsolete (#~) copy of a message as a second definition too
    for entry in sorted(po, key=lambda e: e.obsolete):
        key = (entry.msgctxt, entry.msgid)
        if key in first:
            raise CatalogError(Problem(
                shown, _msgid_line(lines, entry, entry.obsolete),
                f"the message {entry.msgid[:60]!r} is in this file twice (also at line "
                f"{_msgid_line(lines, first[key], first[key].obsolete)})",
                "delete the old copy marked #~ (the live entry keeps its translation)" if entry.obsolete else
                "keep one of the two entries, with the translation you mean, and delete the other"))
        first[key] = entry


def _header_line(lines: list[str], field_name: str) -> int:
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith(f'"{field_name}:'):
            return number
    return 1


def _check_header(po: polib.POFile, shown: str, lines: list[str]) -> None:
    content_type = po.metadata.get("Content-Type", "")
    charset = re.search(r"charset=([^\s;]+)", content_type)
    name = charset.group(1) if charset else "UTF-8"
    if name.upper() not in ("UTF-8", "UTF8", "CHARSET"):  # CHARSET: the placeholder of a fresh template
        try:
            codecs.lookup(name)
            message = f"the header says charset={name}, but the academy's catalogs are UTF-8 (and so are this file's bytes)"
        except LookupError:
            message = f"the header names an unknown charset {name!r}"
        raise CatalogError(Problem(shown, _header_line(lines, "Content-Type"), message,
                                   "set `Content-Type: text/plain; charset=UTF-8` and save the file as UTF-8"))
    plural_forms = po.metadata.get("Plural-Forms")
    rule = parse_plural_forms(plural_forms) if plural_forms is not None else None
    if plural_forms is not None and rule is None:
        raise CatalogError(Problem(shown, _header_line(lines, "Plural-Forms"),
                                   f"the Plural-Forms header is not a valid rule (with 1 to {MOST_PLURAL_FORMS} forms): "
                                   f"{plural_forms[:200]!r}",
                                   "copy the rule from the template or another catalog of this language, e.g. "
                                   "`nplurals=2; plural=(n != 1);`"))
    for entry in po:
        if entry.msgid_plural and not entry.obsolete and any(entry.msgstr_plural.values()):
            if rule is None:
                raise CatalogError(Problem(shown, entry.linenum, "a plural message, but the header has no Plural-Forms",
                                           "add the Plural-Forms header of this language"))
            if sorted(entry.msgstr_plural) != list(range(rule.count)):
                raise CatalogError(Problem(
                    shown, entry.linenum,
                    f"this plural message has {len(entry.msgstr_plural)} forms, but Plural-Forms says nplurals={rule.count}",
                    f"give msgstr[0] to msgstr[{rule.count - 1}], one per plural form of the language"))


class CatalogError(AcademyError):
    """A catalog that cannot be read."""


class Catalogs:
    """Every catalog of one language, read once per build (a build reads the files as they are when it starts)."""

    def __init__(self, locales: Path, lang: str, root: Path | None = None):
        self.locales = locales
        self.lang = lang
        self.root = root
        self._cache: dict[str, Catalog] = {}

    def identity(self, domain: str) -> tuple[str, str]:
        """What a result made from a domain's catalog is remembered by (its path and `Catalog.digest`),
        without parsing it: a page whose result is remembered never needs its catalog read."""
        if domain in self._cache:
            catalog = self._cache[domain]
            return str(catalog.path), catalog.digest
        path = po_path(self.locales, self.lang, domain)
        data = file_digest(path)
        if data is None and path.exists():
            catalog = self.get(domain)  # a folder, or unreadable: reading it reports why
            return str(catalog.path), catalog.digest
        return str(path), data or ""

    def get(self, domain: str) -> Catalog:
        if domain not in self._cache:
            self._cache[domain] = read_catalog(po_path(self.locales, self.lang, domain), self.lang, domain, self.root)
        return self._cache[domain]

    def forget(self, domains: set[str]) -> None:
        """Read these again when next asked for: their files were saved since (a serve's quick rebuild)."""
        for domain in domains:
            self._cache.pop(domain, None)


# -- is a translation safe to show? -------------------------------------------
# One home: the comparison of a translation's markup with its English lives in markup.py.
from .markup import markup_problem  # noqa: E402,F401  (the name callers import from here)

SOURCE_SUFFIXES = (".md", ".yml", ".yaml", ".svg")  # what a catalog's English source may be


def left_behind(root: Path, locales: Path, codes: list[str] | tuple[str, ...]) -> list[Problem]:
    """Catalogs whose English source is gone (a lesson renamed or deleted): their translations reach no page.

    `academy i18n update` moves a renamed page's catalogs with it; until it is run the
    page under its new name is shown in English in every other language.
    """
    problems = []
    for code in codes[1:]:
        folder = locales / code / "LC_MESSAGES"
        for path in sorted(folder.rglob("*.po")) if folder.is_dir() else ():
            domain = path.relative_to(folder).with_suffix("").as_posix()
            if domain == UI_DOMAIN or any((root / f"{domain}{suffix}").is_file() for suffix in SOURCE_SUFFIXES):
                continue
            problems.append(Problem(display_path(path, root), 0,
                                    f"a catalog of {domain}.*, which no longer exists: no page shows its translations",
                                    "renamed the page? run `academy i18n update`: it moves the page's catalogs with it; "
                                    "deleted it? delete this file"))
    return problems
