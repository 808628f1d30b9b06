"""Power: networks of touching modules, sunlight on solar arrays, storage through the dark spells.

The networks are regrouped only when the map changes; each hour then costs a few lit checks per kind of
ground and one balance per network, and modules' flags are written only when they flip.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

import esper

from game.ecs.components import EnergyStore, Module, PowerState, SolarExposure
from game.ecs.events import EnergyRunningLow, PowerLost
from game.ecs.resources import SimContext
from game.ecs.status import is_finished, is_sound
from game.rules.economy import LOW_ENERGY_WARNING_HOURS
from game.rules.grid import SiteGrid
from game.rules.power import balance_hour, power_networks
from game.systems.base import System


@dataclass(slots=True)
class _SolarGroup:
    """The solar modules of one network whose ground is lit and dark together (`cell` stands for them)."""

    cell: tuple[int, int]
    output_w: float = 0.0
    states: list[PowerState] = field(default_factory=list)
    lit: bool | None = None  # unknown until the first hour


@dataclass(slots=True)
class _Network:
    members: list[tuple[Module, PowerState]] = field(default_factory=list)
    steady_w: float = 0.0
    solar: dict[Hashable, _SolarGroup] = field(default_factory=dict)
    draw_w: float = 0.0
    stores: list[EnergyStore] = field(default_factory=list)
    supplied: bool | None = None  # last hour's answer, so the members' flags are written only on a change
    full: bool = False  # every store was full after the last hour and nothing has drained them since


def _output(network: _Network, grid: SiteGrid, hour: float) -> float:
    """What the network makes at this hour (reading only: no flag changes)."""
    return network.steady_w + sum(group.output_w * grid.sun_fraction(*group.cell, hour)
                                  for group in network.solar.values())


class PowerSystem(System):
    """Writes each module's PowerState and the hour's power figures in the resources; its attributes are
    its own caches (the networks as last grouped), rebuilt from the world whenever the map changes."""

    def __init__(self, ctx: SimContext):
        super().__init__(ctx)
        self._networks: dict[int, _Network] = {}
        self._dark_networks: set[int] = set()
        self._warned_networks: set[int] = set()
        self._energy_version = -1
        self._layout: tuple[int, ...] = ()  # the finished modules the network numbers below were worked out for
        self._numbers: dict[int, int] = {}
        # The figures before the first hour, so a run shows its power from the start; changes nothing else.
        self._rebuild()
        hour = ctx.station.hour
        ctx.power_generation_w = sum(_output(network, ctx.grid, hour) for network in self._networks.values())
        ctx.power_draw_w = sum(network.draw_w for network in self._networks.values())

    def process(self) -> None:
        ctx = self.ctx
        if ctx.topology_changed:
            self._rebuild()
            ctx.topology_changed = False
            ctx.status_version += 1
        if self._energy_version != ctx.energy_version:  # an event added or drained energy: stores may not be full
            self._energy_version = ctx.energy_version
            for network in self._networks.values():
                network.full = False
        all_supplied = True
        any_draw = False
        total_generation = total_draw = 0.0
        for number, network in self._networks.items():
            generation = network.steady_w + self._sunlit_output(network, ctx.station.hour)
            total_generation += generation
            total_draw += network.draw_w
            supplied = self._balance(network, generation)
            if supplied is not network.supplied:
                network.supplied = supplied
                ctx.status_version += 1  # who works this hour changed
                for _, state in network.members:
                    state.powered = supplied
            if network.draw_w > 0:
                any_draw = True
                all_supplied &= supplied
            self._warn(number, network, generation, supplied)
        ctx.power_generation_w, ctx.power_draw_w = total_generation, total_draw
        # An hour with nothing drawing power proves nothing: it neither extends nor breaks the streak.
        if not all_supplied:
            ctx.station.powered_streak_hours = 0
            ctx.station.shortage_hours += 1
        elif any_draw:
            ctx.station.powered_streak_hours += 1

    def _sunlit_output(self, network: _Network, hour: int) -> float:
        """What the network's arrays make this hour: each group's output times the share of the Sun's disc
        its ground sees (a tracking array half behind a ridge makes half)."""
        output = 0.0
        grid = self.ctx.grid
        for group in network.solar.values():
            seen = grid.sun_fraction(*group.cell, hour)
            lit = seen > 0.0
            if lit is not group.lit:
                group.lit = lit
                for state in group.states:
                    state.lit = lit
            output += group.output_w * seen
        return output

    @staticmethod
    def _balance(network: _Network, generation: float) -> bool:
        """One hour of the network's stores; True when every consumer was supplied. A network browned out last
        hour restarts only with enough in store (balance_hour), so it does not flicker on and off each hour."""
        if network.full and generation >= network.draw_w:
            return True  # a surplus into full stores changes nothing
        charges = [store.charge_wh for store in network.stores]
        capacities = [store.capacity_wh for store in network.stores]
        balance = balance_hour(generation, network.draw_w, charges, capacities,
                               restarting=network.supplied is False)
        for store, charge in zip(network.stores, balance.charges, strict=True):
            store.charge_wh = charge
        network.full = all(c >= cap - 1e-6 for c, cap in zip(balance.charges, capacities, strict=True))
        return balance.supplied

    def _warn(self, number: int, network: _Network, generation: float, supplied: bool) -> None:
        if not supplied:
            if number not in self._dark_networks:
                self._dark_networks.add(number)
                self.ctx.emit(PowerLost(number, len(network.members)))
            return
        self._dark_networks.discard(number)
        deficit = network.draw_w - generation
        if deficit <= 0:
            self._warned_networks.discard(number)
            return
        stored = sum(store.charge_wh for store in network.stores)
        if stored / deficit < LOW_ENERGY_WARNING_HOURS and number not in self._warned_networks:
            self._warned_networks.add(number)
            self.ctx.emit(EnergyRunningLow(number, stored / deficit))

    def _rebuild(self) -> None:
        """Regroups the networks after modules were placed, finished, broken, repaired or taken down."""
        finished = []
        for entity, (module, state) in esper.get_components(Module, PowerState):
            if is_finished(entity):
                finished.append((entity, module, state))
            else:
                state.powered = state.lit = False
        # A module breaking or mended changes who works, not who touches whom: the grouping stays.
        layout = tuple(entity for entity, _, _ in finished)
        if layout != self._layout:
            self._layout = layout
            self._numbers = power_networks(
                {e: m.cells for e, m, _ in finished}, {e: m.spec.conducts_power for e, m, _ in finished}
            )
        numbers = self._numbers
        self._networks = {}
        for entity, module, state in finished:
            state.network = numbers[entity]
            network = self._networks.setdefault(numbers[entity], _Network())
            network.members.append((module, state))
            if not is_sound(entity):
                continue
            spec = module.spec
            network.draw_w += spec.power_draw_w
            exposure = esper.try_component(entity, SolarExposure)
            if spec.power_output_w > 0 and exposure is not None:
                key = self.ctx.grid.light_key(*exposure.cell)
                group = network.solar.setdefault(key, _SolarGroup(exposure.cell))
                group.output_w += spec.power_output_w
                group.states.append(state)
            else:
                network.steady_w += spec.power_output_w
            store = esper.try_component(entity, EnergyStore)
            if store is not None:
                network.stores.append(store)
        self._dark_networks &= set(self._networks)
