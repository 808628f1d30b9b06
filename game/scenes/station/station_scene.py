"""The station screen: site map with overlays, build palette, resource bar, goals, log, time controls and saves.

The screen is split by job: station_state (what it knows), station_actions (the player's verbs),
station_flow (time, events, landings, the end), station_input (events in) and station_view (drawing).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from game.content.loader import LoadedLevel
from game.scenes.context import SceneContext
from game.scenes.station.input import StationInput
from game.scenes.station.landing_question import landing_mode_for
from game.scenes.station.state import map_modules_from_level, map_modules_from_snapshot
from game.scenes.station.view import StationView

if TYPE_CHECKING:
    from game.simulation.simulation import Simulation

__all__ = ["StationScene", "map_modules_from_level", "map_modules_from_snapshot", "resume_scene"]


def resume_scene(ctx: SceneContext, save_path: Path) -> StationScene:
    """The station screen for a saved run (the title's Continue); raises SaveError with a sentence when it cannot."""
    from game.saves import read_save
    from game.scenes.station.save_slots import find_level, load_station_save

    loaded = find_level(read_save(save_path).level_id, ctx.mod_folders)
    level, catalog = loaded.require()
    story: list[tuple[int, object]] = []  # the run so far, so the station log reads as it did when saved
    scene = StationScene(ctx, loaded, load_station_save(save_path, level, catalog, lambda *told: story.append(told)))
    scene.fill_log(story)
    return scene


class StationScene(StationInput, StationView):
    """One level on screen. Starts paused, so the player can read the map before time runs.

    Pass `simulation` to continue a saved run; otherwise a new run of the level starts on entering.
    """

    def __init__(self, ctx: SceneContext, loaded: LoadedLevel, simulation: Simulation | None = None):
        super().__init__(ctx, loaded, simulation)

    def enter(self) -> None:
        self._relayout()  # the UI scale or the key bindings may have changed on a screen above this one
        self.held_pan.clear()
        self.dragging = False
        if self.simulation is None and self.simulation_problem is None:
            self._start_simulation()
        elif self.snapshot is None:
            self._take_snapshot()
        if self.hints.problem:
            self.ctx.notices.show(self.ctx.tr(self.hints.problem))
            self.hints.problem = None
        self._trigger_hint("level_start")

    def exit(self) -> None:
        for button in self.buttons.values():
            button.kill()
        self.buttons = {}
        self._close_dialog()
        if self.landing_question is not None:
            self.landing_question.close()
            self.landing_question = None

    def close(self) -> None:
        if self.simulation is not None:
            self.simulation.close()
            self.simulation = None

    def _start_simulation(self) -> None:
        # Imported here, not at the top: the title screen should not wait for esper and the systems.
        try:
            from game.simulation.simulation import Simulation
        except ImportError as error:
            self.simulation_problem = self.ctx.tr("The simulation is not available ({error}); showing the map only.",
                                                  error=error)
            return
        try:
            self.simulation = Simulation(self.level, self.catalog)
        except ValueError as error:
            self.simulation_problem = self.ctx.tr("This level cannot run yet: {error}. Showing the map only.",
                                                  error=error)
            self.ctx.notices.show(self.simulation_problem)
            return
        self._choose_landing_mode()
        self.simulation.has_unsaved_progress = False  # nothing the player did yet
        self._take_snapshot()

    def _choose_landing_mode(self) -> None:
        if self.simulation is not None:
            self.simulation.landing_mode = landing_mode_for(str(getattr(self.ctx.settings, "landing_choice", "ask")))
