"""Flies a landing headless from start to grade: the entry point of `lunar-station land` and of scripts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.content.catalog import Catalog
from game.content.message import say
from game.content.models import LandingAssists, Level
from game.landing.autopilot import Autopilot
from game.landing.flight import Flight, FlightStatus
from game.landing.grading import Grade, Touchdown, crash, grade_touchdown
from game.landing.pilot import Observation, Pilot, PilotError, clean_command
from game.landing.pilot_loading import said
from game.landing.pilot_process import PilotProcess
from game.landing.recorder import FlightRecording, replay_pilot
from game.landing.scenario import Scenario, scenario_for

# Game values: a pilot that answers one step in a second flies a 10-minute landing in at most 10 hours of thought;
# one that has not answered in a second is stuck, far beyond any controller a student would write. The parent
# process enforces both (game/landing/pilot_process.py), so they hold on every system and Python.
PILOT_STEP_SECONDS = 1.0
PILOT_LOAD_SECONDS = 10.0

_FAILED = {
    "crashed": say("The hull hit the ground."),
    "lost": say("The lander flew out of the landing zone."),
}


@dataclass(frozen=True, slots=True)
class LandingResult:
    """How a landing ended: its grade and the cargo's fate, the touchdown, the last instruments, the record."""

    status: FlightStatus
    grade: Grade
    touchdown: Touchdown | None
    final: Observation
    final_state: tuple[float, ...]
    recording: FlightRecording

    @property
    def steps(self) -> int:
        return len(self.recording.commands)

    def summary(self) -> str:
        """A few lines for a terminal (`lunar-station land`), in English: the grade, why, and the touchdown's numbers.
        The screens word a result themselves, in the player's language (game/render/landing_result.py)."""
        grade = self.grade
        lines = [f"grade: {grade.name.replace('_', ' ')} ({self.status} after {self.final.time_s:.1f} s)"]
        lines += [f"  {reason}" for reason in grade.reasons]
        touchdown = self.touchdown
        if touchdown is not None:
            lines.append(
                f"touchdown: {touchdown.vertical_speed_m_s:.2f} m/s down, "
                f"{touchdown.horizontal_speed_m_s:.2f} m/s sideways, {touchdown.tilt_deg:.1f}° tilt, "
                f"{touchdown.distance_m:.1f} m from the target, {touchdown.propellant_left:.0%} propellant left"
            )
        if self.recording.cargo is not None:
            fate = "lost" if not grade.cargo_delivered else f"{grade.cargo_damage:.0%} damaged (game value)"
            lines.append(f"cargo: {self.recording.cargo}, {fate}")
        if grade.haul_cost:
            lines.append(f"haul cost: {grade.haul_cost:.1f} credits (game value)")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        """The result as plain data, for JSON."""
        touchdown = self.touchdown
        return {
            "status": self.status,
            "grade": self.grade.name,
            "reasons": list(self.grade.reasons),
            "cargo": self.recording.cargo,
            "cargo_damage": self.grade.cargo_damage,
            "haul_cost": self.grade.haul_cost,
            "seed": self.recording.seed,
            "time_s": self.final.time_s,
            "steps": self.steps,
            "touchdown": None if touchdown is None else {
                "vertical_speed_m_s": touchdown.vertical_speed_m_s,
                "horizontal_speed_m_s": touchdown.horizontal_speed_m_s,
                "tilt_deg": touchdown.tilt_deg,
                "distance_m": touchdown.distance_m,
                "propellant_left": touchdown.propellant_left,
            },
        }


def fly(
    level: Level,
    catalog: Catalog,
    pilot: Pilot | None = None,
    seed: int = 0,
    record_path: Path | str | None = None,
    *,
    cargo: str | None = None,
    lander: str | None = None,
    gravity: float | None = None,
    max_thrust_n: float | None = None,
    assists: LandingAssists | None = None,
) -> LandingResult:
    """Flies the level's landing with `pilot` (the built-in autopilot when None) and grades it.

    `record_path` gets the flight record: a `.csv` path the time series, any other path the replayable
    JSON command list. Raises ValueError (a bad level, cargo, lander or gravity) or PilotError (the pilot
    failed or answered nonsense), each with one readable sentence. `max_thrust_n` and `assists` override
    the lander's full thrust and the level's assists, as practice's "what if" panel does.
    """
    scenario = scenario_for(
        level, catalog, seed, cargo=cargo, lander=lander, gravity=gravity, max_thrust_n=max_thrust_n, assists=assists
    )
    result = fly_scenario(scenario, pilot, level.id)
    if record_path is not None:
        result.recording.write(Path(record_path))
    return result


def fly_scenario(scenario: Scenario, pilot: Pilot | None = None, level_id: str = "") -> LandingResult:
    """Flies one resolved scenario to its end, recording every step.

    A pilot in a process of its own flies the whole flight there, in one exchange rather than one a step; this
    process then flies the commands it gave, so the result is always this process's own physics."""
    if isinstance(pilot, PilotProcess):
        pilot = replay_pilot(pilot.fly(scenario, level_id))
    pilot = pilot if pilot is not None else Autopilot()
    flight = Flight(scenario)
    recording = recording_for(scenario, level_id)
    # Bound once: this loop is the landing benchmark's, and each lookup costs every step.
    keep_seen, keep_command = recording.observations.append, recording.commands.append
    keep_thrust = recording.thrusts_n.append
    observe, step = flight.observe, flight.step
    while flight.status == "flying":
        seen = observe()
        try:
            answer = pilot(seen)
        except PilotError:
            raise
        except Exception as error:  # a student's pilot may fail in any way; say how, and when
            raise PilotError(
                f"the pilot failed at {seen.time_s:.2f} s with {type(error).__name__}: {said(error)}"
            ) from error
        command = clean_command(answer)
        keep_seen(seen)
        keep_command(command)
        step(command)
        keep_thrust(flight.last_thrust_n)
    return result_of(flight, recording)


def recording_for(scenario: Scenario, level_id: str = "") -> FlightRecording:
    """An empty record of a flight of `scenario`, holding all a replay needs besides the commands."""
    return FlightRecording(
        level_id, scenario.seed, scenario.lander.id, scenario.cargo_id, scenario.gravity_m_s2,
        max_thrust_n=scenario.lander.max_thrust_n, assists=scenario.assists,
    )


def result_of(flight: Flight, recording: FlightRecording) -> LandingResult:
    """The graded result of a flight that has ended (or is abandoned: then it is graded as it is)."""
    touchdown = flight.touchdown()
    return LandingResult(
        status=flight.status,
        grade=_grade(flight, touchdown),
        touchdown=touchdown,
        final=flight.observe(),
        final_state=flight.state(),
        recording=recording,
    )


def _grade(flight: Flight, touchdown: Touchdown | None) -> Grade:
    if flight.status in _FAILED:
        return crash(_FAILED[flight.status])
    if flight.status == "flying":
        return crash(say("The landing was abandoned before the lander came to rest."))
    if flight.status == "timeout" or touchdown is None:
        return crash(say("Still in the air when the time ran out ({limit:g} s, a game value).",
                         limit=flight.scenario.time_limit_s))
    scenario = flight.scenario
    return grade_touchdown(touchdown, scenario.grading, scenario.assists.target_scale, scenario.grading_status)


def replay(recording: FlightRecording, level: Level, catalog: Catalog) -> LandingResult:
    """Flies a recorded command list again, with the recorded seed, craft, cargo, gravity, thrust and assists."""
    return fly(
        level, catalog, replay_pilot(recording.commands), recording.seed,
        cargo=recording.cargo, lander=recording.lander, gravity=recording.gravity_m_s2,
        max_thrust_n=recording.max_thrust_n, assists=recording.assists,
    )


def load_pilot(spec: str) -> PilotProcess:
    """The function named by 'module:function' or 'path/to/file.py:function', loaded in a process of its own and
    given PILOT_STEP_SECONDS a step (see game/landing/pilot_process.py). Call `close()` on it when done (garbage
    collection and the end of the program do too).

    A module name is looked for in the working folder first. Raises ValueError with one sentence when the spec is
    malformed, the module cannot be loaded (or takes longer than PILOT_LOAD_SECONDS) or has no such function.
    Whatever the pilot then does wrong (loops, raises, calls sys.exit, answers nonsense) becomes one PilotError
    sentence saying what and when.
    """
    return PilotProcess(spec, PILOT_LOAD_SECONDS, PILOT_STEP_SECONDS)
