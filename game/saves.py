"""Saved games: versioned JSON (never pickle) holding the level, the seed and the commands so far.

A run is a pure function of (level, seed, commands), so a save stores those and loading replays them:
the restored state is exactly the saved one. Files are written atomically (temporary file, flush,
fsync, rename), and a save that cannot be read is never overwritten: it is moved aside first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.atomic_file import write_text_atomically
from game.content.catalog import Catalog
from game.content.message import Message, say
from game.content.models import Level
from game.ecs.commands import Command, command_from_json, command_to_json
from game.ecs.events import GameEvent
from game.simulation.simulation import Simulation

SAVE_FORMAT = 1
MAX_SAVE_BYTES = 16 * 1024 * 1024


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
            if not isinstance(hour, int) or hour < 0:
                raise ValueError("a command has no valid hour")
            commands.append((hour, command_from_json(fields)))
        return SaveGame(
            level_id=str(data["level"]),
            level_fingerprint=str(data["level_fingerprint"]),
            seed=int(data["seed"]),
            hour=int(data["hour"]),
            commands=tuple(commands),
            saved_at=str(data.get("saved_at", "")),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise SaveError(say("the save '{file}' is damaged and cannot be loaded ({error}); the file is kept as it is",
                            file=where, error=str(error))) from None


def write_save(save: SaveGame, path: Path) -> Path:
    """Writes atomically. An unreadable file already at `path` is first moved aside, never overwritten."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        try:
            read_save(path)
        except SaveError:
            _move_aside(path)
    write_text_atomically(path, json.dumps(to_json(save), indent=1, ensure_ascii=False))
    return path


def read_save(path: Path) -> SaveGame:
    where = path.name
    try:
        if path.stat().st_size > MAX_SAVE_BYTES:
            raise SaveError(say("the save '{file}' is too large to be a Lunar Station save", file=where))
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SaveError(say("the save '{file}' does not exist", file=where)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise SaveError(say("the save '{file}' cannot be read ({error})", file=where, error=str(error))) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SaveError(say("the save '{file}' is damaged (line {line}: {error}); the file is kept as it is",
                            file=where, line=error.lineno, error=error.msg)) from None
    return from_json(data, where)


def restore(
    save: SaveGame, level: Level, catalog: Catalog, on_event: Callable[[int, GameEvent], None] | None = None
) -> Simulation:
    """Replays the save's commands on the level; refuses a save made for another level or level version.

    `on_event(hour, event)` hears every event of the replay, so a screen can show the run's story so far.
    """
    if save.level_id != level.id:
        raise SaveError(say("this save belongs to the level '{saved}', not '{level}'", saved=save.level_id,
                            level=level.id))
    if save.level_fingerprint != level_fingerprint(level):
        raise SaveError(say("the level '{level}' has changed since this save was made, so it cannot be replayed",
                            level=level.id))
    simulation = Simulation(level, catalog, save.seed)
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


def _move_aside(path: Path) -> Path:
    for number in range(1, 1000):
        aside = path.with_name(f"{path.stem}.unreadable-{number}{path.suffix}")
        if not aside.exists():
            path.rename(aside)
            return aside
    raise SaveError(say("too many unreadable copies of '{file}' are kept; remove some", file=path.name))
