"""The station's time: the clock that runs the simulation's fixed steps, their events in the log, the landings to
decide when cargo waits in orbit, the level's end, and stopping time while another screen is open."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from game.clock import FixedStepClock
from game.content.message import say
from game.ecs import events
from game.scenes.context import SceneContext
from game.scenes.scene import Push, Replace, Transition
from game.scenes.station.landing_question import (
    LandingQuestion,
    autopilot_landing,
    cargo_words,
    delivery_waiting,
    flight_seed,
    grade_words,
    resolve_command,
)
from game.scenes.station.log_sentences import log_entry
from game.scenes.station.run import StationRun

if TYPE_CHECKING:
    from game.landing.run import LandingResult
    from game.simulation.views import DeliveryView

HOURS_PER_SECOND = 2.0  # game hours per real second at 1×: a 60-day level takes 12 minutes, 3 at 4×
SPEEDS = (1, 4, 16)
TURNING_POINTS = (events.GoalMet, events.GoalFailed, events.LevelEnded)  # also pop up over the map


class TimeRunner:
    """Runs the simulation on the clock and answers what it reports. Starts paused, so the player can read the
    map before time runs."""

    def __init__(self, ctx: SceneContext, run: StationRun):
        self.ctx = ctx
        self.run = run
        self.clock = FixedStepClock(HOURS_PER_SECOND, max_steps_per_frame=16 * 4)
        self.clock.speed = 0
        self.resume_speed = 1
        self.landing_question: LandingQuestion | None = None
        self.running_before_landing = False  # time ran when the cargo arrived: it runs on once it has landed
        self.resolved_deliveries: set[int] = set()
        self.ended = False  # the level's end was answered (the debrief opened)
        # Real seconds spent on this level, paused or not: a class's time limit is the lesson's clock.
        self.played_seconds = 0.0
        minutes = ctx.classroom.plan.time_limit_minutes if ctx.classroom is not None else None
        self.time_limit_seconds = minutes * 60.0 if minutes else None

    @property
    def paused(self) -> bool:
        return self.clock.paused

    @property
    def alpha(self) -> float:
        return self.clock.alpha

    def toggle_pause(self) -> None:
        if self.clock.paused:
            self.clock.speed = self.resume_speed
        else:
            self.resume_speed = self.clock.speed
            self.clock.speed = 0

    def set_speed(self, speed: int) -> None:
        self.clock.speed = self.resume_speed = speed

    def pause_for_another_screen(self) -> None:
        if not self.paused:
            self.toggle_pause()

    # --- steps -----------------------------------------------------------------------------------

    def advance(self, dt: float) -> bool:
        """Runs the fixed steps `dt` seconds of real time hold at the clock's speed; True when any ran, or
        when the class's time is up (the level must then end)."""
        self.played_seconds += dt
        if self.time_up:
            return True
        steps = self.clock.advance(dt)
        if steps == 0:
            return False
        simulation = self.run.simulation
        alarm = False
        for _ in range(steps):
            for event in simulation.step():
                alarm = self._record(event) or alarm
            if simulation.ended:
                break
        if alarm:
            self.ctx.play_sound("alarm")  # once for the whole frame, however many steps raised one
        self.run.take_snapshot()
        self.run.watch_for_hints()
        return True

    @property
    def time_up(self) -> bool:
        """The class's time limit for a level has run out."""
        return self.time_limit_seconds is not None and self.played_seconds >= self.time_limit_seconds

    def record_events(self, happened: Sequence[object]) -> None:
        """Logs the events of an hour another screen ran (a partner's answer takes one): the log told nothing of
        an agreement signed in the talks, nor of a goal it met."""
        hour = self.run.simulation.hour - 1  # the hour that has just run
        alarm = False
        for event in happened:
            alarm = self._record(event, hour) or alarm
        if alarm:
            self.ctx.play_sound("alarm")

    def _record(self, event: object, hour: int | None = None) -> bool:
        """Logs the event (at `hour`, else the hour shown); returns True when it calls for the alarm."""
        if isinstance(event, events.LevelEventFired) and event.fact:
            self._mark_fact_seen(event.fact)
        run = self.run
        entry = log_entry(event, run.level, run.catalog, self.ctx.language, self.ctx.tr)
        if entry is None:
            return False
        run.log.add(run.snapshot.hour if hour is None else hour, event, entry.warning, entry.alarm)
        # The log holds everything; only the turning points of the level also pop up over the map.
        if isinstance(event, TURNING_POINTS):
            self.ctx.notices.show(entry.text)
        return entry.alarm

    def fill_log(self, story: Sequence[tuple[int, object]]) -> None:
        """Writes a resumed run's earlier events into the log, each with its own game time; no notices, no alarm."""
        run = self.run
        for hour, event in story:
            entry = log_entry(event, run.level, run.catalog, self.ctx.language, self.ctx.tr)
            if entry is not None:
                run.log.add(hour, event, entry.warning, entry.alarm)

    def _mark_fact_seen(self, fact_id: str) -> None:
        """The encyclopedia marks the fact as met; a progress file that cannot be written never stops play."""
        from game.progress import mark_fact_seen

        try:
            mark_fact_seen(fact_id)
        except (OSError, ValueError) as error:
            self.ctx.notices.show(self.ctx.tr("Your progress could not be saved ({error}); play goes on.", error=error))

    # --- landings --------------------------------------------------------------------------------

    def ask_about_landing(self) -> Transition | None:
        """A delivery waits in orbit: stop time and ask (or fly at once, when the settings say so)."""
        if self.landing_question is not None:
            return None
        delivery = delivery_waiting(self.run.snapshot.deliveries)
        if delivery is None or delivery.id in self.resolved_deliveries or self.run.simulation.landing_mode != "player":
            return None
        self.running_before_landing = not self.paused
        self.pause_for_another_screen()
        if self.ctx.settings.landing_choice == "fly":
            return self._fly(delivery)
        cargo = cargo_words(delivery, self.run.catalog, self.ctx.language, self.ctx.tr)
        self.landing_question = LandingQuestion(self.ctx.ui, self.ctx.ui.window_resolution, delivery, cargo,
                                                self.ctx.tr)
        return None

    def answer_landing(self, answer: str) -> Transition | None:
        question, self.landing_question = self.landing_question, None
        if question is None:
            return None
        question.close()
        if answer == "fly":
            return self._fly(question.delivery)
        run = self.run
        command, sentence = autopilot_landing(run.level, run.catalog, run.simulation, question.delivery)
        self.resolved_deliveries.add(question.delivery.id)
        run.queue(command, sentence)
        self._run_on_after_landing()
        return None

    def close_question(self) -> None:
        """The screen is covered or left with the question open: it is asked again once time runs."""
        if self.landing_question is not None:
            self.landing_question.close()
            self.landing_question = None

    def _run_on_after_landing(self) -> None:
        """Time runs again if it ran when the cargo arrived: the landing was a stop, not a pause the player chose."""
        if self.running_before_landing and self.paused:
            self.toggle_pause()
        self.running_before_landing = False

    def _fly(self, delivery: DeliveryView) -> Transition:
        from game.scenes.landing.flight_screen import LandingScene  # pymunk and the flight screen, only when flown

        run = self.run
        self.resolved_deliveries.add(delivery.id)
        cargo = delivery.modules[0] if delivery.modules else None

        def landed(result: LandingResult) -> None:
            # The message, not its wording: the log words it again when the player switches language.
            sentence = say("You landed the cargo: {grade}.", grade=grade_words(result))
            run.queue(resolve_command(delivery, result), sentence)
            self._run_on_after_landing()

        return Push(LandingScene(self.ctx, run.loaded, cargo=cargo, seed=flight_seed(run.simulation, delivery),
                                 on_finished=landed))

    # --- the end ---------------------------------------------------------------------------------

    def level_end(self) -> Transition | None:
        """The level is won, lost, out of days or out of the class's time: stop, keep the run in the autosave, and
        open the debrief."""
        if (self.run.snapshot.outcome == "playing" and not self.time_up) or self.ended:
            return None
        from game.scenes.campaign.debrief import DebriefScene

        self.ended = True
        self.clock.speed = 0
        self.run.autosave()
        # The debrief now owns the run: it reads the history and score, then closes it.
        return Replace(DebriefScene(self.ctx, self.run.loaded, self.run.hand_over(), played_seconds=self.played_seconds,
                                    time_up=self.time_up and self.run.snapshot.outcome == "playing"))
