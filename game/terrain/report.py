"""Figures of a site's computed light, for tests, the command line and level makers: the best tile, the
best pair of tiles together, tiles lit all the time, and each ground kind's range."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.terrain.horizon import at_azimuth
from game.terrain.light import STEP_HOURS, SiteLight

PAIR_CANDIDATES = 40  # the best pair is sought among this many of the best-lit tiles


@dataclass(frozen=True, slots=True)
class LightFigures:
    best_share: float
    best_tile: tuple[int, int]  # (column, row)
    pair_share: float
    pair_tiles: tuple[tuple[int, int], tuple[int, int]]
    always_lit: int  # tiles whose share is the whole year
    best_longest_dark_hours: float


def light_figures(light: SiteLight) -> LightFigures:
    """The headline figures: computed from the year's Sun positions, as the published ones were."""
    share = light.share
    rows, columns = share.shape
    flat = light.horizon.reshape(rows * columns, -1)
    top = np.argsort(share.ravel(), kind="stable")[-PAIR_CANDIDATES:]
    hours = np.arange(0.0, light.sky.year_hours, STEP_HOURS)
    azimuth, elevation = light.sky.sun_path(hours)
    seen = np.clip((elevation[None, :] - at_azimuth(flat[top], azimuth)) / light.sky.sun_disc_deg + 0.5, 0, 1)
    pair, pair_tiles = 0.0, (0, 0)
    for i in range(len(top)):
        together = np.maximum(seen[i][None, :], seen[i + 1:]).mean(axis=1)
        if len(together) and together.max() > pair:
            j = int(together.argmax())
            pair, pair_tiles = float(together[j]), (int(top[i]), int(top[i + 1 + j]))
    best = int(share.argmax())
    return LightFigures(
        best_share=float(share.ravel()[best]),
        best_tile=(best % columns, best // columns),
        pair_share=pair,
        pair_tiles=((pair_tiles[0] % columns, pair_tiles[0] // columns),
                    (pair_tiles[1] % columns, pair_tiles[1] // columns)),
        always_lit=int((share >= 0.9999).sum()),
        best_longest_dark_hours=float(light.longest_dark_hours.ravel()[best]),
    )
