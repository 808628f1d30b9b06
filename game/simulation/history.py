"""One sample of the station per game-day, for the debrief's graphs. Reading only: it never changes the run."""

from __future__ import annotations

from dataclasses import dataclass

import esper

from game.ecs.components import EnergyStore
from game.ecs.resources import SimContext
from game.rules.hours import HOURS_PER_DAY


@dataclass(frozen=True, slots=True)
class DaySample:
    """The station at the end of a day (day 0 is the start; the last sample may fall mid-day, when the level ended)."""

    day: float
    budget: float
    energy_wh: float
    resources: dict[str, float]
    science_total: float
    science: dict[str, float]
    crew: int
    crew_dose_msv: float
    generation_w: float
    draw_w: float


def sample(ctx: SimContext) -> DaySample:
    """Takes the day's sample from the run's world (which must be current)."""
    station = ctx.station
    return DaySample(
        day=station.hour / HOURS_PER_DAY,
        budget=station.budget,
        energy_wh=sum(store.charge_wh for _, store in esper.get_component(EnergyStore)),
        resources=dict(station.resources),
        science_total=sum(station.science.values()),
        science=dict(station.science),
        crew=station.crew,
        crew_dose_msv=station.crew_dose_msv,
        generation_w=ctx.power_generation_w,
        draw_w=ctx.power_draw_w,
    )
