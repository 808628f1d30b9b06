"""A modder's loop: `validate` of a mod like the example mod, and reloading a changed level in the running game.

Run `python -m benchmarks.modding`. Goals: validate at most 0.5 s (in a running interpreter, and the whole
command from a fresh one is printed beside it), reload at most 1 s (from the player's "Reload" to the new
station screen drawn).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.harness import Row, print_rows

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_MOD = REPO / "examples" / "mods" / "artemis"
VALIDATE_GOAL_S = 0.5
RELOAD_GOAL_S = 1.0


def validate_seconds(repeats: int = 5) -> tuple[float, float]:
    """(median in-process seconds of `validate` on the example mod, seconds of the whole command)."""
    from game import cli

    def once() -> float:
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            code = cli.main(["validate", str(EXAMPLE_MOD)])
        assert code == 0, "the example mod must validate"
        return time.perf_counter() - start

    once()  # imports and the first reads of the files
    in_process = statistics.median(once() for _ in range(repeats))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "game", "validate", str(EXAMPLE_MOD)], cwd=REPO, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return in_process, time.perf_counter() - start


def reload_seconds(repeats: int = 3) -> float:
    """Median seconds from answering "Reload" to the changed level's station screen drawn, in the real app."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    home = tempfile.mkdtemp()
    os.environ["LUNAR_STATION_HOME"] = home
    import pygame

    from game.app import open_app
    from game.content.loader import load_level_by_path
    from game.content.watch import LevelWatch
    from game.scenes.station.station_scene import StationScene

    mod = Path(home) / "artemis"
    shutil.copytree(EXAMPLE_MOD, mod)
    level = mod / "artemis_gateway.toml"
    loaded = load_level_by_path(level)
    watch = LevelWatch(level)
    app = open_app(lambda ctx: StationScene(ctx, loaded, watch=watch), under_title=True)
    times = []
    try:
        for _ in range(3):
            app.frame(1 / 60)
        for attempt in range(repeats):
            text = level.read_text(encoding="utf-8")
            level.write_text(text.replace(f"seed = {2024 + attempt}", f"seed = {2025 + attempt}"), encoding="utf-8")
            later = time.time() + 10 * (attempt + 1)
            os.utime(level, (later, later))
            for _ in range(12):
                app.frame(0.1)
            scene = app.top
            assert isinstance(scene, StationScene) and scene.reload.offered
            start = time.perf_counter()
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0))
            while app.top is scene:
                app.frame(1 / 60)
            app.frame(1 / 60)  # the new screen's first frame, drawn
            times.append(time.perf_counter() - start)
    finally:
        app.close()
        shutil.rmtree(home, ignore_errors=True)
    return statistics.median(times)


def modding_rows() -> list[Row]:
    in_process, command = validate_seconds()
    reload = reload_seconds()
    return [
        ("modding: validate the example mod", in_process * 1000, "ms",
         f"goal: under {VALIDATE_GOAL_S * 1000:,.0f} ms; the whole command from a fresh interpreter "
         f"{command * 1000:,.0f} ms"),
        ("modding: reload a changed level", reload * 1000, "ms",
         f"answer Reload to the new station screen drawn (goal: under {RELOAD_GOAL_S * 1000:,.0f} ms)"),
    ]


def main() -> int:
    print_rows(modding_rows(), digits=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
