"""Landing screen frame time: whole frames (events, fixed steps, drawing, flip) at 1280×720, headless.

Run `python -m benchmarks.landing_frames [LANDINGS]`. The autopilot flies the nominal landing of
benchmarks/landing.py through the real app loop at 60 frames a second of game time, with the HUD, the
particles and the suggested-burn marker on; every frame is timed. Goal: the 95th percentile under 8 ms.
Drawing goes to SDL's dummy driver, so the figure is the game's own work without the display's.

`python -m benchmarks.landing_frames sound [LANDINGS]` measures what the sound aids (the flight heard as tones
and called out, on with audio assistance) add: the same landings flown without and with them, taking turns,
each frame's CPU time (`time.process_time`, so the mixer's thread counts too and other people's work does not)
on SDL's dummy audio device. Goal: at most 0.5 ms more at the 95th percentile.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence

from tests.landing_helpers import FIRST_LEVEL, NOMINAL_LANDING

GOAL_MS = 8.0
SOUND_GOAL_MS = 0.5
FRAME_S = 1 / 60
Row = tuple[str, float, str, str]


def frame_times(landings: int = 2, sound_aids: bool = False, clock: Callable[[], float] = time.perf_counter,
                first_seed: int = 0) -> list[float]:
    """Seconds each frame took over `landings` autopiloted landings, from the first step to the grade; with
    `sound_aids`, heard as tones and called out (audio assistance on for these landings only)."""
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
    for seed in range(first_seed, first_seed + landings):
        chosen: list[bool] = []

        def landing(ctx: SceneContext, seed: int = seed, chosen: list[bool] = chosen) -> LandingScene:
            chosen.append(ctx.settings.audio_assistance)
            ctx.settings.audio_assistance = sound_aids
            return LandingScene(ctx, nominal, seed=seed, autopilot=True, assists=assists)

        app = open_app(landing)
        try:
            scene = app.top
            assert isinstance(scene, LandingScene)
            for _ in range(5):  # the first frames build caches: not what a player feels while flying
                app.frame(FRAME_S)
            while scene.phase == "flying":
                start = clock()
                app.frame(FRAME_S)
                times.append(clock() - start)
        finally:
            app.ctx.settings.audio_assistance = chosen[0]  # the player's own settings are saved on closing
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


def sound_aid_cost(landings: int = 4) -> tuple[float, float, int]:
    """(p95 without, p95 with the sound aids) in CPU milliseconds, and frames timed; the same seeds, in turns."""
    without: list[float] = []
    with_aids: list[float] = []
    for seed in range(landings):
        without += frame_times(1, False, time.process_time, seed)
        with_aids += frame_times(1, True, time.process_time, seed)
    return percentile(without, 0.95) * 1000, percentile(with_aids, 0.95) * 1000, len(without) + len(with_aids)


def sound_rows(landings: int = 4) -> list[Row]:
    before, after, frames = sound_aid_cost(landings)
    verdict = "goal met" if after - before <= SOUND_GOAL_MS else "goal NOT met"
    return [(
        "landing screen: sound aids' cost at p95", after - before, "ms",
        f"CPU time, {frames} frames of {landings} landings flown without and with tones and call-outs in turn: "
        f"p95 {before:.2f} ms without, {after:.2f} ms with (goal: at most +{SOUND_GOAL_MS:g} ms, {verdict})",
    )]


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "sound":
        landings = int(args[1]) if len(args) > 1 else 4
        before, after, frames = sound_aid_cost(landings)
        print(f"frames timed:      {frames} ({landings} landings each way, 1280×720, dummy display and audio)")
        print(f"p95 without aids:  {before:.2f} ms CPU")
        print(f"p95 with aids:     {after:.2f} ms CPU (tones and call-outs)")
        print(f"added:             {after - before:+.2f} ms (goal: at most +{SOUND_GOAL_MS:g} ms)")
        return 0
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
