"""Practice's "what if" choices: the worlds whose gravity a student may fly under, read from a data file.

A world's `name` in assets/what_if.toml is text players read, written as level files write it: a string, or a
table of translations such as { en = "Mars", zh = "火星" } (docs/MODDING.md, "Text players read"). The Moon,
always first, is the game's own word and is translated through the language files."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import tomllib
from pydantic import TypeAdapter, ValidationError

from game.content.message import Message, level_text, say
from game.content.text import LocalizedText

WHAT_IF_FILE = "what_if.toml"
_WORLD_NAME: TypeAdapter[str | dict[str, str]] = TypeAdapter(LocalizedText)


@dataclass(frozen=True, slots=True)
class World:
    """A world to land on: its name (shown through `tr`, in the player's language) and surface gravity (None: the
    catalog's Moon), with sources."""

    name: Message
    gravity_m_s2: float | None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WhatIf:
    """The panel's choices: worlds, and the engine's full thrust as multiples of the lander's own."""

    worlds: tuple[World, ...]
    thrust_factors: tuple[float, ...]


def read_what_if(path: Path) -> WhatIf:
    """The choices in `path`; ValueError with one sentence when the file cannot be used."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ValueError(f"cannot read the practice choices in {path}: {error}") from None
    worlds: list[World] = [moon()]
    try:
        for entry in data.get("worlds", []):
            gravity = float(entry["surface_gravity_m_s2"])
            if not (math.isfinite(gravity) and 0.0 < gravity <= 100.0):
                raise ValueError(f"gravity {gravity} is not between 0 and 100 m/s²")
            name = _world_name(entry["name"])
            sources = tuple(str(source) for source in entry["sources"])
            if not sources:
                raise ValueError(f"{name} lists no source for its gravity")
            worlds.append(World(name, gravity, sources))
        factors = tuple(float(factor) for factor in data["thrust_factors"])
        if not factors or not all(math.isfinite(f) and 0.0 < f <= 20.0 for f in factors):
            raise ValueError("thrust_factors must be numbers above 0 and at most 20")
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"the practice choices in {path} are not usable ({type(error).__name__}: {error})") from None
    return WhatIf(tuple(worlds), factors)


def moon() -> World:
    """The Moon, whose gravity is the catalog's: the first choice, and the only one when the file cannot be used."""
    return World(say("Moon"), None)


def _world_name(value: object) -> Message:
    """A world's name from the file as level text; ValueError with the rule it breaks."""
    try:
        return level_text(_WORLD_NAME.validate_python(value))
    except ValidationError as error:
        # A table fails both ways of reading it; the table's own rule ("needs an 'en' entry") is the one to tell.
        problem = error.errors()[-1 if isinstance(value, dict) else 0]["msg"]
        raise ValueError(f"a world's name must be text or a table such as {{ en = \"Mars\" }} ({problem})") from None
