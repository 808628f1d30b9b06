"""Dates and numbers in the player's language, by CLDR's rules through Babel: the one place they are worded.

    format_date(date(2021, 3, 9), "zh")  ->  "2021年3月9日"
    format_date(date(2021, 3, 9), "ru")  ->  "9 марта 2021 г."
    format_date(date(2021, 3, 9), "en")  ->  "9 March 2021"

English is written the British way (en_GB), as the game's English is. A number filled into a translated
sentence keeps the format the sentence asks for ({mass:.1f}, {budget:,.0f}) and takes the language's own
decimal sign and digit grouping ("3,5 т", "12 000"): the translator wraps each number in a `LocalNumber`.
A language CLDR does not know is written as English.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton
from babel.numbers import format_compact_decimal

ENGLISH_LOCALE = "en_GB"  # the game's English: "9 March 2021", "programme", "colour"


@functools.lru_cache(maxsize=32)
def cldr_locale(language: str) -> Locale:
    """The CLDR locale for a language code as the settings name it ('zh', 'ru', 'pt-BR'); English otherwise."""
    if language.split("-")[0] == "en":
        return Locale.parse(ENGLISH_LOCALE)
    try:
        return Locale.parse(language.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return Locale.parse(ENGLISH_LOCALE)


def format_date(date: dt.date, language: str = "en") -> str:
    """The day written out as the language writes a date in a sentence (CLDR's long date)."""
    return babel_format_date(date, format="long", locale=cldr_locale(language))


def format_day_and_month(date: dt.date, language: str = "en") -> str:
    """The day and the month's short name as the language writes them: '23 Apr', '23 апр.', '4月23日'."""
    return format_skeleton("MMMd", date, locale=cldr_locale(language))


@functools.lru_cache(maxsize=32)
def number_signs(language: str) -> tuple[str, str]:
    """The language's decimal sign and digit-group separator (Latin digits)."""
    symbols = cldr_locale(language).number_symbols.get("latn", {})
    return symbols.get("decimal", "."), symbols.get("group", ",")


class LocalNumber:
    """A number that formats itself (with any Python format spec) in a language's decimal sign and grouping."""

    __slots__ = ("decimal", "group", "value")

    def __init__(self, value: int | float, language: str) -> None:
        self.value = value
        self.decimal, self.group = number_signs(language)

    def __format__(self, spec: str) -> str:
        text = format(self.value, spec)
        if self.decimal == "." and self.group == ",":
            return text
        # Python writes ',' for groups and '.' for the decimal sign: swap them for the language's in one pass.
        return text.translate({ord(","): self.group, ord("."): self.decimal})

    def __str__(self) -> str:
        return self.__format__("")

    def __repr__(self) -> str:
        return f"LocalNumber({self.value!r})"


# A number as Python's format() writes one ('12,345.7', '-3.5', '+12', '86%'): code that formats a number before
# filling it in ('{amount}' with amount=f"{x:,.0f}") still gets the language's signs through `local_digits`.
_FORMATTED_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$")


def local_digits(text: str, language: str) -> str:
    """`text` with the language's decimal sign and grouping when it is a number as Python formats one; any
    other text as it is."""
    decimal, group = number_signs(language)
    if (decimal, group) == (".", ",") or not _FORMATTED_NUMBER.match(text):
        return text
    return text.translate({ord(","): group, ord("."): decimal})


def compact_number(value: float, language: str = "en") -> str:
    """A round value written short the language's way, for an axis: '12K' and '1.5M', '12 тыс.' and '1,5 млн',
    '1.2万'; below a thousand, as format_number writes it with at most one decimal."""
    if abs(value) < 1000:
        return format_number(value, language, 0 if value == round(value) else 1)
    # English by CLDR's root English ('1.5M'): British English writes '1.5m', which reads as metres on a graph.
    locale = Locale.parse("en") if language.split("-")[0] == "en" else cldr_locale(language)
    return format_compact_decimal(value, format_type="short", locale=locale, fraction_digits=1)


def format_number(value: int | float, language: str = "en", decimals: int | None = None,
                  grouped: bool = True) -> str:
    """`value` in the language's way: its decimal sign, its digit grouping; `decimals` fixes the decimals."""
    spec = ("," if grouped else "") + (f".{decimals}f" if decimals is not None else "")
    return format(LocalNumber(value, language), spec)


def plural_category(shown: str, language: str) -> str:
    """CLDR's plural category of a number as a sentence shows it ('12.5', '5.0', '21'): 'one', 'few', 'other'...
    Visible decimals count, as CLDR says: Russian '21' is 'one', '21.0' and '12.5' are 'other'."""
    return str(cldr_locale(language).plural_form(decimal.Decimal(shown)))


@functools.lru_cache(maxsize=256)
def catalog_form(category: str, language: str, rule: Callable[[int], int], form_count: int) -> int:
    """The form (msgstr index) of a catalog whose gettext `rule` knows whole numbers only that a number of CLDR's
    `category` takes: the form of the first whole number in the category; for a category of fractions only
    (Russian 'other': '12,5 очка') the catalog's form no whole number reaches, when it has one (a header written
    from CLDR), else the 'few' form (Russian, Ukrainian: '2 очка', the same words), else the 'other' form."""
    locale = cldr_locale(language)
    whole_numbers = range(200)
    first = next((number for number in whole_numbers if locale.plural_form(number) == category), None)
    if first is not None:
        return rule(first)
    reached = {rule(number) for number in whole_numbers}
    spare = [index for index in range(form_count) if index not in reached]
    if spare:
        return spare[0]
    for fallback in ("few", "other"):
        first = next((number for number in whole_numbers if locale.plural_form(number) == fallback), None)
        if first is not None:
            return rule(first)
    return rule(2)


# Units by CLDR's names (babel.units): the game's quantities, written in each language's short form ("5 kg",
# "5 кг"), so no table of unit words lives in the game.
KILOGRAM = "mass-kilogram"
TONNE = "mass-tonne"
WATT = "power-watt"
KILOWATT = "power-kilowatt"
KILOWATT_HOUR = "energy-kilowatt-hour"
NEWTON = "force-newton"
METRE = "length-meter"
KILOMETRE = "length-kilometer"
METRE_PER_SECOND = "speed-meter-per-second"
METRE_PER_SECOND_SQUARED = "acceleration-meter-per-square-second"

# Languages whose glossary writes SI units by their international symbols, spaced as in English ('5 kW', '12 kWh',
# '7,500 N'): Chinese science writing does (GB 3100; assets/lang/glossary/zh.md), while CLDR's Chinese short form
# mixes symbols and words on one display ('120 kg' and 'm/s' beside '5千瓦', '7,500牛', '12.5米'). Their quantities
# take the English short pattern and keep their own digits.
SI_SYMBOL_LANGUAGES = frozenset({"zh"})
DEFAULT_UNIT_LANGUAGE = "en"

# CLDR writes a few signs the bundled fonts lack: each is replaced by the sign of the same meaning that they have
# (Russian kilowatt-hours, written with the dot operator U+22C5, take the middle dot U+00B7 instead, as Russian
# print writes 'кВт·ч').
_SIGNS_THE_FONTS_LACK = {ord("\u22c5"): "\u00b7", ord("\u202f"): "\u00a0"}
MINUS = "\u2212"  # a signed quantity's minus, the typographic one ('−800 W')
# A number and its unit stay on one line ('30 m' never ends one line with '30'): the space CLDR writes between them
# becomes a no-break space, which the text wrapping (game/content/line_breaks.py) never breaks at.
NO_BREAK_SPACE = "\u00a0"


class Worded:
    """A value a screen words in the player's language when it fills it into a sentence (`text(language)`), and
    that reads as English anywhere else."""

    __slots__ = ()

    def text(self, language: str = "en") -> str:
        raise NotImplementedError

    def __str__(self) -> str:
        return self.text()

    def __format__(self, spec: str) -> str:
        return format(self.text(), spec)


@dataclass(frozen=True, slots=True)
class UnitSymbol(Worded):
    """A unit on its own, as a chart's title names it: 'm/s', 'м/с' (CLDR's short form)."""

    unit: str

    def text(self, language: str = "en") -> str:
        return unit_symbol(self.unit, language)


@dataclass(frozen=True, slots=True)
class Quantity(Worded):
    """A measured amount in a CLDR unit, written in each language's way: `str()` is the English ('7,500 kg'),
    `text(language)` the language's ('7 500 кг'). `decimals` fixes the decimals shown; None shows up to three, as
    many as the value needs (as Python's `:g`). A `signed` quantity always shows its sign ('+10 kW', '−800 W')."""

    value: float
    unit: str
    decimals: int | None = None
    signed: bool = False

    def text(self, language: str = "en") -> str:
        return format_quantity(self.value, self.unit, language, self.decimals, self.signed)


def _number_text(value: float, language: str, decimals: int | None) -> str:
    """`value` with the language's signs: `decimals` decimals, or (None) as many as it needs up to three."""
    if decimals is not None:
        return format(LocalNumber(value, language), f",.{decimals}f")
    number = format(LocalNumber(value, language), ",.3f")
    decimal = number_signs(language)[0]
    return number.rstrip("0").rstrip(decimal) if decimal in number else number


@dataclass(frozen=True, slots=True)
class Percent(Worded):
    """A share (0.45 is 45 percent) as the language writes a percentage: '45%', '45 %' (Russian, with a no-break
    space), '45%' (Chinese), by CLDR's percent pattern. `decimals` as in Quantity (whole percent by default); a
    `signed` one always shows its sign ('+10%', '−5 %')."""

    share: float
    decimals: int | None = 0
    signed: bool = False

    def text(self, language: str = "en") -> str:
        return format_percent(self.share, language, self.decimals, self.signed)


def format_percent(share: float, language: str = "en", decimals: int | None = 0, signed: bool = False) -> str:
    """The share (0..1) as a percentage in the language's way (CLDR's percent pattern): the one place a
    percentage is worded for players."""
    shown = abs(share) if signed else share
    text = _percent_pattern(language).replace("{0}", _number_text(shown * 100, language, decimals))
    if signed:
        text = ("+" if share >= 0 else MINUS) + text
    return text


@functools.lru_cache(maxsize=32)
def _percent_pattern(language: str) -> str:
    """CLDR's percent pattern for the language with {0} for the number ('{0}%', '{0}\u00a0%', '%{0}' in Turkish)."""
    from babel.numbers import format_percent as babel_format_percent

    locale = cldr_locale(language)
    return _glued(babel_format_percent(0.07, locale=locale).replace("7", "{0}", 1).translate(_SIGNS_THE_FONTS_LACK))


def format_quantity(value: float, unit: str, language: str = "en", decimals: int | None = None,
                    signed: bool = False) -> str:
    """`value` of the CLDR `unit` as the language writes it short ('5 kg', '5 кг'), its number with the
    language's decimal sign and grouping (Chinese: SI symbols, see SI_SYMBOL_LANGUAGES); an unknown unit raises
    babel.units.UnknownUnitError."""
    shown = abs(value) if signed else value
    number = _number_text(shown, language, decimals)
    patterns = _unit_patterns(unit, language)
    # The usual short form has one pattern whatever the count: no plural to work out (Babel's plural_form is slow).
    if len(set(patterns.values())) == 1 or not math.isfinite(shown):
        pattern = next(iter(patterns.values()))
    else:
        category = cldr_locale(language).plural_form(abs(round(shown, 3 if decimals is None else decimals)))
        pattern = patterns.get(category) or patterns["other"]
    text = pattern.replace("{0}", number)
    if signed:
        text = ("+" if value >= 0 else MINUS) + text
    return text


def unit_symbol(unit: str, language: str = "en") -> str:
    """The unit's short symbol in the language, as its quantities show it ('kg', 'кг')."""
    return _unit_patterns(unit, language)["other"].replace("{0}", "").strip()


@functools.lru_cache(maxsize=256)
def _unit_patterns(unit: str, language: str) -> dict[str, str]:
    """CLDR's short patterns for `unit` in the language by plural category ({'one': '{0} кг', ...}), read once
    through Babel's public format_unit with a number of each category (the landing's panel words quantities every
    frame)."""
    from babel.numbers import format_decimal
    from babel.units import format_unit  # Babel's unit tables load only once a quantity is worded

    locale = cldr_locale(DEFAULT_UNIT_LANGUAGE if language.split("-")[0] in SI_SYMBOL_LANGUAGES else language)
    patterns = {}
    for category in sorted(locale.plural_form.tags | {"other"}):
        sample: float = next((number for number in range(200) if locale.plural_form(number) == category), -1)
        if sample < 0:  # a category of fractions only (Russian 'other': 1,5 кг)
            sample = next((number + 0.5 for number in range(200) if locale.plural_form(number + 0.5) == category),
                          0.5)
        written = format_decimal(sample, "0.#", locale=locale)
        text = format_unit(sample, unit, length="short", format="0.#", locale=locale)
        patterns[category] = _glued(text.replace(written, "{0}", 1).translate(_SIGNS_THE_FONTS_LACK))
    return patterns


def _glued(pattern: str) -> str:
    """A CLDR pattern ('{0} kg', '{0} %') with the space beside its number made a no-break space."""
    return pattern.replace("{0} ", "{0}" + NO_BREAK_SPACE).replace(" {0}", NO_BREAK_SPACE + "{0}")


def format_list(items: Iterable[object], language: str = "en", style: Literal["standard", "or"] = "standard") -> str:
    """The items as the language lists them in a sentence ('a, b and c', 'a, b и c', 'a、b和c'): CLDR's pattern;
    `style` "or" lists alternatives ('a, b or c')."""
    from babel.lists import format_list as babel_format_list

    words = [str(item) for item in items]
    return babel_format_list(words, style=style, locale=cldr_locale(language)) if words else ""
