"""English search meets either spelling: one table of British → American forms, applied by Python
to the indexed text and by its browser copy to the query."""

from __future__ import annotations

from pathlib import Path

import pytest

from academy.spelling import TABLE, american, american_text

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "plugins/academy/theme/assets/academy/spelling.js"
SENTENCE = "We apologise: the Centre's COLOUR programme was cancelled; Colours, four hours, your tour."


def pairs() -> list[tuple[str, str]]:
    rows = []
    for line in (Path(__file__).parent / "data" / "english-spellings.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            british, us = line.split("\t")
            rows.append((british, us))
    return rows


@pytest.mark.parametrize(("british", "us"), pairs())
def test_a_british_form_reads_as_the_american_one_and_the_american_one_is_left_alone(british, us):
    assert american(british) == us
    assert american(us) == us


def test_no_american_form_of_the_table_is_rewritten_again():
    assert [us for us in TABLE.values() if american(us) != us] == []


def test_words_that_only_look_british_and_the_page_markup_around_them_stay_as_written():
    for word in ("four", "hour", "your", "tour", "our", "promise", "surprise", "raise", "are", "genre", "called"):
        assert american(word) == word
    assert american_text(SENTENCE) == (
        "We apologize: the Center's COLOR program was canceled; Colors, four hours, your tour.")


def test_the_index_reads_a_british_page_as_american_but_never_changes_its_markup(tmp_path):
    from academy.search import _rewritten_pages

    site = tmp_path / "site"
    (site / "pagefind").mkdir(parents=True)
    (site / "pagefind" / "skip.html").write_text("colour", encoding="utf-8")
    page = ('<p class="colour" data-colour="colour">The colour <a href="/centre/">centre</a></p>'
            '<script>var colour = 1;</script><!-- colour -->')
    (site / "lesson").mkdir()
    (site / "lesson" / "index.html").write_text(page, encoding="utf-8")
    assert dict(_rewritten_pages(site, american_text)) == {"lesson/index.html": (
        '<p class="colour" data-colour="colour">The color <a href="/centre/">center</a></p>'
        '<script>var colour = 1;</script><!-- colour -->')}  # Pagefind's own output is never read
    assert (site / "lesson" / "index.html").read_text(encoding="utf-8") == page  # the published page as written


@pytest.mark.browser
def test_the_browser_copy_has_the_same_table_and_rewrites_a_query_alike(page):
    page.set_content("<html><body></body></html>")
    page.add_script_tag(path=str(SCRIPT))
    assert page.evaluate("() => Object.assign({}, window.academyStemmers.en.table)") == TABLE
    texts = [british for british, _ in pairs()] + [SENTENCE, "Apologise"]
    assert page.evaluate("ts => ts.map(t => window.academyStemmers.en.stemText(t))", texts) == [
        american_text(t) for t in texts]
