"""A tile's horizon against the Sun's path: why a tile is lit or dark, drawn so a student can see it.

Azimuth runs left to right round the whole sky (0° is the map's top); the grey ground is the tile's
horizon, the pale band is where the Sun can stand over the Moon's year (never more than about 1.5° up or
down), the rayed disc is the Sun now and the ringed disc Earth now, inside the box its librations sweep.
Where the ground stands above the band the Sun is always hidden; where it stays below, always seen.
"""

from __future__ import annotations

import math

import pygame

from game.content.locale_format import Percent
from game.content.ui_text import ENGLISH, Translate
from game.render import palette
from game.render.kept_pixels import Kept, blit_box, box_image
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.relief import EARTH_COLOUR, SUN_COLOUR
from game.render.text_cache import TextCache
from game.terrain.light import SiteLight

TOP_DEG = 8.0  # the plot shows elevations from BOTTOM_DEG to TOP_DEG: the Sun's band fills a good part
BOTTOM_DEG = -4.0
GROUND = pygame.Color("#8d8980")
BAND = pygame.Color(255, 209, 102, 70)
MIN_PLOT_SHARE = 0.35  # of the box's height, kept for the plot itself
RADIUS = 8  # the box's rounded corners


class KeptPlot:
    """What the plot keeps between frames (pixels and arithmetic, never game state): the parts that change with
    neither the tile nor the hour (box, sky, Sun's band, Earth's box, axis labels, caption) as one image, and the
    last tile's skyline. Only the title, the ground and the Sun and Earth are drawn each frame."""

    def __init__(self) -> None:
        self.frame: Kept[pygame.Surface] = Kept()
        self._light: SiteLight | None = None  # held, not its id: a reloaded level's light may reuse an id
        self._skyline_of: tuple[tuple[int, int], tuple[int, int, int, int]] | None = None
        self._skyline: list[tuple[float, float]] = []

    def skyline(self, light: SiteLight, cell: tuple[int, int], plot: pygame.Rect) -> list[tuple[float, float]]:
        """The tile's skyline in the plot's pixels, every 2° of azimuth round the sky."""
        of = (cell, (plot.x, plot.y, plot.width, plot.height))
        if light is not self._light or of != self._skyline_of:
            x, y = cell
            self._skyline = [_to_screen(plot, step, light.horizon_at(x, y, step)) for step in range(0, 361, 2)]
            self._light, self._skyline_of = light, of
        return self._skyline


def draw_horizon_plot(surface: pygame.Surface, area: pygame.Rect, light: SiteLight, cell: tuple[int, int],
                      hour: float, text: TextCache, colours: Palette = STANDARD_PALETTE,
                      tr: Translate = ENGLISH, close_key: str | None = None, kept: KeptPlot | None = None) -> None:
    """The plot of `cell`'s horizon in `area`, with its title, axes and a line saying what it shows (and, when
    it was opened by its key, which key closes it). `kept` (a screen's, between frames) saves drawing again what
    did not change; without it every part is drawn afresh, the same way."""
    kept = KeptPlot() if kept is None else kept
    x, y = cell
    share = float(light.share[y, x])
    # The share is the level's relief against the real Sun's path: worked out (the plot shows from what), never a
    # game value.
    title = tr("Horizon of tile ({x}, {y}): lit {percent} of the year (worked out)", x=x, y=y,
               percent=Percent(share))
    title_lines = text.wrap(title, palette.BODY, area.width - 24, bold=True)[:3]
    title_bottom = area.y + 8 + sum(text.render(line, palette.BODY, colours.text, bold=True).get_height()
                                    for line in title_lines)
    caption = tr("Grey: the ground's skyline. Yellow band: where the Sun can be over the year. Where the "
                 "ground rises above the band, the Sun is hidden.")
    if close_key is not None:
        caption = tr("{key}: close. {caption}", caption=caption, key=close_key)  # first, so it is never cut
    lines = text.wrap(caption, palette.SMALL, area.width - 24)
    line_height = text.fonts.regular(palette.SMALL).get_linesize()
    room = area.bottom - title_bottom - 10 - 34 - 8
    # The plot keeps at least MIN_PLOT_SHARE of the box: with large text the caption gives way, cut short.
    keep = max(0, min(len(lines), (room - round(area.height * MIN_PLOT_SHARE)) // line_height))
    if keep < len(lines):
        lines = lines[:keep]
        if lines:
            lines[-1] = text.fit(lines[-1] + " …", palette.SMALL, area.width - 24)
    axis = max(40, text.width("+6°", palette.SMALL) + 18)  # room for the elevation labels at any text size
    plot = pygame.Rect(area.x + axis, title_bottom + 10, area.width - axis - 16, room - len(lines) * line_height)
    small = plot.width < 40 or plot.height < 30  # a box too small for a plot (a tiny window at large text)
    sky = light.sky
    # The frame is drawn at the box's own origin: everything it shows is in its inputs.
    local = plot.move(-area.x, -area.y)
    inputs = (area.size, tuple(local), small, tuple(lines), colours, tr("0° Earth side"), text.fonts.folder,
              text.fonts.scale, text.fonts.language_files, sky.tilt_deg, sky.earth_azimuth_deg, sky.earth_lon_deg,
              sky.earth_lat_deg)
    frame = kept.frame.value(inputs, lambda previous: _frame_image(
        surface, area.size, None if small else local, lines, light, text, colours, tr, previous))
    blit_box(surface, frame, area.topleft, RADIUS)
    top = area.y + 8
    for line in title_lines:
        top = text.draw(surface, line, palette.BODY, colours.text, (area.x + 12, top), bold=True).bottom
    if small:
        return  # the title says the share
    _draw_ground(surface, plot, kept.skyline(light, cell, plot), colours)
    _draw_sun_and_earth(surface, plot, light, hour)


def _frame_image(like: pygame.Surface, size: tuple[int, int], plot: pygame.Rect | None, lines: list[str],
                 light: SiteLight, text: TextCache, colours: Palette, tr: Translate,
                 reuse: pygame.Surface | None = None) -> pygame.Surface:
    """The box and what in it changes with neither the tile nor the hour: the sky, the Sun's band and Earth's
    box under the ground, the axes' labels and the caption (no plot when `plot` is None), drawn at the box's own
    origin; its rounded corners are see-through."""
    surface = box_image(size, like, RADIUS, reuse)
    area = surface.get_rect()
    pygame.draw.rect(surface, colours.panel, area, border_radius=RADIUS)
    pygame.draw.rect(surface, colours.panel_edge, area, 2, border_radius=RADIUS)
    if plot is None:
        return surface
    _draw_sky(surface, plot, light, text, colours, tr)
    top = plot.bottom + 30
    for line in lines:
        text.draw(surface, line, palette.SMALL, colours.text_dim, (area.x + 12, top))
        top += text.fonts.regular(palette.SMALL).get_linesize()
    return surface


def _to_screen(plot: pygame.Rect, azimuth: float, elevation: float) -> tuple[float, float]:
    fx = 1.0 if azimuth == 360.0 else (azimuth % 360.0) / 360.0  # the skyline's last point closes at the right
    fy = (TOP_DEG - max(BOTTOM_DEG, min(TOP_DEG, elevation))) / (TOP_DEG - BOTTOM_DEG)
    return plot.x + fx * plot.width, plot.y + fy * plot.height


def _draw_sky(surface: pygame.Surface, plot: pygame.Rect, light: SiteLight, text: TextCache, colours: Palette,
              tr: Translate) -> None:
    """The plot's sky with the Sun's band and Earth's box, and the axes' labels beside it."""
    pygame.draw.rect(surface, palette.SKY, plot)
    # The Sun's band over the year, translucent so the ground in front reads through it.
    band = pygame.Surface(plot.size, pygame.SRCALPHA)
    tilt = light.sky.tilt_deg
    _, upper = _to_screen(plot, 0, tilt)
    _, lower = _to_screen(plot, 0, -tilt)
    band.fill(BAND, pygame.Rect(0, round(upper - plot.y), plot.width, round(lower - upper)))
    surface.blit(band, plot.topleft)
    # Earth's box: where its librations carry it.
    earth_azimuth = light.sky.earth_azimuth_deg
    left = earth_azimuth - light.sky.earth_lon_deg
    for start in (left, left - 360.0, left + 360.0):
        x0, y0 = _to_screen(plot, 0, light.sky.earth_lat_deg)
        x0 = plot.x + (start / 360.0) * plot.width
        width = 2 * light.sky.earth_lon_deg / 360.0 * plot.width
        _, y1 = _to_screen(plot, 0, -light.sky.earth_lat_deg)
        box = pygame.Rect(round(x0), round(y0), round(width), round(y1 - y0)).clip(plot)
        if box.width > 0:
            pygame.draw.rect(surface, EARTH_COLOUR, box, 1)
    per_degree = plot.height / (TOP_DEG - BOTTOM_DEG)
    line = text.fonts.regular(palette.SMALL).get_linesize()
    marks = next((choice for choice in ((-2, 0, 2, 4, 6), (-2, 2, 6), (0, 6))
                  if (choice[1] - choice[0]) * per_degree >= line), (0,))
    for degrees in marks:
        _, row = _to_screen(plot, 0, degrees)
        text.draw(surface, f"{degrees:+d}°" if degrees else "0°", palette.SMALL, colours.text_dim,
                  (plot.x - 6, round(row)), anchor="midright")
    earth_side = tr("0° Earth side")
    if text.width(earth_side, palette.SMALL) + text.width("90°", palette.SMALL) / 2 + 8 > plot.width / 4:
        earth_side = "0°"  # the Earth disc still marks the side
    for azimuth, label in ((0, earth_side), (90, "90°"), (180, "180°"), (270, "270°")):
        column, _ = _to_screen(plot, azimuth, BOTTOM_DEG)
        anchor = "midtop" if azimuth else "topleft"
        text.draw(surface, label, palette.SMALL, colours.text_dim, (round(column), plot.bottom + 4), anchor=anchor)


def _draw_ground(surface: pygame.Surface, plot: pygame.Rect, points: list[tuple[float, float]],
                 colours: Palette) -> None:
    """The ground, its skyline filled down to the bottom, and the level horizon and azimuth lines over it."""
    pygame.draw.polygon(surface, GROUND, [(plot.x, plot.bottom), *points, (plot.right, plot.bottom)])
    pygame.draw.lines(surface, palette.GLYPH_FILL, False, points, 2)
    _, zero = _to_screen(plot, 0, 0.0)
    pygame.draw.line(surface, colours.text_dim, (plot.x, zero), (plot.right, zero), 1)
    for azimuth in (0, 90, 180, 270):
        column, _ = _to_screen(plot, azimuth, BOTTOM_DEG)
        pygame.draw.line(surface, colours.panel_edge, (column, plot.y), (column, plot.bottom), 1)
    pygame.draw.rect(surface, colours.panel_edge, plot, 1)


def _draw_sun_and_earth(surface: pygame.Surface, plot: pygame.Rect, light: SiteLight, hour: float) -> None:
    """The Sun and Earth now, over everything else."""
    radius = max(5, plot.height // 22)
    sun_azimuth, sun_elevation = light.sky.sun(hour)
    centre = _to_screen(plot, sun_azimuth, sun_elevation)
    for ray in range(8):
        angle = ray * math.pi / 4
        pygame.draw.line(surface, SUN_COLOUR, (centre[0] + math.cos(angle) * (radius + 2), centre[1] +
                                               math.sin(angle) * (radius + 2)),
                         (centre[0] + math.cos(angle) * (radius + 5), centre[1] + math.sin(angle) * (radius + 5)), 2)
    pygame.draw.circle(surface, SUN_COLOUR, centre, radius)
    pygame.draw.circle(surface, palette.GLYPH_EDGE, centre, radius, 1)
    earth_azimuth_now, earth_elevation = light.sky.earth(hour)
    centre = _to_screen(plot, earth_azimuth_now, earth_elevation)
    pygame.draw.circle(surface, EARTH_COLOUR, centre, radius)
    pygame.draw.circle(surface, palette.GLYPH_FILL, centre, radius, 2)
