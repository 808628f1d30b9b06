"""Components: plain data on entities. Behaviour lives in the systems."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.content.models import ModuleSpec
from game.rules.grid import turned


@dataclass(slots=True)
class Module:
    """A module standing on the site, its top-left corner at (x, y); a rotated one turned a quarter turn."""

    spec: ModuleSpec
    x: int
    y: int
    cells: tuple[tuple[int, int], ...]
    rotated: bool = False

    @property
    def footprint(self) -> tuple[int, int]:
        return turned(self.spec.footprint, self.rotated)


@dataclass(slots=True)
class Ordered:
    """Paid for and its ground reserved, but still cargo: booked on delivery `delivery`, not yet landed."""

    delivery: int


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
class UnderConstruction:
    hours_left: float


@dataclass(slots=True)
class Broken:
    """Out of order until repaired."""

    repair_hours_left: float


@dataclass(slots=True)
class Reliability:
    """The hour of this module's next failure, drawn once from its failure rate by the seeded dice."""

    next_failure_hour: float


@dataclass(slots=True)
class SolarExposure:
    """The lit arc of the ground under a solar module (its worst tile decides)."""

    sunlight: float
    lit_arc_centre_deg: float


@dataclass(slots=True)
class EnergyStore:
    capacity_wh: float
    charge_wh: float = 0.0


@dataclass(slots=True)
class PowerState:
    """Written by the power system each step: the module's network and whether it had power."""

    network: int = 0
    powered: bool = False
    lit: bool = False


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
    facts_seen: list[str] = field(default_factory=list)
    goals: dict[str, str] = field(default_factory=dict)
    outcome: str = "playing"
    crew_dose_msv: float = 0.0  # what each crew member has taken so far (they live and work together)
    crew_draw_per_hour: dict[str, float] = field(default_factory=dict)  # kg of oxygen, water, food, this hour
    crew_warned: set[str] = field(default_factory=set)  # warnings given and not yet cleared
