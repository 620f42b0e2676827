"""ui.po checked against its template: placeholders, plural forms, and Plural-Forms against CLDR."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

import sitekit
from academy.catalogs import CatalogError, read_catalog
from academy.errors import ContentError
from academy.interface import Interface, catalog_problems, cldr_plural_problem
from academy.languages import PLURAL_FORMS

SHIPPED = sitekit.ROOT / "locales"


def shipped_ui(lang: str, tmp_path: Path, change=None) -> Path:
    po = polib.pofile(str(SHIPPED / lang / "LC_MESSAGES/ui.po"))
    if change:
        change(po)
    path = tmp_path / "ui.po"
    po.save(str(path))
    return path


def problems(lang: str, tmp_path: Path, change=None) -> list:
    path = shipped_ui(lang, tmp_path, change)
    return catalog_problems(read_catalog(path, lang, "ui", tmp_path), lang, tmp_path)


def entry_line(path: Path, msgid: str) -> int:
    return polib.pofile(str(path)).find(msgid).linenum


@pytest.mark.parametrize("lang", ["fil", "ru"])
def test_the_shipped_interface_catalogs_have_no_problem(lang, tmp_path):
    assert problems(lang, tmp_path) == []


def test_a_russian_plural_missing_a_form_is_an_error_on_its_line(tmp_path):
    def drop(po):
        entry = po.find("{count} lesson")
        entry.msgstr_plural = {0: entry.msgstr_plural[0], 1: entry.msgstr_plural[1]}

    with pytest.raises(CatalogError) as error:
        problems("ru", tmp_path, drop)
    assert error.value.problem.line == entry_line(tmp_path / "ui.po", "{count} lesson")
    assert "nplurals=3" in error.value.problem.message


def test_a_russian_plural_with_an_empty_form_is_an_error_on_its_line(tmp_path):
    def empty(po):
        po.find("{count} lesson").msgstr_plural[2] = ""

    [found] = problems("ru", tmp_path, empty)
    assert found.path == "ui.po" and found.line == entry_line(tmp_path / "ui.po", "{count} lesson")
    assert "needs 3 forms" in found.message


@pytest.mark.parametrize("wrong", ["Раздел: {sektion}", "Раздел: {0}", "Раздел: {section", "Раздел"])
def test_a_placeholder_changed_or_lost_is_an_error_on_its_line(wrong, tmp_path):
    def typo(po):
        po.find("Review: {section}").msgstr = wrong

    [found] = problems("ru", tmp_path, typo)
    assert found.line == entry_line(tmp_path / "ui.po", "Review: {section}")
    assert "placeholders" in found.message and found.hint


def test_an_unknown_placeholder_in_a_plural_form_is_an_error(tmp_path):
    def typo(po):
        po.find("{count} lesson").msgstr_plural[1] = "{cuont} урока"

    [found] = problems("ru", tmp_path, typo)
    assert "cuont" in found.message


@pytest.mark.parametrize("lang", ["en", "fil", "ru"])
def test_our_plural_rules_are_cldrs(lang):
    assert cldr_plural_problem(lang, PLURAL_FORMS[lang]) is None


def test_a_plural_forms_header_that_disagrees_with_cldr_is_an_error_on_its_line(tmp_path):
    def english_rule(po):
        po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"

    found = problems("fil", tmp_path, english_rule)
    assert len(found) == 1 and "CLDR" in found[0].message
    lines = (tmp_path / "ui.po").read_text(encoding="utf-8").splitlines()
    assert lines[found[0].line - 1].startswith('"Plural-Forms:')
    found = problems("ru", tmp_path, lambda po: po.metadata.__setitem__(
        "Plural-Forms", "nplurals=3; plural=(n==1 ? 0 : n>=2 && n<=4 ? 1 : 2);"))
    assert len(found) == 1 and "CLDR" in found[0].message


def test_the_build_refuses_a_broken_interface_catalog_instead_of_a_traceback(tmp_path):
    def typo(po):
        po.find("Review: {section}").msgstr = "Раздел: {sektion}"

    path = shipped_ui("ru", tmp_path, typo)
    with pytest.raises(ContentError) as error:
        Interface("ru", read_catalog(path, "ru", "ui", tmp_path), tmp_path)
    assert "ui.po:" in str(error.value)


def test_a_broken_interface_catalog_stops_the_site_build_with_its_line(project):
    path = project / "locales/ru/LC_MESSAGES/ui.po"
    po = polib.pofile(str(path))
    po.find("Review: {section}").msgstr = "Раздел: {sektion}"
    po.save()
    built = sitekit.build(project, check=False)
    output = built.result.stdout + built.result.stderr
    assert built.result.returncode != 0
    assert "locales/ru/LC_MESSAGES/ui.po:" in output and "sektion" in output and "Traceback" not in output
