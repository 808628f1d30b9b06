"""The automated player's loop: plans the base, then each hour queues what the budget allows and checks in
the snapshot that it was built; once a game-day its diplomat talks to the partners."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.autoplay.diplomat import Diplomat
from game.autoplay.planner import Planner
from game.autoplay.power_model import light_label
from game.autoplay.site_planner import SitePlanner
from game.content.catalog import Catalog
from game.content.difficulty import DEFAULT_PRESET, with_difficulty
from game.content.models import Level
from game.ecs.commands import Command, PlaceModule
from game.rules.grid import footprint_cells
from game.rules.hours import HOURS_PER_DAY
from game.simulation.simulation import Simulation
from game.simulation.views import StationSnapshot


@dataclass(slots=True)
class PlannedModule:
    """One module the player intends to build, with its spot once one is found."""

    module: str
    x: int = -1
    y: int = -1
    queued_hour: int | None = None
    attempts: int = 0


# Game value: when no goal has moved and nothing was ordered for this long, the automated player stops. A level may
# run a hundred years (36,500 days, about a million hours) with a goal no base can reach; played out, that took
# minutes, for nothing: a base that changed nothing for three years will not change later.
STALL_DAYS = 3 * 365


@dataclass(slots=True)
class AutoplayResult:
    """How an automated run ended. `stalled`: it stopped early because nothing moved for STALL_DAYS."""

    level: str
    outcome: str
    days: float
    commands: list[tuple[int, Command]] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    snapshot: StationSnapshot | None = None
    stalled: bool = False

    @property
    def won(self) -> bool:
        return self.outcome == "won"


class Autoplayer:
    """Plans a base from a level's goals, then queues its modules as the budget allows."""

    def __init__(self, level: Level, catalog: Catalog):
        self.level = level
        self.catalog = catalog
        self.site = SitePlanner(level, catalog)
        self.planner = Planner(level, catalog, self.site)

    def play(self, simulation: Simulation, max_days: float | None = None) -> AutoplayResult:
        """Plays the level to its end (or `max_days`, or until nothing has moved for STALL_DAYS) and reports how it
        went."""
        snapshot = simulation.snapshot()
        self.site.settle([(self.catalog.modules[view.module_id], footprint_cells(view.x, view.y, view.footprint))
                             for view in snapshot.modules])
        for view in snapshot.modules:
            spec = self.catalog.modules[view.module_id]
            if spec.solar:
                label = light_label(self.site.grid, view.x, view.y)
                self.planner.arrays_on.append(label)
                self.planner.cells_on[label] = (view.x, view.y)
        queue = [PlannedModule(module) for module in self.planner.plan(view.module_id for view in snapshot.modules)]
        result = AutoplayResult(self.level.id, "playing", 0.0)
        limit = round((max_days or self.level.time_limit_days) * HOURS_PER_DAY)
        waiting: list[PlannedModule] = []  # queued last hour, to be checked in the snapshot
        for module, x, y in self.site.bridges():  # first join what the pad cannot reach: assembly needs it
            bridge = PlaceModule(module, x, y)
            simulation.queue(bridge)
            result.commands.append((simulation.hour, bridge))
            waiting.append(PlannedModule(module, x, y, simulation.hour))
        diplomat = Diplomat(self.level, self.catalog)
        moved_hour = simulation.hour  # when a goal last moved or something was last ordered
        goals_seen: tuple[float, ...] = ()
        while simulation.hour < limit and not simulation.ended:
            new_day = simulation.hour % HOURS_PER_DAY == 0
            if new_day:
                goals_now = tuple(goal.fraction for goal in simulation.snapshot().goals)
                if goals_now != goals_seen or (result.commands and result.commands[-1][0] >= moved_hour):
                    moved_hour, goals_seen = simulation.hour, goals_now
                elif simulation.hour - moved_hour >= STALL_DAYS * HOURS_PER_DAY:
                    result.stalled = True
                    break
            talks_today = diplomat.active and new_day
            if not (queue or waiting or talks_today):
                simulation.step()  # nothing left to build and no talks this hour: no need to look
                continue
            snapshot = simulation.snapshot()
            if talks_today:
                self._claim_standing(snapshot)  # partners' modules land where the game puts them
                for command in diplomat.act(simulation, snapshot):
                    simulation.queue(command)
                    result.commands.append((simulation.hour, command))
            for item in waiting:
                if not any(v.module_id == item.module and (v.x, v.y) == (item.x, item.y) for v in snapshot.modules):
                    queue.insert(0, PlannedModule(item.module, attempts=item.attempts + 1))
            waiting = []
            budget = snapshot.budget - self._reserve(snapshot)
            while queue:
                item = queue[0]
                if item.attempts > 3:
                    result.unplaced.append(queue.pop(0).module)
                    continue
                if self.catalog.modules[item.module.partition("@")[0]].cost > budget:
                    break  # not yet affordable: no need to look for a spot
                batch = self._spots_for(item)
                if not batch:
                    result.unplaced.append(queue.pop(0).module)
                    continue
                cost = sum(self.catalog.modules[m].cost for m, _, _ in batch)
                if cost > budget:
                    self._release(batch)
                    break
                queue.pop(0)
                budget -= cost
                for module, x, y in batch:
                    command = PlaceModule(module, x, y)
                    simulation.queue(command)
                    result.commands.append((simulation.hour, command))
                    waiting.append(PlannedModule(module, x, y, simulation.hour, item.attempts))
            simulation.step()
        result.snapshot = simulation.snapshot()
        result.outcome = result.snapshot.outcome
        result.days = result.snapshot.day
        return result

    def _claim_standing(self, snapshot: StationSnapshot) -> None:
        for view in snapshot.modules:
            cells = footprint_cells(view.x, view.y, view.footprint)
            if not self.site.occupied.issuperset(cells):
                self.site.claim(self.catalog.modules[view.module_id], view.x, view.y)
                self.site.occupied.update(cells)

    def _spots_for(self, item: PlannedModule) -> list[tuple[str, int, int]]:
        module, _, prefer = item.module.partition("@")
        spec = self.catalog.modules[module]
        batch = self.site.place(spec, prefer or None)
        if not batch and prefer:
            batch = self.site.place(spec)
        return batch

    def _release(self, batch: list[tuple[str, int, int]]) -> None:
        """Frees spots found but not yet afforded, so the next try finds them again."""
        for module, x, y in batch:
            for cell in footprint_cells(x, y, self.catalog.modules[module].footprint):
                self.site.occupied.discard(cell)
                self.site.network.discard(cell)

    def _reserve(self, snapshot: StationSnapshot) -> float:
        """Money kept back for launches already booked, so a 'stay in budget' goal survives their bills."""
        vehicles = [self.catalog.launch_vehicles[v] for v in self.level.launch_vehicles
                    if v in self.catalog.launch_vehicles]
        launch_cost = max((vehicle.cost for vehicle in vehicles), default=0.0)
        pending = [delivery for delivery in snapshot.deliveries if delivery.state == "booked"]
        return launch_cost * (len(pending) + 1)


def autoplay(level: Level, catalog: Catalog, seed: int | None = None, max_days: float | None = None,
             difficulty: str = DEFAULT_PRESET) -> AutoplayResult:
    """Plays `level` headless on a difficulty preset with the automated player and returns the result."""
    level, catalog = with_difficulty(level, catalog, difficulty)
    simulation = Simulation(level, catalog, seed, difficulty)
    try:
        return Autoplayer(level, catalog).play(simulation, max_days)
    finally:
        simulation.close()
