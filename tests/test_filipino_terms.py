"""Filipino as Manila trainers write it: one Taglish rule, one word per idea, as a Filipino reader meets them.

A trainee who reads "mga soft skill" in one lesson and "hard skills" in the next, or "aralin" on one
page and "lesson" on the next, stops trusting that the same word means the same thing. And a quiz
that words an item differently from its lesson makes the trainee match two texts instead of recalling
one. The rules are those of TRANSLATING.md, "Filipino terms"; the catalogs are read as shipped.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIL = ROOT / "locales" / "fil" / "LC_MESSAGES"
CATALOGS = sorted(FIL.rglob("*.po"))

# An English noun inside a Filipino sentence stays singular and "mga" makes it plural ("mga soft
# skill", "anim na soft skill"). These are the English nouns the lessons borrow; their English plural
# in a Filipino sentence is the slip.
ENGLISH_PLURALS = re.compile(
    r"\b(?:skills|tickets|customers|agents|reviews|channels|touchpoints|emojis|features|reports|codes|deals"
    r"|cards|surveys|metrics|strategies|rewards|tools|platforms|sessions|referrals|orders|details|prices"
    r"|refunds|offers|replies|messages|emails|ads|posts|days)\b", re.IGNORECASE)

# A word the catalogs settled on, and the variants a trainee must not meet next to it.
REFUSED_VARIANTS = {
    "kompanya": re.compile(r"\bkumpanya\b", re.IGNORECASE),
    "aralin": re.compile(r"\blessons?\b", re.IGNORECASE),
    "mamimili": re.compile(r"\bshoppers?\b", re.IGNORECASE),
    "help center": re.compile(r"\bcentre\b", re.IGNORECASE),
    "bumabalik na customer": re.compile(r"\breturning customers?\b", re.IGNORECASE),
    "akuin ang responsibilidad": re.compile(r"\bmanagot\b", re.IGNORECASE),
    "positibong attitude": re.compile(r"\bpositibong pananaw\b", re.IGNORECASE),
    "pagiging friendly": re.compile(r"\bpagiging magiliw\b", re.IGNORECASE),
    # The floor repeats "ka" as in nakakainis and nakakalito; the textbook "nakatutulong" beside them reads
    # as two registers on one page.
    "nakakatulong": re.compile(r"\bnakatutulong\b", re.IGNORECASE),
    # The quiz label: "Hint" is what the floor and every trainee says; "pahiwatig" reads as a literary
    # "allusion" and appears nowhere else in the academy.
    "Hint": re.compile(r"\bpahiwatig\b", re.IGNORECASE),
    # "Thinking one step ahead" is a calque as "nang isang hakbang nang mas maaga" or "isang hakbang
    # pauna"; the lesson says "inaabangan mo na ang susunod na kakailanganin ng customer".
    "inaabangan mo na ang susunod na kakailanganin": re.compile(r"\bhakbang\s+(?:nang\s+mas\s+maaga|pauna)\b",
                                                              re.IGNORECASE),
    # FMOT is the "unang impresyon" of the lesson, its quiz and the glossary; "first impression" beside it
    # reads as a second term.
    "unang impresyon": re.compile(r"\bfirst\s+impressions?\b", re.IGNORECASE),
    # The path a customer takes "with a brand" is "sa isang brand"; "kasama ang brand" has the brand walk
    # alongside the customer.
    "sa isang brand": re.compile(r"\bkasama\s+ang\s+(?:isang\s+)?brand\b", re.IGNORECASE),
    # The trainer tells the trainee to "humingi ng paumanhin"; "Sorry po" is what the agent says to the
    # customer, and "mag-sorry" in the trainer's voice mixes the two.
    "humingi ng paumanhin": re.compile(r"\b(?:mag|nag|magso|nagso)-sorry\b|\bpaghingi\s+ng\s+sorry\b",
                                       re.IGNORECASE),
    # A good apology is "mahusay na paghingi ng paumanhin" in the lesson, its quiz and the glossary.
    "mahusay na paghingi ng paumanhin": re.compile(r"\bmaayos\s+na\s+paghingi\b", re.IGNORECASE),
    # The current spelling keeps the root's o, as "pagkakasunod-sunod" does.
    "Pagsunod-sunurin": re.compile(r"\bpagsunud-sunurin\b", re.IGNORECASE),
    # The noun stays "contact" ("unang contact"); the verb is the nativised "kontak" (kokontak, makontak,
    # pagkontak, kinokontak), so "magko-contact" beside "kinokontak" is one verb spelled two ways. The agent's
    # spoken greeting "salamat po sa pag-contact sa ..." keeps the floor's English spelling.
    "kokontak, makontak, pagkontak": re.compile(
        r"\b(?:magko|nagko|ko|mako|ma|ka|i|ini|na)-contact\w*|(?<!salamat po sa )\bpag-contact\w*", re.IGNORECASE),
    # An English verb takes its affix with a hyphen, as "na-report" and "ini-refund" do.
    "ini-report": re.compile(r"\b(?:in|ini|i|na|ma)report\w*", re.IGNORECASE),
    "issue": re.compile(r"\bisyu\b", re.IGNORECASE),
    # A passed quiz is labelled "Pasado" on the quiz and on the progress page alike; the verb ("para
    # pumasa") stays.
    "Pasado": re.compile(r"\bpumasa\s*:", re.IGNORECASE),
    # A figure is "numero", as in "numero ng Gallup"; "datos" reads as a textbook word.
    "numero": re.compile(r"\bdatos\b", re.IGNORECASE),
    # The <ZMOT shopper is a "prospective customer" in the lesson and the glossary alike; "posibleng customer
    # na" reads as "possibly a customer already", the opposite of a prospect.
    "prospective customer": re.compile(r"\bposibleng\s+customers?\b", re.IGNORECASE),
    # An agent's vague promise is "sa lalong madaling panahon"; a Filipino sentence that ends in "soon" reads
    # as half-translated.
    "sa lalong madaling panahon": re.compile(r"\bsoon\b", re.IGNORECASE),
    # A device that "will not connect" is one that "ayaw kumonekta", as in the moments-of-truth lesson;
    # "mag-connect" beside it is one verb spelled two ways.
    "kumonekta": re.compile(r"\b(?:mag|nag|ma|maka|naka|pag)-connect\w*", re.IGNORECASE),
    # "Malaman" takes a fact, not a person or a company: "nalaman ang tungkol sa amin", never "kami nalaman".
    "nalaman ang tungkol sa amin": re.compile(r"\b(?:kami|kayo|ako)\s+nalaman\b", re.IGNORECASE),
    # The agent closes a call with "bago natin tapusin ang tawag"; "magbaba ng tawag" is not said on the floor.
    "tapusin ang tawag": re.compile(r"\b(?:mag|nag)baba\s+ng\s+tawag\b", re.IGNORECASE),
    # "Thank you for staying on the line" is "salamat po sa paghihintay"; "pananatili sa linya" is a calque.
    "salamat po sa paghihintay": re.compile(r"\bpananatili\s+sa\s+linya\b", re.IGNORECASE),
    # The time of day is "5 pm" in every lesson and quiz; one "5 p.m." beside them reads as a second style.
    "pm": re.compile(r"\b[ap]\.m\.", re.IGNORECASE),
    # A complaint is "reklamo" and to complain is "magreklamo" in the lesson, its quiz and the glossary;
    # "nag-complain" beside "nagreklamo" is one verb spelled two ways.
    "nagreklamo": re.compile(r"\b(?:mag|nag|pag|ma|na|i)-complain\w*", re.IGNORECASE),
    # Emotional engagement is the "pinakamatibay" type in the lesson, its quiz question and every explanation;
    # one "pinakamalakas" beside them reads as a second claim.
    "pinakamatibay": re.compile(r"\bpinakamalakas\b", re.IGNORECASE),
    # "What is the difference" is "ano ang pagkakaiba" in the FAQ and the lessons; "pinagkaiba" is the
    # colloquial form of the same question.
    "pagkakaiba": re.compile(r"\bpinagkaiba\b", re.IGNORECASE),
    # Thinking ahead to the next need is "pag-aabang", the gerund that repeats the root's first syllable.
    "pag-aabang": re.compile(r"\bpag-abang\b", re.IGNORECASE),
    # Customers "nagiging loyal"; a causative coined on the English adjective ("nagpapa-loyal") is not said.
    "nagiging loyal": re.compile(r"\b\w*pa-loyal\b", re.IGNORECASE),
    # "Connection" is "koneksyon" in the lesson and the offline notices alike.
    "koneksyon": re.compile(r"\bkoneksiyon\b", re.IGNORECASE),
    # "What went wrong" is "kung ano ang naging problema"; "ang nagkamali" asks who made the mistake.
    "ano ang naging problema": re.compile(r"\bano\s+ang\s+nagkamali\b", re.IGNORECASE),
    # A feeling that keeps customers engaged: "nananatili silang engaged". The causative with a linker before
    # the English adjective ("ang nagpapanatiling engaged sa kanila") has no one it keeps.
    "nananatili silang engaged": re.compile(r"\bnagpapanatiling\s+engaged\b", re.IGNORECASE),
}

# "gaano" asks "how ..." of a ka- adjective ("gaano ka-satisfied", "gaano kasaya"); a noun or a
# naka- verb after it is ungrammatical ("gaano kasiyahan", "gaano nakakainis"), also with "po" or the
# pronoun of the thing in between ("gaano iyon nakakapag-alala", "gaano po ito nakakainis").
GAANO_WITHOUT_ADJECTIVE = re.compile(
    r"\bgaano\s+(?:(?:po|iyon|iyan|ito|yon|yan|yun|siya|sila|kayo)\s+)*(?:naka\S*|kasiyahan)", re.IGNORECASE)

# "Walang" already says "there is no one"; "walang may gusto" doubles the existential. Heard on the phone,
# it reads as a slip in a lesson ("Walang gustong ...", "walang nakakaalam"). "walang may-ari" is a noun.
DOUBLE_EXISTENTIAL = re.compile(r"\bwalang\s+may\b(?!-)", re.IGNORECASE)

# "dumaan" takes "sa" for each stop, never "mula sa": a process "nagsisimula sa ..., dumadaan sa ..., at
# humahantong sa ...", as the lessons and quizzes put the interaction process and the customer journey.
DUMAAN_MULA_SA = re.compile(r"\b(?:dumadaan|dumaraan|dumaan|dadaan)\b[^.;:!?]*?\bmula\s+sa\b", re.IGNORECASE)

# The floor repeats the prefix's "ka" or "pa" (nakakaapekto, pinapakinggan, makakapagbigay); the textbook repeats
# the root's first syllable (nakaaapekto, pinakikinggan, makapagbibigay, nakadaragdag with d turned r). Both
# are correct Filipino, but the two on one page read as two registers, and the trainers write the first.
TEXTBOOK_REPETITION = re.compile(
    r"\b(?:(?:naka|maka|nakapag|makapag)(?!ka)|(?:pina|ipina)(?!ka|pa))"
    r"(?:([bcdfghjklmnpqrstvwxyz]?)([aeiou])\1\2|d([aeiou])r\3)\w*"
    r"|\b(?:nag|mag)d([aeiou])r\4\w*|\bdin([aeiou])r\5\w*", re.IGNORECASE)
# Words the floor itself says in the long form: the elders, and "realistic".
LEXICAL_REPETITION = {"nakatatanda", "nakatatandang", "makatotohanan", "makatotohanang"}

# The enclitics take r after a vowel or w/y ("buhay rin", "para rito") and d after a consonant ("ito din" is
# the slip, "lamang din" is right). After -ra, -ri, -re, -ro, -ru either is written ("pero din", "umubra rin"),
# an English word follows its sound ("Google din"), and "o dito" is the conjunction before a new phrase.
D_AFTER_VOWEL = re.compile(r"\b(\w*[aeiouwy])\s+(din|dito|diyan|daw)\b", re.IGNORECASE)
R_AFTER_CONSONANT = re.compile(r"\b(\w*[b-df-hj-np-tv-xz])\s+(rin|rito|riyan|raw)\b", re.IGNORECASE)
D_STAYS = re.compile(r"(?:r[aeiou][wy]?|^o|^google)$", re.IGNORECASE)

_NOT_WORDS = re.compile(r"\]\([^)]*\)|`[^`]*`|\{[^}]*\}")


def entries(path: Path):
    return [e for e in polib.pofile(str(path)) if not e.obsolete and not e.msgid_plural and e.msgstr]


def words_of(msgstr: str) -> str:
    """The text a reader sees: without link targets, inline code and {placeholders}."""
    return _NOT_WORDS.sub(" ", msgstr)


def slips(pattern: re.Pattern) -> list[str]:
    return [f"{path.relative_to(ROOT)}:{e.linenum}: '{m.group(0)}' in …{text[max(0, m.start() - 30):m.end() + 30]}…"
            for path in CATALOGS for e in entries(path)
            for text in [words_of(e.msgstr)] for m in pattern.finditer(text)]


def test_every_filipino_catalog_is_read():
    assert len(CATALOGS) >= 20 and sum(len(entries(p)) for p in CATALOGS) > 900


def test_an_english_noun_in_a_filipino_sentence_takes_mga_and_stays_singular():
    found = slips(ENGLISH_PLURALS)
    assert not found, "write 'mga soft skill', not 'soft skills' (TRANSLATING.md, Filipino terms):\n" + "\n".join(found)


def test_one_word_per_idea_in_every_filipino_catalog():
    found = [f"{slip} (write '{word}')" for word, pattern in REFUSED_VARIANTS.items() for slip in slips(pattern)]
    assert not found, "\n".join(found)


def test_gaano_is_followed_by_an_adjective():
    found = slips(GAANO_WITHOUT_ADJECTIVE)
    assert not found, "'gaano' takes a ka- adjective: 'gaano ka-satisfied', 'nakakainis talaga':\n" + "\n".join(found)


def test_walang_is_not_followed_by_may():
    found = slips(DOUBLE_EXISTENTIAL)
    assert not found, "write 'Walang gustong ...', not 'Walang may gustong ...':\n" + "\n".join(found)


def test_dumaan_does_not_take_mula_sa():
    found = slips(DUMAAN_MULA_SA)
    assert not found, "write 'Nagsisimula ... sa ..., dumadaan sa ..., at humahantong sa ...':\n" + "\n".join(found)


def test_the_floor_repeats_the_prefix_not_the_root():
    found = [slip for slip in slips(TEXTBOOK_REPETITION) if slip.split("'")[1].lower() not in LEXICAL_REPETITION]
    assert not found, ("write the floor's form: 'nakakaapekto', 'pinapakinggan', 'makakapagbigay', 'nagdadagdag' "
                       "(TRANSLATING.md, Filipino terms):\n" + "\n".join(found))


def test_the_same_english_is_translated_the_same_way_in_every_catalog():
    """A step, a stage, a table row or a phrase shared by a lesson, its quiz and a diagram reads the same.

    Only a glossary headword may add a gloss to the term ("Empathy (empatiya)").
    """
    seen: dict[str, dict[str, str]] = {}
    for path in CATALOGS:
        for e in entries(path):
            if path.stem == "glossary" and "section heading" in (e.comment or ""):
                continue
            seen.setdefault(e.msgid, {}).setdefault(e.msgstr, f"{path.relative_to(ROOT)}:{e.linenum}")
    differ = [f"'{msgid}':\n" + "\n".join(f"    {where}: {msgstr}" for msgstr, where in found.items())
              for msgid, found in seen.items() if len(found) > 1]
    assert not differ, "\n".join(differ)


def test_din_and_rin_follow_the_word_before():
    found = [slip for pattern in (D_AFTER_VOWEL, R_AFTER_CONSONANT) for slip in slips(pattern)
             if not D_STAYS.search(slip.split("'")[1].split()[0])]
    assert not found, "'rin', 'rito' after a vowel; 'din', 'dito' after a consonant:\n" + "\n".join(found)


def _questions(kind: str) -> set[str]:
    return {q["text"] for path in sorted((ROOT / "quizzes").glob("*.yml"))
            for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"] if q["type"] == kind}


def test_a_question_with_several_right_answers_asks_alin_alin():
    """"Alin ... ang kabilang" reads as one answer; a question where the trainee ticks several asks "Alin-alin"."""
    several, one = _questions("multiple"), _questions("single")
    found = [f"{path.relative_to(ROOT)}:{e.linenum}: {e.msgstr}" for path in sorted((FIL / "quizzes").glob("*.po"))
             for e in entries(path)
             if (e.msgid in several and re.match(r"Alin\b(?!-alin)", e.msgstr))
             or (e.msgid in one and e.msgstr.startswith("Alin-alin"))]
    assert several and one and not found, "\n".join(found)


def test_english_friendly_stays_friendly():
    """Friendliness is the soft skill "pagiging friendly"; a "magiliw" elsewhere reads as another idea."""
    found = [f"{path.relative_to(ROOT)}:{e.linenum}: {e.msgstr[:80]}…" for path in CATALOGS for e in entries(path)
             if "friendl" in e.msgid.lower() and "friendly" not in e.msgstr.lower()]
    assert not found, "\n".join(found)


def test_the_rules_catch_what_they_are_for():
    assert ENGLISH_PLURALS.search(words_of("Alam ng agent na malakas sa hard skills kung paano"))
    assert ENGLISH_PLURALS.search(words_of("gumamit ng emojis sa chat"))
    assert not ENGLISH_PLURALS.search(words_of("Pinapagaan din ng mga soft skill ang trabaho mo"))
    assert not ENGLISH_PLURALS.search(words_of("aralin tungkol sa [mga soft skill](soft-skills.md)"))
    assert REFUSED_VARIANTS["aralin"].search(words_of("Tingnan ulit ang numero sa lesson."))
    assert not REFUSED_VARIANTS["aralin"].search(words_of("Aralin: {lesson}"))
    assert REFUSED_VARIANTS["kompanya"].search("ang kumpanya")
    assert REFUSED_VARIANTS["nakakatulong"].search("Nakatutulong ito sa customer")
    assert not REFUSED_VARIANTS["nakakatulong"].search("Nakakatulong ito sa customer")
    assert REFUSED_VARIANTS["Hint"].search("Pahiwatig: {hint}")
    assert REFUSED_VARIANTS["inaabangan mo na ang susunod na kakailanganin"].search(
        "dagdag ang pag-iisip nang isang hakbang nang mas maaga tungkol sa susunod")
    assert REFUSED_VARIANTS["inaabangan mo na ang susunod na kakailanganin"].search("nag-iisip ka nang isang hakbang pauna")
    assert not REFUSED_VARIANTS["inaabangan mo na ang susunod na kakailanganin"].search("Isa-isang hakbang ang ginagawa")
    assert REFUSED_VARIANTS["unang impresyon"].search("nabubuo ang first impression niya")
    assert not REFUSED_VARIANTS["unang impresyon"].search("First moment of truth")
    assert REFUSED_VARIANTS["sa isang brand"].search("tinatahak ng customer kasama ang isang brand")
    assert REFUSED_VARIANTS["sa lalong madaling panahon"].search("may kokontak po sa inyo soon.")
    assert REFUSED_VARIANTS["kumonekta"].search("dahil ayaw mag-connect ng device")
    assert not REFUSED_VARIANTS["kumonekta"].search("gumagana na ang connection ninyo")
    assert REFUSED_VARIANTS["nalaman ang tungkol sa amin"].search('"Paano ninyo kami nalaman?"')
    assert not REFUSED_VARIANTS["nalaman ang tungkol sa amin"].search("kung paano nila nalaman ang tungkol sa inyo")
    assert REFUSED_VARIANTS["tapusin ang tawag"].search("bago tayo magbaba ng tawag")
    assert REFUSED_VARIANTS["salamat po sa paghihintay"].search("salamat po sa pananatili sa linya")
    assert not REFUSED_VARIANTS["salamat po sa paghihintay"].search("ang pananatiling kalmado")
    contact = REFUSED_VARIANTS["kokontak, makontak, pagkontak"]
    for slip in ("may magko-contact na lang po sa inyo", "para ma-contact ka ng mga customer",
                 "ang pag-contact sa mga customer bago pa sila magtanong"):
        assert contact.search(slip), slip
    for right in ("may kokontak na lang po sa inyo", "para makontak ka", "mula unang contact hanggang",
                  "nang hindi na siya kinokontak ulit", "Hi Tom, salamat po sa pag-contact sa Page & Co!"):
        assert not contact.search(right), right
    assert REFUSED_VARIANTS["ini-report"].search("ang problemang inireport ng customer")
    assert not REFUSED_VARIANTS["ini-report"].search("ang problemang ini-report ng customer, na-report na")
    assert REFUSED_VARIANTS["Pasado"].search("Pumasa: {percent}. Magaling!")
    assert not REFUSED_VARIANTS["Pasado"].search("Hindi pa pasado. Kailangan mo ng {needed} para pumasa")
    assert REFUSED_VARIANTS["humingi ng paumanhin"].search("Mag-sorry para sa mismong problema.")
    assert REFUSED_VARIANTS["humingi ng paumanhin"].search("Maayos ang paghingi ng sorry, pero")
    assert not REFUSED_VARIANTS["humingi ng paumanhin"].search("Sorry po at hindi pa dumarating ang parcel ninyo.")
    for slip in ("May pangalawang buhay din ang isang review", "kailangan para dito.", "wala po akong mababago dito"):
        assert D_AFTER_VOWEL.search(slip), slip
    assert R_AFTER_CONSONANT.search("Ganoon rin ang sagot")
    for right in ("May pangalawang buhay rin", "para rito", "ngayon din", "Sa Google din galing", "pero din"):
        match = D_AFTER_VOWEL.search(right) or R_AFTER_CONSONANT.search(right)
        assert not match or D_STAYS.search(match.group(1)), right
    assert TEXTBOOK_REPETITION.search("ang buong dinaraanan ng customer")
    assert not TEXTBOOK_REPETITION.search("ang buong dinadaanan ng customer")
    assert GAANO_WITHOUT_ADJECTIVE.search("kung gaano kasiyahan ang mga customer")
    assert GAANO_WITHOUT_ADJECTIVE.search("Naiintindihan ko po kung gaano nakakainis")
    assert not GAANO_WITHOUT_ADJECTIVE.search("kung gaano ka-satisfied ang mga customer")
    assert not GAANO_WITHOUT_ADJECTIVE.search("gaano man katagal ang abutin")
    assert GAANO_WITHOUT_ADJECTIVE.search("naiintindihan niya kung gaano iyon nakakapag-alala")
    assert GAANO_WITHOUT_ADJECTIVE.search("Alam ko po kung gaano po ito nakakainis")
    for right in ("kung gaano nila kagusto ang produkto", "kung gaano talaga katatag", "gaano sila kahandang gawin ito",
                  "kung gaano kadalas tumitingin ng mga review", "kung gaano iyon ka-stressful", "gaano ito kabilis"):
        assert not GAANO_WITHOUT_ADJECTIVE.search(right), right
    assert REFUSED_VARIANTS["prospective customer"].search("Sa puntong ito, posibleng customer na ang may-ari.")
    assert not REFUSED_VARIANTS["prospective customer"].search("prospective customer pa lang ang may-ari")
    assert DOUBLE_EXISTENTIAL.search("Walang may gustong dumaan sa dagdag na abala")
    for right in ("Walang gustong dumaan sa dagdag na abala", "walang may-ari ang ticket", "Walang maysakit"):
        assert not DOUBLE_EXISTENTIAL.search(right), right
    assert DUMAAN_MULA_SA.search("Dumadaan ang proseso ng interaction mula sa unang contact, sa pag-unawa")
    for right in ("Nagsisimula ang proseso sa unang contact, dumadaan sa pag-unawa sa pangangailangan",
                  "Dumadaan ito sa pagre-research at pagbili. Mula sa unang ad"):
        assert not DUMAAN_MULA_SA.search(right), right
    for textbook in ("Direktang nakaaapekto ang engagement", "kapag nararamdaman niyang pinakikinggan siya",
                     "makapagbibigay ka ng mabilis na sagot", "bawat isa ay nakadaragdag sa relasyon",
                     "Nagdaragdag ang academy ng isang hakbang", "Pinabababa nito ang churn rate",
                     "mas nakakukumbinsi sa mga tao", "Nakatutulong ito", "ipinakikita nito"):
        assert TEXTBOOK_REPETITION.search(textbook), textbook
    for floor in ("Direktang nakakaapekto ang engagement", "kapag nararamdaman niyang pinapakinggan siya",
                  "makakapagbigay ka ng mabilis na sagot", "Nagdadagdag ang academy", "Pinapababa nito",
                  "nakakakumbinsi", "nakakainis", "nakasara ang tindahan", "pinakamahalaga", "nakaupo",
                  "nagdadala", "pinagsasama", "makakausap", "nakapag-file na po ako", "ipinapakita"):
        assert not TEXTBOOK_REPETITION.search(floor), floor


# "Late" alone says the thing itself is late ("Late ang sapatos"); the lessons say the delivery ran late:
# "na-late ang dating ng order".
LATE_WITHOUT_NA = re.compile(r"(?<![-\w])late\s+ang\b", re.IGNORECASE)

# "gaya ng" and "tulad ng" take a noun phrase ("gaya ng pagkontak mo mismo sa billing team"); a clause with
# its own ang-pronoun after them ("gaya ng ikaw mismo ang kokontak") is ungrammatical.
LIKE_BEFORE_A_CLAUSE = re.compile(r"\b(?:gaya|tulad)\s+ng\s+(?:ikaw|ako|siya|sila|kami|tayo|kayo)\b", re.IGNORECASE)

# The lesson's tip: a reply that starts with "No" or "Unfortunately" sets a negative tone. A model reply that
# starts with "Walang problema" or "Hindi na po" breaks the rule it is there to teach.
NEGATIVE_FIRST_WORD = re.compile(r"^\W*(?:hindi|wala|walang|unfortunately|sa\s+kasamaang[- ]palad)\b", re.IGNORECASE)


def test_a_late_delivery_is_na_late_ang_dating():
    found = slips(LATE_WITHOUT_NA)
    assert not found, "write 'na-late ang dating ng ...', as the lessons do:\n" + "\n".join(found)


def test_gaya_ng_takes_a_noun_phrase():
    found = slips(LIKE_BEFORE_A_CLAUSE)
    assert not found, "write 'gaya ng pagkontak mo mismo ...', not 'gaya ng ikaw mismo ang ...':\n" + "\n".join(found)


def test_a_better_reply_does_not_open_with_a_negative_word():
    """The better phrasings a trainee picks or matches in the soft skills quiz lead with what the agent can do."""
    questions = [q for path in sorted((ROOT / "quizzes").glob("*.yml"))
                 for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
                 if q.get("review") == "#avoid-negative-language"]
    better = ({pair["answer"] for q in questions if q["type"] == "matching" for pair in q["pairs"]}
              | {o["text"] for q in questions if q["type"] == "single" for o in q["options"] if o.get("correct")})
    found = [f"{path.relative_to(ROOT)}:{e.linenum}: {e.msgstr}" for path in sorted((FIL / "quizzes").glob("*.po"))
             for e in entries(path) if e.msgid in better and NEGATIVE_FIRST_WORD.search(e.msgstr)]
    assert better and not found, "\n".join(found)


def test_every_filipino_catalog_has_the_same_project_and_team_header():
    headers = {(polib.pofile(str(path)).metadata.get("Project-Id-Version"),
                polib.pofile(str(path)).metadata.get("Language-Team")): path for path in CATALOGS}
    assert headers.keys() == {("Customer Support Academy 1", "Filipino <academy-fil@example.org>")}, \
        "\n".join(f"{path.relative_to(ROOT)}: {header}" for header, path in headers.items())


def test_the_new_rules_catch_what_they_are_for():
    assert LATE_WITHOUT_NA.search("Late ang sapatos pangkasal ng customer.")
    assert not LATE_WITHOUT_NA.search("Sorry po at na-late ang dating ng order ninyo.")
    assert LIKE_BEFORE_A_CLAUSE.search("gaya ng ikaw mismo ang kokontak sa billing team")
    assert not LIKE_BEFORE_A_CLAUSE.search("gaya ng pagkontak mo mismo sa billing team")
    for negative in ("Walang problema po. Mahahanap ko po ang order ninyo.", "Hindi na po available ang model na 'yan.",
                     "\"Unfortunately, ibang department po ito.\""):
        assert NEGATIVE_FIRST_WORD.search(negative), negative
    for better in ("Happy to help po. Mahahanap ko po ang order ninyo.", "Hindian", "May mas bago na pong model"):
        assert not NEGATIVE_FIRST_WORD.search(better), better


def _shared_translations(catalogs) -> list[str]:
    """Sentences whose one translation stands for two different English sentences in the same catalog."""
    found = []
    for path in catalogs:
        seen: dict[str, dict[str, int]] = {}
        for e in entries(path):
            if len(e.msgid.split()) >= 8:
                seen.setdefault(e.msgstr, {}).setdefault(e.msgid, e.linenum)
        found += [f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name}:"
                  f"{', '.join(map(str, lines.values()))}: {msgstr[:80]}…"
                  for msgstr, lines in seen.items() if len(lines) > 1]
    return found


def test_two_different_sentences_do_not_share_one_translation():
    """An update can carry a sibling's translation into a changed message (a fuzzy match on the option next to it:
    the new feedback of one quiz option showed the feedback of another). Once its fuzzy mark is cleared, the page
    answers the trainee with the wrong reason. Short labels may coincide ("Take/Accept responsibility"); sentences
    may not."""
    found = _shared_translations(CATALOGS)
    assert not found, "\n".join(found)


def test_the_shared_translation_rule_catches_what_it_is_for(tmp_path):
    catalog = tmp_path / "soft-skills.po"
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    sibling = "Mahirap sundan ang isang buong listahan ng hakbang para sa taong naliligaw na."
    po.append(polib.POEntry(msgid="A list of steps is a lot to take in for someone who is already lost.",
                            msgstr=sibling))
    po.append(polib.POEntry(msgid='That is the "As I already told you" a patient agent avoids. Go back one step.',
                            msgstr=sibling, flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="Take responsibility", msgstr="Akuin ang responsibilidad"))
    po.append(polib.POEntry(msgid="Accept responsibility", msgstr="Akuin ang responsibilidad"))
    po.save(str(catalog))
    assert len(_shared_translations([catalog])) == 1


def test_friendly_appears_only_where_the_english_has_it():
    """"Friendly" names the soft skill "pagiging friendly"; a "friendly" the English does not have (left over from
    an earlier English, "a friendly personal check-in message") makes the trainee look for a skill that is not
    there, and matches the wrong etiquette skill in the quiz."""
    found = [f"{path.relative_to(ROOT)}:{e.linenum}: {e.msgstr[:80]}…" for path in CATALOGS for e in entries(path)
             if "friendly" in e.msgstr.lower() and "friendl" not in e.msgid.lower()]
    assert not found, "\n".join(found)


# A ma- adjective after "mga" or a plural numeral repeats its second syllable: "anim na mahahalagang soft skill",
# "mga magagandang review", as the soft skills lesson heading and its quiz say. "Anim na mahalagang" beside them
# reads as a slip.
PLURAL_ADJECTIVE_NOT_REPEATED = re.compile(
    r"\b(?:mga|dalawang|tatlong|apat\s+na|limang|anim\s+na|pitong|walong|siyam\s+na|sampung)\s+"
    r"(?:mahalaga|maganda|malaki|maliit)(?:ng\b|\s+na\b)", re.IGNORECASE)

# "Matagal" before a verb with aspect ("bumibili", "nananatili", "nagtatrabaho") takes the linker: "mas matagal na
# bumibili", as the glossary's lifetime value and the lessons say. Before the bare verb none is needed ("matagal
# dumating"), nor before a pronoun ("mas matagal nilang natatandaan").
MATAGAL_WITHOUT_LINKER = re.compile(
    r"\bmatagal\s+(?!(?:na|nang|naman|namang|nila|niya|nilang|niyang|ninyo|ninyong|namin|naming|natin|nating)\b)"
    r"(?:na\w{3,}|([bcdfghklmnprstwy])(?:um|in)([aeiou])\1\2\w*|in([aeiou])\3\w*)", re.IGNORECASE)


def test_an_adjective_after_mga_or_a_plural_numeral_repeats_its_syllable():
    found = slips(PLURAL_ADJECTIVE_NOT_REPEATED)
    assert not found, "write 'anim na mahahalagang soft skill', 'mga magagandang review':\n" + "\n".join(found)


def test_matagal_before_a_verb_with_aspect_takes_na():
    found = slips(MATAGAL_WITHOUT_LINKER)
    assert not found, "write 'mas matagal na bumibili', 'mas matagal na nananatili':\n" + "\n".join(found)


def test_the_round_eight_rules_catch_what_they_are_for():
    assert ENGLISH_PLURALS.search("sa loob ng 3 hanggang 5 business days.")
    assert not ENGLISH_PLURALS.search("sa loob ng tatlo hanggang limang business day.")
    for slip in ("Anim na mahalagang soft skill ng mga support agent", "mga magandang review", "tatlong malaking problema"):
        assert PLURAL_ADJECTIVE_NOT_REPEATED.search(slip), slip
    for right in ("Anim na mahahalagang soft skill", "isang maliit na negosyo", "ang magandang karanasan niya",
                  "mga magagandang review", "Mahalagang tandaan"):
        assert not PLURAL_ADJECTIVE_NOT_REPEATED.search(right), right
    for slip in ("Mas matagal nananatili at mas marami ang binibili", "Mas matagal bumibili ang customer",
                 "mas matagal nagtatrabaho", "matagal kumakain",
                 "matagal binibili", "matagal iniisip"):
        assert MATAGAL_WITHOUT_LINKER.search(slip), slip
    for right in ("Mas matagal na nananatili", "Mas matagal na bumibili ang customer", "matagal dumating ang order",
                  "mas matagal nilang natatandaan ang karanasan", "kahit matagal na silang nakabili",
                  "sa matagal nang tapos ang pagbili", "ng mga page na matagal niyang tiningnan",
                  "maghintay nang matagal na naka-hold", "mas matagal silang nananatili", "mas matagal kaysa dati",
                  "matagal naman ang proseso"):
        assert not MATAGAL_WITHOUT_LINKER.search(right), right


# Words a translation can only owe to its English: a name, a borrowed term, a figure. When the English drops
# one ("saved on this device" became "saved in this browser"; the "creative ideas" list left the quiz), a
# translation carried over from the earlier English keeps it, and the trainee reads what the lesson no longer says.
CARRIED_OVER = {r"\bdevice": "device", r"\bbrowser": "browser", r"\baksyon": "action", r"\bmarketing": "marketing",
                r"\bmalikhain": "creativ", r"\bYelp\b": "yelp", r"\bGoogle\b": "google", r"\bCSAT\b": "csat",
                r"\b53%": "53%"}


def _carried_over(catalogs) -> list[str]:
    return [f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name}:{e.linenum}: "
            f"'{english}' is not in the English: {e.msgstr[:80]}…"
            for path in catalogs for e in entries(path) for pattern, english in CARRIED_OVER.items()
            if re.search(pattern, e.msgstr, re.IGNORECASE) and english not in e.msgid.lower()]


def test_a_name_term_or_figure_appears_only_where_the_english_has_it():
    found = _carried_over(CATALOGS)
    assert not found, "\n".join(found)


def test_the_carried_over_rule_catches_what_it_is_for(tmp_path):
    catalog = tmp_path / "progress.po"
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Your best score, saved in this browser.",
                            msgstr="Ang pinakamataas mong score, naka-save sa device na ito."))
    po.append(polib.POEntry(msgid="Match each line to the etiquette skill it shows best.",
                            msgstr="Itugma ang bawat linya o aksyon sa etiquette skill na pinakamalinaw na ipinapakita nito."))
    po.append(polib.POEntry(msgid="Your best score, saved in this browser.",
                            msgctxt="right", msgstr="Ang pinakamataas mong score, naka-save sa browser na ito."))
    po.save(str(catalog))
    assert len(_carried_over([catalog])) == 2


# A customer the agent greets by name is "Sir Sam", "Ma'am Maria" in every sample line a trainee copies: a bare
# first name ("Hi Sam", "pasensya na po sa abala, Sam") reads as too familiar at a Manila desk.
GREETED_NAME = re.compile(r"\b(?:Hi|Hello|Hey)\s+([A-Z][a-z]+)\b")
_HONORIFICS = {"Sir", "Ma", "Mr", "Ms", "Mrs", "Miss", "Dr"}


def _bare_names(catalogs) -> list[str]:
    names = {m.group(1) for path in catalogs for e in entries(path) for m in GREETED_NAME.finditer(e.msgid)}
    names -= _HONORIFICS
    if not names:
        return []
    bare = re.compile(r"(?:\b(?:Hi|Hello|Hey)|,)\s+(" + "|".join(sorted(names)) + r")\b")
    return [f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name}:{e.linenum}: "
            f"'{m.group(0)}' without Sir or Ma'am: {e.msgstr[:80]}…"
            for path in catalogs for e in entries(path) for m in bare.finditer(e.msgstr)]


def test_a_customer_addressed_by_name_takes_sir_or_maam():
    found = _bare_names(CATALOGS)
    assert not found, "write 'Hi Sir Sam', 'pasensya na po, Ma'am Maria':\n" + "\n".join(found)


def test_the_bare_name_rule_catches_what_it_is_for(tmp_path):
    catalog = tmp_path / "lesson.po"
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="**Agent:** Hi Sam, thanks for contacting Page & Co!",
                            msgstr="**Agent:** Hi Sam, salamat po sa pag-contact sa Page & Co!"))
    po.append(polib.POEntry(msgid="**Agent:** I'm sorry to hear that, Sam.",
                            msgstr="**Agent:** Naku, pasensya na po sa abala, Sam."))
    po.append(polib.POEntry(msgid="**Agent:** Hi Maria, thanks for getting in touch.",
                            msgstr="**Agent:** Hi Ma'am Maria, salamat po sa pag-message."))
    po.append(polib.POEntry(msgid="A month later Sam orders again.",
                            msgstr="Pagkalipas ng isang buwan, umorder ulit si Sam."))
    po.save(str(catalog))
    assert len(_bare_names([catalog])) == 2


def test_the_round_eleven_variants_are_refused():
    for word, slip in (("pinakamatibay", "Ito ang pinakamalakas na uri"),
                       ("pagkakaiba", "ano ang pinagkaiba?"),
                       ("pag-aabang", "at pag-abang na sa susunod na kakailanganin"),
                       ("nagiging loyal", "at lalong nagpapa-loyal sa kanila")):
        assert REFUSED_VARIANTS[word].search(slip), slip
    for word, right in (("pinakamatibay", "Ito ang pinakamatibay na uri"),
                        ("pagkakaiba", "ano ang pagkakaiba?"),
                        ("pag-aabang", "at pag-aabang sa susunod na kakailanganin"),
                        ("nagiging loyal", "at lalo silang nagiging loyal")):
        assert not REFUSED_VARIANTS[word].search(right), right


def test_the_connection_what_went_wrong_and_engaged_variants_are_refused():
    for word, slip in (("koneksyon", "at walang koneksiyon."),
                       ("ano ang naging problema", "ipaliwanag kung ano ang nagkamali"),
                       ("nananatili silang engaged", "ang pakiramdam na iyon ang nagpapanatiling engaged sa kanila")):
        assert REFUSED_VARIANTS[word].search(slip), slip
    for word, right in (("koneksyon", "at walang koneksyon."),
                        ("ano ang naging problema", "ipaliwanag kung ano ang naging problema"),
                        ("ano ang naging problema", "hindi kasalanan ng customer na nagkamali"),
                        ("nananatili silang engaged", "dahil sa pakiramdam na iyon, nananatili silang engaged")):
        assert not REFUSED_VARIANTS[word].search(right), right


# Where the English spells an abbreviation out ("customer satisfaction (CSAT)", "Net Promoter Score (NPS)"), the
# Filipino spells it out too: a translation carried over from the earlier English ("mataas na CSAT score") leaves
# the trainee with the bare letters the lesson now explains.
SPELLED_OUT = re.compile(r"\(([A-Z][A-Za-z0-9]{1,5})\)")


def _abbreviations_not_spelled_out(catalogs) -> list[str]:
    return [f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name}:{e.linenum}: "
            f"'({abbreviation})' is spelled out in the English: {e.msgstr[:80]}…"
            for path in catalogs for e in entries(path)
            for abbreviation in dict.fromkeys(SPELLED_OUT.findall(e.msgid)) if f"({abbreviation})" not in e.msgstr]


def test_an_abbreviation_the_english_spells_out_is_spelled_out():
    found = _abbreviations_not_spelled_out(CATALOGS)
    assert not found, "write 'customer satisfaction (CSAT) score', as the English does:\n" + "\n".join(found)


def test_the_spelled_out_rule_catches_what_it_is_for(tmp_path):
    catalog = tmp_path / "handling-complaints.po"
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Surveys, such as a short customer satisfaction (CSAT) survey, or a Net Promoter "
                                  "Score (NPS) survey.",
                            msgstr="Mga survey, gaya ng maikling CSAT survey, o ng NPS survey."))
    po.append(polib.POEntry(msgid="A customer who feels respected gives a high customer satisfaction (CSAT) score.",
                            msgstr="Nagbibigay ng mataas na customer satisfaction (CSAT) score ang customer."))
    po.append(polib.POEntry(msgid="What is the difference between CSAT and NPS?", msgstr="Ano ang pagkakaiba ng CSAT at NPS?"))
    po.save(str(catalog))
    assert len(_abbreviations_not_spelled_out([catalog])) == 2
