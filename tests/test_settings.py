"""Settings: every key round-trips, old files still load, bad values reset with a sentence, rebinding swaps keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.settings import DEFAULT_KEY_BINDINGS, KEY_ACTIONS, Settings, load_settings, rebind, save_settings


def test_every_setting_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    chosen = Settings(
        fullscreen=True, language="zh", window_size=(1600, 900), ui_scale=1.5, palette="colour_blind",
        high_contrast=True, master_volume=0.25, effects_volume=0.5, ambient_volume=0.0,
        key_bindings={**DEFAULT_KEY_BINDINGS, "pause": "p", "partners": "space"}, hints=False,
        landing_choice="autopilot",
        unlock_all=True,
    )
    save_settings(chosen, path)
    loaded = load_settings(path)
    assert loaded.warning is None
    assert loaded.settings == chosen


def test_an_old_file_with_only_the_first_keys_loads_with_defaults_for_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"fullscreen": false, "language": "en", "window_size": [1366, 768]}', encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.warning is None
    assert loaded.settings == Settings(window_size=(1366, 768))
    assert loaded.settings.hints is True and loaded.settings.landing_choice == "ask"


def test_a_file_missing_some_key_bindings_keeps_the_defaults_for_them(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"key_bindings": {"pause": "q", "from_a_newer_version": "x"}}', encoding="utf-8")
    settings = load_settings(path).settings
    assert settings.key_bindings == {**DEFAULT_KEY_BINDINGS, "pause": "q"}


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("ui_scale", 3.0, "'ui_scale' must be a number from 1 to 2"),
        ("ui_scale", "big", "'ui_scale' must be a number from 1 to 2"),
        ("master_volume", -0.1, "'master_volume' must be a number from 0 to 1"),
        ("effects_volume", True, "'effects_volume' must be a number from 0 to 1"),
        ("palette", "rainbow", "'palette' must be one of \"standard\" or \"colour_blind\""),
        ("landing_choice", "maybe", "'landing_choice' must be one of"),
        ("high_contrast", "yes", "'high_contrast' must be true or false"),
        ("key_bindings", ["space"], "'key_bindings' must map actions to key names"),
    ],
)
def test_a_bad_value_is_reset_with_a_sentence_and_the_file_kept_aside(
    tmp_path: Path, key: str, value: object, words: str
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({key: value, "hints": False}), encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.warning is not None and words in loaded.warning and "settings.wrong-values-1.json" in loaded.warning
    assert getattr(loaded.settings, key) == getattr(Settings(), key)
    assert loaded.settings.hints is False  # the good values in the same file are kept
    assert (tmp_path / "settings.wrong-values-1.json").exists() and not path.exists()


def test_rebinding_to_a_key_taken_on_the_same_screen_swaps_the_two() -> None:
    settings = Settings()
    swapped = rebind(settings, "pause", "1")
    assert swapped == "speed_1"
    assert settings.key_name("pause") == "1" and settings.key_name("speed_1") == "space"


def test_rebinding_leaves_other_screens_alone() -> None:
    settings = Settings()
    assert rebind(settings, "zoom_in", "up") == "pan_up"
    assert settings.key_name("throttle_up") == "up"  # the landing screen keeps its own use of the key


def test_no_two_actions_of_one_screen_share_a_default_key() -> None:
    for screen in {action.screen for action in KEY_ACTIONS}:
        keys = [action.default_key for action in KEY_ACTIONS if action.screen == screen]
        assert len(keys) == len(set(keys)), screen


def test_key_codes_come_from_the_bindings_and_an_unknown_name_falls_back_to_the_default() -> None:
    import pygame

    pygame.display.init()  # key names are looked up through SDL's video part, as in the running game
    settings = Settings()
    assert settings.key_code("pause") == pygame.K_SPACE
    settings.key_bindings["pause"] = "no-such-key"
    assert settings.key_code("pause") == pygame.K_SPACE
    settings.key_bindings["pause"] = "p"
    assert settings.key_code("pause") == pygame.K_p
    pygame.display.quit()
