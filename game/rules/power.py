"""Power networks: which modules share power, and one hour of a network's balance with its storage."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


def power_networks(cells: Mapping[int, Sequence[tuple[int, int]]], conducts: Mapping[int, bool]) -> dict[int, int]:
    """Groups modules into networks: two modules join when they touch side by side and one of them conducts.

    Returns a network number for every module (the smallest module id in its network).
    """
    parent = {module: module for module in cells}

    def root(module: int) -> int:
        while parent[module] != module:
            parent[module] = parent[parent[module]]
            module = parent[module]
        return module

    owner = {cell: module for module, module_cells in cells.items() for cell in module_cells}
    for module, module_cells in cells.items():
        for x, y in module_cells:
            for neighbour_cell in ((x + 1, y), (x, y + 1)):
                neighbour = owner.get(neighbour_cell)
                if neighbour is None or neighbour == module:
                    continue
                if conducts[module] or conducts[neighbour]:
                    a, b = root(module), root(neighbour)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
    return {module: root(module) for module in cells}


@dataclass(frozen=True, slots=True)
class HourBalance:
    """One network's hour: whether every consumer was supplied, and its stores' new charge."""

    supplied: bool
    charges: tuple[float, ...]
    shortfall_wh: float


# A game value: a network that browned out starts again only once its stores could carry the shortfall this long
# (or are full). Restarting on a single hour's gathering ran it an hour and browned it out the next: every module
# flickered between working and unpowered each hour, and the log raised the alarm every other hour.
RESTART_HOURS = 6.0


def balance_hour(
    generation_w: float, draw_w: float, charges: Sequence[float], capacities: Sequence[float],
    restarting: bool = False,
) -> HourBalance:
    """Runs one hour: a surplus charges the stores (in proportion to their room), a deficit drains them.

    When generation and storage together cannot cover the draw, the network browns out: consumers get
    nothing this hour, and what the network makes goes into its stores for the next hour. A network browned out
    the hour before (`restarting`) stays out, gathering, until its generation covers the draw, or its stores are
    full or could carry the shortfall for RESTART_HOURS.
    """
    net_wh = generation_w - draw_w  # watts for one hour are watt-hours
    stored = sum(charges)
    if restarting and net_wh < 0 and stored < -net_wh * RESTART_HOURS and stored < sum(capacities) - 1e-6:
        recharged = balance_hour(generation_w, 0.0, charges, capacities).charges
        return HourBalance(False, recharged, max(0.0, -net_wh - stored))
    if net_wh >= 0:
        room = [capacity - charge for charge, capacity in zip(charges, capacities, strict=True)]
        total_room = sum(room)
        if total_room <= 0:
            return HourBalance(True, tuple(charges), 0.0)
        share = min(1.0, net_wh / total_room)
        return HourBalance(True, tuple(c + r * share for c, r in zip(charges, room, strict=True)), 0.0)
    if stored + net_wh >= 0:
        keep = (stored + net_wh) / stored if stored > 0 else 0.0
        return HourBalance(True, tuple(c * keep for c in charges), 0.0)
    recharged = balance_hour(generation_w, 0.0, charges, capacities).charges
    return HourBalance(False, recharged, -net_wh - stored)
