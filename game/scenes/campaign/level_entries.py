"""The level list's rows: campaign levels in order, then the rest, with broken files shown as broken."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.content.loader import ContentFolder, LoadedLevel
from game.content.message import say_n
from game.content.problems import Problem
from game.content.text import translate
from game.content.ui_text import ENGLISH, Translate
from game.progress import Progress, unlocked_count
from game.scenes.rich_text import format_date


def shortened(problem: Problem, folder: Path) -> Problem:
    """The problem with its file named from the content folder ('my-mod/level.toml'), not a long path."""
    try:
        short = Path(problem.file).resolve().relative_to(folder.resolve().parent)
    except (ValueError, OSError):
        return problem
    return dataclasses.replace(problem, file=short.as_posix())


@dataclass(slots=True)
class LevelEntry:
    """One row of the level list: a playable level, or a file (or catalog) with its problems."""

    title: str
    origin: str
    date: str = ""
    summary: str = ""
    loaded: LoadedLevel | None = None
    problems: list[Problem] = field(default_factory=list)
    locked_by: str | None = None  # the title of the campaign level to finish first, while this one is locked
    best_score: int | None = None  # set once the level has been won

    @property
    def playable(self) -> bool:
        return self.loaded is not None and self.loaded.ok and not self.problems

    @property
    def locked(self) -> bool:
        return self.locked_by is not None

    @property
    def level_id(self) -> str | None:
        level = self.loaded.level if self.loaded is not None else None
        return level.id if level is not None else None

    @property
    def campaign_order(self) -> int:
        """The level's place in the campaign; 0 outside it."""
        level = self.loaded.level if self.loaded is not None else None
        return level.order if level is not None and self.in_campaign else 0

    @property
    def in_campaign(self) -> bool:
        level = self.loaded.level if self.loaded is not None else None
        return self.playable and level is not None and level.order > 0


def _entry(loaded: LoadedLevel, origin: str, folder: Path, language: str, tr: Translate) -> LevelEntry:
    level = loaded.level
    if loaded.ok and level is not None:
        return LevelEntry(
            title=loaded.title(language),
            origin=origin,
            date=format_date(level.start_date, tr),
            summary=translate(level.summary, language),
            loaded=loaded,
        )
    return LevelEntry(
        title=loaded.title(language),
        origin=f"{origin} · {loaded.path.name}",
        summary=tr(say_n("This level has {count} problem and cannot be played yet.",
                         "This level has {count} problems and cannot be played yet.", len(loaded.problems))),
        loaded=loaded,
        problems=[shortened(problem, folder) for problem in loaded.problems],
    )


def level_entries(folders: Sequence[ContentFolder], language: str = "en", tr: Translate = ENGLISH) -> list[LevelEntry]:
    """Campaign levels (order > 0) sorted by order from every folder, then the others folder by folder.

    The first folder is the game's own; the rest are mods, named after their folder. A catalog with
    problems gets its own broken row, so a modder sees why the levels that lean on it fail.
    """
    campaign: list[tuple[int, str, LevelEntry]] = []
    others: list[LevelEntry] = []
    for index, folder in enumerate(folders):
        origin = tr("Lunar Station") if index == 0 else tr("Mod: {folder}", folder=folder.path.name)
        if folder.catalog_problems:
            others.append(
                LevelEntry(
                    title=tr("Catalog of {folder}", folder=folder.path.name),
                    origin=origin,
                    summary=tr(say_n("The shared catalog has {count} problem.",
                                     "The shared catalog has {count} problems.", len(folder.catalog_problems))),
                    problems=[shortened(problem, folder.path) for problem in folder.catalog_problems],
                )
            )
        for loaded in folder.levels:
            level = loaded.level
            if loaded.ok and level is not None and level.order > 0:
                campaign_level = tr("campaign level {number}", number=level.order)
                entry = _entry(loaded, f"{origin} · {campaign_level}", folder.path, language, tr)
                campaign.append((level.order, entry.title, entry))
            else:
                others.append(_entry(loaded, origin, folder.path, language, tr))
    campaign.sort(key=lambda item: (item[0], item[1]))
    return [entry for _, _, entry in campaign] + others


def apply_progress(entries: Sequence[LevelEntry], progress: Progress, unlock_all: bool = False) -> None:
    """Marks finished levels with their best score and locks the campaign levels not yet reached.

    The campaign (playable levels with order > 0, in list order) unlocks one level at a time: the
    first is always open, each next one once the one before it is won; `unlock_all` opens them all.
    """
    campaign = [entry for entry in entries if entry.in_campaign]
    ids = [entry.level_id or "" for entry in campaign]
    open_count = unlocked_count(ids, progress, unlock_all)
    for entry in entries:
        entry.best_score = progress.best_score(entry.level_id) if entry.level_id else None
        entry.locked_by = None
    for position, entry in enumerate(campaign):
        if position >= open_count:
            entry.locked_by = campaign[open_count - 1].title if open_count > 0 else campaign[0].title


def class_entries(entries: Sequence[LevelEntry], level_ids: Sequence[str]) -> list[LevelEntry]:
    """Only the levels a class assigns, in the class's order, all open; an id no level has is left out (the
    class check, `lunar-station class check`, names it for the teacher)."""
    by_id = {entry.level_id: entry for entry in entries if entry.level_id and entry.playable}
    chosen = [by_id[level_id] for level_id in dict.fromkeys(level_ids) if level_id in by_id]
    for entry in chosen:
        entry.locked_by = None
    return chosen
