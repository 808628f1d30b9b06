"""What screens read of a run: plain, frozen copies of its state (the snapshot, partners, agreements), and the
functions that build them from the run's world. Reading only: building a view never changes the run."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

import esper

from game.content.figures import status_words
from game.content.locale_format import KILOGRAM, Quantity
from game.content.message import say, say_n
from game.content.models import SCIENCE_DOMAINS
from game.content.text import translate
from game.ecs.components import Agreement, Broken, EnergyStore, Module, Ordered, Partner, PowerState, UnderConstruction
from game.ecs.resources import AWAITING_LANDING, BOOKED, IN_TRANSIT, SimContext
from game.rules.crew import hours_left
from game.rules.hours import HOURS_PER_DAY
from game.rules.links import PAD_SHAPE
from game.rules.negotiation import Offer, domain_name, interest_in
from game.rules.objectives import goal_fraction
from game.systems.agreements import partners_by_id
from game.systems.construction import linked_to_pad
from game.systems.objectives import measure

# How a module still travelling as cargo shows on the map, by its delivery's state.
_CARGO_STATES = {BOOKED: "ordered", IN_TRANSIT: "in transit", AWAITING_LANDING: "awaiting landing"}


@dataclass(frozen=True, slots=True)
class ModuleView:
    module_id: str
    name: str
    shape: str
    x: int
    y: int
    footprint: tuple[int, int]
    state: str  # ordered, in transit, awaiting landing, building, waiting for a road, working, broken, unpowered
    lit: bool
    rotated: bool = False


@dataclass(frozen=True, slots=True)
class DeliveryView:
    """One launch's cargo on its way: state is "booked", "in transit" or "awaiting landing"."""

    id: int
    modules: tuple[str, ...]
    vehicle: str
    state: str
    launch_hour: int
    arrival_hour: int

    @property
    def arrival_day(self) -> float:
        return self.arrival_hour / HOURS_PER_DAY


@dataclass(frozen=True, slots=True)
class GoalView:
    id: str
    text: str
    status: str
    fraction: float


@dataclass(frozen=True, slots=True)
class AnswerView:
    decision: str
    text: str
    counter: Offer | None


@dataclass(frozen=True, slots=True)
class PartnerView:
    id: str
    name: str
    kind: str
    programme: str
    joined: str | None
    emblem_colour: str
    profile: str
    sources: tuple[str, ...]
    interests: tuple[tuple[str, float], ...]
    capabilities: tuple[str, ...]
    asks: tuple[str, ...]
    constraints: tuple[str, ...]
    trust: float
    member: bool
    talks_open: bool
    rounds_left: int
    patience: int
    history: tuple[str, ...]
    last_answer: AnswerView | None


@dataclass(frozen=True, slots=True)
class DeliverableView:
    owed_by: str
    text: str
    due_day: float
    state: str


@dataclass(frozen=True, slots=True)
class AgreementView:
    number: int
    partner: str
    partner_name: str
    state: str
    signed_day: float
    terms: tuple[str, ...]
    deliverables: tuple[DeliverableView, ...]


@dataclass(frozen=True, slots=True)
class StationSnapshot:
    """A read-only copy of what the screen shows; drawing reads this and never the world."""

    hour: int
    day: float
    budget: float
    funding_per_year: float
    energy_wh: float
    energy_capacity_wh: float
    resources: dict[str, float]
    capacity: dict[str, float]
    science: dict[str, float]
    unsent_science: dict[str, float]
    goals: tuple[GoalView, ...]
    modules: tuple[ModuleView, ...]
    outcome: str
    deliveries: tuple[DeliveryView, ...] = ()
    crew: int = 0
    crew_dose_msv: float = 0.0  # each crew member's dose so far
    dose_limit_msv: float | None = None
    supplies_days_left: dict[str, float] | None = None  # oxygen, water, food at this rate; None with no crew
    partners: tuple[PartnerView, ...] = ()
    agreements: tuple[AgreementView, ...] = ()
    power_generation_w: float = 0.0  # the last hour's totals over every network, as the power system found them
    power_draw_w: float = 0.0


def describe_terms(offer: Offer, names: Mapping[str, str | dict[str, str]]) -> tuple[str, ...]:
    """Each term of an offer as a short phrase, what the partner gives first."""
    terms: list[str] = []
    if offer.funding_per_year > 0:
        terms.append(say_n("They pay {count:g} credit a year (game value)",
                           "They pay {count:g} credits a year (game value)", offer.funding_per_year))
    for module in offer.modules:
        terms.append(say("They build the {module!l}", module=names.get(module, module)))
    if offer.launches:
        terms.append(say_n("They provide {count} launch", "They provide {count} launches", offer.launches))
    if offer.instruments:
        terms.append(say_n("They fly {count} instrument", "They fly {count} instruments", offer.instruments))
    for domain in offer.data_share:
        terms.append(say("You share the data on {domain}", domain=domain_name(domain)))
    if offer.payload_kg > 0:
        terms.append(say("You carry {mass} of their payload", mass=Quantity(offer.payload_kg, KILOGRAM)))
    if offer.crew_seats:
        terms.append(say_n("You give {count} crew seat", "You give {count} crew seats", offer.crew_seats))
    if offer.host_module:
        terms.append(say("You host their {module!l}", module=names.get(offer.host_module, offer.host_module)))
    if offer.co_lead:
        terms.append(say("They co-lead {domain}", domain=domain_name(offer.co_lead)))
    return tuple(terms)


_BRACKETED_NOTE = re.compile(r"\s*[(（][^()（）]*[)）]$")  # a name's closing note, in either script's brackets


def partner_views(language: str = "en", module_names: dict[str, str] | None = None) -> tuple[PartnerView, ...]:
    """Every partner of the current world, in the level's order; `module_names` turns module ids into names."""
    names = module_names or {}
    views = []
    for _, partner in sorted(esper.get_component(Partner), key=lambda pair: pair[0]):
        spec = partner.spec
        means = spec.capabilities
        capabilities: list[str] = []
        if means.funding_per_year:
            capabilities.append(say_n("Funding up to {count:g} credit a year ({status})",
                                      "Funding up to {count:g} credits a year ({status})", means.funding_per_year,
                                      status=status_words(spec.figure("funding_per_year"))))
        if means.modules:
            # Listed without their notes in brackets: 'Solar array (vertical, sun-tracking)' blurs the list's commas.
            built = [_BRACKETED_NOTE.sub("", names.get(module, module)) for module in means.modules]
            capabilities.append(say("Builds: {modules}", modules=built))
        capabilities += [translate(text, language) for text in means.instruments]
        if means.launches:
            capabilities.append(say_n("{count} launch", "{count} launches", means.launches))
        if means.ground_stations:
            capabilities.append(say_n("{count} ground station", "{count} ground stations", means.ground_stations))
        if means.crew_candidates:
            capabilities.append(say_n("{count} crew candidate", "{count} crew candidates", means.crew_candidates))
        answer = partner.last_answer
        views.append(PartnerView(
            id=spec.id,
            name=translate(spec.name, language),
            kind=spec.kind,
            programme=spec.programme,
            joined=spec.joined.isoformat() if spec.joined else None,
            emblem_colour=spec.emblem_colour,
            profile=translate(spec.profile, language),
            sources=tuple(spec.sources),
            interests=tuple((domain, interest_in(spec, domain)) for domain in SCIENCE_DOMAINS),
            capabilities=tuple(capabilities),
            asks=tuple(spec.asks),
            constraints=tuple(translate(rule.text, language) for rule in spec.constraints),
            trust=round(partner.trust, 6),
            member=partner.member,
            talks_open=partner.talks_open,
            rounds_left=partner.rounds_left,
            patience=spec.patience,
            history=tuple(partner.history),
            last_answer=None if answer is None else AnswerView(answer.decision, answer.text, answer.counter),
        ))
    return tuple(views)


def agreement_views(ctx: SimContext, language: str = "en") -> tuple[AgreementView, ...]:
    """Every agreement signed so far, oldest first."""
    names = {module_id: spec.name for module_id, spec in ctx.catalog.modules.items()}  # shown through tr()
    partners = partners_by_id()
    views = []
    for _, agreement in sorted(esper.get_component(Agreement), key=lambda pair: pair[1].number):
        partner = partners.get(agreement.partner)
        views.append(AgreementView(
            number=agreement.number,
            partner=agreement.partner,
            partner_name=translate(partner.spec.name, language) if partner else agreement.partner,
            state=agreement.state,
            signed_day=agreement.signed_hour / HOURS_PER_DAY,
            terms=describe_terms(agreement.offer, names),
            deliverables=tuple(
                DeliverableView(item.owed_by, item.text, item.due_hour / HOURS_PER_DAY, item.state)
                for item in agreement.deliverables
            ),
        ))
    return tuple(views)


def station_snapshot(ctx: SimContext, language: str = "en") -> StationSnapshot:
    """The whole station as the screen shows it; needs the run's world current."""
    station = ctx.station
    stores = [store for _, store in esper.get_component(EnergyStore)]
    progress = measure(ctx)
    linked = linked_to_pad(ctx) if esper.get_component(UnderConstruction) else None
    # Each kind's name translated once, not once a module: a crowded station has hundreds of modules.
    names = {key: translate(spec.name, language) for key, spec in ctx.catalog.modules.items()}
    modules = [
        module_view(ctx, entity, module, power, language, linked, names)
        for entity, (module, power) in sorted(esper.get_components(Module, PowerState), key=lambda p: p[0])
    ]
    goals = tuple(
        GoalView(goal.id, translate(goal.text, language), station.goals[goal.id],
                 min(1.0, goal_fraction(goal, progress)))
        for goal in ctx.level.goals
    )
    return StationSnapshot(
        hour=station.hour,
        day=station.hour / HOURS_PER_DAY,
        budget=station.budget,
        funding_per_year=station.funding_per_year,
        energy_wh=sum(store.charge_wh for store in stores),
        energy_capacity_wh=sum(store.capacity_wh for store in stores),
        resources=dict(station.resources),
        capacity=dict(station.capacity),
        science=dict(station.science),
        unsent_science=dict(station.unsent_science),
        goals=goals,
        modules=tuple(modules),
        outcome=station.outcome,
        partners=partner_views(language, names),
        agreements=agreement_views(ctx, language),
        crew=station.crew,
        crew_dose_msv=station.crew_dose_msv,
        dose_limit_msv=None if ctx.moon.crew is None else ctx.moon.crew.dose_limit_msv,
        supplies_days_left=supplies_days_left(station.resources, station.crew_draw_per_hour),
        deliveries=tuple(
            DeliveryView(d.id, tuple(esper.component_for_entity(e, Module).spec.id for e in d.entities),
                         d.vehicle, d.state, d.launch_hour, d.arrival_hour)
            for d in sorted(ctx.deliveries.values(), key=lambda d: d.id)
        ),
        power_generation_w=ctx.power_generation_w,
        power_draw_w=ctx.power_draw_w,
    )


def module_view(ctx: SimContext, entity: int, module: Module, power: PowerState, language: str,
                linked: frozenset[int] | None, names: Mapping[str, str] | None = None) -> ModuleView:
    """One module as the map shows it; `linked` is what a landing pad reaches (linked_to_pad); `names`, the
    modules' names by id in `language`, when the caller has them already."""
    spec = module.spec
    ordered = esper.try_component(entity, Ordered)
    if ordered is not None:
        state = _CARGO_STATES[ctx.deliveries[ordered.delivery].state]
    elif esper.has_component(entity, UnderConstruction):
        waiting = linked is not None and entity not in linked and spec.shape != PAD_SHAPE
        state = "waiting for a road" if waiting else "building"
    elif esper.has_component(entity, Broken):
        state = "broken"
    elif spec.power_draw_w > 0 and not power.powered:
        state = "unpowered"
    else:
        state = "working"
    name = names[spec.id] if names is not None and spec.id in names else translate(spec.name, language)
    return ModuleView(spec.id, name, spec.shape, module.x, module.y, module.footprint, state, power.lit,
                      module.rotated)


def supplies_days_left(stock: dict[str, float], per_hour: dict[str, float]) -> dict[str, float] | None:
    """Days each crew supply lasts at this hour's rate (capped at a billion hours); None with no crew."""
    if not per_hour:
        return None
    return {supply: min(hours, 1e9) / HOURS_PER_DAY for supply, hours in hours_left(stock, per_hour).items()}


def snapshot_to_json(snapshot: StationSnapshot) -> dict[str, Any]:
    return asdict(snapshot)
