"""Simulation.preview, module_at and demolish_refund: the answers the station screen shows before a click."""

from __future__ import annotations

import pytest

from game.ecs.commands import Demolish, PlaceModule, command_from_json, command_to_json
from game.ecs.events import CommandRefused, ModulePlaced
from game.simulation.preview import NO_PAD_LINK, NOT_CONNECTED
from tests.sim_helpers import simulation

ROWS = [
    "^^^^....",
    "^^^^....",
    "........",
    "......##",
]
START = [{"module": "solar_array", "x": 0, "y": 0}, {"module": "power_cable", "x": 1, "y": 0}]


@pytest.mark.parametrize(
    ("module", "x", "y", "rotated", "ok", "reason_part", "warnings", "cells"),
    [
        ("power_cable", 2, 0, False, True, None, (), ((2, 0),)),
        ("earth_antenna", 2, 0, False, True, None, (), ((2, 0),)),  # beside the cable: powered
        ("earth_antenna", 5, 2, False, True, None, (NOT_CONNECTED,), ((5, 2),)),  # alone: warned, not refused
        ("laboratory", 6, 0, False, True, None, (NOT_CONNECTED,), ((6, 0), (7, 0))),
        ("laboratory", 7, 0, False, False, "runs off the edge of the map", (), ((7, 0), (8, 0))),
        ("laboratory", 7, 0, True, True, None, (NOT_CONNECTED,), ((7, 0), (7, 1))),  # turned, it fits
        ("laboratory", 7, 3, True, False, "runs off the edge", (), ((7, 3), (7, 4))),
        ("solar_array", 1, 0, False, False, "already taken", (), ((1, 0),)),
        ("solar_array", 6, 3, False, False, "needs sunlight", (), ((6, 3),)),
        ("ice_extractor", 2, 2, False, False, "needs ice", (), ((2, 2),)),
        ("warp_drive", 0, 0, False, False, "unknown module", (), ()),
    ],
)
def test_preview_answers_like_the_command_will(module, x, y, rotated, ok, reason_part, warnings, cells):
    run = simulation(ROWS, START)
    preview = run.preview(module, x, y, rotated)
    assert preview.ok is ok
    assert (preview.reason is None) is ok
    if reason_part:
        assert reason_part in (preview.reason or "")
    assert preview.warnings == warnings
    if cells is not None:
        assert preview.cells == cells
    # The command itself agrees with the preview.
    if module != "warp_drive":
        events = run.run_hours(1, [(0, PlaceModule(module, x, y, rotated))])
        placed = [e for e in events if isinstance(e, ModulePlaced)]
        refused = [e for e in events if isinstance(e, CommandRefused)]
        assert bool(placed) is ok
        assert [e.reason for e in refused] == ([] if ok else [preview.reason])


def test_a_module_beyond_the_budget_is_refused_with_its_price():
    run = simulation(ROWS, START, start={"budget": 20, "modules": START})
    preview = run.preview("earth_antenna", 2, 0)
    reason = preview.reason or ""
    assert not preview.ok and "not enough budget" in reason and "30 credits" in reason


def test_a_module_too_heavy_for_every_launch_vehicle_is_refused():
    run = simulation(ROWS, START, launch_vehicles=["long_march_5"])
    preview = run.preview("laboratory", 6, 0)
    reason = preview.reason or ""
    assert not preview.ok and "too heavy to fly" in reason and "1,500 kg" in reason
    assert run.preview("power_cable", 2, 0).ok


def test_a_rotated_module_stands_turned_on_the_map():
    run = simulation(ROWS, START)
    run.run_hours(1, [(0, PlaceModule("laboratory", 7, 0, rotated=True))])
    view = run.module_at(7, 1)
    assert view is not None and view.module_id == "laboratory" and view.rotated and view.footprint == (1, 2)
    assert run.module_at(6, 0) is None


def test_demolish_refund_is_whole_while_unused_and_a_share_after():
    run = simulation(ROWS, START)
    assert run.demolish_refund(5, 3) is None
    assert run.demolish_refund(0, 0) == pytest.approx(15.0)  # a standing solar array: half its 30 back
    run.run_hours(1, [(0, PlaceModule("earth_antenna", 2, 0))])
    assert run.demolish_refund(2, 0) == pytest.approx(30.0)  # still being assembled: all back


def test_rotation_round_trips_and_old_commands_without_it_still_load():
    assert command_from_json({"kind": "place", "module": "battery", "x": 1, "y": 2}) == PlaceModule("battery", 1, 2)
    turned = PlaceModule("laboratory", 3, 4, rotated=True)
    assert command_from_json(command_to_json(turned)) == turned
    assert "rotated" not in command_to_json(PlaceModule("battery", 1, 2))


def test_a_spot_no_pad_reaches_is_warned_about_but_still_accepted():
    pad_start = [*START, {"module": "landing_pad", "x": 2, "y": 0}]
    run = simulation(ROWS, pad_start, start={"budget": 1000, "modules": pad_start})
    preview = run.preview("power_cable", 7, 3)
    assert preview.ok and preview.warnings == (NO_PAD_LINK,)
    assert run.preview("power_cable", 4, 0).warnings == ()  # beside the pad
    events = run.run_hours(1, [(0, PlaceModule("power_cable", 7, 3))])
    assert any(isinstance(e, ModulePlaced) for e in events)


def test_a_second_order_on_a_waiting_orders_tile_is_refused_as_the_command_will_be():
    """Paused, orders wait for the next step: the preview counts them, so the second module on one tile is refused
    before time runs, with the sentence the command system gives when it meets the two."""
    run = simulation(ROWS, START)
    run.queue(PlaceModule("power_cable", 2, 0))
    preview = run.preview("earth_antenna", 2, 0)
    assert not preview.ok and "already taken" in (preview.reason or "")
    assert run.preview("earth_antenna", 3, 0).ok  # the tile beside is still free
    run.queue(PlaceModule("earth_antenna", 2, 0))
    refused = [event.reason for event in run.step() if isinstance(event, CommandRefused)]
    assert refused == [preview.reason]


def test_a_second_order_past_the_budget_the_first_leaves_is_refused_at_once():
    run = simulation(ROWS, START, start={"budget": 40, "modules": START})
    assert run.preview("earth_antenna", 2, 0).ok and run.preview("earth_antenna", 4, 0).ok
    run.queue(PlaceModule("earth_antenna", 2, 0))
    preview = run.preview("earth_antenna", 4, 0)
    assert not preview.ok and "not enough budget" in (preview.reason or "")
    run.queue(PlaceModule("earth_antenna", 4, 0))
    refused = [event.reason for event in run.step() if isinstance(event, CommandRefused)]
    assert refused == [preview.reason]


def test_a_waiting_take_down_frees_its_tile_and_a_refused_order_takes_none():
    run = simulation(ROWS, START)
    run.queue(PlaceModule("solar_array", 6, 3))  # in the dark: refused when applied, so it takes no tile
    assert run.preview("power_cable", 6, 3).ok
    assert not run.preview("power_cable", 1, 0).ok
    run.queue(Demolish(1, 0))  # the cable comes down before the next order is met
    preview = run.preview("power_cable", 1, 0)
    assert preview.ok
    run.queue(PlaceModule("power_cable", 1, 0))
    placed = [event for event in run.step() if isinstance(event, ModulePlaced)]
    assert [(event.x, event.y) for event in placed] == [(1, 0)]
