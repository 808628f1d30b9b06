"""Landing screen frame time: whole frames (events, fixed steps, drawing, flip) at 1280×720, headless.

Run `python -m benchmarks.landing_frames [LANDINGS]`. The autopilot flies the nominal landing of
benchmarks/landing.py through the real app loop at 60 frames a second of game time, with the HUD, the
particles and the suggested-burn marker on; every frame is timed. Goal: the 95th percentile under 8 ms.
Drawing goes to SDL's dummy driver, so the figure is the game's own work without the display's.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Sequence

from tests.landing_helpers import FIRST_LEVEL, NOMINAL_LANDING

GOAL_MS = 8.0
FRAME_S = 1 / 60
Row = tuple[str, float, str, str]


def frame_times(landings: int = 2) -> list[float]:
    """Seconds each frame took over `landings` autopiloted landings, from the first step to the grade."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.app import open_app
    from game.content.loader import LoadedLevel, load_level_by_path
    from game.content.models import Landing, LandingAssists
    from game.scenes.context import SceneContext
    from game.scenes.landing.flight_screen import LandingScene

    loaded = load_level_by_path(FIRST_LEVEL)
    level, catalog = loaded.require()
    nominal = LoadedLevel(loaded.path, loaded.label, level.model_copy(
        update={"landing": Landing.model_validate(NOMINAL_LANDING)}), catalog)
    assists = LandingAssists(suggested_burn=True)
    times: list[float] = []
    for seed in range(landings):

        def landing(ctx: SceneContext, seed: int = seed) -> LandingScene:
            return LandingScene(ctx, nominal, seed=seed, autopilot=True, assists=assists)

        app = open_app(landing)
        try:
            scene = app.top
            assert isinstance(scene, LandingScene)
            for _ in range(5):  # the first frames build caches: not what a player feels while flying
                app.frame(FRAME_S)
            while scene.phase == "flying":
                start = time.perf_counter()
                app.frame(FRAME_S)
                times.append(time.perf_counter() - start)
        finally:
            app.close()
    return times


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def landing_frame_rows(landings: int = 2) -> list[Row]:
    times = frame_times(landings)
    p95 = percentile(times, 0.95) * 1000
    median = statistics.median(times) * 1000
    return [(
        "landing screen: 95th percentile frame", p95, "ms",
        f"1280×720, {len(times)} frames of {landings} autopiloted landings, median {median:.2f} ms; "
        f"{p95 / GOAL_MS:.2f}× the 8 ms goal",
    )]


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    landings = int(args[0]) if args else 2
    times = frame_times(landings)
    p95 = percentile(times, 0.95) * 1000
    print(f"frames timed:      {len(times)} ({landings} landings, 1280×720, dummy display)")
    print(f"median frame:      {statistics.median(times) * 1000:.2f} ms")
    print(f"95th percentile:   {p95:.2f} ms (goal: under {GOAL_MS:g} ms; {p95 / GOAL_MS:.2f}× the goal)")
    print(f"99th percentile:   {percentile(times, 0.99) * 1000:.2f} ms")
    print(f"slowest frame:     {max(times) * 1000:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
