"""The station's time running: fixed steps, their events in the log, landings to decide, the level's end."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from game.ecs import events
from game.scenes.scene import Pop, Push, Replace, Transition
from game.scenes.station.actions import StationActions
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

if TYPE_CHECKING:
    from game.landing.run import LandingResult
    from game.simulation.views import DeliveryView

PAN_SPEED_PX = 700.0
TURNING_POINTS = (events.GoalMet, events.GoalFailed, events.LevelEnded)  # also pop up over the map


class StationFlow(StationActions):
    """Runs the simulation on the clock and answers what it reports."""

    def update(self, dt: float) -> Transition | None:
        if self.leaving:
            return Pop()
        for key in self.held_pan:
            dx, dy = self.keys.pan_step(key)
            self.camera.pan_pixels(-dx * PAN_SPEED_PX * dt, -dy * PAN_SPEED_PX * dt)
        steps = self.clock.advance(dt)
        if self.simulation is None or steps == 0:
            return None
        alarm = False
        for _ in range(steps):
            for event in self.simulation.step():
                alarm = self._record(event) or alarm
            if self.simulation.ended:
                break
        if alarm:
            self.ctx.play_sound("alarm")  # once for the whole frame, however many steps raised one
        self._take_snapshot()
        self._refresh_ghost()
        self._watch_for_hints()
        ended = self._level_end()
        return ended if ended is not None else self._ask_about_landing()

    def _record(self, event: object) -> bool:
        """Logs the event; returns True when it calls for the alarm."""
        if isinstance(event, events.LevelEventFired) and event.fact:
            self._mark_fact_seen(event.fact)
        entry = log_entry(event, self.level, self.catalog, self.ctx.language, self.ctx.tr)
        if entry is None:
            return False
        self.log.add(self._when(), entry.text, entry.warning, entry.alarm)
        # The log holds everything; only the turning points of the level also pop up over the map.
        if isinstance(event, TURNING_POINTS):
            self.ctx.notices.show(entry.text)
        return entry.alarm

    def fill_log(self, story: Sequence[tuple[int, object]]) -> None:
        """Writes a resumed run's earlier events into the log, each with its own game time; no notices, no alarm."""
        start = dt.datetime.combine(self.level.start_date, dt.time())
        for hour, event in story:
            entry = log_entry(event, self.level, self.catalog, self.ctx.language, self.ctx.tr)
            if entry is not None:
                when = start + dt.timedelta(hours=hour)
                self.log.add(f"{when.day} {when:%b} {when:%H}:00", entry.text, entry.warning, entry.alarm)

    def _mark_fact_seen(self, fact_id: str) -> None:
        """The encyclopedia marks the fact as met; a progress file that cannot be written never stops play."""
        from game.progress import mark_fact_seen

        try:
            mark_fact_seen(fact_id)
        except (OSError, ValueError) as error:
            self.ctx.notices.show(self.ctx.tr("Your progress could not be saved ({error}); play goes on.", error=error))

    # --- landings --------------------------------------------------------------------------------

    def _ask_about_landing(self) -> Transition | None:
        """A delivery waits in orbit: stop time and ask (or fly at once, when the settings say so)."""
        if self.snapshot is None or self.simulation is None or self.landing_question is not None:
            return None
        delivery = delivery_waiting(self.snapshot.deliveries)
        if delivery is None or delivery.id in self.resolved_deliveries or self.simulation.landing_mode != "player":
            return None
        self.running_before_landing = not self.paused
        self._pause_for_another_screen()
        if getattr(self.ctx.settings, "landing_choice", "ask") == "fly":
            return self._fly(delivery)
        cargo = cargo_words(delivery, self.catalog, self.ctx.language, self.ctx.tr)
        self.landing_question = LandingQuestion(self.ctx.ui, self.ctx.ui.window_resolution, delivery, cargo,
                                                self.ctx.tr)
        return None

    def _answer_landing(self, answer: str) -> Transition | None:
        question, self.landing_question = self.landing_question, None
        if question is None:
            return None
        question.close()
        if answer == "fly":
            return self._fly(question.delivery)
        if self.simulation is not None:
            command, sentence = autopilot_landing(self.level, self.catalog, self.simulation, question.delivery,
                                                  self.ctx.tr)
            self.resolved_deliveries.add(question.delivery.id)
            self.queue(command, sentence)
            self._run_on_after_landing()
        return None

    def _run_on_after_landing(self) -> None:
        """Time runs again if it ran when the cargo arrived: the landing was a stop, not a pause the player chose."""
        if self.running_before_landing and self.paused:
            self.toggle_pause()
        self.running_before_landing = False

    def _fly(self, delivery: DeliveryView) -> Transition | None:
        if self.simulation is None:
            return None
        from game.scenes.landing.flight_screen import LandingScene  # pymunk and the flight screen, only when flown

        self.resolved_deliveries.add(delivery.id)
        cargo = delivery.modules[0] if delivery.modules else None

        def landed(result: LandingResult) -> None:
            self.queue(resolve_command(delivery, result), self.ctx.tr("You landed the cargo: {grade}.",
                                                                      grade=grade_words(result, self.ctx.tr)))
            self._run_on_after_landing()

        return Push(LandingScene(self.ctx, self.loaded, cargo=cargo, seed=flight_seed(self.simulation, delivery),
                                 on_finished=landed))

    # --- the end and other screens ---------------------------------------------------------------

    def _level_end(self) -> Transition | None:
        if self.snapshot is None or self.snapshot.outcome == "playing" or self.ended_handled:
            return None
        self.ended_handled = True
        self.clock.speed = 0
        self._show_button_states()
        self.autosave()
        from game.scenes.campaign.debrief import DebriefScene

        if self.simulation is None:
            return None
        # The debrief now owns the run: it reads the history and score, then closes it.
        simulation, self.simulation = self.simulation, None
        return Replace(DebriefScene(self.ctx, self.loaded, simulation))

    def _partners(self) -> Transition | None:
        from game.scenes.partners.roster import PartnerRosterScene

        if self.simulation is None:
            return None
        self._pause_for_another_screen()
        return Push(PartnerRosterScene(self.ctx, self.simulation, self.loaded))

    def _menu(self) -> Transition | None:
        from game.scenes.menus.pause import PauseScene

        self._pause_for_another_screen()
        return Push(PauseScene(self.ctx, on_save=self._save_for_menu, on_quit_to_menu=self._quit_from_menu))

    def _save_for_menu(self) -> str | None:
        path = self.quick_save()
        if path is None:
            return self.ctx.tr("The game could not be saved; see the message below.")
        return self.ctx.tr("Saved as {file}.", file=path.name)

    def _quit_from_menu(self) -> None:
        """The player confirmed leaving: keep the run in the autosave, then leave without asking again."""
        self.autosave()
        if self.simulation is not None:
            self.simulation.has_unsaved_progress = False
        self.leaving = True
