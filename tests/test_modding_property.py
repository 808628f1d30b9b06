"""The promise behind `validate`: a mod folder it calls valid shows its levels in the game's level list as
playable, and each opens on the station screen. Hypothesis writes the mods: maps, start modules, goals, events
on days and on what happens, and catalog entries that extend the game's with distance rules and tags; some are
broken on purpose (a level id a shipped level has, a percentage for a fraction, an unknown module)."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pygame
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from game import cli
from game.content.loader import load_base_catalog, load_game_content
from game.scenes.campaign.level_entries import level_entries
from game.scenes.station.station_scene import StationScene

BASE, _ = load_base_catalog()
TILES = sorted(BASE.tiles)
MODULES = sorted(module for module in BASE.modules if module != "power_cable")
LEGEND = "abcdefgh"


def toml_value(value: Any) -> str:
    """A small TOML writer: enough for the tables these mods hold (JSON strings are TOML strings)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(key)} = {toml_value(item)}" for key, item in value.items()) + " }"
    raise TypeError(value)


def toml_document(top: dict[str, Any], tables: dict[str, list[dict[str, Any]]]) -> str:
    lines = [f"{key} = {toml_value(value)}" for key, value in top.items()]
    for name, entries in tables.items():
        for entry in entries:
            lines.append(f"\n[[{name}]]")
            lines += [f"{key} = {toml_value(value)}" for key, value in entry.items()]
    return "\n".join(lines) + "\n"


@st.composite
def mod_modules(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Mod catalog entries: variants of the game's modules with changed figures, tags and placement rules."""
    entries = []
    for index in range(draw(st.integers(0, 3))):
        entry: dict[str, Any] = {"id": f"club_{index}", "extends": draw(st.sampled_from(MODULES))}
        if draw(st.booleans()):
            entry["tags"] = [draw(st.sampled_from(["crewed", "nuclear"]))]
        rules: dict[str, Any] = {}
        if draw(st.booleans()):
            rules["min_sunlight"] = draw(st.sampled_from([0.0, 0.1, 0.3, 0.5, 80]))  # 80: a percentage, refused
        if draw(st.booleans()):
            key = draw(st.sampled_from(["near", "away_from"]))
            target = draw(st.sampled_from([{"module": "landing_pad"}, {"tag": "crewed"}, {"tag": "nuclear"},
                                           {"module": "battery"}, {"module": "no_such"}]))
            rules[key] = [{**target, "tiles": draw(st.integers(1, 6))}]
        if draw(st.booleans()):
            rules["needs_earth_hidden"] = True
        if rules:
            entry["placement"] = rules
        if draw(st.booleans()):
            entry["cost"] = draw(st.sampled_from([1, 20, 50, 90, -5]))  # -5 breaks the entry alone
        entries.append(entry)
    return entries


@st.composite
def mods(draw: st.DrawFn) -> tuple[str, str | None]:
    """(level file, catalog file or None) of one mod."""
    width, height = draw(st.integers(8, 18)), draw(st.integers(4, 10))
    kinds = draw(st.lists(st.sampled_from(TILES), min_size=1, max_size=4, unique=True))
    legend = {LEGEND[index]: kind for index, kind in enumerate(kinds)}
    rows = ["".join(draw(st.sampled_from(list(legend))) for _ in range(width)) for _ in range(height)]
    catalog_modules = draw(mod_modules())
    known = MODULES + [entry["id"] for entry in catalog_modules]
    placed = [
        {"module": draw(st.sampled_from(known)), "x": draw(st.integers(0, width - 1)),
         "y": draw(st.integers(0, height - 1))}
        for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2])))
    ]
    goals = [{"id": "build", "kind": "build", "module": draw(st.sampled_from([*known, *known, "solar_aray"])),
              "text": "Build it."}]
    if draw(st.booleans()):
        goals.append({"id": "power", "kind": "keep_power", "days": draw(st.integers(1, 20)),
                      "text": "Keep it powered."})
    events: list[dict[str, Any]] = []
    for index in range(draw(st.integers(0, 3))):
        trigger = draw(st.sampled_from([
            {"day": draw(st.integers(0, 20))},
            {"chance_per_day": 0.1},
            {"when": {"module_finished": draw(st.sampled_from(known))}},
            {"when": {"resource_below": {"water": 5}}},
            {"when": {"landing": draw(st.sampled_from(["perfect", "crash"]))}},
        ]))
        events.append({"id": f"event-{index}", "kind": "news", "text": "Something happens.", **trigger})
    level_id = draw(st.sampled_from(["club-level"] * 5 + ["agreement-2021"]))  # a shipped id: refused
    top = {
        "format": 1, "id": level_id, "title": "Club level", "summary": "A generated level.",
        "start_date": "2030-01-01", "time_limit_days": draw(st.integers(5, 60)),
        "learning_objectives": ["Read a generated map."], "briefing": "A generated level.",
    }
    if draw(st.booleans()):
        top["launch_vehicles"] = ["long_march_5"]
    text = toml_document(top, {}).replace('"2030-01-01"', "2030-01-01")
    text += "\n[site]\n" + f"name = \"Generated\"\nlegend = {toml_value(legend)}\nrows = {toml_value(rows)}\n"
    text += "\n[start]\n" + f"budget = {draw(st.integers(0, 3000))}\nmodules = {toml_value(placed)}\n"
    text += toml_document({}, {"goals": goals, "events": events})
    catalog = toml_document({"format": 1}, {"modules": catalog_modules}) if catalog_modules else None
    return text, catalog


_APP: list[Any] = []


def station_app() -> Any:
    """One headless window for every example (opening one per example would take most of the test's time)."""
    if not _APP:
        from game.app import open_app
        from game.scenes.menus.title import TitleScene

        _APP.append(open_app(TitleScene))
    return _APP[0]


@pytest.fixture(scope="module", autouse=True)
def close_app():
    yield
    if _APP:
        _APP.pop().close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mods())
def test_a_mod_that_validates_is_playable_in_the_game(mod: tuple[str, str | None]) -> None:
    level_text, catalog_text = mod
    folder = Path(tempfile.mkdtemp()) / "club"
    try:
        folder.mkdir()
        (folder / "club.toml").write_text(level_text, encoding="utf-8")
        if catalog_text is not None:
            (folder / "catalog").mkdir()
            (folder / "catalog" / "modules.toml").write_text(catalog_text, encoding="utf-8")
        valid = cli.validate([str(folder)]) == 0
        entries = level_entries(load_game_content([folder]))
        (entry,) = [entry for entry in entries if entry.loaded is not None and entry.origin.startswith("Mod: club")]
        catalog_broken = any(entry.loaded is None and entry.origin == "Mod: club" for entry in entries)
        # One truth, both ways: the game's list and `validate` agree about the mod.
        assert valid == (entry.playable and not catalog_broken), [str(problem) for problem in entry.problems]
        event("valid" if valid else "refused")
        if not valid:
            return
        assert entry.playable, [str(problem) for problem in entry.problems]
        assert entry.loaded is not None
        app = station_app()
        scene = StationScene(app.ctx, entry.loaded)
        app.stack.append(scene)
        scene.enter()
        try:
            for _ in range(3):
                app.frame(1 / 30)
            scene.update(0.5)
            scene.draw(app.window, 0.0)
            pygame.display.flip()
        finally:
            scene.exit()
            scene.close()
            app.stack.remove(scene)
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)
