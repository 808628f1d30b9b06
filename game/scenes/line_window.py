"""Which lines of a column of text show in a box too short for all of them: the lines in view from where the reader
scrolled to, the scroll bar's track and thumb, and the pager ("lines 4-11 of 30 · PgUp/PgDn") right under the last
line shown, so no empty line stands between them. Pure: arithmetic on the lines' heights."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.content.ui_text import Translate

PAGER_GAP = 4  # between the last line in view and the pager


@dataclass(frozen=True, slots=True)
class LineWindow:
    """The lines of a column in view in `area`; when they all fit, `scroll` is None and `where` is ''."""

    area: pygame.Rect  # where the lines are drawn: left of the scroll bar, above the pager
    tops: tuple[int, ...]  # the y of each line in view, from `first`
    first: int  # the first line in view
    shown: int  # how many lines are in view from `first`
    last_first: int  # the furthest it may scroll: the last lines fill the area
    scroll: tuple[pygame.Rect, pygame.Rect] | None  # the bar's track and thumb, when the lines overflow
    where: str  # "lines 4-11 of 30 · PgUp/PgDn", or '' when all show
    pager_top: int  # the pager's top: just under the last line in view

    @property
    def page(self) -> int:
        """How far Page Up / Page Down move: what is in view less one line, so the reader keeps their place."""
        return max(1, self.shown - 1)


def fitting(lines: Sequence[tuple[int, int]], first: int, room: int) -> int:
    """How many of `lines` ((height, gap above) each) from `first` fit in `room` pixels; the first one's gap is not
    needed at the top of the box."""
    used = count = 0
    for height, gap in lines[first:]:
        used += height + (gap if count else 0)
        if used > room:
            break
        count += 1
    return count


def line_window(lines: Sequence[tuple[int, int]], box: pygame.Rect, scrolled: int, pager_height: int,
                bar_width: int, tr: Translate) -> LineWindow:
    """`lines` ((height, gap above) each) in `box`, scrolled to the line `scrolled` (kept within the ends): all of
    them when they fit, else as many as fit above a pager line, with a scroll bar at the right of the box."""
    if fitting(lines, 0, box.height) >= len(lines):
        return LineWindow(box.copy(), _tops(lines, 0, len(lines), box.y), 0, len(lines), 0, None, "", box.bottom)
    area = pygame.Rect(box.x, box.y, max(0, box.width - bar_width - 12), max(0, box.height - pager_height - PAGER_GAP))
    last_first = next((first for first in range(len(lines))
                       if fitting(lines, first, area.height) >= len(lines) - first), len(lines) - 1)
    first = max(0, min(scrolled, last_first))
    shown = fitting(lines, first, area.height)
    tops = _tops(lines, first, shown, area.y)
    used = (tops[-1] + lines[first + shown - 1][0]) if shown else area.y
    track = pygame.Rect(box.right - bar_width, area.y, bar_width, area.height)
    thumb = track.copy()
    thumb.height = max(bar_width * 2, track.height * shown // max(1, len(lines)))
    thumb.y = track.y + (track.height - thumb.height) * first // max(1, last_first)
    where = tr("lines {first}-{last} of {count} · PgUp/PgDn", first=first + 1, last=first + shown, count=len(lines))
    return LineWindow(area, tops, first, shown, last_first, (track, thumb.clip(track)), where, used + PAGER_GAP)


def _tops(lines: Sequence[tuple[int, int]], first: int, count: int, top: int) -> tuple[int, ...]:
    tops = []
    y = top
    for number, (height, gap) in enumerate(lines[first:first + count]):
        y += gap if number else 0
        tops.append(y)
        y += height
    return tuple(tops)
