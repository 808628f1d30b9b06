"""Events: small records of what happened in a step, read by scenes, logs and tests. Past tense names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ModulePlaced:
    module: str
    x: int
    y: int


@dataclass(frozen=True, slots=True)
class ModuleDemolished:
    module: str
    refund: float


@dataclass(frozen=True, slots=True)
class CommandRefused:
    reason: str


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


GameEvent = (
    ModulePlaced | ModuleDemolished | CommandRefused | ModuleCompleted | ModuleFailed | ModuleRepaired
    | EnergyRunningLow | PowerLost | LevelEventFired | GoalMet | GoalFailed | LevelEnded
)
