"""Whether a module may stand on a spot of the site, and if not, why, in one sentence."""

from __future__ import annotations

from collections.abc import Container

from game.content.models import ModuleSpec
from game.content.text import translate
from game.rules.grid import SiteGrid, footprint_cells, turned


def placement_refusal(
    module: ModuleSpec,
    x: int,
    y: int,
    grid: SiteGrid,
    occupied: Container[tuple[int, int]] = (),
    language: str = "en",
    rotated: bool = False,
) -> str | None:
    """None when the module may stand with its top-left corner at (x, y); else the reason it may not.

    A rotated module turns a quarter turn: its footprint's width and height swap.
    """
    footprint = turned(module.footprint, rotated)
    cells = footprint_cells(x, y, footprint)
    if not all(grid.contains(cx, cy) for cx, cy in cells):
        width, height = footprint
        return f"does not fit: it needs {width} × {height} tiles and runs off the edge of the map here"
    if any(cell in occupied for cell in cells):
        return "this ground is already taken by another module"
    rules = module.placement
    for cx, cy in cells:
        tile = grid.at(cx, cy)
        tile_name = translate(tile.name, language)
        if rules.tiles is not None and tile.id not in rules.tiles:
            return f"must stand on {' or '.join(rules.tiles).replace('_', ' ')}: this tile is {tile_name.lower()}"
        if tile.sunlight < rules.min_sunlight:
            return (
                f"needs sunlight: this tile is lit {tile.sunlight:.0%} of the time, "
                f"and it needs at least {rules.min_sunlight:.0%}"
            )
        if tile.ice_percent < rules.min_ice_percent:
            held = "none" if tile.ice_percent == 0 else f"only {tile.ice_percent:g} %"
            return f"needs ice: this tile holds {held}, and it needs at least {rules.min_ice_percent:g} %"
        if tile.slope_deg > rules.max_slope_deg:
            return (
                f"too steep: this ground slopes {tile.slope_deg:g}°, "
                f"and it can stand on {rules.max_slope_deg:g}° at most"
            )
        if rules.needs_earth_view and not tile.earth_visible:
            return "needs Earth in view: a ridge hides Earth from this tile"
    return None
