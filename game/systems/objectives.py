"""Objectives: measures the level's goals after every step and ends the level when they are settled."""

from __future__ import annotations

import esper

from game.content.text import translate
from game.ecs.components import Module
from game.ecs.context import SimContext
from game.ecs.events import GoalFailed, GoalMet, LevelEnded
from game.rules.objectives import FAILED, MET, PENDING, Progress, goal_status, level_outcome
from game.systems.base import System
from game.systems.status import is_finished


class ObjectiveSystem(System):
    def __init__(self, ctx: SimContext):
        super().__init__(ctx)
        for goal in ctx.level.goals:
            ctx.station.goals.setdefault(goal.id, PENDING)

    def process(self) -> None:
        ctx = self.ctx
        station = ctx.station
        progress = measure(ctx)
        for goal in ctx.level.goals:
            before = station.goals[goal.id]
            after = goal_status(goal, progress, before)
            if after != before:
                station.goals[goal.id] = after
                if after == MET:
                    ctx.emit(GoalMet(goal.id))
                elif after == FAILED:
                    ctx.emit(GoalFailed(goal.id, translate(goal.text)))
        outcome = level_outcome(ctx.level.goals, station.goals, progress.hour, ctx.level.time_limit_days)
        if outcome is not None:
            if outcome == "won":
                for goal in ctx.level.goals:
                    if station.goals[goal.id] == PENDING:
                        station.goals[goal.id] = MET
                        ctx.emit(GoalMet(goal.id))
            station.outcome = outcome
            ctx.emit(LevelEnded(outcome == "won", _reason(ctx, outcome)))


def measure(ctx: SimContext) -> Progress:
    station = ctx.station
    built: dict[str, int] = {}
    for entity, module in esper.get_component(Module):
        if is_finished(entity):
            built[module.spec.id] = built.get(module.spec.id, 0) + 1
    return Progress(
        hour=station.hour + 1,  # measured at the end of the step
        built=built,
        science=station.science,
        resources=station.resources,
        powered_streak_hours=station.powered_streak_hours,
        crewed_streak_hours=station.crewed_streak_hours,
        crew=station.crew,
        lowest_budget=station.lowest_budget,
    )


def _reason(ctx: SimContext, outcome: str) -> str:
    if outcome == "won":
        return "every goal is met"
    failed = [goal for goal in ctx.level.goals if ctx.station.goals[goal.id] == FAILED]
    if failed:
        return f"a goal failed: {translate(failed[0].text)}"
    return f"time ran out after {ctx.level.time_limit_days:g} days"
