"""Commands: what a player (or a script) asks for, applied at the start of the next fixed step."""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, fields
from typing import Any, get_type_hints

from game.rules.negotiation import Offer


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
    """Put `offer` to a partner: what it gives (funding, modules, launches, instruments) against what it receives.

    It answers at the next step: accept (an agreement is signed), counter with changed terms, or decline.
    """

    partner: str
    offer: Offer


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
    """The command as plain data; a field at its default is left out, so older files and new ones agree.

    A proposal is written flat, its offer's terms beside the partner, as command files have always held it.
    """
    kind = next(name for name, cls in _KINDS.items() if isinstance(command, cls))
    if isinstance(command, ProposeAgreement):
        return {"kind": kind, "partner": command.partner, **_changed_fields(command.offer)}
    return {"kind": kind, **_changed_fields(command)}


def _changed_fields(data: Any) -> dict[str, Any]:
    defaults = {f.name: f.default for f in fields(data) if f.default is not MISSING}
    return {key: value for key, value in asdict(data).items() if key not in defaults or value != defaults[key]}


def command_from_json(data: dict[str, Any]) -> Command:
    """Raises ValueError with a readable sentence when the data is not a command."""
    values = dict(data)
    kind = values.pop("kind", None)
    if kind not in _KINDS:
        raise ValueError(f"unknown command kind {kind!r}; expected one of {', '.join(_KINDS)}")
    try:
        if kind == "propose":
            partner = values.pop("partner", None)
            if not isinstance(partner, str):
                raise TypeError(f"'partner' must be a partner's id, not {partner!r}")
            offer = _offer(values)
            _check_plain_types(kind, offer)
            command: Command = ProposeAgreement(partner, offer)
        else:
            command = _KINDS[kind](**values)
    except TypeError as error:
        raise ValueError(f"a '{kind}' command has the wrong keys: {error}") from None
    _check_plain_types(kind, command)
    return command


def _offer(values: dict[str, Any]) -> Offer:
    """The offer's terms from a command file; a lone string or a quoted number is named, not guessed at."""
    for name in ("modules", "data_share"):
        value = values.get(name, ())
        if not isinstance(value, list | tuple) or not all(isinstance(item, str) for item in value):
            raise TypeError(f"'{name}' must be a list of ids, not {value!r}")
    for name in ("funding_per_year", "launches", "instruments", "payload_kg", "crew_seats"):
        value = values.get(name, 0)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"'{name}' must be a number, not {value!r}")
    # JSON brings lists: keep tuples, so a command read back from a save equals the one written.
    lists: dict[str, tuple[str, ...]] = {name: tuple(values[name]) for name in ("modules", "data_share")
                                         if name in values}
    return Offer(**{**values, **lists})


_TYPE_WORDS: dict[Any, str] = {int: "a whole number", float: "a number", str: "text", bool: "true or false"}


def _check_plain_types(kind: str, command: Command | Offer) -> None:
    """A number where a number belongs: JSON from a file may hold "3" or true where 3 is meant."""
    for name, expected in get_type_hints(type(command)).items():
        if expected not in _TYPE_WORDS:
            continue
        value = getattr(command, name)
        allowed = (int, float) if expected is float else (expected,)
        if not isinstance(value, allowed) or (isinstance(value, bool) and expected is not bool):
            raise ValueError(f"a '{kind}' command's '{name}' must be {_TYPE_WORDS[expected]}, not {value!r}")
