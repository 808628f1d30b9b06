"""Whether a module is doing its job this step: finished, not broken, and powered if it draws power."""

from __future__ import annotations

import esper

from game.ecs.components import Broken, Module, Ordered, PowerState, UnderConstruction


def is_finished(entity: int) -> bool:
    """Landed and assembled: not cargo still on its way, not under construction."""
    return not esper.has_component(entity, UnderConstruction) and not esper.has_component(entity, Ordered)


def is_sound(entity: int) -> bool:
    """Finished and not broken: it can make or store power, and draw it."""
    return is_finished(entity) and not esper.has_component(entity, Broken)


def is_working(entity: int, module: Module, power: PowerState) -> bool:
    return is_sound(entity) and (power.powered or module.spec.power_draw_w == 0)
