"""The event log: the last sentences of the run with their game date, warnings marked, newest on top."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import pygame

from game.content.ui_text import ENGLISH, Translate
from game.render import palette
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.text import wrap_text
from game.render.text_cache import TextCache

MAX_LINES = 50
SCROLL_STEP_PX = 40


@dataclass(frozen=True, slots=True)
class LogLine:
    """A sentence with its game date; a warning is marked, an alarm (people or the base at risk) more so."""

    when: str
    text: str
    warning: bool
    alarm: bool = False


@dataclass(slots=True)
class EventLog:
    """What happened, newest last in `lines`; `scroll` is how far the reader has scrolled down, in pixels."""

    lines: deque[LogLine] = field(default_factory=lambda: deque(maxlen=MAX_LINES))
    scroll: int = 0
    _wrapped: dict[tuple[str, int, int], list[str]] = field(default_factory=dict)

    def add(self, when: str, text: str, warning: bool = False, alarm: bool = False) -> None:
        self.lines.append(LogLine(when, text, warning or alarm, alarm))
        self.scroll = 0  # news brings the reader back to the top, where the newest line is

    def scroll_by(self, pixels: int) -> None:
        self.scroll = max(0, self.scroll + pixels)

    def wrapped(self, text: str, font: pygame.font.Font, width: int) -> list[str]:
        key = (text, width, font.get_height())  # the font's size too: the UI scale may have changed
        lines = self._wrapped.get(key)
        if lines is None:
            if len(self._wrapped) > 4 * MAX_LINES:
                self._wrapped.clear()
            lines = self._wrapped[key] = wrap_text(text, font, width)
        return lines


def draw_event_log(surface: pygame.Surface, area: pygame.Rect, log: EventLog, text: TextCache,
                   colours: Palette = STANDARD_PALETTE, tr: Translate = ENGLISH) -> None:
    """Newest on top; a warning gets a coloured bar, the word 'warning' (or 'ALARM') and its own colour."""
    pygame.draw.rect(surface, colours.panel, area, border_radius=6)
    pygame.draw.rect(surface, colours.panel_edge, area, 2, border_radius=6)
    title = text.draw(surface, tr("Station log"), palette.BODY - 2, colours.text, (area.x + 12, area.y + 6), bold=True)
    body = pygame.Rect(area.x + 6, title.bottom + 4, area.width - 12, area.bottom - title.bottom - 10)
    if not log.lines:
        text.draw(surface, tr("Nothing has happened yet."), palette.SMALL, colours.text_dim, (body.x + 6, body.y + 2))
        return
    font = text.fonts.regular(palette.SMALL)
    line_px = font.get_linesize()
    previous_clip = surface.get_clip()
    surface.set_clip(body)
    y = body.y - log.scroll
    width = body.width - 16
    for line in reversed(log.lines):
        mark = colours.broken if line.alarm else colours.warning
        wrapped = log.wrapped(line.text, font, width)
        height = line_px * (len(wrapped) + 1)
        if y + height >= body.y:  # the date on its own line, then the sentence at full width
            if line.warning:
                label = f"{line.when}  ·  {tr('ALARM') if line.alarm else tr('warning')}"
                text.draw(surface, label, palette.SMALL, mark, (body.x + 10, y), bold=True)
                pygame.draw.rect(surface, mark, (body.x, y, 4, height))
            else:
                text.draw(surface, line.when, palette.SMALL, colours.accent, (body.x + 10, y))
            colour = mark if line.warning else colours.text
            for row_number, row in enumerate(wrapped, start=1):
                text.draw(surface, row, palette.SMALL, colour, (body.x + 10, y + row_number * line_px))
        y += height + 6
        if y > body.bottom:
            break
    surface.set_clip(previous_clip)
