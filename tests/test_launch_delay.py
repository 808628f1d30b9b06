"""Launch delays: a level event slips every launch still on the ground, booked or not, and the log says so."""

from __future__ import annotations

import math
from collections.abc import Sequence

import esper
import pydantic
import pytest

from game.content.catalog import Catalog
from game.content.loader import load_level_by_path
from game.content.models import EventEffect, Level
from game.ecs.commands import PlaceModule
from game.ecs.components import Module
from game.ecs.events import CargoLaunched, GameEvent, LaunchDelayed, LevelEventFired
from game.rules.hours import HOURS_PER_DAY
from game.rules.launches import Flight, Slip, earliest_launch, launch_hour, slipped_hour
from game.saves import capture, restore
from game.scenes.station.log_sentences import event_sentence, is_warning
from game.simulation.simulation import Simulation
from tests.sim_helpers import REPO, small_level

ROWS = ["^^^^^^^^", "^^^^^^^^", "........", "........"]
START = [{"module": "solar_array", "x": 0, "y": 0}, {"module": "power_cable", "x": 1, "y": 0}]
DAY = HOURS_PER_DAY
# Long March 5 flies every 30 days from the start, lands 1,500 kg, costs 120 and takes 7 days.
CADENCE = 30 * DAY
TRANSIT = 7 * DAY


def _level(delay_day: float = 5, days: float = 10) -> tuple[Level, Catalog]:
    event = {"id": "slip", "kind": "launch_delay", "day": delay_day,
             "text": "The launch slips.", "effect": {"delay_launches_days": days}}
    return small_level(ROWS, START, launch_vehicles=["long_march_5"], events=[event],
                       start={"budget": 2000, "modules": START})


def _run(**delay: float) -> Simulation:
    return Simulation(*_level(**delay))


def _delayed(events: Sequence[GameEvent]) -> list[LaunchDelayed]:
    return [event for event in events if isinstance(event, LaunchDelayed)]


@pytest.mark.parametrize(
    ("hour", "slips", "expected"),
    [
        (720, (), 720),  # no delay
        (720, (Slip(100, 240),), 960),  # still on the ground: moved
        (100, (Slip(100, 240),), 100),  # due in the delay's own hour: it has already flown
        (50, (Slip(100, 240),), 50),  # flew long before the delay
        (720, (Slip(100, 240), Slip(900, 24)), 984),  # moved, then moved again by a later delay
        (720, (Slip(100, 240), Slip(960, 24)), 960),  # the second delay came as it flew
        (720, (Slip(800, 240),), 720),  # flew before a delay that came later
    ],
)
def test_a_delay_moves_only_launches_still_on_the_ground(hour, slips, expected):
    assert slipped_hour(hour, slips) == expected


@pytest.mark.parametrize(
    ("hour", "slips", "expected"),
    [
        (1, (), ("long_march_5", 720)),
        (1, (Slip(0, 240),), ("long_march_5", 960)),  # the next launch slipped 10 days
        (961, (Slip(0, 240),), ("long_march_5", 1680)),  # and the ones after it as well
        (1, (Slip(0, 240), Slip(500, 48)), ("long_march_5", 1008)),  # two delays add up
        (0, (Slip(0, 240),), ("long_march_5", 0)),  # the launch in the delay's hour flew on time
        (1, (Slip(2000, 240),), ("long_march_5", 720)),  # a delay still to come changes nothing yet
    ],
)
def test_booking_finds_the_slipped_launches(hour, slips, expected):
    flights = [Flight("long_march_5", 1500, CADENCE, slips)]
    assert earliest_launch(hour, 400, flights, {}) == expected


def test_launches_keep_their_order_through_any_delays():
    slips = (Slip(100, 240), Slip(700, 5), Slip(1000, 1))
    hours = [launch_hour(n, CADENCE, slips) for n in range(6)]
    assert hours == sorted(set(hours))


def test_booked_cargo_slips_and_the_log_says_which_and_when():
    run = _run(delay_day=5, days=10)
    events = run.run_hours(5 * DAY + 1, [(1, PlaceModule("earth_antenna", 2, 0))])
    fired = [e for e in events if isinstance(e, LevelEventFired | LaunchDelayed)]
    assert fired[0] == LevelEventFired("slip", "launch_delay", "The launch slips.", None)  # the reason comes first
    assert fired[1:] == [LaunchDelayed(1, "long_march_5", ("earth_antenna",), 10.0, 40.0, 47.0)]
    (delivery,) = run.snapshot().deliveries
    assert (delivery.state, delivery.launch_hour, delivery.arrival_hour) == ("booked", 960, 960 + TRANSIT)
    level, catalog = _level()
    sentence = event_sentence(fired[1], level, catalog, "en")
    assert sentence == ("Launch delayed by 10 days: the Earth antenna now lifts off on day 41 "
                        "and reaches the Moon on day 48.")
    assert is_warning(fired[1])


def test_the_cargo_flies_on_the_new_day_not_the_old_one():
    run = _run(delay_day=5, days=10)
    run.run_hours(1, [(0, PlaceModule("earth_antenna", 2, 0))])  # flies at hour 0, before the delay
    events = run.run_hours(CADENCE + 1, [(2, PlaceModule("battery", 3, 0))])
    assert not [e for e in events if isinstance(e, CargoLaunched)]  # nothing flew on day 30
    assert [e.delivery for e in _delayed(events)] == [2]  # the antenna already in flight is not moved
    events = run.run_hours(10 * DAY)
    assert [(e.delivery, e.arrival_day) for e in events if isinstance(e, CargoLaunched)] == [(2, 47.0)]


def test_an_order_after_the_delay_goes_on_the_slipped_launch():
    run = _run(delay_day=5, days=10)
    run.run_hours(1, [(0, PlaceModule("earth_antenna", 2, 0))])
    run.run_hours(5 * DAY + 1, [(run.hour, PlaceModule("storage_depot", 3, 0))])  # booked, then slipped
    run.run_hours(1, [(run.hour, PlaceModule("storage_depot", 4, 0))])  # ordered after the delay
    deliveries = [(d.id, d.launch_hour, d.modules) for d in run.snapshot().deliveries if d.state == "booked"]
    assert deliveries == [(2, 960, ("storage_depot", "storage_depot"))]  # the slipped launch: none on day 30


def test_with_nothing_booked_the_next_launch_still_slips():
    run = _run(delay_day=5, days=10)
    events = run.run_hours(5 * DAY + 1)
    assert _delayed(events) == []
    run.run_hours(1, [(run.hour, PlaceModule("earth_antenna", 2, 0))])
    (delivery,) = run.snapshot().deliveries
    assert delivery.launch_hour == 960


@pytest.mark.parametrize(("days", "expected_hours"), [(0.5, 12), (2, 48), (0.01, 0)])
def test_the_delay_is_counted_in_whole_hours(days, expected_hours):
    run = _run(delay_day=5, days=days)
    events = run.run_hours(5 * DAY + 1, [(1, PlaceModule("earth_antenna", 2, 0))])
    (delivery,) = run.snapshot().deliveries
    assert delivery.launch_hour == CADENCE + expected_hours
    assert len(_delayed(events)) == (1 if expected_hours else 0)


def test_a_delay_is_deterministic_and_a_save_replays_it():
    commands = [(1, PlaceModule("earth_antenna", 2, 0)), (200, PlaceModule("battery", 3, 0))]
    first, second = _run(), _run()
    assert first.run_hours(40 * DAY, commands) == second.run_hours(40 * DAY, commands)
    level, catalog = _level()
    restored = restore(capture(first), level, catalog)
    assert restored.state_hash() == first.state_hash()
    assert restored.snapshot().deliveries == first.snapshot().deliveries


@pytest.mark.parametrize("days", [-1.0, math.inf, math.nan])
def test_a_delay_must_be_a_finite_number_of_days_not_below_zero(days):
    with pytest.raises(pydantic.ValidationError, match="delay_launches_days"):
        EventEffect.model_validate({"delay_launches_days": days})


@pytest.mark.parametrize("path", ["02_change7_2026.toml", "06_construction_2031.toml"])
def test_shipped_levels_can_delay_their_launches(path):
    level, catalog = load_level_by_path(REPO / "levels" / path).require()
    assert isinstance(catalog, Catalog)
    delays = [event for event in level.events if event.kind == "launch_delay"]
    assert delays and all(event.effect.delay_launches_days > 0 for event in delays)
    assert all(event.chance_per_day is not None for event in delays)  # by chance: a class meets it or not


def test_a_delay_lives_in_the_run_s_resources_not_in_an_entity() -> None:
    # Where simulation state lives (game/ecs/__init__.py): entities are things on the map and agreements.
    run = _run()
    run.run_hours(10 * DAY, [(0, PlaceModule("battery", 2, 2))])
    esper.switch_world(run.world_name)
    assert run.ctx.launch_slips and all(esper.has_component(entity, Module) for entity in esper.get_entities())
    run.close()
