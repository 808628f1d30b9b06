"""Events: small records of what happened in a step, read by scenes, logs and tests. Past tense names.

An event that answers a command (its refusal, or what it did) carries that command, so `answer_to` finds
the answer to one command among a step's events.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.ecs.commands import (
    Command,
    ConsultPartner,
    Demolish,
    PlaceModule,
    ProposeAgreement,
    ResolveLanding,
    ShareData,
)


@dataclass(frozen=True, slots=True)
class ModulePlaced:
    module: str
    x: int
    y: int
    command: PlaceModule | None = None


@dataclass(frozen=True, slots=True)
class ModuleDemolished:
    module: str
    refund: float
    command: Demolish | None = None


@dataclass(frozen=True, slots=True)
class CommandRefused:
    """`command` was not carried out; `reason` is the sentence a player reads."""

    reason: str
    command: Command


@dataclass(frozen=True, slots=True)
class ModuleCompleted:
    module: str
    x: int
    y: int


@dataclass(frozen=True, slots=True)
class ModuleFailed:
    module: str
    x: int
    y: int


@dataclass(frozen=True, slots=True)
class ModuleRepaired:
    module: str
    x: int
    y: int


@dataclass(frozen=True, slots=True)
class EnergyRunningLow:
    """A warning before the lights go out: stored energy lasts only `hours_left` at this rate."""

    network: int
    hours_left: float


@dataclass(frozen=True, slots=True)
class PowerLost:
    network: int
    modules: int


@dataclass(frozen=True, slots=True)
class EarthLinkChanged:
    """Earth rose above, or set below, the horizon of every working antenna that needs it in view."""

    in_view: bool
    waiting: float  # science points waiting on board for the link


@dataclass(frozen=True, slots=True)
class LevelEventFired:
    event: str
    kind: str
    text: str
    fact: str | None


@dataclass(frozen=True, slots=True)
class GoalMet:
    goal: str


@dataclass(frozen=True, slots=True)
class GoalFailed:
    goal: str
    reason: str


@dataclass(frozen=True, slots=True)
class LevelEnded:
    won: bool
    reason: str


# --- diplomacy (game/systems/agreements.py): every one carries the sentence a player reads ---------


@dataclass(frozen=True, slots=True)
class OfferAnswered:
    """A partner answered a proposal: decision is accept, counter or decline."""

    partner: str
    decision: str
    text: str
    command: ProposeAgreement | None = None


@dataclass(frozen=True, slots=True)
class AgreementSigned:
    partner: str
    agreement: int
    text: str


@dataclass(frozen=True, slots=True)
class ContributionArrived:
    """A partner delivered what it owed: funding, a module, a launch or an instrument."""

    partner: str
    agreement: int
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class PromiseSettled:
    """One of the player's promises fell due: kept or broken."""

    partner: str
    agreement: int
    kept: bool
    text: str


@dataclass(frozen=True, slots=True)
class AgreementDefaulted:
    partner: str
    agreement: int
    text: str


@dataclass(frozen=True, slots=True)
class TrustChanged:
    """A partner's trust moved; `command` is the consultation or data share that moved it, if one did."""

    partner: str
    trust: float
    change: float
    text: str
    command: ConsultPartner | ShareData | None = None


@dataclass(frozen=True, slots=True)
class PartnerJoined:
    partner: str
    text: str


DiplomacyEvent = (
    OfferAnswered | AgreementSigned | ContributionArrived | PromiseSettled | AgreementDefaulted | TrustChanged
    | PartnerJoined
)


@dataclass(frozen=True, slots=True)
class CargoLaunched:
    """A launch flew with delivery `delivery` aboard; its `cost` was paid as it flew."""

    delivery: int
    vehicle: str
    modules: tuple[str, ...]
    cost: float
    arrival_day: float


@dataclass(frozen=True, slots=True)
class CargoArrived:
    """Delivery `delivery` reached the Moon and its lander is coming down: the landing decides the cargo's fate."""

    delivery: int
    modules: tuple[str, ...]
    lander: str


@dataclass(frozen=True, slots=True)
class LandingResolved:
    """How a delivery's landing ended and what it meant for the cargo, in a sentence for the log."""

    delivery: int
    grade: str
    modules: tuple[str, ...]
    text: str
    command: ResolveLanding | None = None  # None when the autopilot flew it


@dataclass(frozen=True, slots=True)
class LaunchDelayed:
    """A launch delay moved delivery `delivery` by `days`: it now lifts off on `launch_day`, lands on `arrival_day`."""

    delivery: int
    vehicle: str
    modules: tuple[str, ...]
    days: float
    launch_day: float
    arrival_day: float


@dataclass(frozen=True, slots=True)
class CrewWarning:
    """Before a shortage hits: `reason` (oxygen, water, food or radiation) runs out in `hours_left`."""

    reason: str
    hours_left: float
    text: str


@dataclass(frozen=True, slots=True)
class CrewEvacuated:
    """The crew had to go home: a store ran out or the dose limit was reached."""

    crew: int
    reason: str


@dataclass(frozen=True, slots=True)
class CrewRotated:
    """A fresh crew took over (or came back after an evacuation); their dose starts from zero."""

    crew: int


StationEvent = (
    CargoLaunched | CargoArrived | LandingResolved | CrewWarning | CrewEvacuated | CrewRotated | LaunchDelayed
    | EarthLinkChanged
)

GameEvent = (
    ModulePlaced | ModuleDemolished | CommandRefused | ModuleCompleted | ModuleFailed | ModuleRepaired
    | EnergyRunningLow | PowerLost | LevelEventFired | GoalMet | GoalFailed | LevelEnded | StationEvent
    | DiplomacyEvent
)

Answer = CommandRefused | ModulePlaced | ModuleDemolished | LandingResolved | OfferAnswered | TrustChanged
_ANSWERS = (CommandRefused, ModulePlaced, ModuleDemolished, LandingResolved, OfferAnswered, TrustChanged)


def answer_to(command: Command, events: Iterable[GameEvent]) -> Answer | None:
    """The event among `events` that answers `command`: its refusal, or what it did.

    None when nothing there answers it: it has not been applied yet, or it is done without a word
    (SetLandingMode).
    """
    return next((event for event in events if isinstance(event, _ANSWERS) and event.command == command), None)
