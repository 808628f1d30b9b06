"""Headless station benchmark: a generated base of 300 working modules, ten game-years, one core.

Run `python -m benchmarks.station [YEARS]`. The level is built in code: a big generated site (a sunlit
ridge with a permanently shadowed crater along one side), 300 modules of every kind packed from the
first day, a crew of eight with rotation, and a solar storm now and then. The goal is ten game-years
(87,660 fixed steps) in under 5 seconds.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from typing import Any

from benchmarks.harness import Row, print_rows
from game.content.catalog import Catalog
from game.content.loader import load_base_catalog
from game.content.models import Level
from game.rules.grid import SiteGrid
from game.rules.placement import placement_refusal

GOAL_SECONDS = 5.0
YEARS = 10
WIDTH, HEIGHT = 64, 40
CRATER_COLUMNS = 12  # on the right: shadowed floor with ice

# How many of each module the generated base holds (game values, only for the benchmark): enough
# reactors that all 300 work day and night, and every other kind of the catalog at least a few times.
MIX: tuple[tuple[str, int], ...] = (
    ("fission_power_unit", 8), ("ice_extractor", 10), ("habitat", 4), ("life_support", 4),
    ("radiation_shelter", 2), ("greenhouse", 6), ("regolith_oxygen_plant", 3), ("electrolysis_plant", 6),
    ("laboratory", 8), ("observatory", 6), ("rover_garage", 6), ("brick_printer", 4), ("earth_antenna", 6),
    ("relay_link", 4), ("storage_depot", 10), ("fuel_cell", 8), ("battery", 30), ("radioisotope_generator", 4),
    ("solar_array", 70), ("landing_pad", 2),
)
MODULE_COUNT = 300


def site_rows() -> list[str]:
    """A ridge of peak tiles with the crater floor along the right-hand side."""
    return ["^" * (WIDTH - CRATER_COLUMNS) + "#" * CRATER_COLUMNS for _ in range(HEIGHT)]


def packed_modules(catalog: Catalog, grid: SiteGrid) -> list[dict[str, Any]]:
    """Packs the mix (then power cables up to 300) row by row, each where the placement rules allow.

    Modules are packed edge to edge, so almost all of them share one power network through the many
    that conduct; ice extractors find the crater floor on the right.
    """
    kinds = [module for module, count in MIX for _ in range(count)]
    kinds += ["power_cable"] * (MODULE_COUNT - len(kinds))
    occupied: set[tuple[int, int]] = set()
    placed = []
    for module in kinds:
        spec = catalog.modules[module]
        spot = next(
            (x, y) for y in range(HEIGHT) for x in range(WIDTH)
            if placement_refusal(spec, x, y, grid, occupied) is None
        )
        width, height = spec.footprint
        occupied.update((spot[0] + dx, spot[1] + dy) for dx in range(width) for dy in range(height))
        placed.append({"module": module, "x": spot[0], "y": spot[1]})
    return placed


def benchmark_level() -> tuple[Level, Catalog]:
    catalog, problems = load_base_catalog()
    assert not problems, problems
    rows = site_rows()
    site = {"name": "Generated ridge", "legend": {"^": "peak", "#": "crater_floor"}, "rows": rows}
    probe = Level.model_validate(_level_data(site, []))
    modules = packed_modules(catalog, SiteGrid.from_site(probe.site, catalog.tiles))
    return Level.model_validate(_level_data(site, modules)), catalog


def _level_data(site: dict[str, Any], modules: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "format": 1,
        "id": "benchmark-station",
        "title": "Benchmark station",
        "summary": "300 modules for ten years",
        "start_date": dt.date(2036, 1, 1),
        "time_limit_days": 36500,
        "seed": 36,
        "learning_objectives": ["Measure the simulation's speed"],
        "briefing": "Benchmark",
        "site": site,
        "start": {
            "budget": 100000, "funding_per_year": 5000, "energy_wh": 1_000_000, "crew": 8,
            "crew_rotation_days": 180, "modules": modules,
            "resources": {"oxygen": 2000, "water": 20000, "food": 5000},
        },
        "goals": [{"id": "far", "kind": "science", "points": 1e12, "text": "Science without end"}],
        "events": [
            {"id": "storm", "kind": "solar_particle_event", "text": "A solar storm", "chance_per_day": 0.01,
             "max_times": 1000, "effect": {"radiation_msv": 5}},
            {"id": "jam", "kind": "failure", "text": "A solar array jams", "chance_per_day": 0.02,
             "max_times": 1000, "effect": {"fail_module": "solar_array"}},
        ],
    }


def run_years(years: float = YEARS) -> tuple[float, int, int]:
    """Seconds to simulate `years` game-years, the steps run, and how many modules worked at the end."""
    from game.rules.hours import HOURS_PER_YEAR
    from game.simulation.simulation import Simulation

    level, catalog = benchmark_level()
    run = Simulation(level, catalog)
    hours = round(years * HOURS_PER_YEAR)
    start = time.perf_counter()
    run.run_hours(hours)
    seconds = time.perf_counter() - start
    working = sum(1 for view in run.snapshot().modules if view.state == "working")
    assert run.hour == hours, "the benchmark level ended early"
    run.close()
    return seconds, hours, working


def station_rows(years: float = YEARS) -> list[Row]:
    seconds, hours, working = run_years(years)
    return [(
        f"simulate {years:g} game-years, {MODULE_COUNT} modules", seconds, "s",
        f"{hours / seconds:,.0f} steps a second, {working} working at the end; "
        f"{seconds / GOAL_SECONDS:.2f}× the goal's time (goal: under {GOAL_SECONDS:g} s)",
    )]


def main(argv: list[str]) -> int:
    years = float(argv[0]) if argv else YEARS
    print_rows(station_rows(years))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
