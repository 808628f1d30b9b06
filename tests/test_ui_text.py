"""The interface's words go through one translator: lookup, fallback to English, {placeholders}, broken files,
a whole pseudo-language through the real app, and the committed template kept up to date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from game.content.message import say_n
from game.content.ui_text import (
    ENGLISH,
    Translator,
    available_languages,
    language_file,
    language_name,
    load_translator,
    placeholders,
)
from game.settings import Settings
from tests.bracket_language import bracketed
from tests.po_helpers import write_catalog
from tools import extract_ui_text
from tools.pot_file import is_current


def _write(folder: Path, code: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{code}.po"
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
    _write(tmp_path, "pt", 'msgid "Paused"\nmsgstr "Pausado"\n\nmsgid "Resume"\nmsgstr ""\n\n'
                           '#, fuzzy\nmsgid "Settings"\nmsgstr "Definições?"\n')
    tr = load_translator("pt-BR", [tmp_path])
    assert tr.warning is None
    assert tr("Paused") == "Pausado"
    assert tr("Resume") == "Resume"  # an empty translation shows the English
    assert tr("Settings") == "Settings"  # and so does one marked fuzzy (Poedit's "needs work")


def test_the_first_folder_wins_so_a_translators_own_copy_overrides_the_bundled_one(tmp_path: Path) -> None:
    mine, bundled = tmp_path / "mine", tmp_path / "bundled"
    write_catalog(mine, "zh", {"Paused": "已暂停"})
    write_catalog(bundled, "zh", {"Paused": "暂停"})
    assert load_translator("zh", [mine, bundled])("Paused") == "已暂停"


@pytest.mark.parametrize("code", ["xx", "../../etc/passwd", "", "EN"])
def test_a_missing_or_odd_language_gives_english_and_one_sentence(tmp_path: Path, code: str) -> None:
    tr = load_translator(code, [tmp_path])
    assert tr("Paused") == "Paused"
    assert tr.warning is not None and tr.warning.endswith("English.") and tr.warning.count(".") >= 1
    assert language_file(code, [tmp_path]) is None


def test_the_languages_to_choose_are_english_and_every_catalog_each_named_in_its_own_language(tmp_path: Path) -> None:
    mine, bundled = tmp_path / "mine", tmp_path / "bundled"
    write_catalog(mine, "fr", {})
    write_catalog(bundled, "fr", {})
    write_catalog(bundled, "zh", {})
    write_catalog(bundled, "ru", {})
    _write(bundled, "xq", "not a catalog at all")  # broken and unknown to CLDR: listed by its code
    (bundled / "game.pot").write_text('msgid "Paused"\nmsgstr ""\n', encoding="utf-8")  # the template: no language
    (bundled / "notes.txt").write_text("not a language", encoding="utf-8")
    assert available_languages([mine, bundled, tmp_path / "missing"]) == [
        ("English", "en"), ("Français", "fr"), ("Русский", "ru"), ("xq", "xq"), ("中文", "zh")]
    assert language_name("pt-BR") == "Português (Brasil)"


# --- broken files ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "this is no PO file\n",
    "\udcff",  # not UTF-8 once written with surrogates escaped below
    "\x00" * 10,
])
def test_a_broken_file_never_raises_it_gives_english_and_one_warning_sentence(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fr.po"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    tr = load_translator("fr", [tmp_path])
    assert tr("Paused") == "Paused"
    assert tr.warning is not None and "English" in tr.warning and "\n" not in tr.warning


def test_a_partly_damaged_catalog_plays_what_it_can_and_says_so_in_one_sentence(tmp_path: Path) -> None:
    _write(tmp_path, "fr", 'msgid "Paused"\nmsgstr "En pause"\n\nthis line is no PO\n\n'
                           'msgid "Resume"\nmsgstr "Reprendre"\n\nmsgid "Settings"\n')
    tr = load_translator("fr", [tmp_path])
    assert tr("Paused") == "En pause" and tr("Resume") == "Reprendre"
    assert tr("Settings") == "Settings"
    assert tr.warning is not None and "\n" not in tr.warning
    assert tr.warning.startswith("2 damaged lines of fr.po were skipped (the first is line 4)")


def test_lines_with_unknown_placeholders_stay_english_and_are_counted(tmp_path: Path) -> None:
    write_catalog(tmp_path, "de", {"Day {day} of {days}": "Tag {tag}", "Resume": "Weiter",
                                   "Page {page} of {pages}": "Seite {page}",
                                   ("{count} launch", "{count} launches"): ("{count} Start", "{count} {starts}")})
    tr = load_translator("de", [tmp_path])
    assert tr("Resume") == "Weiter"
    assert tr("Page {page} of {pages}", page=1, pages=2) == "Seite 1"  # leaving a name out is allowed
    assert tr("Day {day} of {days}", day=1, days=2) == "Day 1 of 2"
    assert tr.n("{count} launch", "{count} launches", 3) == "3 launches"
    assert tr.warning is not None and tr.warning.startswith("2 lines of de.po stay in English")


def test_placeholders_lists_the_names_of_a_pattern() -> None:
    assert placeholders("{a} and {b:.1f}, {a}") == {"a", "b"}
    assert placeholders("no names") == set()
    assert placeholders("broken {") == set()


# --- plurals ---------------------------------------------------------------------------------------------------

RUSSIAN_MODULES = {0: "0 модулей", 1: "1 модуль", 2: "2 модуля", 5: "5 модулей", 11: "11 модулей", 21: "21 модуль",
                   22: "22 модуля", 25: "25 модулей"}


@pytest.mark.parametrize("with_header", [True, False])
def test_russian_counts_take_cldrs_three_forms(tmp_path: Path, with_header: bool) -> None:
    write_catalog(tmp_path, "ru", {("{count} module", "{count} modules"): (
        "{count} модуль", "{count} модуля", "{count} модулей")})
    if not with_header:  # a hand-written file without Plural-Forms: the language's CLDR rule still applies
        path = tmp_path / "ru.po"
        path.write_text("".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
                                if "Plural-Forms" not in line and "Language:" not in line), encoding="utf-8")
    tr = load_translator("ru", [tmp_path])
    assert tr.warning is None
    for count, words in RUSSIAN_MODULES.items():
        assert tr.n("{count} module", "{count} modules", count) == words
        assert tr(say_n("{count} module", "{count} modules", count)) == words  # the headless core's way


def test_english_counts_take_the_singular_only_for_one() -> None:
    assert [ENGLISH.n("{count} launch", "{count} launches", count) for count in (0, 1, 2, 21)] == [
        "0 launches", "1 launch", "2 launches", "21 launches"]
    assert say_n("{count} launch", "{count} launches", 1) == "1 launch"
    assert say_n("{count} launch", "{count} launches", 1.5) == "1.5 launches"


def test_chinese_has_one_form_for_every_count(tmp_path: Path) -> None:
    write_catalog(tmp_path, "zh", {("{count} launch", "{count} launches"): ("{count} 次发射",)})
    tr = load_translator("zh", [tmp_path])
    assert [tr.n("{count} launch", "{count} launches", count) for count in (1, 2, 5)] == [
        "1 次发射", "2 次发射", "5 次发射"]


# --- the template ----------------------------------------------------------------------------------------------


def test_the_committed_template_is_up_to_date() -> None:
    assert is_current(extract_ui_text.TEMPLATE, extract_ui_text.template_text(extract_ui_text.collect())), \
        "assets/lang/game.pot is stale: run python tools/extract_ui_text.py"


def test_the_template_is_a_po_template_with_every_wrapped_line_and_empty_translations() -> None:
    with extract_ui_text.TEMPLATE.open("rb") as file:
        template = read_po(file)
    ids = {message.id if isinstance(message.id, str) else message.id[0] for message in template if message.id}
    for line in ("Paused", "Resume", "Settings", "Page {page} of {pages}", "Landing: autopilot on/off"):
        assert line in ids
    assert all(not message.string or message.string == ("", "") for message in template if message.id)
    assert load_translator("xx", [extract_ui_text.TEMPLATE.parent]).warning is not None  # it is no language itself


def test_the_hint_files_texts_are_in_the_template_and_show_translated(tmp_path: Path) -> None:
    from game.content.game_files import HintsFile, read_game_file
    from game.content.message import Message

    hints = read_game_file(extract_ui_text.REPO / "assets" / "hints.toml", HintsFile).hints
    found = extract_ui_text.collect()
    assert all(hint.text in found for hint in hints if isinstance(hint.text, str))
    first = hints[0].text
    assert isinstance(first, str)
    write_catalog(tmp_path, "fr", {first: "Bienvenue {module}{sunlight}"})
    assert load_translator("fr", [tmp_path])(Message(first, {"module": "", "sunlight": "", "key": ""})) == \
        "Bienvenue "


# --- a whole pseudo-language through the real app --------------------------------------------------------------


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
        assert any(was_drawn(bracketed(text), drawn) for drawn in seen), f"{name}: '{bracketed(text)}' was not drawn"
        assert text not in seen, f"{name}: '{text}' was drawn in English"
    if button is not None:
        labels = button_labels(app.ui)
        assert any(label.startswith(bracketed(button)[:-1]) for label in labels), \
            f"{name}: no '{bracketed(button)}' button among {labels}"


def test_the_settings_offer_a_language_only_when_there_is_a_translation(pseudo_app: Any) -> None:
    from game.scenes.menus.settings_rows import settings_rows
    from tests.screen_tour import open_screen

    assert "language" not in {row.key for row in settings_rows(Settings(), [("English", "en")])}
    scene = open_screen(pseudo_app, "settings")
    row = next(row for row in scene.rows if row.key == "language")
    assert row.choices[0] == ("English", "en") and ("xx", "xx") in row.choices  # beside the shipped languages
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
