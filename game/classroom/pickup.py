"""Where a student's game finds the teacher's class file, first match wins.

1. a file the student opens (`lunar-station play --class FILE`);
2. the environment variable LUNAR_STATION_CLASS: a class file, or a shared folder holding `class.toml`;
3. the settings' `class_file` (a file or folder a teacher typed into settings.toml once per machine);
4. `class.toml` next to a portable install (beside the program, where `portable.txt` lives).

A damaged or newer file is still returned as read: the game then plays without a class and says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from game.content.class_file import ReadClassFile, read_class_file

CLASS_FILE_NAME = "class.toml"
CLASS_VARIABLE = "LUNAR_STATION_CLASS"


def _as_file(place: Path) -> Path:
    """A folder names the class file inside it; a file names itself."""
    return place / CLASS_FILE_NAME if place.is_dir() else place


def class_file_place(opened: Path | None, environ: Mapping[str, str], setting: str,
                     program: Path | None) -> Path | None:
    """The class file the teacher chose for this machine, or None when there is no class."""
    if opened is not None:
        return _as_file(opened)
    for chosen in (environ.get(CLASS_VARIABLE, ""), setting):
        if chosen.strip():
            return _as_file(Path(chosen.strip()).expanduser())
    if program is not None and (program / CLASS_FILE_NAME).is_file():
        return program / CLASS_FILE_NAME
    return None


def pick_up_class(opened: Path | None, environ: Mapping[str, str], setting: str,
                  program: Path | None) -> ReadClassFile | None:
    """The class file as read (its plan, or the problems that mean no class), or None when none was chosen."""
    place = class_file_place(opened, environ, setting, program)
    return read_class_file(place) if place is not None else None
