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

from ..errors import Problem, Report


class EngineWarnings(logging.Handler):
    """The engine's own warnings (a broken link, a missing nav entry) go into the report too."""

    def __init__(self, report: Report, ours: Report, config_file: str, content: Path, content_shown: str):
        super().__init__(logging.WARNING)
        self.report = report
        self.ours = ours
        self.config_file = config_file
        self.content = content
        self.content_shown = content_shown

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith("mkdocs.plugins.academy"):
            return
        message = record.getMessage()
        if message.startswith(DIRTY_NOTICE):
            return  # the academy decides what a dirty build renders again (see incremental.py)
        if any(str(problem) in message for problem in self.ours.errors + self.ours.warnings):
            return  # our own problems, raised to stop the build and logged by the engine
        for problem in engine_problems(message, self.config_file, self.content, self.content_shown):
            if problem.hint and record.levelno >= logging.WARNING:
                self.report.error(problem)  # a broken link or an unreachable page is never published
            elif record.levelno >= logging.ERROR:
                self.report.error(problem)
            else:
                self.report.warn(problem)


DIRTY_NOTICE = "A 'dirty' build is being performed"
LINK_MESSAGE = re.compile(r"Doc file '([^']+)' contains (?:a link|an absolute link) '([^']*)'")
OMITTED = "exist in the docs directory, but are not included in the \"nav\" configuration"


def engine_problems(message: str, config_file: str, content: Path, content_shown: str) -> list[Problem]:
    """The engine's warning as problems with a file, a line and a hint where we know them."""
    link = LINK_MESSAGE.match(message)
    if link:
        src, target = link.groups()
        line = line_containing(content / src, target.split("#")[0] or target)
        return [Problem(f"{content_shown}/{src}", line, message.split(", but ", 1)[-1].rstrip(".") + f": {target}",
                        "fix the link: a page's path relative to this page (e.g. `other-lesson.md#heading`), "
                        "or a heading anchor of the target page")]
    if OMITTED in message:
        pages = re.findall(r"^\s*- (.+)$", message, re.MULTILINE)
        return [Problem(f"{content_shown}/{page}", 1, "this page is in no course: it is not in `nav:`, so no menu leads to it",
                        f"add it under its course in `nav:` in {config_file}, or list it under `not_in_nav:` "
                        "if only links should reach it") for page in pages]
    found = re.match(r"Doc file '([^']+)'", message)
    return [Problem(f"{content_shown}/{found.group(1)}" if found else config_file, 1, message)]


def line_containing(path: Path, needle: str) -> int:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if needle and needle in line:
                return number
    except OSError:
        pass
    return 1


