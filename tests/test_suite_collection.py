"""The suite runs on two workers (pytest-xdist), which refuse to start unless each collects the same test ids.

An id built from a value that changes from run to run (a time stamp inside compressed bytes, a temporary path, a set's
order) stops the whole run, so two collections a second apart must list the same tests."""

from __future__ import annotations

import subprocess
import sys
import time

import sitekit


def _collected() -> list[str]:
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-p", "no:xdist"],
                            cwd=sitekit.ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return [line for line in result.stdout.splitlines() if "::" in line]


def test_two_collections_list_the_same_test_ids():
    first = _collected()
    time.sleep(1.1)
    second = _collected()
    assert len(first) > 1000
    assert first == second, sorted(set(first) ^ set(second))[:10]
