"""Negotiation as pure functions: an offer, a partner's transparent evaluation of it, counter-offers, patience.

No dice: the same offer, partner, trust and programme state always give the same answer, with the
reasons a student can read. Every weight below is a game value, chosen for play, not a real figure.
Every sentence is a `say()` message, and partner and module names are passed as the catalog writes them,
so a screen shows the reasons in the player's language with its `tr`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from game.content.figures import status_words
from game.content.locale_format import KILOGRAM, Percent, Quantity
from game.content.message import Alternatives, Message, level_text, say, say_n
from game.content.models import GAME_VALUE, SCIENCE_DOMAINS, Figure, PartnerSpec
from game.rules.points import signed_points

# A name as the catalog writes it: a string or a {en = ..., zh = ...} table, shown in the player's language.
Name = str | dict[str, str]

DOMAIN_NAMES = {
    "geology": say("lunar geology"),
    "astronomy": say("astronomy from the Moon"),
    "space_environment": say("the Sun-Earth-Moon space environment"),
    "basic_physics": say("basic physics"),
    "resource_use": say("lunar resource use"),
}

Decision = Literal["accept", "counter", "decline"]

NOTHING_IN_RETURN = say(
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
    module_names: Mapping[str, Name] = field(default_factory=dict)  # as the catalog writes them (level text)
    producing: Mapping[str, str] = field(default_factory=dict)  # domain -> a module (standing or being built) making it
    hostable: frozenset[str] = frozenset()  # modules standing, or liftable by the level's landers and affordable
    largest_payload_kg: float = 0.0  # what the level's biggest lander sets down (0: no launches in the level)
    largest_payload_status: Figure = GAME_VALUE  # what that figure is, as its rocket's catalog entry says
    crewed: bool = False  # the station has crew, or a module that houses it


@dataclass(frozen=True, slots=True)
class Reason:
    """One sentence of the partner's thinking and what it adds to (or takes from) the offer's worth."""

    text: str
    weight: float = 0.0
    favourite_missing: bool = False  # it says the offer gives none of the domain they care for most


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


def domain_name(domain: str) -> Message:
    """A science domain in words, as a message so it shows in the player's language."""
    return DOMAIN_NAMES.get(domain) or level_text(domain.replace("_", " "))


def interest_in(partner: PartnerSpec, domain: str) -> float:
    """How much the partner cares for a domain, 0 when its data leaves the domain out."""
    return float({str(key): weight for key, weight in partner.interests.items()}.get(domain, 0.0))


def favourite_domain(partner: PartnerSpec) -> str:
    """The domain the partner cares for most (the first in the domains' order on a tie)."""
    return max(SCIENCE_DOMAINS, key=lambda domain: interest_in(partner, domain))


def offer_problem(offer: Offer) -> Message | None:
    """A sentence when the offer is not a deal at all (nothing asked of them, bad values), else None."""
    for domain in (*offer.data_share, *(() if offer.co_lead is None else (offer.co_lead,))):
        if domain not in SCIENCE_DOMAINS:
            return say("'{domain}' is not a science domain; choose one of {domains}", domain=domain,
                       domains=Alternatives(SCIENCE_DOMAINS))
    numbers = (offer.funding_per_year, offer.launches, offer.instruments, offer.payload_kg, offer.crew_seats)
    if any(number < 0 for number in numbers):
        return say("an offer cannot hold negative amounts")
    if not offer.asks_something:
        return say("the offer asks nothing of them: ask for funding, a module, a launch or an instrument")
    return None


def binding_constraints(partner: PartnerSpec, programme: str) -> list[tuple[Name, set[str]]]:
    """The partner's rules that bind in this programme, as (their text as the catalog writes it, the terms
    they forbid)."""
    return [
        (rule.text, set(rule.forbids))
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

    def add(text: Message, weight: float) -> None:
        nonlocal utility
        utility += weight
        reasons.append(Reason(text, weight))

    def receive(text: Message, worth: float, valued: bool) -> None:
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
        if sent > 0:
            share = say("A share of data on {domain}: they care {interest} for it ({status}).",
                        domain=domain_name(domain), interest=_percent(interest), status=_interest_status(partner))
        else:
            share = say("A share of data on {domain}: they care {interest} for it ({status}); the station has sent "
                        "none yet, so it counts for half.", domain=domain_name(domain), interest=_percent(interest),
                        status=_interest_status(partner))
        receive(share, worth, interest > 0)
    if offer.co_lead is not None:
        interest = interests.get(offer.co_lead, 0.0)
        worth = weights.co_lead * interest * asked("co_lead_domain")
        receive(say("Co-leading {domain}: they care {interest} for it ({status}).",
                    domain=domain_name(offer.co_lead), interest=_percent(interest),
                    status=_interest_status(partner)), worth, interest > 0)
    if offer.payload_kg > 0:
        worth = weights.payload_per_100_kg * offer.payload_kg / 100 * asked("payload_mass")
        receive(say("{mass} (game value) of payload on the programme's landers for their instruments.",
                    mass=Quantity(offer.payload_kg, KILOGRAM, 0)), worth, "payload_mass" in asks)
    if offer.crew_seats > 0:
        seats = min(offer.crew_seats, partner.capabilities.crew_candidates)
        worth = weights.crew_seat * seats * asked("crew_seat")
        if seats < offer.crew_seats:
            text = say_n("Crew seats: they have only {count} astronaut to fly.",
                         "Crew seats: they have only {count} astronauts to fly.", partner.capabilities.crew_candidates)
        else:
            text = say_n("{count} crew seat for their astronauts.", "{count} crew seats for their astronauts.", seats)
        receive(text, worth, "crew_seat" in asks)
    if offer.host_module is not None:
        name = _module_name(state, offer.host_module)
        worth = weights.host_module * asked("host_module")
        receive(say("Hosting their {module!l} at the base.", module=name), worth, "host_module" in asks)
    if in_return < weights.least_return:
        reasons.insert(0, Reason(NOTHING_IN_RETURN))
    for ask in partner.asks:
        if ask not in given:
            reasons.append(Reason(say("They asked for {what}; this offer gives them none.", what=_ASK_WORDS[ask])))

    top = max(SCIENCE_DOMAINS, key=lambda domain: interests.get(domain, 0.0))
    served = set(offer.data_share) | ({offer.co_lead} if offer.co_lead else set())
    if top not in served:
        reasons.append(Reason(say("They care most about {domain}; this offer gives them none of it.",
                                  domain=domain_name(top)), favourite_missing=True))

    capacity = partner.capabilities.funding_per_year
    if offer.funding_per_year > 0 and capacity > 0:
        share_given = offer.funding_per_year / capacity
        add(say_n("Paying {count:g} credit a year (game value) is {share} of what they can give ({status}).",
                  "Paying {count:g} credits a year (game value) is {share} of what they can give ({status}).",
                  offer.funding_per_year, share=_percent(share_given),
                  status=status_words(partner.figure("funding_per_year"))), -weights.funding * share_given)
    if offer.modules:
        names = [_module_name(state, module) for module in offer.modules]  # a list: shown joined with commas
        add(say("Building and sending {modules}.", modules=names), -weights.module * len(offer.modules))
    if offer.launches > 0:
        add(say_n("Providing {count} launch.", "Providing {count} launches.", offer.launches),
            -weights.launch * offer.launches)
    if offer.instruments > 0:
        cost = -weights.instrument * offer.instruments
        add(say_n("Flying {count} of their instruments with the station.",
                  "Flying {count} of their instruments with the station.", offer.instruments), cost)

    goodwill = (trust - 50.0) * weights.trust_per_point
    if trust >= 50:
        add(say("They trust the programme: {trust:.0f} of 100 (game value).", trust=trust), goodwill)
    else:
        add(say("They do not trust the programme enough yet: {trust:.0f} of 100 (game value).", trust=trust), goodwill)
    if state.members > 0:
        momentum = min(weights.members_cap, weights.per_member * state.members)
        add(say_n("{count} partner has already signed on, which makes joining more attractive.",
                  "{count} partners have already signed on, which makes joining more attractive.", state.members),
            momentum)
    return Evaluation(round(utility, 6), tuple(reasons), tuple(blocked), round(in_return, 6), weights.least_return)


def respond(
    offer: Offer, partner: PartnerSpec, trust: float, state: ProgrammeState, rounds_left: int,
    weights: Weights = WEIGHTS,
) -> Response:
    """The partner's answer to a proposal; every answer but 'accept' spends patience."""
    name = partner.name  # as the catalog writes it: the answer shows it in the player's language
    evaluation = evaluate(offer, partner, trust, state, weights)
    if evaluation.acceptable:
        return Response("accept", evaluation, say("{partner} accepts these terms.", partner=name), rounds_left)
    spent = 2 if evaluation.utility < weights.insult else 1
    left = max(0, rounds_left - spent)
    if left == 0:
        why = _main_objection(evaluation)
        return Response("decline", evaluation, say("{partner} breaks off the talks: {why}", partner=name, why=why), 0)
    counter = counter_offer(offer, partner, trust, state, weights)
    if counter is None:
        why = _main_objection(evaluation)
        wait = None if evaluation.blocked or evaluation.gives_them_something else _what_they_wait_for(partner, state)
        if wait is None:
            return Response("decline", evaluation, say("{partner} declines: {why}", partner=name, why=why), left)
        return Response("decline", evaluation, say("{partner} declines: {why} {wait}", partner=name, why=why,
                                                    wait=wait), left)
    changes = describe_changes(offer, counter, state)
    reasons = counter_reasons(offer, counter, partner, state, weights)
    if not reasons:
        return Response("counter", evaluation, say("{partner} proposes changed terms: {changes}.", partner=name,
                                                    changes=changes), left, counter)
    text = say("{partner} proposes changed terms: {changes}. {reasons}", partner=name, changes=changes,
               reasons=_one_after_another(reasons))
    return Response("counter", evaluation, text, left, counter)


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


def describe_changes(before: Offer, after: Offer, state: ProgrammeState) -> Message:
    """The differences between two offers, as a short list a player reads ('funding 40 → 20 credits a year;
    add a share of lunar geology data')."""
    changes: list[Message] = []
    if after.funding_per_year != before.funding_per_year:
        changes.append(say_n("funding {before:g} → {count:g} credit a year (game value)",
                             "funding {before:g} → {count:g} credits a year (game value)", after.funding_per_year,
                             before=before.funding_per_year))
    for module in before.modules:
        if module not in after.modules:
            changes.append(say("no {module}", module=_module_name(state, module)))
    if after.launches != before.launches:
        changes.append(say("launches {before} → {after}", before=before.launches, after=after.launches))
    if after.instruments != before.instruments:
        changes.append(say("instruments {before} → {after}", before=before.instruments, after=after.instruments))
    for domain in after.data_share:
        if domain not in before.data_share:
            changes.append(say("add a share of data on {domain}", domain=domain_name(domain)))
    for domain in before.data_share:
        if domain not in after.data_share:
            changes.append(say("no share of data on {domain}", domain=domain_name(domain)))
    if after.payload_kg != before.payload_kg:
        changes.append(say("payload {before} → {after} (game value)", before=Quantity(before.payload_kg, KILOGRAM),
                           after=Quantity(after.payload_kg, KILOGRAM)))
    if after.crew_seats != before.crew_seats:
        changes.append(say("crew seats {before} → {after}", before=before.crew_seats, after=after.crew_seats))
    if after.host_module != before.host_module:
        if after.host_module:
            changes.append(say("host their {module!l}", module=_module_name(state, after.host_module)))
        else:
            changes.append(say("no hosted module"))
    if after.co_lead != before.co_lead:
        if after.co_lead:
            changes.append(say("they co-lead {domain}", domain=domain_name(after.co_lead)))
        else:
            changes.append(say("no co-leadership"))
    return _listed(changes) if changes else say("no change")


# --- helpers ------------------------------------------------------------------------------------

_WANT_WORDS = {  # short, for the one-line answer
    "data_share": say("a share of the data"),
    "payload_mass": say("payload room"),
    "crew_seat": say("a crew seat"),
    "host_module": say("a place for their module"),
    "co_lead_domain": say("co-leadership"),
}
_ASK_WORDS = {
    "data_share": say("a share of the data"),
    "payload_mass": say("payload mass for their instruments"),
    "crew_seat": say("a crew seat"),
    "host_module": say("a place at the base for their module"),
    "co_lead_domain": say("co-leadership of a science domain"),
}
_TERM_WORDS = {  # a term a law rules out, as the law's sentence names it
    "funding": say("funding"),
    "module": say("module"),
    "launch": say("launch"),
    "instrument": say("instrument"),
    "data_share": say("data share"),
    "payload_mass": say("payload mass"),
    "crew_seat": say("crew seat"),
    "host_module": say("host module"),
    "co_lead_domain": say("co lead domain"),
}


def _percent(share: float) -> Percent:
    """A share (0..1) as a whole percentage in the language's way: '45%' in English and Chinese, '45 %' in Russian."""
    return Percent(share)


def _interest_status(partner: PartnerSpec) -> Message:
    """What the partner's interest in a domain is, as its catalog entry says: a game value unless it names one."""
    return status_words(partner.figure("interests"))


def _module_name(state: ProgrammeState, module: str) -> Name:
    """A module's name as the catalog writes it, or its id when the programme state does not know it."""
    return state.module_names.get(module, module)


def _listed(items: list[Message]) -> Message:
    """Short items one after another, 'a; b; c', each translated on its own."""
    *rest, last = items
    return say("{earlier}; {last}", earlier=_listed(rest), last=last) if rest else last


def _one_after_another(sentences: tuple[Message, ...]) -> Message:
    """Whole sentences one after another, each translated on its own (a language may join them without
    the space)."""
    *rest, last = sentences
    return say("{earlier} {last}", earlier=_one_after_another(tuple(rest)), last=last) if rest else last


def _blocked(offer: Offer, partner: PartnerSpec, state: ProgrammeState) -> list[Message]:
    name = partner.name
    blocked: list[Message] = []
    terms = set(offer.terms())
    for text, forbidden in binding_constraints(partner, state.programme):
        hit = sorted(terms & forbidden)
        if hit:
            words = [_TERM_WORDS.get(term) or level_text(term.replace("_", " ")) for term in hit]
            blocked.append(say("Ruled out by law ({terms}): {law}", terms=words, law=text))
    means = partner.capabilities
    if offer.funding_per_year > means.funding_per_year:
        blocked.append(say_n("{partner} can put in at most {count:g} credit a year ({status}).",
                             "{partner} can put in at most {count:g} credits a year ({status}).",
                             means.funding_per_year, partner=name,
                             status=status_words(partner.figure("funding_per_year"))))
    for module in offer.modules:
        if module not in means.modules:
            blocked.append(say("{partner} cannot build the {module!l}.", partner=name,
                               module=_module_name(state, module)))
    if offer.launches > means.launches:
        blocked.append(say_n("{partner} can provide at most {count} launch.",
                             "{partner} can provide at most {count} launches.", means.launches, partner=name))
    if offer.instruments > len(means.instruments):
        blocked.append(say_n("{partner} has {count} instrument to offer.",
                             "{partner} has {count} instruments to offer.", len(means.instruments), partner=name))
    if offer.host_module is not None and offer.host_module not in means.modules:
        blocked.append(say("{partner} builds no {module} to host.", partner=name,
                           module=_module_name(state, offer.host_module)))
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


PAYLOAD_STEP_KG = 50.0  # a counter adds payload in steps of this many kg, and so does the negotiation room (game value)
MAX_PAYLOAD_KG = 400.0  # the most payload the negotiation room lets an offer carry for a partner (game value)
PAYLOAD_CREDITS_PER_KG = 0.1  # what carrying a partner's payload costs the programme (game value)


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
) -> tuple[Message, ...]:
    """Why a counter-offer asks what it asks: one sentence for each change, for the player to read."""
    reasons: list[Message] = []
    blocked = _blocked(before, partner, state)
    if blocked:
        reasons.append(say("They take out what they cannot give: {blocked}", blocked=blocked[0]))
    for domain in after.data_share:
        if domain not in before.data_share:
            interest = interest_in(partner, domain)
            maker_id = state.producing.get(domain, "")
            if maker_id:
                reasons.append(say("They ask for data on {domain}: they care {interest} for it ({status}), and "
                                   "the station's {maker} makes it.", domain=domain_name(domain),
                                   interest=_percent(interest), status=_interest_status(partner),
                                   maker=_module_name(state, maker_id)))
            else:
                reasons.append(say("They ask for data on {domain}: they care {interest} for it ({status}), and "
                                   "the station makes it.", domain=domain_name(domain), interest=_percent(interest),
                                   status=_interest_status(partner)))
    if after.co_lead is not None and after.co_lead != before.co_lead:
        reasons.append(say("They ask to co-lead {domain}: of the science the station makes, it is the one they "
                           "care for most.", domain=domain_name(after.co_lead)))
    if after.payload_kg > before.payload_kg:
        reasons.append(say("They ask for {payload} of payload (game value): the programme's largest lander sets "
                           "down {largest} ({status}), and they ask at most {most} (game value).",
                           payload=Quantity(after.payload_kg, KILOGRAM),
                           largest=Quantity(state.largest_payload_kg, KILOGRAM),
                           status=status_words(state.largest_payload_status),
                           most=Quantity(payload_room(state, weights), KILOGRAM)))
    if after.crew_seats > before.crew_seats:
        reasons.append(say("They ask for a crew seat: the station has room for crew now."))
    if after.host_module is not None and after.host_module != before.host_module:
        reasons.append(say("They ask you to host their {module!l}: the programme's landers can carry one and the "
                           "budget can pay for it.", module=_module_name(state, after.host_module)))
    within = _within_means(before, partner, state)  # what they could give; cutting below it is a choice
    gives_less = (after.funding_per_year < within.funding_per_year or after.launches < within.launches
                  or len(after.modules) < len(within.modules) or after.instruments < within.instruments)
    if gives_less:
        reasons.append(say("They give less: nothing more that they asked for can be given at this stage."))
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


def _what_they_wait_for(partner: PartnerSpec, state: ProgrammeState) -> Message | None:
    """When a partner declines for want of anything it values, what it would sign for once the station can give it."""
    forbidden: set[str] = set()
    for _, terms in binding_constraints(partner, state.programme):
        forbidden |= terms
    wanted = [_WANT_WORDS[ask] for ask in partner.asks if ask not in forbidden]
    if not wanted:
        return None
    # 'a, b or c': the list's items are joined with commas where it is shown.
    listed = wanted[0] if len(wanted) == 1 else say("{some} or {last}", some=wanted[:-1], last=wanted[-1])
    return say("They want {what}, once the station can give it.", what=listed)


def _main_objection(evaluation: Evaluation) -> str:
    """The one sentence a partner gives for saying no: a law or their means first, then what is missing."""
    if evaluation.blocked:
        return evaluation.blocked[0]
    if not evaluation.gives_them_something:
        return say("They would receive nothing they asked for or care about.")  # the reasons say the rest
    missing = [reason for reason in evaluation.reasons if reason.weight == 0.0]
    favourite = [reason for reason in missing if reason.favourite_missing]
    if not (favourite or missing):
        return say("the offer is worth {worth} to them (game value), less than nothing.",
                   worth=signed_points(evaluation.utility))
    return say("the offer is worth {worth} to them (game value), less than nothing. {missing}",
               worth=signed_points(evaluation.utility), missing=(favourite or missing)[0].text)
