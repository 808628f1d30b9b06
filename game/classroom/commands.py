"""The teacher's commands: `class new` writes a class file, `class check` reads one back, `report` builds the
class report. Wrong input gets one sentence and exit 1 (2 for a mistake in the command itself)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from game.atomic_file import write_text_atomically
from game.classroom.pin import hash_pin
from game.content.class_file import CLASS_FORMAT, LOCKABLE, ClassFile, class_file_text, read_class_file
from game.content.difficulty import PRESETS


def add_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """Adds `class` and `report` to the command line's parser."""
    class_command = commands.add_parser(
        "class", help="make or check a class file for a lesson",
        description="A class file sets a lesson up on every student machine: the levels open, the language, "
        "locked settings, a time limit and where results go (docs/TEACHERS.md, 'Running a lesson').",
    )
    # The same parser class as the command line's own, so a wrong argument is one line there too.
    actions = class_command.add_subparsers(dest="class_action", metavar="ACTION", required=True,
                                           parser_class=type(class_command))
    new = actions.add_parser("new", help="write a new class file")
    new.add_argument("--name", required=True, help="the class's name, shown on the title screen")
    new.add_argument("--levels", required=True, metavar="ID,ID,...",
                     help="level ids open to the class, in order (lunar-station validate lists them)")
    new.add_argument("--language", help="the language students play in, e.g. ru")
    new.add_argument("--text-size-floor", type=float, default=1.0, metavar="SCALE",
                     help="the smallest text size students may choose, 1.0 to 2.0")
    new.add_argument("--lock", default="", metavar="SETTING,...",
                     help=f"settings students may not change: {', '.join(LOCKABLE)}")
    new.add_argument("--difficulty", choices=PRESETS, help="the difficulty every level is played on "
                     "(explorer, standard, challenge); without it each student picks")
    new.add_argument("--time-limit", type=int, metavar="MINUTES", help="minutes each level may be played")
    new.add_argument("--no-names", action="store_true", help="students do not type a name or seat number")
    new.add_argument("--results", metavar="FOLDER", help="where results go, e.g. a shared folder")
    new.add_argument("--pin", help="the teacher's PIN (kept only as a salted hash)")
    new.add_argument("--out", type=Path, default=Path("class.toml"), help="the file to write (default class.toml)")
    check = actions.add_parser("check", help="read a class file back and say what it sets")
    check.add_argument("file", type=Path)

    report = commands.add_parser(
        "report", help="build the class report from students' results",
        description="Reads result files (or folders of them) and writes one self-contained HTML page: students "
        "by levels, learning objectives, quiz answers, landings. Files that cannot be read are listed in it.",
    )
    report.add_argument("results", nargs="+", type=Path, metavar="RESULTS", help="result .json files or folders")
    report.add_argument("--out", type=Path, default=Path("report.html"), help="the page to write (report.html)")
    report.add_argument("--class", dest="class_name", metavar="NAME",
                        help="count only this class's results (others are listed as another class's)")


def run(args: argparse.Namespace) -> int:
    if args.command == "report":
        return write_report(args.results, args.out, args.class_name)
    if args.class_action == "new":
        return new_class(args)
    return check_class(args.file)


def new_class(args: argparse.Namespace) -> int:
    levels = [level.strip() for level in args.levels.split(",") if level.strip()]
    locked = [name.strip() for name in args.lock.split(",") if name.strip()]
    unknown = [name for name in locked if name not in LOCKABLE]
    if unknown:
        return _refuse(f"--lock: '{unknown[0]}' is not a setting a class can lock; choose from {', '.join(LOCKABLE)}")
    from pydantic import ValidationError

    try:
        plan = ClassFile(
            format=CLASS_FORMAT, name=args.name, levels=levels, language=args.language,
            text_size_floor=args.text_size_floor, locked=locked, time_limit_minutes=args.time_limit,
            ask_name=not args.no_names, results_folder=args.results, difficulty=args.difficulty,
            teacher_pin=hash_pin(args.pin) if args.pin else None,
        )
    except ValidationError as error:
        first = error.errors()[0]
        return _refuse(f"{'.'.join(str(part) for part in first['loc'])}: {first['msg']}")
    unknown_levels = _unknown_levels(levels)
    if unknown_levels:
        return _refuse(f"--levels: no level has the id '{unknown_levels[0]}' (lunar-station validate lists them)")
    try:
        write_text_atomically(args.out, class_file_text(plan))
    except OSError as error:
        return _refuse(f"cannot write {args.out}: {error.strerror or error}")
    print(f"wrote {args.out}: class '{plan.name}', {len(levels)} level(s); give it to every student machine "
          "(docs/TEACHERS.md, 'Running a lesson')")
    return 0


def _unknown_levels(levels: list[str]) -> list[str]:
    from game.content.loader import load_game_content

    known = {loaded.level.id for folder in load_game_content() for loaded in folder.levels if loaded.level}
    return [level for level in levels if level not in known]


def check_class(path: Path) -> int:
    read = read_class_file(path)
    if read.plan is None:
        for problem in read.problems:
            print(problem)
        return 1
    plan = read.plan
    language = plan.language or "the one each student chooses"
    time_limit = f"{plan.time_limit_minutes} min" if plan.time_limit_minutes else "none"
    results = plan.results_folder or "each machine's user folder"
    difficulty = plan.difficulty or "the one each student chooses"
    print(f"ok: class '{plan.name}': levels {', '.join(plan.levels)}; language {language}; difficulty {difficulty}; "
          f"locked: {', '.join(plan.locked) or 'nothing'}; time limit: {time_limit}; results to {results}; teacher PIN "
          f"{'set' if plan.teacher_pin else 'not set'}")
    return 0


def write_report(targets: list[Path], out: Path, class_name: str | None) -> int:
    from game.classroom.report import build_report, render_report  # Jinja2: loaded for this command alone

    report = build_report(targets, class_name, dt.datetime.now())
    try:
        write_text_atomically(out, render_report(report))
    except OSError as error:
        return _refuse(f"cannot write {out}: {error.strerror or error}")
    print(f"wrote {out}: {report.results_read} result(s) of {len(report.students)} student(s) in "
          f"{len(report.levels)} level(s)" + (f"; {len(report.unreadable)} file(s) not counted, listed in the report"
                                               if report.unreadable else ""))
    return 0


def _refuse(sentence: str) -> int:
    print(f"lunar-station: {sentence}", file=sys.stderr)
    return 1
