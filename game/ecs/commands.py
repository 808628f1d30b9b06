"""Commands: what a player (or a script) asks for, applied at the start of the next fixed step."""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, fields
from typing import Any, get_type_hints


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


@dataclass(frozen=True, slots=True)
class ResolveLanding:
    """The player flew delivery `delivery`'s landing: its grade, the cargo's damage (0 to 1) and any haul cost."""

    delivery: int
    grade: str
    cargo_damage: float = 0.0
    haul_cost: float = 0.0


LANDING_MODES = ("autopilot", "player")


@dataclass(frozen=True, slots=True)
class SetLandingMode:
    """From now on, "autopilot" lands each delivery as it arrives, or "player" waits for a ResolveLanding."""

    mode: str


Command = PlaceModule | Demolish | ResolveLanding | SetLandingMode
_KINDS: dict[str, Any] = {
    "place": PlaceModule, "demolish": Demolish, "resolve_landing": ResolveLanding,
    "landing_mode": SetLandingMode,
}


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
        command: Command = _KINDS[kind](**fields)
    except TypeError as error:
        raise ValueError(f"a '{kind}' command has the wrong keys: {error}") from None
    _check_plain_types(kind, command)
    return command


_TYPE_WORDS: dict[Any, str] = {int: "a whole number", float: "a number", str: "text", bool: "true or false"}


def _check_plain_types(kind: str, command: Command) -> None:
    """A number where a number belongs: JSON from a file may hold "3" or true where 3 is meant."""
    for name, expected in get_type_hints(type(command)).items():
        if expected not in _TYPE_WORDS:
            continue
        value = getattr(command, name)
        allowed = (int, float) if expected is float else (expected,)
        if not isinstance(value, allowed) or (isinstance(value, bool) and expected is not bool):
            raise ValueError(f"a '{kind}' command's '{name}' must be {_TYPE_WORDS[expected]}, not {value!r}")
