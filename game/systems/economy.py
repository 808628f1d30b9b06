"""Economy: modules turn inputs into outputs, science is made and sent home, funding arrives."""

from __future__ import annotations

from collections.abc import Mapping

import esper

from game.content.models import Resource
from game.ecs.components import Module, PowerState
from game.ecs.context import HOURS_PER_DAY, HOURS_PER_YEAR
from game.systems.base import System
from game.systems.status import is_working


class EconomySystem(System):
    def process(self) -> None:
        station = self.ctx.station
        linked = False
        housing = 0
        life_support = False
        for entity, (module, power) in esper.get_components(Module, PowerState):
            if not is_working(entity, module, power):
                continue
            spec = module.spec
            if spec.inputs or spec.outputs:
                self._produce(spec.inputs, spec.outputs)
            for domain, per_day in spec.science_per_day.items():
                station.unsent_science[domain] = station.unsent_science.get(domain, 0.0) + per_day / HOURS_PER_DAY
            linked |= spec.category == "communications"
            life_support |= spec.category == "life_support"
            housing += spec.crew_capacity
        if linked:
            # Science counts once it reaches Earth: without a working link it waits on board.
            for sent, points in station.unsent_science.items():
                station.science[sent] = station.science.get(sent, 0.0) + points
            station.unsent_science.clear()
        crew_safe = station.crew > 0 and housing >= station.crew and life_support
        station.crewed_streak_hours = station.crewed_streak_hours + 1 if crew_safe else 0
        station.budget += station.funding_per_year / HOURS_PER_YEAR
        station.lowest_budget = min(station.lowest_budget, station.budget)

    def _produce(self, inputs: Mapping[Resource, float], outputs: Mapping[Resource, float]) -> None:
        stock = self.ctx.station.resources
        if any(stock.get(resource, 0.0) < amount for resource, amount in inputs.items()):
            return  # idle until every input is in store
        for resource, amount in inputs.items():
            stock[resource] -= amount
        capacity = self.ctx.station.capacity
        for resource, amount in outputs.items():
            held = stock.get(resource, 0.0)
            limit = max(capacity.get(resource, 0.0), held)
            stock[resource] = min(limit, held + amount)
