"""Builds a fresh esper world from a validated level (the modules standing at the start, the partners), and
adds or removes the modules the run builds and takes down."""

from __future__ import annotations

import esper

from game.content.models import ModuleSpec
from game.ecs.components import (
    EnergyStore,
    Module,
    Ordered,
    Partner,
    PowerState,
    Reliability,
    SolarExposure,
    UnderConstruction,
)
from game.ecs.resources import SimContext
from game.rules.grid import footprint_cells, turned
from game.rules.hours import HOURS_PER_YEAR


def populate_world(ctx: SimContext) -> None:
    """Creates the level's starting modules in the current esper world and shares out the starting energy."""
    for placed in ctx.level.start.modules:
        spawn_module(ctx, ctx.catalog.modules[placed.module], placed.x, placed.y, built=True)
    stores = [store for _, store in esper.get_component(EnergyStore)]
    capacity = sum(store.capacity_wh for store in stores)
    energy = min(ctx.level.start.energy_wh, capacity)
    for store in stores:
        store.charge_wh = energy * store.capacity_wh / capacity
    recount_capacity(ctx)
    populate_partners(ctx)


def populate_partners(ctx: SimContext) -> None:
    """Creates one entity per partner of the level, in the level's order."""
    for taking_part in ctx.level.partners:
        spec = ctx.catalog.partners[taking_part.partner]
        trust = spec.starting_trust if taking_part.trust is None else taking_part.trust
        esper.create_entity(Partner(spec, trust, taking_part.member, taking_part.talks_open, spec.patience))


def spawn_module(
    ctx: SimContext,
    spec: ModuleSpec,
    x: int,
    y: int,
    *,
    built: bool,
    rotated: bool = False,
    delivery: int | None = None,
) -> int:
    """Creates a module entity with the components its catalog entry calls for.

    With a `delivery` the module is still cargo on that delivery: it holds its ground but is not assembled.
    """
    cells = tuple(footprint_cells(x, y, turned(spec.footprint, rotated)))
    components: list[object] = [Module(spec, x, y, cells, rotated), PowerState()]
    if delivery is not None:
        components.append(Ordered(delivery))
    elif not built and spec.build_hours > 0:
        components.append(UnderConstruction(spec.build_hours))
    if spec.energy_storage_wh > 0:
        components.append(EnergyStore(spec.energy_storage_wh))
    if spec.solar:
        components.append(SolarExposure(min(cells, key=lambda cell: ctx.grid.sunlight(*cell))))
    if spec.failure_rate_per_year > 0:
        components.append(Reliability(next_failure_hour(ctx, spec)))
    entity = esper.create_entity(*components)
    for cell in cells:
        ctx.occupied[cell] = entity
    ctx.topology_changed = True
    return entity


def remove_module(ctx: SimContext, entity: int) -> None:
    module = esper.component_for_entity(entity, Module)
    for cell in module.cells:
        ctx.occupied.pop(cell, None)
    esper.delete_entity(entity, immediate=True)
    ctx.topology_changed = True


def next_failure_hour(ctx: SimContext, spec: ModuleSpec) -> float:
    """Failures come at random with the catalog's yearly rate (exponential waiting times, seeded)."""
    return ctx.station.hour + ctx.rng.expovariate(spec.failure_rate_per_year / HOURS_PER_YEAR)


def recount_capacity(ctx: SimContext) -> None:
    """Storage capacity is the sum of what every finished module holds."""
    capacity: dict[str, float] = {}
    for entity, module in esper.get_component(Module):
        if esper.has_component(entity, UnderConstruction) or esper.has_component(entity, Ordered):
            continue
        for resource, amount in module.spec.storage.items():
            capacity[resource] = capacity.get(resource, 0.0) + amount
    ctx.station.capacity = capacity
