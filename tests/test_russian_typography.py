"""Russian text is typeset as a Russian editor expects, in every shipped catalog.

The rules of Мильчин's handbook that a phone screen makes visible: a dash never starts a
line, a one-letter word never ends one, «53 %» keeps its sign, ranges of digits take an
en dash, a number (or a {count}) keeps its unit, an ellipsis is one character, a full stop after a quotation stands
outside », a table cell ends without one, a dash between words is never a hyphen or an en dash, and a quotation
inside a quotation takes „лапки“.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = sorted((ROOT / "locales" / "ru" / "LC_MESSAGES").rglob("*.po"))

RULES = {
    "a dash after an ordinary space can start a line; put a no-break space before —": re.compile(r"(?<=[^\u00a0\n]) —"),
    "a one-letter word before an ordinary space can end a line; bind it with a no-break space":
        re.compile(r"(?<![\w\-])[вскиаоуяВСКИАОУЯ] (?=[\w*_\[«(„])"),
    "a percent sign takes a no-break space after its number (53\u00a0%)": re.compile(r"\d(?:%| %)"),
    "a number keeps its unit on the same line; bind them with a no-break space (3–7\u00a0секунд)":
        re.compile(r"\d (?=(?:секунд[аы]?|минут[аы]?|час(?:а|ов)?|дн(?:я|ей)|день|недел[ьяи]|месяц(?:а|ев)?|"
                   r"год(?:а)?|лет|сесси[йяи]|рубл(?:ь|я|ей))(?![а-яё]))"),
    "a range of digits takes an en dash (3–7), not a hyphen": re.compile(r"(?<![\w-])\d+-\d+(?![\w-])"),
    "three full stops are one ellipsis character (…)": re.compile(r"\.\.\."),
    "a full stop after a quotation stands outside the closing »": re.compile(r"\.»"),
    "Russian quotes are «ёлочки», not straight quotes": re.compile(r'"'),
    "a counted noun stays on the line of its {count}; bind them with a no-break space ({count}\u00a0вопросов)":
        re.compile(r"\{(?:count|total)\} (?=[а-яёА-ЯЁ])"),
    "a dash between words is an em dash (—), not a hyphen or an en dash between spaces":
        re.compile(r"(?<=[\w»).,!?…])[ \u00a0][-–][ \u00a0]"),
    "a quotation inside a quotation takes „лапки“, not a second pair of «ёлочек»": re.compile(r"«[^»]*«"),
}


def translations():
    for path in CATALOGS:
        for entry in polib.pofile(str(path)):
            texts = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
            for text in texts:
                yield path.relative_to(ROOT), entry.linenum, text


@pytest.mark.parametrize("rule", list(RULES))
def test_russian_catalogs_follow_the_rule(rule):
    found = [f"{path}:{line}: …{text[max(0, m.start() - 20):m.end() + 20]}…"
             for path, line, text in translations() for m in RULES[rule].finditer(text)]
    assert not found, rule + "\n" + "\n".join(found)


@pytest.mark.parametrize("text, rule", [
    ("Продажа — разовое событие", 0), ("купит ли клиент и вернётся ли", 1), ("в уроке о [вовлечённости](x.md)", 1),
    ("говорят о *новых* клиентах", 1), ("а «скоро» — не обещание", 1), ("53% покупателей", 2),
    ("через 15 минут", 3), ("первые 3-7 секунд", 4), ("Как уже было сказано...", 5), ("«Извините за неудобства.»", 6),
    ('"Спасибо"', 7), ("Тест: {count} вопросов", 8), ("из {total} вопроса", 8),
    ("Продажа - разовое событие", 9), ("Продажа\u00a0– разовое событие", 9), ("«Помните» - это важно", 9),
    ("Клиент пишет: «Мне ответили «скоро», и\u00a0всё»", 10),
])
def test_each_rule_catches_what_it_is_for(text, rule):
    """No rule that cannot fail: each one flags the slip the Russian review found."""
    assert list(RULES.values())[rule].search(text)


def test_the_rules_leave_correct_typesetting_alone():
    good = ("Продажа\u00a0— разовое событие, 53\u00a0% покупателей, первые 3–7\u00a0секунд, трёх-пяти дней, "
            "Wi-Fi, B2B-клиенты, «Как я\u00a0уже говорил…», «Надо было читать инструкцию». 12\u00a0000\u00a0сессий, "
            "шаги 2 и\u00a03 часто, 200 из них, {correct} из {total}\u00a0вопроса, Тест: {count}\u00a0вопросов, "
            "B2B- и\u00a0B2C-клиенты, «Мне ответили „скоро“, и\u00a0всё», «нет»\u00a0— например")
    assert [rule for rule, pattern in RULES.items() if pattern.search(good)] == []


def full_stops_ending_cells(messages) -> list[str]:
    """Where `messages` ([(where, comment, msgstr)]) end a table cell with a full stop (TRANSLATING.md)."""
    return [f"{where}: a table cell ends without a full stop, even where the English has one: …{text[-40:]}"
            for where, comment, text in messages
            if "table cell" in comment and text.rstrip().endswith(".")]


def test_no_table_cell_ends_with_a_full_stop():
    messages = [(f"{path.relative_to(ROOT)}:{e.linenum}", e.comment, e.msgstr)
                for path in CATALOGS for e in polib.pofile(str(path)) if not e.obsolete and not e.msgid_plural]
    assert len([m for m in messages if "table cell" in m[1]]) > 20, "the table cells were not found"
    slips = full_stops_ending_cells(messages)
    assert not slips, "\n".join(slips)


def test_the_table_cell_rule_catches_what_it_is_for():
    assert full_stops_ending_cells([("a", "table cell", "Понятно и\u00a0честно объясняйте цены.")])
    assert not full_stops_ending_cells([("b", "table cell", "Извините за неудобства"), ("c", "paragraph", "Цены.")])
