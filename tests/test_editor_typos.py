"""An editor's typing slips that Markdown renders without a word, and `academy check` once passed silently.

A code fence or an HTML comment never closed shows the rest of its block as text; a table
typed without its `| --- |` row is a paragraph of pipes; a misspelt admonition type is a box
of no known kind; a link with no words, a mistyped scheme (`htps://`, `http//`), a bare
`www.` address or an empty `mailto:` leads nowhere, and a `javascript:` link never runs; an
image of a page is a broken image; a footnote the site cannot read is shown as typed, one
never defined is shown as `[^1]`; a heading that skips a level breaks the contents and what a
screen reader announces; an FAQ question at the wrong level is out of step with the page's
sections; an abbreviation given two meanings shows only one; an inline tag never closed
runs over the rest of the paragraph; Markdown or HTML in a title or a description is shown
as typed in the tab, the cards and search; a carriage return or a Unicode noncharacter
in a quiz or front matter reaches the catalogs and the page. Each is refused at its line,
with a hint, by `academy check` and the build alike.
"""

from __future__ import annotations

from pathlib import Path

import html5lib
import pytest

import sitekit
from sitekit import edit, line_of

LESSON = "content/journey/first-steps.md"
QUIZ = "quizzes/first-steps.yml"
PARAGRAPH = "A shopper reads reviews before buying."


def in_file(path: str, old: str, new: str, needle: str):
    """`old` in the file written as `new`; the mistake is on the first line holding `needle`."""
    def mistake(root: Path) -> tuple[str, int]:
        edit(root / path, old, new)
        return path, line_of(root / path, needle)
    return mistake


def in_lesson(old: str, new: str, needle: str):
    return in_file(LESSON, old, new, needle)


def after_paragraph(text: str, needle: str):
    return in_lesson(PARAGRAPH, f"{PARAGRAPH}\n\n{text}", needle)


def enabled(extension: str, make):
    """The same mistake on a site whose mkdocs.yml enables a Markdown extension."""
    def mistake(root: Path) -> tuple[str, int]:
        edit(root / "mkdocs.yml", "  - abbr\n", f"  - abbr\n  - {extension}\n")
        return make(root)
    return mistake


# each: (how to make it, words of the message, words of the hint)
MISTAKES = {
    "a code fence never closed": (
        after_paragraph("```text\nHello, how can I help?\n\nMore words.", "```text"),
        "the code block opened here with ``` is never closed", "add a line with ```"),
    "a tilde fence closed with backticks": (
        after_paragraph("~~~\nHello\n```", "~~~"),
        "the code block opened here with ~~~ is never closed", "add a line with ~~~"),
    "an HTML comment never closed": (
        after_paragraph("<!-- to do: add an example\n\nMore words.", "<!-- to do"),
        "the HTML comment opened here is never closed", "-->"),
    "a table with no separator row": (
        in_lesson("| --- | --- |\n", "", "| Stage | Example |"),
        "this table has no separator row", "| --- | --- |"),
    "a table typed straight under a paragraph": (
        in_lesson("- Ratings matter too.\n\n| Stage", "- Ratings matter too.\n\nStages:\n| Stage", "| Stage |"),
        "this table has no empty line above it", "leave an empty line above the table"),
    "a misspelt admonition type": (
        in_lesson('!!! tip "Remember"', '!!! warnng "Remember"', "!!! warnng"),
        "the admonition type `warnng` is not one of Material's", "did you mean `warning`?"),
    "a misspelt collapsible admonition type": (
        in_lesson('!!! tip "Remember"', '???+ nte "Remember"', "???+ nte"),
        "the admonition type `nte` is not one of Material's", "did you mean `note`?"),
    "a misspelt type of an admonition block": (
        enabled("pymdownx.blocks.admonition", in_lesson(
            "!!! tip \"Remember\"\n    Answer every customer kindly.",
            "/// admonition | Remember\n    type: warnng\n\nAnswer every customer kindly.\n///", "type: warnng")),
        "the admonition type `warnng` is not one of Material's", "did you mean `type: warning`?"),
    "an admonition title not in quotes": (
        in_lesson('!!! tip "Remember"', "!!! tip Remember this", "!!! tip Remember"),
        "the admonition's title is not in quotes", '!!! tip "Remember this"'),
    "a link with no words": (
        after_paragraph("Read [](https://example.com/guide) first.", "Read []("),
        "the link to https://example.com/guide has no words", "between the brackets"),
    "a link with no words and no address": (
        after_paragraph("Read []() first.", "Read []()"),
        "a link with no words and no address", "delete it"),
    "a link whose scheme is misspelt": (
        after_paragraph("Read [the guide](htps://example.com/guide).", "htps://"),
        "the link htps://example.com/guide", "https://example.com/guide"),
    "a link with no colon after http": (
        after_paragraph("Read [the guide](http//example.com/guide).", "http//"),
        "the link http//example.com/guide", "http://example.com/guide"),
    "a link with one slash after https:": (
        after_paragraph("Read [the guide](https:/example.com/guide).", "https:/example"),
        "the link https:/example.com/guide", "https://example.com/guide"),
    "a link to a bare www address": (
        after_paragraph("Read [the guide](www.example.com/guide).", "www.example"),
        "the link www.example.com/guide has no `https://`", "https://www.example.com/guide"),
    "a mailto link with no address": (
        after_paragraph("Write to [support](mailto:).", "mailto:"),
        "the link mailto: has no address", "mailto:support@example.com"),
    "a javascript link": (
        after_paragraph("[Click](javascript:alert(1)) here.", "javascript:"),
        "the link javascript:alert(1) never runs", "remove the link"),
    "a reference definition with a misspelt scheme": (
        after_paragraph("Read [the guide][guide].\n\n[guide]: htps://example.com/guide", "[guide]: htps"),
        "the link htps://example.com/guide", "https://example.com/guide"),
    "an image of a page": (
        after_paragraph("![The course](index.md)", "![The course]"),
        "the image index.md is a page, not a picture", "[The course](index.md)"),
    "a footnote on a site without footnotes": (
        after_paragraph("Most shoppers research first.[^1]\n\n[^1]: A survey of 2024.", "research first.[^1]"),
        "the footnote [^1] is shown as typed: footnotes are not enabled", "- footnotes"),
    "a footnote with no definition": (
        enabled("footnotes", after_paragraph("Most shoppers research first.[^survey]", "[^survey]")),
        "the footnote [^survey] has no definition", "[^survey]: "),
    "a footnote defined and never referenced": (
        enabled("footnotes", after_paragraph("Most shoppers research first.\n\n[^survey]: A survey of 2024.",
                                          "[^survey]:")),
        "the footnote [^survey] is defined here and never referenced", "[^survey]"),
    "a heading that skips a level": (
        in_lesson("## The research moment", "#### The research moment", "#### The research"),
        "a `####` heading after the `#` heading on line 6: it skips a level", "## The research moment"),
    "an FAQ question written as a section": (
        in_lesson("### Why do reviews matter?", "## Why do reviews matter?", "## Why do reviews"),
        "this FAQ question is a `##` heading", "### Why do reviews matter?"),
    "an FAQ question a level too deep": (
        in_lesson("### Why do reviews matter?", "#### Why do reviews matter?", "#### Why do reviews"),
        "this FAQ question is a `####` heading", "### Why do reviews matter?"),
    "an abbreviation given two meanings on one page": (
        after_paragraph("CSAT is a survey.\n\n*[CSAT]: Customer satisfaction\n*[CSAT]: Customer satisfaction score",
                        "satisfaction score"),
        "CSAT is defined again on this page, differently", "keep one `*[CSAT]:` line"),
    "an abbreviation unlike the shared one": (
        after_paragraph("ZMOT comes first.\n\n*[ZMOT]: Zero moment of trust", "moment of trust"),
        "ZMOT means 'Zero moment of truth' in content/includes/abbreviations.md", "*[ZMOT]:"),
    "an inline tag never closed": (
        after_paragraph("Press <kbd>Ctrl and C to copy.", "<kbd>Ctrl"),
        "the <kbd> tag is never closed", "</kbd>"),
    "a bold tag never closed, on a later line of the paragraph": (
        after_paragraph("Greet the customer\nand <b>smile every time.", "<b>smile"),
        "the <b> tag is never closed", "</b>"),
    "Markdown in a title": (
        in_lesson("title: First steps", "title: First **steps**", "title:"),
        "`title` holds Markdown or HTML (**steps**)", "plain text"),
    "HTML in a description": (
        in_lesson("description: How a customer meets a brand.", "description: How a <b>customer</b> meets a brand.",
                  "description:"),
        "`description` holds Markdown or HTML (<b>)", "plain text"),
    "a carriage return in a description": (
        in_lesson("description: How a customer meets a brand.", 'description: "How a customer\\rmeets a brand."',
                  "description:"),
        "a carriage return (U+000D) in `description`", "delete it"),
    "a noncharacter in a title": (
        in_lesson("title: First steps", 'title: "First steps\\uFFFE"', "title:"),
        "a Unicode noncharacter (U+FFFE) in `title`", "delete it"),
    "a carriage return in a quiz question": (
        in_file(QUIZ, "text: What does a shopper do before buying?",
                'text: "What does a shopper\\rdo before buying?"', "What does a shopper"),
        "a carriage return (U+000D)", "delete it"),
    "a noncharacter in a quiz option": (
        in_file(QUIZ, "text: Reads reviews", 'text: "Reads reviews\\uFDD0"', "Reads reviews"),
        "a Unicode noncharacter (U+FDD0)", "delete it"),
}


@pytest.mark.parametrize("name", list(MISTAKES))
def test_check_refuses_the_slip_at_its_line_with_a_hint(site, name):
    make, words, hint = MISTAKES[name]
    path, line = make(site)
    assert hint in sitekit.refused_by_check(site, path, line, words)


def test_a_build_refuses_the_slips_as_check_does_and_publishes_nothing(site):
    for name in ("a misspelt admonition type", "a link whose scheme is misspelt"):
        MISTAKES[name][0](site)
    admonition, link = (line_of(site / LESSON, needle) for needle in ("!!! warnng", "htps://"))
    built = sitekit.build(site, check=False).result
    assert built.returncode != 0, built.stderr
    assert "Traceback" not in built.stdout + built.stderr, built.stderr
    for line in (admonition, link):
        assert f"{LESSON}:{line}: " in built.stderr, built.stderr
    assert not (site / "site").exists(), "nothing is published"


def test_a_skipped_heading_level_fails_check_and_a_strict_build_but_a_plain_build_publishes_it(site):
    """The page reads as meant; only its outline suffers. An editor's `check` and a `--strict` publish
    refuse it at its line; a plain build warns and publishes the heading as written."""
    MISTAKES["a heading that skips a level"][0](site)
    heading = line_of(site / LESSON, "#### The")
    strict = sitekit.build(site, "--strict", check=False).result
    assert strict.returncode != 0 and f"{LESSON}:{heading}: " in strict.stderr, strict.stderr
    assert not (site / "site").exists(), "nothing is published"
    plain = sitekit.build(site).result
    assert f"{LESSON}:{heading}: " in plain.stderr and "skips a level" in plain.stderr, plain.stderr
    doc = html5lib.parse((site / "site/journey/first-steps/index.html").read_text(), namespaceHTMLElements=False)
    assert [h.get("id") for h in doc.iter("h4")] == ["the-research-moment"]


def test_the_same_things_written_right_pass(site):
    """Code fences closed (and what looks like a slip inside them), a table with its separator row,
    every kind of admonition by its name or alias, links that lead somewhere, inline tags closed,
    abbreviations that agree, headings one level at a time, and footnotes on a site that reads them."""
    edit(site / "mkdocs.yml", "  - abbr\n", "  - abbr\n  - footnotes\n")
    edit(site / LESSON, PARAGRAPH, PARAGRAPH + "\n\n"
         "```text\n| a | b |\n!!! warnng \"x\"\n[](htps://x) <kbd>open\n#### deep\n```\n\n"
         "````markdown\n```\nnested\n```\n````\n\n"
         "<!-- an editor's note: keep `!!! warnng`, [](x) and <b>bold\nas they are -->\n\n"
         "Press <kbd>Ctrl</kbd> + <kbd>C</kbd>, then `<b>` and `[](x)` in code; a line<br>break.\n\n"
         "See [the course](index.md#the-journey), [the guide](https://www.example.com/guide), "
         "[mail](mailto:help@example.com), [call](tel:+15550100), <https://example.com> and [top](#first-steps).\n\n"
         "ZMOT comes first.[^survey]\n\n"
         "[^survey]: A survey of 2024.\n\n"
         "*[ZMOT]: Zero moment of truth\n*[CSAT]: Customer satisfaction\n*[CSAT]: Customer satisfaction\n\n"
         "### A smaller section\n\n#### Smaller still\n\nText.\n\n"
         '!!! warning "Careful"\n    Text.\n\n??? faq "Asked"\n    Text.\n\n!!! tip inline end "Side"\n    Text.\n\n'
         "!!! note\n    Text.\n\n"
         "| One | Two |\n|---|---|\n| a | b |")
    edit(site / LESSON, "title: First steps", "title: \"First steps: 2 * 3 < 4 & more\"")
    checked = sitekit.check(site)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_academys_own_pages_have_no_slip():
    """Every page of the academy, read as check reads it on its own site (no footnotes), passes."""
    from academy.site import SourcePage

    root = sitekit.ROOT
    problems = []
    for path in sorted((root / "content").rglob("*.md")):
        src = path.relative_to(root / "content").as_posix()
        published = not src.startswith("includes/")
        page = SourcePage.parse(src, f"content/{src}", path.read_text(encoding="utf-8"), published, footnotes=False)
        problems.extend(page.problems)
    assert not problems, "\n".join(map(str, problems))


def test_markup_in_a_title_is_a_warning_a_plain_build_publishes_escaped(site):
    """Shown as typed, never as markup: check and a strict build refuse it, a plain build warns and publishes."""
    edit(site / LESSON, "title: First steps", "title: First **steps**")
    built = sitekit.build(site, check=False).result
    assert built.returncode == 0, built.stderr
    assert f"{LESSON}:2: `title` holds Markdown or HTML (**steps**)" in built.stderr, built.stderr
    strict = sitekit.build(site, "--strict", check=False).result
    assert strict.returncode != 0 and f"{LESSON}:2: " in strict.stderr, strict.stderr
