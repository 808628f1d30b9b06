"""The attitude controller: turns the lander to an angle with its thrusters, without overshooting."""

from __future__ import annotations

import math

# Turn no faster than a stop at this share of the thrusters' full authority would allow, so the
# controller can always brake its own turn in time, even as the lander's mass changes.
BRAKING_SHARE = 0.5
# How firmly the thrusters chase the wanted turn rate (1/s); higher is snappier and nervier.
RATE_GAIN = 6.0
# Close to the target, the wanted rate falls off linearly (1/s) instead of as a square root.
ANGLE_GAIN = 2.0


def attitude_towards(
    target_rad: float, angle_rad: float, angular_velocity_rad_s: float, max_angular_acceleration: float
) -> float:
    """The attitude input (-1 to 1) that turns towards `target_rad`: a PD law whose rate is limited.

    The wanted turn rate is the one the lander can still stop from at the target (a bang-bang profile
    with a margin); the thrusters then chase that rate in proportion to the difference.
    """
    if not max_angular_acceleration > 0.0:
        return 0.0
    error = math.remainder(target_rad - angle_rad, math.tau)
    stoppable = math.sqrt(2.0 * BRAKING_SHARE * max_angular_acceleration * abs(error))
    # min(stoppable, linear), written out: this runs every step.
    linear = ANGLE_GAIN * abs(error)
    wanted_rate = math.copysign(linear if linear < stoppable else stoppable, error)
    attitude = RATE_GAIN * (wanted_rate - angular_velocity_rad_s) / max_angular_acceleration
    return -1.0 if attitude < -1.0 else 1.0 if attitude > 1.0 else attitude
