"""The landing screen: fly a level's landing (or watch the autopilot or a replay), then read its grade and plot."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pygame
import pygame_gui
from pygame_gui.elements import UIButton
from pygame_gui.windows import UIConfirmationDialog

from game import paths
from game.clock import FixedStepClock
from game.content.difficulty import with_difficulty
from game.content.loader import LoadedLevel
from game.content.message import Message, say
from game.content.models import LandingAssists
from game.content.problems import ContentError
from game.content.text import translate
from game.content.ui_text import to_translate
from game.landing.craft import CraftShape
from game.landing.flight import STEP_S
from game.landing.recorder import FlightRecording, replay_pilot
from game.landing.run import LandingResult
from game.landing.scenario import Scenario, problem_text, scenario_for
from game.landing.session import LandingSession
from game.render import palette
from game.render.fonts import scaled
from game.render.landing_camera import SideCamera
from game.render.landing_hud import (
    TextCache,
    cue_colours,
    draw_banner,
    draw_flight_marks,
    draw_help_band,
    draw_instruments,
    draw_touchdown_cue,
    help_band_height,
    touchdown_cues,
    worst,
)
from game.render.landing_particles import DUST_REACH_M, Particles
from game.render.landing_plot import render_flight_plot
from game.render.landing_result import draw_result
from game.render.landing_view import (
    GroundShade,
    draw_ground,
    draw_lander,
    draw_lander_shadow,
    draw_target,
    render_sky,
)
from game.render.sound_panel import draw_sound_panel
from game.render.text import draw_paragraph, draw_text, fit_text
from game.scenes.context import SceneContext
from game.scenes.landing.flight_sounds import FlightSounds, find_audio
from game.scenes.landing.sound_aids import CALLOUT_WORDS, EVENT_WORDS, LandingAids
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
        self.sky: pygame.Surface | None = None
        self.plot: pygame.Surface | None = None
        self.result: LandingResult | None = None
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

    def enter(self) -> None:
        self.sky = self._render_sky(self.ctx.ui.window_resolution)
        self.input.gamepads = open_gamepads()
        if self.phase == "flying":
            self.sounds = FlightSounds(find_audio(self.ctx))
            if self.aids is None:
                self.aids = LandingAids(self.ctx.audio, self.ctx.settings, self.scenario.lander.propellant_kg)
                self.aids.prepare()
        elif self.phase == "finished":
            self._build_result_widgets()

    def exit(self) -> None:
        self.sounds.silence()
        if self.aids is not None:
            self.aids.silence()
        self.input.release_all()
        self._close_dialog()
        self.buttons.kill()

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.VIDEORESIZE:
            self.sky = self._render_sky((event.w, event.h))
            if self.phase == "finished":
                self._build_result_widgets()
            return None
        if event.type == pygame.WINDOWFOCUSLOST:
            self.input.release_all()
            return None
        if self.phase == "error":
            if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER):
                self.phase = "left"
                return Pop()
            return None
        if self.dialog is not None:
            return self._handle_dialog(event)
        if self.phase == "finished":
            return self._handle_finished(event)
        if self.phase != "flying":
            return None
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                if self.replaying:  # nothing is at stake in a replay: leave at once
                    self.phase = "left"
                    return Pop()
                self._ask_to_abandon()
                return None
            keys = self.input.keys
            if keys.is_key("pause_flight", event.key):
                self.clock.speed = 0 if self.clock.speed else 1
                self.input.release_all()
                return None
            if keys.is_key("autopilot", event.key) and not self.replaying:
                self.session.use_autopilot(self.session.pilot is None)
                return None
        if event.type == pygame.JOYBUTTONDOWN and event.button in (6, 7):  # Back/Start on most pads
            self.clock.speed = 0 if self.clock.speed else 1
            return None
        self.input.handle(event)
        return None

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
        self._build_result_widgets()

    def _ask_to_abandon(self) -> None:
        self.input.release_all()
        self.dialog = open_confirm_dialog(self.ctx.ui, self.ctx.ui.window_resolution, ABANDON, self.ctx.tr)

    def _handle_dialog(self, event: pygame.event.Event) -> Transition | None:
        confirmed = event.type == pygame_gui.UI_CONFIRMATION_DIALOG_CONFIRMED and event.ui_element is self.dialog
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            confirmed = True
        if confirmed:
            self._close_dialog()
            return self.abandon()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self._close_dialog()
        elif self.dialog is not None and not self.dialog.alive():
            self.dialog = None  # closed with its own Cancel or × button
        return None

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.kill()
        self.dialog = None

    def abandon(self) -> Transition:
        """Ends the flight as lost, reports it and leaves."""
        self.result = self.session.abandon()
        return self._leave()

    def _leave(self) -> Transition:
        self.phase = "left"
        self.sounds.silence()
        if self.aids is not None:
            self.aids.silence()
        if self.result is not None and self.on_finished is not None and not self.reported:
            self.reported = True
            self.on_finished(self.result)
        return Pop()

    # --- after the flight ------------------------------------------------------------------------

    def _build_result_widgets(self) -> None:
        self.buttons.kill()
        width, height = self.ctx.ui.window_resolution
        scale = self.ctx.fonts.scale
        button_height = scaled(BUTTON_HEIGHT, min(scale, 1.5))  # room for the text, no taller
        names = ["Export CSV", "Save recording"]
        if self.practice:
            names.append("Fly again")
        # Each as wide as its words (the theme's 24 px bold, grown with the UI scale); Continue stands at the
        # right. When large text leaves no room for one row, the others take a second row above it.
        font = self.ctx.fonts.bold(24)
        tr = self.ctx.tr
        widths = {name: max(scaled(170, min(scale, 1.5)), font.size(tr(name))[0] + 40) for name in [*names, "Continue"]}
        one_row = sum(widths.values()) + 16 * len(names) <= width - 80
        bottom = height - button_height - 16
        x, y = 40, bottom if one_row else bottom - button_height - 12
        for name in names:
            self.buttons[name] = UIButton(pygame.Rect(x, y, widths[name], button_height), tr(name), self.ctx.ui)
            x += widths[name] + 16
        done = pygame.Rect(0, bottom, widths["Continue"], button_height)
        done.right = width - 40
        self.buttons["Continue"] = UIButton(done, tr("Continue"), self.ctx.ui)
        self.plot = None  # drawn again at the new size

    def _handle_finished(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE):
                return self._leave()
            if event.key == pygame.K_e:
                self.export_csv()
            elif event.key == pygame.K_r:
                self.save_recording()
            elif event.key == pygame.K_f and self.practice:
                return self._fly_again()
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            pressed = self.buttons.name_of(event.ui_element)
            if pressed == "Continue":
                return self._leave()
            if pressed == "Export CSV":
                self.export_csv()
            elif pressed == "Save recording":
                self.save_recording()
            elif pressed == "Fly again":
                return self._fly_again()
        return None

    def _fly_again(self) -> Transition:
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

    def _render_sky(self, size: tuple[int, int]) -> pygame.Surface:
        view_height = size[1] - help_band_height(self.ctx.fonts, self._keys_hint(), size[0])
        return render_sky(size, colours=self.ctx.palette, view_height=view_height)

    def camera(self, size: tuple[int, int], alpha: float) -> SideCamera:
        """The view follows the lander above the keys' help band, so the band never hides the pad or the feet."""
        x, y, _ = self.session.interpolated_pose(alpha)
        above_help = (size[0], size[1] - help_band_height(self.ctx.fonts, self._keys_hint(), size[0]))
        return SideCamera.following(x, y, self.session.seen.altitude_m, self.scenario.ground, above_help)

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        size = surface.get_size()
        colours = self.ctx.palette
        if self.sky is None or self.sky.get_size() != size:
            self.sky = self._render_sky(size)
        surface.blit(self.sky, (0, 0))
        if self.phase == "error":
            self._draw_error(surface)
            return
        session = self.session
        scenario = self.scenario
        pose = session.interpolated_pose(alpha)
        camera = self.camera(size, alpha)
        ground = scenario.ground
        good = scenario.grading.good.distance_m
        draw_ground(surface, camera, ground, self.shade)
        draw_target(surface, camera, ground, None if good is None else good * scenario.assists.target_scale,
                    colours.accent)
        half_width = (self.shape.hull[1][0] - self.shape.hull[0][0]) / 2
        draw_lander_shadow(surface, camera, ground, pose, half_width)
        self.particles.draw(surface, camera)
        thrust = session.flight.last_thrust_n
        share = thrust / scenario.lander.max_thrust_n if thrust > 0.0 and self.phase == "flying" else 0.0
        draw_lander(surface, camera, self.shape, pose, thrust_share=share, carrying=scenario.cargo_id is not None,
                    flicker=0 if self.reduced_motion else session.flight.steps)
        fonts = self.ctx.fonts
        if self.phase == "finished" and self.result is not None:
            self._draw_result(surface, self.result)
            return
        seen = session.seen
        burn_now = draw_flight_marks(surface, fonts, self.texts, camera, seen, pose, ground, session.impact_x,
                                     scenario.assists.suggested_burn, colours, self.ctx.tr)
        throttle = session.last_command.throttle
        band_top = size[1] - help_band_height(fonts, self._keys_hint(), size[0])
        panel = draw_instruments(surface, fonts, self.texts, seen, scenario.grading, share, throttle,
                                 scenario.lander.propellant_kg, colours, self.ctx.tr, band_top)
        cue_box = pygame.Rect(surface.get_width(), 0, 0, 0)
        if not seen.legs_touching:
            cue_box = draw_touchdown_cue(surface, fonts, self.texts, worst(touchdown_cues(seen, scenario.grading)),
                                         colours, self.ctx.tr, band_top)
        words = self._banner_words(burn_now)
        top, right = self._banner_place(words, panel, cue_box)
        draw_banner(surface, fonts, self.texts, words, colours, top, right)
        aids = self.aids
        if aids is not None and aids.on and aids.cues is not None:
            speaking = aids.speaking()
            saying = self.ctx.tr(CALLOUT_WORDS[speaking]) if speaking is not None else None
            event = aids.player.recent_event(aids.now)
            # The right column is free below the touchdown box, and below the status words when they stand there.
            right_top = cue_box.bottom if cue_box.width else 0
            if right is not None:
                right_top = top + len(words) * (fonts.bold(palette.BODY).get_linesize() + 14)
            draw_sound_panel(surface, fonts, self.texts, aids.cues, saying, aids.player.audible, colours, self.ctx.tr,
                             band_top, below=panel, event=self.ctx.tr(EVENT_WORDS[event]) if event else None,
                             right_top=right_top + 14)
        self._draw_keys_help(surface)

    def _banner_place(
        self, words: list[tuple[str, pygame.Color]], panel: pygame.Rect, cue_box: pygame.Rect,
    ) -> tuple[int, int | None]:
        """(top, right edge or None for centred): at the top between the instruments and the cue box; when large
        text leaves no room there, under the cue box at the right, away from the lander in the middle."""
        font = self.ctx.fonts.bold(palette.BODY)
        widest = max((self.texts.render(font, text, colour).get_width() + 24 for text, colour in words), default=0)
        centre = self.ctx.ui.window_resolution[0] // 2
        if centre - widest // 2 > panel.right + 8 and centre + widest // 2 < cue_box.left - 8:
            return 18, None
        right = min(cue_box.right, self.ctx.ui.window_resolution[0] - 14) - 12
        if right - widest >= panel.right + 8:
            return cue_box.bottom + 14, right
        # Crowded (the largest text in a small window): below both boxes, but never under the keys' band.
        width, height = self.ctx.ui.window_resolution
        band_top = height - help_band_height(self.ctx.fonts, self._keys_hint(), width)
        stack = len(words) * (font.get_linesize() + 14)
        return min(max(panel.bottom, cue_box.bottom) + 14, band_top - stack), None

    def _draw_keys_help(self, surface: pygame.Surface) -> pygame.Rect:
        """The controls as bound in the settings, on a dark band at the foot: one line, or two even ones."""
        return draw_help_band(surface, self.ctx.fonts, self.texts, self._keys_hint(), self.ctx.palette)

    def _keys_hint(self) -> str:
        return self.ctx.tr("Replay: Esc leaves") if self.replaying else self.input.keys.help_line(self.ctx.tr)

    def _banner_words(self, burn_now: bool) -> list[tuple[str, pygame.Color]]:
        colours, tr = self.ctx.palette, self.ctx.tr
        keys = self.input.keys
        words: list[tuple[str, pygame.Color]] = []
        if self.clock.paused:
            words.append((tr("PAUSED: {key} to fly on", key=keys.label("pause_flight")), colours.accent))
        if self.replaying:
            words.append((tr("Replay of a recorded flight"), colours.text))
        elif self.session.pilot is not None:
            words.append((tr("Autopilot flying: {key} to take over", key=keys.label("autopilot")), colours.good))
        if burn_now:
            words.append((tr("BRAKE NOW"), cue_colours(colours)["hard"]))
        details = []
        if self.world_name and self.options.gravity is not None:  # another world than the catalog's Moon
            # The name is a message (game/landing/what_if.py): tr shows it in the player's language.
            details.append(tr("{world}: {gravity} m/s²", world=self.world_name,
                              gravity=f"{self.scenario.gravity_m_s2:g}"))
        if self.slow_motion < 1.0:
            details.append(tr("slow motion ×{factor}", factor=f"{self.slow_motion:g}"))
        if details:
            words.append(("  ·  ".join(details), colours.text_dim))
        return words

    def _draw_error(self, surface: pygame.Surface) -> None:
        fonts, colours = self.ctx.fonts, self.ctx.palette
        width, height = surface.get_size()
        title = draw_text(surface, self.ctx.tr("This landing cannot be flown"), fonts.bold(palette.HEADING),
                          colours.broken, (width // 2, height // 3), anchor="midtop")
        # The landing's own problems are whole sentences (messages); a content error is a clause to finish.
        error = self.error
        text = self.ctx.tr(error) if isinstance(error, Message) else error[:1].upper() + error[1:] + "."
        draw_paragraph(surface, text, fonts.regular(palette.BODY),
                       colours.text, (width // 6, title.bottom + 24), width * 2 // 3)
        draw_text(surface, self.ctx.tr("Enter or Esc: back"), fonts.regular(palette.SMALL), colours.text_dim,
                  (width // 2, height - 40), anchor="midbottom")

    def _draw_result(self, surface: pygame.Surface, result: LandingResult) -> None:
        width, height = surface.get_size()
        colours = self.ctx.palette
        column = max(360, round(width * 0.42))
        buttons_top = min((button.rect.top for button in self.buttons.values()), default=height - BUTTON_HEIGHT - 24)
        small = self.ctx.fonts.regular(palette.SMALL)
        keys_top = buttons_top - 6 - small.get_linesize()  # the keys' line sits just above the buttons
        plot_rect = pygame.Rect(column + 20, 40, width - column - 60, keys_top - 40 - 12)
        if self.plot is None or self.plot.get_size() != plot_rect.size:
            self.plot = render_flight_plot(plot_rect.size, result.recording, self.ctx.fonts, colours, self.ctx.tr)
        draw_result(surface, self.ctx.fonts, result, self._cargo_name(result), column, (self.plot, plot_rect),
                    colours, keys_top - 8, self.ctx.tr)
        keys = self.ctx.tr("Enter continue  ·  E export CSV  ·  R save recording")
        if self.practice:
            keys += "  ·  " + self.ctx.tr("F fly again")
        draw_text(surface, fit_text(keys, small, width - 80), small, colours.text_dim, (width // 2, keys_top),
                  anchor="midtop")

    def _cargo_name(self, result: LandingResult) -> str | None:
        cargo_id = result.recording.cargo
        if cargo_id is None:
            return None
        catalog = self.loaded.catalog
        module = catalog.modules.get(cargo_id) if catalog is not None else None
        return translate(module.name, self.ctx.language) if module is not None else cargo_id
