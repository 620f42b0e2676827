/* English spellings for search, a line-for-line copy of plugins/academy/spelling.py (see there why):
 * a British word becomes its American form, as the index has it. Loaded with search, on English pages. */
(function () {
  "use strict";
  var FAMILIES = [
    [["apolog", "real", "organ", "recogn", "personal", "priorit", "summar", "emphas", "minim", "maxim", "optim",
      "author", "custom", "standard", "categor", "critic", "final", "normal", "special", "util", "visual", "memor",
      "sympath", "familiar", "character", "central", "capital", "general", "modern", "synchron", "emotional"],
     {"ise": "ize", "ises": "izes", "ised": "ized", "ising": "izing", "isation": "ization", "isations": "izations",
      "iser": "izer", "isers": "izers"}],
    [["anal", "paral", "catal"], {"yse": "yze", "ysed": "yzed", "ysing": "yzing"}],
    [["col", "behavi", "fav", "hon", "neighb", "lab", "hum", "rum", "flav", "harb", "endeav", "od", "vig", "sav",
      "arm", "parl", "vap"],
     {"our": "or", "ours": "ors", "oured": "ored", "ouring": "oring", "ourful": "orful", "ourite": "orite",
      "ourites": "orites", "ourable": "orable", "ourably": "orably", "oural": "oral", "ourhood": "orhood",
      "ourless": "orless", "ourer": "orer"}],
    [["cent", "theat", "met", "lit", "fib", "calib", "somb", "spect", "meag", "lust"],
     {"re": "er", "res": "ers", "red": "ered", "ring": "ering"}],
    [["cancel", "travel", "label", "model", "signal", "counsel", "fuel", "level", "total", "channel", "tunnel", "dial",
      "equal", "marshal"],
     {"led": "ed", "ling": "ing", "ler": "er", "lers": "ers", "lor": "or", "lors": "ors"}]
  ];
  var WORDS = {
    "programme": "program", "programmes": "programs", "licence": "license", "licences": "licenses",
    "defence": "defense", "offence": "offense", "offences": "offenses", "practise": "practice",
    "practised": "practiced", "practises": "practices", "practising": "practicing", "grey": "gray",
    "cheque": "check", "cheques": "checks", "enrolment": "enrollment", "enrol": "enroll", "enrols": "enrolls",
    "fulfil": "fulfill", "fulfils": "fulfills", "fulfilment": "fulfillment", "skilful": "skillful",
    "judgement": "judgment", "judgements": "judgments", "ageing": "aging", "catalogue": "catalog",
    "catalogues": "catalogs", "marvellous": "marvelous", "jewellery": "jewelry", "whilst": "while"
  };
  var TABLE = Object.create(null);
  Object.keys(WORDS).forEach(function (k) { TABLE[k] = WORDS[k]; });
  FAMILIES.forEach(function (family) {
    family[0].forEach(function (stem) {
      Object.keys(family[1]).forEach(function (british) { TABLE[stem + british] = stem + family[1][british]; });
    });
  });
  function american(word) {
    var found = TABLE[word.toLowerCase()];
    if (found === undefined) return word;
    if (word.length > 1 && word === word.toUpperCase()) return found.toUpperCase();
    return word[0] !== word[0].toLowerCase() ? found[0].toUpperCase() + found.slice(1) : found;
  }
  function americanText(text) { return text.replace(/[A-Za-z]+/g, american); }
  window.academyStemmers = window.academyStemmers || {};
  window.academyStemmers.en = { stem: american, stemText: americanText, table: TABLE };
})();
