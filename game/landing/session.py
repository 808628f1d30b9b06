"""A landing flown step by step by a screen: the flight, its record, the poses to draw between, and the result."""

from __future__ import annotations

from game.landing.autopilot import Autopilot
from game.landing.flight import STEP_S, Flight
from game.landing.instruments import predicted_impact_x
from game.landing.pilot import Observation, Pilot, PilotCommand, clean_command
from game.landing.recorder import FlightRecording
from game.landing.run import LandingResult, recording_for, result_of
from game.landing.scenario import Scenario

# The impact prediction walks a ballistic path; at ten times a second it is fresh enough to read.
IMPACT_EVERY_STEPS = 6

Pose = tuple[float, float, float]


class LandingSession:
    """One landing stepped by the caller, recorded exactly as `fly_scenario` records it, so it replays the same.

    `pilot` flies when given (the autopilot, a replay); otherwise each `step` takes the player's command.
    """

    def __init__(self, scenario: Scenario, level_id: str = "", pilot: Pilot | None = None):
        self.scenario = scenario
        self.flight = Flight(scenario)
        self.recording: FlightRecording = recording_for(scenario, level_id)
        self.pilot = pilot
        self.seen: Observation = self.flight.observe()
        self.pose: Pose = self.flight.pose()
        self.previous_pose: Pose = self.pose
        self.last_command = PilotCommand()
        self.impact_x: float | None = predicted_impact_x(self.seen, scenario.ground)
        self.result: LandingResult | None = None
        self.touched_down = False

    @property
    def finished(self) -> bool:
        return self.result is not None

    @property
    def time_s(self) -> float:
        return self.seen.time_s

    def use_autopilot(self, on: bool) -> None:
        """Hands the controls to the built-in autopilot (True) or back to the player (False)."""
        self.pilot = Autopilot() if on else None

    def step(self, player_command: PilotCommand | None = None) -> None:
        """One fixed step: the pilot's answer (or the player's command) recorded, then flown."""
        if self.result is not None:
            return
        seen = self.seen
        answer = self.pilot(seen) if self.pilot is not None else player_command or PilotCommand()
        command = clean_command(answer)
        flight = self.flight
        self.recording.observations.append(seen)
        self.recording.commands.append(command)
        flight.step(command)
        self.recording.thrusts_n.append(flight.last_thrust_n)
        self.last_command = command
        self.previous_pose, self.pose = self.pose, flight.pose()
        self.seen = flight.observe()
        if not self.touched_down and flight.touchdown_time_s is not None:
            self.touched_down = True
        if flight.steps % IMPACT_EVERY_STEPS == 0:
            self.impact_x = None if self.touched_down else predicted_impact_x(self.seen, self.scenario.ground)
        if flight.finished:
            self.result = result_of(flight, self.recording)

    def abandon(self) -> LandingResult:
        """Ends the flight where it is: a landing left before the lander rests is graded a crash."""
        if self.result is None:
            self.result = result_of(self.flight, self.recording)
        return self.result

    def interpolated_pose(self, alpha: float) -> Pose:
        """The pose `alpha` (0 to 1) of the way from the previous step to the latest, for smooth drawing."""
        (x0, y0, a0), (x1, y1, a1) = self.previous_pose, self.pose
        return x0 + (x1 - x0) * alpha, y0 + (y1 - y0) * alpha, a0 + (a1 - a0) * alpha


__all__ = ["STEP_S", "LandingSession", "Pose"]
