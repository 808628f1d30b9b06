"""The goals panel: each goal's words, a progress bar with its percentage, and whether it is met or failed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pygame

from game.render import palette
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.text import wrap_text
from game.render.text_cache import TextCache

if TYPE_CHECKING:
    from game.ecs.session import GoalView

BAR_PX = 12
STATUS_WORDS = {"met": "MET", "failed": "FAILED"}


def draw_status_mark(surface: pygame.Surface, status: str, centre: tuple[int, int],
                     colours: Palette = STANDARD_PALETTE) -> None:
    """Met: a filled disc with a tick; failed: a cross; open: an empty ring. Shapes, so colour is not needed."""
    x, y = centre
    if status == "met":
        pygame.draw.circle(surface, colours.good, centre, 10)
        pygame.draw.lines(surface, palette.GLYPH_EDGE, False, [(x - 5, y), (x - 1, y + 4), (x + 6, y - 4)], 3)
    elif status == "failed":
        pygame.draw.line(surface, colours.broken, (x - 7, y - 7), (x + 7, y + 7), 4)
        pygame.draw.line(surface, colours.broken, (x + 7, y - 7), (x - 7, y + 7), 4)
    else:
        pygame.draw.circle(surface, colours.text_dim, centre, 9, 2)


def draw_goals_panel(surface: pygame.Surface, area: pygame.Rect, goals: Sequence[GoalView], text: TextCache,
                     scroll: int = 0, colours: Palette = STANDARD_PALETTE) -> int:
    """Draws the goals from `scroll` pixels down; returns the height of the whole list."""
    pygame.draw.rect(surface, colours.panel, area, border_radius=6)
    pygame.draw.rect(surface, colours.panel_edge, area, 2, border_radius=6)
    font = text.fonts.regular(palette.SMALL)
    line_px = font.get_linesize()
    previous_clip = surface.get_clip()
    surface.set_clip(area.inflate(-4, -4))
    y = area.y + 8 - scroll
    for goal in goals:
        x = area.x + 38
        width = area.right - 12 - x
        draw_status_mark(surface, goal.status, (area.x + 20, y + line_px // 2), colours)
        colour = colours.text if goal.status != "failed" else colours.text_dim
        for row in wrap_text(goal.text, font, width):
            text.draw(surface, row, palette.SMALL, colour, (x, y))
            y += line_px
        bar = pygame.Rect(x, y + 4, width - 64, BAR_PX)
        pygame.draw.rect(surface, colours.panel_raised, bar, border_radius=4)
        filled = bar.copy()
        filled.width = round(bar.width * max(0.0, min(1.0, goal.fraction)))
        fill = colours.good if goal.status == "met" else colours.broken if goal.status == "failed" else colours.accent
        if filled.width:
            pygame.draw.rect(surface, fill, filled, border_radius=4)
        pygame.draw.rect(surface, colours.text_dim, bar, 1, border_radius=4)
        label = STATUS_WORDS.get(goal.status, f"{goal.fraction:.0%}".replace("%", " %"))
        text.draw(surface, label, palette.SMALL, fill if goal.status in STATUS_WORDS else colours.text,
                  (area.right - 12, bar.centery), anchor="midright", bold=goal.status in STATUS_WORDS)
        y = bar.bottom + 14
    surface.set_clip(previous_clip)
    return y + scroll - area.y
