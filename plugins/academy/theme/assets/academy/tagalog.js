/* The Tagalog search stemmer, a line-for-line copy of plugins/academy/tagalog.py (see there why).
 * Both are checked against tests/data/tagalog-stems.tsv. Loaded on Filipino pages only. */
(function () {
  "use strict";
  var VOWELS = "aeiou";
  var PREFIXES = ["pinaka", "maka", "naka", "ipa", "ika", "mag", "nag", "pag", "ma", "na", "pa", "um", "in", "i"];
  var BEFORE_CONSONANT = ["mag", "nag", "pag"];
  var BEFORE_VOWEL = ["um", "in"];
  var HYPHEN_PREFIXES = PREFIXES.concat(["ka", "maki", "naki", "paki", "makiki", "nakiki", "pakiki", "pakikipag"]);
  var SUFFIXES = ["han", "hin", "an", "in"];
  var SHORTEST = 4;
  var WORD = /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu;

  function isVowel(c) { return VOWELS.indexOf(c) >= 0; }
  function rootLike(text) {
    return text.length >= 3 && text.split("").some(isVowel);
  }
  function stripPrefix(w) {
    for (var i = 0; i < PREFIXES.length; i++) {
      var prefix = PREFIXES[i], rest = w.slice(prefix.length);
      if (w.indexOf(prefix) !== 0 || !rootLike(rest)) continue;
      if (BEFORE_CONSONANT.indexOf(prefix) >= 0 && isVowel(rest[0])) continue;
      if (BEFORE_VOWEL.indexOf(prefix) >= 0 && !isVowel(rest[0])) continue;
      return rest;
    }
    return w;
  }
  function unreduplicate(w) {
    if (w.length >= 5 && !isVowel(w[0]) && isVowel(w[1]) && w.slice(0, 2) === w.slice(2, 4)) return w.slice(2);
    if (w.length >= 4 && isVowel(w[0]) && w[0] === w[1]) return w.slice(1);
    return w;
  }
  function stripInfix(w) {
    var infix = w.slice(1, 3);
    if (w.length >= 5 && !isVowel(w[0]) && (infix === "um" || infix === "in") && isVowel(w[3])) return w[0] + w.slice(3);
    return w;
  }
  function stripSuffix(w) {
    for (var i = 0; i < SUFFIXES.length; i++) {
      var suffix = SUFFIXES[i], rest = w.slice(0, -suffix.length);
      if (w.slice(-suffix.length) === suffix && rootLike(rest)) return rest;
    }
    return w;
  }
  function stem(word) {
    var w = word.normalize("NFC").toLowerCase();
    var parts = w.split("-").filter(function (p) { return p; });
    if (parts.length >= 2 && parts[0] === parts[1]) parts = parts.slice(1);
    if (parts.length >= 2 && HYPHEN_PREFIXES.indexOf(parts[0]) >= 0) parts = parts.slice(1);
    if (parts.length !== 1) return parts.map(stem).join(" ");
    w = parts[0];
    if (w.length <= SHORTEST) return w;
    for (var round = 0; round < 3; round++) {
      var before = w;
      w = stripInfix(unreduplicate(stripPrefix(w)));
      w = unreduplicate(w);
      if (w === before) break;
    }
    return stripSuffix(w);
  }
  function stemText(text) {
    return (text.match(WORD) || []).map(stem).join(" ");
  }
  window.academyStemmers = window.academyStemmers || {};
  window.academyStemmers.fil = { stem: stem, stemText: stemText };
})();
