"""The academy's own lessons, as trainees get them in each language."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import html5lib
import pytest
import yaml

import sitekit
import textjoins
from conftest import search

ROOT = Path(__file__).resolve().parent.parent
LESSONS = {
    "customer-journey/moments-of-truth": "moments-of-truth",
    "customer-journey/customer-engagement": "customer-engagement",
    "service-skills/customer-interactions": "customer-interactions",
    "service-skills/soft-skills": "soft-skills",
    "service-skills/handling-complaints": "handling-complaints",
}
PREFIXES = {"en": "", "fil": "fil/", "ru": "ru/"}


@pytest.fixture(scope="module")
def academy_site(tmp_path_factory) -> sitekit.Built:
    root = tmp_path_factory.mktemp("real")
    for name in ("mkdocs.yml", "content", "quizzes", "locales"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    return sitekit.build(root, "--strict")


def parse(built, path):
    return html5lib.parse(built.html(path), namespaceHTMLElements=False)


def text_of(node) -> str:
    return " ".join("".join(node.itertext()).split())


@pytest.mark.parametrize("lang", PREFIXES)
@pytest.mark.parametrize("lesson", LESSONS)
def test_every_lesson_exists_translated_with_its_faq_and_quiz(academy_site, lesson, lang):
    doc = parse(academy_site, f"{PREFIXES[lang]}{lesson}/index.html")
    assert doc.get("lang") == lang
    assert doc.find(".//div[@role='note']") is None, "the page shows the not-translated notice"
    assert len(doc.findall(".//details[@class='academy-faq__item']")) >= 3
    quiz = doc.find(".//section[@class='academy-quiz']")
    assert quiz is not None and quiz.get("data-quiz") == LESSONS[lesson]
    assert len(quiz.findall(".//fieldset")) >= 5


@pytest.mark.parametrize("lesson", LESSONS)
def test_english_lessons_have_at_least_900_words_and_a_short_description(lesson):
    text = (ROOT / "content" / f"{lesson}.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---")[1])
    assert meta["title"] and 0 < len(meta["description"]) <= 160
    body = text.split("---", 2)[2]
    assert len(re.findall(r"[A-Za-z][A-Za-z'’-]*", body)) >= 900
    assert "## Key takeaways" in body


@pytest.mark.parametrize("lang", ["fil", "ru"])
def test_translated_descriptions_stay_short(academy_site, lang):
    for lesson in LESSONS:
        doc = parse(academy_site, f"{PREFIXES[lang]}{lesson}/index.html")
        description = doc.find(".//meta[@name='description']").get("content")
        assert 0 < len(description) <= 160, (lesson, description)


@pytest.mark.parametrize("lang", PREFIXES)
def test_glossary_explains_every_term_in_each_language(academy_site, lang):
    doc = parse(academy_site, f"{PREFIXES[lang]}glossary/index.html")
    assert doc.find(".//div[@role='note']") is None
    for term in ("zmot", "fmot", "smot", "umot", "less-than-zero-moment-of-truth", "csat", "nps", "churn",
                 "customer-journey", "touchpoint"):
        heading = doc.find(f".//h2[@id='{term}']")
        assert heading is not None, term


@pytest.mark.parametrize("lang", PREFIXES)
def test_every_glossary_term_keeps_its_english_anchor_in_each_language(academy_site, lang):
    # lessons, quizzes and other sites link to glossary.md#term: a reworded or translated term must not move it
    from markdown.extensions.toc import slugify

    english = re.findall(r"^## (.+)$", (ROOT / "content/glossary.md").read_text(encoding="utf-8"), re.M)
    doc = parse(academy_site, f"{PREFIXES[lang]}glossary/index.html")
    anchors = {h.get("id") for h in doc.find(".//article").iter("h2")}
    assert anchors == {slugify(term, "-") for term in english}


@pytest.mark.parametrize("lang", PREFIXES)
def test_abbreviations_are_explained_where_they_appear(academy_site, lang):
    doc = parse(academy_site, f"{PREFIXES[lang]}customer-journey/moments-of-truth/index.html")
    titles = {a.text: a.get("title") for a in doc.iter("abbr")}
    assert "ZMOT" in titles and titles["ZMOT"]


@pytest.mark.parametrize("lang", ["fil", "ru"])
def test_diagram_labels_are_translated(academy_site, lang):
    import xml.etree.ElementTree as etree

    svg = "{http://www.w3.org/2000/svg}"
    for name in ("customer-journey", "interaction-process"):
        english = etree.parse(ROOT / f"content/assets/diagrams/{name}.svg").getroot()
        translated = etree.fromstring(academy_site.html(f"{PREFIXES[lang]}assets/diagrams/{name}.svg").encode())
        assert translated.find(f"{svg}title").text != english.find(f"{svg}title").text
        labels = [(e.text, t.text) for e, t in zip(english.iter(f"{svg}text"), translated.iter(f"{svg}text"), strict=True)]
        changed = [pair for pair in labels if pair[0] != pair[1]]
        # labels are translated; abbreviations and the stage names Filipino keeps in English stay
        assert len(changed) >= len([e for e, _ in labels if e and " " in e.strip()]) - 1, labels


@pytest.mark.parametrize("lang", PREFIXES)
def test_home_lists_every_course_and_lesson_as_cards(academy_site, lang):
    doc = parse(academy_site, f"{PREFIXES[lang]}index.html")
    cards = doc.findall(".//li[@class='academy-card']")
    assert len(cards) == len(LESSONS)
    for card in cards:
        assert text_of(card.find(".//span[@class='academy-card__title']"))
        assert text_of(card.find(".//span[@class='academy-card__meta']"))


def test_every_shipped_catalog_passes_msgfmt_check():
    catalogs = sorted((ROOT / "locales").rglob("*.po")) + sorted((ROOT / "locales").rglob("*.pot"))
    assert len(catalogs) > 40
    for path in catalogs:
        result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, f"{path}: {result.stderr}"


def test_filipino_and_russian_are_completely_translated_with_nothing_fuzzy():
    result = subprocess.run([sys.executable, "-m", "academy.cli", "i18n", "status", "--fail-under", "100"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    for line in result.stdout.splitlines()[1:]:
        if line.startswith(("fil ", "ru ")):
            assert line.split()[3:5] == ["0", "0"], line


VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def test_every_page_of_the_academy_passes_the_nu_html_checker(academy_site):
    pages = sorted(str(p) for p in academy_site.site.rglob("*.html"))
    assert len(pages) >= 33
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", *pages], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-4000:]


@pytest.fixture(scope="module")
def academy_server(academy_site):
    from conftest import serve

    server, url = serve(academy_site.site)
    yield url
    server.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize("lang", PREFIXES)
@pytest.mark.parametrize("path", ["", "customer-journey/moments-of-truth/", "service-skills/soft-skills/", "progress/",
                                  "glossary/"])
def test_no_axe_violations_and_no_request_leaves_the_site(page, academy_server, lang, path):
    from urllib.parse import urlsplit

    foreign = []
    host = urlsplit(academy_server).netloc
    page.on("request", lambda request: urlsplit(request.url).netloc not in (host, "")
            and not request.url.startswith(("data:", "blob:")) and foreign.append(request.url))
    page.goto(f"{academy_server}/{PREFIXES[lang]}{path}", wait_until="networkidle")
    # evaluated through the DevTools protocol: the site's Content-Security-Policy forbids inline script tags
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    assert [f"{v['id']}: {v['nodes'][0]['target']}" for v in result["violations"]] == []
    assert foreign == []
    assert page.errors == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_academys_structured_data_uses_only_schema_org_terms(academy_site):
    import json as _json

    from schemaorg_check import problems

    for path in academy_site.site.rglob("*.html"):
        doc = html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)
        for script in doc.iter("script"):
            if script.get("type") == "application/ld+json":
                assert problems(_json.loads(script.text)) == [], path


# Each language's own alphabet, then the Latin letters of terms kept in English (B2B, CSAT, NPS…).
LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ALPHABETS = {"en": list(LATIN), "fil": [*"ABCDEFGHIJKLMN", "Ñ", "NG", *"OPQRSTUVWXYZ"],
             "ru": [*"АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ", *LATIN]}


def initial(term: str, lang: str) -> str:
    word = re.sub(r"^\W+", "", term).upper()
    return "NG" if lang == "fil" and word.startswith("NG") else word[:1]


@pytest.mark.parametrize("lang", PREFIXES)
def test_the_glossary_opens_with_its_letters_in_the_languages_own_order(academy_site, lang):
    doc = parse(academy_site, f"{PREFIXES[lang]}glossary/index.html")
    article = doc.find(".//article")
    terms = [(h.get("id"), text_of(h)) for h in article.iter("h2")]
    english = (ROOT / "content" / "glossary.md").read_text(encoding="utf-8")
    assert len(terms) == len(re.findall(r"^## ", english, re.MULTILINE)) > 20  # every term, in every language
    alphabet = ALPHABETS[lang]
    initials = [initial(text, lang) for _, text in terms]
    assert all(letter in alphabet for letter in initials), initials
    ranks = [alphabet.index(letter) for letter in initials]
    assert ranks == sorted(ranks), [text for _, text in terms]  # the terms themselves are in that order
    letters = article.find(".//*[@class='academy-letters']")
    assert letters is not None
    links = [(a.get("href"), text_of(a)) for a in letters.iter("a")]
    assert [text for _, text in links] == list(dict.fromkeys(initials))  # one per letter that has terms
    for href, letter in links:
        first = next(term_id for (term_id, _), first_letter in zip(terms, initials, strict=True) if first_letter == letter)
        assert href == f"#{first}", (letter, href)
    # the list comes before the first term
    order = [e for e in article.iter() if e is letters or e.tag == "h2"]
    assert order[0] is letters


@pytest.mark.browser
def test_a_letter_of_the_russian_glossary_leads_to_its_first_term_on_a_phone(browser, academy_server):
    from conftest import phone_page

    with phone_page(browser, has_touch=True, is_mobile=True) as page:
        page.goto(f"{academy_server}/ru/glossary/")
        page.locator(".academy-letters a", has_text="Т").tap()
        heading = page.locator("article h2", has_text="Точка контакта")
        box = heading.bounding_box()
        assert 48 <= box["y"] < 740 - box["height"], box  # below Material's fixed header


@pytest.mark.browser
def test_no_page_in_any_language_is_wider_than_a_phone(browser, academy_site, academy_server):
    from conftest import phone_page

    site = academy_site.site
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")
                   if "pagefind" not in p.parts and "assets" not in p.parts)
    assert len(pages) >= 30
    too_wide = {}
    with phone_page(browser, has_touch=True, is_mobile=True) as page:
        for path in pages:
            page.goto(f"{academy_server}/{'' if path == '.' else path + '/'}")
            width = page.evaluate("document.documentElement.scrollWidth")
            # a table fits its column rather than scrolling sideways inside it
            tables = page.evaluate("""() => Array.from(document.querySelectorAll('article table'))
                .filter(t => t.scrollWidth > t.closest('article').clientWidth + 1).length""")
            if width > 360 or tables:
                too_wide[path] = (width, tables)
    assert too_wide == {}


@pytest.mark.browser
@pytest.mark.parametrize(("query", "lesson"), [("apologise", "service-skills/handling-complaints/"),
                                               ("realises", "customer-journey/moments-of-truth/"),
                                               ("behaviour", "customer-journey/customer-engagement/"),
                                               ("colours", "customer-journey/moments-of-truth/"),
                                               ("programme", "customer-journey/customer-engagement/"),
                                               ("centre", "service-skills/handling-complaints/")])
def test_english_search_finds_the_us_spelling_from_the_uk_one(page, academy_server, query, lesson):
    page.goto(f"{academy_server}/")
    hrefs = [hit["href"] for hit in search(page, query)]
    assert any(f"/{lesson}" in href for href in hrefs), hrefs


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_desktop_home_page_lists_every_course_in_the_sidebar(browser, academy_server, lang):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        page = context.new_page()
        page.goto(f"{academy_server}/{PREFIXES[lang]}")
        sidebar = page.locator(".md-sidebar--primary")
        for course in ("customer-journey/", "service-skills/"):
            link = sidebar.locator(f"a.md-nav__link[href$='{course}']")
            assert link.count() == 1 and link.is_visible(), course
            # named as its course page is, in the reader's language
            title = page.evaluate("u => fetch(u).then(r => r.text()).then(t => new DOMParser()"
                                  ".parseFromString(t, 'text/html').querySelector('article h1').textContent)",
                                  link.get_attribute("href"))
            assert link.inner_text().strip() == title.replace("¶", "").strip()
        # each course is one link: the home page does not grow with the number of lessons
        assert sidebar.locator("a[href*='service-skills/handling-complaints']").count() == 0
        page.evaluate(AXE.read_text(encoding="utf-8"))
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        assert [f"{v['id']}: {v['nodes'][0]['target']}" for v in result["violations"]] == []
        # a lesson's sidebar lists its own course with its lessons, and no other course's lessons
        page.goto(f"{academy_server}/{PREFIXES[lang]}customer-journey/moments-of-truth/")
        assert page.locator(".md-sidebar--primary a[href$='customer-engagement/']").count() == 1
        assert page.locator(".md-sidebar--primary a[href$='service-skills/soft-skills/']").count() == 0
        assert page.evaluate(AXE.read_text(encoding="utf-8") + ";1")
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        assert [f"{v['id']}: {v['nodes'][0]['target']}" for v in result["violations"]] == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", PREFIXES)
def test_no_two_words_run_together_in_the_search_index_or_on_a_page(academy_site, lang):
    """Course pages once sent «…неудачными.10 минут чтения. Работа с жалобамиКак работать…» to the
    index: a card's parts are spans laid out as lines, with nothing between them."""
    prefix, others = PREFIXES[lang], tuple(p for p in PREFIXES.values() if p and p != PREFIXES[lang])
    pages = [p for p in sorted((academy_site.site / prefix).rglob("*.html"))
             if not p.relative_to(academy_site.site).as_posix().startswith(others) and "pagefind" not in p.parts]
    assert len(pages) >= 10
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert textjoins.glued_words(html) == [], f"{path}: words run together in the search index"
        assert textjoins.glued_words(html, indexed=False) == [], f"{path}: words run together on the page"


@pytest.mark.parametrize("lang", PREFIXES)
def test_the_home_page_states_the_reading_times_its_cards_show(academy_site, lang):
    """The home page tells a trainee how long a lesson takes ("10 to 13 minutes"); each language's cards
    count its own words, so each language's range is checked against its own cards."""
    doc = parse(academy_site, f"{PREFIXES[lang]}index.html")
    minutes = [int(re.match(r"\d+", text_of(meta)).group(0))
               for meta in doc.iter("span") if meta.get("class") == "academy-card__meta"]
    assert len(minutes) == len(LESSONS), minutes
    stated = re.findall(r"\((?:от\s+)?(\d+)\s*(?:to|–|hanggang|до)\s*(\d+)\b[^)]*\)", text_of(doc.find(".//article")))
    assert stated == [(str(min(minutes)), str(max(minutes)))], (stated, sorted(minutes))


@pytest.mark.parametrize("lang", ["fil", "ru"])
def test_the_site_level_words_of_a_translated_page_come_from_its_catalogs(academy_site, lang):
    """What the 404 page and a search result say of the academy (mkdocs.yml's site description, the
    provider of a lesson) is the home page's catalog's translation, and a page's <title> and the
    404 heading join their parts with the dash of the language (Russian: an em dash)."""
    import json as _json

    import polib

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    home = polib.pofile(str(ROOT / "locales" / lang / "LC_MESSAGES" / "content" / "index.po"))
    ui = polib.pofile(str(ROOT / "locales" / lang / "LC_MESSAGES" / "ui.po"))

    def translated(catalog, msgid):
        entry = catalog.find(msgid)
        assert entry is not None and entry.translated(), f"{lang}: {msgid!r} is not translated in {catalog.fpath}"
        return entry.msgstr

    # Russian joins them with an em dash (tests/test_russian_typography.py); Filipino writes them as English does
    heading_dash, title_dash = {"ru": ("\u00a0— ", "\u00a0— "), "fil": (" – ", " - ")}[lang]
    missing = parse(academy_site, f"{lang}/404.html")
    assert [m.get("content") for m in missing.iter("meta") if m.get("name") == "description"] == [
        translated(home, config["site_description"])]
    heading = "".join(missing.find(".//h1").itertext()).strip()
    assert heading == translated(ui, "404 – Page not found") and heading.startswith("404" + heading_dash)
    lesson = parse(academy_site, f"{lang}/customer-journey/moments-of-truth/index.html")
    site_name = translated(home, config["site_name"])
    assert lesson.find(".//title").text == translated(
        polib.pofile(str(ROOT / "locales" / lang / "LC_MESSAGES" / "content" / "customer-journey" / "moments-of-truth.po")),
        "Moments of truth") + title_dash + site_name
    providers = [_json.loads(s.text)["provider"]["name"] for s in lesson.iter("script")
                 if s.get("type") == "application/ld+json" and "provider" in s.text]
    assert providers == [translated(home, config["plugins"][0]["academy"]["provider"])]


@pytest.mark.parametrize("lang", ["", "fil/", "ru/"])
def test_the_home_pages_tab_title_says_the_academys_name_once(academy_site, lang):
    """The home page's title is the academy's name: its <title> is that name, not "name - name"."""
    home = parse(academy_site, f"{lang}index.html")
    name = "".join(home.find(".//h1").itertext()).strip()
    assert home.find(".//title").text == name
    lesson = parse(academy_site, f"{lang}customer-journey/moments-of-truth/index.html")
    assert lesson.find(".//title").text.endswith(name)  # every other page still names it after its own title
