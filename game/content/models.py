"""The level format as pydantic models: the modding contract, and the source of levels/schema.json."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from game.content.text import LocalizedText

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
_URL = re.compile(r"^https?://\S+$")


def _check_source(text: str) -> str:
    if not _URL.match(text):
        raise ValueError("a source must be a web address starting with http:// or https://")
    return text


Source = Annotated[str, AfterValidator(_check_source), Field(description="A public web address.")]
Sources = Annotated[list[Source], Field(description="Public web addresses that back the real figures.")]
Colour = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$", description="A colour as '#rrggbb'.")]
Fraction = Annotated[float, Field(ge=0.0, le=1.0)]
NonNegative = Annotated[float, Field(ge=0.0)]


class Strict(BaseModel):
    """Every model refuses keys it does not know, so a typo is an error, never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- catalogs ---------------------------------------------------------------------------------


class TileKind(Strict):
    """A kind of ground on the site map: what it offers a module placed on it."""

    id: Identifier
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
    landing: Literal["good", "poor", "none"] = Field("poor", description="How safe a landing is here.")
    colour: Colour = "#8a8a8a"
    pattern: Literal["plain", "dots", "hatch", "cross", "waves", "stripes"] = Field(
        "plain", description="Drawn over the colour so the map reads without colour vision."
    )
    sources: Sources = []


class Placement(Strict):
    """Where a module may stand; each rule that fails gives the player one readable sentence."""

    min_sunlight: Fraction = 0.0
    min_ice_percent: float = Field(0.0, ge=0.0, le=100.0)
    max_slope_deg: float = Field(90.0, ge=0.0, le=90.0)
    needs_earth_view: bool = False
    tiles: list[Identifier] | None = Field(None, description="Only these tile kinds; all kinds when absent.")
    needs_power: bool = Field(True, description="Works only when joined to the power network.")


class ModuleSpec(Strict):
    """A buildable module of the station."""

    id: Identifier
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
    mass_kg: float = Field(gt=0.0)
    cost: NonNegative = Field(description="Cost in credits (million CNY-equivalent).")
    footprint: tuple[int, int] = Field((1, 1), description="Width and height in tiles.")
    build_hours: NonNegative = Field(0.0, description="Hours of assembly after the module lands.")
    power_output_w: NonNegative = 0.0
    solar: bool = Field(False, description="Output follows sunlight on the module's tile.")
    power_draw_w: NonNegative = 0.0
    energy_storage_wh: NonNegative = 0.0
    inputs: dict[Resource, NonNegative] = Field({}, description="Resources used per hour, in kg.")
    outputs: dict[Resource, NonNegative] = Field({}, description="Resources made per hour, in kg.")
    storage: dict[Resource, NonNegative] = Field({}, description="Extra storage capacity, in kg.")
    science_per_day: dict[ScienceDomain, NonNegative] = {}
    crew_capacity: int = Field(0, ge=0)
    shielding: Fraction = Field(0.0, description="Fraction of surface radiation the module keeps out.")
    conducts_power: bool = Field(False, description="Carries power between neighbours, like a cable.")
    failure_rate_per_year: NonNegative = 0.0
    placement: Placement = Placement()
    sources: Sources = []

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
    launches: int = Field(0, ge=0)
    ground_stations: int = Field(0, ge=0)
    crew_candidates: int = Field(0, ge=0)


class Constraint(Strict):
    """A law or rule that limits what a partner may do, with its real source."""

    text: LocalizedText
    sources: Sources = Field(min_length=1)


PartnerAsk = Literal["data_share", "payload_mass", "crew_seat", "host_module", "co_lead_domain"]


class PartnerSpec(Strict):
    """An agency, country or organisation of the real programme."""

    id: Identifier
    name: LocalizedText
    kind: Literal["agency", "country", "organisation"]
    programme: Literal["ilrs", "artemis"] = "ilrs"
    joined: dt.date | None = Field(None, description="When the partner signed on, as reported.")
    emblem_colour: Colour = "#8899aa"
    profile: LocalizedText
    interests: dict[ScienceDomain, Fraction] = Field(
        description="How much the partner cares for each domain."
    )
    capabilities: Capabilities = Capabilities()
    asks: list[PartnerAsk] = []
    constraints: list[Constraint] = []
    starting_trust: float = Field(50.0, ge=0.0, le=100.0)
    sources: Sources = Field(min_length=1)


class LaunchVehicle(Strict):
    """A rocket and lander pair that brings cargo to the surface."""

    id: Identifier
    name: LocalizedText
    payload_to_surface_kg: float = Field(gt=0.0)
    cost: NonNegative = Field(description="Cost of one launch in credits.")
    cadence_days: float = Field(gt=0.0, description="Shortest time between two launches.")
    sources: Sources = []


class MoonFacts(Strict):
    """Real constants of the Moon that the simulation uses, with their sources."""

    synodic_day_hours: float = Field(gt=0.0, description="One lunar day, sunrise to sunrise, in hours.")
    surface_gravity: float = Field(gt=0.0, description="m/s².")
    surface_dose_usv_per_day: NonNegative = Field(description="Radiation dose on the open surface, µSv/day.")
    sources: Sources = Field(min_length=1)


class CatalogFile(Strict):
    """A shared catalog file in a `catalog/` folder; levels and mods extend or override it by id."""

    format: Literal[1] = Field(description="The level-format version this file is written for.")
    moon: MoonFacts | None = Field(None, description="The Moon's constants; one catalog layer must set them.")
    tiles: list[TileKind] = []
    modules: list[ModuleSpec] = []
    partners: list[PartnerSpec] = []
    launch_vehicles: list[LaunchVehicle] = []


class CatalogExtension(Strict):
    """Catalog entries a level adds, or replaces by id, for itself alone."""

    tiles: list[TileKind] = []
    modules: list[ModuleSpec] = []
    partners: list[PartnerSpec] = []
    launch_vehicles: list[LaunchVehicle] = []


# --- a level ----------------------------------------------------------------------------------


class Site(Strict):
    """The site map: text rows, one character a tile, read through the legend."""

    name: LocalizedText
    tile_size_m: float = Field(100.0, gt=0.0)
    legend: dict[Annotated[str, Field(min_length=1, max_length=1)], Identifier] = Field(
        description="Which tile kind each character stands for."
    )
    rows: list[str] = Field(min_length=4, max_length=120, description="Top row first; every row as wide.")


class PlacedModule(Strict):
    """A module standing on the site when the level starts."""

    module: Identifier
    x: int = Field(ge=0, description="Column, counted from the left from 0.")
    y: int = Field(ge=0, description="Row, counted from the top from 0.")


class Start(Strict):
    """The programme's state on the first day."""

    budget: float = Field(description="Credits in hand.")
    funding_per_year: NonNegative = 0.0
    energy_wh: NonNegative = 0.0
    resources: dict[Resource, NonNegative] = {}
    crew: int = Field(0, ge=0)
    modules: list[PlacedModule] = []


class LevelPartner(Strict):
    """A partner taking part in this level."""

    partner: Identifier
    member: bool = Field(True, description="Already a member at the start, or still to be won.")
    trust: float | None = Field(None, ge=0.0, le=100.0, description="Overrides the catalog's starting trust.")


GoalKind = Literal["build", "science", "sustain_crew", "keep_power", "stay_in_budget", "stockpile"]
_GOAL_NEEDS: dict[str, tuple[str, ...]] = {
    "build": ("module",),
    "science": ("points",),
    "sustain_crew": ("crew", "days"),
    "keep_power": ("days",),
    "stay_in_budget": (),
    "stockpile": ("resource", "amount"),
}


class Goal(Strict):
    """Something the player must achieve; which keys apply depends on `kind`."""

    id: Identifier
    kind: GoalKind
    text: LocalizedText
    module: Identifier | None = Field(None, description="build: the module to build.")
    count: int = Field(1, ge=1, description="build: how many.")
    points: float | None = Field(None, gt=0.0, description="science: points to reach.")
    domain: ScienceDomain | None = Field(
        None, description="science: one domain, or all together when absent."
    )
    crew: int | None = Field(None, ge=1, description="sustain_crew: people on the surface.")
    days: float | None = Field(None, gt=0.0, description="sustain_crew / keep_power: days without a break.")
    resource: Resource | None = Field(None, description="stockpile: the resource.")
    amount: float | None = Field(None, gt=0.0, description="stockpile: kg in store.")
    by_day: float | None = Field(None, gt=0.0, description="Deadline in days from the start, if any.")

    @model_validator(mode="after")
    def _has_what_its_kind_needs(self) -> Goal:
        missing = [key for key in _GOAL_NEEDS[self.kind] if getattr(self, key) is None]
        if missing:
            keys = " and ".join(f"'{key}'" for key in missing)
            raise ValueError(f"a '{self.kind}' goal needs {keys}")
        return self


class EventEffect(Strict):
    """What an event changes when it fires."""

    budget: float = 0.0
    funding_per_year: float = 0.0
    energy_wh: float = 0.0
    resources: dict[Resource, float] = {}
    fail_module: Identifier | None = Field(None, description="One working module of this kind breaks down.")
    radiation_msv: NonNegative = Field(0.0, description="Extra dose to unsheltered crew, millisieverts.")


class Event(Strict):
    """Something that happens: on a set day, or by chance each day from the level's seeded dice."""

    id: Identifier
    kind: Literal[
        "news", "solar_particle_event", "micrometeoroid", "failure", "launch_delay", "funding_change",
        "partner",
    ]
    text: LocalizedText
    day: float | None = Field(None, ge=0.0, description="Fires once on this day.")
    chance_per_day: Fraction | None = Field(None, description="Chance to fire on each day.")
    from_day: NonNegative = 0.0
    until_day: float | None = Field(None, gt=0.0)
    max_times: int = Field(1, ge=1)
    effect: EventEffect = EventEffect()
    fact: Identifier | None = Field(None, description="A fact of this level revealed when it fires.")

    @model_validator(mode="after")
    def _one_trigger(self) -> Event:
        if (self.day is None) == (self.chance_per_day is None):
            raise ValueError("an event needs exactly one of 'day' or 'chance_per_day'")
        return self


class Fact(Strict):
    """A real fact shown to players, always with its public source."""

    id: Identifier
    text: LocalizedText
    date: dt.date | None = None
    unconfirmed: bool = Field(False, description="True where sources disagree or only one could be found.")
    sources: Sources = Field(min_length=1)


class Level(Strict):
    """One level: a real moment of the programme, with its site, start, goals, events and facts."""

    format: Literal[1] = Field(description="The level-format version this file is written for.")
    id: Identifier
    title: LocalizedText
    summary: LocalizedText
    order: int = Field(
        0, ge=0, description="Place in the campaign; 0 keeps the level out of it (sandbox, mods)."
    )
    start_date: dt.date
    time_limit_days: float = Field(gt=0.0, le=36500.0)
    seed: int = Field(0, ge=0, description="Seeds the level's dice, so a run can be replayed.")
    learning_objectives: list[LocalizedText] = Field(min_length=1)
    briefing: LocalizedText
    preview: str | None = Field(None, description="An image under assets/ shown in the level list.")
    site: Site
    start: Start
    launch_vehicles: list[Identifier] = []
    partners: list[LevelPartner] = []
    goals: list[Goal] = Field(min_length=1)
    events: list[Event] = []
    facts: list[Fact] = []
    catalog: CatalogExtension = CatalogExtension()
