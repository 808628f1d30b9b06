"""Practice's "what if" choices: the worlds whose gravity a student may fly under, read from a data file.

A world's `name` in assets/what_if.toml is text players read, written as level files write it: a string, or a
table of translations such as { en = "Mars", zh = "火星" } (docs/MODDING.md, "Text players read"). A plain
string is translated with the interface's words (assets/lang/game.pot). The Moon, always first, is the game's
own word."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.content.game_files import GameFileError, WhatIfFile, read_game_file
from game.content.message import Message, file_text, say

WHAT_IF_FILE = "what_if.toml"


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
    """The choices in `path`; ValueError with one sentence naming every problem when the file cannot be used."""
    try:
        data = read_game_file(path, WhatIfFile)
    except GameFileError as error:
        raise ValueError(f"the practice choices in {path} are not usable ({error.details()})") from None
    worlds = [moon(), *(World(file_text(world.name), world.surface_gravity_m_s2, tuple(world.sources))
                        for world in data.worlds)]
    return WhatIf(tuple(worlds), tuple(data.thrust_factors))


def moon() -> World:
    """The Moon, whose gravity is the catalog's: the first choice, and the only one when the file cannot be used."""
    return World(say("Moon"), None)

