"""What the automated player builds: modules for each goal of the level, then solar arrays and storage
until two planned lunar days pass without running low."""

from __future__ import annotations

import math
from collections.abc import Iterable

from game.autoplay.power_model import PowerModel, light_label
from game.autoplay.site_planner import SitePlanner
from game.content.catalog import Catalog
from game.content.models import Goal, Level, ModuleSpec
from game.rules.hours import HOURS_PER_DAY

# Share of the level's time the planner assumes is lost to ordering, delivery and assembly before a module
# produces: a planning margin, not a game rule.
LEAD_TIME_SHARE = 0.45
MAX_PLAN_STEPS = 400  # a guard: no plan places more modules than this
CANDIDATE_TILES = 24  # with computed light the planner weighs arrays on this many of the best-lit tiles


class Planner:
    """What to build for a level's goals: the modules each goal needs, then the power to run them all."""

    def __init__(self, level: Level, catalog: Catalog, site: SitePlanner):
        self.level = level
        self.catalog = catalog
        self.site = site  # asked whether a module fits anywhere, and which ground suits solar arrays
        self.wanted: list[str] = []
        self.arrays_on: list[str] = []  # the light label of each solar array's ground, standing or planned
        self.cells_on: dict[str, tuple[int, int]] = {}  # a tile of each label in arrays_on

    def plan(self, standing: Iterable[str]) -> list[str]:
        """The modules to build, power first, for the goals of the level; a solar array as
        "solar_array@<tile kind>", the ground it should stand on."""
        have = list(standing)
        hours = self.level.time_limit_days * HOURS_PER_DAY * (1 - LEAD_TIME_SHARE)
        for goal in self.level.goals:
            self._plan_goal(goal, have, hours)
        power = self._plan_power(have + self.wanted)
        return power + self.wanted

    def _want(self, module: str, have: list[str], count: int = 1) -> None:
        # Never more than the map has tiles: a goal of a billion modules (a modder's typo) plans a full map, not
        # a list too long to hold in memory.
        count = min(count, sum(len(row) for row in self.level.site.rows))
        already = have.count(module) + self.wanted.count(module)
        self.wanted += [module] * max(0, count - already)

    def _plan_goal(self, goal: Goal, have: list[str], hours: float) -> None:
        modules = self.catalog.modules
        if goal.kind == "build" and goal.module:
            self._want(goal.module, have, goal.count)
        elif goal.kind == "science" and goal.points:
            days = (goal.by_day * (1 - LEAD_TIME_SHARE) * HOURS_PER_DAY if goal.by_day else hours) / HOURS_PER_DAY
            makers = [m for m in modules.values() if self._science_rate(m, goal.domain) > 0 and self._fits(m)]
            if not makers:
                return
            best = max(makers, key=lambda m: self._science_rate(m, goal.domain) / max(m.cost, 1.0))
            standing = sum(self._science_rate(modules[m], goal.domain) for m in have + self.wanted)
            short = goal.points - standing * days
            if short > 0:
                self._want(best.id, have, (have + self.wanted).count(best.id)
                           + math.ceil(short / (self._science_rate(best, goal.domain) * days)))
            if not any(modules[m].category == "communications" for m in have + self.wanted):
                self._want(self._link(), have)
        elif goal.kind == "stockpile" and goal.resource and goal.amount:
            self._plan_resource(goal.resource, goal.amount / max(hours, 1.0), have)
            self._plan_storage(goal.resource, goal.amount * 1.1, have)
        elif goal.kind == "sustain_crew" and goal.crew:
            housing = [m for m in modules.values() if m.crew_capacity > 0 and m.category == "habitat"]
            homes = sum(modules[m].crew_capacity for m in have + self.wanted if modules[m].category == "habitat")
            if homes < goal.crew and housing:
                best = max(housing, key=lambda m: m.crew_capacity)
                self._want(best.id, have, math.ceil(goal.crew / best.crew_capacity))
            if not any(modules[m].category == "life_support" for m in have + self.wanted) and "life_support" in modules:
                self._want("life_support", have)

    def _science_rate(self, module: ModuleSpec, domain: str | None) -> float:
        if domain:
            return module.science_per_day.get(domain, 0.0)  # type: ignore[call-overload]
        return sum(module.science_per_day.values())

    def _fits(self, module: ModuleSpec) -> bool:
        return next(iter(self.site.spots(module)), None) is not None

    def _link(self) -> str:
        modules = self.catalog.modules
        if "earth_antenna" in modules and self._fits(modules["earth_antenna"]):
            return "earth_antenna"
        return "relay_link"

    def _plan_resource(self, resource: str, per_hour: float, have: list[str], depth: int = 0) -> None:
        """Producers for `per_hour` of a resource, and producers for their inputs in turn."""
        if depth > 4 or per_hour <= 0:
            return
        makers = [m for m in self.catalog.modules.values() if m.outputs.get(resource, 0) > 0 and self._fits(m)]  # type: ignore[call-overload]
        if not makers:
            return
        best = max(makers, key=lambda m: m.outputs[resource] / max(m.cost, 1.0))  # type: ignore[index]
        count = math.ceil(per_hour / best.outputs[resource])  # type: ignore[index]
        before = (have + self.wanted).count(best.id)
        self._want(best.id, have, before + count)
        for needed, amount in best.inputs.items():
            self._plan_resource(needed, amount * count, have, depth + 1)

    def _plan_storage(self, resource: str, amount: float, have: list[str]) -> None:
        modules = self.catalog.modules
        held = sum(modules[m].storage.get(resource, 0.0) for m in have + self.wanted)  # type: ignore[call-overload]
        stores = [m for m in modules.values() if m.storage.get(resource, 0) > 0 and not m.power_draw_w]  # type: ignore[call-overload]
        if held >= amount or not stores:
            return
        best = max(stores, key=lambda m: m.storage[resource] / max(m.cost, 1.0))  # type: ignore[index]
        extra = math.ceil((amount - held) / best.storage[resource])  # type: ignore[index]
        self.wanted += [best.id] * extra

    def _plan_power(self, modules_after: list[str]) -> list[str]:
        """Solar arrays on kinds of ground that cover each other's dark spells, and storage, until two
        planned lunar days pass without running low (with a margin for breakdowns)."""
        catalog = self.catalog
        draw = _draw(catalog, modules_after) * 1.25
        array_spec = catalog.modules.get("solar_array")
        battery = catalog.modules.get("battery")
        if draw <= 0 or array_spec is None:
            return []
        steady = sum(catalog.modules[m].power_output_w for m in modules_after if not catalog.modules[m].solar)
        storage = sum(catalog.modules[m].energy_storage_wh for m in modules_after)
        grid = self.site.grid
        fit = [(x, y) for x, y, tile in grid.cells() if grid.sunlight(x, y) >= array_spec.placement.min_sunlight
               and tile.slope_deg <= array_spec.placement.max_slope_deg]
        if grid.light is not None:  # computed light: the best-lit tiles, one array each
            fit = sorted(fit, key=lambda cell: (-grid.sunlight(*cell), cell))[:CANDIDATE_TILES]
        labels: dict[str, tuple[int, int]] = {}
        for x, y in fit:
            labels.setdefault(light_label(grid, x, y), (x, y))
        kinds = sorted(labels)
        for label in self.arrays_on:
            labels.setdefault(label, self.cells_on.get(label, (0, 0)))
        model = PowerModel.for_level(catalog, grid, labels, self.level.time_limit_days)
        arrays: dict[str, int] = {}
        for kind in self.arrays_on:
            arrays[kind] = arrays.get(kind, 0) + 1
        added: list[str] = []
        for _ in range(MAX_PLAN_STEPS):
            base = model.worst_energy(arrays, steady, draw, storage)
            if base >= 0.2 * storage and storage > 0:
                break
            options = [(model.worst_energy({**arrays, kind: arrays.get(kind, 0) + 1}, steady, draw, storage), kind)
                       for kind in kinds if grid.light is None or not arrays.get(kind)]
            best_trial, best_kind = max(options) if options else (base, "")
            extra = battery.energy_storage_wh if battery else 0.0
            with_battery = model.worst_energy(arrays, steady, draw, storage + extra) - 0.2 * extra
            if best_kind and best_trial > base and best_trial - base >= with_battery - base:
                arrays[best_kind] = arrays.get(best_kind, 0) + 1
                added.append(f"solar_array@{best_kind}")
            elif battery is not None:
                storage += extra
                added.append(battery.id)
            else:
                break
        return added


def _draw(catalog: Catalog, modules: Iterable[str]) -> float:
    return sum(catalog.modules[m].power_draw_w for m in modules)
