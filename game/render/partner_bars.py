"""Bars for the partner screens: trust, interests per science domain, and an offer's worth; always labelled."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.content.locale_format import Percent
from game.content.message import quantity_text
from game.content.ui_text import ENGLISH, Translate, to_translate
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.text import draw_text, fit_text

DOMAIN_LABELS = {  # English, marked for the template: shown through the screen's tr()
    "geology": to_translate("Geology"),
    "astronomy": to_translate("Astronomy"),
    "space_environment": to_translate("Space environment"),
    "basic_physics": to_translate("Basic physics"),
    "resource_use": to_translate("Resource use"),
}
LOW_TRUST = 40.0  # below this the bar turns to the warning colour (it also says so in words)
MIN_BAR_PX = 40  # a bar narrower than this reads as a smudge: the words stand alone instead


def trust_words(trust: float, tr: Translate = ENGLISH) -> str:
    if trust >= 75:
        return tr("high")
    if trust >= LOW_TRUST:
        return tr("fair")
    return tr("low")


def draw_trust_bar(surface: pygame.Surface, rect: pygame.Rect, trust: float, font: pygame.font.Font,
                   colours: Palette = STANDARD_PALETTE, tr: Translate = ENGLISH) -> None:
    """A bar filled to `trust` of 100, its number and a word beside it (so colour is never the only cue).

    Where large text leaves no room for a readable bar beside the words, the words alone are shown, and where
    even they do not fit, the number and its status without the word."""
    # Trust is a game value (the rules in game/rules/trust.py), and the label says so like every such number.
    label = tr("Trust {trust} ({word}, game value)", trust=f"{trust:.0f}", word=trust_words(trust, tr))
    text_width = font.size(tr("Trust {trust} ({word}, game value)", trust=100, word=tr("fair")))[0] + 12
    if rect.width - text_width < MIN_BAR_PX:
        if font.size(label)[0] > rect.width:  # large text in a narrow place: the number and its status, whole
            label = tr("Trust {trust} (game value)", trust=f"{trust:.0f}")
        draw_text(surface, fit_text(label, font, rect.width), font, colours.text, (rect.x, rect.centery),
                  anchor="midleft")
        return
    bar = pygame.Rect(rect.x, rect.y, rect.width - text_width, rect.height)
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
                        font: pygame.font.Font, colours: Palette = STANDARD_PALETTE, tr: Translate = ENGLISH) -> None:
    """One labelled horizontal bar per science domain, its share written at the end.

    Each row is a full line of text tall: when `rect` holds fewer rows than there are domains (large text),
    the strongest interests are shown rather than rows squeezed over each other. A label may be cut to leave
    the bar room; where no readable bar fits, the label and its share stand alone."""
    row = font.get_linesize()
    fits = max(1, rect.height // row)
    shown = list(interests)
    if len(shown) > fits:
        strongest = sorted(range(len(shown)), key=lambda index: -shown[index][1])[:fits]
        shown = [shown[index] for index in sorted(strongest)]  # the domains keep their usual order
    share_width = font.size(tr(quantity_text(Percent(1))))[0] + 8
    # The longest label whole while the bar keeps a quarter of the row (large text in one column has the room).
    label_width = min(max(font.size(tr(label))[0] for label in DOMAIN_LABELS.values()) + 10,
                      rect.width - share_width - max(MIN_BAR_PX, (rect.width - share_width) // 4))
    track_width = rect.width - label_width - share_width
    if track_width < MIN_BAR_PX:
        label_width, track_width = rect.width - share_width, 0
    track_height = max(8, row // 2)
    for index, (domain, weight) in enumerate(shown):
        middle = rect.y + index * row + row // 2
        label = fit_text(tr(DOMAIN_LABELS.get(domain, domain)), font, label_width - 6)
        draw_text(surface, label, font, colours.text_dim, (rect.x, middle), anchor="midleft")
        if track_width:
            track = pygame.Rect(rect.x + label_width, middle - track_height // 2, track_width, track_height)
            pygame.draw.rect(surface, colours.panel_edge, track, border_radius=3)
            fill = track.copy()
            fill.width = round(track.width * max(0.0, min(1.0, weight)))
            if fill.width:
                pygame.draw.rect(surface, colours.accent, fill, border_radius=3)
        draw_text(surface, tr(quantity_text(Percent(weight))), font, colours.text, (rect.right, middle),
                  anchor="midright")


def draw_worth_bar(surface: pygame.Surface, rect: pygame.Rect, utility: float, font: pygame.font.Font,
                   span: float = 60.0, colours: Palette = STANDARD_PALETTE, tr: Translate = ENGLISH) -> None:
    """The offer's worth to the partner on a scale centred on zero: left of the line they say no."""
    pygame.draw.rect(surface, colours.panel_edge, rect, border_radius=4)
    middle = rect.centerx
    share = max(-1.0, min(1.0, utility / span))
    width = round(rect.width / 2 * abs(share))
    if width:
        bar = pygame.Rect(middle if share > 0 else middle - width, rect.y, width, rect.height)
        pygame.draw.rect(surface, colours.good if utility >= 0 else colours.broken, bar, border_radius=4)
    pygame.draw.line(surface, colours.text, (middle, rect.y - 4), (middle, rect.bottom + 3), 3)
    draw_text(surface, tr("not enough"), font, colours.text_dim, (rect.x, rect.bottom + 4))
    draw_text(surface, tr("enough"), font, colours.text_dim, (rect.right, rect.bottom + 4), anchor="topright")
