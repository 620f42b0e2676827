"""Ralph, a real LRS, started and stopped by the tests; and an independent xAPI validator."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import requests

BIN = Path(sys.executable).parent
USER, PASSWORD = "training-lead", "not-a-real-secret"
HERE = Path(__file__).resolve().parent
VALIDATOR = HERE / "xapi_validate.cjs"


@dataclass
class Ralph:
    url: str  # the server; the xAPI endpoint is url + "/xAPI/"
    process: subprocess.Popen
    log: Path

    @property
    def endpoint(self) -> str:
        return f"{self.url}/xAPI/"

    @property
    def credentials(self) -> tuple[str, str]:
        return USER, PASSWORD

    def statements(self, **query) -> list[dict]:
        """Every statement matching the query, following the LRS's `more` links."""
        found: list[dict] = []
        url, params = f"{self.url}/xAPI/statements", {"limit": 500, **query}
        while url:
            answer = requests.get(url, params=params, auth=self.credentials, timeout=30,
                                  headers={"X-Experience-API-Version": "1.0.3"})
            answer.raise_for_status()
            body = answer.json()
            found.extend(body["statements"])
            more = body.get("more")
            url, params = (self.url + more if more and more.startswith("/") else more), None
        return found

    def post(self, statements: list[dict]) -> list[str]:
        answer = requests.post(f"{self.url}/xAPI/statements", json=statements, auth=self.credentials, timeout=30,
                               headers={"X-Experience-API-Version": "1.0.3"})
        answer.raise_for_status()
        return answer.json()

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_ralph(folder: Path) -> Ralph:
    env = dict(os.environ, RALPH_APP_DIR=str(folder / "app"), RALPH_RUNSERVER_BACKEND="fs",
               RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=str(folder / "data"), PYTHONPATH=str(HERE))
    subprocess.run([str(BIN / "ralph"), "auth", "-u", USER, "-p", PASSWORD, "-s", "all",
                    "-A", USER, "https://lms.academy.example.org", "-w"],
                   env=env, cwd=folder, check=True, capture_output=True)
    (folder / "data").mkdir(exist_ok=True)
    (folder / "run").mkdir()
    port = _free_port()
    log = folder / "ralph.log"
    with log.open("w") as handle:
        # `ralph runserver -b fs` with Ralph's fs backend appending (see ralph_fs_lrs.py), without its reloader.
        process = subprocess.Popen([sys.executable, "-m", "uvicorn", "ralph_fs_lrs:app", "--host", "127.0.0.1", "--port", str(port)],
                                   env=env, cwd=folder / "run", stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
    server = Ralph(f"http://127.0.0.1:{port}", process, log)
    for _ in range(600):
        if process.poll() is not None:
            raise RuntimeError(f"Ralph did not start:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{server.url}/__heartbeat__", timeout=2) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"Ralph did not answer:\n{log.read_text()}")


def validate(statements: list[dict]) -> list[str]:
    """Problems found by @learninglocker/xapi-validation (xAPI 1.0.3), one string per problem."""
    result = subprocess.run(["node", str(VALIDATOR)], input=json.dumps(statements), capture_output=True, text=True, check=True)
    return json.loads(result.stdout)
