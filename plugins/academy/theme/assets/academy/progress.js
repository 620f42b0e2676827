/* The academy's progress page: loaded by academy.js on that page alone. Every lesson's status by the
 * rule the cards use (academy.js `lessonStatus`), the results as JSON or CSV, and clearing them. */
(function () {
  "use strict";
  window.academyProgress = function (x) {
    var progress = x.progress, store = x.store, lessonStatus = x.lessonStatus, t = x.t, percent = x.percent,
      el = x.el, PREFIX = x.prefix;
    var lessons = x.dataOf(progress.querySelector(".academy-progress__lessons"));
    var rows = function () {
      return lessons.map(function (l) {
        var s = lessonStatus(l.quiz);
        return { quiz: l.quiz, lesson: l.title, status: s.status, best: s.best, last: s.last, updated: s.updated, answers: s.answers };
      });
    };
    var paint = function () {
      var kept = store.works(), local = progress.querySelector(".academy-progress__local"),
        unsaved = progress.querySelector(".academy-progress__unsaved");
      if (local && unsaved) { local.hidden = !kept; unsaved.hidden = kept; }
      rows().forEach(function (r) {
        var tr = progress.querySelector('tr[data-quiz="' + r.quiz + '"]');
        tr.querySelector("[data-status]").textContent = t("progress." + r.status);
        tr.querySelector("[data-best]").textContent = r.best == null ? "–" : percent(r.best / 100);
      });
    };
    var download = function (name, type, text) {
      var a = el("a"); a.download = name;
      a.href = URL.createObjectURL(new Blob([text], { type: type }));
      document.body.appendChild(a); a.click(); a.remove();
    };
    progress.academyPaint = function () { paint(); };
    progress.addEventListener("click", function (e) {
      var b = e.target.closest("button"); if (!b) return;
      var kind = b.getAttribute("data-download");
      if (kind === "json") download("academy-progress.json", "application/json", JSON.stringify({ exported: new Date().toISOString(), quizzes: rows() }, null, 2));
      if (kind === "csv") {
        /* OWASP's rule against CSV injection: a cell that a spreadsheet would read as a formula
           starts with a quote, and every cell with a quote, comma or line break is quoted. */
        var q = function (v) {
          v = v == null ? "" : String(v);
          if (/^[=+\-@\t\r]/.test(v)) v = "'" + v;
          return /[",\n\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
        };
        download("academy-progress.csv", "text/csv", ["quiz,lesson,status,best,last,updated"].concat(rows().map(function (r) {
          return [r.quiz, r.lesson, r.status, r.best, r.last, r.updated].map(q).join(",");
        })).join("\n") + "\n");
      }
      if (b.getAttribute("data-action") === "reset" && window.confirm(t("progress.confirm"))) {
        store.keys().forEach(function (k) { if (k.indexOf(PREFIX) === 0) store.del(k); }); paint();
      }
    });
    paint();
  };
})();
