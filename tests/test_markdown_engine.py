"""Pages rendered one after another on one Markdown engine (`markdown_engine.py`) read as
each page rendered on a new engine, as MkDocs renders them: nothing of one page (its
abbreviations, references, heading ids, fences, an admonition or details block it ends
in, its title) reaches the next."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from academy.mkdocs.markdown_engine import REUSABLE, MarkdownEngine, reusable

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "toc", "tables", "pymdownx.details", "pymdownx.superfences"]

PAGES = {
    "a.md": """
        # Moments of truth

        The ZMOT comes first[^1], see [the guide][guide] and <span id="raw-anchor">here</span>.

        ## Why it matters {#why .lead}

        ## Why it matters

        Term
        :   Its definition.

        | a | b |
        |---|---|
        | 1 | 2 |

        ```python
        print("a")
        ```

        ???+ note "Open"
            Inside the details.

        !!! tip "Tip"
            A tip that ends the page.

            - a list in it

        [guide]: https://example.org/guide
        *[ZMOT]: Zero moment of truth
        [^1]: A note.
        """,
    "b.md": """
            An indented line right at the start of the next page.

        The ZMOT again, with [the guide][guide] and [^1] not defined here.

        ## Why it matters

        [Back](a.md#why)

        ```text
        fenced again
        ```

        ??? note "Closed"
            Details.
        """,
    "c.md": """
        ## No title of its own

        [TOC]

        ### Placed by the marker

        `[TOC]`

        *[CSAT]: Customer satisfaction

        CSAT and ZMOT.
        """,
}


def _project(tmp_path: Path, extensions: list[str]) -> tuple:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in PAGES.items():
        (docs / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    listed = "\n".join(f"  - {name}" for name in extensions)
    (tmp_path / "mkdocs.yml").write_text(f"site_name: T\nmarkdown_extensions:\n{listed}\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = Files([File(name, str(docs), str(tmp_path / "site"), True) for name in PAGES])
    return config, files


def _rendered(config, files, engine: MarkdownEngine | None, order: list[str]) -> dict[str, tuple]:
    seen = {}
    for name in order:
        page = Page(None, files.get_file_from_path(name), config)
        if engine is not None:
            engine.use_for(page)
        page.read_source(config)
        page.render(config, files)
        seen[name] = (page.content, str(page.toc), page._title_from_render, sorted(page.present_anchor_ids or ()),
                      {str(file.src_uri): links for file, links in (page.links_to_anchors or {}).items()})
    return seen


@pytest.mark.parametrize("order", [["a.md", "b.md", "c.md"], ["c.md", "a.md", "b.md", "a.md", "c.md"]])
def test_each_page_on_the_shared_engine_reads_as_on_a_new_engine(tmp_path, order):
    config, files = _project(tmp_path, EXTENSIONS)
    assert reusable(config["markdown_extensions"])
    engine = MarkdownEngine(_never_unreadable)
    shared = _rendered(config, files, engine, order)
    assert engine._md is not None  # the engine was shared, not made again
    for name in order:
        assert shared[name] == _rendered(config, files, None, [name])[name], name
    assert "<abbr" not in shared["b.md"][0]  # the first page's abbreviation stays on it
    assert 'title="Customer satisfaction"' in shared["c.md"][0] and "Zero moment" not in shared["c.md"][0]
    assert 'id="why-it-matters"' in shared["b.md"][0]  # ids count again from each page's start
    assert "example.org/guide" not in shared["b.md"][0]
    assert '<div class="toc">' in shared["c.md"][0] and '<div class="toc">' not in shared["a.md"][0]


def test_a_site_with_an_extension_that_keeps_state_renders_each_page_on_a_new_engine(tmp_path):
    config, files = _project(tmp_path, [*EXTENSIONS, "footnotes"])
    assert "footnotes" not in REUSABLE and not reusable(config["markdown_extensions"])
    engine = MarkdownEngine(_never_unreadable)
    order = ["a.md", "b.md", "a.md"]
    assert _rendered(config, files, engine, order) == {name: _rendered(config, files, None, [name])[name] for name in order}
    assert engine._md is None


def _never_unreadable(page, line, problem, hint):
    raise AssertionError(f"{page.file.src_uri}:{line}: {problem}")
