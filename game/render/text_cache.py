"""Rendered words kept between frames: panels redraw the same text each frame, and rendering it is the slow part."""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.render.fonts import Fonts
from game.render.text import wrap_text

MAX_ENTRIES = 1500  # a busy screen shows a few hundred strings; the cap only stops unbounded growth


@dataclass(slots=True)
class TextCache:
    """Text images by (text, weight, size, colour). A cache of pixels, never game state: drawing may fill it."""

    fonts: Fonts
    _images: dict[tuple[str, bool, int, tuple[int, int, int]], pygame.Surface] = field(default_factory=dict)
    _fitted: dict[tuple[str, int, float, bool], str] = field(default_factory=dict)
    _widths: dict[tuple[str, int, bool], int] = field(default_factory=dict)
    _wrapped: dict[tuple[str, int, int, bool], list[str]] = field(default_factory=dict)
    _scale: float = 1.0  # the UI scale the cached pixels were made at; a new scale starts the cache afresh

    def _same_scale(self) -> None:
        if self.fonts.scale != self._scale:  # the player changed the UI scale in the settings
            self._images.clear()
            self._fitted.clear()
            self._widths.clear()
            self._wrapped.clear()
            self._scale = self.fonts.scale

    def render(self, text: str, size: int, colour: pygame.Color | tuple[int, int, int], bold: bool = False
               ) -> pygame.Surface:
        self._same_scale()
        rgb = (colour[0], colour[1], colour[2])
        key = (text, bold, size, rgb)
        image = self._images.get(key)
        if image is None:
            if len(self._images) >= MAX_ENTRIES:
                self._images.clear()
            font = self.fonts.bold(size) if bold else self.fonts.regular(size)
            image = self._images[key] = font.render(text, True, rgb).convert_alpha() \
                if pygame.display.get_surface() is not None else font.render(text, True, rgb)
        return image

    def draw(self, surface: pygame.Surface, text: str, size: int, colour: pygame.Color | tuple[int, int, int],
             position: tuple[int, int], anchor: str = "topleft", bold: bool = False) -> pygame.Rect:
        """Draws one line with its `anchor` point (a pygame.Rect attribute name) at `position`."""
        image = self.render(text, size, colour, bold)
        rect = image.get_rect(**{anchor: position})
        surface.blit(image, rect)
        return rect

    def width(self, text: str, size: int, bold: bool = False) -> int:
        """How wide `text` is in pixels, measured once."""
        self._same_scale()
        key = (text, size, bold)
        measured = self._widths.get(key)
        if measured is None:
            if len(self._widths) >= MAX_ENTRIES:
                self._widths.clear()
            font = self.fonts.bold(size) if bold else self.fonts.regular(size)
            measured = self._widths[key] = font.size(text)[0]
        return measured

    def wrap(self, text: str, size: int, width: int, bold: bool = False) -> list[str]:
        """`text` split into lines no wider than `width` pixels, worked out once."""
        self._same_scale()
        key = (text, size, width, bold)
        lines = self._wrapped.get(key)
        if lines is None:
            if len(self._wrapped) >= MAX_ENTRIES:
                self._wrapped.clear()
            lines = self._wrapped[key] = wrap_text(text, self.fonts.bold(size) if bold else self.fonts.regular(size),
                                                   width)
        return lines

    def fit_clauses(self, text: str, size: int, width: float, separator: str = " · ") -> str:
        """As many whole clauses of `text` as fit in `width` ('' when none does): half a clause says nothing."""
        clauses = text.split(separator)
        while clauses and self.width(separator.join(clauses), size) > width:
            clauses.pop()
        return separator.join(clauses)

    def fit(self, text: str, size: int, width: float, bold: bool = False) -> str:
        """`text`, cut and ended with '…' when it would be wider than `width` pixels."""
        self._same_scale()
        key = (text, size, width, bold)
        fitted = self._fitted.get(key)
        if fitted is None:
            if len(self._fitted) >= MAX_ENTRIES:
                self._fitted.clear()
            font = self.fonts.bold(size) if bold else self.fonts.regular(size)
            fitted = text
            if font.size(text)[0] > width:
                while fitted and font.size(fitted + "…")[0] > width:
                    fitted = fitted[:-1]
                fitted = fitted.rstrip() + "…"
            self._fitted[key] = fitted
        return fitted
