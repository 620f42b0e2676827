"""The seam between the academy and its engine: language builds, reports as data, one URL scheme."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import html5lib
import polib
import pytest

import sitekit
from academy.alternates import hreflang_links, sitemap_index
from academy.errors import Problem, Report
from academy.languages import KNOWN_LANGUAGES
from academy.mkdocs.builds import LanguageBuild, LanguageBuilds, complete_file
from academy.site import Academy
from academy.urls import UrlScheme, relative_url

SCHEME = UrlScheme("https://academy.example.org/", ("en", "fil", "ru"))


# -- in-process: the report, the URL scheme, the hreflang policy ------------------

def test_a_report_crosses_processes_as_data_and_says_each_problem_once():
    report = Report(strict=False)
    problem = Problem("locales/fil/LC_MESSAGES/ui.po", 12, "translation refused", "keep the {placeholders}")
    report.warn(problem)
    report.warn(problem)
    report.error(Problem("content/a.md", 3, "no quiz 'x' in quizzes/", "create quizzes/x.yml"))
    again = Report.from_json(report.to_json())
    assert again == report
    assert again.warnings == [problem] and not again.strict
    assert again.failed  # an error stops the build
    only_warnings = Report(strict=True, warnings=[problem])
    assert only_warnings.failed and only_warnings.blocking() == [problem]
    assert not Report(strict=False, warnings=[problem]).failed


def test_a_warning_already_reported_as_an_error_is_not_repeated():
    report = Report()
    problem = Problem("content/a.md", 1, "x")
    report.error(problem)
    report.warn(problem)
    assert report.warnings == []


@pytest.mark.parametrize(("here", "target", "expected"), [
    ("/fil/journey/first-steps/", "/ru/journey/first-steps/", "../../../ru/journey/first-steps/"),
    ("/", "/fil/", "fil/"),
    ("/fil/", "/", "../"),
    ("/fil/journey/first-steps.html", "/ru/journey/first-steps.html", "../../ru/journey/first-steps.html"),
    ("/index.html", "/fil/index.html", "fil/index.html"),
    ("/fil/journey/first-steps/", "/fil/pagefind/pagefind.js", "../../pagefind/pagefind.js"),
])
def test_relative_urls_work_with_and_without_directory_urls(here, target, expected):
    assert relative_url(here, target) == expected


def test_every_language_lives_under_its_prefix_and_the_source_at_the_root():
    assert SCHEME.absolute("en", "journey/") == "https://academy.example.org/journey/"
    assert SCHEME.absolute("fil", "journey/") == "https://academy.example.org/fil/journey/"
    assert SCHEME.relative("ru", "journey/", "ru", "") == "../"


def test_hreflang_offers_only_languages_where_the_page_is_complete():
    links = hreflang_links(SCHEME, "fil", "journey/", False, lambda code: code != "ru")
    assert [(a.hreflang, a.url) for a in links] == [
        ("en", "https://academy.example.org/journey/"),
        ("tl", "https://academy.example.org/fil/journey/"),  # Google's ISO 639-1 code for Filipino
        ("x-default", "https://academy.example.org/journey/"),
    ]
    assert hreflang_links(SCHEME, "fil", "journey/", True, lambda code: True) == []


def test_the_sitemap_index_lists_only_the_languages_built():
    text = sitemap_index(SCHEME, ["fil"])
    assert re.findall(r"<loc>(.*?)</loc>", text) == ["https://academy.example.org/fil/sitemap.xml"]


def test_each_page_is_localized_once_per_language(project):
    content = project / "content"
    pages = [p.relative_to(content).as_posix() for p in content.rglob("*.md") if "includes" not in p.parts]
    for code in ("fil", "ru"):
        edition = Academy(project, content, project / "locales", project / "quizzes", KNOWN_LANGUAGES[code],
                          abbreviations="includes/abbreviations.md")
        for src in pages:  # what the hooks ask for: the outline, the page, its hreflang, the sitemap
            edition.info(src)
            edition.page_source(src)
            edition.begin_page(src, lambda target: target)
            edition.end_page()
            for other in ("en", "fil", "ru"):
                edition.is_translated(src, other)
        assert set(edition.localizations) == set(pages) | {"includes/abbreviations.md"}
        assert set(edition.localizations.values()) == {1}


# -- whole builds ----------------------------------------------------------------

def _parse(path: Path):
    return html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)


def test_no_directory_urls_reaches_every_language_and_the_switcher_still_lands(project):
    built = sitekit.build(project, "--no-directory-urls")
    page = built.site / "fil" / "journey" / "first-steps.html"
    assert page.exists(), "the Filipino build must use the same URL style as the English one"
    doc = _parse(page)
    links = doc.findall(".//a[@hreflang]") or doc.findall(".//a[@lang]")
    targets = {a.get("href") for a in links}
    assert targets, "the language switcher has links"
    for href in targets:
        assert (page.parent / href).resolve().is_file(), href


def test_a_single_language_build_lists_only_itself_in_the_sitemap_index(project):
    env = dict(os.environ, ACADEMY_LANG="ru", NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, env=env, check=True,
                   capture_output=True)
    text = (project / "site" / "sitemap-index.xml").read_text(encoding="utf-8")
    assert re.findall(r"<loc>(.*?)</loc>", text) == ["https://academy.test/ru/sitemap.xml"]


def test_a_broken_catalog_in_one_language_is_reported_once_with_its_line_and_no_log_noise(project):
    po = project / "locales" / "ru" / "LC_MESSAGES" / "content" / "journey" / "first-steps.po"
    lines = po.read_text(encoding="utf-8").splitlines(keepends=True)
    broken = next(i for i, line in enumerate(lines) if line.startswith("msgstr") and i > 10)
    lines[broken] = lines[broken] + 'msgstrr "oops"\n'
    po.write_text("".join(lines), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "academy.cli", "check"], cwd=project, capture_output=True,
                            text=True)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output and "ERROR" not in output and "WARNING" not in output
    assert output.count(f"locales/ru/LC_MESSAGES/content/journey/first-steps.po:{broken + 2}:") == 1, output


def test_academy_commands_read_mkdocs_yml_with_the_engines_tags(project):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"^site_url: .*$", 'site_url: !ENV [SITE_URL, "https://academy.example.org/"]', text, flags=re.M)
    text = text.replace("markdown_extensions:\n", "markdown_extensions:\n  - pymdownx.emoji:\n"
                        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
                        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n")
    assert "!!python/name" in text
    config.write_text(text, encoding="utf-8")
    for args in (("i18n", "status"), ("i18n", "update"), ("check",)):
        result = subprocess.run([sys.executable, "-m", "academy.cli", *args], cwd=project, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Traceback" not in result.stderr


def test_a_misspelt_academy_option_is_an_error_with_its_line_and_the_valid_names(project):
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if "languages:" in line)
    lines[number] = lines[number].replace("languages:", "langauges:")
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "academy.cli", "i18n", "status"], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert f"mkdocs.yml:{number + 1}:" in result.stderr
    assert "languages, locales_dir" in result.stderr


def test_properdocs_builds_the_same_site_as_mkdocs(project):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("ACADEMY_LANG", None)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "by-mkdocs"], cwd=project, env=env,
                   check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "properdocs", "build", "-q", "-f", "mkdocs.yml", "-d", "by-properdocs"],
                   cwd=project, env=env, check=True, capture_output=True)
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')
    # the offline cache is named by a hash of the built pages, generator tag included
    cache_version = re.compile(rb'var VERSION ?= ?"[^"]*";')
    first, second = project / "by-mkdocs", project / "by-properdocs"
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert any(str(name).startswith("fil/") for name in names)
    for name in names:
        a, b = (first / name).read_bytes(), (second / name).read_bytes()
        if name.suffix == ".html":
            assert b'content="mkdocs-ProperDocs' in b or b"generator" not in b, name  # every language ran on it
            a, b = generator.sub(b"", a), generator.sub(b"", b)
        if name.name == "sw.js":
            a, b = cache_version.sub(b"", a), cache_version.sub(b"", b)
        assert a == b, name


def _language_builds_of(parent_pid: int) -> list[int]:
    """The pids of running processes that are language builds started by this parent (by their environment)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            environ = (proc / "environ").read_bytes().split(b"\0")
            status = (proc / "status").read_text()
        except OSError:
            continue
        if b"ACADEMY_CHILD=1" in environ and f"PPid:\t{parent_pid}\n" in status and "State:\tZ" not in status:
            found.append(int(proc.name))
    return found


def test_language_builds_die_with_the_build_that_started_them(project):
    import signal
    import time

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("ACADEMY_LANG", None)
    parent = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: list[int] = []
    deadline = time.monotonic() + 120
    while not children and parent.poll() is None and time.monotonic() < deadline:
        children = _language_builds_of(parent.pid)
        time.sleep(0.05)
    assert children, "the language builds were seen running"
    for pid in children:  # stopped, a language build cannot finish on its own before we look
        os.kill(pid, signal.SIGSTOP)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 60
    alive = children
    while alive and time.monotonic() < deadline:
        alive = [pid for pid in children if Path(f"/proc/{pid}").exists()
                 and "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()]
        time.sleep(0.1)
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive, f"language builds still running after their parent was killed: {alive}"


def test_a_build_removes_what_an_interrupted_build_left_beside_the_site(project):
    leftovers = [project / ".site.fil-abc123", project / ".site.ru-def456"]
    for folder in leftovers:
        (folder / "journey").mkdir(parents=True)
        (folder / "journey" / "index.html").write_text("old", encoding="utf-8")
    (project / ".site.fil-abc123.log").write_text("old", encoding="utf-8")
    sitekit.build(project)
    assert sitekit.leftovers(project) == []


# -- which pages are complete: each language's own build says so --------------------

def _editions(project: Path) -> dict[str, Academy]:
    content = project / "content"
    return {code: Academy(project, content, project / "locales", project / "quizzes", KNOWN_LANGUAGES[code],
                          abbreviations="includes/abbreviations.md") for code in ("en", "fil", "ru")}


def test_a_language_build_finds_complete_exactly_the_pages_the_english_build_would(project):
    content = project / "content"
    po = project / "locales" / "ru" / "LC_MESSAGES" / "content" / "journey" / "first-steps.po"
    catalog = polib.pofile(str(po))
    next(e for e in catalog if e.msgid and e.msgstr).msgstr = ""  # one message left in English
    catalog.save()
    pages = sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md") if "includes" not in p.parts)
    editions = _editions(project)
    for code in ("fil", "ru"):
        assert editions[code].translated_here(pages) == {src: editions["en"].is_translated(src, code) for src in pages}
    russian = editions["ru"].translated_here(pages)
    assert russian["journey/first-steps.md"] is False, "a page with one message in English is not complete"
    assert russian["journey/index.md"] is True


@pytest.mark.parametrize("show_fuzzy", [False, True])
def test_a_language_builds_word_counted_while_localizing_equals_the_english_builds_count(project, show_fuzzy):
    """The word is taken from the count made when each page was localized: a fuzzy translation
    (shown or not), a refused one, and text no message holds must all count as the English build counts them."""
    content = project / "content"
    for code in ("fil", "ru"):
        po = project / "locales" / code / "LC_MESSAGES" / "content" / "journey" / "first-steps.po"
        catalog = polib.pofile(str(po))
        for entry in catalog:
            if entry.msgid and not entry.msgstr and not entry.msgid_plural:
                entry.msgstr = f"{code.upper()}: {entry.msgid}"  # the page complete but for what follows
        paragraph = next(e for e in catalog if e.msgid.startswith("Every customer meets"))
        if code == "fil":
            paragraph.flags.append("fuzzy")  # a translation the English has moved away from
        else:
            paragraph.msgstr = f"[{paragraph.msgstr}](https://example.org/)"  # refused: a link added
        catalog.save()
    index = content / "journey" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + '\n<div markdown="0">Text no message holds.</div>\n',
                     encoding="utf-8")
    pages = sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md") if "includes" not in p.parts)
    english = _editions(project)["en"]
    for code in ("fil", "ru"):
        edition = Academy(project, content, project / "locales", project / "quizzes", KNOWN_LANGUAGES[code],
                          abbreviations="includes/abbreviations.md", show_fuzzy=show_fuzzy)
        for src in pages:
            edition.localized(src)  # as the build's navigation does, before the word is written
        assert edition.translated_here(pages) == {src: english.is_translated(src, code) for src in pages}
        assert edition.translated_here(["journey/first-steps.md"]) == {"journey/first-steps.md": False}, code


def test_the_english_build_takes_each_language_builds_word_and_works_out_only_what_it_lacks(project):
    editions = _editions(project)
    asked = []

    def found(code: str) -> dict[str, bool] | None:
        asked.append(code)
        return {"journey/first-steps.md": False} if code == "fil" else None  # ru's build said nothing

    english = editions["en"]
    english.found_elsewhere = found
    assert english.is_translated("journey/first-steps.md", "fil") is False
    # not in fil's answer, and no answer from ru: worked out from the catalogs, as before
    fresh = _editions(project)["en"]
    for src, code in (("index.md", "fil"), ("journey/first-steps.md", "ru")):
        assert english.is_translated(src, code) == fresh.is_translated(src, code)
    assert set(asked) == {"fil", "ru"}


def test_a_catalog_is_read_only_for_a_page_whose_results_are_not_kept(project, monkeypatch):
    """Completeness and localized Markdown are looked up by the catalog's digest: an unchanged
    tree reads no page's catalog again, and an edited catalog is read and counted anew."""
    from academy.catalogs import Catalogs

    content = project / "content"
    pages = sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md") if "includes" not in p.parts)
    first = _editions(project)
    complete = {src: first["en"].is_translated(src, "ru") for src in pages}
    localized = {src: first["ru"].localized(src).source for src in pages}
    assert complete["journey/first-steps.md"] is True
    read: list[str] = []
    get = Catalogs.get
    monkeypatch.setattr(Catalogs, "get", lambda self, domain: read.append(f"{self.lang}:{domain}") or get(self, domain))
    again = _editions(project)
    read.clear()  # the interface catalog is read when an edition is made
    assert {src: again["en"].is_translated(src, "ru") for src in pages} == complete
    assert {src: again["ru"].localized(src).source for src in pages} == localized
    assert read == []
    po = project / "locales" / "ru" / "LC_MESSAGES" / "content" / "journey" / "first-steps.po"
    catalog = polib.pofile(str(po))
    entry = next(e for e in catalog if e.msgid and e.msgstr and not e.msgid_plural)
    entry.msgstr = ""  # one message left in English
    catalog.save()
    edited = _editions(project)
    read.clear()
    assert edited["en"].is_translated("journey/first-steps.md", "ru") is False
    assert entry.msgid in edited["ru"].localized("journey/first-steps.md").source
    assert set(read) == {"ru:content/journey/first-steps"}


def _waiting_for(tmp_path: Path, child_code: str) -> tuple[LanguageBuilds, LanguageBuild]:
    out = tmp_path / ".site.fil-x"
    out.mkdir()
    process = subprocess.Popen([sys.executable, "-c", child_code, str(complete_file(out))])
    builds = LanguageBuilds(tmp_path, tmp_path / "site")
    build = LanguageBuild("fil", process, out, tmp_path / "report.json", tmp_path / "log")
    builds.builds["fil"] = build
    return builds, build


def test_the_english_build_waits_for_a_language_builds_word_written_later(tmp_path):
    child = ("import json, os, sys, time; time.sleep(0.5); p = sys.argv[1]; "
             "open(p + '.part', 'w').write(json.dumps({'a.md': True, 'b.md': False})); os.replace(p + '.part', p); "
             "time.sleep(0.5)")
    builds, build = _waiting_for(tmp_path, child)
    assert builds.complete_pages("fil") == {"a.md": True, "b.md": False}
    assert build.process.poll() is None, "the answer is taken while that build still runs"
    build.process.wait()


@pytest.mark.parametrize("child", [
    "import sys; sys.exit(1)",  # the language's build failed before it knew
    "import sys; open(sys.argv[1], 'w').write('{\"a.md\": tr')",  # cut short: not JSON
])
def test_a_language_build_that_ends_without_a_readable_word_leaves_the_english_build_to_work_it_out(tmp_path, child):
    builds, build = _waiting_for(tmp_path, child)
    assert builds.complete_pages("fil") is None
    assert build.process.poll() is not None
    assert builds.complete_pages("ru") is None  # a language with no build of its own
