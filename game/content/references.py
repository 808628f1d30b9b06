"""The reference pass: ids a level names exist and are unique, the site reads, assets are there."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from game.content.catalog import Catalog, unknown
from game.content.images import MAX_PREVIEW_PIXELS, image_problem
from game.content.locate import line_of
from game.content.models import Level, ModuleSpec
from game.content.problems import KeyPath, Problem
from game.rules.grid import SiteGrid, footprint_cells
from game.rules.placement import placement_refusal
from game.terrain.relief import grid_shape_problem

MIN_SITE_SIDE = 8
MAX_SITE_WIDTH = 160


class _Report:
    def __init__(self, label: str, lines: Mapping[KeyPath, int], catalog: Catalog):
        self.label = label
        self.lines = lines
        self.catalog = catalog
        self.problems: list[Problem] = []
        self.said: set[tuple[str, str]] = set()

    def unknown(self, path: KeyPath, section: str, name: str) -> None:
        """`name` is not in the catalog's `section`: unknown, or (said once) defined with problems."""
        message = self.catalog.unknown(section, name, self.said)
        if message is not None:
            self.add(path, message)

    def add(self, path: KeyPath, message: str) -> None:
        self.problems.append(Problem(self.label, path, message, line_of(self.lines, path)))


def check_level_references(
    level: Level, catalog: Catalog, label: str, lines: Mapping[KeyPath, int], folder: Path
) -> list[Problem]:
    """Every reference problem of a shape-valid level, in file order."""
    report = _Report(label, lines, catalog)
    for section in ("goals", "events", "facts"):
        _unique_ids(report, (section,), getattr(level, section), "id")
    _unique_ids(report, ("partners",), level.partners, "partner")
    grid = _check_site(report, level, catalog)
    _check_start(report, level, catalog, grid)
    for index, vehicle in enumerate(level.launch_vehicles):
        if vehicle not in catalog.launch_vehicles:
            report.unknown(("launch_vehicles", index), "launch_vehicles", vehicle)
    for index, partner in enumerate(level.partners):
        if partner.partner not in catalog.partners:
            report.unknown(("partners", index, "partner"), "partners", partner.partner)
    event_ids = {event.id for event in level.events}
    for index, goal in enumerate(level.goals):
        if goal.event is not None and goal.event not in event_ids:
            report.add(("goals", index, "event"), unknown("event of this level", goal.event, event_ids))
        if goal.module is not None and goal.module not in catalog.modules:
            report.unknown(("goals", index, "module"), "modules", goal.module)
    fact_ids = {fact.id for fact in level.facts}
    for index, event in enumerate(level.events):
        failing = event.effect.fail_module
        if failing is not None and failing not in catalog.modules:
            report.unknown(("events", index, "effect", "fail_module"), "modules", failing)
        finished = event.when.module_finished if event.when is not None else None
        if finished is not None and finished not in catalog.modules:
            report.unknown(("events", index, "when", "module_finished"), "modules", finished)
        if event.fact is not None and event.fact not in fact_ids:
            report.add(("events", index, "fact"), unknown("fact of this level", event.fact, fact_ids))
        if event.until_day is not None and event.until_day <= event.from_day:
            report.add(("events", index, "until_day"), "must come after 'from_day'")
    _check_landing(report, level, catalog)
    if level.preview is not None:
        refusal = image_problem(folder, level.preview, MAX_PREVIEW_PIXELS)
        if refusal is not None:
            report.add(("preview",), refusal)
    return sorted(report.problems, key=lambda problem: problem.line or 0)


def _unique_ids(report: _Report, path: KeyPath, entries: Iterable[Any], key: str) -> None:
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        value = getattr(entry, key)
        if value in seen:
            report.add((*path, index, key), f"'{value}' appears twice; ids must be unique")
        seen.add(value)


def _check_site(report: _Report, level: Level, catalog: Catalog) -> SiteGrid | None:
    site = level.site
    sound = True
    for char, tile in site.legend.items():
        if tile not in catalog.tiles:
            report.unknown(("site", "legend", char), "tiles", tile)
            sound = False
    width = len(site.rows[0])
    if not MIN_SITE_SIDE <= width <= MAX_SITE_WIDTH:
        report.add(
            ("site", "rows", 0), f"rows must be {MIN_SITE_SIDE} to {MAX_SITE_WIDTH} tiles wide, not {width}"
        )
        sound = False
    for row_index, row in enumerate(site.rows):
        if len(row) != width:
            message = f"row is {len(row)} tiles wide, but the first row is {width}"
            report.add(("site", "rows", row_index), message)
            sound = False
        # The first column of each stranger, so the modder can find it in a long row.
        strangers = {
            char: column for column, char in reversed(list(enumerate(row))) if char not in site.legend
        }
        if strangers:
            listed = " and ".join(f"'{char}' (column {column})" for char, column in sorted(strangers.items()))
            verb = "is" if len(strangers) == 1 else "are"
            legend = ", ".join(f"'{char}'" for char in site.legend)
            known = f"it has {legend}" if legend else "the legend is empty"
            report.add(("site", "rows", row_index), f"{listed} {verb} not in the legend ({known})")
            sound = False
    if sound:
        shape = grid_shape_problem(site.relief, len(site.rows), width)
        if shape is not None:
            report.add(("site", "relief", "heights"), shape)
            sound = False
    # The start's modules are checked against the light the game will compute, so the level cannot start
    # with an array on ground the terrain keeps dark.
    return SiteGrid.from_site(site, catalog.tiles, catalog.moon) if sound else None


def _check_start(report: _Report, level: Level, catalog: Catalog, grid: SiteGrid | None) -> None:
    occupied: set[tuple[int, int]] = set()
    standing: list[tuple[ModuleSpec, list[tuple[int, int]]]] = []
    for index, placed in enumerate(level.start.modules):
        module = catalog.modules.get(placed.module)
        if module is None:
            report.unknown(("start", "modules", index, "module"), "modules", placed.module)
            continue
        if grid is None:
            continue
        refusal = placement_refusal(module, placed.x, placed.y, grid, occupied, standing=standing)
        if refusal:
            where = f"{placed.module} cannot stand at ({placed.x}, {placed.y})"
            report.add(("start", "modules", index), f"{where}: {refusal}")
        cells = footprint_cells(placed.x, placed.y, module.footprint)
        occupied.update(cells)
        standing.append((module, list(cells)))


def _check_landing(report: _Report, level: Level, catalog: Catalog) -> None:
    landing = level.landing
    if landing is None:
        return
    if landing.lander is not None and landing.lander not in catalog.landers:
        report.unknown(("landing", "lander"), "landers", landing.lander)
    if landing.cargo is not None and landing.cargo not in catalog.modules:
        report.unknown(("landing", "cargo"), "modules", landing.cargo)
