"""What the campaign timeline shows: the programme's milestones and the campaign's levels, each an item on the
line with its date, in the order the line reads. Plain data, read from the game's (and mods') files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from game.content.timeline import Milestone
from game.scenes.campaign.level_entries import LevelEntry


@dataclass(slots=True)
class TimelineItem:
    """Something the player can choose on the line: a milestone or a campaign level."""

    date: dt.date
    milestone: Milestone | None = None
    level: LevelEntry | None = None

    @property
    def is_level(self) -> bool:
        return self.level is not None


def timeline_items(milestones: list[Milestone], campaign: list[LevelEntry]) -> list[TimelineItem]:
    """Every milestone but the stages (drawn as bands) and every campaign level, by date; levels after the
    milestones of the same day: the story first, then the player's turn."""
    items = [TimelineItem(m.date, milestone=m) for m in milestones if m.kind != "stage"]
    for entry in campaign:
        assert entry.loaded is not None and entry.loaded.level is not None
        items.append(TimelineItem(entry.loaded.level.start_date, level=entry))
    return sorted(items, key=lambda item: (item.date, item.is_level))


def next_level_index(items: list[TimelineItem]) -> int:
    """The first open level not yet won, else the first level, else the first milestone."""
    levels = [index for index, item in enumerate(items) if item.level is not None]
    for index in levels:
        level = items[index].level
        assert level is not None
        if not level.locked and level.best_score is None:
            return index
    return levels[0] if levels else 0
