"""The run's resources: its one object for singletons, handed to every system explicitly (no module-level state).

Things on the map and agreements are entities (game/ecs/components.py); everything a run has exactly one
of lives here: the level and its dice, the programme's ledger (`Station`), the cargo on its way
(`Delivery`), the diplomacy desk, the launch delays so far, this hour's power figures and the caches
shared by several systems. See game/ecs/__init__.py for the whole rule.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from game.content.catalog import Catalog
from game.content.models import Level, MoonFacts, Resource
from game.ecs.commands import Command, DiplomacyCommand
from game.ecs.events import GameEvent
from game.rules.grid import SiteGrid
from game.rules.launches import Slip


@dataclass(slots=True)
class Station:
    """The programme's shared state: money, stores, science and the level's progress."""

    hour: int = 0
    budget: float = 0.0
    funding_per_year: float = 0.0
    crew: int = 0
    resources: dict[str, float] = field(default_factory=dict)
    capacity: dict[str, float] = field(default_factory=dict)
    science: dict[str, float] = field(default_factory=dict)
    unsent_science: dict[str, float] = field(default_factory=dict)
    lowest_budget: float = 0.0
    powered_streak_hours: int = 0
    crewed_streak_hours: int = 0
    shortage_hours: int = 0
    events_fired: dict[str, int] = field(default_factory=dict)
    conditions_held: set[str] = field(default_factory=set)  # events whose `when` condition held last hour
    facts_seen: list[str] = field(default_factory=list)
    goals: dict[str, str] = field(default_factory=dict)
    outcome: str = "playing"
    crew_dose_msv: float = 0.0  # what each crew member has taken so far (they live and work together)
    crew_draw_per_hour: dict[str, float] = field(default_factory=dict)  # kg of oxygen, water, food, this hour
    crew_warned: set[str] = field(default_factory=set)  # warnings given and not yet cleared
    earth_link_up: bool | None = None  # the antennas' link to Earth last hour; None while no antenna works


BOOKED, IN_TRANSIT, AWAITING_LANDING = "booked", "in transit", "awaiting landing"


@dataclass(slots=True)
class Delivery:
    """One launch's cargo: the ordered modules it carries, when it flies and when it reaches the Moon."""

    id: int
    vehicle: str
    launch_hour: int
    arrival_hour: int
    entities: list[int] = field(default_factory=list)
    mass_kg: float = 0.0
    state: str = BOOKED  # booked, in transit, awaiting landing


@dataclass(slots=True)
class DiplomacyDesk:
    """The programme's side of diplomacy: the commands waiting for partners' answers, and what is being tracked."""

    inbox: list[DiplomacyCommand] = field(default_factory=list)  # filled by the command system, answered later
    next_agreement: int = 1
    applied_events: dict[str, int] = field(default_factory=dict)  # level events whose partner effect ran
    contributed: dict[int, str] = field(default_factory=dict)  # module entity -> partner, until built
    instruments: list[tuple[str, str]] = field(default_factory=list)  # (partner, domain) now working
    crewed: bool = False  # the station has had crew at some point (crew seats can be honoured)


@dataclass(slots=True)
class Producers:
    """Working modules of one kind that turn inputs into outputs: `count` of them, in entity order."""

    inputs: tuple[tuple[Resource, float], ...]  # only those with an amount above zero
    outputs: tuple[tuple[Resource, float], ...]
    count: int = 0


@dataclass(slots=True)
class WorkingSet:
    """What the working modules add up to (game/ecs/working_set.py), for one `status_version`."""

    version: int
    producers: list[Producers] = field(default_factory=list)
    science_per_hour: dict[str, float] = field(default_factory=dict)
    linked: bool = False  # a communications module that needs no view of Earth works (a relay)
    # The cells of each working communications module that needs Earth in view: its link holds while Earth
    # stands above the horizon of one of them (game/systems/earth_link.py).
    earth_links: list[tuple[tuple[int, int], ...]] = field(default_factory=list)
    life_support: bool = False
    housing: int = 0  # beds in working modules
    shielding: float = 0.0  # the best shielding of a working module the crew can live in
    built: dict[str, int] = field(default_factory=dict)  # finished modules by kind, for the goals


@dataclass(frozen=True, slots=True)
class PadReach:
    """The landed modules a working landing pad links to (None: the map has no pad), for one `status_version`."""

    version: int
    linked: frozenset[int] | None


@dataclass(slots=True)
class SimContext:
    """The level and catalog, the site grid, the seeded dice, the singletons, and the step's inbox and outbox."""

    level: Level
    catalog: Catalog
    moon: MoonFacts
    grid: SiteGrid
    rng: random.Random
    station: Station
    seed: int = 0  # the run's seed: landings flown by the autopilot derive theirs from it
    occupied: dict[tuple[int, int], int] = field(default_factory=dict)  # tile -> the module entity on it
    pending_commands: list[Command] = field(default_factory=list)  # the command system's inbox
    emitted: list[GameEvent] = field(default_factory=list)
    deliveries: dict[int, Delivery] = field(default_factory=dict)  # by id; landed ones are removed
    next_delivery: int = 1
    launch_slips: list[Slip] = field(default_factory=list)  # the launch delays of this run so far, in order
    desk: DiplomacyDesk = field(default_factory=DiplomacyDesk)
    landing_mode: str = "autopilot"  # or "player": a landed delivery waits for a ResolveLanding command
    power_generation_w: float = 0.0  # this hour's totals over every network, written by the power system
    power_draw_w: float = 0.0
    # What changed, so the systems' shared caches below are worked out again only when needed.
    topology_changed: bool = True
    status_version: int = 0  # bumped whenever who is finished, broken or powered may have changed
    energy_version: int = 0  # bumped when something outside the power system changes stored energy
    working: WorkingSet | None = None  # read through game.ecs.working_set.working_set()
    pad_reach: PadReach | None = None  # read through game.systems.construction.linked_to_pad()

    def emit(self, event: GameEvent) -> None:
        self.emitted.append(event)
