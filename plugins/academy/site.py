"""The academy in one language (an edition): its pages, courses, quizzes and catalogs.

One ``Academy`` is made per language build. It reads every English source once
(a ``SourcePage``), localizes each page once, and hands out a ``PageBuild`` for
every page the engine renders: what that page's rendering records (quiz uses,
FAQ entries, missing translations, problems). Nothing here knows the engine.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from markdown.extensions.toc import slugify

from . import abbreviations, frontmatter, markup, segment, source_lint
from .catalogs import UI_DOMAIN, Catalog, Catalogs, domain_of
from .errors import AcademyError, ContentError, Problem, Report, display_path, source_lines
from .interface import Interface
from .languages import SOURCE_LANGUAGE, Language
from .localize import Localized, count_missing, handwritten_problems, localize_page, translate_text
from .memo import digest, remembered, unchanged_text
from .plaintext import CONTROL, CONTROL_HINT, described
from .quiz.load import load_quizzes
from .quiz.model import Quiz

WORDS = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
WORDS_PER_MINUTE = 200
QUIZ_BLOCK = re.compile(r"^///[ \t]+quiz[ \t]*\|[ \t]*([^\s|]+(?:[ \t]+[^\s|]+)*)", re.MULTILINE)
BLOCK_FENCE = re.compile(r"^(/{3,})(?:[ \t]+([\w-]+)\b.*?)?[ \t]*$")
TIGHT_FENCE = re.compile(r"^(/{3,})([A-Za-z][\w-]*)[ \t]*(.*?)[ \t]*$")  # `///quiz|first-steps`: no space after the slashes
FAQ_QUESTION = re.compile(r"^#{2,6}(?!#)")  # Python-Markdown needs no space after the #s
HEADING = re.compile(r"^#{1,6}(?!#)[ \t]*(.*?)[ \t#]*$")
ATTRIBUTE_LIST = re.compile(r"[ \t]*\{:?[ \t]*([^}]*)\}[ \t]*$")  # `## Heading { #anchor .class }`
ANCHOR_ATTRIBUTE = re.compile(r"(?:^|[ \t])#([^\s}]+)")
# An image with empty brackets: `![](diagram.svg)`, or brackets holding only spaces.
INLINE_CODE = re.compile(r"`+[^`]*`+")
NO_ALT_IMAGE = re.compile(r"!\[[ \t]*\]\(\s*<?([^)\s>]+)")


def source_revision(text: str) -> str:
    """What a hand-written translation records to say which English it translates."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class SourcePage:
    """An English page, read and parsed once per build."""

    src: str  # relative to the content folder, e.g. customer-journey/moments-of-truth.md
    shown: str  # as the editor knows it, e.g. content/customer-journey/moments-of-truth.md
    text: str
    doc: frontmatter.Document
    quiz_lines: tuple[tuple[str, int], ...]  # (quiz id, line) of every `/// quiz | id`
    faq_lines: tuple[int, ...]  # the line of every FAQ question, in order
    problems: tuple[Problem, ...] = ()  # what is wrong with the page's structure
    abbreviations: tuple[tuple[str, int, str], ...] = ()  # the page's own `*[ABBR]: meaning` lines (abbr, line, meaning)
    warnings: tuple[Problem, ...] = ()  # what is shown otherwise than meant, harmlessly (markup in the title)

    @classmethod
    def read(cls, content: Path, src: str, root: Path, published: bool = True,
             footnotes: bool | None = None) -> SourcePage:
        """The page, its front matter checked as fit to publish (title, description) unless it is an include;
        `footnotes` says whether the site reads footnotes (None: not known)."""
        path = content / src
        shown = display_path(path, root)
        text = read_text(path, shown)  # without a byte-order mark, so the front matter is seen
        return remembered("source page", (src, shown, published, footnotes, digest(text)),
                          lambda: cls.parse(src, shown, text, published, footnotes))

    @classmethod
    def parse(cls, src: str, shown: str, text: str, published: bool = True,
              footnotes: bool | None = None) -> SourcePage:
        doc = (frontmatter.check_page if published else frontmatter.parse)(text, shown)
        quizzes, faq, problems = [], [], []
        blocks: list[tuple[str, str, int]] = []  # open /// blocks: (slashes, name, line)
        questions: dict[int, int] = {}  # FAQ questions in each open FAQ block, by its line
        terms: dict[str, int] = {}  # the glossary's terms, each with its line
        anchors: dict[str, int] = {}  # the anchor of every heading, with its line
        titles: list[int] = []  # the line of every `# ` heading: a page has one
        code = None  # the fence of the code block we are in: nothing in it is a block
        bare_term: tuple[str, int] | None = None  # a glossary term no meaning has followed yet
        for number, line in enumerate(source_lines(text), start=1):
            stripped = line.strip()
            in_glossary = bool(blocks) and blocks[-1][1] == "glossary"
            if in_glossary and stripped and not BLOCK_FENCE.match(stripped) and not HEADING.match(line):
                bare_term = None
            if code or stripped.startswith(("```", "~~~")):
                fence = stripped[:3]
                code = None if code and stripped.startswith(code) else (code or fence)
                continue
            fence = BLOCK_FENCE.match(stripped)
            tight = None if fence else TIGHT_FENCE.match(stripped)
            if tight:
                slashes, name, rest = tight.groups()
                rest = "| " + rest[1:].strip() if rest.startswith("|") else rest
                problems.append(Problem(shown, number, f"`{stripped}` is not read as a block: Markdown needs a space "
                                        f"between `{slashes}` and the block's name, and shows this line as text",
                                        f"write it as `{slashes} {name}" + (f" {rest}`" if rest else "`")))
            if fence and fence.group(2) in OWN_LEVEL_BLOCKS and line[:1] in (" ", "\t"):
                problems.append(Problem(shown, number, f"the `{fence.group(1)} {fence.group(2)}` line is indented: the "
                                        f"academy reads a {fence.group(2)} block only from the left margin (and four spaces "
                                        "make it code, or part of the list or admonition above it)",
                                        "start the line, and the block's closing line, at the left margin, "
                                        "outside any list or admonition"))
            if fence and fence.group(2):
                problems.extend(_nesting_problems(shown, number, fence.group(2), blocks))
                blocks.append((fence.group(1), fence.group(2), number))
                questions[number] = 0
            elif fence:
                if blocks and blocks[-1][0] == fence.group(1):
                    _, name, opened = blocks.pop()
                    if name == "glossary" and bare_term:
                        problems.append(_bare_term(shown, *bare_term))
                        bare_term = None
                    if name == "faq" and not questions[opened]:
                        problems.append(Problem(shown, opened, "this FAQ block has no question",
                                                "start each question with `### ` (e.g. `### Can I get a refund?`), "
                                                "its answer below it; or remove the block"))
                else:
                    problems.append(Problem(shown, number, f"`{fence.group(1)}` closes no block",
                                            "delete it, or open the block it should close (e.g. `/// faq`) above"))
            control = CONTROL.search(line)
            if control:
                problems.append(Problem(shown, number, f"{described(control.group())} at column {control.start() + 1}",
                                        CONTROL_HINT))
            image = NO_ALT_IMAGE.search(INLINE_CODE.sub("", line))
            if image:
                problems.append(Problem(shown, number, f"the image {image.group(1)} has no alt text",
                                        "describe what it shows between the brackets, e.g. `![The five stages of the "
                                        "customer journey](../assets/diagrams/customer-journey.svg)`: screen readers "
                                        "read it out, and translators translate it"))
            quiz = QUIZ_BLOCK.match(line)
            if quiz and quizzes:
                first, first_line = quizzes[0]
                problems.append(Problem(shown, number, f"a second quiz on one page: {quiz.group(1)}, after {first} "
                                        f"on line {first_line}",
                                        "a lesson has one quiz (its progress row, results and course packages follow "
                                        "it): put the questions in one quiz file, or give this quiz a lesson of its own"))
            if quiz:
                quizzes.append((quiz.group(1), number))
            elif blocks and blocks[-1][1] == "faq" and FAQ_QUESTION.match(line):
                faq.append(number)
                questions[blocks[-1][2]] += 1
                problems.extend(_anchor_problems(shown, number, HEADING.match(line).group(1), anchors))
            elif number >= doc.body_line and (heading := HEADING.match(line)):
                problems.extend(_heading_problems(shown, number, heading.group(1), blocks, terms))
                if in_glossary:
                    if bare_term:
                        problems.append(_bare_term(shown, *bare_term))
                    level = len(line) - len(line.lstrip("#"))
                    if level != GLOSSARY_LEVEL:
                        problems.append(Problem(shown, number, f"this glossary term is a `{'#' * level}` heading: the "
                                                "glossary's terms are `##` headings, and any other heading stays inside "
                                                "the meaning above it, out of the alphabetical order and the row of letters",
                                                f"write it as `## {heading.group(1)}`"))
                    bare_term = (heading.group(1), number)
                if not line.startswith("##"):
                    if titles:
                        problems.append(Problem(shown, number, "a second `# ` heading, after the page's title on line "
                                                f"{titles[0]}: a page has one title heading, and sections are `## `",
                                                f"make it a section heading: `## {heading.group(1)}`"))
                    titles.append(number)
                if heading.group(1) and not (blocks and blocks[-1][1] == "glossary"):
                    problems.extend(_anchor_problems(shown, number, heading.group(1), anchors))
        for slashes, name, number in blocks:
            problems.append(Problem(shown, number, f"the `{slashes} {name}` block opened here is never closed",
                                    f"add a line with `{slashes}` where the {name} block ends; without it the rest "
                                    "of the page is swallowed by the block"))
        problems.extend(Problem(shown, found.line, found.message, found.hint)
                        for found in segment.misreadings(doc.body, doc.body_line))
        slips = source_lint.lint(doc.body, doc.body_line, shown, footnotes) if published else source_lint.Lint()
        problems.extend(slips.problems)
        warnings = (frontmatter.markup_problems(doc, shown) if published else []) + slips.warnings
        return cls(src, shown, text, doc, tuple(quizzes), tuple(faq), tuple(problems), tuple(slips.abbreviations),
                   tuple(warnings))

    def quiz_line(self, quiz_id: str) -> int:
        return next((line for found, line in self.quiz_lines if found == quiz_id), 1)

    @property
    def quiz(self) -> str | None:
        return self.quiz_lines[0][0] if self.quiz_lines else None

    @property
    def units(self) -> list[segment.Unit]:
        from .localize import messages_of_page

        return messages_of_page(self.text, self.shown)


# Blocks that hold a page's own questions or terms: one inside another would be read twice, or not at all.
OWN_LEVEL_BLOCKS = ("faq", "glossary", "quiz", "lessons", "progress", "answer-keys")


def _nesting_problems(shown: str, line: int, name: str, open_blocks: list[tuple[str, str, int]]) -> list[Problem]:
    outer = next((b for b in reversed(open_blocks) if b[1] in OWN_LEVEL_BLOCKS), None)
    if name not in OWN_LEVEL_BLOCKS or outer is None:
        return []
    return [Problem(shown, line, f"a `/// {name}` block inside the `{outer[0]} {outer[1]}` block opened on line {outer[2]}",
                    f"close the {outer[1]} block with `{outer[0]}` before this one; "
                    "in an FAQ, every `### question` of the page's questions goes in one block")]


GLOSSARY_LEVEL = 2  # `## Term` (AUTHORING.md)


def _bare_term(shown: str, words: str, line: int) -> Problem:
    return Problem(shown, line, f"the glossary term {words!r} has no meaning: the glossary would list it with nothing "
                   "under it", "write what it means below the term, before the next `## ` term or the closing `///`")


def _heading_problems(shown: str, line: int, words: str, open_blocks: list[tuple[str, str, int]],
                      terms: dict[str, int]) -> list[Problem]:
    """A heading with no words (an empty link in the contents), a glossary term defined twice."""
    if not words:
        return [Problem(shown, line, "a heading with no words", "write the heading after the #s, or delete the line")]
    if open_blocks and open_blocks[-1][1] == "glossary":
        key = " ".join(words.split()).casefold()
        if key in terms:
            return [Problem(shown, line, f"the term {words!r} is already in the glossary, on line {terms[key]}",
                            "keep one entry for each term: merge the two meanings")]
        terms[key] = line
    return []


@dataclass
class PageInfo:
    """What the home page and the progress page show of a page."""

    src: str
    title: str
    description: str
    minutes: int
    quiz: str | None
    translated: bool = True


@dataclass
class Course:
    index: PageInfo
    lessons: list[PageInfo] = field(default_factory=list)


def _anchor_problems(shown: str, line: int, words: str, anchors: dict[str, int]) -> list[Problem]:
    """A heading whose anchor another heading of the page already has: links and `review:` reach the first."""
    attributes = ATTRIBUTE_LIST.search(words)
    explicit = ANCHOR_ATTRIBUTE.search(attributes.group(1)) if attributes else None
    text = words[:attributes.start()] if attributes else words
    anchor = explicit.group(1) if explicit else slugify(text.strip(), "-")
    if not anchor:
        return []
    if anchor in anchors:
        return [Problem(shown, line, f"this heading's anchor #{anchor} is already the anchor of the heading on line "
                        f"{anchors[anchor]}: a link or a quiz's `review:` to #{anchor} leads there",
                        "reword one of the two headings, or give this one an anchor of its own, "
                        "e.g. `## Examples { #complaint-examples }`")]
    anchors[anchor] = line
    return []


@dataclass
class PageBuild:
    """What one page's rendering records; the blocks write it, the templates read it."""

    source: SourcePage
    link: Callable[[str], str] = field(repr=False, compare=False)  # a relative URL to another page's source
    missing: int = 0  # messages shown in English
    outdated: bool = False  # a fuzzy or stale translation is shown
    quizzes: list[str] = field(default_factory=list)
    faq: list = field(default_factory=list)  # (question heading, answer element), as rendered
    # what Markdown set aside while rendering the page (raw HTML, character references): the elements above hold
    # placeholders for it, put back only in the page's HTML text
    set_aside: list = field(default_factory=list, repr=False, compare=False)
    problems: list[Problem] = field(default_factory=list)
    listing: bool = False  # lists other pages (home, progress): kept out of the search index
    noindex: bool = False  # for trainers (answer keys): kept from search engines and the sitemap

    @property
    def src(self) -> str:
        return self.source.src

    def add_missing(self, state) -> None:
        self.missing += state.missing
        self.outdated = self.outdated or state.stale > 0


class Academy:
    def __init__(self, root: Path, content: Path, locales: Path, quizzes: Path,
                 language: Language, abbreviations: str | None = None, show_fuzzy: bool = False,
                 report: Report | None = None, languages: tuple[str, ...] = (), footnotes: bool | None = None):
        self.root = root
        self.footnotes = footnotes  # whether the site's Markdown reads footnotes (None: not known)
        self.languages = languages  # every language the site is built in; empty: this one only
        self.content = content
        self.locales = locales
        self.quizzes_dir = quizzes
        self.language = language
        self.show_fuzzy = show_fuzzy
        self.abbreviations = abbreviations
        self.report = report if report is not None else Report()
        self.catalogs = Catalogs(locales, language.code, root)
        self.quizzes: dict[str, Quiz] = load_quizzes(quizzes, root) if quizzes.exists() else {}
        ui_catalog = None if self.is_source else self.catalogs.get(UI_DOMAIN)
        self.ui = Interface(language.code, ui_catalog, root)
        self.ui.strings()
        self.ui.theme_strings()
        self.ui.plurals()
        self.report.add(self.ui.problems, warning=True)  # refused interface translations
        self.courses: list[Course] = []
        self.rendering: PageBuild | None = None  # the page the engine is rendering now
        self.localizations: Counter[str] = Counter()  # how often each page was localized (once is right)
        self._sources: dict[str, SourcePage] = {}
        self._localized: dict[str, Localized] = {}
        self._abbreviations: str | None = None
        self._info: dict[str, PageInfo] = {}
        self._other_catalogs: dict[str, Catalogs] = {}
        self._translated: dict[tuple[str, str], bool] = {}
        # what another language's own build found (see `translated_here`), or None: then it is worked out here
        self.found_elsewhere: Callable[[str], dict[str, bool] | None] | None = None
        self._handwritten: dict[str, frozenset[str]] = {}

    @property
    def is_source(self) -> bool:
        return self.language.code == SOURCE_LANGUAGE

    def shown(self, path: Path) -> str:
        return display_path(path, self.root)

    # -- sources, read once ------------------------------------------------

    def source(self, src: str) -> SourcePage:
        if src not in self._sources:
            self._sources[src] = page = SourcePage.read(self.content, src, self.root, src != self.abbreviations,
                                                        self.footnotes)
            self.report.add(list(page.problems))
            self.report.add(list(page.warnings), warning=True)
            if page.abbreviations and self.abbreviations and src != self.abbreviations \
                    and (self.content / self.abbreviations).exists():
                shared = self.source(self.abbreviations)
                meanings = {abbr: meaning for abbr, meaning in abbreviations.meanings(shared.text)}
                self.report.add(source_lint.shared_conflicts(list(page.abbreviations), meanings, shared.shown, page.shown))
        return self._sources[src]

    def read(self, path: Path) -> str:
        """A source file's text; a file that cannot be read is a problem with its path, not a traceback."""
        return read_text(path, self.shown(path))

    def handwritten(self, code: str) -> frozenset[str]:
        """The pages written by hand in a language (listed once per build, not asked page by page)."""
        if code not in self._handwritten:
            folder = self.locales / code / "pages"
            self._handwritten[code] = frozenset(
                p.relative_to(folder).as_posix() for p in folder.rglob("*.md") if p.is_file()) if folder.is_dir() else frozenset()
        return self._handwritten[code]

    def handwritten_path(self, src: str) -> Path:
        return self.locales / self.language.code / "pages" / src

    def check_links(self) -> None:
        """A symbolic link in the content must lead to a file or folder outside its own ancestors:
        a link in a circle would make the engine walk the same pages again and again."""
        problems = []
        for folder, folders, files in os.walk(self.content):
            for name in folders + files:
                path = Path(folder) / name
                if not path.is_symlink():
                    if name in files:
                        problems.extend(self._unreadable(path))
                    continue
                link = os.path.relpath(path, self.root)  # the link itself, not where it leads
                try:
                    real = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    problems.append(Problem(link, 0, "this symbolic link leads nowhere, or in a circle",
                                            "remove the link or point it at an existing file"))
                    continue
                if real.is_dir() and Path(folder).resolve().is_relative_to(real):
                    problems.append(Problem(link, 0, f"this symbolic link leads back to {self.shown(real)}/, "
                                            "which holds it: the pages would be read again and again",
                                            "remove the link; link to a single file or a folder outside content/ instead"))
        if problems:
            raise ContentError(problems)

    def _unreadable(self, path: Path) -> list[Problem]:
        """The engine copies every file of the content; one it cannot open would stop it with a traceback."""
        try:
            if stat.S_ISREG(path.stat().st_mode):
                path.open("rb").close()
        except OSError as error:
            return [Problem(self.shown(path), 0, f"this file cannot be read: {error.strerror or error}",
                            "check its permissions (it must be readable by the user who builds the site)")]
        return []

    def check_handwritten(self) -> None:
        """A hand-written page must translate a page that still exists."""
        folder = self.locales / self.language.code / "pages"
        problems = []
        for path in sorted(folder.rglob("*.md")) if folder.exists() else []:
            src = path.relative_to(folder).as_posix()
            if not (self.content / src).exists():
                problems.append(Problem(self.shown(path), 1,
                                        f"hand-written translation of content/{src}, which does not exist",
                                        "move it to the page's new path, or delete it if the page is gone"))
        if problems:
            raise ContentError(problems)

    def check_quiz_use(self) -> None:
        """Every quiz is used, and by one page only: its progress row and results have one home."""
        used: dict[str, str] = {}
        for path in sorted(self.content.rglob("*.md")):
            text = self.read(path)
            for match in QUIZ_BLOCK.finditer(text):
                quiz_id, shown = match.group(1), self.shown(path)
                line = text.count("\n", 0, match.start()) + 1
                if quiz_id in used and used[quiz_id] != shown:
                    self.report.error(Problem(shown, line, f"quiz {quiz_id} is already embedded in {used[quiz_id]}",
                                              "a quiz belongs to one lesson: copy it to a new file with its own id"))
                used.setdefault(quiz_id, shown)
        for quiz_id, quiz in sorted(self.quizzes.items()):
            if quiz_id not in used:
                self.report.warn(Problem(quiz.path, 1, f"quiz {quiz_id} is not used by any lesson",
                                         f"embed it with `/// quiz | {quiz_id}` and `///`, or delete the file"))

    # -- localized pages, once per page -------------------------------------

    def localized(self, src: str) -> Localized:
        """The page's Markdown in this language; its refused translations are reported once."""
        if src not in self._localized:
            self._localized[src] = self._localize(self.source(src))
        return self._localized[src]

    def _localize(self, source: SourcePage) -> Localized:
        if self.is_source:
            return Localized(source.text)
        self.localizations[source.src] += 1
        handwritten = self.handwritten_path(source.src)
        if source.src in self.handwritten(self.language.code):
            text = self.read(handwritten)
            doc = frontmatter.parse(text, self.shown(handwritten))
            refused = handwritten_problems(source.text, text, self.shown(handwritten))
            if not refused:
                stale = int(doc.meta.get("translation_of") != source_revision(source.text))
                return Localized(text, stale=stale)
            # refused like a translation in a catalog: reported, and the catalog's page shown
            self.report.add([Problem(p.path, p.line, f"hand-written page refused: {p.message}", p.hint) for p in refused],
                            warning=True)
        path, data = self.catalogs.identity(self._domain_of(source.src))
        key = (digest(source.text), source.shown, path, data, str(self.root), self.show_fuzzy, markup.comparison_key())
        result = remembered("localized", key, lambda: localize_page(source.text, source.shown,
                                                                   self._catalog_of(source.src), self.root,
                                                                   self.show_fuzzy))
        self.report.add(result.problems, warning=True)
        self.report.add(result.errors)
        return result

    def _catalog_of(self, src: str, catalogs: Catalogs | None = None) -> Catalog:
        return (catalogs or self.catalogs).get(self._domain_of(src))

    def _domain_of(self, src: str) -> str:
        return domain_of(PurePosixPath(self.content.relative_to(self.root).as_posix()) / src)

    def page_source(self, src: str) -> str:
        """The Markdown the engine renders for a page in this language."""
        return self.localized(src).source + self.abbreviations_source()

    def abbreviations_source(self) -> str:
        """The localized abbreviations appended to every page, localized once per edition."""
        if self._abbreviations is None:
            self._abbreviations = ""
            if self.abbreviations and (self.content / self.abbreviations).exists():
                english = self.source(self.abbreviations)
                self.report.add(abbreviations.problems(english.text, english.shown))
                self._abbreviations = "\n\n" + self.localized(self.abbreviations).source
        return self._abbreviations

    # -- rendering one page ---------------------------------------------------

    def begin_page(self, src: str, link: Callable[[str], str]) -> PageBuild:
        """A new record for the page about to be rendered; blocks write into it."""
        localized = self.localized(src)
        build = PageBuild(self.source(src), link)
        build.add_missing(localized)
        if self.abbreviations and src != self.abbreviations and self.abbreviations in self._localized:
            build.add_missing(self._localized[self.abbreviations])
        self.rendering = build
        return build

    def end_page(self) -> PageBuild:
        build = self.rendering
        assert build is not None, "end_page without begin_page"
        self.rendering = None
        return build

    # -- other languages --------------------------------------------------------

    def is_translated(self, src: str, code: str) -> bool:
        """Whether a page reads fully translated in another language (for hreflang and sitemaps)."""
        if code == self.language.code:
            return self.localized(src).missing == 0
        key = (src, code)
        if key not in self._translated:
            self._translated[key] = self._is_translated(src, code)
        return self._translated[key]

    def _is_translated(self, src: str, code: str) -> bool:
        if code == SOURCE_LANGUAGE or src in self.handwritten(code):
            return True
        if code == self.language.code and src in self._localized:
            # counted when the page was localized: the same messages, the same catalog
            untranslated = self._localized[src].untranslated
            if untranslated is not None:
                return untranslated == 0
        found = self.found_elsewhere(code) if self.found_elsewhere is not None else None
        if found is not None and src in found:
            return found[src]
        catalogs = self._other_catalogs.setdefault(code, Catalogs(self.locales, code, self.root))
        try:
            # Only counted, never joined: the other language's own build renders the page.
            # the catalog is read only when this page's count is not remembered from the bytes it comes from
            source, (path, data) = self.source(src), catalogs.identity(self._domain_of(src))
            key = (digest(source.text), source.shown, path, data, str(self.root), markup.comparison_key())
            return remembered("missing", key,
                              lambda: count_missing(source.units, self._catalog_of(src, catalogs), self.root)) == 0
        except AcademyError:
            return False  # that language's own build reports the problem, with its line

    def translated_here(self, srcs: list[str]) -> dict[str, bool]:
        """Whether each page reads fully translated in this language, exactly as `is_translated` in
        another language's build finds it. A language's own build works this out for the source
        language's build, which would otherwise read every catalog of this language a second time."""
        return {src: self._is_translated(src, self.language.code) for src in srcs}

    # -- strings of quizzes and diagrams ----------------------------------------

    def translator_for(self, source: Path, build: PageBuild | None = None) -> Callable[[str], str]:
        """A function giving each string of a source file in this language (English if missing)."""
        if self.is_source:
            return lambda text: text
        catalog = self.catalogs.get(domain_of(source.relative_to(self.root).as_posix()))

        def tr(text: str) -> str:
            translated, state = translate_text(text, catalog, self.root, self.show_fuzzy)
            if build is not None:
                build.add_missing(state)
            self.report.add(state.problems, warning=True)
            return translated

        return tr

    def translators_elsewhere(self, source: Path) -> Sequence[Callable[[str], str]]:
        """A source file's strings in each of the site's other languages, English where missing.

        Read when first used: only a text answer needs them, so a quiz without one reads no
        other language's catalog. Quiet: each language's own build reports its catalogs' problems."""
        return _Elsewhere(lambda: self._translators_elsewhere(source))

    def _translators_elsewhere(self, source: Path) -> list[Callable[[str], str]]:
        found = []
        domain = domain_of(source.relative_to(self.root).as_posix())
        for code in self.languages:
            if code in (self.language.code, SOURCE_LANGUAGE):
                continue
            catalogs = self._other_catalogs.setdefault(code, Catalogs(self.locales, code, self.root))
            try:
                catalog = catalogs.get(domain)
            except AcademyError:
                continue
            found.append(lambda text, catalog=catalog: translate_text(text, catalog, self.root, self.show_fuzzy)[0])
        return found

    # -- a serve's quick rebuild -------------------------------------------------------

    def forget(self, srcs: set[str], domains: dict[str, set[str]]) -> None:
        """Pages and catalogs saved since this edition read them: read them again when next asked for.
        `domains` maps a language to the catalog domains saved in it. Everything else it read stands."""
        for src in srcs:
            for table in (self._sources, self._localized, self._info):
                table.pop(src, None)
        for key in [key for key in self._translated if key[0] in srcs]:
            del self._translated[key]
        for code, saved in domains.items():
            if code == self.language.code:
                self.catalogs.forget(saved)
            elif code in self._other_catalogs:
                self._other_catalogs[code].forget(saved)

    # -- the outline: courses and lessons ------------------------------------------

    def info(self, src: str) -> PageInfo:
        if src not in self._info:
            fallback_title = PurePosixPath(src).stem.replace("-", " ").capitalize()
            try:
                source = self.source(src)
                localized = self.localized(src)
                doc = remembered("front matter", (digest(localized.source), source.shown),
                                 lambda: frontmatter.parse(localized.source, source.shown))
            except AcademyError as error:
                # reported with every other problem once all pages are read
                self.report.add(error.problems)
                self._info[src] = PageInfo(src, fallback_title, "", 1, None, False)
                return self._info[src]
            self._info[src] = _page_info(src, fallback_title, doc, source.quiz, localized.missing)
        return self._info[src]

    def set_outline(self, sections: list[tuple[str, list[str]]]) -> None:
        """Courses in navigation order: (course index page, [lesson pages])."""
        self.courses = [Course(self.info(index), [self.info(src) for src in lessons]) for index, lessons in sections]


def _page_info(src: str, fallback_title: str, doc: frontmatter.Document, quiz: str | None, missing: int) -> PageInfo:
    words = len(WORDS.findall(doc.body))
    return PageInfo(src, _plain(doc.meta.get("title")) or fallback_title, _plain(doc.meta.get("description")),
                    max(1, math.ceil(words / WORDS_PER_MINUTE)), quiz, missing == 0)


def _plain(value) -> str:
    return value if isinstance(value, str) else ""


def read_text(path: Path, shown: str) -> str:
    """A source file's text (without a byte-order mark, in Unicode's composed form NFC: an "é" saved as "e"
    and a combining accent reads, and is translated, as the "é" it shows); one that cannot be read is a
    problem, not a traceback.

    A file whose stat is what it was when last read is not read again (see `memo.unchanged_text`)."""
    try:
        return unchanged_text(path, lambda: unicodedata.normalize("NFC", path.read_text(encoding="utf-8-sig")))
    except IsADirectoryError:
        raise ContentError(Problem(shown, 0, "this is a folder where a file is expected",
                                   "rename or remove the folder")) from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise ContentError(Problem(shown, line, "this file is not UTF-8 text", "save it as UTF-8 in your editor")) from None
    except OSError as error:
        raise ContentError(Problem(shown, 0, f"this file cannot be read: {error.strerror or error}",
                                   "check that it exists and that you may read it (file permissions)")) from None


class _Elsewhere(Sequence):
    """A list made when first read (see `Academy.translators_elsewhere`)."""

    def __init__(self, make: Callable[[], list]):
        self._make = make
        self._items: list | None = None

    def _list(self) -> list:
        if self._items is None:
            self._items = self._make()
        return self._items

    def __getitem__(self, index):
        return self._list()[index]

    def __len__(self) -> int:
        return len(self._list())
