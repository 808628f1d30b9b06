"""The landing screen and landing practice, driven through the real app loop with no window."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.content.loader import LoadedLevel, load_level_by_path
from game.content.models import LandingAssists
from game.landing.pilot import PilotCommand
from game.landing.recorder import read_recording
from game.landing.run import LandingResult, fly
from game.landing.scenario import scenario_for
from game.render.landing_hud import draw_help_band
from game.scenes.landing import flight_drawing
from game.scenes.landing import flight_screen as landing_flight
from game.scenes.landing.flight_screen import LandingScene, flights_dir
from game.scenes.landing.practice_screen import LandingPracticeScene
from game.scenes.scene import Push
from game.ui.flight_input import FlightInput
from tests.app_helpers import colours_in, drawing_one_frame_in
from tests.conftest import LEVELS

LEVEL_FILE = LEVELS / "01_agreement_2021.toml"
FAST = 0.25  # a long frame: the clock runs its most catch-up steps, so a whole landing takes few frames


@pytest.fixture(scope="module")
def loaded() -> LoadedLevel:
    level = load_level_by_path(LEVEL_FILE)
    assert level.ok, level.problems
    return level


@pytest.fixture
def open_scene(loaded: LoadedLevel) -> Iterator[Callable[..., Any]]:
    """Opens the app with a LandingScene built from keyword arguments; closes it after the test."""
    from game.app import open_app

    opened: list[Any] = []

    def opener(**options: Any) -> Any:
        app = open_app(lambda ctx: LandingScene(ctx, loaded, **options))
        opened.append(app)
        return app

    yield opener
    for app in opened:
        app.close()


def key(app: Any, code: int, up: bool = True, frames: int = 1, dt: float = 1 / 60) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0))
    if up:
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=code, mod=0, unicode="", scancode=0))
    for _ in range(frames):
        app.frame(dt)


def fly_to_the_end(app: Any, limit: int = 3000, drawn_one_in: int = 4) -> LandingScene:
    """Flies in long frames to the end, drawing one frame in `drawn_one_in` (once a second of flight: the drawing
    runs through every phase, and costs nine tenths of a frame where the subject is the flight, not its pixels)."""
    scene = app.top
    assert isinstance(scene, LandingScene)
    with drawing_one_frame_in(app, drawn_one_in):
        for _ in range(limit):
            if scene.phase != "flying":
                break
            app.frame(FAST)
    assert scene.phase == "finished"
    return scene


def test_the_autopilot_flies_the_scene_to_a_graded_finish_and_continue_reports_it(open_scene: Any) -> None:
    results: list[LandingResult] = []
    app = open_scene(cargo="battery", seed=3, autopilot=True, on_finished=results.append)
    scene = fly_to_the_end(app, drawn_one_in=1)  # every frame drawn, the result screen's first among them
    assert scene.result is not None
    assert scene.result.grade.name in ("perfect", "good")
    assert scene.result.recording.cargo == "battery"
    assert len(colours_in(app.window, step=8)) > 20, "the result screen is blank"
    key(app, pygame.K_RETURN, frames=2)
    assert [result.grade.name for result in results] == [scene.result.grade.name]
    assert not app.running  # it popped the only scene


def test_the_screen_flies_exactly_as_the_headless_autopilot(open_scene: Any, loaded: LoadedLevel) -> None:
    level, catalog = loaded.require()
    headless = fly(level, catalog, seed=5, cargo="battery")
    scene = fly_to_the_end(open_scene(cargo="battery", seed=5, autopilot=True))
    assert scene.result is not None
    assert scene.result.final_state == headless.final_state
    assert scene.result.grade == headless.grade


def test_keys_move_the_throttle_and_turn_the_lander(open_scene: Any) -> None:
    app = open_scene(seed=1)
    scene = app.top
    key(app, pygame.K_UP, up=False, frames=30)
    assert scene.session.last_command.throttle > 0.2
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_UP, mod=0, unicode="", scancode=0))
    key(app, pygame.K_x, frames=2)
    assert scene.session.last_command.throttle == 0.0
    key(app, pygame.K_LEFT, up=False, frames=3)
    assert scene.session.last_command.attitude == 1.0
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_LEFT, mod=0, unicode="", scancode=0))
    key(app, pygame.K_d, up=False, frames=3)
    assert scene.session.last_command.attitude == -1.0
    key(app, pygame.K_z, frames=2)
    assert scene.session.last_command.throttle == 1.0
    assert scene.session.seen.angular_velocity_rad_s < 0.0  # turning right, clockwise


def test_kill_rotation_asks_to_hold_the_present_angle() -> None:
    controls = FlightInput()
    pressed = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_k, mod=0, unicode="", scancode=0)
    assert controls.handle(pressed)
    seen = _observation(angle=0.3)
    command = controls.command(seen, 1 / 60)
    assert command.target_angle_rad == pytest.approx(0.3)


def test_a_gamepad_stick_turns_and_throttles_without_a_device() -> None:
    controls = FlightInput()
    controls.handle(pygame.event.Event(pygame.JOYAXISMOTION, axis=0, value=1.0, joy=0, instance_id=0))
    controls.handle(pygame.event.Event(pygame.JOYAXISMOTION, axis=1, value=-1.0, joy=0, instance_id=0))
    command = controls.command(_observation(), 0.5)
    assert command.attitude == -1.0  # stick right: turn right
    assert command.throttle == pytest.approx(0.5 / 1.5)


def test_pause_stops_the_flight_and_time_stands_still(open_scene: Any) -> None:
    app = open_scene(seed=2)
    scene = app.top
    app.frame(FAST)
    key(app, pygame.K_p)
    frozen = scene.session.time_s
    for _ in range(5):
        app.frame(FAST)
    assert scene.session.time_s == frozen
    key(app, pygame.K_p, frames=3)
    assert scene.session.time_s > frozen


def test_escape_asks_then_abandons_as_a_crash(open_scene: Any) -> None:
    results: list[LandingResult] = []
    app = open_scene(seed=2, on_finished=results.append)
    app.frame(FAST)
    key(app, pygame.K_ESCAPE, frames=2)
    assert app.running and app.top.dialog is not None
    key(app, pygame.K_ESCAPE, frames=2)  # changed our mind
    assert app.running and app.top.dialog is None
    key(app, pygame.K_ESCAPE, frames=2)
    key(app, pygame.K_RETURN, frames=2)
    assert not app.running
    assert results[0].grade.name == "crash"
    assert "abandoned" in results[0].grade.reasons[0]


def test_export_csv_writes_the_flight_to_the_user_data_folder(open_scene: Any) -> None:
    app = open_scene(seed=4, autopilot=True)
    scene = fly_to_the_end(app)
    key(app, pygame.K_e, frames=2)
    written = list(flights_dir().glob("*.csv"))
    assert len(written) == 1
    with written[0].open(encoding="utf-8") as table:
        rows = list(csv.reader(table))
    assert rows[0][:2] == ["time_s", "altitude_m"]
    assert len(rows) == scene.result.steps + 1 if scene.result else False
    assert any(str(written[0]) in notice.text for notice in app.notices.shown)


def test_a_saved_recording_replays_to_the_same_grade_in_practice(open_scene: Any) -> None:
    app = open_scene(seed=6, cargo="battery", practice=True, autopilot=True,
                     assists=LandingAssists(attitude_hold=True, target_scale=2.0))
    first = fly_to_the_end(app)
    path = first.save_recording()
    assert path is not None and path.suffix == ".json"
    practice = LandingPracticeScene(app.ctx)
    practice.enter()
    push = practice.replay_file(path)
    practice.exit()
    assert push is not None
    app.request(push)
    replayed = fly_to_the_end(app)
    assert replayed.replaying
    assert replayed.result is not None and first.result is not None
    assert replayed.result.grade == first.result.grade
    assert replayed.result.final_state == first.result.final_state


def test_a_cli_recording_replays_identically_in_the_game(open_scene: Any, loaded: LoadedLevel, tmp_path: Path) -> None:
    level, catalog = loaded.require()
    record = tmp_path / "flight.json"
    headless = fly(level, catalog, seed=8, record_path=record, cargo="battery")
    app = open_scene(replay=read_recording(record), practice=True)
    scene = fly_to_the_end(app)
    assert scene.result is not None
    assert scene.result.final_state == headless.final_state
    assert scene.result.grade == headless.grade


def test_a_recording_that_cannot_be_read_gets_a_sentence(app: Any, tmp_path: Path) -> None:
    practice = LandingPracticeScene(app.ctx)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert practice.replay_file(broken) is None
    assert practice.replay_file(tmp_path) is None
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": 1, "level": "nowhere", "seed": 0, "lander": "change_class",
                                 "cargo": None, "gravity_m_s2": 1.6, "commands": []}), encoding="utf-8")
    practice.enter()
    assert practice.replay_file(other) is None
    practice.exit()
    texts = [notice.text for notice in app.notices.shown]
    assert any("broken.json is not valid JSON" in text for text in texts)
    assert any("is a folder" in text for text in texts)
    assert any("'nowhere'" in text for text in texts)


def test_the_practice_panel_changes_gravity_and_thrust(app: Any) -> None:
    practice = LandingPracticeScene(app.ctx)
    app.request(Push(practice))
    app.frame(1 / 60)
    assert practice.world.name == "Moon"
    key(app, pygame.K_DOWN)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RIGHT)  # Gravity: Mars
    assert practice.world.gravity_m_s2 == 3.71
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RIGHT)  # Engine thrust: the next step up
    assert len(colours_in(app.window, step=8)) > 8, "the practice panel is blank"
    key(app, pygame.K_RETURN, frames=2)
    flying = app.top
    assert isinstance(flying, LandingScene)
    assert flying.scenario.gravity_m_s2 == 3.71
    assert flying.scenario.lander.max_thrust_n == pytest.approx(7500 * 1.5)
    assert flying.practice


def test_earth_gravity_shows_the_engine_is_too_weak(app: Any) -> None:
    practice = LandingPracticeScene(app.ctx)
    practice.enter()
    while practice.world.name != "Earth":
        practice.change("Gravity", 1)
    loaded = practice.zone
    assert loaded is not None and loaded.level is not None and loaded.catalog is not None
    numbers = practice.numbers
    assert numbers is not None and numbers.thrust_to_weight < 1.0
    practice.draw(app.window, 1.0)
    practice.exit()


def test_a_cargo_the_catalog_lacks_shows_a_sentence_not_a_traceback(open_scene: Any) -> None:
    app = open_scene(cargo="no_such_module")
    scene = app.top
    assert scene.phase == "error" and "no_such_module" in scene.error
    app.frame(1 / 60)
    key(app, pygame.K_ESCAPE, frames=1)
    assert not app.running


def test_sounds_follow_the_engine_and_the_touchdown(open_scene: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str]] = []

    class Recorder:
        def play(self, name: str) -> None:
            calls.append(("play", name))

        def loop(self, name: str) -> None:
            calls.append(("loop", name))

        def stop(self, name: str) -> None:
            calls.append(("stop", name))

    monkeypatch.setattr(landing_flight, "find_audio", lambda ctx: Recorder())
    fly_to_the_end(open_scene(seed=3, autopilot=True))
    assert ("loop", "engine") in calls and ("stop", "engine") in calls
    assert ("play", "touchdown") in calls


def test_a_failing_audio_never_stops_the_landing(open_scene: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def __getattr__(self, name: str) -> Any:
            raise RuntimeError("no device")

    monkeypatch.setattr(landing_flight, "find_audio", lambda ctx: Broken())
    scene = fly_to_the_end(open_scene(seed=3, autopilot=True))
    assert scene.result is not None


def test_mid_flight_and_near_touchdown_draw_the_hud_and_dust(open_scene: Any) -> None:
    app = open_scene(seed=3, autopilot=True, assists=LandingAssists(suggested_burn=True))
    scene = app.top
    app.frame(FAST)
    assert len(colours_in(app.window, step=8)) > 20
    with drawing_one_frame_in(app, 4):  # the dust is made in the updates; drawn below
        while scene.phase == "flying" and scene.session.seen.altitude_m > 4.0:
            app.frame(FAST)
    assert any(item[5] for item in scene.particles.items), "no dust near the ground"
    scene.draw(app.window, 0.5)
    assert len(colours_in(app.window, step=8)) > 20


def test_drawing_is_interpolated_between_fixed_steps(open_scene: Any) -> None:
    app = open_scene(seed=3, autopilot=True)
    scene = app.top
    for _ in range(3):
        app.frame(FAST)
    (x0, y0, _), (x1, y1, _) = scene.session.previous_pose, scene.session.pose
    middle = scene.session.interpolated_pose(0.5)
    assert middle[0] == pytest.approx((x0 + x1) / 2) and middle[1] == pytest.approx((y0 + y1) / 2)
    scene.clock.advance(1 / 120)
    assert 0.0 < scene.alpha <= 1.0


def test_the_camera_flips_y_once_and_zooms_in_near_the_ground(loaded: LoadedLevel) -> None:
    from game.render.landing_camera import SideCamera

    level, catalog = loaded.require()
    ground = scenario_for(level, catalog, 0).ground
    high = SideCamera.following(800.0, 600.0, 600.0, ground, (1280, 720))
    low = SideCamera.following(800.0, 10.0, 5.0, ground, (1280, 720))
    assert low.pixels_per_metre > 5 * high.pixels_per_metre
    x, y = low.to_screen(800.0, 10.0)
    _, above = low.to_screen(800.0, 11.0)
    assert above < y  # up in metres is up on the screen
    assert 0 <= x <= 1280 and 0 <= y <= 720


def test_a_practice_thrust_and_assists_travel_with_the_recording(loaded: LoadedLevel, tmp_path: Path) -> None:
    level, catalog = loaded.require()
    assists = LandingAssists(attitude_hold=True, slow_motion=0.5)
    record = tmp_path / "practice.json"
    first = fly(level, catalog, seed=2, record_path=record, max_thrust_n=11000.0, assists=assists)
    again = read_recording(record)
    assert again.max_thrust_n == 11000.0 and again.assists == assists
    from game.landing.run import replay

    assert replay(again, level, catalog).final_state == first.final_state
    with pytest.raises(ValueError, match="lowest setting"):
        scenario_for(level, catalog, 0, max_thrust_n=100.0)


def test_an_older_recording_without_thrust_or_assists_still_reads(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"format": 1, "level": "x", "seed": 1, "lander": "change_class", "cargo": None,
                               "gravity_m_s2": 1.622, "commands": [[0.5, 0.0, None]]}), encoding="utf-8")
    recording = read_recording(old)
    assert recording.max_thrust_n is None and recording.assists is None
    assert recording.commands == [PilotCommand(0.5, 0.0, None)]


def _observation(angle: float = 0.0) -> Any:
    from game.landing.pilot import Observation

    return Observation(0.0, 0.0, 100.0, 50.0, 0.0, -5.0, angle, 0.2, 2000.0, 500.0, 800.0, 1.622, 1500.0,
                       7500.0, 3000.0, 0.5, 0)



# --- what the play-through found: labels, the keys' band ------------------------------------------


@pytest.mark.parametrize("burn_offset", [-40, -28, -20, -12, -4, 0, 6])
@pytest.mark.parametrize("burn_shift", [-120, -90, -40, 0, 40])
def test_the_impact_label_never_overlaps_the_burn_line_or_its_label(burn_offset: int, burn_shift: int) -> None:
    from game.render.landing_hud import LABEL_PLATE, impact_label_rect

    impact = (640.0, 590.0)
    # The burn line drawn as draw_flight_marks does: dashes ±90 px about the lander, its label 96 px right.
    lander_x, mark_y = 640 + burn_shift, 590 + burn_offset
    burn_label = pygame.Rect(0, 0, 150, 24)
    burn_label.midleft = (lander_x + 96, mark_y)
    dashes = pygame.Rect(lander_x - 90, mark_y - 2, 181, 5)
    label = impact_label_rect((70, 24), impact, [burn_label.inflate(LABEL_PLATE), dashes])
    assert not label.inflate(LABEL_PLATE).colliderect(burn_label.inflate(LABEL_PLATE))
    assert not label.inflate(LABEL_PLATE).colliderect(dashes)
    assert abs(label.centerx - impact[0]) < 160 and label.bottom <= impact[1] + 20  # still beside its cross


def test_the_impact_label_sits_above_its_cross_when_nothing_is_in_the_way() -> None:
    from game.render.landing_hud import impact_label_rect

    size, cross = (70, 24), (400.0, 500.0)
    far_away = pygame.Rect(900, 100, 150, 24)
    label = impact_label_rect(size, cross, [far_away])
    # As big as its words, centred over the cross, clear of it, and near it: within one label height (the gap is
    # the renderer's choice).
    assert label.size == size and label.centerx == round(cross[0])
    assert cross[1] - label.height <= label.bottom < cross[1]


@pytest.mark.parametrize("ui_scale", [1.0, 1.5, 2.0])
def test_the_keys_help_breaks_only_between_keys_into_even_lines(ui_scale: float) -> None:
    from game import paths
    from game.render import palette
    from game.render.fonts import Fonts, scaled
    from game.render.landing_hud import HELP_SEPARATOR, balanced_help_lines
    from game.ui.flight_input import FlightKeys

    pygame.font.init()
    font = Fonts(paths.assets_dir() / "fonts", scale=ui_scale).regular(palette.SMALL)
    text = FlightKeys().help_line()
    width = 1280 - scaled(40, ui_scale)
    lines = balanced_help_lines(text, font, width)
    assert HELP_SEPARATOR.join(lines) == text  # every bound key is still named, nothing cut
    assert all(font.size(line)[0] <= width for line in lines)
    assert len(lines) <= 3 and all(HELP_SEPARATOR in line for line in lines)  # never one key alone on a line
    widths = [font.size(line)[0] for line in lines]
    assert min(widths) > 0.6 * max(widths)


def test_the_keys_help_sits_on_a_dark_band_and_the_view_ends_above_it(open_scene: Any) -> None:
    app = open_scene(seed=1)
    scene = app.top
    app.frame(1 / 60)
    band = draw_help_band(app.window, app.ctx.fonts, scene.texts, scene.keys_hint(), app.ctx.palette)
    width, height = app.window.get_size()
    assert band.bottom == height and band.width == width
    panel = app.ctx.palette.panel
    corner = app.window.get_at((band.left + 4, band.bottom - 4))  # the band's corner, where the ground would show
    assert max(abs(corner[i] - panel[i]) for i in range(3)) < 40, corner  # dark, not the light regolith
    camera = flight_drawing.view_camera(scene, (width, height), 1.0)
    assert camera.size[1] == height - band.height  # the pad and the feet are framed above the band


def test_practice_says_which_numbers_are_real_and_which_are_game_values() -> None:
    from game.settings import Settings
    from tests.app_helpers import open_recording_app
    from tests.screen_tour import open_screen

    app = open_recording_app(Settings(window_size=(1280, 720)))
    try:
        scene = open_screen(app, "landing_practice")
        app.frame(1 / 60)
        seen = set(app.ctx.fonts.seen)
        assert "Full thrust: 7,500\xa0N (real)" in seen, seen  # the Chang'e-class engine, a sourced figure
        assert any(text.startswith("Mass at the start: ") and text.endswith("(game value)") for text in seen)
        assert any(text.startswith("Cargo: ") and text.endswith("(game value)") for text in seen)
        thrust = scene.choice("Engine thrust")
        assert thrust.shown == "×1 (7,500\xa0N, real)"
        thrust.index = next(i for i, (_, factor) in enumerate(thrust.options) if factor != 1.0)
        assert thrust.shown.endswith(", game value)")
        app.frame(1 / 60)
        assert any(text.startswith("Full thrust: ") and text.endswith("(game value)") for text in app.ctx.fonts.seen)
    finally:
        app.close()


def test_practice_marks_each_worlds_gravity_real_with_its_source() -> None:
    from game.settings import Settings
    from tests.app_helpers import open_recording_app
    from tests.screen_tour import open_screen

    app = open_recording_app(Settings(window_size=(1280, 720)))
    try:
        scene = open_screen(app, "landing_practice")
        gravity = scene.choice("Gravity")
        shown = [app.ctx.tr(words) for words, _ in gravity.options]
        assert shown[0] == "Moon: 1.622\xa0m/s² (real)", shown  # the catalog's figure, marked real in moon.toml
        assert "Mars: 3.71\xa0m/s² (real)" in shown and "Earth: 9.81\xa0m/s² (real)" in shown
        app.frame(1 / 60)
        seen = " ".join(app.ctx.fonts.seen)  # the line wraps where the box is narrow
        assert "Moon's gravity:" in seen and "https://vocabs.ands.org.au/" in seen, "the Moon's gravity with its source"
        scene.change("Gravity", 1)
        app.ctx.fonts.seen.clear()
        app.frame(1 / 60)
        seen = " ".join(app.ctx.fonts.seen)
        assert "Mars's gravity:" in seen and "nssdc.gsfc.nasa.gov" in seen
    finally:
        app.close()


@pytest.mark.parametrize(("scale", "window"), [(1.0, (1280, 720)), (1.5, (1280, 720)), (2.0, (1920, 1080))])
def test_the_grade_is_written_whole_at_every_text_size(loaded: LoadedLevel, scale: float,
                                                         window: tuple[int, int]) -> None:
    """At 150 % (the most a 1280 × 720 window shows) the grade read 'Perfect landi…'."""
    from game import paths
    from game.render.landing_result import GRADE_WORDS, draw_result
    from game.scenes.landing.flight_layout import result_parts
    from tests.app_helpers import RecordingFonts

    pygame.font.init()
    fonts = RecordingFonts(paths.assets_dir() / "fonts", scale=scale)
    fonts.seen = set()
    surface = pygame.Surface(window)
    level, catalog = loaded.level, loaded.catalog
    result = fly(level, catalog, seed=5, cargo="battery")
    column, _, plot_rect = result_parts(surface.get_size(), fonts, [])
    draw_result(surface, fonts, result, column, (pygame.Surface(plot_rect.size), plot_rect))
    assert GRADE_WORDS[result.grade.name] in fonts.seen
