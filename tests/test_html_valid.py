"""Every built page passes the W3C Nu HTML Checker (npm vnu-jar, run with the machine's Java)."""

from __future__ import annotations

import subprocess
from pathlib import Path

VNU = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_no_html_errors_on_any_page(built_site):
    pages = sorted(str(p) for p in built_site.site.rglob("*.html"))
    assert len(pages) >= 15
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", *pages], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-4000:]
