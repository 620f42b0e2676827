"""The other languages' builds: one child process each, on the same engine, in parallel.

A child is the same command (`mkdocs build`, or `properdocs build` when the
academy runs on ProperDocs) with every option that changes the output, and
``ACADEMY_LANG`` set. It reports its problems as a JSON ``Report`` in a file,
never as log text; its log is read only when it dies without a report. A child
dies with the build that started it (Linux's parent-death signal), so an
interrupted build leaves no orphans behind.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .. import memo
from ..errors import Problem, Report, display_path
from ..languages import KNOWN_LANGUAGES

CHILD = "ACADEMY_CHILD"
LANG = "ACADEMY_LANG"
REPORT = "ACADEMY_REPORT"
HANDOVER = "ACADEMY_HANDOVER"  # what the parent already read (the quizzes), for its children to reuse
COMPLETE = "ACADEMY_COMPLETE"  # where a child writes which pages are fully translated in its language
PR_SET_PDEATHSIG = 1


def engine() -> str:
    """The engine this process runs on: ProperDocs makes `mkdocs` an alias of itself."""
    module = sys.modules.get("mkdocs")
    return getattr(module, "__name__", "mkdocs") or "mkdocs"


@dataclass(frozen=True)
class BuildOptions:
    """Everything given to the parent build that changes what a language build writes."""

    config_file: Path
    strict: bool
    use_directory_urls: bool
    theme: str | None  # given on the command line with -t, else None: `-t` replaces the whole theme config
    dirty: bool

    def arguments(self, out: Path) -> list[str]:
        args = ["build", "-q", "-f", str(self.config_file), "-d", str(out),
                "--use-directory-urls" if self.use_directory_urls else "--no-directory-urls"]
        if self.theme:
            args += ["-t", self.theme]
        if self.strict:
            args.append("--strict")
        if self.dirty:
            args.append("--dirty")
        return args


@dataclass
class LanguageBuild:
    code: str
    process: subprocess.Popen
    out: Path
    report_file: Path
    log_file: Path

    @property
    def complete_file(self) -> Path:
        return complete_file(self.out)


def complete_file(out: Path) -> Path:
    """Where a language's build writes which pages it found fully translated (beside its output)."""
    return out.with_name(out.name + ".complete.json")


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except OSError:
        pass


class LanguageBuilds:
    def __init__(self, root: Path, site: Path):
        self.root = root
        # Beside the site, so that a language's output moves into it by a rename.
        self.site = site
        self.builds: dict[str, LanguageBuild] = {}
        self._complete: dict[str, dict[str, bool] | None] = {}

    def start(self, codes: list[str], options: BuildOptions) -> None:
        self._complete = {}
        self._remove_leftovers(codes)
        self.site.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{self.site.name}.handover-", dir=self.site.parent)
        os.close(handle)
        self.handover = Path(name)
        memo.export(["quiz"], self.handover)
        for code in codes:
            self.site.parent.mkdir(parents=True, exist_ok=True)
            out = Path(tempfile.mkdtemp(prefix=f".{self.site.name}.{code}-", dir=self.site.parent))
            report_file = out.with_name(out.name + ".report.json")
            log_file = out.with_name(out.name + ".log")
            env = dict(os.environ, **{CHILD: "1", LANG: code, REPORT: str(report_file), HANDOVER: name,
                                      COMPLETE: str(complete_file(out)),
                                      "NO_MKDOCS_2_WARNING": "1"})
            with log_file.open("w") as handle:
                process = subprocess.Popen([sys.executable, "-m", engine(), *options.arguments(out)],
                                           stdout=handle, stderr=subprocess.STDOUT, env=env, cwd=self.root,
                                           preexec_fn=_die_with_parent if sys.platform == "linux" else None)
            self.builds[code] = LanguageBuild(code, process, out, report_file, log_file)

    def complete_pages(self, code: str) -> dict[str, bool] | None:
        """Which pages the language's own build found fully translated, once it has written them
        (early in its build); None if it ended without writing them (this build then works it out)."""
        if code in self._complete:
            return self._complete[code]
        build = self.builds.get(code)
        found = None
        if build is not None:
            path = build.complete_file
            while True:
                ended = build.process.poll() is not None
                try:
                    found = {str(k): bool(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
                    break
                except (OSError, ValueError, AttributeError):
                    if ended:
                        break
                time.sleep(0.02)
        self._complete[code] = found
        return found

    def wait(self, config_file: Path) -> tuple[Report, list[str]]:
        """Every child's report merged, and the codes of the languages that built."""
        merged = Report()
        built = []
        for build in self.builds.values():
            build.process.wait()
        self._drop_handover()
        for code, build in self.builds.items():
            report = self._report_of(build, config_file)
            merged.merge(report)
            if build.process.returncode == 0:
                built.append(code)
            elif not report.errors and not report.warnings:
                merged.error(Problem(display_path(config_file, self.root), 1,
                                     f"the {KNOWN_LANGUAGES[code].name} ({code}) build failed",
                                     f"run `ACADEMY_LANG={code} {engine()} build` to see it alone"))
        return merged, built

    def _report_of(self, build: LanguageBuild, config_file: Path) -> Report:
        try:
            return Report.from_json(build.report_file.read_text(encoding="utf-8"))
        except (OSError, ValueError, TypeError):
            tail = build.log_file.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-15:]
            report = Report()
            if build.process.returncode != 0:
                report.error(Problem(display_path(config_file, self.root), 1,
                                     f"the {KNOWN_LANGUAGES[build.code].name} ({build.code}) build stopped "
                                     "without a report:\n" + "\n".join(tail),
                                     f"run `ACADEMY_LANG={build.code} {engine()} build` to see it alone"))
            return report

    def _remove_leftovers(self, codes: list[str]) -> None:
        """What an interrupted build left beside the site (its language outputs, reports and logs)."""
        import shutil

        for code in codes:
            for leftover in [*self.site.parent.glob(f".{self.site.name}.{code}-*"),
                             *self.site.parent.glob(f".{self.site.name}.handover-*")]:
                if leftover.is_dir() and not leftover.is_symlink():
                    shutil.rmtree(leftover, ignore_errors=True)
                else:
                    leftover.unlink(missing_ok=True)

    def _drop_handover(self) -> None:
        handover = getattr(self, "handover", None)
        if handover is not None:
            handover.unlink(missing_ok=True)
            self.handover = None

    def outputs(self) -> dict[str, Path]:
        return {code: build.out for code, build in self.builds.items()}

    def discard(self) -> None:
        """Stop every child still running and remove what they wrote."""
        import shutil

        self._drop_handover()
        for build in self.builds.values():
            if build.process.poll() is None:
                build.process.kill()
                build.process.wait()
            shutil.rmtree(build.out, ignore_errors=True)
            for path in (build.report_file, build.log_file, build.complete_file):
                path.unlink(missing_ok=True)
        self.builds = {}

    def forget(self) -> None:
        """The outputs were moved into the site: only the reports and logs are left to remove."""
        for build in self.builds.values():
            for path in (build.report_file, build.log_file, build.complete_file):
                path.unlink(missing_ok=True)
        self.builds = {}


class LanguageWorkers:
    """Under `mkdocs serve --dirty`: one long-lived build process per other language (see worker.py).

    Each builds into its folder of the served site, where its last output stays,
    so nothing is moved after a build.
    """

    def __init__(self, root: Path):
        self.root = root
        self.workers: dict[str, subprocess.Popen] = {}
        self.logs: dict[str, Path] = {}
        self.pending: dict[str, Path] = {}  # code -> report file of the build asked for

    def start(self, codes: list[str], options: BuildOptions, site: Path) -> None:
        for code in codes:
            worker = self.workers.get(code)
            if worker is None or worker.poll() is not None:
                worker = self._spawn(code, site)
            handle, name = tempfile.mkstemp(prefix=f".academy-{code}-", suffix=".report.json")
            os.close(handle)
            request = {"config_file": str(options.config_file), "out": str(site / code), "report": name,
                       "strict": options.strict, "use_directory_urls": options.use_directory_urls,
                       "theme": options.theme}
            assert worker.stdin is not None
            worker.stdin.write(json.dumps(request) + "\n")
            worker.stdin.flush()
            self.pending[code] = Path(name)

    def quick_start(self, paths: set[str]) -> bool:
        """Ask every language for a quick rebuild of these saves (see `quick.py`); False if one cannot be asked."""
        if not self.workers or any(w.poll() is not None for w in self.workers.values()) or self.pending:
            return False
        for worker in self.workers.values():
            assert worker.stdin is not None
            worker.stdin.write(json.dumps({"quick": sorted(paths)}) + "\n")
            worker.stdin.flush()
        return True

    def quick_wait(self) -> bool:
        """Whether every language rendered the saves; if one did not, the whole build follows."""
        done = True
        for worker in self.workers.values():
            assert worker.stdout is not None
            answer = worker.stdout.readline()
            done = done and bool(answer) and json.loads(answer).get("ok") is True
        return done

    def _spawn(self, code: str, site: Path) -> subprocess.Popen:
        handle, name = tempfile.mkstemp(prefix=f".academy-{code}-", suffix=".log")
        log = os.fdopen(handle, "w")
        env = dict(os.environ, **{CHILD: "1", LANG: code, "NO_MKDOCS_2_WARNING": "1"})
        worker = subprocess.Popen([sys.executable, "-m", "academy.mkdocs.worker", engine()], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=log, env=env, cwd=self.root, text=True,
                                  preexec_fn=_die_with_parent if sys.platform == "linux" else None)
        log.close()
        self.workers[code] = worker
        self.logs[code] = Path(name)
        return worker

    def wait(self, config_file: Path) -> tuple[Report, list[str]]:
        merged = Report()
        built = []
        for code, report_file in self.pending.items():
            worker = self.workers[code]
            assert worker.stdout is not None
            answer = worker.stdout.readline()
            try:
                report = Report.from_json(report_file.read_text(encoding="utf-8"))
            except (OSError, ValueError, TypeError):
                report = Report()
            report_file.unlink(missing_ok=True)
            merged.merge(report)
            ok = bool(answer) and json.loads(answer).get("ok")
            if ok:
                built.append(code)
            elif not report.errors and not report.warnings:
                tail = self.logs[code].read_text(encoding="utf-8", errors="replace").strip().splitlines()[-15:]
                merged.error(Problem(display_path(config_file, self.root), 1,
                                     f"the {KNOWN_LANGUAGES[code].name} ({code}) build stopped without a report:\n"
                                     + "\n".join(tail),
                                     f"run `ACADEMY_LANG={code} {engine()} build` to see it alone"))
        self.pending = {}
        return merged, built

    def outputs(self) -> dict[str, Path]:
        return {}  # already in place

    def forget(self) -> None:
        pass

    def discard(self) -> None:
        """The server's build failed: let the languages finish theirs (they stay alive)."""
        for code in list(self.pending):
            worker = self.workers[code]
            if worker.stdout is not None and worker.poll() is None:
                worker.stdout.readline()
            self.pending[code].unlink(missing_ok=True)
        self.pending = {}

    def close(self) -> None:
        for code, worker in self.workers.items():
            if worker.poll() is None:
                worker.kill()
                worker.wait()
            self.logs[code].unlink(missing_ok=True)
        self.workers = {}


def write_report(report: Report) -> None:
    """In a language build: hand the report to the build that started it."""
    path = os.environ.get(REPORT)
    if path:
        Path(path).write_text(report.to_json(), encoding="utf-8")
