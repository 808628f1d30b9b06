"""Where each part of the campaign timeline goes: the two-scale line of years, the milestones in lanes above it,
the levels' numbered marks on it, their cards in rows below it, and the chosen item's detail under the cards
(a ListDetail with the detail below the list). Pure: arithmetic on the window's size and the fonts' measures,
so tests can check it without a window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.render import palette
from game.render.fonts import Fonts, scaled, scaled_px
from game.scenes.campaign.timeline_items import TimelineItem
from game.scenes.list_detail import ListDetail

MARGIN = 60
BUTTON_HEIGHT = 56
FIRST_YEAR = 2021
LAST_YEAR = 2050
# The line is drawn in two scales so the crowded years up to 2027 can be told apart: those six years take
# SPLIT_SHARE of the width, the plans after them the rest. The tick spacing shows the change.
SPLIT_YEAR = 2027
SPLIT_SHARE = 0.55
MARKER = 9  # half the size of a milestone marker, pixels
LANE_GAP = 26
LINE_TOP = 72  # the top lane of milestones starts below the heading
CARD_MIN_WIDTH = 230
CARD_MAX_WIDTH = 340
CARD_HEIGHT = 88
CARDS_BELOW_LINE = 66
LEVEL_MARK = 12  # radius of a level's numbered mark on the line
DETAIL_GAP = 14  # between the lowest card and the detail


def year_fraction(date: dt.date) -> float:
    """The date as a year with a fraction, 2024.5 for early July 2024."""
    start = dt.date(date.year, 1, 1)
    length = (dt.date(date.year + 1, 1, 1) - start).days
    return date.year + (date - start).days / length


def assign_lanes(positions: list[float], spacing: float) -> list[int]:
    """A lane for each position (sorted left to right) so that no two in a lane are closer than `spacing`."""
    lane_ends: list[float] = []
    lanes = []
    for x in positions:
        for lane, end in enumerate(lane_ends):
            if x - end >= spacing:
                lane_ends[lane] = x
                lanes.append(lane)
                break
        else:
            lane_ends.append(x)
            lanes.append(len(lane_ends) - 1)
    return lanes


def spread_marks(positions: list[float], spacing: float, left: float, right: float) -> list[float]:
    """Positions (sorted left to right) moved apart as little as possible so that no two are closer than
    `spacing`, kept within [left, right]: levels a year apart get marks that do not touch, however large the
    UI scale. Each run of marks that would touch is centred on where its dates put it."""
    clusters: list[list[float]] = []  # each: [first position, count, sum of wanted positions]
    for x in positions:
        clusters.append([x, 1, x])
        while len(clusters) > 1:
            before, last = clusters[-2], clusters[-1]
            if last[0] - (before[0] + (before[1] - 1) * spacing) >= spacing:
                break
            count, total = before[1] + last[1], before[2] + last[2]
            clusters[-2:] = [[total / count - (count - 1) * spacing / 2, count, total]]
    spread: list[float] = []
    for first, count, _ in clusters:
        spread.extend(first + number * spacing for number in range(int(count)))
    # Near an end of the line the marks shift inwards together; a line too short for all of them keeps the left end.
    if spread and spread[-1] > right:
        spread = [x - (spread[-1] - right) for x in spread]
    if spread and spread[0] < left:
        spread = [x + (left - spread[0]) for x in spread]
    return spread


def x_of(date: dt.date, size: tuple[int, int]) -> int:
    """Screen x of a date on the two-scale line."""
    left, right = MARGIN, size[0] - MARGIN
    split = left + (right - left) * SPLIT_SHARE
    year = min(max(year_fraction(date), FIRST_YEAR), LAST_YEAR + 1)
    if year <= SPLIT_YEAR:
        return round(left + (split - left) * (year - FIRST_YEAR) / (SPLIT_YEAR - FIRST_YEAR))
    return round(split + (right - split) * (year - SPLIT_YEAR) / (LAST_YEAR + 1 - SPLIT_YEAR))


def labelled_year(year: int, scale: float) -> bool:
    """Whether the line writes `year` under its tick: the first, 2023 and 2025 of the crowded years, then every
    fifth; at the largest text sizes every other label would run into the next, so fewer."""
    labelled = year in (FIRST_YEAR, 2023, 2025) or (year % 5 == 0 and year > SPLIT_YEAR)
    return labelled and (scale < 1.75 or year in (FIRST_YEAR, 2025) or year % 10 == 0)


def year_labels(size: tuple[int, int], fonts: Fonts, axis_y: int, mark_radius: int) -> list[tuple[int, pygame.Rect]]:
    """Each year written under the line, with where its label goes (centred under its tick)."""
    font = fonts.regular(palette.SMALL)
    labels = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        if labelled_year(year, fonts.scale):
            rect = pygame.Rect((0, 0), font.size(str(year)))
            rect.midtop = (x_of(dt.date(year, 1, 1), size), axis_y + mark_radius + 2)
            labels.append((year, rect))
    return labels


def today_line(x: int, top: int, bottom: int, labels: Sequence[tuple[int, pygame.Rect]]) -> list[tuple[int, int]]:
    """The "today" line at `x` from `top` to `bottom`, as (top, bottom) pieces: broken around a year's label it
    would run through, so the year reads whole (in 2030 the line ran through '2030')."""
    pieces, y = [], top
    for _, label in sorted(labels, key=lambda pair: pair[1].top):
        around = label.inflate(6, 4)
        if around.left <= x < around.right and around.bottom > y and around.top < bottom:
            if around.top > y:
                pieces.append((y, around.top))
            y = around.bottom
    if y < bottom:
        pieces.append((y, bottom))
    return pieces


def card_height(fonts: Fonts, title_lines: int = 2) -> int:
    """A level card holds its heading line and (up to) two lines of title, at the text size chosen."""
    head, title = fonts.regular(palette.SMALL), fonts.bold(palette.SMALL + 1)
    return 6 + head.get_linesize() + 2 + title_lines * title.get_linesize() + 6


@dataclass(frozen=True, slots=True)
class TimelineLayout:
    """The timeline at one window size and text size, for one choice and one scroll of the cards."""

    size: tuple[int, int]
    line_top: int  # below the heading, which grows with the UI scale
    lanes: int  # lanes of milestones above the line
    axis_y: int  # the line itself
    mark_radius: int
    button_height: int
    detail_least_height: int  # the detail panel's date line, title and foot line; its summary takes what is left
    item_rects: tuple[pygame.Rect, ...]  # each item's marker or card; empty for a card scrolled out of sight
    mark_x: dict[int, int]  # each level's mark on the line, moved apart from its neighbours'
    card_title_lines: int
    first_card_row: int  # at a large UI scale only some rows of level cards fit: the rest scroll
    list_detail: ListDetail  # the rows of cards, and the chosen item's detail below them

    @classmethod
    def for_items(cls, size: tuple[int, int], fonts: Fonts, items: Sequence[TimelineItem], selected: int,
                  first_card_row: int) -> TimelineLayout:
        """Milestones in lanes above the line, level cards in rows below it, the chosen card's row in view.

        The cards share the width in date order, each joined to its date on the line, so any number of
        levels stays readable however close their dates are.
        """
        scale = fonts.scale
        line_top = max(LINE_TOP, 14 + fonts.bold(palette.HEADING).get_linesize() + 4)
        mark_radius = scaled(LEVEL_MARK, min(scale, 1.5))  # close levels would hide each other's numbers
        button_height = scaled(BUTTON_HEIGHT, min(scale, 1.5))  # tall enough for the text, no taller
        small = fonts.regular(palette.SMALL).get_linesize()
        detail_least_height = 2 * small + fonts.bold(palette.BODY + 2).get_linesize() + 20
        milestones = [(index, x_of(item.date, size)) for index, item in enumerate(items) if not item.is_level]
        lanes = assign_lanes([x for _, x in milestones], MARKER * 2 + 6)
        lane_count = max(lanes, default=0) + 1
        axis = line_top + lane_count * LANE_GAP + scaled_px(44, scale)
        rects = [pygame.Rect(0, 0, 0, 0) for _ in items]
        for (index, x), lane in zip(milestones, lanes, strict=True):
            centre_y = axis - 58 - lane * LANE_GAP
            rects[index] = pygame.Rect(x - MARKER, centre_y - MARKER, MARKER * 2, MARKER * 2)
        levels = [index for index, item in enumerate(items) if item.is_level]
        wanted = sorted((x_of(items[index].date, size), index) for index in levels)
        spread = spread_marks([x for x, _ in wanted], 2 * mark_radius + scaled_px(6, scale), MARGIN - 20,
                              size[0] - MARGIN + 20)
        mark_x = {index: round(x) for (_, index), x in zip(wanted, spread, strict=True)}
        room = size[0] - 2 * (MARGIN - 20)
        per_row = max(1, min(len(levels), room // scaled_px(CARD_MIN_WIDTH, scale)))
        card_width = min(scaled_px(CARD_MAX_WIDTH, scale), room // per_row - 12)
        row_width = per_row * (card_width + 12) - 12
        cards_top = axis + scaled_px(CARDS_BELOW_LINE, scale)
        # As many rows as leave room for the detail panel (or at least one); the chosen level's row is shown.
        # When not even one row of full cards leaves that room, the cards keep one line of title.
        below = button_height + 30  # the detail stops this far above the window's foot, over the buttons
        space = size[1] - below - DETAIL_GAP - detail_least_height - cards_top
        title_lines = 2 if space >= card_height(fonts, 2) else 1
        height = card_height(fonts, title_lines)
        rows_shown = max(1, (space + 10) // (height + 10))
        if selected in levels:
            chosen_row = levels.index(selected) // per_row
            if chosen_row < first_card_row:
                first_card_row = chosen_row
            elif chosen_row >= first_card_row + rows_shown:
                first_card_row = chosen_row - rows_shown + 1
        first_card_row = min(first_card_row, max(0, (len(levels) - 1) // per_row - rows_shown + 1))
        for position, index in enumerate(levels):
            row, column = divmod(position, per_row)
            shown_row = row - first_card_row
            if not 0 <= shown_row < rows_shown:
                continue  # scrolled away: an empty rectangle is neither drawn nor clicked
            rects[index] = pygame.Rect((size[0] - row_width) // 2 + column * (card_width + 12),
                                       cards_top + shown_row * (height + 10), card_width, height)
        lowest_card = max((rects[index].bottom for index in levels), default=axis + 30)
        list_detail = ListDetail.above(size, margin=MARGIN - 20, top=cards_top, list_bottom=lowest_card,
                                       bottom=below, gap=DETAIL_GAP)
        return cls(size, line_top, lane_count, axis, mark_radius, button_height, detail_least_height, tuple(rects),
                   mark_x, title_lines, first_card_row, list_detail)

    def stage_band(self, start: dt.date, end: dt.date, line_height: int) -> pygame.Rect:
        """A programme stage's band just above the line, from its start to its end (at least a sliver for a stage
        of one day), tall enough for one line of its name."""
        left, right = x_of(start, self.size), x_of(end, self.size)
        return pygame.Rect(left, self.axis_y - 10 - line_height, max(4, right - left), line_height)
