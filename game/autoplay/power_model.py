"""The automated player's own reckoning of a base's power: lit hours per kind of ground, stored energy."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.content.catalog import Catalog
from game.rules.sunlight import is_lit, sun_azimuth_deg


@dataclass(slots=True)
class PowerModel:
    """The planner's own reckoning of a base's power over two lunar days, from the tiles' lit arcs."""

    lit_hours: dict[str, list[bool]]
    array_output_w: float

    @classmethod
    def for_level(cls, catalog: Catalog, kinds: Iterable[str]) -> PowerModel:
        if catalog.moon is None:
            raise ValueError("the catalog has no [moon] constants")
        day_hours = catalog.moon.synodic_day_hours
        azimuths = [sun_azimuth_deg(hour, day_hours) for hour in range(int(2 * day_hours))]
        lit = {}
        for kind in kinds:
            tile = catalog.tiles[kind]
            lit[kind] = [is_lit(tile.sunlight, tile.lit_arc_centre_deg, azimuth) for azimuth in azimuths]
        array = catalog.modules.get("solar_array")
        return cls(lit, array.power_output_w if array else 0.0)

    def worst_energy(self, arrays: dict[str, int], steady_w: float, draw_w: float, storage_wh: float) -> float:
        """The lowest stored energy over two lunar days, starting full: below zero means a blackout."""
        energy = lowest = storage_wh
        hours = len(next(iter(self.lit_hours.values()), []))
        for hour in range(hours):
            made = steady_w + self.array_output_w * sum(
                count for kind, count in arrays.items() if self.lit_hours[kind][hour]
            )
            energy = min(storage_wh, energy + made - draw_w)
            lowest = min(lowest, energy)
        return lowest
