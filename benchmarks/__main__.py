"""Prints the benchmark table. Figures are medians of a few repeats; compare ratios from one run."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.harness import seconds_to_interactive

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    figure: float
    unit: str
    note: str


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def startup_rows(repeats: int) -> list[Row]:
    bare = statistics.median(seconds_to_interactive("bare") for _ in range(repeats))
    title = statistics.median(seconds_to_interactive("game") for _ in range(repeats))
    return [
        Row("start-up: bare pygame window", bare * 1000, "ms", "a fresh interpreter to a flipped window"),
        Row("start-up: interactive title screen", title * 1000, "ms",
            f"{title / bare:.1f}× the bare window (goal: under 1,500 ms)"),
    ]


def content_rows(repeats: int) -> list[Row]:
    from game.content.loader import load_game_content

    folders = load_game_content([])
    count = sum(len(folder.levels) for folder in folders)
    assert not any(folder.problems for folder in folders), "a shipped level has problems"
    seconds = median_seconds(lambda: load_game_content([]), repeats)
    return [Row("load and validate every shipped level", seconds * 1000, "ms",
                f"{count} level(s) with all catalogs, {seconds * 1000 / max(count, 1):.1f} ms a level")]


def simulate_rows(repeats: int) -> list[Row]:
    from game.content.loader import load_level_by_path
    from game.rules.hours import HOURS_PER_YEAR
    from game.simulation.simulation import Simulation

    level, catalog = load_level_by_path(REPO / "levels" / "01_agreement_2021.toml").require()
    hours = round(HOURS_PER_YEAR)

    def one_year() -> None:
        # A level ends at its time limit; lift it so the run covers a whole year.
        long_level = level.model_copy(update={"time_limit_days": 400})
        run = Simulation(long_level, catalog)
        run.run_hours(hours)
        assert run.hour == hours
        run.close()

    seconds = median_seconds(one_year, repeats)
    return [Row("simulate one game-year (level 1)", seconds * 1000, "ms",
                f"{365.25 / seconds:,.0f} game-days a second, {hours / seconds:,.0f} steps a second")]


def station_sim_rows(_repeats: int) -> list[Row]:
    from benchmarks.station import station_rows

    return [Row(*row) for row in station_rows()]


def station_frame_rows(_repeats: int) -> list[Row]:
    from benchmarks.station_frames import station_rows

    return [Row(*row) for row in station_rows()]


def landing_rows(_repeats: int) -> list[Row]:
    from benchmarks.landing import landing_rows as rows

    return [Row(*row) for row in rows()]


def pilot_process_rows(_repeats: int) -> list[Row]:
    from benchmarks.pilot_process import pilot_process_rows as rows

    return [Row(*row) for row in rows()]


def landing_frame_rows(_repeats: int) -> list[Row]:
    from benchmarks.landing_frames import landing_frame_rows as rows

    return [Row(*row) for row in rows()]


def landing_sound_rows(_repeats: int) -> list[Row]:
    from benchmarks.landing_frames import sound_rows

    return [Row(*row) for row in sound_rows()]


def screen_frame_rows(_repeats: int) -> list[Row]:
    from benchmarks.screens import screen_rows

    return [Row(*row) for row in screen_rows()]


def terrain_rows(_repeats: int) -> list[Row]:
    from benchmarks.terrain import terrain_rows as rows

    return [Row(*row) for row in rows()]


def partner_rows(_repeats: int) -> list[Row]:
    from benchmarks.partners import partner_rows as rows

    return [Row(*row) for row in rows()]


def bundle_rows(_repeats: int) -> list[Row]:
    from benchmarks.bundle import bundle_rows as rows

    return [Row(*row) for row in rows()]


def class_report_rows(_repeats: int) -> list[Row]:
    from benchmarks.class_report import class_report_rows as rows

    return [Row(*row) for row in rows()]


def modding_rows(_repeats: int) -> list[Row]:
    from benchmarks.modding import modding_rows as rows

    return [Row(*row) for row in rows()]


def language_rows(_repeats: int) -> list[Row]:
    from benchmarks.languages import language_rows as rows

    return [Row(*row) for row in rows()]


def main() -> int:
    repeats = 5
    rows: list[Row] = []
    for group in (startup_rows, content_rows, simulate_rows, station_sim_rows, landing_rows, pilot_process_rows,
                  landing_frame_rows, landing_sound_rows, station_frame_rows, terrain_rows, partner_rows,
                  screen_frame_rows, bundle_rows, class_report_rows, modding_rows, language_rows):
        try:
            rows += group(repeats)
        except Exception as error:  # a broken benchmark row must not hide the others
            rows.append(Row(group.__name__, float("nan"), "", f"failed: {error}"))
    width = max(len(row.name) for row in rows)
    print(f"{'benchmark':<{width}}  {'figure':>10}  {'unit':<7}  note")
    for row in rows:
        print(f"{row.name:<{width}}  {row.figure:>10,.1f}  {row.unit:<7}  {row.note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
