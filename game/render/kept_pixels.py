"""A screen area's pixels kept with what they were drawn from: a panel whose inputs did not change since the last
frame is copied back instead of drawn again (its words, shapes and wrapping are much of a frame's work)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

import pygame

T = TypeVar("T")


class KeptPixels(Generic[T]):
    """One area's last drawing, its inputs and what it returned; a cache of pixels, never game state, so drawing
    may fill it."""

    def __init__(self) -> None:
        self._inputs: object = None
        self._area: pygame.Rect | None = None
        self._pixels: pygame.Surface | None = None
        self._result: T | None = None

    def draw(self, surface: pygame.Surface, area: pygame.Rect, inputs: object, draw: Callable[[], T]) -> T:
        """Calls `draw`, or copies its last pixels back when `inputs` (everything it reads, compared with ==) are
        as they were; returns what `draw` returned. `draw` must paint every pixel of `area`, over whatever lay
        there, and none outside it."""
        area = area.clip(surface.get_rect())
        if self._pixels is not None and area == self._area and inputs == self._inputs:
            surface.blit(self._pixels, area)
            return self._result  # type: ignore[return-value]  # set with the pixels
        self._result = result = draw()
        self._inputs, self._area = inputs, area
        if self._pixels is None or self._pixels.get_size() != area.size:
            self._pixels = surface.subsurface(area).copy()
        else:
            self._pixels.blit(surface, (0, 0), area)
        return result
