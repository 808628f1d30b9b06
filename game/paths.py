"""Where the game's files are: the checkout's assets/ and levels/, or the copies bundled in an install."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "lunar-station"
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


def _user_home_override() -> Path | None:
    """LUNAR_STATION_HOME puts every user folder under one place (tests, classroom USB sticks)."""
    value = os.environ.get("LUNAR_STATION_HOME")
    return Path(value) if value else None


def user_data_dir() -> Path:
    home = _user_home_override()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_config_dir() -> Path:
    home = _user_home_override()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def user_mods_dir() -> Path:
    return user_data_dir() / "mods"


def user_saves_dir() -> Path:
    return user_data_dir() / "saves"


def screenshots_dir() -> Path:
    home = _user_home_override()
    return home / "pictures" if home else Path(platformdirs.user_pictures_dir()) / "Lunar Station"
