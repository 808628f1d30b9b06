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
import functools
import re

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date

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


def format_number(value: int | float, language: str = "en", decimals: int | None = None,
                  grouped: bool = True) -> str:
    """`value` in the language's way: its decimal sign, its digit grouping; `decimals` fixes the decimals."""
    spec = ("," if grouped else "") + (f".{decimals}f" if decimals is not None else "")
    return format(LocalNumber(value, language), spec)


@functools.lru_cache(maxsize=256)
def _integer_like(language: str, category: str) -> int | None:
    """The smallest whole number CLDR puts in `category` for the language; None when only fractions are there."""
    locale = cldr_locale(language)
    return next((number for number in range(200) if locale.plural_form(number) == category), None)


def plural_stand_in(count: float, language: str) -> int:
    """A whole number that takes the same plural form as the fraction `count` in the language (gettext's rules
    know whole numbers only): one CLDR puts in the same category, else 2 (Russian '1,5 дня' reads like 2)."""
    stand_in = _integer_like(language, cldr_locale(language).plural_form(abs(count)))
    return 2 if stand_in is None else stand_in
