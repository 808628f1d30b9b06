"""What a pilot's own process costs: landing steps per second with the same pilot in this process and in its own.

Run `python -m benchmarks.pilot_process [LANDINGS]`. The pilot is the built-in autopilot, loaded by
`load_pilot` from a file as a student's pilot is, so that all three ways fly the very same controller:

- in process: the function called directly, as before pilots had a process of their own;
- own process, whole flight: how `land` flies a student's pilot (the flight is flown in the pilot's process and its
  commands flown again here: one exchange a flight, and the physics twice);
- own process, step by step: the pilot called once a step, one round trip through a pipe each.

Wall time (the work is spread over two processes, so one process's CPU time would hide half of it), rounds taken
in turn so that a change in the machine's load falls on all alike, the median of each reported; starting the
process and loading the pilot are timed apart, once.

Figures from the 2-core machine shared with other work (Python 3.11), 8 landings a round:

- load about 2: in process 134,300 steps/s; own process, whole flight 57,600 (0.43×, commands sent back as a list
  of objects); step by step 18,400 (0.14×); starting the process and loading the pilot 294 ms.
- load about 14, commands sent back packed (three floats a step): in process 31,500; whole flight 16,900 (0.54×);
  step by step 4,200 (0.13×); start 1,417 ms.

A whole flight costs about twice the physics (flown there, then again here), so about half the rate: a ten-minute
landing (36,000 steps) still takes well under a second. The start, a fresh interpreter importing the landing code,
is what a student notices, once a `land`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.harness import Row, print_rows
from game.landing.autopilot import Autopilot
from game.landing.pilot import Pilot
from game.landing.run import fly, load_pilot
from tests.landing_helpers import nominal_level

ROUNDS = 5  # game values for the benchmark
STEP_BY_STEP_SHARE = 4  # the slow way flies a quarter of the landings, enough for a steady figure

PILOT_FILE = "from game.landing.autopilot import Autopilot\n\nfly = Autopilot()\n"


def _steps_per_second(fly_with: Callable[[int], int], seeds: Sequence[int]) -> float:
    start = time.perf_counter()
    steps = sum(fly_with(seed) for seed in seeds)
    return steps / (time.perf_counter() - start)


def pilot_process_rows(landings: int = 8) -> list[Row]:
    """(name, figure, unit, note) rows: steps per second each way, with the ratios, and the start-up time."""
    level, catalog = nominal_level()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench_pilot.py"
        path.write_text(PILOT_FILE, encoding="utf-8")
        start = time.perf_counter()
        far = load_pilot(f"{path}:fly")
        startup = time.perf_counter() - start
    with far:
        near: Pilot = Autopilot()
        by_step: Pilot = far.__call__  # a plain function of the pilot's process: fly_scenario calls it each step

        def flown(pilot: Pilot) -> Callable[[int], int]:
            return lambda seed: fly(level, catalog, pilot=pilot, seed=seed).steps

        figures: dict[str, list[float]] = {"near": [], "far": [], "step": []}
        for round_index in range(ROUNDS):
            seeds = range(round_index * landings, (round_index + 1) * landings)
            figures["near"].append(_steps_per_second(flown(near), seeds))
            figures["far"].append(_steps_per_second(flown(far), seeds))
            few = seeds[: max(1, landings // STEP_BY_STEP_SHARE)]
            figures["step"].append(_steps_per_second(flown(by_step), few))
    near_rate, far_rate, step_rate = (statistics.median(figures[key]) for key in ("near", "far", "step"))
    return [
        ("pilot: in this process", near_rate, "steps/s",
         f"the autopilot loaded from a file, called directly; wall time, median of {ROUNDS} rounds of {landings}"),
        ("pilot: own process, whole flight", far_rate, "steps/s",
         f"how `land` flies a student's pilot: {far_rate / near_rate:.2f}× in process (one exchange a flight, the "
         "physics flown twice)"),
        ("pilot: own process, step by step", step_rate, "steps/s",
         f"one pipe round trip a step: {step_rate / near_rate:.2f}× in process (why flights are batched)"),
        ("pilot: start its process and load it", startup * 1000, "ms", "once a `land`, a fresh interpreter"),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    print_rows(pilot_process_rows(int(args[0]) if args else 8), digits=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
