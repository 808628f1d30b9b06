"""The list-and-detail layout the level list, the encyclopedia, the partner roster, the ledger and the campaign
timeline share: rows down the left and the chosen row's detail to their right, or (the timeline) rows of cards
across the window and the chosen one's detail below them. Pure arithmetic on rectangles, so tests can check it
headless."""

from __future__ import annotations

from dataclasses import dataclass

import pygame


@dataclass(frozen=True, slots=True)
class ListDetail:
    """Where the list and the detail go. The detail has no width on a screen that is a list only (the ledger)."""

    list: pygame.Rect
    detail: pygame.Rect

    @classmethod
    def beside(cls, size: tuple[int, int], *, margin: int, top: int, bottom: int, list_width: int,
               gap: int) -> ListDetail:
        """The list `list_width` wide at the left margin, from `top` down to `bottom` pixels above the window's
        foot; the detail `gap` to its right, out to the right margin, as tall as the list."""
        width, height = size
        listing = pygame.Rect(margin, top, list_width, height - top - bottom)
        left = listing.right + gap
        return cls(listing, pygame.Rect(left, top, width - margin - left, listing.height))

    @classmethod
    def above(cls, size: tuple[int, int], *, margin: int, top: int, list_bottom: int, bottom: int,
              gap: int) -> ListDetail:
        """The list across the window between the side margins, from `top` down to `list_bottom`; the detail `gap`
        below it, as wide, down to `bottom` pixels above the window's foot."""
        width, height = size
        listing = pygame.Rect(margin, top, width - 2 * margin, max(0, list_bottom - top))
        detail_top = list_bottom + gap
        return cls(listing, pygame.Rect(margin, detail_top, width - 2 * margin, height - bottom - detail_top))

    def row(self, index: int, height: int, *, gap: int = 0, scroll: int = 0, inset: int = 0) -> pygame.Rect:
        """Row `index` of rows `height` tall and `gap` apart, the list scrolled down by `scroll` pixels; `inset`
        leaves room at the right for the list's scroll bar."""
        return pygame.Rect(self.list.x, self.list.y + index * (height + gap) - scroll, self.list.width - inset, height)
