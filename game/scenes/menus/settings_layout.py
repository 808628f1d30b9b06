"""Where each part of the settings screen goes at a given window size and UI scale: the columns of rows, how the
rows fall into pages, each row's control, the footer's buttons and the page buttons. Pure arithmetic, so tests
can check it without a window."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.render.fonts import scaled_px
from game.scenes.menus.settings_rows import Row

MARGIN = 40
ROW_HEIGHT = 50
FOOTER_HEIGHT = 112
HEADER_HEIGHT = 96
CONTROL_WIDTH = 300
BUTTON_SIZE = (190, 52)
BUTTON_GAP = 16
PAGE_BUTTON_SIZE = 52  # the square "<" and ">" buttons that turn the page with the mouse
TWO_COLUMNS_FROM = 1100  # window width (at 100 %) from which the rows stand in two columns


@dataclass(frozen=True, slots=True)
class SettingsLayout:
    """The settings screen at one window size and UI scale."""

    size: tuple[int, int]
    scale: float
    page_number_width: int  # the widest "Page 88 of 88" in the small font, between the page buttons

    @property
    def columns(self) -> int:
        return 2 if self.size[0] >= scaled_px(TWO_COLUMNS_FROM, self.scale) else 1

    @property
    def rows_per_column(self) -> int:
        room = self.size[1] - scaled_px(HEADER_HEIGHT, self.scale) - scaled_px(FOOTER_HEIGHT, self.scale)
        return max(3, room // scaled_px(ROW_HEIGHT, self.scale))

    def pages(self, rows: Sequence[Row]) -> list[list[int]]:
        """Row indices on each page; a heading always stands above its rows, and a section that fits on a page
        is not split across two (no row left alone on a page of its own)."""
        per_page = self.rows_per_column * self.columns
        pages: list[list[int]] = [[]]
        for index, row in enumerate(rows):
            room = per_page - len(pages[-1])
            section = _section_length(rows, index) if row.kind == "heading" else 0
            if room == 0 or (row.kind == "heading" and (room < 2 or room < section <= per_page)):
                pages.append([])
            pages[-1].append(index)
        return pages

    def row_rect(self, position: int) -> pygame.Rect:
        """The rectangle of the `position`-th row of a page."""
        column, line = divmod(position, self.rows_per_column)
        column_width = (self.size[0] - 2 * MARGIN - (self.columns - 1) * MARGIN) // self.columns
        row_height = scaled_px(ROW_HEIGHT, self.scale)
        return pygame.Rect(MARGIN + column * (column_width + MARGIN),
                           scaled_px(HEADER_HEIGHT, self.scale) + line * row_height, column_width, row_height - 6)

    def control_rect(self, row_rect: pygame.Rect) -> pygame.Rect:
        """A row's control at its right end, at most half the row wide."""
        control_width = min(scaled_px(CONTROL_WIDTH, self.scale), row_rect.width // 2)
        return pygame.Rect(row_rect.right - control_width, row_rect.top, control_width, row_rect.height)

    def slider_rect(self, control: pygame.Rect) -> pygame.Rect:
        """A slider within its control, leaving room at the right for its "80 %"."""
        return pygame.Rect(control.left, control.top + 4, control.width - scaled_px(84, self.scale),
                           control.height - 8)

    @property
    def footer_top(self) -> int:
        return self.size[1] - scaled_px(FOOTER_HEIGHT, self.scale)

    def footer_buttons(self, count: int) -> list[pygame.Rect]:
        """`count` buttons side by side, ending at the right margin."""
        size = (scaled_px(BUTTON_SIZE[0], self.scale), scaled_px(BUTTON_SIZE[1], self.scale))
        x = self.size[0] - MARGIN - count * (size[0] + BUTTON_GAP) + BUTTON_GAP
        top = self.footer_top + scaled_px(46, self.scale)
        return [pygame.Rect((x + number * (size[0] + BUTTON_GAP), top), size) for number in range(count)]

    def message_places(self, line_height: int, buttons: int) -> list[pygame.Rect]:
        """Where the line under the rows may run, a line at a time: across the window above the footer's
        buttons, then on in the room to their left, so a long message wraps rather than being cut."""
        first = self.footer_buttons(buttons)[0]
        top = self.footer_top + scaled_px(8, self.scale)
        places: list[pygame.Rect] = []
        while top + line_height <= first.top + scaled_px(4, self.scale):  # above the buttons: the whole width
            places.append(pygame.Rect(MARGIN, top, self.size[0] - 2 * MARGIN, line_height))
            top += line_height
        beside = first.left - BUTTON_GAP - MARGIN
        while beside > 0 and top + line_height <= self.size[1] - 2:  # then beside them, to the window's foot
            places.append(pygame.Rect(MARGIN, top, beside, line_height))
            top += line_height
        return places

    def page_buttons(self) -> tuple[pygame.Rect, pygame.Rect]:
        """Where "<" and ">" stand: at the top right, with the page number between them."""
        side = scaled_px(PAGE_BUTTON_SIZE, self.scale)
        top = max(4, (scaled_px(HEADER_HEIGHT, self.scale) - side) // 2 - scaled_px(6, self.scale))
        following = pygame.Rect(self.size[0] - MARGIN - side, top, side, side)
        previous = pygame.Rect(following.left - self.page_number_width - 2 * scaled_px(12, self.scale) - side, top,
                               side, side)
        return previous, following


def _section_length(rows: Sequence[Row], heading: int) -> int:
    """How many rows the section under the heading at `heading` has, the heading included."""
    end = next((index for index in range(heading + 1, len(rows)) if rows[index].kind == "heading"), len(rows))
    return end - heading
