"""Saving and resuming a level from the station screen: quick saves, autosaves, and the newest one to continue."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from game import paths
from game.content.catalog import Catalog
from game.content.loader import LoadedLevel, load_game_content
from game.content.message import say
from game.content.models import Level
from game.ecs.events import GameEvent
from game.saves import SaveError, capture, read_save, restore, write_save
from game.simulation.simulation import Simulation

AUTOSAVE_SUFFIX = "-autosave"


def save_path(level_id: str, autosave: bool = False) -> Path:
    """One quick save and one autosave per level, in the user's saves folder."""
    return paths.user_saves_dir() / f"{level_id}{AUTOSAVE_SUFFIX if autosave else ''}.json"


def write_station_save(simulation: Simulation, autosave: bool = False) -> Path:
    """Writes the run; a damaged file already there is moved aside by game.saves, never overwritten."""
    path = write_save(capture(simulation), save_path(simulation.level.id, autosave))
    if not autosave:
        simulation.has_unsaved_progress = False
    return path


def newest_save(level_id: str) -> Path | None:
    """The newer of the level's quick save and autosave, or None when it has neither."""
    found = [path for path in (save_path(level_id), save_path(level_id, autosave=True)) if path.is_file()]
    return max(found, key=lambda path: path.stat().st_mtime_ns) if found else None


def load_station_save(
    path: Path, level: Level, catalog: Catalog, on_event: Callable[[int, GameEvent], None] | None = None
) -> Simulation:
    """The run as it was saved; raises SaveError with a sentence for the player when it cannot be used."""
    save = read_save(path)
    simulation = restore(save, level, catalog, on_event)
    # Commands given in the saved hour had not run yet when the save was made: they wait for the next step.
    if len(simulation.command_log) < len(save.commands):
        for hour, command in save.commands[len(simulation.command_log):]:
            if hour == save.hour:
                simulation.queue(command)
    simulation.has_unsaved_progress = False
    return simulation


def find_level(level_id: str, mod_folders: Sequence[Path] | None) -> LoadedLevel:
    """The playable level a save belongs to, among the game's levels and the player's mods."""
    for folder in load_game_content(mod_folders):
        for loaded in folder.levels:
            if loaded.ok and loaded.level is not None and loaded.level.id == level_id:
                return loaded
    raise SaveError(say("the level '{level}' of this save is not installed, or has problems that stop it loading",
                        level=level_id))


__all__ = ["SaveError", "find_level", "load_station_save", "newest_save", "save_path", "write_station_save"]
