"""What placing a module at a spot would do, asked before the player commits: refusal, warnings, tiles, cost."""

from __future__ import annotations

from dataclasses import dataclass

from game.content.catalog import unknown
from game.content.message import say
from game.ecs.resources import SimContext
from game.rules.grid import footprint_cells, turned
from game.systems.placement import pad_reaches, placement_refusal_here, power_reaches

NOT_CONNECTED = say("not connected to power: it will stand idle until a cable or a powered neighbour reaches it")
NO_PAD_LINK = say("nothing links it to a landing pad: assembly waits until a road or cable reaches it")


@dataclass(frozen=True, slots=True)
class PlacementPreview:
    """The answer to "may I build this here?": `reason` is the one-sentence refusal when `ok` is False."""

    ok: bool
    reason: str | None
    warnings: tuple[str, ...]
    cells: tuple[tuple[int, int], ...]
    cost: float


def preview_placement(ctx: SimContext, module_id: str, x: int, y: int, rotated: bool = False) -> PlacementPreview:
    """Checks a placement the way PlaceModule will, without changing anything. Needs the run's world current."""
    spec = ctx.catalog.modules.get(module_id)
    if spec is None:
        return PlacementPreview(False, unknown("module", module_id, ctx.catalog.modules), (), (), 0.0)
    cells = tuple(footprint_cells(x, y, turned(spec.footprint, rotated)))
    refusal = placement_refusal_here(ctx, spec, x, y, rotated)
    if refusal is not None:
        return PlacementPreview(False, refusal, (), cells, spec.cost)
    warnings: tuple[str, ...] = () if power_reaches(ctx, spec, cells) else (NOT_CONNECTED,)
    if not pad_reaches(ctx, spec, cells):
        warnings += (NO_PAD_LINK,)
    return PlacementPreview(True, None, warnings, cells, spec.cost)
