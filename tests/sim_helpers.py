"""Builds small levels in code for the simulation tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from game.content.catalog import Catalog
from game.content.loader import load_base_catalog, load_level_by_path
from game.content.models import Level
from game.simulation.simulation import Simulation

REPO = Path(__file__).resolve().parent.parent
FIRST_LEVEL = REPO / "levels" / "01_agreement_2021.toml"


def shipped_level(path: Path = FIRST_LEVEL) -> tuple[Level, Catalog]:
    return load_level_by_path(path).require()


def small_level(rows: list[str], modules: list[dict[str, Any]], **overrides: Any) -> tuple[Level, Catalog]:
    """A level on a tiny site: '^' peak, '.' plain, '#' crater floor, '/' slope."""
    catalog, problems = load_base_catalog()
    assert not problems, problems
    data: dict[str, Any] = {
        "format": 1,
        "id": "test-level",
        "title": "Test",
        "summary": "Test",
        "start_date": dt.date(2030, 1, 1),
        "time_limit_days": 400,
        "learning_objectives": ["Test"],
        "briefing": "Test",
        "site": {
            "name": "Test site",
            "legend": {"^": "peak", ".": "plain", "#": "crater_floor", "/": "slope"},
            "rows": rows,
            "light": "tile_kinds",  # these tests reckon with each kind's typed-in light; test_terrain computes it
        },
        "start": {"budget": 1000, "modules": modules},
        "goals": [{"id": "science", "kind": "science", "points": 1000, "text": "Lots of science"}],
    }
    data.update(overrides)
    return Level.model_validate(data), catalog


def simulation(rows: list[str], modules: list[dict[str, Any]], **overrides: Any) -> Simulation:
    level, catalog = small_level(rows, modules, **overrides)
    return Simulation(level, catalog)
