"""A SCORM 1.2 package in an LMS: scorm-again is the LMS-side runtime, the lesson runs in its iframe."""

from __future__ import annotations

import json
import time

import pytest

import lmskit
from test_browser_quiz import answer_all, choose_option, submit

pytestmark = pytest.mark.browser

SCO = "journey/first-steps/index.html"


class InFrame:
    """The quiz helpers drive a page; in an LMS the lesson is a frame of it."""

    def __init__(self, page, frame):
        self.keyboard = page.keyboard
        self.locator = frame.locator
        self.text_content = frame.text_content
        self.evaluate = frame.evaluate


@pytest.fixture
def lms(packaged, tmp_path):
    server = lmskit.LMS(packaged.extract("journey", "en", "scorm12", tmp_path / "package"))
    yield server
    server.stop()


def _launch(browser, lms, at: str | None = None):
    """A fresh browser (nothing saved in it) opening the SCO in the LMS's frame; `at`: the clock's time."""
    context = browser.new_context()
    if at:
        context.clock.set_fixed_time(at)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{lms.url}/scorm/host.html?sco={SCO}")
    frame = page.locator("#sco").element_handle().content_frame()
    frame.wait_for_function("() => document.querySelector('.academy-quiz__nojs').hidden")  # academy.js has started
    return context, page, InFrame(page, frame), errors


def _cmi(page, element: str) -> str:
    return page.evaluate("e => window.API.LMSGetValue(e)", element)


def _close_lesson(page, lms) -> dict:
    """The LMS closes the lesson: its frame goes, the lesson ends its session, and the LMS
    receives the final commit (scorm-again may send it as a beacon: wait for it, bounded)."""
    before = len(lms.commits)
    page.evaluate("document.getElementById('sco').remove()")
    page.wait_for_function("() => window.API.isTerminated()")
    for _ in range(300):
        if len(lms.commits) > before:
            return lms.commits[-1]
        time.sleep(0.05)
    raise AssertionError("the LMS received no commit when the lesson ended")


def _relaunch_data(commit: dict) -> dict:
    """What an LMS hands the SCO on its next launch: the committed record, entry=resume."""
    cmi = commit["cmi"]
    core = cmi["core"]
    return {"core": {"student_id": "trainee-1", "student_name": "Trainee, One", "entry": "resume",
                     "lesson_status": core["lesson_status"], "score": core["score"]},
            "suspend_data": cmi["suspend_data"], "student_data": {"mastery_score": "80"}}


def test_failed_attempt_then_relaunch_restores_answers_then_pass(browser, lms):
    lms.scorm_launch = {"core": {"student_id": "trainee-1", "student_name": "Trainee, One", "entry": "ab-initio"},
                        "student_data": {"mastery_score": "80"}}
    context, page, lesson, errors = _launch(browser, lms)
    assert page.evaluate("window.API.isInitialized()")
    assert _cmi(page, "cmi.core.lesson_status") == "incomplete"
    answer_all(lesson, right=False)
    submit(lesson)
    assert _cmi(page, "cmi.core.lesson_status") == "failed"
    assert (_cmi(page, "cmi.core.score.min"), _cmi(page, "cmi.core.score.max")) == ("0", "100")
    assert int(_cmi(page, "cmi.core.score.raw")) < 80
    assert page.evaluate("window.API.LMSGetValue('cmi.interactions._count')") == "7"
    # The trainee starts again and answers one question, then leaves.
    lesson.locator(".academy-quiz [data-action=retry]").click()
    lesson.locator('fieldset[data-q="research"] input[type=radio]').first.check()
    final = _close_lesson(page, lms)["cmi"]
    assert final["core"]["exit"] == "suspend"
    assert final["core"]["lesson_status"] == "failed"
    assert final["core"]["session_time"].count(":") == 2
    saved = json.loads(final["suspend_data"])
    assert list(saved["quiz"]["answers"]) == ["research"] and saved["quiz"]["checked"] is False
    assert errors == []
    context.close()

    # Relaunched in another browser: the answer comes back from the LMS's suspend data.
    lms.scorm_launch = _relaunch_data(lms.commits[-1])
    context, page, lesson, errors = _launch(browser, lms)
    checked = lesson.locator('fieldset[data-q="research"] input[type=radio]:checked')
    assert checked.count() == 1
    assert lesson.locator('fieldset[data-q="share"] input').input_value() == ""
    answer_all(lesson, right=True)
    submit(lesson)
    assert "Passed: 100%" in lesson.text_content(".academy-quiz__summary")
    assert _cmi(page, "cmi.core.lesson_status") == "passed"
    assert _cmi(page, "cmi.core.score.raw") == "100"
    final = _close_lesson(page, lms)["cmi"]
    assert final["core"]["lesson_status"] == "passed" and final["core"]["exit"] == ""
    assert errors == []
    context.close()

    # The passed attempt is restored as checked on the next launch.
    lms.scorm_launch = _relaunch_data(lms.commits[-1])
    context, page, lesson, errors = _launch(browser, lms)
    assert "Passed: 100%" in lesson.text_content(".academy-quiz__summary")
    assert _cmi(page, "cmi.core.lesson_status") == "passed"
    context.close()


def test_outside_an_lms_the_packaged_lesson_says_results_are_not_recorded(browser, lms):
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{lms.url}/pkg/{SCO}")
    page.locator(".academy-quiz button[type=submit]:not([disabled])").wait_for()
    assert page.locator(".academy-lms[data-lms='lms.unrecorded']").is_visible()
    answer_all(page, right=True)
    submit(page)
    assert "Passed: 100%" in page.text_content(".academy-quiz__summary")
    assert all(url.startswith(f"{lms.url}/pkg/") for url in requests)
    assert lms.commits == []
    context.close()


def test_a_lesson_without_a_quiz_is_completed_once_opened(browser, lms):
    lms.scorm_launch = {"core": {"student_id": "trainee-2", "student_name": "Trainee, Two", "entry": "ab-initio"}}
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{lms.url}/scorm/host.html?sco=journey/listening/index.html")
    page.wait_for_function("() => window.API.isInitialized()")
    assert _cmi(page, "cmi.core.lesson_status") == "completed"
    assert _close_lesson(page, lms)["cmi"]["core"]["exit"] == ""
    context.close()


def test_a_retake_after_passing_never_lowers_the_score_the_lms_keeps(browser, lms):
    """Retakes: the LMS keeps the best score, as `academy results` does. An LMS that sets the status
    from the score and the mastery score (SCORM 1.2 RTE 3.4.4; scorm-again's mastery_override) would
    otherwise turn a passed trainee who tried again and did worse into failed."""
    lms.scorm_settings = {"mastery_override": True}
    lms.scorm_launch = {"core": {"student_id": "trainee-3", "student_name": "Trainee, Three", "entry": "ab-initio"},
                        "student_data": {"mastery_score": "80"}}
    context, page, lesson, errors = _launch(browser, lms)
    answer_all(lesson, right=True)
    submit(lesson)
    assert (_cmi(page, "cmi.core.lesson_status"), _cmi(page, "cmi.core.score.raw")) == ("passed", "100")
    lesson.locator(".academy-quiz [data-action=retry]").click()
    answer_all(lesson, right=False)
    submit(lesson)
    assert (_cmi(page, "cmi.core.lesson_status"), _cmi(page, "cmi.core.score.raw")) == ("passed", "100")
    final = _close_lesson(page, lms)["cmi"]
    assert (final["core"]["lesson_status"], final["core"]["score"]["raw"]) == ("passed", "100")
    assert errors == []
    context.close()

    # A failed attempt then a worse one: the better of the two stays.
    lms.scorm_launch = {"core": {"student_id": "trainee-4", "student_name": "Trainee, Four", "entry": "ab-initio"},
                        "student_data": {"mastery_score": "80"}}
    context, page, lesson, errors = _launch(browser, lms)
    answer_all(lesson, right=False)
    choose_option(lesson, "research", "Reads reviews")  # one more right than the next attempt
    submit(lesson)
    first = int(_cmi(page, "cmi.core.score.raw"))
    lesson.locator(".academy-quiz [data-action=retry]").click()
    answer_all(lesson, right=False)
    submit(lesson)
    assert (_cmi(page, "cmi.core.lesson_status"), int(_cmi(page, "cmi.core.score.raw"))) == ("failed", first)
    context.close()


def test_when_the_lms_has_ended_the_session_the_trainee_is_told_the_result_was_not_recorded(browser, lms):
    """An LMS that ends the session early (LMSFinish from its frame: a timeout, a second launch):
    the quiz still works, and the trainee is told, in the lesson's language, that it was not recorded."""
    lms.scorm_launch = {"core": {"student_id": "trainee-5", "student_name": "Trainee, Five", "entry": "ab-initio"}}
    context, page, lesson, errors = _launch(browser, lms)
    assert lesson.locator(".academy-lms").count() == 0
    # As Moodle's SCORM 1.2 runtime does (and the RTE asks, error 301): once finished, nothing more is taken.
    # scorm-again takes values after LMSFinish and never sends them, which no SCO can tell.
    page.evaluate("""() => {
      const api = window.API, finish = api.LMSFinish.bind(api);
      let finished = false, error = "0";
      api.LMSFinish = (p) => { finished = true; return finish(p); };
      for (const name of ["LMSSetValue", "LMSCommit", "LMSGetValue"]) {
        const call = api[name].bind(api);
        api[name] = (...args) => { if (finished) { error = "301"; return name === "LMSGetValue" ? "" : "false"; } return call(...args); };
      }
      const lastError = api.LMSGetLastError.bind(api);
      api.LMSGetLastError = () => finished ? error : lastError();
      api.LMSFinish("");
    }""")
    answer_all(lesson, right=True)
    submit(lesson)
    assert "Passed: 100%" in lesson.text_content(".academy-quiz__summary")
    notice = lesson.locator(".academy-lms[data-lms='lms.ended']")
    notice.wait_for()
    assert "open the lesson again" in notice.text_content()
    assert errors == []
    context.close()


def test_the_lms_mastery_score_is_the_pass_mark_the_trainee_sees(browser, lms):
    """The LMS's mastery score, not the quiz's own pass mark, decides (SCORM 1.2 RTE): the lesson
    must say what the LMS records, never "Passed" for a result the LMS keeps as failed."""
    lms.scorm_launch = {"core": {"student_id": "trainee-6", "student_name": "Trainee, Six", "entry": "ab-initio"},
                        "student_data": {"mastery_score": "100"}}
    context, page, lesson, errors = _launch(browser, lms)
    answer_all(lesson, right=True)
    choose_option(lesson, "research", "Sleeps")
    submit(lesson)
    assert _cmi(page, "cmi.core.lesson_status") == "failed"
    assert lesson.locator(".academy-quiz__summary .academy-quiz__failed").count() == 1
    assert "You need 100% to pass" in lesson.text_content(".academy-quiz__summary")
    assert errors == []
    context.close()


def test_progress_too_long_for_scorm_12_suspend_data_is_cut_to_fit_not_dropped(browser, lms):
    """SCORM 1.2 keeps 4,096 characters of suspend_data. A long typed answer must not stop every
    answer from being kept from then on: the longest answers are cut until the rest fits."""
    lms.scorm_launch = {"core": {"student_id": "trainee-7", "student_name": "Trainee, Seven", "entry": "ab-initio"}}
    context, page, lesson, errors = _launch(browser, lms)
    field = lesson.locator('fieldset[data-q="word"] input[type=text]')
    field.fill("a pasted paragraph " * 250)
    field.press("Tab")  # the answer is changed: kept
    choose_option(lesson, "research", "Reads reviews")
    final = _close_lesson(page, lms)["cmi"]
    assert len(final["suspend_data"]) <= 4096
    saved = json.loads(final["suspend_data"])["quiz"]["answers"]
    assert set(saved) == {"word", "research"} and saved["word"]["value"].startswith("a pasted paragraph")
    context.close()

    lms.scorm_launch = _relaunch_data(lms.commits[-1])
    context, page, lesson, errors = _launch(browser, lms)
    assert lesson.locator('fieldset[data-q="research"] input[type=radio]:checked').count() == 1
    assert lesson.locator('fieldset[data-q="word"] input[type=text]').input_value().startswith("a pasted paragraph")
    assert errors == []
    context.close()


@pytest.mark.parametrize("spent, expected", [
    ("00:01:15.500", "0000:01:15.50"),
    ("00:00:59.996", "0000:01:00.00"),  # rounded up: into the minute, not 60 seconds
    ("00:59:59.996", "0001:00:00.00"),
    ("13:59:59.999", "0014:00:00.00"),
], ids=["plain", "minute", "hour", "day"])
def test_the_session_time_is_a_valid_cmi_timespan_however_it_rounds(browser, lms, spent, expected):
    """cmi.core.session_time is a CMITimespan (HHHH:MM:SS.SS, RTE 3.4.2): seconds and minutes under 60.
    A time that rounds up to the next whole minute is that minute, never `:60.00`, which an LMS refuses
    (and the trainee's time is lost) or adds up wrong."""
    lms.scorm_launch = {"core": {"student_id": "trainee-8", "student_name": "Trainee, Eight", "entry": "ab-initio"}}
    context, page, lesson, errors = _launch(browser, lms, at="2027-01-15T08:00:00.000Z")
    context.clock.set_fixed_time(f"2027-01-15T{int(spent[:2]) + 8:02d}{spent[2:]}Z")
    _close_lesson(page, lms)
    assert page.evaluate("window.scoSet['cmi.core.session_time']") == expected
    assert errors == []
    context.close()


def test_a_session_longer_than_a_cmi_timespan_holds_is_the_longest_it_holds(browser, lms):
    """CMITimespan has four digits of hours: a lesson left open for longer (a tab forgotten for over a
    year) reports 9999:59:59.99, not 9999 hours with the minutes of the real time."""
    lms.scorm_launch = {"core": {"student_id": "trainee-9", "student_name": "Trainee, Nine", "entry": "ab-initio"}}
    context, page, lesson, errors = _launch(browser, lms, at="2027-01-15T08:00:00.000Z")
    context.clock.set_fixed_time("2028-03-08T09:30:00.000Z")  # 10,033.5 hours later
    _close_lesson(page, lms)
    assert page.evaluate("window.scoSet['cmi.core.session_time']") == "9999:59:59.99"
    assert errors == []
    context.close()


# An LMS that keeps suspend_data in a column of 4,096 bytes (UTF-8) takes no more, as the RTE allows
# it to (error 405): what the SCO sets beyond that is refused, and nothing of it is kept.
STRICT_BYTES = """() => {
  const api = window.API, set = api.LMSSetValue.bind(api);
  window.refused = 0;
  api.LMSSetValue = (element, value) => {
    if (element === "cmi.suspend_data" && new TextEncoder().encode(String(value)).length > 4096) { window.refused++; return "false"; }
    return set(element, value);
  };
}"""


@pytest.mark.parametrize("typed, kept", [
    ("отзывы покупателей " * 130, "отзывы покупателей"),  # 2,470 characters, 4,680 bytes
    ("a" * 99 + "\U0001F44D" * 2000, "a" * 99 + "\U0001F44D"),  # cut after a whole emoji, never inside one
], ids=["russian", "emoji"])
def test_progress_in_any_script_fits_suspend_data_however_the_lms_counts(browser, lms, typed, kept):
    """SCORM 1.2's 4,096 characters of suspend_data are counted by LMSs in UTF-16 units, in characters
    or in UTF-8 bytes, where a Russian letter is two and an emoji four. The progress the lesson sets fits
    the strictest count, so an answer in Russian is kept, not refused with every other answer; and an
    answer cut to fit is cut between characters, never inside one."""
    lms.scorm_launch = {"core": {"student_id": "trainee-10", "student_name": "Trainee, Ten", "entry": "ab-initio"}}
    context, page, lesson, errors = _launch(browser, lms)
    page.evaluate(STRICT_BYTES)
    field = lesson.locator('fieldset[data-q="word"] input[type=text]')
    field.fill(typed)
    field.press("Tab")
    choose_option(lesson, "research", "Reads reviews")
    final = _close_lesson(page, lms)["cmi"]
    assert page.evaluate("window.refused") == 0
    assert len(final["suspend_data"].encode()) <= 4096
    saved = json.loads(final["suspend_data"])["quiz"]["answers"]
    assert set(saved) == {"word", "research"} and saved["word"]["value"].startswith(kept)
    context.close()

    lms.scorm_launch = _relaunch_data(lms.commits[-1])
    context, page, lesson, errors = _launch(browser, lms)
    assert lesson.locator('fieldset[data-q="research"] input[type=radio]:checked').count() == 1
    value = lesson.locator('fieldset[data-q="word"] input[type=text]').input_value()
    assert value.startswith(kept) and value.encode("utf-8", "strict")  # no half of a character
    assert errors == []
    context.close()
