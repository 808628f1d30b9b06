"""The command line: play (no arguments), validate, simulate and schema. Wrong input gets one sentence."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from game import __version__, paths
from game.classroom import commands as classroom
from game.content.catalog import Catalog, catalog_files, load_catalog
from game.content.difficulty import DEFAULT_PRESET, PRESETS, with_difficulty
from game.content.loader import (
    LoadedLevel,
    has_mod_layer,
    installed_mods,
    is_content_folder,
    label_for,
    level_files,
    load_base_catalog,
    load_folder,
    load_level,
    load_level_by_path,
    mark_id_clashes,
    shipped_level_ids,
    top_level_id,
)
from game.content.mod_text import MOD_LANGUAGE_FOLDER, mod_translations
from game.content.models import MAX_DAYS, MAX_SEED, Level
from game.content.problems import Problem
from game.content.schema import catalog_schema_text, level_schema_text
from game.content.text import printable
from game.content.timeline import load_timeline, load_timelines, mod_timeline_path


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

    play_command = commands.add_parser(
        "play", help="start the game (the default), or open one level straight away",
        description="Start the game. With LEVEL, open that level's station screen straight away; when its file "
        "(or its mod's catalog) changes on disk, the game offers to reload it, keeping the view of the map.",
    )
    play_command.add_argument("level", nargs="?", metavar="LEVEL",
                              help="a level file, or the id of a shipped or installed level")
    play_command.add_argument("--class", dest="class_file", type=Path, metavar="FILE",
                              help="play in the class this class file (or folder holding class.toml) sets up")
    classroom.add_commands(commands)
    commands.add_parser(
        "where",
        help="show where settings, saves, mods and results are kept",
        description="Show the folders the game reads and writes, and whether portable mode is on.",
    )

    validate = commands.add_parser(
        "validate",
        help="check level files and mod folders",
        description="Check level files, catalog files and mod folders. Exit 0 when all are valid, "
        "1 with every problem listed otherwise.",
    )
    validate.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="a level file or id, a catalog file or folder, the milestones file, a mod or the mods folder"
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
    simulate.add_argument("--difficulty", choices=PRESETS, default=DEFAULT_PRESET,
                          help="the difficulty preset: explorer, standard (default, the level as written) or challenge")

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
    autoplay.add_argument("--difficulty", choices=PRESETS, default=DEFAULT_PRESET,
                          help="the difficulty preset: explorer, standard (default, the level as written) or challenge")
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
        raise argparse.ArgumentTypeError(f"'{printable(text)}' is not a number") from None
    if not value > 0 or not math.isfinite(value) or value > MAX_DAYS:
        raise argparse.ArgumentTypeError(f"'{printable(text)}' must be more than 0 and at most {MAX_DAYS:,.0f} "
                                         "(a century, the longest a level lasts)")
    return value


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{printable(text[:40])}' is not a whole number") from None
    if not 0 <= value <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"'{printable(text[:40])}' must be a whole number from 0 to {MAX_SEED}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "validate":
            return validate(args.paths)
        if args.command == "simulate":
            return simulate(args.level, args.days, args.seed, args.commands, args.json, args.difficulty)
        if args.command == "land":
            return land(args.level, args.pilot, args.seed, args.record, args.json)
        if args.command == "autoplay":
            return autoplay_level(args.level, args.seed, args.commands_out, args.difficulty)
        if args.command == "schema":
            return write_schema(args.out, args.catalog)
        if args.command == "where":
            return where()
        if args.command in ("class", "report"):
            return classroom.run(args)
        return play(getattr(args, "level", None), getattr(args, "class_file", None))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`... | head`): nothing left to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


# --- validate ---------------------------------------------------------------------------------


def _validation_target(target: str) -> Path | None:
    """The file or folder `target` names: as given, else inside the player's mods folder (MODDING.md's first steps
    say `lunar-station validate my_mod`, which answered 'no such file' unless typed in that folder), else an
    installed level by its id."""
    path = Path(target)
    if path.exists():
        return path
    in_mods = paths.user_mods_dir() / target
    return in_mods if in_mods.exists() else find_level(target)


def validate(targets: Sequence[str]) -> int:
    """Checks each target as the game would read it; exit 0 when all are valid, 1 with every problem, 2 for a
    path that is not there (a mistake in the command itself)."""
    found = {target: _validation_target(target) for target in targets}
    missing = [target for target, path in found.items() if path is None]
    for target in missing:
        print(f"lunar-station validate: no such file or folder, and no level with that id: {target}", file=sys.stderr)
    if missing:
        return 2
    check = _Validation()
    for path in found.values():
        if path is not None:
            check.target(path)
    return check.finish()


class _Validation:
    """Everything `validate` was asked to check, read the way the game reads it: the same checks and the same
    sentences, including a level id that a shipped level or another mod already has."""

    def __init__(self) -> None:
        self.base, self.base_problems = load_base_catalog()
        self.results: list[tuple[str, list[Problem]]] = []  # (label, problems) in the order checked
        self.mods: list[tuple[Path, list[LoadedLevel]]] = []  # mod folders whose level ids must not clash

    def target(self, path: Path) -> None:
        if not path.is_dir():  # a file, or a pipe or device, which the reader refuses with a sentence
            self.file(path)
        elif _same_path(path, paths.levels_dir()):
            folder = load_folder(path)
            self.results.append(("", folder.catalog_problems))
            self.results += [(level.label, level.problems) for level in folder.levels]
        elif path.name == "catalog":
            self.catalog_folder(path)
        elif path.name == "timeline":
            self.files(path, sorted(path.glob("*.toml")), "no milestones files (*.toml)")
        elif path.name == MOD_LANGUAGE_FOLDER and is_content_folder(path.parent):
            self.languages(path)
        elif is_content_folder(path):
            self.mod(path)
        else:
            mods = sorted(child for child in path.iterdir() if child.is_dir())
            if not mods:
                self.results.append((label_for(path), [Problem(label_for(path), (), (
                    "this folder is empty: it holds no level files (*.toml), no catalog/ folder and no mod folders"
                ))]))
            for mod in mods:
                self.mod(mod)

    def file(self, path: Path) -> None:
        if path.parent.name == MOD_LANGUAGE_FOLDER and is_content_folder(path.parent.parent):
            label = label_for(path)
            self.results.append((label, [p for p in mod_translations(path.parent.parent, label_for)[1]
                                         if p.file == label]))
        elif path.parent.name == "catalog":
            catalog, problems = load_catalog([path.parent.parent], self.base, label_for)
            self.results.append((label_for(path), [p for p in problems if p.file == label_for(path)]))
        elif path.parent.name == "timeline":
            self.results.append((label_for(path), load_timeline(path).problems))
        else:
            catalog, problems = self.catalog_of(path.parent)
            loaded = load_level(path, catalog, mod_translations(path.parent, label_for)[0])
            loaded.problems = problems + loaded.problems
            self.results.append((loaded.label, loaded.problems))
            if not _same_path(path.parent, paths.levels_dir()):
                self.mods.append((path.parent, [loaded]))

    def files(self, folder: Path, files: list[Path], none: str) -> None:
        if not files:
            self.results.append((label_for(folder), [Problem(label_for(folder), (), f"this folder holds {none}")]))
        for path in files:
            self.file(path)

    def languages(self, folder: Path) -> None:
        """A mod's lang/ folder: each translation file on its own."""
        files = sorted(folder.glob("*.po")) + sorted(folder.glob("*.toml"))
        if not files:
            self.files(folder, files, "no language files (*.po)")
            return
        problems = mod_translations(folder.parent, label_for)[1]
        for path in files:
            label = label_for(path)
            self.results.append((label, [p for p in problems if p.file == label]))

    def catalog_folder(self, folder: Path) -> None:
        files = sorted(folder.glob("*.toml"))
        if not files:
            self.files(folder, files, "no catalog files (*.toml)")
            return
        if _same_path(folder.parent, paths.levels_dir()):
            _, problems = load_catalog([folder.parent], None, label_for)
        else:
            _, problems = load_catalog([folder.parent], self.base, label_for)
        labels = [label_for(path) for path in files]
        for label in labels:
            self.results.append((label, [p for p in problems if p.file == label]))
        self.results.append(("", [p for p in problems if p.file not in labels]))

    def catalog_of(self, folder: Path) -> tuple[Catalog, list[Problem]]:
        """The catalog a level in `folder` is checked with: the game's, and the mod's own over it."""
        if _same_path(folder, paths.levels_dir()) or not has_mod_layer(folder):
            return self.base, []
        return load_catalog([folder], self.base, label_for)

    def mod(self, folder: Path) -> None:
        loaded = load_folder(folder, self.base)
        if not loaded.levels and not (folder / "catalog").is_dir():
            self.results.append((label_for(folder), [Problem(label_for(folder), (), (
                "this mod folder holds no level files (*.toml) and no catalog/ folder"
            ))]))
            return
        self.results.append(("", loaded.catalog_problems))
        for path in catalog_files(folder):
            if not any(p.file == label_for(path) for p in loaded.catalog_problems):
                self.results.append((label_for(path), []))
        self.results += [(level.label, level.problems) for level in loaded.levels]
        self.mods.append((folder, loaded.levels))
        milestones = mod_timeline_path(folder)
        if milestones.is_file():
            label = label_for(milestones)
            self.results.append((label, [p for p in load_timelines([folder]).problems if p.file == label]))

    def finish(self) -> int:
        self._check_ids()
        problems = list(self.base_problems)
        checked = 0
        for label, found in self.results:
            if label:
                checked += 1
                if not found:
                    print(f"{label}: ok")
            for problem in found:
                print(problem)
            problems += found
        for problem in self.base_problems:
            print(problem)
        bad_files = len({problem.file for problem in problems})
        if problems:
            print(f"{len(problems)} problem{'s' * (len(problems) != 1)} in {bad_files} file{'s' * (bad_files != 1)}")
            return 1
        print(f"ok: {checked} file{'s' * (checked != 1)} valid")
        return 0

    def _check_ids(self) -> None:
        """Level ids in the order the game lists levels: shipped ones first, then the installed mods by name
        (a checked mod in its own place, a checked copy of an installed mod instead of it), then the rest."""
        names = {folder.name for folder, _ in self.mods}
        order: list[tuple[Path, list[LoadedLevel]]] = []
        placed: set[int] = set()
        for mod in installed_mods():
            same = [checked for checked in self.mods if _same_path(checked[0], mod)]
            if same:
                order += same
                placed.update(id(checked) for checked in same)
            elif mod.name not in names:
                order.append((mod, load_folder(mod, self.base).levels))
        order += [checked for checked in self.mods if id(checked) not in placed]
        before = {id(level): level for _, levels in order for level in levels}
        mark_id_clashes(order, shipped_level_ids())
        # A level the marking replaced gets its new problems in the results under its label.
        for _, levels in order:
            for level in levels:
                if id(level) not in before:
                    self.results = [
                        (label, level.problems if label == level.label else found) for label, found in self.results
                    ]


def _same_path(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return False


# --- simulate ---------------------------------------------------------------------------------


def _playable_level(name: str, command: str) -> tuple[Level, Catalog] | None:
    """The named level with its catalog, or None after telling on stderr what is wrong with it."""
    path = find_level(name)
    if path is None:
        print(f"lunar-station {command}: no level file or shipped level called '{name}'", file=sys.stderr)
        return None
    loaded = load_level_by_path(path)
    problems = loaded.problems
    if problems or loaded.level is None or loaded.catalog is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{loaded.label}: the level has problems; fix them and run again", file=sys.stderr)
        return None
    return loaded.level, loaded.catalog


def find_level(name: str) -> Path | None:
    """A level file by path, or a shipped or installed mod's level by id or file stem."""
    path = Path(name)
    if path.is_file():
        return path
    for folder in [paths.levels_dir(), *installed_mods()]:
        for candidate in level_files(folder):
            if candidate.stem == name or top_level_id(candidate) == name:
                return candidate
    return None


def simulate(name: str, days: float | None, seed: int | None, commands_file: Path | None, as_json: bool,
             difficulty: str = DEFAULT_PRESET) -> int:
    from game.rules.hours import HOURS_PER_DAY
    from game.simulate_report import load_commands, summary, summary_text
    from game.simulation.simulation import Simulation

    playable = _playable_level(name, "simulate")
    if playable is None:
        return 1
    level, catalog = with_difficulty(*playable, difficulty)
    try:
        commands = load_commands(commands_file) if commands_file else []
    except ValueError as error:
        print(f"lunar-station simulate: {error}", file=sys.stderr)
        return 1
    simulation = Simulation(level, catalog, seed, difficulty)
    try:
        hours = round((days if days is not None else level.time_limit_days) * HOURS_PER_DAY)
        events = simulation.run_hours(hours, commands)
        report = summary(simulation, events)
    finally:
        simulation.close()
    print(json_text(report) if as_json else summary_text(report))
    return 0


def json_text(data: Any) -> str:
    """`data` as JSON that any reader accepts: a number that is not finite (which no run should make, but a
    guard costs nothing) is written null, never NaN or Infinity, which are not JSON."""
    return json.dumps(_finite(data), indent=2, ensure_ascii=False, allow_nan=False)


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


# --- land -------------------------------------------------------------------------------------


def land(name: str, pilot_spec: str | None, seed: int, record: Path | None, as_json: bool) -> int:
    from game.landing.pilot import PilotError
    from game.landing.run import fly, load_pilot

    playable = _playable_level(name, "land")
    if playable is None:
        return 1
    pilot = None
    try:
        pilot = load_pilot(pilot_spec) if pilot_spec else None
        result = fly(*playable, pilot, seed, record)
    except (ValueError, PilotError) as error:
        print(f"lunar-station land: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"lunar-station land: cannot write {record}: {error.strerror or error}", file=sys.stderr)
        return 1
    finally:
        if pilot is not None:
            pilot.close()  # its process: at once, not whenever the program ends
    print(json_text(result.as_dict()) if as_json else result.summary())
    return 0


# --- autoplay ---------------------------------------------------------------------------------


def autoplay_level(name: str, seed: int | None, commands_out: Path | None, difficulty: str = DEFAULT_PRESET) -> int:
    from game.autoplay.player import STALL_DAYS, autoplay
    from game.ecs.commands import command_to_json

    playable = _playable_level(name, "autoplay")
    if playable is None:
        return 1
    result = autoplay(*playable, seed, difficulty=difficulty)
    print(f"{result.level}: {result.outcome} after {result.days:.1f} days, {len(result.commands)} commands")
    if result.snapshot is not None:
        for goal in result.snapshot.goals:
            print(f"  [{goal.status:>7}] {goal.text} ({goal.fraction:.0%})")
    for module in result.unplaced:
        print(f"  could not place: {module}")
    if result.stalled:
        print(f"  stopped: no goal moved and nothing was ordered for {STALL_DAYS:,} days")
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


def where() -> int:
    """The folders a teacher needs to find: the same answer the settings screen gives."""
    for line in where_lines(paths.user_home()):
        print(line)
    return 0


def where_lines(home: paths.UserHome) -> list[str]:
    reasons = {
        "override": "LUNAR_STATION_HOME is set",
        "portable": f"portable mode: {paths.PORTABLE_MARKER} lies beside the program",
        "system": "this computer's user folders",
    }
    lines = [f"Your files ({reasons[home.mode]}):"]
    if home.problem:
        lines.insert(0, home.problem)
    lines += [
        f"  settings:    {home.config}",
        f"  saves:       {home.data / paths.SAVES_FOLDER}",
        f"  mods:        {home.data / paths.MODS_FOLDER}",
        f"  results:     {home.data / paths.RESULTS_FOLDER}",
        f"  screenshots: {home.pictures}",
        f"  cache:       {home.cache}",
        f"Game files (only read): {paths.content_root()}",
    ]
    return lines


def play(level: str | None = None, class_file: Path | None = None) -> int:
    """The game; with `level`, that level's station screen at once (over the title, where leaving it goes);
    with `class_file`, in that class (a damaged one: without a class, saying why on the title screen)."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # players need no banner in their terminal
    if level is None:
        from game.app import run

        return run(class_file=class_file)
    path = find_level(level)
    if path is None:
        print(f"lunar-station play: no level file or level called '{level}'", file=sys.stderr)
        return 1
    loaded = load_level_by_path(path)
    if not loaded.ok:
        for problem in loaded.problems:
            print(problem, file=sys.stderr)
        print(f"{loaded.label}: the level has problems; fix them and run again", file=sys.stderr)
        return 1
    from game.app import run
    from game.content.watch import LevelWatch
    from game.scenes.station.station_scene import StationScene

    watch = LevelWatch(path)
    return run(lambda ctx: StationScene(ctx, loaded, watch=watch), under_title=True, class_file=class_file)
