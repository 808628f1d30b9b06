"""What every system of one simulation shares, passed to each explicitly (no module-level state)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from game.content.catalog import Catalog
from game.content.models import Level, MoonFacts
from game.ecs.commands import Command
from game.ecs.components import Delivery, Station
from game.ecs.events import GameEvent
from game.rules.grid import SiteGrid

if TYPE_CHECKING:
    from game.systems.working_set import WorkingSet

HOURS_PER_DAY = 24
HOURS_PER_YEAR = 365.25 * 24


@dataclass(slots=True)
class SimContext:
    """The level and catalog, the site grid, the seeded dice, and the step's inbox and outbox."""

    level: Level
    catalog: Catalog
    moon: MoonFacts
    grid: SiteGrid
    rng: random.Random
    station: Station
    occupied: dict[tuple[int, int], int] = field(default_factory=dict)
    pending_commands: list[Command] = field(default_factory=list)
    emitted: list[GameEvent] = field(default_factory=list)
    topology_changed: bool = True
    warned_networks: set[int] = field(default_factory=set)
    deliveries: dict[int, Delivery] = field(default_factory=dict)  # by id; landed ones are removed
    next_delivery: int = 1
    working: WorkingSet | None = None  # the working modules' sums, cached for one status_version
    status_version: int = 0  # bumped whenever who is finished, broken or powered may have changed
    energy_version: int = 0  # bumped when something outside the power system changes stored energy
    power_generation_w: float = 0.0  # this hour's totals over every network, for the history
    power_draw_w: float = 0.0
    seed: int = 0  # the run's seed: landings flown by the autopilot derive theirs from it
    landing_mode: str = "autopilot"  # or "player": a landed delivery waits for a ResolveLanding command

    def emit(self, event: GameEvent) -> None:
        self.emitted.append(event)
