"""The site as a grid of tile kinds, read from the level's text rows and legend, with each tile's light.

With the catalog's Moon (its [moon.sky]) the light, Earth view and ice of every tile are computed from the
site's relief (game/terrain); without it, or when the site says light = "tile_kinds", each tile takes its
kind's typed-in figures and lit arc (game/rules/sunlight.py).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from dataclasses import dataclass

import numpy as np

from game.content.figures import WORKED_OUT, WorkedOut
from game.content.models import Figure, MoonFacts, Site, TileKind
from game.rules.sunlight import is_lit, lit_shares, longest_dark_hours, sun_azimuth_deg
from game.terrain.light import SiteLight, site_light
from game.terrain.sky import Sky

# An antenna needs Earth above its horizon at least this share of the time (a game value: at the pole
# Earth bobs about the horizon, so even open ground sees it only about half the time).
EARTH_VIEW_NEEDED = 0.25
TYPED_SYNODIC_HOURS = 708.73  # the typed-in arcs turn with the lunar day when no Moon is given


@dataclass(frozen=True, slots=True)
class SiteGrid:
    """Tile kinds by (column, row); row 0 is the top row of the level file."""

    kinds: tuple[tuple[TileKind, ...], ...]
    tile_size_m: float = 100.0
    light: SiteLight | None = None  # computed light; None: the kinds' typed-in figures
    synodic_day_hours: float = TYPED_SYNODIC_HOURS

    @classmethod
    def from_site(cls, site: Site, tiles: dict[str, TileKind], moon: MoonFacts | None = None) -> SiteGrid:
        """The grid; with `moon` its light is computed from the relief (unless the site types it in)."""
        sky = Sky.from_moon(moon) if moon is not None else None
        light = site_light(site, tiles, sky) if sky is not None and site.light == "computed" else None
        return cls(
            kinds=tuple(tuple(tiles[site.legend[char]] for char in row) for row in site.rows),
            tile_size_m=site.tile_size_m,
            light=light,
            synodic_day_hours=moon.synodic_day_hours if moon is not None else TYPED_SYNODIC_HOURS,
        )

    # -- each tile's light: computed, or the kind's typed-in figures --
    def sunlight(self, x: int, y: int) -> float:
        """The share of the time this tile is lit (over a year, the share of the Sun's disc seen)."""
        return float(self.light.share[y, x]) if self.light is not None else self.kinds[y][x].sunlight

    def longest_dark_hours(self, x: int, y: int) -> float:
        if self.light is not None:
            return float(self.light.longest_dark_hours[y, x])
        return longest_dark_hours(self.kinds[y][x].sunlight, self.synodic_day_hours)

    def ice_percent(self, x: int, y: int) -> float:
        """Ice lasts where the Sun never reaches: computed, every permanently shadowed tile holds it."""
        if self.light is None:
            return self.kinds[y][x].ice_percent
        return self.light.sky.ice_percent if self.light.permanently_dark(x, y) else 0.0

    # -- what each of those numbers is, for every screen and sentence that shows one --
    def sunlight_status(self, x: int, y: int) -> Figure | WorkedOut:
        """Computed light is worked out from the tile's horizon; typed-in light is its kind's figure."""
        return WORKED_OUT if self.light is not None else self.kinds[y][x].figure("sunlight")

    def ice_status(self, x: int, y: int) -> Figure:
        """Computed light: the status [moon.sky] gives the ice every permanently shadowed tile holds (LCROSS's real
        figure in the shipped catalog); typed-in light: the kind's."""
        return self.light.sky.ice_status if self.light is not None else self.kinds[y][x].figure("ice_percent")

    def earth_share(self, x: int, y: int) -> float:
        if self.light is not None:
            return float(self.light.earth_share[y, x])
        return 1.0 if self.kinds[y][x].earth_visible else 0.0

    def earth_visible(self, x: int, y: int) -> bool:
        """Whether Earth is in view here often enough for an antenna."""
        return self.earth_share(x, y) >= EARTH_VIEW_NEEDED

    def earth_in_view(self, x: int, y: int, hour: float) -> bool:
        """Whether Earth's centre stands above this tile's horizon `hour` hours into the level (typed-in
        light: whether the kind sees Earth at all)."""
        if self.light is not None:
            return self.light.earth_in_view(x, y, hour)
        return self.kinds[y][x].earth_visible

    def sun_fraction(self, x: int, y: int, hour: float) -> float:
        """The share of the Sun's disc this tile sees `hour` hours into the level."""
        if self.light is not None:
            return self.light.sun_fraction(x, y, hour)
        kind = self.kinds[y][x]
        azimuth = sun_azimuth_deg(hour, self.synodic_day_hours)
        return 1.0 if is_lit(kind.sunlight, kind.lit_arc_centre_deg, azimuth) else 0.0

    def sun_fractions(self, x: int, y: int, hours: np.ndarray) -> np.ndarray:
        """sun_fraction at every hour of `hours` at once (what the planner's year of steps needs)."""
        if self.light is not None:
            return self.light.sun_fractions(x, y, hours)
        kind = self.kinds[y][x]
        return lit_shares(kind.sunlight, kind.lit_arc_centre_deg, hours, self.synodic_day_hours)

    def light_key(self, x: int, y: int) -> Hashable:
        """Tiles with the same key are lit and dark together (typed-in: the kind's arc; computed: the tile)."""
        if self.light is not None:
            return (x, y)
        kind = self.kinds[y][x]
        return (kind.sunlight, kind.lit_arc_centre_deg)

    @property
    def width(self) -> int:
        return len(self.kinds[0]) if self.kinds else 0

    @property
    def height(self) -> int:
        return len(self.kinds)

    def contains(self, x: int, y: int) -> bool:
        return 0 <= x < self.width and 0 <= y < self.height

    def at(self, x: int, y: int) -> TileKind:
        return self.kinds[y][x]

    def cells(self) -> Iterator[tuple[int, int, TileKind]]:
        for y, row in enumerate(self.kinds):
            for x, kind in enumerate(row):
                yield x, y, kind


def footprint_cells(x: int, y: int, footprint: tuple[int, int]) -> list[tuple[int, int]]:
    """The tiles a module covers when its top-left corner stands at (x, y)."""
    width, height = footprint
    return [(x + dx, y + dy) for dy in range(height) for dx in range(width)]


def turned(footprint: tuple[int, int], rotated: bool) -> tuple[int, int]:
    """A footprint after a quarter turn when `rotated`: width and height swap."""
    width, height = footprint
    return (height, width) if rotated else (width, height)
