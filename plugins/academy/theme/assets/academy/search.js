/* The academy's search: loaded by academy.js once the page is idle, or when the dialog opens.
 * Pagefind (one index per language) finds; the best hit shows as soon as its page's words arrive.
 * Marks on the page's performance timeline (academy-search:ready, :run, :found, :shown) let
 * bench/phone.py say where the wait after a keystroke goes. */
(function () {
  "use strict";
  window.academySearch = function (x) {
    var C = x.C, t = x.t, el = x.el, dialog = x.dialog;
    var input = dialog.querySelector("input"), list = dialog.querySelector("ol"),
      status = dialog.querySelector(".academy-search__status"), pagefind = null, timer = 0, seq = 0, shown = 0,
      lastKey = -Infinity, failures = 0, ready = false, headings = null, engineModule = null;
    var quiet = function () { /* failures are said when searching */ };
    var mark = function (name) { if (window.performance && performance.mark) performance.mark("academy-search:" + name); };
    var PAUSE = 150; /* ms between keystrokes that make one burst of typing: searched once, at its end */
    /* Pagefind, and the script that rewrites the query as the index has it (Filipino stems, English spellings) */
    /* A module is imported once per URL, and Pagefind keeps what it failed to fetch (its engine, its
       metadata, a piece of its index) as failed: after a failure, search starts again with a Pagefind
       of its own (the same file under a query naming the attempt), so a link that dropped while
       Pagefind loaded does not leave search down until the page is reloaded. */
    var engine = function () {
      if (!failures) return x.engine.href;
      var url = new URL(x.engine.href);
      url.searchParams.set("attempt", String(failures));
      return url.href;
    };
    var failed = function () { pagefind = null; failures++; };
    var load = function () {
      if (!pagefind) pagefind = Promise.all([import(engine()), x.keys ? x.keys() : null]).then(function (loaded) {
        var m = engineModule = loaded[0];
        /* in Pagefind's own worker (fetched with the rest, academy.js): starting its WebAssembly and
           unpacking the index is tens of milliseconds of a phone's time that, on the page's thread,
           would hold up a tap on the lesson; messages to and from it take well under one */
        return m.options({ baseUrl: x.root.pathname }).then(function () { return m.init && m.init(); })
          .then(function () {
            /* Pagefind itself warmed while the trainee reads: its worker and WebAssembly started, and
               a small index loaded whole (Pagefind's own preload, one word per chunk), so that the
               first keystroke waits only for the words of its best hit */
            (x.warmup || Promise.resolve({ terms: "" })).then(function (plan) {
              return m.preload(plan.terms || ""); /* "" loads nothing, and waits for the WebAssembly */
            }).then(function () { ready = true; mark("ready"); }, quiet);
            return m;
          });
      });
      var mine = pagefind;
      mine.catch(function () { if (pagefind === mine) failed(); });
      return mine;
    };
    /* Pagefind keeps a piece of its index that it failed to fetch (the link dropped) as loaded and
       empty, and answers "nothing" for every word in it until the page is reloaded. So "nothing" is
       asked again of a second Pagefind from the same engine, which fetches the pieces the query needs
       (from the browser's cache those that came, from the site those lost; if the link is still down,
       search says it is unavailable). If it finds something, it searches from then on. */
    var sure = function (r, ask) {
      if (!r.results || r.results.length || !engineModule || !engineModule.createInstance) return r;
      var second = engineModule.createInstance({ baseUrl: x.root.pathname });
      return Promise.resolve(second.init()).then(function () { return ask(second); }).then(function (again) {
        if (again.results && again.results.length) pagefind = Promise.resolve(second);
        else second.destroy();
        return again;
      }, function (e) { second.destroy(); throw e; });
    };
    /* A language Pagefind cannot stem (Filipino) is indexed as stemmed words; the query is stemmed alike. */
    var searchKeys = function (q) {
      var stemmer = window.academyStemmers && window.academyStemmers[C.lang];
      return stemmer ? stemmer.stemText(q) || q : q;
    };
    /* Where a hit leads: the section that matches best, not the top of a long page. */
    var landing = function (d) {
      var title = d.meta && d.meta.title || d.url;
      var best = null;
      (d.sub_results || []).forEach(function (sub) {
        var weight = (sub.weighted_locations || sub.locations || []).length;
        if (!best || weight > best.weight) best = { sub: sub, weight: weight };
      });
      /* the page's own heading stands for its top */
      var top = !best || best.sub.url === d.url || best.sub.anchor && best.sub.anchor.element === "h1";
      var own = null;
      try { own = d.meta && d.meta.sections && JSON.parse(d.meta.sections); } catch (e) { own = null; }
      if (own) { /* a stemmed index: the heading and words shown are the page's own, not its search keys */
        var section = !top && best.sub.anchor && own[best.sub.anchor.id];
        if (!section) return { url: d.url, title: title, text: own[""] ? own[""][1] : "" };
        return { url: best.sub.url, title: title + " › " + section[0], text: section[1] };
      }
      if (top) return { url: d.url, title: title, html: best ? best.sub.excerpt : d.excerpt };
      return { url: best.sub.url, title: title + " › " + best.sub.title, html: best.sub.excerpt };
    };
    /* Before Pagefind has loaded (a lesson opened cold on slow data, searched at once), a small site's
       titles and headings answer first (search_headings.py: a few KB, where Pagefind needs about 130);
       Pagefind's results, ranked on the whole text, replace them when they arrive. */
    var WORD = /[^\s!-\/:-@\[-`{-~«»„“”‘’—–…]+/g;
    var words = function (text) { return (text.toLowerCase().match(WORD) || []); };
    var alike = function (a, b) { /* one word, inflected or still being typed, and another */
      var n = 0, most = Math.min(a.length, b.length);
      while (n < most && a.charAt(n) === b.charAt(n)) n++;
      return n >= 3 && n >= most - 2 && (n === a.length || a.length > 3);
    };
    var matches = function (query, keys) {
      return query.every(function (q) { return keys.some(function (k) { return alike(q, k); }); });
    };
    var firstHits = function (q) {
      if (!headings) {
        headings = Promise.all([fetch(new URL("academy-headings.json", x.engine), { credentials: "same-origin" }),
          x.keys ? x.keys() : null]).then(function (got) { return got[0].ok ? got[0].json() : []; });
        headings.catch(function () { headings = null; });
      }
      return headings.then(function (pages) {
        var query = words(searchKeys(q)), top = [], inner = [];
        if (!query.length || !Array.isArray(pages)) return [];
        pages.forEach(function (page) {
          var title = String(page[1]), keys = words(page[2] || title);
          if (matches(query, keys)) top.push({ url: String(page[0]), title: title, text: "" });
          (Array.isArray(page[3]) ? page[3] : []).forEach(function (s) {
            if (matches(query, words(s[2] || String(s[1]))))
              inner.push({ url: page[0] + "#" + s[0], title: title + " › " + s[1], text: "" });
          });
        });
        return top.concat(inner).slice(0, 10);
      });
    };
    var run = function () {
      var q = input.value.trim(), mine = ++seq;
      if (!q) { list.textContent = ""; status.textContent = ""; list.removeAttribute("aria-busy"); return; }
      mark("run");
      status.textContent = t("search.loading");
      /* while the trainee types on, results for the word so far beat an empty list; older ones never replace newer */
      var current = function () { return mine >= shown && input.value.trim(); };
      var show = function (results, first) {
        if (!current()) return false;
        shown = mine;
        if (first) { list.textContent = ""; status.textContent = results.length ? "" : t("search.none"); mark("shown"); }
        results.forEach(function (d) {
          var hit = landing(d), li = el("li"), a = el("a"), p = el("p");
          a.href = hit.url;
          a.appendChild(el("strong", null, hit.title));
          if (hit.html) p.innerHTML = hit.html; /* Pagefind escapes the page text and adds only <mark> */
          else p.textContent = hit.text;
          a.appendChild(p); li.appendChild(a); list.appendChild(li);
        });
        return true;
      };
      list.setAttribute("aria-busy", "true");
      if (!ready) firstHits(q).then(function (hits) {
        if (!hits.length || mine !== seq || shown >= mine || ready && shown) return;
        shown = mine;
        list.textContent = "";
        hits.forEach(function (hit) {
          var li = el("li"), a = el("a"), url = new URL(hit.url, x.root);
          if (url.origin !== x.root.origin) return; /* a page of this site, nothing else */
          a.href = url.href;
          a.appendChild(el("strong", null, hit.title));
          li.appendChild(a); list.appendChild(li);
        });
        mark("shown");
      }).catch(quiet);
      /* keys typed while Pagefind was on its way: only the newest query searches (and fetches words) */
      var ask = function (pf) { return mine === seq ? pf.search(searchKeys(q)) : { results: null }; };
      load().then(ask).then(function (r) { return sure(r, ask); }).then(function (r) {
        if (!r.results) return;
        /* Each hit's words come in a file of their own: the best hit's first, alone, so that on a slow
           link it shows while the others load, instead of sharing the link with nine more. */
        var top = r.results.slice(0, 10);
        mark("found");
        if (!top.length) { show([], true); return; }
        return top[0].data().then(function (best) {
          if (!show([best], true)) return;
          /* the trainee typed on: the link is the newer query's; its own hits are fetched then */
          if (mine !== seq) return;
          return Promise.all(top.slice(1).map(function (r2) { return r2.data(); })).then(function (rest) {
            if (mine === shown) show(rest, false);
          });
        });
      }).catch(function () {
        if (pagefind) pagefind.then(function () { failed(); }, quiet); /* the next query starts afresh */
        if (mine === seq) status.textContent = t("search.unavailable");
      })
        /* busy until the newest query's hits are all in: not while keys typed since wait for a pause */
        .then(function () { if (mine === seq && !timer) list.removeAttribute("aria-busy"); });
    };
    input.addEventListener("input", function () {
      /* The first keystroke searches at once; the keys that follow it closely wait for a pause. */
      var now = Date.now(), typingOn = now - lastKey < PAUSE;
      lastKey = now;
      clearTimeout(timer);
      timer = 0;
      if (typingOn) {
        timer = setTimeout(function () { timer = 0; run(); }, PAUSE);
        /* what the list shows answers an older query: a screen reader, or a test, waits for the newer one */
        if (input.value.trim()) list.setAttribute("aria-busy", "true");
      } else run();
      /* the index's pieces for the word so far start coming while the trainee types */
      var q = input.value.trim();
      if (q && pagefind) pagefind.then(function (pf) { return pf.preload(searchKeys(q)); }).catch(quiet);
    });
    var hits = function () { return Array.prototype.slice.call(list.querySelectorAll("a")); };
    /* Enter, or the phone keyboard's Go, opens the first result; before there is one, it searches at once */
    dialog.querySelector("form").addEventListener("submit", function () {
      var first = hits()[0];
      if (first && input.value.trim()) { first.click(); return; }
      clearTimeout(timer); timer = 0; run();
    });
    /* the arrow keys move from the field through the results and back up to it */
    dialog.addEventListener("keydown", function (e) {
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
      var links = hits(), at = links.indexOf(document.activeElement);
      if (!links.length || (at < 0 && document.activeElement !== input)) return;
      e.preventDefault();
      var next = e.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1;
      (next < 0 ? input : links[next]).focus();
    });
    if (input.value.trim()) run(); /* typed while this script was on its way */
    else load().catch(quiet);
  };
})();
