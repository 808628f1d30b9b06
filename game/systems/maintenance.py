"""Failures and repairs: modules break at their catalog rate and a crew mends them after a while."""

from __future__ import annotations

import math

import esper

from game.ecs.components import Broken, Module, Reliability
from game.ecs.events import ModuleFailed, ModuleRepaired
from game.ecs.resources import SimContext
from game.ecs.status import is_sound
from game.ecs.world_builder import next_failure_hour
from game.rules.economy import REPAIR_HOURS
from game.systems.base import System


class MaintenanceSystem(System):
    def __init__(self, ctx: SimContext):
        super().__init__(ctx)
        # The earliest failure due, so most hours need not look at every module.
        self._next_due = -math.inf
        self._seen_version = -1

    def process(self) -> None:
        ctx = self.ctx
        hour = ctx.station.hour
        for entity, (module, broken) in esper.get_components(Module, Broken):
            broken.repair_hours_left -= 1.0
            if broken.repair_hours_left <= 0:
                esper.remove_component(entity, Broken)
                reliability = esper.try_component(entity, Reliability)
                if reliability is not None:
                    reliability.next_failure_hour = next_failure_hour(ctx, module.spec)
                ctx.emit(ModuleRepaired(module.spec.id, module.x, module.y))
                ctx.topology_changed = True
        if ctx.topology_changed or self._seen_version != ctx.status_version:
            self._next_due = -math.inf  # modules came, went, broke or were mended: look again
        if hour < self._next_due:
            return
        for entity, (module, reliability) in esper.get_components(Module, Reliability):
            if hour >= reliability.next_failure_hour and is_sound(entity):
                break_module(ctx, entity, module)
        sound = [r.next_failure_hour for e, r in esper.get_component(Reliability) if is_sound(e)]
        self._next_due = min(sound, default=math.inf)
        self._seen_version = ctx.status_version
        if ctx.topology_changed:
            self._next_due = -math.inf


def break_module(ctx: SimContext, entity: int, module: Module) -> None:
    esper.add_component(entity, Broken(REPAIR_HOURS))
    ctx.emit(ModuleFailed(module.spec.id, module.x, module.y))
    ctx.topology_changed = True
