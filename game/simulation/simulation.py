"""One run of a level: its own esper world, a fixed step of one game hour, commands in, events out.

A run is a pure function of (level, seed, commands): the same inputs give the same state hash.
This is the simulation's one door: screens, the command line and the automated player queue commands
(or `act` on one and read its answer), step, and read views; none of them touches the world.
"""

from __future__ import annotations

import hashlib
import json
import random
import uuid
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

import esper

from game.content.catalog import Catalog
from game.content.difficulty import DEFAULT_PRESET
from game.content.message import say
from game.content.models import Level
from game.ecs.commands import LANDING_MODES, Command, SetLandingMode, command_to_json
from game.ecs.components import Module, PowerState
from game.ecs.events import GameEvent, LandingResolved, LevelEnded
from game.ecs.resources import SimContext, Station
from game.ecs.world_builder import populate_world
from game.rules.grid import SiteGrid
from game.rules.hours import HOURS_PER_DAY
from game.rules.negotiation import Evaluation, Offer, evaluate, offer_problem
from game.rules.objectives import MET
from game.rules.score import ScoreCard, score
from game.simulation.finite_guard import first_unfinite
from game.simulation.history import DaySample, sample
from game.simulation.preview import PlacementPreview, preview_placement
from game.simulation.schedule import install_systems
from game.simulation.views import ModuleView, StationSnapshot, module_view, snapshot_to_json, station_snapshot
from game.systems.agreements import partners_by_id, programme_state
from game.systems.commands import refund_for
from game.systems.construction import linked_to_pad


@dataclass(frozen=True, slots=True)
class LandingRecord:
    day: float
    grade: str
    modules: tuple[str, ...]


class Simulation:
    """A level being played or simulated. Every call switches to this run's own esper world first."""

    def __init__(self, level: Level, catalog: Catalog, seed: int | None = None, difficulty: str = DEFAULT_PRESET):
        """`level` and `catalog` as the run plays them: already tuned to `difficulty` (game.content.difficulty)."""
        if catalog.moon is None:
            raise ValueError("the catalog has no [moon] constants")
        self.level = level
        self.catalog = catalog
        self.difficulty = difficulty  # recorded in saves and results; the figures are already in level and catalog
        self.seed = level.seed if seed is None else seed
        # A name no other run can ever have (id() is reused once a run is collected, and a reused name would
        # hand a new run the old run's leftover entities); the finalizer deletes the world of a run nobody closed.
        self.world_name = f"lunar-station-run-{uuid.uuid4().hex}"
        self._release_world = weakref.finalize(self, _delete_world, self.world_name)
        self.command_log: list[tuple[int, Command]] = []
        self.has_unsaved_progress = False
        start = level.start
        station = Station(
            budget=start.budget,
            funding_per_year=start.funding_per_year,
            crew=start.crew,
            resources={name: amount for name, amount in start.resources.items()},
            lowest_budget=start.budget,
        )
        self.ctx = SimContext(
            level=level,
            catalog=catalog,
            moon=catalog.moon,
            grid=SiteGrid.from_site(level.site, catalog.tiles, catalog.moon),
            rng=random.Random(self.seed),
            station=station,
            seed=self.seed,
        )
        esper.switch_world(self.world_name)
        populate_world(self.ctx)
        install_systems(self.ctx)
        self._history: list[DaySample] = [sample(self.ctx)]
        self._landings: list[LandingRecord] = []

    # -- running --
    @property
    def hour(self) -> int:
        return self.ctx.station.hour

    @property
    def landing_mode(self) -> str:
        """"autopilot" lands each delivery as it arrives; "player" makes it wait for a ResolveLanding command.

        Switched like everything else, by a SetLandingMode command, which the command system applies at the start
        of the next hour (and a replay at the same hour); until then this answers with the mode it switches to,
        so the screen that asked for it reads its own choice.
        """
        queued = [command.mode for command in self.ctx.pending_commands
                  if isinstance(command, SetLandingMode) and command.mode in LANDING_MODES]
        return queued[-1] if queued else self.ctx.landing_mode

    @property
    def ended(self) -> bool:
        return self.ctx.station.outcome != "playing"

    @property
    def pending_commands(self) -> tuple[Command, ...]:
        """The commands queued and not yet applied (they are, at the start of the next step): a paused screen
        shows them as orders waiting for time to run."""
        return tuple(self.ctx.pending_commands)

    def queue(self, command: Command) -> None:
        """Applied at the start of the next step (by the command system), and logged so the run can be replayed."""
        self.ctx.pending_commands.append(command)
        self.command_log.append((self.hour, command))
        self.has_unsaved_progress = True

    def act(self, command: Command) -> list[GameEvent]:
        """Queues `command` and runs the game hour that applies it; returns that hour's events.

        `answer_to(command, events)` (game.ecs.events) finds its answer among them: a partner's reply, what
        was built, or the refusal. A finished level no longer changes, so it answers nothing.
        """
        self.queue(command)
        return self.step()

    def step(self) -> list[GameEvent]:
        """Runs one game hour and returns what happened in it. A finished level no longer changes."""
        if self.ended:
            return []
        esper.switch_world(self.world_name)
        self.ctx.emitted = []
        esper.process()
        whole_day = self.ctx.station.hour % HOURS_PER_DAY == HOURS_PER_DAY - 1
        if not self.ended and first_unfinite(self.ctx, components_too=whole_day) is not None:
            # The level format keeps every number in range, so this cannot happen; if it ever does, the run ends
            # with a sentence rather than show NaN or infinity to the player or write them to a save.
            self.ctx.station.outcome = "lost"
            self.ctx.emit(LevelEnded(False, say("The station's accounts grew beyond what the game can count, so "
                                                "the run ends here.")))
        self.ctx.station.hour += 1
        if self.ctx.station.hour % HOURS_PER_DAY == 0 or self.ended:
            self._history.append(sample(self.ctx))
        self._landings += [LandingRecord(self.hour / HOURS_PER_DAY, event.grade, event.modules)
                           for event in self.ctx.emitted if isinstance(event, LandingResolved)]
        self.has_unsaved_progress = True
        return self.ctx.emitted

    def run_hours(self, hours: int, commands: Iterable[tuple[int, Command]] = ()) -> list[GameEvent]:
        """Steps `hours` times (or until the level ends), queuing each command at its hour."""
        by_hour: dict[int, list[Command]] = {}
        for hour, command in commands:
            by_hour.setdefault(hour, []).append(command)
        events: list[GameEvent] = []
        for _ in range(hours):
            for command in by_hour.pop(self.hour, []):
                self.queue(command)
            if self.ended:
                break
            events += self.step()
        return events

    def close(self) -> None:
        """Deletes this run's esper world."""
        self._release_world()

    # -- reading --
    def snapshot(self, language: str = "en") -> StationSnapshot:
        """What the screen shows, as a frozen copy; `language` words the names and goals."""
        esper.switch_world(self.world_name)
        return station_snapshot(self.ctx, language)

    # -- asking before doing --
    def preview(self, module_id: str, x: int, y: int, rotated: bool = False) -> PlacementPreview:
        """Whether PlaceModule(module_id, x, y, rotated), queued now, would be accepted after the orders already
        waiting; why not; and soft warnings."""
        esper.switch_world(self.world_name)
        return preview_placement(self.ctx, module_id, x, y, rotated)

    def module_at(self, x: int, y: int, language: str = "en") -> ModuleView | None:
        """The module covering tile (x, y), or None for open ground."""
        entity = self.ctx.occupied.get((x, y))
        if entity is None:
            return None
        esper.switch_world(self.world_name)
        module, power = esper.component_for_entity(entity, Module), esper.component_for_entity(entity, PowerState)
        return module_view(self.ctx, entity, module, power, language, linked_to_pad(self.ctx))

    def demolish_refund(self, x: int, y: int) -> float | None:
        """Credits a Demolish at (x, y) would give back; None when nothing there can be taken down."""
        entity = self.ctx.occupied.get((x, y))
        if entity is None:
            return None
        esper.switch_world(self.world_name)
        return refund_for(self.ctx, entity)

    def evaluate_offer(self, partner_id: str, offer: Offer) -> Evaluation:
        """How the partner weighs `offer` now, with its reasons; changes nothing and spends no patience.

        Problems that stop the offer being made at all come back first in `blocked`.
        """
        esper.switch_world(self.world_name)
        partner = partners_by_id()[partner_id]  # KeyError: the screens only offer the level's partners
        evaluation = evaluate(offer, partner.spec, partner.trust, programme_state(self.ctx))
        problem = offer_problem(offer)
        if problem is None:
            return evaluation
        # A whole sentence around the rules' clause, so it translates (rather than capitalising English).
        return replace(evaluation, blocked=(say("This offer cannot be made: {problem}.", problem=problem),
                                            *evaluation.blocked))

    @property
    def facts_seen(self) -> tuple[str, ...]:
        """The ids of the level's facts its events have shown so far, in the order they came."""
        return tuple(self.ctx.station.facts_seen)

    @property
    def history(self) -> tuple[DaySample, ...]:
        """One sample per game-day, day 0 first, for the debrief's graphs (not part of the state hash)."""
        return tuple(self._history)

    @property
    def landings(self) -> tuple[LandingRecord, ...]:
        """Every landing of the run with its grade, in order, for the teacher's results (not part of the hash)."""
        return tuple(self._landings)

    def score(self) -> ScoreCard:
        """The debrief's score; the formula is in game/rules/score.py."""
        station = self.ctx.station
        met = sum(1 for status in station.goals.values() if status == MET)
        return score(met, len(self.level.goals), sum(station.science.values()), station.budget,
                     station.hour / HOURS_PER_DAY, self.level.time_limit_days, station.outcome == "won")

    def state_hash(self) -> str:
        """A fingerprint of the whole state: equal hashes mean equal runs."""
        snapshot = self.snapshot()
        data: dict[str, Any] = {
            "snapshot": _rounded(snapshot_to_json(snapshot)),
            "fired": self.ctx.station.events_fired,
            "facts": self.ctx.station.facts_seen,
            "rng": hashlib.sha256(repr(self.ctx.rng.getstate()).encode()).hexdigest(),
            "commands": [(hour, command_to_json(command)) for hour, command in self.command_log],
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _rounded(value: Any) -> Any:
    """Rounds floats so a hash does not hinge on the last bit of a sum's order."""
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(item) for item in value]
    return value


def _delete_world(name: str) -> None:
    """Deletes a run's esper world; esper refuses to delete the current world, so step off it first."""
    if esper.current_world == name:
        esper.switch_world("default")
    if name in esper.list_worlds():
        esper.delete_world(name)
