"""The landing physics against textbook physics, and against anything a pilot or a level can throw at it."""

from __future__ import annotations

import math
import random
from itertools import pairwise
from typing import Any

import pymunk
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from game.content.catalog import Catalog
from game.content.models import Landing, Level
from game.landing.flight import MAX_SPEED_M_S, Flight
from game.landing.ground_shapes import CHUNK_M, GroundShapes
from game.landing.pilot import Observation, PilotCommand, clean_command
from game.landing.scenario import Scenario, scenario_for
from game.landing.terrain import Ground
from tests.landing_helpers import nominal_level

STILL = {"x_m": 0, "altitude_m": 0, "speed_m_s": 0, "angle_deg": 0}
FLAT = {"from_site": False, "width_m": 1200, "roughness_m": 0, "slope_deg": 0}


@pytest.fixture(scope="module")
def shipped() -> tuple[Level, Catalog]:
    return nominal_level()


def scenario(shipped: tuple[Level, Catalog], seed: int = 0, **landing: Any) -> Scenario:
    level, catalog = shipped
    table = {"dispersion": STILL, "terrain": FLAT, "start_velocity_m_s": [0, 0], "start_offset_m": 0, **landing}
    return scenario_for(level.model_copy(update={"landing": Landing.model_validate(table)}), catalog, seed)


def test_free_fall_matches_half_g_t_squared(shipped):
    flight = Flight(scenario(shipped, start_altitude_m=2000))
    gravity = flight.scenario.gravity_m_s2
    start_y = flight.pose()[1]
    for _ in range(600):
        flight.step(PilotCommand())
    fallen = start_y - flight.pose()[1]
    expected = 0.5 * gravity * flight.time_s**2
    assert flight.time_s == pytest.approx(10.0)
    assert fallen == pytest.approx(expected, rel=0.005)
    assert flight.propellant_kg == flight.scenario.lander.propellant_kg


def test_gravity_comes_from_the_catalog(shipped):
    level, catalog = shipped
    assert scenario(shipped).gravity_m_s2 == catalog.moon.surface_gravity
    heavier = catalog.copy()
    heavier.moon = catalog.moon.model_copy(update={"surface_gravity": 3.71})
    assert scenario_for(level, heavier, 0).gravity_m_s2 == 3.71


def test_propellant_burned_matches_the_rocket_equation(shipped):
    flight = Flight(scenario(shipped, start_altitude_m=1500))
    spec = flight.scenario.lander
    start_mass, start_vy = flight.mass_kg, flight.observe().vy_m_s
    for _ in range(900):  # 15 s at full thrust, straight up
        flight.step(PilotCommand(throttle=1.0, target_angle_rad=0.0))
    seen = flight.observe()
    assert seen.altitude_m > 1500, "the burn must end in the air, or contacts would spoil the check"
    # Δv from the engine alone is the measured change plus what gravity took over the same time.
    delta_v = (seen.vy_m_s - start_vy) + flight.scenario.gravity_m_s2 * flight.time_s
    predicted_end_mass = start_mass * math.exp(-delta_v / spec.exhaust_velocity)
    used, predicted = start_mass - seen.mass_kg, start_mass - predicted_end_mass
    assert used == pytest.approx(predicted, rel=0.01)
    assert used == pytest.approx(spec.max_thrust_n / spec.exhaust_velocity * flight.time_s, rel=0.001)


def test_the_engine_cannot_burn_below_its_lowest_setting_and_stops_at_empty(shipped):
    flight = Flight(scenario(shipped, start_altitude_m=3000, time_limit_s=3600))
    spec = flight.scenario.lander
    flight.step(PilotCommand(throttle=0.01))
    assert flight.last_thrust_n == pytest.approx(spec.min_thrust_n)
    flight.step(PilotCommand(throttle=0.0))
    assert flight.last_thrust_n == 0.0
    while flight.propellant_kg > 0 and not flight.finished:
        # Hover until the tanks run dry.
        seen = flight.observe()
        flight.step(PilotCommand(seen.mass_kg * seen.gravity_m_s2 / seen.max_thrust_n, target_angle_rad=0.0))
    assert flight.propellant_kg == 0.0
    flight.step(PilotCommand(throttle=1.0))
    assert flight.last_thrust_n == 0.0


def test_cargo_mass_comes_from_the_module_carried(shipped):
    level, catalog = shipped
    empty = scenario_for(level, catalog, 0)
    loaded = scenario_for(level, catalog, 0, cargo="battery")
    assert loaded.cargo_mass_kg == catalog.modules["battery"].mass_kg
    assert Flight(loaded).mass_kg - Flight(empty).mass_kg == catalog.modules["battery"].mass_kg


def test_legs_sense_the_ground_and_an_upright_drop_stands_on_them(shipped):
    flight = Flight(scenario(shipped, start_altitude_m=5))
    while not flight.finished:
        flight.step(PilotCommand())
    assert flight.status == "landed"
    assert flight.legs_touching == 2
    assert not flight.hull_hit
    assert flight.engine_cut, "the contact probes shut the engine down"
    touchdown = flight.touchdown()
    assert touchdown is not None
    assert touchdown.vertical_speed_m_s == pytest.approx(math.sqrt(2 * flight.scenario.gravity_m_s2 * 5), rel=0.02)


def test_a_lander_on_its_side_hits_with_the_hull(shipped):
    flight = Flight(scenario(shipped, start_altitude_m=5, start_angle_deg=90))
    while not flight.finished:
        flight.step(PilotCommand())
    assert flight.status == "crashed"
    assert flight.hull_hit


def test_the_attitude_controller_reaches_a_target_angle_and_holds_it(shipped):
    flight = Flight(scenario(shipped, start_altitude_m=3000))
    target = math.radians(20)
    for _ in range(360):
        flight.step(PilotCommand(target_angle_rad=target))
    seen = flight.observe()
    assert seen.angle_rad == pytest.approx(target, abs=math.radians(0.5))
    assert abs(seen.angular_velocity_rad_s) < 0.01


def test_attitude_hold_assist_keeps_the_angle_when_the_input_is_released(shipped):
    held = Flight(scenario(shipped, start_altitude_m=3000, assists={"attitude_hold": True}))
    free = Flight(scenario(shipped, start_altitude_m=3000))
    for flight in (held, free):
        for _ in range(30):
            flight.step(PilotCommand(attitude=1.0))
        for _ in range(240):
            flight.step(PilotCommand())
    assert abs(held.observe().angular_velocity_rad_s) < 0.01
    assert abs(free.observe().angular_velocity_rad_s) > 0.1


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (PilotCommand(2.0, -5.0), PilotCommand(1.0, -1.0)),
        (PilotCommand(float("nan"), float("inf")), PilotCommand(0.0, 1.0)),
        (PilotCommand(0.5, 0.0, float("nan")), PilotCommand(0.5, 0.0, None)),
        (PilotCommand(0.5, 0.0, 9.0), PilotCommand(0.5, 0.0, math.pi / 2)),
        ((0.3, -0.2), PilotCommand(0.3, -0.2)),
        ([1], PilotCommand(1.0, 0.0)),
    ],
)
def test_commands_are_brought_into_range(answer, expected):
    assert clean_command(answer) == expected


# --- anything at all: no NaN, no tunnel, no explosion ----------------------------------------------

NASTY = [float("nan"), float("inf"), -float("inf"), 1e300, -1e300]
# Deeper below the drawn line than the ground's whole thickness, measured square to the ground, means the lander
# went through. (Straight down overstates it on steep ground: a pad 0.3 m into a 63° slope is 0.7 m below the line.)
THROUGH_THE_GROUND_M = 1.0


def test_the_distance_to_the_ground_is_measured_square_to_it():
    slope = Ground(xs=(0.0, 10.0, 20.0), ys=(0.0, 10.0, 10.0), target_x=15.0, pad=(12.0, 18.0))  # 45°, then flat
    assert slope.distance_above(5.0, 4.0) == pytest.approx(-1 / math.sqrt(2))  # 1 m straight below a 45° line
    assert slope.distance_above(5.0, 6.0) == pytest.approx(1 / math.sqrt(2))
    assert slope.distance_above(15.0, 12.0) == pytest.approx(2.0)  # on the flat, straight down is square to it
    assert slope.distance_above(10.0, 13.0) == pytest.approx(3.0)  # above the corner, nearest is the corner
    assert slope.distance_above(-5.0, 3.0) == pytest.approx(3.0)  # beyond the end the ground runs flat
    assert slope.distance_above(25.0, 9.0) == pytest.approx(-1.0)


def _wild_pilot(seed: int):
    dice = random.Random(seed)

    def pilot(seen: Observation) -> PilotCommand:
        if dice.random() < 0.05:
            return PilotCommand(dice.choice(NASTY), dice.choice(NASTY), dice.choice([*NASTY, None]))
        return PilotCommand(dice.uniform(-0.5, 1.5), dice.uniform(-2.0, 2.0))

    return pilot


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**31),
    terrain=st.fixed_dictionaries({
        "from_site": st.just(False),
        "width_m": st.floats(400, 3000),
        "slope_deg": st.floats(-30, 30),
        "roughness_m": st.floats(0, 100),
        "boulders": st.integers(0, 500),
        "boulder_height_m": st.floats(0, 20),
        "crater_rim_height_m": st.floats(0, 500),
        "crater_radius_m": st.floats(10, 1000),
        "pad_width_m": st.floats(5, 100),
    }),
    altitude=st.floats(5, 5000),
    velocity=st.tuples(st.floats(-150, 150), st.floats(-150, 150)),
    angle=st.floats(-90, 90),
    cargo=st.sampled_from([None, "battery", "habitat"]),
    lander=st.sampled_from(["change_class", "heavy_cargo_lander"]),
)
# A heavy lander upside down into a 63° slope at 81 m/s: a footpad ends 0.7 m into the ground, 1.03 m straight down.
# The same a little higher, at 84 m/s: a leg's foot is 1.005 m in when the hull strikes and the flight ends crashed.
@example(seed=134, terrain={"from_site": False, "width_m": 1480.0, "slope_deg": 0.0, "roughness_m": 97.0, "boulders": 0,
                            "boulder_height_m": 0.0, "crater_rim_height_m": 0.0, "crater_radius_m": 10.0,
                            "pad_width_m": 5.0},
         altitude=1893.0, velocity=(0.0, -35.0), angle=-67.0, cargo="habitat", lander="heavy_cargo_lander")
@example(seed=134, terrain={"from_site": False, "width_m": 1476.0, "slope_deg": 0.0, "roughness_m": 97.0, "boulders": 0,
                            "boulder_height_m": 0.0, "crater_rim_height_m": 0.0, "crater_radius_m": 10.0,
                            "pad_width_m": 5.0},
         altitude=1878.0, velocity=(0.0, -35.0), angle=-67.0, cargo="habitat", lander="heavy_cargo_lander")
def test_no_nan_no_tunnel_whatever_the_input(shipped, seed, terrain, altitude, velocity, angle, cargo, lander):
    level, catalog = shipped
    landing = Landing.model_validate({
        "terrain": terrain, "target_x_m": terrain["width_m"] / 2, "start_offset_m": 0, "lander": lander,
        "cargo": cargo, "start_altitude_m": altitude, "start_velocity_m_s": list(velocity),
        "start_angle_deg": angle, "dispersion": STILL, "time_limit_s": 40,
    })
    flight = Flight(scenario_for(level.model_copy(update={"landing": landing}), catalog, seed))
    pilot = _wild_pilot(seed)
    while not flight.finished:
        flight.step(clean_command(pilot(flight.observe())))
        state = flight.state()
        assert all(math.isfinite(value) for value in state), state
        # A lander that went through flies on under the ground; one that struck it ends there, crashed, in that step.
        if not flight.finished:
            assert flight.lowest_clearance() > -THROUGH_THE_GROUND_M, (flight.time_s, flight.lowest_clearance())
        assert math.hypot(state[2], state[3]) <= MAX_SPEED_M_S * (1 + 1e-12)  # clamped, up to rounding
    assert flight.propellant_kg >= 0.0


def test_the_flights_cached_state_is_the_bodys_own(shipped):
    """The flight reads the body once per step and calls Chipmunk directly; pymunk's own view must agree."""
    flight = Flight(scenario(shipped, start_altitude_m=40, start_velocity_m_s=[3, -4], start_angle_deg=10))
    body = flight._body
    for index in range(400):
        flight.step(PilotCommand(throttle=0.3 if index % 4 == 0 else 0.0, target_angle_rad=0.05))
        state = flight.state()
        assert state[:6] == (*body.position, *body.velocity, body.angle, body.angular_velocity)
        assert (body.mass, body.moment) == pytest.approx(
            (flight.mass_kg, flight.mass_kg * flight._craft.shape.gyration_squared), rel=1e-4
        )
        assert flight.pose() == (*body.position, body.angle)
    assert flight.touchdown_time_s is not None, "the check must run through contacts too"


# --- the ground's segments are built as the lander nears them ---------------------------------------

def _built_spans(space: pymunk.Space) -> list[tuple[float, float]]:
    return sorted((shape.a.x, shape.b.x) for shape in space.shapes if isinstance(shape, pymunk.Segment)
                  and shape.body is space.static_body)


def test_ground_segments_cover_what_is_asked_once_each(shipped):
    ground = scenario(shipped).ground
    space = pymunk.Space()
    shapes = GroundShapes(space, ground, 0.5, 0.9, 3)
    assert _built_spans(space) == [] and shapes.left > shapes.right
    shapes.cover(500.0, 520.0)
    spans = _built_spans(space)
    assert spans[0][0] <= 500.0 - CHUNK_M and spans[-1][1] >= 520.0 + CHUNK_M
    assert all(right == left for (_, right), (left, _) in pairwise(spans)), "no gaps"
    assert shapes.left == spans[0][0] and shapes.right == spans[-1][1]
    assert len(spans) < len(ground.xs) - 1
    shapes.cover(505.0, 515.0)  # already covered: nothing added twice
    assert _built_spans(space) == spans
    shapes.cover(-1000.0, 10_000.0)
    every = list(pairwise(ground.xs))
    assert _built_spans(space) == every
    assert (shapes.left, shapes.right) == (-math.inf, math.inf)


def test_a_flight_builds_only_the_ground_near_the_lander_and_never_flies_over_a_gap(shipped):
    flight = Flight(scenario(shipped, start_altitude_m=30, start_velocity_m_s=[150, 0]))
    space = flight._space
    built = len(_built_spans(space))
    assert built < len(flight.scenario.ground.xs) - 1
    while not flight.finished:
        flight.step(PilotCommand(throttle=0.55, target_angle_rad=0.0))
        x, reach = flight.pose()[0], flight._reach
        spans = _built_spans(space)
        assert spans[0][0] <= x - reach or spans[0][0] == flight.scenario.ground.left
        assert spans[-1][1] >= x + reach or spans[-1][1] == flight.scenario.ground.right
    assert len(_built_spans(space)) > built, "flying sideways builds more ground ahead"
