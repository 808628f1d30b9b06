"""What the Teacher screen does, without a window: a class file from the typed fields, and the class report.

    plan = plan_from_form(fields, ask_name=True, known_levels=ids)   # ClassFile, or a sentence saying what is wrong
    sentence = write_class_report(results_folder, out_file)          # where it was written, or why not
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.atomic_file import write_text_atomically
from game.classroom.pin import hash_pin
from game.content.class_file import CLASS_FORMAT, LOCKABLE, ClassFile, class_file_text
from game.content.difficulty import PRESETS
from game.content.message import Alternatives, Message, say, say_n

# The typed fields of the form, in the order the screen shows them.
FIELDS = ("name", "levels", "language", "text_size_floor", "locked", "time_limit_minutes", "difficulty",
          "results_folder", "pin", "save_to")


def _listed(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def plan_from_form(fields: Mapping[str, str], ask_name: bool, known_levels: Collection[str]) -> ClassFile | Message:
    """The class file the fields describe, or one sentence naming the field that is wrong."""
    levels = _listed(fields.get("levels", ""))
    unknown = [level for level in levels if level not in known_levels]
    if unknown:
        return say("No level has the id “{level}”; the levels are: {known}.", level=unknown[0],
                   known=", ".join(known_levels))
    locked = _listed(fields.get("locked", ""))
    wrong = [name for name in locked if name not in LOCKABLE]
    if wrong:
        return say("“{name}” is not a setting a class can lock; choose from {names}.", name=wrong[0],
                   names=Alternatives(LOCKABLE))
    try:
        floor = float(fields.get("text_size_floor", "").strip().rstrip("%") or 100) / 100
        minutes_text = fields.get("time_limit_minutes", "").strip()
        minutes = int(minutes_text) if minutes_text else None
    except ValueError:
        return say("The text size floor and the time limit must be whole numbers (percent, minutes).")
    difficulty: Any = fields.get("difficulty", "").strip().lower() or None
    if difficulty is not None and difficulty not in PRESETS:
        return say("“{name}” is not a difficulty; choose from {names}, or leave it empty.", name=difficulty,
                   names=Alternatives(PRESETS))
    pin = fields.get("pin", "").strip()
    locks: Any = locked  # each checked against LOCKABLE above
    try:
        return ClassFile(format=CLASS_FORMAT, name=fields.get("name", "").strip(), levels=levels,
                         language=fields.get("language", "").strip() or None, text_size_floor=floor,
                         locked=locks, time_limit_minutes=minutes, ask_name=ask_name,
                         results_folder=fields.get("results_folder", "").strip() or None, difficulty=difficulty,
                         teacher_pin=hash_pin(pin) if pin else None)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return say("The class file cannot be made: {field}: {reason}.", field=where, reason=first["msg"])


def write_class_file(plan: ClassFile, out: Path) -> Message:
    """Writes the class file; the sentence says where, or why it could not be written."""
    try:
        write_text_atomically(out, class_file_text(plan))
    except OSError as error:
        return say("The class file could not be written to {file}: {error}.", file=out, error=error.strerror or error)
    return say("Class file written: {file}. Put it beside the game on every student machine, or in a shared folder.",
               file=out)


def write_class_report(results: Path, out: Path, class_name: str | None = None) -> Message:
    """Builds the HTML report of the results in `results` into `out`; the sentence says where, or why not."""
    from game.classroom.report import build_report, render_report  # Jinja2: loaded when a report is asked for

    if not results.is_dir():
        return say("There is no results folder at {folder}.", folder=results)
    report = build_report([results], class_name, dt.datetime.now())
    try:
        write_text_atomically(out, render_report(report))
    except OSError as error:
        return say("The report could not be written to {file}: {error}.", file=out, error=error.strerror or error)
    return say_n("Class report written: {file} ({count} result). Open it in a web browser.",
                 "Class report written: {file} ({count} results). Open it in a web browser.", report.results_read,
                 file=out)
