"""Module silhouettes: one flat, clearly different outline per catalog `shape`, drawn into any rectangle."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import pygame

from game.render import palette

Point = tuple[float, float]
Glyph = Callable[["Pen"], None]


class Pen:
    """Draws in unit coordinates (0..1 across and down the glyph's box), light fill with a dark edge."""

    __slots__ = ("box", "edge", "fill", "ink", "surface", "width")

    def __init__(self, surface: pygame.Surface, box: pygame.Rect, fill: pygame.Color, ink: pygame.Color):
        self.surface, self.box, self.fill, self.ink = surface, box, fill, ink
        self.width = max(1, round(min(box.width, box.height) / 22))
        self.edge = palette.GLYPH_EDGE

    def at(self, u: float, v: float) -> tuple[int, int]:
        return round(self.box.x + u * self.box.width), round(self.box.y + v * self.box.height)

    def length(self, units: float) -> int:
        return max(1, round(units * min(self.box.width, self.box.height)))

    def polygon(self, points: Sequence[Point], filled: bool = True) -> None:
        pixels = [self.at(u, v) for u, v in points]
        if filled:
            pygame.draw.polygon(self.surface, self.fill, pixels)
        pygame.draw.polygon(self.surface, self.edge, pixels, self.width)

    def rect(self, left: float, top: float, right: float, bottom: float, radius: float = 0.0) -> None:
        x0, y0 = self.at(left, top)
        x1, y1 = self.at(right, bottom)
        shape = pygame.Rect(x0, y0, max(1, x1 - x0), max(1, y1 - y0))
        corner = self.length(radius) if radius else 0
        pygame.draw.rect(self.surface, self.fill, shape, border_radius=corner)
        pygame.draw.rect(self.surface, self.edge, shape, self.width, border_radius=corner)

    def circle(self, u: float, v: float, radius: float, filled: bool = True) -> None:
        centre, r = self.at(u, v), self.length(radius)
        if filled:
            pygame.draw.circle(self.surface, self.fill, centre, r)
        pygame.draw.circle(self.surface, self.edge, centre, r, self.width)

    def mark_line(self, a: Point, b: Point, thick: float = 1.0) -> None:
        """A detail line in the accent ink (a seam, a window, a door)."""
        pygame.draw.line(self.surface, self.ink, self.at(*a), self.at(*b), max(1, round(self.width * thick)))

    def mark_circle(self, u: float, v: float, radius: float) -> None:
        pygame.draw.circle(self.surface, self.ink, self.at(u, v), self.length(radius))

    def mark_rect(self, left: float, top: float, right: float, bottom: float) -> None:
        x0, y0 = self.at(left, top)
        x1, y1 = self.at(right, bottom)
        pygame.draw.rect(self.surface, self.ink, (x0, y0, max(1, x1 - x0), max(1, y1 - y0)))

    def leg(self, a: Point, b: Point, thick: float = 1.0) -> None:
        """A stand, a mast or a slat: a line in the fill colour, so it shows on the dark plate."""
        pygame.draw.line(self.surface, self.fill, self.at(*a), self.at(*b), max(1, round(self.width * thick)))


def _arc(centre: Point, radius: Point, start: float, end: float, steps: int = 16) -> list[Point]:
    """Points on an ellipse from angle `start` to `end` (radians, y down)."""
    cx, cy = centre
    rx, ry = radius
    return [
        (cx + rx * math.cos(start + (end - start) * i / steps), cy + ry * math.sin(start + (end - start) * i / steps))
        for i in range(steps + 1)
    ]


def _pad(pen: Pen) -> None:
    pen.circle(0.5, 0.5, 0.44)
    pen.mark_line((0.34, 0.3), (0.34, 0.7), 1.6)
    pen.mark_line((0.66, 0.3), (0.66, 0.7), 1.6)
    pen.mark_line((0.34, 0.5), (0.66, 0.5), 1.6)


def _panel(pen: Pen) -> None:
    pen.leg((0.5, 0.6), (0.5, 0.92), 2.0)
    pen.leg((0.3, 0.92), (0.7, 0.92), 2.0)
    pen.rect(0.18, 0.06, 0.82, 0.62)
    pen.mark_line((0.5, 0.06), (0.5, 0.62))
    pen.mark_line((0.18, 0.34), (0.82, 0.34))


def _battery(pen: Pen) -> None:
    pen.rect(0.82, 0.4, 0.93, 0.62)
    pen.rect(0.08, 0.26, 0.84, 0.76, radius=0.05)
    pen.mark_line((0.3, 0.51), (0.5, 0.51), 1.4)
    pen.mark_line((0.4, 0.41), (0.4, 0.61), 1.4)
    pen.mark_line((0.6, 0.51), (0.72, 0.51), 1.4)


def _capsule(pen: Pen) -> None:
    pen.rect(0.06, 0.28, 0.94, 0.72, radius=0.22)
    pen.mark_line((0.5, 0.3), (0.5, 0.7), 1.4)


def _reactor(pen: Pen) -> None:
    pen.polygon([(0.5 + 0.46 * math.cos(a), 0.5 + 0.46 * math.sin(a)) for a in
                 (math.pi / 6 + i * math.pi / 3 for i in range(6))])
    # Three blades around a hub: the radiation trefoil, readable even at a few pixels.
    for i in range(3):
        start = -math.pi / 2 + i * 2 * math.pi / 3 - 0.5
        blade = [(0.5, 0.5), *_arc((0.5, 0.5), (0.32, 0.32), start, start + 1.0, 5)]
        pygame.draw.polygon(pen.surface, pen.ink, [pen.at(u, v) for u, v in blade])
    pygame.draw.circle(pen.surface, pen.fill, pen.at(0.5, 0.5), pen.length(0.09))
    pen.mark_circle(0.5, 0.5, 0.05)


def _dish(pen: Pen) -> None:
    pen.leg((0.5, 0.55), (0.5, 0.9), 2.0)
    pen.leg((0.28, 0.92), (0.72, 0.92), 2.0)
    pen.polygon(_arc((0.5, 0.28), (0.44, 0.34), 0.0, math.pi))
    pen.leg((0.5, 0.6), (0.5, 0.08), 1.2)
    pen.circle(0.5, 0.08, 0.06)


def _mast(pen: Pen) -> None:
    pen.polygon([(0.5, 0.1), (0.7, 0.94), (0.3, 0.94)])
    pen.mark_line((0.41, 0.55), (0.59, 0.55))
    pen.mark_line((0.37, 0.75), (0.63, 0.75))
    pen.circle(0.5, 0.1, 0.09)


def _dome(pen: Pen) -> None:
    pen.polygon(_arc((0.5, 0.82), (0.44, 0.62), math.pi, 2 * math.pi))
    pen.leg((0.04, 0.84), (0.96, 0.84), 1.5)
    pen.mark_rect(0.43, 0.6, 0.57, 0.82)


def _box(pen: Pen) -> None:
    pen.rect(0.16, 0.2, 0.84, 0.84)
    pen.mark_line((0.16, 0.38), (0.84, 0.38))


def _drill(pen: Pen) -> None:
    pen.leg((0.5, 0.6), (0.5, 0.94), 2.2)
    pen.polygon([(0.5, 0.04), (0.8, 0.66), (0.2, 0.66)])
    pen.mark_line((0.36, 0.36), (0.64, 0.36))
    pen.polygon([(0.4, 0.8), (0.6, 0.8), (0.5, 0.97)])


def _plant(pen: Pen) -> None:
    pen.rect(0.66, 0.1, 0.8, 0.5)
    pen.polygon([(0.08, 0.9), (0.08, 0.45), (0.3, 0.3), (0.3, 0.45), (0.52, 0.3), (0.52, 0.45),
                 (0.92, 0.45), (0.92, 0.9)])
    pen.mark_rect(0.2, 0.62, 0.32, 0.76)
    pen.mark_rect(0.44, 0.62, 0.56, 0.76)


def _greenhouse(pen: Pen) -> None:
    pen.polygon([(0.06, 0.88), *_arc((0.5, 0.88), (0.44, 0.7), math.pi, 2 * math.pi), (0.94, 0.88)])
    for u in (0.28, 0.5, 0.72):
        pen.mark_line((u, 0.3 if u == 0.5 else 0.4), (u, 0.86))


def _lab(pen: Pen) -> None:
    pen.leg((0.78, 0.3), (0.78, 0.08), 1.4)
    pen.rect(0.06, 0.3, 0.94, 0.88, radius=0.06)
    pen.mark_circle(0.3, 0.58, 0.12)
    pen.mark_rect(0.55, 0.5, 0.8, 0.66)


def _telescope(pen: Pen) -> None:
    pen.leg((0.45, 0.6), (0.25, 0.95), 1.5)
    pen.leg((0.45, 0.6), (0.65, 0.95), 1.5)
    pen.polygon([(0.14, 0.6), (0.32, 0.78), (0.9, 0.22), (0.72, 0.04)])
    pen.mark_line((0.66, 0.12), (0.82, 0.3))


def _garage(pen: Pen) -> None:
    pen.polygon([(0.06, 0.9), (0.06, 0.4), (0.5, 0.1), (0.94, 0.4), (0.94, 0.9)])
    pen.mark_rect(0.26, 0.52, 0.74, 0.9)
    pen.leg((0.26, 0.66), (0.74, 0.66))
    pen.leg((0.26, 0.78), (0.74, 0.78))


def _printer(pen: Pen) -> None:
    pen.rect(0.06, 0.3, 0.24, 0.92)
    pen.rect(0.76, 0.3, 0.94, 0.92)
    pen.rect(0.04, 0.1, 0.96, 0.32)
    pen.polygon([(0.38, 0.32), (0.62, 0.32), (0.5, 0.52)])
    pen.rect(0.34, 0.7, 0.66, 0.92)


def _depot(pen: Pen) -> None:
    pen.rect(0.06, 0.54, 0.48, 0.92)
    pen.rect(0.52, 0.54, 0.94, 0.92)
    pen.rect(0.29, 0.14, 0.71, 0.52)
    pen.mark_line((0.29, 0.33), (0.71, 0.33))


def _bunker(pen: Pen) -> None:
    pen.polygon([(0.04, 0.86), (0.22, 0.36), (0.78, 0.36), (0.96, 0.86)])
    pen.mark_rect(0.34, 0.5, 0.66, 0.58)


def _cable(pen: Pen) -> None:
    pen.circle(0.5, 0.5, 0.18)


GLYPHS: dict[str, Glyph] = {
    "pad": _pad, "panel": _panel, "battery": _battery, "capsule": _capsule, "reactor": _reactor,
    "dish": _dish, "mast": _mast, "dome": _dome, "box": _box, "drill": _drill, "plant": _plant,
    "greenhouse": _greenhouse, "lab": _lab, "telescope": _telescope, "garage": _garage,
    "printer": _printer, "depot": _depot, "bunker": _bunker, "cable": _cable,
}


def draw_glyph(
    surface: pygame.Surface,
    shape: str,
    box: pygame.Rect,
    fill: pygame.Color = palette.GLYPH_FILL,
    ink: pygame.Color = palette.GLYPH_EDGE,
) -> None:
    """Draws the silhouette of `shape` inside `box`; an unknown shape draws as a plain box."""
    GLYPHS.get(shape, _box)(Pen(surface, box, fill, ink))
