"""Saved games: versioned JSON (never pickle) holding the level, the seed and the commands so far.

A run is a pure function of (level, seed, commands), so a save stores those and loading replays them:
the restored state is exactly the saved one. Files are written atomically (temporary file, flush,
fsync, rename), and a save that cannot be continued is never overwritten: it is moved aside first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.atomic_file import move_aside, write_text_atomically
from game.content.catalog import Catalog
from game.content.difficulty import DEFAULT_PRESET, PRESETS, with_difficulty
from game.content.message import Message, say
from game.content.models import MAX_DAYS, MAX_SEED, Level
from game.content.reading import UnreadableFile, read_json
from game.ecs.commands import Command, command_from_json, command_to_json
from game.ecs.events import GameEvent
from game.rules.hours import HOURS_PER_DAY
from game.simulation.simulation import Simulation

SAVE_FORMAT = 1
MAX_SAVE_BYTES = 16 * 1024 * 1024
# No save is later than the longest level lasts (the level format's time_limit_days).
MAX_SAVE_HOUR = round(MAX_DAYS * HOURS_PER_DAY)


class SaveError(Exception):
    """A save that cannot be used; `message` is a sentence for the player, made with say(), so a screen shows it
    in the player's language (tr() translates an error passed as a value through its message)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class SaveGame:
    level_id: str
    level_fingerprint: str
    seed: int
    hour: int
    commands: tuple[tuple[int, Command], ...]
    saved_at: str
    difficulty: str = DEFAULT_PRESET  # saves from before the presets were played as written: Standard


def level_fingerprint(level: Level) -> str:
    """Changes whenever the level's content changes, so a save made on another version is noticed."""
    return hashlib.sha256(level.model_dump_json().encode()).hexdigest()[:16]


def capture(simulation: Simulation) -> SaveGame:
    return SaveGame(
        level_id=simulation.level.id,
        level_fingerprint=level_fingerprint(simulation.level),
        seed=simulation.seed,
        hour=simulation.hour,
        commands=tuple(simulation.command_log),
        saved_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        difficulty=simulation.difficulty,
    )


def to_json(save: SaveGame) -> dict[str, Any]:
    return {
        "format": SAVE_FORMAT,
        "level": save.level_id,
        "level_fingerprint": save.level_fingerprint,
        "seed": save.seed,
        "hour": save.hour,
        "commands": [{"hour": hour, **command_to_json(command)} for hour, command in save.commands],
        "saved_at": save.saved_at,
        "difficulty": save.difficulty,
    }


def from_json(data: Any, where: str) -> SaveGame:
    """The save in `data`; `where` is the file's name, as the sentences of a SaveError name it."""
    if not isinstance(data, dict):
        raise SaveError(say("the save '{file}' is not a Lunar Station save", file=where))
    version = data.get("format")
    if not isinstance(version, int):
        raise SaveError(say("the save '{file}' is not a Lunar Station save (it has no format number)", file=where))
    if version > SAVE_FORMAT:
        raise SaveError(say("the save '{file}' was saved by a newer version of the game (save format {version}); "
                            "update the game", file=where, version=version))
    if version < SAVE_FORMAT:
        raise SaveError(say("the save '{file}' was saved by an older version of the game (save format {version}) "
                            "and cannot be loaded; the file is kept as it is", file=where, version=version))
    try:
        commands = []
        for item in data["commands"]:
            fields = dict(item)
            hour = fields.pop("hour")
            if not _whole(hour) or hour < 0:
                raise ValueError("a command has no valid hour")
            commands.append((hour, command_from_json(fields)))
        seed, hour = data["seed"], data["hour"]
        if not _whole(seed) or not 0 <= seed <= MAX_SEED:
            raise ValueError(f"its seed must be a whole number from 0 to {MAX_SEED}")
        if not _whole(hour) or not 0 <= hour <= MAX_SAVE_HOUR:
            raise ValueError(f"its hour must be a whole number from 0 to {MAX_SAVE_HOUR}")
        difficulty = data.get("difficulty", DEFAULT_PRESET)
        if difficulty not in PRESETS:
            raise ValueError(f"its difficulty must be one of {', '.join(PRESETS)}")
        return SaveGame(
            difficulty=difficulty,
            level_id=str(data["level"]),
            level_fingerprint=str(data["level_fingerprint"]),
            seed=seed,
            hour=hour,
            commands=tuple(commands),
            saved_at=str(data.get("saved_at", "")),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise SaveError(say("the save '{file}' is damaged and cannot be loaded ({error}); the file is kept as it is",
                            file=where, error=str(error))) from None


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def write_save(save: SaveGame, path: Path) -> Path:
    """Writes atomically. A file already at `path` that is not an earlier save of the same level, as it is now,
    is first moved aside under a name that says why (slot.damaged-1.json, slot.level-changed-1.json), so a
    save that cannot be continued today is never destroyed by the next one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() or path.is_symlink():
        why = None
        try:
            old = read_save(path)
        except SaveError:
            why = "damaged"
        else:
            if old.level_id != save.level_id:
                why = "other-level"
            elif old.level_fingerprint != save.level_fingerprint:
                why = "level-changed"
        if why is not None:
            move_aside(path, why)
    write_text_atomically(path, json.dumps(to_json(save), indent=1, ensure_ascii=False))
    return path


def read_save(path: Path) -> SaveGame:
    where = path.name
    try:
        data = read_json(path, MAX_SAVE_BYTES)
    except UnreadableFile as error:
        if error.kind == "missing":
            raise SaveError(say("the save '{file}' does not exist", file=where)) from None
        raise SaveError(say("the save '{file}' {reason}; the file is kept as it is", file=where,
                            reason=error.reason)) from None
    return from_json(data, where)


def restore(
    save: SaveGame, level: Level, catalog: Catalog, on_event: Callable[[int, GameEvent], None] | None = None
) -> Simulation:
    """Replays the save's commands on the level; refuses a save made for another level or level version.

    `on_event(hour, event)` hears every event of the replay, so a screen can show the run's story so far.
    """
    level, catalog = with_difficulty(level, catalog, save.difficulty)  # the figures the run was played with
    if save.level_id != level.id:
        raise SaveError(say("this save belongs to the level '{saved}', not '{level}'", saved=save.level_id,
                            level=level.id))
    if save.level_fingerprint != level_fingerprint(level):
        raise SaveError(say("the level '{level}' has changed since this save was made, so it cannot be replayed",
                            level=level.id))
    last_hour = math.ceil(level.time_limit_days * HOURS_PER_DAY)
    if save.hour > last_hour:
        raise SaveError(say("this save is at hour {hour}, past the end of the level '{level}' (hour {end}), so it "
                            "cannot be replayed", hour=save.hour, level=level.id, end=last_hour))
    simulation = Simulation(level, catalog, save.seed, save.difficulty)
    if on_event is None:
        simulation.run_hours(save.hour, save.commands)
    else:
        by_hour: dict[int, list[tuple[int, Command]]] = {}
        for hour, command in save.commands:
            by_hour.setdefault(hour, []).append((hour, command))
        for _ in range(save.hour):
            hour = simulation.hour
            for event in simulation.run_hours(1, by_hour.get(hour, [])):
                on_event(hour, event)
    # Commands given in the saved hour had not run yet when the save was made: they wait for the next step.
    for hour, command in save.commands[len(simulation.command_log):]:
        if hour == save.hour:
            simulation.queue(command)
    simulation.has_unsaved_progress = False
    return simulation
