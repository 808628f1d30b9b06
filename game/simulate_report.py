"""The summary `lunar-station simulate` prints, and the command files it reads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game.content.reading import UnreadableFile, read_json
from game.content.text import translate
from game.ecs.commands import Command, command_from_json
from game.ecs.events import CommandRefused, GameEvent, LandingResolved, LevelEnded, LevelEventFired
from game.simulation.simulation import Simulation

MAX_COMMAND_FILE_BYTES = 1024 * 1024


def load_commands(path: Path) -> list[tuple[int, Command]]:
    """Reads a JSON list of {"hour": H, "kind": ..., ...}; raises ValueError with a sentence on bad input."""
    try:
        data = read_json(path, MAX_COMMAND_FILE_BYTES)
    except UnreadableFile as error:
        where = f"{path}:{error.line}" if error.line else str(path)
        raise ValueError(f"{where}: the command file {error.reason}") from None
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON list of commands")
    commands = []
    for index, item in enumerate(data):
        if not isinstance(item, dict) or not isinstance(item.get("hour"), int) or item["hour"] < 0:
            raise ValueError(f"{path}: command [{index}] needs a whole-number 'hour' of 0 or more")
        fields = {key: value for key, value in item.items() if key != "hour"}
        try:
            commands.append((item["hour"], command_from_json(fields)))
        except ValueError as error:
            raise ValueError(f"{path}: command [{index}]: {error}") from None
    return commands


def summary(simulation: Simulation, events: Sequence[GameEvent]) -> dict[str, Any]:
    """What a teacher or a script wants to know about a finished run."""
    snapshot = simulation.snapshot()
    level = simulation.level
    ended = next((event for event in events if isinstance(event, LevelEnded)), None)
    fired = Counter(event.event for event in events if isinstance(event, LevelEventFired))
    return {
        "level": level.id,
        "title": translate(level.title),
        "seed": simulation.seed,
        "days": round(snapshot.day, 3),
        "outcome": snapshot.outcome,
        "outcome_reason": ended.reason if ended else None,
        "budget": round(snapshot.budget, 2),
        "funding_per_year": snapshot.funding_per_year,
        "energy_wh": round(snapshot.energy_wh, 1),
        "energy_capacity_wh": snapshot.energy_capacity_wh,
        "resources": {name: round(amount, 2) for name, amount in sorted(snapshot.resources.items())},
        "science": {name: round(points, 2) for name, points in sorted(snapshot.science.items())},
        "unsent_science": {name: round(points, 2) for name, points in sorted(snapshot.unsent_science.items())},
        "modules": dict(sorted(Counter(view.module_id for view in snapshot.modules).items())),
        "goals": [
            {"id": goal.id, "text": goal.text, "status": goal.status, "progress": round(goal.fraction, 3)}
            for goal in snapshot.goals
        ],
        "events": dict(sorted(fired.items())),
        "landings": dict(sorted(Counter(e.grade for e in events if isinstance(e, LandingResolved)).items())),
        "deliveries_on_the_way": len(snapshot.deliveries),
        "refused_commands": [event.reason for event in events if isinstance(event, CommandRefused)],
        "state_hash": simulation.state_hash(),
    }


def summary_text(report: dict[str, Any]) -> str:
    lines = [
        f"{report['title']}: {report['days']:g} days simulated (seed {report['seed']})",
        f"Outcome: {report['outcome']}" + (f" ({report['outcome_reason']})" if report["outcome_reason"] else ""),
        f"Budget: {report['budget']:,.0f} credits (funding {report['funding_per_year']:,.0f} a year)",
        f"Energy stored: {report['energy_wh']:,.0f} of {report['energy_capacity_wh']:,.0f} Wh",
        "Resources: " + (", ".join(f"{name} {amount:,.1f} kg" for name, amount in report["resources"].items())
                         or "none"),
        "Science sent home: " + (", ".join(f"{name.replace('_', ' ')} {points:.1f}"
                                           for name, points in report["science"].items()) or "none"),
        "Modules: " + ", ".join(f"{name} ×{count}" for name, count in report["modules"].items()),
        "Goals:",
    ]
    for goal in report["goals"]:
        lines.append(f"  [{goal['status']:>7}] {goal['text']} ({goal['progress']:.0%})")
    if report["events"]:
        lines.append("Events: " + ", ".join(f"{name} ×{count}" for name, count in report["events"].items()))
    if report["landings"] or report["deliveries_on_the_way"]:
        grades = ", ".join(f"{grade.replace('_', ' ')} ×{count}" for grade, count in report["landings"].items())
        on_the_way = report["deliveries_on_the_way"]
        lines.append(f"Landings: {grades or 'none yet'}; deliveries still on the way: {on_the_way}")
    for reason in report["refused_commands"]:
        lines.append(f"Refused: {reason}")
    lines.append(f"State hash: {report['state_hash']}")
    return "\n".join(lines)
