"""The academy as a whole for one language: its pages, courses, quizzes and catalogs.

One ``Academy`` is made per language build. It reads every source once and
hands out localized pages; the engine adapter asks it for what it renders.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import frontmatter
from .catalogs import UI_DOMAIN, CatalogError, Catalogs, domain_of
from .errors import ContentError, Problem, display_path
from .frontmatter import FrontMatterError
from .interface import Interface
from .languages import SOURCE_LANGUAGE, Language
from .localize import Localized, handwritten_problems, localize_page, translate_text
from .quiz.load import load_quizzes
from .quiz.model import Quiz

WORDS = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
WORDS_PER_MINUTE = 200


@dataclass
class PageInfo:
    """What the home page and the progress page show of a page."""

    src: str  # relative to the content folder, e.g. customer-journey/moments-of-truth.md
    title: str
    description: str
    minutes: int
    quiz: str | None
    translated: bool = True


@dataclass
class Course:
    index: PageInfo
    lessons: list[PageInfo] = field(default_factory=list)


@dataclass
class PageResult:
    """Per-page state gathered while a page renders (quiz and FAQ blocks add to it)."""

    missing: int = 0
    faq: list = field(default_factory=list)  # (question heading, answer element) as rendered
    faq_problems: list[tuple[str, str, str]] = field(default_factory=list)  # (question, message, hint)
    quizzes: list[str] = field(default_factory=list)
    outdated: bool = False


QUIZ_BLOCK = re.compile(r"^///[ \t]+quiz[ \t]*\|[ \t]*([\w-]+)", re.MULTILINE)


def source_revision(text: str) -> str:
    """What a hand-written translation records to say which English it translates."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


class Academy:
    def __init__(self, root: Path, content: Path, locales: Path, quizzes: Path,
                 language: Language, abbreviations: str | None = None, show_fuzzy: bool = False):
        self.root = root
        self.content = content
        self.locales = locales
        self.quizzes_dir = quizzes
        self.language = language
        self.show_fuzzy = show_fuzzy
        self.abbreviations = abbreviations
        self.catalogs = Catalogs(locales, language.code, root)
        self.warnings: list[Problem] = []
        self.quizzes: dict[str, Quiz] = load_quizzes(quizzes, root) if quizzes.exists() else {}
        ui_catalog = None if self.is_source else self.catalogs.get(UI_DOMAIN)
        self.ui = Interface(language.code, ui_catalog)
        self.ui.strings()
        self.ui.plurals()
        self.warnings.extend(self.ui.problems)  # refused interface translations
        self.current = PageResult()
        self.courses: list[Course] = []
        self._info: dict[str, PageInfo] = {}
        self._other_catalogs: dict[str, Catalogs] = {}
        self._translated: dict[tuple[str, str], bool] = {}  # asked by each page and again by the sitemap
        self.deferred: list[Problem] = []  # problems found while reading, reported together later

    @property
    def is_source(self) -> bool:
        return self.language.code == SOURCE_LANGUAGE

    # -- sources ---------------------------------------------------------

    def shown(self, path: Path) -> str:
        return display_path(path, self.root)

    def read(self, path: Path) -> str:
        """A source file's text; a file that cannot be read is a problem with its path, not a traceback."""
        try:
            return path.read_text(encoding="utf-8")
        except IsADirectoryError:
            raise ContentError(Problem(self.shown(path), 0, "this is a folder where a file is expected",
                                       "rename or remove the folder")) from None
        except UnicodeDecodeError as error:
            line = path.read_bytes()[: error.start].count(b"\n") + 1
            raise ContentError(Problem(self.shown(path), line, "this file is not UTF-8 text",
                                       "save it as UTF-8 in your editor")) from None
        except OSError as error:
            raise ContentError(Problem(self.shown(path), 0, f"this file cannot be read: {error.strerror or error}",
                                       "check that it exists and that you may read it (file permissions)")) from None

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

    def page_source(self, src: str) -> str:
        """The Markdown the engine renders for a page in this language."""
        path = self.content / src
        english = self.read(path)
        self.current = PageResult()
        result = self._localize(src, english)
        return result.source + self._abbreviations()

    def _localize(self, src: str, english: str) -> Localized:
        shown = self.shown(self.content / src)
        frontmatter.parse(english, shown)  # report bad English front matter in the English file
        if self.is_source:
            return Localized(english)
        handwritten = self.handwritten_path(src)
        if handwritten.exists():
            text = self.read(handwritten)
            doc = frontmatter.parse(text, self.shown(handwritten))
            refused = handwritten_problems(english, text, self.shown(handwritten))
            if not refused:
                self.current.outdated = doc.meta.get("translation_of") != source_revision(english)
                return Localized(text)
            # refused like a translation in a catalog: reported, and the catalog's page shown
            self.warnings.extend(Problem(p.path, p.line, f"hand-written page refused: {p.message}", p.hint) for p in refused)
        catalog = self.catalogs.get(domain_of(PurePosixPath(self.content.relative_to(self.root).as_posix()) / src))
        result = localize_page(english, shown, catalog, self.root, self.show_fuzzy)
        self.current.missing += result.missing
        self.current.outdated = self.current.outdated or result.stale > 0
        self.warnings.extend(result.problems)
        return result

    def _abbreviations(self) -> str:
        if not self.abbreviations:
            return ""
        path = self.content / self.abbreviations
        if not path.exists():
            return ""
        return "\n\n" + self._localize(self.abbreviations, self.read(path)).source

    def is_translated(self, src: str, code: str) -> bool:
        """Whether a page reads fully translated in another language (for hreflang and sitemaps)."""
        key = (src, code)
        if key not in self._translated:
            self._translated[key] = self._is_translated(src, code)
        return self._translated[key]

    def _is_translated(self, src: str, code: str) -> bool:
        if code == SOURCE_LANGUAGE:
            return True
        if (self.locales / code / "pages" / src).exists():
            return True
        catalogs = self._other_catalogs.setdefault(code, Catalogs(self.locales, code, self.root))
        english = self.read(self.content / src)
        domain = domain_of(PurePosixPath(self.content.relative_to(self.root).as_posix()) / src)
        return localize_page(english, src, catalogs.get(domain), self.root).missing == 0

    # -- strings of quizzes and diagrams ----------------------------------

    def translator_for(self, source: Path):
        """A function giving each string of a source file in this language (English if missing)."""
        if self.is_source:
            return lambda text: text
        catalog = self.catalogs.get(domain_of(source.relative_to(self.root).as_posix()))

        def tr(text: str) -> str:
            translated, state = translate_text(text, catalog, self.root, self.show_fuzzy)
            self.current.missing += state.missing
            self.current.outdated = self.current.outdated or state.stale > 0
            self.warnings.extend(state.problems)
            return translated

        return tr

    # -- the outline: courses and lessons ----------------------------------

    def info(self, src: str) -> PageInfo:
        if src not in self._info:
            saved = self.current
            self.current = PageResult()
            english = self.read(self.content / src)
            try:
                localized = self._localize(src, english)
                doc = frontmatter.parse(localized.source, self.shown(self.content / src))
            except (FrontMatterError, CatalogError) as error:
                # reported with every other problem once all pages are read
                self.deferred.append(error.problem)
                doc = frontmatter.Document(body=english)
            words = len(WORDS.findall(doc.body))
            quiz = QUIZ_BLOCK.search(english)
            self._info[src] = PageInfo(
                src,
                str(doc.meta.get("title") or PurePosixPath(src).stem.replace("-", " ").capitalize()),
                str(doc.meta.get("description") or ""),
                max(1, math.ceil(words / WORDS_PER_MINUTE)),
                quiz.group(1) if quiz else None,
                self.current.missing == 0,
            )
            self.current = saved
        return self._info[src]

    def set_outline(self, sections: list[tuple[str, list[str]]]) -> None:
        """Courses in navigation order: (course index page, [lesson pages])."""
        self.courses = [Course(self.info(index), [self.info(src) for src in lessons]) for index, lessons in sections]

    def check_quiz_use(self) -> None:
        used = set()
        for path in self.content.rglob("*.md"):
            used.update(QUIZ_BLOCK.findall(self.read(path)))
        for quiz_id, quiz in sorted(self.quizzes.items()):
            if quiz_id not in used:
                self.warnings.append(Problem(quiz.path, 1, f"quiz {quiz_id} is not used by any lesson",
                                             f"embed it with `/// quiz | {quiz_id}` and `///`, or delete the file"))
