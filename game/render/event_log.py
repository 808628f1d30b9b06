"""The event log: the last sentences of the run with their game date, warnings marked, newest on top.

The log keeps what was said (a simulation event or a `Message`) with its game hour, never the worded line: it is
worded in the player's language when shown, so switching language mid-level rewords the whole log."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.content.ui_text import ENGLISH, Translate
from game.render import palette
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.text import wrap_text
from game.render.text_cache import TextCache

MAX_LINES = 50
SCROLL_STEP_PX = 40


# Two records: a `Said` is kept all run, a `LogLine` only till the language changes; merged, wording could be kept.
@dataclass(frozen=True, slots=True)
class LogLine:
    """A sentence with its game date; a warning is marked, an alarm (people or the base at risk) more so."""

    when: str
    text: str
    warning: bool
    alarm: bool = False


@dataclass(frozen=True, slots=True)
class Said:
    """One thing the log was told: an event or a sentence (a `Message`; plain text is shown as it is, in the
    language it was written in), at a game hour."""

    hour: float
    said: object
    warning: bool
    alarm: bool = False


def _word_plainly(said: Said) -> LogLine:
    """A line in English, for a log nobody gave a wording to (tests, tools)."""
    return LogLine(f"{said.hour:g} h", str(said.said), said.warning, said.alarm)


def _english() -> str:
    return "en"


@dataclass(slots=True)
class EventLog:
    """What happened, newest last in `lines`; `scroll` is how far the reader has scrolled down, in pixels.

    `word` turns a `Said` into the line shown, in the player's language of the moment; `language` names that
    language, so the worded lines are kept until it changes or news comes."""

    word: Callable[[Said], LogLine] = _word_plainly
    language: Callable[[], str] = _english
    told: deque[Said] = field(default_factory=lambda: deque(maxlen=MAX_LINES))
    scroll: int = 0
    _wrapped: dict[tuple[str, int, int], list[str]] = field(default_factory=dict)
    _worded: tuple[str, int, tuple[LogLine, ...]] = ("", -1, ())
    _news: int = 0  # counts additions: the worded lines are stale when it moved

    def add(self, hour: float, said: object, warning: bool = False, alarm: bool = False) -> None:
        self.told.append(Said(hour, said, warning or alarm, alarm))
        self._news += 1
        self.scroll = 0  # news brings the reader back to the top, where the newest line is

    @property
    def lines(self) -> tuple[LogLine, ...]:
        """Every line, newest last, worded in the current language."""
        language = self.language()
        if self._worded[:2] != (language, self._news):
            self._worded = (language, self._news, tuple(self.word(said) for said in self.told))
        return self._worded[2]

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
