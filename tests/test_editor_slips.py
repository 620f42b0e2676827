"""Slips an editor makes that Markdown and YAML accept silently: each is refused at its line by `academy check`.

A reference link with no definition is published as its brackets, a link with no
address leads to the page's own top, and a control character typed as a YAML escape
(`"\\x1b"`) reaches the reader and cuts a translator's message short. All of them are
reported together, with a hint, in one run of `academy check`, and the build publishes
nothing.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import sitekit
from academy.errors import ContentError
from academy.frontmatter import check_page

LESSON = "content/journey/first-steps.md"

# (file, what is written instead of what, the words of the problem)
SLIPS = {
    "a reference link with no definition": (LESSON, "A shopper reads reviews before buying.",
                                             "A shopper reads [the reviews][reviews] before buying.",
                                             "the link [the reviews][reviews] has no definition"),
    "a collapsed reference link with no definition": (LESSON, "Every customer meets the brand through a touchpoint.",
                                                       "Every customer meets the brand through a [touchpoint][].",
                                                       "the link [touchpoint][] has no definition"),
    "a link with no address": (LESSON, "Answer every customer kindly.", "Answer every [customer]() kindly.",
                               "the link [customer]() has no address"),
    "a control character in a course's description": ("content/journey/index.md", "description: The course about the journey.",
                                                        'description: "The course\\x1b about the journey."',
                                                        "control character (U+001B) in `description`"),
}


@pytest.fixture(scope="module")
def slipped(tmp_path_factory):
    root = sitekit.write_project(tmp_path_factory.mktemp("slips"))
    lines = {}
    for name, (path, old, new, _words) in SLIPS.items():
        sitekit.edit(root / path, old, new)
        lines[name] = sitekit.line_of(root / path, new)
    result = subprocess.run([sys.executable, "-m", "academy.cli", "check"], cwd=root, capture_output=True, text=True)
    return root, lines, result


@pytest.mark.parametrize("name", SLIPS)
def test_check_refuses_the_slip_at_its_line_with_a_hint(slipped, name):
    _root, lines, result = slipped
    path, _old, _new, words = SLIPS[name]
    assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout
    out = result.stdout + result.stderr
    rows = out.splitlines()
    found = [i for i, row in enumerate(rows) if row.startswith(f"{path}:{lines[name]}: ") and words in row]
    assert found, out
    assert rows[found[0] + 1].strip().startswith("hint: "), out


def test_the_build_publishes_nothing_while_a_slip_is_there(slipped):
    root, _lines, _result = slipped
    built = sitekit.build(root, check=False)
    assert built.result.returncode != 0 and not (root / "site").exists()
    assert "has no definition" in built.result.stdout + built.result.stderr


def test_brackets_that_are_not_a_link_stay_text():
    from academy.markdown.unresolved_links import REFERENCE

    for text in ("Press [Ctrl] and [C] together.", "A list [1, 2] and [3].", "Array[0] [x]"):
        assert not REFERENCE.search(text), text


@pytest.mark.parametrize("key", ["title", "description"])
def test_a_control_character_in_front_matter_is_refused_at_its_line(key):
    text = '---\ntitle: "Moments of truth"\ndescription: "A lesson."\n---\n\n# Moments of truth\n'
    value = "Moments of truth" if key == "title" else "A lesson."
    text = text.replace(f'"{value}"', f'"{value[:3]}\\x07{value[3:]}"')
    with pytest.raises(ContentError) as refused:
        check_page(text, "content/a.md")
    [problem] = refused.value.problems
    assert problem.line == (2 if key == "title" else 3) and f"in `{key}`" in problem.message and problem.hint
