"""The station screen's panels copied back from their last drawing (the header, the resource bar, the side panel
and the footer) and the horizon plot's kept parts look exactly as freshly drawn ones through what a player does:
pausing, speeds, tabs, arming and scrolling the palette, demolishing, time passing, news in the log, the horizon
plot opened over tile after tile while the Sun moves, a new palette and a new text size."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.content.loader import load_level_by_path
from game.render.kept_pixels import KeptPixels
from game.scenes.scene import Push
from game.scenes.station.parts import KeptWork
from game.scenes.station.station_scene import StationScene
from game.settings import Settings, save_settings
from tests.app_helpers import press, run_frames

LEVEL_FILE = Path(__file__).resolve().parent.parent / "levels" / "01_agreement_2021.toml"


def _fresh_pixels(app: Any, scene: StationScene) -> bytes:
    """The window drawn with nothing kept, the kept panels put back afterwards."""
    kept, work = scene.kept, scene.kept_work
    scene.kept, scene.kept_work = defaultdict(KeptPixels), KeptWork()
    try:
        app.draw()
        return pygame.image.tobytes(app.window, "RGB")
    finally:
        scene.kept, scene.kept_work = kept, work


def _kept_pixels(app: Any) -> bytes:
    app.draw()
    return pygame.image.tobytes(app.window, "RGB")


def _progress(scene: StationScene) -> None:
    """The first goal a little further along, as a step would bring it."""
    goals = scene.run.snapshot.goals
    further = dataclasses.replace(goals[0], fraction=min(1.0, goals[0].fraction + 0.25))
    scene.run.snapshot = dataclasses.replace(scene.run.snapshot, goals=(further, *goals[1:]))


def _point_at(app: Any, scene: StationScene, cell: tuple[int, int]) -> None:
    """The pointer moved over `cell` of the map."""
    position = scene.camera.tile_rect(*cell).center
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=position, rel=(1, 1), buttons=(0, 0, 0)))
    run_frames(app, 1)


def _run_a_while(app: Any, frames: int) -> None:
    """Time runs at 16× for `frames` frames, then pauses while the map's shadows catch up with the Sun (they are
    drawn a little a frame, so two drawings in a row differ while they sweep)."""
    press(app, pygame.K_3, frames=frames)
    press(app, pygame.K_SPACE, frames=40)


def _point_at_bar(app: Any, scene: StationScene) -> None:
    """The pointer on the resource bar's first cell (its tooltip shows)."""
    bar = scene.layout.resource_bar
    position = (bar.x + 30, bar.centery)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=position, rel=(1, 1), buttons=(0, 0, 0)))
    run_frames(app, 1)


def _new_tooltip_words(scene: StationScene) -> None:
    """The first cell's tooltip says something new while the cell itself reads the same, as most hours bring."""
    first = scene.run.readings[0]
    scene.run.readings[0] = dataclasses.replace(first, tooltip=(*first.tooltip, "A new line for this hour."))


def _set_look(app: Any, scene: StationScene, **change: Any) -> None:
    for name, value in change.items():
        setattr(app.ctx.settings, name, value)
    app.ctx.apply_look()
    scene.relayout()


STEPS: list[tuple[str, Callable[[Any, StationScene], None]]] = [
    ("time runs at 4×", lambda app, scene: press(app, pygame.K_2, frames=40)),
    ("time runs at 16×", lambda app, scene: press(app, pygame.K_3, frames=30)),
    ("paused", lambda app, scene: press(app, pygame.K_SPACE)),
    ("the goals tab", lambda app, scene: press(app, pygame.K_g)),
    ("goals met as time runs", lambda app, scene: _progress(scene)),
    ("the build tab", lambda app, scene: press(app, pygame.K_b)),
    ("a module armed", lambda app, scene: scene.tools.arm(scene.tools.palette.entries[3].spec.id)),
    ("the palette scrolled", lambda app, scene: scene.tools.palette.scroll_by(120, scene.layout.panel.height)),
    ("the tool dropped", lambda app, scene: press(app, pygame.K_ESCAPE)),
    ("demolishing", lambda app, scene: scene.tools.toggle_demolish()),
    ("not demolishing", lambda app, scene: scene.tools.toggle_demolish()),
    ("news in the log", lambda app, scene: scene.run.log.add(scene.run.snapshot.hour, "A test line.", warning=True)),
    ("the horizon plot opened", lambda app, scene: press(app, pygame.K_i)),
    ("the pointer on a tile", lambda app, scene: _point_at(app, scene, (12, 10))),
    ("the Sun moved over the plot", lambda app, scene: _run_a_while(app, 20)),
    ("the pointer on another tile", lambda app, scene: _point_at(app, scene, (3, 4))),
    ("the pointer off the map", lambda app, scene: _point_at(app, scene, (-30, -30))),
    ("the pointer on the bar", lambda app, scene: _point_at_bar(app, scene)),
    ("new words in the bar's tooltip", lambda app, scene: _new_tooltip_words(scene)),
    ("less money", lambda app, scene: setattr(scene.run, "snapshot",
                                              dataclasses.replace(scene.run.snapshot, budget=1.0))),
    ("the colour-blind palette", lambda app, scene: _set_look(app, scene, palette="colour_blind")),
    ("high contrast", lambda app, scene: _set_look(app, scene, high_contrast=True)),
    ("text at 150 %", lambda app, scene: _set_look(app, scene, ui_scale=1.5)),
    ("the pointer back on the map at 150 %", lambda app, scene: _point_at(app, scene, (12, 10))),
    ("in Russian", lambda app, scene: _set_look(app, scene, language="ru")),
    ("the horizon plot closed", lambda app, scene: press(app, pygame.K_i)),
]


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_kept_panels_match_fresh_ones_through_a_game(size: tuple[int, int]) -> None:
    from game.app import open_app

    save_settings(Settings(window_size=size))
    app = open_app()
    try:
        scene = StationScene(app.ctx, load_level_by_path(LEVEL_FILE))
        app.request(Push(scene))
        run_frames(app, 3)
        assert app.window.get_size() == size
        scene.run.hints.dismiss()
        for name, step in STEPS:
            step(app, scene)
            run_frames(app, 2)
            assert _kept_pixels(app) == _fresh_pixels(app, scene), f"a kept panel is stale after: {name}"
    finally:
        app.close()
