"""Power: networks of touching modules, sunlight on solar arrays, storage through the dark spells."""

from __future__ import annotations

from dataclasses import dataclass, field

import esper

from game.ecs.components import EnergyStore, Module, PowerState, SolarExposure
from game.ecs.context import SimContext
from game.ecs.events import EnergyRunningLow, PowerLost
from game.rules.economy import LOW_ENERGY_WARNING_HOURS
from game.rules.power import balance_hour, power_networks
from game.rules.sunlight import is_lit, sun_azimuth_deg
from game.systems.base import System
from game.systems.status import is_finished, is_sound


@dataclass(slots=True)
class _Network:
    members: list[tuple[Module, PowerState]] = field(default_factory=list)
    steady_w: float = 0.0
    solar: list[tuple[float, SolarExposure, PowerState]] = field(default_factory=list)
    draw_w: float = 0.0
    stores: list[EnergyStore] = field(default_factory=list)


class PowerSystem(System):
    def __init__(self, ctx: SimContext):
        super().__init__(ctx)
        self.networks: dict[int, _Network] = {}
        self.dark_networks: set[int] = set()

    def process(self) -> None:
        ctx = self.ctx
        if ctx.topology_changed:
            self._rebuild()
            ctx.topology_changed = False
        azimuth = sun_azimuth_deg(ctx.station.hour, ctx.moon.synodic_day_hours)
        all_supplied = True
        any_draw = False
        total_generation = total_draw = 0.0
        for number, network in self.networks.items():
            generation = network.steady_w
            for output_w, exposure, state in network.solar:
                state.lit = is_lit(exposure.sunlight, exposure.lit_arc_centre_deg, azimuth)
                if state.lit:
                    generation += output_w
            total_generation += generation
            total_draw += network.draw_w
            charges = [store.charge_wh for store in network.stores]
            balance = balance_hour(generation, network.draw_w, charges, [s.capacity_wh for s in network.stores])
            for store, charge in zip(network.stores, balance.charges, strict=True):
                store.charge_wh = charge
            for _, state in network.members:
                state.powered = balance.supplied
            if network.draw_w > 0:
                any_draw = True
                all_supplied &= balance.supplied
            self._warn(number, network, generation, balance.supplied)
        ctx.power_generation_w, ctx.power_draw_w = total_generation, total_draw
        # An hour with nothing drawing power proves nothing: it neither extends nor breaks the streak.
        if not all_supplied:
            ctx.station.powered_streak_hours = 0
            ctx.station.shortage_hours += 1
        elif any_draw:
            ctx.station.powered_streak_hours += 1

    def _warn(self, number: int, network: _Network, generation: float, supplied: bool) -> None:
        deficit = network.draw_w - generation
        stored = sum(store.charge_wh for store in network.stores)
        if not supplied:
            if number not in self.dark_networks:
                self.dark_networks.add(number)
                self.ctx.emit(PowerLost(number, len(network.members)))
            return
        self.dark_networks.discard(number)
        if deficit > 0 and stored / deficit < LOW_ENERGY_WARNING_HOURS:
            if number not in self.ctx.warned_networks:
                self.ctx.warned_networks.add(number)
                self.ctx.emit(EnergyRunningLow(number, stored / deficit))
        elif deficit <= 0:
            self.ctx.warned_networks.discard(number)

    def _rebuild(self) -> None:
        """Regroups the networks after modules were placed, finished, broken, repaired or taken down."""
        finished = [(e, m, p) for e, (m, p) in esper.get_components(Module, PowerState) if is_finished(e)]
        for entity, (_, state) in esper.get_components(Module, PowerState):
            if not is_finished(entity):
                state.powered = state.lit = False
        numbers = power_networks(
            {e: m.cells for e, m, _ in finished}, {e: m.spec.conducts_power for e, m, _ in finished}
        )
        self.networks = {}
        for entity, module, state in finished:
            state.network = numbers[entity]
            network = self.networks.setdefault(numbers[entity], _Network())
            network.members.append((module, state))
            if not is_sound(entity):
                continue
            spec = module.spec
            network.draw_w += spec.power_draw_w
            exposure = esper.try_component(entity, SolarExposure)
            if spec.power_output_w > 0 and exposure is not None:
                network.solar.append((spec.power_output_w, exposure, state))
            else:
                network.steady_w += spec.power_output_w
            store = esper.try_component(entity, EnergyStore)
            if store is not None:
                network.stores.append(store)
        self.dark_networks &= set(self.networks)
