"""Plain prose skips the rendered comparison only when no extension of the site can read syntax in it."""

from __future__ import annotations

import pytest

from academy import markup
from academy.markup import markup_problem

# One sample of each extension's inline syntax, written into a translation whose English has none.
SYNTAX = {
    "pymdownx.mark": "Make it ==bold== now",
    "pymdownx.caret": "Make it ^^inserted^^ now",
    "pymdownx.tilde": "Make it ~~gone~~ now",
    "pymdownx.keys": "Press ++ctrl+alt+del++ now",
    "pymdownx.emoji": "Smile :smile: now",
    "pymdownx.arithmatex": "Pay $x + y$ now",
    "pymdownx.critic": "Make it {++added++} now",
    "pymdownx.magiclink": "Visit https://evil.example/ now",
    "pymdownx.inlinehilite": "Run `#!js alert(1)` now",
}


@pytest.fixture
def site_extensions():
    def use(*names: str) -> None:
        markup.use_site_extensions(list(names), {})
    yield use
    markup.use_site_extensions([], {})


@pytest.mark.parametrize("extension", sorted(SYNTAX))
def test_syntax_of_a_site_extension_is_refused_when_the_english_has_none(site_extensions, extension):
    site_extensions(extension, "fenced_code", "toc")
    assert markup_problem("Do it right now", SYNTAX[extension]) is not None


def test_an_extension_the_academy_does_not_know_is_compared_rendered(site_extensions, tmp_path, monkeypatch):
    (tmp_path / "shouting.py").write_text(
        "import markdown\n"
        "from markdown.inlinepatterns import SimpleTagInlineProcessor\n"
        "class Shouting(markdown.Extension):\n"
        "    def extendMarkdown(self, md):\n"
        "        md.inlinePatterns.register(SimpleTagInlineProcessor(r'()zz(.+?)zz', 'b'), 'shout', 175)\n"
        "def makeExtension(**kwargs):\n"
        "    return Shouting(**kwargs)\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    site_extensions("shouting")
    assert markup_problem("Do it right now", "Do it zzrightzz now") is not None


def test_a_setext_underline_in_a_second_line_is_a_heading_and_refused():
    assert markup_problem("First line\nsecond line", "Una\n===") is not None
    assert markup_problem("First line\nsecond line", "Una\n=") is not None
    assert markup_problem("First line\nsecond line", "Unang linya\nikalawang linya") is None


def test_plain_prose_is_not_rendered_with_the_extensions_mkdocs_always_adds(site_extensions, monkeypatch):
    site_extensions("toc", "tables", "fenced_code", "abbr", "admonition", "attr_list")

    def rendered(*args, **kwargs):
        raise AssertionError("plain prose was rendered")

    monkeypatch.setattr(markup, "render", rendered)
    assert markup_problem("Listen to the customer first", "Pakinggan muna ang customer") is None
    with pytest.raises(AssertionError):
        markup_problem("Listen to the customer first", "Pakinggan muna ang **customer**")
