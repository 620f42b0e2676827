"""The engine's own warnings (a broken link, a page outside nav) as problems in the report.

MkDocs checks links, anchors and the navigation itself; we raise those checks
to warnings and turn each message into a `Problem` with the file, the line of
the link in the English source, and a hint, so that `academy check` and the
build refuse the same things.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from ..errors import Problem, Report, source_lines
from .config_file import line_of


class EngineWarnings(logging.Handler):
    """The engine's own warnings (a broken link, a missing nav entry) go into the report too."""

    def __init__(self, report: Report, ours: Report, config_file: str, content: Path, content_shown: str,
                 config_path: Path | None = None):
        super().__init__(logging.WARNING)
        self.report = report
        self.ours = ours
        self.config_file = config_file
        self.content = content
        self.content_shown = content_shown
        self.config_path = config_path

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith("mkdocs.plugins.academy"):
            return
        message = record.getMessage()
        if message.startswith(DIRTY_NOTICE):
            return  # the academy decides what a dirty build renders again (see incremental.py)
        known = self.ours.errors + self.ours.warnings + self.report.errors + self.report.warnings
        if message in REFUSALS or any(str(problem) in message for problem in known):
            return  # problems already reported, raised again to stop the build and logged by the engine
        for problem in engine_problems(message, self.config_file, self.content, self.content_shown, self.config_path):
            if problem.hint and record.levelno >= logging.WARNING:
                self.report.error(problem)  # a broken link or an unreachable page is never published
            elif record.levelno >= logging.ERROR:
                self.report.error(problem)
            else:
                self.report.warn(problem)


DIRTY_NOTICE = "A 'dirty' build is being performed"
REFUSALS: set[str] = set()  # the text of every refusal raised to stop a build (see `settings.Refused`)
LINK_MESSAGE = re.compile(r"Doc file '([^']+)' contains a link '([^']*)'")
ODD_LINK = re.compile(r"Doc file '([^']+)' contains an? (absolute|unrecognized relative) link '([^']*)'")
EXCLUDED_TARGET = "which is excluded from the built site"
EXCLUDED_LINK = re.compile(r"Doc file '([^']+)' contains a link to '([^']*)' " + EXCLUDED_TARGET)
NAV_NOT_FOUND = re.compile(r"A reference to '([^']*)' is included in the 'nav' configuration, which is not found")
SUGGESTION = re.compile(r"Did you mean '([^']*)'\?")
OMITTED = "exist in the docs directory, but are not included in the \"nav\" configuration"
LINK_HINT = ("fix the link: a page's path relative to this page (e.g. `other-lesson.md#heading`), "
             "or a heading anchor of the target page")
# Why an absolute or folder link is broken on a multilingual site, and how to write it instead.
ODD_LINKS = {
    "absolute": ("a link to an absolute address within the site: {target} leads to the English page from "
                 "every language, and nowhere once the site moves"),
    "unrecognized relative": "a link to a folder or an address, not to a page's file: {target} is broken on the site",
}


def engine_problems(message: str, config_file: str, content: Path, content_shown: str,
                    config_path: Path | None = None) -> list[Problem]:
    """The engine's warning as problems with a file, a line and a hint where we know them."""
    link = LINK_MESSAGE.match(message)
    if link:
        src, target = link.groups()
        line = line_containing(content / src, target.split("#")[0] or target)
        return [Problem(f"{content_shown}/{src}", line, message.split(", but ", 1)[-1].rstrip(".") + f": {target}",
                        LINK_HINT)]
    odd = ODD_LINK.match(message)
    if odd:
        src, kind, target = odd.groups()
        suggestion = SUGGESTION.search(message)
        better = f"`{suggestion.group(1)}`" if suggestion else "e.g. `../other-course/lesson.md`"
        return [Problem(f"{content_shown}/{src}", line_containing(content / src, f"({target}"),
                        ODD_LINKS[kind].format(target=target),
                        f"link to the page's Markdown file, relative to this page: {better}; "
                        "each language's build then makes it lead to the page in that language")]
    excluded = EXCLUDED_LINK.match(message)
    if excluded:
        src, target = excluded.groups()
        return [Problem(f"{content_shown}/{src}", line_containing(content / src, target.rsplit("/", 1)[-1]),
                        f"a link to {content_shown}/{target}, which is not published (`exclude_docs:` in {config_file})",
                        "link to a published page instead, or remove the link")]
    nav = NAV_NOT_FOUND.match(message)
    if nav:
        target = nav.group(1)
        line = line_of(config_path, target, value=True) if config_path is not None else 1
        return [Problem(config_file, line, f"nav: {target} is not a page in {content_shown}/",
                        f"fix the path: relative to {content_shown}/, with its `.md`, in the same letter case "
                        "(e.g. `journey/first-steps.md`); or create the page")]
    if OMITTED in message:
        pages = re.findall(r"^\s*- (.+)$", message, re.MULTILINE)
        return [Problem(f"{content_shown}/{page}", 1, "this page is in no course: it is not in `nav:`, so no menu leads to it",
                        f"add it under its course in `nav:` in {config_file}, or list it under `not_in_nav:` "
                        "if only links should reach it") for page in pages]
    found = re.match(r"Doc file '([^']+)'", message)
    return [Problem(f"{content_shown}/{found.group(1)}" if found else config_file, 1, message)]


def line_containing(path: Path, needle: str) -> int:
    try:
        for number, line in enumerate(source_lines(path.read_text(encoding="utf-8")), start=1):
            if needle and needle in line:
                return number
    except OSError:
        pass
    return 1




class ExcludedTargetsWarn(logging.Filter):
    """The engine says only at INFO that a page links to a file left out of the site (`exclude_docs:`),
    a link that is broken once published: that message is raised to a warning; the engine's other
    INFO messages are shown only as they would have been."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.INFO and EXCLUDED_TARGET in record.getMessage():
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            return True
        return record.levelno >= logging.getLogger("mkdocs").getEffectiveLevel()


def watch_excluded_targets() -> None:
    """Have the engine's page logger hand its INFO messages to `ExcludedTargetsWarn` (once per process)."""
    pages = logging.getLogger("mkdocs.structure.pages")
    if not any(isinstance(f, ExcludedTargetsWarn) for f in pages.filters):
        pages.addFilter(ExcludedTargetsWarn())
    pages.setLevel(min(logging.getLogger("mkdocs").getEffectiveLevel(), logging.INFO))
