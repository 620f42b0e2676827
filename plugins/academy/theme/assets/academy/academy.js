/* The academy's scripts: search, quizzes and the progress page. No framework.
 * Events (bubbling, on the quiz's <section>):
 *   academy:answer   detail {quiz, question, type, score, points, correct}
 *   academy:complete detail {quiz, score, total, percent, passed}
 */
(function () {
  "use strict";
  /* The config is the JSON block just before this script's own element: no global id lookup,
     which an element written in a page could shadow. */
  var me = document.currentScript, node = me && me.previousElementSibling;
  if (!node || node.tagName !== "SCRIPT" || node.type !== "application/json" || !node.hasAttribute("data-academy-config")) return;
  var C = JSON.parse(node.textContent);
  if (!C || typeof C !== "object" || !Array.isArray(C.plural)) return;
  /* Read against the page of the first load: with Material's instant navigation this script
     stays while the pages under it change. */
  var ROOT = new URL(C.root, location.href), SEARCH = new URL(C.search, location.href);
  var SEARCH_KEYS = C.searchKeys ? new URL(C.searchKeys, location.href) : null;
  /* The plural form of each count was chosen at build time; nothing is evaluated here. */
  function pluralOf(n) {
    var table = C.plural, i = n < table.length ? table[n] : table[100 + n % 100];
    return typeof i === "number" ? i : 0;
  }
  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return values && k in values ? values[k] : m; });
  }
  function t(key, values) { return fmt(C.strings[key] || key, values); }
  function nt(key, n, values) {
    var forms = C.plurals[key];
    return fmt(forms[Math.min(pluralOf(n), forms.length - 1)], values);
  }
  function percent(x) {
    return new Intl.NumberFormat(C.lang, { style: "percent", maximumFractionDigits: 0 }).format(x);
  }
  function $$(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  /* Data for the script rides in <template> elements (a swapped-in <script> would be run as code). */
  function dataOf(template) { return JSON.parse((template.content || template).textContent); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  /* Storage that never throws: private mode or a full quota only lose persistence. */
  var store = {
    get: function (k) { try { return JSON.parse(localStorage.getItem(k)); } catch (e) { return null; } },
    set: function (k, v) { try { localStorage.setItem(k, JSON.stringify(v)); } catch (e) { /* not saved */ } },
    keys: function () { try { return Object.keys(localStorage); } catch (e) { return []; } },
    del: function (k) { try { localStorage.removeItem(k); } catch (e) { /* nothing */ } },
    /* whether a write here is kept: false in a private mode that blocks storage, or with the quota full */
    works: function () {
      try { localStorage.setItem("academy:probe", "1"); localStorage.removeItem("academy:probe"); return true; } catch (e) { return false; }
    }
  };
  var PREFIX = "academy:quiz:";
  /* What another page, another version or a person may have left in storage is checked by shape:
     a value of the wrong shape is dropped, never used. */
  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function finite(v) { return typeof v === "number" && isFinite(v); }
  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  /* A question's score as the share of its points earned. */
  function isVerdict(v) { return finite(v) && v >= 0 && v <= 1; }
  function savedQuiz(raw) {
    var s = isObject(raw) ? raw : {}, out = { answers: {}, checked: s.checked === true, passed: s.passed === true };
    if (isObject(s.answers)) out.savedAnswers = s.answers;
    if (finite(s.best)) out.best = Math.max(0, Math.min(100, s.best));
    if (finite(s.last)) out.last = Math.max(0, Math.min(100, s.last));
    if (typeof s.updated === "string" && !isNaN(Date.parse(s.updated))) out.updated = s.updated;
    return out;
  }

  /* A script of the academy's own, loaded when a page needs it. */
  function script(href) {
    return new Promise(function (done, failed) {
      var s = document.createElement("script");
      s.src = href;
      s.onload = done; s.onerror = failed;
      document.head.appendChild(s);
    });
  }

  /* ---- search ---------------------------------------------------------- */
  /* The dialog opens at once; what searches (search.js, Pagefind, the query's rewriting) loads
     once the page is idle, so that on slow mobile data the lesson comes first and the first query
     does not wait; with Save-Data on, only when the dialog opens. */
  var dialog = document.querySelector("dialog.academy-search");
  var opener = document.querySelector(".academy-search-open");
  if (dialog && opener) {
    var input = dialog.querySelector("input"), searching = null;
    var quiet = function () { /* said in the dialog */ };
    /* What Pagefind asks for before it can search, asked for at once. Left to itself it is a chain
       (search.js, then the query's rewriting and Pagefind, then its worker, then its entry file, then
       its metadata and its WebAssembly, then the index chunk a query needs), and on slow mobile data
       each link of it waits a round trip. The files land in the browser's cache, where Pagefind's own
       requests, from its worker, find them or join them on their way: nothing is downloaded twice but
       the entry file, which Pagefind asks for with a fresh query string each time (0.2 KB;
       bench/phone.py counts what the server sends). The index chunks come from the build's list
       (warmup.json, search_warmup.py): empty for an index too big to load before a query. */
    var keysLoaded = null;
    var keys = function () { /* the script that rewrites the query as the index has it, once */
      if (!keysLoaded) keysLoaded = script(SEARCH_KEYS.href).catch(function (e) { keysLoaded = null; throw e; });
      return keysLoaded;
    };
    var nothing = { terms: "", chunks: [] };
    var warm = function () {
      var get = function (name) {
        return fetch(new URL(name, SEARCH), { credentials: "same-origin" }).then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r;
        });
      };
      var keep = function (name) { get(name).then(function (r) { return r.arrayBuffer(); }).catch(quiet); };
      import(SEARCH.href).catch(quiet);
      if (SEARCH_KEYS) keys().catch(quiet);
      keep("pagefind-worker.js");
      get("pagefind-entry.json").then(function (r) { return r.json(); }).then(function (entry) {
        var languages = entry.languages || {}, codes = Object.keys(languages);
        var own = languages[document.documentElement.lang] || (codes.length === 1 ? languages[codes[0]] : null);
        if (!own) return;
        keep("pagefind." + own.hash + ".pf_meta");
        keep("wasm." + (own.wasm || "unknown") + ".pagefind"); /* Pagefind's name where it has no stemmer (Filipino) */
      }).catch(quiet); /* a failure here is Pagefind's to meet and say */
      return get("warmup.json").then(function (r) { return r.json(); }).then(function (plan) {
        var chunks = Array.isArray(plan.chunks) ? plan.chunks : [];
        chunks.forEach(function (name) { if (/^index\/[\w-]+\.pf_index$/.test(name)) keep(name); });
        return { terms: typeof plan.terms === "string" ? plan.terms : "", chunks: chunks };
      }).catch(function () { return nothing; }); /* without it, the typed letters load what they need */
    };
    /* Search's files are not kept for offline reading: without a connection the dialog says so at
       once, and nothing is asked of Pagefind (which would fail loudly on each page read offline);
       opened again once the connection is back, it searches. */
    var offline = function () { return navigator.onLine === false; };
    var load = function () {
      if (!searching && offline()) {
        dialog.querySelector(".academy-search__status").textContent = t("search.unavailable");
        return Promise.reject(new Error("offline"));
      }
      if (!searching) {
        dialog.querySelector(".academy-search__status").textContent = ""; /* said when it last failed */
        var warmup = warm();
        searching = script(new URL(C.searchUi, location.href).href).then(function () {
          return window.academySearch({ C: C, t: t, el: el, root: ROOT, engine: SEARCH, keys: SEARCH_KEYS && keys,
            warmup: warmup, dialog: dialog });
        });
        searching.catch(function () {
          searching = null;
          dialog.querySelector(".academy-search__status").textContent = t("search.unavailable");
        });
      }
      return searching;
    };
    var open = function () { dialog.showModal(); input.focus(); input.select(); load().catch(quiet); };
    if (!(navigator.connection && navigator.connection.saveData)) {
      var whenIdle = function () { (window.requestIdleCallback || setTimeout)(function () { if (!offline()) load().catch(quiet); }, { timeout: 3000 }); };
      if (document.readyState === "complete") whenIdle(); else window.addEventListener("load", whenIdle);
    }
    opener.addEventListener("click", open);
    document.addEventListener("keydown", function (e) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((e.target || {}).tagName || "");
      if (!dialog.open && ((e.key === "/" && !typing) || (e.key === "k" && (e.ctrlKey || e.metaKey)))) {
        e.preventDefault(); open();
      }
    });
    dialog.addEventListener("click", function (e) {
      if (e.target === dialog || e.target.closest(".academy-search__close")) dialog.close();
    });
    /* Enter, or the phone keyboard's Go, never leaves the page or closes the dialog: search.js opens
       the first result, or searches; typed before search.js arrived, the words are kept and searched
       once it has. Escape closes search at once (a search field's own Escape would first only empty it). */
    dialog.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); });
    dialog.addEventListener("keydown", function (e) { if (e.key === "Escape") { e.preventDefault(); dialog.close(); } });
  }

  /* ---- quizzes ------------------------------------------------------------ */
  /* A leading article is not part of a typed answer ("the Google", "si Google", "ang pagkamatiyaga" are
     "Google", "pagkamatiyaga"): English a/an/the and Filipino ang/ang mga/si/sina, taken off both sides in
     every language, so that an answer typed in one language keeps its verdict on another's page. */
  var ARTICLE = /^\s*(?:(?:the|an|a|ang(?:\s+mga)?|si|sina)\s+)(?=\S)/i;
  function normalize(s) {
    return String(s).replace(ARTICLE, "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\s\-‐-―_.,!?'"’]+/g, "");
  }
  /* A number as a trainee types it, in the page's convention or a neighbour's: "2,5", "2.5",
     "12 000", "12,000", "1.234,5", "−3", "53 %", "53 процента". Null for anything else, such as
     "2.5.3", "1,5,3" or "53 or 54": a unit word may follow the number, more digits may not. */
  function typedNumber(text) {
    var group = ",";
    new Intl.NumberFormat(C.lang).formatToParts(12345).forEach(function (p) { if (p.type === "group") group = p.value; });
    /* a space between digits groups them (kept as one space, checked below); any other goes */
    var s = String(text).replace(/_/g, "").replace(/(\d)[\s'’]+(?=\d)/g, "$1_").replace(/\s+/g, "").replace(/_/g, " ")
      .replace(/^[\u2212\u2012\u2013]/, "-");
    var m = /^([+-]?)(\d[\d., ]*)(\D*)$/.exec(s);
    if (!m) return null;
    var body = m[2].replace(/[.,]$/, ""), head = body.split(/[.,]/)[0];
    if (head.indexOf(" ") >= 0 && !/^\d{1,3}( \d{3})+$/.test(head)) return null;
    body = body.replace(/ /g, "");
    var marks = body.replace(/\d/g, ""), last = marks.charAt(marks.length - 1);
    /* digits grouped by `mark` in threes, without the marks; null if they are not */
    var ungroup = function (digits, mark) {
      var parts = digits.split(mark);
      return /^\d{1,3}$/.test(parts[0]) && parts.slice(1).every(function (g) { return /^\d{3}$/.test(g); }) ? parts.join("") : null;
    };
    if (marks.length > 1 && marks.indexOf(last) === marks.length - 1) {
      /* both marks: the last one, written once, is the decimal mark; the other groups digits */
      var at = body.lastIndexOf(last), whole = ungroup(body.slice(0, at), marks.charAt(0));
      body = whole === null ? null : whole + "." + body.slice(at + 1);
    } else if (marks.length > 1) {
      body = ungroup(body, last);  /* "1,000,000", "1.000.000" */
    } else if (last && last === group && /^[1-9]\d{0,2}[.,]\d{3}$/.test(body)) {
      body = ungroup(body, last);  /* "12,000" on a page whose comma groups digits */
    } else {
      body = body.replace(",", ".");  /* "2,5" or "2.5": the decimal mark */
    }
    var n = body === null ? NaN : Number(m[1] + body);
    return isFinite(n) ? n : null;
  }
  function shuffle(parent, items) {
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), x = items[i]; items[i] = items[j]; items[j] = x;
    }
    items.forEach(function (it) { parent.appendChild(it); });
  }

  function Question(fs, data) {
    this.fs = fs; this.d = data;
    this.controls = $$(fs, "input, select");
  }
  Question.prototype.value = function () {
    var d = this.d, c = this.controls;
    if (d.type === "single" || d.type === "true_false" || d.type === "multiple") {
      var picked = c.filter(function (i) { return i.checked; }).map(function (i) { return +i.value; });
      return picked.length ? picked : null;
    }
    if (d.type === "ordering" || d.type === "matching") {
      var v = {}, all = true;
      $$(this.fs, "li[data-item]").forEach(function (li) {
        var s = li.querySelector("select").value; if (s === "") all = false; v[li.getAttribute("data-item")] = s;
      });
      return all ? v : null;
    }
    return c[0].value.trim() ? c[0].value.trim() : null;
  };
  /* Whether a saved answer has the shape this question's controls can show. */
  Question.prototype.fits = function (v) {
    var d = this.d, n = this.controls.length;
    if (d.type === "single" || d.type === "true_false" || d.type === "multiple") {
      return Array.isArray(v) && v.every(function (i) { return typeof i === "number" && i % 1 === 0 && i >= 0 && i < n; });
    }
    if (d.type === "ordering" || d.type === "matching") {
      return isObject(v) && Object.keys(v).every(function (k) { return typeof v[k] === "string" && v[k].length <= 6; });
    }
    return typeof v === "string" && v.length <= 1000;
  };
  Question.prototype.restore = function (v) {
    var d = this.d;
    if (v == null) return;
    if (Array.isArray(v)) this.controls.forEach(function (i) { i.checked = v.indexOf(+i.value) >= 0; });
    else if (typeof v === "object") $$(this.fs, "li[data-item]").forEach(function (li) {
      var s = v[li.getAttribute("data-item")]; if (s != null) li.querySelector("select").value = s;
    });
    else if (d) this.controls[0].value = v;
  };
  Question.prototype.score = function (v) {
    var d = this.d;
    if (d.type === "single" || d.type === "true_false") return v[0] === d.correct[0] ? 1 : 0;
    if (d.type === "multiple") {
      var good = v.filter(function (i) { return d.correct.indexOf(i) >= 0; }).length;
      return Math.max(0, (good - (v.length - good)) / d.correct.length);
    }
    if (d.type === "ordering" || d.type === "matching") {
      var keys = Object.keys(v), right = keys.filter(function (k) {
        return d.type === "ordering" ? +v[k] === +k + 1 : +v[k] === d.correct[+k];
      }).length;
      return right / keys.length;
    }
    if (d.type === "numeric") {
      var n = typedNumber(v);
      return n !== null && Math.abs(n - d.answer) <= d.tolerance + 1e-9 ? 1 : 0;
    }
    var given = normalize(v);
    return d.answers.some(function (a) { return normalize(a) === given; }) ? 1 : 0;
  };
  Question.prototype.show = function (v, s) {
    var d = this.d, box = this.fs.querySelector(".academy-q__feedback");
    var state = s === 1 ? "correct" : s > 0 ? "partial" : "incorrect";
    this.fs.classList.remove("is-correct", "is-partial", "is-incorrect");
    this.fs.classList.add("is-" + state);
    box.textContent = "";
    box.appendChild(el("p", "academy-q__verdict", (s === 1 ? "✓ " : s > 0 ? "◐ " : "✗ ") + t("quiz." + state)));
    if (d.feedback && Array.isArray(v)) v.forEach(function (i) { if (d.feedback[i]) box.appendChild(el("p", null, d.feedback[i])); });
    if (d.type === "ordering" || d.type === "matching") box.appendChild(this.rows(v));
    else if (s < 1 && d.type === "multiple") box.appendChild(this.rightOptions());
    else if (s < 1 && d.answerText) box.appendChild(el("p", null, t("quiz.correct_answer", { answer: d.answerText })));
    if (d.explanation) box.appendChild(el("p", null, d.explanation));
  };
  /* Ordering and matching: one row per item, in the right order, marked right or wrong,
     with the trainee's own choice beside a wrong one. */
  Question.prototype.rows = function (v) {
    var d = this.d, fs = this.fs, list = el("ul", "academy-q__rows");
    var items = $$(fs, "li[data-item]").map(function (li) {
      var k = li.getAttribute("data-item"), select = li.querySelector("select");
      var textOf = function (value) {
        var o = $$(select, "option").filter(function (x) { return x.value === String(value); })[0];
        return o ? o.textContent : String(value);
      };
      var want = d.type === "ordering" ? String(+k + 1) : String(d.correct[+k]);
      return { k: +k, label: li.querySelector("label").textContent, want: want, got: String(v[k]), textOf: textOf };
    });
    items.sort(function (a, b) { return d.type === "ordering" ? a.want - b.want : a.k - b.k; });
    items.forEach(function (it) {
      var right = it.got === it.want, li = el("li", right ? "is-right" : "is-wrong");
      li.appendChild(el("span", "academy-q__mark", right ? "✓" : "✗"));
      li.appendChild(el("span", "academy-sr", t(right ? "quiz.row_right" : "quiz.row_wrong") + " "));
      li.appendChild(document.createTextNode(d.type === "ordering" ? it.want + ". " + it.label : it.label + " → " + it.textOf(it.want)));
      if (!right) li.appendChild(el("span", "academy-q__yours", " (" + t("quiz.your_answer", { answer: it.textOf(it.got) }) + ")"));
      list.appendChild(li);
    });
    return list;
  };
  /* Multiple answers: the right options as a list, never glued into one sentence. */
  Question.prototype.rightOptions = function () {
    var fs = this.fs, wrap = el("div"), list = el("ul", "academy-q__answers");
    wrap.appendChild(el("p", null, t("quiz.correct_answers")));
    this.d.correct.forEach(function (i) {
      var input = fs.querySelector('input[value="' + i + '"]');
      var label = input && fs.querySelector('label[for="' + input.id + '"]');
      if (label) list.appendChild(el("li", null, label.textContent));
    });
    wrap.appendChild(list);
    return wrap;
  };
  Question.prototype.clear = function () {
    this.fs.classList.remove("is-correct", "is-partial", "is-incorrect");
    this.fs.querySelector(".academy-q__feedback").textContent = "";
    this.controls.forEach(function (i) { if (i.type === "radio" || i.type === "checkbox") i.checked = false; else i.value = ""; });
  };

  function Quiz(section) {
    var key = dataOf(section.querySelector(".academy-quiz__key")), self = this;
    this.section = section; this.key = key; this.storeKey = PREFIX + key.id;
    this.form = section.querySelector("form");
    this.summary = section.querySelector(".academy-quiz__summary");
    this.submit = this.form.querySelector("button[type=submit]");
    this.retry = this.form.querySelector("[data-action=retry]");
    this.questions = key.questions.map(function (d) {
      return new Question(section.querySelector('fieldset[data-q="' + d.id + '"]'), d);
    });
    section.querySelector(".academy-quiz__nojs").hidden = true;
    this.submit.disabled = false;
    this.load();
    this.shuffle();
    this.form.addEventListener("change", function (e) {
      var fs = e.target.closest("fieldset"); if (!fs) return;
      var q = self.questions.filter(function (x) { return x.fs === fs; })[0];
      self.state.answers[q.d.id] = { rev: q.d.rev, value: q.value() };
      self.save();
      if (q.value() !== null) q.unmarkBlank();
    });
    /* Enter in a typed answer ends that answer; it does not check the whole quiz. */
    this.form.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && e.target.matches && e.target.matches("input[type=text]")) e.preventDefault();
    });
    this.form.addEventListener("submit", function (e) { e.preventDefault(); self.check(false); });
    /* "Try again" takes the place of "Check answers" and the other way round: the second tap of a
       double tap (a click counted as the second, `detail`), landing on the button that just appeared,
       would undo what the first did. It is ignored; a single tap, a click and the keyboard work. */
    this.submit.addEventListener("click", function (e) { if (e.detail > 1) e.preventDefault(); });
    this.retry.addEventListener("click", function (e) { if (e.detail < 2) self.reset(); });
  }
  /* The quiz as storage holds it: its answers, and its verdicts if it was checked. */
  Quiz.prototype.load = function () {
    var self = this;
    this.state = savedQuiz(store.get(this.storeKey));
    var saved = this.state.savedAnswers || {};
    delete this.state.savedAnswers;
    this.questions.forEach(function (q) {
      var s = own(saved, q.d.id) ? saved[q.d.id] : null;
      /* a question whose English changed starts again; the others keep their answers */
      if (isObject(s) && s.rev === q.d.rev && q.fits(s.value)) {
        self.state.answers[q.d.id] = { rev: s.rev, value: s.value, score: isVerdict(s.score) ? s.score : undefined };
        q.restore(s.value);
      }
    });
    if (this.state.checked && this.questions.every(function (q) { return self.state.answers[q.d.id]; })) this.check(true);
    else this.state.checked = false;
  };
  /* Another tab (another language's page of the same lesson, the progress page) changed this quiz,
     or the page came back from the back-forward cache: it shows what storage holds now, in the
     order it has, not stale verdicts or answers. */
  Quiz.prototype.sync = function () {
    if (!document.contains(this.section)) return;
    this.questions.forEach(function (q) { q.fs.disabled = false; q.unmarkBlank(); q.clear(); });
    this.summary.textContent = ""; this.submit.hidden = false; this.retry.hidden = true;
    this.load();
  };
  /* Written over what storage holds now, not over what this page read when it loaded: another tab
     may have passed the quiz, or cleared it, since. A pass and the best score come from storage and
     from the result just reached (if any), never from an older copy in this page. */
  Quiz.prototype.save = function (result) {
    var kept = savedQuiz(store.get(this.storeKey)), s = this.state;
    s.best = kept.best; s.last = kept.last; s.passed = kept.passed;
    if (result) {
      s.last = result.last; s.best = Math.max(kept.best || 0, result.last); s.passed = kept.passed || result.passed;
    }
    s.updated = new Date().toISOString();
    store.set(this.storeKey, s);
  };
  Quiz.prototype.shuffle = function () {
    if (!this.key.shuffle) return;
    this.questions.forEach(function (q) {
      if (!q.d.shuffle || q.d.type === "true_false") return;
      var box = q.fs.querySelector(".academy-q__options, .academy-q__order, .academy-q__match");
      if (box) shuffle(box, Array.prototype.slice.call(box.children));
    });
  };
  Quiz.prototype.check = function (restoring) {
    var self = this, total = 0, got = 0, right = 0;
    var blank = this.questions.filter(function (q) { return q.value() === null; });
    if (blank.length) { this.pointToBlank(blank); return; }
    this.questions.forEach(function (q) {
      var v = q.value(), kept = self.state.answers[q.d.id];
      /* A checked quiz comes back with the verdicts the trainee earned, in whatever language they
         answered: the same ✓, score and status on every page, the progress page and the cards. */
      var s = restoring && kept && isVerdict(kept.score) ? kept.score : q.score(v);
      total += q.d.points; got += s * q.d.points; if (s === 1) right++;
      q.show(v, s);
      q.fs.disabled = true;
      self.state.answers[q.d.id] = { rev: q.d.rev, value: v, score: s };
      if (!restoring) self.emit("academy:answer", { quiz: self.key.id, question: q.d.id, type: q.d.type, score: s * q.d.points, points: q.d.points, correct: s === 1 });
    });
    var ratio = total ? got / total : 0, passed = ratio * 100 >= this.key.passMark - 1e-9;
    this.summary.textContent = "";
    this.summary.appendChild(el("p", null, nt("quiz.summary", this.questions.length, { correct: right, total: this.questions.length })));
    this.summary.appendChild(el("p", passed ? "academy-quiz__passed" : "academy-quiz__failed",
      t(passed ? "quiz.passed" : "quiz.failed", { percent: percent(ratio), pass_mark: percent(this.key.passMark / 100) })));
    this.summary.appendChild(this.reviewList());
    this.submit.hidden = true; this.retry.hidden = false;
    if (!restoring) {
      this.state.checked = true;
      this.save({ last: Math.round(ratio * 100), passed: passed });
      this.emit("academy:complete", { quiz: this.key.id, score: got, total: total, percent: Math.round(ratio * 100), passed: passed });
      this.summary.setAttribute("tabindex", "-1"); this.summary.focus();
    }
  };
  /* After checking: links to every question not fully right, so a trainee can go back to each. */
  Quiz.prototype.reviewList = function () {
    var wrong = this.questions.filter(function (q) { return !q.fs.classList.contains("is-correct"); });
    var box = el("div", "academy-quiz__review");
    if (!wrong.length) return box;
    box.appendChild(el("p", null, t("quiz.to_review")));
    var list = el("ul");
    wrong.forEach(function (q) {
      var li = el("li"), a = el("a", null, q.fs.querySelector("legend").textContent.replace(/\s+/g, " ").trim());
      a.href = "#" + q.fs.id;
      li.appendChild(a); list.appendChild(li);
    });
    box.appendChild(list);
    return box;
  };

  /* A question left blank: lead the trainee to it, mark it and say, beside it, how many are left. */
  Quiz.prototype.pointToBlank = function (blank) {
    this.questions.forEach(function (q) { q.unmarkBlank(); });
    blank.forEach(function (q) { q.fs.classList.add("is-unanswered"); });
    var first = blank[0];
    first.fs.querySelector(".academy-q__feedback").textContent =
      t("quiz.unanswered") + " " + nt("quiz.left", blank.length, { count: blank.length });
    this.summary.textContent = "";
    /* the first empty control as the page shows it now (options may have been shuffled) */
    var target = $$(first.fs, "input, select").filter(function (c) {
      return c.tagName === "SELECT" ? c.value === "" : c.type === "text" ? !c.value.trim() : true;
    })[0] || first.controls[0];
    first.fs.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  };
  Question.prototype.unmarkBlank = function () {
    if (!this.fs.classList.contains("is-unanswered")) return;
    this.fs.classList.remove("is-unanswered");
    this.fs.querySelector(".academy-q__feedback").textContent = "";
  };

  Quiz.prototype.reset = function () {
    this.questions.forEach(function (q) { q.fs.disabled = false; q.clear(); });
    this.state.answers = {}; this.state.checked = false; this.save();
    this.summary.textContent = ""; this.submit.hidden = false; this.retry.hidden = true;
    this.shuffle();
    this.questions[0].controls[0].focus();
  };
  Quiz.prototype.emit = function (name, detail) {
    this.section.dispatchEvent(new CustomEvent(name, { detail: detail, bubbles: true }));
  };
  function setUpQuizzes() {
    $$(document, ".academy-quiz").forEach(function (s) {
      if (s.querySelector(".academy-quiz__key") && !s.academyQuiz) s.academyQuiz = new Quiz(s);
    });
  }
  /* What another tab saved, or what changed while this page sat in the back-forward cache,
     shows here too: quizzes, cards and the progress page. */
  function resync(quizKey) {
    $$(document, ".academy-quiz").forEach(function (s) {
      if (s.academyQuiz && (quizKey == null || s.academyQuiz.storeKey === quizKey)) s.academyQuiz.sync();
    });
    setUpCards();
    var progress = document.querySelector(".academy-progress");
    if (progress && progress.academyPaint) progress.academyPaint();
  }
  window.addEventListener("storage", function (e) {
    try { if (e.storageArea !== localStorage) return; } catch (x) { return; }
    if (e.key === null || e.key.indexOf(PREFIX) === 0) resync(e.key);
  });
  window.addEventListener("pageshow", function (e) { if (e.persisted) resync(null); });

  /* ---- switching language keeps the reader's place ------------------------ */
  /* Headings keep their English anchors in every language, but a hand-written translation may name
     them in its own words: the section travels by anchor and by its place among the headings, with how
     far into it the reader was, since the same section is longer or shorter in another language. */
  var PLACE = "academy:place";
  function sectionHeadings() { return $$(document, "article h2[id], article h3[id]"); }
  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }
  function sectionSpan(hs, i) {
    var next = hs[i + 1], article = hs[i].closest("article");
    return { start: hs[i].getBoundingClientRect().top,
      end: next ? next.getBoundingClientRect().top : article.getBoundingClientRect().bottom };
  }
  function readingPlace() {
    if (window.scrollY < 1) return null; /* at the top: the other language opens at its top too */
    var hs = sectionHeadings(), line = innerHeight / 3, at = -1;
    hs.forEach(function (h, i) { if (h.getBoundingClientRect().top <= line) at = i; });
    if (at < 0) return null;
    var span = sectionSpan(hs, at), into = (headerBottom() - span.start) / Math.max(1, span.end - span.start);
    return { id: hs[at].id, index: at, into: Math.max(0, Math.min(1, into)) };
  }
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a.md-select__link[hreflang]");
    if (!a || a.hasAttribute("aria-current")) return;
    var place = readingPlace(), url = new URL(a.href);
    if (!place) return;
    url.hash = place.id;
    a.href = url.href;
    try {
      sessionStorage.setItem(PLACE, JSON.stringify({ page: url.pathname, id: place.id, index: place.index, into: place.into }));
    } catch (x) { /* the anchor alone still leads to the section */ }
  });
  (function returnToPlace() {
    var saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(PLACE)); sessionStorage.removeItem(PLACE); } catch (x) { return; }
    if (!isObject(saved) || saved.page !== location.pathname || !finite(saved.index) || !finite(saved.into)) return;
    var go = function () {
      var hs = sectionHeadings(), h = document.getElementById(String(saved.id)), i = hs.indexOf(h);
      if (i < 0) i = Math.min(saved.index, hs.length - 1);
      if (i < 0) return;
      var span = sectionSpan(hs, i), into = Math.max(0, Math.min(1, saved.into));
      window.scrollTo(0, window.scrollY + span.start + into * (span.end - span.start) - headerBottom());
    };
    go();
    /* the browser's own jump to the anchor comes with the load; the place wins over it */
    window.addEventListener("load", function () { go(); }, { once: true });
  })();

  /* ---- offline: this language's worker keeps every page opened, and the page says so ---- */
  var worker = null;
  /* The note is in the page from the first paint, invisible, so that it moves nothing when it shows;
     where the page cannot be kept, its place goes. */
  function noKeeping() {
    var note = document.querySelector(".academy-offline");
    if (note && !note.classList.contains("is-kept")) note.hidden = true;
  }
  function keepOffline() {
    if (!("serviceWorker" in navigator) || !window.caches) { noKeeping(); return; }
    if (!worker) {
      worker = navigator.serviceWorker.register(new URL("sw.js", ROOT).href, { scope: ROOT.pathname }).then(function () {
        return navigator.serviceWorker.ready;
      });
      /* one listener for every page this window shows: the note shows on the page that was kept */
      navigator.serviceWorker.addEventListener("message", function (e) {
        if (!e.data || e.data.kept !== location.href.split("#")[0]) return;
        var note = document.querySelector(".academy-offline");
        if (note) note.classList.add("is-kept");
      });
    }
    var page = location.href.split("#")[0];
    worker.then(function (reg) {
      var loaded = performance.getEntriesByType("resource").map(function (r) { return r.name; })
        .filter(function (u) { return u.indexOf("/pagefind/") < 0; });
      reg.active.postMessage({ page: page, keep: [page].concat(loaded) });
    }).catch(function () { noKeeping(); /* offline reading is a bonus; the page works without it */ });
  }

  /* ---- a lesson's status: the one rule the cards and the progress page both use ---- */
  function lessonStatus(quizId) {
    var s = savedQuiz(store.get(PREFIX + quizId)), answers = s.savedAnswers || {};
    var status = s.passed ? "passed" : s.checked || s.best != null ? "failed" : Object.keys(answers).length ? "in_progress" : "not_started";
    return { status: status, best: s.best == null ? null : s.best, last: s.last == null ? null : s.last,
      updated: s.updated || null, answers: answers };
  }
  function setUpCards() {
    $$(document, ".academy-card[data-quiz]").forEach(function (card) {
      var st = lessonStatus(card.getAttribute("data-quiz")), box = card.querySelector(".academy-card__status");
      card.setAttribute("data-status", st.status);
      box.textContent = t("progress." + st.status) + (st.best != null ? " · " + percent(st.best / 100) : "");
      box.hidden = false;
    });
    $$(document, ".academy-course__continue").forEach(function (p) {
      var next = $$(p.parentNode, ".academy-card[data-quiz]").filter(function (c) {
        return c.getAttribute("data-status") !== "passed";
      })[0];
      if (!next) return;
      var a = p.querySelector("a");
      a.href = next.querySelector("a").href;
      a.textContent = t("lessons.continue", { lesson: next.querySelector(".academy-card__title").textContent });
      p.hidden = false;
    });
  }

  /* ---- progress page: its script (progress.js) loads there alone, not with every lesson ---- */
  function setUpProgress() {
    var progress = document.querySelector(".academy-progress");
    if (!progress || progress.academyReady || !C.progressUi) return;
    progress.academyReady = true;
    (window.academyProgress ? Promise.resolve() : script(new URL(C.progressUi, location.href).href)).then(function () {
      window.academyProgress({ progress: progress, store: store, lessonStatus: lessonStatus, t: t, percent: percent,
        el: el, dataOf: dataOf, prefix: PREFIX });
    }).catch(function () { progress.academyReady = false; });
  }

  /* ---- what an abbreviation stands for, on a tap, a hover or keyboard focus ---- */
  /* Material's `content.tooltips` set up every element with a title on DOMContentLoaded (a long
     lesson has fifty abbreviations): half of the page's script work at load, on a phone, for
     tooltips a trainee opens a few of. Here nothing is built until one is wanted: listeners on the
     document, and one tooltip element made when shown, in Material's tooltip classes (its styles
     keep it inside the screen and readable in both schemes). While shown, the host's title is the
     tooltip's text and its description for screen readers (aria-describedby), so that the
     browser's own tooltip does not show a second copy. */
  function explainTitles() {
    /* a site that turns Material's own tooltips back on gets Material's alone */
    try { if (JSON.parse(document.getElementById("__config").textContent).features.indexOf("content.tooltips") >= 0) return; } catch (e) { /* none: ours */ }
    var shown = null, title = "", tip = null, hiding = 0;
    function hostOf(node, touch) {
      var host = node && node.closest ? node.closest(touch ? "abbr" : "abbr, [title]") : null;
      return host && (host === shown || host.getAttribute("title")) ? host : null;
    }
    function show(host) {
      if (host === shown) return;
      hide(true);
      clearTimeout(hiding);
      shown = host;
      title = host.getAttribute("title");
      host.removeAttribute("title");
      if (!tip) {
        tip = el("div", "md-tooltip2");
        tip.id = "academy-tooltip";
        tip.setAttribute("role", "tooltip");
        tip.appendChild(el("div", "md-tooltip2__inner md-typeset"));
      }
      tip.firstChild.textContent = title;
      tip.className = "md-tooltip2 md-tooltip2--bottom";
      /* inside the main landmark, where a screen reader's reading finds it (Material put it
         after the body's landmarks); laid out against the body all the same */
      (document.querySelector("main") || document.body).appendChild(tip);
      host.setAttribute("aria-describedby", tip.id);
      place(host);
      /* made visible a frame later, so that it fades in as Material's did */
      requestAnimationFrame(function () { if (shown === host) tip.classList.add("md-tooltip2--active"); });
    }
    /* below the host, centred on it; Material's styles clamp it to the screen's edges */
    function place(host) {
      var box = host.getBoundingClientRect(), style = tip.style;
      style.setProperty("--md-tooltip-host-x", box.left + window.scrollX + "px");
      style.setProperty("--md-tooltip-host-y", box.top + window.scrollY + "px");
      style.setProperty("--md-tooltip-x", box.width / 2 + "px");
      style.setProperty("--md-tooltip-y", box.height + 8 + "px");
      style.setProperty("--md-tooltip-tail", "0px");
      style.setProperty("--md-tooltip-width", tip.firstChild.getBoundingClientRect().width + "px");
    }
    function hide(now) {
      if (!shown) return;
      shown.setAttribute("title", title);
      shown.removeAttribute("aria-describedby");
      shown = null;
      tip.classList.remove("md-tooltip2--active");
      /* removed once it has faded out (Material's styles fade it in 0.25 s) */
      if (now) tip.remove(); else hiding = setTimeout(function () { if (!shown) tip.remove(); }, 250);
    }
    /* a mouse or a pen: shown while over the element */
    document.addEventListener("pointerover", function (e) {
      var host = e.pointerType !== "touch" && hostOf(e.target);
      if (host) show(host);
    });
    document.addEventListener("pointerout", function (e) {
      if (shown && e.pointerType !== "touch" && !shown.contains(e.relatedTarget)) hide();
    });
    /* a finger: an abbreviation's meaning on a tap, until a tap elsewhere (a tap on a button
       shows no tooltip: the button does what it says) */
    document.addEventListener("click", function (e) {
      var host = hostOf(e.target, true);
      if (host) show(host); else if (shown && shown.tagName === "ABBR") hide();
    });
    /* the keyboard: shown while an element with a title has keyboard focus; Escape hides it */
    document.addEventListener("focusin", function (e) {
      var host = hostOf(e.target);
      if (host && host.matches(":focus-visible")) show(host);
    });
    document.addEventListener("focusout", function (e) { if (e.target === shown) hide(); });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
    /* A phone resizes the window when its address bar hides or comes back as the trainee scrolls:
       the height alone changes and the text keeps its lines, so the tooltip is placed again and
       stays. A new width (the phone turned, a desktop window resized) reflows the text: it goes. */
    var width = window.innerWidth;
    window.addEventListener("resize", function () {
      var widthChanged = window.innerWidth !== width;
      width = window.innerWidth;
      if (!shown) return;
      if (widthChanged) hide(true); else place(shown);
    });
  }

  /* ---- every page: the first load and each page Material's instant navigation swaps in ---- */
  /* The header stays when Material swaps a page in: its language links are pointed at this
     page's own, which the page carries in its content. */
  function setUpLanguageLinks() {
    var own = document.querySelector("template.academy-languages");
    if (!own) return;
    $$(own.content, "a[hreflang]").forEach(function (mine) {
      $$(document, "a.md-select__link[hreflang]").forEach(function (link) {
        if (link.getAttribute("hreflang") === mine.getAttribute("hreflang")) link.href = new URL(mine.getAttribute("href"), location.href).href;
      });
    });
  }
  function setUpPage() {
    if (dialog && dialog.open) dialog.close();
    setUpLanguageLinks();
    setUpQuizzes();
    setUpCards();
    setUpProgress();
    /* the worker starts once the page has loaded: its start and its downloads wait for the lesson */
    if (document.querySelector("article")) afterLoad(keepOffline);
  }
  function afterLoad(then) {
    if (document.readyState === "complete") then(); else window.addEventListener("load", function () { then(); }, { once: true });
  }
  /* Material's document$ emits for the first page and for every page it swaps in. */
  explainTitles();
  var pages = window.document$;
  if (pages && typeof pages.subscribe === "function") pages.subscribe(setUpPage);
  else setUpPage();
})();
