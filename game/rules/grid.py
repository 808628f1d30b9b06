"""The site as a grid of tile kinds, read from the level's text rows and legend."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from game.content.models import Site, TileKind


@dataclass(frozen=True, slots=True)
class SiteGrid:
    """Tile kinds by (column, row); row 0 is the top row of the level file."""

    kinds: tuple[tuple[TileKind, ...], ...]
    tile_size_m: float = 100.0

    @classmethod
    def from_site(cls, site: Site, tiles: dict[str, TileKind]) -> SiteGrid:
        return cls(
            kinds=tuple(tuple(tiles[site.legend[char]] for char in row) for row in site.rows),
            tile_size_m=site.tile_size_m,
        )

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
