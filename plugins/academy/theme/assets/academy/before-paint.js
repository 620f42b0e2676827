/* What a page settles before the lesson is painted, run from the header (a file: the
 * Content-Security-Policy forbids inline script). Both are decided here, while the page is only a
 * header, because deciding them later restyles or moves the whole long lesson.
 *
 * 1. Whether the offline note keeps its place: not where no service worker can run (a private
 *    window, a plain-http host), so that no empty line is left under the title, and none removed late.
 * 2. Light or dark, in place of Material's palette component, which on every load marked the body as
 *    switching, read the header's computed style and changed the color-scheme meta tag once the whole
 *    page was parsed: three restyles of every element, a quarter-second of a phone's main thread.
 *    The scheme follows the device until the trainee picks one with the toggle; a pick is kept under
 *    Material's key (`__palette`, the same shape), so it survives a return to Material's component.
 */
(function () {
  "use strict";
  var root = document.documentElement;
  if (!("serviceWorker" in navigator) || !window.caches) root.classList.add("academy-unkept");

  var form = document.querySelector("form.md-header__option");
  if (!form || !document.body) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input.md-option"));
  if (!inputs.length) return;
  var header = form.closest("header") || form;
  var KEY = "__palette";

  function stored() {
    var saved = null;
    try { saved = window.__md_get(KEY); } catch (e) { return null; }
    var ok = saved && typeof saved === "object" && typeof saved.index === "number"
      && saved.index % 1 === 0 && saved.index >= 0 && saved.index < inputs.length;
    return ok ? saved.index : null;
  }
  function matches(query) {
    try { return !!query && window.matchMedia(query).matches; } catch (e) { return false; }
  }
  function deviceIndex() {
    for (var i = 0; i < inputs.length; i++) if (matches(inputs[i].getAttribute("data-md-color-media"))) return i;
    return 0;
  }
  /* An option for "whatever the device says" takes the colours of the option for the device's scheme. */
  function colours(input) {
    if (input.getAttribute("data-md-color-media") === "(prefers-color-scheme)") {
      var device = form.querySelector(matches("(prefers-color-scheme: light)")
        ? "[data-md-color-media='(prefers-color-scheme: light)']" : "[data-md-color-media='(prefers-color-scheme: dark)']");
      if (device) input = device;
    }
    var colour = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) { colour[key] = input.getAttribute("data-md-color-" + key); });
    return colour;
  }
  function meta(name) {
    var tag = document.head.querySelector("meta[name='" + name + "']");
    if (!tag) { tag = document.createElement("meta"); tag.name = name; document.head.appendChild(tag); }
    return tag;
  }

  var current = -1;
  function apply(index) {
    current = index;
    var colour = colours(inputs[index]);
    Object.keys(colour).forEach(function (key) { document.body.setAttribute("data-md-color-" + key, colour[key]); });
    /* the toggle shown is the one after the current option: it leads to the next */
    inputs.forEach(function (input, i) {
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = i !== index;
    });
    /* read here, while the page is only a header (or on a tap), a computed style costs next to nothing */
    var style = getComputedStyle(header);
    meta("color-scheme").content = style.colorScheme;
    var rgb = style.backgroundColor.match(/\d+/g) || [];
    meta("theme-color").content = "#" + rgb.slice(0, 3).map(function (v) { return (+v).toString(16).padStart(2, "0"); }).join("");
    return { index: index, color: colour };
  }

  var picked = stored();
  apply(picked === null ? deviceIndex() : picked);

  function pick(index) {
    /* Material's stylesheet turns transitions off while this flag is on, so colours switch at once */
    document.body.setAttribute("data-md-color-switching", "");
    var palette = apply(index);
    if (window.__md_set) window.__md_set(KEY, palette);
    setTimeout(function () { document.body.removeAttribute("data-md-color-switching"); });
  }
  inputs.forEach(function (input, i) {
    input.addEventListener("change", function () { if (input.checked) pick(i); });
  });
  /* Enter on the focused toggle moves to the next option, as Space does on a radio button */
  form.addEventListener("keydown", function (e) {
    if (e.key !== "Enter") return;
    e.preventDefault();
    var next = inputs[(current + 1) % inputs.length];
    next.click();
    next.focus();
  });
  /* until the trainee picks, the page follows the device when it changes (a phone turning dark at dusk) */
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: light)") : null;
  if (media && media.addEventListener) media.addEventListener("change", function () {
    if (stored() === null) apply(deviceIndex());
  });
})();
