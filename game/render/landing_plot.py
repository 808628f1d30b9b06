"""The after-flight plot: altitude, vertical speed and propellant against time, drawn once into a surface."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.content.locale_format import KILOGRAM, METRE, METRE_PER_SECOND, UnitSymbol
from game.content.ui_text import ENGLISH, Translate, to_translate
from game.landing.recorder import FlightRecording
from game.render import palette
from game.render.fonts import Fonts, scaled
from game.render.palette import STANDARD_PALETTE, Palette

MAX_POINTS = 480
SERIES = (
    (to_translate("Altitude"), UnitSymbol(METRE), "altitude_m", pygame.Color("#8cc8ff")),
    (to_translate("Vertical speed"), UnitSymbol(METRE_PER_SECOND), "vy_m_s", pygame.Color("#ffb347")),
    (to_translate("Propellant"), UnitSymbol(KILOGRAM), "propellant_kg", pygame.Color("#7ee0a0")),
)
LABEL_WIDTH = 78
GAP = 30


def _thinned(values: Sequence[float], times: Sequence[float]) -> tuple[list[float], list[float]]:
    """At most MAX_POINTS samples, evenly spread, always keeping the last."""
    count = len(values)
    if count <= MAX_POINTS:
        return list(times), list(values)
    stride = count / MAX_POINTS
    picks = [int(index * stride) for index in range(MAX_POINTS)] + [count - 1]
    return [times[i] for i in picks], [values[i] for i in picks]


def render_flight_plot(
    size: tuple[int, int], recording: FlightRecording, fonts: Fonts, colours: Palette = STANDARD_PALETTE,
    tr: Translate = ENGLISH,
) -> pygame.Surface:
    """Three stacked charts sharing a time axis, titled in the player's language through `tr`; a flight with no
    steps gets a sentence instead."""
    surface = pygame.Surface(size)
    surface.fill(colours.panel)
    width, height = size
    small = fonts.regular(palette.SMALL)
    observations = recording.observations
    if len(observations) < 2:
        text = small.render(tr("The flight was too short to plot."), True, colours.text_dim)
        surface.blit(text, text.get_rect(center=(width // 2, height // 2)))
        return surface
    times = [seen.time_s for seen in observations]
    axis_height = small.get_linesize() + 6
    # The gaps hold the chart titles and the left margin the value labels: both grow with the UI scale.
    gap, label_width = scaled(GAP, fonts.scale), scaled(LABEL_WIDTH, fonts.scale)
    chart_height = (height - axis_height - gap * (len(SERIES) + 1)) // len(SERIES)
    left, right = label_width, width - 16
    end_time = times[-1] if times[-1] > 0 else 1.0
    for index, (name, unit, key, colour) in enumerate(SERIES):
        top = gap + index * (chart_height + gap)
        area = pygame.Rect(left, top, right - left, chart_height)
        pygame.draw.rect(surface, colours.sky, area)
        values = [getattr(seen, key) for seen in observations]
        xs, ys = _thinned(values, times)
        low, high = min(min(ys), 0.0), max(max(ys), 0.0)
        if high - low < 1e-6:
            high = low + 1.0
        zero_y = area.bottom - (0.0 - low) / (high - low) * area.height
        pygame.draw.line(surface, colours.panel_edge, (area.left, zero_y), (area.right, zero_y), 1)
        points = [
            (area.left + t / end_time * area.width, area.bottom - (v - low) / (high - low) * area.height)
            for t, v in zip(xs, ys, strict=True)
        ]
        pygame.draw.lines(surface, colour, False, points, 3)
        pygame.draw.rect(surface, colours.panel_edge, area, 1)
        # Above its chart, where no curve can run through it.
        title = small.render(tr("{title} ({unit})", title=tr(name), unit=unit), True, colour)
        surface.blit(title, title.get_rect(bottomleft=(area.left, area.top - 2)))
        for value, anchor_y in ((high, area.top), (low, area.bottom)):
            label = small.render(f"{round(value) + 0:,}", True, colours.text_dim)
            surface.blit(label, label.get_rect(topright=(left - 8, anchor_y - small.get_linesize() // 2)))
    axis_y = gap + len(SERIES) * (chart_height + gap) - gap + 4
    for share in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = left + share * (right - left)
        label = small.render(tr("{seconds} s", seconds=f"{share * end_time:.0f}"), True, colours.text_dim)
        anchor = "topleft" if share == 0.0 else "topright" if share == 1.0 else "midtop"
        surface.blit(label, label.get_rect(**{anchor: (round(x), axis_y)}))
    return surface
