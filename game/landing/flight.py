"""One landing in a pymunk space: fixed steps, the engine and thrusters, leg contacts, and how it ends."""

from __future__ import annotations

import math
from typing import Any, Literal

import pymunk

from game.landing.attitude import attitude_towards
from game.landing.craft import GROUND, HULL, LEG, Craft, CraftShape, add_craft
from game.landing.grading import Touchdown
from game.landing.pilot import Observation, PilotCommand
from game.landing.scenario import Scenario
from game.landing.terrain import Ground

FlightStatus = Literal["flying", "landed", "crashed", "lost", "timeout"]

STEP_S = 1.0 / 60.0
# No part of the lander may move farther than this in one solver step: half the ground's
# half-thickness, so not even a bare hull corner can cross the ground's middle between two steps
# (past it, the solver would push it out below).
MAX_TRAVEL_PER_SUBSTEP_M = 0.25
MAX_SUBSTEPS = 32
# The ground is drawn along the polyline; its physics segments are this thick and hang below it.
GROUND_RADIUS_M = 0.5
# Guards against numbers running away (they are far beyond anything a level can start with or a
# free fall from the highest start can reach): the physics never has to handle an explosion.
MAX_SPEED_M_S = 300.0
MAX_SPIN_RAD_S = 4.0 * math.pi
# Resting: slower than these for this long after touchdown.
REST_SPEED_M_S = 0.05
REST_SPIN_RAD_S = 0.02
REST_TIME_S = 0.5
# A lander still rocking this long after touchdown is graded where it is.
SETTLE_LIMIT_S = 10.0
# Flying this far above the start's height (or off either end of the ground) leaves the landing zone.
CEILING_MARGIN_M = 1000.0
EDGE_MARGIN_M = 5.0


class Flight:
    """A lander over the ground, stepped at a fixed rate; `observe()` for the pilot, `step()` to fly."""

    __slots__ = (
        "_body", "_body_mass", "_contacts", "_craft", "_feet", "_fixed_mass", "_held_angle", "_rest_time",
        "_scenario", "_space", "ceiling_m", "engine_cut", "hull_hit", "last_thrust_n", "max_angular_acceleration",
        "propellant_kg", "status", "steps", "time_s", "touchdown_time_s", "worst_contact",
    )

    def __init__(self, scenario: Scenario):
        self._scenario = scenario
        spec = scenario.lander
        space = pymunk.Space()
        space.gravity = (0.0, -scenario.gravity_m_s2)
        ground = scenario.ground
        segments = []
        for x0, y0, x1, y1 in zip(ground.xs, ground.ys, ground.xs[1:], ground.ys[1:], strict=False):
            # Hung one radius low, so the solid surface runs along the drawn line.
            segment = pymunk.Segment(space.static_body, (x0, y0 - GROUND_RADIUS_M), (x1, y1 - GROUND_RADIUS_M),
                                     GROUND_RADIUS_M)
            segment.collision_type = GROUND
            segment.friction = 0.9
            segments.append(segment)
        space.add(*segments)
        self.propellant_kg = spec.propellant_kg
        self._fixed_mass = spec.dry_mass_kg + scenario.cargo_mass_kg
        mass = self._body_mass = self.mass_kg
        x = scenario.start_x_m
        y = _start_height(CraftShape.of(spec), ground, x, scenario.start_angle_rad) + scenario.start_altitude_m
        self._craft: Craft = add_craft(space, spec, mass, (x, y), scenario.start_angle_rad)
        self._craft.body.velocity = scenario.start_velocity_m_s
        self._body = self._craft.body
        outline = self._craft.shape
        # Where each footpad's lowest point sits in the lander's frame (before turning it).
        self._feet = tuple((fx, fy, outline.foot_radius) for fx, fy in outline.feet)
        self._space = space
        self._contacts = [0, 0]
        self.hull_hit = False
        self.engine_cut = False
        self.worst_contact: tuple[float, float, float] | None = None
        self.touchdown_time_s: float | None = None
        self._rest_time = 0.0
        self._held_angle: float | None = None
        self.time_s = 0.0
        self.steps = 0
        self.last_thrust_n = 0.0
        self.status: FlightStatus = "flying"
        self.ceiling_m = max(ground.ys) + scenario.start_altitude_m + CEILING_MARGIN_M
        self.max_angular_acceleration = spec.attitude_torque_n_m / self._craft.body.moment
        space.on_collision(LEG, GROUND, begin=self._leg_touched, separate=self._leg_lifted)
        space.on_collision(HULL, GROUND, begin=self._hull_touched)

    # --- contacts (pymunk 7 callbacks: arbiter, space, data) ---------------------------------------

    def _leg_index(self, arbiter: pymunk.Arbiter) -> int:
        return 0 if arbiter.shapes[0] is self._craft.legs[0] else 1

    def _leg_touched(self, arbiter: pymunk.Arbiter, space: pymunk.Space, data: Any) -> None:
        self._contacts[self._leg_index(arbiter)] += 1
        body = self._craft.body
        # Called before the solver answers the contact, so this is the speed the legs must absorb.
        vx, vy = body.velocity
        sink, slide, tilt = max(0.0, -vy), abs(vx), abs(math.degrees(math.remainder(body.angle, math.tau)))
        if self.worst_contact is None:
            self.worst_contact = (sink, slide, tilt)
            self.touchdown_time_s = self.time_s
        else:
            worst = self.worst_contact
            self.worst_contact = (max(worst[0], sink), max(worst[1], slide), max(worst[2], tilt))
        # The contact probes shut the engine and the thrusters down, so a touchdown stays down.
        self.engine_cut = True

    def _leg_lifted(self, arbiter: pymunk.Arbiter, space: pymunk.Space, data: Any) -> None:
        index = self._leg_index(arbiter)
        self._contacts[index] = max(0, self._contacts[index] - 1)

    def _hull_touched(self, arbiter: pymunk.Arbiter, space: pymunk.Space, data: Any) -> None:
        self.hull_hit = True

    # --- state --------------------------------------------------------------------------------------

    @property
    def scenario(self) -> Scenario:
        return self._scenario

    @property
    def mass_kg(self) -> float:
        return self._fixed_mass + self.propellant_kg

    @property
    def finished(self) -> bool:
        return self.status != "flying"

    @property
    def legs_touching(self) -> int:
        return (self._contacts[0] > 0) + (self._contacts[1] > 0)

    def pose(self) -> tuple[float, float, float]:
        """(x, y, angle) of the centre of mass, for drawing."""
        body = self._craft.body
        x, y = body.position
        return x, y, body.angle

    def state(self) -> tuple[float, ...]:
        """Every number that moves, to compare two flights exactly."""
        body = self._craft.body
        return (*body.position, *body.velocity, body.angle, body.angular_velocity, self.propellant_kg, self.time_s)

    def altitude(self) -> float:
        """From the lowest footpad straight down to the ground."""
        body = self._body
        x, y = body.position
        return self._lowest_above_ground(x, y, body.angle, self._feet)

    def _lowest_above_ground(
        self, x: float, y: float, angle: float, points: tuple[tuple[float, float, float], ...]
    ) -> float:
        """The least height above the ground of (local x, local y, radius) points of the lander."""
        cos, sin = math.cos(angle), math.sin(angle)
        height_at = self._scenario.ground.height_at
        lowest = math.inf
        for px, py, radius in points:
            wx, wy = x + px * cos - py * sin, y + px * sin + py * cos
            height = wy - radius - height_at(wx)
            if height < lowest:
                lowest = height
        return lowest

    def lowest_clearance(self) -> float:
        """How far the lowest point of hull or feet is above the ground line (negative: below it)."""
        body = self._body
        x, y = body.position
        corners = tuple((px, py, 0.0) for px, py in self._craft.shape.hull)
        return self._lowest_above_ground(x, y, body.angle, corners + self._feet)

    def observe(self) -> Observation:
        body = self._body
        scenario = self._scenario
        spec = scenario.lander
        x, y = body.position
        vx, vy = body.velocity
        angle = body.angle
        # Positional, in Observation's field order: this runs every step, and keywords cost time.
        return Observation(
            self.time_s, x, y, self._lowest_above_ground(x, y, angle, self._feet), vx, vy,
            math.remainder(angle, math.tau), body.angular_velocity, self._fixed_mass + self.propellant_kg,
            self.propellant_kg, scenario.ground.target_x, scenario.gravity_m_s2, spec.min_thrust_n,
            spec.max_thrust_n, spec.exhaust_velocity, self.max_angular_acceleration,
            (self._contacts[0] > 0) + (self._contacts[1] > 0),
        )

    def touchdown(self) -> Touchdown | None:
        """The touchdown so far: the worst contact speeds, the larger of touchdown and resting tilt."""
        if self.worst_contact is None:
            return None
        sink, slide, tilt = self.worst_contact
        body = self._craft.body
        resting_tilt = abs(math.degrees(math.remainder(body.angle, math.tau)))
        return Touchdown(
            vertical_speed_m_s=sink,
            horizontal_speed_m_s=slide,
            tilt_deg=max(tilt, resting_tilt),
            distance_m=abs(body.position.x - self._scenario.ground.target_x),
            propellant_left=self.propellant_kg / self._scenario.lander.propellant_kg,
        )

    # --- one fixed step -----------------------------------------------------------------------------

    def step(self, command: PilotCommand) -> None:
        """Advances one fixed step under `command` (already in range: see pilot.clean_command)."""
        if self.status != "flying":
            return
        spec = self._scenario.lander
        body = self._body
        thrust, burned = self._engine(command.throttle)
        self.propellant_kg -= burned
        # The mass halfway through the burn: the rocket equation's mass loss, integrated by the midpoint.
        mass = self._fixed_mass + self.propellant_kg + burned / 2.0
        if mass != self._body_mass:
            self._body_mass = body.mass = mass
            moment = mass * self._craft.shape.gyration_squared
            body.moment = moment
            self.max_angular_acceleration = spec.attitude_torque_n_m / moment
        torque = 0.0 if self.engine_cut else self._attitude(command, body) * spec.attitude_torque_n_m
        self.last_thrust_n = thrust
        vx, vy = body.velocity
        travel = math.hypot(vx, vy) * STEP_S
        substeps = 1
        if travel > MAX_TRAVEL_PER_SUBSTEP_M:
            substeps = min(MAX_SUBSTEPS, math.ceil(travel / MAX_TRAVEL_PER_SUBSTEP_M))
        dt = STEP_S / substeps
        space = self._space
        force = (0.0, thrust)
        for _ in range(substeps):
            if not self.engine_cut:
                # pymunk clears forces after every step, so each substep pushes again.
                if thrust > 0.0:
                    body.apply_force_at_local_point(force)
                if torque:
                    body.torque = torque
            space.step(dt)
        self.steps += 1
        self.time_s = self.steps * STEP_S
        self._after_step(body)

    def _engine(self, throttle: float) -> tuple[float, float]:
        """(thrust in N, propellant burned in kg) this step."""
        spec = self._scenario.lander
        if self.engine_cut or throttle <= 0.0 or self.propellant_kg <= 0.0:
            return 0.0, 0.0
        thrust = max(throttle * spec.max_thrust_n, spec.min_thrust_n)
        burned = thrust / spec.exhaust_velocity * STEP_S
        if burned > self.propellant_kg:
            # The last drops: the thrust they can still give this step.
            thrust *= self.propellant_kg / burned
            burned = self.propellant_kg
        return thrust, burned

    def _attitude(self, command: PilotCommand, body: pymunk.Body) -> float:
        if command.target_angle_rad is not None:
            self._held_angle = None
            return attitude_towards(
                command.target_angle_rad, body.angle, body.angular_velocity, self.max_angular_acceleration
            )
        if command.attitude != 0.0 or not self._scenario.assists.attitude_hold:
            self._held_angle = None
            return command.attitude
        if self._held_angle is None:
            self._held_angle = body.angle
        return attitude_towards(self._held_angle, body.angle, body.angular_velocity, self.max_angular_acceleration)

    def _after_step(self, body: pymunk.Body) -> None:
        """Keeps speed and spin within the guards, then decides whether the flight has ended."""
        vx, vy = body.velocity
        speed = math.hypot(vx, vy)
        if speed > MAX_SPEED_M_S:
            body.velocity = (vx * MAX_SPEED_M_S / speed, vy * MAX_SPEED_M_S / speed)
        spin = body.angular_velocity
        if abs(spin) > MAX_SPIN_RAD_S:
            body.angular_velocity = spin = math.copysign(MAX_SPIN_RAD_S, spin)
        scenario = self._scenario
        ground = scenario.ground
        x, y = body.position
        if self.hull_hit:
            self.status = "crashed"
        elif y > self.ceiling_m or not ground.left + EDGE_MARGIN_M <= x <= ground.right - EDGE_MARGIN_M:
            self.status = "lost"
        elif self.touchdown_time_s is not None:
            resting = speed < REST_SPEED_M_S and abs(spin) < REST_SPIN_RAD_S
            self._rest_time = self._rest_time + STEP_S if resting and self.legs_touching else 0.0
            if self._rest_time >= REST_TIME_S or self.time_s - self.touchdown_time_s >= SETTLE_LIMIT_S:
                self.status = "landed"
        if self.status == "flying" and self.time_s >= scenario.time_limit_s:
            self.status = "landed" if self.touchdown_time_s is not None else "timeout"


def _start_height(outline: CraftShape, ground: Ground, x: float, angle: float) -> float:
    """The lowest height of the centre of mass at which no part of the lander touches the ground.

    Taken over the ground under the lander's whole width, so a boulder or a steep bump between its
    feet cannot start the flight inside the ground.
    """
    cos, sin = math.cos(angle), math.sin(angle)
    points = [(px, py, 0.0) for px, py in outline.hull]
    points += [(fx, fy, outline.foot_radius) for fx, fy in outline.feet]
    offsets = [(px * cos - py * sin, px * sin + py * cos - radius) for px, py, radius in points]
    left = x + min(dx for dx, _ in offsets) - outline.foot_radius
    right = x + max(dx for dx, _ in offsets) + outline.foot_radius
    highest = max(
        [ground.height_at(left), ground.height_at(right)]
        + [height for gx, height in zip(ground.xs, ground.ys, strict=True) if left <= gx <= right]
    )
    return highest - min(dy for _, dy in offsets)
