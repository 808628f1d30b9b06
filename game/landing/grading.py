"""Grades a touchdown against the limits in data: perfect, good, hard, off target or crash, with reasons."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from game.content.figures import status_words
from game.content.locale_format import METRE, METRE_PER_SECOND, Percent, Quantity
from game.content.message import Message, say, say_n
from game.content.models import GAME_VALUE, Figure, GradeLimits, LandingGrading
from game.content.ui_text import to_translate

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
    """A landing's grade and what it means for the cargo, with sentences a student can read (each a `Message`:
    English as text, shown in the player's language through `tr`)."""

    name: GradeName
    cargo_damage: float
    haul_cost: float
    reasons: tuple[Message, ...]

    @property
    def cargo_delivered(self) -> bool:
        return self.name != "crash"


def crash(reason: Message) -> Grade:
    """A landing that lost its cargo, for one reason."""
    return Grade("crash", 1.0, 0.0, (reason,))


# The touchdown's measures, each with its sentence against each standard: whole sentences, so a translation
# words each one its own way (a language file gets every pattern, see game/content/message.py). The touchdown's
# own value is the flight's measure; the limit it is held to says what it is ({status}: the lander's `grading`
# figure in the catalog, a game value unless a source gives it).
Reason = Callable[[float, float, Figure], Message]


def _speeds(pattern: str) -> Reason:
    """A sentence about a speed and its limit, each worded with its unit in the player's language ('2.5 m/s')."""
    return lambda value, limit, status: say(pattern, value=Quantity(value, METRE_PER_SECOND, 1),
                                            limit=Quantity(limit, METRE_PER_SECOND), status=status_words(status))


def _tilt(pattern: str) -> Reason:
    """A sentence about the lean and its limit, in whole degrees."""
    return lambda value, limit, status: say(pattern, value=value, limit=limit, status=status_words(status))


_MEASURES: tuple[tuple[str, dict[str, Reason]], ...] = (
    ("vertical_speed_m_s", {
        "hard": _speeds(to_translate("Came down at {value}; the legs take {limit} ({status}).")),
        "good": _speeds(to_translate("Came down at {value}; a good landing stays within {limit} ({status}).")),
        "perfect": _speeds(to_translate(
            "Came down at {value}; a perfect landing stays within {limit} ({status}).")),
    }),
    ("horizontal_speed_m_s", {
        "hard": _speeds(to_translate("Slid sideways at {value}; the legs take {limit} ({status}).")),
        "good": _speeds(to_translate("Slid sideways at {value}; a good landing stays within {limit} ({status}).")),
        "perfect": _speeds(to_translate(
            "Slid sideways at {value}; a perfect landing stays within {limit} ({status}).")),
    }),
    ("tilt_deg", {
        "hard": _tilt(to_translate("Leaned {value:.0f}°; the legs take {limit:g}° ({status}).")),
        "good": _tilt(to_translate("Leaned {value:.0f}°; a good landing stays within {limit:g}° ({status}).")),
        "perfect": _tilt(to_translate(
            "Leaned {value:.0f}°; a perfect landing stays within {limit:g}° ({status}).")),
    }),
)
Standard = Literal["hard", "good", "perfect"]


def grade_touchdown(touchdown: Touchdown, grading: LandingGrading, target_scale: float = 1.0,
                    status: Figure = GAME_VALUE) -> Grade:
    """The grade of a touchdown; `target_scale` widens the target distances (an assist). `status` is what the
    limits are (the lander's `grading` figure), said after each limit a reason quotes."""
    too_much = _beyond(touchdown, grading.hard, "hard", status)
    if too_much:
        return Grade("crash", 1.0, 0.0, tuple(too_much))
    good = grading.good
    distance_limit = good.distance_m * target_scale if good.distance_m is not None else None
    far = distance_limit is not None and touchdown.distance_m > distance_limit
    haul_cost = touchdown.distance_m / 1000.0 * grading.haul_cost_per_km if far else 0.0
    reasons = _beyond(touchdown, good, "good", status)
    if reasons:
        severity = max(
            _share_past(getattr(touchdown, key), getattr(good, key), getattr(grading.hard, key))
            for key, _ in _MEASURES
        )
        damage = grading.hard_damage_least + (grading.hard_damage_most - grading.hard_damage_least) * severity
        if far:
            reasons.append(_off_target_reason(touchdown, distance_limit or 0.0, haul_cost, status))
        return Grade("hard", round(damage, 4), round(haul_cost, 4), tuple(reasons))
    if far:
        reason = _off_target_reason(touchdown, distance_limit or 0.0, haul_cost, status)
        return Grade("off_target", 0.0, round(haul_cost, 4), (reason,))
    shortfalls = _beyond(touchdown, grading.perfect, "perfect", status)
    perfect = grading.perfect
    if perfect.distance_m is not None and touchdown.distance_m > perfect.distance_m * target_scale:
        limit = perfect.distance_m * target_scale
        shortfalls.append(say("Landed {distance} from the target; a perfect landing is within {limit} ({status}).",
                              distance=Quantity(touchdown.distance_m, METRE, 0), limit=Quantity(limit, METRE),
                              status=status_words(status)))
    if touchdown.propellant_left < perfect.propellant_left:
        shortfalls.append(say("{left} of the propellant was left; a perfect landing keeps {kept} "
                              "({status}).", left=Percent(touchdown.propellant_left),
                              kept=Percent(perfect.propellant_left), status=status_words(status)))
    if shortfalls:
        return Grade("good", 0.0, 0.0, tuple(shortfalls))
    return Grade("perfect", 0.0, 0.0, (say("A perfect touchdown: soft, upright and on target."),))


def _beyond(touchdown: Touchdown, limits: GradeLimits, standard: Standard, status: Figure) -> list[Message]:
    """A sentence for each of speed and tilt that passes `limits`, measured against `standard`."""
    reasons = []
    for key, sentences in _MEASURES:
        value, allowed = getattr(touchdown, key), getattr(limits, key)
        if value > allowed:
            reasons.append(sentences[standard](value, allowed, status))
    return reasons


def _share_past(value: float, good: float, hard: float) -> float:
    """0 at the good limit (or below), 1 at the hard limit."""
    if value <= good or hard <= good:
        return 0.0
    return min(1.0, (value - good) / (hard - good))


def _off_target_reason(touchdown: Touchdown, limit: float, haul_cost: float, status: Figure) -> Message:
    return say_n("Landed {distance} from the target (more than {limit}, {status}): hauling the cargo there costs "
                 "{count:.1f} credit (game value).",
                 "Landed {distance} from the target (more than {limit}, {status}): hauling the cargo there costs "
                 "{count:.1f} credits (game value).", round(haul_cost, 1),
                 distance=Quantity(touchdown.distance_m, METRE, 0), limit=Quantity(limit, METRE),
                 status=status_words(status))
