"""Fill patterns drawn over tile colours, so the site map reads without colour vision."""

from __future__ import annotations

import math

import pygame

PATTERNS = ("plain", "dots", "hatch", "cross", "waves", "stripes", "grid")


def ink_for(colour: pygame.Color) -> pygame.Color:
    """A pattern colour that stands out from `colour`: darker on light ground, lighter on dark ground."""
    luminance = (0.2126 * colour.r + 0.7152 * colour.g + 0.0722 * colour.b) / 255
    if luminance > 0.4:
        return colour.lerp(pygame.Color(0, 0, 0), 0.5)
    return colour.lerp(pygame.Color(255, 255, 255), 0.45)


def repeats_for(size: int) -> int:
    """How many pattern repeats fit one tile; a whole number, so patterns run on across tile edges."""
    return max(1, round(size / 9))


def draw_pattern(surface: pygame.Surface, pattern: str, colour: pygame.Color) -> None:
    """Draws `pattern` in `colour` across the whole of `surface` (one square tile)."""
    size = surface.get_width()
    count = repeats_for(size)
    step = size / count
    width = max(1, round(size / 28))
    if pattern == "dots":
        radius = max(1, round(step / 6))
        for i in range(count):
            for j in range(count):
                pygame.draw.circle(surface, colour, (round((i + 0.5) * step), round((j + 0.5) * step)), radius)
    elif pattern in ("hatch", "cross"):
        _diagonals(surface, colour, step, width, rising=True)
        if pattern == "cross":
            _diagonals(surface, colour, step, width, rising=False)
    elif pattern in ("stripes", "grid"):
        for j in range(count):
            y = round((j + 0.5) * step)
            pygame.draw.line(surface, colour, (0, y), (size, y), width)
            if pattern == "grid":
                pygame.draw.line(surface, colour, (y, 0), (y, size), width)
    elif pattern == "waves":
        amplitude = step / 5
        for j in range(count):
            base = (j + 0.5) * step
            points = [
                (x, base + amplitude * math.sin(x / size * count * 2 * math.pi))
                for x in range(0, size + 1, max(1, size // 16))
            ]
            pygame.draw.lines(surface, colour, False, points, width)


def _diagonals(surface: pygame.Surface, colour: pygame.Color, step: float, width: int, rising: bool) -> None:
    size = surface.get_width()
    count = round(size / step)
    # Lines start one tile to the left so that every corner is covered; the spacing divides the tile,
    # so the lines of neighbouring tiles meet.
    for k in range(-count, count + 1):
        offset = k * step + step / 2
        if rising:
            pygame.draw.line(surface, colour, (offset, size), (offset + size, 0), width)
        else:
            pygame.draw.line(surface, colour, (offset, 0), (offset + size, size), width)
