"""Corrections to Material's markup, on the markup Material writes."""

from __future__ import annotations

import html5lib

from academy.mkdocs.material import named_section_lists

SECTION = """<div class="md-nav__link md-nav__container">
  <a href="service-skills/" class="md-nav__link ">
    <span class="md-ellipsis">
      {title}
    </span>
  </a>
  <label class="md-nav__link " for="__nav_3" id="__nav_3_label" tabindex="0">
    <span class="md-nav__icon md-icon"></span>
  </label>
</div>
<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_3_label" aria-expanded="false"></nav>"""


def list_name(html: str) -> tuple[str | None, str | None]:
    document = html5lib.parse(html, namespaceHTMLElements=False)
    nav = document.find(".//nav")
    return nav.get("aria-label"), nav.get("aria-labelledby")


def test_a_sections_list_of_pages_is_named_after_the_section():
    assert list_name(named_section_lists(SECTION.format(title="Service skills"))) == ("Service skills", None)


def test_a_title_with_quotes_and_markup_characters_stays_one_attribute():
    html = named_section_lists(SECTION.format(title="Q&amp;A &quot;live&quot; &lt;chat&gt;"))
    assert list_name(html) == ('Q&A "live" <chat>', None)
    assert html.count("aria-label=") == 1


def test_a_section_without_a_title_or_a_list_without_its_toggle_is_left_alone():
    assert named_section_lists(SECTION.format(title="  ")) == SECTION.format(title="  ")
    alone = '<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_9_label"></nav>'
    assert named_section_lists(alone) == alone
