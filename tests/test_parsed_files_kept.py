"""A TOML text or a language catalog read again is not parsed again (game.content.reading and po_catalog keep the
last ones parsed), yet every caller of a TOML table gets one of its own, a shared catalog cannot be changed, a changed
text is parsed anew, and a broken text is refused every time."""

from __future__ import annotations

import datetime

import pytest

from game.content import reading
from game.content.reading import PARSED_TOML_KEPT, UnreadableFile, parse_toml

LEVEL = 'title = "A"\nstart_date = 2030-05-01\n[start]\nbudget = 100\nmodules = [{ module = "battery", x = 1 }]\n'


def test_a_text_read_again_is_a_copy_of_the_first_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    first = parse_toml(LEVEL)
    monkeypatch.setattr(reading.tomllib, "loads", lambda text: pytest.fail("parsed again"))
    again = parse_toml(LEVEL)
    assert again == first == {"title": "A", "start_date": datetime.date(2030, 5, 1),
                              "start": {"budget": 100, "modules": [{"module": "battery", "x": 1}]}}
    assert again is not first and again["start"] is not first["start"]
    assert again["start"]["modules"][0] is not first["start"]["modules"][0]


def test_changing_a_table_changes_nobody_else_s() -> None:
    mine = parse_toml(LEVEL)
    mine["start"]["budget"] = -1
    mine["start"]["modules"].append({"module": "habitat"})
    del mine["title"]
    theirs = parse_toml(LEVEL)
    assert theirs["start"] == {"budget": 100, "modules": [{"module": "battery", "x": 1}]}
    assert theirs["title"] == "A"


def test_a_changed_text_is_parsed_anew() -> None:
    assert parse_toml(LEVEL)["start"]["budget"] == 100
    assert parse_toml(LEVEL.replace("budget = 100", "budget = 250"))["start"]["budget"] == 250


def test_a_broken_text_is_refused_every_time() -> None:
    deep = "a = " + "[" * 40 + "]" * 40 + "\n"
    for _ in range(2):
        with pytest.raises(reading.tomllib.TOMLDecodeError):
            parse_toml('title = "no closing quote\n')
        with pytest.raises(UnreadableFile):
            parse_toml(deep)


def test_only_the_last_texts_are_kept() -> None:
    for number in range(PARSED_TOML_KEPT * 2):
        parse_toml(f"n = {number}\n")
    assert len(reading._parsed_toml) == PARSED_TOML_KEPT
    assert "n = 0\n" not in reading._parsed_toml


# --- language catalogs are kept the same way ------------------------------------------------------------------------

RU = ('msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : '
      'n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\nmsgid "Budget"\nmsgstr "Бюджет"\n')


def test_a_catalog_read_again_is_not_parsed_again_and_cannot_be_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    from game.content import po_catalog

    first = po_catalog.parse_po(RU, "ru")
    monkeypatch.setattr(po_catalog.PoFileParser, "parse", lambda *_: pytest.fail("parsed again"))
    again = po_catalog.parse_po(RU, "ru")
    assert again is first and again.entries == {"Budget": "Бюджет"}
    with pytest.raises(TypeError):
        again.entries["Budget"] = "changed"  # type: ignore[index]
    with pytest.raises(TypeError):
        again.headers["Language"] = "zh"  # type: ignore[index]
    monkeypatch.undo()
    assert po_catalog.parse_po(RU.replace("Бюджет", "Смета"), "ru").entries == {"Budget": "Смета"}
