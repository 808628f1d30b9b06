"""The link to Earth, hour by hour: a relay always reaches Earth; an antenna only while Earth stands above the
horizon of its ground (computed from the terrain, game/terrain), so at the pole the link comes and goes as
Earth bobs with the Moon's librations, and science waits on the Moon meanwhile (docs/MODDING.md 1.12)."""

from __future__ import annotations

from game.ecs.events import EarthLinkChanged
from game.ecs.resources import SimContext, WorkingSet


def earth_linked(ctx: SimContext, working: WorkingSet) -> bool:
    """Whether science reaches Earth this hour; says so in the log when the antennas' link comes or goes."""
    if working.linked:
        ctx.station.earth_link_up = None  # a relay carries it: the antennas' horizon does not matter now
        return True
    station = ctx.station
    if not working.earth_links:
        station.earth_link_up = None
        return False
    grid, hour = ctx.grid, station.hour
    up = any(grid.earth_in_view(x, y, hour) for cells in working.earth_links for x, y in cells)
    if up != station.earth_link_up and (station.earth_link_up is not None or not up):
        ctx.emit(EarthLinkChanged(up, sum(station.unsent_science.values())))
    station.earth_link_up = up
    return up
