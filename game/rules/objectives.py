"""How far each of a level's goals has come, and whether the level is won or lost. Pure functions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from game.content.models import PARTNER_GOAL_KINDS, Goal
from game.rules.hours import HOURS_PER_DAY

PENDING, MET, FAILED = "pending", "met", "failed"


@dataclass(frozen=True, slots=True)
class Progress:
    """What the goals are measured against at one hour of a run."""

    hour: int
    built: Mapping[str, int]
    science: Mapping[str, float]
    resources: Mapping[str, float]
    powered_streak_hours: int
    crewed_streak_hours: int
    crew: int
    lowest_budget: float
    # Diplomacy, for the goals about partners (empty in a level without partners).
    members: frozenset[str] = frozenset()  # partners that are members of the programme
    trust: Mapping[str, float] = field(default_factory=dict)  # every partner's trust, 0 to 100
    agreements: tuple[SignedAgreement, ...] = ()
    promises_kept: Mapping[str, int] = field(default_factory=dict)  # the player's promises kept, per partner
    events_fired: Mapping[str, int] = field(default_factory=dict)  # how often each level event has fired


@dataclass(frozen=True, slots=True)
class SignedAgreement:
    """What a goal needs to know of one signed agreement: with whom, its terms, and its state."""

    partner: str
    terms: tuple[str, ...]  # PartnerTerm names: funding, module, data_share, ...
    state: str  # active, kept, broken, defaulted


def goal_fraction(goal: Goal, progress: Progress) -> float:
    """How far along the goal is, from 0 to 1 (1 means met)."""
    if goal.kind == "build":
        return progress.built.get(goal.module or "", 0) / goal.count
    if goal.kind == "science":
        reached = progress.science.get(goal.domain, 0.0) if goal.domain else sum(progress.science.values())
        return reached / (goal.points or 1.0)
    if goal.kind == "sustain_crew":
        if progress.crew < (goal.crew or 0):
            return 0.0
        return progress.crewed_streak_hours / ((goal.days or 1.0) * HOURS_PER_DAY)
    if goal.kind == "keep_power":
        return progress.powered_streak_hours / ((goal.days or 1.0) * HOURS_PER_DAY)
    if goal.kind == "stockpile":
        return progress.resources.get(goal.resource or "", 0.0) / (goal.amount or 1.0)
    if goal.kind in PARTNER_GOAL_KINDS:
        return _partner_fraction(goal, progress)
    if goal.kind == "event":
        return progress.events_fired.get(goal.event or "", 0) / goal.count
    return 1.0 if progress.lowest_budget >= 0 else 0.0  # stay_in_budget


def _partner_fraction(goal: Goal, progress: Progress) -> float:
    """Goals about partners: members, agreements signed, trust reached, promises kept."""
    if goal.kind == "partners":
        return len(progress.members) / goal.count
    if goal.kind == "agreements":
        signed = [
            agreement for agreement in progress.agreements
            if goal.partner in (None, agreement.partner) and goal.term in (None, *agreement.terms)
        ]
        return len(signed) / goal.count
    if goal.kind == "trust":
        wanted = goal.min_trust or 0.0
        if goal.partner is not None:
            reached = progress.trust.get(goal.partner, 0.0)
            return 1.0 if reached >= wanted else reached / max(wanted, 1.0)
        # Without a partner: `count` members must each trust the programme this much.
        trusting = sum(1 for member in progress.members if progress.trust.get(member, 0.0) >= wanted)
        return trusting / goal.count
    kept = progress.promises_kept  # promises_kept
    return (kept.get(goal.partner, 0) if goal.partner is not None else sum(kept.values())) / goal.count


def goal_status(goal: Goal, progress: Progress, previous: str) -> str:
    """Met goals stay met; a deadline passed or a budget overdrawn fails a goal for good."""
    if previous != PENDING:
        return previous
    if goal.kind == "stay_in_budget":
        return FAILED if progress.lowest_budget < 0 else PENDING
    if goal_fraction(goal, progress) >= 1.0:
        return MET
    if goal.by_day is not None and progress.hour >= goal.by_day * HOURS_PER_DAY:
        return FAILED
    return PENDING


def level_outcome(goals: Sequence[Goal], statuses: Mapping[str, str], hour: int, time_limit_days: float) -> str | None:
    """'won', 'lost', or None while the level goes on.

    A level is won when every goal is met; 'stay in budget' goals count as met once all the others are.
    """
    if any(statuses[goal.id] == FAILED for goal in goals):
        return "lost"
    others = [goal for goal in goals if goal.kind != "stay_in_budget"]
    if all(statuses[goal.id] == MET for goal in others):
        return "won"
    if hour >= time_limit_days * HOURS_PER_DAY:
        return "lost"
    return None
