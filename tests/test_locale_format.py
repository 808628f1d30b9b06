"""Dates and numbers in the player's language come from CLDR through Babel (game/content/locale_format.py), and a
counted phrase takes the plural form each language's rule gives its count, fractions included."""

from __future__ import annotations

import datetime as dt

import pytest

from game.content.locale_format import (
    LocalNumber,
    cldr_locale,
    compact_number,
    format_date,
    format_number,
    local_digits,
)
from game.content.message import say, say_n
from game.content.ui_text import ENGLISH, Translator


@pytest.mark.parametrize(("language", "number", "decimals", "words"), [
    ("en", 12345.678, 1, "12,345.7"), ("zh", 12345.678, 1, "12,345.7"), ("ru", 12345.678, 1, "12\xa0345,7"),
    ("fr", 3.5, 1, "3,5"), ("pt-BR", 1234567, 0, "1.234.567"), ("xx", 0.25, 2, "0.25")])
def test_numbers_take_each_languages_decimal_sign_and_grouping(language: str, number: float, decimals: int,
                                                                words: str) -> None:
    assert format_number(number, language, decimals) == words


def test_a_translated_sentence_writes_its_numbers_the_languages_way_keeping_the_format_it_asks_for() -> None:
    sentence = say("Mass: {mass:,.1f} kg, {share:.0%} left", mass=12345.25, share=0.5)
    assert sentence == "Mass: 12,345.2 kg, 50% left"
    assert Translator("ru")(sentence) == "Mass: 12\xa0345,2 kg, 50% left"
    assert Translator("zh")(sentence) == "Mass: 12,345.2 kg, 50% left"
    assert f"{LocalNumber(2.5, 'de'):.2f}" == "2,50"


def test_a_number_the_code_formatted_itself_still_reads_the_languages_way() -> None:
    assert Translator("ru")("{amount} cr", amount=f"{1500.5:,.1f}") == "1\xa0500,5 cr"
    assert local_digits("v1.2.3", "ru") == "v1.2.3"  # not a number: as it is
    assert local_digits("Shackleton", "ru") == "Shackleton"
    assert ENGLISH("{amount} cr", amount="1,500.5") == "1,500.5 cr"


@pytest.mark.parametrize(("language", "words"), [
    ("en", "9 March 2021"), ("zh", "2021年3月9日"), ("ru", "9 марта 2021\u202fг."), ("xx", "9 March 2021")])
def test_dates_are_written_as_each_language_writes_them(language: str, words: str) -> None:
    assert format_date(dt.date(2021, 3, 9), language) == words


def test_an_unknown_language_is_worded_as_english() -> None:
    assert str(cldr_locale("xx")) == str(cldr_locale("en")) == "en_GB"
    assert str(cldr_locale("pt-BR")) == "pt_BR"


def test_a_fractional_count_takes_the_form_cldr_gives_fractions() -> None:
    russian = Translator("ru", plurals={"{count:g} day": ("{count:g} день", "{count:g} дня", "{count:g} дней")},
                         plural_rule=lambda n: 0 if n % 10 == 1 and n % 100 != 11 else
                         1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2)
    assert russian(say_n("{count:g} day", "{count:g} days", 1.5)) == "1,5 дня"
    assert russian(say_n("{count:g} day", "{count:g} days", 21)) == "21 день"
    assert russian(say_n("{count:g} day", "{count:g} days", 1.0)) == "1 день"
    assert say_n("{count:g} day", "{count:g} days", 1.5) == "1.5 days"
    assert say_n("{count:g} day", "{count:g} days", 1.0) == "1 day"


@pytest.mark.parametrize(("language", "written"), [
    ("en", ["0", "2.5", "800", "1K", "12K", "1.5M"]),
    ("ru", ["0", "2,5", "800", "1\u00a0тыс.", "12\u00a0тыс.", "1,5\u00a0млн"]),
    ("zh", ["0", "2.5", "800", "1000", "1.2万", "150万"]),
])
def test_a_graph_s_round_values_are_written_short_the_language_s_way(language: str, written: list[str]) -> None:
    # The debrief graph's value axis: '12 тыс.' in Russian, not '12k' nor '1,000' with an English comma.
    assert [compact_number(value, language) for value in (0, 2.5, 800, 1000, 12_000, 1_500_000)] == written
