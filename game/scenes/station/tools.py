"""The station's tools in the player's hand: a module picked from the build palette, its ghost under the pointer
and the reason it may not go there, the demolish tool, and what a click on a map cell does with them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.content.message import lower_first, say, say_n
from game.content.models import ModuleSpec
from game.ecs.commands import Demolish, PlaceModule
from game.render.build_palette import BuildPalette, palette_entries
from game.render.camera import Camera
from game.render.site_map import MapModule
from game.rules.placement import refusal_reason
from game.scenes.context import SceneContext
from game.scenes.station.run import StationRun
from game.ui.confirm_dialog import Question, open_confirm_dialog

if TYPE_CHECKING:
    from pygame_gui.windows import UIConfirmationDialog

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


def ghost_preview(simulation: Simulation, module_id: str, cell: tuple[int, int], rotated: bool) -> GhostPreview:
    """The simulation's own preview: the rules the command will meet when the click orders the module."""
    result = simulation.preview(module_id, cell[0], cell[1], rotated=rotated)
    # The simulation words its refusal whole for the log; the box's title already names the module.
    reason = None if result.reason is None else refusal_reason(result.reason)
    return GhostPreview(result.ok, reason, tuple(result.warnings), tuple(result.cells), result.cost)


class BuildTools:
    """The tool in hand and the palette it comes from. Input calls these verbs; so do tests and the screenshot
    tools. A placement goes to the run as a command, applied at the next step."""

    def __init__(self, ctx: SceneContext, run: StationRun, camera: Camera):
        self.ctx = ctx
        self.run = run
        self.camera = camera
        self.palette = BuildPalette(palette_entries(run.catalog, ctx.language), scale=ctx.fonts.scale)
        self.palette_language = ctx.language  # the language the palette's names are in
        self.palette_height = 0  # the palette's visible height, which the layout gives (see fit)
        self.armed: str | None = None  # the module following the pointer, waiting for a click
        self.rotated = False
        self.cursor: tuple[int, int] | None = None  # the ghost's tile, moved by the pointer or the arrow keys
        self.ghost: GhostPreview | None = None
        self.demolishing = False
        self.pending_demolish: MapModule | None = None
        self.dialog: UIConfirmationDialog | None = None

    @property
    def in_hand(self) -> bool:
        """A module or the demolish tool is held: the arrow keys move the cursor, a click acts."""
        return self.armed is not None or self.demolishing

    def fit(self, scale: float, palette_height: int) -> None:
        """The palette follows the UI scale, the room the layout gives it and the player's language (chosen on a
        screen above this one: the names were worded when the palette was made)."""
        self.palette_height = palette_height
        if self.palette_language != self.ctx.language:
            self.palette.entries = palette_entries(self.run.catalog, self.ctx.language)  # same modules, same order
            self.palette_language = self.ctx.language
        self.palette.set_scale(scale, palette_height)

    # --- picking a tool --------------------------------------------------------------------------

    def arm(self, module_id: str) -> None:
        """Picks a module: its ghost follows the pointer (or the arrow keys) until a click places it."""
        self.armed = module_id
        self.demolishing = False
        self.rotated = False
        self.palette.choose(module_id, self.palette_height)
        if self.cursor is None:
            self.cursor = self._start_cursor()
        self.palette.focused = False
        self.refresh_ghost()

    def _start_cursor(self) -> tuple[int, int]:
        showing = self.run.hints.showing
        if showing is not None and showing.cell is not None:
            return showing.cell
        return (int(self.camera.centre_x), int(self.camera.centre_y))

    def toggle_demolish(self) -> None:
        self.demolishing = not self.demolishing
        self.armed = None
        self.ghost = None
        if self.demolishing and self.cursor is None:
            self.cursor = self._start_cursor()

    def rotate(self) -> None:
        self.rotated = not self.rotated
        self.refresh_ghost()

    def cancel(self) -> None:
        self.armed = None
        self.demolishing = False
        self.ghost = None
        self.palette.focused = False

    # --- the ghost -------------------------------------------------------------------------------

    def refresh_ghost(self) -> None:
        """Asks the simulation what placing the armed module at the cursor would do (after a move or a step)."""
        if self.armed is None or self.cursor is None:
            self.ghost = None
            return
        self.ghost = ghost_preview(self.run.simulation, self.armed, self.cursor, self.rotated)
        if not self.ghost.ok:
            self.run.trigger_hint("ghost_invalid")

    def point_at(self, cell: tuple[int, int]) -> None:
        """The pointer moved onto `cell`: the ghost follows."""
        if cell != self.cursor:
            self.cursor = cell
            self.refresh_ghost()

    def move_cursor(self, dx: int, dy: int) -> None:
        """The arrow keys move the ghost a tile, kept on the map."""
        grid = self.run.grid
        x, y = self.cursor or (grid.width // 2, grid.height // 2)
        self.cursor = (max(0, min(grid.width - 1, x + dx)), max(0, min(grid.height - 1, y + dy)))
        self.refresh_ghost()

    # --- a click on the map ----------------------------------------------------------------------

    def click_cell(self, cell: tuple[int, int]) -> None:
        """What a click on the map does with the tool in hand: order the module, or ask to take one down."""
        if self.demolishing:
            module = self.run.module_at(cell)
            if module is None:
                self.ctx.notices.show(self.ctx.tr("There is nothing to take down on this tile."))
                return
            self._ask_demolish(module)
            return
        if self.armed is None:
            return
        self.cursor = cell
        self.refresh_ghost()
        if self.ghost is None or not self.ghost.ok:
            reason = self.ghost.reason if self.ghost else None
            self.ctx.notices.show(self.ctx.tr("Cannot build here: {reason}.", reason=reason) if reason
                                  else self.ctx.tr("Cannot build here."))
            return
        self.run.queue(PlaceModule(self.armed, cell[0], cell[1], rotated=self.rotated))
        # The order takes the tile now: the ghost says so before time runs (with no hint about red tiles: the
        # one that matters now says the module was ordered).
        self.ghost = ghost_preview(self.run.simulation, self.armed, cell, self.rotated)
        self.run.hints.module_ordered(self.armed)
        self.run.trigger_hint("first_placement")

    def _ask_demolish(self, module: MapModule) -> None:
        refund = self.run.simulation.demolish_refund(module.x, module.y)
        if refund is None:
            self.ctx.notices.show(self.ctx.tr("The {module} cannot be taken down now.",
                                              module=lower_first(module.name)))
            return
        self.pending_demolish = module
        tr = self.ctx.tr
        question = Question(tr("Take down the {module}?", module=lower_first(module.name)),
                            tr(say_n("You get {count:,} credit (game value) back; the rest of its cost is lost.",
                                     "You get {count:,} credits (game value) back; the rest of its cost is lost.",
                                     round(refund))),
                            tr("Take down"))
        self.close_dialog()
        self.dialog = open_confirm_dialog(self.ctx.ui, self.ctx.ui.window_resolution, question, tr)

    @property
    def asking(self) -> bool:
        """The question whether to take a module down is open."""
        return self.dialog is not None and self.dialog.alive()

    def confirm_demolish(self) -> None:
        module, self.pending_demolish = self.pending_demolish, None
        self.close_dialog()
        if module is not None:
            spec = self.run.catalog.modules.get(module.module_id)
            self.run.queue(Demolish(module.x, module.y),
                           say("{module} to be taken down.", module=spec.name if spec else module.name))

    def dialog_closed(self) -> None:
        """The player closed the question's window: nothing is taken down."""
        self.dialog = None
        self.pending_demolish = None

    def close_dialog(self) -> None:
        if self.dialog is not None and self.dialog.alive():
            self.dialog.kill()
        self.dialog = None
