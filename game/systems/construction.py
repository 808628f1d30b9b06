"""Assembly: a placed module counts down its build hours while a landing pad links to it, then starts working.

The link rule (game/rules/links.py) holds only once the map has a landing pad: a level without one, in its
catalog or on its ground, builds wherever cargo lands. A pad itself always assembles: crews start from it.
"""

from __future__ import annotations

import esper

from game.ecs.components import Module, Ordered, UnderConstruction
from game.ecs.events import ModuleCompleted
from game.ecs.resources import PadReach, SimContext
from game.ecs.status import is_sound
from game.ecs.world_builder import recount_capacity
from game.rules.links import PAD_SHAPE, pad_linked
from game.systems.base import System


def linked_to_pad(ctx: SimContext) -> frozenset[int] | None:
    """Landed modules a working pad links to, or None when the map has no pad (and so no link rule).

    Worked out again only when the map or a module's state may have changed; needs the run's world current.
    """
    cached = ctx.pad_reach
    if not ctx.topology_changed and cached is not None and cached.version == ctx.status_version:
        return cached.linked
    linked = _pad_reach()
    ctx.pad_reach = PadReach(ctx.status_version, linked)
    return linked


def _pad_reach() -> frozenset[int] | None:
    cells: dict[int, tuple[tuple[int, int], ...]] = {}
    conducts: dict[int, bool] = {}
    pads: list[int] = []
    any_pad = False
    for entity, module in esper.get_component(Module):
        is_pad = module.spec.shape == PAD_SHAPE
        any_pad |= is_pad
        if esper.has_component(entity, Ordered):
            continue  # still cargo: not on the ground yet, so no road runs through it
        cells[entity] = module.cells
        conducts[entity] = module.spec.conducts_power
        if is_pad and is_sound(entity):
            pads.append(entity)
    if not any_pad:
        return None
    return frozenset(pad_linked(cells, conducts, pads))


class ConstructionSystem(System):
    def process(self) -> None:
        building = esper.get_components(Module, UnderConstruction)
        if not building:
            return
        linked = linked_to_pad(self.ctx)
        finished = []
        for entity, (module, assembly) in building:
            if linked is not None and entity not in linked and module.spec.shape != PAD_SHAPE:
                continue  # no road or cable from a working pad: the crew cannot reach it
            assembly.hours_left -= 1.0
            if assembly.hours_left <= 0:
                finished.append((entity, module))
        for entity, module in sorted(finished, key=lambda pair: pair[0]):
            esper.remove_component(entity, UnderConstruction)
            self.ctx.emit(ModuleCompleted(module.spec.id, module.x, module.y))
            self.ctx.topology_changed = True
        if finished:
            recount_capacity(self.ctx)
