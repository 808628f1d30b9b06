"""Where each part of the encyclopedia goes: the heading and search box, the filter tabs in as many lines as the
text size needs, the entries on the left and the chosen entry's text on the right (a shared ListDetail), and
Back. Pure: arithmetic on the window's size and the fonts' measures, so tests can check it without a window."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.content.ui_text import to_translate
from game.render import palette
from game.render.fonts import Fonts, scaled, scaled_px
from game.render.key_hints import hint_lines
from game.scenes.list_detail import ListDetail
from game.ui.button_words import button_font

MARGIN = 40
TOP = 136
BUTTON_HEIGHT = 54
KEY_HINTS = to_translate("Type to search  ·  Up/Down choose  ·  Tab filter  ·  PgUp/PgDn scroll  ·  Esc back")
LIST_SHARE = 0.42  # of the window's width, up to the list's right edge


@dataclass(frozen=True, slots=True)
class EncyclopediaLayout:
    """The encyclopedia at one window size, text size and set of tab labels."""

    tabs: tuple[pygame.Rect, ...]  # the filter tabs, in the order of CATEGORIES
    search: pygame.Rect  # top right, as wide as the heading leaves room for
    row_height: int  # one entry of the list with its gap
    list_detail: ListDetail  # the entries on the left, the chosen entry's text and sources on the right
    back: pygame.Rect
    hint: pygame.Rect | None = None  # the key hints right of Back; None when there is no room for them
    hint_lines: tuple[str, ...] = ()  # whole clauses on each line, right-aligned in `hint`

    @classmethod
    def for_size(cls, size: tuple[int, int], fonts: Fonts, tab_labels: Sequence[str],
                 heading_width: int, hint: str = "") -> EncyclopediaLayout:
        """`tab_labels` as the tabs read ("Facts (12)"); `heading_width` the width of the word "Encyclopedia";
        `hint` the key hints, which take as many lines beside Back as they need."""
        scale = fonts.scale
        tab_height = scaled(48, min(scale, 1.5))
        x, y = MARGIN, 26 + fonts.bold(palette.HEADING).get_linesize()
        tabs = []
        for label in tab_labels:
            tab_width = max(scaled_px(130, scale), button_font(fonts).size(label)[0] + 36)
            if x > MARGIN and x + tab_width > size[0] - MARGIN:
                x, y = MARGIN, y + tab_height + 8
            tabs.append(pygame.Rect(x, y, tab_width, tab_height))
            x += tab_width + 10
        box_width = min(scaled_px(440, scale), size[0] - 2 * MARGIN - heading_width - 24)
        box_height = fonts.regular(palette.BODY).get_linesize() + 14
        search = pygame.Rect(size[0] - MARGIN - box_width, 16, box_width, box_height)
        row_height = 5 + fonts.bold(palette.SMALL + 1).get_linesize() + fonts.regular(palette.SMALL).get_linesize() + 10
        button_height = scaled(BUTTON_HEIGHT, min(scale, 1.5))  # room for the text, no taller
        top = max(TOP, max((rect.bottom for rect in tabs), default=0) + 14)  # below the tabs
        back_width = scaled_px(190, scale)
        room = size[0] - 2 * MARGIN - back_width - 20
        small = fonts.regular(palette.SMALL)
        hints = tuple(hint_lines(hint, small, room)) if hint and room > 120 else ()
        band = max(button_height, len(hints) * small.get_linesize())  # the foot: Back and the hints beside it
        list_detail = ListDetail.beside(size, margin=MARGIN, top=top, bottom=band + 32,
                                        list_width=round(size[0] * LIST_SHARE) - MARGIN, gap=20)
        back = pygame.Rect(MARGIN, size[1] - 16 - (band + button_height) // 2, back_width, button_height)
        hint_box = pygame.Rect(size[0] - MARGIN - room, size[1] - 16 - band, room, band) if hints else None
        return cls(tuple(tabs), search, row_height, list_detail, back, hint_box, hints)

    def row(self, index: int, scroll: int) -> pygame.Rect:
        """Entry `index` of the list scrolled down by `scroll` pixels, clear of the list's scroll bar."""
        return self.list_detail.row(index, self.row_height - 6, gap=6, scroll=scroll, inset=12)
