"""Where each part of the station screen goes at a given window size; pure arithmetic, so tests can check it."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

HEADER_HEIGHT = 76
RESOURCE_BAR_HEIGHT = 58
FOOTER_HEIGHT = 60
SIDE_WIDTH_SMALL = 360  # at 1280 px wide
SIDE_WIDTH_LARGE = 460  # from 1800 px wide: more room for names and sentences
TAB_HEIGHT = 46
LOG_SHARE = 0.36  # of the side panel's height below the tabs, given to the event log
GAP = 8


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

    @classmethod
    def for_size(cls, size: tuple[int, int]) -> StationLayout:
        width, height = size
        side_width = SIDE_WIDTH_LARGE if width >= 1800 else SIDE_WIDTH_SMALL
        header = pygame.Rect(0, 0, width, HEADER_HEIGHT)
        resource_bar = pygame.Rect(0, header.bottom, width, RESOURCE_BAR_HEIGHT)
        body_top = resource_bar.bottom
        footer = pygame.Rect(0, height - FOOTER_HEIGHT, width, FOOTER_HEIGHT)
        body_height = max(0, footer.top - body_top)
        side = pygame.Rect(width - side_width, body_top, side_width, body_height)
        map_rect = pygame.Rect(0, body_top, width - side_width, body_height)
        tabs = pygame.Rect(side.x + GAP, side.y + GAP, side.width - 2 * GAP, TAB_HEIGHT)
        below_tabs = max(0, side.bottom - tabs.bottom - 2 * GAP)
        log_height = round(below_tabs * LOG_SHARE)
        panel = pygame.Rect(side.x + GAP, tabs.bottom + GAP, side.width - 2 * GAP, below_tabs - log_height - GAP)
        log = pygame.Rect(side.x + GAP, panel.bottom + GAP, side.width - 2 * GAP, log_height)
        return cls(header, resource_bar, map_rect, side, tabs, panel, log, footer)
