"""`academy results`: what a training lead wants from a Learning Record Store, as CSV and HTML.

Statements are read through the standard xAPI API (GET /statements, following `more`),
one query per quiz: every attempt at a quiz is one statement on the quiz's activity (passed
or failed, with the score), whatever the language it was taken in.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import urlencode, urljoin

from .packages import activities
from .quiz.model import Quiz

VERBS = {"http://adlnet.gov/expapi/verbs/passed": True, "http://adlnet.gov/expapi/verbs/failed": False}
COLUMNS = ("trainee", "quiz", "best_score", "passed", "attempts", "last_attempt", "languages")


class LRSError(Exception):
    """The LRS could not be read; the message says why and what to check."""


@dataclass(frozen=True)
class Attempt:
    trainee: str
    quiz: str
    scaled: float
    passed: bool
    timestamp: str
    language: str


@dataclass(frozen=True)
class Row:
    trainee: str
    quiz: str
    quiz_title: str
    best_score: int  # percent
    passed: bool
    attempts: int
    last_attempt: str
    languages: tuple[str, ...]


class LRS:
    def __init__(self, endpoint: str, user: str | None, password: str | None):
        self.endpoint = endpoint.rstrip("/") + "/"
        self.auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode() if user else None

    def _get(self, url: str) -> dict:
        request = urllib.request.Request(url, headers={"X-Experience-API-Version": "1.0.3", "Accept": "application/json",
                                                       **({"Authorization": self.auth} if self.auth else {})})
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                return json.load(answer)
        except urllib.error.HTTPError as error:
            hint = " (check --user and the password)" if error.code in (401, 403) else ""
            raise LRSError(f"{url}: the LRS answered {error.code} {error.reason}{hint}") from None
        except (urllib.error.URLError, OSError) as error:
            raise LRSError(f"{url}: the LRS cannot be reached: {getattr(error, 'reason', error)}") from None
        except ValueError:
            raise LRSError(f"{url}: the LRS did not answer with JSON; is this its xAPI endpoint?") from None

    def statements(self, **query: str) -> list[dict]:
        found: list[dict] = []
        url: str | None = f"{self.endpoint}statements?{urlencode(query)}"
        while url:
            body = self._get(url)
            found.extend(body.get("statements") or [])
            more = body.get("more")
            url = urljoin(self.endpoint, more) if more else None
        return found


def trainee_of(actor: dict) -> str:
    """How a trainee is named in the table: the LMS account, else the mailbox, else the name."""
    account = actor.get("account") or {}
    if account.get("name"):
        return str(account["name"])
    if actor.get("mbox"):
        return str(actor["mbox"]).removeprefix("mailto:")
    return str(actor.get("name") or actor.get("openid") or actor.get("mbox_sha1sum") or "?")


def attempts(lrs: LRS, site_url: str, quizzes: dict[str, Quiz]) -> list[Attempt]:
    found = []
    for quiz_id in sorted(quizzes):
        activity = activities.quiz_id(site_url, quiz_id)
        for statement in lrs.statements(activity=activity, limit="500"):
            passed = VERBS.get((statement.get("verb") or {}).get("id"))
            if passed is None or (statement.get("object") or {}).get("id") != activity:
                continue
            score = ((statement.get("result") or {}).get("score") or {}).get("scaled")
            found.append(Attempt(trainee_of(statement.get("actor") or {}), quiz_id,
                                 float(score) if isinstance(score, (int, float)) else 0.0, passed,
                                 str(statement.get("timestamp") or statement.get("stored") or ""),
                                 str((statement.get("context") or {}).get("language") or "")))
    return found


def table(found: list[Attempt], quizzes: dict[str, Quiz]) -> list[Row]:
    groups: dict[tuple[str, str], list[Attempt]] = {}
    for attempt in found:
        groups.setdefault((attempt.trainee, attempt.quiz), []).append(attempt)
    rows = []
    for (trainee, quiz), group in sorted(groups.items(), key=lambda item: (item[0][0].casefold(), item[0][1])):
        group.sort(key=lambda a: a.timestamp)
        languages = tuple(dict.fromkeys(a.language for a in group if a.language))
        rows.append(Row(trainee, quiz, quizzes[quiz].title, round(max(a.scaled for a in group) * 100),
                        any(a.passed for a in group), len(group), group[-1].timestamp, languages))
    return rows


def to_csv(rows: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        # every text cell, not only the name: the timestamp and the language come from the LRS as sent
        writer.writerow([_safe_cell(row.trainee), _safe_cell(row.quiz), row.best_score, "yes" if row.passed else "no",
                         row.attempts, _safe_cell(row.last_attempt), _safe_cell(" ".join(row.languages))])
    return out.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")  # OWASP, and full-width forms


def _safe_cell(text: str) -> str:
    # A cell that starts like a formula (after any spaces a spreadsheet skips) stays text when the
    # lead opens the CSV in a spreadsheet.
    return "'" + text if text.lstrip(" ")[:1] in FORMULA_STARTS else text


def to_html(rows: list[Row], title: str) -> str:
    head = "".join(f"<th scope=col>{escape(name.replace('_', ' '))}</th>" for name in COLUMNS)
    body = "".join(
        "<tr>"
        f"<th scope=row>{escape(row.trainee)}</th><td>{escape(row.quiz_title)}</td>"
        f'<td class="n">{row.best_score}%</td><td>{"yes" if row.passed else "no"}</td>'
        f'<td class="n">{row.attempts}</td><td><time datetime="{escape(row.last_attempt)}">{escape(row.last_attempt)}</time></td>'
        f"<td>{escape(', '.join(row.languages))}</td>"
        "</tr>" for row in rows)
    return (
        "<!doctype html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<style>body{font-family:system-ui,sans-serif;margin:1rem}table{border-collapse:collapse}"
        "th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left}.n{text-align:right}"
        "thead th{background:#eee}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        f"<p>{len(rows)} row(s): one per trainee and quiz; attempts in any language count together.</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></body></html>\n"
    )


def write_report(rows: list[Row], folder: Path, title: str) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, html_path = folder / "results.csv", folder / "results.html"
    csv_path.write_text(to_csv(rows), encoding="utf-8")
    html_path.write_text(to_html(rows, title), encoding="utf-8")
    return csv_path, html_path
