"""Pagefind's indexing service, handed pages from memory.

The Filipino and English indexes are made from rewritten pages (stemmed words, American
spellings) that no trainee ever opens. Pagefind's binary can take such pages as strings
through its service mode (`pagefind --service`), the protocol its Node and Python APIs
speak: base64-encoded JSON messages, each ended by a comma, answered in the order sent.
So the rewritten pages never touch the disk: writing and deleting a copy of every page
cost more than indexing them.

The index comes back as data and is written here, each file whole. The service's own
"write the files" answers before its writes reach the disk (tokio's file API), and it
exits at the end of its input with `process::exit`, dropping writes still queued: on a
busy machine that once left index files empty or cut short.

The Python package's own client (`pagefind.index.PagefindIndex`) sleeps 0.1 s before
reading each answer (its `_wait_for_responses`), near two minutes for a thousand pages;
this one reads the answers in a thread of its own while the pages are sent, so the
indexer parses one page while the next is being rewritten.

Pagefind numbers pages in the order they are added. Its command line adds them in the
order the operating system lists the folder, which differs from one file system to
another; here they are added in the order given (sorted by path by the caller), so the
same site gives the same index on every machine.
"""

from __future__ import annotations

import base64
import json
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path, PurePosixPath


class PagefindServiceError(Exception):
    pass


def _executable() -> Path:
    from pagefind.service import get_executable  # the package's own search for its binary

    found = get_executable()
    if found is None:
        raise PagefindServiceError("Pagefind's program was not found: reinstall the `pagefind[bin]` package")
    return found


def write_index(pages: Iterable[tuple[str, str]], output: Path) -> int:
    """Index each (path relative to the site, HTML) page into `output`; the number of pages sent.

    Each page's address is made by Pagefind from its path, as its command line does
    (`a/index.html` is `/a/`).
    """
    with tempfile.TemporaryFile() as said:  # its complaints, read only if it fails
        program = _executable()
        try:
            process = subprocess.Popen([str(program), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=said)
        except OSError as error:
            raise PagefindServiceError(f"Pagefind's program {program} could not be started: "
                                       f"{error.strerror or error}") from None
        try:
            return _index(process, pages, output)
        except PagefindServiceError as error:
            said.seek(0)
            complaint = said.read().decode("utf-8", "replace").strip()[-400:]
            raise PagefindServiceError(f"{error}: {complaint}" if complaint else str(error)) from None


def _index(process: subprocess.Popen, pages: Iterable[tuple[str, str]], output: Path) -> int:
    answers = _Answers()
    reader = threading.Thread(target=answers.read, args=(process,), daemon=True)
    reader.start()
    sent = 0
    assert process.stdin is not None
    try:
        _send(process, 1, {"type": "NewIndex", "config": None})
        for path, html in pages:
            sent += 1
            _send(process, sent + 1, {"type": "AddFile", "index_id": 0, "file_path": path, "url": None,
                                      "file_contents": html})
        _send(process, sent + 2, {"type": "GetFiles", "index_id": 0})
        process.stdin.flush()
        # Pagefind stops as soon as its input ends, whatever it has still to do: the input
        # is closed only once every answer is in (or it has stopped by itself)
        answers.wait_for(sent + 2)
    except BrokenPipeError:
        pass  # it stopped early: what it said before stopping is read below
    finally:
        try:
            process.stdin.close()
        except BrokenPipeError:
            pass
        reader.join()
        process.wait()
    expected = ["NewIndex", *["IndexedFile"] * sent, "GetFiles"]
    for number, (answer, wanted) in enumerate(zip(answers.received, expected, strict=False), start=1):
        payload = answer.get("payload", {})
        if answer.get("message_id") != number or payload.get("type") != wanted:
            raise PagefindServiceError(payload.get("message") or f"Pagefind answered {payload.get('type')!r} "
                                       f"where {wanted!r} was expected")
    if len(answers.received) != len(expected):
        if process.returncode == -signal.SIGINT:
            raise KeyboardInterrupt  # Ctrl-C reached Pagefind too: stopped, not failed
        raise PagefindServiceError(f"Pagefind stopped before the index was made (exit status {process.returncode})")
    _write_files(output, answers.received[-1]["payload"]["files"])
    return sent


def _write_files(output: Path, files: list[dict]) -> None:
    """The index's files in `output`, each written whole (a file is complete when this returns).

    As Pagefind's command line does, files of an earlier index are left: the new entry
    file names only the new index's files, which are named by their contents.
    """
    root = output.resolve()
    for file in files:
        relative = PurePosixPath(file["path"])  # relative to the index folder
        if relative.is_absolute() or ".." in relative.parts:
            raise PagefindServiceError(f"Pagefind named a file outside the index: {relative}")
        target = root.joinpath(*relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.part")
        partial.write_bytes(base64.b64decode(file["content"]))
        partial.replace(target)


def _send(process: subprocess.Popen, number: int, payload: dict) -> None:
    assert process.stdin is not None
    message = json.dumps({"message_id": number, "payload": payload}, ensure_ascii=False).encode("utf-8")
    process.stdin.write(base64.b64encode(message) + b",")


class _Answers:
    """Pagefind's answers, read as they come so that its output never fills up and stalls it."""

    def __init__(self) -> None:
        self.received: list[dict] = []
        self.changed = threading.Condition()
        self.ended = False

    def read(self, process: subprocess.Popen) -> None:
        assert process.stdout is not None
        pending: list[bytes] = []  # the start of an answer not yet ended (the index's files come as one)
        try:
            while chunk := process.stdout.read1(1 << 16):
                *ends, rest = chunk.split(b",")
                if not ends:
                    pending.append(rest)
                    continue
                complete = [b"".join([*pending, ends[0]]), *ends[1:]]
                pending = [rest]
                with self.changed:
                    self.received.extend(json.loads(base64.b64decode(item)) for item in complete if item)
                    self.changed.notify_all()
        finally:
            with self.changed:
                self.ended = True
                self.changed.notify_all()

    def wait_for(self, count: int) -> None:
        with self.changed:
            self.changed.wait_for(lambda: self.ended or len(self.received) >= count)
