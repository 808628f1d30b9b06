"""Where the player's files go: the system's folders, portable mode beside the program, and folders whose names
have spaces and non-Latin letters; the game never writes into its own install folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game import paths, progress, settings
from game.cli import where_lines

REPO = Path(__file__).resolve().parent.parent


def test_without_a_marker_the_system_user_folders_are_used(tmp_path):
    home = paths.resolve_user_home({}, program=tmp_path)
    assert home.mode == "system"
    assert not home.problem
    assert tmp_path not in home.data.parents


def test_a_marker_beside_the_program_keeps_every_file_beside_it(tmp_path):
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    home = paths.resolve_user_home({}, program=tmp_path)
    assert home.mode == "portable"
    kept = tmp_path / paths.PORTABLE_FOLDER
    for folder in (home.data, home.config, home.cache, home.pictures):
        assert kept in folder.parents


def test_portable_mode_on_a_read_only_stick_falls_back_and_says_why(tmp_path):
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    # A file where the folder should be cannot be written into, as on a locked stick (root ignores chmod here).
    (tmp_path / paths.PORTABLE_FOLDER).write_text("", encoding="utf-8")
    home = paths.resolve_user_home({}, program=tmp_path)
    assert home.mode == "system"
    assert "Portable mode is on" in home.problem and "cannot be written" in home.problem


def test_an_installed_python_game_has_no_program_folder_and_no_portable_mode():
    assert paths.program_dir() is None  # only a standalone build has one
    assert paths.resolve_user_home({}, program=None).mode == "system"


def test_the_home_override_wins_over_portable_mode(tmp_path):
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    home = paths.resolve_user_home({"LUNAR_STATION_HOME": str(tmp_path / "override")}, program=tmp_path)
    assert home.mode == "override"
    assert home.data == tmp_path / "override" / "data"


@pytest.mark.parametrize("name", ["Сергей/Рабочий стол/Лунная станция", "学生/桌面 files", "Ünïcode ü/space d"])
def test_settings_progress_and_saves_live_in_folders_with_any_letters(tmp_path, monkeypatch, name):
    folder = tmp_path / name
    monkeypatch.setenv("LUNAR_STATION_HOME", str(folder))
    settings.save_settings(settings.Settings(ui_scale=1.5, language="ru"))
    loaded = settings.load_settings()
    assert loaded.warning is None
    assert (loaded.settings.ui_scale, loaded.settings.language) == (1.5, "ru")
    assert folder in settings.settings_path().parents
    progress.mark_completed("agreement-2021", score=80)
    assert progress.load_progress().best_score("agreement-2021") == 80
    assert folder in progress.progress_path().parents


def test_where_names_every_folder_and_the_mode(tmp_path):
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    lines = where_lines(paths.resolve_user_home({}, program=tmp_path))
    text = "\n".join(lines)
    assert "portable mode" in text
    for label in ("settings", "saves", "mods", "results", "screenshots", "cache"):
        assert f"{label}:" in text
    assert str(tmp_path / paths.PORTABLE_FOLDER) in text


def test_where_runs_from_the_command_line(tmp_path, user_home):
    result = subprocess.run([sys.executable, "-m", "game", "where"], cwd=REPO, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert "LUNAR_STATION_HOME is set" in result.stdout
    assert str(user_home / "data" / "saves") in result.stdout
