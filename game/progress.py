"""The player's campaign progress: finished levels with their best score, and the facts met in play.

A small JSON file in the user data folder, written atomically. A damaged file never stops the game:
it is moved aside (kept as progress.damaged-1.json, say, for a teacher to look at) and the player gets one sentence.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game import paths
from game.atomic_file import move_aside, write_text_atomically
from game.content.message import Message, say
from game.content.reading import UnreadableFile, read_json_any_encoding

PROGRESS_FILE = "progress.json"
PROGRESS_FORMAT = 1
MAX_PROGRESS_BYTES = 4 * 1024 * 1024


@dataclass(slots=True)
class Progress:
    """Which levels are finished (level id -> best score) and which fact ids the player has met.

    `warning` is a sentence for the player (shown with tr()) when the file could not be used as it was; it is not
    saved.
    """

    completed: dict[str, int] = field(default_factory=dict)
    facts_seen: set[str] = field(default_factory=set)
    warning: Message | None = None

    def best_score(self, level_id: str) -> int | None:
        return self.completed.get(level_id)


def progress_path() -> Path:
    return paths.player_data_dir() / PROGRESS_FILE


class DamagedProgress(ValueError):
    """What is wrong with a progress file: a clause for the player, made with say()."""

    def __init__(self, reason: Message, kind: str = "damaged") -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind


def _parse(data: Any) -> Progress:
    """The progress in `data`, or DamagedProgress saying what is wrong with it."""
    if not isinstance(data, dict):
        raise DamagedProgress(say("the file must hold one JSON object"))
    version = data.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise DamagedProgress(say("it has no format number"))
    if version > PROGRESS_FORMAT:
        raise DamagedProgress(say("it was written by a newer version of the game (format {version})", version=version),
                              "newer-version")
    completed = data.get("completed", {})
    if not isinstance(completed, dict) or not all(
        isinstance(key, str) and isinstance(value, int) and not isinstance(value, bool)
        for key, value in completed.items()
    ):
        raise DamagedProgress(say("'completed' must map level ids to whole-number scores"))
    facts = data.get("facts_seen", [])
    if not isinstance(facts, list) or not all(isinstance(fact, str) for fact in facts):
        raise DamagedProgress(say("'facts_seen' must be a list of fact ids"))
    return Progress(completed=dict(completed), facts_seen=set(facts))


def _read(path: Path) -> Progress:
    """The progress in the file at `path`; UnreadableFile (kind 'missing' when there is none) otherwise."""
    data, legacy = read_json_any_encoding(path, MAX_PROGRESS_BYTES)
    try:
        progress = _parse(data)
    except DamagedProgress as error:
        raise UnreadableFile(say("cannot be used: {reason}", reason=error.reason), error.kind) from None
    if legacy:  # all of it was read: load_progress saves it again as UTF-8
        progress.warning = say("Your campaign progress file {file} was not saved as UTF-8, so it was read in this "
                               "computer's older Windows encoding ({encoding}) and saved again as UTF-8.",
                               file=path.name, encoding=legacy)
    return progress


def load_progress(path: Path | None = None) -> Progress:
    """The saved progress; a missing file is a fresh start, one that cannot be used a fresh start with a
    warning, the file kept moved aside under a name that says why (progress.damaged-1.json). One saved in the older
    Windows encoding is read whole and saved again as UTF-8, with a warning that says so."""
    path = path or progress_path()
    try:
        progress = _read(path)
    except UnreadableFile as error:
        if error.kind == "missing":
            return Progress()
        try:
            kept = move_aside(path, error.kind.replace("_", "-")).name
        except OSError:
            kept = path.name  # then save_progress will not write over it either
        return Progress(
            warning=say("Your campaign progress file {file} {reason}, so the campaign starts afresh; "
                        "the old file was kept as {kept}.", file=path.name, reason=error.reason, kept=kept)
        )
    if progress.warning is not None:
        # Read whole from the older Windows encoding: saved as UTF-8 at once, so that the warning is given once,
        # not every time the progress is read.
        with contextlib.suppress(OSError):  # a read-only folder: read the same way next time, nothing lost
            save_progress(progress, path)
    return progress


def save_progress(progress: Progress, path: Path | None = None) -> None:
    """Writes atomically: a crash mid-write leaves the old file whole; a file that cannot be read is moved aside
    first, never written over."""
    path = path or progress_path()
    if path.exists() or path.is_symlink():
        try:
            _read(path)
        except UnreadableFile as error:
            move_aside(path, error.kind.replace("_", "-"))
    data = {
        "format": PROGRESS_FORMAT,
        "completed": dict(sorted(progress.completed.items())),
        "facts_seen": sorted(progress.facts_seen),
    }
    write_text_atomically(path, json.dumps(data, indent=2) + "\n")


def mark_completed(level_id: str, score: int, path: Path | None = None) -> None:
    """Records a won level; only a better score replaces the best one kept."""
    progress = load_progress(path)
    best = progress.completed.get(level_id)
    if best is None or score > best:
        progress.completed[level_id] = int(score)
    save_progress(progress, path)


def mark_fact_seen(fact_id: str, path: Path | None = None) -> None:
    """Records that the player met a fact in play, so the encyclopedia can mark it as met."""
    progress = load_progress(path)
    if fact_id not in progress.facts_seen:
        progress.facts_seen.add(fact_id)
        save_progress(progress, path)


def unlocked_count(campaign_ids: Sequence[str], progress: Progress, unlock_all: bool = False) -> int:
    """How many campaign levels, in order, may be played: the first always, each next one once the
    one before it is finished; every one of them in teacher mode (`unlock_all`)."""
    if unlock_all:
        return len(campaign_ids)
    count = min(1, len(campaign_ids))
    for level_id in campaign_ids[:-1]:
        if level_id not in progress.completed:
            break
        count += 1
    return count


def is_unlocked(level_id: str, campaign_ids: Sequence[str], progress: Progress, unlock_all: bool = False) -> bool:
    """Whether `level_id` may be played; a level outside the campaign (sandbox, mods) always may."""
    if level_id not in campaign_ids:
        return True
    return campaign_ids.index(level_id) < unlocked_count(campaign_ids, progress, unlock_all)

