"""`academy results`: the training lead's table, read from a real LRS (Ralph) through the xAPI API."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import uuid
from datetime import datetime

import html5lib
import pytest
from lxml import etree

import lmskit
from academy import results
from academy.quiz.model import Quiz
from test_browser_cmi5 import CMI5, open_lesson, retry, trainee, wait_for_statements
from test_browser_quiz import answer_all, submit


def _take(browser, lms, ralph, name: str, tries: list[bool], lang: str) -> None:
    """One LMS launch: the trainee checks the quiz once per entry of `tries` (right or wrong)."""
    registration = str(uuid.uuid4())
    url, _session = lms.cmi5_launch(lms.au_url, lms.au_id, trainee(name), registration)
    context, page = open_lesson(browser, url)
    for number, right in enumerate(tries):
        if number:
            retry(page)
        answer_all(page, right=right, lang="ru" if lang == "ru" else "en")
        submit(page)
    page.goto("about:blank")
    context.close()
    wait_for_statements(ralph, registration, "terminated")


@pytest.mark.browser
def test_results_per_trainee_and_quiz_from_three_languages(browser, packaged, ralph, tmp_path):
    servers = {}
    for lang in ("en", "fil", "ru"):
        folder = packaged.extract("journey", lang, "cmi5", tmp_path / lang)
        au = etree.parse(str(folder / "cmi5.xml")).getroot().find(f"{CMI5}au")
        server = lmskit.LMS(folder, ralph.url, ralph.credentials)
        server.au_url, server.au_id = au.findtext(f"{CMI5}url"), au.get("id")
        servers[lang] = server
    try:
        _take(browser, servers["en"], ralph, "results-ana", [False, True], "en")
        _take(browser, servers["ru"], ralph, "results-ana", [False], "ru")
        _take(browser, servers["fil"], ralph, "results-ben", [False], "fil")
        _take(browser, servers["ru"], ralph, "results-chiara", [True], "ru")
    finally:
        for server in servers.values():
            server.stop()

    out = tmp_path / "report"
    run = subprocess.run([sys.executable, "-m", "academy.cli", "results", "--lrs", ralph.endpoint, "--user", ralph.credentials[0],
                          "-o", str(out)], cwd=packaged.root, capture_output=True, text=True, check=False,
                         env={"ACADEMY_LRS_PASSWORD": ralph.credentials[1], "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    rows = {r["trainee"]: r for r in csv.DictReader(io.StringIO((out / "results.csv").read_text(encoding="utf-8")))
            if r["trainee"].startswith("results-")}
    assert set(rows) == {"results-ana", "results-ben", "results-chiara"}
    ana, ben, chiara = rows["results-ana"], rows["results-ben"], rows["results-chiara"]
    assert (ana["quiz"], ana["best_score"], ana["passed"], ana["attempts"], ana["languages"]) == ("first-steps", "100", "yes", "3", "en ru")
    assert (ben["passed"], ben["attempts"], ben["languages"]) == ("no", "1", "fil")
    assert int(ben["best_score"]) < 80
    assert (chiara["best_score"], chiara["passed"], chiara["attempts"], chiara["languages"]) == ("100", "yes", "1", "ru")
    last = [datetime.fromisoformat(r["last_attempt"].replace("Z", "+00:00")) for r in (ana, ben, chiara)]
    assert last == sorted(last), "the last attempt is each trainee's latest, in the order they were taken"

    page = html5lib.parse((out / "results.html").read_bytes(), namespaceHTMLElements=False)
    shown = {tr.find("th").text: [td.text or td.findtext("time") for td in tr.findall("td")] for tr in page.iter("tr")
             if tr.find("th") is not None and (tr.find("th").text or "").startswith("results-")}
    assert shown["results-ana"][:4] == ["First steps quiz", "100%", "yes", "3"]
    assert shown["results-ben"][-1] == "fil"
    loads = [e.get(a) for e in page.iter() for a in ("src", "href") if e.get(a)]
    assert loads == [], "the report loads nothing from elsewhere"


def test_a_wrong_password_or_no_lrs_is_a_message_not_a_traceback(packaged, ralph, tmp_path):
    for lrs, password, expected in ((ralph.endpoint, "wrong", "401"), ("http://127.0.0.1:9/xAPI/", "x", "cannot be reached")):
        run = subprocess.run([sys.executable, "-m", "academy.cli", "results", "--lrs", lrs, "--user", "lead", "--password", password,
                              "-o", str(tmp_path / "none")], cwd=packaged.root, capture_output=True, text=True, check=False)
        assert run.returncode == 1 and expected in run.stderr and "Traceback" not in run.stderr
        assert not (tmp_path / "none").exists()


def test_names_reach_the_report_as_text(tmp_path):
    quizzes = {"q": Quiz("q", "<b>Quiz</b>", "quizzes/q.yml", ())}
    found = [results.Attempt("=HYPERLINK(\"http://x\")", "q", 0.5, False, "2026-11-29T10:00:00Z", "fil"),
             results.Attempt("<script>alert(1)</script>", "q", 0.9, True, "2026-11-29T11:00:00Z", "ru")]
    rows = results.table(found, quizzes)
    cells = list(csv.reader(io.StringIO(results.to_csv(rows))))
    assert cells[1][0] == "<script>alert(1)</script>" and cells[2][0] == "'=HYPERLINK(\"http://x\")"
    page = html5lib.parse(results.to_html(rows, "Quiz results"), namespaceHTMLElements=False)
    assert page.find(".//script") is None and page.find(".//b") is None
    assert [th.text for th in page.iter("th") if th.get("scope") == "row"] == ["<script>alert(1)</script>", "=HYPERLINK(\"http://x\")"]


FORMULAS = ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", " =1+1", "\uff1d1+1", "\n=1"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_no_cell_the_lrs_fills_starts_a_formula(formula):
    """A statement's name, timestamp and language are what the sender wrote: none becomes a formula."""
    quizzes = {"q": Quiz("q", "Quiz", "quizzes/q.yml", ())}
    found = [results.Attempt(formula, "q", 0.5, False, formula, formula)]
    rows = results.table(found, quizzes)
    [header, cells] = list(csv.reader(io.StringIO(results.to_csv(rows))))
    assert len(cells) == len(header)
    for cell in cells:
        assert cell.lstrip(" ")[:1] not in results.FORMULA_STARTS, cells
    assert cells[0] == "'" + formula
