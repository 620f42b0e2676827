"""`academy package`: one SCORM 1.2 and one cmi5 zip per course and language, from a fresh build.

The site is built into a temporary folder with the project's own `mkdocs build`;
each course's pages, the assets they use and the LMS runtime go into the zips.
Nothing is written to the output folder unless every package was made.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import ContentError, Problem, display_path, source_lines
from ..languages import KNOWN_LANGUAGES
from ..site import Academy
from . import activities, manifests, pages
from .model import PackagedCourse, PackagedLesson, PackagedQuestion, PackagedQuiz
from .project import CourseOutline, Project

STANDARDS = ("scorm12", "cmi5")
RUNTIME_NAME = "assets/academy/lms.js"
RUNTIME = Path(__file__).resolve().parent.parent / "theme" / RUNTIME_NAME
# Material's search (we use Pagefind, which a package leaves out) and source maps are not needed in an LMS.
LEFT_OUT = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
# Zip entries get a fixed date so that the same sources give the same bytes.
ZIP_DATE = (2026, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class BuiltPackage:
    path: Path
    course: str
    lang: str
    standard: str
    size: int


class PackageError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def package_all(project: Project, out: Path) -> list[BuiltPackage]:
    courses, strings = {}, {}
    for code in project.languages:  # bad content stops here, before anything is built
        courses[code], strings[code] = _courses(project, code)
    with tempfile.TemporaryDirectory(prefix="academy-package-") as work:
        site = Path(work) / "site"
        _build_site(project, site)
        staging = Path(work) / "packages"
        staging.mkdir()
        built = []
        for code, course_list in courses.items():
            root = site if code == project.languages[0] else site / code
            prefix = "" if code == project.languages[0] else f"{code}/"
            for course in course_list:
                for standard in STANDARDS:
                    name = f"{course.slug}-{code}-{standard}.zip"
                    _write_zip(staging / name, project, root, prefix, course, standard, strings[code])
                    built.append(BuiltPackage(out / name, course.slug, code, standard, (staging / name).stat().st_size))
        out.mkdir(parents=True, exist_ok=True)
        for package in built:
            shutil.move(str(staging / package.path.name), package.path)
    return built


def _courses(project: Project, code: str) -> tuple[list[PackagedCourse], dict[str, str]]:
    academy = Academy(root=project.root, content=project.content, locales=project.locales, quizzes=project.quizzes,
                      language=KNOWN_LANGUAGES[code], abbreviations=project.abbreviations)
    problems: list[Problem] = []
    result = [_course(project, academy, outline, problems) for outline in project.courses]
    problems.extend(academy.report.errors)
    if problems:
        raise ContentError(problems)
    return result, academy.ui.lms_strings()


def _course(project: Project, academy: Academy, outline: CourseOutline, problems: list[Problem]) -> PackagedCourse:
    code = academy.language.code
    index = academy.info(outline.index)
    lessons = []
    for src in outline.lessons:
        info = academy.info(src)
        quiz = None
        if info.quiz is not None:
            found = academy.quizzes.get(info.quiz)
            if found is None:
                shown = display_path(project.content / src, project.root)
                problems.append(Problem(shown, _line_of(project.content / src, info.quiz), f"no quiz {info.quiz!r} in quizzes/",
                                        f"create quizzes/{info.quiz}.yml or fix the id"))
                continue
            tr = academy.translator_for(project.root / found.path)
            quiz = PackagedQuiz(found.id, activities.quiz_id(project.site_url, found.id), tr(found.title), found.pass_mark, tuple(
                PackagedQuestion(q.id, activities.question_id(project.site_url, found.id, q.id), activities.INTERACTION_TYPES[q.type])
                for q in found.questions))
        lessons.append(PackagedLesson(
            src=src, slug=PurePosixPath(src).with_suffix("").as_posix().replace("/", "--"),
            activity=activities.lesson_id(project.site_url, src), title=info.title, description=info.description,
            launch=project.page_path(src), quiz=quiz))
    return PackagedCourse(outline.slug, code, KNOWN_LANGUAGES[code].html_lang,
                          activities.course_id(project.site_url, outline.slug), index.title, index.description,
                          project.page_path(outline.index), tuple(lessons))


def _line_of(path: Path, quiz: str) -> int:
    for number, line in enumerate(source_lines(path.read_text(encoding="utf-8")), start=1):
        if quiz in line and line.lstrip().startswith("///"):
            return number
    return 1


def _build_site(project: Project, site: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("ACADEMY_LANG", None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project.config_file), "-d", str(site)],
                            env=env, capture_output=True, text=True, check=False, cwd=project.root)
    if result.returncode != 0:
        lines = [line.replace("ERROR    -  ", "") for line in (result.stdout + result.stderr).splitlines()
                 if line.strip() and "Aborted with" not in line]
        raise PackageError("\n".join(lines) or "the site could not be built")


def _files(root: Path, course: PackagedCourse) -> list[str]:
    folder = PurePosixPath(course.index).parent.as_posix()
    names = []
    for base in (folder, "assets"):
        for path in sorted((root / base).rglob("*")):
            name = path.relative_to(root).as_posix()
            if path.is_file() and not name.endswith(".map") and not name.startswith(LEFT_OUT) and name != RUNTIME_NAME:
                names.append(name)
    return names


def _settings(course: PackagedCourse, lesson: PackagedLesson | None, standard: str, strings: dict[str, str]) -> dict:
    settings: dict = {"standard": standard, "lang": course.xml_lang, "strings": strings, "course": course.activity}
    if lesson is not None:
        settings["activity"] = lesson.activity
        settings["title"] = lesson.title
        if lesson.quiz is not None:
            quiz = lesson.quiz
            settings["quiz"] = {"id": quiz.id, "activity": quiz.activity, "title": quiz.title, "passMark": quiz.pass_mark,
                                "questions": {q.id: {"activity": q.activity, "interaction": q.interaction} for q in quiz.questions}}
    return settings


def _write_zip(target: Path, project: Project, root: Path, prefix: str, course: PackagedCourse, standard: str,
               strings: dict[str, str]) -> None:
    names = _files(root, course)
    if not (root / course.index).exists():
        raise PackageError(f"{course.index}: the course page was not built")
    shipped = set(names) | {RUNTIME_NAME}
    lessons = {lesson.launch: lesson for lesson in course.lessons}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        def add(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)

        if standard == "scorm12":
            add("imsmanifest.xml", manifests.scorm12_manifest(course, sorted(shipped)))
        else:
            add("cmi5.xml", manifests.cmi5_course_structure(course))
        for name in names:
            data = (root / name).read_bytes()
            if name.endswith(".html"):
                try:
                    data = pages.prepare(data.decode("utf-8"), name, shipped, project.site_url, prefix,
                                         _settings(course, lessons.get(name), standard, strings)).encode("utf-8")
                except pages.PageNotPackageable:
                    raise PackageError(f"{prefix}{name}: the page does not load assets/academy/academy.js; "
                                       "it cannot report to an LMS") from None
            add(name, data)
        add(RUNTIME_NAME, RUNTIME.read_bytes())
