"""The station screen as a player meets it: palette, ghost and reasons, overlays, saves, hints, landings."""

from __future__ import annotations

import dataclasses
import re
import typing
from pathlib import Path
from typing import Any

import pygame
import pytest

from game import paths
from game.content.loader import LoadedLevel, load_level_by_path
from game.ecs import events
from game.ecs.commands import Demolish, PlaceModule, ResolveLanding
from game.progress import load_progress
from game.render import palette
from game.render.fonts import Fonts, scaled_px
from game.render.landing_result import GRADE_WORDS
from game.render.overlays import OVERLAYS
from game.render.palette import palette_for
from game.render.resource_bar import (
    ResourceHistory,
    days_left,
    draw_resource_bar,
    resource_readings,
    snapshot_values,
)
from game.rules.placement import placement_refusal
from game.scenes.scene import Push
from game.scenes.station import drawing
from game.scenes.station.boxes import draw_reason_box
from game.scenes.station.layout import RESOURCE_BAR_HEIGHT, StationLayout
from game.scenes.station.log_sentences import log_entry
from game.scenes.station.save_slots import load_station_save, save_path
from game.scenes.station.station_scene import StationScene, resume_scene
from game.ui.button_words import button_font
from tests.app_helpers import click, colours_in, press, run_frames

LEVEL_FILE = Path(__file__).resolve().parent.parent / "levels" / "01_agreement_2021.toml"


@pytest.fixture(scope="module")
def loaded() -> LoadedLevel:
    return load_level_by_path(LEVEL_FILE)


def move_to(app: Any, position: tuple[int, int]) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=position, rel=(0, 0), buttons=(0, 0, 0)))
    run_frames(app, 2)


def tile_centre(scene: StationScene, cell: tuple[int, int]) -> tuple[int, int]:
    x, y = scene.camera.grid_to_screen(cell[0] + 0.5, cell[1] + 0.5)
    return round(x), round(y)


def open_station(app: Any, loaded: LoadedLevel) -> StationScene:
    scene = StationScene(app.ctx, loaded)
    app.request(Push(scene))
    run_frames(app, 2)
    assert app.top is scene and scene.run.simulation is not None
    scene.run.hints.dismiss()  # a hint box would cover part of the map; the hint tests look at it on purpose
    return scene


def first_cell(scene: StationScene, kind: str) -> tuple[int, int]:
    run = scene.run
    return next((x, y) for x, y, tile in run.grid.cells() if tile.id == kind and run.module_at((x, y)) is None)


def pick_from_palette(app: Any, scene: StationScene, module_id: str) -> None:
    """Clicks the module's row in the build palette, as a player would."""
    scene.tools.palette.choose(module_id, scene.layout.panel.height)
    run_frames(app, 1)
    for top, height, index in scene.tools.palette.rows():
        if index is not None and scene.tools.palette.entries[index].spec.id == module_id:
            y = scene.layout.panel.y + top - scene.tools.palette.scroll + height // 2
            click(app, (scene.layout.panel.centerx, y))
            return
    raise AssertionError(f"{module_id} is not in the palette")


# --- drawing ---------------------------------------------------------------------------------------


def test_the_screen_draws_and_the_palette_lists_the_catalog(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    move_to(app, (5, 5))
    _, catalog = loaded.require()
    assert sorted(entry.spec.id for entry in scene.tools.palette.entries) == sorted(catalog.modules)
    categories = [entry.category for entry in scene.tools.palette.entries]
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
    # Room for rows of projector-sized text: the palette several lines of body text, the log its heading and three
    # entries' lines.
    pygame.font.init()
    fonts = Fonts(paths.assets_dir() / "fonts")
    body, small = fonts.regular(palette.BODY).get_linesize(), fonts.regular(palette.SMALL).get_linesize()
    assert layout.panel.height >= 6 * body, "the palette shows too few rows"
    assert layout.log.height >= fonts.bold(palette.BODY).get_linesize() + 3 * small, "the log shows too few lines"


def test_the_widgets_do_not_cover_each_other(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    rects = [button.get_abs_rect() for button in scene.widgets.buttons.values()]
    for index, rect in enumerate(rects):
        assert app.window.get_rect().contains(rect)
        assert not any(rect.colliderect(other) for other in rects[index + 1:])


# --- building --------------------------------------------------------------------------------------


def test_picking_then_clicking_the_map_queues_a_placement_and_autosaves(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    pick_from_palette(app, scene, "solar_array")
    assert scene.tools.armed == "solar_array"
    target = first_cell(scene, "peak")
    move_to(app, tile_centre(scene, target))
    assert scene.tools.ghost is not None and scene.tools.ghost.ok and scene.tools.ghost.cells == (target,)
    assert not save_path(loaded.require()[0].id, autosave=True).exists()
    click(app, tile_centre(scene, target))
    assert scene.run.simulation is not None
    placed = [command for _, command in scene.run.simulation.command_log if isinstance(command, PlaceModule)]
    assert placed == [PlaceModule("solar_array", target[0], target[1])]
    assert save_path(loaded.require()[0].id, autosave=True).is_file()
    assert "ordered" in scene.run.log.lines[-1].text


def test_an_order_given_while_paused_shows_on_the_map_and_in_the_budget_until_time_runs(
        app: Any, loaded: LoadedLevel) -> None:
    """The playtest placed modules while paused: no mark on the map and the budget unchanged until time ran."""
    scene = open_station(app, loaded)
    assert scene.runner.paused
    budget = scene.run.snapshot.budget
    cost = scene.run.catalog.modules["solar_array"].cost
    pick_from_palette(app, scene, "solar_array")
    target = first_cell(scene, "peak")
    click(app, tile_centre(scene, target))
    scene.tools.cancel()
    run_frames(app, 2)
    assert [(order.module_id, order.cells()) for order in scene.run.pending] == [("solar_array", (target,))]
    shown = next(reading for reading in scene.run.readings if reading.key == "budget")
    assert shown.value == f"{budget - cost:,.0f} cr" and scene.run.spendable == budget - cost
    assert any("paid when time runs" in line for line in shown.tooltip)
    # The tile is marked in the accent colour of an order (a built module's state colours differ).
    tile = scene.camera.tile_rect(*target)
    assert palette_for("standard", False).accent[:3] in colours_in(app.window, tile.inflate(4, 4), 1)
    scene.run.simulation.run_hours(1)
    scene.run.take_snapshot()
    assert scene.run.pending == [] and scene.run.snapshot.budget <= budget - cost + 1


def test_a_second_order_on_one_tile_while_paused_is_refused_at_once_as_when_time_runs(
        app: Any, loaded: LoadedLevel) -> None:
    """Paused, the second click on a tile was accepted, marked on the map and refused only when time ran."""
    scene = open_station(app, loaded)
    assert scene.runner.paused
    pick_from_palette(app, scene, "solar_array")
    target = first_cell(scene, "peak")
    click(app, tile_centre(scene, target))
    click(app, tile_centre(scene, target))
    refusal = app.ctx.notices.shown[-1].text
    assert refusal == "Cannot build here: this ground is already taken by another module.", refusal
    assert [(order.module_id, order.cells()) for order in scene.run.pending] == [("solar_array", (target,))]
    placements = [command for command in scene.run.simulation.pending_commands if isinstance(command, PlaceModule)]
    assert placements == [PlaceModule("solar_array", *target)]
    assert scene.tools.ghost is not None and not scene.tools.ghost.ok  # the ghost on the ordered tile says so
    # Time runs: the order is placed, and a click on its tile now gets the same sentence.
    scene.run.simulation.run_hours(1)
    scene.run.take_snapshot()
    app.ctx.notices.shown.clear()
    click(app, tile_centre(scene, target))
    assert [notice.text for notice in app.ctx.notices.shown] == [refusal]
    assert scene.run.pending == []


def test_an_invalid_spot_shows_its_reason_beside_the_pointer(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    pick_from_palette(app, scene, "solar_array")
    floor = first_cell(scene, "crater_floor")
    pointer = tile_centre(scene, floor)
    move_to(app, pointer)
    assert scene.tools.ghost is not None and not scene.tools.ghost.ok
    assert scene.tools.ghost.reason is not None and "sunlight" in scene.tools.ghost.reason
    beside = pygame.Rect(pointer[0] - 460, pointer[1] - 200, 920, 400)
    assert palette.BROKEN[:3] in colours_in(app.window, beside, 2)
    click(app, pointer)  # a click on a refused spot orders nothing
    assert scene.run.simulation is not None
    assert not any(isinstance(command, PlaceModule) for _, command in scene.run.simulation.command_log)


def test_keyboard_only_placement_and_rotation(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    press(app, pygame.K_b)
    assert scene.tools.palette.focused
    press(app, pygame.K_DOWN)
    press(app, pygame.K_UP)
    press(app, pygame.K_RETURN)
    assert scene.tools.armed == scene.tools.palette.entries[0].spec.id
    press(app, pygame.K_r)
    assert scene.tools.rotated
    press(app, pygame.K_ESCAPE)
    assert scene.tools.armed is None and app.top is scene  # Esc first drops the tool, it does not leave


def test_demolish_asks_with_the_refund_then_queues(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    press(app, pygame.K_x)
    assert scene.tools.demolishing
    battery = next(module for module in scene.run.modules if module.module_id == "battery")
    click(app, tile_centre(scene, (battery.x, battery.y)))
    assert scene.tools.dialog is not None and scene.tools.pending_demolish == battery
    assert "credits (game value) back" in scene.tools.dialog.confirmation_text.html_text
    press(app, pygame.K_RETURN)
    assert scene.run.simulation is not None
    assert (scene.run.simulation.hour, Demolish(battery.x, battery.y)) in scene.run.simulation.command_log


# --- overlays --------------------------------------------------------------------------------------


def test_overlays_cycle_and_change_the_map_and_legend(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    move_to(app, (5, 5))
    seen = {}
    for expected in OVERLAYS[1:] + OVERLAYS[:1]:
        press(app, pygame.K_o)
        assert scene.state.overlay == expected
        seen[expected] = app.window.copy()
        assert expected in scene.widgets.buttons["overlay"].text.lower() or expected == "power"
    view = scene.camera.viewport
    maps = {name: pygame.image.tobytes(shot.subsurface(view), "RGB") for name, shot in seen.items()}
    assert len(set(maps.values())) == len(OVERLAYS)  # every overlay looks different
    # The sunlight overlay labels the peak with its share of light, in words, not colour alone.
    assert any(region.kind.id == "peak" for region in scene.layers.regions(scene.run.grid))
    press(app, pygame.K_o, mod=pygame.KMOD_SHIFT)
    assert scene.state.overlay == OVERLAYS[-1]


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
    assert scene.run.simulation is not None and scene.run.snapshot is not None
    history = ResourceHistory()
    history.record(0, snapshot_values(scene.run.snapshot))
    scene.run.simulation.run_hours(30)
    later = scene.run.simulation.snapshot()
    readings = {reading.key: reading for reading in resource_readings(later, history)}
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
    assert scene.run.simulation is not None
    scene.run.simulation.run_hours(5)
    peak = first_cell(scene, "peak")
    scene.run.queue(PlaceModule("solar_array", *peak))  # ordered in this very hour: not yet applied
    press(app, pygame.K_F5)
    path = save_path(level.id)
    assert path.is_file() and not scene.has_unsaved_progress
    restored = load_station_save(path, level, catalog)
    try:
        assert restored.state_hash() == scene.run.simulation.state_hash()
        restored.run_hours(3)
        scene.run.simulation.run_hours(3)
        assert restored.state_hash() == scene.run.simulation.state_hash()
    finally:
        restored.close()


def test_continue_opens_the_saved_run(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    assert scene.run.simulation is not None
    scene.run.simulation.run_hours(7)
    path = scene.run.quick_save()
    assert path is not None
    resumed = resume_scene(app.ctx, path)
    try:
        assert resumed.run.simulation is not None and resumed.run.simulation.hour == 7
        assert resumed.run.simulation.state_hash() == scene.run.simulation.state_hash()
    finally:
        resumed.close()


def test_a_resumed_run_shows_its_story_so_far_in_the_log(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    pick_from_palette(app, scene, "solar_array")
    click(app, tile_centre(scene, first_cell(scene, "peak")))
    scene.runner.set_speed(16)
    run_frames(app, 120)
    told = [(line.when, line.text) for line in scene.run.log.lines]
    assert told, "the run should have logged its order and launch"
    path = scene.run.quick_save()
    assert path is not None
    resumed = resume_scene(app.ctx, path)
    try:
        # Everything the simulation told comes back; only the screen's own "… ordered." notes are not replayed.
        assert [(line.when, line.text) for line in resumed.run.log.lines] == [
            (when, text) for when, text in told if not text.endswith(" ordered.")
        ]
    finally:
        resumed.close()


def test_switching_language_rewords_the_whole_log(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    pick_from_palette(app, scene, "solar_array")
    click(app, tile_centre(scene, first_cell(scene, "peak")))
    scene.runner.set_speed(16)
    run_frames(app, 120)
    english = [line.text for line in scene.run.log.lines]
    assert any(text.endswith(" ordered.") for text in english) and len(english) > 1
    app.ctx.settings.language = "ru"
    run_frames(app, 1)
    russian = scene.run.log.lines
    # Every line, the order note and the simulation's news alike, now reads Russian, dates too.
    assert all(re.search("[а-яА-Я]", line.text) for line in russian), [line.text for line in russian]
    assert all(re.search("[а-я]", line.when) for line in russian), [line.when for line in russian]
    assert len(russian) == len(english)


def test_switching_language_renames_the_build_list(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    assert any(entry.name.startswith("Solar array") for entry in scene.tools.palette.entries)
    app.ctx.settings.language = "ru"
    run_frames(app, 1)
    names = [entry.name for entry in scene.tools.palette.entries]
    assert all(re.search("[а-яА-Я]", name) for name in names), names


def test_a_damaged_save_gives_a_sentence_and_is_kept(app: Any, loaded: LoadedLevel) -> None:
    from game.saves import SaveError

    level, _ = loaded.require()
    path = save_path(level.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(SaveError, match="not valid JSON"):
        resume_scene(app.ctx, path)
    scene = open_station(app, loaded)
    scene.run.quick_save()
    assert any(".damaged-" in other.name for other in path.parent.iterdir())  # moved aside, never overwritten


# --- hints -----------------------------------------------------------------------------------------


def test_first_level_hint_points_at_a_lit_free_tile_and_shows_once(app: Any, loaded: LoadedLevel) -> None:
    scene = StationScene(app.ctx, loaded)
    app.request(Push(scene))
    run_frames(app, 2)
    hint = scene.run.hints.showing
    assert hint is not None and hint.id == "first-solar" and hint.cell is not None
    grid = scene.run.grid
    share = grid.sunlight(*hint.cell)
    # The share is worked out from the tile's horizon, and the hint says so (never 'game value').
    assert f"{share * 100:.0f}% (worked out from this tile's horizon)" in hint.text
    assert "game value" not in hint.text and scene.run.module_at(hint.cell) is None
    array = scene.run.catalog.modules["solar_array"]
    taken = {cell for cell in ((x, y) for x, y, _ in grid.cells()) if scene.run.module_at(cell) is not None}
    free = [(x, y) for x, y, _ in grid.cells() if placement_refusal(array, x, y, grid, taken) is None]
    assert share == max(grid.sunlight(*cell) for cell in free)
    press(app, pygame.K_h)
    assert scene.run.hints.showing is None
    again = StationScene(app.ctx, loaded)
    again.enter()
    try:
        assert again.run.hints.showing is None or again.run.hints.showing.id != "first-solar"
    finally:
        again.exit()
        again.close()


def test_doing_what_the_hint_asks_brings_the_next_hint(app: Any, loaded: LoadedLevel) -> None:
    scene = StationScene(app.ctx, loaded)
    app.request(Push(scene))
    run_frames(app, 2)
    hint = scene.run.hints.showing
    assert hint is not None and hint.id == "first-solar" and hint.cell is not None
    pick_from_palette(app, scene, "solar_array")
    click(app, tile_centre(scene, hint.cell))
    assert scene.run.hints.showing is not None and scene.run.hints.showing.id == "run-time"


def test_hints_turned_off_by_the_setting(app: Any, loaded: LoadedLevel) -> None:
    app.ctx.settings.hints = False
    scene = StationScene(app.ctx, loaded)
    app.request(Push(scene))
    run_frames(app, 2)
    assert scene.run.hints.showing is None and not scene.run.hints.specs


# --- landings --------------------------------------------------------------------------------------


def test_a_waiting_delivery_pauses_and_the_autopilot_can_land_it(app: Any, loaded: LoadedLevel) -> None:
    app.ctx.settings.landing_choice = "ask"
    scene = open_station(app, loaded)
    assert scene.run.simulation is not None and scene.run.simulation.landing_mode == "player"
    scene.run.queue(PlaceModule("solar_array", *first_cell(scene, "peak")))
    press(app, pygame.K_3)
    for _ in range(600):
        run_frames(app, 1, dt=0.1)
        if scene.runner.landing_question is not None:
            break
    assert scene.runner.landing_question is not None and scene.runner.paused
    press(app, pygame.K_a)
    assert scene.runner.landing_question is None
    resolved = [command for _, command in scene.run.simulation.command_log if isinstance(command, ResolveLanding)]
    assert len(resolved) == 1 and resolved[0].grade in ("perfect", "good", "hard", "crash")
    said = [line.text for line in scene.run.log.lines if line.text.startswith("The autopilot landed")]
    words = {f"The autopilot landed: {word.lower()}." for word in GRADE_WORDS.values()}
    assert said and said[-1] in words  # in words ("perfect landing"), not the grade's id ("off_target")
    assert not scene.runner.paused and scene.runner.clock.speed == 16  # time ran before the cargo came: it runs on


def _cargo_in_orbit(app: Any, loaded: LoadedLevel, landing_choice: str) -> StationScene:
    """The station with a solar array ordered and its hours run until the cargo waits in lunar orbit."""
    from game.scenes.station.landing_question import delivery_waiting

    app.ctx.settings.landing_choice = landing_choice
    scene = open_station(app, loaded)
    scene.run.queue(PlaceModule("solar_array", *first_cell(scene, "peak")))
    simulation = scene.run.simulation
    for _ in range(120):
        simulation.run_hours(6)
        if delivery_waiting(simulation.snapshot().deliveries) is not None:
            break
    scene.run.take_snapshot()
    assert delivery_waiting(scene.run.snapshot.deliveries) is not None, "the cargo never reached lunar orbit"
    return scene


@pytest.mark.parametrize("landing_choice", ["ask", "fly"])
def test_a_landing_line_written_in_english_reads_in_russian_after_a_switch(app: Any, loaded: LoadedLevel,
                                                                          landing_choice: str) -> None:
    """The two lines a cargo landing ends with (flown, or left to the autopilot) stayed in the language they were
    written in, while the rest of the log reworded."""
    from game.landing.run import fly

    scene = _cargo_in_orbit(app, loaded, landing_choice)
    flight = scene.runner.ask_about_landing()
    if landing_choice == "ask":
        assert flight is None and scene.runner.landing_question is not None
        scene.runner.answer_landing("autopilot")
        english, russian = "The autopilot landed: ", "Автопилот посадил модуль: "
    else:
        assert isinstance(flight, Push)
        level, catalog = scene.run.level, scene.run.catalog
        flight.scene.on_finished(fly(level, catalog, seed=3, cargo="solar_array"))
        english, russian = "You landed the cargo: ", "Вы посадили груз: "
    said = scene.run.log.lines[-1].text
    assert said in {f"{english}{word.lower()}." for word in GRADE_WORDS.values()}, said
    app.ctx.settings.language = "ru"
    run_frames(app, 1)
    assert app.ctx.tr("Perfect landing") != "Perfect landing", "the Russian catalog did not load"
    reworded = scene.run.log.lines[-1].text
    russian_grades = {app.ctx.tr(word).lower() for word in GRADE_WORDS.values()}
    assert reworded in {f"{russian}{word}." for word in russian_grades}, reworded


def test_crewed_bar_shows_crew_dose_and_the_simulations_days_left(app: Any, loaded: LoadedLevel) -> None:
    import dataclasses

    scene = open_station(app, loaded)
    assert scene.run.snapshot is not None
    crewed = dataclasses.replace(scene.run.snapshot, crew=4, crew_dose_msv=500.0, dose_limit_msv=600.0,
                                 supplies_days_left={"water": 2.0, "oxygen": 30.0, "food": 30.0})
    readings = {reading.key: reading for reading in resource_readings(crewed, ResourceHistory())}
    assert readings["crew"].value == "4"
    assert readings["dose"].warning and "600 mSv" in " ".join(readings["dose"].tooltip)
    assert readings["water"].warning and "2 more days" in " ".join(readings["water"].tooltip)
    assert not readings["oxygen"].warning


# --- the station log: a sentence for every event, warnings marked, the alarm, facts met -----------


def _example(event_type: type) -> Any:
    """An instance of a simulation event with plausible values for each field, by the field's declared type;
    an event that answers a command answers a placement."""
    values = {"str": "solar_array", "int": 2, "float": 36.0, "bool": False, "str | None": "fact_id",
              "tuple[str, ...]": ("solar_array", "solar_array", "battery")}
    command = PlaceModule("solar_array", 2, 3)
    return event_type(**{item.name: command if item.name == "command" else values[str(item.type)]
                         for item in dataclasses.fields(event_type)})


def test_every_simulation_event_has_a_log_sentence(loaded: LoadedLevel) -> None:
    level, catalog = loaded.require()
    event_types = typing.get_args(events.GameEvent)
    assert len(event_types) >= 25  # the union is flattened: every event class, diplomacy and station ones too
    for event_type in event_types:
        entry = log_entry(_example(event_type), level, catalog, "en")
        assert entry is not None and entry.text, event_type.__name__
        assert "{" not in entry.text and "None" not in entry.text, entry.text
    launched = log_entry(_example(events.CargoLaunched), level, catalog, "en")
    assert launched is not None and "2 × solar array" in launched.text and "day 37" in launched.text
    assert log_entry("not an event", level, catalog, "en") is None


@pytest.mark.parametrize("event", [
    events.CrewWarning("oxygen", 20.0, "Crew warning: oxygen runs out in 20 hours."),
    events.CrewEvacuated(4, "the crew of 4 had to go home: oxygen ran out"),
    events.PowerLost(1, 3),
    events.AgreementDefaulted("esa", 1, "ESA ended the agreement."),
])
def test_serious_events_are_warnings_that_sound_the_alarm(event: Any, loaded: LoadedLevel) -> None:
    level, catalog = loaded.require()
    entry = log_entry(event, level, catalog, "en")
    assert entry is not None and entry.warning and entry.alarm
    assert entry.text[0].isupper() and entry.text.endswith(".")


def test_mild_warnings_and_good_news_do_not_sound_the_alarm(loaded: LoadedLevel) -> None:
    level, catalog = loaded.require()
    low = log_entry(events.EnergyRunningLow(1, 30.0), level, catalog, "en")
    assert low is not None and low.warning and not low.alarm
    rotated = log_entry(events.CrewRotated(4), level, catalog, "en")
    assert rotated is not None and not rotated.warning and not rotated.alarm


class Recorder:
    """Stands in for the app's Audio: remembers what was played."""

    def __init__(self) -> None:
        self.played: list[str] = []

    def play(self, name: str) -> None:
        self.played.append(name)

    def close(self) -> None:
        self.played.append("closed")  # the app closes its audio when the test's app shuts down


def test_a_step_with_power_lost_logs_a_warning_and_plays_the_alarm_once(
        app: Any, loaded: LoadedLevel, monkeypatch: pytest.MonkeyPatch) -> None:
    scene = open_station(app, loaded)
    recorder = Recorder()
    monkeypatch.setattr(app.ctx, "audio", recorder)
    assert scene.run.simulation is not None
    monkeypatch.setattr(scene.run.simulation, "step", lambda: [events.PowerLost(1, 3), events.PowerLost(2, 1)])
    scene.runner.set_speed(16)
    run_frames(app, 2, dt=0.5)  # each frame runs many steps, each with two losses
    line = scene.run.log.lines[-1]
    assert line.warning and line.alarm and "Power lost" in line.text
    assert recorder.played.count("alarm") == 2  # once a frame, not once per event or per step
    app.draw()
    assert scene.ctx.palette.broken[:3] in colours_in(app.window, scene.layout.log, 2)


def test_a_level_event_with_a_fact_marks_it_met(app: Any, loaded: LoadedLevel, monkeypatch: pytest.MonkeyPatch
                                                ) -> None:
    scene = open_station(app, loaded)
    assert scene.run.simulation is not None
    fired = events.LevelEventFired("news", "news", "Chang'e 7 is on its way.", "change7_launch")
    monkeypatch.setattr(scene.run.simulation, "step", lambda: [fired])
    scene.runner.set_speed(1)
    run_frames(app, 40)
    assert "change7_launch" in load_progress().facts_seen
    assert scene.run.log.lines[-1].text == fired.text and not scene.run.log.lines[-1].warning


# --- keys from the settings ------------------------------------------------------------------------


def test_rebound_station_keys_work_and_the_footer_shows_them(app: Any, loaded: LoadedLevel) -> None:
    settings = app.ctx.settings
    settings.key_bindings.update({"pause": "k", "speed_4": "f", "zoom_in": "i", "pan_left": "a"})
    scene = open_station(app, loaded)
    assert scene.runner.paused
    press(app, pygame.K_SPACE)
    assert scene.runner.paused  # Space is no longer the pause key
    press(app, pygame.K_k)
    assert not scene.runner.paused
    press(app, pygame.K_f)
    assert scene.runner.clock.speed == 4
    zoom = scene.camera.tile_px
    press(app, pygame.K_i)
    assert scene.camera.tile_px > zoom
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_a, mod=0, unicode="a", scancode=0))
    before = scene.camera.centre_x
    run_frames(app, 10)
    assert scene.camera.centre_x < before  # held: the map pans left
    hint = drawing.footer_hint(scene)
    assert "K: pause" in hint and "1 F 3: speed" in hint and "A Right Up Down: pan" in hint


def test_default_keys_read_as_words_in_the_footer(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded)
    assert drawing.footer_hint(scene).startswith("Space: pause · 1 2 3: speed · + -")
    assert "arrows: pan" in drawing.footer_hint(scene)


# --- palettes and UI scale -------------------------------------------------------------------------


def _set_look(app: Any, palette_name: str = "standard", high_contrast: bool = False, scale: float = 1.0,
              size: tuple[int, int] = (1280, 720)) -> None:
    settings = app.ctx.settings
    settings.palette, settings.high_contrast, settings.ui_scale = palette_name, high_contrast, scale
    app.ctx.apply_look()
    if app.window.get_size() != size:
        pygame.display.set_mode(size)
        run_frames(app, 1)


@pytest.mark.parametrize(("palette_name", "high_contrast"), [("colour_blind", False), ("standard", True),
                                                             ("colour_blind", True)])
def test_the_station_draws_in_the_chosen_palette(app: Any, loaded: LoadedLevel, palette_name: str,
                                                 high_contrast: bool) -> None:
    _set_look(app, palette_name, high_contrast)
    scene = open_station(app, loaded)
    chosen = palette_for(palette_name, high_contrast)
    assert scene.ctx.palette == chosen
    scene.tools.arm("solar_array")
    move_to(app, tile_centre(scene, first_cell(scene, "crater_floor")))
    assert scene.tools.ghost is not None and not scene.tools.ghost.ok
    drawn = colours_in(app.window, scene.camera.viewport, 2)
    assert chosen.broken[:3] in drawn  # the invalid ghost and its reason box
    footer = colours_in(app.window, scene.layout.footer.inflate(0, -8), 2)
    assert chosen.panel[:3] in footer
    if high_contrast:
        assert palette.PANEL[:3] not in footer  # no standard dark-blue panel left behind
    if palette_name == "colour_blind":
        assert palette.BROKEN[:3] not in drawn  # the standard red is not used for 'cannot build'


@pytest.mark.parametrize(("scale", "size"), [(1.5, (1280, 720)), (2.0, (1920, 1080)), (2.0, (1280, 720))])
def test_at_a_large_ui_scale_the_layout_grows_and_nothing_overflows(app: Any, loaded: LoadedLevel, scale: float,
                                                                     size: tuple[int, int]) -> None:
    _set_look(app, scale=scale, size=size)
    scene = open_station(app, loaded)
    layout, screen = scene.layout, app.window.get_rect()
    assert layout.header.height >= app.ctx.fonts.bold(palette.LARGE).get_linesize() + \
        app.ctx.fonts.regular(palette.SMALL).get_linesize()
    assert app.ctx.fonts.scale == (1.5 if size == (1280, 720) else scale)  # 200 % needs a window with room for it
    assert layout.footer.height > layout.button_height
    tabs = [button.get_abs_rect() for name, button in scene.widgets.buttons.items() if name.startswith("tab-")]
    words = button_font(app.ctx.fonts).get_linesize()
    assert tabs and all(layout.tabs.contains(tab) and tab.height >= words for tab in tabs), "a tab misses its words"
    parts = [layout.header, layout.resource_bar, layout.map, layout.tabs, layout.panel, layout.footer]
    for index, part in enumerate(parts):
        assert screen.contains(part) and part.width > 0 and part.height > 0
        assert not any(part.colliderect(other) for other in parts[index + 1:]), part
    rects = [button.get_abs_rect() for button in scene.widgets.buttons.values()]
    for index, rect in enumerate(rects):
        assert screen.contains(rect), rect
        assert not any(rect.colliderect(other) for other in rects[index + 1:])
    # Every reading gets a cell wide enough for its label, on one or two rows.
    assert scene.run.snapshot is not None
    readings = resource_readings(scene.run.snapshot, scene.run.history)
    cells = draw_resource_bar(app.window, layout.resource_bar, readings, scene.text, scene.ctx.palette,
                              layout.bar_columns, scaled_px(RESOURCE_BAR_HEIGHT, layout.scale))
    assert len(cells) == len(readings)
    small = app.ctx.fonts.regular(palette.SMALL)
    assert all(cell.width >= small.size(reading.label)[0] + 16 for cell, reading in cells)
    # Too short for the palette and the log together: the log becomes a tab with the whole panel.
    assert layout.log_tab and "tab-log" in scene.widgets.buttons
    press(app, pygame.K_l)
    assert scene.state.side_tab == "log"
    app.draw()
    assert scene.ctx.palette.text[:3] in colours_in(app.window, layout.panel, 2)


@pytest.mark.parametrize(("scale", "size"), [(1.5, (1280, 720)), (2.0, (1920, 1080))])
def test_the_reason_box_wraps_to_stay_inside_the_map(app: Any, loaded: LoadedLevel, scale: float,
                                                     size: tuple[int, int]) -> None:
    _set_look(app, scale=scale, size=size)
    scene = open_station(app, loaded)
    scene.tools.arm("solar_array")
    move_to(app, tile_centre(scene, first_cell(scene, "crater_floor")))
    assert scene.tools.ghost is not None and scene.tools.ghost.reason
    box = draw_reason_box(app.window, scene.text, tile_centre(scene, first_cell(scene, "crater_floor")),
                          scene.tools.ghost, "Solar array (vertical, sun-tracking)", scene.camera.viewport,
                          scene.ctx.palette)
    assert box is not None and scene.camera.viewport.contains(box)


@pytest.mark.parametrize(("language", "stamp"), [("en", "9 Mar 00:00"), ("ru", "9 мар. 00:00"), ("zh", "3月9日 00:00")])
def test_the_logs_time_stamp_names_the_month_in_the_players_language(
        app: Any, loaded: LoadedLevel, language: str, stamp: str) -> None:
    """The log wrote 'Apr' in Russian and Chinese too (strftime's %b)."""
    app.ctx.settings.language = language
    app.ctx.tr("Paused")  # the language is read when first used
    scene = open_station(app, loaded)
    assert scene.run.when(0) == stamp
