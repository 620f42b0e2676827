"""Counts, in every build process, how often a page is localized, and the process's peak memory.

Put on PYTHONPATH by bench/seam.py with ACADEMY_BENCH_LOG set; works on any
revision of the academy, so old and new code are measured with the same tool.
"""

import atexit
import json
import os
import resource
from collections import Counter

LOG = os.environ.get("ACADEMY_BENCH_LOG")

if LOG:
    counts: Counter = Counter()
    checks: Counter = Counter()
    try:
        import academy.localize as localize
    except ImportError:  # not an academy process (pagefind, say)
        localize = None
    if localize is not None:
        original = localize.localize_page

        def counted(text, path, *args, **kwargs):
            counts[path] += 1
            return original(text, path, *args, **kwargs)

        localize.localize_page = counted
        if hasattr(localize, "count_missing"):
            original_check = localize.count_missing

            def checked(units, *args, **kwargs):
                checks[units[0].text if units else ""] += 1
                return original_check(units, *args, **kwargs)

            localize.count_missing = checked

        @atexit.register
        def _write() -> None:
            record = {"lang": os.environ.get("ACADEMY_LANG", "en"), "localizations": dict(counts),
                      "checks": sum(checks.values()),
                      "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}
            with open(LOG, "a", encoding="utf-8") as handle:
                handle.write(json.dumps(record) + "\n")
