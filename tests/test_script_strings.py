"""Each page carries the interface strings academy.js (and the search.js and progress.js it loads) reads, and no others.

A string the script reads but the page lacks shows its key ("quiz.passed") to the trainee; a string
the page carries but the script never reads is weight on every page a phone downloads.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import html5lib
import pytest

from academy.interface import PLURALS, SCRIPT_PLURALS, SCRIPT_STRINGS, STRINGS

ROOT = Path(__file__).resolve().parent.parent
# academy.js, and search.js and progress.js which it loads and hands its `t`
SCRIPT = "\n".join((ROOT / "plugins" / "academy" / "theme" / "assets" / "academy" / name).read_text(encoding="utf-8")
                   for name in ("academy.js", "search.js", "progress.js"))
LITERAL = re.compile(r"\bt\(\s*\"([\w.]+)\"")
LITERAL_PLURAL = re.compile(r"\bnt\(\s*\"([\w.]+)\"")
CHOSEN = re.compile(r"\bt\(\s*(\w+)\s*\?\s*\"([\w.]+)\"\s*:\s*\"([\w.]+)\"")  # t(x ? "a" : "b")
PREFIXED = re.compile(r"\bt\(\s*\"([\w.]+\.)\"\s*\+")  # t("quiz." + state)


def read_by_script() -> tuple[set[str], set[str], set[str]]:
    keys = {k for k in LITERAL.findall(SCRIPT) if not k.endswith(".")}
    for _, first, second in CHOSEN.findall(SCRIPT):
        keys |= {first, second}
    return keys, set(LITERAL_PLURAL.findall(SCRIPT)), set(PREFIXED.findall(SCRIPT))


def test_the_script_reads_only_strings_every_page_carries():
    keys, plurals, prefixes = read_by_script()
    assert len(keys) > 10 and prefixes == {"quiz.", "progress."}, (keys, prefixes)
    assert keys <= set(SCRIPT_STRINGS), f"read by academy.js but not sent to the page: {keys - set(SCRIPT_STRINGS)}"
    assert plurals <= set(SCRIPT_PLURALS), plurals - set(SCRIPT_PLURALS)
    # a key read as prefix + value: every key of that prefix that the script can name is sent
    for prefix in prefixes:
        assert any(k.startswith(prefix) for k in SCRIPT_STRINGS)


def test_every_string_sent_to_the_page_is_read_by_the_script():
    keys, plurals, prefixes = read_by_script()
    unread = [k for k in SCRIPT_STRINGS if k not in keys and not any(k.startswith(p) for p in prefixes)]
    assert not unread, f"sent with every page but never read by academy.js: {unread}"
    assert set(SCRIPT_PLURALS) == plurals
    assert set(SCRIPT_STRINGS) <= set(STRINGS) and set(SCRIPT_PLURALS) <= set(PLURALS)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_lesson_carries_exactly_the_script_strings_in_its_language(built_site, lang):
    site = built_site.site if lang == "en" else built_site.site / lang
    lessons = [p for p in site.rglob("index.html") if "academy-quiz" in p.read_text(encoding="utf-8")
               and "pagefind" not in p.parts and "answer-keys" not in p.parts]
    assert lessons, "no lesson with a quiz was built"
    document = html5lib.parse(lessons[0].read_text(encoding="utf-8"), namespaceHTMLElements=False)
    config = json.loads(document.find(".//script[@data-academy-config]").text)
    assert set(config["strings"]) == set(SCRIPT_STRINGS)
    assert set(config["plurals"]) == set(SCRIPT_PLURALS)
    assert config["strings"]["quiz.correct"] and config["plurals"]["quiz.summary"]
