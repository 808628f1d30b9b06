"""The pilot interface: an Observation in, a PilotCommand out; any function of that shape can fly."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple


class Observation(NamedTuple):
    """What the lander's instruments tell a pilot at one step. SI units, x to the right, y up.

    `angle_rad` is 0 upright and positive when the lander leans left (anticlockwise); the main engine
    then pushes up and to the left. `altitude_m` is from the lowest footpad straight down to the ground.

    A named tuple rather than a frozen dataclass: just as unchangeable, and made every step about four
    times faster (the flight builds one per step, so this shows in the landing benchmark).
    `seen._replace(vy_m_s=0.0)` gives a changed copy.
    """

    time_s: float
    x_m: float
    y_m: float
    altitude_m: float
    vx_m_s: float
    vy_m_s: float
    angle_rad: float
    angular_velocity_rad_s: float
    mass_kg: float
    propellant_kg: float
    target_x_m: float
    gravity_m_s2: float
    min_thrust_n: float
    max_thrust_n: float
    exhaust_velocity_m_s: float
    max_angular_acceleration_rad_s2: float
    legs_touching: int


@dataclass(frozen=True, slots=True)
class PilotCommand:
    """What a pilot asks for at one step.

    `throttle` is the share of full thrust, 0 to 1; 0 cuts the engine, and a small share is raised to the
    engine's lowest setting (it cannot burn more gently than that). `attitude` fires the turning thrusters,
    -1 (turn right, clockwise) to 1 (turn left). When `target_angle_rad` is set, the attitude controller
    turns the lander to that angle and `attitude` is ignored.
    """

    throttle: float = 0.0
    attitude: float = 0.0
    target_angle_rad: float | None = None


Pilot = Callable[[Observation], PilotCommand]

# A target angle beyond this is no landing attitude; clamping it keeps the controller's arithmetic sane.
MAX_TARGET_ANGLE_RAD = math.pi / 2


class PilotError(Exception):
    """A pilot function failed or answered with something that is not a command; the message says which."""


def _clamped(value: float, low: float, high: float) -> float:
    # NaN fails both comparisons: treat it as "no input" rather than let it reach the physics.
    if math.isnan(value):
        return 0.0
    return low if value < low else high if value > high else value


def _shown(value: Any) -> str:
    """A short repr of what a pilot gave (its type's name when even repr fails), for a sentence."""
    try:
        text = repr(value)
    except Exception:  # a student's class may fail even at this
        return f"a {type(value).__name__}"
    return text if len(text) <= 80 else text[:79] + "…"


def clean_command(answer: Any) -> PilotCommand:
    """A pilot's answer as a command within range; raises PilotError when it cannot be one."""
    if type(answer) is PilotCommand:
        # The usual answer, already in range (the autopilot's every step): it is frozen, so it can be
        # kept as it is. NaN fails these comparisons and takes the long way below.
        throttle, attitude, target = answer.throttle, answer.attitude, answer.target_angle_rad
        if (
            type(throttle) is float and 0.0 <= throttle <= 1.0
            and type(attitude) is float and -1.0 <= attitude <= 1.0
            and (target is None or (type(target) is float and -MAX_TARGET_ANGLE_RAD <= target <= MAX_TARGET_ANGLE_RAD))
        ):
            return answer
    if isinstance(answer, PilotCommand):
        command = answer
    elif isinstance(answer, (tuple, list)) and 1 <= len(answer) <= 3 and all(
        isinstance(part, (int, float)) or part is None for part in answer
    ):
        command = PilotCommand(*answer)
    else:
        raise PilotError(
            f"the pilot answered {_shown(answer)} ({type(answer).__name__}); it must return "
            "PilotCommand(throttle=..., attitude=...) or a (throttle, attitude) pair"
        )
    try:
        throttle = _clamped(float(command.throttle), 0.0, 1.0)
        attitude = _clamped(float(command.attitude), -1.0, 1.0)
        target = None if command.target_angle_rad is None else float(command.target_angle_rad)
    except (TypeError, ValueError):
        raise PilotError(f"the pilot's command {_shown(command)} holds something that is not a number") from None
    if target is not None:
        target = _clamped(target, -MAX_TARGET_ANGLE_RAD, MAX_TARGET_ANGLE_RAD) if math.isfinite(target) else None
    return PilotCommand(throttle, attitude, target)
