"""What landing practice offers and what its choices mean: the rows of choices (a landing zone among the levels
that load, cargo, gravity, engine, assists, seed), each a list of (words, value) with one chosen, and the
lander's numbers for a set of choices, each with its status. Plain data, so tests read it without a window."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.content.catalog import Catalog
from game.content.loader import LoadedLevel, load_game_content
from game.content.models import GAME_VALUE, Figure, Level, ModuleSpec, MoonFacts
from game.content.text import translate
from game.content.ui_text import to_translate
from game.landing.scenario import scenario_for
from game.landing.what_if import World

# The words of a choice stay English in the model (the code finds choices by them) and are translated where drawn.
SLOW_MOTION = ((to_translate("Off"), 1.0), (to_translate("Half speed"), 0.5), (to_translate("Quarter speed"), 0.25))
TARGET_SCALES = ((to_translate("Off"), 1.0), (to_translate("Twice as wide"), 2.0), (to_translate("Three times"), 3.0))
SEEDS = 100
WHAT_IF_THRUST = Figure(status="game")  # an engine this many times the real one: the what-if's own figure
# Thrust-to-weight below which the panel warns that braking leaves little margin (a game judgement).
LOW_MARGIN_TW = 1.3


@dataclass(slots=True)
class Choice:
    """One row of the panel: its label, the values it offers (words to show, value to use), the one chosen."""

    label: str
    options: list[tuple[str, object]]
    index: int = 0

    @property
    def value(self) -> object:
        return self.options[self.index][1]

    @property
    def shown(self) -> str:
        return self.options[self.index][0]

    def step(self, by: int) -> None:
        self.index = (self.index + by) % len(self.options)


@dataclass(slots=True)
class PracticeLevels:
    """The playable levels that practice can land in, with their titles."""

    loaded: list[LoadedLevel] = field(default_factory=list)

    def by_id(self, level_id: str) -> LoadedLevel | None:
        return next((item for item in self.loaded if item.level is not None and item.level.id == level_id), None)


def playable_levels(mod_folders: list[Path] | None) -> PracticeLevels:
    """Every level that loads without problems, the game's first, then the mods'."""
    levels = PracticeLevels()
    for folder in load_game_content(mod_folders):
        levels.loaded += [loaded for loaded in folder.levels if loaded.ok]
    return levels


def nearest(options: tuple[tuple[str, float], ...], value: float) -> int:
    """The option whose value is nearest `value`."""
    return min(range(len(options)), key=lambda index: abs(options[index][1] - value))


def gravity_figure(world: World, moon: MoonFacts | None) -> Figure:
    """The status of a world's surface gravity: the catalog Moon's own figure, or a what-if world's, which is
    real with the source assets/what_if.toml cites for it (a world without a source is a game value)."""
    if world.gravity_m_s2 is None:
        return moon.figure("surface_gravity") if moon is not None else GAME_VALUE
    return Figure(status="real", source=world.sources[0]) if world.sources else GAME_VALUE


@dataclass(frozen=True, slots=True)
class LanderNumbers:
    """The lander as chosen, at the chosen world's gravity: what the info box shows, each number with its status."""

    name: str
    mass_kg: float  # at the start: dry, propellant and cargo
    thrust_n: float  # full thrust, the lander's own or a what-if's multiple of it
    thrust_figure: Figure  # the lander's own figure, or a what-if's
    gravity_m_s2: float
    cargo: ModuleSpec | None
    cargo_kg: float

    @property
    def thrust_to_weight(self) -> float:
        return self.thrust_n / (self.mass_kg * self.gravity_m_s2)


def lander_numbers(level: Level, catalog: Catalog, cargo: object, world: World, thrust_factor: float,
                   language: str) -> LanderNumbers | None:
    """The numbers for these choices (`cargo` a module id or None), or None when the landing cannot be set up."""
    try:
        scenario = scenario_for(level, catalog, 0, cargo=cargo if isinstance(cargo, str) else None,
                                gravity=world.gravity_m_s2)
    except ValueError:
        return None
    spec = scenario.lander
    return LanderNumbers(
        name=translate(spec.name, language),
        mass_kg=spec.dry_mass_kg + spec.propellant_kg + scenario.cargo_mass_kg,
        thrust_n=spec.max_thrust_n * thrust_factor,
        thrust_figure=spec.figure("max_thrust_n") if thrust_factor == 1.0 else WHAT_IF_THRUST,
        gravity_m_s2=scenario.gravity_m_s2,
        cargo=catalog.modules.get(cargo) if isinstance(cargo, str) else None,
        cargo_kg=scenario.cargo_mass_kg,
    )
