"""The build and demolish tools: what the ghost under the pointer would do, and the command a click queues."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.content.catalog import Catalog
from game.content.message import say
from game.content.models import ModuleSpec
from game.ecs.commands import Demolish, PlaceModule
from game.render.site_map import MapModule
from game.rules.economy import DEMOLISH_REFUND, affordability_refusal
from game.rules.grid import SiteGrid, footprint_cells
from game.rules.placement import placement_refusal, refusal_reason

if TYPE_CHECKING:
    from game.simulation.simulation import Simulation


@dataclass(frozen=True, slots=True)
class GhostPreview:
    """What placing here would do: allowed or not, why not, warnings, the tiles, the price.

    `reason` is the clause alone ("needs sunlight: ..."): the reason box's title names the module. It and the
    warnings are the core's messages (or marked interface text): the screen shows them through its `tr`.
    """

    ok: bool
    reason: str | None
    warnings: tuple[str, ...]
    cells: tuple[tuple[int, int], ...]
    cost: float


def rotated_footprint(spec: ModuleSpec, rotated: bool) -> tuple[int, int]:
    width, height = spec.footprint
    return (height, width) if rotated else (width, height)


def _power_carriers(modules: list[MapModule]) -> set[tuple[int, int]]:
    return {cell for module in modules if module.conducts_power or module.is_cable for cell in module.cells()}


def local_preview(
    spec: ModuleSpec, x: int, y: int, rotated: bool, grid: SiteGrid, modules: list[MapModule], budget: float,
) -> GhostPreview:
    """The preview from the pure rules, for when the simulation cannot give one (map-only levels)."""
    footprint = rotated_footprint(spec, rotated)
    shaped = spec if footprint == spec.footprint else spec.model_copy(update={"footprint": footprint})
    cells = tuple(footprint_cells(x, y, footprint))
    occupied = {cell for module in modules for cell in module.cells()}
    reason = placement_refusal(shaped, x, y, grid, occupied) or affordability_refusal(spec.name, spec.cost, budget)
    warnings = []
    if reason is None and spec.placement.needs_power and spec.power_draw_w > 0:
        carriers = _power_carriers(modules)
        touching = any((cx + dx, cy + dy) in carriers for cx, cy in cells
                       for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)))
        if not touching:
            warnings.append(say("not connected to power: lay a cable to it, or it will stand idle"))
    return GhostPreview(reason is None, reason, tuple(warnings), cells, spec.cost)


def ghost_preview(
    simulation: Simulation | None, catalog: Catalog, module_id: str, cell: tuple[int, int], rotated: bool,
    grid: SiteGrid, modules: list[MapModule], budget: float, language: str = "en",
) -> GhostPreview:
    """The simulation's own preview (the rules the command will meet); the pure rules for a map-only level.

    `language` is no longer needed (every reason is a message the screen translates); it stays for callers.
    """
    if simulation is not None:
        result = simulation.preview(module_id, cell[0], cell[1], rotated=rotated)
        # The simulation words its refusal whole for the log; the box's title already names the module.
        reason = None if result.reason is None else refusal_reason(result.reason)
        return GhostPreview(result.ok, reason, tuple(result.warnings), tuple(result.cells), result.cost)
    return local_preview(catalog.modules[module_id], cell[0], cell[1], rotated, grid, modules, budget)


def place_command(module_id: str, cell: tuple[int, int], rotated: bool) -> PlaceModule:
    return PlaceModule(module_id, cell[0], cell[1], rotated=rotated)


def demolish_refund(simulation: Simulation | None, catalog: Catalog, module: MapModule) -> float | None:
    """What taking `module` down gives back; None when nothing there can be taken down."""
    if simulation is not None:
        return simulation.demolish_refund(module.x, module.y)
    spec = catalog.modules.get(module.module_id)
    return spec.cost * DEMOLISH_REFUND if spec else None


def demolish_command(module: MapModule) -> Demolish:
    return Demolish(module.x, module.y)
