"""The crew: they breathe, drink and eat from the stores, take a radiation dose, rotate, and leave when they must."""

from __future__ import annotations

import math

from game.content.figures import status_words
from game.content.message import Message, say, say_n
from game.content.models import CrewNeeds
from game.ecs.events import CrewEvacuated, CrewRotated, CrewWarning
from game.ecs.resources import SimContext
from game.ecs.working_set import working_set
from game.rules.crew import (
    CREW_WARNING_HOURS,
    DOSE_WARNING_SHARE,
    event_dose_msv,
    hourly_dose_msv,
    hourly_needs,
)
from game.rules.hours import HOURS_PER_DAY
from game.systems.base import System

RADIATION = "radiation"


class CrewSystem(System):
    """Runs after the economy, so life support and shelters count only when they had power this hour."""

    def __init__(self, ctx: SimContext):
        super().__init__(ctx)
        self._needs_key: tuple[int, bool] | None = None  # the crew and life support the needs below are for
        self._per_hour: dict[str, float] = {}

    def process(self) -> None:
        ctx = self.ctx
        station = ctx.station
        needs = ctx.moon.crew
        working = working_set(ctx)
        life_support, housing, shielding = working.life_support, working.housing, working.shielding
        self._rotate(life_support, housing)
        if station.crew == 0 or needs is None:
            station.crew_draw_per_hour = {}
            return
        if self._needs_key != (station.crew, life_support):
            self._needs_key = (station.crew, life_support)
            self._per_hour = hourly_needs(needs, station.crew, life_support)
        per_hour = self._per_hour
        stock = station.resources
        empty = [supply for supply, amount in per_hour.items() if stock.get(supply, 0.0) < amount]
        if empty:
            evacuate(ctx, say("the {supply} ran out", supply=empty[0]))
            return
        for supply, amount in per_hour.items():
            if amount > 0:
                stock[supply] -= amount
        station.crew_draw_per_hour = per_hour
        for supply, amount in per_hour.items():
            left = stock[supply] / amount if amount > 0 else math.inf
            if left < CREW_WARNING_HOURS or supply in station.crew_warned:
                self._warn(supply, left, say("Crew warning: {supply} for {hours:.0f} more hours: the crew must leave "
                                             "when it runs out.", supply=supply, hours=left))
        station.crew_dose_msv += hourly_dose_msv(ctx.moon.surface_dose_usv_per_day, shielding)
        self._check_dose(needs, shielding)

    def _check_dose(self, needs: CrewNeeds, shielding: float) -> None:
        station = self.ctx.station
        limit = needs.dose_limit_msv
        if station.crew_dose_msv >= limit:
            evacuate(self.ctx, say("the crew reached the career dose limit of {limit:g} mSv ({status}: a whole "
                                   "career's allowance, not one stay's)", limit=limit,
                                   status=status_words(needs.figure("dose_limit_msv"))))
            return
        if station.crew_dose_msv >= DOSE_WARNING_SHARE * limit and RADIATION not in station.crew_warned:
            station.crew_warned.add(RADIATION)
            rate = hourly_dose_msv(self.ctx.moon.surface_dose_usv_per_day, shielding)
            left = (limit - station.crew_dose_msv) / rate if rate > 0 else math.inf
            self.ctx.emit(CrewWarning(RADIATION, left, say_n(
                "Crew warning: they have taken {dose:.0f} of the {limit:g} mSv career limit ({status}); at this "
                "rate they reach it in {count} day.",
                "Crew warning: they have taken {dose:.0f} of the {limit:g} mSv career limit ({status}); at this "
                "rate they reach it in {count} days.", round(left / HOURS_PER_DAY), dose=station.crew_dose_msv,
                limit=limit, status=status_words(needs.figure("dose_limit_msv")))))

    def _warn(self, reason: str, left: float, text: Message) -> None:
        """Warns once when `left` hours drop under the warning line; warns again after it recovers."""
        warned = self.ctx.station.crew_warned
        if left < CREW_WARNING_HOURS:
            if reason not in warned:
                warned.add(reason)
                self.ctx.emit(CrewWarning(reason, left, text))
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


def evacuate(ctx: SimContext, reason: str) -> None:
    """The crew go home: nobody is left on the surface and every sustain-crew streak starts again."""
    station = ctx.station
    crew = station.crew
    station.crew = 0
    station.crewed_streak_hours = 0
    station.crew_dose_msv = 0.0
    station.crew_draw_per_hour = {}
    station.crew_warned.clear()
    ctx.emit(CrewEvacuated(crew, say("The crew of {crew} had to go home: {reason}.", crew=crew, reason=reason)))


def radiation_storm(ctx: SimContext, radiation_msv: float) -> None:
    """A solar particle event: each crew member takes the share of its dose their best shelter lets through."""
    if ctx.station.crew == 0 or radiation_msv <= 0:
        return
    ctx.station.crew_dose_msv += event_dose_msv(radiation_msv, working_set(ctx).shielding)
