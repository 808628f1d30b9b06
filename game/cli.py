"""The command line: play (no arguments), validate, simulate and schema. Wrong input gets one sentence."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from game import __version__, paths
from game.content.catalog import Catalog, load_catalog
from game.content.loader import (
    ContentFolder,
    LoadedLevel,
    label_for,
    load_base_catalog,
    load_folder,
    load_level,
)
from game.content.models import Level
from game.content.problems import Problem
from game.content.schema import catalog_schema_text, level_schema_text
from game.content.timeline import load_timeline


class _Parser(argparse.ArgumentParser):
    """argparse, but a wrong argument is one line on stderr (exit 2), not a usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="lunar-station",
        description="Build the International Lunar Research Station at the Moon's south pole. "
        "With no command, the game starts.",
    )
    parser.add_argument("--version", action="version", version=f"lunar-station {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    commands.add_parser("play", help="start the game (the default)", description="Start the game.")

    validate = commands.add_parser(
        "validate",
        help="check level files and mod folders",
        description="Check level files, catalog files and mod folders. Exit 0 when all are valid, "
        "1 with every problem listed otherwise.",
    )
    validate.add_argument(
        "paths", nargs="+", metavar="PATH", help="a level file, a catalog file, the milestones file or a folder"
    )

    simulate = commands.add_parser(
        "simulate",
        help="run a level headless and print a summary",
        description="Run a level with no window and print its resources, science and goals. "
        "The same level, seed and commands always give the same result.",
    )
    simulate.add_argument("level", metavar="LEVEL", help="a level file, or the id of a shipped level")
    simulate.add_argument("--days", type=_positive_float, help="days to run (default: the level's time limit)")
    simulate.add_argument("--seed", type=_non_negative_int, help="seed for the dice (default: the level's seed)")
    simulate.add_argument("--commands", type=Path, metavar="FILE",
                          help="a JSON list of commands, e.g. [{\"hour\": 0, \"kind\": \"place\", "
                          "\"module\": \"solar_array\", \"x\": 16, \"y\": 7}]")
    simulate.add_argument("--json", action="store_true", help="print the summary as JSON")

    land = commands.add_parser(
        "land",
        help="fly a cargo landing headless and print its grade",
        description="Fly the level's cargo landing with no window and print the grade. Without --pilot the "
        "built-in autopilot flies; docs/LANDING.md shows how to write your own pilot.",
    )
    land.add_argument("level", metavar="LEVEL", help="a level file, or the id of a shipped level")
    land.add_argument("--pilot", metavar="MODULE:FUNCTION", help="your pilot, e.g. my_pilot:fly or my_pilot.py:fly")
    land.add_argument("--seed", type=_non_negative_int, default=0, help="seed for the terrain and dice (default 0)")
    land.add_argument("--record", type=Path, metavar="FILE",
                      help="write the flight: a .csv file gets the time series, any other the replayable commands")
    land.add_argument("--json", action="store_true", help="print the result as JSON")

    autoplay = commands.add_parser(
        "autoplay",
        help="let the automated player try a level headless",
        description="Let the automated player plan and play a level with no window, through the same commands "
        "a student gives, and print how it went. Exit 0 when it wins, 1 otherwise.",
    )
    autoplay.add_argument("level", metavar="LEVEL", help="a level file, or the id of a shipped level")
    autoplay.add_argument("--seed", type=_non_negative_int, help="seed for the dice (default: the level's seed)")
    autoplay.add_argument("--commands-out", type=Path, metavar="FILE",
                          help="write the commands it gave as JSON, for `simulate --commands`")

    schema = commands.add_parser(
        "schema",
        help="write the JSON Schema of level files",
        description="Write the JSON Schema of level files (for editor completion) to a file or stdout.",
    )
    schema.add_argument("--out", type=Path, metavar="FILE", help="write here instead of to stdout")
    schema.add_argument("--catalog", action="store_true", help="the schema of catalog files instead")
    return parser


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"'{text}' must be more than 0")
    return value


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' must be 0 or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "validate":
            return validate(args.paths)
        if args.command == "simulate":
            return simulate(args.level, args.days, args.seed, args.commands, args.json)
        if args.command == "land":
            return land(args.level, args.pilot, args.seed, args.record, args.json)
        if args.command == "autoplay":
            return autoplay_level(args.level, args.seed, args.commands_out)
        if args.command == "schema":
            return write_schema(args.out, args.catalog)
        return play()
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`... | head`): nothing left to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


# --- validate ---------------------------------------------------------------------------------


def validate(targets: Sequence[str]) -> int:
    base, base_problems = load_base_catalog()
    problems: list[Problem] = list(base_problems)
    checked = 0
    for target in targets:
        path = Path(target)
        if path.is_dir():
            folder = _load_folder(path, base)
            problems += folder.problems
            checked += len(folder.levels)
            for problem in folder.catalog_problems:
                print(problem)
            for level in folder.levels:
                _print_result(level.label, level.problems)
        elif path.is_file() and path.parent.name == "catalog":
            _, catalog_problems = load_catalog([path.parent.parent], base, label_for)
            mine = [p for p in catalog_problems if p.file == label_for(path)]
            problems += mine
            checked += 1
            _print_result(label_for(path), mine)
        elif path.is_file() and path.parent.name == "timeline":
            timeline_problems = load_timeline(path).problems
            problems += timeline_problems
            checked += 1
            _print_result(label_for(path), timeline_problems)
        elif path.exists() or path.suffix:
            loaded = _load_level_file(path, base)
            problems += loaded.problems
            checked += 1
            _print_result(loaded.label, loaded.problems)
        else:
            problems.append(Problem(target, (), "no such file or folder"))
            print(f"{target}: no such file or folder")
    for problem in base_problems:
        print(problem)
    bad_files = len({problem.file for problem in problems})
    if problems:
        print(f"{len(problems)} problem{'s' * (len(problems) != 1)} in {bad_files} file{'s' * (bad_files != 1)}")
        return 1
    print(f"ok: {checked} file{'s' * (checked != 1)} valid")
    return 0


def _print_result(label: str, problems: Sequence[Problem]) -> None:
    if not problems:
        print(f"{label}: ok")
    for problem in problems:
        print(problem)


def _is_game_levels(folder: Path) -> bool:
    return folder.resolve() == paths.levels_dir().resolve()


def _load_folder(folder: Path, base: Catalog) -> ContentFolder:
    return load_folder(folder, None if _is_game_levels(folder) else base)


def _load_level_file(path: Path, base: Catalog) -> LoadedLevel:
    """A level with the game's catalog and, in a mod folder, that mod's catalog over it."""
    catalog, problems = base, list[Problem]()
    if not _is_game_levels(path.parent) and (path.parent / "catalog").is_dir():
        catalog, problems = load_catalog([path.parent], base, label_for)
    loaded = load_level(path, catalog)
    loaded.problems = problems + loaded.problems
    return loaded


# --- simulate ---------------------------------------------------------------------------------


def _playable_level(name: str, command: str) -> tuple[Level, Catalog] | None:
    """The named level with its catalog, or None after telling on stderr what is wrong with it."""
    path = find_level(name)
    if path is None:
        print(f"lunar-station {command}: no level file or shipped level called '{name}'", file=sys.stderr)
        return None
    base, base_problems = load_base_catalog()
    loaded = _load_level_file(path, base)
    problems = base_problems + loaded.problems
    if problems or loaded.level is None or loaded.catalog is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{loaded.label}: the level has problems; fix them and run again", file=sys.stderr)
        return None
    return loaded.level, loaded.catalog


def find_level(name: str) -> Path | None:
    """A level file by path, or a shipped level by id or file stem."""
    path = Path(name)
    if path.is_file():
        return path
    for candidate in sorted(paths.levels_dir().glob("*.toml")):
        if candidate.stem == name or _level_id(candidate) == name:
            return candidate
    return None


def _level_id(path: Path) -> str | None:
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[:40]:
        key, _, value = line.partition("=")
        if key.strip() == "id":
            return value.strip().strip("\"'")
    return None


def simulate(name: str, days: float | None, seed: int | None, commands_file: Path | None, as_json: bool) -> int:
    from game.ecs.session import Simulation
    from game.simulate_report import load_commands, summary, summary_text

    playable = _playable_level(name, "simulate")
    if playable is None:
        return 1
    level, catalog = playable
    try:
        commands = load_commands(commands_file) if commands_file else []
    except ValueError as error:
        print(f"lunar-station simulate: {error}", file=sys.stderr)
        return 1
    simulation = Simulation(level, catalog, seed)
    try:
        hours = round((days if days is not None else level.time_limit_days) * 24)
        events = simulation.run_hours(hours, commands)
        report = summary(simulation, events)
    finally:
        simulation.close()
    print(json.dumps(report, indent=2, ensure_ascii=False) if as_json else summary_text(report))
    return 0


# --- land -------------------------------------------------------------------------------------


def land(name: str, pilot_spec: str | None, seed: int, record: Path | None, as_json: bool) -> int:
    from game.landing.pilot import PilotError
    from game.landing.run import fly, load_pilot

    playable = _playable_level(name, "land")
    if playable is None:
        return 1
    try:
        pilot = load_pilot(pilot_spec) if pilot_spec else None
        result = fly(*playable, pilot, seed, record)
    except (ValueError, PilotError) as error:
        print(f"lunar-station land: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"lunar-station land: cannot write {record}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(json.dumps(result.as_dict(), indent=2, ensure_ascii=False) if as_json else result.summary())
    return 0


# --- autoplay ---------------------------------------------------------------------------------


def autoplay_level(name: str, seed: int | None, commands_out: Path | None) -> int:
    from game.autoplayer import autoplay
    from game.ecs.commands import command_to_json

    playable = _playable_level(name, "autoplay")
    if playable is None:
        return 1
    result = autoplay(*playable, seed)
    print(f"{result.level}: {result.outcome} after {result.days:.1f} days, {len(result.commands)} commands")
    if result.snapshot is not None:
        for goal in result.snapshot.goals:
            print(f"  [{goal.status:>7}] {goal.text} ({goal.fraction:.0%})")
    for module in result.unplaced:
        print(f"  could not place: {module}")
    if commands_out is not None:
        data = [{"hour": hour, **command_to_json(command)} for hour, command in result.commands]
        try:
            commands_out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        except OSError as error:
            print(f"lunar-station autoplay: cannot write {commands_out}: {error.strerror or error}", file=sys.stderr)
            return 1
    return 0 if result.won else 1


# --- schema and play --------------------------------------------------------------------------


def write_schema(out: Path | None, catalog: bool) -> int:
    text = catalog_schema_text() if catalog else level_schema_text()
    if out is None:
        sys.stdout.write(text)
        return 0
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"lunar-station schema: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"wrote {out}")
    return 0


def play() -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # players need no banner in their terminal
    from game.app import run

    return run()
