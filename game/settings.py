"""The player's settings: a small JSON file in the user's config folder, written atomically, never fatal."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from game import paths
from game.atomic_file import write_text_atomically

SETTINGS_FILE = "settings.json"
BAD_SUFFIX = ".bad"


@dataclass(slots=True)
class Settings:
    """What the player chose; every field has a default so a missing or damaged file still starts the game."""

    fullscreen: bool = False
    language: str = "en"
    window_size: tuple[int, int] = (1280, 720)


@dataclass(slots=True)
class LoadedSettings:
    """Settings as read, plus a sentence for the player when the file could not be used as it was."""

    settings: Settings
    warning: str | None = None


def settings_path() -> Path:
    return paths.user_config_dir() / SETTINGS_FILE


def _checked_value(name: str, value: Any) -> Any:
    """The value converted to the field's type, or ValueError with what was wrong."""
    if name == "fullscreen":
        if not isinstance(value, bool):
            raise ValueError("'fullscreen' must be true or false")
        return value
    if name == "language":
        if not isinstance(value, str) or not value.strip():
            raise ValueError("'language' must be a language code such as \"en\"")
        return value
    if name == "window_size":
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(side, int) and not isinstance(side, bool) and 320 <= side <= 16384 for side in value)
        ):
            raise ValueError("'window_size' must be two whole numbers of pixels, such as [1280, 720]")
        return (value[0], value[1])
    raise ValueError(f"unknown setting '{name}'")


def _keep_bad_copy(path: Path) -> Path:
    """Moves a damaged file aside so the next save cannot silently destroy what the player wrote."""
    bad = path.with_name(path.name + BAD_SUFFIX)
    os.replace(path, bad)
    return bad


def load_settings(path: Path | None = None) -> LoadedSettings:
    """Reads the settings; a damaged file gives defaults and a warning, and is kept as settings.json.bad."""
    path = path or settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except (OSError, UnicodeDecodeError) as error:
        return LoadedSettings(Settings(), f"Your settings could not be read ({error}); the defaults are used.")
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("the file must hold one JSON object")
    except ValueError as error:
        bad = _keep_bad_copy(path)
        return LoadedSettings(
            Settings(),
            f"Your settings file was damaged ({error}), so the defaults are used; it was kept as {bad.name}.",
        )
    settings = Settings()
    problems: list[str] = []
    known = {f.name for f in fields(Settings)}
    for name, value in data.items():
        if name not in known:
            continue  # a key from a newer version of the game: harmless, so not worth a warning
        try:
            setattr(settings, name, _checked_value(name, value))
        except ValueError as error:
            problems.append(str(error))
    if problems:
        bad = _keep_bad_copy(path)
        return LoadedSettings(
            settings,
            f"Some settings were wrong ({'; '.join(problems)}) and were reset; the file was kept as {bad.name}.",
        )
    return LoadedSettings(settings)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Writes the settings atomically: a crash mid-write leaves the old file whole, never half a file."""
    path = path or settings_path()
    data = asdict(settings)
    data["window_size"] = list(settings.window_size)
    write_text_atomically(path, json.dumps(data, indent=2) + "\n")
