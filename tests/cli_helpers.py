"""The command line run by tests: in this process (`run_cli`), or in a process of its own (`run_subprocess`) where the
process boundary is what a test proves: a hang or an abort that must not take pytest down, the working folder and
PYTHONPATH a real start sees, or the pilot process such a start spawns.

A start of `python -m game` costs a third of a second of CPU before it reads its first argument, so a test that only
reads what the command printed and its exit status calls `game.cli.main` here instead.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from game.cli import main

REPO = Path(__file__).resolve().parent.parent
HANG_SECONDS = 60  # far beyond any command's honest run on a busy machine: reaching it is a hang


@dataclass(frozen=True, slots=True)
class CliRun:
    """What one run of the command line said, and how it ended."""

    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        """Everything it printed, stdout then stderr."""
        return self.out + self.err


class Hung(BaseException):
    """A command ran past HANG_SECONDS (a BaseException, so no `except Exception` in the game can swallow it)."""


@contextmanager
def hang_guard(seconds: float) -> Iterator[None]:
    """Fails the block with Hung after `seconds` instead of letting it hang pytest: an alarm signal, which Python acts
    on between bytecodes and which interrupts a blocking wait. Only where there is one (POSIX, the main thread)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def hung(signum: int, frame: object) -> None:
        raise Hung(f"still running after {seconds:g} s: a hang")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def working_folder(folder: Path) -> Iterator[None]:
    """Runs the block in `folder`, as a command typed there (contextlib.chdir is Python 3.11's)."""
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def run_cli(argv: Sequence[str], capfd: pytest.CaptureFixture[str], cwd: Path = REPO) -> CliRun:
    """`lunar-station ARGV` typed in `cwd`, run in this process. Captured at the file descriptors, so what a pilot's
    own process prints counts too; a traceback anywhere fails the test, and so does a hang (at HANG_SECONDS)."""
    capfd.readouterr()  # only this run's output
    with working_folder(cwd), hang_guard(HANG_SECONDS):
        try:
            code = main(list(argv))
        except SystemExit as exit_:  # argparse: --help, --version, or refusing an argument
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 2)
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err, out + err
    return CliRun(code, out, err)


def run_subprocess(argv: Sequence[str], cwd: Path = REPO, env: dict[str, str] | None = None) -> CliRun:
    """`python -m game ARGV` in a process of its own, with this checkout first on PYTHONPATH (so from any working
    folder) and no window or sound device. A hang fails at HANG_SECONDS; an abort fails as a signal."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           **(env or {})}
    done = subprocess.run([sys.executable, "-m", "game", *argv], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=HANG_SECONDS)
    assert done.returncode >= 0, f"aborted by signal {-done.returncode}: {done.stdout}{done.stderr}"
    assert "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
    return CliRun(done.returncode, done.stdout, done.stderr)
