"""Components: plain data on entities (modules on the map, partners, agreements). Behaviour lives in the systems."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from game.content.models import ModuleSpec, PartnerSpec
from game.rules.grid import turned
from game.rules.negotiation import Offer


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
    """The tile whose light drives a solar module: the least lit one under its footprint."""

    cell: tuple[int, int]


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


# --- diplomacy: one entity per partner of the level, one per signed agreement ---------------------

OwedBy = Literal["partner", "player"]
DeliverableState = Literal["pending", "met", "missed", "cancelled"]
AgreementState = Literal["active", "kept", "broken", "defaulted"]


@dataclass(slots=True)
class Partner:
    """A partner of this level: its catalog entry, its trust in the programme, and where talks stand."""

    spec: PartnerSpec
    trust: float
    member: bool
    talks_open: bool
    rounds_left: int
    last_consulted_hour: int = 0
    consulted_topics: dict[str, int] = field(default_factory=dict)  # topic -> hour of its last valued consultation
    talks_resume_hour: int | None = None  # after talks broke off: when they reopen by themselves
    shared_science: dict[str, float] = field(default_factory=dict)  # points already shared, per domain
    shared_hours: dict[str, int] = field(default_factory=dict)  # domain -> hour of its last valued share
    history: list[str] = field(default_factory=list)
    last_answer: Answer | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    """The partner's last answer to a proposal, kept so the negotiation room can show it."""

    decision: str
    text: str
    offer: Offer
    counter: Offer | None
    hour: int


@dataclass(slots=True)
class Deliverable:
    """One thing owed under an agreement, by the partner or by the player, by an hour."""

    owed_by: OwedBy
    kind: str  # a PartnerTerm
    text: str
    due_hour: int
    detail: str = ""  # module id or science domain
    amount: float = 0.0
    state: DeliverableState = "pending"


@dataclass(slots=True)
class Agreement:
    """Signed terms with their deliverables; its state settles once nothing is pending."""

    number: int
    partner: str
    offer: Offer
    signed_hour: int
    science_at_signing: dict[str, float]
    deliverables: list[Deliverable]
    state: AgreementState = "active"
    science_checked: dict[str, float] = field(default_factory=dict)  # sent points at the last data check
