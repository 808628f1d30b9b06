"""Where the game's files are: its own assets and levels, and the player's settings, saves, mods and results.

The player's folders come from, in order: LUNAR_STATION_HOME (tests and scripted set-ups), portable mode
(a `portable.txt` beside the program, for USB sticks and shared folders), else the system's usual folders.
The game never writes anywhere else, so it runs from a read-only install folder or network share.
"""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from game.content.message import Message, say

APP_NAME = "lunar-station"
PORTABLE_MARKER = "portable.txt"
PORTABLE_FOLDER = "Lunar Station data"
SAVES_FOLDER = "saves"
MODS_FOLDER = "mods"
RESULTS_FOLDER = "results"
_PACKAGE = Path(__file__).resolve().parent


def content_root() -> Path:
    """The folder holding assets/ and levels/: the checkout when run from one, else the installed bundle."""
    checkout = _PACKAGE.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "levels").is_dir():
        return checkout
    return _PACKAGE / "_bundled"


def levels_dir() -> Path:
    return content_root() / "levels"


def assets_dir() -> Path:
    return content_root() / "assets"


def program_dir() -> Path | None:
    """The folder of a standalone build's executable; None when the game runs on an installed Python."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


@dataclass(frozen=True, slots=True)
class UserHome:
    """Where the player's own files go, and why there: shown on the settings screen and by `where`."""

    mode: str  # "override", "portable" or "system"
    data: Path
    config: Path
    cache: Path
    pictures: Path
    problem: Message | str = ""  # a sentence when portable mode was asked for but could not be used


def portable_home(folder: Path) -> UserHome:
    """Portable mode: everything in one folder beside the program."""
    root = folder / PORTABLE_FOLDER
    return UserHome("portable", root / "data", root / "config", root / "cache", root / "pictures")


def _system_home(problem: Message | str = "") -> UserHome:
    return UserHome(
        "system",
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_pictures_dir()) / "Lunar Station",
        problem,
    )


@functools.lru_cache(maxsize=8)
def _writable(folder: Path) -> bool:
    """Whether the game may keep files in this folder (made if missing); a read-only stick says no."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError:
        return False
    return True


def resolve_user_home(environ: dict[str, str] | os._Environ[str], program: Path | None) -> UserHome:
    """The player's folders for this environment and program folder (pure but for the write probe)."""
    override = environ.get("LUNAR_STATION_HOME")
    if override:
        home = Path(override)
        return UserHome("override", home / "data", home / "config", home / "cache", home / "pictures")
    if program is not None and (program / PORTABLE_MARKER).is_file():
        portable = portable_home(program)
        if _writable(portable.data.parent):
            return portable
        return _system_home(say(
            "Portable mode is on ({marker}), but {folder} cannot be written (a read-only stick or share?), so your "
            "files go to this computer's user folder instead.", marker=program / PORTABLE_MARKER,
            folder=portable.data.parent))
    return _system_home()


def user_home() -> UserHome:
    return resolve_user_home(os.environ, program_dir())


def user_data_dir() -> Path:
    return user_home().data


def user_config_dir() -> Path:
    return user_home().config


def user_cache_dir() -> Path:
    return user_home().cache


def user_mods_dir() -> Path:
    return user_data_dir() / MODS_FOLDER


# In a class, each student's progress and saves live in their own subfolder (game.classroom.session), so two
# students sharing one machine never see each other's Continue. Set once the student has typed a name.
_player_folder: str = ""


def use_player_folder(subfolder: str) -> None:
    """Keeps progress and saves below `subfolder` of the user data folder from now on ("" for the player's own)."""
    global _player_folder
    _player_folder = subfolder


def player_data_dir() -> Path:
    """The folder of this player's progress and saves: the user data folder, or a class student's subfolder."""
    return user_data_dir() / _player_folder if _player_folder else user_data_dir()


def user_saves_dir() -> Path:
    return player_data_dir() / SAVES_FOLDER


def user_results_dir() -> Path:
    return user_data_dir() / RESULTS_FOLDER


def screenshots_dir() -> Path:
    return user_home().pictures
