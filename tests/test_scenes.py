"""Scenes headless: transitions, title → list → level → back by keys, broken mods, the map's camera and look."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pygame
import pygame_gui
import pytest

from game import paths
from game.app import App
from game.content.loader import load_game_content
from game.render import palette
from game.render.camera import Camera
from game.render.glyphs import GLYPHS, draw_glyph
from game.render.patterns import PATTERNS, draw_pattern
from game.scenes.campaign.briefing import BriefingScene
from game.scenes.campaign.level_entries import level_entries
from game.scenes.campaign.level_list import LevelListScene
from game.scenes.menus.title import TitleScene
from game.scenes.scene import Pop, Push, Quit, Replace, SceneBase, apply_transition
from game.scenes.station import drawing
from game.scenes.station.station_scene import StationScene
from tests.app_helpers import click, colours_in, outline_colours, press, run_frames

BROKEN_LEVEL = """\
format = 1
id = "broken-mod"
title = "My Broken Level"
summary = "A level with two mistakes in it."
start_date = 2030-01-01
time_limit_days = 10
learning_objectives = ["Read an error message."]
briefing = "Nothing to brief."

[site]
name = "Nowhere"
legend = { "." = "plainn" }
rows = ["....", "....", "....", "...."]

[start]
budget = 10

[[goals]]
id = "build-it"
kind = "build"
module = "habitatt"
text = "Build a habitat."
"""


@pytest.fixture
def broken_mod(user_home: Path) -> Path:
    folder = paths.user_mods_dir() / "my-mod"
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text(BROKEN_LEVEL, encoding="utf-8")
    return folder


def open_first_level(app: App) -> StationScene:
    press(app, pygame.K_RETURN)  # Campaign: the timeline opens on the first level
    press(app, pygame.K_RETURN)  # its briefing
    press(app, pygame.K_RETURN)  # Start
    scene = app.top
    assert isinstance(scene, StationScene)
    return scene


# --- transitions ---------------------------------------------------------------------------------


@dataclass
class RecordingScene(SceneBase):
    name: str
    log: list[str] = field(default_factory=list)

    def enter(self) -> None:
        self.log.append(f"enter {self.name}")

    def exit(self) -> None:
        self.log.append(f"exit {self.name}")

    def close(self) -> None:
        self.log.append(f"close {self.name}")


def test_push_covers_and_pop_uncovers():
    log: list[str] = []
    a, b = RecordingScene("a", log), RecordingScene("b", log)
    stack: list = []
    assert apply_transition(stack, Push(a))
    assert apply_transition(stack, Push(b))
    assert stack == [a, b]
    assert apply_transition(stack, Pop())
    assert stack == [a]
    assert log == ["enter a", "exit a", "enter b", "exit b", "close b", "enter a"]


def test_replace_swaps_the_top_scene():
    log: list[str] = []
    a, b, c = (RecordingScene(name, log) for name in "abc")
    stack: list = [a]
    apply_transition(stack, Push(b))
    log.clear()
    assert apply_transition(stack, Replace(c))
    assert stack == [a, c]
    assert log == ["exit b", "close b", "enter c"]


def test_popping_the_last_scene_ends_the_game():
    a = RecordingScene("a")
    stack: list = []
    apply_transition(stack, Push(a))
    assert apply_transition(stack, Pop()) is False
    assert stack == []


def test_quit_exits_the_top_and_closes_every_scene_once():
    log: list[str] = []
    a, b = RecordingScene("a", log), RecordingScene("b", log)
    stack: list = []
    apply_transition(stack, Push(a))
    apply_transition(stack, Push(b))
    log.clear()
    assert apply_transition(stack, Quit()) is False
    assert stack == []
    assert log == ["exit b", "close b", "close a"]


# --- title → list → level → back -----------------------------------------------------------------


def test_title_to_list_to_level_and_back_by_keys(app: App):
    run_frames(app, 1)
    assert isinstance(app.top, TitleScene)
    press(app, pygame.K_DOWN)  # Campaign → Sandbox and mods
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, LevelListScene)
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, BriefingScene)
    press(app, pygame.K_RETURN)  # Start replaces the briefing
    level_scene = app.top
    assert isinstance(level_scene, StationScene)
    assert level_scene.run.level.order == 1  # the campaign's first level is first in the list
    app.request(Pop())
    run_frames(app, 2)
    assert isinstance(app.top, LevelListScene)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScene)
    assert [type(scene) for scene in app.stack] == [TitleScene]


def test_the_mouse_works_too_play_button_then_cards(app: App):
    title = app.top
    assert isinstance(title, TitleScene)
    pygame.event.post(pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED,
                                         ui_element=title.button_labelled("Sandbox and mods")))
    run_frames(app, 2)
    listing = app.top
    assert isinstance(listing, LevelListScene) and len(listing.entries) >= 2
    first, second = (listing.card_rect(index, app.window.get_size()).center for index in (0, 1))
    click(app, second)
    assert listing.selected == 1 and app.top is listing  # the first click only chooses
    click(app, first)
    assert listing.selected == 0 and app.top is listing
    click(app, first)
    assert isinstance(app.top, BriefingScene)  # a click on the chosen level opens its briefing


def test_up_then_enter_on_the_title_quits(app: App):
    press(app, pygame.K_UP)  # from the first button round to the last, Quit
    press(app, pygame.K_RETURN)
    assert not app.running


def test_list_screen_is_drawn_with_the_selected_card(app: App):
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN, frames=3)
    scene = app.top
    assert isinstance(scene, LevelListScene)
    first, second = (scene.card_rect(index, app.window.get_size()) for index in (0, 1))
    assert len(colours_in(app.window, step=7)) > 20
    focus = app.ctx.palette.focus[:3]
    assert focus in outline_colours(app.window, first) and focus not in outline_colours(app.window, second)
    press(app, pygame.K_DOWN)
    assert scene.selected == 1  # the outline goes with the choice
    assert focus not in outline_colours(app.window, first) and focus in outline_colours(app.window, second)


def test_campaign_levels_come_first_in_order():
    entries = level_entries(load_game_content([]))
    orders = [entry.loaded.level.order if entry.loaded and entry.loaded.level else 0 for entry in entries]
    in_campaign = [order > 0 for order in orders]
    assert in_campaign[0] and in_campaign == sorted(in_campaign, reverse=True)  # campaign first, then the rest
    campaign = [order for order in orders if order > 0]
    assert campaign == sorted(campaign)
    assert all(entry.date for entry in entries if entry.playable)


# --- broken levels -------------------------------------------------------------------------------


def test_a_broken_mod_level_shows_its_problems_instead_of_crashing(app: App, broken_mod: Path):
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    scene = app.top
    assert isinstance(scene, LevelListScene)
    broken = [i for i, entry in enumerate(scene.entries) if entry.title == "My Broken Level"]
    assert len(broken) == 1
    entry = scene.entries[broken[0]]
    assert not entry.playable and entry.origin.startswith("Mod: my-mod")
    problems = [str(problem) for problem in entry.problems]
    assert any("plainn" in problem and "did you mean 'plain'" in problem for problem in problems)
    assert any("habitatt" in problem for problem in problems)
    # Each problem names its file from the mod folder, with the line, as the modder sees it.
    assert all(problem.startswith("my-mod/broken.toml:") for problem in problems)
    press(app, pygame.K_END)
    assert scene.selected == broken[0] == len(scene.entries) - 1  # mods come after the game's campaign
    assert scene.detail is not None and "habitatt" in scene.detail.html_text
    assert "Broken" in scene.detail.html_text
    assert scene.play_button is not None and not scene.play_button.is_enabled
    press(app, pygame.K_RETURN)
    assert app.top is scene  # Enter on a broken level does nothing rather than crash
    run_frames(app, 2)
    assert app.running


def test_a_level_file_that_is_not_toml_is_listed_as_broken(broken_mod: Path):
    (broken_mod / "garbage.toml").write_text("title = [unclosed\n", encoding="utf-8")
    entries = level_entries(load_game_content())
    garbage = [entry for entry in entries if "garbage.toml" in entry.origin]
    assert len(garbage) == 1 and garbage[0].problems and not garbage[0].playable


# --- the level scene -----------------------------------------------------------------------------


def _accent_share(app: App, area: pygame.Rect) -> float:
    """The share of `area` drawn in the accent colour."""
    accent = app.ctx.palette.accent[:3]
    pixels = [tuple(app.window.get_at((x, y)))[:3] for x in range(area.left, area.right, 2)
              for y in range(area.top, area.bottom, 2)]
    return sum(pixel == accent for pixel in pixels) / len(pixels)


def test_level_scene_pauses_with_space_and_shows_it(app: App):
    scene = open_first_level(app)
    # The header's status badge, right of its time buttons: filled with the accent colour while paused, only
    # outlined in it while time runs.
    header = scene.layout.header
    buttons = [button.get_abs_rect() for button in scene.widgets.buttons.values()]
    right_of_buttons = max(rect.right for rect in buttons if header.contains(rect))
    badge_end = pygame.Rect(right_of_buttons, header.top, header.right - right_of_buttons, header.height)
    assert scene.runner.paused
    paused = _accent_share(app, badge_end)
    press(app, pygame.K_SPACE)
    assert not scene.runner.paused
    running = _accent_share(app, badge_end)
    assert paused > 0.15 and running < paused / 3, (paused, running)
    press(app, pygame.K_SPACE)
    assert scene.runner.paused and _accent_share(app, badge_end) == pytest.approx(paused)
    press(app, pygame.K_SPACE)
    press(app, pygame.K_p)
    assert scene.runner.paused


def test_level_time_runs_only_when_not_paused(app: App):
    scene = open_first_level(app)
    run_frames(app, 10, dt=0.1)
    assert scene.run.snapshot is not None and scene.run.snapshot.hour == 0
    press(app, pygame.K_3)  # 16×
    run_frames(app, 10, dt=0.1)
    assert scene.run.snapshot.hour > 0
    assert scene.has_unsaved_progress


def test_level_scene_zooms_with_keys_and_wheel(app: App):
    scene = open_first_level(app)
    start = scene.camera.tile_px
    press(app, pygame.K_EQUALS)
    assert scene.camera.tile_px > start
    press(app, pygame.K_MINUS)
    press(app, pygame.K_MINUS)
    assert scene.camera.tile_px < start
    before = scene.camera.tile_px
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False, precise_x=0.0, precise_y=1.0))
    run_frames(app, 1)
    assert scene.camera.tile_px > before


def test_level_scene_pans_with_held_arrows_and_drag(app: App):
    scene = open_first_level(app)
    press(app, pygame.K_EQUALS)
    press(app, pygame.K_EQUALS)
    x = scene.camera.centre_x
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RIGHT, mod=0, unicode="", scancode=0))
    run_frames(app, 5)
    moved = scene.camera.centre_x
    assert moved > x
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_RIGHT, mod=0, unicode="", scancode=0))
    run_frames(app, 5)
    assert scene.camera.centre_x == moved  # letting go stops the map
    y = scene.camera.centre_y
    centre = scene.camera.viewport.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=centre))
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(centre[0], centre[1] + 40), rel=(0, 40),
                                         buttons=(1, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=(centre[0], centre[1] + 40)))
    run_frames(app, 1)
    assert scene.camera.centre_y == pytest.approx(y - 40 / scene.camera.tile_px)


def test_hovering_a_tile_names_it_with_its_numbers(app: App, monkeypatch: pytest.MonkeyPatch):
    shown: list[tuple[list[str], pygame.Rect]] = []  # each tooltip the screen draws: its lines and its box
    draw_tooltip = drawing.draw_tooltip

    def noted(surface: pygame.Surface, lines: list[str], *args: Any, **kwargs: Any) -> pygame.Rect:
        box = draw_tooltip(surface, lines, *args, **kwargs)
        shown.append((list(lines), box))
        return box

    monkeypatch.setattr(drawing, "draw_tooltip", noted)
    scene = open_first_level(app)
    peak = next((x, y) for x, y, kind in scene.run.grid.cells() if kind.id == "peak")
    pos = tuple(round(v) for v in scene.camera.grid_to_screen(peak[0] + 0.5, peak[1] + 0.5))
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    run_frames(app, 2)
    assert drawing.hovered_cell(scene) == peak
    from game.render.tooltip import tile_tooltip_lines

    lines = tile_tooltip_lines(scene.run.grid.at(*peak), "en")
    assert lines[0] == "Sunlit peak"
    assert lines[1] == "Sunlight: 86% of the lunar day (real)" and "Slope: 8° (game value)" in lines
    assert "Earth in view: yes" in lines
    # The tooltip drawn names the tile, lies inside the window, leaves the pointed spot in view, and shows its
    # title at its top in the accent colour.
    said, box = shown[-1]
    assert said[0] == "Sunlit peak" and len(said) >= 3
    assert app.window.get_rect().contains(box) and not box.collidepoint(pos)
    top = pygame.Rect(box.x, box.y, box.width, box.height // 3)
    assert app.ctx.palette.accent[:3] in colours_in(app.window, top, step=1)


def test_drawing_the_level_changes_nothing(app: App):
    scene = open_first_level(app)
    before = (scene.camera.tile_px, scene.camera.centre_x, scene.camera.centre_y, scene.runner.clock.speed,
              scene.run.snapshot, list(scene.run.modules))
    for alpha in (0.0, 0.5, 1.0):
        scene.draw(app.window, alpha)
    assert before == (scene.camera.tile_px, scene.camera.centre_x, scene.camera.centre_y, scene.runner.clock.speed,
                      scene.run.snapshot, list(scene.run.modules))


def test_start_modules_are_drawn_on_the_map(app: App):
    scene = open_first_level(app)
    pad = next(module for module in scene.run.modules if module.shape == "pad")
    rect = scene.camera.tile_rect(pad.x, pad.y, *pad.footprint)
    colours = {
        tuple(app.window.get_at((x, y)))[:3] for x in range(rect.left, rect.right) for y in range(rect.top, rect.bottom)
    }
    assert palette.GLYPH_FILL[:3] in colours and palette.PANEL[:3] in colours


# --- camera and drawing helpers ------------------------------------------------------------------


def test_camera_round_trips_and_tiles_meet_without_gaps():
    camera = Camera(pygame.Rect(0, 80, 970, 594), columns=40, rows=24, tile_size_m=100)
    camera.fit()
    for point in ((0.0, 0.0), (12.5, 7.25), (40.0, 24.0)):
        assert camera.screen_to_grid(*camera.grid_to_screen(*point)) == pytest.approx(point)
    assert camera.tile_rect(3, 4).right == camera.tile_rect(4, 4).left
    assert camera.tile_rect(3, 4).bottom == camera.tile_rect(3, 5).top
    assert camera.tile_at(*camera.grid_to_screen(5.5, 6.5)) == (5, 6)
    assert camera.tile_at(5, 5) is None  # above the viewport


def test_camera_zoom_keeps_the_point_under_the_pointer():
    camera = Camera(pygame.Rect(0, 0, 800, 600), columns=40, rows=24)
    camera.fit()
    anchor = (200.0, 150.0)
    before = camera.screen_to_grid(*anchor)
    camera.zoom_at(1.25, anchor)
    assert camera.screen_to_grid(*anchor) == pytest.approx(before)
    assert camera.tile_px == round(camera.tile_px)


def test_camera_flips_metres_y_up_to_screen_y_down():
    camera = Camera(pygame.Rect(0, 0, 400, 240), columns=40, rows=24, tile_size_m=100, tile_px=10)
    camera.centre_x, camera.centre_y = 20, 12
    assert camera.metres_to_screen(0, 0) == camera.grid_to_screen(0, 24)  # south-west corner: bottom left
    assert camera.metres_to_screen(0, 2400) == camera.grid_to_screen(0, 0)
    assert camera.metres_to_pixels(250) == 25


def _silhouette(shape: str) -> frozenset[tuple[int, int]]:
    surface = pygame.Surface((48, 48))
    surface.fill((255, 0, 255))
    draw_glyph(surface, shape, pygame.Rect(0, 0, 48, 48))
    return frozenset((x, y) for x in range(48) for y in range(48) if surface.get_at((x, y))[:3] != (255, 0, 255))


def test_every_module_shape_has_its_own_silhouette():
    silhouettes = {shape: _silhouette(shape) for shape in GLYPHS}
    for shape, pixels in silhouettes.items():
        assert len(pixels) > 40, f"{shape} draws almost nothing"
    for (a, pa), (b, pb) in itertools.combinations(silhouettes.items(), 2):
        assert len(pa ^ pb) > 60, f"'{a}' and '{b}' look alike"


def test_every_pattern_looks_different():
    stamps = {}
    for pattern in PATTERNS:
        surface = pygame.Surface((36, 36))
        surface.fill((120, 120, 120))
        draw_pattern(surface, pattern, pygame.Color(20, 20, 20))
        stamps[pattern] = pygame.image.tobytes(surface, "RGB")
    assert len(set(stamps.values())) == len(PATTERNS)
