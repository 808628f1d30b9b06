"""What a HUD shows beyond the raw instruments: thrust-to-weight, Δv left, when to brake, where it would hit."""

from __future__ import annotations

import math

from game.landing.pilot import Observation
from game.landing.terrain import Ground

# The impact prediction looks this far ahead, in steps of this length: a fall from the highest start
# a level allows ends well within it, and the step is finer than a pad is wide at any likely speed.
IMPACT_HORIZON_S = 120.0
IMPACT_STEP_S = 0.05


def thrust_to_weight(seen: Observation) -> float:
    """Full thrust over the present weight: above 1 the lander can hover and climb."""
    return seen.max_thrust_n / (seen.mass_kg * seen.gravity_m_s2)


def delta_v_left(seen: Observation) -> float:
    """The speed change the propellant left can still give, by the rocket equation: ve · ln(m / m_dry)."""
    empty = seen.mass_kg - seen.propellant_kg
    if empty <= 0.0 or seen.propellant_kg <= 0.0:
        return 0.0
    return seen.exhaust_velocity_m_s * math.log(seen.mass_kg / empty)


def braking_height(seen: Observation, share: float = 1.0) -> float:
    """How much height a burn at `share` of full thrust, upright, needs to stop the present sink speed.

    Infinite when that thrust cannot even hold the lander's weight; 0 while it is climbing.
    """
    if seen.vy_m_s >= 0.0:
        return 0.0
    deceleration = share * seen.max_thrust_n / seen.mass_kg - seen.gravity_m_s2
    if deceleration <= 0.0:
        return math.inf
    return seen.vy_m_s**2 / (2.0 * deceleration)


def should_start_braking(seen: Observation, margin: float = 0.8) -> bool:
    """The suggested-burn marker: True once braking at `margin` of full thrust needs all the height left."""
    return braking_height(seen, margin) >= seen.altitude_m


def predicted_impact_x(seen: Observation, ground: Ground) -> float | None:
    """Where the lander would meet the ground with the engine off; None beyond the zone or the horizon."""
    # How far the lowest footpad sits below the centre of mass, taken as fixed for the prediction.
    foot_below = seen.y_m - (ground.height_at(seen.x_m) + seen.altitude_m)
    time = 0.0
    while time < IMPACT_HORIZON_S:
        time += IMPACT_STEP_S
        x = seen.x_m + seen.vx_m_s * time
        if not ground.left <= x <= ground.right:
            return None
        y = seen.y_m + seen.vy_m_s * time - 0.5 * seen.gravity_m_s2 * time * time
        if y - foot_below <= ground.height_at(x):
            return x
    return None
