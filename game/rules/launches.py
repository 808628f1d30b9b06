"""Launch slots and landing consequences: which launch carries a module, and what each landing grade means."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from game.content.message import Alternatives, Message, say
from game.rules.hours import HOURS_PER_DAY

GRADES = ("perfect", "good", "hard", "off_target", "crash")
# Game value: a hard landing leaves its cargo broken for this many hours at 100 % damage (scaled down
# with the damage), on top of the usual assembly.
FULL_DAMAGE_REPAIR_HOURS = 30 * HOURS_PER_DAY
# Game value: no launch is searched for further ahead than this many of a vehicle's flights.
MAX_FLIGHTS_AHEAD = 10_000


@dataclass(frozen=True, slots=True)
class Slip:
    """A launch delay: every launch still to fly after `after_hour` leaves `hours` later."""

    after_hour: int
    hours: int


@dataclass(frozen=True, slots=True)
class Flight:
    """One launch vehicle as the booking sees it: its payload, how often it flies, and the delays so far."""

    vehicle: str
    payload_kg: float
    cadence_hours: float
    slips: tuple[Slip, ...] = ()  # in the order they happened


def launch_hour(flight_number: int, cadence_hours: float, slips: Sequence[Slip] = ()) -> int:
    """The hour of a vehicle's n-th launch (0 is the first, at the level's start), after its delays."""
    return slipped_hour(round(flight_number * cadence_hours), slips)


def slipped_hour(hour: int, slips: Sequence[Slip]) -> int:
    """When a launch planned for `hour` leaves after the delays, applied in the order they happened.

    A delay moves only the launches that had not flown when it came (a launch due in the delay's own
    hour has already gone), and a launch it moved can be moved again by a later delay. Launches keep
    their order, and two launches of a vehicle never meet in the same hour.
    """
    for slip in slips:
        if hour > slip.after_hour:
            hour += slip.hours
    return hour


def earliest_launch(
    hour: int, mass_kg: float, flights: Sequence[Flight], booked_kg: Mapping[tuple[str, int], float]
) -> tuple[str, int] | None:
    """The earliest launch at or after `hour` with room for `mass_kg`: (vehicle, launch hour).

    `booked_kg` holds the cargo already booked on each (vehicle, launch hour). Ties go to the vehicle
    listed first. None when no vehicle can ever lift the mass.
    """
    best: tuple[int, int, str] | None = None
    for rank, flight in enumerate(flights):
        if mass_kg > flight.payload_kg:
            continue
        # Delays only move launches later, so no launch planned before (hour - all delays) can qualify.
        delayed = sum(slip.hours for slip in flight.slips)
        number = max(0, math.ceil((hour - delayed) / flight.cadence_hours) - 1)
        while launch_hour(number, flight.cadence_hours, flight.slips) < hour:
            number += 1
        for _ in range(MAX_FLIGHTS_AHEAD):
            at = launch_hour(number, flight.cadence_hours, flight.slips)
            if booked_kg.get((flight.vehicle, at), 0.0) + mass_kg <= flight.payload_kg:
                break
            number += 1
        candidate = (at, rank, flight.vehicle)
        if best is None or candidate < best:
            best = candidate
    return None if best is None else (best[2], best[0])


def damaged_repair_hours(cargo_damage: float) -> float:
    """How long a module landed hard stays broken: the damaged share of a full repair, at least an hour."""
    return max(1.0, min(1.0, max(0.0, cargo_damage)) * FULL_DAMAGE_REPAIR_HOURS)


def grade_refusal(grade: str, cargo_damage: float, haul_cost: float) -> Message | None:
    """None when a landing result makes sense; else what is wrong with it, in one sentence."""
    if grade not in GRADES:
        return say("'{grade}' is not a landing grade; expected one of {grades}", grade=grade,
                   grades=Alternatives(GRADES))
    if not (math.isfinite(cargo_damage) and 0.0 <= cargo_damage <= 1.0):
        return say("cargo damage must be a share from 0 to 1, not {damage}", damage=cargo_damage)
    if not (math.isfinite(haul_cost) and haul_cost >= 0.0):
        return say("a haul cost must be 0 or more credits, not {cost}", cost=haul_cost)
    return None
