"""Commands: what a player (or a script) asks for, applied at the start of the next fixed step."""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class PlaceModule:
    """Build a module with its top-left corner at (x, y); `rotated` turns it a quarter turn (width and height swap)."""

    module: str
    x: int
    y: int
    rotated: bool = False  # a default, so command lists written before rotation still load


@dataclass(frozen=True, slots=True)
class Demolish:
    """Take down the module covering (x, y), for part of its cost back."""

    x: int
    y: int


Command = PlaceModule | Demolish
_KINDS: dict[str, type[PlaceModule] | type[Demolish]] = {"place": PlaceModule, "demolish": Demolish}


def command_to_json(command: Command) -> dict[str, Any]:
    """The command as plain data; a field at its default is left out, so older files and new ones agree."""
    kind = next(name for name, cls in _KINDS.items() if isinstance(command, cls))
    defaults = {f.name: f.default for f in fields(command) if f.default is not MISSING}
    values = {key: value for key, value in asdict(command).items() if key not in defaults or value != defaults[key]}
    return {"kind": kind, **values}


def command_from_json(data: dict[str, Any]) -> Command:
    """Raises ValueError with a readable sentence when the data is not a command."""
    fields = dict(data)
    kind = fields.pop("kind", None)
    if kind not in _KINDS:
        raise ValueError(f"unknown command kind {kind!r}; expected one of {', '.join(_KINDS)}")
    try:
        return _KINDS[kind](**fields)
    except TypeError as error:
        raise ValueError(f"a '{kind}' command has the wrong keys: {error}") from None
