"""Placement queries shared by the command system and the agreements: may a module stand here, and would
power and a landing pad's road reach it. Needs the run's world current."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import esper

from game.content.figures import status_words
from game.content.message import say
from game.content.models import ModuleSpec
from game.ecs.components import EnergyStore, Module
from game.ecs.resources import SimContext
from game.ecs.status import is_sound
from game.rules.economy import affordability_refusal
from game.rules.links import PAD_SHAPE, pad_linked
from game.rules.placement import cannot_build_here, placement_refusal


@dataclass(frozen=True, slots=True)
class PlannedBase:
    """The base as the orders waiting for the next step will leave it: the tiles taken (each with what takes it),
    every module on the map with its cells (for the distance rules), and the budget left."""

    occupied: Mapping[tuple[int, int], object]
    standing: Sequence[tuple[ModuleSpec, tuple[tuple[int, int], ...]]]
    budget: float


def modules_on_map(ctx: SimContext) -> list[tuple[ModuleSpec, tuple[tuple[int, int], ...]]]:
    """Every module on the map (standing, being built or ordered) with its cells, for the distance rules."""
    return [(module.spec, module.cells) for _, module in esper.get_component(Module)]


def placement_refusal_here(ctx: SimContext, spec: ModuleSpec, x: int, y: int, rotated: bool,
                           planned: PlannedBase | None = None) -> str | None:
    """The full sentence the player sees when this module may not be placed here now (or, given `planned`, once
    the orders before it are applied), else None.

    A screen whose title already names the module shows only the reason: game.rules.placement.refusal_reason().
    """
    occupied, standing, budget = ((ctx.occupied, modules_on_map(ctx), ctx.station.budget) if planned is None
                                  else (planned.occupied, planned.standing, planned.budget))
    refusal = (
        placement_refusal(spec, x, y, ctx.grid, occupied, rotated=rotated, standing=standing)
        or cargo_refusal(ctx, spec)
        or affordability_refusal(spec.name, spec.cost, budget)
    )
    return None if refusal is None else cannot_build_here(spec.name, refusal)


def cargo_refusal(ctx: SimContext, spec: ModuleSpec) -> str | None:
    """When the level flies cargo, a module heavier than every one of its launch vehicles can carry can never come."""
    vehicles = [ctx.catalog.launch_vehicles[v] for v in ctx.level.launch_vehicles if v in ctx.catalog.launch_vehicles]
    if not vehicles:
        return None
    biggest = max(vehicles, key=lambda vehicle: vehicle.payload_to_surface_kg)
    if spec.mass_kg <= biggest.payload_to_surface_kg:
        return None
    # Each mass says what it is, as the catalog gives its status (the placement refusals do the same).
    return say("too heavy to fly: it weighs {mass:,.0f} kg ({mass_status}) and the biggest launch of this level, "
               "{vehicle}, lands {payload:,.0f} kg ({payload_status})", mass=spec.mass_kg,
               mass_status=status_words(spec.figure("mass_kg")), vehicle=biggest.name,
               payload=biggest.payload_to_surface_kg,
               payload_status=status_words(biggest.figure("payload_to_surface_kg")))


def power_reaches(ctx: SimContext, spec: ModuleSpec, cells: tuple[tuple[int, int], ...]) -> bool:
    """Whether a module here would join a network that makes or stores power (or needs none itself).

    Walks the network the way the power system groups it: two working modules share power when they
    touch side by side and one of them conducts.
    """
    if spec.power_draw_w <= 0 or not spec.placement.needs_power or spec.power_output_w > 0:
        return True
    seen: set[int] = set()
    frontier = [e for e in _touching(ctx, cells) if spec.conducts_power or _module(e).spec.conducts_power]
    while frontier:
        entity = frontier.pop()
        if entity in seen or not is_sound(entity):
            continue
        seen.add(entity)
        module = _module(entity)
        if module.spec.power_output_w > 0 or esper.has_component(entity, EnergyStore):
            return True
        frontier += [
            other for other in _touching(ctx, module.cells)
            if other not in seen and (module.spec.conducts_power or _module(other).spec.conducts_power)
        ]
    return False


def pad_reaches(ctx: SimContext, spec: ModuleSpec, cells: tuple[tuple[int, int], ...]) -> bool:
    """Whether assembly here could start: a pad would link to it, or it is a pad, or the map has no pad.

    Counts every module on the map, ordered cargo and unfinished pads too: the player sees the base as
    planned, and what is ordered lands in time.
    """
    if spec.shape == PAD_SHAPE:
        return True
    entities = set(ctx.occupied.values())
    modules = {entity: _module(entity) for entity in entities}
    pads = [entity for entity, module in modules.items() if module.spec.shape == PAD_SHAPE]
    if not pads:
        return True  # no pad on the map: no link rule (see game/systems/construction.py)
    here = -1  # not an entity id: esper numbers entities from 1
    module_cells: dict[int, tuple[tuple[int, int], ...]] = {e: m.cells for e, m in modules.items()}
    module_cells[here] = cells
    conducts = {entity: module.spec.conducts_power for entity, module in modules.items()}
    conducts[here] = spec.conducts_power
    return here in pad_linked(module_cells, conducts, pads)


def _module(entity: int) -> Module:
    return esper.component_for_entity(entity, Module)


def _touching(ctx: SimContext, cells: tuple[tuple[int, int], ...]) -> set[int]:
    """Modules on the tiles beside these (not on them)."""
    own = set(cells)
    found = set()
    for cx, cy in cells:
        for neighbour in ((cx + 1, cy), (cx - 1, cy), (cx, cy + 1), (cx, cy - 1)):
            entity = ctx.occupied.get(neighbour)
            if entity is not None and neighbour not in own:
                found.add(entity)
    return found
