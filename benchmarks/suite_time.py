"""The test suite's own cost: the whole suite in one process (`-n 0`) and on every core (the `-n` of
pyproject.toml's addopts), each with its wall time and its CPU time (user + system of pytest and every process it
waited for: xdist's workers, ruff, mypy, the CLI tests' children), then the tests that used the most CPU.

    python3 -m benchmarks.suite_time [--only serial|parallel] [--top N] [-- PYTEST ARGS...]

On a shared machine the wall time depends on what else runs; the CPU time hardly does, so compare CPU figures
between runs and read the wall ratio with the load average printed beside it. It takes minutes: it is not part of
`python3 -m benchmarks`.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class SuiteRun:
    name: str
    wall_s: float
    cpu_s: float
    exit_code: int
    per_test: dict[str, float]  # CPU seconds by test id (benchmarks/suite_cpu.py)
    load_before: tuple[float, float, float]
    outcome_line: str  # pytest's last line: how many passed, failed, in how long


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run_suite(name: str, workers: list[str], extra: list[str]) -> SuiteRun:
    """Runs the suite once; the CPU is what pytest and its descendants used, as the kernel counted it."""
    with tempfile.TemporaryDirectory(prefix="suite-cpu-") as report:
        env = {**os.environ, "SUITE_CPU_REPORT": report, "PYTHONPATH": str(REPO)}
        load = os.getloadavg()
        cpu_start, wall_start = _children_cpu(), time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "pytest", "-p", "benchmarks.suite_cpu", *workers, *extra],
                              cwd=REPO, env=env, capture_output=True, text=True)
        wall, cpu = time.perf_counter() - wall_start, _children_cpu() - cpu_start
        per_test: dict[str, float] = {}
        for path in Path(report).glob("cpu-*.json"):
            per_test.update(json.loads(path.read_text(encoding="utf-8")))
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    return SuiteRun(name, wall, cpu, done.returncode, per_test, load, lines[-1] if lines else done.stderr[-300:])


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.0f} min {seconds % 60:04.1f} s" if seconds >= 60 else f"{seconds:.1f} s"


def report(runs: list[SuiteRun], top: int) -> str:
    lines = [f"machine: {os.cpu_count()} cores", ""]
    lines.append(f"{'run':<10} {'wall':>14} {'CPU':>14}  {'load before (1, 5, 15 min)':<28} outcome")
    for run in runs:
        load = ", ".join(f"{value:.1f}" for value in run.load_before)
        lines.append(f"{run.name:<10} {_minutes(run.wall_s):>14} {_minutes(run.cpu_s):>14}  {load:<28} "
                     f"{run.outcome_line}")
    named = {run.name: run for run in runs}
    if "serial" in named and "parallel" in named:
        serial, parallel = named["serial"], named["parallel"]
        lines += ["", f"wall: parallel takes {parallel.wall_s / serial.wall_s:.2f}× the serial time "
                      f"({serial.wall_s / parallel.wall_s:.2f}× as fast)",
                  f"CPU: parallel uses {parallel.cpu_s / serial.cpu_s:.2f}× the serial CPU (workers' start-up and "
                  f"collection)"]
    source = named.get("serial") or runs[0]
    if top and source.per_test:
        total = sum(source.per_test.values())
        lines += ["", f"CPU by test file ({source.name}, {len(source.per_test)} tests, {total:.0f} s in tests):"]
        by_file: dict[str, float] = {}
        for test, seconds in source.per_test.items():
            by_file[test.split("::")[0]] = by_file.get(test.split("::")[0], 0.0) + seconds
        for path, seconds in sorted(by_file.items(), key=lambda item: -item[1])[:top]:
            lines.append(f"  {seconds:7.1f} s  {seconds / total:5.1%}  {path}")
        lines += ["", f"the {top} tests that used the most CPU:"]
        for test, seconds in sorted(source.per_test.items(), key=lambda item: -item[1])[:top]:
            lines.append(f"  {seconds:7.2f} s  {test}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--only", choices=("serial", "parallel"), help="run the suite one way only")
    parser.add_argument("--top", type=int, default=15, help="how many files and tests to list by CPU (0: none)")
    parser.add_argument("pytest_args", nargs="*", help="after --: passed to pytest (e.g. a test file)")
    args = parser.parse_args(argv)
    plans = [("serial", ["-n", "0"]), ("parallel", [])]  # parallel: pyproject's addopts decide the workers
    runs = [run_suite(name, workers, args.pytest_args) for name, workers in plans if args.only in (None, name)]
    print(report(runs, args.top))
    return max(run.exit_code for run in runs)


if __name__ == "__main__":
    raise SystemExit(main())
