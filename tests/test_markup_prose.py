"""Plain prose skips the rendered comparison only when no extension of the site can read syntax in it."""

from __future__ import annotations

import re

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


# -- the quick checks that come before the rendered comparison --------------------------------
# Each is searched for at once rather than looked for character by character; these are the
# rules as first written, one character at a time, and the quick checks must refuse exactly what they refuse.

def _hidden_as_written(msgid: str, msgstr: str) -> str | None:
    """The first hidden character of the translation as written, else of the translation with its character
    references decoded (the page shows either: Markdown leaves a reference without its `;` as text)."""
    english = msgid + markup._referenced(msgid)
    return _hidden_in(english, msgstr) or _hidden_in(english, markup._referenced(msgstr))


def _hidden_in(msgid: str, msgstr: str) -> str | None:
    import unicodedata

    for at, char in enumerate(msgstr):
        # an emoji's selector (U+FE0E, U+FE0F) styles the symbol, digit or punctuation mark right before it
        before = msgstr[at - 1] if at else ""
        selects = bool(before) and before not in "\ufe0e\ufe0f" and unicodedata.category(before)[0] not in "LMZC"
        # a noncharacter (U+FDD0-U+FDEF, U+FFFE and U+FFFF of every plane) is not text
        noncharacter = 0xFDD0 <= ord(char) <= 0xFDEF or ord(char) & 0xFFFE == 0xFFFE
        hidden = unicodedata.category(char) == "Cc" and char != "\n" or char in markup.INVISIBLE \
            or char in "\ufe0e\ufe0f" and not selects or noncharacter
        if hidden and char not in msgid:
            return char
    return None


def _script_as_written(msgid: str, msgstr: str) -> bool:
    return bool(markup.SCRIPT_WORDS.search(markup._decoded(msgstr)) and not markup.SCRIPT_WORDS.search(markup._decoded(msgid)))


_PIECES = ["a", "é", " ", "\n", "\t", "\x00", "\x1f", "\x7f", "\x85", "\x9f", "\xa0", "\u200b", "\u200d", "\u202e",
           "\u2066", "\ufeff", "\u2028", "\ufe0e", "\ufe0f", "❤", "1", "<", "=", ":", "&", "&#60;", "&lt", "&#x3a;", "&colon;", "&equals;", "on",
           "click", "script", "java", "vb", "data", "text/html", "ſ", "K", "\ufdd0", "\ufdef", "\ufffe", "\uffff",
           "\U0001fffe", "\U0010ffff", "\ufdcf", "\ufffd"]


def test_a_hidden_character_is_refused_exactly_as_when_each_character_was_looked_at():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    text = st.lists(st.sampled_from(_PIECES) | st.characters(), max_size=12).map("".join)

    @settings(max_examples=3000, deadline=None)
    @given(text, text)
    def check(msgid: str, msgstr: str) -> None:
        found = _hidden_as_written(msgid, msgstr)
        refusal = markup._characters(msgid, msgstr)
        named = re.search(r"U\+([0-9A-F]{4,6})", refusal.reason) if refusal else None
        assert (chr(int(named.group(1), 16)) if named else None) == found, (refusal, found)

    check()
    for msgid, msgstr in (("", "&lt\ufe0e"), ("", "&#x202E;"), ("", "&lt;\ufe0e"), ("a", "a&#xfe0e;")):
        check.hypothesis.inner_test(msgid, msgstr)  # a selector after the "t" of a reference left as text; decoded ones


def test_script_words_are_refused_exactly_as_when_every_translation_was_decoded():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    text = st.lists(st.sampled_from(_PIECES) | st.characters(), max_size=12).map("".join)

    @settings(max_examples=3000, deadline=None)
    @given(text, text)
    def check(msgid: str, msgstr: str) -> None:
        assert (markup._looks_like_script(msgid, msgstr) is not None) == _script_as_written(msgid, msgstr)

    check()
    assert markup._looks_like_script("Open it", "Open &#106;avascript&colon;alert(1)") is not None
    assert markup._looks_like_script("Click", "Click &#111;nclick&equals;x") is not None
