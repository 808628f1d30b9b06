"""The title backdrop, drawn in code: a starfield, Earth low on the horizon, the grey south-polar ridges."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

import pygame

from game.render import palette

STAR_COUNT = 320
HORIZON = 0.74  # the horizon's height as a fraction of the screen, from the top
FAR_RIDGE = pygame.Color("#3b3d45")
NEAR_GROUND = pygame.Color("#24262c")
SUNLIT_CREST = pygame.Color("#b9b3a5")
OCEAN = pygame.Color("#2e6dbf")
LAND = (pygame.Color("#6d9b57"), pygame.Color("#c9b27c"))
CLOUD = pygame.Color(250, 252, 255, 215)
NIGHT = pygame.Color(6, 9, 18, 225)
EARTH_X_SHARE = 0.76  # Earth's usual place across the screen, right of centre, when nothing is in its way
EARTH_LEAST_RADIUS = 12
EARTH_CLEARANCE = 8  # pixels kept between Earth and anything drawn over the backdrop
# Kept between Earth (with its halo) and the window's sides: the screens' own margin. Hard against the edge, its
# night side read as the picture being cut off there.
EARTH_EDGE_MARGIN = 40
EARTH_HALO = 2  # the thin bright ring drawn just outside the disc
EARTH_RISE = 0.3  # how far Earth's centre stands above the ridge, in radii: most of the disc shows


def render_backdrop(size: tuple[int, int], seed: int = 2021, keep_clear: Sequence[pygame.Rect] = ()) -> pygame.Surface:
    """A finished backdrop for a window of `size`; the same seed always gives the same sky.

    Earth is placed where none of `keep_clear` (a menu's buttons, say) will be drawn over it."""
    width, height = size
    rng = random.Random(seed)
    surface = pygame.Surface(size)
    _draw_sky(surface)
    horizon_y = round(height * HORIZON)
    _draw_stars(surface, rng, horizon_y)
    far = _ridge(width, horizon_y - height * 0.04, height * 0.035, [rng.uniform(0, 6.3) for _ in range(4)])
    centre, radius = earth_placement(size, keep_clear, far)
    _draw_earth(surface, centre, radius)
    _draw_ridges(surface, rng, horizon_y, far)
    return surface


def earth_placement(
    size: tuple[int, int], keep_clear: Sequence[pygame.Rect] = (), skyline: Sequence[tuple[float, float]] = (),
) -> tuple[tuple[int, int], int]:
    """(centre, radius) of Earth: rising a little above `skyline` (the far ridge's points, x every few pixels;
    without it, the ridges' mean height), as large and as near its usual spot as `keep_clear` allows.

    Seen from the south pole Earth never climbs high: it always sits on the horizon, partly behind the ridges,
    so a crowded screen makes it smaller rather than lifting it into the sky."""
    width, height = size
    ridge_mean = round(height * HORIZON - height * 0.04)
    step = skyline[1][0] - skyline[0][0] if len(skyline) > 1 else 0.0

    def ground_at(x: int) -> float:
        if step <= 0.0:
            return ridge_mean
        return skyline[min(len(skyline) - 1, max(0, round(x / step)))][1]

    largest = max(EARTH_LEAST_RADIUS, round(height * 0.1))
    wanted_x = round(width * EARTH_X_SHARE)
    blocked = [rect.inflate(2 * EARTH_CLEARANCE, 2 * EARTH_CLEARANCE) for rect in keep_clear]
    for radius in range(largest, EARTH_LEAST_RADIUS - 1, -2):
        side = radius + EARTH_HALO + EARTH_EDGE_MARGIN
        xs = range(side, width - side + 1, 4)
        for x in sorted(xs, key=lambda x: (abs(x - wanted_x), -x)):
            y = round(ground_at(x) - radius * EARTH_RISE)
            disc = pygame.Rect(x - radius, y - radius, 2 * radius, 2 * radius)
            if disc.collidelist(blocked) < 0:
                return (x, y), radius
    # Nothing on the horizon is free (a menu across the whole window): its usual spot, at its smallest.
    return (wanted_x, round(ground_at(wanted_x) - EARTH_LEAST_RADIUS * EARTH_RISE)), EARTH_LEAST_RADIUS


def _draw_sky(surface: pygame.Surface) -> None:
    width, height = surface.get_size()
    surface.fill(palette.SKY)
    # A faint band above the horizon; there is no air on the Moon, this is only to lift the ridges.
    band_top = round(height * (HORIZON - 0.25))
    for y in range(band_top, round(height * HORIZON)):
        t = (y - band_top) / max(1, height * 0.25)
        pygame.draw.line(surface, palette.SKY.lerp(palette.SKY_HORIZON, t), (0, y), (width, y))


def _draw_stars(surface: pygame.Surface, rng: random.Random, horizon_y: int) -> None:
    width = surface.get_width()
    for _ in range(STAR_COUNT):
        x, y = rng.randrange(width), rng.randrange(max(1, horizon_y))
        brightness = rng.randint(90, 255)
        colour = (brightness, brightness, min(255, brightness + rng.randint(0, 30)))
        if rng.random() < 0.08:
            pygame.draw.circle(surface, colour, (x, y), 2)
        else:
            surface.set_at((x, y), colour)


def _draw_earth(surface: pygame.Surface, centre: tuple[int, int], radius: int) -> None:
    size = radius * 2 + 8
    earth = pygame.Surface((size, size), pygame.SRCALPHA)
    mid = size // 2
    pygame.draw.circle(earth, OCEAN, (mid, mid), radius)
    blobs = [(-0.35, -0.25, 0.42, 0.3, 0), (0.2, 0.15, 0.35, 0.45, 1), (-0.1, 0.45, 0.5, 0.22, 0),
             (0.35, -0.45, 0.3, 0.2, 1)]
    for dx, dy, w, h, kind in blobs:
        box = pygame.Rect(0, 0, round(w * radius * 2), round(h * radius * 2))
        box.center = (mid + round(dx * radius), mid + round(dy * radius))
        pygame.draw.ellipse(earth, LAND[kind], box)
    for dx, dy, w in ((-0.2, -0.55, 0.9), (0.1, -0.05, 1.1), (-0.3, 0.3, 0.8), (0.3, 0.62, 0.7)):
        box = pygame.Rect(0, 0, round(w * radius), max(3, round(0.16 * radius)))
        box.center = (mid + round(dx * radius), mid + round(dy * radius))
        pygame.draw.ellipse(earth, CLOUD, box)
    # Earth's night side: lit from the left, the low Sun's side, like the ridges below it.
    shadow = pygame.Rect(0, 0, radius * 2, radius * 2)
    shadow.center = (mid + round(radius * 1.25), mid)
    pygame.draw.ellipse(earth, NIGHT, shadow)
    mask = pygame.Surface((size, size), pygame.SRCALPHA)
    pygame.draw.circle(mask, (255, 255, 255, 255), (mid, mid), radius)
    earth.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    pygame.draw.circle(earth, (140, 190, 255, 110), (mid, mid), radius + EARTH_HALO, EARTH_HALO)
    surface.blit(earth, (centre[0] - mid, centre[1] - mid))


def _ridge(width: int, base: float, amplitude: float, phases: list[float], step: int = 8) -> list[tuple[float, float]]:
    """A wavy skyline within `amplitude` of `base` (the sum of sines is scaled to stay in -1..1)."""
    scale = sum(1 / (1 + i) for i in range(len(phases)))
    points = []
    for x in range(0, width + step, step):
        t = x / max(1, width)
        wave = sum(math.sin(t * math.pi * (2 + 3 * i) + phase) / (1 + i) for i, phase in enumerate(phases))
        points.append((float(x), base - amplitude * wave / scale))
    return points


def _draw_ridges(surface: pygame.Surface, rng: random.Random, horizon_y: int, far: list[tuple[float, float]]) -> None:
    width, height = surface.get_size()
    pygame.draw.polygon(surface, FAR_RIDGE, [*far, (width, height), (0, height)])
    pygame.draw.lines(surface, SUNLIT_CREST.lerp(FAR_RIDGE, 0.45), False, far, 2)
    near = _ridge(width, horizon_y + height * 0.05, height * 0.025, [rng.uniform(0, 6.3) for _ in range(3)])
    pygame.draw.polygon(surface, NEAR_GROUND, [*near, (width, height), (0, height)])
    pygame.draw.lines(surface, SUNLIT_CREST, False, near, 3)
    # Long low-Sun shadows: the Sun skims the horizon at the pole, so every crater is half in darkness.
    for _ in range(7):
        cx, cy = rng.randrange(width), rng.randint(round(horizon_y + height * 0.12), height - 10)
        w = rng.randint(round(width * 0.04), round(width * 0.1))
        crater = pygame.Rect(0, 0, w, max(4, w // 5))
        crater.center = (cx, cy)
        pygame.draw.ellipse(surface, NEAR_GROUND.lerp(SUNLIT_CREST, 0.25), crater)
        inner = crater.inflate(-crater.width // 6, -crater.height // 4).move(crater.width // 14, 0)
        pygame.draw.ellipse(surface, (12, 13, 17), inner)
