"""`lunar-station play LEVEL`: the level opens at once, and a change to its files is offered as a reload that
keeps the view of the map; a change that breaks the level keeps the one being played."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pygame
import pytest

from game import cli
from game.content.loader import load_level_by_path
from game.content.watch import LevelWatch
from game.scenes.menus.title import TitleScene
from game.scenes.station.station_scene import StationScene
from tests.app_helpers import press

REPO = Path(__file__).resolve().parent.parent
ARTEMIS = REPO / "examples" / "mods" / "artemis"


@pytest.fixture
def mod(tmp_path: Path) -> Path:
    copy = tmp_path / "artemis"
    shutil.copytree(ARTEMIS, copy)
    return copy


def touch_later(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    later = time.time() + 5  # a different time of change even on a file system with coarse times
    os.utime(path, (later, later))


def wait_a_second(app) -> None:
    for _ in range(12):  # the app takes at most a short step per frame
        app.frame(0.1)


def open_level(level: Path):
    from game.app import open_app

    loaded = load_level_by_path(level)
    assert loaded.ok
    watch = LevelWatch(level)
    return open_app(lambda ctx: StationScene(ctx, loaded, watch=watch), under_title=True)


def test_a_changed_level_is_offered_and_reloaded_keeping_the_view(mod):
    level = mod / "artemis_gateway.toml"
    app = open_level(level)
    try:
        assert isinstance(app.stack[0], TitleScene)  # leaving the level goes to the title, not out of the game
        scene = app.top
        assert isinstance(scene, StationScene)
        app.frame(1 / 60)
        scene.camera.zoom_at(2.0)
        scene.camera.centre_x, scene.camera.centre_y = 30.0, 12.0
        wait_a_second(app)
        assert not scene.reload.offered  # nothing changed yet
        text = level.read_text(encoding="utf-8")
        touch_later(level, re.sub(r'^title = ".*"$', 'title = "Artemis, edited"', text, count=1, flags=re.M))
        wait_a_second(app)
        assert scene.reload.offered
        started = time.perf_counter()
        press(app, pygame.K_RETURN, frames=3)
        reloaded = app.top
        assert isinstance(reloaded, StationScene) and reloaded is not scene
        assert time.perf_counter() - started < 5  # the benchmark holds the real target (1 s)
        assert reloaded.run.level.title == "Artemis, edited"
        assert (reloaded.camera.tile_px, reloaded.camera.centre_x, reloaded.camera.centre_y) == \
            (scene.camera.tile_px, 30.0, 12.0)
        assert len(app.stack) == 2  # replaced, not stacked
    finally:
        app.close()


def test_a_change_that_breaks_the_level_keeps_the_one_being_played(mod):
    level = mod / "artemis_gateway.toml"
    app = open_level(level)
    try:
        scene = app.top
        app.frame(1 / 60)
        touch_later(level, level.read_text(encoding="utf-8").replace("time_limit_days = 60", "time_limit_days = -1"))
        wait_a_second(app)
        press(app, pygame.K_RETURN, frames=3)
        assert app.top is scene
        shown = " ".join(notice.text for notice in app.ctx.notices.shown)
        assert "cannot be played yet" in shown and "time_limit_days" in shown
        # Esc keeps playing; the next change is offered again.
        touch_later(mod / "catalog" / "modules.toml", (mod / "catalog" / "modules.toml").read_text(encoding="utf-8"))
        wait_a_second(app)
        assert scene.reload.offered
        press(app, pygame.K_ESCAPE, frames=3)
        assert app.top is scene and not scene.reload.offered
    finally:
        app.close()


def test_play_names_a_level_that_is_not_there_or_broken(capsys, tmp_path):
    assert cli.main(["play", "no-such-level"]) == 1
    assert "no level file or level called 'no-such-level'" in capsys.readouterr().err
    broken = tmp_path / "broken.toml"
    broken.write_text("format = 1\n", encoding="utf-8")
    assert cli.main(["play", str(broken)]) == 1
    assert "the level has problems" in capsys.readouterr().err
