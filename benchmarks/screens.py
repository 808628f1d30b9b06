"""Frame time of every screen of the game, headless, opened the way a player opens it, at two looks.

Run `python -m benchmarks.screens [FRAMES] [SCREEN...]`. Each screen is reached through the real app (title buttons,
keys), then FRAMES whole frames (events, update, drawing, flip) are timed after a few warm-up frames, once in
a 1280×720 window at 100 % text and once in a 1920×1080 window at 150 % text (a projector's size, and the text
size a classroom at the back of the room asks for). Goal: the 95th percentile of each frame's CPU time at most
4 ms on every screen at both looks (school laptops are about three times slower than one core here, so
4 ms here is about 12 ms there, inside a 60 Hz frame). CPU time leaves out the moments another program on a
shared machine had the processor. Drawing goes to SDL's dummy driver, so the figure is the game's own work
without the display's. Each look runs in a throwaway user folder, so the player's settings are never read or
written. The way to each screen, `open_screen(app, name)`, is the tests' (tests/screen_tour.py).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Sequence

from benchmarks.harness import Row, opened_app, print_rows
from tests.screen_tour import SCREENS, open_screen, run_frames

GOAL_MS = 4.0
FRAME_S = 1 / 60
WARM_UP_FRAMES = 5
# (window size, text size): the default window, and a 1080p projector with the text at 150 %.
LOOKS: tuple[tuple[tuple[int, int], float], ...] = (((1280, 720), 1.0), ((1920, 1080), 1.5))

def frame_times(name: str, frames: int, size: tuple[int, int] = LOOKS[0][0], text_scale: float = LOOKS[0][1],
                ) -> tuple[list[float], list[float]]:
    """Seconds each of `frames` frames took on screen `name` in a `size` window at `text_scale`, as wall time and
    as this thread's CPU time.

    The CPU time leaves out the moments another program on a shared machine had the processor, which
    wall time counts as a slow frame. Runs in a throwaway user folder holding only the look's settings."""
    from game.settings import Settings

    with opened_app(Settings(window_size=size, ui_scale=text_scale)) as app:
        open_screen(app, name)
        run_frames(app, WARM_UP_FRAMES)  # the first frames build caches: not what a player feels
        wall, cpu = [], []
        for _ in range(frames):
            start, start_cpu = time.perf_counter(), time.thread_time()
            app.frame(FRAME_S)
            wall.append(time.perf_counter() - start)
            cpu.append(time.thread_time() - start_cpu)
        return wall, cpu


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def screen_rows(frames: int = 120, names: Sequence[str] = SCREENS) -> list[Row]:
    """One row a screen and look: its 95th-percentile CPU time a frame and the ratio to the 4 ms goal."""
    rows: list[Row] = []
    for size, text_scale in LOOKS:
        look = f"{size[0]}×{size[1]}, {text_scale:.0%} text"
        for name in names:
            wall, cpu = frame_times(name, frames, size, text_scale)
            cpu_p95 = percentile(cpu, 0.95) * 1000
            verdict = "meets" if cpu_p95 <= GOAL_MS else "MISSES"
            rows.append((f"screen {name.replace('_', ' ')}, {size[1]}p: CPU-time p95 frame", cpu_p95, "ms",
                         f"{look}, {frames} frames, median {statistics.median(cpu) * 1000:.2f} ms, wall-time p95 "
                         f"{percentile(wall, 0.95) * 1000:.2f} ms; {cpu_p95 / GOAL_MS:.2f}× the 4 ms goal ({verdict})"))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    frames = int(args[0]) if args and args[0].isdigit() else 120
    names = [arg for arg in args if not arg.isdigit()] or SCREENS
    print_rows(screen_rows(frames, names))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
