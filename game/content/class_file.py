"""A class file: what a teacher sets for one lesson on every machine (levels, language, locks, where results go).

    class_file = read_class_file(path)          # ClassFile or problems; a damaged file never stops the game
    text = class_file_text(plan)                # the TOML a teacher's `class new` writes

No accounts and nothing personal: the file names the class, not the students, and keeps the teacher's PIN only
as a salted hash (game/classroom/pin.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

from pydantic import Field

from game.content.difficulty import Preset
from game.content.message import Message, say
from game.content.models import Strict
from game.content.problems import Problem
from game.content.toml_file import read_toml
from game.content.validation import validate_shape

CLASS_FORMAT = 1
# Settings a class may fix for its lesson; each names a field of game.settings.Settings, or a group of them.
Lockable = Literal["language", "ui_scale", "unlock_all", "hints", "landing_choice", "assists", "palette",
                   "high_contrast"]
LOCKABLE: tuple[str, ...] = get_args(Lockable)


class TeacherPin(Strict):
    """The teacher's PIN as pbkdf2-sha256: never the PIN itself."""

    salt: str = Field(pattern=r"^[0-9a-f]{32}$", description="16 random bytes, in hex.")
    iterations: int = Field(ge=100_000, le=5_000_000)
    hash: str = Field(pattern=r"^[0-9a-f]{64}$", description="The derived key, in hex.")


class ClassFile(Strict):
    """One lesson's set-up, shared by the teacher with every student machine."""

    format: int = Field(ge=1, description="The class file's format; a newer one than this game reads is refused.")
    name: str = Field(min_length=1, max_length=80, description="The class's name, shown on the title screen.")
    levels: list[str] = Field(min_length=1, max_length=40,
                              description="The level ids open to the class, in the order they are played.")
    language: str | None = Field(None, pattern=r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$",
                                 description="The language students play in, e.g. \"ru\".")
    text_size_floor: float = Field(1.0, ge=1.0, le=2.0, description="The smallest text size students may choose.")
    locked: list[Lockable] = Field([], description="Settings students may not change.")
    time_limit_minutes: int | None = Field(None, ge=5, le=240, description="Minutes each level may be played.")
    ask_name: bool = Field(True, description="Students type a name or a seat number when the game starts.")
    results_folder: str | None = Field(None, max_length=400,
                                       description="Where results go (a shared folder); none: the user folder.")
    difficulty: Preset | None = Field(
        None, description="The difficulty preset every level is played on; none: each student picks."
    )
    teacher_pin: TeacherPin | None = None


@dataclass(slots=True)
class ReadClassFile:
    """The class file as read: the plan, or the problems that mean the game plays as without a class."""

    path: Path
    plan: ClassFile | None = None
    problems: list[Problem] = field(default_factory=list)

    def sentence(self) -> Message | str:
        """One sentence for the player (a say() message, shown translated) when the file cannot be used."""
        if not self.problems:
            return ""
        return say("The class file {path} cannot be used ({problem}), so the game plays without a class.",
                   path=self.path, problem=self.problems[0])


def read_class_file(path: Path) -> ReadClassFile:
    result = ReadClassFile(path)
    source = read_toml(path, label=path.name)
    if source.problems:
        result.problems = source.problems
        return result
    data = source.data or {}
    version = data.get("format")
    if isinstance(version, int) and not isinstance(version, bool) and version > CLASS_FORMAT:
        result.problems = [Problem(path.name, ("format",), f"it was made by a newer version of the game (format "
                                                           f"{version}; this one reads {CLASS_FORMAT})", None)]
        return result
    plan, problems = validate_shape(ClassFile, source)
    result.plan, result.problems = plan, problems
    return result


def class_file_text(plan: ClassFile) -> str:
    """The plan as TOML; strings are written as JSON strings, which TOML reads the same way."""
    lines = ["# A Lunar Station class file: give it to every student machine (docs/TEACHERS.md, \"Running a "
             "lesson\").", f"format = {plan.format}", f"name = {json.dumps(plan.name, ensure_ascii=False)}",
             f"levels = {json.dumps(plan.levels, ensure_ascii=False)}"]
    if plan.language:
        lines.append(f"language = {json.dumps(plan.language)}")
    lines.append(f"text_size_floor = {plan.text_size_floor}")
    lines.append(f"locked = {json.dumps(list(plan.locked))}")
    if plan.difficulty is not None:
        lines.append(f"difficulty = {json.dumps(plan.difficulty)}")
    if plan.time_limit_minutes is not None:
        lines.append(f"time_limit_minutes = {plan.time_limit_minutes}")
    lines.append(f"ask_name = {'true' if plan.ask_name else 'false'}")
    if plan.results_folder:
        lines.append(f"results_folder = {json.dumps(plan.results_folder, ensure_ascii=False)}")
    if plan.teacher_pin:
        pin = plan.teacher_pin
        lines += ["", "[teacher_pin]  # a salted hash: the PIN itself is not stored",
                  f"salt = {json.dumps(pin.salt)}", f"iterations = {pin.iterations}", f"hash = {json.dumps(pin.hash)}"]
    return "\n".join(lines) + "\n"
