"""Flies a landing headless from start to grade: the entry point of `lunar-station land` and of scripts."""

from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.util
import signal
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.content.catalog import Catalog
from game.content.message import say
from game.content.models import LandingAssists, Level
from game.content.problems import did_you_mean
from game.content.text import printable
from game.landing.autopilot import Autopilot
from game.landing.flight import Flight, FlightStatus
from game.landing.grading import Grade, Touchdown, crash, grade_touchdown
from game.landing.pilot import Observation, Pilot, PilotCommand, PilotError, clean_command
from game.landing.recorder import FlightRecording, replay_pilot
from game.landing.scenario import Scenario, scenario_for

# Game values: a pilot that answers one step in a second flies a 10-minute landing in at most 10 hours of thought;
# one that has not answered in a second is stuck, far beyond any controller a student would write.
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
            fate = "lost" if not grade.cargo_delivered else f"{grade.cargo_damage:.0%} damaged"
            lines.append(f"cargo: {self.recording.cargo}, {fate}")
        if grade.haul_cost:
            lines.append(f"haul cost: {grade.haul_cost:.1f} credits")
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
    """Flies one resolved scenario to its end, recording every step."""
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
                f"the pilot failed at {seen.time_s:.2f} s with {type(error).__name__}: {_said(error)}"
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
        return crash(say("Still in the air when the time ran out ({limit:g} s).", limit=flight.scenario.time_limit_s))
    scenario = flight.scenario
    return grade_touchdown(touchdown, scenario.grading, scenario.assists.target_scale)


def replay(recording: FlightRecording, level: Level, catalog: Catalog) -> LandingResult:
    """Flies a recorded command list again, with the recorded seed, craft, cargo, gravity, thrust and assists."""
    return fly(
        level, catalog, replay_pilot(recording.commands), recording.seed,
        cargo=recording.cargo, lander=recording.lander, gravity=recording.gravity_m_s2,
        max_thrust_n=recording.max_thrust_n, assists=recording.assists,
    )


class _OutOfTime(BaseException):
    """Raised into a pilot that has used up its time; a BaseException, so its own `except Exception` cannot
    swallow it."""


@contextlib.contextmanager
def _time_budget(seconds: float) -> Iterator[None]:
    """Raises _OutOfTime into the code run inside after `seconds`, then every 0.1 s until it ends.

    A timer signal, so it works only on the main thread of a system that has one; elsewhere no limit applies.
    Python 3.10 does not check for signals inside a loop such as `while True: try: pass / except: pass`, so
    there (and on Windows) a pilot stuck in one still hangs: only running pilots in a child process would close
    that gap.
    """
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.1)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _said(error: BaseException) -> str:
    """What an exception says, at most 200 characters; its type's name when saying it fails."""
    try:
        text = str(error)
    except Exception:  # a student's exception class may fail even at this
        return type(error).__name__
    return printable(text if len(text) <= 200 else text[:199] + "…")


def budgeted(pilot: Pilot, seconds: float = PILOT_STEP_SECONDS) -> Pilot:
    """`pilot`, given `seconds` for each step; whatever it does wrong (loops, raises, calls sys.exit, answers
    nonsense) becomes one PilotError sentence saying what and when."""

    @functools.wraps(pilot)
    def step(seen: Observation) -> PilotCommand:
        when = f"{seen.time_s:.2f} s"
        try:
            with _time_budget(seconds):
                return clean_command(pilot(seen))
        except _OutOfTime:
            raise PilotError(f"the pilot took more than {seconds:g} s to answer at {when}: a pilot has {seconds:g} s "
                             "for each step (is it stuck in a loop?)") from None
        except (PilotError, KeyboardInterrupt):
            raise
        except SystemExit as error:
            raise PilotError(f"the pilot called sys.exit({_said(error)}) at {when}; a pilot must return a command, "
                             "not end the program") from None
        except BaseException as error:  # a student's pilot may fail in any way; say how, and when
            raise PilotError(f"the pilot failed at {when} with {type(error).__name__}: {_said(error)}") from None

    return step


def load_pilot(spec: str) -> Pilot:
    """The function named by 'module:function' or 'path/to/file.py:function', given PILOT_STEP_SECONDS a step.

    A module name is looked for in the working folder first. Raises ValueError with one sentence
    when the spec is malformed, the module cannot be loaded (or takes longer than PILOT_LOAD_SECONDS) or has no
    such function.
    """
    module_name, colon, function_name = spec.rpartition(":")
    example = "write it as module:function, for example my_pilot:fly"
    if not colon or not module_name or not function_name:
        raise ValueError(f"'{spec}' does not name a pilot: {example}")
    if not function_name.isidentifier():
        raise ValueError(f"'{function_name}' is not a function name that Python allows: {example}")
    module = _load_module(module_name)
    function = getattr(module, function_name, None)
    if function is None:
        public = [name for name in vars(module) if not name.startswith("_")]
        hint = did_you_mean(function_name, public)
        raise ValueError(f"'{module_name}' has no function '{function_name}'{hint}")
    if not callable(function):
        raise ValueError(f"'{spec}' is a {type(function).__name__}, not a function that takes an observation")
    return budgeted(function)


def _load_module(name: str) -> Any:
    """Imports a module by dotted name (the working folder first) or by the path of a .py file."""
    try:
        with _time_budget(PILOT_LOAD_SECONDS):
            return _import(name)
    except _OutOfTime:
        raise ValueError(f"pilot module '{name}' took more than {PILOT_LOAD_SECONDS:g} s to load "
                         "(is it stuck in a loop?)") from None
    except KeyboardInterrupt:
        raise
    except SystemExit as error:
        raise ValueError(f"pilot module '{name}' called sys.exit({_said(error)}) while loading") from None
    except (ValueError, Exception):
        raise
    except BaseException as error:
        raise ValueError(f"pilot module '{name}' failed while loading: {type(error).__name__}") from None


def _import(name: str) -> Any:
    try:
        if name.endswith(".py") or "/" in name or "\\" in name:
            path = Path(name)
            if not path.is_file():
                raise ValueError(f"there is no pilot file '{name}'")
            loader_spec = importlib.util.spec_from_file_location(path.stem, path)
            if loader_spec is None or loader_spec.loader is None:
                raise ValueError(f"'{name}' cannot be loaded as Python")
            module = importlib.util.module_from_spec(loader_spec)
            loader_spec.loader.exec_module(module)
            return module
        if not all(part.isidentifier() for part in name.split(".")):
            raise ValueError(f"'{name}' is not a module name: use letters, digits and '_', like my_pilot")
        added = str(Path.cwd()) not in sys.path
        if added:
            sys.path.insert(0, str(Path.cwd()))
        try:
            return importlib.import_module(name)
        finally:
            if added:
                sys.path.remove(str(Path.cwd()))
    except ValueError:
        raise
    except ModuleNotFoundError as error:
        missing = error.name or name
        if missing != name and not name.startswith(missing + "."):
            raise ValueError(f"pilot module '{name}' needs module '{missing}', which is not installed") from None
        where = name.replace(".", "/") + ".py"
        raise ValueError(f"there is no pilot module '{name}' (is {where} in this folder?)") from None
    except SyntaxError as error:
        raise ValueError(f"pilot module '{name}' has a syntax error on line {error.lineno}: {error.msg}") from None
    except Exception as error:  # the student's module ran and failed while loading
        raise ValueError(
            f"pilot module '{name}' failed while loading: {type(error).__name__}: {_said(error)}"
        ) from None

