"""Driving the real app in tests as a player would: frames, key presses, clicks, and fonts that note every text
they draw (so a test can ask what the screen wrote, not where its pixels went)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import numpy as np
import pygame
import pygame_gui

from game.render.fonts import Fonts
from game.settings import Settings, save_settings

FRAME = 1 / 60


def run_frames(app: Any, frames: int = 2, dt: float = FRAME) -> None:
    """Runs whole frames (events, update, drawing) while the app runs."""
    for _ in range(frames):
        if app.running:
            app.frame(dt)


@contextlib.contextmanager
def drawing_one_frame_in(app: Any, frames: int) -> Iterator[None]:
    """While open, the app draws one frame in `frames`; events and updates still run every frame.

    For tests whose subject is time or state (a flight's length, what was said, a grade), not pixels: drawing is
    about nine tenths of a landing frame's cost, so thousands of frames cost what their updates cost, while the
    drawing code still runs through every phase it would have drawn.
    """
    draw = app.draw
    count = 0

    def sometimes() -> None:
        nonlocal count
        if count % frames == 0:
            draw()
        count += 1

    app.draw = sometimes
    try:
        yield
    finally:
        app.draw = draw


def press(app: Any, key: int, mod: int = 0, frames: int = 2) -> None:
    """Presses and lets go of `key` (with the modifier keys `mod`), then runs `frames` frames."""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))
    run_frames(app, frames)


def type_text(app: Any, text: str) -> None:
    """Types `text` one character at a time as a keyboard's text input would, then two frames."""
    for character in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=character))
    run_frames(app)


def click(app: Any, position: tuple[int, int], button: int = 1) -> None:
    """A mouse click at `position` (button 1 left, 3 right), then two frames."""
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=button, pos=position))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, button=button, pos=position))
    run_frames(app)


def click_button(app: Any, button: object) -> None:
    """Presses a pygame_gui button as a click on it would, then two frames."""
    pygame.event.post(pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, ui_element=button))
    run_frames(app)


def colours_in(surface: pygame.Surface, area: pygame.Rect | None = None, step: int = 3) -> set[tuple[int, int, int]]:
    """The colours drawn in `area` (the whole surface if None), sampled every `step` pixels each way."""
    area = (area or surface.get_rect()).clip(surface.get_rect())
    return {tuple(surface.get_at((x, y)))[:3] for x in range(area.left, area.right, step)  # type: ignore[misc]
            for y in range(area.top, area.bottom, step)}


def outline_colours(surface: pygame.Surface, rect: pygame.Rect, depth: int = 4) -> set[tuple[int, int, int]]:
    """The colours found on all four sides of `rect`, in the band `depth` pixels deep inside each edge: an outline's
    colour whatever its thickness or corner rounding, and not a line that only touches one side."""
    across, down = (rect.width, depth), (depth, rect.height)
    bands = (pygame.Rect(rect.topleft, across), pygame.Rect((rect.left, rect.bottom - depth), across),
             pygame.Rect(rect.topleft, down), pygame.Rect((rect.right - depth, rect.top), down))
    sides = [colours_in(surface, band, step=1) for band in bands]
    return set.intersection(*sides)


def changed_pixels(before: pygame.Surface, after: pygame.Surface) -> np.ndarray:
    """Where two drawings of the same size differ, indexed [x, y]: what one drawing adds to the other."""
    return np.any(pygame.surfarray.pixels3d(before) != pygame.surfarray.pixels3d(after), axis=2)


class RecordingFont:
    """A font that notes every text it renders, so the test knows what the screen wrote."""

    def __init__(self, font: pygame.font.Font, seen: set[str], widths: dict[str, int] | None = None):
        self._font = font
        self._seen = seen
        self._widths = widths

    def render(self, text: str, *args: Any, **kwargs: Any) -> pygame.Surface:
        self._seen.add(text)
        image = self._font.render(text, *args, **kwargs)
        if self._widths is not None:  # the widest it was drawn, at any size
            self._widths[text] = max(self._widths.get(text, 0), image.get_width())
        return image

    def __getattr__(self, name: str) -> Any:
        return getattr(self._font, name)


class RecordingFonts(Fonts):
    """The game's fonts, noting in `seen` every text drawn with them."""

    seen: set[str]
    widths: dict[str, int]  # each text's widest drawn width in pixels

    def _font(self, bold: bool, size: int) -> pygame.font.Font:
        return RecordingFont(super()._font(bold, size), self.seen, getattr(self, "widths", None))  # type: ignore[return-value]


def record_fonts(app: Any) -> RecordingFonts:
    """Gives the app fonts that note what they draw (at the app's UI scale, in its language's font); returns them."""
    fonts = RecordingFonts(app.ctx.fonts.folder, scale=app.ctx.fonts.scale, language_files=app.ctx.fonts.language_files)
    fonts.seen = set()
    fonts.widths = {}
    app.ctx.fonts = fonts
    return fonts


def open_recording_app(settings: Settings) -> Any:
    """The real app with `settings` saved before it opens, its fonts noting every text it draws."""
    from game.app import open_app  # imported here: most tests never need pygame

    save_settings(settings)
    app = open_app()
    record_fonts(app)
    return app
