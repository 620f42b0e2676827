"""A language build kept alive under `mkdocs serve --dirty`.

Starting a Python process, importing the engine and reading every quiz and
catalog takes seconds at a thousand lessons; an edit should show in one. So
under a dirty serve each other language is built by one long-lived process:
it reads a request per line on standard input (where to build, where to put
its report), builds that language into the served folder with the engine's
dirty build (the academy decides which pages to render again, see
`incremental.py`), and answers one line. It remembers what it read between
builds (`memo.py`) and dies with the server (`builds.py`).

    python -m academy.mkdocs.worker ENGINE   # ENGINE: mkdocs or properdocs
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import sys
import traceback

from .builds import REPORT


def main() -> None:
    engine = sys.argv[1] if len(sys.argv) > 1 else "mkdocs"
    build = importlib.import_module(f"{engine}.commands.build").build
    load_config = importlib.import_module(f"{engine}.config").load_config
    logging.getLogger(engine).setLevel(logging.WARNING)
    started = None
    answers = sys.stdout
    sys.stdout = sys.stderr  # what the engine prints goes to the log, never into the answers
    last = None  # the config of the last build, whose plugin keeps what that build made
    for line in sys.stdin:
        request = json.loads(line)
        if "quick" in request:  # a quick rebuild of saved pages (quick.py): done, or the whole build follows
            answers.write(json.dumps({"ok": _quickly(last, set(request["quick"]))}) + "\n")
            answers.flush()
            continue
        os.environ[REPORT] = request["report"]
        ok = True
        try:
            last = None
            config = load_config(config_file=request["config_file"], site_dir=request["out"],
                                 strict=request["strict"], use_directory_urls=request["use_directory_urls"],
                                 theme=request["theme"])
            if started is None:
                config.plugins.on_startup(command="serve", dirty=True)
                started = config.plugins
            build(config, dirty=True)
            last = config
        except BaseException:  # noqa: BLE001 (a failed build is answered; the report says why)
            ok = False
            traceback.print_exc(file=sys.stderr)
        answers.write(json.dumps({"ok": ok}) + "\n")
        answers.flush()
    if started is not None:
        started.on_shutdown()


def _quickly(config, paths: set[str]) -> bool:
    if config is None:
        return False
    from .plugin import AcademyPlugin

    plugin = next((p for p in config.plugins.values() if isinstance(p, AcademyPlugin)), None)
    try:
        return plugin is not None and plugin.rebuild_quickly(paths)
    except Exception:  # noqa: BLE001 (the whole build follows, and reports what is wrong)
        traceback.print_exc(file=sys.stderr)
        return False


if __name__ == "__main__":
    main()
