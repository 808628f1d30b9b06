"""What happened in a step, as one sentence for an on-screen notice (or None when not worth one)."""

from __future__ import annotations

from game.content.catalog import Catalog
from game.content.models import Level
from game.content.text import translate
from game.ecs import events


def _module_name(module_id: str, catalog: Catalog, language: str) -> str:
    spec = catalog.modules.get(module_id)
    return translate(spec.name, language) if spec else module_id


def _goal_text(goal_id: str, level: Level, language: str) -> str:
    return next((translate(goal.text, language) for goal in level.goals if goal.id == goal_id), goal_id)


def event_sentence(event: object, level: Level, catalog: Catalog, language: str) -> str | None:
    if isinstance(event, events.LevelEventFired):
        return event.text
    if isinstance(event, events.GoalMet):
        return f"Goal met: {_goal_text(event.goal, level, language)}"
    if isinstance(event, events.GoalFailed):
        return f"Goal failed: {_goal_text(event.goal, level, language)} ({event.reason})"
    if isinstance(event, events.ModuleFailed):
        return f"{_module_name(event.module, catalog, language)} has broken down."
    if isinstance(event, events.ModuleCompleted):
        return f"{_module_name(event.module, catalog, language)} is built and working."
    if isinstance(event, events.PowerLost):
        return f"Power lost: {event.modules} modules have shut down."
    if isinstance(event, events.CommandRefused):
        return event.reason
    if isinstance(event, events.LevelEnded):
        return event.reason
    return None
