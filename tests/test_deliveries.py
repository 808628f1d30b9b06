"""Modules arrive as cargo: booking on launches, transit, landing grades and what each does to the station."""

from __future__ import annotations

import pytest

from game.ecs.commands import (
    Demolish,
    PlaceModule,
    ResolveLanding,
    SetLandingMode,
    command_from_json,
    command_to_json,
)
from game.ecs.events import CargoArrived, CargoLaunched, CommandRefused, LandingResolved
from game.rules.launches import Flight, damaged_repair_hours, earliest_launch, grade_refusal
from game.saves import capture, restore
from game.simulation.simulation import Simulation
from tests.sim_helpers import simulation, small_level

ROWS = ["^^^^^^^^", "^^^^^^^^", "........", "........"]
START = [{"module": "solar_array", "x": 0, "y": 0}, {"module": "power_cable", "x": 1, "y": 0}]
# Long March 5 flies every 30 days from the start, lands 1,500 kg, costs 120 and takes 7 days.
ARRIVAL = 7 * 24


def _run(mode: str = "autopilot", budget: float = 1000) -> Simulation:
    run = simulation(ROWS, START, launch_vehicles=["long_march_5"], start={"budget": budget, "modules": START})
    run.queue(SetLandingMode(mode))
    return run


def _state(run: Simulation, x: int, y: int) -> str:
    view = run.module_at(x, y)
    assert view is not None, f"no module at ({x}, {y})"
    return view.state


@pytest.mark.parametrize(
    ("hour", "mass", "booked", "expected"),
    [
        (0, 400, {}, ("long_march_5", 0)),  # both fly at hour 0: the one listed first
        (1, 400, {}, ("long_march_5", 720)),  # the first launches have gone: the earliest next one
        (0, 400, {("long_march_5", 0): 1200}, ("long_march_10", 0)),  # full: another rocket with room
        (0, 400, {("long_march_5", 0): 1100}, ("long_march_5", 0)),  # exactly fits
        (0, 5000, {}, ("long_march_10", 0)),  # too heavy for the small rocket
        (1, 5000, {}, ("long_march_10", 2160)),
        (0, 20000, {}, None),  # too heavy for every rocket
    ],
)
def test_earliest_launch_with_room(hour, mass, booked, expected):
    flights = [Flight("long_march_5", 1500, 30 * 24), Flight("long_march_10", 8000, 90 * 24)]
    assert earliest_launch(hour, mass, flights, booked) == expected


def test_an_order_is_paid_at_once_its_launch_when_it_flies():
    run = _run()
    events = run.run_hours(1, [(0, PlaceModule("earth_antenna", 2, 0))])
    # Ordered and launched in the same hour: the first launch leaves at hour 0.
    launched = [e for e in events if isinstance(e, CargoLaunched)]
    assert launched == [CargoLaunched(1, "long_march_5", ("earth_antenna",), 120.0, 7.0)]
    assert run.snapshot().budget == pytest.approx(1000 - 30 - 120)
    assert _state(run, 2, 0) == "in transit"
    (delivery,) = run.snapshot().deliveries
    assert (delivery.state, delivery.modules, delivery.arrival_day) == ("in transit", ("earth_antenna",), 7.0)


def test_a_later_order_waits_for_the_next_launch_and_cancelling_it_costs_nothing():
    run = _run()
    run.run_hours(2)
    run.run_hours(1, [(run.hour, PlaceModule("earth_antenna", 2, 0))])
    assert _state(run, 2, 0) == "ordered"
    (delivery,) = run.snapshot().deliveries
    assert (delivery.state, delivery.launch_hour) == ("booked", 720)
    assert run.demolish_refund(2, 0) == pytest.approx(30.0)
    budget = run.snapshot().budget
    run.run_hours(1, [(run.hour, Demolish(2, 0))])
    assert run.snapshot().deliveries == () and run.module_at(2, 0) is None
    assert run.snapshot().budget == pytest.approx(budget + 30, abs=0.01)
    events = run.run_hours(730)
    assert not [e for e in events if isinstance(e, CargoLaunched)]  # an empty launch is not paid for


def test_cargo_in_flight_cannot_be_recalled():
    run = _run()
    run.run_hours(2, [(0, PlaceModule("earth_antenna", 2, 0))])
    assert run.demolish_refund(2, 0) is None
    events = run.run_hours(1, [(run.hour, Demolish(2, 0))])
    assert any("on its way to the Moon" in e.reason for e in events if isinstance(e, CommandRefused))


def test_cargo_too_heavy_for_one_launch_fills_the_next():
    run = _run(budget=2000)
    depots = [(0, PlaceModule("storage_depot", 2 + i, 0)) for i in range(3)]  # 700 kg each on a 1,500 kg rocket
    run.run_hours(1, depots)
    deliveries = {d.id: (d.launch_hour, d.modules) for d in run.snapshot().deliveries}
    assert deliveries == {1: (0, ("storage_depot", "storage_depot")), 2: (720, ("storage_depot",))}


def test_the_autopilot_lands_the_cargo_and_assembly_starts():
    run = _run()
    events = run.run_hours(ARRIVAL + 1, [(0, PlaceModule("earth_antenna", 2, 0))])
    arrived = [e for e in events if isinstance(e, CargoArrived)]
    resolved = [e for e in events if isinstance(e, LandingResolved)]
    assert arrived == [CargoArrived(1, ("earth_antenna",), "change_class")]
    assert len(resolved) == 1 and resolved[0].grade in {"perfect", "good", "hard", "off_target", "crash"}
    assert run.snapshot().deliveries == ()


def test_autopilot_landings_are_deterministic_with_the_seed():
    def landed(seed: int) -> tuple[str, str]:
        level, catalog = small_level(ROWS, START, launch_vehicles=["long_march_5"])
        run = Simulation(level, catalog, seed)
        events = run.run_hours(ARRIVAL + 5, [(0, PlaceModule("battery", 2, 0))])
        (resolved,) = [e for e in events if isinstance(e, LandingResolved)]
        return resolved.text, run.state_hash()

    assert landed(7) == landed(7)


def test_in_player_mode_the_cargo_waits_for_its_landing_while_time_goes_on():
    run = _run("player")
    events = run.run_hours(ARRIVAL + 48, [(0, PlaceModule("earth_antenna", 2, 0))])
    assert [e for e in events if isinstance(e, CargoArrived)]
    assert not [e for e in events if isinstance(e, LandingResolved)]
    assert _state(run, 2, 0) == "awaiting landing"
    assert run.snapshot().deliveries[0].state == "awaiting landing"
    assert run.hour == ARRIVAL + 48


@pytest.mark.parametrize(
    ("grade", "damage", "haul", "state_after", "budget_change"),
    [
        ("perfect", 0.0, 0.0, "building", 0.0),
        ("good", 0.0, 0.0, "building", 0.0),
        ("hard", 0.5, 0.0, "building", 0.0),
        ("off_target", 0.0, 25.0, "building", -25.0),
        ("crash", 1.0, 0.0, "ordered", -30.0),  # ordered again at its cost on the next launch
    ],
)
def test_each_grade_has_its_consequence(grade, damage, haul, state_after, budget_change):
    run = _run("player")
    run.run_hours(ARRIVAL + 1, [(0, PlaceModule("earth_antenna", 2, 0))])
    budget = run.snapshot().budget
    events = run.run_hours(1, [(run.hour, ResolveLanding(1, grade, damage, haul))])
    (resolved,) = [e for e in events if isinstance(e, LandingResolved)]
    assert resolved.grade == grade and resolved.modules == ("earth_antenna",)
    assert _state(run, 2, 0) == state_after
    assert run.snapshot().budget == pytest.approx(budget + budget_change)  # the test level has no funding
    if grade == "crash":
        assert "ordered again" in resolved.text.lower()
        (again,) = run.snapshot().deliveries
        assert again.state == "booked" and again.launch_hour == 720
    if grade == "hard":
        # Assembly takes the antenna's build hours; the damage keeps it broken for half of 30 days.
        run.run_hours(24 * 14)
        assert _state(run, 2, 0) == "broken"
        run.run_hours(24 * 2)
        assert _state(run, 2, 0) == "working"


def test_a_crash_with_no_money_to_order_again_cancels_and_frees_the_ground():
    run = _run("player", budget=150)  # 30 for the antenna and 120 for the launch leave nothing
    run.run_hours(ARRIVAL + 1, [(0, PlaceModule("earth_antenna", 2, 0))])
    events = run.run_hours(1, [(run.hour, ResolveLanding(1, "crash", 1.0, 0.0))])
    (resolved,) = [e for e in events if isinstance(e, LandingResolved)]
    assert "cancelled" in resolved.text
    assert run.module_at(2, 0) is None and run.snapshot().deliveries == ()


@pytest.mark.parametrize(
    ("command", "reason_part"),
    [
        (ResolveLanding(9, "good"), "not waiting for its landing"),
        (ResolveLanding(1, "splendid"), "not a landing grade"),
        (ResolveLanding(1, "hard", 1.5), "cargo damage must be a share"),
        (ResolveLanding(1, "off_target", 0.0, -3.0), "haul cost must be 0 or more"),
    ],
)
def test_a_wrong_landing_result_is_refused_in_a_sentence(command, reason_part):
    run = _run("player")
    run.run_hours(ARRIVAL + 1, [(0, PlaceModule("earth_antenna", 2, 0))])
    events = run.run_hours(1, [(run.hour, command)])
    assert any(reason_part in e.reason for e in events if isinstance(e, CommandRefused))
    assert _state(run, 2, 0) == "awaiting landing"


def test_a_player_mode_save_replays_its_landings():
    run = _run("player")
    run.run_hours(ARRIVAL + 1, [(0, PlaceModule("earth_antenna", 2, 0))])
    run.run_hours(30, [(run.hour, ResolveLanding(1, "hard", 0.25, 0.0))])
    level, catalog = small_level(ROWS, START, launch_vehicles=["long_march_5"],
                                 start={"budget": 1000, "modules": START})
    restored = restore(capture(run), level, catalog)
    assert restored.landing_mode == "player"
    assert restored.state_hash() == run.state_hash()


def test_landing_commands_round_trip_through_json():
    command = ResolveLanding(3, "off_target", 0.0, 12.5)
    assert command_from_json(command_to_json(command)) == command
    with pytest.raises(ValueError, match="'delivery' must be a whole number"):
        command_from_json({"kind": "resolve_landing", "delivery": "3", "grade": "good"})


@pytest.mark.parametrize(
    ("grade", "damage", "haul", "ok"),
    [("good", 0.0, 0.0, True), ("hard", 1.0, 0.0, True), ("crash", float("nan"), 0.0, False), ("x", 0, 0, False)],
)
def test_grade_refusal(grade, damage, haul, ok):
    assert (grade_refusal(grade, damage, haul) is None) is ok


def test_a_harder_landing_breaks_the_cargo_for_longer():
    assert damaged_repair_hours(0.1) < damaged_repair_hours(0.9) <= 30 * 24
    assert damaged_repair_hours(0.0) == 1.0
