"""The HUD's derived instruments: thrust-to-weight, Δv left, the braking marker, the impact point."""

from __future__ import annotations

import math

import pytest

from game.landing.instruments import (
    braking_height,
    delta_v_left,
    predicted_impact_x,
    should_start_braking,
    thrust_to_weight,
)
from game.landing.pilot import Observation
from game.landing.terrain import Ground

SEEN = Observation(
    time_s=0.0, x_m=100.0, y_m=205.0, altitude_m=200.0, vx_m_s=10.0, vy_m_s=-20.0, angle_rad=0.0,
    angular_velocity_rad_s=0.0, mass_kg=2000.0, propellant_kg=500.0, target_x_m=300.0, gravity_m_s2=1.622,
    min_thrust_n=1500.0, max_thrust_n=7500.0, exhaust_velocity_m_s=3000.0, max_angular_acceleration_rad_s2=0.5,
    legs_touching=0,
)
FLAT = Ground((0.0, 1000.0), (0.0, 0.0), 300.0, (280.0, 320.0))


def test_thrust_to_weight_and_delta_v_follow_their_formulas():
    assert thrust_to_weight(SEEN) == pytest.approx(7500 / (2000 * 1.622))
    assert delta_v_left(SEEN) == pytest.approx(3000 * math.log(2000 / 1500))
    assert delta_v_left(SEEN._replace(propellant_kg=0.0)) == 0.0


def test_the_braking_marker_lights_when_the_height_left_is_just_enough():
    deceleration = 7500 / 2000 - 1.622
    assert braking_height(SEEN) == pytest.approx(400 / (2 * deceleration))
    assert braking_height(SEEN._replace(vy_m_s=3.0)) == 0.0
    assert braking_height(SEEN._replace(gravity_m_s2=9.81)) == math.inf
    assert not should_start_braking(SEEN)
    assert should_start_braking(SEEN._replace(altitude_m=80.0))


def test_the_impact_point_is_where_a_free_fall_meets_the_ground():
    # 200 m down from -20 m/s: ½·g·t² + 20·t = 200.
    fall = (-20 + math.sqrt(400 + 2 * 1.622 * 200)) / 1.622
    assert predicted_impact_x(SEEN, FLAT) == pytest.approx(100 + 10 * fall, abs=10 * 0.05)
    assert predicted_impact_x(SEEN._replace(vx_m_s=200.0), FLAT) is None  # past the zone's end
