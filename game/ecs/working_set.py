"""What the working modules add up to, worked out again only when who works may have changed.

The power system bumps `ctx.status_version` whenever a module is placed, finished, broken, repaired,
taken down or loses or regains power; between such changes every hour sees the same working set, so
the economy, the crew and the goals read these sums instead of walking all the modules every hour.
"""

from __future__ import annotations

import esper

from game.ecs.components import Module, PowerState
from game.ecs.resources import Producers, SimContext, WorkingSet
from game.ecs.status import is_finished, is_working
from game.rules.hours import HOURS_PER_DAY


def working_set(ctx: SimContext) -> WorkingSet:
    """The sums for the present status; needs the run's world current."""
    cached = ctx.working
    if cached is not None and cached.version == ctx.status_version:
        return cached
    result = WorkingSet(ctx.status_version)
    by_kind: dict[str, Producers] = {}
    for entity, (module, power) in sorted(esper.get_components(Module, PowerState), key=lambda pair: pair[0]):
        spec = module.spec
        if is_finished(entity):
            result.built[spec.id] = result.built.get(spec.id, 0) + 1
        if not is_working(entity, module, power):
            continue
        if spec.inputs or spec.outputs:
            group = by_kind.get(spec.id)
            if group is None:
                group = by_kind[spec.id] = Producers(
                    tuple((r, a) for r, a in spec.inputs.items() if a > 0), tuple(spec.outputs.items())
                )
                result.producers.append(group)
            group.count += 1
        for domain, per_day in spec.science_per_day.items():
            result.science_per_hour[domain] = result.science_per_hour.get(domain, 0.0) + per_day / HOURS_PER_DAY
        if spec.category == "communications":
            if spec.placement.needs_earth_view:
                result.earth_links.append(module.cells)
            else:
                result.linked = True
        result.life_support |= spec.category == "life_support"
        if spec.crew_capacity > 0:
            result.housing += spec.crew_capacity
            result.shielding = max(result.shielding, spec.shielding)
    ctx.working = result
    return result
