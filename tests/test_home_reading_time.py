"""The home page's reading time for a lesson agrees with the times the lesson cards show.

The cards count a lesson's words at the site's reading speed; the home page states the range in
words ("10 to 13 minutes"), so a lesson that grows or shrinks past it must bring the home page along.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from academy import frontmatter
from academy.site import WORDS, WORDS_PER_MINUTE

CONTENT = Path(__file__).resolve().parent.parent / "content"


def _card_minutes(path: Path) -> int:
    doc = frontmatter.parse(path.read_text(encoding="utf-8"), str(path))
    return max(1, math.ceil(len(WORDS.findall(doc.body)) / WORDS_PER_MINUTE))


def test_home_page_states_the_lesson_cards_reading_times():
    lessons = [path for path in sorted(CONTENT.glob("*/*.md"))
               if path.name != "index.md" and path.parent.name != "includes"]
    assert lessons
    minutes = [_card_minutes(path) for path in lessons]
    home = (CONTENT / "index.md").read_text(encoding="utf-8")
    stated = re.findall(r"\((\d+) to (\d+) minutes\)", home)
    assert stated == [(str(min(minutes)), str(max(minutes)))], (stated, minutes)
