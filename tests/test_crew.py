"""The crewed phase: supplies per person, the cascade from a blackout to an evacuation, radiation, rotation."""

from __future__ import annotations

from typing import Any

import pytest

from game.ecs.events import CrewEvacuated, CrewRotated, CrewWarning, EnergyRunningLow, PowerLost
from game.rules.crew import event_dose_msv, hourly_dose_msv, hourly_needs, hours_left
from game.simulation.simulation import Simulation
from tests.sim_helpers import simulation, small_level

ROWS = ["^^^^^^^^"] * 4
REACTOR = {"module": "fission_power_unit", "x": 0, "y": 0}  # 40 kW day and night
HABITAT = {"module": "habitat", "x": 2, "y": 0}  # 3 kW, shielding 0.5
LIFE_SUPPORT = {"module": "life_support", "x": 4, "y": 0}  # 4 kW
SHELTER = {"module": "radiation_shelter", "x": 6, "y": 0}  # no power needed, shielding 0.9
PLENTY = {"oxygen": 500.0, "water": 2000.0, "food": 500.0}
OPEN_DOSE_PER_DAY = 1.369  # mSv: Chang'e-4's 1,369 µSv a day (levels/catalog/moon.toml)


def _crewed(modules: list[dict[str, Any]], crew: int = 4, resources: dict[str, float] | None = None,
            **start: Any) -> Simulation:
    settings = {"budget": 1000, "crew": crew, "modules": modules, "resources": resources or PLENTY, **start}
    return simulation(ROWS, modules, start=settings)


def _with_events(modules: list[dict[str, Any]], events: list[dict[str, Any]]) -> Simulation:
    start = {"budget": 1000, "crew": 4, "modules": modules, "resources": PLENTY}
    return simulation(ROWS, modules, start=start, events=events)


def test_the_crew_draw_what_nasa_lists_per_person_and_life_support_recovers_most_of_it():
    run = _crewed([REACTOR, HABITAT, LIFE_SUPPORT])
    run.run_hours(24 * 10)
    left = run.snapshot().resources
    # 4 people, 10 days; a working life-support module recovers 90 % of the oxygen and water.
    assert left["oxygen"] == pytest.approx(500 - 4 * 10 * 0.84 * 0.1)
    assert left["water"] == pytest.approx(2000 - 4 * 10 * 3.52 * 0.1)
    assert left["food"] == pytest.approx(500 - 4 * 10 * 0.62)
    days = run.snapshot().supplies_days_left
    assert days is not None and days["food"] == pytest.approx(left["food"] / (4 * 0.62))


@pytest.mark.parametrize(
    ("life_support", "crew", "expected_oxygen_per_hour"),
    [(True, 4, 4 * 0.84 * 0.1 / 24), (False, 4, 4 * 0.84 / 24), (False, 0, 0.0)],
)
def test_hourly_needs(life_support, crew, expected_oxygen_per_hour):
    _, catalog = small_level(ROWS, [])
    assert catalog.moon is not None and catalog.moon.crew is not None
    needs = catalog.moon.crew
    assert hourly_needs(needs, crew, life_support)["oxygen"] == pytest.approx(expected_oxygen_per_hour)


def test_hours_left_is_infinite_when_nothing_is_drawn():
    assert hours_left({"food": 10.0}, {"food": 0.0, "oxygen": 1.0}) == {"food": float("inf"), "oxygen": 0.0}


def test_a_blackout_stops_life_support_and_the_crew_are_warned_before_they_must_leave():
    # No reactor: a battery's stored energy carries the base a while, then life support stops and the
    # oxygen, no longer recovered, runs down.
    battery = {"module": "battery", "x": 5, "y": 0}
    run = _crewed([HABITAT, LIFE_SUPPORT, battery], resources={"oxygen": 20.0, "water": 2000.0, "food": 500.0},
                  energy_wh=200000)
    events = run.run_hours(24 * 20)
    kinds = [type(event) for event in events]
    assert PowerLost in kinds and CrewWarning in kinds and CrewEvacuated in kinds
    low = kinds.index(EnergyRunningLow)
    lost = kinds.index(PowerLost)
    warned = next(i for i, e in enumerate(events) if isinstance(e, CrewWarning) and e.reason == "oxygen")
    evacuated = kinds.index(CrewEvacuated)
    assert low < lost < warned < evacuated
    warning = events[warned]
    assert isinstance(warning, CrewWarning) and 0 < warning.hours_left < 72
    evacuation = events[evacuated]
    assert isinstance(evacuation, CrewEvacuated) and "oxygen ran out" in evacuation.reason
    snapshot = run.snapshot()
    assert snapshot.crew == 0 and snapshot.supplies_days_left is None


def test_an_evacuation_resets_the_sustain_crew_streak():
    goal = {"id": "stay", "kind": "sustain_crew", "crew": 4, "days": 30, "text": "Keep four people there"}
    modules = [HABITAT, LIFE_SUPPORT, {"module": "battery", "x": 5, "y": 0}]
    level, catalog = small_level(ROWS, modules, goals=[goal], start={
        "budget": 1000, "crew": 4, "modules": modules, "energy_wh": 50000,
        "resources": {"oxygen": 5.0, "water": 2000.0, "food": 500.0},
    })
    run = Simulation(level, catalog)
    events = run.run_hours(24 * 10)
    assert any(isinstance(event, CrewEvacuated) for event in events)
    (goal_view,) = run.snapshot().goals
    assert goal_view.fraction == 0.0 and goal_view.status == "pending"


@pytest.mark.parametrize(
    ("modules", "shielding"),
    [
        ([REACTOR], 0.0),  # nowhere to live: the open surface
        ([REACTOR, HABITAT, LIFE_SUPPORT], 0.5),  # half-buried habitat
        ([REACTOR, HABITAT, LIFE_SUPPORT, SHELTER], 0.9),  # the best shelter they live in counts
        ([HABITAT, LIFE_SUPPORT], 0.0),  # a habitat without power does not shield anyone living in it
    ],
)
def test_the_daily_dose_depends_on_the_best_working_shelter(modules, shielding):
    run = _crewed(modules, resources={"oxygen": 5000.0, "water": 50000.0, "food": 5000.0})
    run.run_hours(24 * 2)
    assert run.snapshot().crew == 4
    assert run.snapshot().crew_dose_msv == pytest.approx(2 * OPEN_DOSE_PER_DAY * (1 - shielding))


@pytest.mark.parametrize(("modules", "expected"), [([REACTOR], 100.0), ([REACTOR, SHELTER], 10.0)])
def test_a_solar_storm_hits_unsheltered_crew_hardest(modules, expected):
    storm = {"id": "storm", "kind": "solar_particle_event", "text": "A solar storm", "day": 1,
             "effect": {"radiation_msv": 100}}
    run = _with_events(modules, [storm])
    run.run_hours(24 + 1)
    shielding = 0.9 if SHELTER in modules else 0.0
    daily = OPEN_DOSE_PER_DAY * (1 - shielding) * (25 / 24)
    assert run.snapshot().crew_dose_msv == pytest.approx(expected + daily, rel=1e-3)


def test_the_dose_limit_warns_then_sends_the_crew_home():
    storm = {"id": "storm", "kind": "solar_particle_event", "text": "A huge solar storm", "day": 1,
             "effect": {"radiation_msv": 560}}
    run = _with_events([REACTOR], [storm])
    events = run.run_hours(24 * 40)
    warnings = [e for e in events if isinstance(e, CrewWarning) and e.reason == "radiation"]
    evacuations = [e for e in events if isinstance(e, CrewEvacuated)]
    assert len(warnings) == 1 and len(evacuations) == 1
    assert events.index(warnings[0]) < events.index(evacuations[0])
    assert "dose limit of 600 mSv" in evacuations[0].reason
    # 560 mSv at once, then 1.369 a day in the open: the limit comes about 29 days later.
    assert warnings[0].hours_left / 24 == pytest.approx((600 - 560 - OPEN_DOSE_PER_DAY) / OPEN_DOSE_PER_DAY, abs=1)


def test_a_rotation_brings_a_fresh_crew_and_after_an_evacuation_a_new_one_if_they_can_live_there():
    modules = [REACTOR, HABITAT, LIFE_SUPPORT]
    run = _crewed(modules, crew_rotation_days=10)
    events = run.run_hours(24 * 10 + 1)
    assert [e for e in events if isinstance(e, CrewRotated)] == [CrewRotated(4)]
    assert run.snapshot().crew_dose_msv < OPEN_DOSE_PER_DAY  # the fresh crew's dose starts again
    # Empty the food store: they leave, and the next rotation brings a crew back only once there is food.
    run.ctx.station.resources["food"] = 0.0
    events = run.run_hours(2)
    assert any(isinstance(e, CrewEvacuated) for e in events) and run.snapshot().crew == 0
    run.ctx.station.resources["food"] = 100.0
    events = run.run_hours(24 * 10)
    assert [e for e in events if isinstance(e, CrewRotated)] == [CrewRotated(4)] and run.snapshot().crew == 4


def test_dose_arithmetic():
    assert hourly_dose_msv(1369, 0.0) * 24 == pytest.approx(1.369)
    assert hourly_dose_msv(1369, 0.5) * 24 == pytest.approx(0.6845)
    assert event_dose_msv(100, 0.9) == pytest.approx(10)
    assert event_dose_msv(100, 1.5) == 0.0
