"""Every command comes in here, at the start of the step: place and demolish modules, land cargo, and pass
diplomacy to the agreement system, which answers it after the economy (a partner weighs this hour's science)."""

from __future__ import annotations

import esper

from game.content.catalog import unknown
from game.content.message import Alternatives, Message, say
from game.ecs.commands import (
    DIPLOMACY_COMMANDS,
    LANDING_MODES,
    Demolish,
    PlaceModule,
    ResolveLanding,
    SetLandingMode,
)
from game.ecs.components import Module, Ordered, UnderConstruction
from game.ecs.events import CommandRefused, ModuleDemolished, ModulePlaced
from game.ecs.resources import AWAITING_LANDING, BOOKED, SimContext
from game.ecs.world_builder import recount_capacity, remove_module, spawn_module
from game.rules.economy import demolish_refund
from game.rules.launches import grade_refusal
from game.systems.base import System
from game.systems.deliveries import book, flights, resolve_landing, unbook
from game.systems.placement import placement_refusal_here


class CommandSystem(System):
    def process(self) -> None:
        commands, self.ctx.pending_commands = self.ctx.pending_commands, []
        for command in commands:
            if isinstance(command, DIPLOMACY_COMMANDS):
                self.ctx.desk.inbox.append(command)  # answered by the AgreementSystem, after the economy
            elif isinstance(command, PlaceModule):
                self._place(command)
            elif isinstance(command, Demolish):
                self._demolish(command)
            elif isinstance(command, ResolveLanding):
                self._resolve_landing(command)
            elif isinstance(command, SetLandingMode):
                self._set_landing_mode(command)

    def _place(self, command: PlaceModule) -> None:
        ctx = self.ctx
        spec = ctx.catalog.modules.get(command.module)
        if spec is None:
            ctx.emit(CommandRefused(unknown("module", command.module, ctx.catalog.modules), command))
            return
        refusal = placement_refusal_here(ctx, spec, command.x, command.y, command.rotated)
        if refusal:
            ctx.emit(CommandRefused(refusal, command))
            return
        delivery = book(ctx, spec, ctx.station.hour) if flights(ctx) else None
        ctx.station.budget -= spec.cost
        entity = spawn_module(ctx, spec, command.x, command.y, built=False, rotated=command.rotated,
                              delivery=None if delivery is None else delivery.id)
        if delivery is not None:
            delivery.entities.append(entity)
        recount_capacity(ctx)
        ctx.emit(ModulePlaced(spec.id, command.x, command.y, command))

    def _resolve_landing(self, command: ResolveLanding) -> None:
        refusal = _landing_refusal(self.ctx, command)
        if refusal:
            self.ctx.emit(CommandRefused(refusal, command))
            return
        delivery = self.ctx.deliveries[command.delivery]
        resolve_landing(self.ctx, delivery, command.grade, command.cargo_damage, command.haul_cost, command)

    def _set_landing_mode(self, command: SetLandingMode) -> None:
        if command.mode not in LANDING_MODES:
            self.ctx.emit(CommandRefused(say("landing mode must be one of {modes}, not {mode!r}",
                                             modes=Alternatives(LANDING_MODES), mode=command.mode), command))
            return
        self.ctx.landing_mode = command.mode

    def _demolish(self, command: Demolish) -> None:
        ctx = self.ctx
        entity = ctx.occupied.get((command.x, command.y))
        if entity is None:
            ctx.emit(CommandRefused(say("there is no module at ({x}, {y}) to take down", x=command.x, y=command.y),
                                    command))
            return
        spec = esper.component_for_entity(entity, Module).spec
        refund = refund_for(ctx, entity)
        if refund is None:
            ctx.emit(CommandRefused(say("the {module!l} is already on its way to the Moon", module=spec.name),
                                    command))
            return
        unbook(ctx, entity)
        remove_module(ctx, entity)
        ctx.station.budget += refund
        recount_capacity(ctx)
        ctx.emit(ModuleDemolished(spec.id, refund, command))


def _landing_refusal(ctx: SimContext, command: ResolveLanding) -> str | Message | None:
    delivery = ctx.deliveries.get(command.delivery)
    if delivery is None or delivery.state != AWAITING_LANDING:
        return say("delivery {delivery} is not waiting for its landing", delivery=command.delivery)
    return grade_refusal(command.grade, command.cargo_damage, command.haul_cost)


def refund_for(ctx: SimContext, entity: int) -> float | None:
    """What taking this module down gives back; None while it is cargo already launched (it cannot be recalled)."""
    spec = esper.component_for_entity(entity, Module).spec
    ordered = esper.try_component(entity, Ordered)
    if ordered is not None and ctx.deliveries[ordered.delivery].state != BOOKED:
        return None
    unused = ordered is not None or esper.has_component(entity, UnderConstruction)
    return demolish_refund(spec.cost, unused)
