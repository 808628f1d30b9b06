"""The landing screen: fly a level's landing (or watch the autopilot or a replay), then read its grade and plot.

The scene owns the flight (its session, clock, particles, sounds and aids) and what happens after it (export,
save, fly again, leave); `flight_layout` places the parts around the flight (pure), `flight_input.handle` turns
events into controls and verbs, and `flight_drawing.draw` only reads.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pygame
from pygame_gui.elements import UIButton
from pygame_gui.windows import UIConfirmationDialog

from game import paths
from game.clock import FixedStepClock
from game.content.difficulty import with_difficulty
from game.content.loader import LoadedLevel
from game.content.message import say
from game.content.models import LandingAssists
from game.content.problems import ContentError
from game.content.ui_text import to_translate
from game.landing.craft import CraftShape
from game.landing.flight import STEP_S
from game.landing.recorder import FlightRecording, replay_pilot
from game.landing.run import LandingResult
from game.landing.scenario import Scenario, problem_text, scenario_for
from game.landing.session import LandingSession
from game.render.landing_hud import (
    TextCache,
    touchdown_cues,
    worst,
)
from game.render.landing_particles import DUST_REACH_M, Particles
from game.render.landing_result import GRADE_WORDS, result_facts
from game.render.landing_view import (
    GroundShade,
)
from game.scenes.context import SceneContext
from game.scenes.landing import flight_drawing, flight_input
from game.scenes.landing.flight_drawing import FlightPictures, cargo_name
from game.scenes.landing.flight_layout import ResultText, result_buttons, result_text
from game.scenes.landing.flight_sounds import FlightSounds, find_audio
from game.scenes.landing.sound_aids import LandingAids
from game.scenes.scene import Pop, Replace, SceneBase, Transition
from game.settings import Settings
from game.ui.confirm_dialog import Question, open_confirm_dialog
from game.ui.flight_input import FlightInput, FlightKeys, open_gamepads
from game.ui.widget_set import WidgetSet

Phase = Literal["flying", "finished", "left", "error"]
ABANDON = Question(
    to_translate("Abandon this landing?"), to_translate("The lander and its cargo will be lost, as in a crash."),
    to_translate("Abandon"),
)
# The result's buttons, found by these English names and shown translated.
RESULT_BUTTONS = (to_translate("Export CSV"), to_translate("Save recording"), to_translate("Fly again"),
                  to_translate("Continue"))
# Sound the alarm when a touchdown now would crash and the ground is this close.
ALARM_ALTITUDE_M = 40.0
EXHAUST_PER_STEP = 3
DUST_PER_STEP = 6
TOUCHDOWN_DUST = 40
BUTTON_HEIGHT = 54
# What the settings' larger target means when switched on (a game value): a target twice as wide.
SETTINGS_TARGET_SCALE = 2.0


def flights_dir() -> Path:
    """Where exported CSV tables of flights go."""
    return paths.user_data_dir() / "flights"


def recordings_dir() -> Path:
    """Where replayable flight records (JSON) go, and where practice looks for them."""
    return paths.user_data_dir() / "recordings"


def _stamp() -> str:
    return f"{dt.datetime.now():%Y%m%d-%H%M%S}"


def assists_with_settings(assists: LandingAssists, settings: Settings) -> LandingAssists:
    """The level's (or practice's) assists with the player's own added: either one turns an assist on."""
    return LandingAssists(
        attitude_hold=assists.attitude_hold or settings.assist_attitude_hold,
        suggested_burn=assists.suggested_burn or settings.assist_suggested_burn,
        slow_motion=min(assists.slow_motion, settings.landing_time_scale),
        target_scale=max(assists.target_scale, SETTINGS_TARGET_SCALE) if settings.assist_larger_target
        else assists.target_scale,
    )


@dataclass(frozen=True, slots=True)
class FlightOptions:
    """How a landing is flown, beyond the level: what "Fly again" repeats with the next seed."""

    cargo: str | None = None
    seed: int = 0
    gravity: float | None = None
    max_thrust_n: float | None = None
    assists: LandingAssists | None = None
    autopilot: bool = False
    world_name: str | None = None


class LandingScene(SceneBase):
    """Flies the level's landing with `cargo` until it ends, then shows the grade, its reasons and the plot.

    Enter (or Continue) calls `on_finished(result)` and pops. Esc abandons after a question (graded a
    crash, also passed to `on_finished`). `gravity` and `max_thrust_n` are practice's "what if" values,
    `assists` replace the level's, `autopilot` starts with the autopilot flying, and `replay` flies a
    recorded command list again (its own seed, craft, cargo, gravity, thrust and assists).
    """

    def __init__(
        self,
        ctx: SceneContext,
        loaded: LoadedLevel,
        *,
        cargo: str | None = None,
        seed: int = 0,
        practice: bool = False,
        on_finished: Callable[[LandingResult], None] | None = None,
        gravity: float | None = None,
        max_thrust_n: float | None = None,
        assists: LandingAssists | None = None,
        autopilot: bool = False,
        replay: FlightRecording | None = None,
        world_name: str | None = None,
    ):
        self.ctx = ctx
        self.loaded = loaded
        self.practice = practice
        self.on_finished = on_finished
        self.options = FlightOptions(cargo, seed, gravity, max_thrust_n, assists, autopilot, world_name)
        self.replaying = replay is not None
        self.world_name = world_name
        self.phase: Phase = "flying"
        self.error = ""
        self.input = FlightInput(keys=FlightKeys.from_settings(ctx.settings))
        self.clock = FixedStepClock(steps_per_second=1.0 / STEP_S)
        self.texts = TextCache()
        self.pictures = FlightPictures()  # the sky and the plot, kept between frames
        self.result: LandingResult | None = None
        self.result_scroll = 0  # the first line of the result's reasons in view, where they need more room
        self.dialog: UIConfirmationDialog | None = None
        self.buttons: WidgetSet[UIButton] = WidgetSet()
        self.alarm_sounded = False
        self.reported = False
        self.sounds = FlightSounds(None)
        self.aids: LandingAids | None = None  # the tones and call-outs, made on entering (they need the audio)
        # Comfort: no exhaust or dust, and a steady flame (the flight itself is the same).
        self.reduced_motion = ctx.settings.reduced_motion
        try:
            self.session = self._start(loaded, replay)
        except (ValueError, ContentError) as error:
            self.phase = "error"
            self.error = problem_text(error)
            return
        scenario = self.session.scenario
        self.shape = CraftShape.of(scenario.lander)
        self.shade = GroundShade.of(scenario.ground)
        self.particles = Particles(scenario.gravity_m_s2, scenario.ground.height_at, scenario.seed)
        self.slow_motion = scenario.assists.slow_motion

    def _start(self, loaded: LoadedLevel, replay: FlightRecording | None) -> LandingSession:
        level, catalog = with_difficulty(*loaded.require(), self.ctx.settings.difficulty)
        options = self.options
        if replay is not None:
            if replay.level_id and replay.level_id != level.id:
                raise ValueError(say("The flight record is of level '{recorded}', not '{level}'.",
                                     recorded=replay.level_id, level=level.id))
            scenario = scenario_for(
                level, catalog, replay.seed, cargo=replay.cargo, lander=replay.lander, gravity=replay.gravity_m_s2,
                max_thrust_n=replay.max_thrust_n, assists=replay.assists,
            )
            return LandingSession(scenario, level.id, replay_pilot(replay.commands))
        # A replay keeps its recorded assists (above); a new flight adds the player's from the settings.
        chosen = options.assists
        if chosen is None:
            chosen = level.landing.assists if level.landing is not None else LandingAssists()
        scenario = scenario_for(
            level, catalog, options.seed, cargo=options.cargo, gravity=options.gravity,
            max_thrust_n=options.max_thrust_n, assists=assists_with_settings(chosen, self.ctx.settings),
        )
        session = LandingSession(scenario, level.id)
        session.use_autopilot(options.autopilot)
        return session

    @property
    def scenario(self) -> Scenario:
        return self.session.scenario

    # --- the Scene protocol ----------------------------------------------------------------------

    @property
    def has_unsaved_progress(self) -> bool:
        return self.phase == "flying" and not self.replaying

    @property
    def alpha(self) -> float:
        return self.clock.alpha if self.phase == "flying" else 1.0

    def keys_hint(self) -> str:
        """The controls as bound in the settings, for the band at the foot."""
        return self.ctx.tr("Replay: Esc leaves") if self.replaying else self.input.keys.help_line(self.ctx.tr)

    def handle(self, event: pygame.event.Event) -> Transition | None:
        return flight_input.handle(event, self)

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        flight_drawing.draw(surface, self, alpha)

    def enter(self) -> None:
        self.input.gamepads = open_gamepads()
        if self.phase == "flying":
            self.sounds = FlightSounds(find_audio(self.ctx))
            if self.aids is None:
                self.aids = LandingAids(self.ctx.audio, self.ctx.settings, self.scenario.lander.propellant_kg)
                self.aids.prepare()
        elif self.phase == "finished":
            self.build_result_widgets()

    def exit(self) -> None:
        self.sounds.silence()
        if self.aids is not None:
            self.aids.silence()
        self.input.release_all()
        self.close_dialog()
        self.buttons.kill()

    def update(self, dt: float) -> Transition | None:
        if self.phase == "error":
            return None
        if self.phase == "finished":
            self.particles.step(dt)
            if self.aids is not None:
                self.aids.after(dt)
            return None
        if self.phase != "flying":
            return None
        if self.dialog is None:
            for _ in range(self.clock.advance(dt * self.slow_motion)):
                self._step()
                if self.session.finished:
                    self._finish()
                    return None
        if self.aids is not None:  # after the steps, once a frame: no sound is made inside the physics
            self.aids.frame(self.session.seen, dt, running=self.dialog is None and not self.clock.paused)
        return None

    # --- flying ----------------------------------------------------------------------------------

    def _step(self) -> None:
        """One fixed step of the flight, its particles and its sounds."""
        session = self.session
        command = None if session.pilot is not None else self.input.command(session.seen, STEP_S)
        was_down = session.touched_down
        session.step(command)
        seen = session.seen
        thrust = session.flight.last_thrust_n
        share = thrust / self.scenario.lander.max_thrust_n if thrust > 0.0 else 0.0
        x, y, angle = session.pose
        ground = self.scenario.ground
        if share > 0.0 and not self.reduced_motion:
            bottom = self.shape.hull[0][1]
            nozzle_y = bottom - (self.shape.hull[2][1] - bottom) * 0.38
            nozzle = (x - nozzle_y * math.sin(angle), y + nozzle_y * math.cos(angle))
            self.particles.emit_exhaust(nozzle, angle, share, EXHAUST_PER_STEP)
            if seen.altitude_m < DUST_REACH_M:
                self.particles.emit_dust(x, ground.height_at(x), max(0.0, seen.altitude_m), share, DUST_PER_STEP)
        if session.touched_down and not was_down:
            if not self.reduced_motion:
                self.particles.emit_dust(x, ground.height_at(x), 0.0, 1.0, TOUCHDOWN_DUST)
            self.sounds.touchdown()
        self.particles.step(STEP_S)
        self.sounds.engine(share > 0.0)
        danger = worst(touchdown_cues(seen, self.scenario.grading)) == "crash"
        if danger and 0.0 < seen.altitude_m < ALARM_ALTITUDE_M and not session.touched_down:
            if not self.alarm_sounded:
                self.sounds.alarm()
                self.alarm_sounded = True
        else:
            self.alarm_sounded = False

    def _finish(self) -> None:
        self.result = self.session.result
        self.phase = "finished"
        self.sounds.silence()
        if self.aids is not None and self.result is not None:
            self.aids.ended(self.result.grade.name)
        self.input.release_all()
        self.build_result_widgets()

    def ask_to_abandon(self) -> None:
        self.input.release_all()
        self.dialog = open_confirm_dialog(self.ctx.ui, self.ctx.ui.window_resolution, ABANDON, self.ctx.tr)

    def close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.kill()
        self.dialog = None

    def abandon(self) -> Transition:
        """Ends the flight as lost, reports it and leaves."""
        self.result = self.session.abandon()
        return self.leave()

    def leave(self) -> Transition:
        self.phase = "left"
        self.sounds.silence()
        if self.aids is not None:
            self.aids.silence()
        if self.result is not None and self.on_finished is not None and not self.reported:
            self.reported = True
            self.on_finished(self.result)
        return Pop()

    # --- after the flight ------------------------------------------------------------------------

    def build_result_widgets(self) -> None:
        """After the flight: export, save the recording, fly again (practice) and Continue."""
        tr = self.ctx.tr
        names = ["Export CSV", "Save recording"] + (["Fly again"] if self.practice else []) + ["Continue"]
        rects = result_buttons(self.ctx.ui.window_resolution, self.ctx.fonts, {name: tr(name) for name in names})
        self.buttons.build({name: UIButton(rects[name], tr(name), self.ctx.ui) for name in names})

    def result_text(self) -> ResultText:
        """Where the result's reasons and facts go, scrolled to where the player left them."""
        assert self.result is not None, "only after the flight"
        tr = self.ctx.tr
        reasons = [tr(reason) for reason in self.result.grade.reasons]  # whole sentences (messages), translated
        facts = result_facts(self.result, cargo_name(self, self.result), tr)
        buttons = [button.rect for button in self.buttons.values()]
        return result_text(self.ctx.ui.window_resolution, self.ctx.fonts, tr(GRADE_WORDS[self.result.grade.name]),
                           reasons, facts, buttons, self.result_scroll, tr)

    def scroll_result(self, lines: int) -> None:
        """Moves the result's reasons and facts by `lines` (down when positive), never past either end."""
        window = self.result_text().window
        self.result_scroll = max(0, min(window.first + lines, window.last_first))

    def fly_again(self) -> Transition:
        self.phase = "left"
        options = self.options
        again = LandingScene(
            self.ctx, self.loaded, cargo=options.cargo, seed=options.seed + 1, practice=True,
            on_finished=self.on_finished, gravity=options.gravity, max_thrust_n=options.max_thrust_n,
            assists=options.assists, autopilot=options.autopilot, world_name=options.world_name,
        )
        return Replace(again)

    def export_csv(self) -> Path | None:
        """Writes the flight's table to the user's flights folder and says where; None when it failed."""
        path = flights_dir() / f"landing-{self.session.recording.level_id or 'flight'}-{_stamp()}.csv"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.session.recording.write_csv(path)
        except OSError as error:
            self.ctx.notices.show(self.ctx.tr("The flight could not be saved as CSV: {error}", error=error))
            return None
        self.ctx.notices.show(self.ctx.tr("Flight saved as CSV: {path}", path=path))
        return path

    def save_recording(self) -> Path | None:
        """Writes the replayable record (JSON) to the user's recordings folder and says where."""
        recording = self.session.recording
        path = recordings_dir() / f"landing-{recording.level_id or 'flight'}-seed{recording.seed}-{_stamp()}.json"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            recording.write(path)
        except OSError as error:
            self.ctx.notices.show(self.ctx.tr("The recording could not be saved: {error}", error=error))
            return None
        self.ctx.notices.show(self.ctx.tr("Recording saved: {file} in {folder}", file=path.name, folder=path.parent))
        return path

    # --- drawing ---------------------------------------------------------------------------------
