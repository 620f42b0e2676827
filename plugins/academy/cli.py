"""The `academy` command: catalog upkeep and checks for editors and translators.

    academy i18n update              extract every source, update every catalog
    academy i18n status [--fail-under N]
    academy check                    validate everything, publish nothing
    academy package [-o DIR]         SCORM 1.2 and cmi5 zips per course and language
    academy results --lrs URL        a results table from a Learning Record Store
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .errors import AcademyError, ContentError, Problem, Report, display_path
from .gnu_gettext import GettextMissing
from .i18n import Sources, coverage, handwritten_pages, update


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="academy", description=__doc__.split("\n")[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    commands = parser.add_subparsers(dest="command", required=True)
    i18n = commands.add_parser("i18n", help="translation catalogs")
    i18n_commands = i18n.add_subparsers(dest="action", required=True)
    update_parser = i18n_commands.add_parser("update", help="extract the English and update every catalog")
    update_parser.add_argument("sources", nargs="*", help="only these source files (default: all)")
    status = i18n_commands.add_parser("status", help="translated, fuzzy and untranslated messages per language")
    status.add_argument("--fail-under", type=float, default=None, metavar="PERCENT")
    commands.add_parser("check", help="validate content, quizzes and catalogs without publishing")
    package = commands.add_parser("package", help="SCORM 1.2 and cmi5 packages of every course in every language")
    package.add_argument("-o", "--output", type=Path, default=None, metavar="DIR",
                         help="where the zips go (default: site-packages/ beside mkdocs.yml)")
    results = commands.add_parser("results", help="best score, pass and attempts per trainee and quiz, from an LRS")
    results.add_argument("--lrs", required=True, metavar="URL", help="the LRS's xAPI endpoint, e.g. https://lrs.example.org/xAPI/")
    results.add_argument("--user", default=os.environ.get("ACADEMY_LRS_USER"), help="LRS user (or ACADEMY_LRS_USER)")
    results.add_argument("--password", default=os.environ.get("ACADEMY_LRS_PASSWORD"),
                         help="LRS password (better: ACADEMY_LRS_PASSWORD, kept out of the shell history)")
    results.add_argument("-o", "--output", type=Path, default=Path("results"), metavar="DIR",
                         help="where results.csv and results.html go (default: results/)")
    args = parser.parse_args(argv)

    if not args.config_file.exists():
        print(f"{args.config_file}: no such file; run academy from the folder that holds mkdocs.yml", file=sys.stderr)
        return 2
    # The engine's loader reads mkdocs.yml (tags included); imported here, so that
    # the rest of the academy does not depend on the engine.
    from .mkdocs import project

    try:
        if args.command == "package":
            return _package(args.config_file, args.output)
        if args.command == "results":
            return _results(args)
        if args.command == "check":
            return _check(project.check(args.config_file.resolve()))
        return _run(args, project.sources(args.config_file.resolve()))
    except (AcademyError, GettextMissing) as error:
        for problem in getattr(error, "problems", None) or [error.problem]:
            print(problem, file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, sources: Sources) -> int:
    if args.action == "update":
        _check_sources(sources, args.sources)
        result = update(sources, args.sources or None)
        for path in result.changed:
            print(f"updated {path}")
        for note in result.notes:
            print(note, file=sys.stderr)
        print(f"{len(result.changed)} file(s) changed")
        return 0
    return _status(sources, args.fail_under)


def _check_sources(sources: Sources, given: list[str]) -> None:
    """Every source file named on the command line is an English source of this project."""
    problems = []
    for name in given:
        if name == "ui":
            continue
        path = Path(name).resolve()
        if not any(path.is_relative_to(folder.resolve()) for folder in (sources.content, sources.quizzes)):
            problems.append(Problem(name, 0, "this is not an English source of the academy",
                                    f"name a file under {sources.content.name}/ or {sources.quizzes.name}/, or `ui`"))
        elif not path.is_file():
            problems.append(Problem(name, 0, "no such file", "check the path; run `academy i18n update` alone to update every catalog"))
    if problems:
        raise ContentError(problems)


def _package(config_file: Path, output: Path | None) -> int:
    from .packages.build import PackageError, package_all
    from .packages.project import read_project

    project = read_project(config_file)
    try:
        built = package_all(project, output or project.root / "site-packages")
    except PackageError as error:
        print(error.message, file=sys.stderr)
        return 1
    for package in built:
        print(f"{display_path(package.path)}  {package.size:>9,} bytes")
    print(f"{len(built)} package(s) written")
    return 0


def _status(sources: Sources, fail_under: float | None) -> int:
    rows = coverage(sources)
    print(f"{'language':8} {'catalog':52} {'translated':>10} {'fuzzy':>6} {'missing':>8} {'done':>7}")
    totals: dict[str, list[int]] = {}
    for row in rows:
        print(f"{row.lang:8} {row.domain:52} {row.translated:>10} {row.fuzzy:>6} {row.untranslated:>8} {row.percent:>6.1f}%")
        total = totals.setdefault(row.lang, [0, 0])
        total[0] += row.translated
        total[1] += row.total
    status = 0
    for lang, (done, total) in totals.items():
        percent = 100.0 * done / total if total else 100.0
        print(f"{lang}: {done}/{total} messages translated ({percent:.1f}%)")
        if fail_under is not None and percent < fail_under:
            print(f"{lang}: below {fail_under:g}%", file=sys.stderr)
            status = 1
    pages = handwritten_pages(sources)
    if pages:
        print("hand-written pages:")
    for page in pages:
        state = "current" if page.current else f"may be out of date: set `translation_of: {page.revision}` once it matches"
        print(f"  {page.path} (translates {page.source}): {state}")
    return status


def _check(report: Report) -> int:
    for problem in report.errors:
        print(f"{problem}", file=sys.stderr)
    for problem in report.warnings:
        print(f"{problem}", file=sys.stderr)
    if report.errors or report.warnings:
        print(f"{len(report.errors)} error(s), {len(report.warnings)} warning(s): the build would refuse this "
              "(warnings too, with --strict)", file=sys.stderr)
        return 1
    print("no problems found")
    return 0


def _results(args: argparse.Namespace) -> int:
    from . import results
    from .packages.project import read_project
    from .quiz.load import load_quizzes

    project = read_project(args.config_file)
    quizzes = load_quizzes(project.quizzes, project.root)
    try:
        found = results.attempts(results.LRS(args.lrs, args.user, args.password), project.site_url, quizzes)
    except results.LRSError as error:
        print(error, file=sys.stderr)
        return 1
    rows = results.table(found, quizzes)
    csv_path, html_path = results.write_report(rows, args.output, "Quiz results")
    print(f"{len(found)} attempt(s), {len(rows)} row(s): {display_path(csv_path)}, {display_path(html_path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
