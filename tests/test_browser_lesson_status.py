"""The lesson cards and the progress page name a lesson's status by one rule, whatever storage holds."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser

KEY = "academy:quiz:first-steps"
LABELS = {"not_started": "Not started", "in_progress": "In progress", "failed": "Not passed yet", "passed": "Passed"}
ANSWERED = {"research": {"rev": "x", "value": [0]}}

STATES = [
    (None, "not_started"),
    ({"answers": ANSWERED, "checked": False}, "in_progress"),
    ({"answers": ANSWERED, "checked": True, "last": 43, "best": 43}, "failed"),
    ({"answers": {}, "checked": False, "best": 43}, "failed"),  # tried once, then started again
    ({"answers": ANSWERED, "checked": True, "last": 100, "best": 100, "passed": True}, "passed"),
    ({"answers": {}, "checked": False, "best": 100, "passed": True}, "passed"),  # passed, then "Try again"
    # what another version or a person may leave: the wrong shape counts as nothing
    ({"passed": "yes"}, "not_started"),
    ({"best": "90"}, "not_started"),
    ({"answers": "abc"}, "not_started"),
    ({"answers": [1, 2], "checked": "true"}, "not_started"),
    ("not an object", "not_started"),
]


@pytest.mark.parametrize("saved, expected", STATES, ids=[f"{i}-{e}" for i, (_, e) in enumerate(STATES)])
def test_cards_and_progress_page_give_a_lesson_the_same_status(page, site_server, saved, expected):
    page.goto(f"{site_server}/progress/")
    page.evaluate("([k, v]) => v === null ? localStorage.removeItem(k) : localStorage.setItem(k, v)",
                  [KEY, None if saved is None else json.dumps(saved)])
    page.reload()
    on_progress_page = page.locator('tr[data-quiz="first-steps"] [data-status]').inner_text()
    for where in ("", "journey/"):  # the home page's cards and the course page's
        page.goto(f"{site_server}/{where}")
        card = page.locator("article .academy-card[data-quiz=first-steps]").first
        assert card.get_attribute("data-status") == expected, where
        assert card.locator(".academy-card__status").inner_text().split(" · ")[0] == LABELS[expected], where
    assert on_progress_page == LABELS[expected]
    assert page.errors == []
