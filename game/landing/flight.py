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

FlightStatus = Literal["flying", "landed", "crashed", "lost", "timeout"]

STEP_S = 1.0 / 60.0
# No part of the lander may move farther than this in one solver step: less than the ground's
# half-thickness plus a footpad's radius, so nothing can pass through the ground between two steps.
MAX_TRAVEL_PER_SUBSTEP_M = 0.2
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
        "_contacts", "_craft", "_held_angle", "_rest_time", "_scenario", "_space",
        "ceiling_m", "engine_cut", "hull_hit", "last_thrust_n", "max_angular_acceleration", "propellant_kg",
        "status", "steps", "time_s", "touchdown_time_s", "worst_contact",
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
        mass = self.mass_kg
        x = scenario.start_x_m
        y = ground.height_at(x) + scenario.start_altitude_m + CraftShape.of(spec).foot_depth
        self._craft: Craft = add_craft(space, spec, mass, (x, y), scenario.start_angle_rad)
        self._craft.body.velocity = scenario.start_velocity_m_s
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
        return self._scenario.lander.dry_mass_kg + self._scenario.cargo_mass_kg + self.propellant_kg

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
        body = self._craft.body
        x, y = body.position
        cos, sin = math.cos(body.angle), math.sin(body.angle)
        ground = self._scenario.ground
        radius = self._craft.shape.foot_radius
        lowest = math.inf
        for fx, fy in self._craft.shape.feet:
            wx, wy = x + fx * cos - fy * sin, y + fx * sin + fy * cos
            lowest = min(lowest, wy - radius - ground.height_at(wx))
        return lowest

    def lowest_clearance(self) -> float:
        """How far the lowest point of hull or feet is above the ground line (negative: below it)."""
        body = self._craft.body
        x, y = body.position
        cos, sin = math.cos(body.angle), math.sin(body.angle)
        ground = self._scenario.ground
        outline = self._craft.shape
        points = [(px, py, 0.0) for px, py in outline.hull]
        points += [(fx, fy, outline.foot_radius) for fx, fy in outline.feet]
        clearance = math.inf
        for px, py, radius in points:
            wx, wy = x + px * cos - py * sin, y + px * sin + py * cos
            clearance = min(clearance, wy - radius - ground.height_at(wx))
        return clearance

    def observe(self) -> Observation:
        body = self._craft.body
        scenario = self._scenario
        spec = scenario.lander
        x, y = body.position
        vx, vy = body.velocity
        return Observation(
            time_s=self.time_s,
            x_m=x,
            y_m=y,
            altitude_m=self.altitude(),
            vx_m_s=vx,
            vy_m_s=vy,
            angle_rad=math.remainder(body.angle, math.tau),
            angular_velocity_rad_s=body.angular_velocity,
            mass_kg=self.mass_kg,
            propellant_kg=self.propellant_kg,
            target_x_m=scenario.ground.target_x,
            gravity_m_s2=scenario.gravity_m_s2,
            min_thrust_n=spec.min_thrust_n,
            max_thrust_n=spec.max_thrust_n,
            exhaust_velocity_m_s=spec.exhaust_velocity,
            max_angular_acceleration_rad_s2=self.max_angular_acceleration,
            legs_touching=self.legs_touching,
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
        scenario = self._scenario
        spec = scenario.lander
        body = self._craft.body
        thrust, burned = self._engine(command.throttle)
        self.propellant_kg -= burned
        # The mass halfway through the burn: the rocket equation's mass loss, integrated by the midpoint.
        mass = self.mass_kg + burned / 2.0
        body.mass = mass
        body.moment = mass * self._craft.shape.gyration_squared
        self.max_angular_acceleration = spec.attitude_torque_n_m / body.moment
        torque = 0.0 if self.engine_cut else self._attitude(command, body) * spec.attitude_torque_n_m
        self.last_thrust_n = thrust
        speed = abs(body.velocity)
        substeps = min(MAX_SUBSTEPS, max(1, math.ceil(speed * STEP_S / MAX_TRAVEL_PER_SUBSTEP_M)))
        dt = STEP_S / substeps
        space = self._space
        for _ in range(substeps):
            if thrust > 0.0 and not self.engine_cut:
                body.apply_force_at_local_point((0.0, thrust))
            if torque and not self.engine_cut:
                body.torque = torque
            space.step(dt)
        self._guard(body)
        self.steps += 1
        self.time_s = self.steps * STEP_S
        self._update_status(body)

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

    def _guard(self, body: pymunk.Body) -> None:
        speed = abs(body.velocity)
        if speed > MAX_SPEED_M_S:
            body.velocity = body.velocity * (MAX_SPEED_M_S / speed)
        spin = body.angular_velocity
        if abs(spin) > MAX_SPIN_RAD_S:
            body.angular_velocity = math.copysign(MAX_SPIN_RAD_S, spin)

    def _update_status(self, body: pymunk.Body) -> None:
        scenario = self._scenario
        ground = scenario.ground
        x, y = body.position
        if self.hull_hit:
            self.status = "crashed"
        elif y > self.ceiling_m or not ground.left + EDGE_MARGIN_M <= x <= ground.right - EDGE_MARGIN_M:
            self.status = "lost"
        elif self.touchdown_time_s is not None:
            resting = abs(body.velocity) < REST_SPEED_M_S and abs(body.angular_velocity) < REST_SPIN_RAD_S
            self._rest_time = self._rest_time + STEP_S if resting and self.legs_touching else 0.0
            if self._rest_time >= REST_TIME_S or self.time_s - self.touchdown_time_s >= SETTLE_LIMIT_S:
                self.status = "landed"
        if self.status == "flying" and self.time_s >= scenario.time_limit_s:
            self.status = "landed" if self.touchdown_time_s is not None else "timeout"
