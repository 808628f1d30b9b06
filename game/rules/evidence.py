"""Which learning objectives a finished run showed, from the goals it met and the quiz questions it answered right.

An objective with its own `[[evidence]]` is shown when every goal it names is met and every quiz question it
names is answered right. One without is shown as a level's objectives were before evidence was written per
objective: the level won with every goal met, or the whole quiz answered right.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from game.content.models import Level


def objectives_shown(level: Level, goal_status: Mapping[str, str], quiz_right: Sequence[bool],
                     won: bool) -> tuple[bool, ...]:
    """One flag per learning objective, in the level's order."""
    whole_level = (won and bool(goal_status) and all(status == "met" for status in goal_status.values())) or (
        bool(quiz_right) and all(quiz_right))
    by_objective = {evidence.objective: evidence for evidence in level.evidence}
    shown = []
    for number in range(1, len(level.learning_objectives) + 1):
        evidence = by_objective.get(number)
        if evidence is None:
            shown.append(whole_level)
            continue
        goals_met = all(goal_status.get(goal) == "met" for goal in evidence.goals)
        answered = all(question <= len(quiz_right) and quiz_right[question - 1] for question in evidence.quiz)
        shown.append(goals_met and answered)
    return tuple(shown)
