"""A class in play on this machine: the teacher's plan, who is playing, and what the PIN has unlocked.

    session = ClassSession(plan, path)
    session.is_locked("language")        # True while the class fixes it and the PIN has not unlocked it
    session.results_folder(user_folder)  # the class's shared folder when it can be written, else the user's
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.content.class_file import ClassFile
from game.content.message import Message, say

if TYPE_CHECKING:
    from game.settings import Settings

# A class lock names a setting or a group of them; the settings screen locks each field it covers.
LOCK_FIELDS: dict[str, tuple[str, ...]] = {
    "assists": ("assist_attitude_hold", "assist_suggested_burn", "assist_larger_target", "landing_time_scale"),
}
MAX_STUDENT_NAME = 40


def folder_name(text: str) -> str:
    """A name as a folder name on every system: letters of any alphabet and digits stay, the rest is '_'."""
    kept = "".join(char if char.isalnum() else "_" for char in text.strip())[:MAX_STUDENT_NAME]
    return kept or "_"


def clean_student_name(typed: str) -> str:
    """What a student typed, without control characters or outer spaces, at most MAX_STUDENT_NAME letters."""
    return "".join(char for char in typed if char.isprintable()).strip()[:MAX_STUDENT_NAME]


@dataclass(slots=True)
class ClassSession:
    """The class on this machine for this run of the game. `unlocked`: the teacher's PIN was typed."""

    plan: ClassFile
    path: Path
    student: str = ""
    unlocked: bool = False
    # The machine's own values of the settings the class set for this session (language, text size, difficulty):
    # what is saved in their place, so the next game on this machine starts as its owner left it.
    kept: dict[str, Any] = field(default_factory=dict)

    def set_for_session(self, settings: Settings, name: str, value: Any) -> None:
        """Sets a setting for the class's session, keeping the machine's own value to save instead."""
        self.kept.setdefault(name, getattr(settings, name))
        setattr(settings, name, value)

    @property
    def name(self) -> str:
        return self.plan.name

    @property
    def needs_name(self) -> bool:
        """The class asks for a name or seat number and none has been typed yet."""
        return self.plan.ask_name and not self.student

    def locked_fields(self) -> set[str]:
        """The Settings fields students may not change now (none once the PIN unlocked them)."""
        if self.unlocked:
            return set()
        fields: set[str] = set()
        for lock in self.plan.locked:
            fields.update(LOCK_FIELDS.get(lock, (lock,)))
        if self.plan.difficulty is not None:  # a class that fixes the difficulty fixes it for everyone
            fields.add("difficulty")
        return fields

    def is_locked(self, setting: str) -> bool:
        return setting in self.locked_fields()

    def player_folder(self) -> str:
        """The subfolder (below the user data folder) of this student's progress and saves in this class."""
        who = folder_name(self.student) if self.student else "_"
        return f"classes/{folder_name(self.plan.name)}/{who}"

    def results_folder(self, user_results: Path) -> tuple[Path, Message | None]:
        """Where results go: the class's folder (relative ones beside the class file) when it can be written,
        else `user_results` with a sentence saying why."""
        if not self.plan.results_folder:
            return user_results, None
        shared = Path(self.plan.results_folder).expanduser()
        if not shared.is_absolute():
            shared = self.path.parent / shared
        try:
            shared.mkdir(parents=True, exist_ok=True)
            probe = shared / f".write-test-{folder_name(self.student)}"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError:
            return user_results, say("The class's results folder {folder} cannot be written, so your results go "
                                     "to {fallback}; your teacher can collect them from there.",
                                     folder=shared, fallback=user_results)
        return shared, None
