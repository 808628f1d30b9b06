"""A sentence the headless core writes for the player, kept so any screen can show it in the player's language.

The simulation, the rules and the landing know nothing of the player's language, yet they word reasons
and news ("The solar array landed safely; assembly starts."). They write them with `say()`:

    say("The {cargo!l} landed safely; assembly starts.", cargo=spec.name)

The result is a `Message`: a `str` that reads as English everywhere (logs, tests, the command line),
and that also keeps its English pattern and the values filled in. A screen shows it with `ctx.tr(text)`,
which looks the pattern up in the player's language file and fills it in again. Filled-in values may be
level text (a `{en = ..., zh = ...}` table, shown in the player's language), other messages (translated
in turn), lists of those (listed as the language lists them: 'a, b and c', 'a、b和c'), or quantities with their
units (game.content.locale_format.Quantity: '5 kg', '5 кг'). `{name!l}` writes a name with a small first letter,
as English needs mid-sentence ("the solar array"); a language may drop the `!l`.

A counted phrase carries its count, so each language picks its own plural form (CLDR's rules: Russian has
three, Chinese one, English two):

    say_n("{count} launch", "{count} launches", launches)

tools/extract_ui_text.py collects every literal pattern given to `say()` and `say_n()` into assets/lang/game.pot.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from game.content.text import translate

if TYPE_CHECKING:
    from game.content.locale_format import Worded


# Names that keep their capital inside a sentence: 'build the Earth antenna', never 'the earth antenna'.
PROPER_NAMES = frozenset({"Earth", "Moon", "Sun", "Mars", "Земля", "Луна", "Солнце", "Марс"})


def lower_first(text: str) -> str:
    """'Solar array' → 'solar array', but 'ISRU plant' stays (a word in capitals is an acronym), and so does
    'Earth antenna' (a name)."""
    if (len(text) > 1 and text[:2].isupper()) or text.split(" ", 1)[0] in PROPER_NAMES:
        return text
    return text[:1].lower() + text[1:]


# `{name!l}` is not a conversion str.format knows: such a field is rewritten to name a lowered copy of the value,
# so filling in stays str.format_map, many times faster than a string.Formatter written in Python.
_LOWERED_FIELD = re.compile(r"\{(\w+)!l([:}])")
_LOWERED_SUFFIX = "\x00lower"


# A full stop that follows a field in the pattern ('… on {date}.') is written as this mark, then dropped when the
# value filled in already ends with a point ('9 марта 2021 г.', 'etc.'): one point ends both the abbreviation and
# the sentence, never 'г..'.
_STOP_AFTER_FIELD = "\x01"


@functools.lru_cache(maxsize=4096)
def _plain_pattern(pattern: str) -> tuple[str, tuple[str, ...]]:
    """The pattern with each `{name!l` written as `{name<suffix>`, each full stop right after a field marked, and
    the names that need a lowered copy."""
    names = tuple(dict.fromkeys(match.group(1) for match in _LOWERED_FIELD.finditer(pattern)))
    if "}." in pattern and _STOP_AFTER_FIELD not in pattern:
        pattern = _mark_stops_after_fields(pattern)
    if not names:
        return pattern, ()
    return _LOWERED_FIELD.sub(lambda match: "{" + match.group(1) + _LOWERED_SUFFIX + match.group(2), pattern), names


def _mark_stops_after_fields(pattern: str) -> str:
    """`pattern` with the full stop that follows a replacement field (not a literal '}}') written as the mark."""
    pieces = []
    depth = 0
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if depth == 0 and pattern.startswith(("{{", "}}"), index):
            pieces.append(pattern[index:index + 2])
            index += 2
            continue
        depth += {"{": 1, "}": -1}.get(char, 0)
        pieces.append(char)
        if char == "}" and depth == 0 and pattern.startswith(".", index + 1) \
                and not pattern.startswith("..", index + 1):
            pieces.append(_STOP_AFTER_FIELD)
            index += 1
        index += 1
    return "".join(pieces)


def fill_in(pattern: str, values: Mapping[str, object]) -> str:
    """`pattern` with its {names} filled in; raises KeyError, IndexError or ValueError on a broken pattern."""
    plain, lowered = _plain_pattern(pattern)
    if lowered:
        values = {**values, **{name + _LOWERED_SUFFIX: lower_first(str(values[name])) for name in lowered}}
    text = plain.format_map(values)
    if _STOP_AFTER_FIELD in plain and _STOP_AFTER_FIELD not in pattern:
        text = text.replace("." + _STOP_AFTER_FIELD, ".").replace(_STOP_AFTER_FIELD, ".")
    return text


COUNT = "count"  # the value a counted phrase's plural form is chosen by


# The {count} field of a counted phrase, with its format spec ('{count:,.1f}'): the plural form goes by the number
# as the sentence shows it, so '5.0 points' (a visible decimal) takes the form of a fraction, as CLDR says.
_COUNT_FIELD = re.compile(r"\{count(?:![a-z])?(?::([^{}]*))?\}")


@functools.lru_cache(maxsize=4096)
def count_spec(pattern: str) -> str:
    """The format spec `pattern` shows its {count} with ('.1f' of '{count:.1f} points'); '' when it has none."""
    match = _COUNT_FIELD.search(pattern)
    return (match.group(1) or "") if match else ""


def shown_count(count: object, spec: str = "") -> str | None:
    """`count` as a sentence with `spec` shows it, without sign or digit grouping ('12.5', '5.0', '3'): the number
    CLDR's plural rules read; None when it is no finite number (no count: the 'other' form)."""
    if isinstance(count, bool) or not isinstance(count, (int, float)):
        return None
    if isinstance(count, float) and not math.isfinite(count):
        return None
    try:
        text = format(count, spec.replace(",", "").replace("_", ""))
    except ValueError:  # a spec for another kind of value: the number as Python writes it
        text = str(count)
    return text.lstrip("+- ").rstrip("%")


def plural_number(count: object, spec: str = "") -> int | None:
    """`count`, shown with `spec`, as the whole number a gettext plural rule takes; None when the sentence shows
    it with decimals ('12.5', '5.0': CLDR's rule for fractions decides) or it is no count."""
    if isinstance(count, int) and not isinstance(count, bool) and not spec:
        return abs(count)  # the usual case, kept quick: messages are made by the thousand
    shown = shown_count(count, spec)
    return int(shown) if shown is not None and shown.isdigit() else None


def english_plural(count: int) -> int:
    """The plural form English gives `count`: CLDR's 'one' (0) for 1, 'other' (1) for every other number."""
    return 0 if count == 1 else 1


def english_form(singular: str, plural: str, count: object) -> str:
    """Of an English counted phrase, the form `count` takes ('1 point', '1.0 points', '12.5 points')."""
    number = plural_number(count, count_spec(singular))
    return singular if number is not None and english_plural(number) == 0 else plural


class Message(str):
    """English text that remembers how it was made: `pattern` (English, with {names}) and `values`; a counted
    phrase also keeps its English `plural` pattern (its count is `values['count']`)."""

    pattern: str
    values: Mapping[str, object]
    plural: str | None

    def __new__(cls, pattern: str, values: Mapping[str, object] | None = None, plural: str | None = None) -> Message:
        values = dict(values or {})
        # Most values are numbers and plain words: only tables and lists need resolving (the rules make
        # thousands of messages a game-day while weighing offers, so this is kept quick).
        needs_resolving = any(isinstance(value, (dict, list, tuple, dt.date)) for value in values.values())
        words = pattern if plural is None else english_form(pattern, plural, values.get(COUNT))
        english = fill_in(words, resolve_values(values, english_text) if needs_resolving else values)
        message = super().__new__(cls, english)
        message.pattern = pattern
        message.values = values
        message.plural = plural
        return message

    def __reduce__(self) -> tuple[Callable[..., Message], tuple[str, dict[str, object], str | None]]:
        # Copies and pickles rebuild from the pattern (str's own way would pass the English as the pattern).
        return (Message, (self.pattern, dict(self.values), self.plural))

    def __repr__(self) -> str:
        if self.plural is not None:
            values = {name: value for name, value in self.values.items() if name != COUNT}
            return f"say_n({self.pattern!r}, {self.plural!r}, {self.values.get(COUNT)!r}, **{values!r})"
        return f"say({self.pattern!r}, **{dict(self.values)!r})"


def say(pattern: str, /, **values: object) -> Message:
    """A sentence for the player: reads as English, and a screen shows it translated (see the module's text)."""
    return Message(pattern, values)


def say_n(singular: str, plural: str, count: object, /, **values: object) -> Message:
    """A counted phrase for the player: `count` fills in {count} and chooses the plural form in each language
    ("1 launch", "2 launches"; "1 запуск", "2 запуска", "5 запусков")."""
    return Message(singular, {**values, COUNT: count}, plural)


def level_text(text: str | dict[str, str]) -> Message:
    """Text from a level or catalog file (a string or a {en = ..., zh = ...} table) as a message, so a screen
    shows it in the player's language like the core's own sentences. No language file names its pattern."""
    return Message("{text}", {"text": text})


def file_text(text: str | dict[str, str]) -> Message:
    """Text from the game's own data files (assets/hints.toml, assets/what_if.toml) as a message: a plain string
    is its own pattern, so the interface's catalog (assets/lang/game.pot) translates it; a table written in the
    file shows in the player's language as level text does."""
    if isinstance(text, str) and "{" not in text and "}" not in text:
        return Message(text)
    return level_text(text)


def english_text(value: object) -> object:
    """A filled-in value as English: level text tables give their 'en' entry, a date reads '9 March 2021';
    anything else stays."""
    if isinstance(value, dt.date):
        from game.content.locale_format import format_date  # Babel's dates load only once a date is worded

        return format_date(value)
    return translate(value) if isinstance(value, dict) else value


def date_text(date: dt.date) -> Message:
    """A day for the player: '9 March 2021' as English, and as the player's language writes a date where a
    screen shows it with tr() ('2021年3月9日', '9 марта 2021 г.'): game.content.locale_format words it."""
    return Message("{date}", {"date": date})


def quantity_text(quantity: Worded) -> Message:
    """An amount with its unit for the player ('7,500 kg' as English; '7 500 кг' where a screen shows it
    with tr()): a game.content.locale_format.Quantity (or Percent) on its own."""
    return Message("{quantity}", {"quantity": quantity})


def number_text(value: float, decimals: int = 0) -> Message:
    """A number on its own for the player ('1,234.5' as English; '1 234,5' where a screen shows it with tr())."""
    return Message(f"{{number:,.{decimals}f}}", {"number": value})


def unit_text(unit: str) -> Message:
    """A unit on its own for the player, as a chart names it ('kWh' as English; 'кВт·ч' where a screen shows
    it with tr()): `unit` is CLDR's name (game.content.locale_format's KILOWATT_HOUR...)."""
    from game.content.locale_format import UnitSymbol  # Babel loads only once a unit is worded

    return Message("{unit}", {"unit": UnitSymbol(unit)})


class Alternatives(tuple[object, ...]):
    """Things offered as a choice, filled into a sentence as the language lists alternatives ('a, b or c',
    'a, b или c', 'a、b或c'); a plain list or tuple is listed with 'and'."""

    __slots__ = ()


def list_text(items: Iterable[object]) -> Message:
    """Things listed for the player: 'a, b and c' as English, and as the player's language lists them where a
    screen shows it with tr() ('a, b и c', 'a、b和c'); each item is shown in that language too."""
    return Message("{items}", {"items": tuple(items)})


def resolve_values(values: Mapping[str, object], show: Callable[[object], object],
                   language: str = "en") -> dict[str, object]:
    """The values ready to fill in: each passed through `show`; a list or tuple becomes its items listed as the
    language lists them ('a solar array, a battery and a rover'; CLDR's pattern)."""
    resolved: dict[str, object] = {}
    for name, value in values.items():
        if isinstance(value, (list, tuple)):
            from game.content.locale_format import format_list  # Babel loads only once a list is worded

            items = (show(item) for item in value)
            resolved[name] = format_list(items, language, "or" if isinstance(value, Alternatives) else "standard")
        else:
            resolved[name] = show(value)
    return resolved
