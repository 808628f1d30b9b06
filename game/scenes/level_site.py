"""The station screen: site map with overlays, build palette, resource bar, goals, log, time controls and saves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton
from pygame_gui.windows import UIConfirmationDialog

from game.clock import FixedStepClock
from game.content.loader import LoadedLevel
from game.content.models import TileKind
from game.content.text import translate
from game.ecs.commands import Command, PlaceModule
from game.render import palette
from game.render.build_palette import BuildPalette, draw_build_palette, palette_entries
from game.render.camera import ZOOM_STEP, Camera
from game.render.event_log import EventLog, draw_event_log, is_warning, log_sentence
from game.render.goals_panel import draw_goals_panel
from game.render.map_layers import MapLayers, draw_station_map
from game.render.overlays import OVERLAY_SHORT_NAMES, next_overlay
from game.render.resource_bar import ResourceHistory, draw_resource_bar, resource_readings, snapshot_values
from game.render.site_map import MapModule
from game.render.text_cache import TextCache
from game.render.tooltip import draw_tooltip, module_tooltip_lines, tile_tooltip_lines
from game.rules.grid import SiteGrid
from game.scenes.context import SceneContext
from game.scenes.scene import SceneBase
from game.scenes.station_build import (
    GhostPreview,
    demolish_command,
    demolish_refund,
    ghost_preview,
    place_command,
    rotated_footprint,
)
from game.scenes.station_draw import (
    draw_ghost,
    draw_hint,
    draw_overlay_legend,
    draw_pause_banner,
    draw_reason_box,
    draw_status_badge,
    hint_box_rect,
)
from game.scenes.station_landing import (
    LandingQuestion,
    autopilot_landing,
    cargo_words,
    delivery_waiting,
    flight_seed,
    landing_mode_for,
    resolve_command,
)
from game.scenes.station_layout import StationLayout
from game.scenes.transitions import Pop, Push, Replace, Transition
from game.ui.confirm_dialog import Question, open_confirm_dialog
from game.ui.hints import HintBook

if TYPE_CHECKING:
    from game.ecs.session import DeliveryView, Simulation, StationSnapshot
    from game.landing.run import LandingResult

HOURS_PER_SECOND = 2.0  # game hours per real second at 1×: a 60-day level takes 12 minutes, 3 at 4×
PAN_SPEED_PX = 700.0
SPEEDS = (1, 4, 16)
SPEED_KEYS = {pygame.K_1: 1, pygame.K_2: 4, pygame.K_3: 16}
ARROWS = {pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0), pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1)}
ZOOM_IN_KEYS = (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS)
ZOOM_OUT_KEYS = (pygame.K_MINUS, pygame.K_KP_MINUS)
ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER)
BUTTON_HEIGHT = 44
WHEEL_SCROLL_PX = 48


def map_modules_from_level(loaded: LoadedLevel, language: str) -> list[MapModule]:
    """The modules standing on the first day, as the level file places them."""
    level, catalog = loaded.require()
    modules = []
    for placed in level.start.modules:
        spec = catalog.modules[placed.module]
        modules.append(MapModule(spec.id, translate(spec.name, language), spec.shape, placed.x, placed.y,
                                 spec.footprint, spec.conducts_power))
    return modules


def map_modules_from_snapshot(snapshot: StationSnapshot, loaded: LoadedLevel) -> list[MapModule]:
    _, catalog = loaded.require()
    return [
        MapModule(view.module_id, view.name, view.shape, view.x, view.y, view.footprint,
                  catalog.modules[view.module_id].conducts_power if view.module_id in catalog.modules else False,
                  view.state)
        for view in snapshot.modules
    ]


def resume_scene(ctx: SceneContext, save_path: Path) -> LevelScene:
    """The station screen for a saved run (the title's Continue); raises SaveError with a sentence when it cannot."""
    from game.saves import read_save
    from game.scenes.station_saves import find_level, load_station_save

    loaded = find_level(read_save(save_path).level_id, ctx.mod_folders)
    level, catalog = loaded.require()
    return LevelScene(ctx, loaded, load_station_save(save_path, level, catalog))


def _optional_scene(module: str, name: str) -> Any | None:
    """A scene class another part of the game may provide; None until it exists (imported late, on demand)."""
    try:
        imported = __import__(f"game.scenes.{module}", fromlist=[name])
    except ImportError:
        return None
    return getattr(imported, name, None)


class LevelScene(SceneBase):
    """One level on screen. Starts paused, so the player can read the map before time runs.

    Pass `simulation` to continue a saved run; otherwise a new run of the level starts on entering.
    """

    def __init__(self, ctx: SceneContext, loaded: LoadedLevel, simulation: Simulation | None = None):
        self.ctx = ctx
        self.loaded = loaded
        self.level, self.catalog = loaded.require()
        self.grid = SiteGrid.from_site(self.level.site, self.catalog.tiles)
        self.kinds: list[TileKind] = list({kind.id: kind for _, _, kind in self.grid.cells()}.values())
        self.layout = StationLayout.for_size(ctx.ui.window_resolution)
        self.camera = Camera(self.layout.map, self.grid.width, self.grid.height, self.grid.tile_size_m)
        self.camera.fit()
        self.clock = FixedStepClock(HOURS_PER_SECOND, max_steps_per_frame=16 * 4)
        self.clock.speed = 0
        self.resume_speed = 1
        self.simulation: Simulation | None = simulation
        self.snapshot: StationSnapshot | None = None
        self.simulation_problem: str | None = None
        self.mouse: tuple[int, int] | None = None
        self.dragging = False
        self.held_pan: set[int] = set()
        self.modules = map_modules_from_level(loaded, ctx.language)
        # The station screen's own state.
        self.text = TextCache(ctx.fonts)
        self.layers = MapLayers()
        self.overlay = "ground"
        self.side_tab = "build"
        self.build = BuildPalette(palette_entries(self.catalog, ctx.language))
        self.armed: str | None = None  # the module following the pointer, waiting for a click
        self.rotated = False
        self.cursor: tuple[int, int] | None = None  # the ghost's tile, moved by the pointer or the arrow keys
        self.ghost: GhostPreview | None = None
        self.demolishing = False
        self.pending_demolish: MapModule | None = None
        self.dialog: UIConfirmationDialog | None = None
        self.log = EventLog()
        self.history = ResourceHistory()
        self.goals_scroll = 0
        self.hints = HintBook.for_level(self.level.order, bool(getattr(ctx.settings, "hints", True)), ctx.language)
        self.last_save: Path | None = None
        self.ended_handled = False
        self.leaving = False  # the pause menu's "quit to menu" was confirmed: leave on the next update
        self.landing_question: LandingQuestion | None = None
        self.resolved_deliveries: set[int] = set()
        self.buttons: dict[str, UIButton] = {}
        self._module_cells: dict[tuple[int, int], MapModule] = {}  # an index for module_at, not game state
        self._cells_for: list[MapModule] | None = None
        self.partners_scene = _optional_scene("partners", "PartnerRosterScene")

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        self._relayout()
        self.held_pan.clear()
        self.dragging = False
        if self.simulation is None and self.simulation_problem is None:
            self._start_simulation()
        elif self.snapshot is None:
            self._take_snapshot()
        if self.hints.problem:
            self.ctx.notices.show(self.hints.problem)
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

    def _start_simulation(self) -> None:
        # Imported here, not at the top: the title screen should not wait for esper and the systems.
        try:
            from game.ecs.session import Simulation
        except ImportError as error:
            self.simulation_problem = f"The simulation is not available ({error}); showing the map only."
            return
        try:
            self.simulation = Simulation(self.level, self.catalog)
        except ValueError as error:
            self.simulation_problem = f"This level cannot run yet: {error}. Showing the map only."
            self.ctx.notices.show(self.simulation_problem)
            return
        self._choose_landing_mode()
        self.simulation.has_unsaved_progress = False  # nothing the player did yet
        self._take_snapshot()

    def _choose_landing_mode(self) -> None:
        if self.simulation is not None:
            self.simulation.landing_mode = landing_mode_for(str(getattr(self.ctx.settings, "landing_choice", "ask")))

    def _take_snapshot(self) -> None:
        if self.simulation is not None:
            self.snapshot = self.simulation.snapshot(self.ctx.language)
            self.modules = map_modules_from_snapshot(self.snapshot, self.loaded)
            self.history.record(self.snapshot.hour, snapshot_values(self.snapshot, self.catalog))

    def close(self) -> None:
        if self.simulation is not None:
            self.simulation.close()
            self.simulation = None

    @property
    def has_unsaved_progress(self) -> bool:
        return self.simulation is not None and self.simulation.has_unsaved_progress

    @property
    def alpha(self) -> float:
        return self.clock.alpha

    @property
    def paused(self) -> bool:
        return self.clock.paused

    # --- layout and widgets ----------------------------------------------------------------------

    @staticmethod
    def map_rect(size: tuple[int, int]) -> pygame.Rect:
        return StationLayout.for_size(size).map

    def _relayout(self) -> None:
        self.layout = StationLayout.for_size(self.ctx.ui.window_resolution)
        if self.layout.map != self.camera.viewport:
            self.camera.viewport = self.layout.map
            self.camera.fit()
        self._build_widgets()

    def _build_widgets(self) -> None:
        for button in self.buttons.values():
            button.kill()
        ui, layout = self.ctx.ui, self.layout
        buttons: dict[str, UIButton] = {}
        # Time controls at the top right, left of the status badge (which stays where it always was).
        right = layout.header.right - 20 - 230
        top = (layout.header.height - BUTTON_HEIGHT) // 2
        for name, width in reversed((("pause", 104), ("1", 66), ("4", 66), ("16", 80))):
            right -= width
            label = "Pause" if name == "pause" else f"{name}×"
            buttons[name] = UIButton(pygame.Rect(right, top, width, BUTTON_HEIGHT), label, ui,
                                     tool_tip_text="Space: pause or run" if name == "pause" else
                                     f"Run time at {name}× (keys 1, 2, 3)")
            right -= 6
        tabs = layout.tabs
        half = (tabs.width - 6) // 2
        buttons["tab-build"] = UIButton(pygame.Rect(tabs.x, tabs.y, half, tabs.height), "Build (B)", ui)
        buttons["tab-goals"] = UIButton(pygame.Rect(tabs.x + half + 6, tabs.y, half, tabs.height), "Goals (G)", ui)
        footer = layout.footer
        x = footer.x + 12
        y = footer.y + (footer.height - BUTTON_HEIGHT) // 2
        footer_buttons = [("overlay", f"Overlay: {OVERLAY_SHORT_NAMES[self.overlay]} (O)", 300),
                          ("demolish", "Demolish (X)", 190), ("save", "Save (F5)", 150)]
        if self.partners_scene is not None:
            footer_buttons.append(("partners", "Partners (P)", 180))
        footer_buttons.append(("menu", "Menu (Esc)", 170))
        for name, label, width in footer_buttons:
            buttons[name] = UIButton(pygame.Rect(x, y, width, BUTTON_HEIGHT), label, ui)
            x += width + 10
        self.buttons = buttons
        self._show_button_states()

    def _show_button_states(self) -> None:
        buttons = self.buttons
        if not buttons:
            return
        buttons["pause"].set_text("Run" if self.paused else "Pause")
        for speed in SPEEDS:
            button = buttons[str(speed)]
            if not self.paused and self.clock.speed == speed:
                button.select()
            else:
                button.unselect()
        for tab in ("build", "goals"):
            if self.side_tab == tab:
                buttons[f"tab-{tab}"].select()
            else:
                buttons[f"tab-{tab}"].unselect()
        buttons["overlay"].set_text(f"Overlay: {OVERLAY_SHORT_NAMES[self.overlay]} (O)")
        if self.demolishing:
            buttons["demolish"].select()
        else:
            buttons["demolish"].unselect()

    # --- input -----------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if self.landing_question is not None and event.type != pygame.VIDEORESIZE:
            answer = self.landing_question.answer_for(event)
            return self._answer_landing(answer) if answer else None
        if event.type == pygame.VIDEORESIZE:
            self._relayout()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            return self._press(event.ui_element)
        elif event.type == pygame_gui.UI_CONFIRMATION_DIALOG_CONFIRMED and event.ui_element is self.dialog:
            self._confirm_demolish()
        elif event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element is self.dialog:
            self.dialog = None
            self.pending_demolish = None
        elif event.type == pygame.KEYDOWN:
            return self._key_down(event)
        elif event.type == pygame.KEYUP:
            self.held_pan.discard(event.key)
        elif event.type == pygame.MOUSEWHEEL:
            self._wheel(event.y)
        elif event.type == pygame.MOUSEBUTTONDOWN:
            return self._mouse_down(event.button, event.pos)
        elif event.type == pygame.MOUSEBUTTONUP and event.button in (1, 2, 3):
            self.dragging = False
        elif event.type == pygame.MOUSEMOTION:
            self._mouse_moved(event.pos, event.rel, any(event.buttons))
        elif event.type == pygame.WINDOWLEAVE:
            self.mouse = None
        return None

    def _press(self, element: object) -> Transition | None:
        names = {button: name for name, button in self.buttons.items()}
        name = names.get(element)  # type: ignore[call-overload]
        if name == "pause":
            self.toggle_pause()
        elif name in ("1", "4", "16"):
            self.set_speed(int(name))
        elif name == "tab-build":
            self.open_tab("build")
        elif name == "tab-goals":
            self.open_tab("goals")
        elif name == "overlay":
            self.cycle_overlay(1)
        elif name == "demolish":
            self.toggle_demolish()
        elif name == "save":
            self.quick_save()
        elif name == "partners":
            return self._partners()
        elif name == "menu":
            return self._menu()
        return None

    def _key_down(self, event: pygame.event.Event) -> Transition | None:
        key = event.key
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        if self.dialog is not None and self.dialog.alive():
            if key in ENTER_KEYS:
                self._confirm_demolish()
            elif key == pygame.K_ESCAPE:
                self._close_dialog()
            return None
        if key == pygame.K_ESCAPE:
            if self.armed or self.demolishing or self.build.focused:
                self.cancel_tool()
                return None
            return self._menu()
        if self.build.focused and self._palette_key(key):
            return None
        if key == pygame.K_SPACE:
            self.toggle_pause()
        elif key == pygame.K_p:
            if self.partners_scene is not None:
                return self._partners()
            self.toggle_pause()
        elif key in SPEED_KEYS:
            self.set_speed(SPEED_KEYS[key])
        elif key in ZOOM_IN_KEYS:
            self.camera.zoom_at(ZOOM_STEP)
        elif key in ZOOM_OUT_KEYS:
            self.camera.zoom_at(1 / ZOOM_STEP)
        elif key in (pygame.K_0, pygame.K_HOME):
            self.camera.fit()
        elif key == pygame.K_b:
            self.open_tab("build")
            self.build.focused = True
        elif key == pygame.K_TAB:
            self.open_tab("build")
            self.build.focused = not self.build.focused
        elif key == pygame.K_g:
            self.open_tab("goals")
        elif key == pygame.K_o:
            self.cycle_overlay(-1 if shift else 1)
        elif key == pygame.K_r:
            self.rotated = not self.rotated
            self._refresh_ghost()
        elif key == pygame.K_x:
            self.toggle_demolish()
        elif key == pygame.K_h:
            self.hints.dismiss()
        elif key == pygame.K_F5:
            self.quick_save()
        elif key in ENTER_KEYS and self.cursor is not None and (self.armed or self.demolishing):
            self.click_cell(self.cursor)
        elif key in ARROWS:
            if self.armed or self.demolishing:
                self._move_cursor(*ARROWS[key])
            else:
                self.held_pan.add(key)
        return None

    def _palette_key(self, key: int) -> bool:
        """Keys for the focused build palette; True when the key was used."""
        view = self.layout.panel.height
        moves = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -5, pygame.K_PAGEDOWN: 5}
        if key in moves:
            self.build.move(moves[key], view)
            return True
        if key in ENTER_KEYS or key == pygame.K_SPACE:
            chosen = self.build.chosen
            if chosen is not None:
                self.arm(chosen.spec.id)
            return True
        return False

    def _wheel(self, clicks: int) -> None:
        mouse = self.mouse
        if mouse and self.layout.panel.collidepoint(mouse):
            if self.side_tab == "build":
                self.build.scroll_by(-clicks * WHEEL_SCROLL_PX, self.layout.panel.height)
            else:
                self.goals_scroll = max(0, self.goals_scroll - clicks * WHEEL_SCROLL_PX)
        elif mouse and self.layout.log.collidepoint(mouse):
            self.log.scroll_by(-clicks * WHEEL_SCROLL_PX)
        else:
            anchor = mouse if mouse and self.camera.viewport.collidepoint(mouse) else None
            self.camera.zoom_at(ZOOM_STEP ** clicks, anchor)
            self._refresh_ghost()

    def _mouse_down(self, button: int, position: tuple[int, int]) -> Transition | None:
        self.mouse = position
        if button == 1 and self.hints.showing is not None and \
                hint_box_rect(self.camera.viewport, self.hints.showing, self.text).collidepoint(position):
            self.hints.dismiss()
            return None
        if button == 1 and self.side_tab == "build" and self.layout.panel.collidepoint(position):
            index = self.build.entry_at(self.layout.panel, position)
            if index is not None:
                self.build.selected = index
                self.build.focused = True
                self.arm(self.build.entries[index].spec.id)
            return None
        cell = self.camera.tile_at(*position)
        if button == 3 and (self.armed or self.demolishing):
            self.cancel_tool()
            return None
        if button == 1 and cell is not None and (self.armed or self.demolishing):
            self.cursor = cell
            self.click_cell(cell)
            return None
        if button in (1, 2, 3):
            self.dragging = self.camera.viewport.collidepoint(position)
            if self.dragging:
                self.build.focused = False
        return None

    def _mouse_moved(self, position: tuple[int, int], rel: tuple[int, int], held: bool) -> None:
        self.mouse = position
        if self.dragging and held:
            self.camera.pan_pixels(*rel)
        cell = self.camera.tile_at(*position)
        if cell is not None and cell != self.cursor:
            self.cursor = cell
            self._refresh_ghost()

    def _move_cursor(self, dx: int, dy: int) -> None:
        x, y = self.cursor or (self.grid.width // 2, self.grid.height // 2)
        self.cursor = (max(0, min(self.grid.width - 1, x + dx)), max(0, min(self.grid.height - 1, y + dy)))
        self.mouse = None  # the keyboard leads now; the reason box follows the ghost instead of the pointer
        self._refresh_ghost()

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

    def click_cell(self, cell: tuple[int, int]) -> None:
        """What a click on the map does with the tool in hand: order the module, or ask to take one down."""
        if self.demolishing:
            module = self.module_at(cell)
            if module is None:
                self.ctx.notices.show("There is nothing to take down on this tile.")
                return
            self._ask_demolish(module)
            return
        if self.armed is None:
            return
        self.cursor = cell
        self._refresh_ghost()
        if self.ghost is None or not self.ghost.ok:
            reason = self.ghost.reason if self.ghost else None
            self.ctx.notices.show(f"Cannot build here: {reason}." if reason else "Cannot build here.")
            return
        self.queue(place_command(self.armed, cell, self.rotated))
        self._trigger_hint("first_placement")

    def queue(self, command: Command, note: str | None = None) -> None:
        """Sends a command to the simulation (applied at the next step), logs `note`, and autosaves."""
        if self.simulation is None:
            self.ctx.notices.show(self.simulation_problem or "This level has no simulation running.")
            return
        self.simulation.queue(command)
        if note is None and isinstance(command, PlaceModule):
            spec = self.catalog.modules.get(command.module)
            note = f"{translate(spec.name, self.ctx.language) if spec else command.module} ordered."
        if note:
            self.log.add(self._when(), note)
        self.autosave()  # every command is a decision point

    def _ask_demolish(self, module: MapModule) -> None:
        refund = demolish_refund(self.simulation, self.catalog, module)
        if refund is None:
            self.ctx.notices.show(f"The {module.name.lower()} cannot be taken down now.")
            return
        self.pending_demolish = module
        question = Question(f"Take down the {module.name.lower()}?",
                            f"You get {refund:,.0f} credits back; the rest of its cost is lost.", "Take down")
        self._close_dialog()
        self.dialog = open_confirm_dialog(self.ctx.ui, self.ctx.ui.window_resolution, question)

    def _confirm_demolish(self) -> None:
        module, self.pending_demolish = self.pending_demolish, None
        self._close_dialog()
        if module is not None:
            self.queue(demolish_command(module), f"{module.name} to be taken down.")

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

    def update(self, dt: float) -> Transition | None:
        if self.leaving:
            return Pop()
        for key in self.held_pan:
            dx, dy = ARROWS[key]
            self.camera.pan_pixels(-dx * PAN_SPEED_PX * dt, -dy * PAN_SPEED_PX * dt)
        steps = self.clock.advance(dt)
        if self.simulation is None or steps == 0:
            return None
        for _ in range(steps):
            for event in self.simulation.step():
                self._record(event)
            if self.simulation.ended:
                break
        self._take_snapshot()
        self._refresh_ghost()
        self._watch_for_hints()
        ended = self._level_end()
        return ended if ended is not None else self._ask_about_landing()

    # --- landings --------------------------------------------------------------------------------

    def _ask_about_landing(self) -> Transition | None:
        """A delivery waits in orbit: stop time and ask (or fly at once, when the settings say so)."""
        if self.snapshot is None or self.simulation is None or self.landing_question is not None:
            return None
        delivery = delivery_waiting(self.snapshot.deliveries)
        if delivery is None or delivery.id in self.resolved_deliveries or self.simulation.landing_mode != "player":
            return None
        self._pause_for_another_screen()
        if getattr(self.ctx.settings, "landing_choice", "ask") == "fly":
            return self._fly(delivery)
        cargo = cargo_words(delivery, self.catalog, self.ctx.language)
        self.landing_question = LandingQuestion(self.ctx.ui, self.ctx.ui.window_resolution, delivery, cargo)
        return None

    def _answer_landing(self, answer: str) -> Transition | None:
        question, self.landing_question = self.landing_question, None
        if question is None:
            return None
        question.close()
        if answer == "fly":
            return self._fly(question.delivery)
        if self.simulation is not None:
            command, sentence = autopilot_landing(self.level, self.catalog, self.simulation, question.delivery)
            self.resolved_deliveries.add(question.delivery.id)
            self.queue(command, sentence)
        return None

    def _fly(self, delivery: DeliveryView) -> Transition | None:
        if self.simulation is None:
            return None
        from game.scenes.landing_flight import LandingScene  # pymunk and the flight screen, only when flown

        self.resolved_deliveries.add(delivery.id)
        cargo = delivery.modules[0] if delivery.modules else None

        def landed(result: LandingResult) -> None:
            self.queue(resolve_command(delivery, result), f"You landed the cargo: {result.grade.name}.")

        return Push(LandingScene(self.ctx, self.loaded, cargo=cargo, seed=flight_seed(self.simulation, delivery),
                                 on_finished=landed))

    def _record(self, event: object) -> None:
        sentence = log_sentence(event, self.level, self.catalog, self.ctx.language)
        if not sentence:
            return
        warning = is_warning(event)
        self.log.add(self._when(), sentence, warning)
        # The log holds everything; only the turning points of the level also pop up over the map.
        if type(event).__name__ in ("GoalMet", "GoalFailed", "LevelEnded"):
            self.ctx.notices.show(sentence)

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
        if not self.hints.specs:
            return
        occupied = {cell for module in self.modules for cell in module.cells()}
        powered = [cell for module in self.modules if module.conducts_power or module.is_cable
                   for cell in module.cells()]
        self.hints.trigger(when, self.grid, self.catalog, occupied, powered)

    def _level_end(self) -> Transition | None:
        if self.snapshot is None or self.snapshot.outcome == "playing" or self.ended_handled:
            return None
        self.ended_handled = True
        self.clock.speed = 0
        self._show_button_states()
        self.autosave()
        debrief = _optional_scene("debrief", "DebriefScene")
        if debrief is None or self.simulation is None:
            return None
        # The debrief now owns the run: it reads the history and score, then closes it.
        simulation, self.simulation = self.simulation, None
        return Replace(debrief(self.ctx, self.loaded, simulation))

    # --- other screens ---------------------------------------------------------------------------

    def _partners(self) -> Transition | None:
        if self.partners_scene is None or self.simulation is None:
            return None
        self._pause_for_another_screen()
        return Push(self.partners_scene(self.ctx, self.simulation, self.loaded))

    def _menu(self) -> Transition | None:
        pause_scene = _optional_scene("pause", "PauseScene")
        if pause_scene is None:
            return Pop()
        self._pause_for_another_screen()
        return Push(pause_scene(self.ctx, on_save=self._save_for_menu, on_quit_to_menu=self._quit_from_menu))

    def _save_for_menu(self) -> str | None:
        path = self.quick_save()
        return f"Saved as {path.name}." if path else "The game could not be saved; see the message below."

    def _quit_from_menu(self) -> None:
        """The player confirmed leaving: keep the run in the autosave, then leave without asking again."""
        self.autosave()
        if self.simulation is not None:
            self.simulation.has_unsaved_progress = False
        self.leaving = True

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
                self.ctx.notices.show("There is nothing to save: this level has no simulation running.")
            return None
        from game.saves import SaveError
        from game.scenes.station_saves import write_station_save

        try:
            path = write_station_save(self.simulation, autosave=autosave)
        except (OSError, SaveError) as error:
            self.ctx.notices.show(f"The game could not be saved: {error}")
            return None
        self.last_save = path
        if not autosave:
            self.ctx.notices.show(f"Saved: {path.name} in {path.parent}")
        return path

    # --- reading the map -------------------------------------------------------------------------

    def hovered_cell(self) -> tuple[int, int] | None:
        return self.camera.tile_at(*self.mouse) if self.mouse else None

    def module_at(self, cell: tuple[int, int]) -> MapModule | None:
        if self._cells_for is not self.modules:  # rebuilt only when a new snapshot brought new modules
            self._module_cells = {tile: module for module in self.modules for tile in module.cells()}
            self._cells_for = self.modules
        return self._module_cells.get(cell)

    def current_time(self, alpha: float) -> dt.datetime:
        hours = float(self.snapshot.hour if self.snapshot else 0)
        if not self.paused:
            hours += alpha  # drawn between two steps: the clock face moves smoothly
        start = dt.datetime.combine(self.level.start_date, dt.time())
        return start + dt.timedelta(hours=hours)

    def _when(self) -> str:
        now = self.current_time(0.0)
        return f"{now.day} {now:%b} {now:%H}:00"

    # --- drawing ---------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        surface.fill(palette.SKY)
        hovered = self.hovered_cell()
        draw_station_map(surface, self.grid, self.modules, self.camera, self.layers, self.overlay, self.text,
                         None if self.armed else hovered)
        if self.ghost is not None and self.armed is not None:
            spec = self.catalog.modules[self.armed]
            draw_ghost(surface, self.camera, self.ghost, spec.shape, rotated_footprint(spec, self.rotated))
        if self.demolishing and self.cursor is not None:
            self._draw_demolish_cursor(surface)
        draw_overlay_legend(surface, self.camera.viewport, self.overlay, self.text)
        if self.hints.showing is not None:
            draw_hint(surface, self.camera.viewport, self.hints.showing, self.camera, self.text)
        if self.paused and not self.armed and not self.demolishing:
            draw_pause_banner(surface, self.camera.viewport, self.text)
        self._draw_header(surface, alpha)
        bar_cells = self._draw_resource_bar(surface)
        self._draw_side(surface)
        self._draw_footer(surface)
        self._draw_pointer_boxes(surface, hovered, bar_cells)

    def _draw_demolish_cursor(self, surface: pygame.Surface) -> None:
        assert self.cursor is not None
        module = self.module_at(self.cursor)
        rect = self.camera.tile_rect(*(module.x, module.y, *module.footprint) if module else (*self.cursor, 1, 1))
        previous_clip = surface.get_clip()
        surface.set_clip(self.camera.viewport)
        pygame.draw.rect(surface, palette.GLYPH_EDGE, rect.inflate(6, 6), 3)
        pygame.draw.rect(surface, palette.BROKEN, rect, 4)
        pygame.draw.line(surface, palette.BROKEN, rect.topleft, rect.bottomright, 3)
        surface.set_clip(previous_clip)

    def _draw_header(self, surface: pygame.Surface, alpha: float) -> None:
        header = self.layout.header
        pygame.draw.rect(surface, palette.PANEL, header)
        pygame.draw.line(surface, palette.PANEL_EDGE, (0, header.bottom - 1), (header.right, header.bottom - 1), 2)
        badge = draw_status_badge(surface, self.text, self.paused, self.clock.speed,
                                  (header.right - 20, (header.height - 46) // 2))
        leftmost = min((button.get_abs_rect().left for button in self.buttons.values()
                        if button.get_abs_rect().top < header.bottom), default=badge.left)
        room = leftmost - 24 - 20
        title = self.text.fit(self.loaded.title(self.ctx.language), palette.LARGE, room, bold=True)
        self.text.draw(surface, title, palette.LARGE, palette.TEXT, (24, 4), bold=True)
        now = self.current_time(alpha)
        day = (now - dt.datetime.combine(self.level.start_date, dt.time())).days + 1
        site = translate(self.level.site.name, self.ctx.language)
        when = f"{now.day} {now:%B %Y}, {now:%H}:00  ·  day {day} of {self.level.time_limit_days:g}  ·  {site}"
        self.text.draw(surface, self.text.fit(when, palette.SMALL, room), palette.SMALL, palette.ACCENT, (24, 44))

    def _draw_resource_bar(self, surface: pygame.Surface) -> list[tuple[pygame.Rect, Any]]:
        if self.snapshot is None:
            pygame.draw.rect(surface, palette.PANEL, self.layout.resource_bar)
            message = self.simulation_problem or "No simulation: the map only."
            self.text.draw(surface, message, palette.SMALL, palette.TEXT_DIM, self.layout.resource_bar.center,
                           anchor="center")
            return []
        readings = resource_readings(self.snapshot, self.catalog, self.history)
        return draw_resource_bar(surface, self.layout.resource_bar, readings, self.text)

    def _draw_side(self, surface: pygame.Surface) -> None:
        layout = self.layout
        pygame.draw.rect(surface, palette.SKY_HORIZON, layout.side)
        pygame.draw.line(surface, palette.PANEL_EDGE, layout.side.topleft, layout.side.bottomleft, 2)
        if self.side_tab == "build":
            budget = self.snapshot.budget if self.snapshot else None
            draw_build_palette(surface, layout.panel, self.build, self.text, budget, self.armed)
        else:
            goals = self.snapshot.goals if self.snapshot else ()
            draw_goals_panel(surface, layout.panel, goals, self.text, self.goals_scroll)
        draw_event_log(surface, layout.log, self.log, self.text)

    def _draw_footer(self, surface: pygame.Surface) -> None:
        footer = self.layout.footer
        pygame.draw.rect(surface, palette.PANEL, footer)
        pygame.draw.line(surface, palette.PANEL_EDGE, footer.topleft, footer.topright, 2)
        right_of_buttons = max((button.get_abs_rect().right for button in self.buttons.values()
                                if button.get_abs_rect().top >= footer.top), default=footer.x)
        if self.armed:
            keys = "Click or Enter: build · R: rotate · right click or Esc: cancel"
        elif self.demolishing:
            keys = "Click a module to take it down · Esc: cancel"
        elif self.simulation_problem:
            keys = self.simulation_problem
        else:
            keys = "Space: pause · 1 2 3: speed · wheel: zoom"
        room = footer.right - 16 - right_of_buttons - 16
        if room > 120:
            self.text.draw(surface, self.text.fit(keys, palette.SMALL, room), palette.SMALL, palette.TEXT_DIM,
                           (footer.right - 16, footer.centery), anchor="midright")

    def _draw_pointer_boxes(self, surface: pygame.Surface, hovered: tuple[int, int] | None,
                            bar_cells: list[tuple[pygame.Rect, Any]]) -> None:
        """The box beside the pointer: the ghost's reason, a tile and module, or a resource's explanation."""
        if self.ghost is not None and self.armed is not None:
            anchor = self.mouse if self.mouse and self.camera.viewport.collidepoint(self.mouse) else None
            if anchor is None and self.cursor is not None:
                rect = self.camera.tile_rect(*self.cursor)
                anchor = rect.bottomright
            if anchor is not None:
                name = translate(self.catalog.modules[self.armed].name, self.ctx.language)
                draw_reason_box(surface, self.text, anchor, self.ghost, name, self.camera.viewport)
            return
        if self.mouse is None:
            return
        if hovered is not None:
            module = self.module_at(hovered)
            lines = tile_tooltip_lines(self.grid.at(*hovered), self.ctx.language)
            if module is not None:
                view = next((view for view in (self.snapshot.modules if self.snapshot else ())
                             if view.x == module.x and view.y == module.y), None)
                module_lines = module_tooltip_lines(module.name, self.catalog.modules.get(module.module_id),
                                                    module.state, view.lit if view else None)
                lines = [*module_lines, "", f"Ground: {lines[0]}", lines[1]]
            draw_tooltip(surface, lines, self.mouse, self.ctx.fonts, self.text)
            return
        for cell, reading in bar_cells:
            if cell.collidepoint(self.mouse):
                draw_tooltip(surface, list(reading.tooltip), self.mouse, self.ctx.fonts, self.text)
                return
