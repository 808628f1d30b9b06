"""The sound aids and comfort settings: they round-trip, follow audio assistance, and refuse bad values plainly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.settings import Settings, load_settings, save_settings


def test_the_sound_aids_and_comfort_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    chosen = Settings(landing_time_scale=0.25, reduced_motion=True, audio_assistance=True, sonified_landing="off",
                      spoken_callouts="on")
    save_settings(chosen, path)
    loaded = load_settings(path)
    assert loaded.warning is None and loaded.settings == chosen


@pytest.mark.parametrize(("assistance", "choice", "on"), [
    (False, "auto", False), (True, "auto", True), (True, "off", False), (False, "on", True),
])
def test_tones_and_call_outs_follow_audio_assistance_unless_chosen_alone(assistance: bool, choice: str,
                                                                         on: bool) -> None:
    settings = Settings(audio_assistance=assistance, sonified_landing=choice, spoken_callouts=choice)
    assert settings.sonify_landing is on and settings.say_callouts is on


def test_nobody_hears_the_aids_until_they_ask() -> None:
    settings = Settings()
    assert not settings.sonify_landing and not settings.say_callouts
    assert not settings.reduced_motion and settings.landing_time_scale == 1.0


def test_the_former_half_speed_switch_reads_as_half_the_landing_speed(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"assist_slow_motion": true, "hints": false}', encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.warning is None
    assert loaded.settings.landing_time_scale == 0.5 and loaded.settings.hints is False


@pytest.mark.parametrize(("key", "value", "words"), [
    ("landing_time_scale", 0.0, "'landing_time_scale' must be a number from 0.1 to 1"),
    ("landing_time_scale", 2, "'landing_time_scale' must be a number from 0.1 to 1"),
    ("reduced_motion", "yes", "'reduced_motion' must be true or false"),
    ("sonified_landing", "loud", "'sonified_landing' must be one of \"auto\", \"on\" or \"off\""),
    ("spoken_callouts", None, "'spoken_callouts' must be one of"),
])
def test_a_bad_aid_or_comfort_value_is_reset_with_a_sentence(tmp_path: Path, key: str, value: object,
                                                             words: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({key: value}), encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.warning is not None and words in loaded.warning
    assert getattr(loaded.settings, key) == getattr(Settings(), key)
