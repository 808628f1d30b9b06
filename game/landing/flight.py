"""One landing in a pymunk space: fixed steps, the engine and thrusters, leg contacts, and how it ends."""

from __future__ import annotations

import math
from typing import Any, Literal

import pymunk

from game.landing import chipmunk
from game.landing.attitude import attitude_towards
from game.landing.craft import GROUND, GROUND_FRICTION, HULL, LEG, Craft, CraftShape, add_craft
from game.landing.grading import Touchdown
from game.landing.ground_shapes import GroundShapes
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
# The main engine pushes through the centre of mass (the body's origin).
_CENTRE = (0.0, 0.0)


class Flight:
    """A lander over the ground, stepped at a fixed rate; `observe()` for the pilot, `step()` to fly."""

    __slots__ = (
        "_angle", "_attitude_hold", "_attitude_torque", "_body", "_body_handle", "_body_mass", "_contacts", "_craft",
        "_edge_left", "_edge_right", "_exhaust_velocity", "_feet", "_fixed_mass", "_gravity", "_ground_shapes",
        "_gyration_squared", "_height_at", "_held_angle", "_max_thrust", "_min_thrust", "_reach", "_rest_time",
        "_scenario", "_space", "_space_handle", "_spin", "_target_x", "_time_limit", "_vx", "_vy", "_x", "_y",
        "ceiling_m", "engine_cut", "hull_hit", "last_thrust_n", "max_angular_acceleration", "propellant_kg", "status",
        "steps", "time_s", "touchdown_time_s", "worst_contact",
    )

    def __init__(self, scenario: Scenario):
        self._scenario = scenario
        spec = scenario.lander
        space = pymunk.Space()
        space.gravity = (0.0, -scenario.gravity_m_s2)
        ground = scenario.ground
        self._ground_shapes = GroundShapes(space, ground, GROUND_RADIUS_M, GROUND_FRICTION, GROUND)
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
        # What every step reads and that never changes, looked up once rather than through attribute chains.
        self._space_handle, self._body_handle = chipmunk.handles(space, self._body)
        self._gyration_squared = outline.gyration_squared
        self._attitude_torque = spec.attitude_torque_n_m
        self._min_thrust, self._max_thrust = spec.min_thrust_n, spec.max_thrust_n
        self._exhaust_velocity = spec.exhaust_velocity
        self._gravity = scenario.gravity_m_s2
        self._target_x = ground.target_x
        self._height_at = ground.height_at
        self._attitude_hold = scenario.assists.attitude_hold
        self._time_limit = scenario.time_limit_s
        self._edge_left, self._edge_right = ground.left + EDGE_MARGIN_M, ground.right - EDGE_MARGIN_M
        self._x = self._y = self._vx = self._vy = self._angle = self._spin = 0.0
        self._read_body()
        # How far from its centre of mass any part of the lander reaches, whichever way it turns.
        # (The struts run from inside the hull to the feet, so the corners and footpads bound them.)
        self._reach = max(
            *(math.hypot(px, py) for px, py in outline.hull),
            *(math.hypot(px, py) + radius for px, py, radius in self._feet),
        ) + GROUND_RADIUS_M
        self._ground_shapes.cover(self._x - self._reach, self._x + self._reach)

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

    def _read_body(self) -> None:
        """Reads the body's state into the plain floats `step` and `observe` use (`step` updates them inline)."""
        handle = self._body_handle
        position = chipmunk.body_position(handle)
        velocity = chipmunk.body_velocity(handle)
        self._x, self._y = position.x, position.y
        self._vx, self._vy = velocity.x, velocity.y
        self._angle = chipmunk.body_angle(handle)
        self._spin = chipmunk.body_angular_velocity(handle)

    def pose(self) -> tuple[float, float, float]:
        """(x, y, angle) of the centre of mass, for drawing."""
        return self._x, self._y, self._angle

    def state(self) -> tuple[float, ...]:
        """Every number that moves, to compare two flights exactly."""
        return self._x, self._y, self._vx, self._vy, self._angle, self._spin, self.propellant_kg, self.time_s

    def altitude(self) -> float:
        """From the lowest footpad straight down to the ground."""
        return self._feet_clearance(self._x, self._y, self._angle)

    def _feet_clearance(self, x: float, y: float, angle: float) -> float:
        """The least height of a footpad above the ground, straight down: it runs every step."""
        cos, sin = math.cos(angle), math.sin(angle)
        height_at = self._height_at
        (lx, ly, left_radius), (rx, ry, right_radius) = self._feet
        left = y + lx * sin + ly * cos - left_radius - height_at(x + lx * cos - ly * sin)
        right = y + rx * sin + ry * cos - right_radius - height_at(x + rx * cos - ry * sin)
        return right if right < left else left

    def lowest_clearance(self) -> float:
        """How far the lowest point of hull or feet is above the ground: straight down while above it, and once
        inside it, how deep, measured square to the ground (straight down would overstate a pad's depth on a steep
        slope). Square to the ground is measured only there: from high up it would search far along the ground."""
        x, y, angle = self._x, self._y, self._angle
        cos, sin = math.cos(angle), math.sin(angle)
        ground = self._scenario.ground
        corners = tuple((px, py, 0.0) for px, py in self._craft.shape.hull)
        lowest = math.inf
        for px, py, radius in corners + self._feet:
            wx, wy = x + px * cos - py * sin, y + px * sin + py * cos
            above = wy - radius - ground.height_at(wx)
            if above < 0.0:
                above = ground.distance_above(wx, wy) - radius
            lowest = min(lowest, above)
        return lowest

    def observe(self) -> Observation:
        x, y, angle = self._x, self._y, self._angle
        propellant = self.propellant_kg
        contacts = self._contacts
        # Positional, in Observation's field order: this runs every step, and keywords cost time.
        return Observation(
            self.time_s, x, y, self._feet_clearance(x, y, angle), self._vx, self._vy,
            math.remainder(angle, math.tau), self._spin, self._fixed_mass + propellant,
            propellant, self._target_x, self._gravity, self._min_thrust,
            self._max_thrust, self._exhaust_velocity, self.max_angular_acceleration,
            (contacts[0] > 0) + (contacts[1] > 0),
        )

    def touchdown(self) -> Touchdown | None:
        """The touchdown so far: the worst contact speeds, the larger of touchdown and resting tilt."""
        if self.worst_contact is None:
            return None
        sink, slide, tilt = self.worst_contact
        resting_tilt = abs(math.degrees(math.remainder(self._angle, math.tau)))
        return Touchdown(
            vertical_speed_m_s=sink,
            horizontal_speed_m_s=slide,
            tilt_deg=max(tilt, resting_tilt),
            distance_m=abs(self._x - self._target_x),
            propellant_left=self.propellant_kg / self._scenario.lander.propellant_kg,
        )

    # --- one fixed step -----------------------------------------------------------------------------

    def step(self, command: PilotCommand) -> None:
        """Advances one fixed step under `command` (already in range: see pilot.clean_command).

        Written for speed, as one function (it is the landing benchmark's inner loop): the body's state
        comes from the floats read at the end of the last step, and Chipmunk is called directly (see
        chipmunk.py). The arithmetic is the plainer version's, operation for operation, so a flight is bit
        for bit the one it flew (checked over 200 autopilot and 150 wild landings when it was rewritten).
        """
        if self.status != "flying":
            return
        handle = self._body_handle
        engine_cut = self.engine_cut

        # The engine: the thrust asked for, never below the lowest setting, and the propellant it burns.
        throttle = command.throttle
        propellant = self.propellant_kg
        if engine_cut or throttle <= 0.0 or propellant <= 0.0:
            thrust = burned = 0.0
        else:
            thrust = throttle * self._max_thrust
            thrust = self._min_thrust if self._min_thrust > thrust else thrust
            burned = thrust / self._exhaust_velocity * STEP_S
            if burned > propellant:
                # The last drops: the thrust they can still give this step.
                thrust *= propellant / burned
                burned = propellant
        propellant = self.propellant_kg = propellant - burned
        # The mass halfway through the burn: the rocket equation's mass loss, integrated by the midpoint.
        mass = self._fixed_mass + propellant + burned / 2.0
        if mass != self._body_mass:
            self._body_mass = mass
            moment = mass * self._gyration_squared
            chipmunk.body_set_mass(handle, mass)
            chipmunk.body_set_moment(handle, moment)
            self.max_angular_acceleration = self._attitude_torque / moment
        torque = 0.0 if engine_cut else self._attitude(command) * self._attitude_torque
        self.last_thrust_n = thrust

        # Substeps short enough that no part of the lander can cross the ground's middle in one.
        travel = math.hypot(self._vx, self._vy) * STEP_S
        substeps = 1
        if travel > MAX_TRAVEL_PER_SUBSTEP_M:
            substeps = min(MAX_SUBSTEPS, math.ceil(travel / MAX_TRAVEL_PER_SUBSTEP_M))
        dt = STEP_S / substeps
        # The ground within the lander's reach and twice this step's travel is in the space.
        x, reach, shapes = self._x, self._reach + 2.0 * travel, self._ground_shapes
        if x - reach < shapes.left or x + reach > shapes.right:
            shapes.cover(x - reach, x + reach)
        space = self._space_handle
        space_step = chipmunk.space_step
        force = (0.0, thrust)
        for _ in range(substeps):
            if not self.engine_cut:
                # Chipmunk clears forces after every step, so each substep pushes again.
                if thrust > 0.0:
                    chipmunk.body_apply_force_at_local_point(handle, force, _CENTRE)
                if torque:
                    chipmunk.body_set_torque(handle, torque)
            space_step(space, dt)
        self.steps += 1
        self.time_s = time_s = self.steps * STEP_S

        # The body's state, read once; speed and spin kept within the guards.
        position = chipmunk.body_position(handle)
        velocity = chipmunk.body_velocity(handle)
        self._x, self._y = x, y = position.x, position.y
        vx, vy = velocity.x, velocity.y
        self._angle = chipmunk.body_angle(handle)
        spin = chipmunk.body_angular_velocity(handle)
        speed = math.hypot(vx, vy)
        if speed > MAX_SPEED_M_S:
            vx, vy = vx * MAX_SPEED_M_S / speed, vy * MAX_SPEED_M_S / speed
            chipmunk.body_set_velocity(handle, (vx, vy))
        self._vx, self._vy = vx, vy
        if abs(spin) > MAX_SPIN_RAD_S:
            spin = math.copysign(MAX_SPIN_RAD_S, spin)
            chipmunk.body_set_angular_velocity(handle, spin)
        self._spin = spin

        # Has the flight ended?
        if self.hull_hit:
            self.status = "crashed"
        elif y > self.ceiling_m or not self._edge_left <= x <= self._edge_right:
            self.status = "lost"
        elif self.touchdown_time_s is not None:
            resting = speed < REST_SPEED_M_S and abs(spin) < REST_SPIN_RAD_S
            self._rest_time = self._rest_time + STEP_S if resting and self.legs_touching else 0.0
            if self._rest_time >= REST_TIME_S or time_s - self.touchdown_time_s >= SETTLE_LIMIT_S:
                self.status = "landed"
        if self.status == "flying" and time_s >= self._time_limit:
            self.status = "landed" if self.touchdown_time_s is not None else "timeout"

    def _attitude(self, command: PilotCommand) -> float:
        target = command.target_angle_rad
        if target is not None:
            self._held_angle = None
            return attitude_towards(target, self._angle, self._spin, self.max_angular_acceleration)
        if command.attitude != 0.0 or not self._attitude_hold:
            self._held_angle = None
            return command.attitude
        if self._held_angle is None:
            self._held_angle = self._angle
        return attitude_towards(self._held_angle, self._angle, self._spin, self.max_angular_acceleration)


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
