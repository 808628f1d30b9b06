"""Clipping shapes to the screen before pygame fills them: a vertex a million pixels away makes pygame's polygon fill
walk a million rows, so a steep landing ground froze its screen; clipped, a shape costs what it shows."""

from __future__ import annotations

from collections.abc import Callable, Sequence

Point = tuple[float, float]
# How far past the surface's edges a clipped shape still reaches: wide lines and outlines end off screen.
MARGIN = 64.0


def clip_polygon(points: Sequence[Point], width: float, height: float) -> list[Point]:
    """The part of the polygon inside the surface (and MARGIN around it), by Sutherland-Hodgman; [] when none is."""
    low_x, low_y, high_x, high_y = -MARGIN, -MARGIN, width + MARGIN, height + MARGIN
    edges: tuple[tuple[Callable[[Point], bool], Callable[[Point, Point], Point]], ...] = (
        (lambda p: p[0] >= low_x, lambda a, b: _at_x(a, b, low_x)),
        (lambda p: p[0] <= high_x, lambda a, b: _at_x(a, b, high_x)),
        (lambda p: p[1] >= low_y, lambda a, b: _at_y(a, b, low_y)),
        (lambda p: p[1] <= high_y, lambda a, b: _at_y(a, b, high_y)),
    )
    result = list(points)
    for inside, cross in edges:
        if not result:
            break
        given, result = result, []
        previous = given[-1]
        for point in given:
            if inside(point):
                if not inside(previous):
                    result.append(cross(previous, point))
                result.append(point)
            elif inside(previous):
                result.append(cross(previous, point))
            previous = point
    return result


def _at_x(a: Point, b: Point, x: float) -> Point:
    share = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + (b[1] - a[1]) * share


def _at_y(a: Point, b: Point, y: float) -> Point:
    share = (y - a[1]) / (b[1] - a[1])
    return a[0] + (b[0] - a[0]) * share, y


def clip_segment(a: Point, b: Point, width: float, height: float) -> tuple[Point, Point] | None:
    """The part of the segment a-b inside the surface (and MARGIN around it), by Liang-Barsky; None when none is."""
    low_x, low_y, high_x, high_y = -MARGIN, -MARGIN, width + MARGIN, height + MARGIN
    dx, dy = b[0] - a[0], b[1] - a[1]
    start, end = 0.0, 1.0
    for step, room in ((-dx, a[0] - low_x), (dx, high_x - a[0]), (-dy, a[1] - low_y), (dy, high_y - a[1])):
        if step == 0:
            if room < 0:
                return None
            continue
        share = room / step
        if step < 0:
            start = max(start, share)
        else:
            end = min(end, share)
        if start > end:
            return None
    return (a[0] + dx * start, a[1] + dy * start), (a[0] + dx * end, a[1] + dy * end)
