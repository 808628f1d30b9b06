"""The crew's needs as pure arithmetic: what they draw each hour, how long the stores last, the dose they take."""

from __future__ import annotations

import math
from collections.abc import Mapping

from game.content.models import CrewNeeds
from game.rules.hours import HOURS_PER_DAY

SUPPLIES = ("oxygen", "water", "food")
CREW_WARNING_HOURS = 72.0  # game value: warn when a store lasts less than three days at this rate
DOSE_WARNING_SHARE = 0.8  # game value: warn when a crew member has taken this share of the dose limit


def hourly_needs(needs: CrewNeeds, crew: int, life_support: bool) -> dict[str, float]:
    """kg of oxygen, water and food the crew draw from the stores this hour.

    A working life-support module recovers its share of the oxygen and water; food is always eaten.
    """
    kept = needs.life_support_recovery if life_support else 0.0
    return {
        "oxygen": crew * needs.oxygen_kg_per_day * (1.0 - kept) / HOURS_PER_DAY,
        "water": crew * needs.water_kg_per_day * (1.0 - kept) / HOURS_PER_DAY,
        "food": crew * needs.food_kg_per_day / HOURS_PER_DAY,
    }


def hours_left(stock: Mapping[str, float], per_hour: Mapping[str, float]) -> dict[str, float]:
    """How many hours each store lasts at this rate (infinite when nothing is drawn)."""
    return {
        supply: stock.get(supply, 0.0) / amount if amount > 0 else math.inf for supply, amount in per_hour.items()
    }


def hourly_dose_msv(surface_dose_usv_per_day: float, shielding: float) -> float:
    """The dose one crew member takes in an hour, in mSv, behind the best shielding they live in."""
    return surface_dose_usv_per_day / 1000.0 / HOURS_PER_DAY * (1.0 - min(1.0, max(0.0, shielding)))


def event_dose_msv(radiation_msv: float, shielding: float) -> float:
    """The share of a solar particle event's dose that gets through the shelter."""
    return radiation_msv * (1.0 - min(1.0, max(0.0, shielding)))
