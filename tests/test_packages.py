"""`academy package`: what an LMS imports, read with an XML parser as an LMS would."""

from __future__ import annotations

import json
import posixpath
import re
import zipfile
from pathlib import Path

import html5lib
from lxml import etree

import lmskit
import sitekit

IMSCP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
CMI5 = "{https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd}"
LANGS = ("en", "fil", "ru")


def parse_xml(data: bytes):
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def _settings(page: bytes) -> dict:
    document = html5lib.parse(page, namespaceHTMLElements=False)
    node = document.find(".//script[@id='__academy_lms']")
    assert node is not None, "the packaged lesson carries no LMS settings"
    return json.loads(node.text)


def test_one_scorm_and_one_cmi5_zip_per_course_and_language(packaged):
    names = sorted(p.name for p in packaged.out.glob("*.zip"))
    assert names == sorted(f"journey-{lang}-{standard}.zip" for lang in LANGS for standard in ("cmi5", "scorm12"))
    assert "6 package(s) written" in packaged.result.stdout


def test_scorm_manifest_has_one_sco_per_lesson_and_lists_every_file(packaged):
    for lang in LANGS:
        files = _members(packaged.zip("journey", lang, "scorm12"))
        manifest = parse_xml(files["imsmanifest.xml"])
        assert manifest.tag == f"{IMSCP}manifest"
        assert manifest.findtext(f"{IMSCP}metadata/{IMSCP}schemaversion") == "1.2"
        organizations = manifest.find(f"{IMSCP}organizations")
        organization = organizations.find(f"{IMSCP}organization[@identifier='{organizations.get('default')}']")
        items = organization.findall(f"{IMSCP}item")
        resources = {r.get("identifier"): r for r in manifest.iter(f"{IMSCP}resource")}
        scos = [resources[item.get("identifierref")] for item in items]
        assert [sco.get(f"{ADLCP}scormtype") for sco in scos] == ["sco", "sco"]
        assert [sco.get("href") for sco in scos] == ["journey/first-steps/index.html", "journey/listening/index.html"]
        # The lesson with a quiz is mastered at its pass mark; the other one is done once opened.
        assert [item.findtext(f"{ADLCP}masteryscore") for item in items] == ["80", None]
        listed = {f.get("href") for r in resources.values() for f in r.findall(f"{IMSCP}file")}
        assert listed == set(files) - {"imsmanifest.xml"}, "every file in the zip, and only those, is in the manifest"
        for dependency in manifest.iter(f"{IMSCP}dependency"):
            assert dependency.get("identifierref") in resources


def test_titles_come_from_each_language_catalog(packaged):
    expected = {"en": ("The journey", "First steps"), "ru": ("Путь клиента", "Первые шаги"),
                "fil": ("Ang paglalakbay", "Mga unang hakbang")}
    for lang, (course, lesson) in expected.items():
        scorm = parse_xml(_members(packaged.zip("journey", lang, "scorm12"))["imsmanifest.xml"])
        assert scorm.findtext(f"{IMSCP}organizations/{IMSCP}organization/{IMSCP}title") == course
        assert scorm.findtext(f".//{IMSCP}item/{IMSCP}title") == lesson
        structure = parse_xml(_members(packaged.zip("journey", lang, "cmi5"))["cmi5.xml"])
        langstring = structure.find(f"{CMI5}course/{CMI5}title/{CMI5}langstring")
        assert (langstring.get("lang"), langstring.text) == (lang, course)
        au = structure.find(f"{CMI5}au")
        assert au.find(f"{CMI5}title/{CMI5}langstring").text == lesson
    ru = parse_xml(_members(packaged.zip("journey", "ru", "cmi5"))["cmi5.xml"])
    assert ru.find(f"{CMI5}au/{CMI5}description/{CMI5}langstring").text == "Как клиент знакомится с брендом."


def test_activity_ids_are_the_same_in_every_language(packaged):
    seen = set()
    for lang in LANGS:
        files = _members(packaged.zip("journey", lang, "cmi5"))
        structure = parse_xml(files["cmi5.xml"])
        au, reading = structure.findall(f"{CMI5}au")
        assert au.get("moveOn") == "Passed" and au.get("masteryScore") == "0.8"
        assert reading.get("moveOn") == "Completed" and reading.get("masteryScore") is None
        assert reading.get("id") == "https://academy.test/lessons/journey/listening"
        url = au.findtext(f"{CMI5}url")
        assert url in files
        settings = _settings(files[url])
        assert settings["lang"] == lang and settings["standard"] == "cmi5"
        ids = (structure.find(f"{CMI5}course").get("id"), au.get("id"), settings["activity"], settings["quiz"]["activity"],
               tuple(sorted((q, v["activity"]) for q, v in settings["quiz"]["questions"].items())))
        seen.add(ids)
        assert not any(lang in part for part in ids[:4] if isinstance(part, str) for lang in ("/fil", "/ru"))
    assert len(seen) == 1
    (course, au, activity, quiz, questions), = seen
    assert course == "https://academy.test/courses/journey"
    assert au == activity == "https://academy.test/lessons/journey/first-steps"
    assert quiz == "https://academy.test/quizzes/first-steps"
    assert dict(questions)["research"] == "https://academy.test/quizzes/first-steps/questions/research"
    assert len(questions) == 7


def test_packaged_lesson_loads_the_lms_runtime_and_the_site_does_not(packaged, built_site):
    files = _members(packaged.zip("journey", "fil", "scorm12"))
    page = html5lib.parse(files["journey/first-steps/index.html"], namespaceHTMLElements=False)
    scripts = [s.get("src") for s in page.iter("script") if s.get("src")]
    assert "../../assets/academy/lms.js" in scripts
    assert not any(s.endswith("academy.js") and not s.endswith("lms.js") for s in scripts)
    runtime = next(s for s in page.iter("script") if (s.get("src") or "").endswith("lms.js"))
    # academy.js with the query naming its content, as the site links it (test_asset_names.py)
    assert re.fullmatch(r"\.\./\.\./assets/academy/academy\.js\?v=[0-9a-f]{12}", runtime.get("data-academy"))
    assert "assets/academy/lms.js" in files and "assets/academy/academy.js" in files
    # Links inside the package name the page; links out of it go to the public site.
    links = {a.get("href") for a in page.iter("a") if a.get("href")}
    assert "../index.html" in links
    assert "https://academy.test/fil/progress/" in links
    for path in built_site.site.rglob("*.html"):
        assert "lms.js" not in path.read_text(encoding="utf-8"), f"{path} loads the LMS runtime"


def test_packages_are_the_same_bytes_when_nothing_changed(packaged, tmp_path):
    again = lmskit.package(packaged.root, tmp_path / "again")
    assert again.result.returncode == 0, again.result.stderr
    for zip_path in packaged.out.glob("*.zip"):
        assert (tmp_path / "again" / zip_path.name).read_bytes() == zip_path.read_bytes()


def test_a_broken_quiz_is_reported_with_its_line_and_nothing_is_packaged(tmp_path):
    root = sitekit.write_project(tmp_path)
    quiz = root / "quizzes" / "first-steps.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("    type: numeric\n", "    type: essay\n"), encoding="utf-8")
    line = quiz.read_text(encoding="utf-8").splitlines().index("    type: essay") + 1  # the line of the mistake itself
    result = lmskit.package(root, tmp_path / "packages-out")
    assert result.result.returncode == 1
    assert re.search(rf"^quizzes/first-steps\.yml:{line}: .*unknown question type .essay.", result.result.stderr, re.M)
    assert "hint: use one of:" in result.result.stderr
    assert "Traceback" not in result.result.stderr
    assert not (tmp_path / "packages-out").exists()


def test_every_relative_link_and_asset_of_a_packaged_page_is_in_the_zip(packaged):
    for lang in LANGS:
        for standard in ("scorm12", "cmi5"):
            files = _members(packaged.zip("journey", lang, standard))
            for name in (n for n in files if n.endswith(".html")):
                page = html5lib.parse(files[name], namespaceHTMLElements=False)
                for element in page.iter():
                    for attribute in ("href", "src", "data-academy"):
                        url = (element.get(attribute) or "").split("#")[0].split("?")[0]
                        if not url or re.match(r"^[a-z][a-z0-9+.-]*:|^//", url):
                            continue
                        target = posixpath.normpath(posixpath.join(posixpath.dirname(name), url))
                        assert target in files, f"{lang} {standard}: {name} links to {url}, which is not in the package"
