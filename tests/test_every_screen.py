"""Every screen of the game, opened through the real app as a player opens it, is drawn: in the standard
colours and in high contrast, at 100 % and at 200 % text size."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pygame
import pygame_gui
import pytest

from benchmarks.screens import SCREENS, open_screen
from game.render.fonts import Fonts
from game.render.palette import palette_for
from game.settings import Settings, save_settings

# For each screen: a text the game draws on it (heading or label) and the start of a button's label, if any
# (buttons may drop their key hint, "(B)", when large text leaves no room).
EXPECTED: dict[str, tuple[str, str | None]] = {
    "title": ("Lunar Station", "Campaign"),
    "campaign_timeline": ("Campaign", "Open briefing  (Enter)"),
    "briefing": ("Open to All: the 2021 Agreement", "Start the level"),
    "station": ("Budget", "Build"),
    "pause": ("Paused", "Resume"),
    "settings": ("Settings", "Apply"),
    "debrief": ("Goals", "Export for teacher"),
    "partners": ("What they care for", "Negotiate"),
    "negotiation": ("They give", "Propose"),
    "ledger": ("Agreement ledger", "Back"),
    "landing_practice": ("Landing practice", "Fly"),
    "landing_flight": ("Altitude", None),  # flying: no buttons, the HUD only
    "encyclopedia": ("Encyclopedia", "Back  (Esc)"),
    "credits": ("Credits", "Back  (Esc)"),
    "sandbox_list": ("Sandbox and mods", "Open briefing"),
}
# Screens whose background is the palette's sky or panel colour (the rest show the sky, Moon or station art).
FLAT_BACKGROUND = {"campaign_timeline", "briefing", "settings", "landing_practice", "encyclopedia", "credits",
                   "sandbox_list", "partners", "negotiation", "ledger"}
GRID = (64, 36)  # pixels sampled across the window


class _RecordingFont:
    """A font that notes every text it renders, so the test knows what the screen wrote."""

    def __init__(self, font: pygame.font.Font, seen: set[str]):
        self._font = font
        self._seen = seen

    def render(self, text: str, *args: Any, **kwargs: Any) -> pygame.Surface:
        self._seen.add(text)
        return self._font.render(text, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._font, name)


class _RecordingFonts(Fonts):
    seen: set[str]

    def _font(self, bold: bool, size: int) -> pygame.font.Font:
        return _RecordingFont(super()._font(bold, size), self.seen)  # type: ignore[return-value]


@pytest.fixture
def opened_app(request: pytest.FixtureRequest) -> Iterator[Any]:
    """The real app with the settings of `request.param` (high contrast, UI scale) saved before it opens."""
    from game.app import open_app

    high_contrast, ui_scale = request.param
    save_settings(Settings(high_contrast=high_contrast, ui_scale=ui_scale))
    app = open_app()
    fonts = _RecordingFonts(app.ctx.fonts.folder, scale=app.ctx.fonts.scale)
    fonts.seen = set()
    app.ctx.fonts = fonts
    yield app
    app.close()


def sampled_colours(surface: pygame.Surface) -> Counter[tuple[int, int, int]]:
    width, height = surface.get_size()
    columns, rows = GRID
    return Counter(
        tuple(surface.get_at((x * width // columns, y * height // rows)))[:3]  # type: ignore[misc]
        for x in range(columns) for y in range(rows)
    )


def button_labels(ui: pygame_gui.UIManager) -> list[str]:
    return [element.text for element in ui.get_sprite_group().sprites()
            if isinstance(element, pygame_gui.elements.UIButton) and element.alive() and element.visible]


def was_drawn(expected: str, seen: str) -> bool:
    """The text itself, or its start cut with '…' where a large UI scale leaves less room."""
    return seen == expected or (seen.endswith("…") and len(seen) > 4 and expected.startswith(seen[:-1]))


LOOKS = [pytest.param((False, 1.0), id="standard"), pytest.param((True, 1.0), id="high_contrast"),
         pytest.param((True, 2.0), id="high_contrast_200")]


@pytest.mark.parametrize("opened_app", LOOKS, indirect=True)
@pytest.mark.parametrize("name", SCREENS)
def test_every_screen_is_drawn(opened_app: Any, name: str) -> None:
    app = opened_app
    open_screen(app, name)
    text, button = EXPECTED[name]
    assert any(was_drawn(text, seen) for seen in app.ctx.fonts.seen), f"{name}: '{text}' was never drawn"
    if button is not None:
        labels = button_labels(app.ui)
        assert any(label.startswith(button) for label in labels), f"{name}: no '{button}' button among {labels}"
    colours = sampled_colours(app.window)
    assert len(colours) > 12, f"{name}: only {len(colours)} colours on screen: blank or nearly"
    most_common, count = colours.most_common(1)[0]
    assert count < GRID[0] * GRID[1] * 0.97, f"{name}: one colour covers the whole window"
    if name in FLAT_BACKGROUND:
        look = app.ctx.palette
        backgrounds = {(colour.r, colour.g, colour.b) for colour in (look.sky, look.panel, look.panel_raised)}
        assert most_common in backgrounds, f"{name}: the background is {most_common}, not the palette's"


def test_the_high_contrast_sky_differs_from_the_standard_one() -> None:
    # The background check above tells the two looks apart only because their skies differ.
    assert palette_for("standard").sky != palette_for("standard", high_contrast=True).sky
