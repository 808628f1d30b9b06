"""The goals panel: each goal's words, a progress bar with its percentage, and whether it is met or failed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pygame

from game.content.locale_format import Percent
from game.content.message import quantity_text
from game.content.ui_text import ENGLISH, Translate, to_translate
from game.render import palette
from game.render.fonts import scaled_px
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.text_cache import TextCache

if TYPE_CHECKING:
    from game.simulation.views import GoalView

BAR_PX = 12
STATUS_WORDS = {"met": to_translate("MET"), "failed": to_translate("FAILED")}


def draw_status_mark(surface: pygame.Surface, status: str, centre: tuple[int, int],
                     colours: Palette = STANDARD_PALETTE, scale: float = 1.0) -> None:
    """Met: a filled disc with a tick; failed: a cross; open: an empty ring. Shapes, so colour is not needed."""
    x, y = centre

    def px(pixels: int) -> int:
        return scaled_px(pixels, scale)

    if status == "met":
        pygame.draw.circle(surface, colours.good, centre, px(10))
        tick = [(x - px(5), y), (x - px(1), y + px(4)), (x + px(6), y - px(4))]
        pygame.draw.lines(surface, palette.GLYPH_EDGE, False, tick, px(3))
    elif status == "failed":
        pygame.draw.line(surface, colours.broken, (x - px(7), y - px(7)), (x + px(7), y + px(7)), px(4))
        pygame.draw.line(surface, colours.broken, (x + px(7), y - px(7)), (x - px(7), y + px(7)), px(4))
    else:
        pygame.draw.circle(surface, colours.text_dim, centre, px(9), px(2))


def draw_goals_panel(surface: pygame.Surface, area: pygame.Rect, goals: Sequence[GoalView], text: TextCache,
                     scroll: int = 0, colours: Palette = STANDARD_PALETTE, tr: Translate = ENGLISH) -> int:
    """Draws the goals from `scroll` pixels down; returns the height of the whole list."""
    pygame.draw.rect(surface, colours.panel, area, border_radius=6)
    pygame.draw.rect(surface, colours.panel_edge, area, 2, border_radius=6)
    font = text.fonts.regular(palette.SMALL)
    line_px = font.get_linesize()
    previous_clip = surface.get_clip()
    surface.set_clip(area.inflate(-4, -4))
    y = area.y + 8 - scroll
    scale = text.fonts.scale
    # The widest percentage beside its bar, as the language writes it ('100%', '100 %').
    label_room = text.width(tr(quantity_text(Percent(1))), palette.SMALL, bold=True) + 12
    for goal in goals:
        x = area.x + round(38 * scale)
        width = area.right - 12 - x
        draw_status_mark(surface, goal.status, (area.x + round(20 * scale), y + line_px // 2), colours, scale)
        colour = colours.text if goal.status != "failed" else colours.text_dim
        for row in text.wrap(goal.text, palette.SMALL, width):
            text.draw(surface, row, palette.SMALL, colour, (x, y))
            y += line_px
        bar = pygame.Rect(x, y + 4, width - label_room, round(BAR_PX * scale))
        pygame.draw.rect(surface, colours.panel_raised, bar, border_radius=4)
        filled = bar.copy()
        filled.width = round(bar.width * max(0.0, min(1.0, goal.fraction)))
        fill = colours.good if goal.status == "met" else colours.broken if goal.status == "failed" else colours.accent
        if filled.width:
            pygame.draw.rect(surface, fill, filled, border_radius=4)
        pygame.draw.rect(surface, colours.text_dim, bar, 1, border_radius=4)
        label = tr(STATUS_WORDS[goal.status]) if goal.status in STATUS_WORDS else \
            tr(quantity_text(Percent(goal.fraction)))
        text.draw(surface, label, palette.SMALL, fill if goal.status in STATUS_WORDS else colours.text,
                  (area.right - 12, bar.centery), anchor="midright", bold=goal.status in STATUS_WORDS)
        y = bar.bottom + round(14 * scale)
    surface.set_clip(previous_clip)
    return y + scroll - area.y
