"""The camera over the site map: the only place where grid tiles and metres become screen pixels."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

MIN_TILE_PX = 8.0
MAX_TILE_PX = 96.0
ZOOM_STEP = 1.25


@dataclass(slots=True)
class Camera:
    """Looks at a grid of `columns` × `rows` tiles through `viewport` (a rectangle of the window).

    Grid coordinates are (column, row) with row 0 at the top, as in the level file. Site metres are
    y-up like the simulation: east from the west edge, north from the south edge; the flip is here.
    `centre` is the grid point shown in the middle of the viewport.
    """

    viewport: pygame.Rect
    columns: int
    rows: int
    tile_size_m: float = 100.0
    tile_px: float = 24.0
    centre_x: float = 0.0
    centre_y: float = 0.0

    def fit(self) -> None:
        """Zooms and centres so the whole map fills the viewport."""
        across = self.viewport.width / max(1, self.columns)
        down = self.viewport.height / max(1, self.rows)
        self.tile_px = _clamp(float(int(min(across, down))), MIN_TILE_PX, MAX_TILE_PX)
        self.centre_x, self.centre_y = self.columns / 2, self.rows / 2

    # --- conversions ------------------------------------------------------------------------------

    def grid_to_screen(self, column: float, row: float) -> tuple[float, float]:
        return (
            self.viewport.centerx + (column - self.centre_x) * self.tile_px,
            self.viewport.centery + (row - self.centre_y) * self.tile_px,
        )

    def screen_to_grid(self, x: float, y: float) -> tuple[float, float]:
        return (
            self.centre_x + (x - self.viewport.centerx) / self.tile_px,
            self.centre_y + (y - self.viewport.centery) / self.tile_px,
        )

    def tile_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The (column, row) under a screen point, or None outside the viewport or the map."""
        if not self.viewport.collidepoint(x, y):
            return None
        column, row = self.screen_to_grid(x, y)
        cell = int(column // 1), int(row // 1)
        return cell if 0 <= cell[0] < self.columns and 0 <= cell[1] < self.rows else None

    def tile_rect(self, column: int, row: int, width: int = 1, height: int = 1) -> pygame.Rect:
        """Screen rectangle of a block of tiles; neighbouring blocks share edges with no gap or overlap."""
        left, top = self.grid_to_screen(column, row)
        right, bottom = self.grid_to_screen(column + width, row + height)
        return pygame.Rect(round(left), round(top), round(right) - round(left), round(bottom) - round(top))

    def metres_to_screen(self, east_m: float, north_m: float) -> tuple[float, float]:
        """A point in site metres (y up, from the south-west corner) on the screen (y down)."""
        column = east_m / self.tile_size_m
        row = self.rows - north_m / self.tile_size_m
        return self.grid_to_screen(column, row)

    def metres_to_pixels(self, metres: float) -> float:
        return metres / self.tile_size_m * self.tile_px

    # --- moving the camera (input handling only; drawing never calls these) ----------------------

    def zoom_at(self, factor: float, anchor: tuple[float, float] | None = None) -> None:
        """Zooms by `factor` keeping the grid point under `anchor` (default: the viewport centre) still."""
        anchor = anchor or self.viewport.center
        before = self.screen_to_grid(*anchor)
        # Whole pixels per tile, so every tile is the same size on screen and patterns line up.
        target = round(self.tile_px * factor)
        if target == round(self.tile_px):
            target += 1 if factor > 1 else -1
        self.tile_px = _clamp(float(target), MIN_TILE_PX, MAX_TILE_PX)
        after = self.screen_to_grid(*anchor)
        self.centre_x += before[0] - after[0]
        self.centre_y += before[1] - after[1]
        self._keep_map_in_view()

    def pan_pixels(self, dx: float, dy: float) -> None:
        """Moves the map by (dx, dy) screen pixels, as when dragging it."""
        self.centre_x -= dx / self.tile_px
        self.centre_y -= dy / self.tile_px
        self._keep_map_in_view()

    def _keep_map_in_view(self) -> None:
        # The centre stays over the map, so the player can never lose it off screen.
        self.centre_x = _clamp(self.centre_x, 0.0, float(self.columns))
        self.centre_y = _clamp(self.centre_y, 0.0, float(self.rows))


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))
