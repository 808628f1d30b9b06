"""The colours and text sizes of the flat, dark-sky look, chosen to survive a washed-out projector."""

from __future__ import annotations

from pygame import Color

SKY = Color("#05070d")
SKY_HORIZON = Color("#101828")
PANEL = Color("#141b27")
PANEL_RAISED = Color("#1d2636")
PANEL_EDGE = Color("#34415a")
TEXT = Color("#eef1f6")
TEXT_DIM = Color("#aab4c4")
ACCENT = Color("#ffc857")
FOCUS = Color("#ffc857")
BROKEN = Color("#ff7a6b")
GOOD = Color("#7ee0a0")
CABLE = Color("#ff9f40")
GLYPH_FILL = Color("#f4f6fb")
GLYPH_EDGE = Color("#0b0e14")
SHADOW = Color(0, 0, 0, 150)

# Text sizes in pixels at 1280 x 720: nothing below SMALL, so the back row can read a projector.
SMALL = 18
BODY = 22
LARGE = 28
HEADING = 34
TITLE = 88
