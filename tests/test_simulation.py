"""The station simulation run headless: determinism, replay, commands, power through the night, goals."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence

import esper
import pytest

from game.ecs.commands import Command, Demolish, PlaceModule
from game.ecs.events import CommandRefused, EnergyRunningLow, LevelEnded, ModuleCompleted, PowerLost
from game.simulation.simulation import Simulation
from tests.sim_helpers import shipped_level, simulation

PLAN: list[tuple[int, Command]] = [
    (0, PlaceModule("solar_array", 16, 7)),
    (0, PlaceModule("power_cable", 17, 8)),
    (5, PlaceModule("earth_antenna", 22, 12)),
    (30, PlaceModule("battery", 20, 14)),
    (100, Demolish(20, 14)),
]


def _run(seed: int | None = None, commands: Sequence[tuple[int, Command]] = PLAN, hours: int = 24 * 40) -> Simulation:
    level, catalog = shipped_level()
    run = Simulation(level, catalog, seed)
    run.run_hours(hours, commands)
    return run


def test_same_level_seed_and_commands_give_the_same_state():
    first, second = _run(), _run()
    assert first.state_hash() == second.state_hash()
    first.close()
    second.close()


def test_a_recorded_command_log_replays_exactly():
    original = _run()
    replay = _run(commands=original.command_log)
    assert replay.state_hash() == original.state_hash()


def test_a_run_nobody_closed_leaves_no_world_for_the_next_run():
    # Python reuses an object's id once it is collected: a world named after id() would hand a new run the
    # old run's entities. Each run's world has its own name, and a forgotten run's world goes with it.
    import gc

    forgotten = _run(hours=30, commands=[(0, PlaceModule("solar_array", 16, 7))])
    name = forgotten.world_name
    del forgotten
    gc.collect()
    assert name not in esper.list_worlds()
    fresh = _run(hours=0)
    assert fresh.world_name != name and not fresh.snapshot().deliveries
    fresh.close()


def test_the_seed_changes_the_dice():
    hashes = {_run(seed=seed, hours=24 * 60).state_hash() for seed in range(6)}
    assert len(hashes) > 1


def test_each_run_has_its_own_world():
    a = _run(hours=0)
    b = _run(hours=0)
    a.queue(PlaceModule("solar_array", 16, 7))
    a.run_hours(20)
    assert len(a.snapshot().modules) == len(b.snapshot().modules) + 1
    a.close()
    assert a.world_name not in esper.list_worlds()
    b.step()  # the other run goes on after one is closed


def test_commands_wait_for_the_next_step():
    run = _run(hours=0)
    before = len(run.snapshot().modules)
    run.queue(PlaceModule("solar_array", 16, 7))
    assert len(run.snapshot().modules) == before
    run.step()
    assert len(run.snapshot().modules) == before + 1


def test_a_refused_command_says_why_and_costs_nothing():
    run = _run(hours=0)
    budget = run.snapshot().budget
    events = run.run_hours(1, [(0, PlaceModule("ice_extractor", 0, 0))])
    refusals = [event.reason for event in events if isinstance(event, CommandRefused)]
    assert refusals == [
        "Ice extractor cannot be built here: needs ice: this tile holds none, and it needs at least 1% (game value)"
    ]
    assert run.snapshot().budget >= budget


def test_building_costs_money_and_takes_its_build_hours():
    # A level without launch vehicles builds where the module stands, with no cargo flight.
    run = simulation(["^^^^^^^^"] * 4, [], start={"budget": 1000, "funding_per_year": 1200})
    events = run.run_hours(13, [(0, PlaceModule("solar_array", 0, 0))])
    funding = 13 * 1200 / (365.25 * 24)
    assert run.snapshot().budget == pytest.approx(1000 - 30 + funding)
    completed = [event for event in events if isinstance(event, ModuleCompleted)]
    assert [event.module for event in completed] == ["solar_array"]


def test_not_enough_budget_is_refused():
    run = simulation(["^^^^^^^^"] * 4, [], start={"budget": 10})
    events = run.run_hours(1, [(0, PlaceModule("solar_array", 0, 0))])
    assert any("not enough budget" in event.reason for event in events if isinstance(event, CommandRefused))


def test_storage_carries_a_module_through_the_dark_and_warns_before_it_runs_out():
    # A slope is lit half the lunar day; the observatory draws 1.5 kW all the time.
    rows = ["////////"] * 4
    modules = [
        {"module": "solar_array", "x": 0, "y": 0},
        {"module": "observatory", "x": 1, "y": 0},
        {"module": "battery", "x": 2, "y": 0},
    ]
    run = simulation(rows, modules, start={"budget": 1000, "energy_wh": 200000, "modules": modules})
    events = run.run_hours(24 * 60)
    warnings = [index for index, event in enumerate(events) if isinstance(event, EnergyRunningLow)]
    outages = [index for index, event in enumerate(events) if isinstance(event, PowerLost)]
    # 354 dark hours at 1.5 kW need 531 kWh; one 200 kWh battery runs out, with a warning first.
    assert outages and warnings and warnings[0] < outages[0]


def test_enough_storage_means_no_blackout():
    rows = ["////////"] * 4
    modules = [{"module": "solar_array", "x": 0, "y": 0}, {"module": "relay_link", "x": 1, "y": 0}]
    modules += [{"module": "battery", "x": 2 + i, "y": 0} for i in range(2)]
    run = simulation(rows, modules, start={"budget": 1000, "energy_wh": 400000, "modules": modules})
    events = run.run_hours(24 * 90)
    assert not [event for event in events if isinstance(event, PowerLost)]


def test_science_waits_on_board_until_a_link_sends_it_home():
    rows = ["^^^^^^^^"] * 4
    modules = [{"module": "solar_array", "x": 0, "y": 0}, {"module": "rover_garage", "x": 1, "y": 0}]
    run = simulation(rows, modules, start={"budget": 1000, "modules": modules})
    run.run_hours(48)
    snapshot = run.snapshot()
    assert not snapshot.science and snapshot.unsent_science["geology"] > 0
    run.run_hours(40, [(run.hour, PlaceModule("earth_antenna", 2, 0))])
    assert run.snapshot().science["geology"] > 0


def test_a_production_chain_turns_ice_into_oxygen():
    rows = ["^^^^####"] * 4
    modules = [
        {"module": "fission_power_unit", "x": 0, "y": 0},
        {"module": "power_cable", "x": 2, "y": 0},
        {"module": "power_cable", "x": 3, "y": 0},
        {"module": "ice_extractor", "x": 4, "y": 0},
        {"module": "electrolysis_plant", "x": 5, "y": 0},
    ]
    run = simulation(rows, modules, start={"budget": 1000, "modules": modules})
    run.run_hours(48)
    resources = run.snapshot().resources
    assert resources["oxygen"] > 0 and resources["hydrogen"] > 0
    assert resources["water"] <= 200  # the extractor's tank is full; the rest waits


def test_the_level_ends_when_its_time_runs_out_and_then_stops_changing():
    level, catalog = shipped_level()
    run = Simulation(level, catalog)
    events = run.run_hours(round(level.time_limit_days * 24) + 50)
    ended = [event for event in events if isinstance(event, LevelEnded)]
    assert len(ended) == 1 and not ended[0].won and "time ran out" in ended[0].reason
    frozen = run.state_hash()
    assert run.step() == [] and run.state_hash() == frozen


def test_the_headless_core_imports_no_pygame():
    code = (
        "import sys, game.content.loader, game.simulation.simulation, game.cli, game.simulate_report\n"
        "assert 'pygame' not in sys.modules, 'pygame was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_history_keeps_one_sample_a_day_and_one_when_the_level_ends():
    level, catalog = shipped_level()
    run = Simulation(level, catalog)
    run.run_hours(24 * 3 + 5)
    history = run.history
    assert [sample.day for sample in history] == [0, 1, 2, 3]
    assert history[0].budget == level.start.budget and history[0].energy_wh == level.start.energy_wh
    assert history[-1].generation_w > 0 and history[-1].draw_w == 0  # the starting outpost only makes power
    run.run_hours(round(level.time_limit_days * 24))
    assert run.ended and run.history[-1].day == pytest.approx(run.snapshot().day)
    assert run.state_hash() == _replayed_hash(run)  # the history is read-only: replays agree


def test_the_snapshot_carries_the_power_the_power_system_found():
    level, catalog = shipped_level()
    run = Simulation(level, catalog)
    start = run.snapshot()
    assert start.power_generation_w > 0 and start.power_generation_w == run.history[0].generation_w  # from hour 0
    assert start.power_draw_w == 0  # the starting outpost only makes power
    run.run_hours(24 * 40, [(0, PlaceModule("earth_antenna", 22, 12))])  # draws power once it has landed
    later = run.snapshot()
    assert any(view.module_id == "earth_antenna" and view.state in ("working", "unpowered") for view in later.modules)
    assert later.power_draw_w == catalog.modules["earth_antenna"].power_draw_w > 0
    assert (later.power_generation_w, later.power_draw_w) == (run.history[-1].generation_w, run.history[-1].draw_w)
    run.close()


def _replayed_hash(run: Simulation) -> str:
    replay = Simulation(run.level, run.ctx.catalog, run.seed)
    replay.run_hours(run.hour, run.command_log)
    return replay.state_hash()


def test_the_score_follows_its_formula():
    level, catalog = shipped_level()
    run = Simulation(level, catalog)
    run.run_hours(round(level.time_limit_days * 24))
    card = run.score()
    assert card.goals_total == len(level.goals) and not card.won
    expected = 100 * card.goals_met + card.science + 0.1 * max(0.0, card.budget_left)
    assert card.points == round(expected)


def test_a_module_breaking_mid_run_stops_its_work_at_once():
    # The hourly sums are cached between changes: a failure must still stop the science that hour on.
    rows = ["^^^^^^^^"] * 4
    modules = [{"module": "solar_array", "x": 0, "y": 0}, {"module": "rover_garage", "x": 1, "y": 0}]
    failure = {"id": "jam", "kind": "failure", "text": "The rover garage jams", "day": 1,
               "effect": {"fail_module": "rover_garage"}}
    run = simulation(rows, modules, start={"budget": 1000, "modules": modules}, events=[failure])
    run.run_hours(24 + 1)
    stopped = run.snapshot().unsent_science["geology"]
    run.run_hours(24)
    view = run.module_at(1, 0)
    assert view is not None and view.state == "broken"
    assert run.snapshot().unsent_science["geology"] == pytest.approx(stopped)
    run.run_hours(72)  # mended after its repair time: the work goes on
    assert run.snapshot().unsent_science["geology"] > stopped
