"""The interface's words go through one translator: lookup, fallback to English, {placeholders}, broken files,
a whole pseudo-language through the real app, and the committed template kept up to date."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game.content.toml_file import tomllib
from game.content.ui_text import (
    ENGLISH,
    Translator,
    available_languages,
    language_file,
    load_translator,
    placeholders,
)
from game.settings import Settings
from tests.app_helpers import open_recording_app
from tools import extract_ui_text


def _write(folder: Path, code: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{code}.toml"
    path.write_text(text, encoding="utf-8")
    return path


# --- lookup, fallback, placeholders ----------------------------------------------------------------------------


def test_a_translated_line_is_looked_up_and_an_untranslated_one_stays_english() -> None:
    tr = Translator("fr", {"Paused": "En pause"})
    assert tr("Paused") == "En pause"
    assert tr("Resume") == "Resume"
    assert ENGLISH("Paused") == "Paused"


def test_placeholders_are_filled_in_the_translation_in_its_own_order() -> None:
    tr = Translator("xx", {"Page {page} of {pages}": "{pages} pages, this is {page}"})
    assert tr("Page {page} of {pages}", page=2, pages=5) == "5 pages, this is 2"
    assert ENGLISH("Page {page} of {pages}", page=2, pages=5) == "Page 2 of 5"


def test_text_without_fill_is_never_formatted_so_braces_in_it_are_safe() -> None:
    assert ENGLISH("a {brace} stays") == "a {brace} stays"


def test_a_translation_whose_pattern_breaks_at_run_time_falls_back_to_the_english() -> None:
    tr = Translator("xx", {"Day {day}": "Tag {day:d}"})  # a format the value does not take
    assert tr("Day {day}", day="3") == "Day 3"


def test_the_english_language_needs_no_file(tmp_path: Path) -> None:
    tr = load_translator("en", [tmp_path])
    assert tr.warning is None and tr("Paused") == "Paused"


def test_a_file_is_read_and_a_regional_code_falls_back_to_its_base_language(tmp_path: Path) -> None:
    _write(tmp_path, "pt", '[messages]\n"Paused" = "Pausado"\n"Resume" = ""\n')
    tr = load_translator("pt-BR", [tmp_path])
    assert tr.warning is None
    assert tr("Paused") == "Pausado"
    assert tr("Resume") == "Resume"  # an empty translation shows the English


def test_the_first_folder_wins_so_a_translators_own_copy_overrides_the_bundled_one(tmp_path: Path) -> None:
    mine, bundled = tmp_path / "mine", tmp_path / "bundled"
    _write(mine, "zh", '[messages]\n"Paused" = "已暂停"\n')
    _write(bundled, "zh", '[messages]\n"Paused" = "暂停"\n')
    assert load_translator("zh", [mine, bundled])("Paused") == "已暂停"


@pytest.mark.parametrize("code", ["xx", "../../etc/passwd", "", "EN"])
def test_a_missing_or_odd_language_gives_english_and_one_sentence(tmp_path: Path, code: str) -> None:
    tr = load_translator(code, [tmp_path])
    assert tr("Paused") == "Paused"
    assert tr.warning is not None and tr.warning.endswith("English.") and tr.warning.count(".") >= 1
    assert language_file(code, [tmp_path]) is None


def test_the_languages_to_choose_are_english_and_every_file_named_by_a_code(tmp_path: Path) -> None:
    mine, bundled = tmp_path / "mine", tmp_path / "bundled"
    _write(mine, "fr", 'name = "Français"\n[messages]\n')
    _write(bundled, "fr", 'name = "French (bundled)"\n[messages]\n')
    _write(bundled, "de", "[messages]\n")  # no name: shown by its code
    _write(bundled, "es", "[messages\n")  # broken: still listed; choosing it plays in English and says why
    _write(bundled, "template", "[messages]\n")  # the template is no language
    (bundled / "notes.txt").write_text("not a language", encoding="utf-8")
    assert available_languages([mine, bundled, tmp_path / "missing"]) == [
        ("English", "en"), ("de", "de"), ("es", "es"), ("Français", "fr")]


# --- broken files ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    '[messages]\n"Paused" = "unclosed\n',  # a TOML syntax error
    '"Paused" = "En pause"\n',  # no [messages] table
    "[messages\n",
    "\udcff",  # not UTF-8 once written with surrogates escaped below
])
def test_a_broken_file_never_raises_it_gives_english_and_one_warning_sentence(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fr.toml"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    tr = load_translator("fr", [tmp_path])
    assert tr("Paused") == "Paused"
    assert tr.warning is not None and "English" in tr.warning and "\n" not in tr.warning


def test_lines_with_unknown_placeholders_or_no_text_stay_english_and_are_counted(tmp_path: Path) -> None:
    _write(tmp_path, "de", '[messages]\n"Day {day} of {days}" = "Tag {tag}"\n"Paused" = 3\n'
                           '"Resume" = "Weiter"\n"Page {page} of {pages}" = "Seite {page}"\n')
    tr = load_translator("de", [tmp_path])
    assert tr("Resume") == "Weiter"
    assert tr("Page {page} of {pages}", page=1, pages=2) == "Seite 1"  # leaving a name out is allowed
    assert tr("Day {day} of {days}", day=1, days=2) == "Day 1 of 2"
    assert tr("Paused") == "Paused"
    assert tr.warning is not None and tr.warning.startswith("2 lines of de.toml stay in English")


def test_placeholders_lists_the_names_of_a_pattern() -> None:
    assert placeholders("{a} and {b:.1f}, {a}") == {"a", "b"}
    assert placeholders("no names") == set()
    assert placeholders("broken {") == set()


# --- the template ----------------------------------------------------------------------------------------------


def test_the_committed_template_is_up_to_date() -> None:
    expected = extract_ui_text.template_text(extract_ui_text.collect())
    assert extract_ui_text.TEMPLATE.read_text(encoding="utf-8") == expected, \
        "assets/lang/template.toml is stale: run python tools/extract_ui_text.py"


def test_the_template_is_valid_toml_with_every_wrapped_line_and_empty_translations() -> None:
    messages = tomllib.loads(extract_ui_text.TEMPLATE.read_text(encoding="utf-8"))["messages"]
    for line in ("Paused", "Resume", "Settings", "Page {page} of {pages}", "Landing: autopilot on/off"):
        assert line in messages
    assert set(messages.values()) == {""}
    assert load_translator("xx", [extract_ui_text.TEMPLATE.parent]).warning is not None  # it is no language itself


# --- a whole pseudo-language through the real app --------------------------------------------------------------


def _wrapped(text: str) -> str:
    return f"⟦{text}⟧"


@pytest.fixture
def pseudo_app(user_home: Path) -> Iterator[Any]:
    """The real app in a made-up language 'xx' where every wrapped line reads ⟦like this⟧, and a record of
    every text its fonts draw."""
    from game import paths

    lines = extract_ui_text.collect()
    body = "".join(f"{json.dumps(text, ensure_ascii=False)} = {json.dumps(_wrapped(text), ensure_ascii=False)}\n"
                   for text in lines)
    _write(paths.user_data_dir() / "lang", "xx", 'name = "Pseudo"\n[messages]\n' + body)
    app = open_recording_app(Settings(language="xx"))
    yield app
    app.close()


# Per screen: texts the screen draws itself and the start of one of its buttons, all in the pseudo-language.
PSEUDO_EXPECTED: dict[str, tuple[tuple[str, ...], str | None]] = {
    "title": (("Lunar Station", "Arrows or Tab choose  ·  Enter select  ·  F11 full screen  ·  F12 screenshot  ·  "
               "Esc quit"), "Campaign"),
    "campaign_timeline": (("Campaign",), "Open briefing  (Enter)"),
    "briefing": ((), "Start the level"),
    "station": (("Budget", "Station log"), "Build"),
    "pause": (("Paused",), "Resume"),
    "settings": (("Settings", "Display", "Window size"), "Apply"),
    "partners": (("Partners", "What they care for (game values)"), "Negotiate (N)"),
    "negotiation": (("They give", "You give"), "Propose (Enter)"),
    "ledger": (("Agreement ledger",), "Back (Esc)"),
    "encyclopedia": (("Encyclopedia", "Search:"), "Back  (Esc)"),
    "credits": (("Credits",), "Back  (Esc)"),
    "sandbox_list": (("Sandbox and mods",), "Open briefing"),
    "debrief": (("Goals",), "Export for teacher"),
    "landing_practice": (("Landing practice", "Landing zone", "Attitude hold"), "Fly"),
    "landing_flight": (("Altitude", "Propellant"), None),
}


@pytest.mark.parametrize("name", list(PSEUDO_EXPECTED))
def test_every_main_label_comes_out_in_the_players_language(pseudo_app: Any, name: str) -> None:
    from tests.screen_tour import open_screen
    from tests.test_every_screen import button_labels, was_drawn

    app = pseudo_app
    assert app.ctx.translator.warning is None, app.ctx.translator.warning
    open_screen(app, name)
    texts, button = PSEUDO_EXPECTED[name]
    seen = app.ctx.fonts.seen
    for text in texts:
        assert any(was_drawn(_wrapped(text), drawn) for drawn in seen), f"{name}: '{_wrapped(text)}' was not drawn"
        assert text not in seen, f"{name}: '{text}' was drawn in English"
    if button is not None:
        labels = button_labels(app.ui)
        assert any(label.startswith(_wrapped(button)[:-1]) for label in labels), \
            f"{name}: no '{_wrapped(button)}' button among {labels}"


def test_the_settings_offer_a_language_only_when_there_is_a_translation(pseudo_app: Any) -> None:
    from game.scenes.menus.settings_rows import settings_rows
    from tests.screen_tour import open_screen

    assert "language" not in {row.key for row in settings_rows(Settings(), [("English", "en")])}
    scene = open_screen(pseudo_app, "settings")
    row = next(row for row in scene.rows if row.key == "language")
    assert row.choices == (("English", "en"), ("Pseudo", "xx"))
    scene.working.language = "en"
    scene.apply()
    assert pseudo_app.ctx.tr("Paused") == "Paused"
    assert "Apply" in [button.text for button in scene.widgets.footer]  # the screen speaks English at once


def test_changing_the_language_setting_changes_the_words_at_once(pseudo_app: Any) -> None:
    ctx = pseudo_app.ctx
    assert ctx.tr("Paused") == "⟦Paused⟧"
    ctx.settings.language = "en"
    assert ctx.tr("Paused") == "Paused"
    ctx.settings.language = "zz"  # no such file: English, and the player is told once
    assert ctx.tr("Paused") == "Paused"
    assert any("no translation for 'zz'" in notice.text for notice in ctx.notices.shown)
