"""Partners and agreements in the ECS: their components, the read-only views screens get, and world setup."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import esper

from game.content.message import say
from game.content.models import SCIENCE_DOMAINS, PartnerSpec
from game.content.text import translate
from game.ecs.components import Module
from game.ecs.context import HOURS_PER_DAY, SimContext
from game.rules.negotiation import Offer, ProgrammeState, domain_name, interest_in

CONSULT_TOPICS = {  # each topic as the phrase a sentence names it by
    "site": say("where to build the station"),
    "modules": say("which modules to build next"),
    "science": say("the science priorities"),
    "schedule": say("the schedule of launches and deliveries"),
}

OwedBy = Literal["partner", "player"]
DeliverableState = Literal["pending", "met", "missed", "cancelled"]
AgreementState = Literal["active", "kept", "broken", "defaulted"]


@dataclass(slots=True)
class Partner:
    """A partner of this level: its catalog entry, its trust in the programme, and where talks stand."""

    spec: PartnerSpec
    trust: float
    member: bool
    talks_open: bool
    rounds_left: int
    last_consulted_hour: int = 0
    consulted_topics: dict[str, int] = field(default_factory=dict)  # topic -> hour of its last valued consultation
    talks_resume_hour: int | None = None  # after talks broke off: when they reopen by themselves
    shared_science: dict[str, float] = field(default_factory=dict)  # points already shared, per domain
    shared_hours: dict[str, int] = field(default_factory=dict)  # domain -> hour of its last valued share
    history: list[str] = field(default_factory=list)
    last_answer: Answer | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    """The partner's last answer to a proposal, kept so the negotiation room can show it."""

    decision: str
    text: str
    offer: Offer
    counter: Offer | None
    hour: int


@dataclass(slots=True)
class Deliverable:
    """One thing owed under an agreement, by the partner or by the player, by an hour."""

    owed_by: OwedBy
    kind: str  # a PartnerTerm
    text: str
    due_hour: int
    detail: str = ""  # module id or science domain
    amount: float = 0.0
    state: DeliverableState = "pending"


@dataclass(slots=True)
class Agreement:
    """Signed terms with their deliverables; its state settles once nothing is pending."""

    number: int
    partner: str
    offer: Offer
    signed_hour: int
    science_at_signing: dict[str, float]
    deliverables: list[Deliverable]
    state: AgreementState = "active"
    science_checked: dict[str, float] = field(default_factory=dict)  # sent points at the last data check


@dataclass(slots=True)
class DiplomacyDesk:
    """The programme's side of diplomacy, one per world: the command inbox and what is being tracked."""

    inbox: list[Any] = field(default_factory=list)
    next_agreement: int = 1
    applied_events: dict[str, int] = field(default_factory=dict)  # level events whose partner effect ran
    contributed: dict[int, str] = field(default_factory=dict)  # module entity -> partner, until built
    instruments: list[tuple[str, str]] = field(default_factory=list)  # (partner, domain) now working
    crewed: bool = False  # the station has had crew at some point (crew seats can be honoured)


# --- read-only views ------------------------------------------------------------------------------


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


# --- set-up and reading ---------------------------------------------------------------------------


def populate_partners(ctx: SimContext) -> DiplomacyDesk:
    """Creates the desk and one entity per partner of the level in the current esper world."""
    desk = DiplomacyDesk()
    esper.create_entity(desk)
    for taking_part in ctx.level.partners:
        spec = ctx.catalog.partners[taking_part.partner]
        trust = spec.starting_trust if taking_part.trust is None else taking_part.trust
        esper.create_entity(
            Partner(spec, trust, taking_part.member, taking_part.talks_open, spec.patience)
        )
    return desk


def desk_of_world() -> DiplomacyDesk:
    return esper.get_component(DiplomacyDesk)[0][1]


def partners_by_id() -> dict[str, Partner]:
    return {partner.spec.id: partner for _, partner in esper.get_component(Partner)}


def programme_state(ctx: SimContext) -> ProgrammeState:
    """What partners weigh an offer against (the science sent home, who has signed on) and what the
    programme can plausibly give at its stage, which bounds what a counter-offer asks for."""
    members = sum(1 for _, partner in esper.get_component(Partner) if partner.member)
    # As the catalog writes them, so sentences that name a module show it in the player's language.
    names = {module_id: spec.name for module_id, spec in ctx.catalog.modules.items()}
    standing = sorted((entity, module.spec) for entity, module in esper.get_component(Module))
    producing: dict[str, str] = {}
    for _, spec in standing:  # standing or being built: a module on the ground will make its science
        for domain, rate in spec.science_per_day.items():
            if rate > 0:
                producing.setdefault(str(domain), spec.id)
    for _, instrument_domain in desk_of_world().instruments:
        producing.setdefault(instrument_domain, "")  # a partner's instrument, already working
    vehicles = [ctx.catalog.launch_vehicles[v] for v in ctx.level.launch_vehicles if v in ctx.catalog.launch_vehicles]
    largest = max((vehicle.payload_to_surface_kg for vehicle in vehicles), default=0.0)
    standing_ids = {spec.id for _, spec in standing}
    hostable = frozenset(
        module_id for module_id, spec in ctx.catalog.modules.items()
        if module_id in standing_ids
        or ((not vehicles or spec.mass_kg <= largest) and spec.cost <= ctx.station.budget)
    )
    crewed = ctx.station.crew > 0 or any(spec.crew_capacity > 0 for _, spec in standing)
    return ProgrammeState(ctx.level.programme, dict(ctx.station.science), members, names, producing, hostable,
                          largest, crewed)


def describe_terms(offer: Offer, names: Mapping[str, str | dict[str, str]]) -> tuple[str, ...]:
    """Each term of an offer as a short phrase, what the partner gives first."""
    terms: list[str] = []
    if offer.funding_per_year > 0:
        terms.append(say("They pay {funding:g} credits a year", funding=offer.funding_per_year))
    for module in offer.modules:
        terms.append(say("They build the {module!l}", module=names.get(module, module)))
    if offer.launches:
        terms.append(say("They provide {count} launch(es)", count=offer.launches))
    if offer.instruments:
        terms.append(say("They fly {count} instrument(s)", count=offer.instruments))
    for domain in offer.data_share:
        terms.append(say("You share {domain} data", domain=domain_name(domain)))
    if offer.payload_kg > 0:
        terms.append(say("You carry {mass:g} kg of their payload", mass=offer.payload_kg))
    if offer.crew_seats:
        terms.append(say("You give {count} crew seat(s)", count=offer.crew_seats))
    if offer.host_module:
        terms.append(say("You host their {module!l}", module=names.get(offer.host_module, offer.host_module)))
    if offer.co_lead:
        terms.append(say("They co-lead {domain}", domain=domain_name(offer.co_lead)))
    return tuple(terms)


def partner_views(language: str = "en", module_names: dict[str, str] | None = None) -> tuple[PartnerView, ...]:
    """Every partner of the current world, in the level's order; `module_names` turns module ids into names."""
    names = module_names or {}
    views = []
    for _, partner in sorted(esper.get_component(Partner), key=lambda pair: pair[0]):
        spec = partner.spec
        means = spec.capabilities
        capabilities: list[str] = []
        if means.funding_per_year:
            capabilities.append(say("Funding up to {funding:g} credits a year", funding=means.funding_per_year))
        if means.modules:
            built = [names.get(module, module) for module in means.modules]
            capabilities.append(say("Builds: {modules}", modules=built))
        capabilities += [translate(text, language) for text in means.instruments]
        if means.launches:
            capabilities.append(say("{count} launch(es)", count=means.launches))
        if means.ground_stations:
            capabilities.append(say("{count} ground station(s)", count=means.ground_stations))
        if means.crew_candidates:
            capabilities.append(say("{count} crew candidate(s)", count=means.crew_candidates))
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
