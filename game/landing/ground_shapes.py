"""The ground's physics segments, put into the space only as the lander comes near them.

A landing zone has hundreds of segments and a lander touches a handful; building every one as a pymunk
shape (and freeing it after) took a fifth of a benchmark landing. Segments far from the lander can never
touch it, so they are added in chunks ahead of it: the physics is the same, with fewer shapes to hold.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right

import pymunk

from game.landing.terrain import Ground

# Each time the lander nears the edge of what is built, this much more ground beyond its reach is added,
# so additions are rare (a nominal landing makes two or three).
CHUNK_M = 120.0


class GroundShapes:
    """The segments of `ground`, hung `radius` below its line, built in `space` between two x that only widen."""

    __slots__ = ("_collision_type", "_friction", "_hi", "_lo", "_radius", "_space", "_xs", "_ys", "left", "right")

    def __init__(
        self, space: pymunk.Space, ground: Ground, radius: float, friction: float, collision_type: int
    ):
        self._space = space
        self._xs, self._ys = ground.xs, ground.ys
        self._radius = radius
        self._friction = friction
        self._collision_type = collision_type
        # Segments lo .. hi-1 are in the space (segment i runs from point i to point i + 1); none yet.
        self._lo = self._hi = 0
        # Every x from `left` to `right` lies under a segment in the space (an empty range to begin with).
        self.left, self.right = math.inf, -math.inf

    def cover(self, left: float, right: float) -> None:
        """Puts in the space every segment under x from `left - CHUNK_M` to `right + CHUNK_M`."""
        xs = self._xs
        last = len(xs) - 1
        # Segment i spans xs[i] to xs[i + 1]: from the last one starting at or before the left end,
        # up to (not including) the first one starting at or after the right end.
        lo = max(0, min(last - 1, bisect_right(xs, left - CHUNK_M) - 1))
        hi = max(lo + 1, min(last, bisect_left(xs, right + CHUNK_M)))
        if self._hi == 0:
            self._add(lo, hi)
            self._lo, self._hi = lo, hi
        else:
            if lo < self._lo:
                self._add(lo, self._lo)
                self._lo = lo
            if hi > self._hi:
                self._add(self._hi, hi)
                self._hi = hi
        # Past an end of the ground there is nothing more to add: that side counts as covered for ever.
        self.left = -math.inf if self._lo == 0 else xs[self._lo]
        self.right = math.inf if self._hi == last else xs[self._hi]

    def _add(self, first: int, end: int) -> None:
        xs, ys, radius, body = self._xs, self._ys, self._radius, self._space.static_body
        segments = []
        for index in range(first, end):
            # Hung one radius low, so the solid surface runs along the drawn line.
            segment = pymunk.Segment(
                body, (xs[index], ys[index] - radius), (xs[index + 1], ys[index + 1] - radius), radius
            )
            segment.collision_type = self._collision_type
            segment.friction = self._friction
            segments.append(segment)
        self._space.add(*segments)
