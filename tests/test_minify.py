"""The academy's scripts and styles are published without comments or layout, and still work."""

from __future__ import annotations

import subprocess

from academy.minify import minify_assets


def test_scripts_and_styles_lose_comments_and_layout_but_keep_strings_and_names(tmp_path):
    (tmp_path / "a.js").write_text('/* why */\nfunction keep(x) {\n  // note\n  return "/* kept */ " + x;\n}\n',
                                   encoding="utf-8")
    (tmp_path / "a.css").write_text("/* why */\n.a  {\n  color : red ;\n}\n", encoding="utf-8")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "b.js").write_text("/* someone else's */\n", encoding="utf-8")
    (tmp_path / "icon.svg").write_text("<svg>  </svg>\n", encoding="utf-8")
    minify_assets(tmp_path)
    script = (tmp_path / "a.js").read_text(encoding="utf-8")
    assert script == 'function keep(x){return"/* kept */ "+x;}'
    assert (tmp_path / "a.css").read_text(encoding="utf-8") == ".a{color:red}"
    assert (tmp_path / "nested" / "b.js").read_text(encoding="utf-8") == "/* someone else's */\n"
    assert (tmp_path / "icon.svg").read_text(encoding="utf-8") == "<svg>  </svg>\n"
    node = subprocess.run(["node", "-e", script + "; process.stdout.write(keep(1))"], capture_output=True, text=True)
    assert node.stdout == "/* kept */ 1", node.stderr


def test_the_published_academy_script_has_no_comments(built_site):
    for lang in ("", "fil/", "ru/"):
        script = (built_site.site / f"{lang}assets/academy/academy.js").read_text(encoding="utf-8")
        assert "/*" not in script.replace('"/*', "") and "\n  " not in script, lang
