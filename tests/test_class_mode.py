"""Class mode in the real app: the class file picked up, a student's name, the class's levels, locked settings,
and two students on one machine keeping their own progress and saves."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pygame
import pytest

from game import paths
from game.app import open_app
from game.classroom.pickup import CLASS_FILE_NAME, class_file_place
from game.classroom.pin import hash_pin
from game.classroom.session import ClassSession
from game.content.class_file import ClassFile, class_file_text
from game.progress import load_progress, mark_completed
from game.scenes.campaign.level_list import LevelListScene
from game.scenes.classroom.name_entry import NameEntryScene
from game.scenes.menus.settings_screen import SettingsScene
from game.scenes.menus.title import TitleScene, latest_save
from tests.app_helpers import click_button, press, run_frames, type_text

LEVELS = ["change7-2026", "agreement-2021"]


def write_class(folder: Path, **changes: Any) -> Path:
    plan = ClassFile(**{"format": 1, "name": "Year 9 Physics", "levels": LEVELS, "locked": ["language", "hints"],
                        "text_size_floor": 1.2, "ask_name": True, **changes})
    path = folder / CLASS_FILE_NAME
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(class_file_text(plan), encoding="utf-8")
    return path


def start_as(class_file: Path, student: str) -> Any:
    app = open_app(class_file=class_file)
    run_frames(app)
    assert isinstance(app.top, NameEntryScene)
    type_text(app, student)
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, TitleScene)
    return app


def test_the_class_file_is_found_where_the_teacher_put_it(tmp_path: Path) -> None:
    shared = write_class(tmp_path / "share")
    program = tmp_path / "stick"
    portable = write_class(program)
    assert class_file_place(None, {}, "", program) == portable  # beside a portable install
    assert class_file_place(None, {"LUNAR_STATION_CLASS": str(shared.parent)}, "", program) == shared  # a folder
    assert class_file_place(None, {}, str(shared), program) == shared  # the machine's setting
    opened = tmp_path / "other.toml"
    assert class_file_place(opened, {"LUNAR_STATION_CLASS": str(shared)}, "", program) == opened  # opened wins
    assert class_file_place(None, {}, "", tmp_path / "nothing") is None


def test_a_student_names_themself_and_sees_only_the_class_levels(tmp_path: Path) -> None:
    app = open_app(class_file=write_class(tmp_path / "share"))
    try:
        run_frames(app)
        assert isinstance(app.top, NameEntryScene)
        press(app, pygame.K_RETURN)  # nothing typed: no way past
        assert isinstance(app.top, NameEntryScene) and app.top.problem
        type_text(app, "Seat 12")
        press(app, pygame.K_RETURN)
        title = app.top
        assert isinstance(title, TitleScene)
        assert title.subtitle() == "Class: Year 9 Physics  ·  Seat 12"
        labels = [item.label for item in title.items]
        assert "Class levels" in labels and "Campaign" not in labels and "Sandbox and mods" not in labels
        assert app.ctx.settings.ui_scale == pytest.approx(1.2)  # the class's text size floor
        click_button(app, title.button_labelled("Class levels"))
        listing = app.top
        assert isinstance(listing, LevelListScene)
        assert [entry.level_id for entry in listing.entries] == LEVELS  # the class's order, nothing else
        assert not any(entry.locked for entry in listing.entries)
    finally:
        app.close()


def test_locked_settings_are_shown_locked_and_stay_as_the_class_set_them(tmp_path: Path) -> None:
    app = start_as(write_class(tmp_path / "share", language="en"), "Ana")
    try:
        click_button(app, app.top.button_labelled("Settings"))
        screen = app.top
        assert isinstance(screen, SettingsScene)
        kinds = {row.key: row.kind for row in screen.rows}
        assert kinds["hints"] == "locked" and kinds["palette"] == "choice"
        assert next(row for row in screen.rows if row.key == "ui_scale").low == 120
        screen.working.hints = False  # as if changed anyway: Apply keeps the class's value
        screen.working.ui_scale = 1.0
        screen.apply()
        assert app.ctx.settings.hints is True and app.ctx.settings.ui_scale == pytest.approx(1.2)
    finally:
        app.close()


def test_a_damaged_or_newer_class_file_plays_without_a_class_and_says_why(tmp_path: Path) -> None:
    newer = tmp_path / "newer.toml"
    newer.write_text('format = 9\nname = "X"\nlevels = ["a"]\n', encoding="utf-8")
    damaged = tmp_path / "damaged.toml"
    damaged.write_text("name = [unclosed\n", encoding="utf-8")
    for path, reason in ((newer, "newer version"), (damaged, "damaged.toml")):
        app = open_app(class_file=path)
        try:
            run_frames(app)
            assert app.ctx.classroom is None and isinstance(app.top, TitleScene)
            shown = " ".join(notice.text for notice in app.ctx.notices.shown)
            assert "plays without a class" in shown and reason in shown
        finally:
            app.close()


def test_two_students_on_one_machine_keep_their_own_progress_and_saves(tmp_path: Path) -> None:
    class_file = write_class(tmp_path / "share", teacher_pin=hash_pin("4321", iterations=100_000))
    app = start_as(class_file, "Ana")
    try:
        mark_completed("change7-2026", 800)
        saves = paths.user_saves_dir()
        saves.mkdir(parents=True)
        (saves / "change7-2026.json").write_text("{}", encoding="utf-8")
        assert latest_save() is not None
    finally:
        app.close()
    paths.use_player_folder("")
    app = start_as(class_file, "Ben")
    try:
        assert load_progress().completed == {} and latest_save() is None
        assert "Continue" not in [item.label for item in app.top.items]  # Ben never sees Ana's Continue
        assert "Ben" in str(paths.player_data_dir()) and "Ana" in str(saves)
    finally:
        app.close()


def test_the_time_limit_ends_a_level_as_time_up_and_the_result_goes_to_the_class_folder(tmp_path: Path) -> None:
    from game.content.loader import load_level_by_path
    from game.scenes.campaign.debrief import DebriefScene
    from game.scenes.scene import Push
    from game.scenes.station.station_scene import StationScene

    results = tmp_path / "share" / "results"
    app = start_as(write_class(tmp_path / "share", time_limit_minutes=5, results_folder="results"), "Ana")
    try:
        loaded = load_level_by_path(Path(__file__).resolve().parent.parent / "levels" / "02_change7_2026.toml")
        app.request(Push(StationScene(app.ctx, loaded)))
        run_frames(app)
        station = app.top
        assert isinstance(station, StationScene) and station.runner.time_limit_seconds == 300
        assert station.runner.paused  # paused or not, the lesson's clock runs
        station.runner.played_seconds = 299.99
        run_frames(app, 3)
        debrief = app.top
        assert isinstance(debrief, DebriefScene) and debrief.result.outcome == "time-up"
        assert debrief.result.student == "Ana" and debrief.result.class_name == "Year 9 Physics"
        click_button(app, debrief.buttons.get("Back to campaign"))
        written = sorted(results.glob("*.json"))
        assert len(written) == 1 and written[0].name.startswith("Ana-change7-2026-")
        data = json.loads(written[0].read_text(encoding="utf-8"))
        assert data["outcome"] == "time-up" and data["played_seconds"] >= 300
        assert load_progress().completed == {}  # time up is not a win
    finally:
        app.close()


def test_a_results_folder_that_cannot_be_written_sends_results_to_the_user_folder(tmp_path: Path) -> None:
    blocked = tmp_path / "share" / "results"
    blocked.parent.mkdir(parents=True)
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    session = ClassSession(ClassFile(format=1, name="C", levels=LEVELS, results_folder=str(blocked)),
                           tmp_path / "share" / CLASS_FILE_NAME, "Ana")
    folder, problem = session.results_folder(tmp_path / "mine")
    assert folder == tmp_path / "mine" and problem is not None and str(blocked) in problem
    writable = tmp_path / "shared-results"
    session.plan = session.plan.model_copy(update={"results_folder": str(writable)})
    assert session.results_folder(tmp_path / "mine") == (writable, None)


def test_the_teachers_pin_unlocks_the_class_settings_from_a_small_dialog(tmp_path: Path) -> None:
    from game.scenes.classroom.pin_dialog import PinScene
    from game.scenes.classroom.teacher import TeacherScene

    app = start_as(write_class(tmp_path / "share", teacher_pin=hash_pin("4321", iterations=100_000)), "Ana")
    try:
        click_button(app, app.top.button_labelled("Teacher"))
        dialog = app.top
        assert isinstance(dialog, PinScene)
        type_text(app, "1111")
        press(app, pygame.K_RETURN)
        assert app.top is dialog and dialog.problem and not app.ctx.classroom.unlocked
        type_text(app, "4321")
        press(app, pygame.K_RETURN)
        assert isinstance(app.top, TeacherScene) and app.ctx.classroom.unlocked
        click_button(app, app.top.buttons.get("back"))
        click_button(app, app.top.button_labelled("Settings"))
        assert not any(row.kind == "locked" for row in app.top.rows)  # unlocked for this session
    finally:
        app.close()


def test_the_teacher_screen_makes_a_class_file_and_builds_the_report(tmp_path: Path) -> None:
    from game.classroom.pin import pin_matches
    from game.content.class_file import read_class_file
    from game.scenes.classroom.teacher import TeacherScene

    app = open_app()
    try:
        run_frames(app)
        click_button(app, app.top.button_labelled("Teacher"))  # no class: open, no PIN asked
        teacher = app.top
        assert isinstance(teacher, TeacherScene)
        out = tmp_path / "lesson" / "class.toml"
        def type_in(name: str, text: str) -> None:  # into its box when its page is shown, else as if typed there
            entry = teacher.entries.get(name)
            if entry is not None:
                entry.set_text(text)
            teacher.values[name] = text

        for name, text in (("name", "Year 10 Geography"), ("time_limit_minutes", "20"), ("pin", "2468"),
                           ("results_folder", "results"), ("save_to", str(out)), ("text_size_floor", "130")):
            type_in(name, text)
        for level, _ in teacher.known_levels:  # every level starts in the lesson: leave out all but two
            if level not in ("agreement-2021", "change7-2026"):
                teacher.choose("level:" + level)
        for choice in ("lock:assists", "lock:hints", "difficulty", "difficulty", "difficulty", "ask_name"):
            teacher.choose(choice)  # two locks, Explorer, Standard, Challenge; no names in this lesson
        click_button(app, teacher.buttons.get("save"))
        read = read_class_file(out)
        assert read.plan is not None, read.problems
        plan = read.plan
        assert (plan.name, plan.levels, plan.locked, plan.time_limit_minutes, plan.ask_name, plan.text_size_floor) == (
            "Year 10 Geography", ["agreement-2021", "change7-2026"], ["hints", "assists"], 20, False, 1.3)
        assert plan.teacher_pin is not None and pin_matches("2468", plan.teacher_pin)
        assert plan.difficulty == "challenge"
        assert "2468" not in out.read_text(encoding="utf-8")
        assert str(out) in teacher.message
        type_in("time_limit_minutes", "twenty")
        click_button(app, teacher.buttons.get("save"))
        assert "whole numbers" in teacher.message  # one sentence, nothing written over
        assert read_class_file(out).plan == plan
        # The report of a results folder, from one real exported result.
        results = tmp_path / "results"
        results.mkdir()
        (results / "Ana-x.json").write_text(json.dumps({
            "format": 2, "exported": "2026-12-06T10:00:00", "level_id": "agreement-2021", "level_title": "A",
            "outcome": "won", "score": 500, "day": 10, "student": "Ana", "class_name": "Year 10 Geography",
        }), encoding="utf-8")
        type_in("report_from", str(results))
        click_button(app, teacher.buttons.get("report"))
        report = results / "class-report.html"
        assert report.is_file() and "Ana" in report.read_text(encoding="utf-8")
        assert str(report) in teacher.message
    finally:
        app.close()


def test_a_class_that_fixes_the_difficulty_sets_it_for_the_session_and_shows_it_locked(tmp_path: Path) -> None:
    from game.content.loader import load_level_by_path
    from game.scenes.campaign.briefing import BriefingScene
    from game.scenes.scene import Push

    app = start_as(write_class(tmp_path / "share", difficulty="challenge"), "Ana")
    try:
        assert app.ctx.settings.difficulty == "challenge" and app.ctx.classroom.is_locked("difficulty")
        loaded = load_level_by_path(Path(__file__).resolve().parent.parent / "levels" / "02_change7_2026.toml")
        app.request(Push(BriefingScene(app.ctx, loaded)))
        run_frames(app)
        briefing = app.top
        assert isinstance(briefing, BriefingScene) and not briefing.difficulty_button.is_enabled
        briefing.next_difficulty()
        assert app.ctx.settings.difficulty == "challenge"
    finally:
        app.close()


def test_what_the_class_sets_for_its_session_is_not_saved_as_the_machines_own(tmp_path: Path) -> None:
    from game.settings import load_settings

    app = start_as(write_class(tmp_path / "share", language="ru", difficulty="challenge"), "Ana")
    try:
        assert (app.ctx.settings.language, app.ctx.settings.difficulty) == ("ru", "challenge")
        assert app.ctx.settings.ui_scale >= 1.2
        app.ctx.settings.hints = False  # a setting the class does not set: the student's change is kept
    finally:
        app.close()  # the app saves the settings as it closes
    saved = load_settings().settings
    assert (saved.language, saved.difficulty, saved.ui_scale) == ("en", "standard", 1.0)
    assert saved.hints is False
