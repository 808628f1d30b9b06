"""How big a pygame_gui button must be to show its words whole: the theme's button font at the text size in use,
the button's padding and border, and a little room that grows with the text. The one place the theme's button
font size is written in code."""

from __future__ import annotations

import pygame

from game.render.fonts import Fonts, scaled

BUTTON_FONT_PX = 24  # the theme's button font (assets/theme.json, bold), before the UI scale
BUTTON_PADDING = 34  # pygame_gui's text padding and border on both sides of a button's label (not scaled)
BUTTON_BREATHING = 8


def button_font(fonts: Fonts) -> pygame.font.Font:
    """The font a themed button draws its words in, at `fonts`' scale and language (to measure labels with)."""
    return fonts.bold(BUTTON_FONT_PX)


def button_width_for(fonts: Fonts, label: str) -> int:
    """The least width in pixels of a button showing `label` in `fonts` (at their scale and language)."""
    return button_width_in(button_font(fonts), label, fonts.scale)


def button_width_in(font: pygame.font.Font, label: str, scale: float) -> int:
    """The least width of a button drawing `label` in its own `font` (a theme block's, such as the language
    names'), at the UI `scale`."""
    return font.size(label)[0] + BUTTON_PADDING + round(BUTTON_BREATHING * scale)


def least_button_height(scale: float) -> int:
    """The least height in pixels of a button whose words are the theme's button font grown by the UI `scale`,
    with a little margin (a menu squeezed by large text in a small window keeps its words whole)."""
    return round(scaled(BUTTON_FONT_PX, scale) * 1.4) + 10
