"""Property: any level that validates can be played. Numbers anywhere in a level (and in the catalog entries it
overrides) are pushed to the ends of what the format allows; whenever the result validates, a bounded simulate,
landing and autoplay run, the summaries are valid JSON, and the station, landing and debrief screens draw a few
frames, with no exception and no NaN or infinity shown.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import sys
from pathlib import Path
from typing import Any

import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.loader import load_level_by_path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent
SANDBOX = REPO / "levels" / "sandbox.toml"
MODULES = REPO / "levels" / "catalog" / "modules.toml"
# The ends of the ranges the format allows, and values near them: what a hostile or careless modder writes.
EXTREMES = [0, 1e-9, 0.5, 1, 2, 50, 1000, 36500, 200000, 1e7, 1e9, -1e9, -1, 100000]


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) and math.isfinite(value) else str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    return "{" + ", ".join(f"{json.dumps(key)} = {_toml_value(item)}" for key, item in value.items()) + "}"


def to_toml(data: dict[str, Any]) -> str:
    return "".join(f"{json.dumps(key)} = {_toml_value(value)}\n" for key, value in data.items())


def number_paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in `data` that holds a number (not true or false)."""
    if isinstance(data, dict):
        return [found for key, value in data.items() for found in number_paths(value, (*path, key))]
    if isinstance(data, list):
        return [found for index, value in enumerate(data) for found in number_paths(value, (*path, index))]
    return [path] if isinstance(data, (int, float)) and not isinstance(data, bool) else []


def _base() -> dict[str, Any]:
    data = tomllib.loads(SANDBOX.read_text(encoding="utf-8"))
    data["id"] = "property-level"
    modules = tomllib.loads(MODULES.read_text(encoding="utf-8"))["modules"]
    # Overriding catalog modules the level uses puts their numbers (mass, power, storage) in play too.
    data.setdefault("catalog", {})["modules"] = modules[:6]
    data.setdefault("landing", {})
    data["landing"].setdefault("time_limit_s", 120.0)
    return data


BASE = _base()
PATHS = number_paths(BASE)


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = int(value) if isinstance(data[path[-1]], int) and float(value).is_integer() else value


@st.composite
def levels(draw: st.DrawFn) -> str:
    data = json.loads(json.dumps(BASE, default=str))  # a deep copy (dates become text: put them back)
    data["start_date"] = BASE["start_date"]
    for path in draw(st.lists(st.sampled_from(PATHS), min_size=1, max_size=3)):
        _set(data, path, draw(st.sampled_from(EXTREMES) | st.floats(-1e9, 1e9, allow_nan=False)))
    for fact in data.get("facts", []):
        if "date" in fact:
            fact["date"] = dt.date.fromisoformat(str(fact["date"]))
    return to_toml(data)


_ENDLESS = re.compile(r"(?<![A-Za-z])(nan|inf|infinity)(?![A-Za-z])", re.IGNORECASE)


def _no_endless_number(text: str) -> None:
    assert not _ENDLESS.search(text), text


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=levels())
def test_any_level_that_validates_plays_and_draws(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    from game.autoplay.player import autoplay
    from game.landing.run import fly
    from game.simulate_report import summary
    from game.simulation.simulation import Simulation

    path = tmp_path_factory.mktemp("level") / "property.toml"
    path.write_text(text, encoding="utf-8")
    loaded = load_level_by_path(path)
    if not loaded.ok:
        return  # refused with sentences: the property is about levels that validate
    level, catalog = loaded.require()
    simulation = Simulation(level, catalog)
    try:
        events = simulation.run_hours(72)
        json.dumps(summary(simulation, events), allow_nan=False)
    finally:
        simulation.close()
    json.dumps(fly(level, catalog).as_dict(), allow_nan=False)
    autoplay(level, catalog, max_days=3)
    _draw_screens(loaded)


def _draw_screens(loaded: Any) -> None:
    """The station, landing and debrief screens, a few frames each, with every text they draw checked."""
    from game.app import open_app
    from game.render.text_cache import TextCache
    from game.scenes.campaign.debrief import DebriefScene
    from game.scenes.landing.flight_screen import LandingScene
    from game.scenes.scene import Push
    from game.scenes.station.station_scene import StationScene
    from game.simulation.simulation import Simulation

    drawn: list[str] = []
    render = TextCache.render

    def recording(self: TextCache, text: str, *args: Any, **kwargs: Any) -> pygame.Surface:
        drawn.append(text)
        return render(self, text, *args, **kwargs)

    level, catalog = loaded.require()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(TextCache, "render", recording)
        app = open_app()
        simulation = Simulation(level, catalog)
        try:
            simulation.run_hours(48)
            screens = [StationScene(app.ctx, loaded), LandingScene(app.ctx, loaded, practice=True, autopilot=True),
                       DebriefScene(app.ctx, loaded, simulation)]
            for scene in screens:
                app.request(Push(scene))
                for _ in range(4):
                    if app.running:
                        app.frame(1 / 60)
        finally:
            app.close()
            simulation.close()
    assert drawn
    for text in drawn:
        _no_endless_number(text)
