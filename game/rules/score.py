"""The debrief's score: a simple formula a teacher can explain, written once here.

score = 100 per goal met + 1 per science point sent home + 0.1 per credit left (none when in debt)
        + 5 per day to spare when the level is won before its time limit.
"""

from __future__ import annotations

from dataclasses import dataclass

POINTS_PER_GOAL = 100.0
POINTS_PER_SCIENCE = 1.0
POINTS_PER_CREDIT = 0.1
POINTS_PER_SPARE_DAY = 5.0


@dataclass(frozen=True, slots=True)
class ScoreCard:
    goals_met: int
    goals_total: int
    science: float
    budget_left: float
    days: float
    won: bool
    points: int


def score(goals_met: int, goals_total: int, science: float, budget_left: float, days: float,
          time_limit_days: float, won: bool) -> ScoreCard:
    """Adds up the parts of the formula in the module docstring."""
    spare_days = max(0.0, time_limit_days - days) if won else 0.0
    points = (
        POINTS_PER_GOAL * goals_met
        + POINTS_PER_SCIENCE * science
        + POINTS_PER_CREDIT * max(0.0, budget_left)
        + POINTS_PER_SPARE_DAY * spare_days
    )
    return ScoreCard(goals_met, goals_total, science, budget_left, days, won, round(points))
