"""The site drawn as relief: hill-shading from the terrain's heights, the shadows the Sun casts now, and the
Sun's and Earth's directions marked on the map's edge.

The shaded ground is drawn once per zoom (numpy shades a few samples per tile, then one smooth scale); the
shadows are a small picture of each tile's share of the Sun's disc, scaled up and laid over it where they
changed whenever the Sun has moved a step (game/render/shadow_layer.py), so a frame mostly only blits.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pygame

from game.content.ui_text import ENGLISH, Translate
from game.render import palette
from game.render.map_labels import LabelRoom
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.patterns import draw_pattern
from game.render.text_cache import TextCache
from game.rules.grid import SiteGrid
from game.terrain.horizon import at_azimuth
from game.terrain.light import SiteLight

SAMPLES = 6  # shading samples per tile side: enough for smooth slopes, cheap to scale
LIGHT_AZIMUTH_DEG = 315.0  # hill-shading lit from the top left, as maps are read; not the Sun
LIGHT_ELEVATION_DEG = 40.0
RELIEF_EXAGGERATION = 0.35  # real polar slopes are steep at 100 m tiles: flattened so the colours still read
SHADOW_ALPHA = 185  # a tile with none of the Sun's disc in view
PATTERN_ALPHA = 70  # the kinds' patterns stay faintly on the relief, for eyes that do not tell the colours apart
SUN_STEP_DEG = 2.0  # shadows are redrawn when the Sun has moved this far round the sky
SUN_COLOUR = pygame.Color("#ffd166")
EARTH_COLOUR = pygame.Color("#5fa8ff")


def _upsample(values: np.ndarray, samples: int) -> np.ndarray:
    """Bilinear: each value at its tile's centre, `samples` values a tile side."""
    rows, columns = values.shape
    ys = np.clip((np.arange(rows * samples) + 0.5) / samples - 0.5, 0, rows - 1)
    xs = np.clip((np.arange(columns * samples) + 0.5) / samples - 0.5, 0, columns - 1)
    y0 = np.minimum(ys.astype(int), rows - 2) if rows > 1 else np.zeros(len(ys), int)
    x0 = np.minimum(xs.astype(int), columns - 2) if columns > 1 else np.zeros(len(xs), int)
    fy = (ys - y0)[:, None] if rows > 1 else np.zeros((len(ys), 1))
    fx = (xs - x0)[None, :] if columns > 1 else np.zeros((1, len(xs)))
    y1, x1 = np.minimum(y0 + 1, rows - 1), np.minimum(x0 + 1, columns - 1)
    top = values[y0][:, x0] * (1 - fx) + values[y0][:, x1] * fx
    bottom = values[y1][:, x0] * (1 - fx) + values[y1][:, x1] * fx
    return top * (1 - fy) + bottom * fy


def hill_shade(heights: np.ndarray, tile_m: float, samples: int = SAMPLES) -> np.ndarray:
    """Brightness 0..1 of the ground lit from the top left, `samples` values a tile side."""
    fine = _upsample(heights.astype(np.float64), samples) * RELIEF_EXAGGERATION
    step = tile_m / samples
    dz_dy, dz_dx = np.gradient(fine, step)
    azimuth, elevation = math.radians(LIGHT_AZIMUTH_DEG), math.radians(LIGHT_ELEVATION_DEG)
    light = np.array([math.sin(azimuth) * math.cos(elevation), -math.cos(azimuth) * math.cos(elevation),
                      math.sin(elevation)])
    normal_length = np.sqrt(dz_dx**2 + dz_dy**2 + 1.0)
    # The ground's normal is (-dz/dx, -dz/dy, 1) with rows growing downward (the map's south).
    shade = (-dz_dx * light[0] - dz_dy * light[1] + light[2]) / normal_length
    return np.clip(shade, 0.0, 1.0)


def relief_surface(grid: SiteGrid, tile_px: float) -> pygame.Surface | None:
    """The whole map as shaded relief at `tile_px`, the kinds' colours and faint patterns kept; None when
    the site's light is typed in (no heights to shade)."""
    light = grid.light
    if light is None:
        return None
    shade = hill_shade(light.heights, grid.tile_size_m)
    colours = np.array([[pygame.Color(kind.colour)[:3] for kind in row] for row in grid.kinds], dtype=np.float64)
    base = np.repeat(np.repeat(colours, SAMPLES, axis=0), SAMPLES, axis=1)
    # Higher ground a little paler, as on a relief map, so a summit plateau reads as high.
    span = float(np.ptp(light.heights)) or 1.0
    height = _upsample((light.heights - light.heights.min()) / span, SAMPLES)[:, :, None]
    rgb = np.clip(base * (0.28 + 0.95 * shade[:, :, None]) * (0.85 + 0.3 * height), 0, 255).astype(np.uint8)
    small = pygame.surfarray.make_surface(np.ascontiguousarray(rgb.transpose(1, 0, 2)))
    size = (max(1, round(grid.width * tile_px)), max(1, round(grid.height * tile_px)))
    layer = pygame.transform.smoothscale(small, size)
    _draw_patterns(layer, grid, tile_px)
    return layer


def _draw_patterns(layer: pygame.Surface, grid: SiteGrid, tile_px: float) -> None:
    size = round(tile_px)
    if size < 8:
        return
    stamps: dict[str, pygame.Surface] = {}
    for x, y, kind in grid.cells():
        stamp = stamps.get(kind.id)
        if stamp is None:
            stamp = stamps[kind.id] = pygame.Surface((size, size), pygame.SRCALPHA)
            ink = pygame.Color(0, 0, 0, PATTERN_ALPHA) if sum(pygame.Color(kind.colour)[:3]) > 300 \
                else pygame.Color(255, 255, 255, PATTERN_ALPHA)
            draw_pattern(stamp, kind.pattern, ink)
        layer.blit(stamp, (round(x * tile_px), round(y * tile_px)))


def sun_step(light: SiteLight, hour: float) -> tuple[int, int]:
    """The Sun's position rounded to the step at which shadows are redrawn."""
    azimuth, elevation = light.sky.sun(hour)
    return round(azimuth / SUN_STEP_DEG) % round(360 / SUN_STEP_DEG), round(elevation * 10)


def sun_seen(light: SiteLight, hour: float) -> np.ndarray:
    """Each tile's share of the Sun's disc at `hour`, [row, column]."""
    azimuth, elevation = light.sky.sun(hour)
    horizon = at_azimuth(light.horizon, azimuth)
    return np.clip((elevation - horizon) / light.sky.sun_disc_deg + 0.5, 0.0, 1.0)


@dataclass(frozen=True, slots=True)
class SkyMark:
    """The Sun or Earth on the map's edge: where its disc stands, how big it is, and its label's words and box."""

    body: str  # "Sun" or "Earth"
    centre: tuple[int, int]
    radius: int
    label: str
    box: pygame.Rect

    @property
    def disc(self) -> pygame.Rect:
        """The disc with its rim and the Sun's rays: what a label must not cover."""
        reach = self.radius + 6
        return pygame.Rect(self.centre[0] - reach, self.centre[1] - reach, 2 * reach + 1, 2 * reach + 1)


def sky_marks(light: SiteLight, hour: float, view: pygame.Rect, text: TextCache, tr: Translate = ENGLISH,
              room: LabelRoom | None = None) -> tuple[SkyMark, ...]:
    """Where the Sun and Earth stand round the view's edge, with how high above (or below) the level horizon each
    is. Each label sits on the map's side of its disc, or below (above) the other's when the two stand together,
    or beside its disc when that would cover what `room` has taken (an order's tiles); the discs and labels then
    take their places in `room`, so the map's other labels keep clear of them."""
    room = room if room is not None else LabelRoom(view)
    sun_azimuth, sun_elevation = light.sky.sun(hour)
    earth_azimuth, earth_elevation = light.sky.earth(hour)
    radius = max(7, min(14, view.height // 40))
    line = text.fonts.regular(palette.SMALL).get_linesize()  # the label's box grows with the text size
    marks: list[SkyMark] = []
    for body, azimuth, elevation in (("Sun", sun_azimuth, sun_elevation), ("Earth", earth_azimuth, earth_elevation)):
        centre = edge_point(view, azimuth, radius + 6)
        label = (tr("Sun {degrees}° up", degrees=f"{elevation:.1f}") if body == "Sun" and elevation >= 0
                 else tr("Sun {degrees}° below", degrees=f"{-elevation:.1f}") if body == "Sun"
                 else tr("Earth {degrees}° up", degrees=f"{elevation:.1f}") if elevation >= 0
                 else tr("Earth {degrees}° below", degrees=f"{-elevation:.1f}"))
        width = text.width(label, palette.SMALL)
        top_side = centre[1] < view.centery
        lx = min(max(centre[0] - width / 2, view.left + 4), view.right - width - 4)
        ly = centre[1] + radius + 8 if top_side else centre[1] - radius - 8 - line
        box = pygame.Rect(round(lx) - 4, round(ly) - 1, width + 8, line + 2)
        for other in marks:  # the Sun and Earth in nearly the same direction: the second label steps aside
            if box.colliderect(other.box):
                box.y = other.box.bottom + 2 if top_side else other.box.top - box.height - 2
        beside = [box.copy(), box.copy()]
        beside[0].midleft = (centre[0] + radius + 10, centre[1])
        beside[1].midright = (centre[0] - radius - 10, centre[1])
        room.take(SkyMark(body, centre, radius, label, box).disc)
        marks.append(SkyMark(body, centre, radius, label, room.take_first([box, *beside])))
    return tuple(marks)


def draw_sky_marks(surface: pygame.Surface, marks: Sequence[SkyMark], text: TextCache,
                   colours: Palette = STANDARD_PALETTE) -> None:
    """Each mark a shape with its label: a rayed disc for the Sun, a ringed disc for Earth (all inside the view
    `sky_marks` was given)."""
    for mark in marks:
        centre, radius = mark.centre, mark.radius
        colour = SUN_COLOUR if mark.body == "Sun" else EARTH_COLOUR
        if mark.body == "Sun":
            for ray in range(8):
                angle = ray * math.pi / 4
                inner = (centre[0] + math.cos(angle) * (radius + 2), centre[1] + math.sin(angle) * (radius + 2))
                outer = (centre[0] + math.cos(angle) * (radius + 6), centre[1] + math.sin(angle) * (radius + 6))
                pygame.draw.line(surface, palette.GLYPH_EDGE, inner, outer, 4)
                pygame.draw.line(surface, colour, inner, outer, 2)
        pygame.draw.circle(surface, palette.GLYPH_EDGE, centre, radius + 2)
        pygame.draw.circle(surface, colour, centre, radius)
        if mark.body == "Earth":
            pygame.draw.circle(surface, palette.GLYPH_FILL, centre, radius, 2)
            pygame.draw.line(surface, palette.GLYPH_FILL, (centre[0] - radius, centre[1]),
                             (centre[0] + radius, centre[1]), 2)
        pygame.draw.rect(surface, colours.panel, mark.box, border_radius=4)
        text.draw(surface, mark.label, palette.SMALL, colours.text, (mark.box.x + 4, mark.box.y + 1))


def edge_point(view: pygame.Rect, azimuth: float, inset: int) -> tuple[int, int]:
    """Where a ray from the view's centre towards `azimuth` (clockwise from the top) meets the view's edge,
    `inset` pixels inside it."""
    dx, dy = math.sin(math.radians(azimuth)), -math.cos(math.radians(azimuth))
    half_w, half_h = view.width / 2 - inset, view.height / 2 - inset
    scale = min(half_w / abs(dx) if abs(dx) > 1e-9 else math.inf, half_h / abs(dy) if abs(dy) > 1e-9 else math.inf)
    return round(view.centerx + dx * scale), round(view.centery + dy * scale)
