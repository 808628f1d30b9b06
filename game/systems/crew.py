"""The crew: they breathe, drink and eat from the stores, take a radiation dose, rotate, and leave when they must."""

from __future__ import annotations

import math

import esper

from game.content.models import CrewNeeds
from game.ecs.components import Module, PowerState
from game.ecs.context import HOURS_PER_DAY, SimContext
from game.ecs.events import CrewEvacuated, CrewRotated, CrewWarning
from game.rules.crew import (
    CREW_WARNING_HOURS,
    DOSE_WARNING_SHARE,
    event_dose_msv,
    hourly_dose_msv,
    hourly_needs,
    hours_left,
)
from game.systems.base import System
from game.systems.status import is_working

RADIATION = "radiation"


class CrewSystem(System):
    """Runs after the economy, so life support and shelters count only when they had power this hour."""

    def process(self) -> None:
        ctx = self.ctx
        station = ctx.station
        needs = ctx.moon.crew
        life_support, housing, shielding = living_conditions()
        self._rotate(life_support, housing)
        if station.crew == 0 or needs is None:
            station.supplies_hours_left = {}
            return
        per_hour = hourly_needs(needs, station.crew, life_support)
        stock = station.resources
        empty = [supply for supply, amount in per_hour.items() if stock.get(supply, 0.0) < amount]
        if empty:
            evacuate(ctx, f"the {empty[0]} ran out")
            return
        for supply, amount in per_hour.items():
            if amount > 0:
                stock[supply] -= amount
        station.supplies_hours_left = hours_left(stock, per_hour)
        for supply, left in station.supplies_hours_left.items():
            self._warn(supply, left, f"{supply} for {left:.0f} more hours: the crew must leave when it runs out")
        station.crew_dose_msv += hourly_dose_msv(ctx.moon.surface_dose_usv_per_day, shielding)
        self._check_dose(needs, shielding)

    def _check_dose(self, needs: CrewNeeds, shielding: float) -> None:
        station = self.ctx.station
        limit = needs.dose_limit_msv
        if station.crew_dose_msv >= limit:
            evacuate(self.ctx, f"the crew reached the dose limit of {limit:g} mSv")
            return
        if station.crew_dose_msv >= DOSE_WARNING_SHARE * limit and RADIATION not in station.crew_warned:
            station.crew_warned.add(RADIATION)
            rate = hourly_dose_msv(self.ctx.moon.surface_dose_usv_per_day, shielding)
            left = (limit - station.crew_dose_msv) / rate if rate > 0 else math.inf
            self.ctx.emit(CrewWarning(RADIATION, left, f"Crew warning: they have taken {station.crew_dose_msv:.0f} "
                                      f"of {limit:g} mSv; at this rate the limit comes in {left / 24:.0f} days."))

    def _warn(self, reason: str, left: float, text: str) -> None:
        """Warns once when `left` hours drop under the warning line; warns again after it recovers."""
        warned = self.ctx.station.crew_warned
        if left < CREW_WARNING_HOURS:
            if reason not in warned:
                warned.add(reason)
                self.ctx.emit(CrewWarning(reason, left, f"Crew warning: {text}."))
        else:
            warned.discard(reason)

    def _rotate(self, life_support: bool, housing: int) -> None:
        """On each rotation day a fresh crew takes over; after an evacuation one comes back if it can live here."""
        ctx = self.ctx
        station = ctx.station
        days = ctx.level.start.crew_rotation_days
        if days is None or station.hour == 0 or station.hour % max(1, round(days * HOURS_PER_DAY)):
            return
        planned = ctx.level.start.crew
        if station.crew == 0 and (planned == 0 or housing < planned or not life_support):
            return
        station.crew = station.crew or planned
        station.crew_dose_msv = 0.0
        station.crew_warned.discard(RADIATION)
        ctx.emit(CrewRotated(station.crew))


def living_conditions() -> tuple[bool, int, float]:
    """(a life-support module works, beds in working modules, the best shielding of a working home)."""
    life_support = False
    housing = 0
    shielding = 0.0
    for entity, (module, power) in esper.get_components(Module, PowerState):
        spec = module.spec
        if (spec.category != "life_support" and spec.crew_capacity == 0) or not is_working(entity, module, power):
            continue
        life_support |= spec.category == "life_support"
        if spec.crew_capacity > 0:
            housing += spec.crew_capacity
            shielding = max(shielding, spec.shielding)
    return life_support, housing, shielding


def evacuate(ctx: SimContext, reason: str) -> None:
    """The crew go home: nobody is left on the surface and every sustain-crew streak starts again."""
    station = ctx.station
    crew = station.crew
    station.crew = 0
    station.crewed_streak_hours = 0
    station.crew_dose_msv = 0.0
    station.supplies_hours_left = {}
    station.crew_warned.clear()
    ctx.emit(CrewEvacuated(crew, f"The crew of {crew} had to go home: {reason}."))


def radiation_storm(ctx: SimContext, radiation_msv: float) -> None:
    """A solar particle event: each crew member takes the share of its dose their best shelter lets through."""
    if ctx.station.crew == 0 or radiation_msv <= 0:
        return
    _, _, shielding = living_conditions()
    ctx.station.crew_dose_msv += event_dose_msv(radiation_msv, shielding)
