"""The tiny academy packaged for an LMS, and the LMS side the browser tests play."""

from __future__ import annotations

import base64
import http.server
import json
import mimetypes
import subprocess
import sys
import threading
import urllib.error
import urllib.request
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import sitekit


@dataclass
class Packaged:
    root: Path  # the project
    out: Path  # where the zips are
    result: subprocess.CompletedProcess

    def zip(self, course: str, lang: str, standard: str) -> Path:
        return self.out / f"{course}-{lang}-{standard}.zip"

    def extract(self, course: str, lang: str, standard: str, into: Path) -> Path:
        with zipfile.ZipFile(self.zip(course, lang, standard)) as archive:
            archive.extractall(into)
        return into


def package(root: Path, out: Path) -> Packaged:
    result = subprocess.run([sys.executable, "-m", "academy.cli", "package", "-o", str(out)], cwd=root,
                            capture_output=True, text=True, check=False)
    return Packaged(root, out, result)


# The tiny academy's Russian catalog, with the LMS notices translated too.
RU = {
    "Your results can't be recorded: this lesson was not opened from your learning platform the way it expects. "
    "You can still take the quiz.": "Ваши результаты не будут записаны: урок открыт не так, как этого ждёт ваша учебная "
                                    "платформа. Пройти тест всё равно можно.",
    "Your results could not be sent yet. They are kept on this device and sent as soon as the connection is back.":
        "Результаты пока не удалось отправить. Они сохранены на этом устройстве и будут отправлены, как только "
        "восстановится связь.",
    "Your results have been sent.": "Ваши результаты отправлены.",
    "This lesson's session with your learning platform has ended, so results from here on are not recorded. "
    "To have them recorded, open the lesson again from the platform.":
        "Сеанс урока на вашей учебной платформе завершён, поэтому дальнейшие результаты не записываются. Чтобы они "
        "записались, откройте урок заново с\u00a0платформы.",
}


# A lesson with no quiz: an LMS counts it done once it is opened.
READING = """\
---
title: Listening
description: Why listening comes first.
---

# Listening

Let the customer finish before you answer.
"""


def packaged_project(folder: Path) -> Packaged:
    root = sitekit.write_project(folder)
    (root / "content" / "journey" / "listening.md").write_text(READING, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      - journey/first-steps.md\n", "      - journey/first-steps.md\n      - journey/listening.md\n"), encoding="utf-8")
    sitekit.academy(root, "i18n", "update")
    sitekit.translate_catalogs(root, "ru", RU)
    built = package(root, root / "site-packages")
    assert built.result.returncode == 0, built.result.stderr
    return built


# ---- the LMS the browser tests play ------------------------------------------------------

NODE_MODULES = sitekit.ROOT / "node_modules"

SCORM_HOST = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<script src="/node/scorm-again/dist/scorm12.min.js"></script></head>
<body>
<script>
  window.API = new Scorm12API(Object.assign({lmsCommitUrl: "/scorm/commit", autocommit: false, logLevel: 5}, %(settings)s));
  var launch = %(launch)s;
  if (launch) window.API.loadFromJSON(launch, "");
  // every value as the SCO set it, before the runtime reads it into its own form
  window.scoSet = {};
  window.API.on("LMSSetValue.cmi.*", function (element, value) { window.scoSet[element] = value; });
</script>
<iframe id="sco" title="lesson" src="/pkg/%(sco)s" style="width:100%%;height:90vh"></iframe>
</body></html>
"""


class LMS:
    """A small LMS: it serves a package, hosts a SCORM 1.2 runtime (scorm-again) and
    keeps what it commits, and plays the cmi5 LMS: fetch URLs that give a token once (one
    token per launch, which `refuse` turns down later), LMS.LaunchData and the State API,
    with statements passed on to a real LRS (Ralph)."""

    def __init__(self, package_dir: Path, lrs: str | None = None, credentials: tuple[str, str] | None = None):
        self.package_dir = package_dir
        self.lrs = lrs.rstrip("/") + "/" if lrs else None
        self.credentials = credentials
        self.token = base64.b64encode(":".join(credentials).encode()).decode() if credentials else ""
        self.commits: list[dict] = []
        self.lrs_errors: list[str] = []  # what the LRS refused, to show when a test fails
        self.scorm_launch: dict | None = None
        self.scorm_settings: dict = {}  # scorm-again's settings: how this LMS treats what the SCO reports
        self.fetch_keys: dict[str, bool] = {}  # fetch key -> already used
        self.key_tokens: dict[str, str] = {}  # fetch key -> the token it gives
        self.session_tokens: dict[str, str] = {}  # session id -> its launch's token
        self.tokens: dict[str, int] = {}  # token -> 0 while taken, else the status that turns it down
        self.down = False  # the LRS cannot be reached: every request to it fails on its way
        self.dropped: list[tuple[str, str]] = []  # (method, path) of every request that failed so
        self.state: dict[tuple[str, str, str, str], bytes] = {}
        self.lock = threading.Lock()
        lms = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                lms.handle(self, "GET")

            def do_POST(self) -> None:  # noqa: N802
                lms.handle(self, "POST")

            def do_PUT(self) -> None:  # noqa: N802
                lms.handle(self, "PUT")

        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # -- cmi5: what the LMS does before it opens the AU --------------------------------
    def cmi5_launch(self, au_url: str, activity_id: str, actor: dict, registration: str, *, mastery: float | None = 0.8,
                    launch_mode: str = "Normal", move_on: str = "Passed") -> tuple[str, str]:
        """Writes LMS.LaunchData for a new session and returns (launch URL, session id)."""
        session = str(uuid.uuid4())
        data = {
            "contextTemplate": {
                "contextActivities": {"grouping": [{"id": activity_id}]},
                "extensions": {"https://w3id.org/xapi/cmi5/context/extensions/sessionid": session},
            },
            "launchMode": launch_mode, "moveOn": move_on, "launchMethod": "AnyWindow",
        }
        if mastery is not None:
            data["masteryScore"] = mastery
        with self.lock:
            self.state[(activity_id, _agent_key(actor), registration, "LMS.LaunchData")] = json.dumps(data).encode()
            key, token = uuid.uuid4().hex, base64.b64encode(f"launch:{uuid.uuid4().hex}".encode()).decode()
            self.fetch_keys[key] = False
            self.key_tokens[key], self.session_tokens[session], self.tokens[token] = token, token, 0
        query = urlencode({"endpoint": f"{self.url}/lrs/", "fetch": f"{self.url}/fetch/{key}", "actor": json.dumps(actor),
                           "registration": registration, "activityId": activity_id})
        return f"{self.url}/pkg/{au_url}?{query}", session

    def refuse(self, session: str, status: int = 401) -> None:
        """From now on the LRS turns down the token of this session's launch: 401 as an expired
        token, 403 as one the LMS revoked (the trainee was unenrolled, the launch was ended)."""
        with self.lock:
            self.tokens[self.session_tokens[session]] = status

    # -- requests ------------------------------------------------------------------------
    def handle(self, request: http.server.BaseHTTPRequestHandler, method: str) -> None:
        parts = urlsplit(request.path)
        path = parts.path
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length) if length else b""
        if path.startswith("/pkg/") or path.startswith("/node/"):
            base = self.package_dir if path.startswith("/pkg/") else NODE_MODULES
            target = (base / path.split("/", 2)[2]).resolve()
            if not target.is_file() or base.resolve() not in target.parents:
                return _reply(request, 404, b"not found", "text/plain")
            return _reply(request, 200, target.read_bytes(), mimetypes.guess_type(target.name)[0] or "application/octet-stream")
        if path == "/scorm/host.html":
            sco = parse_qs(parts.query)["sco"][0]
            page = SCORM_HOST % {"launch": json.dumps(self.scorm_launch), "sco": sco, "settings": json.dumps(self.scorm_settings)}
            return _reply(request, 200, page.encode(), "text/html; charset=utf-8")
        if path.startswith("/scorm/commit"):
            with self.lock:
                self.commits.append(json.loads(body or b"{}"))
            return _reply(request, 200, b'{"result": true, "errorCode": 0}', "application/json")
        if path.startswith("/fetch/") and method == "POST":
            key = path.rsplit("/", 1)[1]
            with self.lock:
                known, used = key in self.fetch_keys, self.fetch_keys.get(key)
                self.fetch_keys[key] = True
            if not known or used:  # cmi5: a fetch URL gives its token once
                return _reply(request, 200, b'{"error-code": "1", "error-text": "already used"}', "application/json")
            return _reply(request, 200, json.dumps({"auth-token": self.key_tokens[key]}).encode(), "application/json")
        if path.startswith("/lrs/"):
            if self.down:
                with self.lock:
                    self.dropped.append((method, path))
                request.close_connection = True
                return
            auth = request.headers.get("Authorization") or ""
            refused = self.tokens.get(auth.removeprefix("Basic "), 401) if auth.startswith("Basic ") else 401
            if refused:
                return _reply(request, refused, b'{"detail": "token not taken"}', "application/json")
            if path == "/lrs/activities/state":
                return self._state(request, method, parse_qs(parts.query), body)
            if path == "/lrs/statements":
                return self._to_lrs(request, method, parts.query, body)
        return _reply(request, 404, b"not found", "text/plain")

    def _state(self, request, method: str, query: dict, body: bytes) -> None:
        try:
            key = (query["activityId"][0], _agent_key(json.loads(query["agent"][0])), query.get("registration", [""])[0],
                   query["stateId"][0])
        except (KeyError, ValueError):
            return _reply(request, 400, b"bad state request", "text/plain")
        with self.lock:
            if method == "GET":
                found = self.state.get(key)
                return _reply(request, 200, found, "application/json") if found is not None else _reply(request, 404, b"", "text/plain")
            self.state[key] = body
        return _reply(request, 204, b"", "text/plain")

    def _to_lrs(self, request, method: str, query: str, body: bytes) -> None:
        forward = urllib.request.Request(f"{self.lrs}xAPI/statements" + (f"?{query}" if query else ""), data=body or None,
                                         method=method, headers={"Authorization": f"Basic {self.token}",
                                                                 "Content-Type": "application/json",
                                                                 "X-Experience-API-Version": "1.0.3"})
        try:
            with urllib.request.urlopen(forward, timeout=30) as answer:
                return _reply(request, answer.status, answer.read(), "application/json")
        except urllib.error.HTTPError as error:
            answer = error.read()
            self.lrs_errors.append(f"{error.code} {answer[:2000].decode(errors='replace')}")
            return _reply(request, error.code, answer, "application/json")


def _agent_key(agent: dict) -> str:
    account = agent.get("account") or {}
    return f"{account.get('homePage')}|{account.get('name')}|{agent.get('mbox')}"


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A launch page closed while the LMS answered is the browser's choice, not a failure worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _reply(request, status: int, body: bytes, kind: str) -> None:
    request.send_response(status)
    request.send_header("Content-Type", kind)
    request.send_header("Content-Length", str(len(body)))
    request.send_header("Cache-Control", "no-store")
    request.end_headers()
    if body:
        request.wfile.write(body)
