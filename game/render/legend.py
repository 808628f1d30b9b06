"""The map legend: a swatch of each kind of ground, with its name and what it offers."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.content.models import TileKind
from game.content.text import translate
from game.render import palette
from game.render.fonts import Fonts
from game.render.site_map import TileStamps
from game.render.text import draw_text, fit_text

SWATCH_PX = 34


def tile_facts(kind: TileKind) -> str:
    """'lit 86 % · ice 5.6 %': the two numbers that decide most placements, short enough for a legend."""
    facts = f"lit {kind.sunlight * 100:.0f} %"
    if kind.ice_percent > 0:
        facts += f" · ice {kind.ice_percent:g} %"
    return facts


def draw_legend(
    surface: pygame.Surface,
    area: pygame.Rect,
    kinds: Sequence[TileKind],
    fonts: Fonts,
    stamps: TileStamps,
    language: str,
) -> None:
    pygame.draw.rect(surface, palette.PANEL, area)
    pygame.draw.line(surface, palette.PANEL_EDGE, area.topleft, area.bottomleft, 2)
    title = draw_text(surface, "Ground", fonts.bold(palette.LARGE), palette.TEXT, (area.x + 18, area.y + 12))
    top = title.bottom + 10
    row = min(58, (area.bottom - top - 8) // max(1, len(kinds)))
    name_font, facts_font = fonts.regular(palette.BODY - 2), fonts.regular(palette.SMALL)
    for index, kind in enumerate(kinds):
        y = top + index * row
        swatch = pygame.Rect(area.x + 18, y + (row - SWATCH_PX) // 2, SWATCH_PX, SWATCH_PX)
        surface.blit(stamps.get(kind, SWATCH_PX), swatch)
        pygame.draw.rect(surface, palette.TEXT_DIM, swatch, 1)
        text_x = swatch.right + 12
        room = area.right - 12 - text_x
        name = translate(kind.name, language)
        if row >= 50:
            draw_text(surface, fit_text(name, name_font, room), name_font, palette.TEXT, (text_x, y + 3))
            draw_text(surface, tile_facts(kind), facts_font, palette.TEXT_DIM, (text_x, y + 29))
        else:
            draw_text(surface, fit_text(name, facts_font, room), facts_font, palette.TEXT,
                      (text_x, swatch.centery), anchor="midleft")
