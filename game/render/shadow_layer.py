"""The shaded relief with the Sun's shadows, kept up to date a little at a time.

When the Sun moves a step only the ground near the shadows' edges changes (a few percent of the tiles): those
tiles are found by comparing the new shadow picture with the one drawn, and only they are drawn again, a
bounded number of pixels a frame, so the frame a step arrives costs about what any other frame costs. Until
a tile's turn comes it shows the shadow of a moment before (a frame or two at 16×), which no one can see.
"""

from __future__ import annotations

import numpy as np
import pygame

from game.render.relief import SAMPLES, SHADOW_ALPHA, sun_seen, sun_step
from game.terrain.light import SiteLight

# Pixels of the map drawn again each frame at most, once the layer exists: about a twelfth of a 1080p
# map, so a large Sun step is spread over a few frames (at 16× a step comes every seven frames or so).
PIXELS_PER_FRAME = 120_000
SHADOW_COLOUR = (4, 6, 14)
MERGE_GAP_TILES = 2  # changed tiles this close together in a row are drawn as one stretch


class Upsampler:
    """Each tile's value at its centre, blended straight across to `SAMPLES` values a tile side, with the
    indices and weights worked out once per map size (the shadow picture is made again at every Sun step)."""

    def __init__(self, rows: int, columns: int, samples: int = SAMPLES):
        self.rows_index, self.rows_weight = _axis(rows, samples)
        self.columns_index, self.columns_weight = _axis(columns, samples)

    def __call__(self, values: np.ndarray) -> np.ndarray:
        (x0, x1), fx = self.columns_index, self.columns_weight
        across = values[:, x0] * (1.0 - fx) + values[:, x1] * fx
        (y0, y1), fy = self.rows_index, self.rows_weight
        return across[y0] * (1.0 - fy)[:, None] + across[y1] * fy[:, None]


def _axis(count: int, samples: int) -> tuple[tuple[np.ndarray, np.ndarray], np.ndarray]:
    positions = np.clip((np.arange(count * samples) + 0.5) / samples - 0.5, 0, count - 1)
    low = np.minimum(positions.astype(int), max(count - 2, 0))
    high = np.minimum(low + 1, count - 1)
    return (low, high), (positions - low) if count > 1 else np.zeros(len(positions))


class ShadedRelief:
    """The relief at one zoom with the shadows of the Sun's latest step drawn over it."""

    def __init__(self, relief: pygame.Surface, light: SiteLight, tile_px: float):
        self.relief = relief
        self.light = light
        self.tile_px = tile_px
        rows, columns = light.share.shape
        self.rows, self.columns = rows, columns
        self.upsample = Upsampler(rows, columns)
        self.layer = relief.copy()
        self.drawn = np.zeros((rows * SAMPLES, columns * SAMPLES), dtype=np.uint8)  # alpha now on the layer
        self.wanted = self.drawn
        self.picture: pygame.Surface | None = None  # `wanted` as a small picture with alpha
        self.step: tuple[int, int] | None = None
        self.pending: list[tuple[int, int, int]] = []  # (tile row, first column, end column) to draw again

    def surface(self, hour: float) -> pygame.Surface:
        """The layer for `hour`: a new Sun step queues what changed (drawn from the next frame on, so no frame
        both works out the new shadows and draws them), else part of the queue is drawn."""
        step = sun_step(self.light, hour)
        if self.step is None:
            self.step = step
            self._want(hour)
            self._draw(None)  # the first picture is drawn whole: there is none to show meanwhile
        elif step != self.step:
            self.step = step
            self._want(hour)
        else:
            self._draw(PIXELS_PER_FRAME)
        return self.layer

    def _want(self, hour: float) -> None:
        dark = self.upsample(1.0 - sun_seen(self.light, hour))
        self.wanted = np.clip(dark * SHADOW_ALPHA, 0, 255).astype(np.uint8)
        picture = pygame.Surface((self.wanted.shape[1], self.wanted.shape[0]), pygame.SRCALPHA)
        picture.fill((*SHADOW_COLOUR, 0))
        pygame.surfarray.pixels_alpha(picture)[:] = self.wanted.T
        self.picture = picture
        changed = (self.wanted != self.drawn).reshape(self.rows, SAMPLES, self.columns, SAMPLES).any(axis=(1, 3))
        self.pending = [span for row in range(self.rows) for span in _spans(row, changed[row])]

    def _draw(self, budget: int | None) -> None:
        """Draws queued stretches, up to `budget` pixels (None: all of them)."""
        spent = 0
        while self.pending and (budget is None or spent < budget):
            row, start, end = self.pending.pop(0)
            spent += self._draw_stretch(row, start, end)

    def _draw_stretch(self, row: int, start: int, end: int) -> int:
        assert self.picture is not None
        px = self.tile_px
        left, right = round(start * px), round(end * px)
        top, bottom = round(row * px), round((row + 1) * px)
        width, height = self.layer.get_size()
        rect = pygame.Rect(left, top, min(right, width) - left, min(bottom, height) - top)
        if rect.width <= 0 or rect.height <= 0:
            return 0
        self.layer.blit(self.relief, rect, rect)
        area = pygame.Rect(start * SAMPLES, row * SAMPLES, (end - start) * SAMPLES, SAMPLES)
        self.layer.blit(pygame.transform.scale(self.picture.subsurface(area), rect.size), rect)
        self.drawn[area.top:area.bottom, area.left:area.right] = self.wanted[area.top:area.bottom, area.left:area.right]
        return rect.width * rect.height


def _spans(row: int, changed: np.ndarray) -> list[tuple[int, int, int]]:
    """Stretches of changed tiles along one row, near ones merged: (row, first column, end column)."""
    spans: list[tuple[int, int, int]] = []
    for column in (int(found) for found in np.flatnonzero(changed)):
        if spans and column - spans[-1][2] <= MERGE_GAP_TILES:
            spans[-1] = (row, spans[-1][1], column + 1)
        else:
            spans.append((row, column, column + 1))
    return spans
