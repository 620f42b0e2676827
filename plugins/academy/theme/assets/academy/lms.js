/* The academy inside an LMS: SCORM 1.2 or cmi5. Only pages of a package load this script
 * (`academy package` puts it in place of academy.js); the site's pages never do.
 * It restores the trainee's progress from the LMS before academy.js starts, then reports
 * what academy.js tells through its events:
 *   academy:answer   detail {quiz, question, type, score, points, correct}
 *   academy:complete detail {quiz, score, total, percent, passed}
 */
(function () {
  "use strict";
  var me = document.currentScript;
  var S = JSON.parse(document.getElementById("__academy_lms").textContent);
  var QUIZ = S.quiz || null, KEY = QUIZ ? "academy:quiz:" + QUIZ.id : null, started = Date.now();
  var store = {
    get: function (k) { try { return JSON.parse(localStorage.getItem(k)); } catch (e) { return null; } },
    set: function (k, v) { try { localStorage.setItem(k, JSON.stringify(v)); } catch (e) { /* not kept */ } },
    del: function (k) { try { localStorage.removeItem(k); } catch (e) { /* nothing */ } }
  };
  function startAcademy() {
    var s = document.createElement("script");
    s.src = me.getAttribute("data-academy");
    // academy.js reads its settings from the JSON element just before its own script
    var config = document.querySelector("script[data-academy-config]");
    if (config) config.parentNode.insertBefore(s, config.nextSibling);
    else document.head.appendChild(s);
  }
  /* The LMS's mastery score is the pass mark (SCORM 1.2 RTE, cmi5 10.0): the quiz shows the verdict
   * the LMS records, so the page never says "passed" for what the LMS keeps as failed. */
  function passMark(percent) {
    if (!QUIZ || !(percent >= 0 && percent <= 100)) return;
    Array.prototype.forEach.call(document.querySelectorAll("template.academy-quiz__key"), function (t) {
      var key = JSON.parse(t.content.textContent);
      if (key.id !== QUIZ.id) return;
      key.passMark = percent;
      t.content.textContent = JSON.stringify(key);
    });
  }
  var notice = null;
  function tell(key, kind) {
    if (!notice) {
      notice = document.createElement("div");
      notice.className = "academy-lms admonition";
      notice.setAttribute("role", "status");
      var at = document.querySelector(".academy-quiz") || document.querySelector("article h1");
      if (at && at.tagName === "H1") at.parentNode.insertBefore(notice, at.nextSibling);
      else if (at) at.parentNode.insertBefore(notice, at);
      else document.body.insertBefore(notice, document.body.firstChild);
    }
    notice.className = "academy-lms admonition " + kind;
    notice.setAttribute("data-lms", key);
    notice.textContent = "";
    var p = document.createElement("p");
    p.textContent = S.strings[key];
    notice.appendChild(p);
  }
  function mine(e) { return QUIZ && e.detail && e.detail.quiz === QUIZ.id; }
  function progress() { return KEY ? store.get(KEY) : null; }

  /* ---- SCORM 1.2 ----------------------------------------------------------- */
  function findApi(win) {
    for (var depth = 0; win && depth < 10; depth++) {
      try { if (win.API && typeof win.API.LMSInitialize === "function") return win.API; } catch (e) { return null; }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  function timespan(ms) {  /* CMITimespan: HHHH:MM:SS.SS, rounded as a whole, at most 9999:59:59.99 */
    var cs = Math.min(Math.max(0, Math.round(ms / 10)), 3599999999);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return ("000" + Math.floor(cs / 360000)).slice(-4) + ":" + two(Math.floor(cs / 6000) % 60) + ":" + two(Math.floor(cs / 100) % 60) + "." + two(cs % 100);
  }
  function scorm() {
    var api = findApi(window.parent !== window ? window.parent : null);
    try { if (!api && window.opener) api = findApi(window.opener); } catch (e) { api = null; }
    if (!api || String(api.LMSInitialize("")) !== "true") { tell("lms.unrecorded", "warning"); startAcademy(); return; }
    var get = function (k) { return String(api.LMSGetValue(k) || ""); };
    var set = function (k, v) { return String(api.LMSSetValue(k, String(v))) === "true"; };
    if (KEY) {
      var saved = null;
      try { saved = JSON.parse(get("cmi.suspend_data") || "null"); } catch (e) { saved = null; }
      /* The LMS's record is the trainee's progress: another attempt in this browser does not leak in. */
      if (saved && saved.quiz) store.set(KEY, saved.quiz); else store.del(KEY);
    }
    passMark(parseFloat(get("cmi.student_data.mastery_score")));
    var status = get("cmi.core.lesson_status");
    if (!QUIZ) set("cmi.core.lesson_status", "completed");
    else if (status === "not attempted" || status === "") set("cmi.core.lesson_status", "incomplete");
    var interactions = 0, finished = false;
    /* SCORM 1.2 keeps 4,096 characters of suspend_data, counted here as UTF-8 bytes, the strictest way
     * an LMS counts: the longest typed answers are cut (between characters, to a beginning, which a
     * checked quiz shows with the verdict it earned) until the rest fits; if even that is too long,
     * the answers go and the scores stay. */
    var LIMIT = 4096, fits = function (text) { return new TextEncoder().encode(text).length <= LIMIT; };
    var fitted = function (state) {
      var text = JSON.stringify({ quiz: state });
      if (fits(text) || !state || !state.answers || typeof state.answers !== "object") return text;
      var copy = JSON.parse(JSON.stringify(state)), answers = copy.answers;
      var typed = Object.keys(answers).filter(function (id) { return answers[id] && typeof answers[id].value === "string"; })
        .sort(function (a, b) { return answers[b].value.length - answers[a].value.length; });
      for (var i = 0; i < typed.length && !fits(text); i++) {
        answers[typed[i]].value = Array.from(answers[typed[i]].value).slice(0, 100).join("");
        text = JSON.stringify({ quiz: copy });
      }
      if (!fits(text)) { copy.answers = {}; copy.checked = false; text = JSON.stringify({ quiz: copy }); }
      return fits(text) ? text : null;
    };
    var suspend = function () {
      var text = fitted(progress());
      if (text != null) set("cmi.suspend_data", text);
    };
    document.addEventListener("change", function () { setTimeout(suspend, 0); });
    document.addEventListener("academy:answer", function (e) {
      if (!mine(e)) return;
      var n = "cmi.interactions." + interactions++ + ".";
      set(n + "id", e.detail.question);
      set(n + "type", QUIZ.questions[e.detail.question] ? QUIZ.questions[e.detail.question].interaction : "other");
      set(n + "weighting", e.detail.points);
      set(n + "result", e.detail.correct ? "correct" : "wrong");
    });
    document.addEventListener("academy:complete", function (e) {
      if (!mine(e)) return;
      var mastery = parseFloat(get("cmi.student_data.mastery_score"));
      var passed = isNaN(mastery) ? e.detail.passed : e.detail.percent >= mastery;
      /* The LMS keeps the best score of its attempt, as `academy results` does: a retake that does worse
       * never lowers it, nor lets an LMS that sets the status from the score (RTE 3.4.4) fail a pass. */
      var before = parseFloat(get("cmi.core.score.raw")), best = isNaN(before) ? e.detail.percent : Math.max(before, e.detail.percent);
      var recorded = set("cmi.core.score.min", 0) && set("cmi.core.score.max", 100) && set("cmi.core.score.raw", best);
      if (recorded && (passed || get("cmi.core.lesson_status") !== "passed")) recorded = set("cmi.core.lesson_status", passed ? "passed" : "failed");
      suspend();
      if (!recorded || String(api.LMSCommit("")) !== "true") tell("lms.ended", "warning");
    });
    var finish = function () {
      if (finished) return;
      finished = true;
      suspend();
      set("cmi.core.session_time", timespan(Date.now() - started));
      var done = /^(passed|completed)$/.test(get("cmi.core.lesson_status"));
      set("cmi.core.exit", done ? "" : "suspend");
      api.LMSCommit("");
      api.LMSFinish("");
    };
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);
    /* Back to this page from the history (a phone's back button): its session ended when it was left. */
    window.addEventListener("pageshow", function (e) { if (e.persisted && finished) tell("lms.ended", "warning"); });
    window.academyLmsFinish = finish;  /* an LMS frame may end the session itself */
    startAcademy();
  }

  /* ---- cmi5 ---------------------------------------------------------------- */
  var CMI5 = "https://w3id.org/xapi/cmi5/context/", VERBS = "http://adlnet.gov/expapi/verbs/";
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16); crypto.getRandomValues(b);
    b[6] = b[6] & 15 | 64; b[8] = b[8] & 63 | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function duration(ms) { return "PT" + Math.max(0, ms / 1000).toFixed(2) + "S"; }
  function launch() {
    var q = new URLSearchParams(location.search), L = {};
    ["endpoint", "fetch", "registration", "activityId"].forEach(function (k) { L[k] = q.get(k); });
    try { L.actor = JSON.parse(q.get("actor")); } catch (e) { return null; }
    var url = function (u) { try { return /^https?:$/.test(new URL(u).protocol); } catch (e) { return false; } };
    var iri = function (u) { try { return !!new URL(u).protocol; } catch (e) { return false; } };
    var actor = L.actor;
    if (!url(L.endpoint) || !url(L.fetch) || !iri(L.activityId)) return null;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(L.registration || "")) return null;
    if (!actor || typeof actor !== "object" || !(actor.account && actor.account.homePage && actor.account.name || actor.mbox)) return null;
    if (L.endpoint.slice(-1) !== "/") L.endpoint += "/";
    return L;
  }
  function cmi5() {
    var L = launch();
    if (!L) { tell("lms.unrecorded", "warning"); startAcademy(); return; }
    var SCOPE = "academy:cmi5:" + L.registration + ":" + L.activityId, QUEUE = SCOPE + ":queue", DONE = SCOPE + ":done";
    /* This launch (one session): its fetch URL is its own. A reload of the page is the same launch. */
    var LAUNCH = L.fetch, ENDED = "academy:cmi5:ended:" + LAUNCH;
    var token = null, data = null, busy = false, failing = false, timer = 0, ended = false, expired = false;
    try { ended = sessionStorage.getItem(ENDED) === "1"; } catch (e) { ended = false; }
    /* Every session of the registration in this browser (another tab, the next launch) shares the
     * queue and what cmi5 allows once per registration: both are read from storage before each
     * change, never from a copy this page made when it opened. */
    var memory = { queue: [], done: {} }, stored = { queue: true, done: true };
    var read = function (key, name, check) {
      var v = stored[name] ? store.get(key) : null;
      return check(v) ? v : memory[name];
    };
    var queueNow = function () { return read(QUEUE, "queue", Array.isArray); };
    var doneNow = function () {
      var d = read(DONE, "done", function (v) { return v && typeof v === "object" && !Array.isArray(v); });
      Object.keys(memory.done).forEach(function (k) { d[k] = true; });
      return d;
    };
    var write = function (key, name, v) {
      memory[name] = v;
      try { localStorage.setItem(key, JSON.stringify(v)); stored[name] = true; } catch (e) { stored[name] = false; }
    };
    var setQueue = function (q) { write(QUEUE, "queue", q); };
    var mark = function (verb) { var d = doneNow(); d[verb] = true; write(DONE, "done", d); };
    var headers = function (json) {
      var h = { "Authorization": "Basic " + token, "X-Experience-API-Version": "1.0.3" };
      if (json) h["Content-Type"] = "application/json";
      return h;
    };
    var stateUrl = function (id) {
      return L.endpoint + "activities/state?" + new URLSearchParams({ stateId: id, activityId: L.activityId, agent: JSON.stringify(L.actor), registration: L.registration });
    };
    /* A token the LRS turns down (401 expired, 403 revoked) ends this launch, as a used fetch URL does */
    var ok = function (r) {
      if (r.status === 401 || r.status === 403) expired = true;
      if (!r.ok && r.status !== 409) throw new Error(r.status);
      return r;
    };
    /* A request the LRS takes and never answers is given up after a while, and counts as failed:
     * the trainee is told, and it is sent again (the LRS ignores a statement it already has). */
    var WAIT = 20000;
    var ask = function (url, options) {
      options = options || {};
      if (options.keepalive || !window.AbortController) return fetch(url, options);
      var stop = new AbortController(), timer = setTimeout(function () { stop.abort(); }, WAIT);
      options.signal = stop.signal;
      return fetch(url, options).then(function (r) { clearTimeout(timer); return r; }, function (e) { clearTimeout(timer); throw e; });
    };
    var connect = function () {
      if (data) return Promise.resolve();
      var kept = null;
      try { kept = sessionStorage.getItem("academy:cmi5:token:" + L.fetch); } catch (e) { kept = null; }
      /* The fetch URL gives its token once; a reload of the same launch keeps it for the tab. */
      return (token || kept ? Promise.resolve(token || kept) : ask(L.fetch, { method: "POST" }).then(function (r) {
        if (r.status >= 400 && r.status < 500) expired = true;
        return ok(r).json();
      }).then(function (j) {
        /* An error from the fetch URL (cmi5 8.2.3: used already, expired) is for good: this launch
         * gets no token. What the page queues waits on the device for the next launch. */
        if (!j || !j["auth-token"]) { expired = true; throw new Error("no token"); }
        try { sessionStorage.setItem("academy:cmi5:token:" + L.fetch, j["auth-token"]); } catch (e) { /* fetched again next time */ }
        return j["auth-token"];
      })).then(function (t) {
        token = t;
        return ask(stateUrl("LMS.LaunchData"), { headers: headers(false) }).then(ok).then(function (r) { return r.json(); });
      }).then(function (d) {
        data = d;
        /* what this session queued before it knew its context gets it now, once and for good */
        setQueue(queueNow().map(function (i) {
          if (i.verb && !i.context && i.launch === LAUNCH) i.context = data.contextTemplate || {};
          return i;
        }));
      });
    };
    var restore = function () {
      if (!KEY) return Promise.resolve();
      return ask(stateUrl("academy-progress"), { headers: headers(false) }).then(function (r) {
        return r.status === 404 ? null : ok(r).json();
      }).then(function (saved) {
        if (saved && saved.done) Object.keys(saved.done).forEach(function (k) { memory.done[k] = true; mark(k); });
        /* progress this device did not send yet is kept and sent, unless the LMS's is newer (another device) */
        var mine = queueNow().filter(function (i) { return i.state; }).pop();
        var when = function (s) { return s && s.quiz && s.quiz.updated || ""; };
        if (mine && when(mine.state) >= when(saved)) saved = mine.state;
        else if (mine) setQueue(queueNow().filter(function (i) { return !i.state; }));
        if (saved && saved.quiz) store.set(KEY, saved.quiz); else store.del(KEY);
      });
    };
    /* A statement is made whole when it is queued: sent again, on this launch or the next one,
     * it is the same statement, in its own session, which the LRS takes as the one it already has. */
    var statement = function (item) {
      var context = JSON.parse(JSON.stringify(item.context || {}));
      context.registration = L.registration;
      context.language = S.lang;
      var acts = context.contextActivities = context.contextActivities || {};
      if (item.verb !== "answered" && !item.quizResult) (acts.category = acts.category || []).push({ id: CMI5 + "categories/cmi5" });
      if (item.moveOn) acts.category.push({ id: CMI5 + "categories/moveon" });
      if (item.mastery != null) (context.extensions = context.extensions || {})[CMI5 + "extensions/masteryscore"] = item.mastery;
      var object = { objectType: "Activity", id: L.activityId };
      if (item.quizResult) {  /* every attempt, on the quiz itself: what `academy results` counts */
        object = { objectType: "Activity", id: QUIZ.activity,
          definition: { type: "http://adlnet.gov/expapi/activities/assessment", name: (function (n) { n[S.lang] = QUIZ.title; return n; })({}) } };
        acts.parent = [{ id: L.activityId }];
      } else if (item.verb === "answered") {
        object = { objectType: "Activity", id: item.question.activity,
          definition: { type: "http://adlnet.gov/expapi/activities/cmi.interaction", interactionType: item.question.interaction } };
        acts.parent = [{ id: L.activityId }];
        (acts.grouping = acts.grouping || []).push({ id: QUIZ.activity });
      }
      var s = { id: item.id, timestamp: item.timestamp, actor: L.actor, verb: { id: VERBS + item.verb, display: { "en-US": item.verb } },
        object: object, context: context };
      if (item.result) s.result = item.result;
      return s;
    };
    var outcome = function (i) { return /^(passed|failed|completed)$/.test(i.verb) && !i.quizResult; };
    var inflight = {}, again = false;
    var retryLater = function () { clearTimeout(timer); timer = setTimeout(flush, 3000); };
    var send = function (items, keepalive) {
      items.forEach(function (i) { inflight[i.id] = true; });
      return connect().then(function () {
        var now = {};
        queueNow().forEach(function (i) { now[i.id] = i; });
        items = items.map(function (i) { return now[i.id] || i; });  /* as connecting may have completed them */
        var statements = items.filter(function (i) { return i.verb && i.context; });
        var state = items.filter(function (i) { return i.state; }).pop();
        /* cmi5 9.3: one passed, failed and completed per registration, no failed once passed. Another
         * device may have said it: the LRS is asked (not as the page goes; unanswered, it is said). */
        var verbs = {}, said = {};
        statements.forEach(function (i) { if (outcome(i) && !keepalive) verbs[i.verb] = verbs[i.verb === "failed" ? "passed" : i.verb] = 1; });
        return Promise.all(Object.keys(verbs).map(function (verb) {
          return ask(L.endpoint + "statements?" + new URLSearchParams({ agent: JSON.stringify(L.actor), registration: L.registration,
            verb: VERBS + verb, activity: L.activityId, limit: 1 }), { headers: headers(false) })
            .then(function (r) { return r.ok ? r.json() : {}; }).then(function (j) { if ((j.statements || []).length) { said[verb] = 1; mark(verb); } })
            .catch(function () {});
        })).then(function () {
          var skip = statements.filter(function (i) { return outcome(i) && (said[i.verb] || i.verb === "failed" && said.passed); });
          statements = statements.filter(function (i) { return skip.indexOf(i) < 0; });
          /* both at once: when the page is going, nothing runs after the first answer */
          return Promise.all([
            statements.length ? ask(L.endpoint + "statements", { method: "POST", headers: headers(true), keepalive: keepalive,
              body: JSON.stringify(statements.map(statement)) }).then(ok) : null,
            state ? ask(stateUrl("academy-progress"), { method: "PUT", headers: headers(true), keepalive: keepalive,
              body: JSON.stringify(state.state) }).then(ok) : null
          ]).then(function () { return statements.concat(skip, state ? [state] : []); });
        });
      }).then(function (delivered) {
        var sent = {};
        delivered.forEach(function (i) { sent[i.id] = true; });
        setQueue(queueNow().filter(function (i) { return !sent[i.id]; }));
        if (failing) { failing = false; tell(ended ? "lms.ended" : "lms.sent", ended ? "warning" : "success"); }
      }, function () {
        failing = true;
        if (expired) tell("lms.ended", "warning");
        else { tell("lms.queued", "warning"); retryLater(); }
      }).then(function () { items.forEach(function (i) { delete inflight[i.id]; }); });
    };
    /* what this page may send: anything made whole, by any session, and this session's own */
    var sendable = function (i) { return !inflight[i.id] && (i.state ? !ended : i.context || i.launch === LAUNCH); };
    var waiting = function () { return queueNow().filter(sendable); };
    var flush = function () {
      if (expired) return;
      if (busy) { again = true; return; }
      var items = waiting();
      if (!items.length) return;
      busy = true;
      send(items, false).then(function () {
        busy = false;
        if (again && !failing) { again = false; flush(); }
      });
    };
    var add = function (item) {
      if (ended) return false;  /* the session is over: nothing more may be said in it (cmi5 9.3) */
      item.id = uuid(); item.timestamp = new Date().toISOString(); item.launch = LAUNCH;
      if (data && item.verb) item.context = data.contextTemplate || {};
      var q = queueNow(); q.push(item); setQueue(q);
      return true;
    };
    var saveState = function () {
      if (ended) return;
      /* only the latest progress counts */
      var q = queueNow().filter(function (i) { return !i.state; });
      q.push({ id: uuid(), state: { quiz: progress(), done: doneNow() } });
      setQueue(q);
    };
    /* The statement that meets the LMS's moveOn rule carries the moveon category (cmi5 9.6.2.2). */
    var movesOn = function (verb) {
      var rule = data && data.moveOn || "NotApplicable", done = doneNow();
      if (rule === "CompletedOrPassed") return true;
      if (rule === "CompletedAndPassed") return verb === "passed" ? !!done.completed : !!done.passed;
      return rule === (verb === "passed" ? "Passed" : "Completed");
    };
    var normal = function () { return !data || !data.launchMode || data.launchMode === "Normal"; };
    var complete = function () {
      if (doneNow().completed) return;
      mark("completed");
      add({ verb: "completed", moveOn: movesOn("completed"), result: { completion: true, duration: duration(Date.now() - started) } });
    };
    window.addEventListener("online", function () { flush(); });
    /* What an earlier session queued here and never got to say (the LRS could not be reached all
     * along) is said in this one, after its initialized: that earlier session has no start or end
     * the LMS could take. */
    var orphan = function (i) { return i.verb && !i.context && i.launch !== LAUNCH; };
    connect().then(restore).catch(function () { failing = true; tell("lms.queued", "warning"); }).then(function () {
      if (data && typeof data.masteryScore === "number") passMark(data.masteryScore * 100);
      if (expired) tell("lms.ended", "warning");
      if (ended) {
        tell("lms.ended", "warning");
      } else {
        add({ verb: "initialized" });
        var q = queueNow(), orphans = q.filter(orphan);
        q = q.filter(function (i) { return !orphan(i); });
        orphans.forEach(function (o) {
          if (o.verb === "initialized" || o.verb === "terminated") return;
          o.launch = LAUNCH;
          if (data) o.context = data.contextTemplate || {};
          q.push(o);
        });
        setQueue(q);
        if (!QUIZ && normal()) complete();
      }
      startAcademy();
      if (!failing) flush(); else retryLater();
    });
    var answers = [];
    document.addEventListener("change", function () { setTimeout(function () { saveState(); if (!failing) flush(); }, 0); });
    document.addEventListener("academy:answer", function (e) { if (mine(e)) answers.push(e.detail); });
    document.addEventListener("academy:complete", function (e) {
      if (!mine(e)) return;
      if (ended) { answers = []; tell("lms.ended", "warning"); return; }
      var saved = progress() || {}, given = saved.answers || {};
      answers.forEach(function (a) {
        var v = given[a.question] ? given[a.question].value : null, response = null;
        if (Array.isArray(v)) response = v.join("[,]");
        else if (v && typeof v === "object") response = Object.keys(v).map(function (k) { return k + "[.]" + v[k]; }).join("[,]");
        else if (v != null) response = String(v);
        var result = { success: a.correct, score: { raw: a.score, min: 0, max: a.points, scaled: a.points ? a.score / a.points : 0 } };
        if (response != null) result.response = response;
        add({ verb: "answered", question: QUIZ.questions[a.question] || { activity: QUIZ.activity + "/questions/" + a.question, interaction: "other" }, result: result });
      });
      answers = [];
      var scaled = e.detail.total ? e.detail.score / e.detail.total : 0;
      var mastery = data && typeof data.masteryScore === "number" ? data.masteryScore : null;
      var passed = mastery == null ? e.detail.passed : scaled >= mastery - 1e-9;
      var result = { success: passed, duration: duration(Date.now() - started),
        score: { scaled: Math.round(scaled * 10000) / 10000, raw: e.detail.score, min: 0, max: e.detail.total } };
      add({ verb: passed ? "passed" : "failed", quizResult: true, result: result });
      if (normal()) {
        var done = doneNow();  /* as every session of the registration left it, this one's and the others' */
        if (passed && !done.passed) { add({ verb: "passed", result: result, mastery: mastery, moveOn: movesOn("passed") }); mark("passed"); }
        if (!passed && !done.passed && !done.failed) { mark("failed"); add({ verb: "failed", result: result, mastery: mastery }); }
        complete();
      }
      saveState();
      flush();
    });
    var end = function () {
      if (ended) return;
      add({ verb: "terminated", result: { duration: duration(Date.now() - started) } });
      ended = true;
      try { sessionStorage.setItem(ENDED, "1"); } catch (e) { /* a reload then starts again */ }
      /* The page is going, and requests on their way may be cut: everything still queued goes now,
       * in one request that outlives the page (the LRS ignores a statement it already has),
       * or stays queued for the next launch. */
      if (data && !expired) { var q = queueNow().filter(function (i) { return i.state || i.context || i.launch === LAUNCH; }); if (q.length) send(q, true); }
    };
    window.addEventListener("pagehide", end);
    /* Back to this page from the history (a phone's back button): its session ended when it was left. */
    window.addEventListener("pageshow", function (e) { if (e.persisted && ended) tell("lms.ended", "warning"); });
  }

  if (S.standard === "scorm12") scorm(); else cmi5();
})();
