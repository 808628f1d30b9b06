"""Where the automated player builds: spots joined to the base's network, with cables to bridge a gap."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable
from functools import cache

from game.autoplay.power_model import light_label
from game.content.catalog import Catalog
from game.content.models import Level, ModuleSpec
from game.rules.grid import SiteGrid, footprint_cells
from game.rules.links import PAD_SHAPE, pad_linked
from game.rules.placement import may_stand
from game.rules.power import power_networks


class SitePlanner:
    """Finds spots for modules joined to the base's network, laying cables where a gap must be bridged.

    Once a landing pad stands, the network is what the pad links to: assembly waits for that link
    (game/rules/links.py), so every module then joins it, powered or not.
    """

    def __init__(self, level: Level, catalog: Catalog):
        self.catalog = catalog
        self.grid = SiteGrid.from_site(level.site, catalog.tiles, catalog.moon)
        self.occupied: set[tuple[int, int]] = set()
        self.network: set[tuple[int, int]] = set()  # cells of conducting modules joined to the base
        self.pad_rule = False  # a pad stands: modules must join the pad's network to be assembled
        self.islands: list[set[tuple[int, int]]] = []  # standing conducting groups the pad does not reach
        # Where each module may stand on empty ground, row by row (worked out once a module): the ground never
        # changes, and with nothing standing passed, a taken cell is the only other reason a spot is refused.
        self._on_empty_ground: dict[str, tuple[list[tuple[int, int]], set[tuple[int, int]]]] = {}

    def claim(self, spec: ModuleSpec, x: int, y: int) -> None:
        cells = footprint_cells(x, y, spec.footprint)
        self.occupied.update(cells)
        joins = not self.pad_rule or not self.network or any(cell in self.network for cell in self._edge(cells))
        if spec.conducts_power and joins:
            self.network.update(cells)

    def settle(self, standing: list[tuple[ModuleSpec, list[tuple[int, int]]]]) -> None:
        """Claims the modules standing at the start; with a pad among them the network is what it links to."""
        pads = [number for number, (spec, _) in enumerate(standing) if spec.shape == PAD_SHAPE]
        cells = {number: module_cells for number, (_, module_cells) in enumerate(standing)}
        conducts = {number: spec.conducts_power for number, (spec, _) in enumerate(standing)}
        linked = pad_linked(cells, conducts, pads) if pads else set(cells)
        self.pad_rule = bool(pads)
        networks = power_networks(cells, conducts)
        self.islands = []
        for number, (spec, module_cells) in enumerate(standing):
            self.occupied.update(module_cells)
            if spec.conducts_power and number in linked:
                self.network.update(module_cells)
        for network in sorted({networks[number] for number in cells if number not in linked}):
            self.islands.append({cell for number in cells if networks[number] == network and conducts[number]
                                 for cell in cells[number]})

    def bridges(self) -> list[tuple[str, int, int]]:
        """Cables that join each standing group of modules the pad does not reach to the pad's network."""
        cable = self.catalog.modules.get("power_cable")
        if not self.pad_rule or cable is None:
            return []
        placements: list[tuple[str, int, int]] = []
        for island in self.islands:
            distance, parent = self._cable_distances()
            ends = [cell for cell in self._edge(list(island)) if cell in distance]
            if not island or island & self.network or not ends:
                continue
            cell: tuple[int, int] | None = min(ends, key=lambda end: (distance[end], end))
            path = []
            while cell is not None and cell not in self.network:
                path.append(cell)
                cell = parent.get(cell)
            for x, y in reversed(path):  # from the network outward, so each cable joins it
                self.claim(cable, x, y)
                placements.append((cable.id, x, y))
            self.network |= island
        return placements

    def allowed(self, spec: ModuleSpec, x: int, y: int) -> bool:
        """Whether may_stand(spec, x, y, grid, occupied)."""
        return (x, y) in self._empty_ground(spec)[1] and self._free(spec, x, y)

    def spots(self, spec: ModuleSpec) -> Iterable[tuple[int, int]]:
        """Where `spec` may stand now, row by row from the top left."""
        return (spot for spot in self._empty_ground(spec)[0] if self._free(spec, *spot))

    def _free(self, spec: ModuleSpec, x: int, y: int) -> bool:
        occupied = self.occupied
        return not any((x + dx, y + dy) in occupied for dx, dy in _shape(spec.footprint)[0])

    def _empty_ground(self, spec: ModuleSpec) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
        """The spots where `spec` may stand with nothing on the map, in order and as a set."""
        found = self._on_empty_ground.get(spec.id)
        if found is None:
            width, height = spec.footprint
            order = [(x, y) for y in range(self.grid.height - height + 1) for x in range(self.grid.width - width + 1)
                     if may_stand(spec, x, y, self.grid)]
            found = self._on_empty_ground[spec.id] = (order, set(order))
        return found

    def place(self, spec: ModuleSpec, prefer: str | None = None) -> list[tuple[str, int, int]]:
        """Spots for `spec` and any cables it needs, nearest the network first; [] when nothing fits.

        `prefer` names a tile kind to try first (solar arrays go where the light suits the plan).
        """
        distance, parent = self._cable_distances()
        # A module that makes, stores or draws no power needs no cable: it goes to the nearest free spot.
        linked = self.pad_rule or spec.power_draw_w > 0 or spec.power_output_w > 0 or spec.energy_storage_wh > 0
        best: tuple[float, int, int] | None = None
        network, rim = self.network, _shape(spec.footprint)[1]
        for x, y in self.spots(spec):
            if prefer is not None and light_label(self.grid, x, y) != prefer:
                continue
            edge = [(x + dx, y + dy) for dx, dy in rim]  # self._edge(footprint_cells(...)), without building sets
            reach = min((distance.get(cell, math.inf) for cell in edge), default=math.inf)
            if not network or any(cell in network for cell in edge):
                reach = 0
            if not linked and reach == math.inf:
                reach = 10_000 + x + y  # anywhere will do, but keep the order stable
            if reach < (best[0] if best else math.inf):
                best = (reach, x, y)
        if best is None:
            return []
        _, x, y = best
        cells = footprint_cells(x, y, spec.footprint)
        placements = [(spec.id, x, y)]
        cable = self.catalog.modules.get("power_cable")
        touching = any(c in self.network for c in self._edge(cells))
        if linked and cable is not None and self.network and not touching:
            start = min(self._edge(cells), key=lambda cell: distance.get(cell, math.inf))
            cell: tuple[int, int] | None = start
            while cell is not None and cell not in self.network:
                placements.append((cable.id, *cell))
                cell = parent.get(cell)
        for module_id, px, py in reversed(placements):  # from the network outward, so each piece joins it
            self.claim(self.catalog.modules[module_id], px, py)
        return placements

    def _edge(self, cells: list[tuple[int, int]]) -> set[tuple[int, int]]:
        own = set(cells)
        return {(x + dx, y + dy) for x, y in cells for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1))} - own

    def _cable_distances(self) -> tuple[dict[tuple[int, int], int], dict[tuple[int, int], tuple[int, int]]]:
        """Cable steps from the network to every free cell a cable may cross (breadth-first)."""
        cable = self.catalog.modules.get("power_cable")
        distance: dict[tuple[int, int], int] = {cell: 0 for cell in self.network}
        parent: dict[tuple[int, int], tuple[int, int]] = {}
        if cable is None:
            return distance, parent
        queue = deque(sorted(self.network))
        occupied, cable_ground = self.occupied, self._empty_ground(cable)[1]  # empty ground lies inside the map
        while queue:
            here = queue.popleft()
            x, y = here
            for step in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                if step in distance or step in occupied or step not in cable_ground or not self._free(cable, *step):
                    continue
                distance[step] = distance[here] + 1
                parent[step] = here
                queue.append(step)
        return distance, parent


Offsets = tuple[tuple[int, int], ...]


@cache
def _shape(footprint: tuple[int, int]) -> tuple[Offsets, Offsets]:
    """A footprint's cells and the cells around its sides (not its corners), as offsets from its top-left corner."""
    width, height = footprint
    own = [(dx, dy) for dy in range(height) for dx in range(width)]
    rim = {(x + dx, y + dy) for x, y in own for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1))} - set(own)
    return tuple(own), tuple(sorted(rim))
