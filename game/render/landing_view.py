"""The landing seen from the side: starry sky, Earth low on the horizon, regolith with long shadows, the lander."""

from __future__ import annotations

import itertools
import math
import random
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import pygame

from game.landing.craft import CraftShape
from game.landing.terrain import Ground
from game.render import palette
from game.render.clip import clip_polygon, clip_segment
from game.render.landing_camera import SideCamera
from game.render.palette import STANDARD_PALETTE, Palette

# A look value, not a measurement: the Sun stands low over the south pole, so shadows are long.
SUN_ELEVATION_DEG = 6.0
SHADOW_SAMPLE_M = 2.0
STAR_COUNT = 260

REGOLITH = pygame.Color("#77736a")
REGOLITH_DEEP = pygame.Color("#4a4843")
SHADOW = pygame.Color("#26262b")
SUNLIT_EDGE = pygame.Color("#d8d1c0")
REGOLITH_EDGE = pygame.Color("#9a958a")
FAR_RIDGE = pygame.Color("#2c2e35")
HULL = pygame.Color("#d9b653")
HULL_EDGE = pygame.Color("#5b4714")
PANEL_BAND = pygame.Color("#2d3f66")
LEG = pygame.Color("#c8ccd4")
BELL = pygame.Color("#6d7078")
CARGO = pygame.Color("#eef1f6")
CARGO_EDGE = pygame.Color("#3a4150")
FLAME = (pygame.Color("#fff6d8"), pygame.Color("#ffb347"))
TARGET = palette.ACCENT
LANDER_SHADOW = pygame.Color("#18181c")
# Zoomed far out, the lander is drawn at least this many pixels wide, as a marker that stays readable.
MIN_LANDER_WIDTH_PX = 26.0


def render_sky(
    size: tuple[int, int], seed: int = 7, colours: Palette = STANDARD_PALETTE, view_height: int | None = None,
) -> pygame.Surface:
    """The backdrop fixed to the screen: black sky, stars, a far ridge, and Earth half behind it.

    `view_height` is the height the landing's camera frames (the window less a band along its foot): the far
    ridge stands at the same share of it, so the near ground never climbs over the horizon."""
    width, height = size
    view_height = height if view_height is None else view_height
    sky = pygame.Surface(size)
    sky.fill(colours.sky)
    dice = random.Random(seed)
    for _ in range(STAR_COUNT):
        x, y = dice.randrange(width), dice.randrange(max(1, round(height * 0.8)))
        level = dice.randint(90, 255)
        colour = (level, level, min(255, level + dice.randint(0, 30)))
        if dice.random() < 0.07:
            pygame.draw.circle(sky, colour, (x, y), 2)
        else:
            sky.set_at((x, y), colour)
    horizon = round(view_height * 0.7)
    radius = max(14, round(view_height * 0.07))
    _draw_earth(sky, (round(width * 0.78), horizon - round(radius * 0.4)), radius)
    ridge = [(0, height)]
    for index in range(0, width + 40, 40):
        ridge.append((index, horizon + round(18 * math.sin(index / 170.0) + 10 * math.sin(index / 53.0 + 1.0))))
    ridge.append((width, height))
    pygame.draw.polygon(sky, FAR_RIDGE, ridge)
    return sky


def _draw_earth(surface: pygame.Surface, centre: tuple[int, int], radius: int) -> None:
    """Earth as the south pole sees it: low, blue, lit from the same low Sun on its left."""
    pygame.draw.circle(surface, pygame.Color("#2e6dbf"), centre, radius)
    x, y = centre
    pygame.draw.circle(surface, pygame.Color("#6d9b57"), (x - radius // 3, y - radius // 4), radius // 3)
    pygame.draw.circle(surface, pygame.Color("#f4f6fb"), (x + radius // 4, y - radius // 2), radius // 4)
    night = pygame.Surface((radius * 2 + 2, radius * 2 + 2), pygame.SRCALPHA)
    pygame.draw.circle(night, (6, 9, 18, 200), (radius + 1 + radius // 2, radius + 1), radius)
    mask = pygame.Surface(night.get_size(), pygame.SRCALPHA)
    pygame.draw.circle(mask, (255, 255, 255, 255), (radius + 1, radius + 1), radius)
    night.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    surface.blit(night, (centre[0] - radius - 1, centre[1] - radius - 1))


@dataclass(frozen=True, slots=True)
class GroundShade:
    """The shadows the low Sun casts over the ground, worked out once: polygons in metres, left to right."""

    polygons: tuple[tuple[tuple[float, float], ...], ...]
    spans: tuple[tuple[float, float], ...]

    @classmethod
    def of(cls, ground: Ground) -> GroundShade:
        drop = math.tan(math.radians(SUN_ELEVATION_DEG)) * SHADOW_SAMPLE_M
        count = max(2, int((ground.right - ground.left) / SHADOW_SAMPLE_M) + 1)
        polygons: list[tuple[tuple[float, float], ...]] = []
        spans: list[tuple[float, float]] = []
        run: list[tuple[float, float, float]] = []
        shadow_top = -math.inf
        for index in range(count):
            x = min(ground.right, ground.left + index * SHADOW_SAMPLE_M)
            floor = ground.height_at(x)
            shadow_top = max(floor, shadow_top - drop)
            if shadow_top > floor + 0.05:
                run.append((x, shadow_top, floor))
            elif run:
                run.append((x, floor, floor))
                polygons.append(tuple([(px, top) for px, top, _ in run] + [(px, low) for px, _, low in reversed(run)]))
                spans.append((run[0][0], run[-1][0]))
                run = []
        return cls(tuple(polygons), tuple(spans))


def draw_ground(surface: pygame.Surface, camera: SideCamera, ground: Ground, shade: GroundShade) -> None:
    """The regolith from the camera's left to its right edge, with the shadows and the sunlit crests.

    Beyond the landing zone's ends the ground runs on level, so a wide view never shows its edge.
    """
    left, right = camera.left, camera.right
    xs = ground.xs
    first = max(0, bisect_right(xs, left) - 1)
    last = min(len(xs), bisect_left(xs, right) + 1)
    to_screen = camera.to_screen
    outline = [to_screen(x, y) for x, y in zip(xs[first:last], ground.ys[first:last], strict=True)]
    if first == 0:
        outline.insert(0, to_screen(min(left, ground.left) - 1.0, ground.ys[0]))
    if last == len(xs):
        outline.append(to_screen(max(right, ground.right) + 1.0, ground.ys[-1]))
    width_px, height = surface.get_size()
    bottom = height + 2

    def fill(colour: pygame.Color, points: list[tuple[float, float]]) -> None:
        shown = clip_polygon(points, width_px, height)
        if len(shown) >= 3:
            pygame.draw.polygon(surface, colour, shown)

    fill(REGOLITH, [(outline[0][0], bottom), *outline, (outline[-1][0], bottom)])
    # A darker band below the surface gives the ground weight without drawing every grain.
    depth = max(40.0, camera.pixels_per_metre * 8.0)
    deep = [(x, y + depth) for x, y in outline]
    fill(REGOLITH_DEEP, [(deep[0][0], bottom), *deep, (deep[-1][0], bottom)])
    for polygon, (start, end) in zip(shade.polygons, shade.spans, strict=True):
        if end >= left and start <= right:
            fill(SHADOW, [to_screen(x, y) for x, y in polygon])
    width = max(2, round(camera.pixels_per_metre * 0.15))
    sunlit = []
    for here, there in itertools.pairwise(outline):
        segment = clip_segment(here, there, width_px, height)
        if segment is not None:
            pygame.draw.line(surface, REGOLITH_EDGE, *segment, width)
            if there[1] < here[1] - 0.5:  # slopes that face the Sun (on the left) catch its light
                sunlit.append(segment)
    for segment in sunlit:
        pygame.draw.line(surface, SUNLIT_EDGE, *segment, width)


def draw_target(
    surface: pygame.Surface, camera: SideCamera, ground: Ground, good_distance: float | None,
    colour: pygame.Color = TARGET,
) -> None:
    """The pad, a marker under the target, and brackets where a landing still counts as on target."""
    to_screen = camera.to_screen
    pad_left, pad_right = ground.pad
    target = ground.target_x
    base = ground.height_at(target)
    if pad_right > pad_left:
        start, end = to_screen(pad_left, base), to_screen(pad_right, base)
        pygame.draw.line(surface, colour, start, end, max(3, round(camera.pixels_per_metre * 0.3)))
    x, y = to_screen(target, base)
    # Below the surface, pointing up at the spot: the lander never hides it, whatever it does above.
    pygame.draw.polygon(surface, colour, [(x, y + 6), (x + 14, y + 30), (x - 14, y + 30)])
    # Zoomed far out the brackets would close into a box around the marker: leave them out then.
    if good_distance is not None and good_distance * camera.pixels_per_metre > 40.0:
        for side in (-1.0, 1.0):
            edge = target + side * good_distance
            bx, by = to_screen(edge, ground.height_at(edge))
            arm = side * -12
            bracket = [(bx + arm, by - 30), (bx, by - 30), (bx, by + 4), (bx + arm, by + 4)]
            pygame.draw.lines(surface, colour, False, bracket, 3)


def lander_scale(camera: SideCamera, shape: CraftShape) -> float:
    """Pixels per metre to draw the lander at: the camera's, or larger when that would make it a speck."""
    hull_width = shape.hull[1][0] - shape.hull[0][0]
    return max(camera.pixels_per_metre, MIN_LANDER_WIDTH_PX / hull_width)


def draw_lander(
    surface: pygame.Surface,
    camera: SideCamera,
    shape: CraftShape,
    pose: tuple[float, float, float],
    *,
    thrust_share: float,
    carrying: bool,
    flicker: int,
) -> None:
    """Hull, splayed legs and footpads, engine bell, the cargo on the deck, and the flame when it burns."""
    x, y, angle = pose
    cx, cy = camera.to_screen(x, y)
    scale = lander_scale(camera, shape)
    cos, sin = math.cos(angle), math.sin(angle)

    def at(px: float, py: float) -> tuple[float, float]:
        return cx + (px * cos - py * sin) * scale, cy - (px * sin + py * cos) * scale

    (left, bottom), (right, _), (_, top), _ = shape.hull
    half = (right - left) / 2
    hull_height = top - bottom
    line = max(2, round(scale * 0.12))
    if thrust_share > 0.0:
        length = hull_height * (0.5 + 1.4 * thrust_share) * (1.0 + 0.12 * ((flicker * 7) % 5 - 2) / 2)
        exit_y = bottom - hull_height * 0.38
        outer = [at(-half * 0.26, exit_y), at(half * 0.26, exit_y), at(0.0, exit_y - length)]
        inner = [at(-half * 0.14, exit_y), at(half * 0.14, exit_y), at(0.0, exit_y - length * 0.6)]
        pygame.draw.polygon(surface, FLAME[1], outer)
        pygame.draw.polygon(surface, FLAME[0], inner)
    for root, foot in zip(shape.strut_roots, shape.feet, strict=True):
        pygame.draw.line(surface, LEG, at(*root), at(*foot), line)
        pad = shape.foot_radius * 1.6
        pygame.draw.line(surface, LEG, at(foot[0] - pad, foot[1] - shape.foot_radius),
                         at(foot[0] + pad, foot[1] - shape.foot_radius), line + 1)
    bell = [at(-half * 0.16, bottom), at(half * 0.16, bottom), at(half * 0.28, bottom - hull_height * 0.38),
            at(-half * 0.28, bottom - hull_height * 0.38)]
    pygame.draw.polygon(surface, BELL, bell)
    hull = [at(px, py) for px, py in shape.hull]
    pygame.draw.polygon(surface, HULL, hull)
    band = [at(left, bottom + hull_height * 0.55), at(right, bottom + hull_height * 0.55),
            at(right, bottom + hull_height * 0.75), at(left, bottom + hull_height * 0.75)]
    pygame.draw.polygon(surface, PANEL_BAND, band)
    pygame.draw.polygon(surface, HULL_EDGE, hull, line)
    if carrying:
        cargo = [at(-half * 0.6, top), at(half * 0.6, top), at(half * 0.6, top + hull_height * 0.5),
                 at(-half * 0.6, top + hull_height * 0.5)]
        pygame.draw.polygon(surface, CARGO, cargo)
        pygame.draw.polygon(surface, CARGO_EDGE, cargo, line)


def draw_lander_shadow(
    surface: pygame.Surface, camera: SideCamera, ground: Ground, pose: tuple[float, float, float], half_width: float
) -> None:
    """The lander's long shadow thrown to the right by the low Sun, when it falls within the view."""
    x, y, _ = pose
    floor = ground.height_at(x)
    reach = (y - floor) / math.tan(math.radians(SUN_ELEVATION_DEG))
    start, end = x + reach - half_width * 1.5, x + reach + half_width * 6.0
    if end < camera.left or start > camera.right:
        return
    left = camera.to_screen(start, ground.height_at(start))
    right = camera.to_screen(end, ground.height_at(end))
    thickness = max(4.0, camera.pixels_per_metre * 0.6)
    rect = pygame.Rect(0, 0, max(4, round(right[0] - left[0])), round(thickness))
    rect.center = (round((left[0] + right[0]) / 2), round((left[1] + right[1]) / 2))
    pygame.draw.ellipse(surface, LANDER_SHADOW, rect)
