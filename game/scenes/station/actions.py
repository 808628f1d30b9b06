"""What the player can do on the station screen: pick, place and take down modules, run time, save, see hints."""

from __future__ import annotations

from pathlib import Path

from game.content.message import lower_first
from game.content.text import translate
from game.ecs.commands import Command, PlaceModule
from game.render.overlays import next_overlay
from game.render.site_map import MapModule
from game.scenes.station.build import demolish_command, demolish_refund, ghost_preview, place_command
from game.scenes.station.state import StationState
from game.ui.confirm_dialog import Question, open_confirm_dialog


class StationActions(StationState):
    """The station's verbs; input handling calls them, and so do tests and the screenshot tools."""

    # --- tools -----------------------------------------------------------------------------------

    def open_tab(self, tab: str) -> None:
        self.side_tab = tab
        if tab != "build":
            self.build.focused = False
        self._show_button_states()

    def cycle_overlay(self, step: int) -> None:
        self.overlay = next_overlay(self.overlay, step)
        self._show_button_states()

    def arm(self, module_id: str) -> None:
        """Picks a module: its ghost follows the pointer (or the arrow keys) until a click places it."""
        self.armed = module_id
        self.demolishing = False
        self.rotated = False
        self.build.choose(module_id, self.layout.panel.height)
        if self.cursor is None:
            self.cursor = self._start_cursor()
        self.build.focused = False
        self._refresh_ghost()
        self._show_button_states()

    def _start_cursor(self) -> tuple[int, int]:
        if self.hints.showing is not None and self.hints.showing.cell is not None:
            return self.hints.showing.cell
        return (int(self.camera.centre_x), int(self.camera.centre_y))

    def toggle_demolish(self) -> None:
        self.demolishing = not self.demolishing
        self.armed = None
        self.ghost = None
        if self.demolishing and self.cursor is None:
            self.cursor = self._start_cursor()
        self._show_button_states()

    def cancel_tool(self) -> None:
        self.armed = None
        self.demolishing = False
        self.ghost = None
        self.build.focused = False
        self._show_button_states()

    def _refresh_ghost(self) -> None:
        if self.armed is None or self.cursor is None:
            self.ghost = None
            return
        budget = self.snapshot.budget if self.snapshot else self.level.start.budget
        self.ghost = ghost_preview(self.simulation, self.catalog, self.armed, self.cursor, self.rotated, self.grid,
                                   self.modules, budget, self.ctx.language)
        if not self.ghost.ok:
            self._trigger_hint("ghost_invalid")

    def _move_cursor(self, dx: int, dy: int) -> None:
        x, y = self.cursor or (self.grid.width // 2, self.grid.height // 2)
        self.cursor = (max(0, min(self.grid.width - 1, x + dx)), max(0, min(self.grid.height - 1, y + dy)))
        self.mouse = None  # the keyboard leads now; the reason box follows the ghost instead of the pointer
        self._refresh_ghost()

    def click_cell(self, cell: tuple[int, int]) -> None:
        """What a click on the map does with the tool in hand: order the module, or ask to take one down."""
        if self.demolishing:
            module = self.module_at(cell)
            if module is None:
                self.ctx.notices.show(self.ctx.tr("There is nothing to take down on this tile."))
                return
            self._ask_demolish(module)
            return
        if self.armed is None:
            return
        self.cursor = cell
        self._refresh_ghost()
        if self.ghost is None or not self.ghost.ok:
            reason = self.ghost.reason if self.ghost else None
            self.ctx.notices.show(self.ctx.tr("Cannot build here: {reason}.", reason=reason) if reason
                                  else self.ctx.tr("Cannot build here."))
            return
        self.queue(place_command(self.armed, cell, self.rotated))
        self.hints.module_ordered(self.armed)
        self._trigger_hint("first_placement")

    def queue(self, command: Command, note: str | None = None) -> None:
        """Sends a command to the simulation (applied at the next step), logs `note`, and autosaves."""
        if self.simulation is None:
            self.ctx.notices.show(self.simulation_problem or self.ctx.tr("This level has no simulation running."))
            return
        self.simulation.queue(command)
        if note is None and isinstance(command, PlaceModule):
            spec = self.catalog.modules.get(command.module)
            note = self.ctx.tr("{module} ordered.",
                               module=translate(spec.name, self.ctx.language) if spec else command.module)
        if note:
            self.log.add(self._when(), note)
        self.autosave()  # every command is a decision point

    def _ask_demolish(self, module: MapModule) -> None:
        refund = demolish_refund(self.simulation, self.catalog, module)
        if refund is None:
            self.ctx.notices.show(self.ctx.tr("The {module} cannot be taken down now.",
                                              module=lower_first(module.name)))
            return
        self.pending_demolish = module
        tr = self.ctx.tr
        question = Question(tr("Take down the {module}?", module=lower_first(module.name)),
                            tr("You get {refund} credits back; the rest of its cost is lost.", refund=f"{refund:,.0f}"),
                            tr("Take down"))
        self._close_dialog()
        self.dialog = open_confirm_dialog(self.ctx.ui, self.ctx.ui.window_resolution, question, tr)

    def _confirm_demolish(self) -> None:
        module, self.pending_demolish = self.pending_demolish, None
        self._close_dialog()
        if module is not None:
            self.queue(demolish_command(module), self.ctx.tr("{module} to be taken down.", module=module.name))

    def _close_dialog(self) -> None:
        if self.dialog is not None and self.dialog.alive():
            self.dialog.kill()
        self.dialog = None

    # --- time ------------------------------------------------------------------------------------

    def toggle_pause(self) -> None:
        if self.clock.paused:
            self.clock.speed = self.resume_speed
        else:
            self.resume_speed = self.clock.speed
            self.clock.speed = 0
        self._show_button_states()

    def set_speed(self, speed: int) -> None:
        self.clock.speed = self.resume_speed = speed
        self._show_button_states()

    def _pause_for_another_screen(self) -> None:
        if not self.paused:
            self.toggle_pause()

    # --- saves -----------------------------------------------------------------------------------

    def quick_save(self) -> Path | None:
        return self._save(autosave=False)

    def autosave(self) -> Path | None:
        return self._save(autosave=True)

    def _save(self, autosave: bool) -> Path | None:
        if self.simulation is None:
            if not autosave:
                self.ctx.notices.show(self.ctx.tr("There is nothing to save: this level has no simulation running."))
            return None
        from game.saves import SaveError
        from game.scenes.station.save_slots import write_station_save

        try:
            path = write_station_save(self.simulation, autosave=autosave)
        except (OSError, SaveError) as error:
            self.ctx.notices.show(self.ctx.tr("The game could not be saved: {error}", error=error))
            return None
        self.last_save = path
        if not autosave:
            self.ctx.notices.show(self.ctx.tr("Saved: {file} in {folder}", file=path.name, folder=path.parent))
        return path

    # --- hints -----------------------------------------------------------------------------------

    def _watch_for_hints(self) -> None:
        snapshot = self.snapshot
        if snapshot is None or not self.hints.specs:
            return
        if snapshot.hour >= 48:
            self._trigger_hint("day_two")
        past = self.history.day_ago(snapshot.hour)
        if past and snapshot.energy_wh < past[1].get("energy", 0.0) * 0.97:
            self._trigger_hint("energy_falling")

    def _trigger_hint(self, when: str) -> None:
        if not self.hints.waiting(when):
            return  # checked every step: skip gathering the map when no hint could show
        occupied = {cell for module in self.modules for cell in module.cells()}
        powered = [cell for module in self.modules if module.conducts_power or module.is_cable
                   for cell in module.cells()]
        self.hints.trigger(when, self.grid, self.catalog, occupied, powered)
