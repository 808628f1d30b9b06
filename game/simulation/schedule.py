"""The order the systems run in each fixed step, written once: commands first, objectives last."""

from __future__ import annotations

import esper

from game.ecs.resources import SimContext
from game.systems.agreements import AgreementSystem
from game.systems.base import System
from game.systems.commands import CommandSystem
from game.systems.construction import ConstructionSystem
from game.systems.crew import CrewSystem
from game.systems.deliveries import DeliverySystem
from game.systems.economy import EconomySystem
from game.systems.level_events import LevelEventSystem
from game.systems.maintenance import MaintenanceSystem
from game.systems.objectives import ObjectiveSystem
from game.systems.power import PowerSystem

SYSTEM_ORDER: tuple[type[System], ...] = (
    CommandSystem,  # the player's commands from the last frame
    DeliverySystem,  # launches fly, cargo lands
    ConstructionSystem,  # assembly finishes
    MaintenanceSystem,  # failures and repairs
    PowerSystem,  # networks, sunlight, storage: decides who has power this hour
    EconomySystem,  # production, science, funding: needs to know who has power
    CrewSystem,  # the crew breathe, eat and take their dose: after the economy made this hour's supplies
    AgreementSystem,  # diplomacy: proposals, agreements falling due, trust (after the science sent)
    LevelEventSystem,  # the level's scheduled and random events
    ObjectiveSystem,  # goals measured on the finished step
)


def install_systems(ctx: SimContext) -> None:
    """Adds every system to the current esper world in SYSTEM_ORDER (esper runs higher priority first)."""
    for rank, system in enumerate(SYSTEM_ORDER):
        esper.add_processor(system(ctx), priority=len(SYSTEM_ORDER) - rank)
