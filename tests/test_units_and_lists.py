"""Units, lists and counted words follow the player's language: quantities in CLDR's short unit forms, lists in
CLDR's list patterns, and every 'credits' phrase through the plural rules (Russian one/few/many)."""

from __future__ import annotations

import pytest

from game.content.locale_format import (
    KILOGRAM,
    KILOWATT,
    KILOWATT_HOUR,
    METRE_PER_SECOND,
    NEWTON,
    TONNE,
    WATT,
    Percent,
    Quantity,
    format_list,
    unit_symbol,
)
from game.content.message import Alternatives, list_text, quantity_text, say, say_n, unit_text
from game.content.ui_text import ENGLISH, Translator, load_translator
from game.paths import assets_dir

SHIPPED = [assets_dir() / "lang"]


# A number and its unit are joined by a no-break space (U+00A0), so a line never ends between them.
@pytest.mark.parametrize(("quantity", "en", "ru", "zh"), [
    (Quantity(7500, KILOGRAM), "7,500\xa0kg", "7\xa0500\xa0кг", "7,500\xa0kg"),
    (Quantity(12.5, TONNE, 1), "12.5\xa0t", "12,5\xa0т", "12.5\xa0t"),
    (Quantity(5, KILOWATT), "5\xa0kW", "5\xa0кВт", "5\xa0kW"),
    (Quantity(-800, WATT, signed=True), "−800\xa0W", "−800\xa0Вт", "−800\xa0W"),
    (Quantity(3.2, KILOWATT, 1, signed=True), "+3.2\xa0kW", "+3,2\xa0кВт", "+3.2\xa0kW"),
    (Quantity(12, KILOWATT_HOUR), "12\xa0kWh", "12\xa0кВт·ч", "12\xa0kWh"),  # the fonts' middle dot, not CLDR's '⋅'
    (Quantity(2.54, METRE_PER_SECOND, 1), "2.5\xa0m/s", "2,5\xa0м/с", "2.5\xa0m/s"),
    (Quantity(7500, NEWTON), "7,500\xa0N", "7\xa0500\xa0Н", "7,500\xa0N"),
    (Percent(0.45), "45%", "45\xa0%", "45%"),
])
def test_a_quantity_is_written_in_each_languages_short_unit_form(quantity: Quantity | Percent, en: str, ru: str,
                                                                 zh: str) -> None:
    assert str(quantity) == en
    assert (quantity.text("ru"), quantity.text("zh")) == (ru, zh)
    # Through a sentence and on its own, a screen shows it in the player's language.
    assert Translator("ru")(quantity_text(quantity)) == ru
    assert Translator("ru")("Mass: {mass}", mass=quantity) == f"Mass: {ru}"


def test_chinese_writes_si_symbols_as_its_glossary_does_not_cldrs_mix_of_symbols_and_words() -> None:
    # CLDR's Chinese short form would give '5千瓦' beside '120 kg' on one bar; the glossary writes '5 kW'.
    assert [unit_symbol(unit, "zh") for unit in (KILOGRAM, KILOWATT, NEWTON)] == ["kg", "kW", "N"]
    assert ENGLISH(unit_text(KILOWATT_HOUR)) == "kWh"
    assert Translator("ru")(unit_text(KILOWATT_HOUR)) == "кВт·ч"


def test_a_core_sentence_with_a_quantity_reads_english_and_shows_translated() -> None:
    sentence = say("You carry {mass} of their payload", mass=Quantity(250, KILOGRAM))
    assert sentence == "You carry 250\xa0kg of their payload"
    tr = load_translator("ru", SHIPPED)
    assert tr(sentence) == "Вы доставляете 250\xa0кг их полезного груза"
    assert load_translator("zh", SHIPPED)(sentence) == "你运送他们的 250\xa0kg 载荷"


@pytest.mark.parametrize(("language", "and_list", "or_list"), [
    ("en", "water, oxygen and food", "water, oxygen or food"),
    ("ru", "water, oxygen и food", "water, oxygen или food"),
    ("zh", "water、oxygen和food", "water、oxygen或food"),
])
def test_lists_take_each_languages_list_pattern(language: str, and_list: str, or_list: str) -> None:
    items = ["water", "oxygen", "food"]
    assert format_list(items, language) == and_list
    assert format_list(items, language, "or") == or_list
    tr = Translator(language)
    assert tr(list_text(items)) == and_list
    assert tr("{choices}", choices=Alternatives(items)) == or_list
    assert tr(list_text(["water"])) == "water"
    assert tr(list_text([])) == ""


def test_a_list_in_a_core_sentence_is_listed_in_the_players_language_item_by_item() -> None:
    sentence = say("Cancelled: {items}.", items=[say("a {thing}", thing="rover"), "a drill"])
    assert sentence == "Cancelled: a rover and a drill."
    tr = Translator("zh", {"Cancelled: {items}.": "已取消：{items}。", "a {thing}": "{thing}"})
    assert tr(sentence) == "已取消：rover和a drill。"


RUSSIAN_CREDITS = {0: "кредитов", 1: "кредит", 2: "кредита", 5: "кредитов", 11: "кредитов", 21: "кредит",
                   22: "кредита", 25: "кредитов"}


@pytest.mark.parametrize("count", sorted(RUSSIAN_CREDITS))
def test_credits_take_russians_plural_form_for_their_count(count: int) -> None:
    tr = load_translator("ru", SHIPPED)
    phrase = say_n("You get {count:,} credit (game value) back; the rest of its cost is lost.",
                   "You get {count:,} credits (game value) back; the rest of its cost is lost.", count)
    assert tr(phrase) == (f"Вам возвращается {count} {RUSSIAN_CREDITS[count]} (игровое значение); остальная "
                          "стоимость потеряна.")
    left = tr(say_n("{count:,} credit left", "{count:,} credits left", count))
    assert left.endswith(f" {count} {RUSSIAN_CREDITS[count]}")


def test_credits_in_english_are_one_credit_and_two_credits() -> None:
    phrase = ("{module}: {count:,} credit (game value). Click to order it.",
              "{module}: {count:,} credits (game value). Click to order it.")
    assert say_n(*phrase, 1, module="Battery") == "Battery: 1 credit (game value). Click to order it."
    assert say_n(*phrase, 2, module="Battery") == "Battery: 2 credits (game value). Click to order it."
    assert say_n(*phrase, 1500, module="Battery") == "Battery: 1,500 credits (game value). Click to order it."
    assert ENGLISH(say_n("{count:,} credit left", "{count:,} credits left", 1)) == "1 credit left"


def test_a_fraction_of_credits_takes_the_form_russian_gives_fractions() -> None:
    tr = load_translator("ru", SHIPPED)
    assert tr(say_n("{name} paid {count:.1f} credit (game value).", "{name} paid {count:.1f} credits (game value).",
                    12.5, name="ESA")) == "ESA платит 12,5 кредита (игровое значение)."
