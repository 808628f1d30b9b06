"""The colours and text sizes of the flat, dark-sky look, chosen to survive a washed-out projector."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

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


# --- palettes the settings choose: standard, colour-blind safe, and high contrast for projectors ---------------
# The names above stay the standard look; screens that honour the settings read `ctx.palette` instead.


@dataclass(frozen=True, slots=True)
class Palette:
    """One set of screen colours; `series` colours the lines of a graph, in order."""

    name: str
    sky: Color
    panel: Color
    panel_raised: Color
    panel_edge: Color
    text: Color
    text_dim: Color
    accent: Color
    focus: Color
    good: Color
    broken: Color
    warning: Color
    cable: Color
    series: tuple[Color, ...]


STANDARD_PALETTE = Palette(
    "standard", SKY, PANEL, PANEL_RAISED, PANEL_EDGE, TEXT, TEXT_DIM, ACCENT, FOCUS, GOOD, BROKEN,
    Color("#ffb347"), CABLE,
    (Color("#ffc857"), Color("#6ec6ff"), Color("#7ee0a0"), Color("#ff7a6b"), Color("#c59bff"), Color("#f4f6fb")),
)
# Okabe and Ito's eight colours, told apart with every common kind of colour blindness:
# good is blue and broken is vermilion, never green against red.
COLOUR_BLIND_PALETTE = Palette(
    "colour_blind", SKY, PANEL, PANEL_RAISED, PANEL_EDGE, TEXT, TEXT_DIM, Color("#f0e442"), Color("#f0e442"),
    Color("#56b4e9"), Color("#d55e00"), Color("#e69f00"), Color("#e69f00"),
    (Color("#e69f00"), Color("#56b4e9"), Color("#f0e442"), Color("#d55e00"), Color("#cc79a7"), Color("#ffffff")),
)


def palette_for(name: str, high_contrast: bool = False) -> Palette:
    """The palette the settings ask for; high contrast keeps its hues but goes black and white behind them."""
    base = COLOUR_BLIND_PALETTE if name == "colour_blind" else STANDARD_PALETTE
    if not high_contrast:
        return base
    return replace(
        base,
        name=f"{base.name}_high_contrast",
        sky=Color("#000000"),
        panel=Color("#000000"),
        panel_raised=Color("#101010"),
        panel_edge=Color("#ffffff"),
        text=Color("#ffffff"),
        text_dim=Color("#e6e6e6"),
        accent=Color("#ffff00"),
        focus=Color("#ffff00"),
    )


def theme_colours(palette: Palette) -> dict[str, str]:
    """The pygame_gui default colours for `palette`, to lay over assets/theme.json."""

    def hex_of(colour: Color) -> str:
        return f"#{colour.r:02x}{colour.g:02x}{colour.b:02x}"

    return {
        "normal_bg": hex_of(palette.panel_raised),
        "dark_bg": hex_of(palette.panel),
        "normal_text": hex_of(palette.text),
        "normal_border": hex_of(palette.panel_edge),
        "selected_border": hex_of(palette.focus),
        "active_border": hex_of(palette.focus),
        "active_bg": hex_of(palette.accent),
        "text_cursor": hex_of(palette.focus),
    }


def recolour_theme(theme: dict[str, Any], palette: Palette) -> dict[str, Any]:
    """Lays `palette` over a pygame_gui theme dict in place: every block's colours, not only the defaults,
    since blocks such as text boxes set their own. Transparent colours (#rrggbbaa) stay transparent."""
    colours = theme_colours(palette)
    for block in theme.values():
        block_colours = block.get("colours") if isinstance(block, dict) else None
        if not isinstance(block_colours, dict):
            continue
        for key, value in colours.items():
            current = block_colours.get(key)
            if isinstance(current, str) and len(current) == 7:
                block_colours[key] = value
    return theme
