"""Whether a module may stand on a spot of the site, and if not, why, in one clause the player can read.

The clause ("needs sunlight: this tile is lit 0% of the time, ...") stands on its own: the station's reason
box titles it "Cannot build the solar array here", and a log line says the whole sentence with
`cannot_build_here()`. Both are `say()` messages, so each shows in the player's language as a whole.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from game.content.message import Message, say
from game.content.models import ModuleSpec
from game.rules.grid import EARTH_VIEW_NEEDED, SiteGrid, footprint_cells, turned

# The whole sentence a log or a command line reads; the reason box shows the `reason` value alone.
CANNOT_BUILD_HERE = "{module} cannot be built here: {reason}"


def placement_refusal(
    module: ModuleSpec,
    x: int,
    y: int,
    grid: SiteGrid,
    occupied: Container[tuple[int, int]] = (),
    rotated: bool = False,
) -> Message | None:
    """None when the module may stand with its top-left corner at (x, y); else the reason it may not.

    A rotated module turns a quarter turn: its footprint's width and height swap.
    """
    footprint = turned(module.footprint, rotated)
    cells = footprint_cells(x, y, footprint)
    if not all(grid.contains(cx, cy) for cx, cy in cells):
        width, height = footprint
        return say("does not fit: it needs {width} × {height} tiles and runs off the edge of the map here",
                   width=width, height=height)
    if any(cell in occupied for cell in cells):
        return say("this ground is already taken by another module")
    rules = module.placement
    for cx, cy in cells:
        tile = grid.at(cx, cy)
        if rules.tiles is not None and tile.id not in rules.tiles:
            return say("must stand on {tiles!l}: this tile is {here!l}",
                       tiles=_any_of([_tile_name(grid, kind) for kind in rules.tiles]), here=tile.name)
        sunlight = grid.sunlight(cx, cy)
        if sunlight < rules.min_sunlight:
            return say("needs sunlight: this tile is lit {lit:.0%} of the time, and it needs at least {needed:.0%}",
                       lit=sunlight, needed=rules.min_sunlight)
        ice = grid.ice_percent(cx, cy)
        if ice < rules.min_ice_percent:
            if ice == 0:
                return say("needs ice: this tile holds none, and it needs at least {needed:g} %",
                           needed=rules.min_ice_percent)
            return say("needs ice: this tile holds only {held:g} %, and it needs at least {needed:g} %",
                       held=ice, needed=rules.min_ice_percent)
        if tile.slope_deg > rules.max_slope_deg:
            return say("too steep: this ground slopes {slope:g}°, and it can stand on {most:g}° at most",
                       slope=tile.slope_deg, most=rules.max_slope_deg)
        if rules.needs_earth_view and not grid.earth_visible(cx, cy):
            if grid.light is None:
                return say("needs Earth in view: a ridge hides Earth from this tile")
            return say("needs Earth in view: the horizon hides Earth from this tile {seen:.0%} of the time, and an "
                       "antenna needs it in view at least {needed:.0%}", seen=1 - grid.earth_share(cx, cy),
                       needed=EARTH_VIEW_NEEDED)
    return None


def cannot_build_here(module: str | dict[str, str], reason: str) -> Message:
    """The whole sentence for a log: 'Solar array cannot be built here: <reason>'. `module` is the catalog's
    name as written (level text), so it shows in the player's language. (The pattern is CANNOT_BUILD_HERE,
    written out because the template tool collects only literals.)"""
    return say("{module} cannot be built here: {reason}", module=module, reason=reason)


def refusal_reason(sentence: str) -> str:
    """The reason clause of a `cannot_build_here()` sentence (anything else as it is), for a box whose title
    already says which module cannot be built."""
    if isinstance(sentence, Message) and sentence.pattern == CANNOT_BUILD_HERE:
        reason = sentence.values.get("reason")
        if isinstance(reason, str):  # str() would drop a Message's pattern: keep the value itself
            return reason
    return sentence


def _tile_name(grid: SiteGrid, kind: str) -> str | dict[str, str]:
    """A tile kind's name as the level writes it (its id in words when the map has none of that kind)."""
    return next((tile.name for _, _, tile in grid.cells() if tile.id == kind), kind.replace("_", " "))


def _any_of(names: Sequence[str | dict[str, str] | Message]) -> str | dict[str, str] | Message:
    """'a or b or c', each name with a small first letter mid-sentence; one name alone as it is."""
    *rest, last = names
    if not rest:
        return last
    return say("{either!l} or {other!l}", either=_any_of(rest), other=last)
