"""A cmi5 package launched by an LMS, reporting to a real LRS (Ralph), in Chromium.

The test plays the LMS: it writes LMS.LaunchData, gives the token once from a fetch URL
and passes statements on to Ralph (Ralph 5 has no State API, so the LMS keeps the state
documents, as an LMS in front of an LRS may). Statements are read back from Ralph and
checked against the cmi5 rules and, independently, against xAPI 1.0.3."""

from __future__ import annotations

import json
import time
import uuid
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from lxml import etree

import lmskit
import lrskit
from test_browser_quiz import answer_all, choose_option, submit

pytestmark = pytest.mark.browser

CMI5 = "{https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd}"
SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
VERB = "http://adlnet.gov/expapi/verbs/"


@pytest.fixture
def lms(packaged, ralph, tmp_path):
    folder = packaged.extract("journey", "ru", "cmi5", tmp_path / "package")
    au = etree.parse(str(folder / "cmi5.xml")).getroot().find(f"{CMI5}au")
    server = lmskit.LMS(folder, ralph.url, ralph.credentials)
    server.au_url, server.au_id = au.findtext(f"{CMI5}url"), au.get("id")
    yield server
    server.stop()


def trainee(name: str) -> dict:
    return {"objectType": "Agent", "name": name, "account": {"homePage": "https://lms.academy.example.org", "name": name}}


def open_lesson(browser, url: str):
    context = browser.new_context()
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(url)
    page.wait_for_function("() => document.querySelector('.academy-quiz__nojs').hidden")  # academy.js has started
    return context, page


def retry(page) -> None:
    page.locator(".academy-quiz [data-action=retry]").click()


QUIZ = "https://academy.test/quizzes/first-steps"


def label(statement: dict) -> str:
    """The verb, and `@quiz` for the statement each attempt makes on the quiz itself."""
    verb = statement["verb"]["id"].removeprefix(VERB)
    return verb + "@quiz" if statement["object"]["id"] == QUIZ else verb


def in_order(statements: list[dict]) -> list[dict]:
    return sorted(statements, key=lambda s: (s["timestamp"], s["stored"]))


def wait_for_statements(ralph, registration: str, verb: str, count: int = 1) -> list[dict]:
    """Statements reach the LRS after the page's requests finish; ask until they are there (bounded)."""
    import time

    for _ in range(200):
        found = ralph.statements(registration=registration)
        if sum(s["verb"]["id"] == VERB + verb for s in found) >= count:
            return in_order(found)
        time.sleep(0.1)
    raise AssertionError(f"no {verb} statement for {registration}; got {[s['verb']['id'] for s in found]}")


def test_fail_then_pass_sends_the_cmi5_statements_in_order_and_a_new_device_resumes(browser, lms, ralph):
    actor, registration = trainee("olga"), str(uuid.uuid4())
    url, session = lms.cmi5_launch(lms.au_url, lms.au_id, actor, registration)
    context, page = open_lesson(browser, url)
    answer_all(page, right=False, lang="ru")
    submit(page)
    retry(page)
    answer_all(page, right=True, lang="ru")
    submit(page)
    page.goto("about:blank")  # the trainee leaves: terminated
    errors = page.errors
    context.close()
    assert lms.lrs_errors == []
    statements = wait_for_statements(ralph, registration, "terminated")

    assert [label(s) for s in statements] == ["initialized", *["answered"] * 7, "failed@quiz", "failed", "completed",
                                              *["answered"] * 7, "passed@quiz", "passed", "terminated"]
    for s in statements:
        assert s["actor"]["account"] == actor["account"]
        assert s["context"]["registration"] == registration
        assert s["context"]["extensions"][SESSION] == session
        assert s["context"]["language"] == "ru"
        assert {"id": lms.au_id} in s["context"]["contextActivities"]["grouping"]  # from the LMS's context template
        cmi5_defined = s["verb"]["id"] != VERB + "answered" and s["object"]["id"] != QUIZ
        assert ({"id": CATEGORY} in s["context"]["contextActivities"].get("category", [])) == cmi5_defined
        if cmi5_defined:
            assert s["object"]["id"] == lms.au_id
    failed, passed = (next(s for s in statements if label(s) == v) for v in ("failed", "passed"))
    assert failed["result"]["success"] is False and failed["result"]["score"]["scaled"] < 0.8
    assert passed["result"]["success"] is True and passed["result"]["score"]["scaled"] == 1
    assert passed["context"]["extensions"][MASTERY] == 0.8
    attempts = [s for s in statements if s["object"]["id"] == QUIZ]
    assert [(a["result"]["success"], a["result"]["score"]["scaled"] == 1) for a in attempts] == [(False, False), (True, True)]
    assert attempts[0]["object"]["definition"]["name"] == {"ru": "Тест «Первые шаги»"}
    completed = next(s for s in statements if s["verb"]["id"] == VERB + "completed")
    assert completed["result"]["completion"] is True
    # The LMS's moveOn rule is "Passed": the passed statement, and only it, says the AU is satisfied.
    moved_on = [label(s) for s in statements if {"id": MOVEON} in s["context"]["contextActivities"].get("category", [])]
    assert moved_on == ["passed"]
    answered = [s for s in statements if s["verb"]["id"] == VERB + "answered"]
    assert {s["object"]["id"].rsplit("/", 1)[1] for s in answered} == {"research", "share", "kinds", "fmot-seconds", "order",
                                                                        "match", "word"}
    assert all(s["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction" for s in answered)
    assert all(s["context"]["contextActivities"]["parent"] == [{"id": lms.au_id}] for s in answered)
    assert [s["result"]["success"] for s in answered[7:]] == [True] * 7
    assert lrskit.validate(statements) == []
    assert errors == []

    # Another device: a fresh browser, a new session of the same registration, progress from the State API.
    url, second = lms.cmi5_launch(lms.au_url, lms.au_id, actor, registration)
    context, page = open_lesson(browser, url)
    assert "100" in page.text_content(".academy-quiz__summary")
    assert page.locator("fieldset.academy-q.is-correct").count() == 7
    # Passing again in the same registration sends answers, never a second passed or completed.
    retry(page)
    answer_all(page, right=True, lang="ru")
    submit(page)
    page.goto("about:blank")
    statements = [s for s in wait_for_statements(ralph, registration, "terminated", 2)
                  if s["context"]["extensions"][SESSION] == second]
    context.close()
    assert [label(s) for s in statements] == ["initialized", *["answered"] * 7, "passed@quiz", "terminated"]
    assert lrskit.validate(statements) == []


def _garbled(url: str, change) -> str:
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    change(query)
    return parts._replace(query=urlencode(query)).geturl()


@pytest.mark.parametrize("change", [
    lambda q: q.pop("endpoint"),
    lambda q: q.update(actor="{not json"),
    lambda q: q.update(registration="not-a-uuid"),
    lambda q: q.update(fetch="javascript:alert(1)"),
], ids=["no-endpoint", "garbled-actor", "bad-registration", "bad-fetch"])
def test_a_bad_launch_shows_the_lesson_says_results_are_not_recorded_and_sends_nothing(browser, lms, change):
    url, _session = lms.cmi5_launch(lms.au_url, lms.au_id, trainee("pedro"), str(uuid.uuid4()))
    context = browser.new_context()
    page = context.new_page()
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.url))
    page.goto(_garbled(url, change))
    page.wait_for_function("() => document.querySelector('.academy-quiz__nojs').hidden")
    notice = page.locator(".academy-lms[data-lms='lms.unrecorded']")
    assert notice.is_visible()
    assert "не будут записаны" in notice.text_content()
    answer_all(page, right=True, lang="ru")
    submit(page)
    assert page.locator("fieldset.academy-q.is-correct").count() == 7
    page.goto("about:blank")
    context.close()
    assert [u for u in sent if "/pkg/" not in u and u != "about:blank"] == []


@pytest.mark.parametrize("failure", ["down", "500", "503"])
def test_an_lrs_that_fails_keeps_statements_on_the_device_and_sends_them_later(browser, lms, ralph, failure):
    registration = str(uuid.uuid4())
    url, _session = lms.cmi5_launch(lms.au_url, lms.au_id, trainee(f"maria-{failure}"), registration)
    context = browser.new_context()
    page = context.new_page()

    def fail(route):
        if failure == "down":
            route.abort("connectionrefused")
        else:
            route.fulfill(status=int(failure), body="{}", content_type="application/json")

    pattern = "**/lrs/**" if failure == "down" else "**/lrs/statements*"
    page.route(pattern, fail)
    page.goto(url)
    page.wait_for_function("() => document.querySelector('.academy-quiz__nojs').hidden")
    answer_all(page, right=True, lang="ru")
    submit(page)
    assert "100" in page.text_content(".academy-quiz__summary")
    queued = page.locator(".academy-lms[data-lms='lms.queued']")
    queued.wait_for()
    assert "сохранены на этом устройстве" in queued.text_content()
    assert ralph.statements(registration=registration) == []
    kept = page.evaluate("() => Object.keys(localStorage).filter(k => k.endsWith(':queue'))"
                         ".map(k => JSON.parse(localStorage.getItem(k)).filter(i => i.verb).length)")
    assert kept == [11]  # initialized, 7 answered, the attempt on the quiz, passed, completed
    page.unroute(pattern)
    page.locator(".academy-lms[data-lms='lms.sent']").wait_for()
    verbs = [label(s) for s in wait_for_statements(ralph, registration, "completed")]
    assert verbs == ["initialized", *["answered"] * 7, "passed@quiz", "passed", "completed"]
    context.close()


def test_results_statements_carry_the_language_of_the_package(lms):
    settings = json.loads(etree.HTML((lms.package_dir / lms.au_url).read_bytes()).find(".//script[@id='__academy_lms']").text)
    assert settings["lang"] == "ru" and settings["activity"] == lms.au_id


def test_a_lesson_without_a_quiz_is_completed_once_launched(browser, lms, ralph):
    au = etree.parse(str(lms.package_dir / "cmi5.xml")).getroot().findall(f"{CMI5}au")[1]
    registration = str(uuid.uuid4())
    url, session = lms.cmi5_launch(au.findtext(f"{CMI5}url"), au.get("id"), trainee("lena"), registration, mastery=None,
                                   move_on="Completed")
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("() => document.querySelector('.academy-quiz__nojs') === null && !!window.fetch")
    wait_for_statements(ralph, registration, "completed")
    page.goto("about:blank")
    statements = wait_for_statements(ralph, registration, "terminated")
    context.close()
    assert [label(s) for s in statements] == ["initialized", "completed", "terminated"]
    completed = statements[1]
    assert completed["object"]["id"] == au.get("id") and completed["result"]["completion"] is True
    assert {"id": MOVEON} in completed["context"]["contextActivities"]["category"]
    assert all(s["context"]["extensions"][SESSION] == session for s in statements)
    assert lrskit.validate(statements) == []


def test_a_review_launch_records_the_attempt_but_no_cmi5_outcome(browser, lms, ralph):
    registration = str(uuid.uuid4())
    url, _session = lms.cmi5_launch(lms.au_url, lms.au_id, trainee("ivan"), registration, launch_mode="Review")
    context, page = open_lesson(browser, url)
    answer_all(page, right=True, lang="ru")
    submit(page)
    page.goto("about:blank")
    statements = wait_for_statements(ralph, registration, "terminated")
    context.close()
    # cmi5 9.5.2: in Browse and Review modes an AU sends no passed, failed or completed.
    assert [label(s) for s in statements] == ["initialized", *["answered"] * 7, "passed@quiz", "terminated"]


def _by_session(statements: list[dict]) -> dict[str, list[str]]:
    sessions: dict[str, list[str]] = {}
    for s in in_order(statements):
        sessions.setdefault(s["context"]["extensions"][SESSION], []).append(label(s))
    return sessions


def _cmi5_order_problems(statements: list[dict]) -> list[str]:
    """cmi5 9.3: in each session initialized comes first and once, terminated last and once;
    in the whole registration, one cmi5-defined passed and one completed per AU."""
    problems = []
    for session, verbs in _by_session(statements).items():
        if verbs[0] != "initialized" or verbs.count("initialized") != 1:
            problems.append(f"{session}: initialized is not first and once: {verbs}")
        if "terminated" in verbs and (verbs[-1] != "terminated" or verbs.count("terminated") != 1):
            problems.append(f"{session}: statements after terminated: {verbs}")
    defined = [label(s) for s in statements if {"id": CATEGORY} in s["context"]["contextActivities"].get("category", [])]
    for verb in ("passed", "completed"):
        if defined.count(verb) > 1:
            problems.append(f"{defined.count(verb)} {verb} statements in one registration")
    return problems


def test_a_reload_never_sends_statements_after_terminated_and_tells_the_trainee(browser, lms, ralph):
    """A reload ends the session (pagehide sends terminated); the reloaded page must not go on
    sending in it. The trainee is told to open the lesson again from the platform."""
    registration = str(uuid.uuid4())
    url, _session = lms.cmi5_launch(lms.au_url, lms.au_id, trainee("reload-rita"), registration)
    context, page = open_lesson(browser, url)
    answer_all(page, right=False, lang="ru")
    submit(page)
    wait_for_statements(ralph, registration, "failed")
    page.reload()
    page.wait_for_function("() => document.querySelector('.academy-quiz__nojs').hidden")
    wait_for_statements(ralph, registration, "terminated")
    ended = page.locator(".academy-lms[data-lms='lms.ended']")
    ended.wait_for()
    assert "заново" in ended.text_content()
    retry(page)
    answer_all(page, right=True, lang="ru")
    submit(page)
    assert "100" in page.text_content(".academy-quiz__summary")  # the quiz still works
    page.goto("about:blank")
    context.close()
    import time

    time.sleep(1)
    statements = ralph.statements(registration=registration)
    assert _cmi5_order_problems(statements) == []
    assert [label(s) for s in in_order(statements)][-1] == "terminated"


def test_two_sessions_of_one_registration_in_two_tabs_send_one_passed(browser, lms, ralph):
    """The trainee launches the lesson twice from the LMS (two tabs, one registration, one browser)
    and passes in both: cmi5 allows one passed and one completed per registration."""
    actor, registration = trainee("twotabs-tomas"), str(uuid.uuid4())
    context = browser.new_context()
    tabs = []
    for _ in range(2):  # each launch writes the session's LMS.LaunchData just before it opens
        url, _session = lms.cmi5_launch(lms.au_url, lms.au_id, actor, registration)
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("() => document.querySelector('.academy-quiz__nojs').hidden")
        tabs.append(page)
    for number, page in enumerate(tabs, start=1):
        # the second tab shows the pass the first one saved (one browser, one storage): the trainee tries again
        if page.locator(".academy-quiz [data-action=retry]").is_visible():
            retry(page)
        answer_all(page, right=True, lang="ru")
        submit(page)
        wait_for_statements(ralph, registration, "passed", number + 1)  # this attempt on the quiz, and one passed
    for page in tabs:
        page.goto("about:blank")
    statements = wait_for_statements(ralph, registration, "terminated", 2)
    context.close()
    assert [label(s) for s in statements].count("passed@quiz") == 2  # both attempts are kept
    assert _cmi5_order_problems(statements) == []


def test_statements_whose_answer_was_lost_are_sent_again_unchanged_on_the_next_launch(browser, lms, ralph):
    """Offline while submitting: the LRS stored the statements but the answer never came back, and
    the trainee closed the tab offline. The next launch sends them again: they must be the same
    statements (their own session), or the LRS refuses the batch (409) and what was new in it is lost."""
    actor, registration = trainee("lost-answer-lina"), str(uuid.uuid4())
    url, one = lms.cmi5_launch(lms.au_url, lms.au_id, actor, registration)
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("() => document.querySelector('.academy-quiz__nojs').hidden")
    wait_for_statements(ralph, registration, "initialized")
    delivered = []

    def deliver_then_drop(route):
        if route.request.method == "GET" and not delivered:
            route.continue_()  # still online: what the registration has said already
        elif route.request.method == "POST" and not delivered:
            delivered.append(route.fetch().status)  # the LRS stores them ...
            route.abort("connectionreset")  # ... and the answer is lost
        else:
            route.abort("internetdisconnected")

    page.route("**/lrs/statements*", deliver_then_drop)
    answer_all(page, right=True, lang="ru")
    submit(page)
    page.locator(".academy-lms[data-lms='lms.queued']").wait_for()
    assert delivered == [200]
    context.set_offline(True)
    page.goto("about:blank")  # the tab is closed while offline: terminated waits on the device
    page.close()
    context.set_offline(False)

    url, two = lms.cmi5_launch(lms.au_url, lms.au_id, actor, registration)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("() => document.querySelector('.academy-quiz__nojs').hidden")
    wait_for_statements(ralph, registration, "initialized", 2)
    page.goto("about:blank")
    statements = wait_for_statements(ralph, registration, "terminated", 2)
    context.close()
    assert lms.lrs_errors == []
    sessions = _by_session(statements)
    assert sessions[one] == ["initialized", *["answered"] * 7, "passed@quiz", "passed", "completed", "terminated"]
    assert sessions[two] == ["initialized", "terminated"]
    assert _cmi5_order_problems(statements) == []


@pytest.mark.parametrize("mastery", [1.0, 0.1])
def test_the_lms_mastery_score_is_the_pass_mark_the_trainee_sees(browser, lms, ralph, mastery):
    """cmi5 10.0: the LMS's masteryScore decides passed or failed. The lesson says what is recorded:
    never "passed" on the page for a failed statement, nor "try again" for a passed one."""
    registration = str(uuid.uuid4())
    url, _session = lms.cmi5_launch(lms.au_url, lms.au_id, trainee(f"mastery-{mastery}"), registration, mastery=mastery)
    context, page = open_lesson(browser, url)
    answer_all(page, right=mastery == 1.0, lang="ru")
    choose_option(page, "research", "Спит" if mastery == 1.0 else "Читает отзывы")
    submit(page)
    verb = "failed" if mastery == 1.0 else "passed"
    statements = wait_for_statements(ralph, registration, verb, 2)
    assert [label(s) for s in statements if s["object"]["id"] == QUIZ] == [f"{verb}@quiz"]
    assert page.locator(f".academy-quiz__summary .academy-quiz__{verb}").count() == 1
    page.goto("about:blank")
    context.close()


def test_a_launch_whose_fetch_url_was_already_used_tells_the_trainee_to_open_it_again(browser, lms, ralph):
    """cmi5 8.2.3: a fetch URL gives its token once; called again (the launch address opened a second
    time, or expired) it answers an error. No result of this page can be recorded in that session: the
    trainee is told to open the lesson again from the platform, not that the connection will come back,
    and the page does not ask the fetch URL again and again."""
    registration = str(uuid.uuid4())
    url, _session = lms.cmi5_launch(lms.au_url, lms.au_id, trainee("used-fetch-uma"), registration)
    fetch_url = parse_qs(urlsplit(url).query)["fetch"][0]
    import requests

    assert "auth-token" in requests.post(fetch_url, timeout=10).json()  # another window took the token
    context = browser.new_context()
    page = context.new_page()
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if r.url == fetch_url else None)
    page.goto(url)
    page.wait_for_function("() => document.querySelector('.academy-quiz__nojs').hidden")
    notice = page.locator(".academy-lms[data-lms='lms.ended']")
    notice.wait_for()
    assert "заново" in notice.text_content()
    answer_all(page, right=True, lang="ru")
    submit(page)
    page.wait_for_timeout(7000)  # two of the retries a passing outage would make
    assert page.locator(".academy-lms").get_attribute("data-lms") == "lms.ended"
    assert len(asked) == 1
    context.close()
    assert ralph.statements(registration=registration) == []


def test_an_lrs_that_never_answers_is_given_up_on_the_trainee_is_told_and_it_is_sent_again(browser, lms, ralph):
    """An LRS (or a proxy before it) that takes the request and never answers: the page does not wait
    for ever with nothing said. It gives up, tells the trainee the results are kept, and sends again."""
    registration = str(uuid.uuid4())
    url, _session = lms.cmi5_launch(lms.au_url, lms.au_id, trainee("hung-hana"), registration)
    context, page = open_lesson(browser, url)
    wait_for_statements(ralph, registration, "initialized")
    held = []

    def hang_once(route):
        if route.request.method == "POST" and not held:
            held.append(route)  # never answered
        else:
            route.continue_()

    page.route("**/lrs/statements*", hang_once)
    answer_all(page, right=True, lang="ru")
    submit(page)
    page.locator(".academy-lms[data-lms='lms.queued']").wait_for(timeout=60000)
    page.locator(".academy-lms[data-lms='lms.sent']").wait_for(timeout=30000)
    assert len(held) == 1
    verbs = [label(s) for s in wait_for_statements(ralph, registration, "completed")]
    assert verbs == ["initialized", *["answered"] * 7, "passed@quiz", "passed", "completed"]
    page.goto("about:blank")
    context.close()


def test_the_back_button_to_a_left_lesson_sends_nothing_more_and_tells_the_trainee(browser, lms, ralph):
    """A phone's back button after leaving: the page comes back (from the back-forward cache, or
    loaded again) in a session that has ended with terminated."""
    registration = str(uuid.uuid4())
    url, session = lms.cmi5_launch(lms.au_url, lms.au_id, trainee("back-button-bea"), registration)
    context, page = open_lesson(browser, url)
    page.goto(f"{lms.url}/pkg/cmi5.xml")  # the trainee follows a link away: pagehide, terminated
    wait_for_statements(ralph, registration, "terminated")
    page.go_back()
    page.locator(".academy-lms[data-lms='lms.ended']").wait_for()
    answer_all(page, right=True, lang="ru")
    submit(page)
    page.goto("about:blank")
    context.close()
    import time

    time.sleep(1)
    statements = in_order(ralph.statements(registration=registration))
    assert [label(s) for s in statements] == ["initialized", "terminated"]
    assert _cmi5_order_problems(statements) == []


def _all_sent(page) -> None:
    """Wait until nothing of the page waits on the device: every queue in its storage is empty."""
    page.wait_for_function("() => Object.keys(localStorage).filter(k => k.endsWith(':queue'))"
                           ".every(k => JSON.parse(localStorage.getItem(k)).length === 0)", timeout=30000)


def _defined(statements: list[dict]) -> list[str]:
    """The cmi5-defined verbs of the registration, in order."""
    return [label(s) for s in in_order(statements) if {"id": CATEGORY} in s["context"]["contextActivities"].get("category", [])]


@pytest.mark.parametrize("first, second, outcomes", [
    (True, True, ["passed", "completed"]),
    (False, False, ["failed", "completed"]),
    (True, False, ["passed", "completed"]),
    (False, True, ["failed", "completed", "passed"]),
], ids=["pass-pass", "fail-fail", "pass-fail", "fail-pass"])
def test_two_devices_in_one_registration_say_each_outcome_once(browser, lms, ralph, first, second, outcomes):
    """A phone and a laptop, both launched in one registration before either finished the quiz:
    nothing on the second device knows what the first one sent. cmi5 allows one passed, one failed
    and one completed per registration, and no failed once passed: the LRS is asked first."""
    actor, registration = trainee(f"two-devices-{first}-{second}"), str(uuid.uuid4())
    devices = []
    for _ in range(2):
        url, _session = lms.cmi5_launch(lms.au_url, lms.au_id, actor, registration)
        devices.append(open_lesson(browser, url))
    wait_for_statements(ralph, registration, "initialized", 2)
    for (_context, page), right in zip(devices, (first, second), strict=True):
        answer_all(page, right=right, lang="ru")
        submit(page)
        _all_sent(page)
    for _context, page in devices:
        page.goto("about:blank")
        assert page.errors == []
    statements = wait_for_statements(ralph, registration, "terminated", 2)
    for context, _page in devices:
        context.close()
    assert lms.lrs_errors == []
    assert _defined(statements) == ["initialized", "initialized", *outcomes, "terminated", "terminated"]
    assert [label(s) for s in statements].count("passed@quiz") + [label(s) for s in statements].count("failed@quiz") == 2
    assert _cmi5_order_problems(statements) == []


@pytest.mark.parametrize("status", [401, 403], ids=["expired", "refused"])
def test_a_token_the_lrs_turns_down_ends_the_session_and_the_next_launch_sends_what_was_kept(browser, lms, ralph, status):
    """The LMS's token expires (401) or is revoked (403) while the trainee works. That does not pass like
    an outage: the page tells the trainee to open the lesson again from the platform and stops asking,
    and what it could not send waits on the device; the next launch sends it, once, in its own session."""
    actor, registration = trainee(f"token-{status}-tess"), str(uuid.uuid4())
    url, one = lms.cmi5_launch(lms.au_url, lms.au_id, actor, registration)
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("() => document.querySelector('.academy-quiz__nojs').hidden")
    wait_for_statements(ralph, registration, "initialized")
    lms.refuse(one, status)
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/lrs/" in r.url else None)
    answer_all(page, right=True, lang="ru")
    submit(page)
    notice = page.locator(".academy-lms[data-lms='lms.ended']")
    notice.wait_for()
    assert "заново" in notice.text_content()
    before = len(asked)
    page.wait_for_timeout(7000)  # two of the retries a passing outage would make
    assert page.locator(".academy-lms").get_attribute("data-lms") == "lms.ended"
    assert len(asked) == before
    kept = page.evaluate("() => Object.keys(localStorage).filter(k => k.endsWith(':queue'))"
                         ".map(k => JSON.parse(localStorage.getItem(k)).filter(i => i.verb).length)")
    assert kept == [10]  # 7 answered, the attempt on the quiz, passed, completed
    page.goto("about:blank")
    page.close()
    assert [label(s) for s in ralph.statements(registration=registration)] == ["initialized"]

    url, two = lms.cmi5_launch(lms.au_url, lms.au_id, actor, registration)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("() => document.querySelector('.academy-quiz__nojs').hidden")
    _all_sent(page)
    assert page.locator(".academy-quiz__summary .academy-quiz__passed").count() == 1
    page.goto("about:blank")
    statements = wait_for_statements(ralph, registration, "terminated", 2)
    context.close()
    assert lms.lrs_errors == []
    sessions = _by_session(statements)
    assert sessions[one] == ["initialized", *["answered"] * 7, "passed@quiz", "passed", "completed", "terminated"]
    assert sessions[two] == ["initialized", "terminated"]
    assert _cmi5_order_problems(statements) == []
    assert lrskit.validate(statements) == []


def _lms_progress(lms, actor: dict, registration: str) -> dict:
    found = lms.state.get((lms.au_id, lmskit._agent_key(actor), registration, "academy-progress"))
    return json.loads(found) if found else {}


def _wait_for_progress(lms, actor: dict, registration: str, question: str) -> None:
    import time

    for _ in range(200):
        if question in (_lms_progress(lms, actor, registration).get("quiz") or {}).get("answers", {}):
            return
        time.sleep(0.05)
    raise AssertionError(f"the answer to {question} never reached the LMS")


@pytest.mark.parametrize("elsewhere", [False, True], ids=["kept", "newer-elsewhere"])
def test_progress_not_sent_yet_is_kept_on_the_next_launch_not_the_lms_older_one(browser, lms, ralph, elsewhere):
    """The trainee answers one question online, loses the connection, answers another and closes the
    lesson. On the next launch the LMS's progress is older than the device's: the lesson shows both
    answers, and the LMS gets them, instead of the second one being silently replaced. Unless the
    trainee went on on another device meanwhile: then the LMS's progress is the newer, and stays."""
    actor, registration = trainee(f"offline-oksana-{elsewhere}"), str(uuid.uuid4())
    url, _one = lms.cmi5_launch(lms.au_url, lms.au_id, actor, registration)
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("() => document.querySelector('.academy-quiz__nojs').hidden")
    choose_option(page, "research", "Читает отзывы")
    _wait_for_progress(lms, actor, registration, "research")
    lms.down = True  # the connection is lost (a request on its way as the page goes included)
    choose_option(page, "fmot-seconds", "Верно")
    page.locator(".academy-lms[data-lms='lms.queued']").wait_for()
    before = len(lms.dropped)
    page.goto("about:blank")
    page.close()
    # the progress the page sends as it goes is lost on the way, not delivered late over a newer one
    for _ in range(200):
        if ("PUT", "/lrs/activities/state") in lms.dropped[before:]:
            break
        time.sleep(0.05)
    lms.down = False
    assert set(_lms_progress(lms, actor, registration)["quiz"]["answers"]) == {"research"}
    expected = {"research", "fmot-seconds"}
    if elsewhere:
        url, _other = lms.cmi5_launch(lms.au_url, lms.au_id, actor, registration)
        other, laptop = open_lesson(browser, url)
        choose_option(laptop, "kinds", "Чат поддержки")
        _wait_for_progress(lms, actor, registration, "kinds")
        laptop.goto("about:blank")
        other.close()
        expected = {"research", "kinds"}

    url, _two = lms.cmi5_launch(lms.au_url, lms.au_id, actor, registration)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("() => document.querySelector('.academy-quiz__nojs').hidden")
    for question in ("research", "fmot-seconds", "kinds"):
        assert page.locator(f'fieldset[data-q="{question}"] input:checked').count() == (question in expected), question
    _all_sent(page)
    assert set(_lms_progress(lms, actor, registration)["quiz"]["answers"]) == expected
    context.close()


def test_an_lrs_that_does_not_let_the_lesson_read_statements_still_gets_the_outcome(browser, lms, ralph):
    """Some LMSs give the lesson a token that may write statements but not read them (403 on a query).
    Not knowing what another device said, the lesson says its outcome: the session goes on."""
    registration = str(uuid.uuid4())
    url, _session = lms.cmi5_launch(lms.au_url, lms.au_id, trainee("write-only-wanda"), registration)
    context = browser.new_context()
    page = context.new_page()
    queries: list[str] = []

    def no_reading(route):
        if route.request.method == "GET":
            queries.append(route.request.url)
            route.fulfill(status=403, body='{"detail": "read not allowed"}', content_type="application/json")
        else:
            route.continue_()

    page.route("**/lrs/statements*", no_reading)
    page.goto(url)
    page.wait_for_function("() => document.querySelector('.academy-quiz__nojs').hidden")
    answer_all(page, right=True, lang="ru")
    submit(page)
    _all_sent(page)  # (a Playwright wait: the route answers while it runs)
    verbs = [label(s) for s in wait_for_statements(ralph, registration, "completed")]
    assert verbs == ["initialized", *["answered"] * 7, "passed@quiz", "passed", "completed"]
    assert queries
    assert page.locator(".academy-lms").count() == 0
    page.goto("about:blank")
    context.close()
