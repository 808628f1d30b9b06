"""Economy: modules turn inputs into outputs, science is made and sent home, funding arrives.

This runs every hour for every working producer, so it reads the cached working set and keeps its
inner loops plain.
"""

from __future__ import annotations

import math

from game.ecs.working_set import working_set
from game.rules.hours import HOURS_PER_YEAR
from game.systems.base import System
from game.systems.earth_link import earth_linked


class EconomySystem(System):
    def process(self) -> None:
        station = self.ctx.station
        working = working_set(self.ctx)
        stock = station.resources
        capacity = station.capacity
        for producers in working.producers:
            # As many modules of the kind run as the stores have inputs for; the rest stand idle this hour.
            running = producers.count
            for resource, amount in producers.inputs:
                have = stock.get(resource, 0.0)
                if have < amount * running:
                    # A hair of slack, so ten modules share exactly what ten hours of one would use.
                    running = min(running, math.floor(have / amount + 1e-9))
            if running <= 0:
                continue
            for resource, amount in producers.inputs:
                left = stock[resource] - amount * running
                stock[resource] = left if left > 0.0 else 0.0
            for resource, amount in producers.outputs:
                held = stock.get(resource, 0.0)
                limit = capacity.get(resource, 0.0)
                made = held + amount * running
                stock[resource] = min(limit if limit > held else held, made)
        linked = earth_linked(self.ctx, working)
        science = station.science if linked else station.unsent_science
        if linked and station.unsent_science:
            # Science counts once it reaches Earth: without a working link it waits on board.
            for sent, points in station.unsent_science.items():
                science[sent] = science.get(sent, 0.0) + points
            station.unsent_science.clear()
        for domain, per_hour in working.science_per_hour.items():
            science[domain] = science.get(domain, 0.0) + per_hour
        crew_safe = station.crew > 0 and working.housing >= station.crew and working.life_support
        station.crewed_streak_hours = station.crewed_streak_hours + 1 if crew_safe else 0
        station.budget += station.funding_per_year / HOURS_PER_YEAR
        if station.budget < station.lowest_budget:
            station.lowest_budget = station.budget
