"""Each language's service worker is stamped with its build, so a new build never serves stale pages."""

from __future__ import annotations

import re

import sitekit


def version(site, lang: str = "") -> str:
    text = (site / lang / "sw.js").read_text(encoding="utf-8")
    found = re.search(r'var VERSION ?= ?"([0-9a-f]{16})"', text)
    assert found, "the worker was not stamped"
    assert "__ACADEMY" not in text
    return found.group(1)


def test_every_language_has_a_stamped_worker_and_the_root_one_leaves_the_others_alone(built_site):
    for lang in ("", "fil", "ru"):
        version(built_site.site, lang)
    root = (built_site.site / "sw.js").read_text(encoding="utf-8")
    assert re.search(r'var OTHER_LANGUAGES ?= ?\["fil/", ?"ru/"\]', root)
    assert re.search(r"var OTHER_LANGUAGES ?= ?\[\]", (built_site.site / "ru" / "sw.js").read_text(encoding="utf-8"))


def test_a_changed_lesson_changes_the_version_and_an_unchanged_build_keeps_it(project):
    first = sitekit.build(project).site
    before = {lang: version(first, lang) for lang in ("", "fil", "ru")}
    again = sitekit.build(project).site
    assert {lang: version(again, lang) for lang in ("", "fil", "ru")} == before
    lesson = project / "content" / "journey" / "first-steps.md"
    lesson.write_text(lesson.read_text().replace("before buying", "before buying anything"))
    after = {lang: version(sitekit.build(project).site, lang) for lang in ("", "fil", "ru")}
    assert all(after[lang] != before[lang] for lang in after), (before, after)
