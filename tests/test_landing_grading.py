"""Touchdown grades, table-driven: the thresholds live in data and decide the cargo's fate."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from game.content.models import LandingGrading
from game.landing.grading import Touchdown, grade_touchdown

GRADING = LandingGrading.model_validate({
    "perfect": {"vertical_speed_m_s": 1.0, "horizontal_speed_m_s": 0.5, "tilt_deg": 5, "distance_m": 10,
                "propellant_left": 0.05},
    "good": {"vertical_speed_m_s": 2.0, "horizontal_speed_m_s": 1.0, "tilt_deg": 10, "distance_m": 30},
    "hard": {"vertical_speed_m_s": 4.0, "horizontal_speed_m_s": 2.0, "tilt_deg": 20},
    "hard_damage_least": 0.1,
    "hard_damage_most": 0.5,
    "haul_cost_per_km": 20,
})


def touchdown(vertical=0.5, horizontal=0.1, tilt=1.0, distance=2.0, propellant=0.5) -> Touchdown:
    return Touchdown(vertical, horizontal, tilt, distance, propellant)


@pytest.mark.parametrize(
    ("case", "expected", "damage", "haul_cost", "says"),
    [
        (touchdown(), "perfect", 0.0, 0.0, "perfect"),
        (touchdown(vertical=1.5), "good", 0.0, 0.0, "Came down at 1.5\xa0m/s"),
        (touchdown(tilt=7), "good", 0.0, 0.0, "Leaned 7°"),
        (touchdown(distance=20), "good", 0.0, 0.0, "20\xa0m from the target"),
        (touchdown(propellant=0.01), "good", 0.0, 0.0, "1% of the propellant"),
        (touchdown(vertical=2.0), "good", 0.0, 0.0, "2.0\xa0m/s"),
        # Past 'good', damage grows from the least share to the most, with the worst measure.
        (touchdown(vertical=3.0), "hard", 0.3, 0.0, "a good landing stays within 2\xa0m/s"),
        (touchdown(vertical=4.0), "hard", 0.5, 0.0, "Came down at 4.0\xa0m/s"),
        (touchdown(horizontal=1.25, tilt=12.0), "hard", 0.2, 0.0, "Slid sideways at 1.2\xa0m/s"),
        (touchdown(vertical=2.0001), "hard", 0.1, 0.0, "Came down"),
        (touchdown(vertical=4.01), "crash", 1.0, 0.0, "the legs take 4\xa0m/s"),
        (touchdown(horizontal=2.5), "crash", 1.0, 0.0, "Slid sideways at 2.5\xa0m/s"),
        (touchdown(tilt=35.0), "crash", 1.0, 0.0, "Leaned 35°"),
        (touchdown(distance=500.0), "off_target", 0.0, 10.0, "hauling the cargo there costs 10.0 credits"),
        (touchdown(distance=500.0, vertical=3.0), "hard", 0.3, 10.0, "500\xa0m from the target"),
    ],
)
def test_grades_follow_the_thresholds(case, expected, damage, haul_cost, says):
    grade = grade_touchdown(case, GRADING)
    assert grade.name == expected
    assert grade.cargo_damage == pytest.approx(damage)
    assert grade.haul_cost == pytest.approx(haul_cost)
    assert any(says in reason for reason in grade.reasons), grade.reasons
    assert grade.cargo_delivered == (expected != "crash")


def test_a_larger_target_assist_widens_the_distances():
    far = touchdown(distance=50.0)
    assert grade_touchdown(far, GRADING).name == "off_target"
    assert grade_touchdown(far, GRADING, target_scale=2.0).name == "good"
    assert grade_touchdown(touchdown(distance=15.0), GRADING, target_scale=2.0).name == "perfect"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"perfect": {"vertical_speed_m_s": 3.0, "horizontal_speed_m_s": 0.5, "tilt_deg": 5}},
         "'perfect.vertical_speed_m_s' must not be looser than 'good.vertical_speed_m_s'"),
        ({"hard_damage_least": 0.9}, "'hard_damage_least' must not be more than 'hard_damage_most'"),
    ],
)
def test_grading_tables_that_contradict_themselves_are_refused(change, message):
    with pytest.raises(ValidationError, match=message):
        LandingGrading.model_validate({**GRADING.model_dump(), **change})


def test_every_shipped_lander_grades_from_data():
    from game.content.loader import load_base_catalog

    catalog, problems = load_base_catalog()
    assert not problems
    assert catalog.landers, "the catalog ships landers"
    for lander in catalog.landers.values():
        assert grade_touchdown(touchdown(), lander.grading).name == "perfect"
        assert set(lander.figures) <= set(lander.SHOWN_FIGURES)
