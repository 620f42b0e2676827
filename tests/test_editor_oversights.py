"""More of a careless editor's mistakes that once passed `academy check` silently, or stopped the build
with a traceback: each is refused at its line, with a hint, by `academy check` and the build alike,
and nothing is published.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sitekit
from sitekit import edit, line_of

LESSON = "content/journey/first-steps.md"
QUIZ = "quizzes/first-steps.yml"


check = sitekit.check


def front_matter(key_line: str):
    def mistake(root: Path) -> tuple[str, int, str]:
        edit(root / LESSON, "title: First steps\n", f"title: First steps\n{key_line}\n")
        return LESSON, line_of(root / LESSON, key_line), key_line.split(":")[0]
    return mistake


def page_listed_twice_in_nav(root: Path) -> tuple[str, int, str]:
    edit(root / "mkdocs.yml", "  - progress.md\n", "  - progress.md\n  - Again: journey/first-steps.md\n")
    return "mkdocs.yml", line_of(root / "mkdocs.yml", "Again: journey/first-steps.md"), ""


def in_lesson(text: str, needle: str, lines_above: int = 0):
    """`text` added above the FAQ; the mistake is on the line `lines_above` lines above the first holding `needle`."""
    def mistake(root: Path) -> tuple[str, int, str]:
        edit(root / LESSON, "## Frequently asked questions", f"{text}\n\n## Frequently asked questions")
        return LESSON, line_of(root / LESSON, needle) - lines_above, ""
    return mistake


# each makes one mistake in the site: (path, line, words of the message)
MISTAKES = {
    "a template the theme does not have": (front_matter("template: mian.html"), "the template 'mian.html' is not one of the theme's"),
    "an icon that is a number": (front_matter("icon: 5"), "the icon 5 is not one of the theme's icons"),
    "a misspelt icon": (front_matter("icon: material/schooll"), "the icon 'material/schooll' is not one of the theme's icons"),
    # once said as "the title 'First steps' is also the title of" the very same file
    "a page listed twice in nav": (page_listed_twice_in_nav, "nav: journey/first-steps.md is listed twice (first on line 8)"),
    "a second heading with the same words": (in_lesson("## The research moment\n\nMore about it.", "More about it", 2),
                                             "this heading's anchor #the-research-moment is already the anchor of the heading on line 10"),
    "a heading given another's anchor": (in_lesson("## Reviews { #the-research-moment }\n\nText.", "## Reviews"),
                                         "this heading's anchor #the-research-moment is already the anchor of the heading on line 10"),
    "a section heading that repeats an FAQ question": (in_lesson("## Why do reviews matter?\n\nText.", "### Why do reviews"),
                                                       "anchor #why-do-reviews-matter is already the anchor of the heading on line"),
    # once "quiz first-steps is not used by any lesson", at the quiz's first line
    "an indented quiz block": (lambda root: (edit(root / LESSON, "/// quiz | first-steps\n///", "    /// quiz | first-steps\n    ///"),
                                             (LESSON, line_of(root / LESSON, "/// quiz"), ""))[1],
                               "the `/// quiz` line is indented: the academy reads a quiz block only from the left margin"),
    # once "this FAQ block has no question"
    "an FAQ block inside an admonition": (in_lesson('!!! note "Questions"\n    /// faq\n    ### Why?\n\n    Because.\n    ///',
                                                    "    /// faq"),
                                          "the `/// faq` line is indented"),
    "a section written as a second title heading": (in_lesson("# Another section\n\nText.", "# Another section"),
                                                    "a second `# ` heading, after the page's title on line 6"),
    "an image with no alt text": (in_lesson("![](../assets/missing.svg)", "![]("), "the image ../assets/missing.svg has no alt text"),
}


@pytest.mark.parametrize("name", list(MISTAKES))
def test_check_and_build_refuse_the_mistake_at_its_line_and_publish_nothing(site, name):
    make, words = MISTAKES[name]
    path, line, _ = make(site)
    sitekit.refused_by_check(site, path, line, words)
    sitekit.refused_by_build(site, path, line)


def test_honest_headings_and_images_pass(site):
    edit(site / LESSON, "## Frequently asked questions", "## The research moment again { #research-again }\n\n"
         "Never write an image as `![](diagram.svg)`: it has no words for a screen reader.\n\n"
         "## Frequently asked questions")
    checked = check(site)
    assert checked.returncode == 0, checked.stderr


def test_a_template_and_an_icon_the_theme_has_pass(site):
    edit(site / LESSON, "title: First steps\n", "title: First steps\nicon: material/school\ntemplate: main.html\n")
    checked = check(site)
    assert checked.returncode == 0, checked.stderr


# -- numbers in a quiz, read as the editor wrote them ---------------------------------

QUIZ_TEXT = """\
id: sample
title: 2024
questions:
  - id: price
    type: single
    text: What does a coffee cost, in dollars?
    options:
      - text: 1.50
        correct: true
      - text: 2.00
  - id: times
    type: ordering
    text: Put the shifts in order.
    items: [9:30, 12:00, 007, 1_000]
  - id: match
    type: matching
    text: Match each shift to its start.
    pairs:
      - {prompt: Morning, answer: 8:45}
      - {prompt: Evening, answer: 17:00}
  - id: share
    type: numeric
    text: What share, in percent?
    answer: 053
"""


def test_a_number_shown_as_text_is_shown_as_written():
    """YAML 1.1 read `9:30` as 570, `007` as 7 (an octal number) and `1.50` as 1.5; a trainee saw those."""
    from academy.quiz.load import parse_quiz

    quiz = parse_quiz(QUIZ_TEXT, "quizzes/sample.yml", "sample")
    price, times, match, share = quiz.questions
    assert quiz.title == "2024"
    assert [o.text for o in price.options] == ["1.50", "2.00"]
    assert times.items == ("9:30", "12:00", "007", "1_000")
    assert [(p.prompt, p.answer) for p in match.pairs] == [("Morning", "8:45"), ("Evening", "17:00")]
    assert share.answer == 53  # YAML 1.2, as the editor's schema reads it: not the octal 43


def test_a_time_written_as_a_numeric_answer_is_refused_at_its_line():
    from academy.errors import ContentError
    from academy.quiz.load import parse_quiz

    with pytest.raises(ContentError) as refused:
        parse_quiz(QUIZ_TEXT.replace("answer: 053", "answer: 1:30"), "quizzes/sample.yml", "sample")
    [problem] = refused.value.problems
    assert problem.line == 24 and '`answer` must be a number, not "1:30"' in problem.message and problem.hint


MATCHING = """\
id: sample
title: Check
questions:
  - id: match
    type: matching
    text: Match each example to its stage.
    pairs:
      - {prompt: Reading reviews, answer: ZMOT}
      - {prompt: Picking a box, answer: FMOT}
      - {prompt: Using the product, answer: SMOT}
"""


@pytest.mark.parametrize(("old", "new", "line", "words"), [
    # once two choices in every list, "FMOT" and "fmot", one of them right
    ("{prompt: Using the product, answer: SMOT}", "{prompt: Using the product, answer: fmot }", 10,
     'question match: the answer "fmot" reads the same as "FMOT", but they are two choices in every list'),
    # once two rows that read the same
    ("{prompt: Using the product,", "{prompt: reading  Reviews,", 10,
     'question match: the prompt "reading  Reviews" is there twice (first as pair 1)'),
])
def test_matching_texts_that_read_the_same_are_refused_at_their_line(old, new, line, words):
    from academy.errors import ContentError
    from academy.quiz.load import parse_quiz

    parse_quiz(MATCHING, "quizzes/sample.yml", "sample")
    with pytest.raises(ContentError) as refused:
        parse_quiz(MATCHING.replace(old, new), "quizzes/sample.yml", "sample")
    [problem] = refused.value.problems
    assert (problem.line, problem.message) == (line, words) and problem.hint


def test_a_renamed_lessons_catalogs_left_behind_are_named_until_i18n_update_moves_them(site):
    """Renamed without `academy i18n update`, the lesson was shown in English in every other language
    and `academy check` found nothing."""
    (site / LESSON).rename(site / "content/journey/getting-started.md")
    edit(site / "mkdocs.yml", "journey/first-steps.md", "journey/getting-started.md")
    checked = check(site)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr, checked.stderr
    for lang in ("fil", "ru"):
        assert (f"locales/{lang}/LC_MESSAGES/content/journey/first-steps.po: a catalog of content/journey/first-steps.*, "
                "which no longer exists") in checked.stderr, checked.stderr
    assert "hint: renamed the page? run `academy i18n update`" in checked.stderr
    sitekit.academy(site, "i18n", "update")
    checked = check(site)
    assert checked.returncode == 0, checked.stderr
    built = sitekit.build(site)
    assert "Первые шаги" in built.html("ru/journey/getting-started/index.html")


# -- YAML that cannot be read, said in the editor's words at the line to fix ----------

@pytest.mark.parametrize(("old", "new", "line", "words"), [
    # once "found character '\t' that cannot start any token"
    ("    type: ordering", "\ttype: ordering", 12, "a tab in the indentation: YAML indents with spaces only"),
    # once "mapping values are not allowed here", one line below the no-break space
    ("    type: ordering", "\u00a0   type: ordering", 12, "a no-break space (U+00A0) in the indentation"),
    # once at the end of the file, where YAML gave up
    ("    text: Order them.", "    text: 'Order them.", 13, "a quote opened here is never closed"),
    ("items: [Need, Research, Purchase]", "items: [Need, Research, Purchase", 14, "a list opened here with `[` is never closed"),
    ("    text: Order them.", "    text: Order: them.", 13, "a `: ` in a value, or a line indented deeper than the line above it"),
    ("    text: Order them.", "    text: @support orders them.", 13, "a value cannot start with `@`"),
    ("    text: Order them.", "    text: `Order` them.", 13, "a value cannot start with a backtick (`)"),
    ("    text: Order them.", "    text: *Order* them.", 13, "a value cannot start with `*`"),
    ("    type: ordering", "   type: ordering", 12, "this line is indented differently from the lines above it"),
])
def test_a_quiz_that_is_not_yaml_is_explained_at_the_line_to_fix(old, new, line, words):
    from test_careless_editor import QUIZ_TEXT, quiz_problems

    assert old in QUIZ_TEXT
    [problem] = quiz_problems(QUIZ_TEXT.replace(old, new, 1))
    assert problem.startswith(f"quizzes/sample.yml:{line}: quiz file is not valid YAML: {words}"), problem
    assert "hint:" in problem


@pytest.mark.parametrize(("old", "new", "line", "words"), [
    ("title: A\n", "\ttitle: A\n", 2, "a tab in the indentation"),
    ("title: A\n", "title: 'A\n", 2, "a quote opened here is never closed"),
    ("description: D.", "description: Note: D.", 3, "a `: ` in a value"),
    ("description: D.", "description: *Always* greet.", 3, "a value cannot start with `*`"),
])
def test_front_matter_that_is_not_yaml_is_explained_at_the_line_to_fix(old, new, line, words):
    from test_careless_editor import front_matter_problems

    text = "---\ntitle: A\ndescription: D.\n---\n\n# A\n"
    [problem] = front_matter_problems(text.replace(old, new, 1))
    assert problem.startswith(f"content/x.md:{line}: front matter is not valid YAML: {words}"), problem


# -- Material's keys with a value it cannot use -------------------------------------

@pytest.mark.parametrize(("line", "words"), [
    ("hide: [tocc]", "`hide` lists 'tocc', which is no part of the page: nothing would be hidden"),
    ("hide: 5", "`hide` must list what to hide, not int 5"),
    ("tags: journey", '`tags` must be a list of words, not "journey"'),
    ("subtitle: [Draft]", "`subtitle` must be text, not a list"),
    ("status: 3", "`status` must be text, not int 3"),
    ("search: exclude", '`search` must be `exclude: true` or `boost: NUMBER`, not "exclude"'),
])
def test_a_material_key_with_a_value_it_cannot_use_is_refused_at_its_line(line, words):
    from test_careless_editor import front_matter_problems

    [problem] = front_matter_problems(f"---\ntitle: A\ndescription: D.\n{line}\n---\n\n# A\n")
    assert problem.startswith(f"content/x.md:4: {words}"), problem
    assert "hint:" in problem


@pytest.mark.parametrize("line", ["hide: [toc]", "hide: toc", "hide: [navigation, toc, footer]", "hide: []", "tags: [phone, email]",
                                  "subtitle: For new agents", "status: new", "search:\n  exclude: true", "search:\n  boost: 2"])
def test_the_values_material_reads_pass(line):
    from test_careless_editor import front_matter_problems

    assert front_matter_problems(f"---\ntitle: A\ndescription: D.\n{line}\n---\n\n# A\n") == []


def test_a_key_written_twice_on_one_line_is_said_so():
    from test_careless_editor import QUIZ_TEXT, quiz_problems

    [problem] = quiz_problems(QUIZ_TEXT.replace("      - text: Typing", "      - {text: Typing, text: Typing fast}"))
    assert problem.startswith("quizzes/sample.yml:10: duplicate key `text`, twice on line 10"), problem


def test_a_subtitle_is_shown_as_text_never_as_markup(site):
    """Material prints `subtitle:` under the page's title in the menu; it once went out as HTML."""
    edit(site / LESSON, "title: First steps\n", 'title: First steps\nsubtitle: "<b>New</b> <img src=x onerror=alert(1)>"\n')
    assert check(site).returncode == 0
    built = sitekit.build(site)
    for path in ("journey/first-steps/index.html", "ru/journey/first-steps/index.html"):
        html = built.html(path)
        assert "<b>New</b>" not in html and "<img src=x" not in html, path
        assert "&lt;b&gt;New&lt;/b&gt;" in html, path


def test_a_subtitle_is_translated_like_the_title(site):
    """Material prints `subtitle:` under the page's title in the menu of every page that lists it, so the
    translator meets it in the page's catalog beside the title, and each language shows its own."""
    from bs4 import BeautifulSoup

    edit(site / LESSON, "title: First steps\n", "title: First steps\nsubtitle: For new agents\n")
    sitekit.academy(site, "i18n", "update")
    sitekit.translate(site, "ru", "content/journey/first-steps", "For new agents", "Для новых операторов")
    built = sitekit.build(site)

    def subtitles(path: str) -> list[str]:
        return [small.get_text() for small in BeautifulSoup(built.html(path), "html.parser").select(".md-nav small")]

    assert "For new agents" in subtitles("journey/first-steps/index.html")
    russian = subtitles("ru/journey/first-steps/index.html")
    assert "Для новых операторов" in russian and "For new agents" not in russian, russian
    # untranslated, it shows in English and the page says it is not all translated, as for any message
    assert "For new agents" in subtitles("fil/journey/first-steps/index.html")
