"""The level format as pydantic models: the modding contract, and the source of levels/schema.json."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar, Literal

import pydantic
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from game.content.figure_model import GAME_VALUE, Figure, Figures, Source
from game.content.figure_model import check_figure_names as _check_figure_names
from game.content.relief_models import PolarSky, Relief
from game.content.text import LocalizedText
from game.rules.hours import HOURS_PER_DAY

FORMAT_VERSION = 1

Resource = Literal["water", "oxygen", "hydrogen", "food", "regolith", "bricks", "spare_parts"]
RESOURCES: tuple[str, ...] = Resource.__args__  # type: ignore[attr-defined]
ScienceDomain = Literal["geology", "astronomy", "space_environment", "basic_physics", "resource_use"]
SCIENCE_DOMAINS: tuple[str, ...] = ScienceDomain.__args__  # type: ignore[attr-defined]

Identifier = Annotated[
    str,
    Field(
        pattern=r"^[a-z][a-z0-9_-]*$",
        max_length=40,
        description="An id: lower-case letters, digits, '_' and '-', starting with a letter.",
    ),
]
Sources = Annotated[list[Source], Field(description="Public web addresses that back the real figures.")]
Colour = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$", description="A colour as '#rrggbb'.")]
Fraction = Annotated[float, Field(ge=0.0, le=1.0)]
# Every number has a range a playable level needs: the limits below are game values, chosen far beyond any
# real figure (so a real one always fits) yet small enough that sums over a century of hours stay finite,
# the physics library accepts the masses, the screens can draw the ground and a calendar can show the dates.
MAX_AMOUNT = 1.0e9  # kg, Wh, W, credits, points: any amount or rate a level or catalog gives
MAX_DAYS = 36500.0  # a century: the longest level
MAX_COUNT = 1000  # modules, crew, launches, goals' counts: far more than a 120-row site can hold
MAX_MASS_KG = 200000.0  # a lander, its propellant or a cargo: pymunk is given these masses
MAX_SEED = 2**63 - 1  # the dice take any whole number; a seed the game writes (level, save) is 63-bit
MAX_DISTANCE_M = 100000.0  # 100 km: the farthest the landing ground reaches from its origin
NonNegative = Annotated[float, Field(ge=0.0, le=MAX_AMOUNT)]
Amount = Annotated[float, Field(ge=-MAX_AMOUNT, le=MAX_AMOUNT)]
Days = Annotated[float, Field(gt=0.0, le=MAX_DAYS)]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
FiniteFloat = Annotated[float, Field(allow_inf_nan=False)]
Distance = Annotated[float, Field(ge=-MAX_DISTANCE_M, le=MAX_DISTANCE_M)]
# Dates a calendar (and the timeline screen) can show: the programme's history and a century to come.
CalendarDate = Annotated[dt.date, Field(ge=dt.date(1900, 1, 1), le=dt.date(2199, 12, 31))]
# A start or target must sit this far inside the ground's ends, so the lander has ground on both sides.
LANDING_EDGE_M = 50.0


# TOML has no tuples, so pairs arrive as lists: the one place a list may become a tuple.
LaxPair = Annotated[tuple[FiniteFloat, FiniteFloat], pydantic.Strict(False)]


class Strict(BaseModel):
    """Every model refuses keys it does not know, so a typo is an error, never silently ignored."""

    # strict: `count = true` or `budget = "100"` is a mistake to report, not a value to coerce.
    # allow_inf_nan: TOML can write inf and nan, and no field of the format may hold them.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)


# --- catalogs ---------------------------------------------------------------------------------


class TileKind(Strict):
    """A kind of ground on the site map: what it offers a module placed on it."""

    id: Identifier
    extends: Identifier | None = Field(
        None, description="Another entry of the same section whose keys this one starts from; its own keys win."
    )
    name: LocalizedText
    description: LocalizedText | None = None
    sunlight: Fraction = Field(description="Fraction of the lunar day this ground is in sunlight (0 to 1).")
    lit_arc_centre_deg: float = Field(
        0.0, ge=0.0, lt=360.0,
        description=(
            "Direction of the Sun (degrees) at the middle of this ground's lit spell; spreads shadows."
        ),
    )
    ice_percent: float = Field(0.0, ge=0.0, le=100.0, description="Water ice in the soil, percent by mass.")
    slope_deg: float = Field(0.0, ge=0.0, le=90.0, description="Typical slope in degrees.")
    earth_visible: bool = Field(True, description="Whether Earth stands above this ground's horizon.")
    # Computed light (game/terrain) replaces sunlight, lit_arc_centre_deg, ice_percent and earth_visible
    # unless the site says light = "tile_kinds"; height_m shapes the relief the light is computed from.
    height_m: float = Field(0.0, ge=-12_000.0, le=12_000.0, allow_inf_nan=False,
                            description="Typical height of this ground above the plain, metres (a game value).")
    landing: Literal["good", "poor", "none"] = Field("poor", description="How safe a landing is here.")
    colour: Colour = "#8a8a8a"
    pattern: Literal["plain", "dots", "hatch", "cross", "waves", "stripes", "grid"] = Field(
        "plain", description="Drawn over the colour so the map reads without colour vision."
    )
    figures: Figures = {}
    sources: Sources = []

    SHOWN_FIGURES: ClassVar[tuple[str, ...]] = ("sunlight", "ice_percent", "slope_deg")

    @model_validator(mode="after")
    def _figures_name_shown_numbers(self) -> TileKind:
        _check_figure_names(self, self.figures, self.SHOWN_FIGURES)
        return self

    def figure(self, name: str) -> Figure:
        """The status of the number in field `name`: as listed in `figures`, else a game value."""
        return self.figures.get(name, GAME_VALUE)


class Nearness(Strict):
    """A distance rule: to one kind of module (`module`), or to every module with a `tag`."""

    module: Identifier | None = Field(None, description="The catalog module measured to.")
    tag: Identifier | None = Field(None, description="Any module with this tag is measured to.")
    tiles: int = Field(ge=1, le=40, description="Tiles between the nearest edges; side by side is 1.")

    @model_validator(mode="after")
    def _one_target(self) -> Nearness:
        if (self.module is None) == (self.tag is None):
            raise ValueError("a distance rule needs exactly one of 'module' or 'tag'")
        return self

    def names(self, spec: ModuleSpec) -> bool:
        """Whether this rule measures to modules of `spec`'s kind."""
        return spec.id == self.module or (self.tag is not None and self.tag in spec.tags)


class Placement(Strict):
    """Where a module may stand; each rule that fails gives the player one readable sentence."""

    min_sunlight: Fraction = 0.0
    min_ice_percent: float = Field(0.0, ge=0.0, le=100.0)
    max_slope_deg: float = Field(90.0, ge=0.0, le=90.0)
    needs_earth_view: bool = False
    needs_earth_hidden: bool = Field(False, description="Only where a ridge hides Earth (a radio-quiet spot).")
    tiles: list[Identifier] | None = Field(None, description="Only these tile kinds; all kinds when absent.")
    needs_power: bool = Field(True, description="Works only when joined to the power network.")
    near: list[Nearness] = Field([], description="Must stand within this many tiles of each module or tag named.")
    away_from: list[Nearness] = Field(
        [], description="An exclusion zone: it and the modules named keep at least this many tiles apart."
    )

    @model_validator(mode="after")
    def _earth_one_way(self) -> Placement:
        if self.needs_earth_view and self.needs_earth_hidden:
            raise ValueError("'needs_earth_view' and 'needs_earth_hidden' cannot both be true")
        return self


class ModuleSpec(Strict):
    """A buildable module of the station."""

    id: Identifier
    extends: Identifier | None = Field(
        None, description="Another entry of the same section whose keys this one starts from; its own keys win."
    )
    name: LocalizedText
    description: LocalizedText
    category: Literal[
        "power", "storage", "communications", "habitat", "life_support", "resources", "science",
        "logistics", "infrastructure",
    ]
    shape: Literal[
        "pad", "panel", "battery", "capsule", "reactor", "dish", "mast", "dome", "box", "drill", "plant",
        "greenhouse", "lab", "telescope", "garage", "printer", "depot", "bunker", "cable",
    ] = Field(description="The silhouette drawn on the map and in the build palette.")
    mass_kg: float = Field(gt=0.0, le=MAX_MASS_KG)
    cost: NonNegative = Field(description="Cost in credits (million CNY-equivalent).")
    footprint: tuple[int, int] = Field((1, 1), strict=False, description="Width and height in tiles.")
    build_hours: float = Field(0.0, ge=0.0, le=MAX_DAYS * HOURS_PER_DAY,
                               description="Hours of assembly after the module lands.")
    power_output_w: NonNegative = 0.0
    solar: bool = Field(False, description="Output follows sunlight on the module's tile.")
    power_draw_w: NonNegative = 0.0
    energy_storage_wh: NonNegative = 0.0
    inputs: dict[Resource, NonNegative] = Field({}, description="Resources used per hour, in kg.")
    outputs: dict[Resource, NonNegative] = Field({}, description="Resources made per hour, in kg.")
    storage: dict[Resource, NonNegative] = Field({}, description="Extra storage capacity, in kg.")
    science_per_day: dict[ScienceDomain, NonNegative] = {}
    crew_capacity: Count = 0
    shielding: Fraction = Field(0.0, description="Fraction of surface radiation the module keeps out.")
    conducts_power: bool = Field(False, description="Carries power between neighbours, like a cable.")
    failure_rate_per_year: NonNegative = 0.0
    placement: Placement = Placement()
    real_counterpart: LocalizedText | None = Field(
        None, description="One line on the real hardware this module stands for, where there is any."
    )
    figures: Figures = {}
    tags: list[Identifier] = Field(
        [], description="Words other modules' placement rules can name: tags = [\"nuclear\"]."
    )
    sprite: str | None = Field(
        None, description="A PNG image drawn for the module on the map, relative to its catalog's mod folder."
    )
    sources: Sources = []

    SHOWN_FIGURES: ClassVar[tuple[str, ...]] = (
        "mass_kg", "cost", "footprint", "build_hours", "power_output_w", "power_draw_w", "energy_storage_wh",
        "inputs", "outputs", "storage", "science_per_day", "crew_capacity", "shielding", "failure_rate_per_year",
    )

    @model_validator(mode="after")
    def _figures_name_shown_numbers(self) -> ModuleSpec:
        _check_figure_names(self, self.figures, self.SHOWN_FIGURES)
        return self

    def figure(self, name: str) -> Figure:
        """The status of the number in field `name`: as listed in `figures`, else a game value."""
        return self.figures.get(name, GAME_VALUE)

    @field_validator("footprint")
    @classmethod
    def _footprint_in_range(cls, footprint: tuple[int, int]) -> tuple[int, int]:
        # A field validator, so the problem points at the footprint line rather than the whole module.
        if not all(1 <= side <= 8 for side in footprint):
            raise ValueError(f"footprint sides must be between 1 and 8 tiles, not {list(footprint)}")
        return footprint


class Capabilities(Strict):
    """What a partner can bring to the programme."""

    funding_per_year: NonNegative = 0.0
    instruments: list[LocalizedText] = []
    modules: list[Identifier] = Field([], description="Ids of catalog modules this partner can build.")
    launches: Count = 0
    ground_stations: Count = 0
    crew_candidates: Count = 0


PartnerAsk = Literal["data_share", "payload_mass", "crew_seat", "host_module", "co_lead_domain"]
# Every term an offer can put on the table: what a partner gives, then what it receives (its asks).
PartnerTerm = Literal[
    "funding", "module", "launch", "instrument",
    "data_share", "payload_mass", "crew_seat", "host_module", "co_lead_domain",
]
PARTNER_TERMS: tuple[str, ...] = PartnerTerm.__args__  # type: ignore[attr-defined]
Programme = Literal["ilrs", "artemis"]


class Constraint(Strict):
    """A law or rule that limits what a partner may do, with its real source."""

    text: LocalizedText
    forbids: list[PartnerTerm] = Field(
        [], description="Terms this rule rules out of any offer; the negotiation quotes `text` as the reason."
    )
    in_programme: Programme | None = Field(
        None, description="The rule binds only in a level of this programme; in every level when absent."
    )
    sources: Sources = Field(min_length=1)


class PartnerSpec(Strict):
    """An agency, country or organisation of the real programme."""

    id: Identifier
    extends: Identifier | None = Field(
        None, description="Another entry of the same section whose keys this one starts from; its own keys win."
    )
    name: LocalizedText
    kind: Literal["agency", "country", "organisation"]
    programme: Programme = "ilrs"
    joined: CalendarDate | None = Field(None, description="When the partner signed on, as reported.")
    emblem_colour: Colour = "#8899aa"
    profile: LocalizedText
    interests: dict[ScienceDomain, Fraction] = Field(
        description="How much the partner cares for each domain."
    )
    capabilities: Capabilities = Capabilities()
    asks: list[PartnerAsk] = []
    constraints: list[Constraint] = []
    starting_trust: float = Field(50.0, ge=0.0, le=100.0)
    patience: int = Field(3, ge=1, le=10, description="Rounds of talks before it breaks them off (game value).")
    figures: Figures = {}
    sources: Sources = Field(min_length=1)

    SHOWN_FIGURES: ClassVar[tuple[str, ...]] = ("interests", "funding_per_year", "starting_trust", "patience")

    @model_validator(mode="after")
    def _figures_name_shown_numbers(self) -> PartnerSpec:
        _check_figure_names(self, self.figures, self.SHOWN_FIGURES)
        return self

    def figure(self, name: str) -> Figure:
        """The status of the number in field `name`: as listed in `figures`, else a game value."""
        return self.figures.get(name, GAME_VALUE)


class LaunchVehicle(Strict):
    """A rocket and lander pair that brings cargo to the surface."""

    id: Identifier
    extends: Identifier | None = Field(
        None, description="Another entry of the same section whose keys this one starts from; its own keys win."
    )
    name: LocalizedText
    payload_to_surface_kg: float = Field(gt=0.0, le=MAX_MASS_KG)
    cost: NonNegative = Field(description="Cost of one launch in credits.")
    cadence_days: Days = Field(description="Shortest time between two launches.")
    transit_days: float = Field(
        4.0, gt=0.0, le=365.0, description="Days from launch to the landing on the Moon (a game value)."
    )
    lander: Identifier | None = Field(None, description="Id of the catalog lander that sets the cargo down.")
    figures: Figures = {}
    sources: Sources = []

    SHOWN_FIGURES: ClassVar[tuple[str, ...]] = ("payload_to_surface_kg", "cost", "cadence_days", "transit_days")

    @model_validator(mode="after")
    def _figures_name_shown_numbers(self) -> LaunchVehicle:
        _check_figure_names(self, self.figures, self.SHOWN_FIGURES)
        return self

    def figure(self, name: str) -> Figure:
        """The status of the number in field `name`: as listed in `figures`, else a game value."""
        return self.figures.get(name, GAME_VALUE)


class GradeLimits(Strict):
    """The worst touchdown a landing grade still allows."""

    vertical_speed_m_s: float = Field(gt=0.0, le=100.0, description="Sink speed at touchdown, m/s.")
    horizontal_speed_m_s: float = Field(gt=0.0, le=100.0, description="Sideways speed at touchdown, m/s.")
    tilt_deg: float = Field(gt=0.0, le=90.0, description="Lean from upright at touchdown or at rest, degrees.")
    distance_m: float | None = Field(
        None, gt=0.0, le=MAX_DISTANCE_M, description="Farthest from the target, metres; no limit when absent."
    )
    propellant_left: Fraction = Field(0.0, description="Least share of the propellant still in the tanks.")


class LandingGrading(Strict):
    """Touchdown limits for each grade, best first; anything worse than 'hard' is a crash."""

    perfect: GradeLimits
    good: GradeLimits = Field(
        description="Beyond its distance (but no faster) the landing is 'off target': the cargo is hauled."
    )
    hard: GradeLimits = Field(description="Past 'good' but within these, the cargo arrives damaged.")
    hard_damage_least: Fraction = Field(description="Share of the cargo broken just past the 'good' limits.")
    hard_damage_most: Fraction = Field(description="Share of the cargo broken at the 'hard' limits.")
    haul_cost_per_km: NonNegative = Field(
        description="Credits to haul cargo to the target from where it landed, per kilometre."
    )

    @model_validator(mode="after")
    def _grades_get_stricter(self) -> LandingGrading:
        for better, worse in (("perfect", "good"), ("good", "hard")):
            high: GradeLimits = getattr(self, better)
            low: GradeLimits = getattr(self, worse)
            for key in ("vertical_speed_m_s", "horizontal_speed_m_s", "tilt_deg"):
                if getattr(high, key) > getattr(low, key):
                    raise ValueError(f"'{better}.{key}' must not be looser than '{worse}.{key}'")
        if self.hard_damage_least > self.hard_damage_most:
            raise ValueError("'hard_damage_least' must not be more than 'hard_damage_most'")
        return self


class LanderSpec(Strict):
    """A lander that sets cargo down: its masses, engine, attitude thrusters, shape and touchdown grades."""

    id: Identifier
    extends: Identifier | None = Field(
        None, description="Another entry of the same section whose keys this one starts from; its own keys win."
    )
    name: LocalizedText
    description: LocalizedText | None = None
    dry_mass_kg: float = Field(gt=0.0, le=200000.0, description="Empty mass without cargo or propellant.")
    propellant_kg: float = Field(gt=0.0, le=200000.0, description="Propellant in the tanks at the start.")
    exhaust_velocity_m_s: float | None = Field(
        None, gt=0.0, le=10000.0, description="Effective exhaust velocity; give this or 'isp_s'."
    )
    isp_s: float | None = Field(None, gt=0.0, le=1000.0, description="Specific impulse in seconds.")
    min_thrust_n: float = Field(ge=0.0, le=1.0e7, description="The engine's lowest throttle setting, newtons.")
    max_thrust_n: float = Field(gt=0.0, le=1.0e7, description="The engine's full thrust, newtons.")
    attitude_torque_n_m: float = Field(gt=0.0, le=1.0e7, description="Full turning torque of the thrusters.")
    max_cargo_kg: float = Field(ge=0.0, le=MAX_MASS_KG, description="Heaviest cargo it is meant to land.")
    hull_width_m: float = Field(gt=0.0, le=50.0)
    hull_height_m: float = Field(gt=0.0, le=50.0)
    leg_span_m: float = Field(gt=0.0, le=80.0, description="Distance between the two feet.")
    leg_length_m: float = Field(gt=0.0, le=20.0, description="How far the feet reach below the hull.")
    foot_radius_m: float = Field(gt=0.0, le=2.0, description="Radius of a footpad.")
    grading: LandingGrading
    figures: Figures = {}
    sources: Sources = []

    SHOWN_FIGURES: ClassVar[tuple[str, ...]] = (
        "dry_mass_kg", "propellant_kg", "exhaust_velocity_m_s", "isp_s", "min_thrust_n", "max_thrust_n",
        "attitude_torque_n_m", "max_cargo_kg", "hull_width_m", "hull_height_m", "leg_span_m", "leg_length_m",
        "foot_radius_m", "grading",
    )

    def figure(self, name: str) -> Figure:
        """The status of the number in field `name`: as listed in `figures`, else a game value."""
        return self.figures.get(name, GAME_VALUE)

    @model_validator(mode="after")
    def _consistent(self) -> LanderSpec:
        if (self.exhaust_velocity_m_s is None) == (self.isp_s is None):
            raise ValueError("a lander needs exactly one of 'exhaust_velocity_m_s' or 'isp_s'")
        if self.min_thrust_n > self.max_thrust_n:
            raise ValueError("'min_thrust_n' must not be more than 'max_thrust_n'")
        if self.leg_span_m < self.hull_width_m:
            raise ValueError("'leg_span_m' must be at least 'hull_width_m', so the feet stand outside the hull")
        _check_figure_names(self, self.figures, self.SHOWN_FIGURES)
        return self

    @property
    def exhaust_velocity(self) -> float:
        """m/s; from Isp through standard gravity, 9.80665 m/s² by definition (not a measured value)."""
        if self.exhaust_velocity_m_s is not None:
            return self.exhaust_velocity_m_s
        return (self.isp_s or 0.0) * 9.80665


class CrewNeeds(Strict):
    """What one person on the surface uses each day, and the radiation dose allowed before they must go home."""

    oxygen_kg_per_day: NonNegative = Field(description="Oxygen breathed per person per day, kg.")
    water_kg_per_day: NonNegative = Field(description="Water to drink and in food per person per day, kg.")
    food_kg_per_day: NonNegative = Field(description="Food (dry mass) per person per day, kg.")
    dose_limit_msv: float = Field(
        gt=0.0, le=MAX_AMOUNT, description=(
            "Dose at which a crew member must leave, millisieverts; the catalog uses NASA's career limit (600), "
            "and the game names it as one."
        ),
    )
    life_support_recovery: Fraction = Field(
        0.9, description="Share of oxygen and water a working life-support module recovers (a game value)."
    )
    figures: Figures = {}
    sources: Sources = Field(min_length=1)

    SHOWN_FIGURES: ClassVar[tuple[str, ...]] = ("dose_limit_msv",)  # the crew's dose warnings and evacuation

    @model_validator(mode="after")
    def _figures_name_shown_numbers(self) -> CrewNeeds:
        _check_figure_names(self, self.figures, self.SHOWN_FIGURES)
        return self

    def figure(self, name: str) -> Figure:
        """The status of the number in field `name`: as listed in `figures`, else a game value."""
        return self.figures.get(name, GAME_VALUE)


class MoonFacts(Strict):
    """Real constants of the Moon that the simulation uses, with their sources."""

    synodic_day_hours: float = Field(
        gt=0.0, le=MAX_DAYS * HOURS_PER_DAY, description="One lunar day, sunrise to sunrise, in hours."
    )
    surface_gravity: float = Field(gt=0.0, le=100.0, description="m/s².")
    surface_dose_usv_per_day: NonNegative = Field(description="Radiation dose on the open surface, µSv/day.")
    crew: CrewNeeds | None = Field(None, description="What the crew need; a level with crew needs it.")
    sky: PolarSky | None = Field(None, description="The Sun's and Earth's paths at the pole, for computed light.")
    figures: Figures = {}
    sources: Sources = Field(min_length=1)

    SHOWN_FIGURES: ClassVar[tuple[str, ...]] = ("surface_gravity",)  # landing practice's gravity row

    @model_validator(mode="after")
    def _figures_name_shown_numbers(self) -> MoonFacts:
        _check_figure_names(self, self.figures, self.SHOWN_FIGURES)
        return self

    def figure(self, name: str) -> Figure:
        """The status of the number in field `name`: as listed in `figures`, else a game value."""
        return self.figures.get(name, GAME_VALUE)


class CatalogFile(Strict):
    """A shared catalog file in a `catalog/` folder; levels and mods extend or override it by id."""

    format: Literal[1] = Field(description="The level-format version this file is written for.")
    moon: MoonFacts | None = Field(None, description="The Moon's constants; one catalog layer must set them.")
    tiles: list[TileKind] = []
    modules: list[ModuleSpec] = []
    partners: list[PartnerSpec] = []
    launch_vehicles: list[LaunchVehicle] = []
    landers: list[LanderSpec] = []


class CatalogExtension(Strict):
    """Catalog entries a level adds, or replaces by id, for itself alone."""

    tiles: list[TileKind] = []
    modules: list[ModuleSpec] = []
    partners: list[PartnerSpec] = []
    launch_vehicles: list[LaunchVehicle] = []
    landers: list[LanderSpec] = []


# --- a level ----------------------------------------------------------------------------------


class Site(Strict):
    """The site map: text rows, one character a tile, read through the legend."""

    name: LocalizedText
    tile_size_m: float = Field(100.0, gt=0.0, le=10000.0)
    legend: dict[Annotated[str, Field(min_length=1, max_length=1)], Identifier] = Field(
        description="Which tile kind each character stands for."
    )
    rows: list[str] = Field(min_length=4, max_length=120, description="Top row first; every row as wide.")
    relief: Relief = Field(Relief(), description="The site's heights, from which light and Earth view are computed.")
    light: Literal["computed", "tile_kinds"] = Field(
        "computed", description="'tile_kinds' overrides the computed light with the tiles' typed-in shares.")


class PlacedModule(Strict):
    """A module standing on the site when the level starts."""

    module: Identifier
    x: int = Field(ge=0, le=MAX_COUNT, description="Column, counted from the left from 0.")
    y: int = Field(ge=0, le=MAX_COUNT, description="Row, counted from the top from 0.")


class Start(Strict):
    """The programme's state on the first day."""

    budget: Amount = Field(description="Credits in hand.")
    funding_per_year: NonNegative = 0.0
    energy_wh: NonNegative = 0.0
    resources: dict[Resource, NonNegative] = {}
    crew: Count = 0
    crew_rotation_days: float | None = Field(
        None, gt=0.0, le=MAX_DAYS, description="A fresh crew of `crew` people takes over this often; never when absent."
    )
    modules: list[PlacedModule] = []


class LevelPartner(Strict):
    """A partner taking part in this level."""

    partner: Identifier
    member: bool = Field(True, description="Already a member at the start, or still to be won.")
    trust: float | None = Field(None, ge=0.0, le=100.0, description="Overrides the catalog's starting trust.")
    talks_open: bool = Field(True, description="Talks can start at once; false waits for an 'open_talks' event.")


GoalKind = Literal[
    "build", "science", "sustain_crew", "keep_power", "stay_in_budget", "stockpile",
    "partners", "agreements", "trust", "promises_kept", "event",
]
_GOAL_NEEDS: dict[str, tuple[str, ...]] = {
    "build": ("module",),
    "science": ("points",),
    "sustain_crew": ("crew", "days"),
    "keep_power": ("days",),
    "stay_in_budget": (),
    "stockpile": ("resource", "amount"),
    "partners": (),
    "agreements": (),
    "trust": ("min_trust",),
    "promises_kept": (),
    "event": ("event",),
}
# Goals measured on the level's partners (the level must list some).
PARTNER_GOAL_KINDS = ("partners", "agreements", "trust", "promises_kept")


class Goal(Strict):
    """Something the player must achieve; which keys apply depends on `kind`."""

    id: Identifier
    kind: GoalKind
    text: LocalizedText
    module: Identifier | None = Field(None, description="build: the module to build.")
    count: int = Field(
        1, ge=1, le=MAX_COUNT,
        description="build: how many; partners, agreements, trust, promises_kept: how many of them.",
    )
    points: float | None = Field(None, gt=0.0, le=MAX_AMOUNT, description="science: points to reach.")
    domain: ScienceDomain | None = Field(
        None, description="science: one domain, or all together when absent."
    )
    crew: int | None = Field(None, ge=1, le=MAX_COUNT, description="sustain_crew: people on the surface.")
    days: Days | None = Field(None, description="sustain_crew / keep_power: days without a break.")
    resource: Resource | None = Field(None, description="stockpile: the resource.")
    amount: float | None = Field(None, gt=0.0, le=MAX_AMOUNT, description="stockpile: kg in store.")
    by_day: Days | None = Field(None, description="Deadline in days from the start, if any.")
    partner: Identifier | None = Field(
        None, description="agreements / trust / promises_kept: one partner of the level; any member when absent."
    )
    term: PartnerTerm | None = Field(
        None, description="agreements: only agreements with this term count (e.g. module, funding)."
    )
    min_trust: float | None = Field(None, ge=0.0, le=100.0, description="trust: the trust to reach, 0 to 100.")
    event: Identifier | None = Field(
        None, description="event: met once this event of the level has fired `count` times."
    )

    @model_validator(mode="after")
    def _has_what_its_kind_needs(self) -> Goal:
        missing = [key for key in _GOAL_NEEDS[self.kind] if getattr(self, key) is None]
        if missing:
            keys = " and ".join(f"'{key}'" for key in missing)
            raise ValueError(f"a '{self.kind}' goal needs {keys}")
        return self


class EventEffect(Strict):
    """What an event changes when it fires."""

    budget: Amount = 0.0
    funding_per_year: Amount = 0.0
    energy_wh: Amount = 0.0
    resources: dict[Resource, Amount] = {}
    fail_module: Identifier | None = Field(None, description="One working module of this kind breaks down.")
    radiation_msv: NonNegative = Field(0.0, description="Extra dose to unsheltered crew, millisieverts.")
    delay_launches_days: float = Field(
        0.0, ge=0.0, le=MAX_DAYS,
        description="Every launch that has not lifted off yet, booked or not, slips by this many days.",
    )
    partner: Identifier | None = Field(None, description="The level partner the partner keys below act on.")
    trust: float = Field(0.0, ge=-100.0, le=100.0, description="Added to the partner's trust.")
    default_agreement: bool = Field(False, description="The partner defaults on its active agreements.")
    open_talks: bool = Field(False, description="Talks with the partner open (a new round of patience).")
    join: bool = Field(False, description="The partner becomes a member of the programme.")

    @model_validator(mode="after")
    def _partner_keys_name_a_partner(self) -> EventEffect:
        used = [key for key in ("default_agreement", "open_talks", "join") if getattr(self, key)]
        if self.trust:
            used.insert(0, "trust")
        if used and self.partner is None:
            raise ValueError(f"{', '.join(repr(key) for key in used)} needs 'partner' to say which partner")
        return self


LandingGrade = Literal["perfect", "good", "hard", "off_target", "crash"]


class Trigger(Strict):
    """What makes an event fire, instead of a date: something that happens in the game. Give exactly one."""

    module_finished: Identifier | None = Field(None, description="A module of this kind is finished (assembled).")
    resource_below: dict[Resource, NonNegative] | None = Field(
        None, description="A resource falls below this many kg: resource_below = { water = 50 }."
    )
    partner_joined: Identifier | None = Field(None, description="This partner of the level becomes a member.")
    landing: LandingGrade | None = Field(None, description="A cargo landing is graded this: perfect ... crash.")

    @model_validator(mode="after")
    def _one_happening(self) -> Trigger:
        given = [key for key in type(self).model_fields if getattr(self, key) is not None]
        if len(given) != 1:
            raise ValueError(
                "'when' needs exactly one of 'module_finished', 'resource_below', 'partner_joined' or 'landing'"
            )
        if self.resource_below is not None and len(self.resource_below) != 1:
            raise ValueError("'resource_below' names exactly one resource, like { water = 50 }")
        return self


class Event(Strict):
    """Something that happens: on a set day, by chance each day from the level's seeded dice, or when
    something happens in the game (`when`)."""

    id: Identifier
    kind: Literal[
        "news", "solar_particle_event", "micrometeoroid", "failure", "launch_delay", "funding_change",
        "partner",
    ]
    text: LocalizedText
    day: float | None = Field(None, ge=0.0, le=MAX_DAYS, description="Fires once on this day.")
    chance_per_day: Fraction | None = Field(None, description="Chance to fire on each day.")
    from_day: float = Field(0.0, ge=0.0, le=MAX_DAYS)
    until_day: Days | None = None
    max_times: int = Field(1, ge=1, le=int(MAX_DAYS))
    when: Trigger | None = Field(None, description="Fires when this happens in the game, from 'from_day' on.")
    effect: EventEffect = EventEffect()
    fact: Identifier | None = Field(None, description="A fact of this level revealed when it fires.")

    @model_validator(mode="after")
    def _one_trigger(self) -> Event:
        if [self.day, self.chance_per_day, self.when].count(None) != 2:
            raise ValueError("an event needs exactly one of 'day', 'chance_per_day' or 'when'")
        return self


class Fact(Strict):
    """A real fact shown to players, always with its public source."""

    id: Identifier
    text: LocalizedText
    date: CalendarDate | None = None
    unconfirmed: bool = Field(False, description="True where sources disagree or only one could be found.")
    sources: Sources = Field(min_length=1)


class QuizQuestion(Strict):
    """A question asked in the debrief, drawn from what the level taught."""

    question: LocalizedText
    choices: list[LocalizedText] = Field(min_length=2, max_length=5, description="The answers offered, 2 to 5.")
    answer: int = Field(ge=0, le=4, description="Which choice is right, counted from 0.")
    explanation: LocalizedText = Field(description="Why the answer is right, shown after the player answers.")
    sources: Sources = Field([], description="Where the answer comes from; give one whenever it is a real fact.")

    @model_validator(mode="after")
    def _answer_is_a_choice(self) -> QuizQuestion:
        if self.answer >= len(self.choices):
            raise ValueError(
                f"'answer' = {self.answer} names no choice: with {len(self.choices)} choices it must be "
                f"0 to {len(self.choices) - 1}"
            )
        return self


_GENERATION_KEYS = (
    "from_site", "width_m", "slope_deg", "roughness_m", "boulders", "boulder_height_m", "crater_rim_height_m",
    "crater_x_m", "crater_radius_m", "pad_width_m",
)
# What a slice of the site already has: only generated ground takes these.
_SHAPE_KEYS = ("slope_deg", "crater_rim_height_m", "crater_x_m", "crater_radius_m")


class LandingTerrain(Strict):
    """The ground of a landing zone, side on: drawn as `points`, or generated from a seed and these keys."""

    points: list[LaxPair] | None = Field(
        None, min_length=2, max_length=5000,
        description="The ground as [x, y] points in metres, left to right; replaces the generation keys.",
    )
    seed: int | None = Field(
        None, ge=0, le=MAX_SEED, description="Fixes the generated ground; when absent each flight's seed picks it."
    )
    from_site: bool = Field(
        True, description="The ground is the site's relief along the landing pad's row, with the bumps and "
        "boulders added; false generates it from the slope and crater keys instead.")
    width_m: float = Field(1200.0, ge=400.0, le=20000.0, description="Width of the generated zone, metres.")
    slope_deg: float = Field(0.0, ge=-30.0, le=30.0, description="Overall slope, rising to the right.")
    roughness_m: float = Field(3.0, ge=0.0, le=100.0, description="Height of the gentle bumps, metres.")
    boulders: int = Field(0, ge=0, le=500, description="How many boulders lie around (never on the pad).")
    boulder_height_m: float = Field(1.5, ge=0.0, le=20.0, description="Height of the largest boulders.")
    crater_rim_height_m: float = Field(0.0, ge=0.0, le=500.0, description="A crater's rim; 0 for none.")
    crater_x_m: Distance | None = Field(None, description="Centre of the crater; the seed places it when absent.")
    crater_radius_m: float = Field(150.0, gt=0.0, le=5000.0)
    pad_width_m: float = Field(40.0, ge=5.0, le=1000.0, description="A level stretch around the target.")

    @model_validator(mode="after")
    def _drawn_or_generated(self) -> LandingTerrain:
        if self.points is None:
            # Only a value that would change the ground counts: a level written back out (model_dump) repeats
            # every default, and must read in again.
            shaped = [key for key in _SHAPE_KEYS
                      if key in self.model_fields_set and getattr(self, key) != type(self).model_fields[key].default]
            if self.from_site and shaped:
                raise ValueError(f"the ground is cut from the site's relief, which gives its slope and craters: "
                                 f"remove {', '.join(shaped)}, or set from_site = false to generate it")
            return self
        mixed = [key for key in _GENERATION_KEYS if key in self.model_fields_set]
        if mixed:
            raise ValueError(f"drawn 'points' replace the generation keys; remove {', '.join(mixed)}")
        for (x0, _), (x1, _) in zip(self.points, self.points[1:], strict=False):
            if not x1 > x0:
                raise ValueError(f"terrain points must go left to right: x = {x1:g} comes after x = {x0:g}")
        if not all(abs(y) <= 100000.0 and abs(x) <= 100000.0 for x, y in self.points):
            raise ValueError("terrain points must lie within 100 km of the origin")
        return self

    @property
    def span(self) -> tuple[float, float]:
        """Leftmost and rightmost x of the ground, metres."""
        if self.points is not None:
            return self.points[0][0], self.points[-1][0]
        return 0.0, self.width_m


class LandingAssists(Strict):
    """Help a level (or the settings) gives a pilot, so anyone can land."""

    attitude_hold: bool = Field(False, description="With no turning input the lander holds its angle.")
    suggested_burn: bool = Field(False, description="Shows when the final braking burn should start.")
    slow_motion: float = Field(1.0, ge=0.1, le=1.0, description="Scene speed: 0.5 flies at half speed.")
    target_scale: float = Field(1.0, ge=1.0, le=5.0, description="Multiplies the grades' target distances.")


class LandingDispersion(Strict):
    """How far a flight's seed may move the start, so every seed is a slightly different flight."""

    x_m: float = Field(100.0, ge=0.0, le=5000.0, description="Up to this far left or right.")
    altitude_m: float = Field(100.0, ge=0.0, le=5000.0, description="Up to this much lower or higher.")
    speed_m_s: float = Field(5.0, ge=0.0, le=50.0, description="Up to this much on each velocity component.")
    angle_deg: float = Field(3.0, ge=0.0, le=45.0, description="Up to this much lean either way.")


class Landing(Strict):
    """The landing that delivers cargo in this level: ground, target, start and help."""

    lander: Identifier | None = Field(
        None, description="The catalog lander; when absent, the lander of the level's first launch vehicle."
    )
    cargo: Identifier | None = Field(None, description="The module carried when the landing is flown alone.")
    terrain: LandingTerrain = LandingTerrain()
    target_x_m: Distance | None = Field(None, description="Where to land; the middle of the ground when absent.")
    start_offset_m: Distance = Field(-150.0, description="Start this far from the target (negative: left of it).")
    start_altitude_m: float = Field(600.0, ge=5.0, le=5000.0, description="Height above the ground below.")
    start_velocity_m_s: LaxPair = Field(
        (10.0, -15.0), description="[right, up] in m/s at the start."
    )
    start_angle_deg: float = Field(0.0, ge=-90.0, le=90.0, description="Lean at the start; positive leans left.")
    dispersion: LandingDispersion = LandingDispersion()
    time_limit_s: float = Field(600.0, gt=0.0, le=3600.0, description="The flight ends after this long.")
    assists: LandingAssists = LandingAssists()
    grading: LandingGrading | None = Field(None, description="Replaces the lander's touchdown grades.")

    @field_validator("start_velocity_m_s")
    @classmethod
    def _speed_in_range(cls, velocity: tuple[float, float]) -> tuple[float, float]:
        if not all(abs(part) <= 150.0 for part in velocity):
            raise ValueError(f"each part of the start velocity must be within ±150 m/s, not {list(velocity)}")
        return velocity

    @model_validator(mode="after")
    def _start_and_target_over_the_ground(self) -> Landing:
        left, right = self.terrain.span
        target = self.target_x
        if not left + LANDING_EDGE_M <= target <= right - LANDING_EDGE_M:
            raise ValueError(
                f"'target_x_m' = {target:g} must be at least {LANDING_EDGE_M:g} m inside the ground "
                f"({left:g} to {right:g})"
            )
        start = target + self.start_offset_m
        lowest, highest = start - self.dispersion.x_m, start + self.dispersion.x_m
        if lowest < left + LANDING_EDGE_M or highest > right - LANDING_EDGE_M:
            raise ValueError(
                f"the start ({lowest:g} to {highest:g} m with its dispersion) must stay at least "
                f"{LANDING_EDGE_M:g} m inside the ground ({left:g} to {right:g})"
            )
        if self.dispersion.altitude_m >= self.start_altitude_m:
            raise ValueError("'dispersion.altitude_m' must be less than 'start_altitude_m'")
        return self

    @property
    def target_x(self) -> float:
        """The target's x in metres, with the default (the middle of the ground) filled in."""
        left, right = self.terrain.span
        return self.target_x_m if self.target_x_m is not None else (left + right) / 2


class ObjectiveEvidence(Strict):
    """What shows that a student reached one learning objective: goals met, quiz questions answered right."""

    objective: int = Field(ge=1, le=MAX_COUNT, description="Which learning objective, counted from 1.")
    goals: list[Identifier] = Field([], description="Goal ids: each must be met.")
    quiz: list[int] = Field([], description="Quiz questions, counted from 1: each must be answered right.")

    @model_validator(mode="after")
    def _names_some_evidence(self) -> ObjectiveEvidence:
        if not self.goals and not self.quiz:
            raise ValueError(f"the evidence for objective {self.objective} names no goals and no quiz questions")
        return self


class DifficultyTuning(Strict):
    """One preset's figures (game values): factors on the level's own values, and a change of patience."""

    budget: float = Field(1.0, ge=0.1, le=10.0, description="Multiplies the starting budget.")
    funding: float = Field(
        1.0, ge=0.0, le=10.0, description="Multiplies the programme's yearly funding at the start."
    )
    failure_rate: float = Field(1.0, ge=0.0, le=10.0, description="Multiplies every module's failure rate.")
    landing_dispersion: float = Field(
        1.0, ge=0.0, le=3.0, description="Multiplies how far a flight's seed moves the landing's start."
    )
    landing_assists: bool = Field(False, description="Switches the landing's attitude hold and burn hint on.")
    patience: int = Field(
        0, ge=-9, le=9, description="Rounds of talks added to every partner's patience (which stays at least 1)."
    )
    time_limit: float = Field(1.0, ge=0.5, le=3.0, description="Multiplies the level's time limit in days.")


class LevelDifficulty(Strict):
    """A level's own tuning of each preset: the figures a table writes replace the game's for that preset."""

    explorer: DifficultyTuning | None = None
    standard: DifficultyTuning | None = None
    challenge: DifficultyTuning | None = None


class Level(Strict):
    """One level: a real moment of the programme, with its site, start, goals, events and facts."""

    format: Literal[1] = Field(description="The level-format version this file is written for.")
    id: Identifier
    title: LocalizedText
    summary: LocalizedText
    order: int = Field(
        0, ge=0, le=MAX_COUNT, description="Place in the campaign; 0 keeps the level out of it (sandbox, mods)."
    )
    start_date: CalendarDate
    time_limit_days: Days
    seed: int = Field(0, ge=0, le=MAX_SEED, description="Seeds the level's dice, so a run can be replayed.")
    learning_objectives: list[LocalizedText] = Field(min_length=1)
    briefing: LocalizedText
    preview: str | None = Field(
        None, description="A PNG picture shown in the level list, relative to the level file's folder."
    )
    programme: Programme = Field(
        "ilrs", description="The programme the player runs; partner constraints may bind only in one."
    )
    site: Site
    start: Start
    launch_vehicles: list[Identifier] = []
    partners: list[LevelPartner] = []
    goals: list[Goal] = Field(min_length=1)
    events: list[Event] = []
    facts: list[Fact] = []
    quiz: list[QuizQuestion] = Field([], description="Questions for the debrief, drawn from the level's facts.")
    compressed_calendar: bool = Field(
        False, description=(
            "Real events of the level happen in their real order but not on their real dates; the briefing says so "
            "and the log gives each its real date. When false, an event telling a dated fact fires on that date."
        ),
    )
    data_centre: bool = Field(
        False, description=(
            "The China-Russia joint data centre for the exploration of the Moon and deep space serves the level: "
            "data shared with one member partner reaches every member that cares for its domain."
        ),
    )
    landing: Landing | None = Field(None, description="The landing practice for this level; defaults when absent.")
    catalog: CatalogExtension = CatalogExtension()
    evidence: list[ObjectiveEvidence] = Field(
        [], description="What shows each learning objective was reached; an objective without: the whole level."
    )
    difficulty: LevelDifficulty | None = Field(
        None, description="The level's own figures for the difficulty presets (explorer, standard, challenge)."
    )

    @model_validator(mode="after")
    def _events_name_level_partners(self) -> Level:
        # A partner event acts on a partner of this level; any other id is a typo the modder must see.
        taking_part = {partner.partner for partner in self.partners}
        for event in self.events:
            named = event.effect.partner
            waits_for = event.when.partner_joined if event.when is not None else None
            if waits_for is not None and waits_for not in taking_part:
                listed = ", ".join(sorted(taking_part)) or "none"
                raise ValueError(
                    f"event '{event.id}' waits for partner '{waits_for}' to join, which is not in the level's "
                    f"[[partners]] (they are: {listed})"
                )
            if named is not None and named not in taking_part:
                listed = ", ".join(sorted(taking_part)) or "none"
                raise ValueError(
                    f"event '{event.id}' acts on partner '{named}', which is not in the level's [[partners]] "
                    f"(they are: {listed})"
                )
        return self

    @model_validator(mode="after")
    def _evidence_names_what_the_level_has(self) -> Level:
        # A teacher reads these counts: evidence that names a missing goal or question would count nothing.
        goal_ids = {goal.id for goal in self.goals}
        seen: set[int] = set()
        for evidence in self.evidence:
            if evidence.objective > len(self.learning_objectives):
                raise ValueError(f"evidence names objective {evidence.objective}, but the level has "
                                 f"{len(self.learning_objectives)} learning objectives")
            if evidence.objective in seen:
                raise ValueError(f"objective {evidence.objective} has two [[evidence]] tables; merge them")
            seen.add(evidence.objective)
            unknown = [goal for goal in evidence.goals if goal not in goal_ids]
            if unknown:
                raise ValueError(f"the evidence for objective {evidence.objective} names goal '{unknown[0]}', which "
                                 f"the level does not have (its goals: {', '.join(sorted(goal_ids))})")
            missing = [number for number in evidence.quiz if not 1 <= number <= len(self.quiz)]
            if missing:
                raise ValueError(f"the evidence for objective {evidence.objective} names quiz question {missing[0]}, "
                                 f"but the level has {len(self.quiz)} (counted from 1)")
        return self

    @model_validator(mode="after")
    def _real_events_on_their_dates(self) -> Level:
        # A log line must never show a real event on a day it did not happen: an event that tells a fact dated
        # inside the level's span fires on that date, unless the level says its calendar is compressed.
        if self.compressed_calendar:
            return self
        facts = {fact.id: fact for fact in self.facts}
        for event in self.events:
            fact = facts.get(event.fact) if event.fact is not None else None
            if fact is None or fact.date is None or fact.date < self.start_date or event.day is None:
                continue  # an earlier fact, or one told by chance, is logged with its own date
            real_day = (fact.date - self.start_date).days
            if event.day != real_day:
                raise ValueError(
                    f"event '{event.id}' tells fact '{fact.id}' of {fact.date.isoformat()} but fires on day "
                    f"{event.day:g}: "
                    f"set day = {real_day} (its real date), or set compressed_calendar = true"
                )
        return self

    @model_validator(mode="after")
    def _goals_name_level_partners(self) -> Level:
        # A goal about partners needs partners in the level, and a named one must take part in it.
        taking_part = {partner.partner for partner in self.partners}
        for goal in self.goals:
            if goal.kind in PARTNER_GOAL_KINDS and not taking_part:
                raise ValueError(f"goal '{goal.id}' is about partners, but the level has no [[partners]]")
            if goal.partner is not None and goal.partner not in taking_part:
                listed = ", ".join(sorted(taking_part))
                raise ValueError(
                    f"goal '{goal.id}' names partner '{goal.partner}', which is not in the level's [[partners]] "
                    f"(they are: {listed})"
                )
        return self
