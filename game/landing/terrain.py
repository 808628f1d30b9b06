"""The ground of a landing zone as a polyline in metres: drawn in the level, or generated from a seed, on
the site's own relief (game/landing/site_slice.py) or on a slope with a crater."""

from __future__ import annotations

import math
import random
from bisect import bisect_right
from dataclasses import dataclass

from game.content.models import LandingTerrain

# Spacing of the generated ground's points: fine enough for bumps a footpad notices, coarse enough that
# the physics has few segments to test against.
SAMPLE_SPACING_M = 8.0
# Gentle bumps are a sum of waves between these wavelengths, so the ground rolls rather than jitters.
ROLL_WAVELENGTHS_M = (60.0, 400.0)
ROLL_WAVES = 4
# A crater the seed places sits this far beyond the pad's edge at the least, so the pad stays level.
CRATER_CLEARANCE_M = 60.0


@dataclass(frozen=True, slots=True)
class Ground:
    """A side view of the ground: points left to right, the target and the level pad around it."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    target_x: float
    pad: tuple[float, float]

    @property
    def left(self) -> float:
        return self.xs[0]

    @property
    def right(self) -> float:
        return self.xs[-1]

    def height_at(self, x: float) -> float:
        """The ground's height under x; beyond the ends, the end's height."""
        xs = self.xs
        index = bisect_right(xs, x)
        if index <= 0:
            return self.ys[0]
        if index >= len(xs):
            return self.ys[-1]
        x0, x1 = xs[index - 1], xs[index]
        y0, y1 = self.ys[index - 1], self.ys[index]
        return y0 + (y1 - y0) * (x - x0) / (x1 - x0)

    def distance_above(self, x: float, y: float) -> float:
        """How far (x, y) is from the ground measured square to it, to the nearest point of the line: positive
        above, negative below. On steep ground it is less than the height straight above the ground."""
        straight = y - self.height_at(x)
        nearest = abs(straight)
        xs, ys = self.xs, self.ys
        # No point of the line nearer than straight down can lie farther sideways than that: only the segments
        # within that reach are measured (beyond the ends the ground runs flat, straight down is nearest there).
        first = max(bisect_right(xs, x - nearest) - 1, 0)
        last = min(bisect_right(xs, x + nearest), len(xs) - 1)
        for index in range(first, last):
            x0, y0, x1, y1 = xs[index], ys[index], xs[index + 1], ys[index + 1]
            dx, dy = x1 - x0, y1 - y0
            along = min(1.0, max(0.0, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)))
            nearest = min(nearest, math.hypot(x - x0 - along * dx, y - y0 - along * dy))
        return math.copysign(nearest, straight)

    def points(self) -> list[tuple[float, float]]:
        return list(zip(self.xs, self.ys, strict=True))


@dataclass(frozen=True, slots=True)
class Relief:
    """Large-scale heights under the landing: straight between knots (x, height) in metres, flat beyond."""

    knots_x: tuple[float, ...]
    knots_y: tuple[float, ...]

    def __call__(self, x: float) -> float:
        xs = self.knots_x
        index = bisect_right(xs, x)
        if index <= 0:
            return self.knots_y[0]
        if index >= len(xs):
            return self.knots_y[-1]
        x0, x1 = xs[index - 1], xs[index]
        y0, y1 = self.knots_y[index - 1], self.knots_y[index]
        return y0 + (y1 - y0) * (x - x0) / (x1 - x0)


def ground_for(terrain: LandingTerrain, target_x: float, seed: int, relief: Relief | None = None) -> Ground:
    """The ground a landing flies over: the drawn points as given, or generated from the seed (on `relief`,
    the site's heights along the pad's row, when the terrain is cut from the site)."""
    if terrain.points is not None:
        xs = tuple(float(x) for x, _ in terrain.points)
        ys = tuple(float(y) for _, y in terrain.points)
        return Ground(xs, ys, target_x, (target_x, target_x))
    return generate_ground(terrain, target_x, terrain.seed if terrain.seed is not None else seed,
                           relief if terrain.from_site else None)


def generate_ground(terrain: LandingTerrain, target_x: float, seed: int, relief: Relief | None = None) -> Ground:
    """Rolling ground with boulders and a level pad, on `relief` when given, else on an overall slope with an
    optional crater rim."""
    dice = random.Random(seed)
    width = terrain.width_m
    pad_left, pad_right = target_x - terrain.pad_width_m / 2, target_x + terrain.pad_width_m / 2
    slope = math.tan(math.radians(terrain.slope_deg))
    waves = [
        (
            dice.uniform(*ROLL_WAVELENGTHS_M),
            dice.uniform(0.0, 2.0 * math.pi),
            dice.uniform(0.5, 1.0) * terrain.roughness_m / ROLL_WAVES,
        )
        for _ in range(ROLL_WAVES)
    ]
    crater_x = terrain.crater_x_m
    if crater_x is None and relief is None:
        side = dice.choice((-1.0, 1.0))
        reach = terrain.pad_width_m / 2 + terrain.crater_radius_m * 1.5 + CRATER_CLEARANCE_M
        crater_x = target_x + side * (reach + dice.uniform(0.0, 200.0))

    def base(x: float) -> float:
        height = relief(x) if relief is not None else slope * (x - target_x)
        for wavelength, phase, amplitude in waves:
            height += amplitude * math.sin(2.0 * math.pi * x / wavelength + phase)
        if relief is None and crater_x is not None and terrain.crater_rim_height_m > 0.0:
            height += _crater(x, crater_x, terrain.crater_radius_m, terrain.crater_rim_height_m)
        return height

    marks = {index * SAMPLE_SPACING_M for index in range(int(width // SAMPLE_SPACING_M) + 1)}
    marks.add(width)
    if relief is not None:  # the relief's own corners, so a rim's crest is not cut off between samples
        marks.update(x for x in relief.knots_x if 0.0 < x < width)
    marks.update(edge for edge in (pad_left, pad_right) if 0.0 < edge < width)
    boulders = _boulders(dice, terrain, width, pad_left, pad_right)
    for centre, half_width, _ in boulders:
        corners = (centre - half_width, centre - half_width / 2, centre + half_width / 2, centre + half_width)
        marks.update(x for x in corners if 0.0 < x < width)
    xs = sorted(marks)
    ys = [base(x) for x in xs]
    for centre, half_width, height in boulders:
        # A flat-topped mound; where two overlap, the taller wins.
        for index in range(bisect_right(xs, centre - half_width), bisect_right(xs, centre + half_width)):
            distance = abs(xs[index] - centre)
            if distance < half_width:
                ys[index] = max(ys[index], base(xs[index]) + height * min(1.0, 2.0 * (1.0 - distance / half_width)))
    pad_height = base(target_x)
    for index in range(bisect_right(xs, pad_left - 1e-9), bisect_right(xs, pad_right)):
        ys[index] = pad_height
    return Ground(tuple(xs), tuple(ys), target_x, (pad_left, pad_right))


def _crater(x: float, centre: float, radius: float, rim: float) -> float:
    """A bowl whose floor lies 1.5 rims below the plain, a rim at the radius, and an apron that fades."""
    r = abs(x - centre) / radius
    if r < 1.0:
        depth = 1.5 * rim
        return -depth + (rim + depth) * r * r
    return rim * math.exp(-3.0 * (r - 1.0))


def _boulders(
    dice: random.Random, terrain: LandingTerrain, width: float, pad_left: float, pad_right: float
) -> list[tuple[float, float, float]]:
    """(centre, half width, height) of each boulder; none touches the pad."""
    found = []
    for _ in range(terrain.boulders):
        height = terrain.boulder_height_m * dice.uniform(0.3, 1.0)
        half_width = height * dice.uniform(1.0, 1.8) + 0.3
        centre = dice.uniform(half_width, width - half_width)
        if pad_left - half_width <= centre <= pad_right + half_width:
            # Rolled onto the pad: move it just outside, to the side it was nearer.
            nearer_left = centre < (pad_left + pad_right) / 2
            centre = pad_left - half_width - 1.0 if nearer_left else pad_right + half_width + 1.0
        if half_width <= centre <= width - half_width:
            found.append((centre, half_width, height))
    return found

