"""The event log: the last sentences of the run with their game date, warnings marked, newest on top."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import pygame

from game.content.catalog import Catalog
from game.content.models import Level
from game.ecs import events
from game.render import palette
from game.render.text import wrap_text
from game.render.text_cache import TextCache
from game.scenes.event_text import event_sentence

MAX_LINES = 50
SCROLL_STEP_PX = 40
WARNING_EVENTS = (events.ModuleFailed, events.PowerLost, events.GoalFailed, events.EnergyRunningLow,
                  events.CommandRefused)


@dataclass(frozen=True, slots=True)
class LogLine:
    when: str
    text: str
    warning: bool


def is_warning(event: object) -> bool:
    if isinstance(event, WARNING_EVENTS):
        return True
    if isinstance(event, events.LevelEnded):
        return not event.won
    return False


def log_sentence(event: object, level: Level, catalog: Catalog, language: str) -> str | None:
    """The shared sentence for an event; the log also words the low-energy warning the notices leave out."""
    sentence = event_sentence(event, level, catalog, language)
    if sentence is None and isinstance(event, events.EnergyRunningLow):
        return f"Warning: stored energy runs out in about {event.hours_left:.0f} hours at this rate."
    return sentence


@dataclass(slots=True)
class EventLog:
    """What happened, newest last in `lines`; `scroll` is how far the reader has scrolled down, in pixels."""

    lines: deque[LogLine] = field(default_factory=lambda: deque(maxlen=MAX_LINES))
    scroll: int = 0
    _wrapped: dict[tuple[str, int], list[str]] = field(default_factory=dict)

    def add(self, when: str, text: str, warning: bool = False) -> None:
        self.lines.append(LogLine(when, text, warning))
        self.scroll = 0  # news brings the reader back to the top, where the newest line is

    def scroll_by(self, pixels: int) -> None:
        self.scroll = max(0, self.scroll + pixels)

    def wrapped(self, text: str, font: pygame.font.Font, width: int) -> list[str]:
        key = (text, width)
        lines = self._wrapped.get(key)
        if lines is None:
            if len(self._wrapped) > 4 * MAX_LINES:
                self._wrapped.clear()
            lines = self._wrapped[key] = wrap_text(text, font, width)
        return lines


def draw_event_log(surface: pygame.Surface, area: pygame.Rect, log: EventLog, text: TextCache) -> None:
    pygame.draw.rect(surface, palette.PANEL, area, border_radius=6)
    pygame.draw.rect(surface, palette.PANEL_EDGE, area, 2, border_radius=6)
    title = text.draw(surface, "Station log", palette.BODY - 2, palette.TEXT, (area.x + 12, area.y + 6), bold=True)
    body = pygame.Rect(area.x + 6, title.bottom + 4, area.width - 12, area.bottom - title.bottom - 10)
    if not log.lines:
        text.draw(surface, "Nothing has happened yet.", palette.SMALL, palette.TEXT_DIM, (body.x + 6, body.y + 2))
        return
    font = text.fonts.regular(palette.SMALL)
    line_px = font.get_linesize()
    previous_clip = surface.get_clip()
    surface.set_clip(body)
    y = body.y - log.scroll
    width = body.width - 16
    for line in reversed(log.lines):
        colour = palette.BROKEN if line.warning else palette.TEXT
        wrapped = log.wrapped(line.text, font, width)
        height = line_px * (len(wrapped) + 1)
        if y + height >= body.y:  # the date on its own line, then the sentence at full width
            label = f"{line.when}  ·  warning" if line.warning else line.when
            text.draw(surface, label, palette.SMALL, palette.BROKEN if line.warning else palette.ACCENT,
                      (body.x + 10, y), bold=line.warning)
            for row_number, row in enumerate(wrapped, start=1):
                text.draw(surface, row, palette.SMALL, colour, (body.x + 10, y + row_number * line_px))
            if line.warning:
                pygame.draw.rect(surface, palette.BROKEN, (body.x, y, 4, height))
        y += height + 6
        if y > body.bottom:
            break
    surface.set_clip(previous_clip)
