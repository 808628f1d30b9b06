"""Applies the player's queued commands at the start of the step: place and demolish modules."""

from __future__ import annotations

import esper

from game.content.catalog import unknown
from game.content.text import translate
from game.ecs.commands import Demolish, PlaceModule
from game.ecs.components import Module, UnderConstruction
from game.ecs.events import CommandRefused, ModuleDemolished, ModulePlaced
from game.ecs.world_builder import recount_capacity, remove_module, spawn_module
from game.rules.economy import DEMOLISH_REFUND, affordability_refusal
from game.rules.placement import placement_refusal
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
        name = translate(spec.name)
        refusal = placement_refusal(spec, command.x, command.y, ctx.grid, ctx.occupied) or affordability_refusal(
            name, spec.cost, ctx.station.budget
        )
        if refusal:
            ctx.emit(CommandRefused(f"{name} cannot be built here: {refusal}"))
            return
        ctx.station.budget -= spec.cost
        spawn_module(ctx, spec, command.x, command.y, built=False)
        recount_capacity(ctx)
        ctx.emit(ModulePlaced(spec.id, command.x, command.y))

    def _demolish(self, command: Demolish) -> None:
        ctx = self.ctx
        entity = ctx.occupied.get((command.x, command.y))
        if entity is None:
            ctx.emit(CommandRefused(f"there is no module at ({command.x}, {command.y}) to take down"))
            return
        spec = esper.component_for_entity(entity, Module).spec
        # A module still being assembled has not been used: its whole cost comes back.
        refund = spec.cost * (1.0 if esper.has_component(entity, UnderConstruction) else DEMOLISH_REFUND)
        remove_module(ctx, entity)
        ctx.station.budget += refund
        recount_capacity(ctx)
        ctx.emit(ModuleDemolished(spec.id, refund))
