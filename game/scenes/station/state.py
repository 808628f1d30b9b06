"""The station screen's state: the level, the run, the camera, the tools in hand, the widgets and what the map holds."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UIButton
from pygame_gui.windows import UIConfirmationDialog

from game.clock import FixedStepClock
from game.content.loader import LoadedLevel
from game.content.models import TileKind
from game.content.text import translate
from game.content.ui_text import to_translate
from game.render.build_palette import BuildPalette, palette_entries
from game.render.camera import Camera
from game.render.event_log import EventLog
from game.render.map_layers import MapLayers
from game.render.overlays import OVERLAY_SHORT_NAMES
from game.render.palette import Palette
from game.render.resource_bar import Reading, ResourceHistory, snapshot_values
from game.render.site_map import MapModule
from game.render.text_cache import TextCache
from game.rules.grid import SiteGrid
from game.scenes.context import SceneContext
from game.scenes.scene import SceneBase
from game.scenes.station.build import GhostPreview
from game.scenes.station.draw import badge_size
from game.scenes.station.keys import StationKeys
from game.scenes.station.landing_question import LandingQuestion
from game.scenes.station.layout import StationLayout
from game.ui.hints import HintBook

if TYPE_CHECKING:
    from pathlib import Path

    from game.simulation.simulation import Simulation
    from game.simulation.views import StationSnapshot

HOURS_PER_SECOND = 2.0  # game hours per real second at 1×: a 60-day level takes 12 minutes, 3 at 4×
SPEEDS = (1, 4, 16)
BUTTON_GAP = 10
BUTTON_PADDING = 34  # pygame_gui's text padding and border on both sides of a button's label (not scaled)
BUTTON_BREATHING = 8  # and a little room beyond it, which grows with the text
BUTTON_FONT_SIZE = 24  # the theme's button font (assets/theme.json), before the UI scale


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


class StationState(SceneBase):
    """What the station screen knows between frames. Input changes it; drawing only reads it."""

    def __init__(self, ctx: SceneContext, loaded: LoadedLevel, simulation: Simulation | None = None):
        self.ctx = ctx
        self.loaded = loaded
        self.level, self.catalog = loaded.require()
        self.grid = SiteGrid.from_site(self.level.site, self.catalog.tiles)
        self.kinds: list[TileKind] = list({kind.id: kind for _, _, kind in self.grid.cells()}.values())
        self.layout = StationLayout.for_size(ctx.ui.window_resolution, ctx.fonts.scale)
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
        self.text = TextCache(ctx.fonts)
        self.layers = MapLayers()
        self.overlay = "ground"
        self.side_tab = "build"
        self.build = BuildPalette(palette_entries(self.catalog, ctx.language), scale=ctx.fonts.scale)
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
        self.running_before_landing = False  # time ran when the cargo arrived: it runs on once it has landed
        self.resolved_deliveries: set[int] = set()
        self.buttons: dict[str, UIButton] = {}
        self.footer_wording = 0  # how short the footer's labels had to be to fit: see _footer_labels
        self._module_cells: dict[tuple[int, int], MapModule] = {}  # an index for module_at, not game state
        self._cells_for: list[MapModule] | None = None
        self._readings: list[Reading] = []  # the resource bar's readings of `_readings_of`: a cache for drawing
        self._readings_of: StationSnapshot | None = None
        # The bindings are read again on every enter(): the settings screen lies above this one, never beside it.
        self.keys = StationKeys.from_settings(ctx.settings)

    # --- what the settings say -------------------------------------------------------------------

    @property
    def colours(self) -> Palette:
        """The palette the settings ask for, read each frame so a change in the pause menu shows at once."""
        return self.ctx.palette


    # --- the run ---------------------------------------------------------------------------------

    def _take_snapshot(self) -> None:
        if self.simulation is not None:
            self.snapshot = self.simulation.snapshot(self.ctx.language)
            self.modules = map_modules_from_snapshot(self.snapshot, self.loaded)
            self.history.record(self.snapshot.hour, snapshot_values(self.snapshot))

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
    def map_rect(size: tuple[int, int], scale: float = 1.0) -> pygame.Rect:
        return StationLayout.for_size(size, scale).map

    def _relayout(self) -> None:
        self.keys = StationKeys.from_settings(self.ctx.settings)
        scale = self.ctx.fonts.scale
        self.layout = StationLayout.for_size(self.ctx.ui.window_resolution, scale)
        self.build.set_scale(scale, self.layout.panel.height)
        if self.layout.map != self.camera.viewport:
            self.camera.viewport = self.layout.map
            self.camera.fit()
        self._build_widgets()

    def _button_width(self, label: str) -> int:
        return (self.ctx.fonts.bold(BUTTON_FONT_SIZE).size(label)[0] + BUTTON_PADDING
                + round(BUTTON_BREATHING * self.ctx.fonts.scale))

    def _overlay_label(self, wording: int) -> str:
        """Wording 0 'Overlay: Ice (O)', 1 'Overlay: Ice', 2 'Ice' (the map's legend box says it is the overlay)."""
        name = self.ctx.tr(OVERLAY_SHORT_NAMES[self.overlay])
        overlay = self.ctx.tr("Overlay: {overlay}", overlay=name)
        return (f"{overlay} ({self.keys.label('overlay')})", overlay, name)[wording]

    def _footer_labels(self, wording: int) -> list[tuple[str, str]]:
        """The footer's buttons, from the longest wording (0, with keys) to the shortest (2)."""
        def label(words: str, key: str) -> str:
            words = self.ctx.tr(words)
            return f"{words} ({key})" if wording == 0 else words

        labels = [("overlay", self._overlay_label(wording)),
                  ("demolish", label(to_translate("Demolish"), self.keys.label("demolish"))),
                  ("save", label(to_translate("Save"), self.keys.label("quick_save")))]
        labels.append(("partners", label(to_translate("Partners"), self.keys.label("partners"))))
        labels.append(("menu", label(to_translate("Menu"), "Esc")))
        return labels

    def _build_widgets(self) -> None:
        for button in self.buttons.values():
            button.kill()
        ui, layout, keys = self.ctx.ui, self.layout, self.keys
        buttons: dict[str, UIButton] = {}
        height = layout.button_height
        # Time controls at the top right, left of the status badge (sized for its widest words).
        badge_width = max(badge_size(self.text, False, 16, self.ctx.tr)[0],
                          badge_size(self.text, True, 1, self.ctx.tr)[0])
        right = layout.header.right - 20 - badge_width - 12
        top = (layout.header.height - height) // 2
        for name, action in reversed((("pause", "pause"), ("1", "speed_1"), ("4", "speed_4"), ("16", "speed_16"))):
            label = self.ctx.tr("Pause") if name == "pause" else f"{name}×"
            width = max(self._button_width(self.ctx.tr(word)) for word in ("Pause", "Run")) if name == "pause" \
                else self._button_width("16×")
            right -= width
            tip = self.ctx.tr("{key}: pause or run", key=keys.label("pause")) if name == "pause" else \
                self.ctx.tr("Run time at {speed}× (key {key})", speed=name, key=keys.label(action))
            buttons[name] = UIButton(pygame.Rect(right, top, width, height), label, ui, tool_tip_text=tip)
            right -= 6
        buttons.update(self._tab_buttons())
        footer = layout.footer
        # The longest overlay name decides, so the buttons do not shuffle as the overlay changes.
        widest = max((self.ctx.tr(name) for name in OVERLAY_SHORT_NAMES.values()), key=self._button_width)
        room = footer.width - 24
        # At a large UI scale: the words without their keys, then shorter words, then fewer buttons (Save has F5
        # and the pause menu), rather than smaller text.
        self.footer_wording = next((wording for wording in range(3)
                                    if self._footer_width(self._footer_labels(wording), widest) <= room), 2)
        labels = self._footer_labels(self.footer_wording)
        while len(labels) > 1 and self._footer_width(labels, widest) > room:
            labels.remove(next(item for item in labels if item[0] in ("save", "partners", "demolish")))
        x = footer.x + 12
        y = footer.y + (footer.height - height) // 2
        for name, label in labels:
            width = self._width_for(name, label, widest)
            buttons[name] = UIButton(pygame.Rect(x, y, width, height), label, ui)
            x += width + BUTTON_GAP
        self.buttons = buttons
        self._show_button_states()

    def _tab_buttons(self) -> dict[str, UIButton]:
        """Build and Goals; and Log when the side panel is too short to show the log below them."""
        tabs = self.layout.tabs
        # The keys as the player bound them (settings), so the labels never name a key that does something else.
        names = [("build", to_translate("Build"), self.keys.label("tab_build")),
                 ("goals", to_translate("Goals"), self.keys.label("tab_goals"))]
        if self.layout.log_tab:
            names.append(("log", to_translate("Log"), self.keys.label("tab_log")))
        elif self.side_tab == "log":
            self.side_tab = "build"  # the window grew: the log has its own place again
        width = (tabs.width - 6 * (len(names) - 1)) // len(names)
        with_keys = all(self._button_width(f"{self.ctx.tr(words)} ({key})") <= width for _, words, key in names)
        buttons = {}
        for index, (name, words, key) in enumerate(names):
            rect = pygame.Rect(tabs.x + index * (width + 6), tabs.y, width, tabs.height)
            label = f"{self.ctx.tr(words)} ({key})" if with_keys else self.ctx.tr(words)
            buttons[f"tab-{name}"] = UIButton(rect, label, self.ctx.ui)
        return buttons

    def _width_for(self, name: str, label: str, widest_overlay: str) -> int:
        if name == "overlay":
            label = label.replace(self.ctx.tr(OVERLAY_SHORT_NAMES[self.overlay]), widest_overlay, 1)
        return self._button_width(label)

    def _footer_width(self, labels: list[tuple[str, str]], widest_overlay: str) -> int:
        return sum(self._width_for(name, label, widest_overlay) + BUTTON_GAP for name, label in labels)

    def _show_button_states(self) -> None:
        buttons = self.buttons
        if not buttons:
            return
        buttons["pause"].set_text(self.ctx.tr("Run") if self.paused else self.ctx.tr("Pause"))
        for speed in SPEEDS:
            button = buttons[str(speed)]
            if not self.paused and self.clock.speed == speed:
                button.select()
            else:
                button.unselect()
        for tab in ("build", "goals", "log"):
            if f"tab-{tab}" not in buttons:
                continue
            if self.side_tab == tab:
                buttons[f"tab-{tab}"].select()
            else:
                buttons[f"tab-{tab}"].unselect()
        buttons["overlay"].set_text(self._overlay_label(self.footer_wording))
        demolish = buttons.get("demolish")  # the first button to go when a huge UI scale leaves no room
        if demolish is not None and self.demolishing:
            demolish.select()
        elif demolish is not None:
            demolish.unselect()

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
