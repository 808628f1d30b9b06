"""What placing a module at a spot would do, asked before the player commits: refusal, warnings, tiles, cost.

The answer counts the orders already waiting for the next step, as the command system will meet them: while time
is paused a second module ordered onto the same tile, or past the budget the first leaves, is refused at once, with
the sentence the running game gives, rather than when time runs.
"""

from __future__ import annotations

from dataclasses import dataclass

import esper

from game.content.catalog import unknown
from game.content.message import say
from game.ecs.commands import Demolish, PlaceModule
from game.ecs.components import Module
from game.ecs.resources import SimContext
from game.rules.economy import demolish_refund
from game.rules.grid import footprint_cells, turned
from game.systems.commands import refund_for
from game.systems.placement import PlannedBase, pad_reaches, placement_refusal_here, power_reaches

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
    refusal = placement_refusal_here(ctx, spec, x, y, rotated, planned_base(ctx))
    if refusal is not None:
        return PlacementPreview(False, refusal, (), cells, spec.cost)
    warnings: tuple[str, ...] = () if power_reaches(ctx, spec, cells) else (NOT_CONNECTED,)
    if not pad_reaches(ctx, spec, cells):
        warnings += (NO_PAD_LINK,)
    return PlacementPreview(True, None, warnings, cells, spec.cost)


def planned_base(ctx: SimContext) -> PlannedBase | None:
    """The base once the waiting placements and take-downs are applied in order, each accepted or refused as the
    command system will (other commands leave the map and, before the next placement, the budget alone); None
    when none waits. Needs the run's world current."""
    orders = [command for command in ctx.pending_commands if isinstance(command, PlaceModule | Demolish)]
    if not orders:
        return None
    # What takes each tile: a module's entity, or a negative number for an order not yet placed (esper numbers
    # entities from 1).
    occupied: dict[tuple[int, int], int] = dict(ctx.occupied)
    standing = {entity: (module.spec, module.cells) for entity, module in esper.get_component(Module)}
    budget = ctx.station.budget
    for number, command in enumerate(orders, start=1):
        if isinstance(command, PlaceModule):
            spec = ctx.catalog.modules.get(command.module)
            planned = PlannedBase(occupied, tuple(standing.values()), budget)
            if spec is None or placement_refusal_here(ctx, spec, command.x, command.y, command.rotated, planned):
                continue
            cells = tuple(footprint_cells(command.x, command.y, turned(spec.footprint, command.rotated)))
            occupied.update(dict.fromkeys(cells, -number))
            standing[-number] = (spec, cells)
            budget -= spec.cost
            continue
        holder = occupied.get((command.x, command.y))
        if holder is None:
            continue
        # A module ordered in the same step is taken down unused, for its whole cost.
        refund = refund_for(ctx, holder) if holder > 0 else demolish_refund(standing[holder][0].cost, unused=True)
        if refund is None:
            continue
        for cell in standing.pop(holder)[1]:
            occupied.pop(cell, None)
        budget += refund
    return PlannedBase(occupied, tuple(standing.values()), budget)
