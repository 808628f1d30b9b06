"""A counted phrase takes the plural form CLDR gives the number as the sentence shows it (a fraction, or a whole
number written with decimals, takes the fractions' form: '12,5 очка', '1.0 points'), in every language; a value
that ends with an abbreviation's point takes no second full stop ('9 марта 2021 г.', never 'г..'); and a number
never parts from its unit at a line's end."""

from __future__ import annotations

import datetime as dt
import gettext

import pytest
from babel.messages.plurals import get_plural
from babel.plural import to_gettext

from game.content.line_breaks import break_opportunities
from game.content.locale_format import (
    KILOGRAM,
    KILOMETRE,
    METRE,
    METRE_PER_SECOND,
    Percent,
    Quantity,
    catalog_form,
    cldr_locale,
    plural_category,
)
from game.content.message import fill_in, say, say_n
from game.content.ui_text import Translator, load_translator
from game.paths import assets_dir

SHIPPED = [assets_dir() / "lang"]
POINTS = ("{count:,g} point has reached Earth.", "{count:,g} points have reached Earth.")


@pytest.mark.parametrize(("count", "russian"), [
    (12.5, "12,5 очка дошли до Земли."),
    (1, "1 очко дошло до Земли."),
    (2, "2 очка дошли до Земли."),
    (5, "5 очков дошло до Земли."),
    (21, "21 очко дошло до Земли."),
    (1.5, "1,5 очка дошли до Земли."),
    (21.0, "21 очко дошло до Земли."),  # ':g' shows no decimals: a whole number
])
def test_russian_counts_take_cldrs_form_fractions_included(count: float, russian: str) -> None:
    assert load_translator("ru", SHIPPED)(say_n(*POINTS, count)) == russian


@pytest.mark.parametrize(("count", "english", "chinese"), [
    (12.5, "12.5 points have reached Earth.", "已有 12.5 点送回地球。"),
    (1, "1 point has reached Earth.", "已有 1 点送回地球。"),
    (1.5, "1.5 points have reached Earth.", "已有 1.5 点送回地球。"),
    (21, "21 points have reached Earth.", "已有 21 点送回地球。"),
])
def test_english_and_chinese_counts_take_their_forms(count: float, english: str, chinese: str) -> None:
    assert str(say_n(*POINTS, count)) == english
    assert load_translator("zh", SHIPPED)(say_n(*POINTS, count)) == chinese


def test_a_whole_number_shown_with_decimals_takes_the_fractions_form() -> None:
    # CLDR reads the number as written: '1.0' and '5,0' have a visible decimal, so English says 'points' and
    # Russian 'очка', as for 12.5.
    phrase = ("{count:.1f} point", "{count:.1f} points")
    assert str(say_n(*phrase, 1.0)) == "1.0 points"
    assert str(say_n(*phrase, 1)) == "1.0 points"
    russian = load_translator("ru", SHIPPED)
    assert [russian(say_n(*phrase, count)) for count in (5.0, 21.0, 12.5)] == ["5,0 очка", "21,0 очка", "12,5 очка"]


@pytest.mark.parametrize(("shown", "language", "category"), [
    ("12.5", "ru", "other"), ("1", "ru", "one"), ("2", "ru", "few"), ("5", "ru", "many"), ("21", "ru", "one"),
    ("21.0", "ru", "other"), ("1.5", "en", "other"), ("1", "en", "one"), ("1.0", "en", "other"),
    ("1.5", "zh", "other")])
def test_the_plural_category_reads_the_number_as_shown(shown: str, language: str, category: str) -> None:
    assert plural_category(shown, language) == category


def test_a_fraction_maps_to_every_catalogs_form_whatever_its_header() -> None:
    usual = get_plural("ru")  # gettext's three Russian forms: fractions share the 'few' form ('2 очка', '1,5 очка')
    assert catalog_form("other", "ru", gettext.c2py(usual.plural_expr), usual.num_plurals) == 1
    # A header written from CLDR's four Russian categories has a form of its own for fractions: it is used.
    nplurals, expression = to_gettext(cldr_locale("ru").plural_form).split(";")[:2]
    rule = gettext.c2py(expression.split("=", 1)[1].strip())
    assert catalog_form("other", "ru", rule, int(nplurals.split("=")[1])) == 3
    assert catalog_form("other", "en", gettext.c2py(get_plural("en").plural_expr), 2) == 1
    assert catalog_form("other", "zh", lambda count: 0, 1) == 0
    assert catalog_form("one", "ru", gettext.c2py(usual.plural_expr), usual.num_plurals) == 0


def test_each_number_of_a_sentence_takes_its_own_form() -> None:
    # Days and points in one sentence: the points are a counted phrase of their own, no longer a fixed 'очков'.
    points = say_n("{count:.1f} point", "{count:.1f} points", 12.5)
    sentence = say_n("{name} received {points} (game value) of new data on {domain}. They had some {count} day ago: "
                     "welcome, but routine.",
                     "{name} received {points} (game value) of new data on {domain}. They had some {count} days ago: "
                     "welcome, but routine.", 5, name="ESA", points=points, domain=say("lunar geology"))
    assert sentence == ("ESA received 12.5 points (game value) of new data on lunar geology. They had some 5 days ago: "
                        "welcome, but routine.")
    assert load_translator("ru", SHIPPED)(sentence) == (
        "ESA получает 12,5 очка (игровое значение) новых данных по теме «лунная геология». Они получали данные 5 "
        "дней назад: приятно, но привычно.")
    assert load_translator("zh", SHIPPED)(sentence) == (
        "ESA收到了 12.5 点（游戏设定值）关于月球地质的新数据。他们 5 天前刚收到过一些：受欢迎，但只是例行公事。")


def test_a_date_ending_in_an_abbreviation_takes_no_second_full_stop() -> None:
    sentence = say("The facts were last checked against their sources on {date}.", date=dt.date(2026, 3, 9))
    russian = load_translator("ru", SHIPPED)(sentence)
    assert russian.endswith("9 марта 2026\u202fг.") and not russian.endswith("..")
    assert str(sentence).endswith("9 March 2026.")
    assert Translator("ru")("{text} (Real date: {date}.)", text="A", date=dt.date(2026, 3, 9)).endswith("г.)")


@pytest.mark.parametrize(("pattern", "values", "written"), [
    ("Ends {a}.", {"a": "etc."}, "Ends etc."),
    ("Ends {a}.", {"a": "here"}, "Ends here."),
    ("{a}. Then {b}.", {"a": "Done.", "b": "more"}, "Done. Then more."),
    ("Wait {a}...", {"a": "so"}, "Wait so..."),  # an ellipsis of the pattern stays whole
    ("{{literal}}.", {}, "{literal}."),
    ("{a:.1f}.", {"a": 2.0}, "2.0."),
])
def test_a_full_stop_after_a_field_is_dropped_only_after_a_point(pattern: str, values: dict[str, object],
                                                                 written: str) -> None:
    assert fill_in(pattern, values) == written


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
@pytest.mark.parametrize("worded", [Quantity(30, METRE), Quantity(7500, KILOGRAM), Quantity(2.5, METRE_PER_SECOND, 1),
                                    Quantity(12, KILOMETRE), Percent(0.9)])
def test_a_number_and_its_unit_are_never_parted_by_a_line_break(language: str, worded: Quantity | Percent) -> None:
    text = f"Move {worded.text(language)} north"
    start, end = len("Move "), len("Move ") + len(worded.text(language))
    assert [index for index in break_opportunities(text) if start < index < end] == []
    assert " " not in worded.text(language)
