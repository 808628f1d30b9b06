"""What the benchmarks share: a throwaway user folder, the real app opened in one with the settings a look needs,
the seconds until a fresh interpreter's window is interactive, and printing a benchmark's rows.

    with opened_app(Settings(window_size=(1920, 1080), ui_scale=1.5)) as app:
        ...  # time app.frame(...) here; the player's own settings are never read or written
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
Row = tuple[str, float, str, str]  # name, figure, unit, note


@contextlib.contextmanager
def throwaway_home() -> Iterator[Path]:
    """While open, the game's user folder is a new empty one (LUNAR_STATION_HOME), put back as it was after."""
    previous = os.environ.get("LUNAR_STATION_HOME")
    with tempfile.TemporaryDirectory(prefix="lunar-station-bench-") as home:
        os.environ["LUNAR_STATION_HOME"] = home
        try:
            yield Path(home)
        finally:
            if previous is None:
                os.environ.pop("LUNAR_STATION_HOME", None)
            else:
                os.environ["LUNAR_STATION_HOME"] = previous


@contextlib.contextmanager
def opened_app(settings: Any) -> Iterator[Any]:
    """The real app on SDL's dummy display and sound, in a throwaway user folder holding only `settings`; closed
    after. Its window is the size the settings ask for."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.app import open_app
    from game.settings import save_settings

    with throwaway_home():
        save_settings(settings)
        app = open_app()
        try:
            size = tuple(settings.window_size)
            assert app.window.get_size() == size, f"asked for a {size} window, got {app.window.get_size()}"
            yield app
        finally:
            app.close()


def seconds_to_interactive(mode: str, env: Mapping[str, str] | None = None) -> float:
    """Wall time from spawning a fresh interpreter running benchmarks/startup_probe.py in `mode` ("bare" or
    "game"), with the environment `env` (None: this one's), until it reports its window interactive."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "benchmarks.startup_probe", mode], cwd=REPO,
                             env=None if env is None else dict(env), stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == "interactive":
            elapsed = time.perf_counter() - start
            break
    else:
        child.wait()
        raise RuntimeError(f"the {mode} start-up probe never became interactive")
    child.wait(timeout=60)
    return elapsed


def print_rows(rows: Iterable[Row], digits: int = 2) -> None:
    """One line a row: the names in a column as wide as the longest, the figures with `digits` decimals."""
    rows = list(rows)
    width = max((len(row[0]) for row in rows), default=0)
    for name, figure, unit, note in rows:
        print(f"{name:<{width}}  {figure:>10,.{digits}f} {unit:<4} {note}")
