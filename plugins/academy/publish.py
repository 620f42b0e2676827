"""Publishing a finished build: the new site replaces the old one only when complete.

Output is written into a staging folder beside the target and swapped in with
one ``renameat2(RENAME_EXCHANGE)``: at every instant the target is either the
whole old site or the whole new one, even if the build is killed at the swap.
Where the kernel or file system cannot exchange, two renames are used.

Staging and old folders carry the id of the process that made them; each build
removes those whose process is gone (leftovers of killed builds).

The old site is never deleted in place, and the build does not wait for it to be
deleted: once swapped out it is renamed to a trash folder (``.site.trash-<pid>-…``)
beside the target, which nothing ever reads again, and a detached process deletes
it after the build has returned. A trash folder carries the id of the process
deleting it; one whose process is gone (a deletion killed half-way) is handed to
a new one by the next build.

The output folder may never be, or hold, a source folder: building into
``locales/`` would delete every catalog.
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .errors import Problem, display_path

# Fault injection for tests: ACADEMY_FAULT=<point> kills the build there, as a power cut would.
FAULT = "ACADEMY_FAULT"
RENAME_EXCHANGE = 2
AT_FDCWD = -100
LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?:staging|old)-(?P<pid>\d+)-")
# Folders of builds made before they carried a process id: removed once no build could still use them.
UNOWNED_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?:staging|old)-[^-]+$")
UNOWNED_AGE = 3600  # seconds; no build of the academy runs an hour
TRASH = re.compile(r"^\.(?P<name>.+)\.trash-(?P<pid>\d+)-[0-9a-f]+$")


class PublishError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def _fault(point: str) -> None:
    if os.environ.get(FAULT) == point:
        os.kill(os.getpid(), signal.SIGKILL)


def _unusable(target: Path, error: OSError, root: Path | None) -> PublishError:
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        reason = "a part of its path is a file, not a folder"
    else:
        reason = os.strerror(error.errno) if error.errno else str(error)
    return PublishError(Problem(display_path(target, root), 0, f"the output folder cannot be written: {reason}",
                                "choose a folder you may write to with `-d FOLDER` (or `site_dir:` in mkdocs.yml)"))


def check_output(target: Path, sources: list[Path], root: Path, shown_root: Path | None = None) -> None:
    """Refuse an output folder that is, holds or lies inside a source folder, or holds the project."""
    target = target.resolve()
    shown = display_path(target, shown_root)
    for source in [path.resolve() for path in sources]:
        if target == source or source.is_relative_to(target) or target.is_relative_to(source):
            raise PublishError(Problem(
                shown, 0, f"the output folder would replace {display_path(source, shown_root)}/, which holds the academy's sources",
                "build into a folder of its own, e.g. `-d site` (the default)"))
    if root.resolve().is_relative_to(target):
        raise PublishError(Problem(shown, 0, "the output folder would replace the project folder itself",
                                   "build into a folder of its own, e.g. `-d site` (the default)"))
    if target.exists() and not target.is_dir():
        raise PublishError(Problem(shown, 0, "the output folder is a file",
                                   "remove the file or choose another folder with `-d FOLDER`"))


def remove_leftovers(target: Path) -> None:
    """Remove staging and old folders of earlier builds whose process no longer runs, and trash
    folders whose deletion stopped half-way; in the background (see `remove_in_background`)."""
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return
    now = time.time()
    garbage = []
    for entry in entries:
        match = LEFTOVER.match(entry.name) or TRASH.match(entry.name)
        if match and match.group("name") == target.name and not _running(int(match.group("pid"))):
            garbage.append(entry)
            continue
        match = UNOWNED_LEFTOVER.match(entry.name)
        if match and match.group("name") == target.name and _age(entry, now) > UNOWNED_AGE:
            garbage.append(entry)
    remove_in_background(target, garbage)


def remove_in_background(target: Path, folders: list[Path]) -> None:
    """Delete folders beside the target without waiting for it.

    Each is first renamed to a trash name (gone from where it was at once, and never taken for
    a site or a staging folder), then a detached process deletes it; the trash names carry that
    process's id, so that a later build leaves them to it while it runs. Where no process can
    be started, they are deleted here and now."""
    trash = []
    for folder in folders:
        aside = target.parent / f".{target.name}.trash-{os.getpid()}-{secrets.token_hex(6)}"
        try:
            if TRASH.match(folder.name):
                aside = folder  # the deleter renames it after itself
            else:
                os.rename(folder, aside)
        except OSError:
            shutil.rmtree(folder, ignore_errors=True)
            continue
        trash.append(aside)
    if not trash:
        return
    _fault("publish-trash")
    try:
        done = subprocess.run([sys.executable, "-I", "-S", "-c", _DELETER, *map(str, trash)], stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, timeout=60).returncode == 0
    except (OSError, subprocess.SubprocessError):
        done = False
    if not done:
        for folder in trash:
            shutil.rmtree(folder, ignore_errors=True)


# The detached deleter: a process forks a child in a session of its own, names each trash
# folder after the child, and returns; the child, once its parent has named them, deletes them.
# Nothing waits for the child, and it holds none of the build's files or pipes open.
_DELETER = r"""
import os, re, shutil, sys
read, write = os.pipe()
child = os.fork()
def named(path, pid):
    head, name = os.path.split(path)
    return os.path.join(head, re.sub(r"\.trash-\d+-", f".trash-{pid}-", name))
if child == 0:
    os.close(write)
    os.setsid()
    os.read(read, 1)
    for path in sys.argv[1:]:
        shutil.rmtree(named(path, os.getpid()), ignore_errors=True)
    os._exit(0)
os.close(read)
for path in sys.argv[1:]:
    try:
        os.rename(path, named(path, child))
    except OSError:
        pass
os.close(write)
"""


def _age(path: Path, now: float) -> float:
    try:
        return now - path.lstat().st_mtime
    except OSError:
        return 0.0


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def staging_dir(target: Path, label: str = "staging", root: Path | None = None) -> Path:
    """A new empty folder beside the target (same file system, so renames are atomic)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(target)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.{label}-{os.getpid()}-", dir=target.parent))
        if target.exists() and not os.access(target, os.W_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(target))
        return staging
    except OSError as error:
        raise _unusable(target, error, root) from None


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one system call; False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def swap_into_place(staging: Path, target: Path, root: Path | None = None) -> None:
    """The new site in place of the old at once; the old is deleted in the background."""
    try:
        _fault("publish-swap")
        if target.exists() and _exchange(staging, target):
            _fault("publish-after-swap")
            remove_in_background(target, [staging])  # now the old site
            return
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-{os.getpid()}-", dir=target.parent))
            os.rename(target, old / "site")
        os.rename(staging, target)
        if old is not None:
            remove_in_background(target, [old])
    except OSError as error:
        raise _unusable(target, error, root) from None


def discard(*folders: Path | None) -> None:
    for folder in folders:
        if folder is not None and folder.exists():
            shutil.rmtree(folder, ignore_errors=True)
