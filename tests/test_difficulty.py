"""Difficulty presets change what a level asks; a level may tune them; saves, results and class files keep them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from game.autoplay.player import autoplay
from game.cli import main
from game.content.class_file import read_class_file
from game.content.difficulty import PRESET_TUNING, PRESETS, tuning_for, with_difficulty
from game.content.loader import load_level_by_path
from game.debrief_export import result_to_json, run_result
from game.saves import capture, read_save, restore, write_save
from game.settings import Settings, load_settings
from game.simulation.simulation import Simulation
from tests.sim_helpers import REPO, shipped_level

CAMPAIGN = sorted((REPO / "levels").glob("0*.toml"))


def test_standard_plays_the_level_as_written():
    level, catalog = shipped_level()
    assert with_difficulty(level, catalog, "standard") == (level, catalog)


def test_explorer_and_challenge_change_what_the_level_asks():
    level, catalog = shipped_level(REPO / "levels" / "04_partners_2023.toml")
    for preset in ("explorer", "challenge"):
        tuning = PRESET_TUNING[preset]
        tuned, tuned_catalog = with_difficulty(level, catalog, preset)
        assert tuned.start.budget == pytest.approx(level.start.budget * tuning.budget)
        assert tuned.start.funding_per_year == pytest.approx(level.start.funding_per_year * tuning.funding)
        assert tuned.time_limit_days == pytest.approx(level.time_limit_days * tuning.time_limit)
        for key, spec in catalog.modules.items():
            assert tuned_catalog.modules[key].failure_rate_per_year == pytest.approx(
                spec.failure_rate_per_year * tuning.failure_rate)
        for key, spec in catalog.partners.items():
            assert tuned_catalog.partners[key].patience == max(1, min(10, spec.patience + tuning.patience))
            assert tuned_catalog.partners[key].capabilities == spec.capabilities  # what a partner brings is its own
    # The originals are untouched: the level list and the next run still read the file's figures.
    assert load_level_by_path(REPO / "levels" / "04_partners_2023.toml").require()[0].start == level.start
    assert PRESET_TUNING["explorer"].budget > 1 > PRESET_TUNING["challenge"].budget


def test_a_wider_landing_spread_still_starts_over_the_ground():
    level, catalog = shipped_level(REPO / "levels" / "02_change7_2026.toml")
    assert level.landing is not None
    tuned = with_difficulty(level, catalog, "challenge")[0].landing
    assert tuned is not None
    left, right = tuned.terrain.span
    start = tuned.target_x + tuned.start_offset_m
    assert left + 50 <= start - tuned.dispersion.x_m and start + tuned.dispersion.x_m <= right - 50
    assert tuned.dispersion.speed_m_s == pytest.approx(level.landing.dispersion.speed_m_s * 1.5)
    explorer = with_difficulty(level, catalog, "explorer")[0].landing
    assert explorer is not None and explorer.assists.attitude_hold and explorer.assists.suggested_burn


def test_a_level_tunes_only_the_figures_it_writes():
    level = shipped_level(REPO / "levels" / "06_construction_2031.toml")[0]
    tuned = tuning_for(level, "challenge")
    assert tuned.budget == 1.0  # the level's [difficulty.challenge] keeps its tight budget
    assert tuned.failure_rate == PRESET_TUNING["challenge"].failure_rate  # the rest is the game's Challenge


def test_a_bad_difficulty_table_is_explained_with_its_line(tmp_path):
    text = (REPO / "levels" / "01_agreement_2021.toml").read_text(encoding="utf-8")
    path = tmp_path / "tuned.toml"
    path.write_text(text + "\n[difficulty.challenge]\nbudget = 50\nspeed = 2\n", encoding="utf-8")
    problems = [str(problem) for problem in load_level_by_path(path).problems]
    assert any("difficulty.challenge.budget" in problem and "at most 10" in problem for problem in problems)
    assert any("unknown key 'speed'" in problem for problem in problems)


@pytest.mark.parametrize("path", CAMPAIGN, ids=lambda path: path.stem)
def test_challenge_is_winnable(path: Path):
    level, catalog = load_level_by_path(path).require()
    result = autoplay(level, catalog, difficulty="challenge")
    assert result.outcome == "won", f"{path.stem} on Challenge: {result.outcome} after {result.days:.1f} days"


def test_explorer_is_won_at_least_as_early_as_standard():
    level, catalog = shipped_level(REPO / "levels" / "02_change7_2026.toml")
    standard = autoplay(level, catalog)
    explorer = autoplay(level, catalog, difficulty="explorer")
    assert explorer.outcome == standard.outcome == "won" and explorer.days <= standard.days


def test_a_save_replays_on_its_own_difficulty(tmp_path):
    level, catalog = shipped_level()
    tuned, tuned_catalog = with_difficulty(level, catalog, "challenge")
    run = Simulation(tuned, tuned_catalog, difficulty="challenge")
    run.run_hours(120)
    path = write_save(capture(run), tmp_path / "slot.json")
    assert json.loads(path.read_text(encoding="utf-8"))["difficulty"] == "challenge"
    restored = restore(read_save(path), level, catalog)  # given the level as written; the save names the preset
    assert restored.difficulty == "challenge" and restored.state_hash() == run.state_hash()
    assert restored.level.start.budget == pytest.approx(tuned.start.budget)


def test_a_save_from_before_the_presets_plays_standard(tmp_path):
    level, catalog = shipped_level()
    run = Simulation(level, catalog)
    run.run_hours(24)
    path = write_save(capture(run), tmp_path / "old.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["difficulty"]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert restore(read_save(path), level, catalog).difficulty == "standard"


def test_the_result_records_the_difficulty():
    level, catalog = shipped_level()
    tuned, tuned_catalog = with_difficulty(level, catalog, "explorer")
    run = Simulation(tuned, tuned_catalog, difficulty="explorer")
    run.run_hours(24)
    data = result_to_json(run_result(tuned, run), dt.datetime(2026, 12, 6))
    assert data["difficulty"] == "explorer" and data["format"] == 3


def test_a_class_fixes_the_difficulty(tmp_path, capsys):
    out = tmp_path / "class.toml"
    assert main(["class", "new", "--name", "8B", "--levels", "agreement-2021", "--difficulty", "challenge",
                 "--out", str(out)]) == 0
    plan = read_class_file(out).plan
    assert plan is not None and plan.difficulty == "challenge"
    assert main(["class", "check", str(out)]) == 0
    assert "difficulty challenge" in capsys.readouterr().out


def test_the_commands_take_a_difficulty(capsys):
    assert main(["simulate", "agreement-2021", "--days", "2", "--difficulty", "explorer"]) == 0
    with pytest.raises(SystemExit):
        main(["autoplay", "agreement-2021", "--difficulty", "hard"])
    assert "invalid choice: 'hard'" in capsys.readouterr().err


def test_a_wrong_difficulty_in_the_settings_file_falls_back_with_a_sentence(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"difficulty": "nightmare"}), encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings.difficulty == Settings().difficulty == "standard"
    assert loaded.warning is not None and "difficulty" in str(loaded.warning)
    assert PRESETS == ("explorer", "standard", "challenge")


def test_the_student_picks_the_difficulty_on_the_briefing_and_the_run_plays_it(app, user_home):
    import pygame

    from tests.app_helpers import click_button, press
    from tests.screen_tour import open_screen

    briefing = open_screen(app, "briefing")
    written = briefing.level.time_limit_days
    assert app.ctx.settings.difficulty == "standard"
    click_button(app, briefing.difficulty_button)  # Standard -> Challenge
    assert app.ctx.settings.difficulty == "challenge" and briefing.difficulty == "challenge"
    assert load_settings().settings.difficulty == "challenge"  # the default for the next level too
    click_button(app, briefing.difficulty_button)  # Challenge -> Explorer: more time
    assert briefing.level.time_limit_days == pytest.approx(written * PRESET_TUNING["explorer"].time_limit)
    assert "Explorer" in briefing.difficulty_button.text
    press(app, pygame.K_RETURN)  # Enter presses the focused button (the difficulty's) again: Explorer -> Standard
    click_button(app, briefing.difficulty_button)
    click_button(app, briefing.start_button)
    run = getattr(app.stack[-1], "run", None)  # the station screen
    assert run is not None and run.simulation.difficulty == app.ctx.settings.difficulty == "challenge"
