"""Sentences the headless core writes with say(): English wherever they are read as text, translated whole
(pattern, then each value) where a screen shows them with tr()."""

from __future__ import annotations

import copy
import pickle

from hypothesis import given
from hypothesis import strategies as st

from game.content.message import Message, lower_first, say
from game.content.ui_text import ENGLISH, Translator


def test_a_message_reads_as_its_english_sentence() -> None:
    text = say("The {cargo!l} landed {days:.0f} days late.", cargo="Solar array", days=2.4)
    assert text == "The solar array landed 2 days late."
    assert isinstance(text, str) and "landed" in text
    assert text.pattern == "The {cargo!l} landed {days:.0f} days late."


def test_level_text_tables_read_in_english_and_show_in_the_players_language() -> None:
    name = {"en": "Battery", "fr": "Batterie"}
    text = say("The {cargo} is built.", cargo=name)
    assert text == "The Battery is built."
    french = Translator("fr", {"The {cargo} is built.": "La {cargo} est construite."})
    assert french(text) == "La Batterie est construite."
    assert Translator("de")(text) == "The Battery is built."  # no German line and no German name: English


def test_nested_messages_and_lists_are_translated_in_turn() -> None:
    reason = say("the {supply} ran out", supply="water")
    text = say("The crew had to go home: {reason}. Cancelled: {items}.", reason=reason,
               items=[say("a {thing}", thing="rover"), "a drill"])
    assert text == "The crew had to go home: the water ran out. Cancelled: a rover and a drill."
    tr = Translator("xx", {"the {supply} ran out": "<{supply} gone>", "a {thing}": "<{thing}>",
                           "The crew had to go home: {reason}. Cancelled: {items}.": "{items} | {reason}"})
    assert tr(text) == "<rover> and a drill | <water gone>"  # "xx" is no CLDR language: listed as English


def test_a_broken_translation_falls_back_to_the_english_pattern() -> None:
    text = say("Day {day}", day="3")
    assert Translator("xx", {"Day {day}": "Tag {day:d}"})(text) == "Day 3"
    assert ENGLISH(text) == "Day 3"


def test_plain_text_is_looked_up_as_before() -> None:
    assert Translator("fr", {"Paused": "En pause"})("Paused") == "En pause"


def test_copies_and_pickles_keep_the_pattern_and_values() -> None:
    text = say("{a} and {b!l}", a=1, b={"en": "Ice", "fr": "Glace"})
    for clone in (copy.copy(text), copy.deepcopy(text), pickle.loads(pickle.dumps(text))):
        assert isinstance(clone, Message)
        assert clone == text and clone.pattern == text.pattern and clone.values == text.values


def test_a_small_first_letter_keeps_acronyms() -> None:
    assert lower_first("Solar array") == "solar array"
    assert lower_first("ISRU plant") == "ISRU plant"
    assert lower_first("") == ""


def test_a_small_first_letter_keeps_a_name() -> None:
    assert lower_first("Earth antenna") == "Earth antenna"  # 'build the earth antenna' read as soil
    assert lower_first("Антенна связи с Землёй") == "антенна связи с Землёй"
    assert lower_first("Sunlit ridge") == "sunlit ridge"  # a word that only begins like a name


@given(st.text(alphabet=st.characters(blacklist_characters="{}"), max_size=40))
def test_any_brace_free_text_is_its_own_english(text: str) -> None:
    assert say(text) == text
    assert ENGLISH(say(text)) == text


def test_level_text_shows_in_the_players_language_and_needs_no_language_file_line() -> None:
    from game.content.message import level_text

    text = level_text({"en": "A solar storm.", "ru": "Солнечная буря."})
    assert text == "A solar storm."
    assert Translator("ru")(text) == "Солнечная буря."
    assert Translator("ru")(say("News: {what}", what=text)) == "News: Солнечная буря."
