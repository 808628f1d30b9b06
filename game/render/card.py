"""A card in a list a player chooses from (levels, timeline, encyclopedia, partners): raised and outlined in the
focus colour when chosen, so every list shows its choice the same way."""

from __future__ import annotations

import pygame

from game.render.palette import Palette


def draw_card(surface: pygame.Surface, colours: Palette, card: pygame.Rect, chosen: bool, radius: int = 8) -> None:
    pygame.draw.rect(surface, colours.panel_raised if chosen else colours.panel, card, border_radius=radius)
    pygame.draw.rect(surface, colours.focus if chosen else colours.panel_edge, card, 3 if chosen else 1,
                     border_radius=radius)
