"""The level's events: on their day, by chance each day from the level's seeded dice, or when something happens."""

from __future__ import annotations

import esper

from game.content.message import level_text
from game.content.models import Event, Trigger
from game.ecs.components import EnergyStore, Module
from game.ecs.events import LandingResolved, LevelEventFired, ModuleCompleted, PartnerJoined
from game.ecs.status import is_sound
from game.rules.hours import HOURS_PER_DAY
from game.systems.base import System
from game.systems.crew import radiation_storm
from game.systems.deliveries import delay_launches
from game.systems.maintenance import break_module


class LevelEventSystem(System):
    def process(self) -> None:
        hour = self.ctx.station.hour
        new_day = hour % HOURS_PER_DAY == 0
        day = hour / HOURS_PER_DAY
        for event in self.ctx.level.events:
            if self.ctx.station.events_fired.get(event.id, 0) >= event.max_times:
                continue
            if event.day is not None:
                due = hour == round(event.day * HOURS_PER_DAY)
            elif event.when is not None:
                in_window = event.from_day <= day and (event.until_day is None or day < event.until_day)
                due = self._happened(event.id, event.when) and in_window
            else:
                in_window = event.from_day <= day and (event.until_day is None or day < event.until_day)
                chance = event.chance_per_day or 0.0
                due = new_day and in_window and self.ctx.rng.random() < chance
            if due:
                self._fire(event)

    def _happened(self, event_id: str, when: Trigger) -> bool:
        """Whether what `when` waits for happened in this hour's steps so far (a resource: fell below its level
        this hour, having been above it; so a store that stays low fires it once, not every hour)."""
        emitted = self.ctx.emitted
        if when.module_finished is not None:
            return any(isinstance(e, ModuleCompleted) and e.module == when.module_finished for e in emitted)
        if when.partner_joined is not None:
            return any(isinstance(e, PartnerJoined) and e.partner == when.partner_joined for e in emitted)
        if when.landing is not None:
            return any(isinstance(e, LandingResolved) and e.grade == when.landing for e in emitted)
        ((resource, level_kg),) = (when.resource_below or {}).items()
        below = self.ctx.station.resources.get(resource, 0.0) < level_kg
        held = self.ctx.station.conditions_held
        was_below = event_id in held
        if below:
            held.add(event_id)
        else:
            held.discard(event_id)
        return below and not was_below

    def _fire(self, event: Event) -> None:
        ctx = self.ctx
        station = ctx.station
        station.events_fired[event.id] = station.events_fired.get(event.id, 0) + 1
        effect = event.effect
        station.budget += effect.budget
        station.funding_per_year = max(0.0, station.funding_per_year + effect.funding_per_year)
        for resource, change in effect.resources.items():
            station.resources[resource] = max(0.0, station.resources.get(resource, 0.0) + change)
        if effect.energy_wh:
            _change_energy(effect.energy_wh)
            ctx.energy_version += 1
        radiation_storm(ctx, effect.radiation_msv)
        if effect.fail_module is not None:
            candidates = [
                (entity, module)
                for entity, module in esper.get_component(Module)
                if module.spec.id == effect.fail_module and is_sound(entity)
            ]
            if candidates:
                entity, module = ctx.rng.choice(sorted(candidates, key=lambda pair: pair[0]))
                break_module(ctx, entity, module)
        if event.fact is not None and event.fact not in station.facts_seen:
            station.facts_seen.append(event.fact)
        ctx.emit(LevelEventFired(event.id, event.kind, level_text(event.text), event.fact))
        if effect.delay_launches_days:
            delay_launches(ctx, effect.delay_launches_days)  # after the news, so the log tells why first


def _change_energy(change_wh: float) -> None:
    """Adds or drains stored energy across all stores in proportion to their size."""
    stores = [store for _, store in esper.get_component(EnergyStore)]
    total = sum(store.capacity_wh for store in stores)
    for store in stores:
        share = change_wh * store.capacity_wh / total if total else 0.0
        store.charge_wh = min(store.capacity_wh, max(0.0, store.charge_wh + share))
