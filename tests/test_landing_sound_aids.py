"""The landing screen with its sound aids and comfort settings: heard, called out, calm, slower and fairly graded."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pygame
import pytest

from game.content.loader import LoadedLevel, load_level_by_path
from game.landing.callouts import MAX_LAG_S
from game.render import palette
from game.render.sound_panel import ROWS
from game.scenes.landing import flight_drawing
from game.scenes.landing.flight_screen import LandingScene
from game.settings import Settings
from tests.app_helpers import changed_pixels, drawing_one_frame_in
from tests.conftest import LEVELS

FRAME = 1 / 60
SLOW_LAPTOP_FRAME = 1 / 15
FAST = 0.25


@pytest.fixture(scope="module")
def loaded() -> LoadedLevel:
    return load_level_by_path(LEVELS / "01_agreement_2021.toml")


@pytest.fixture
def open_scene(loaded: LoadedLevel) -> Iterator[Callable[..., Any]]:
    """Opens the app on a landing flown by the autopilot, with `settings` changed as given."""
    from game.app import open_app

    opened: list[Any] = []

    def opener(seed: int = 2, **settings: Any) -> Any:
        def landing(ctx: Any) -> LandingScene:
            for name, value in settings.items():
                setattr(ctx.settings, name, value)
            return LandingScene(ctx, loaded, seed=seed, autopilot=True)

        app = open_app(landing)
        opened.append(app)
        return app

    yield opener
    for app in opened:
        app.close()


def _fly(app: Any, frame: float, limit: int = 20000) -> LandingScene:
    """Flies to the end and three seconds on, drawing about one frame a second, one in 30 at 60 frames a second,
    one in 4 in long frames (what is heard and said is decided in the updates, and the drawing still runs through
    every phase)."""
    scene = app.top
    assert isinstance(scene, LandingScene)
    with drawing_one_frame_in(app, 30 if frame < FAST else 4):
        for _ in range(limit):
            if scene.phase != "flying":
                break
            app.frame(frame)
        assert scene.phase == "finished"
        for _ in range(round(3.0 / frame)):  # the grade is called out after the flight
            app.frame(frame)
    return scene



def test_with_audio_assistance_a_landing_is_heard_and_called_down_in_the_player_s_language(
    open_scene: Callable[..., Any],
) -> None:
    scene = _fly(open_scene(audio_assistance=True, language="ru"), FRAME)
    aids = scene.aids
    assert aids is not None and aids.on and aids.player.tones and aids.player.language == "ru"
    said = aids.player.scheduler.log
    assert [spoken.callout for spoken in said][:4] == ["height_100", "height_50", "height_20", "height_10"]
    assert scene.result is not None and said[-1].callout == f"landed_{scene.result.grade.name}"
    assert "contact" in [spoken.callout for spoken in said]
    for before, after in itertools.pairwise(said):
        assert after.start_s >= before.end_s - 1e-9
    assert all(spoken.lag_s <= MAX_LAG_S for spoken in said)


def test_the_sound_panel_shows_the_cues_while_flying(open_scene: Callable[..., Any]) -> None:
    app = open_scene(audio_assistance=True)
    scene = app.top
    for _ in range(30):
        app.frame(FRAME)
    assert scene.aids is not None and scene.aids.cues is not None
    size = app.window.get_size()
    with_panel, without = pygame.Surface(size), pygame.Surface(size)
    scene.draw(with_panel, 1.0)
    scene.aids.on = False
    scene.draw(without, 1.0)
    # The same frame: the panel is the difference, a block inside the window with a line for its title and each
    # cue, clear of the lander flying in the middle.
    columns, rows = np.nonzero(changed_pixels(with_panel, without))
    assert columns.size > 0, "the sound panel drew nothing"
    block = pygame.Rect(columns.min(), rows.min(), columns.max() - columns.min() + 1, rows.max() - rows.min() + 1)
    small = app.ctx.fonts.regular(palette.SMALL)
    assert block.height >= (1 + len(ROWS)) * small.get_linesize(), block
    assert block.width >= max(small.size(label)[0] for label in ROWS), block
    lander_x, _ = flight_drawing.view_camera(scene, size, 1.0).to_screen(*scene.session.pose[:2])
    assert pygame.Rect((0, 0), size).contains(block) and block.right < lander_x, (block, lander_x)


def test_without_assistance_nothing_is_heard_or_said(open_scene: Callable[..., Any]) -> None:
    scene = _fly(open_scene(), FAST)
    assert scene.aids is not None and not scene.aids.on
    assert scene.aids.player.scheduler.log == [] and scene.aids.cues is None


def test_tones_alone_or_call_outs_alone_as_chosen(open_scene: Callable[..., Any]) -> None:
    app = open_scene(sonified_landing="on")
    scene = _fly(app, FAST)
    assert scene.aids is not None and scene.aids.player.tones and scene.aids.player.scheduler.log == []
    app.close()
    scene = _fly(open_scene(spoken_callouts="on", sonified_landing="auto"), FAST)
    assert scene.aids is not None and not scene.aids.player.tones and scene.aids.player.scheduler.log


def test_with_no_audio_device_the_aids_run_and_nothing_is_said_to_be_wrong(
    open_scene: Callable[..., Any], monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_device(*args: object, **kwargs: object) -> None:
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    app = open_scene(audio_assistance=True)
    scene = _fly(app, FAST)
    assert scene.aids is not None and not scene.aids.player.audible
    assert scene.aids.player.scheduler.log  # what would be said is still shown in the panel
    assert app.ctx.notices.shown == []


def test_reduced_motion_flies_the_same_landing_with_no_exhaust_or_dust(open_scene: Callable[..., Any]) -> None:
    flown = {}
    for reduced in (True, False):
        app = open_scene(reduced_motion=reduced)
        most = 0
        with drawing_one_frame_in(app, 4):  # the particles are made and moved in the updates
            for _ in range(200):
                app.frame(FAST)
                most = max(most, len(app.top.particles.items))
        flown[reduced] = (most, app.top.session.flight.state())
        app.close()
    assert flown[True][0] == 0 < flown[False][0]
    assert flown[True][1] == flown[False][1]


def test_a_slower_landing_takes_longer_on_the_clock_and_is_graded_the_same(open_scene: Callable[..., Any]) -> None:
    frames = {}
    results = {}
    for scale in (1.0, 0.5, 0.25):
        app = open_scene(landing_time_scale=scale)
        scene = app.top
        count = 0
        # The subject is the clock, not the pixels: one frame drawn in 30. Frames of a slow laptop, 15 a second:
        # the clock's ratio is the same at any frame rate, and 60 a second made 25,000 frames.
        with drawing_one_frame_in(app, 30):
            while scene.phase == "flying":
                app.frame(SLOW_LAPTOP_FRAME)
                count += 1
        frames[scale], results[scale] = count, scene.result
        app.close()
    assert frames[0.5] == pytest.approx(2 * frames[1.0], rel=0.01)
    assert frames[0.25] == pytest.approx(4 * frames[1.0], rel=0.01)
    grades = {scale: (result.grade, result.final_state) for scale, result in results.items()}
    assert grades[1.0] == grades[0.5] == grades[0.25]  # graded on the flight's own seconds, not the wall's


def test_the_settings_screen_offers_the_aids_and_comfort(app: Any) -> None:
    from game.scenes.menus.settings_rows import settings_rows

    keys = {row.key for row in settings_rows(Settings())}
    assert {"audio_assistance", "sonified_landing", "spoken_callouts", "landing_time_scale",
            "reduced_motion"} <= keys
    speeds = next(row for row in settings_rows(Settings(landing_time_scale=0.3)) if row.key == "landing_time_scale")
    assert 0.3 in [value for _, value in speeds.choices]  # a speed from the file is kept, not lost
