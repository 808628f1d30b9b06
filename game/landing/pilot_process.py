"""A student's pilot in a process of its own, which this process watches and ends when it overruns its time.

A time limit inside the pilot's own process cannot stop every loop: Python 3.10 never checks for signals in
`while True: try: ... except Exception: ...`, and Windows has no timer signal. A separate process can always be
ended, on every system. The child imports the pilot and answers; the parent (this process) keeps the clock.

The pilot's process bumps a shared heartbeat (a call count and the observation's time) before each call of the
pilot; the parent, while it waits for an answer, ends the child when the count has not moved for the step's time
budget. A whole flight is flown in the child and only its commands come back (one exchange, not one per step), then
flown again here from those commands: the result is the parent's own physics, whatever the pilot's code did in its
process. Started with "spawn", so it behaves the same on Linux, macOS and Windows, and in the standalone build.
"""

from __future__ import annotations

import math
import multiprocessing
import signal
import time
import weakref
from array import array
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from game.landing.pilot import Observation, Pilot, PilotCommand, PilotError
from game.landing.scenario import Scenario

# How often the parent looks at the heartbeat while it waits: a stuck pilot is ended within its budget plus this.
WATCH_SECONDS = 0.05
# Starting a fresh interpreter and importing the landing code, before the student's module is even read: seconds
# on a busy school machine, never a minute.
START_SECONDS = 60.0
_CALLS, _TIME = 0, 1  # the heartbeat's two slots


class _Stalled(Exception):
    """The child made no progress within its budget (and has been ended)."""


class _Ended(Exception):
    """The child's process ended without answering."""

    def __init__(self, exit_code: int | None) -> None:
        super().__init__(exit_code)
        self.exit_code = exit_code


class PilotProcess:
    """A pilot function running in its own process: call it with an Observation like any pilot (one exchange a
    step), or `fly` a whole scenario in it (one exchange a flight). `close()` ends the process; so does garbage
    collection or the end of the program."""

    def __init__(self, spec: str, load_seconds: float, step_seconds: float) -> None:
        """Starts the process and loads the pilot `spec` names in it; ValueError with one sentence when it cannot
        be loaded or takes more than `load_seconds`."""
        from game.landing.pilot_loading import split_spec

        module_name, self.__name__ = split_spec(spec)
        self.step_seconds = step_seconds
        context = multiprocessing.get_context("spawn")
        self._beat = context.RawArray("d", 2)
        self._conn, child_end = context.Pipe()
        self._process: BaseProcess = context.Process(
            target=_serve, args=(child_end, self._beat, spec), name=f"pilot {spec}", daemon=True
        )
        self._process.start()
        child_end.close()
        self._closer = weakref.finalize(self, _stop, self._process, self._conn)
        try:
            self._answer(START_SECONDS)  # "ready": the interpreter is up; the student's module is next
            kind, said = self._answer(load_seconds)
        except _Stalled:
            raise ValueError(f"pilot module '{module_name}' took more than {load_seconds:g} s to load "
                             "(is it stuck in a loop?)") from None
        except _Ended as ended:
            self.close()
            raise ValueError(f"pilot module '{module_name}' ended its process while loading "
                             f"(exit code {ended.exit_code})") from None
        except BaseException:
            self.close()
            raise
        if kind != "loaded":
            self.close()
            raise ValueError(said)

    def __call__(self, seen: Observation) -> PilotCommand:
        """The pilot's command for one step (one round trip to its process)."""
        answer: PilotCommand = self._ask(("step", seen), seen.time_s)
        return answer

    def fly(self, scenario: Scenario, level_id: str) -> list[PilotCommand]:
        """The commands the pilot gives over a whole flight of `scenario`, flown in its process; PilotError with
        one sentence when it fails, answers nonsense, ends its process or overruns a step's budget."""
        packed: array[float] = self._ask(("fly", scenario, level_id), 0.0)
        return [PilotCommand(throttle, attitude, None if target != target else target)  # NaN: no target angle
                for throttle, attitude, target in zip(packed[::3], packed[1::3], packed[2::3], strict=True)]

    def close(self) -> None:
        """Ends the pilot's process (at once: a pilot keeps nothing worth waiting for)."""
        self._closer()

    def __enter__(self) -> PilotProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _ask(self, request: tuple[Any, ...], when_s: float) -> Any:
        if not self._closer.alive:
            raise PilotError("the pilot's process has already ended")
        self._beat[_TIME] = when_s
        try:
            self._conn.send(request)
            kind, value = self._answer(self.step_seconds)
        except _Stalled:
            raise PilotError(f"the pilot took more than {self.step_seconds:g} s to answer at "
                             f"{self._beat[_TIME]:.2f} s: a pilot has {self.step_seconds:g} s for each step "
                             "(is it stuck in a loop?)") from None
        except (_Ended, BrokenPipeError, EOFError) as ended:
            self.close()
            code = ended.exit_code if isinstance(ended, _Ended) else self._process.exitcode
            raise PilotError(f"the pilot ended its process at {self._beat[_TIME]:.2f} s (exit code {code}); a pilot "
                             "must return a command, not end the program") from None
        if kind == "failed":
            raise PilotError(value)
        return value

    def _answer(self, budget_s: float) -> tuple[str, Any]:
        """The child's next message. While waiting, ends the child when its heartbeat has not moved for
        `budget_s` (raising _Stalled) and notices when it has ended (raising _Ended)."""
        calls = self._beat[_CALLS]
        since = time.monotonic()
        while not self._conn.poll(WATCH_SECONDS):
            if not self._process.is_alive():
                if self._conn.poll(0):  # it answered just before it ended
                    break
                raise _Ended(self._process.exitcode)
            now = time.monotonic()
            if self._beat[_CALLS] != calls:
                calls, since = self._beat[_CALLS], now
            elif now - since > budget_s:
                self.close()
                raise _Stalled
        try:
            message: tuple[str, Any] = self._conn.recv()
        except (EOFError, OSError):
            self._process.join(1.0)  # it hung up as it ended: give the system a moment to report how
            raise _Ended(self._process.exitcode) from None
        return message


def _stop(process: BaseProcess, conn: Connection) -> None:
    """Ends the pilot's process and frees what it held."""
    conn.close()
    if process.is_alive():
        process.kill()
    process.join(5.0)


def _serve(conn: Connection, beat: Any, spec: str) -> None:
    """The pilot's process: loads the pilot, then answers steps and flights until the parent hangs up."""
    from game.landing.pilot_loading import find_pilot, said

    # Ctrl+C in a terminal reaches the whole process group: the parent handles it and ends this process.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    conn.send(("ready", None))
    try:
        pilot = find_pilot(spec)
    except ValueError as error:
        conn.send(("refused", str(error)))
        return
    conn.send(("loaded", None))

    def watched(seen: Observation) -> PilotCommand:
        beat[_TIME] = seen.time_s
        beat[_CALLS] += 1
        return pilot(seen)

    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return  # the parent has hung up
        beat[_CALLS] += 1
        try:
            if request[0] == "step":
                answer: Any = ("answer", watched(request[1]))
            else:
                answer = ("answer", _commands_over(request[1], watched))
        except PilotError as error:
            answer = ("failed", str(error))
        except BaseException as error:  # not the pilot's doing (it is guarded): still a sentence, not a traceback
            answer = ("failed", f"the landing failed in the pilot's process with {type(error).__name__}: "
                                f"{said(error)}")
        try:
            conn.send(answer)
        except (BrokenPipeError, OSError):
            return


def _commands_over(scenario: Scenario, pilot: Pilot) -> array[float]:
    """The commands `pilot` gives over a whole flight of `scenario` (the loop of run.fly_scenario, without the
    record the parent makes when it flies them again), packed three floats a step (a NaN target: none). An hour's
    flight is 216,000 steps: packed, it goes to the parent in a moment, where a list of objects took long enough
    to pickle on a busy machine to pass for a stuck pilot."""
    from game.landing.flight import Flight

    flight = Flight(scenario)
    packed = array("d")
    keep, observe, step, no_target = packed.extend, flight.observe, flight.step, math.nan
    while flight.status == "flying":
        command = pilot(observe())
        target = command.target_angle_rad
        keep((command.throttle, command.attitude, no_target if target is None else target))
        step(command)
    return packed
