"""A site's heights in metres, one a tile, from the level's relief (game/content/relief_models.py).

Heights start from each ground kind's typical height, smoothed so rims slope into floors; then come the
craters, peaks and ridges, a height grid or image, and seeded roughness. Row 0 is the map's top row.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from game.content.models import Site, TileKind
from game.content.relief_models import Relief

ROUGHNESS_CELL_TILES = 3  # the roughness's bumps are about this many tiles across


def build_heights(site: Site, tiles: Mapping[str, TileKind], image: np.ndarray | None = None) -> np.ndarray:
    """The site's height field, shape (rows, columns). `image` is the level's height image already read."""
    relief = site.relief
    rows, columns = len(site.rows), len(site.rows[0])
    heights = np.zeros((rows, columns), dtype=np.float64)
    if relief.from_tiles:
        heights += np.array([[tiles[site.legend[char]].height_m for char in row] for row in site.rows])
        for _ in range(relief.smoothing):
            heights = _smooth(heights)
    ys, xs = np.mgrid[0:rows, 0:columns].astype(np.float64)
    for crater in relief.craters:
        r = np.hypot(xs - crater.x, ys - crater.y) / crater.radius
        bowl = -crater.depth_m + (crater.depth_m + crater.rim_m) * np.minimum(r, 1.0) ** 2
        outside = crater.rim_m * np.exp(-(((r - 1.0) / 0.35) ** 2))
        heights += np.where(r < 1.0, bowl, outside)
    for peak in relief.peaks:
        r = np.minimum(np.hypot(xs - peak.x, ys - peak.y) / peak.radius, 1.0)  # a flat top is levelled below
        heights += peak.height_m * np.cos(r * np.pi / 2) ** 2
    for ridge in relief.ridges:
        d = _distance_to_segment(xs, ys, ridge.start, ridge.end) / ridge.width
        heights += ridge.height_m * np.cos(np.minimum(d, 1.0) * np.pi / 2) ** 2
    grid = _grid(relief, image)
    if grid is not None:
        heights += grid[:rows, :columns] if grid.shape[0] >= rows and grid.shape[1] >= columns else 0.0
    if relief.roughness_m > 0:
        heights += relief.roughness_m * _noise(rows, columns, relief.seed)
    if relief.from_tiles and relief.flat_summits:
        _level_summits(heights, site, tiles)
    for peak in relief.peaks:
        if peak.top_radius > 0:
            top = np.hypot(xs - peak.x, ys - peak.y) <= peak.top_radius
            if top.any():
                heights[top] = heights[top].max()
    return heights


def grid_shape_problem(relief: Relief, rows: int, columns: int, image: np.ndarray | None = None) -> str | None:
    """A sentence when the relief's grid or image is not the map's size; None when it fits."""
    grid = _grid(relief, image)
    if grid is None or grid.shape == (rows, columns):
        return None
    what = "'heights'" if relief.heights is not None else f"the height image '{relief.height_image}'"
    return (f"{what} is {grid.shape[1]} wide and {grid.shape[0]} high, but the map is {columns} wide and "
            f"{rows} high: give one height a tile")


def _grid(relief: Relief, image: np.ndarray | None) -> np.ndarray | None:
    if relief.heights is not None:
        return np.array(relief.heights, dtype=np.float64)
    if image is not None:
        return image.astype(np.float64) * relief.image_scale_m
    return None


def _level_summits(heights: np.ndarray, site: Site, tiles: Mapping[str, TileKind]) -> None:
    """Each patch of tiles of the highest kind (touching side by side) levelled at its highest point."""
    tallest = max(tiles[kind].height_m for kind in site.legend.values())
    summit = np.array([[tiles[site.legend[char]].height_m == tallest for char in row] for row in site.rows])
    if tallest <= 0 or summit.all():
        return
    seen = np.zeros_like(summit)
    rows, columns = summit.shape
    for y0, x0 in zip(*np.nonzero(summit), strict=True):
        if seen[y0, x0]:
            continue
        patch, stack = [], [(int(y0), int(x0))]
        seen[y0, x0] = True
        while stack:
            y, x = stack.pop()
            patch.append((y, x))
            for ny, nx in ((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)):
                if 0 <= ny < rows and 0 <= nx < columns and summit[ny, nx] and not seen[ny, nx]:
                    seen[ny, nx] = True
                    stack.append((ny, nx))
        ys, xs = zip(*patch, strict=True)
        heights[ys, xs] = heights[ys, xs].max()


def _smooth(heights: np.ndarray) -> np.ndarray:
    """One pass of a 3 × 3 average, the edges repeated outward."""
    padded = np.pad(heights, 1, mode="edge")
    rows, columns = heights.shape
    total = np.zeros_like(heights)
    for dy in range(3):
        for dx in range(3):
            total += padded[dy:dy + rows, dx:dx + columns]
    return total / 9.0


def _distance_to_segment(xs: np.ndarray, ys: np.ndarray, start: tuple[float, float],
                         end: tuple[float, float]) -> np.ndarray:
    (ax, ay), (bx, by) = start, end
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = np.zeros_like(xs) if length2 == 0 else np.clip(((xs - ax) * dx + (ys - ay) * dy) / length2, 0.0, 1.0)
    return np.hypot(xs - (ax + t * dx), ys - (ay + t * dy))


def _noise(rows: int, columns: int, seed: int) -> np.ndarray:
    """Smooth seeded bumps between -1 and 1: random values every few tiles, blended, plus a finer grain."""
    rng = np.random.default_rng(seed)
    cell = ROUGHNESS_CELL_TILES
    coarse = rng.uniform(-1.0, 1.0, size=(rows // cell + 2, columns // cell + 2))
    ys, xs = np.mgrid[0:rows, 0:columns].astype(np.float64) / cell
    y0, x0 = ys.astype(int), xs.astype(int)
    fy, fx = ys - y0, xs - x0
    fy, fx = fy * fy * (3 - 2 * fy), fx * fx * (3 - 2 * fx)
    top = coarse[y0, x0] * (1 - fx) + coarse[y0, x0 + 1] * fx
    bottom = coarse[y0 + 1, x0] * (1 - fx) + coarse[y0 + 1, x0 + 1] * fx
    fine = rng.uniform(-1.0, 1.0, size=(rows, columns))
    return np.clip(0.8 * (top * (1 - fy) + bottom * fy) + 0.2 * fine, -1.0, 1.0)
