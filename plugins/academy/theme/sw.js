/* The academy's offline reading, one service worker per language (its scope is the language's root).
 * Pages the trainee opened, with what they loaded, are kept; a page is fetched fresh when the network
 * answers and read from the cache when it does not. The build stamps VERSION (a hash of the built
 * files), so a new build starts a new cache and the old one is deleted: nothing stale is served. */
"use strict";
var VERSION = "__ACADEMY_BUILD__";
var OTHER_LANGUAGES = __ACADEMY_OTHER_ROOTS__; /* deeper scopes with their own worker */
/* what a page asked for offline and never kept says, in this language's words: {lang, title, text} */
var MISSING = __ACADEMY_MISSING__;
var PREFIX = "academy-" + new URL(self.registration.scope).pathname + "-";
var CACHE = PREFIX + VERSION;

function ours(url) {
  var u = new URL(url);
  if (u.origin !== location.origin || u.pathname.indexOf(new URL(self.registration.scope).pathname) !== 0) return false;
  return !OTHER_LANGUAGES.some(function (root) { return u.pathname.indexOf(new URL(root, self.registration.scope).pathname) === 0; });
}

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

/* The page lists what it loaded (itself, styles, scripts, images); keep them and say so. */
self.addEventListener("message", function (event) {
  var urls = (event.data && event.data.keep || []).filter(ours);
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(urls.map(function (url) {
      return cache.match(url).then(function (hit) {
        return hit || fetch(url, { credentials: "same-origin" }).then(function (r) { if (r.ok) return cache.put(url, r); });
      }).catch(function () { /* one missing file does not stop the others */ });
    }));
  }).then(function () {
    if (event.source) event.source.postMessage({ kept: event.data.page });
  }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || !ours(request.url)) return;
  /* a page: a navigation, or a page Material's instant navigation fetches (a folder URL or .html) */
  var page = request.mode === "navigate" || /(\/|\.html)$/.test(new URL(request.url).pathname);
  event.respondWith(caches.open(CACHE).then(function (cache) {
    if (!page) {
      return cache.match(request).then(function (hit) {
        return hit || fetch(request).then(function (r) { if (r.ok) cache.put(request, r.clone()); return r; });
      });
    }
    return fetch(request).then(function (r) {
      if (r.ok) cache.put(request, r.clone());
      return r;
    }).catch(function () {
      return cache.match(request, { ignoreSearch: true }).then(function (hit) {
        return hit || (request.mode === "navigate" && MISSING.title ? missing(cache) : Response.error());
      });
    });
  }));
});

/* A page never opened, asked for without a connection: not the browser's own error page, but a page in
   the trainee's language that says so, with a link to every page this device kept, by its title. */
function missing(cache) {
  var escape = function (s) {
    return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  };
  var unescape = function (s) {
    return s.replace(/&(lt|gt|quot|#39|amp);/g, function (m, e) { return { lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" }[e]; });
  };
  return cache.keys().then(function (requests) {
    var style = requests.filter(function (r) { return /\/assets\/academy\/styles\.[\w-]+\.css$/.test(new URL(r.url).pathname); })[0];
    var pages = requests.filter(function (r) {
      var path = new URL(r.url).pathname;
      return /(\/|\.html)$/.test(path) && !/\/404\.html$/.test(path);
    });
    return Promise.all(pages.map(function (r) {
      return cache.match(r).then(function (hit) { return hit.text(); }).then(function (html) {
        /* the page's own heading, without the site's name that its <title> adds */
        var heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html) || /<title>([^<]*)<\/title>/.exec(html);
        var title = heading ? unescape(heading[1].replace(/<[^>]*>/g, "").replace(/¶/g, "")).replace(/\s+/g, " ").trim() : "";
        return { url: r.url, title: title || new URL(r.url).pathname };
      });
    })).then(function (kept) {
      kept.sort(function (a, b) { return a.url < b.url ? -1 : 1; });
      var html = "<!doctype html><html lang=\"" + escape(MISSING.lang) + "\"><head><meta charset=\"utf-8\">" +
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">" +
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; img-src 'self'\">" +
        "<title>" + escape(MISSING.title) + "</title>" +
        (style ? "<link rel=\"stylesheet\" href=\"" + escape(style.url) + "\">" : "") +
        "</head><body><main class=\"md-main\"><div class=\"md-content\"><article class=\"md-content__inner md-typeset\">" +
        "<h1>" + escape(MISSING.title) + "</h1><p>" + escape(MISSING.text) + "</p><ul>" +
        kept.map(function (p) { return "<li><a href=\"" + escape(p.url) + "\">" + escape(p.title) + "</a></li>"; }).join("") +
        "</ul></article></div></main></body></html>";
      return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
    });
  });
}
