"""Assembly needs a link to a landing pad: the rule in the simulation, the preview's warning, the autoplayer's roads."""

from __future__ import annotations

from game.autoplay.site_planner import SitePlanner
from game.content.loader import load_level_by_path
from game.ecs.commands import PlaceModule
from game.ecs.events import GameEvent, ModuleCompleted
from game.rules.grid import footprint_cells
from game.simulation.preview import NO_PAD_LINK
from game.simulation.simulation import Simulation
from tests.sim_helpers import REPO, simulation

ROWS = [
    "^^^^..........",
    "^^^^..........",
    "..............",
    "..............",
]
# A pad (2 x 2 at the left), a battery beside it and a solar array beside that: one linked, powered base.
PAD_BASE = [
    {"module": "landing_pad", "x": 4, "y": 0},
    {"module": "battery", "x": 6, "y": 0},
    {"module": "solar_array", "x": 3, "y": 0},
]
NO_PAD = [{"module": "battery", "x": 6, "y": 0}, {"module": "solar_array", "x": 5, "y": 0}]


def _states(run: Simulation) -> dict[tuple[str, int, int], str]:
    return {(view.module_id, view.x, view.y): view.state for view in run.snapshot().modules}


def _completed(events: list[GameEvent]) -> set[tuple[str, int, int]]:
    return {(e.module, e.x, e.y) for e in events if isinstance(e, ModuleCompleted)}


def test_modules_placed_at_the_start_are_already_built():
    run = simulation(ROWS, [*PAD_BASE, {"module": "storage_depot", "x": 12, "y": 3}])  # far from any road
    assert set(_states(run).values()) == {"working"}


def test_a_module_beside_the_base_is_assembled_and_a_lone_one_waits():
    run = simulation(ROWS, PAD_BASE)
    events = run.run_hours(200, [(0, PlaceModule("storage_depot", 7, 0)), (0, PlaceModule("storage_depot", 12, 3))])
    assert ("storage_depot", 7, 0) in _completed(events)
    assert ("storage_depot", 12, 3) not in _completed(events)
    assert _states(run)[("storage_depot", 12, 3)] == "waiting for a road"  # the screen says why it waits


def test_a_road_reaching_a_waiting_module_lets_assembly_go_on():
    run = simulation(ROWS, PAD_BASE)
    run.run_hours(50, [(0, PlaceModule("storage_depot", 10, 0))])
    assert _states(run)[("storage_depot", 10, 0)] == "waiting for a road"
    roads = [(50, PlaceModule("power_cable", x, 0)) for x in (7, 8, 9)]
    events = run.run_hours(400, roads)
    assert ("storage_depot", 10, 0) in _completed(events)


def test_a_module_still_being_built_carries_the_link():
    run = simulation(ROWS, PAD_BASE)
    # The laboratory beside the battery takes 96 hours; the cable beyond it takes one and need not wait for it.
    events = run.run_hours(5, [(0, PlaceModule("laboratory", 7, 0)), (0, PlaceModule("power_cable", 9, 0))])
    assert _completed(events) == {("power_cable", 9, 0)}
    assert _states(run)[("laboratory", 7, 0)] == "building"


def test_nothing_is_assembled_until_the_pad_itself_is_finished():
    run = simulation(ROWS, NO_PAD)
    events = run.run_hours(30, [(0, PlaceModule("landing_pad", 10, 2)), (0, PlaceModule("power_cable", 12, 2))])
    assert _completed(events) == set()  # the pad takes 48 hours; the cable (1 hour) waits for it
    events = run.run_hours(30)
    assert _completed(events) == {("landing_pad", 10, 2), ("power_cable", 12, 2)}


def test_without_a_pad_on_the_map_there_is_no_link_rule():
    run = simulation(ROWS, NO_PAD)
    events = run.run_hours(200, [(0, PlaceModule("storage_depot", 12, 3))])
    assert ("storage_depot", 12, 3) in _completed(events)
    assert run.preview("storage_depot", 12, 3).warnings == ()


def test_the_preview_warns_in_one_sentence_where_no_pad_reaches():
    run = simulation(ROWS, PAD_BASE)
    assert NO_PAD_LINK in run.preview("storage_depot", 12, 3).warnings
    assert run.preview("storage_depot", 7, 0).warnings == ()
    assert run.preview("landing_pad", 10, 2).warnings == ()  # a new pad is where crews start
    assert NO_PAD_LINK.count(":") == 1 and not NO_PAD_LINK.endswith(".")


def test_the_preview_counts_roads_already_ordered():
    run = simulation(ROWS, PAD_BASE)
    run.run_hours(1, [(0, PlaceModule("power_cable", x, 0)) for x in (7, 8, 9)])
    assert run.preview("storage_depot", 10, 0).warnings == ()


def test_the_autoplayer_bridges_a_standing_group_the_pad_does_not_reach():
    level, catalog = load_level_by_path(REPO / "levels" / "02_change7_2026.toml").require()
    # Take one cable out of the start's run, leaving a gap between the battery and the other cables.
    start = [m for m in level.start.modules if (m.module, m.x, m.y) != ("power_cable", 8, 11)]
    assert len(start) == len(level.start.modules) - 1
    planner = SitePlanner(level, catalog)
    planner.settle([(catalog.modules[m.module], footprint_cells(m.x, m.y, catalog.modules[m.module].footprint))
                    for m in start])
    assert planner.bridges() == [("power_cable", 8, 11)]
    assert planner.bridges() == []  # once bridged, nothing more to join
