"""Where each part of the station screen goes at a given window size; pure arithmetic, so tests can check it."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.render.fonts import scaled_px

# Sizes at 100 % UI scale; at 150 % or 200 % the bands that hold text grow with it (the map takes what is left).
HEADER_HEIGHT = 76
RESOURCE_BAR_HEIGHT = 58
FOOTER_HEIGHT = 60
BUTTON_HEIGHT = 44
SIDE_WIDTH_SMALL = 360  # at 1280 px wide
SIDE_WIDTH_LARGE = 460  # from 1800 px wide: more room for names and sentences
MAX_SIDE_SHARE = 0.42  # of the window's width: the map keeps the larger part even at 200 %
TAB_HEIGHT = 46
LOG_SHARE = 0.36  # of the side panel's height below the tabs, given to the event log
GAP = 8
BAR_CELL_MIN_PX = 104  # one resource-bar cell at 100 %; fewer cells a row (and a second row) beat tiny text
BAR_READINGS = 12  # the most cells the bar shows: budget, energy, power, six stores, science, crew and dose
# Below this height (at 100 %) the side panel cannot hold the palette and a readable log one above the other:
# the log becomes a third tab and gets the panel's whole height instead.
MIN_SHARED_PANEL_PX = 400


def bar_columns(width: int, scale: float) -> int:
    """How many resource-bar cells fit side by side across `width` at the UI scale."""
    return max(1, width // scaled_px(BAR_CELL_MIN_PX, scale))


@dataclass(frozen=True, slots=True)
class StationLayout:
    """The rectangles of the station screen. Nothing in here overlaps anything else."""

    header: pygame.Rect
    resource_bar: pygame.Rect
    map: pygame.Rect
    side: pygame.Rect
    tabs: pygame.Rect
    panel: pygame.Rect  # the build palette or the goals, whichever tab is open
    log: pygame.Rect
    footer: pygame.Rect
    scale: float = 1.0
    bar_columns: int = BAR_READINGS
    log_tab: bool = False  # True: the log is a tab of its own, drawn in `panel` (and `log` is the same rect)

    @property
    def button_height(self) -> int:
        return scaled_px(BUTTON_HEIGHT, self.scale)

    @property
    def button_rows(self) -> tuple[pygame.Rect, ...]:
        """Where pygame_gui's buttons stand, which it draws over everything else: the header's row (the time
        controls), the side panel's tabs and the footer's row. A box beside the pointer keeps off them."""
        height = self.button_height
        header = pygame.Rect(self.header.x, self.header.y + (self.header.height - height) // 2, self.header.width,
                             height)
        footer = pygame.Rect(self.footer.x, self.footer.y + (self.footer.height - height) // 2, self.footer.width,
                             height)
        return header, self.tabs, footer

    @classmethod
    def for_size(cls, size: tuple[int, int], scale: float = 1.0) -> StationLayout:
        width, height = size
        side_width = SIDE_WIDTH_LARGE if width >= 1800 else SIDE_WIDTH_SMALL
        side_width = min(scaled_px(side_width, scale), round(width * MAX_SIDE_SHARE))
        columns = min(BAR_READINGS, bar_columns(width, scale))
        bar_rows = math.ceil(BAR_READINGS / columns)
        header = pygame.Rect(0, 0, width, scaled_px(HEADER_HEIGHT, scale))
        resource_bar = pygame.Rect(0, header.bottom, width, scaled_px(RESOURCE_BAR_HEIGHT, scale) * bar_rows)
        body_top = resource_bar.bottom
        footer_height = scaled_px(FOOTER_HEIGHT, scale)
        footer = pygame.Rect(0, height - footer_height, width, footer_height)
        body_height = max(0, footer.top - body_top)
        side = pygame.Rect(width - side_width, body_top, side_width, body_height)
        map_rect = pygame.Rect(0, body_top, width - side_width, body_height)
        tabs = pygame.Rect(side.x + GAP, side.y + GAP, side.width - 2 * GAP, scaled_px(TAB_HEIGHT, scale))
        below_tabs = max(0, side.bottom - tabs.bottom - 2 * GAP)
        if below_tabs < scaled_px(MIN_SHARED_PANEL_PX, scale):
            panel = pygame.Rect(side.x + GAP, tabs.bottom + GAP, side.width - 2 * GAP, below_tabs)
            return cls(header, resource_bar, map_rect, side, tabs, panel, panel.copy(), footer, scale, columns, True)
        log_height = round(below_tabs * LOG_SHARE)
        panel = pygame.Rect(side.x + GAP, tabs.bottom + GAP, side.width - 2 * GAP, below_tabs - log_height - GAP)
        log = pygame.Rect(side.x + GAP, panel.bottom + GAP, side.width - 2 * GAP, log_height)
        return cls(header, resource_bar, map_rect, side, tabs, panel, log, footer, scale, columns)
