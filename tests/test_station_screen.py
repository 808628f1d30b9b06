"""The station screen as a player meets it: palette, ghost and reasons, overlays, saves, hints, landings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from game.content.loader import LoadedLevel, load_level_by_path
from game.ecs.commands import Demolish, PlaceModule, ResolveLanding
from game.render import palette
from game.render.overlays import OVERLAYS
from game.render.resource_bar import ResourceHistory, days_left, resource_readings, snapshot_values
from game.scenes.level_site import LevelScene, resume_scene
from game.scenes.station_layout import StationLayout
from game.scenes.station_saves import load_station_save, save_path
from game.scenes.transitions import Push

LEVEL_FILE = Path(__file__).resolve().parent.parent / "levels" / "01_agreement_2021.toml"
FRAME = 1 / 60


@pytest.fixture(scope="module")
def loaded() -> LoadedLevel:
    return load_level_by_path(LEVEL_FILE)


def run_frames(app: Any, count: int, dt: float = FRAME) -> None:
    for _ in range(count):
        if app.running:
            app.frame(dt)


def press(app: Any, key: int, mod: int = 0, frames: int = 2) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))
    run_frames(app, frames)


def move_to(app: Any, position: tuple[int, int]) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=position, rel=(0, 0), buttons=(0, 0, 0)))
    run_frames(app, 2)


def click(app: Any, position: tuple[int, int], button: int = 1) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=button, pos=position))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, button=button, pos=position))
    run_frames(app, 2)


def tile_centre(scene: LevelScene, cell: tuple[int, int]) -> tuple[int, int]:
    x, y = scene.camera.grid_to_screen(cell[0] + 0.5, cell[1] + 0.5)
    return round(x), round(y)


def open_station(app: Any, loaded: LoadedLevel) -> LevelScene:
    scene = LevelScene(app.ctx, loaded)
    app.request(Push(scene))
    run_frames(app, 2)
    assert app.top is scene and scene.simulation is not None
    scene.hints.dismiss()  # a hint box would cover part of the map; the hint tests look at it on purpose
    return scene


def first_cell(scene: LevelScene, kind: str) -> tuple[int, int]:
    return next((x, y) for x, y, tile in scene.grid.cells() if tile.id == kind and scene.module_at((x, y)) is None)


def colours_in(surface: pygame.Surface, area: pygame.Rect, step: int = 3) -> set[tuple[int, int, int]]:
    area = area.clip(surface.get_rect())
    found: set[tuple[int, int, int]] = set()
    for x in range(area.left, area.right, step):
        for y in range(area.top, area.bottom, step):
            red, green, blue, _ = surface.get_at((x, y))
            found.add((red, green, blue))
    return found


def pick_from_palette(app: Any, scene: LevelScene, module_id: str) -> None:
    """Clicks the module's row in the build palette, as a player would."""
    scene.build.choose(module_id, scene.layout.panel.height)
    run_frames(app, 1)
    for top, height, index in scene.build.rows():
        if index is not None and scene.build.entries[index].spec.id == module_id:
            y = scene.layout.panel.y + top - scene.build.scroll + height // 2
            click(app, (scene.layout.panel.centerx, y))
            return
    raise AssertionError(f"{module_id} is not in the palette")


# --- drawing ---------------------------------------------------------------------------------------


def test_the_screen_draws_and_the_palette_lists_the_catalog(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    move_to(app, (5, 5))
    _, catalog = loaded.require()
    assert sorted(entry.spec.id for entry in scene.build.entries) == sorted(catalog.modules)
    categories = [entry.category for entry in scene.build.entries]
    assert categories == sorted(categories, key=categories.index)  # each category is one block
    assert len(colours_in(app.window, app.window.get_rect(), 9)) > 30
    # The palette shows glyphs (their light fill) and the accent category headings.
    panel_colours = colours_in(app.window, scene.layout.panel, 2)
    assert palette.GLYPH_FILL[:3] in panel_colours and palette.ACCENT[:3] in panel_colours


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_layout_parts_never_overlap(size: tuple[int, int]) -> None:
    layout = StationLayout.for_size(size)
    parts = [layout.header, layout.resource_bar, layout.map, layout.tabs, layout.panel, layout.log, layout.footer]
    screen = pygame.Rect((0, 0), size)
    for index, part in enumerate(parts):
        assert screen.contains(part) and part.width > 0 and part.height > 0
        for other in parts[index + 1:]:
            assert not part.colliderect(other), (part, other)
    assert layout.panel.height >= 200 and layout.log.height >= 120  # room for rows of projector-sized text


def test_the_widgets_do_not_cover_each_other(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    rects = [button.get_abs_rect() for button in scene.buttons.values()]
    for index, rect in enumerate(rects):
        assert app.window.get_rect().contains(rect)
        assert not any(rect.colliderect(other) for other in rects[index + 1:])


# --- building --------------------------------------------------------------------------------------


def test_picking_then_clicking_the_map_queues_a_placement_and_autosaves(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    pick_from_palette(app, scene, "solar_array")
    assert scene.armed == "solar_array"
    target = first_cell(scene, "peak")
    move_to(app, tile_centre(scene, target))
    assert scene.ghost is not None and scene.ghost.ok and scene.ghost.cells == (target,)
    assert not save_path(loaded.require()[0].id, autosave=True).exists()
    click(app, tile_centre(scene, target))
    assert scene.simulation is not None
    placed = [command for _, command in scene.simulation.command_log if isinstance(command, PlaceModule)]
    assert placed == [PlaceModule("solar_array", target[0], target[1])]
    assert save_path(loaded.require()[0].id, autosave=True).is_file()
    assert "ordered" in scene.log.lines[-1].text


def test_an_invalid_spot_shows_its_reason_beside_the_pointer(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    pick_from_palette(app, scene, "solar_array")
    floor = first_cell(scene, "crater_floor")
    pointer = tile_centre(scene, floor)
    move_to(app, pointer)
    assert scene.ghost is not None and not scene.ghost.ok
    assert scene.ghost.reason is not None and "sunlight" in scene.ghost.reason
    beside = pygame.Rect(pointer[0] - 460, pointer[1] - 200, 920, 400)
    assert palette.BROKEN[:3] in colours_in(app.window, beside, 2)
    click(app, pointer)  # a click on a refused spot orders nothing
    assert scene.simulation is not None
    assert not any(isinstance(command, PlaceModule) for _, command in scene.simulation.command_log)


def test_keyboard_only_placement_and_rotation(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    press(app, pygame.K_b)
    assert scene.build.focused
    press(app, pygame.K_DOWN)
    press(app, pygame.K_UP)
    press(app, pygame.K_RETURN)
    assert scene.armed == scene.build.entries[0].spec.id
    press(app, pygame.K_r)
    assert scene.rotated
    press(app, pygame.K_ESCAPE)
    assert scene.armed is None and app.top is scene  # Esc first drops the tool, it does not leave


def test_demolish_asks_with_the_refund_then_queues(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    press(app, pygame.K_x)
    assert scene.demolishing
    battery = next(module for module in scene.modules if module.module_id == "battery")
    click(app, tile_centre(scene, (battery.x, battery.y)))
    assert scene.dialog is not None and scene.pending_demolish == battery
    assert "credits back" in scene.dialog.confirmation_text.html_text
    press(app, pygame.K_RETURN)
    assert scene.simulation is not None
    assert (scene.simulation.hour, Demolish(battery.x, battery.y)) in scene.simulation.command_log


# --- overlays --------------------------------------------------------------------------------------


def test_overlays_cycle_and_change_the_map_and_legend(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    move_to(app, (5, 5))
    seen = {}
    for expected in OVERLAYS[1:] + OVERLAYS[:1]:
        press(app, pygame.K_o)
        assert scene.overlay == expected
        seen[expected] = app.window.copy()
        assert expected in scene.buttons["overlay"].text.lower() or expected == "power"
    view = scene.camera.viewport
    maps = {name: pygame.image.tobytes(shot.subsurface(view), "RGB") for name, shot in seen.items()}
    assert len(set(maps.values())) == len(OVERLAYS)  # every overlay looks different
    # The sunlight overlay labels the peak with its share of light, in words, not colour alone.
    assert any(region.kind.id == "peak" for region in scene.layers.regions(scene.grid))
    press(app, pygame.K_o, mod=pygame.KMOD_SHIFT)
    assert scene.overlay == OVERLAYS[-1]


def test_power_overlay_letters_each_network(loaded: LoadedLevel) -> None:
    from game.render.overlays import module_networks
    from game.render.site_map import MapModule

    modules = [MapModule("battery", "Battery", "battery", 0, 0, conducts_power=True),
               MapModule("power_cable", "Cable", "cable", 1, 0, conducts_power=True),
               MapModule("habitat", "Habitat", "capsule", 2, 0),
               MapModule("habitat", "Habitat", "capsule", 9, 9)]
    letters = module_networks(modules)
    assert letters[0] == letters[1] == letters[2] == "A" and letters[3] == "B"


# --- resources -------------------------------------------------------------------------------------


def test_resource_bar_trends_compare_with_a_day_ago(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    assert scene.simulation is not None and scene.snapshot is not None
    _, catalog = loaded.require()
    history = ResourceHistory()
    history.record(0, snapshot_values(scene.snapshot, catalog))
    scene.simulation.run_hours(30)
    later = scene.simulation.snapshot()
    readings = {reading.key: reading for reading in resource_readings(later, catalog, history)}
    assert {"budget", "energy", "power", "water", "oxygen", "food", "science"} <= set(readings)
    assert readings["budget"].trend == 1  # funding arrives every hour and nothing was bought
    assert all(reading.tooltip for reading in readings.values())


def test_days_left_only_for_a_falling_store() -> None:
    assert days_left(50.0, 100.0, 24) == pytest.approx(1.0)
    assert days_left(100.0, 50.0, 24) is None
    assert days_left(10.0, None, 24) is None


# --- saves -----------------------------------------------------------------------------------------


def test_quick_save_then_load_restores_the_same_state(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    level, catalog = loaded.require()
    assert scene.simulation is not None
    scene.simulation.run_hours(5)
    peak = first_cell(scene, "peak")
    scene.queue(PlaceModule("solar_array", *peak))  # ordered in this very hour: not yet applied
    press(app, pygame.K_F5)
    path = save_path(level.id)
    assert path.is_file() and not scene.has_unsaved_progress
    restored = load_station_save(path, level, catalog)
    try:
        assert restored.state_hash() == scene.simulation.state_hash()
        restored.run_hours(3)
        scene.simulation.run_hours(3)
        assert restored.state_hash() == scene.simulation.state_hash()
    finally:
        restored.close()


def test_continue_opens_the_saved_run(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    assert scene.simulation is not None
    scene.simulation.run_hours(7)
    path = scene.quick_save()
    assert path is not None
    resumed = resume_scene(app.ctx, path)
    try:
        assert resumed.simulation is not None and resumed.simulation.hour == 7
        assert resumed.simulation.state_hash() == scene.simulation.state_hash()
    finally:
        resumed.close()


def test_a_damaged_save_gives_a_sentence_and_is_kept(app: Any, loaded: LoadedLevel) -> None:
    from game.saves import SaveError

    level, _ = loaded.require()
    path = save_path(level.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(SaveError, match="damaged"):
        resume_scene(app.ctx, path)
    scene = open_station(app, loaded)
    scene.quick_save()
    assert any(".unreadable-" in other.name for other in path.parent.iterdir())  # moved aside, never overwritten


# --- hints -----------------------------------------------------------------------------------------


def test_first_level_hint_points_at_a_lit_free_tile_and_shows_once(app: Any, loaded: LoadedLevel) -> None:
    scene = LevelScene(app.ctx, loaded)
    app.request(Push(scene))
    run_frames(app, 2)
    hint = scene.hints.showing
    assert hint is not None and hint.id == "first-solar" and hint.cell is not None
    tile = scene.grid.at(*hint.cell)
    assert f"{tile.sunlight * 100:.0f} %" in hint.text and scene.module_at(hint.cell) is None
    assert tile.sunlight == max(kind.sunlight for _, _, kind in scene.grid.cells())
    press(app, pygame.K_h)
    assert scene.hints.showing is None
    again = LevelScene(app.ctx, loaded)
    again.enter()
    try:
        assert again.hints.showing is None or again.hints.showing.id != "first-solar"
    finally:
        again.exit()
        again.close()


def test_hints_turned_off_by_the_setting(app: Any, loaded: LoadedLevel) -> None:
    app.ctx.settings.hints = False
    scene = LevelScene(app.ctx, loaded)
    app.request(Push(scene))
    run_frames(app, 2)
    assert scene.hints.showing is None and not scene.hints.specs


# --- landings --------------------------------------------------------------------------------------


def test_a_waiting_delivery_pauses_and_the_autopilot_can_land_it(app: Any, loaded: LoadedLevel) -> None:
    app.ctx.settings.landing_choice = "ask"
    scene = open_station(app, loaded)
    assert scene.simulation is not None and scene.simulation.landing_mode == "player"
    scene.queue(PlaceModule("solar_array", *first_cell(scene, "peak")))
    press(app, pygame.K_3)
    for _ in range(600):
        run_frames(app, 1, dt=0.1)
        if scene.landing_question is not None:
            break
    assert scene.landing_question is not None and scene.paused
    press(app, pygame.K_a)
    assert scene.landing_question is None
    resolved = [command for _, command in scene.simulation.command_log if isinstance(command, ResolveLanding)]
    assert len(resolved) == 1 and resolved[0].grade in ("perfect", "good", "hard", "crash")


def test_crewed_bar_shows_crew_dose_and_the_simulations_days_left(app: Any, loaded: LoadedLevel) -> None:
    import dataclasses

    scene = open_station(app, loaded)
    assert scene.snapshot is not None
    _, catalog = loaded.require()
    crewed = dataclasses.replace(scene.snapshot, crew=4, crew_dose_msv=500.0, dose_limit_msv=600.0,
                                 supplies_days_left={"water": 2.0, "oxygen": 30.0, "food": 30.0})
    readings = {reading.key: reading for reading in resource_readings(crewed, catalog, ResourceHistory())}
    assert readings["crew"].value == "4"
    assert readings["dose"].warning and "600 mSv" in " ".join(readings["dose"].tooltip)
    assert readings["water"].warning and "2.0 more days" in " ".join(readings["water"].tooltip)
    assert not readings["oxygen"].warning
