"""Objectives: measures the level's goals after every step and ends the level when they are settled."""

from __future__ import annotations

from typing import Any

import esper

from game.content.message import Message, level_text, say, say_n
from game.content.models import PARTNER_GOAL_KINDS
from game.ecs.components import Agreement, Partner
from game.ecs.events import GoalFailed, GoalMet, LevelEnded
from game.ecs.resources import SimContext
from game.ecs.working_set import working_set
from game.rules.hours import HOURS_PER_DAY
from game.rules.objectives import (
    FAILED,
    MET,
    PENDING,
    Progress,
    SignedAgreement,
    goal_status,
    level_outcome,
)
from game.systems.base import System


class ObjectiveSystem(System):
    def __init__(self, ctx: SimContext):
        super().__init__(ctx)
        for goal in ctx.level.goals:
            ctx.station.goals.setdefault(goal.id, PENDING)
        self._limit_hours = ctx.level.time_limit_days * HOURS_PER_DAY
        self._first = True  # a level may be settled from its first hour (all goals met at the start)

    def process(self) -> None:
        ctx = self.ctx
        station = ctx.station
        progress = measure(ctx)
        changed = False
        for goal in ctx.level.goals:
            before = station.goals[goal.id]
            if before != PENDING:
                continue  # settled for good
            after = goal_status(goal, progress, before)
            if after != before:
                changed = True
                station.goals[goal.id] = after
                if after == MET:
                    ctx.emit(GoalMet(goal.id))
                elif after == FAILED:
                    ctx.emit(GoalFailed(goal.id, level_text(goal.text)))
        # The outcome moves only when a goal settles or the time runs out.
        if not changed and progress.hour < self._limit_hours and not self._first:
            return
        self._first = False
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
    return Progress(
        hour=station.hour + 1,  # measured at the end of the step
        built=working_set(ctx).built,
        science=station.science,
        resources=station.resources,
        powered_streak_hours=station.powered_streak_hours,
        crewed_streak_hours=station.crewed_streak_hours,
        crew=station.crew,
        lowest_budget=station.lowest_budget,
        events_fired=station.events_fired,
        **(_diplomacy(ctx) if any(goal.kind in PARTNER_GOAL_KINDS for goal in ctx.level.goals) else {}),
    )


def _diplomacy(ctx: SimContext) -> dict[str, Any]:
    """Members, trust, agreements and kept promises, read from the partner components for the partner goals."""
    partners = [partner for _, partner in esper.get_component(Partner)]
    agreements = [agreement for _, agreement in sorted(esper.get_component(Agreement), key=lambda pair: pair[1].number)]
    kept: dict[str, int] = {}
    for agreement in agreements:
        promises = [item for item in agreement.deliverables if item.owed_by == "player" and item.state == "met"]
        kept[agreement.partner] = kept.get(agreement.partner, 0) + len(promises)
    return {
        "members": frozenset(partner.spec.id for partner in partners if partner.member),
        "trust": {partner.spec.id: partner.trust for partner in partners},
        "agreements": tuple(SignedAgreement(agreement.partner, agreement.offer.terms(), agreement.state)
                            for agreement in agreements),
        "promises_kept": kept,
    }


def _reason(ctx: SimContext, outcome: str) -> Message:
    if outcome == "won":
        return say("every goal is met")
    failed = [goal for goal in ctx.level.goals if ctx.station.goals[goal.id] == FAILED]
    if failed:
        return say("a goal failed: {goal}", goal=failed[0].text)
    return say_n("time ran out after {count:g} day", "time ran out after {count:g} days", ctx.level.time_limit_days)
