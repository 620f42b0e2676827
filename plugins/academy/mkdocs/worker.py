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
    for line in sys.stdin:
        request = json.loads(line)
        os.environ[REPORT] = request["report"]
        ok = True
        try:
            config = load_config(config_file=request["config_file"], site_dir=request["out"],
                                 strict=request["strict"], use_directory_urls=request["use_directory_urls"],
                                 theme=request["theme"])
            if started is None:
                config.plugins.on_startup(command="serve", dirty=True)
                started = config.plugins
            build(config, dirty=True)
        except BaseException:  # noqa: BLE001 (a failed build is answered; the report says why)
            ok = False
            traceback.print_exc(file=sys.stderr)
        answers.write(json.dumps({"ok": ok}) + "\n")
        answers.flush()
    if started is not None:
        started.on_shutdown()


if __name__ == "__main__":
    main()
