"""Difficulty presets: what a level asks of the player, not only how the landing flies.

    level, catalog = with_difficulty(level, catalog, "challenge")   # the copies a run plays

A preset scales the level's budget, funding and time limit, the modules' failure rates and the landing's
dispersion, moves every partner's patience, and may switch the landing's assists on. Every figure here is a
game value, chosen for play. A level may tune each preset in a `[difficulty.<preset>]` table, which replaces
the figures it names (docs/MODDING.md).
"""

from __future__ import annotations

from typing import Literal, get_args

from game.content.catalog import Catalog
from game.content.models import LANDING_EDGE_M, DifficultyTuning, Landing, Level
from game.content.ui_text import to_translate

Preset = Literal["explorer", "standard", "challenge"]
PRESETS: tuple[str, ...] = get_args(Preset)
DEFAULT_PRESET: Preset = "standard"
# What each preset is called on screen (translated where shown).
DIFFICULTY_NAMES: dict[str, str] = {"explorer": to_translate("Explorer"), "standard": to_translate("Standard"),
                                    "challenge": to_translate("Challenge")}
DIFFICULTY_TIPS: dict[str, str] = {
    "explorer": to_translate("More budget and time, fewer failures, gentler landings with assists, more patient "
                             "partners."),
    "standard": to_translate("The level as it is written."),
    "challenge": to_translate("Less budget, more failures, a wider landing spread, less patient partners."),
}


# The game's presets (game values): Explorer forgives, Standard is the level as written, Challenge presses.
PRESET_TUNING: dict[str, DifficultyTuning] = {
    "explorer": DifficultyTuning(budget=1.5, funding=1.25, failure_rate=0.5, landing_dispersion=0.5,
                                 landing_assists=True, patience=2, time_limit=1.25),
    "standard": DifficultyTuning(),
    "challenge": DifficultyTuning(budget=0.85, funding=0.9, failure_rate=1.5, landing_dispersion=1.5,
                                  patience=-1, time_limit=1.0),
}


def tuning_for(level: Level, preset: str) -> DifficultyTuning:
    """The preset's figures for this level: the game's, with what the level's `[difficulty.<preset>]` writes."""
    base = PRESET_TUNING.get(preset, PRESET_TUNING[DEFAULT_PRESET])
    own = getattr(level.difficulty, preset, None) if preset in PRESETS else None
    if own is None:
        return base
    return base.model_copy(update=own.model_dump(include=own.model_fields_set))


def with_difficulty(level: Level, catalog: Catalog, preset: str) -> tuple[Level, Catalog]:
    """The level and catalog a run plays on `preset`: copies, the originals stay as the files wrote them."""
    tuning = tuning_for(level, preset)
    if tuning == PRESET_TUNING["standard"]:
        return level, catalog
    start = level.start.model_copy(update={"budget": level.start.budget * tuning.budget,
                                           "funding_per_year": level.start.funding_per_year * tuning.funding})
    update: dict[str, object] = {"start": start, "time_limit_days": level.time_limit_days * tuning.time_limit}
    if level.landing is not None:
        update["landing"] = _landing(level.landing, tuning)
    tuned = level.model_copy(update=update)
    return tuned, _catalog(catalog, tuning)


def _landing(landing: Landing, tuning: DifficultyTuning) -> Landing:
    spread = landing.dispersion
    factor = tuning.landing_dispersion
    # A wider spread still starts over the ground and above it, as the level's own checks require.
    left, right = landing.terrain.span
    start = landing.target_x + landing.start_offset_m
    room = max(0.0, min(start - left, right - start) - LANDING_EDGE_M)
    dispersion = spread.model_copy(update={"x_m": min(spread.x_m * factor, room),
                                           "speed_m_s": spread.speed_m_s * factor,
                                           "angle_deg": spread.angle_deg * factor,
                                           "altitude_m": spread.altitude_m * min(factor, 1.0)})
    update: dict[str, object] = {"dispersion": dispersion}
    if tuning.landing_assists:
        update["assists"] = landing.assists.model_copy(update={"attitude_hold": True, "suggested_burn": True})
    return landing.model_copy(update=update)


def _catalog(catalog: Catalog, tuning: DifficultyTuning) -> Catalog:
    tuned = catalog.copy()
    tuned.modules = {key: spec.model_copy(update={"failure_rate_per_year": spec.failure_rate_per_year
                                                  * tuning.failure_rate}) for key, spec in catalog.modules.items()}
    # A partner's patience is a game value; what it brings (its funding, modules) is its own and stays.
    tuned.partners = {key: spec.model_copy(update={"patience": max(1, min(10, spec.patience + tuning.patience))})
                      for key, spec in catalog.partners.items()}
    return tuned
