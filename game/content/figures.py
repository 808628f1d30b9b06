"""What a shown number is, in the words every screen uses: a real figure with its source, a game value, or a
figure the game works out from the site's terrain (a tile's light, its dark spells, how much Earth it sees)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar, Literal, Protocol

from game.content.message import Message, say
from game.content.models import GAME_VALUE, Figure
from game.content.text import translate
from game.content.ui_text import ENGLISH, Translate, to_translate

# Which words name a figure on the screens, so a status line can say "power (real)".
FIGURE_NAMES = {
    "mass_kg": to_translate("mass"), "cost": to_translate("cost"), "footprint": to_translate("footprint"),
    "build_hours": to_translate("assembly time"), "power_output_w": to_translate("power"),
    "power_draw_w": to_translate("power use"), "energy_storage_wh": to_translate("energy stored"),
    "inputs": to_translate("what it uses"), "outputs": to_translate("what it makes"),
    "storage": to_translate("storage"), "science_per_day": to_translate("science"),
    "crew_capacity": to_translate("crew"), "shielding": to_translate("shielding"),
    "failure_rate_per_year": to_translate("failure rate"),
    "sunlight": to_translate("sunlight"), "ice_percent": to_translate("ice"), "slope_deg": to_translate("slope"),
    "payload_to_surface_kg": to_translate("payload"), "cadence_days": to_translate("launch interval"),
    "transit_days": to_translate("transit time"),
    "dry_mass_kg": to_translate("dry mass"), "propellant_kg": to_translate("propellant"),
    "min_thrust_n": to_translate("lowest thrust"), "max_thrust_n": to_translate("full thrust"),
    "max_cargo_kg": to_translate("cargo limit"), "grading": to_translate("touchdown grades"),
    "interests": to_translate("interests"), "funding_per_year": to_translate("funding"),
    "starting_trust": to_translate("trust"), "patience": to_translate("patience"),
}


class HasFigures(Protocol):
    """A catalog entry whose shown numbers each carry a status (modules, ground kinds, rockets, landers, partners)."""

    SHOWN_FIGURES: ClassVar[tuple[str, ...]]

    @property
    def figures(self) -> dict[str, Figure]: ...

    def figure(self, name: str) -> Figure: ...


@dataclass(frozen=True, slots=True)
class WorkedOut:
    """The status of a number the game works out from the site's relief and the Sun's and Earth's real paths:
    not a figure a source gives, nor one chosen for play, so it is never called either."""

    status: Literal["worked out"] = "worked out"


WORKED_OUT = WorkedOut()


def status_tag(figure: Figure | WorkedOut, tr: Translate = ENGLISH) -> str:
    """The short mark after a number: 'real', 'game value' or 'worked out from this tile's horizon'."""
    return tr(status_words(figure))


def status_words(figure: Figure | WorkedOut) -> Message:
    """The short mark as a say() value, for a sentence the headless core writes ("lit 40 % of the time
    (worked out from this tile's horizon)"): shown in the player's language wherever the sentence is."""
    if isinstance(figure, WorkedOut):
        return say("worked out from this tile's horizon")
    return say("real") if figure.status == "real" else say("game value")


def status_line(figure: Figure, language: str, tr: Translate = ENGLISH) -> str:
    """The long form: 'real: NASA's 2008 concept, 40 kWe', 'game value, scaled from …' or 'game value'."""
    if figure.status == "real":
        note = translate(figure.note, language) if figure.note is not None else ""
        return tr("real: {what}", what=note) if note else tr("real")
    if figure.scaled_from is not None:
        return tr("game value, scaled from {real}", real=translate(figure.scaled_from, language))
    return tr("game value")


def real_figures(entry: HasFigures, shown: Iterable[str]) -> list[str]:
    """Which of the `shown` fields of `entry` are real figures."""
    return [name for name in shown if entry.figure(name).status == "real"]


def summary_status(entry: HasFigures, shown: Iterable[str], tr: Translate = ENGLISH) -> str:
    """One phrase for a row that shows several numbers: 'game values' or 'game values, except power (real)'."""
    real = real_figures(entry, shown)
    if not real:
        return tr("figures: game values")
    names = [tr(FIGURE_NAMES.get(name, name.replace("_", " "))) for name in real]  # listed as the language lists
    return tr("figures: game values, except {names} (real)", names=names)


def figure_sources(entry: HasFigures) -> list[str]:
    """Every address a figure of `entry` cites, in the order the figures are listed, each once."""
    seen: list[str] = []
    for figure in entry.figures.values():
        if figure.source is not None and figure.source not in seen:
            seen.append(figure.source)
    return seen


__all__ = [
    "FIGURE_NAMES",
    "GAME_VALUE",
    "WORKED_OUT",
    "HasFigures",
    "WorkedOut",
    "figure_sources",
    "real_figures",
    "status_line",
    "status_tag",
    "status_words",
    "summary_status",
]
