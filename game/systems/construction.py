"""Assembly: a placed module counts down its build hours, then starts working."""

from __future__ import annotations

import esper

from game.ecs.components import Module, UnderConstruction
from game.ecs.events import ModuleCompleted
from game.ecs.world_builder import recount_capacity
from game.systems.base import System


class ConstructionSystem(System):
    def process(self) -> None:
        finished = []
        for entity, (module, building) in esper.get_components(Module, UnderConstruction):
            building.hours_left -= 1.0
            if building.hours_left <= 0:
                finished.append((entity, module))
        for entity, module in sorted(finished, key=lambda pair: pair[0]):
            esper.remove_component(entity, UnderConstruction)
            self.ctx.emit(ModuleCompleted(module.spec.id, module.x, module.y))
            self.ctx.topology_changed = True
        if finished:
            recount_capacity(self.ctx)
