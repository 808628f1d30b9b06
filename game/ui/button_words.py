"""How wide a pygame_gui button must be to show its words whole: the theme's button font at the text size in use,
the button's padding and border, and a little room that grows with the text."""

from __future__ import annotations

from game.render.fonts import Fonts

BUTTON_FONT_PX = 24  # the theme's button font (assets/theme.json, bold), before the UI scale
BUTTON_PADDING = 34  # pygame_gui's text padding and border on both sides of a button's label (not scaled)
BUTTON_BREATHING = 8


def button_width_for(fonts: Fonts, label: str) -> int:
    """The least width in pixels of a button showing `label` in `fonts` (at their scale and language)."""
    return fonts.bold(BUTTON_FONT_PX).size(label)[0] + BUTTON_PADDING + round(BUTTON_BREATHING * fonts.scale)
