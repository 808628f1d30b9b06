"""The built-in autopilot: a real controller that sees only the instruments, like any student's pilot."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from game.landing.pilot import Observation, PilotCommand


@dataclass(frozen=True, slots=True)
class Autopilot:
    """Coast, then brake at a constant deceleration worked out from the present mass and thrust; steer
    sideways by leaning the thrust towards the target; hover above the ground until over the target;
    and let the attitude controller hold the lean it asks for.

    The fields are the controller's tuning, not facts about any lander; every limit of the craft comes
    from the observation, so the same autopilot flies any lander under any gravity it can hover in.
    """

    touchdown_speed_m_s: float = 0.6
    # Plan the final burn on this share of the deceleration the engine could give, keeping a reserve
    # for steering and for the craft getting lighter more slowly than planned.
    braking_share: float = 0.6
    max_tilt_rad: float = math.radians(30.0)
    # Close to the ground the lander stays nearly upright, so it touches down on both feet.
    low_tilt_rad: float = math.radians(4.0)
    low_altitude_m: float = 12.0
    # Until it is over the target, the lander does not sink below this height.
    hold_altitude_m: float = 25.0
    aligned_distance_m: float = 2.5
    aligned_speed_m_s: float = 0.4
    position_gain: float = 0.2
    sideways_gain: float = 0.8
    sink_gain: float = 1.5
    climb_speed_m_s: float = 2.0
    final_approach_gain: float = 0.3
    # Worked out from max_tilt_rad once, not every step.
    _tan_max_tilt: float = field(init=False, repr=False, compare=False)
    _cos_max_tilt: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_tan_max_tilt", math.tan(self.max_tilt_rad))
        object.__setattr__(self, "_cos_max_tilt", math.cos(self.max_tilt_rad))

    def __call__(self, seen: Observation) -> PilotCommand:
        # Runs every step of every autopilot landing, so it is written in plain float arithmetic:
        # conditional expressions instead of min() and max() (the same values, ties and signed
        # zeros included), the tuning's trigonometry worked out once when it is made.
        tan_max_tilt, cos_max_tilt = self._tan_max_tilt, self._cos_max_tilt
        gravity = seen.gravity_m_s2
        mass = seen.mass_kg
        max_thrust = seen.max_thrust_n
        full = max_thrust / mass
        altitude = seen.altitude_m
        height = 0.0 if altitude < 0.0 else altitude
        offset = seen.target_x_m - seen.x_m
        vx, vy = seen.vx_m_s, seen.vy_m_s
        angle = seen.angle_rad

        # Sideways: aim for a speed towards the target that can still be stopped in the distance left.
        sideways_reach = self.braking_share * gravity * tan_max_tilt
        speed_cap = math.sqrt(2.0 * sideways_reach * abs(offset))
        wanted_vx = self.position_gain * offset
        wanted_vx = wanted_vx if wanted_vx < speed_cap else speed_cap
        wanted_vx = wanted_vx if wanted_vx > -speed_cap else -speed_cap
        sideways = self.sideways_gain * (wanted_vx - vx)

        # Down: the sink speed from which a constant-deceleration burn ends at touchdown speed.
        spare = full * cos_max_tilt - gravity
        if spare <= 0.0:
            # Too heavy to hover at a lean: all thrust, straight up, to lose as much speed as it can.
            return PilotCommand(1.0, 0.0, 0.0)
        aligned = abs(offset) < self.aligned_distance_m and abs(vx) < self.aligned_speed_m_s
        floor = 0.0 if aligned else self.hold_altitude_m
        sink_gain = self.sink_gain
        if height < floor:
            climb = sink_gain * (floor - height)
            wanted_vy = climb if climb < self.climb_speed_m_s else self.climb_speed_m_s
            ahead = 0.0
        else:
            touchdown_speed = self.touchdown_speed_m_s
            braking = self.braking_share * spare
            wanted_vy = -math.sqrt(touchdown_speed**2 + 2.0 * braking * (height - floor))
            # The last metres come down no faster than in proportion to the height left: gentler
            # than the burn could, so a late correction does not become a hard touchdown.
            gentlest = -(touchdown_speed + self.final_approach_gain * height)
            wanted_vy = gentlest if gentlest > wanted_vy else wanted_vy
            # How fast the wanted speed changes at the present sink speed (the whole braking on the
            # profile, nothing when not sinking): fed forward, so touchdown is not late by the lag.
            ratio = vy / wanted_vy
            ratio = ratio if ratio > 0.0 else 0.0
            ahead = braking * (ratio if ratio < 1.5 else 1.5)
        upwards = sink_gain * (wanted_vy - vy) + ahead

        # Lean the thrust along the wanted acceleration; the engine gives the vertical part first.
        lift = upwards + gravity
        limit = self.low_tilt_rad if height < self.low_altitude_m else self.max_tilt_rad
        least_lift = 0.25 * gravity
        lean = math.atan2(-sideways, least_lift if least_lift > lift else lift)
        lean = lean if lean < limit else limit
        lean = lean if lean > -limit else -limit
        cos_angle = math.cos(angle)
        force = mass * lift / (0.5 if cos_angle < 0.5 else cos_angle)
        leaning_right_way = angle * sideways < 0.0 and abs(angle) > self.low_tilt_rad
        if leaning_right_way:
            # While coasting down, the engine still burns for the sideways correction it is leaning for.
            coasting = mass * abs(sideways) / math.sin(abs(angle))
            force = coasting if coasting > force else force
        min_thrust = seen.min_thrust_n
        if force < min_thrust / 2.0:
            throttle = 0.0
        else:
            throttle = (min_thrust if min_thrust > force else force) / max_thrust
            throttle = throttle if throttle < 1.0 else 1.0
        return PilotCommand(throttle, 0.0, lean)
