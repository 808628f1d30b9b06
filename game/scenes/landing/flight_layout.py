"""Where the landing screen's parts go that are not the flight itself: the band of key help at the foot (the view
stays above it), the status words between the instruments and the touchdown box, and after the flight the
buttons, the grade's column and the plot. Pure: arithmetic on the window's size and the fonts' measures, so
tests can check it without a window."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.render import palette
from game.render.fonts import Fonts, scaled
from game.render.landing_hud import help_band_height
from game.ui.button_words import button_font

BUTTON_HEIGHT = 54
EDGE = 40  # the result's buttons and plot stand this far from the window's sides


def view_size(size: tuple[int, int], fonts: Fonts, keys_hint: str) -> tuple[int, int]:
    """The part of the window above the keys' help band, which the view of the flight keeps to."""
    return size[0], size[1] - help_band_height(fonts, keys_hint, size[0])


def banner_place(size: tuple[int, int], fonts: Fonts, widest: int, lines: int, panel: pygame.Rect,
                 cue_box: pygame.Rect, keys_hint: str) -> tuple[int, int | None]:
    """(top, right edge or None for centred) of `lines` status words, the widest `widest` pixels: at the top
    between the instruments and the cue box; when large text leaves no room there, under the cue box at the
    right, away from the lander in the middle."""
    width, _ = size
    centre = width // 2
    if centre - widest // 2 > panel.right + 8 and centre + widest // 2 < cue_box.left - 8:
        return 18, None
    right = min(cue_box.right, width - 14) - 12
    if right - widest >= panel.right + 8:
        return cue_box.bottom + 14, right
    # Crowded (the largest text in a small window): below both boxes, but never under the keys' band.
    band_top = view_size(size, fonts, keys_hint)[1]
    stack = lines * (fonts.bold(palette.BODY).get_linesize() + 14)
    return min(max(panel.bottom, cue_box.bottom) + 14, band_top - stack), None


def result_buttons(size: tuple[int, int], fonts: Fonts, labels: dict[str, str]) -> dict[str, pygame.Rect]:
    """After the flight: each button as wide as its words (the theme's 24 px bold, grown with the UI scale) from
    the left, "Continue" (the last of `labels`) at the right; when large text leaves no room for one row, the
    others take a second row above it."""
    width, height = size
    scale = fonts.scale
    button_height = scaled(BUTTON_HEIGHT, min(scale, 1.5))  # room for the text, no taller
    font = button_font(fonts)
    widths = {name: max(scaled(170, min(scale, 1.5)), font.size(label)[0] + 40) for name, label in labels.items()}
    names = list(labels)[:-1]
    one_row = sum(widths.values()) + 16 * len(names) <= width - 2 * EDGE
    bottom = height - button_height - 16
    rects = {}
    x, y = EDGE, bottom if one_row else bottom - button_height - 12
    for name in names:
        rects[name] = pygame.Rect(x, y, widths[name], button_height)
        x += widths[name] + 16
    last = list(labels)[-1]
    done = pygame.Rect(0, bottom, widths[last], button_height)
    done.right = width - EDGE
    rects[last] = done
    return rects


def result_parts(size: tuple[int, int], fonts: Fonts, buttons: Sequence[pygame.Rect]) -> tuple[int, int, pygame.Rect]:
    """(the grade column's width, the top of the keys' line just above the buttons, the plot's rectangle).

    Larger text takes a wider column (up to three fifths of the window at 200 %): the grade's reasons, each with
    its limits' status, are what a player reads first; the plot keeps the rest."""
    width, height = size
    share = min(0.6, 0.42 + 0.18 * max(0.0, fonts.scale - 1.0))
    column = max(360, round(width * share))
    buttons_top = min((button.top for button in buttons), default=height - BUTTON_HEIGHT - 24)
    keys_top = buttons_top - 6 - fonts.regular(palette.SMALL).get_linesize()
    return column, keys_top, pygame.Rect(column + 20, 40, width - column - 60, keys_top - 40 - 12)
