"""Negotiation as pure functions: an offer, a partner's transparent evaluation of it, counter-offers, patience.

No dice: the same offer, partner, trust and programme state always give the same answer, with the
reasons a student can read. Every weight below is a game value, chosen for play, not a real figure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from game.content.models import SCIENCE_DOMAINS, PartnerSpec
from game.content.text import translate

DOMAIN_NAMES = {
    "geology": "lunar geology",
    "astronomy": "astronomy from the Moon",
    "space_environment": "the Sun-Earth-Moon space environment",
    "basic_physics": "basic physics",
    "resource_use": "lunar resource use",
}

Decision = Literal["accept", "counter", "decline"]

NOTHING_IN_RETURN = (
    "They would receive nothing they asked for or care about: trust makes a partner generous, not a donor."
)


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each term is worth to a partner, in utility points (game values)."""

    data_share: float = 30.0  # a share of one domain's data, times the partner's interest in it
    co_lead: float = 35.0  # co-leading one domain, times the interest
    payload_per_100_kg: float = 8.0
    crew_seat: float = 30.0
    host_module: float = 25.0
    not_asked: float = 0.4  # a term the partner did not ask for counts for this share
    fresh_science_points: float = 20.0  # sent points at which a data share counts in full
    trust_per_point: float = 0.4  # goodwill per trust point above 50 (ill will below)
    per_member: float = 1.5  # every partner already signed makes joining more attractive...
    members_cap: float = 12.0  # ...up to this much
    funding: float = 40.0  # giving its whole yearly capacity costs the partner this much
    module: float = 18.0
    launch: float = 25.0
    instrument: float = 6.0
    insult: float = -25.0  # an offer this bad costs two rounds of patience, not one
    least_return: float = 3.0  # what they receive (asked for, or data they care for) must be worth this much
    payload_share: float = 0.1  # a counter asks at most this share of the largest lander's payload...
    payload_most_kg: float = 200.0  # ...and never more than this


WEIGHTS = Weights()


@dataclass(frozen=True, slots=True)
class Offer:
    """Terms on the table: what the partner gives (first four), then what it receives."""

    funding_per_year: float = 0.0
    modules: tuple[str, ...] = ()
    launches: int = 0
    instruments: int = 0
    data_share: tuple[str, ...] = ()
    payload_kg: float = 0.0
    crew_seats: int = 0
    host_module: str | None = None
    co_lead: str | None = None

    def terms(self) -> tuple[str, ...]:
        """The term kinds this offer puts on the table, in the catalog's order."""
        present = {
            "funding": self.funding_per_year > 0,
            "module": bool(self.modules),
            "launch": self.launches > 0,
            "instrument": self.instruments > 0,
            "data_share": bool(self.data_share),
            "payload_mass": self.payload_kg > 0,
            "crew_seat": self.crew_seats > 0,
            "host_module": self.host_module is not None,
            "co_lead_domain": self.co_lead is not None,
        }
        return tuple(term for term, on in present.items() if on)

    @property
    def asks_something(self) -> bool:
        return bool(self.funding_per_year > 0 or self.modules or self.launches or self.instruments)


@dataclass(frozen=True, slots=True)
class ProgrammeState:
    """What the partner sees of the programme when it weighs an offer, and what the programme can give now.

    The last four say what a counter-offer may plausibly ask for at this stage: data only in domains the
    station makes (or is building a module to make), hosting only a module the station could have standing
    in time, payload only as much as the level's landers can spare, a crew seat only with crew to fly.
    """

    programme: str = "ilrs"
    science: Mapping[str, float] = field(default_factory=dict)  # points sent home, per domain
    members: int = 0  # partners signed on so far
    module_names: Mapping[str, str] = field(default_factory=dict)
    producing: Mapping[str, str] = field(default_factory=dict)  # domain -> a module (standing or being built) making it
    hostable: frozenset[str] = frozenset()  # modules standing, or liftable by the level's landers and affordable
    largest_payload_kg: float = 0.0  # what the level's biggest lander sets down (0: no launches in the level)
    crewed: bool = False  # the station has crew, or a module that houses it


@dataclass(frozen=True, slots=True)
class Reason:
    """One sentence of the partner's thinking and what it adds to (or takes from) the offer's worth."""

    text: str
    weight: float = 0.0


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The partner's view of an offer: its worth to them, why, and what rules it out."""

    utility: float
    reasons: tuple[Reason, ...]
    blocked: tuple[str, ...]  # sentences naming terms that a law or their means rule out
    in_return: float = 0.0  # the worth of what they receive that they asked for or care about
    least_return: float = WEIGHTS.least_return

    @property
    def gives_them_something(self) -> bool:
        """Trust makes a partner generous, never a donor: it signs only when it receives something it values."""
        return self.in_return >= self.least_return

    @property
    def acceptable(self) -> bool:
        return not self.blocked and self.utility >= 0.0 and self.gives_them_something


@dataclass(frozen=True, slots=True)
class Response:
    """The partner's answer to a proposal: accept, counter with changed terms, or decline."""

    decision: Decision
    evaluation: Evaluation
    text: str
    rounds_left: int
    counter: Offer | None = None


def domain_name(domain: str) -> str:
    return DOMAIN_NAMES.get(domain, domain.replace("_", " "))


def interest_in(partner: PartnerSpec, domain: str) -> float:
    """How much the partner cares for a domain, 0 when its data leaves the domain out."""
    return float({str(key): weight for key, weight in partner.interests.items()}.get(domain, 0.0))


def favourite_domain(partner: PartnerSpec) -> str:
    """The domain the partner cares for most (the first in the domains' order on a tie)."""
    return max(SCIENCE_DOMAINS, key=lambda domain: interest_in(partner, domain))


def offer_problem(offer: Offer) -> str | None:
    """A sentence when the offer is not a deal at all (nothing asked of them, bad values), else None."""
    for domain in (*offer.data_share, *(() if offer.co_lead is None else (offer.co_lead,))):
        if domain not in SCIENCE_DOMAINS:
            return f"'{domain}' is not a science domain; choose one of {', '.join(SCIENCE_DOMAINS)}"
    numbers = (offer.funding_per_year, offer.launches, offer.instruments, offer.payload_kg, offer.crew_seats)
    if any(number < 0 for number in numbers):
        return "an offer cannot hold negative amounts"
    if not offer.asks_something:
        return "the offer asks nothing of them: ask for funding, a module, a launch or an instrument"
    return None


def binding_constraints(partner: PartnerSpec, programme: str) -> list[tuple[str, set[str]]]:
    """The partner's rules that bind in this programme, as (their text, the terms they forbid)."""
    return [
        (translate(rule.text), set(rule.forbids))
        for rule in partner.constraints
        if rule.forbids and rule.in_programme in (None, programme)
    ]


def evaluate(
    offer: Offer, partner: PartnerSpec, trust: float, state: ProgrammeState, weights: Weights = WEIGHTS
) -> Evaluation:
    """The partner weighs the offer: what it receives minus what it gives, plus trust and momentum."""
    reasons: list[Reason] = []
    blocked = _blocked(offer, partner, state)
    interests: dict[str, float] = {str(domain): weight for domain, weight in partner.interests.items()}
    asks = set(partner.asks)
    given = set(offer.terms())  # an ask and the term that meets it share a name
    utility = 0.0
    in_return = 0.0

    def add(text: str, weight: float) -> None:
        nonlocal utility
        utility += weight
        reasons.append(Reason(text, weight))

    def receive(text: str, worth: float, valued: bool) -> None:
        """A term they receive; it counts toward 'something in return' when they asked for it or care for it."""
        nonlocal in_return
        add(text, worth)
        if valued:
            in_return += worth

    def asked(ask: str) -> float:
        return 1.0 if ask in asks else weights.not_asked

    for domain in offer.data_share:
        interest = interests.get(domain, 0.0)
        sent = state.science.get(domain, 0.0)
        freshness = 0.5 + 0.5 * min(1.0, sent / weights.fresh_science_points)
        worth = weights.data_share * interest * freshness * asked("data_share")
        note = "" if sent > 0 else "; the station has sent none yet, so it counts for half"
        receive(f"A share of {domain_name(domain)} data (they care {interest:.0%} for it){note}.", worth, interest > 0)
    if offer.co_lead is not None:
        interest = interests.get(offer.co_lead, 0.0)
        worth = weights.co_lead * interest * asked("co_lead_domain")
        receive(f"Co-leading {domain_name(offer.co_lead)} (they care {interest:.0%} for it).", worth, interest > 0)
    if offer.payload_kg > 0:
        worth = weights.payload_per_100_kg * offer.payload_kg / 100 * asked("payload_mass")
        receive(f"{offer.payload_kg:.0f} kg of payload on the programme's landers for their instruments.", worth,
                "payload_mass" in asks)
    if offer.crew_seats > 0:
        seats = min(offer.crew_seats, partner.capabilities.crew_candidates)
        worth = weights.crew_seat * seats * asked("crew_seat")
        if seats < offer.crew_seats:
            text = f"Crew seats: they have only {partner.capabilities.crew_candidates} astronaut(s) to fly."
        else:
            text = f"{seats} crew seat(s) for their astronauts."
        receive(text, worth, "crew_seat" in asks)
    if offer.host_module is not None:
        name = state.module_names.get(offer.host_module, offer.host_module)
        worth = weights.host_module * asked("host_module")
        receive(f"Hosting their {name} at the base.", worth, "host_module" in asks)
    if in_return < weights.least_return:
        reasons.insert(0, Reason(NOTHING_IN_RETURN))
    for ask in partner.asks:
        if ask not in given:
            reasons.append(Reason(f"They asked for {_ASK_WORDS[ask]}; this offer gives them none."))

    top = max(SCIENCE_DOMAINS, key=lambda domain: interests.get(domain, 0.0))
    served = set(offer.data_share) | ({offer.co_lead} if offer.co_lead else set())
    if top not in served:
        reasons.append(Reason(f"They care most about {domain_name(top)}; this offer gives them none of it."))

    capacity = partner.capabilities.funding_per_year
    if offer.funding_per_year > 0 and capacity > 0:
        share = offer.funding_per_year / capacity
        add(f"Paying {offer.funding_per_year:g} credits a year is {share:.0%} of what they can give.",
            -weights.funding * share)
    if offer.modules:
        names = ", ".join(state.module_names.get(module, module) for module in offer.modules)
        add(f"Building and sending {names}.", -weights.module * len(offer.modules))
    if offer.launches > 0:
        add(f"Providing {offer.launches} launch(es).", -weights.launch * offer.launches)
    if offer.instruments > 0:
        cost = -weights.instrument * offer.instruments
        add(f"Flying {offer.instruments} of their instruments with the station.", cost)

    goodwill = (trust - 50.0) * weights.trust_per_point
    if trust >= 50:
        add(f"They trust the programme ({trust:.0f} of 100).", goodwill)
    else:
        add(f"They do not trust the programme enough yet ({trust:.0f} of 100).", goodwill)
    if state.members > 0:
        momentum = min(weights.members_cap, weights.per_member * state.members)
        signed = "1 partner has" if state.members == 1 else f"{state.members} partners have"
        add(f"{signed} already signed on, which makes joining more attractive.", momentum)
    return Evaluation(round(utility, 6), tuple(reasons), tuple(blocked), round(in_return, 6), weights.least_return)


def respond(
    offer: Offer, partner: PartnerSpec, trust: float, state: ProgrammeState, rounds_left: int,
    weights: Weights = WEIGHTS,
) -> Response:
    """The partner's answer to a proposal; every answer but 'accept' spends patience."""
    name = translate(partner.name)
    evaluation = evaluate(offer, partner, trust, state, weights)
    if evaluation.acceptable:
        return Response("accept", evaluation, f"{name} accepts these terms.", rounds_left)
    spent = 2 if evaluation.utility < weights.insult else 1
    left = max(0, rounds_left - spent)
    if left == 0:
        why = _main_objection(evaluation)
        return Response("decline", evaluation, f"{name} breaks off the talks: {why}", 0)
    counter = counter_offer(offer, partner, trust, state, weights)
    if counter is None:
        why = _main_objection(evaluation)
        wait = "" if evaluation.blocked or evaluation.gives_them_something else _what_they_wait_for(partner, state)
        return Response("decline", evaluation, f"{name} declines: {why}{wait}", left)
    changes = describe_changes(offer, counter, state)
    why = " ".join(counter_reasons(offer, counter, partner, state, weights))
    return Response("counter", evaluation, f"{name} proposes changed terms: {changes}. {why}".strip(), left, counter)


def counter_offer(
    offer: Offer, partner: PartnerSpec, trust: float, state: ProgrammeState, weights: Weights = WEIGHTS
) -> Offer | None:
    """Terms moved toward what the partner values until it would accept them, or None if it cannot."""
    terms = _within_means(offer, partner, state)
    for _ in range(12):
        evaluation = evaluate(terms, partner, trust, state, weights)
        if evaluation.acceptable:
            break
        better = [candidate for candidate in _sweeteners(terms, partner, state, weights) if candidate != terms]
        if better:
            terms = max(better, key=lambda candidate: evaluate(candidate, partner, trust, state, weights).utility)
            continue
        smaller = _smaller_contribution(terms)
        if smaller is None:
            return None
        terms = smaller
    if not evaluate(terms, partner, trust, state, weights).acceptable or not terms.asks_something:
        return None
    return terms if terms != offer else None


def describe_changes(before: Offer, after: Offer, state: ProgrammeState) -> str:
    """The differences between two offers, as a short list a player reads."""
    changes: list[str] = []
    if after.funding_per_year != before.funding_per_year:
        changes.append(f"funding {before.funding_per_year:g} → {after.funding_per_year:g} credits a year")
    for module in before.modules:
        if module not in after.modules:
            changes.append(f"no {state.module_names.get(module, module)}")
    if after.launches != before.launches:
        changes.append(f"launches {before.launches} → {after.launches}")
    if after.instruments != before.instruments:
        changes.append(f"instruments {before.instruments} → {after.instruments}")
    for domain in after.data_share:
        if domain not in before.data_share:
            changes.append(f"add a share of {domain_name(domain)} data")
    for domain in before.data_share:
        if domain not in after.data_share:
            changes.append(f"no {domain_name(domain)} data share")
    if after.payload_kg != before.payload_kg:
        changes.append(f"payload {before.payload_kg:g} → {after.payload_kg:g} kg")
    if after.crew_seats != before.crew_seats:
        changes.append(f"crew seats {before.crew_seats} → {after.crew_seats}")
    if after.host_module != before.host_module:
        hosted = state.module_names.get(after.host_module or "", after.host_module or "")
        changes.append(f"host their {hosted}" if after.host_module else "no hosted module")
    if after.co_lead != before.co_lead:
        changes.append(f"they co-lead {domain_name(after.co_lead)}" if after.co_lead else "no co-leadership")
    return "; ".join(changes) or "no change"


# --- helpers ------------------------------------------------------------------------------------

_WANT_WORDS = {  # short, for the one-line answer
    "data_share": "a share of the data",
    "payload_mass": "payload room",
    "crew_seat": "a crew seat",
    "host_module": "a place for their module",
    "co_lead_domain": "co-leadership",
}
_ASK_WORDS = {
    "data_share": "a share of the data",
    "payload_mass": "payload mass for their instruments",
    "crew_seat": "a crew seat",
    "host_module": "a place at the base for their module",
    "co_lead_domain": "co-leadership of a science domain",
}


def _blocked(offer: Offer, partner: PartnerSpec, state: ProgrammeState) -> list[str]:
    name = translate(partner.name)
    blocked: list[str] = []
    terms = set(offer.terms())
    for text, forbidden in binding_constraints(partner, state.programme):
        hit = sorted(terms & forbidden)
        if hit:
            blocked.append(f"Ruled out by law ({', '.join(term.replace('_', ' ') for term in hit)}): {text}")
    means = partner.capabilities
    if offer.funding_per_year > means.funding_per_year:
        blocked.append(f"{name} can put in at most {means.funding_per_year:g} credits a year.")
    for module in offer.modules:
        if module not in means.modules:
            blocked.append(f"{name} cannot build the {state.module_names.get(module, module)}.")
    if offer.launches > means.launches:
        blocked.append(f"{name} can provide at most {means.launches} launch(es).")
    if offer.instruments > len(means.instruments):
        blocked.append(f"{name} has {len(means.instruments)} instrument(s) to offer.")
    if offer.host_module is not None and offer.host_module not in means.modules:
        blocked.append(f"{name} builds no {state.module_names.get(offer.host_module, offer.host_module)} to host.")
    return blocked


def _within_means(offer: Offer, partner: PartnerSpec, state: ProgrammeState) -> Offer:
    """The offer with every term a law forbids or the partner cannot supply taken out or cut down."""
    forbidden: set[str] = set()
    for _, terms in binding_constraints(partner, state.programme):
        forbidden |= terms
    means = partner.capabilities
    return Offer(
        funding_per_year=0.0 if "funding" in forbidden else min(offer.funding_per_year, means.funding_per_year),
        modules=() if "module" in forbidden else tuple(m for m in offer.modules if m in means.modules),
        launches=0 if "launch" in forbidden else min(offer.launches, means.launches),
        instruments=0 if "instrument" in forbidden else min(offer.instruments, len(means.instruments)),
        data_share=() if "data_share" in forbidden else offer.data_share,
        payload_kg=0.0 if "payload_mass" in forbidden else offer.payload_kg,
        crew_seats=0 if "crew_seat" in forbidden else min(offer.crew_seats, means.crew_candidates),
        host_module=None if "host_module" in forbidden or offer.host_module not in means.modules
        else offer.host_module,
        co_lead=None if "co_lead_domain" in forbidden else offer.co_lead,
    )


PAYLOAD_STEP_KG = 50.0  # a counter adds payload in steps of this many kg (game value)


def payload_room(state: ProgrammeState, weights: Weights = WEIGHTS) -> float:
    """The most payload a counter asks the programme to carry: a share of its largest lander, 0 with none."""
    return min(weights.payload_most_kg, weights.payload_share * state.largest_payload_kg)


def plausible_domains(partner: PartnerSpec, state: ProgrammeState) -> list[str]:
    """Domains the station makes (or is building a module to make) that the partner cares for, most cared first."""
    interests: dict[str, float] = {str(domain): weight for domain, weight in partner.interests.items()}
    made = [domain for domain in SCIENCE_DOMAINS if domain in state.producing and interests.get(domain, 0.0) > 0]
    return sorted(made, key=lambda domain: (-interests.get(domain, 0.0), domain))


def _sweeteners(terms: Offer, partner: PartnerSpec, state: ProgrammeState, weights: Weights) -> list[Offer]:
    """One-step changes that give the partner more of what it asked for, within what the law allows and
    what the programme can plausibly give at its stage (see `ProgrammeState`)."""
    forbidden: set[str] = set()
    for _, rule_terms in binding_constraints(partner, state.programme):
        forbidden |= rule_terms
    asks = set(partner.asks) - forbidden
    domains = plausible_domains(partner, state)
    candidates: list[Offer] = []
    if "data_share" in asks:
        missing = [domain for domain in domains if domain not in terms.data_share]
        if missing:
            candidates.append(replace(terms, data_share=(*terms.data_share, missing[0])))
    if "co_lead_domain" in asks and terms.co_lead is None and domains:
        candidates.append(replace(terms, co_lead=domains[0]))
    if "payload_mass" in asks and terms.payload_kg + PAYLOAD_STEP_KG <= payload_room(state, weights):
        candidates.append(replace(terms, payload_kg=terms.payload_kg + PAYLOAD_STEP_KG))
    if "crew_seat" in asks and state.crewed and terms.crew_seats < partner.capabilities.crew_candidates:
        candidates.append(replace(terms, crew_seats=terms.crew_seats + 1))
    hostable = [module for module in partner.capabilities.modules if module in state.hostable]
    if "host_module" in asks and terms.host_module is None and hostable:
        candidates.append(replace(terms, host_module=hostable[0]))
    return candidates


def counter_reasons(
    before: Offer, after: Offer, partner: PartnerSpec, state: ProgrammeState, weights: Weights = WEIGHTS
) -> tuple[str, ...]:
    """Why a counter-offer asks what it asks: one sentence for each change, for the player to read."""
    reasons: list[str] = []
    blocked = _blocked(before, partner, state)
    if blocked:
        reasons.append(f"They take out what they cannot give: {blocked[0]}")
    for domain in after.data_share:
        if domain not in before.data_share:
            maker = state.module_names.get(state.producing.get(domain, ""), state.producing.get(domain, ""))
            source = f"the station's {maker} makes it" if maker else "the station makes it"
            reasons.append(f"They ask for {domain_name(domain)} data: they care "
                           f"{interest_in(partner, domain):.0%} for it, and {source}.")
    if after.co_lead is not None and after.co_lead != before.co_lead:
        reasons.append(f"They ask to co-lead {domain_name(after.co_lead)}: of the science the station makes, "
                       "it is the one they care for most.")
    if after.payload_kg > before.payload_kg:
        reasons.append(f"They ask for {after.payload_kg:g} kg of payload: the programme's largest lander sets "
                       f"down {state.largest_payload_kg:g} kg, and they ask at most {payload_room(state, weights):g}.")
    if after.crew_seats > before.crew_seats:
        reasons.append("They ask for a crew seat: the station has room for crew now.")
    if after.host_module is not None and after.host_module != before.host_module:
        name = state.module_names.get(after.host_module, after.host_module)
        reasons.append(f"They ask you to host their {name}: the programme's landers can carry one and "
                       "the budget can pay for it.")
    within = _within_means(before, partner, state)  # what they could give; cutting below it is a choice
    gives_less = (after.funding_per_year < within.funding_per_year or after.launches < within.launches
                  or len(after.modules) < len(within.modules) or after.instruments < within.instruments)
    if gives_less:
        reasons.append("They give less: nothing more that they asked for can be given at this stage.")
    return tuple(reasons)


def _smaller_contribution(terms: Offer) -> Offer | None:
    """The partner gives less: the costliest part of its contribution first."""
    if terms.launches > 0:
        return replace(terms, launches=terms.launches - 1)
    if len(terms.modules) > 1:
        return replace(terms, modules=terms.modules[:-1])
    if terms.funding_per_year >= 2:
        return replace(terms, funding_per_year=float(int(terms.funding_per_year / 2)))
    if terms.instruments > 1:
        return replace(terms, instruments=terms.instruments - 1)
    return None


def _what_they_wait_for(partner: PartnerSpec, state: ProgrammeState) -> str:
    """When a partner declines for want of anything it values, what it would sign for once the station can give it."""
    forbidden: set[str] = set()
    for _, terms in binding_constraints(partner, state.programme):
        forbidden |= terms
    wanted = [_WANT_WORDS[ask] for ask in partner.asks if ask not in forbidden]
    if not wanted:
        return ""
    listed = wanted[0] if len(wanted) == 1 else f"{', '.join(wanted[:-1])} or {wanted[-1]}"
    return f" They want {listed}, once the station can give it."


def _main_objection(evaluation: Evaluation) -> str:
    """The one sentence a partner gives for saying no: a law or their means first, then what is missing."""
    if evaluation.blocked:
        return evaluation.blocked[0]
    if not evaluation.gives_them_something:
        return "They would receive nothing they asked for or care about."  # the reasons say the rest
    missing = [reason.text for reason in evaluation.reasons if reason.weight == 0.0]
    favourite = [text for text in missing if "care most" in text]
    worth = f"the offer is worth {evaluation.utility:+.0f} to them, less than nothing."
    return f"{worth} {(favourite or missing or [''])[0]}".strip()
