"""The level being played, as the station screen sees it: the simulation, its latest snapshot, the modules on the
map, the resource history, the station log, the hints and the saves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from game.content.catalog import Catalog
from game.content.difficulty import DEFAULT_PRESET, with_difficulty
from game.content.loader import LoadedLevel
from game.content.locale_format import format_day_and_month
from game.content.message import Message, say
from game.content.text import translate
from game.ecs.commands import Command, PlaceModule, SetLandingMode
from game.render.event_log import EventLog, LogLine, Said
from game.render.resource_bar import Reading, ResourceHistory, resource_readings, snapshot_values
from game.render.site_map import MapModule
from game.rules.grid import SiteGrid
from game.scenes.context import SceneContext
from game.scenes.station.keys import STATION_ACTIONS
from game.scenes.station.landing_question import landing_mode_for
from game.scenes.station.log_sentences import log_entry
from game.scenes.station.pending_orders import PendingOrder, ordered_cost, pending_orders
from game.settings import key_label
from game.ui.hints import HintBook

if TYPE_CHECKING:
    from game.simulation.simulation import Simulation
    from game.simulation.views import ModuleView, StationSnapshot


def map_modules_from_level(loaded: LoadedLevel, language: str) -> list[MapModule]:
    """The modules standing on the first day, as the level file places them."""
    level, catalog = loaded.require()
    modules = []
    for placed in level.start.modules:
        spec = catalog.modules[placed.module]
        modules.append(MapModule(spec.id, translate(spec.name, language), spec.shape, placed.x, placed.y,
                                 spec.footprint, spec.conducts_power, sprite=_sprite(catalog, spec.id)))
    return modules


def map_module(view: ModuleView, catalog: Catalog) -> MapModule:
    """One module of a snapshot as the map shows it."""
    return MapModule(view.module_id, view.name, view.shape, view.x, view.y, view.footprint,
                     catalog.modules[view.module_id].conducts_power if view.module_id in catalog.modules else False,
                     view.state, sprite=_sprite(catalog, view.module_id))


def _sprite(catalog: Catalog, module_id: str) -> str | None:
    """The mod's picture for the module, checked when the catalog was read; None draws its shape."""
    sprite = catalog.sprites.get(module_id)
    return str(sprite) if sprite is not None else None


def new_simulation(loaded: LoadedLevel, landing_choice: str, difficulty: str = DEFAULT_PRESET) -> Simulation:
    """A fresh run of the level on a difficulty preset, landing as the settings ask, with nothing done yet."""
    from game.simulation.simulation import Simulation  # here, not at the top: the title should not wait for esper

    level, catalog = with_difficulty(*loaded.require(), difficulty)
    simulation = Simulation(level, catalog, difficulty=difficulty)
    mode = landing_mode_for(landing_choice)
    if mode != simulation.landing_mode:
        simulation.queue(SetLandingMode(mode))
    simulation.has_unsaved_progress = False
    return simulation


class StationRun:
    """One run of a level on the station screen. Pass `simulation` to continue a saved run."""

    def __init__(self, ctx: SceneContext, loaded: LoadedLevel, simulation: Simulation | None = None):
        self.ctx = ctx
        self.loaded = loaded
        self.simulation = simulation or new_simulation(loaded, ctx.settings.landing_choice, ctx.settings.difficulty)
        # The level and catalog as this run plays them, tuned to its difficulty preset.
        self.level, self.catalog = self.simulation.level, self.simulation.catalog
        self.grid = SiteGrid.from_site(self.level.site, self.catalog.tiles, self.catalog.moon)
        self.handed_over = False  # the debrief took the simulation: closing the screen must not close it
        self.history = ResourceHistory()
        self.log = EventLog(self._word_log_line, lambda: self.ctx.language)
        self.hints = HintBook.for_level(self.level.order, ctx.settings.hints, ctx.language)
        self.last_save: Path | None = None
        self.snapshot: StationSnapshot = self.simulation.snapshot(ctx.language)
        self.modules: list[MapModule] = []
        self.pending: list[PendingOrder] = []  # orders waiting for the next step, marked on the map
        self.readings: list[Reading] = []  # the resource bar's cells for this snapshot, in the player's language
        # Indexes for module_at and the map, not game state: the module (its place in `modules`) on each tile, and
        # each module as the map shows it, made once for each state it is seen in.
        self._module_cells: dict[tuple[int, int], int] = {}
        self._places: list[tuple[int, int, tuple[int, int]]] = []
        self._map_modules: dict[ModuleView, MapModule] = {}
        self.take_snapshot()

    @property
    def has_unsaved_progress(self) -> bool:
        return not self.handed_over and self.simulation.has_unsaved_progress

    def take_snapshot(self) -> None:
        """Reads the simulation after a step: what the map, the bar and the panels show until the next one."""
        self.snapshot = self.simulation.snapshot(self.ctx.language)
        self.modules = self._modules_for(self.snapshot.modules)
        places = [(module.x, module.y, module.footprint) for module in self.modules]
        if places != self._places:  # a module came or went: most hours only states change
            self._places = places
            self._module_cells = {tile: index for index, module in enumerate(self.modules) for tile in module.cells()}
        self.history.record(self.snapshot.hour, snapshot_values(self.snapshot))
        self.see_pending_orders()

    def see_pending_orders(self) -> None:
        """Reads the orders still waiting for time to run (none after a step applied them), then words the bar."""
        corners = {(module.x, module.y): (module.module_id, module.shape, module.footprint) for module in self.modules}
        self.pending = pending_orders(self.simulation.pending_commands, self.catalog, corners)
        self.word_readings()

    @property
    def spendable(self) -> float:
        """The budget less what the waiting orders will take when time runs: what the player can still order."""
        return self.snapshot.budget - ordered_cost(self.pending)

    def word_readings(self) -> None:
        """The resource bar's cells in the player's language (again after the language changed)."""
        self.readings = resource_readings(self.snapshot, self.history, self.ctx.tr, ordered_cost(self.pending))

    def module_at(self, cell: tuple[int, int]) -> MapModule | None:
        index = self._module_cells.get(cell)
        return None if index is None else self.modules[index]

    def _modules_for(self, views: Sequence[ModuleView]) -> list[MapModule]:
        """The snapshot's modules as the map shows them, each made once for each state it is seen in."""
        made = self._map_modules
        if len(made) > 8 * len(views) + 64:  # modules come, go and change: keep the index from growing forever
            made.clear()
        modules = []
        for view in views:
            module = made.get(view)
            if module is None:
                module = made[view] = map_module(view, self.catalog)
            modules.append(module)
        return modules

    def time_at(self, hour: float) -> dt.datetime:
        return dt.datetime.combine(self.level.start_date, dt.time()) + dt.timedelta(hours=hour)

    def when(self, hour: float | None = None) -> str:
        """The log's time stamp, '7 Apr 22:00' ('7 апр. 22:00', '4月7日 22:00'), for `hour` (now when None): the
        month in the player's language (strftime's %b wrote 'Apr' in every language)."""
        moment = self.time_at(self.snapshot.hour if hour is None else hour)
        return f"{format_day_and_month(moment.date(), self.ctx.language)} {moment:%H}:00"

    def _word_log_line(self, said: Said) -> LogLine:
        """What the log was told, in the player's language now: an event as its log sentence, a note translated."""
        entry = log_entry(said.said, self.level, self.catalog, self.ctx.language, self.ctx.tr)
        if entry is not None:
            text = entry.text
        else:  # a note: a `say()` message keeps its pattern to translate; other text shows as it is
            text = self.ctx.tr(said.said) if isinstance(said.said, str) else str(said.said)
        return LogLine(self.when(said.hour), text, said.warning, said.alarm)

    # --- orders ----------------------------------------------------------------------------------

    def queue(self, command: Command, note: Message | None = None) -> None:
        """Sends a command to the simulation (applied at the next step), logs `note` (a `say()` message, worded in
        the player's language whenever the log is shown: a sentence worded once would stay in that language), and
        autosaves."""
        self.simulation.queue(command)
        if note is None and isinstance(command, PlaceModule):
            spec = self.catalog.modules.get(command.module)
            note = say("{module} ordered.", module=spec.name if spec else command.module)
        if note:
            self.log.add(self.snapshot.hour, note)
        self.see_pending_orders()
        self.autosave()  # every command is a decision point

    # --- saves -----------------------------------------------------------------------------------

    def quick_save(self) -> Path | None:
        return self._save(autosave=False)

    def autosave(self) -> Path | None:
        return self._save(autosave=True)

    def _save(self, autosave: bool) -> Path | None:
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

    def trigger_hint(self, when: str) -> None:
        if not self.hints.waiting(when):
            return  # checked every step: skip gathering the map when no hint could show
        occupied = set(self._module_cells)
        powered = [cell for module in self.modules if module.conducts_power or module.is_cable
                   for cell in module.cells()]
        keys = {action: key_label(self.ctx.settings.key_name(action)) for action in STATION_ACTIONS}
        self.hints.trigger(when, self.grid, self.catalog, occupied, powered, keys)

    def watch_for_hints(self) -> None:
        snapshot = self.snapshot
        if not self.hints.specs:
            return
        if snapshot.hour >= 48:
            self.trigger_hint("day_two")
        past = self.history.day_ago(snapshot.hour)
        if past and snapshot.energy_wh < past[1].get("energy", 0.0) * 0.97:
            self.trigger_hint("energy_falling")

    # --- the end ---------------------------------------------------------------------------------

    def hand_over(self) -> Simulation:
        """Gives the simulation to the screen that comes next (the debrief), which closes it."""
        self.handed_over = True
        return self.simulation

    def close(self) -> None:
        if not self.handed_over:
            self.simulation.close()
            self.handed_over = True  # closed: nothing is left to hand over, or to close twice
