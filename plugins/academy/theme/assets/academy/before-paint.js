/* What a page settles before the lesson is painted, run from the header (written into every page at
 * build time; the Content-Security-Policy allows it by the hash of its text, and no other inline script). Both are decided here, while the page is only a
 * header, because deciding them later restyles or moves the whole long lesson.
 *
 * 1. Whether the offline note keeps its place: not where no service worker can run (a private
 *    window, a plain-http host), so that no empty line is left under the title, and none removed late.
 * 2. Light or dark, in place of Material's palette component, which on every load marked the body as
 *    switching, read the header's computed style and changed the color-scheme meta tag once the whole
 *    page was parsed: three restyles of every element, a quarter-second of a phone's main thread.
 *    The scheme follows the device until the trainee picks one with the toggle; a pick is kept under
 *    Material's key (`__palette`, the same shape), so it survives a return to Material's component.
 *    Each option of mkdocs.yml's palette names the device setting it stands for (its `media`).
 */
(function () {
  "use strict";
  var doc = document;
  if (!("serviceWorker" in navigator) || !window.caches) doc.documentElement.classList.add("academy-unkept");

  /* the toggle is in the header, before this script */
  var form = doc.querySelector("form.md-header__option");
  if (form) palette(form);

  function palette(form) {
    var inputs = [].slice.call(form.elements), body = doc.body, current;
    if (!inputs.length) return;
    function colour(input, key) { return input.getAttribute("data-md-color-" + key); }
    function picked() {
      var index;
      try { index = __md_get("__palette").index; } catch (e) { /* none, or unreadable: nothing picked */ }
      return typeof index === "number" && inputs[index] ? index : -1;
    }
    function device() {
      for (var i = 0; i < inputs.length; i++) if (matchMedia(colour(inputs[i], "media")).matches) return i;
      return 0;
    }
    function meta(name, content) {
      var tag = doc.head.querySelector("meta[name=" + name + "]") || doc.head.appendChild(doc.createElement("meta"));
      tag.name = name;
      tag.content = content;
    }
    function apply(index) {
      var chosen = { index: current = index, color: {} };
      ["media", "scheme", "primary", "accent"].forEach(function (key) {
        body.setAttribute("data-md-color-" + key, chosen.color[key] = colour(inputs[index], key));
      });
      /* the toggle shown is the one after the current option: it leads to the next */
      inputs.forEach(function (input, i) {
        var label = input.nextElementSibling;
        if (label && label.tagName === "LABEL") label.hidden = i !== index;
      });
      /* read while the page is only a header (or on a tap), a computed style costs next to nothing */
      var style = getComputedStyle(form.closest("header"));
      meta("color-scheme", style.colorScheme);
      meta("theme-color", style.backgroundColor);
      return chosen;
    }

    apply(picked() < 0 ? device() : picked());

    form.addEventListener("change", function (e) {
      /* Material's stylesheet turns transitions off under this flag: the colours switch at once */
      body.setAttribute("data-md-color-switching", "");
      __md_set("__palette", apply(inputs.indexOf(e.target)));
      setTimeout(function () { body.removeAttribute("data-md-color-switching"); });
    });
    /* Enter on the toggle moves to the next option, as Material's component did (not submits the form) */
    form.addEventListener("keydown", function (e) {
      if (e.key !== "Enter") return;
      e.preventDefault();
      var next = inputs[(current + 1) % inputs.length];
      next.click();
      next.focus();
    });
    /* until the trainee picks, the page follows the device when it changes (a phone turning dark at dusk) */
    matchMedia("(prefers-color-scheme: light)").addEventListener("change", function () {
      if (picked() < 0) apply(device());
    });
  }
})();
