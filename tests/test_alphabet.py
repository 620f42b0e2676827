"""Alphabetical order as each language's readers expect it, for the glossary."""

from __future__ import annotations

from academy.alphabet import initial, sort_key


def ordered(terms: list[str], lang: str) -> list[str]:
    return sorted(terms, key=lambda term: sort_key(term, lang))


def test_english_ignores_case_and_puts_a_shorter_word_first():
    assert ordered(["Customer", "CSAT", "Churn rate", "churned", "Churn", "B2C", "b2b"], "en") == [
        "b2b", "B2C", "Churn", "Churn rate", "churned", "CSAT", "Customer"]


def test_russian_puts_yo_after_ye_and_latin_terms_after_its_own_letters():
    assert ordered(["Эмпатия", "CSAT", "Ёмкость", "Ель", "«Болевая точка»", "Яблоко", "Апельсин", "B2B"], "ru") == [
        "Апельсин", "«Болевая точка»", "Ель", "Ёмкость", "Эмпатия", "Яблоко", "B2B", "CSAT"]


def test_a_term_comes_before_the_same_term_followed_by_more_words_even_with_an_aside():
    assert ordered(["Момент истины меньше нуля (less than zero)", "Момент истины (moment of truth)"], "ru") == [
        "Момент истины (moment of truth)", "Момент истины меньше нуля (less than zero)"]


def test_filipino_counts_enye_and_ng_as_letters_after_n():
    assert ordered(["Ngiti", "Oo", "Ñino", "Nuno", "Mata"], "fil") == ["Mata", "Nuno", "Ñino", "Ngiti", "Oo"]
    assert [initial(t, "fil") for t in ("ngiti", "Nuno", "«Ñino»")] == ["NG", "N", "Ñ"]
    assert initial("ngiti", "en") == "N"
