"""Practice's "what if" choices: the worlds whose gravity a student may fly under, read from a data file."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import tomllib

WHAT_IF_FILE = "what_if.toml"


@dataclass(frozen=True, slots=True)
class World:
    """A world to land on: its name and surface gravity (None: the catalog's Moon), with sources."""

    name: str
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
    worlds: list[World] = [World("Moon", None)]
    try:
        for entry in data.get("worlds", []):
            gravity = float(entry["surface_gravity_m_s2"])
            if not (math.isfinite(gravity) and 0.0 < gravity <= 100.0):
                raise ValueError(f"gravity {gravity} is not between 0 and 100 m/s²")
            sources = tuple(str(source) for source in entry["sources"])
            if not sources:
                raise ValueError(f"{entry['name']} lists no source for its gravity")
            worlds.append(World(str(entry["name"]), gravity, sources))
        factors = tuple(float(factor) for factor in data["thrust_factors"])
        if not factors or not all(math.isfinite(f) and 0.0 < f <= 20.0 for f in factors):
            raise ValueError("thrust_factors must be numbers above 0 and at most 20")
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"the practice choices in {path} are not usable ({type(error).__name__}: {error})") from None
    return WhatIf(tuple(worlds), factors)
