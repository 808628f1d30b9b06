"""Bars for the partner screens: trust, interests per science domain, and an offer's worth; always labelled."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.render.palette import STANDARD_PALETTE, Palette
from game.render.text import draw_text, fit_text

DOMAIN_LABELS = {
    "geology": "Geology",
    "astronomy": "Astronomy",
    "space_environment": "Space environment",
    "basic_physics": "Basic physics",
    "resource_use": "Resource use",
}
LOW_TRUST = 40.0  # below this the bar turns to the warning colour (it also says so in words)


def trust_words(trust: float) -> str:
    if trust >= 75:
        return "high"
    if trust >= LOW_TRUST:
        return "fair"
    return "low"


def draw_trust_bar(surface: pygame.Surface, rect: pygame.Rect, trust: float, font: pygame.font.Font,
                   colours: Palette = STANDARD_PALETTE) -> None:
    """A bar filled to `trust` of 100, its number and a word beside it (so colour is never the only cue)."""
    label = f"Trust {trust:.0f} ({trust_words(trust)})"
    text_width = font.size("Trust 100 (fair)")[0] + 12
    bar = pygame.Rect(rect.x, rect.y, max(20, rect.width - text_width), rect.height)
    pygame.draw.rect(surface, colours.panel_edge, bar, border_radius=4)
    filled = bar.copy()
    filled.width = round(bar.width * max(0.0, min(100.0, trust)) / 100)
    colour = colours.good if trust >= 75 else colours.accent if trust >= LOW_TRUST else colours.broken
    if filled.width:
        pygame.draw.rect(surface, colour, filled, border_radius=4)
    for mark in (25, 50, 75):  # ticks, to read a value without the number
        x = bar.x + round(bar.width * mark / 100)
        pygame.draw.line(surface, colours.sky, (x, bar.y), (x, bar.bottom - 1), 2)
    draw_text(surface, label, font, colours.text, (bar.right + 12, rect.centery), anchor="midleft")


def draw_interest_chart(surface: pygame.Surface, rect: pygame.Rect, interests: Sequence[tuple[str, float]],
                        font: pygame.font.Font, colours: Palette = STANDARD_PALETTE) -> None:
    """One labelled horizontal bar per science domain, its share written at the end."""
    row = rect.height // max(1, len(interests))
    label_width = font.size("Space environment")[0] + 10
    for index, (domain, weight) in enumerate(interests):
        y = rect.y + index * row
        label = fit_text(DOMAIN_LABELS.get(domain, domain), font, label_width - 6)
        draw_text(surface, label, font, colours.text_dim, (rect.x, y + row // 2), anchor="midleft")
        track = pygame.Rect(rect.x + label_width, y + row // 2 - 7, rect.width - label_width - 56, 14)
        pygame.draw.rect(surface, colours.panel_edge, track, border_radius=3)
        fill = track.copy()
        fill.width = round(track.width * max(0.0, min(1.0, weight)))
        if fill.width:
            pygame.draw.rect(surface, colours.accent, fill, border_radius=3)
        draw_text(surface, f"{weight:.0%}", font, colours.text, (rect.right, y + row // 2), anchor="midright")


def draw_worth_bar(surface: pygame.Surface, rect: pygame.Rect, utility: float, font: pygame.font.Font,
                   span: float = 60.0, colours: Palette = STANDARD_PALETTE) -> None:
    """The offer's worth to the partner on a scale centred on zero: left of the line they say no."""
    pygame.draw.rect(surface, colours.panel_edge, rect, border_radius=4)
    middle = rect.centerx
    share = max(-1.0, min(1.0, utility / span))
    width = round(rect.width / 2 * abs(share))
    if width:
        bar = pygame.Rect(middle if share > 0 else middle - width, rect.y, width, rect.height)
        pygame.draw.rect(surface, colours.good if utility >= 0 else colours.broken, bar, border_radius=4)
    pygame.draw.line(surface, colours.text, (middle, rect.y - 4), (middle, rect.bottom + 3), 3)
    draw_text(surface, "not enough", font, colours.text_dim, (rect.x, rect.bottom + 4))
    draw_text(surface, "enough", font, colours.text_dim, (rect.right, rect.bottom + 4), anchor="topright")
