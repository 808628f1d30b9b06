"""The station screen, where a level is played: the site map with overlays, the build palette, the resource bar,
goals, the log, time controls and saves.

The scene owns its parts and passes them on: `run` (the level being played), `state` (the view's choices, plain
data), `layout` (pure arithmetic), `tools` (the module or demolish tool in hand), `runner` (time, landings, the
end) and `widgets` (the buttons). `station_input.handle` turns each event into their verbs; `drawing.draw` only
reads them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game.content.loader import LoadedLevel
from game.content.watch import LevelWatch
from game.render.camera import Camera
from game.render.kept_pixels import KeptPixels
from game.render.map_layers import MapLayers
from game.render.text_cache import TextCache
from game.scenes.context import SceneContext
from game.scenes.scene import Pop, Push, Replace, SceneBase, Transition
from game.scenes.station import drawing, station_input
from game.scenes.station.file_reload import FileReload, keep_view
from game.scenes.station.keys import StationKeys
from game.scenes.station.layout import StationLayout
from game.scenes.station.parts import KeptWork
from game.scenes.station.run import StationRun
from game.scenes.station.state import StationState
from game.scenes.station.time_runner import TimeRunner
from game.scenes.station.tools import BuildTools
from game.scenes.station.widgets import ButtonStates, StationWidgets

if TYPE_CHECKING:
    from game.simulation.simulation import Simulation

PAN_SPEED_PX = 700.0


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


class StationScene(SceneBase):
    """One level on screen. Starts paused, so the player can read the map before time runs.

    Pass `simulation` to continue a saved run; otherwise a new run of the level starts.
    """

    def __init__(self, ctx: SceneContext, loaded: LoadedLevel, simulation: Simulation | None = None,
                 watch: LevelWatch | None = None):
        self.ctx = ctx
        self.reload = FileReload(watch)  # `lunar-station play LEVEL`: offers to reload the level when it changes
        self.run = StationRun(ctx, loaded, simulation)
        self.state = StationState()
        self.layout = StationLayout.for_size(ctx.ui.window_resolution, ctx.fonts.scale)
        grid = self.run.grid
        self.camera = Camera(self.layout.map, grid.width, grid.height, grid.tile_size_m)
        self.camera.fit()
        self.layers = MapLayers()
        self.kept: defaultdict[str, KeptPixels[Any]] = defaultdict(KeptPixels)
        self.kept_work = KeptWork()
        self.text = TextCache(ctx.fonts)
        self.tools = BuildTools(ctx, self.run, self.camera)
        self.runner = TimeRunner(ctx, self.run)
        self.widgets = StationWidgets(ctx, self.text)
        # The bindings are read again on every enter(): the settings screen lies above this one, never beside it.
        self.keys = StationKeys.from_settings(ctx.settings)
        self.leaving = False  # the pause menu's "quit to menu" was confirmed: leave on the next update

    @property
    def has_unsaved_progress(self) -> bool:
        return self.run.has_unsaved_progress

    @property
    def alpha(self) -> float:
        return self.runner.alpha

    def fill_log(self, story: Sequence[tuple[int, object]]) -> None:
        """A resumed run's earlier events, written into the log as they were when it was saved."""
        self.runner.fill_log(story)

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        self.relayout()  # the UI scale, the language or the key bindings may have changed on a screen above this one
        self.run.take_snapshot()  # a screen above may have run hours (a partner's answer takes one)
        self.state.held_pan.clear()
        self.state.dragging = False
        hints = self.run.hints
        if hints.problem:
            self.ctx.notices.show(self.ctx.tr(hints.problem))
            hints.problem = None
        self.run.trigger_hint("level_start")

    def exit(self) -> None:
        self.reload.close()
        self.widgets.kill()
        self.tools.close_dialog()
        self.runner.close_question()

    def close(self) -> None:
        self.run.close()

    def relayout(self) -> None:
        """Lays the screen out for the window's size and the UI scale, and builds its buttons again."""
        self.keys = StationKeys.from_settings(self.ctx.settings)
        scale = self.ctx.fonts.scale
        self.layout = StationLayout.for_size(self.ctx.ui.window_resolution, scale)
        self.tools.fit(scale, self.layout.panel.height)
        if self.layout.map != self.camera.viewport:
            self.camera.viewport = self.layout.map
            self.camera.fit()
        if self.state.side_tab == "log" and not self.layout.log_tab:
            self.state.side_tab = "build"  # the window grew: the log has its own place again
        self.widgets.build(self.layout, self.keys, self.button_states())

    def button_states(self) -> ButtonStates:
        return ButtonStates(self.runner.paused, self.runner.clock.speed, self.state.side_tab, self.state.overlay,
                            self.tools.demolishing)

    # --- input, time, drawing --------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Transition | None:
        answer = self.reload.answer(event)
        if answer is not None:
            return self._reloaded() if answer else None
        if event.type == pygame.VIDEORESIZE:
            self.relayout()
            return None
        transition = station_input.handle(event, self, self.open_menu, self.open_partners)
        self.widgets.show(self.button_states(), self.keys)
        return transition

    def update(self, dt: float) -> Transition | None:
        if self.leaving:
            return Pop()
        if self.runner.landing_question is None and not self.tools.asking:
            self.reload.offer(self.ctx, dt)
        for key in self.state.held_pan:
            dx, dy = self.keys.pan_step(key)
            self.camera.pan_pixels(-dx * PAN_SPEED_PX * dt, -dy * PAN_SPEED_PX * dt)
        if not self.runner.advance(dt):
            return None
        self.tools.refresh_ghost()
        ended = self.runner.level_end()
        transition = ended if ended is not None else self.runner.ask_about_landing()
        self.widgets.show(self.button_states(), self.keys)
        return transition

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        drawing.draw(surface, self, alpha)

    def _reloaded(self) -> Transition | None:
        """The changed level on a fresh station screen with the same view of the map, or (when the files now
        have problems) a notice naming the first, and the level being played stays."""
        watch = self.reload.watch
        scene = self.reload.reloaded_scene(self.ctx, lambda loaded: StationScene(self.ctx, loaded, watch=watch))
        if scene is None:
            return None
        keep_view(self.camera, scene.camera)
        self.run.simulation.has_unsaved_progress = False  # the player chose to start the changed level afresh
        return Replace(scene)

    # --- other screens over this one -------------------------------------------------------------

    def open_partners(self) -> Transition:
        from game.scenes.partners.roster import PartnerRosterScene

        self.runner.pause_for_another_screen()
        return Push(PartnerRosterScene(self.ctx, self.run.simulation, self.run.loaded, self.runner.record_events))

    def open_menu(self) -> Transition:
        from game.scenes.menus.pause import PauseScene

        self.runner.pause_for_another_screen()
        return Push(PauseScene(self.ctx, on_save=self._save_for_menu, on_quit_to_menu=self._quit_from_menu))

    def _save_for_menu(self) -> str | None:
        path = self.run.quick_save()
        if path is None:
            return self.ctx.tr("The game could not be saved; see the message below.")
        return self.ctx.tr("Saved as {file}.", file=path.name)

    def _quit_from_menu(self) -> None:
        """The player confirmed leaving: keep the run in the autosave, then leave without asking again."""
        self.run.autosave()
        self.run.simulation.has_unsaved_progress = False
        self.leaving = True
