"""Line graphs over the days of a run, drawn with pygame: large labels, and each line with its own marker shape
so the lines part by shape as well as by colour."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.content.ui_text import ENGLISH, Translate
from game.render import palette as sizes
from game.render.fonts import Fonts
from game.render.palette import Palette
from game.render.text import draw_text, fit_text

MARKERS = ("circle", "square", "triangle", "diamond", "cross", "ring")
MARKER_COUNT = 8  # markers spaced along each line: enough to tell lines apart, few enough to stay clean


@dataclass(frozen=True, slots=True)
class GraphLine:
    """One line: a value for each day of the graph."""

    label: str
    values: Sequence[float]


def nice_step(span: float, count: int) -> float:
    """A round step (1, 2 or 5 times a power of ten) that cuts `span` into about `count` parts."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    raw = span / max(1, count)
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if multiple * power >= raw:
            return multiple * power
    return 10 * power


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round values from at or below `low` to at or above `high`, for the axis labels."""
    if high <= low:
        high = low + 1.0
    step = nice_step(high - low, count)
    first = math.floor(low / step) * step
    ticks = [first]
    while ticks[-1] < high - 1e-9 * step:
        ticks.append(first + len(ticks) * step)
    return ticks


def format_value(value: float) -> str:
    """Short axis labels: 12,000 as 12k, 1,500,000 as 1.5M, small values with one decimal."""
    size = abs(value)
    if size >= 1_000_000:
        return f"{value / 1_000_000:g}M"
    if size >= 10_000:
        return f"{value / 1000:g}k"
    if size >= 100 or value == round(value):
        return f"{value:,.0f}"
    return f"{value:.1f}"


def draw_marker(surface: pygame.Surface, shape: str, centre: tuple[float, float], radius: int,
                colour: pygame.Color) -> None:
    x, y = centre
    r = radius + 1  # pointed shapes look smaller than a circle of the same radius
    if shape == "circle":
        pygame.draw.circle(surface, colour, (x, y), radius)
    elif shape == "square":
        pygame.draw.rect(surface, colour, pygame.Rect(x - radius, y - radius, 2 * radius, 2 * radius))
    elif shape == "triangle":
        pygame.draw.polygon(surface, colour, [(x, y - r), (x - r, y + radius), (x + r, y + radius)])
    elif shape == "diamond":
        pygame.draw.polygon(surface, colour, [(x, y - r), (x + r, y), (x, y + r), (x - r, y)])
    elif shape == "cross":
        pygame.draw.line(surface, colour, (x - radius, y - radius), (x + radius, y + radius), 3)
        pygame.draw.line(surface, colour, (x - radius, y + radius), (x + radius, y - radius), 3)
    else:
        pygame.draw.circle(surface, colour, (x, y), radius, 2)


def draw_line_graph(
    surface: pygame.Surface,
    rect: pygame.Rect,
    days: Sequence[float],
    lines: Sequence[GraphLine],
    *,
    title: str,
    unit: str,
    fonts: Fonts,
    colours: Palette,
    tr: Translate = ENGLISH,
) -> None:
    """A framed graph of `lines` over `days` in `rect`: title, unit, round axis labels and a legend (the title,
    unit and line labels come translated; `tr` translates the graph's own words)."""
    pygame.draw.rect(surface, colours.panel, rect, border_radius=10)
    pygame.draw.rect(surface, colours.panel_edge, rect, 2, border_radius=10)
    title_font, label_font = fonts.bold(sizes.LARGE), fonts.regular(sizes.SMALL)
    pad = 16
    draw_text(surface, fit_text(tr("{title} ({unit})", title=title, unit=unit), title_font, rect.width - 2 * pad),
              title_font, colours.text,
              (rect.left + pad, rect.top + pad // 2))
    usable = [line for line in lines if len(line.values) == len(days)]
    if len(days) < 2 or not usable:
        draw_text(surface, tr("Not enough days were recorded to draw this graph."), fonts.regular(sizes.BODY),
                  colours.text_dim, rect.center, anchor="center")
        return
    legend_height = label_font.get_linesize() + 6 if len(usable) > 1 else 0
    values = [value for line in usable for value in line.values]
    ticks = nice_ticks(min(0.0, min(values)), max(values))
    label_width = max(label_font.size(format_value(tick))[0] for tick in ticks) + 12
    plot = pygame.Rect(
        rect.left + pad + label_width,
        rect.top + pad // 2 + title_font.get_linesize() + legend_height + 8,
        rect.width - 2 * pad - label_width - 8,
        0,
    )
    plot.height = rect.bottom - pad - label_font.get_linesize() - 6 - plot.top
    if plot.width < 40 or plot.height < 40:
        return
    low, high = ticks[0], ticks[-1]
    first_day, last_day = days[0], days[-1] if days[-1] > days[0] else days[0] + 1

    def to_screen(day: float, value: float) -> tuple[float, float]:
        x = plot.left + (day - first_day) / (last_day - first_day) * plot.width
        y = plot.bottom - (value - low) / (high - low) * plot.height
        return x, y

    for tick in ticks:
        y = round(to_screen(first_day, tick)[1])
        pygame.draw.line(surface, colours.panel_edge, (plot.left, y), (plot.right, y), 1)
        draw_text(surface, format_value(tick), label_font, colours.text_dim, (plot.left - 8, y), anchor="midright")
    for day in nice_ticks(first_day, last_day, 5):
        if day > last_day + 1e-9:
            break
        x = round(to_screen(day, low)[0])
        pygame.draw.line(surface, colours.panel_edge, (x, plot.bottom), (x, plot.bottom + 5), 2)
        draw_text(surface, tr("day {day}", day=f"{day:g}"), label_font, colours.text_dim, (x, plot.bottom + 6),
                  anchor="midtop")
    pygame.draw.line(surface, colours.text_dim, plot.bottomleft, plot.bottomright, 2)
    pygame.draw.line(surface, colours.text_dim, plot.bottomleft, plot.topleft, 2)
    legend_x = rect.left + pad + label_width
    for number, line in enumerate(usable):
        colour = colours.series[number % len(colours.series)]
        marker = MARKERS[number % len(MARKERS)]
        points = [to_screen(day, value) for day, value in zip(days, line.values, strict=True)]
        pygame.draw.lines(surface, colour, False, points, 3)
        every = max(1, len(points) // MARKER_COUNT)
        for point in points[::every]:
            draw_marker(surface, marker, point, 6, colour)
        if legend_height:
            legend_y = rect.top + pad // 2 + title_font.get_linesize() + legend_height // 2
            draw_marker(surface, marker, (legend_x + 8, legend_y), 7, colour)
            label = draw_text(surface, line.label, label_font, colours.text, (legend_x + 22, legend_y),
                              anchor="midleft")
            legend_x = label.right + 26
