"""Grades a touchdown against the limits in data: perfect, good, hard, off target or crash, with reasons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.content.models import GradeLimits, LandingGrading

GradeName = Literal["perfect", "good", "hard", "off_target", "crash"]


@dataclass(frozen=True, slots=True)
class Touchdown:
    """How the lander met the ground: the worst moment of its touchdown, and where it came to rest."""

    vertical_speed_m_s: float
    horizontal_speed_m_s: float
    tilt_deg: float
    distance_m: float
    propellant_left: float


@dataclass(frozen=True, slots=True)
class Grade:
    """A landing's grade and what it means for the cargo, with sentences a student can read."""

    name: GradeName
    cargo_damage: float
    haul_cost: float
    reasons: tuple[str, ...]

    @property
    def cargo_delivered(self) -> bool:
        return self.name != "crash"


def crash(reason: str) -> Grade:
    """A landing that lost its cargo, for one reason."""
    return Grade("crash", 1.0, 0.0, (reason,))


_MEASURES = (
    ("vertical_speed_m_s", "came down at {value:.1f} m/s", "{limit:g} m/s"),
    ("horizontal_speed_m_s", "slid sideways at {value:.1f} m/s", "{limit:g} m/s"),
    ("tilt_deg", "leaned {value:.0f}°", "{limit:g}°"),
)


def grade_touchdown(touchdown: Touchdown, grading: LandingGrading, target_scale: float = 1.0) -> Grade:
    """The grade of a touchdown; `target_scale` widens the target distances (an assist)."""
    too_much = _beyond(touchdown, grading.hard, "the legs take")
    if too_much:
        return Grade("crash", 1.0, 0.0, tuple(too_much))
    good = grading.good
    distance_limit = good.distance_m * target_scale if good.distance_m is not None else None
    far = distance_limit is not None and touchdown.distance_m > distance_limit
    haul_cost = touchdown.distance_m / 1000.0 * grading.haul_cost_per_km if far else 0.0
    reasons = _beyond(touchdown, good, "a good landing stays within")
    if reasons:
        severity = max(
            _share_past(getattr(touchdown, key), getattr(good, key), getattr(grading.hard, key))
            for key, _, _ in _MEASURES
        )
        damage = grading.hard_damage_least + (grading.hard_damage_most - grading.hard_damage_least) * severity
        if far:
            reasons.append(_off_target_reason(touchdown, distance_limit or 0.0, haul_cost))
        return Grade("hard", round(damage, 4), round(haul_cost, 4), tuple(reasons))
    if far:
        reason = _off_target_reason(touchdown, distance_limit or 0.0, haul_cost)
        return Grade("off_target", 0.0, round(haul_cost, 4), (reason,))
    shortfalls = _beyond(touchdown, grading.perfect, "a perfect landing stays within")
    perfect = grading.perfect
    if perfect.distance_m is not None and touchdown.distance_m > perfect.distance_m * target_scale:
        limit = perfect.distance_m * target_scale
        shortfalls.append(
            f"landed {touchdown.distance_m:.0f} m from the target; a perfect landing is within {limit:g} m"
        )
    if touchdown.propellant_left < perfect.propellant_left:
        shortfalls.append(
            f"{touchdown.propellant_left:.0%} of the propellant was left; a perfect landing keeps "
            f"{perfect.propellant_left:.0%}"
        )
    if shortfalls:
        return Grade("good", 0.0, 0.0, tuple(shortfalls))
    return Grade("perfect", 0.0, 0.0, ("a perfect touchdown: soft, upright and on target",))


def _beyond(touchdown: Touchdown, limits: GradeLimits, standard: str) -> list[str]:
    """A sentence for each of speed and tilt that passes `limits`."""
    reasons = []
    for key, measured, limit in _MEASURES:
        value, allowed = getattr(touchdown, key), getattr(limits, key)
        if value > allowed:
            reasons.append(f"{measured.format(value=value)}; {standard} {limit.format(limit=allowed)}")
    return reasons


def _share_past(value: float, good: float, hard: float) -> float:
    """0 at the good limit (or below), 1 at the hard limit."""
    if value <= good or hard <= good:
        return 0.0
    return min(1.0, (value - good) / (hard - good))


def _off_target_reason(touchdown: Touchdown, limit: float, haul_cost: float) -> str:
    return (
        f"landed {touchdown.distance_m:.0f} m from the target (more than {limit:g} m): "
        f"hauling the cargo there costs {haul_cost:.1f} credits"
    )
