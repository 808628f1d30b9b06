"""The landing zone cut from the site: the heights of the level's relief along the row of its landing pad.

The landing is flown side on, west to east across the map (left to right, as the map is drawn). The pad is
the landing pad standing at the start, else the middle of the ground kinds a landing suits best, else the
map's middle; the landing's target sits over the pad's centre. Beyond the map's edge the ground goes on as
it is at the edge, as the horizon scan takes it.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from game.content.models import Level, ModuleSpec, TileKind
from game.landing.terrain import Relief
from game.rules.links import PAD_SHAPE
from game.terrain.relief import build_heights


def pad_centre(level: Level, tiles: Mapping[str, TileKind], modules: Mapping[str, ModuleSpec]) -> tuple[float, float]:
    """(column, row) of the pad's centre in tiles, fractions allowed (a 2 × 2 pad's centre is a corner)."""
    for placed in level.start.modules:
        spec = modules.get(placed.module)
        if spec is not None and spec.shape == PAD_SHAPE:
            width, height = spec.footprint
            return placed.x + width / 2, placed.y + height / 2
    site = level.site
    cells = [(x, y) for y, row in enumerate(site.rows) for x, char in enumerate(row)
             if tiles[site.legend[char]].landing == "good"]
    if cells:
        xs, ys = zip(*cells, strict=True)
        return (min(xs) + max(xs) + 1) / 2, (min(ys) + max(ys) + 1) / 2
    return len(site.rows[0]) / 2, len(site.rows) / 2


def site_profile(level: Level, tiles: Mapping[str, TileKind], modules: Mapping[str, ModuleSpec],
                 target_x_m: float) -> Relief:
    """Height (metres, 0 at the pad) of the site's relief under landing x, where `target_x_m` is the pad."""
    site = level.site
    heights = build_heights(site, tiles)
    column, row = pad_centre(level, tiles, modules)
    # Tile centres stand at half tiles: blend the two rows either side of the pad's centre line.
    rows = heights.shape[0]
    row_at = min(max(row - 0.5, 0.0), rows - 1.0)
    low = int(np.floor(row_at))
    high = min(low + 1, rows - 1)
    weight = row_at - low
    line = heights[low] * (1.0 - weight) + heights[high] * weight
    centres_m = (np.arange(len(line)) + 0.5) * site.tile_size_m
    pad_m = column * site.tile_size_m
    pad_height = float(np.interp(pad_m, centres_m, line))
    offset = pad_m - target_x_m
    return Relief(tuple(float(x) - offset for x in centres_m), tuple(float(y) - pad_height for y in line))
