"""Line graphs over the days of a run, drawn with pygame: large labels, and each line with its own marker shape
so the lines part by shape as well as by colour."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.content.ui_text import ENGLISH, Translate
from game.render import palette as sizes
from game.render.fonts import Fonts
from game.render.graph_layout import PAD, GraphLayout
from game.render.palette import Palette
from game.render.text import draw_text, fit_text

MARKERS = ("circle", "square", "triangle", "diamond", "cross", "ring")
MARKER_COUNT = 8  # markers spaced along each line: enough to tell lines apart, few enough to stay clean


@dataclass(frozen=True, slots=True)
class GraphLine:
    """One line: a value for each day of the graph."""

    label: str
    values: Sequence[float]


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
    language: str = "en",
) -> None:
    """A framed graph of `lines` over `days` in `rect`, where GraphLayout puts its parts: title, unit, round axis
    labels and a legend (the title, unit and line labels come translated; `tr` translates the graph's own words)."""
    pygame.draw.rect(surface, colours.panel, rect, border_radius=10)
    pygame.draw.rect(surface, colours.panel_edge, rect, 2, border_radius=10)
    title_font, label_font = fonts.bold(sizes.LARGE), fonts.regular(sizes.SMALL)
    heading = tr("{title} ({unit})", title=title, unit=unit)
    usable = [line for line in lines if len(line.values) == len(days)]
    if len(days) < 2 or not usable:
        draw_text(surface, fit_text(heading, title_font, rect.width - 2 * PAD), title_font, colours.text,
                  (rect.left + PAD, rect.top + PAD // 2))
        draw_text(surface, tr("Not enough days were recorded to draw this graph."), fonts.regular(sizes.BODY),
                  colours.text_dim, rect.center, anchor="center")
        return
    layout = GraphLayout.for_frame(rect, fonts, days, [value for line in usable for value in line.values], heading,
                                   [line.label for line in usable], tr, language)
    draw_text(surface, layout.title if layout else fit_text(heading, title_font, rect.width - 2 * PAD), title_font,
              colours.text, (rect.left + PAD, rect.top + PAD // 2))
    if layout is None:
        return
    plot = layout.plot
    for y in layout.grid:
        pygame.draw.line(surface, colours.panel_edge, (plot.left, y), (plot.right, y), 1)
    for value in layout.values:
        draw_text(surface, value.text, label_font, colours.text_dim, value.rect.topleft)
    for day in layout.days:
        pygame.draw.line(surface, colours.panel_edge, (day.at, plot.bottom), (day.at, plot.bottom + 5), 2)
        draw_text(surface, day.text, label_font, colours.text_dim, day.rect.topleft)
    pygame.draw.line(surface, colours.text_dim, plot.bottomleft, plot.bottomright, 2)
    pygame.draw.line(surface, colours.text_dim, plot.bottomleft, plot.topleft, 2)
    for number, line in enumerate(usable):
        colour = colours.series[number % len(colours.series)]
        marker = MARKERS[number % len(MARKERS)]
        points = [layout.to_screen(day, value) for day, value in zip(days, line.values, strict=True)]
        pygame.draw.lines(surface, colour, False, points, 3)
        every = max(1, len(points) // MARKER_COUNT)
        for point in points[::every]:
            draw_marker(surface, marker, point, 6, colour)
    for number, (centre, words, box) in enumerate(layout.legend):
        draw_marker(surface, MARKERS[number % len(MARKERS)], centre, 7, colours.series[number % len(colours.series)])
        draw_text(surface, words, label_font, colours.text, box.topleft)
