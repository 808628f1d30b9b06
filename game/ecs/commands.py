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
class ProposeAgreement:
    """Put terms to a partner: what it gives (funding, modules, launches, instruments) against what it receives.

    It answers at the next step: accept (an agreement is signed), counter with changed terms, or decline.
    """

    partner: str
    funding_per_year: float = 0.0
    modules: tuple[str, ...] = ()
    launches: int = 0
    instruments: int = 0
    data_share: tuple[str, ...] = ()
    payload_kg: float = 0.0
    crew_seats: int = 0
    host_module: str | None = None
    co_lead: str | None = None

    def __post_init__(self) -> None:
        # A hand-written command file may hold a lone string or a quoted number; say so instead of guessing
        # (TypeError becomes command_from_json's readable ValueError).
        for name in ("modules", "data_share"):
            value = getattr(self, name)
            if not isinstance(value, list | tuple) or not all(isinstance(item, str) for item in value):
                raise TypeError(f"'{name}' must be a list of ids, not {value!r}")
        for name in ("funding_per_year", "launches", "instruments", "payload_kg", "crew_seats"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise TypeError(f"'{name}' must be a number, not {value!r}")
        # JSON brings lists: keep tuples, so a command read back from a save equals the one written.
        object.__setattr__(self, "modules", tuple(self.modules))
        object.__setattr__(self, "data_share", tuple(self.data_share))


@dataclass(frozen=True, slots=True)
class ConsultPartner:
    """Ask a partner's view before deciding (co-consultation): topic is site, modules, science or schedule."""

    partner: str
    topic: str


@dataclass(frozen=True, slots=True)
class ShareData:
    """Send a partner the station's new data in one science domain (shared benefits)."""

    partner: str
    domain: str


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


DiplomacyCommand = ProposeAgreement | ConsultPartner | ShareData
DIPLOMACY_COMMANDS = (ProposeAgreement, ConsultPartner, ShareData)
Command = PlaceModule | Demolish | ResolveLanding | SetLandingMode | ProposeAgreement | ConsultPartner | ShareData
_KINDS: dict[str, type[Command]] = {
    "place": PlaceModule, "demolish": Demolish, "resolve_landing": ResolveLanding,
    "landing_mode": SetLandingMode,
    "propose": ProposeAgreement, "consult": ConsultPartner, "share_data": ShareData,
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
