"""Where each part of a line graph goes in its frame: the title, the value axis's labels, the plot, the day labels
under it and the legend. Pure: arithmetic on the frame and the fonts' measures, so tests can check it without a
window. Every label stays inside the frame and clear of the others: the plot leaves half the last day's label
room on its right, and the axes take fewer round steps where their labels would touch."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.content.locale_format import compact_number
from game.content.ui_text import ENGLISH, Translate
from game.render import palette as sizes
from game.render.fonts import Fonts
from game.render.text import fit_text

PAD = 16  # inside the frame
TICK = 6  # a day's tick mark below the plot, and the gap to its label
LABEL_GAP = 12  # between two day labels, and from the value labels to the plot
LEAST_PLOT = 40  # px across and down: a smaller plot is not drawn
LEGEND_MARK = 22  # a legend entry's marker and the gap to its words
LEGEND_GAP = 26  # between two legend entries
VALUE_STEPS = (4, 3, 2)  # how many parts the value axis is cut into, most first
DAY_STEPS = (5, 4, 3, 2, 1)


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


@dataclass(frozen=True, slots=True)
class AxisLabel:
    """One round value on an axis: where its line or tick goes and its label's box."""

    value: float
    at: int  # the y of a value's line, or the x of a day's tick
    text: str
    rect: pygame.Rect


@dataclass(frozen=True, slots=True)
class GraphLayout:
    """A graph in `frame`: its title, plot, axis labels and legend entries (marker centre, words, their box)."""

    frame: pygame.Rect
    title: str
    title_at: tuple[int, int]
    plot: pygame.Rect
    grid: tuple[int, ...]  # the y of each round value's line across the plot
    values: tuple[AxisLabel, ...]  # the labelled ones: each second or third where the plot is short
    days: tuple[AxisLabel, ...]
    legend: tuple[tuple[tuple[int, int], str, pygame.Rect], ...]
    first_day: float
    last_day: float
    low: float
    high: float

    def to_screen(self, day: float, value: float) -> tuple[float, float]:
        """A day's value as a point on the plot."""
        plot = self.plot
        x = plot.left + (day - self.first_day) / (self.last_day - self.first_day) * plot.width
        y = plot.bottom - (value - self.low) / (self.high - self.low) * plot.height
        return x, y

    @staticmethod
    def least_height(fonts: Fonts, lines: int) -> int:
        """The shortest frame that holds a plot of `lines` lines with its title, legend and day labels."""
        line = fonts.regular(sizes.SMALL).get_linesize()
        legend_height = line + 6 if lines > 1 else 0
        return (PAD // 2 + fonts.bold(sizes.LARGE).get_linesize() + legend_height + 8 + LEAST_PLOT
                + PAD + line + TICK)

    @classmethod
    def for_frame(cls, frame: pygame.Rect, fonts: Fonts, days: Sequence[float], values: Sequence[float],
                  title: str, labels: Sequence[str], tr: Translate = ENGLISH, language: str = "en"
                  ) -> GraphLayout | None:
        """The layout for `values` (every line's) over `days`, headed `title`, with the line labels `labels` (all
        in the player's language, whose way of writing short numbers the value labels take: '12K', '12 тыс.');
        None when the frame is too small for a plot."""
        title_font, label_font = fonts.bold(sizes.LARGE), fonts.regular(sizes.SMALL)
        line = label_font.get_linesize()
        legend_height = line + 6 if len(labels) > 1 else 0
        top = frame.top + PAD // 2 + title_font.get_linesize() + legend_height + 8
        bottom = frame.bottom - PAD - line - TICK
        first_day, last_day = days[0], days[-1] if days[-1] > days[0] else days[0] + 1
        # The fewest value steps whose labels stand apart on the plot's height; then as wide as the labels need.
        ticks: list[float] = []
        for count in VALUE_STEPS:
            ticks = nice_ticks(min(0.0, min(values)), max(values), count)
            if len(ticks) < 2 or (bottom - top) / (len(ticks) - 1) >= line:
                break
        label_width = max(label_font.size(compact_number(tick, language))[0] for tick in ticks) + LABEL_GAP
        left = frame.left + PAD + label_width
        # The last day's label is centred on the plot's right end: half of it must fit inside the frame.
        widest_day = label_font.size(tr("day {day}", day=f"{last_day:g}"))[0]
        right = frame.right - PAD - widest_day // 2
        plot = pygame.Rect(left, top, right - left, bottom - top)
        if plot.width < LEAST_PLOT or plot.height < LEAST_PLOT:
            return None
        grid = [round(plot.bottom - (tick - ticks[0]) / (ticks[-1] - ticks[0]) * plot.height) for tick in ticks]
        # On a plot too short for a label at every line, every second (or third) line is labelled, from zero.
        every = math.ceil(line / max(1, (plot.height / max(1, len(ticks) - 1))))
        value_labels = []
        for tick, y in list(zip(ticks, grid, strict=True))[::every]:
            text = compact_number(tick, language)
            rect = pygame.Rect(0, 0, *label_font.size(text))
            rect.midright = (plot.left - LABEL_GAP + 4, y)
            value_labels.append(AxisLabel(tick, y, text, rect))
        day_labels: list[AxisLabel] = []
        for count in DAY_STEPS:  # the most day labels that stand apart
            day_labels = []
            for day in nice_ticks(first_day, last_day, count):
                if day > last_day + 1e-9:
                    break
                x = round(plot.left + (day - first_day) / (last_day - first_day) * plot.width)
                text = tr("day {day}", day=f"{day:g}")
                rect = pygame.Rect(0, 0, *label_font.size(text))
                rect.midtop = (x, plot.bottom + TICK)
                day_labels.append(AxisLabel(day, x, text, rect))
            if all(one.rect.right + LABEL_GAP <= other.rect.left for one, other in itertools.pairwise(day_labels)):
                break
        legend = []
        if legend_height:
            x, y = left, frame.top + PAD // 2 + title_font.get_linesize() + legend_height // 2
            share = (frame.right - PAD - left) // len(labels) - LEGEND_MARK - LEGEND_GAP
            for label in labels:
                words = fit_text(label, label_font, max(share, label_font.size("…")[0]))
                rect = pygame.Rect(0, 0, *label_font.size(words))
                rect.midleft = (x + LEGEND_MARK, y)
                legend.append(((x + 8, y), words, rect))
                x = rect.right + LEGEND_GAP
        title_words = fit_text(title, title_font, frame.width - 2 * PAD)
        return cls(frame, title_words, (frame.left + PAD, frame.top + PAD // 2), plot, tuple(grid),
                   tuple(value_labels), tuple(day_labels), tuple(legend), first_day, last_day, ticks[0], ticks[-1])
