/* The academy's offline reading, one service worker per language (its scope is the language's root).
 * Pages the trainee opened, with what they loaded, are kept; a page is fetched fresh when the network
 * answers and read from the cache when it does not. The build stamps VERSION (a hash of the built
 * files), so a new build starts a new cache and the old one is deleted: nothing stale is served. */
"use strict";
var VERSION = "__ACADEMY_BUILD__";
var OTHER_LANGUAGES = __ACADEMY_OTHER_ROOTS__; /* deeper scopes with their own worker */
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
      return cache.match(request, { ignoreSearch: true }).then(function (hit) { return hit || Response.error(); });
    });
  }));
});
