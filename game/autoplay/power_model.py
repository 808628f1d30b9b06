"""The automated player's own reckoning of a base's power: light per kind of ground (or per tile, when the
light is computed from the terrain), stored energy."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.content.catalog import Catalog
from game.rules.grid import SiteGrid
from game.rules.hours import HOURS_PER_DAY

STEP_HOURS = 2  # the plan checks the stores every two hours


@dataclass(slots=True)
class PowerModel:
    """The planner's own reckoning of a base's power over the level's time (a year at most), from the light
    the game shows for each kind of ground, or for each tile when the light is computed."""

    lit_hours: dict[str, np.ndarray]  # by light label: the share of the Sun's disc seen at each step
    array_output_w: float
    step_hours: int = STEP_HOURS

    @classmethod
    def for_level(cls, catalog: Catalog, grid: SiteGrid, labels: dict[str, tuple[int, int]],
                  days: float) -> PowerModel:
        """`labels` names a tile standing for each light label (light_label)."""
        hours = np.arange(0, int(min(days, 365.0) * HOURS_PER_DAY), STEP_HOURS, dtype=np.float64)
        lit = {label: grid.sun_fractions(x, y, hours) for label, (x, y) in labels.items()}
        array = catalog.modules.get("solar_array")
        return cls(lit, array.power_output_w if array else 0.0)

    def worst_energy(self, arrays: dict[str, int], steady_w: float, draw_w: float, storage_wh: float) -> float:
        """The lowest stored energy over the modelled time, starting full: below zero means a blackout.

        Stores fill up to `storage_wh` and never beyond, so after each step the energy is the storage plus
        what came in since the last time they were full: storage + S(t) - max S(k ≤ t), S the running sum.
        """
        steps = len(next(iter(self.lit_hours.values()), ()))
        made = np.full(steps, steady_w - draw_w, dtype=np.float64)
        for label, count in arrays.items():
            if count:
                made += self.array_output_w * count * self.lit_hours[label]
        running = np.concatenate(([0.0], np.cumsum(made * self.step_hours)))
        return float(storage_wh + (running - np.maximum.accumulate(running)).min())


def light_label(grid: SiteGrid, x: int, y: int) -> str:
    """What the planner calls the light of a tile: its kind when typed in, the tile itself when computed."""
    return f"{x}.{y}" if grid.light is not None else grid.at(x, y).id
