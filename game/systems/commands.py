"""Applies the player's queued commands at the start of the step: place and demolish modules."""

from __future__ import annotations

import esper

from game.content.catalog import unknown
from game.content.text import translate
from game.ecs.commands import Demolish, PlaceModule
from game.ecs.components import BOOKED, Module, Ordered, UnderConstruction
from game.ecs.context import SimContext
from game.ecs.events import CommandRefused, ModuleDemolished, ModulePlaced
from game.ecs.preview import placement_refusal_here
from game.ecs.world_builder import recount_capacity, remove_module, spawn_module
from game.rules.economy import demolish_refund
from game.systems.base import System


class CommandSystem(System):
    def process(self) -> None:
        commands, self.ctx.pending_commands = self.ctx.pending_commands, []
        for command in commands:
            if isinstance(command, PlaceModule):
                self._place(command)
            else:
                self._demolish(command)

    def _place(self, command: PlaceModule) -> None:
        ctx = self.ctx
        spec = ctx.catalog.modules.get(command.module)
        if spec is None:
            ctx.emit(CommandRefused(unknown("module", command.module, ctx.catalog.modules)))
            return
        refusal = placement_refusal_here(ctx, spec, command.x, command.y, command.rotated)
        if refusal:
            ctx.emit(CommandRefused(refusal))
            return
        ctx.station.budget -= spec.cost
        spawn_module(ctx, spec, command.x, command.y, built=False, rotated=command.rotated)
        recount_capacity(ctx)
        ctx.emit(ModulePlaced(spec.id, command.x, command.y))

    def _demolish(self, command: Demolish) -> None:
        ctx = self.ctx
        entity = ctx.occupied.get((command.x, command.y))
        if entity is None:
            ctx.emit(CommandRefused(f"there is no module at ({command.x}, {command.y}) to take down"))
            return
        spec = esper.component_for_entity(entity, Module).spec
        refund = refund_for(ctx, entity)
        if refund is None:
            ctx.emit(CommandRefused(f"the {translate(spec.name).lower()} is already on its way to the Moon"))
            return
        remove_module(ctx, entity)
        ctx.station.budget += refund
        recount_capacity(ctx)
        ctx.emit(ModuleDemolished(spec.id, refund))


def refund_for(ctx: SimContext, entity: int) -> float | None:
    """What taking this module down gives back; None while it is cargo already launched (it cannot be recalled)."""
    spec = esper.component_for_entity(entity, Module).spec
    ordered = esper.try_component(entity, Ordered)
    if ordered is not None and ctx.deliveries[ordered.delivery].state != BOOKED:
        return None
    unused = ordered is not None or esper.has_component(entity, UnderConstruction)
    return demolish_refund(spec.cost, unused)
