"""What the academy needs of the engine's configuration: set here, or refused with its line."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..errors import Problem, display_path
from ..languages import KNOWN_LANGUAGES, SOURCE_LANGUAGE
from .config_file import line_of
from .engine_log import REFUSALS, line_containing


class Refused(PluginError):
    """The build stopped on problems; `academy check` reports them as they are."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = list(problems)
        REFUSALS.add(str(self))  # logged by the engine as it stops: already said, not a problem of its own


def fail(problems: list[Problem]) -> PluginError:
    return Refused(problems)


def languages_of(config: MkDocsConfig, codes: list[str], config_file: Path, shown: str) -> list[str]:
    """The site's languages, the source first; a missing site_url or an unknown code is refused."""
    if not config.site_url:
        raise fail([Problem(shown, 1, "site_url is missing",
                             "add e.g. `site_url: https://academy.example.org/`; canonical links, "
                             "hreflang and sitemaps need the site's address")])
    line = line_of(config_file, "languages")
    for code in codes:
        if code not in KNOWN_LANGUAGES:
            raise fail([Problem(shown, line, f"unknown language code {code!r}",
                                 "the academy builds: " + ", ".join(KNOWN_LANGUAGES))])
    if not codes:
        raise fail([Problem(shown, line, "no languages are configured",
                             "list them, the source language first: `languages: [en, fil, ru]`")])
    if codes[0] != SOURCE_LANGUAGE:
        raise fail([Problem(shown, line, f"the first language is {codes[0]!r}, but the lessons are written in "
                             f"{SOURCE_LANGUAGE!r}: the first language is the one at the site's root, built from them",
                             f"list {SOURCE_LANGUAGE} first: `languages: [{', '.join(_source_first(codes))}]`")])
    twice = sorted({code for code in codes if codes.count(code) > 1})
    if twice:
        raise fail([Problem(shown, line, f"a language is listed twice: {', '.join(twice)}",
                             "list each language once: `languages: [en, fil, ru]`")])
    return codes


def _source_first(codes: list[str]) -> list[str]:
    return [SOURCE_LANGUAGE] + [code for code in dict.fromkeys(codes) if code != SOURCE_LANGUAGE]


def abbreviations_problems(config: MkDocsConfig, name: str | None, config_file: Path, shown: str) -> list[Problem]:
    """The configured abbreviations file exists: without it, no abbreviation is explained anywhere, silently."""
    docs = Path(config.docs_dir)
    if not name or (docs / name).is_file():
        return []
    return [Problem(shown, line_of(config_file, "abbreviations"),
                    f"abbreviations: {display_path(docs / name, config_file.parent)} does not exist",
                    f"give the file's path relative to {display_path(docs, config_file.parent)}/ "
                    "(e.g. `abbreviations: includes/abbreviations.md`), or remove the option")]


def settle_engine_options(config: MkDocsConfig, config_file: Path, shown: str) -> None:
    """What the academy needs from MkDocs and Material, set or refused here, once."""
    # Translations keep heading anchors and quiz ids through attr_list: it is required, so it is on.
    names = [e if isinstance(e, str) else type(e).__module__ for e in config.markdown_extensions]
    if "attr_list" not in names and "markdown.extensions.attr_list" not in names:
        config.markdown_extensions.append("attr_list")
    # Every page in a course and every link landing: the engine checks, the report refuses.
    validation = config.validation
    validation.nav.omitted_files = max(validation.nav.omitted_files, logging.WARNING)
    validation.links.not_found = max(validation.links.not_found, logging.WARNING)
    validation.links.anchors = max(validation.links.anchors, logging.WARNING)
    validation.nav.not_found = max(validation.nav.not_found, logging.WARNING)
    # A folder link, or an absolute one, is left as it is: broken, or English from every language.
    validation.links.unrecognized_links = max(validation.links.unrecognized_links, logging.WARNING)
    if validation.links.absolute_links >= 0:  # not `relative_to_docs`, where the engine checks them itself
        validation.links.absolute_links = max(validation.links.absolute_links, logging.WARNING)


def check_overrides(folder: Path, root: Path) -> None:
    """A custom main.html that extends Material's base.html would drop the quizzes' script,
    the language links and the notices: it must extend ours (academy.html)."""
    main = folder / "main.html"
    if main.is_file() and "academy.html" not in main.read_text(encoding="utf-8", errors="replace"):
        raise fail([Problem(display_path(main, root), line_containing(main, "extends"),
                             "this main.html does not extend the academy's page, so quizzes, language links "
                             "and translation notices would be lost",
                             'write `{% extends "academy.html" %}` instead of `{% extends "base.html" %}`; '
                             "every block of Material's base.html works as before")])


def refuse_second_instance(config: MkDocsConfig, config_file: Path, shown: str) -> None:
    """The academy listed twice under `plugins:` would register its blocks twice and stop with a traceback."""
    names = [name for name in config.plugins if name == "academy" or name.startswith("academy #")]
    if len(names) > 1:
        raise fail([Problem(shown, line_of(config_file, "academy"), "the academy plugin is listed twice under `plugins:`",
                            "list `- academy:` once, with all its options")])
