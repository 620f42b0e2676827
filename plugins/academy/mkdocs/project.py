"""The project as the engine reads it: `mkdocs.yml` through the engine's own loader.

The `academy` command uses this, so `!ENV` and `!!python/name:` tags work as
they do in a build, the plugin's defaults have one home (`config.py`), and a
configuration mistake is a problem with its line in `mkdocs.yml`.
"""

from __future__ import annotations

import logging
import re
import sys
import tempfile
from pathlib import Path

import yaml

try:
    import mkdocs  # noqa: F401
except ImportError:  # ProperDocs alone: it answers to the name `mkdocs`
    import properdocs.replacement  # type: ignore[import-not-found]  # noqa: F401

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from ..errors import AcademyError, Problem, Report, display_path
from ..i18n import Sources, site_texts
from ..yaml_words import explain
from .config import AcademyConfig
from .config_file import duplicate_keys, line_of
from .plugin import AcademyPlugin

HINTS = {
    "Unrecognised configuration name": "check its spelling against the documentation of the plugin or option",
    "Expected type": "give the value the type the option expects",
    "was specified multiple times": "list `- academy:` once under `plugins:`, with all its options",
    "isn't an existing directory": "give the folder relative to mkdocs.yml, as it is spelt on disk (e.g. `docs_dir: content`)",
}


def _unreadable(config_file: Path, shown: str, error: Exception) -> Problem:
    """Why mkdocs.yml could not be read: a YAML mistake at its line, in the words used for every YAML file."""
    if isinstance(error, MkDocsException):
        try:
            text = config_file.read_text(encoding="utf-8").removeprefix("\ufeff")
            yaml.compose(text, Loader=yaml.SafeLoader)  # syntax only (MkDocs has tags of its own); positions in characters
        except yaml.YAMLError as mistake:
            line, problem, hint = explain(mistake, text)
            return Problem(shown, line, f"mkdocs.yml is not valid YAML: {problem}", hint)
        except UnicodeDecodeError as mistake:  # a byte of another encoding: named at its line, not as YAML's reader says it
            raw = config_file.read_bytes()
            return Problem(shown, raw[:mistake.start].count(b"\n") + 1, "mkdocs.yml is not UTF-8 text",
                           "save it as UTF-8 in your editor")
        except OSError:
            pass
    return Problem(shown, 1, f"mkdocs.yml cannot be read: {error}", "it must be a YAML mapping such as `site_name: ...`")


def load(config_file: Path, **options) -> MkDocsConfig:
    """The validated configuration, or a ContentError listing every mistake with its line."""
    shown = display_path(config_file, config_file.parent)
    config = MkDocsConfig(config_file_path=str(config_file))
    try:
        with config_file.open("rb") as handle:
            config.load_file(handle)
    except (OSError, MkDocsException) as error:
        raise AcademyError(_unreadable(config_file, shown, error)) from None
    duplicates = duplicate_keys(config_file, shown)
    if duplicates:
        raise AcademyError(duplicates)
    config.load_dict(options)
    errors, warnings = config.validate()
    # paths as the editor wrote them, relative to mkdocs.yml
    here = str(config_file.parent) + "/"
    errors = [(name, str(message).replace(here, "")) for name, message in errors]
    warnings = [(name, str(message).replace(here, "")) for name, message in warnings]
    problems = [_problem(config_file, shown, name, str(message)) for name, message in errors]
    for name, message in warnings:
        problem = _problem(config_file, shown, name, str(message))
        # A misspelt academy option would silently build something else (English only, say).
        if config.strict or "'academy'" in str(message):
            problems.append(problem)
        else:
            print(problem, file=sys.stderr)
    if problems:
        raise AcademyError(problems)
    return config


def _problem(config_file: Path, shown: str, name: str, message: str) -> Problem:
    option = re.search(r"option '([^']+)'", message) or re.search(r"configuration name: (\S+)", message)
    line = line_of(config_file, option.group(1) if option else name)
    hint = next((text for key, text in HINTS.items() if key in message), "see the option in the documentation")
    if "'academy'" in message and "Unrecognised" in message:
        hint = "the academy's options are: " + ", ".join(name for name, _ in AcademyConfig._schema)  # noqa: SLF001
    return Problem(shown, line, f"{name}: {message}", hint)


def plugin_of(config: MkDocsConfig) -> AcademyPlugin:
    plugin = config.plugins.get("academy")
    if not isinstance(plugin, AcademyPlugin):
        raise AcademyError(Problem(display_path(config.config_file_path or "mkdocs.yml"), 1,
                                   "the academy plugin is not enabled",
                                   "add `- academy:` with `languages: [en, fil, ru]` under `plugins:`"))
    return plugin


def sources(config_file: Path) -> Sources:
    """What `academy i18n` works on: the content, quizzes and catalogs of the project."""
    config = load(config_file)
    plugin = plugin_of(config)
    root = config_file.resolve().parent
    return Sources(root=root, content=Path(config.docs_dir), quizzes=root / plugin.config.quizzes_dir,
                   locales=root / plugin.config.locales_dir, languages=tuple(plugin.config.languages),
                   site_texts=site_texts(config.site_name, config.site_description, plugin.config.provider))


def check(config_file: Path) -> Report:
    """Everything a strict build would refuse or warn about, in every language; nothing is published."""
    with tempfile.TemporaryDirectory(prefix="academy-check-") as out:
        config = load(config_file, strict=True, site_dir=str(Path(out) / "site"))
        plugin = plugin_of(config)
        engine_log = logging.getLogger("mkdocs")
        quiet = logging.NullHandler()  # problems are printed from the report, not from the log
        engine_log.addHandler(quiet)
        try:
            config.plugins.on_startup(command="build", dirty=False)
            failure = None
            try:
                build(config)
            except (MkDocsException, SystemExit) as error:
                failure = error  # the report says why
            finally:
                config.plugins.on_shutdown()
        finally:
            engine_log.removeHandler(quiet)
        report = plugin.outcome()
        refused = _refused_problems(failure)
        if refused and not report.errors:
            report.add(refused)  # refused before any page was read (the site's languages, say)
        if failure is not None and not report.errors and not report.warnings:
            report.error(Problem(display_path(config_file, config_file.parent), 1, f"the build failed: {failure}",
                                 "run `mkdocs build` to see the engine's own messages"))
        return report


def _refused_problems(failure: BaseException | None) -> list[Problem]:
    """The problems a refused build carried, under whatever the engine wrapped them in."""
    seen = set()
    while failure is not None and id(failure) not in seen:
        seen.add(id(failure))
        if getattr(failure, "problems", None):
            return list(failure.problems)
        failure = failure.__cause__ or failure.__context__
    return []
