"""Failures and repairs: modules break at their catalog rate and a crew mends them after a while."""

from __future__ import annotations

import esper

from game.ecs.components import Broken, Module, Reliability
from game.ecs.context import SimContext
from game.ecs.events import ModuleFailed, ModuleRepaired
from game.ecs.world_builder import next_failure_hour
from game.rules.economy import REPAIR_HOURS
from game.systems.base import System
from game.systems.status import is_sound


class MaintenanceSystem(System):
    def process(self) -> None:
        hour = self.ctx.station.hour
        for entity, (module, broken) in esper.get_components(Module, Broken):
            broken.repair_hours_left -= 1.0
            if broken.repair_hours_left <= 0:
                esper.remove_component(entity, Broken)
                reliability = esper.try_component(entity, Reliability)
                if reliability is not None:
                    reliability.next_failure_hour = next_failure_hour(self.ctx, module.spec)
                self.ctx.emit(ModuleRepaired(module.spec.id, module.x, module.y))
                self.ctx.topology_changed = True
        for entity, (module, reliability) in esper.get_components(Module, Reliability):
            if hour >= reliability.next_failure_hour and is_sound(entity):
                break_module(self.ctx, entity, module)


def break_module(ctx: SimContext, entity: int, module: Module) -> None:
    esper.add_component(entity, Broken(REPAIR_HOURS))
    ctx.emit(ModuleFailed(module.spec.id, module.x, module.y))
    ctx.topology_changed = True
