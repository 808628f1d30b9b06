"""The built-in autopilot: a real controller that sees only the instruments, like any student's pilot."""

from __future__ import annotations

import math
from dataclasses import dataclass

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

    def __call__(self, seen: Observation) -> PilotCommand:
        gravity = seen.gravity_m_s2
        mass = seen.mass_kg
        full = seen.max_thrust_n / mass
        height = max(seen.altitude_m, 0.0)
        offset = seen.target_x_m - seen.x_m

        # Sideways: aim for a speed towards the target that can still be stopped in the distance left.
        sideways_reach = self.braking_share * gravity * math.tan(self.max_tilt_rad)
        speed_cap = math.sqrt(2.0 * sideways_reach * abs(offset))
        wanted_vx = max(-speed_cap, min(speed_cap, self.position_gain * offset))
        sideways = self.sideways_gain * (wanted_vx - seen.vx_m_s)

        # Down: the sink speed from which a constant-deceleration burn ends at touchdown speed.
        spare = full * math.cos(self.max_tilt_rad) - gravity
        if spare <= 0.0:
            # Too heavy to hover at a lean: all thrust, straight up, to lose as much speed as it can.
            return PilotCommand(1.0, 0.0, 0.0)
        aligned = abs(offset) < self.aligned_distance_m and abs(seen.vx_m_s) < self.aligned_speed_m_s
        floor = 0.0 if aligned else self.hold_altitude_m
        if height < floor:
            wanted_vy = min(self.climb_speed_m_s, self.sink_gain * (floor - height))
            ahead = 0.0
        else:
            braking = self.braking_share * spare
            wanted_vy = -math.sqrt(self.touchdown_speed_m_s**2 + 2.0 * braking * (height - floor))
            # The last metres come down no faster than in proportion to the height left: gentler
            # than the burn could, so a late correction does not become a hard touchdown.
            wanted_vy = max(wanted_vy, -(self.touchdown_speed_m_s + self.final_approach_gain * height))
            # How fast the wanted speed changes at the present sink speed (the whole braking on the
            # profile, nothing when not sinking): fed forward, so touchdown is not late by the lag.
            ahead = braking * min(1.5, max(0.0, seen.vy_m_s / wanted_vy))
        upwards = self.sink_gain * (wanted_vy - seen.vy_m_s) + ahead

        # Lean the thrust along the wanted acceleration; the engine gives the vertical part first.
        lift = upwards + gravity
        limit = self.low_tilt_rad if height < self.low_altitude_m else self.max_tilt_rad
        lean = math.atan2(-sideways, max(lift, 0.25 * gravity))
        lean = max(-limit, min(limit, lean))
        force = mass * lift / max(math.cos(seen.angle_rad), 0.5)
        leaning_right_way = seen.angle_rad * sideways < 0.0 and abs(seen.angle_rad) > self.low_tilt_rad
        if leaning_right_way:
            # While coasting down, the engine still burns for the sideways correction it is leaning for.
            force = max(force, mass * abs(sideways) / math.sin(abs(seen.angle_rad)))
        if force < seen.min_thrust_n / 2.0:
            throttle = 0.0
        else:
            throttle = min(1.0, max(force, seen.min_thrust_n) / seen.max_thrust_n)
        return PilotCommand(throttle, 0.0, lean)
