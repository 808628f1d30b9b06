"""The automated player's diplomat: consults members, shares new data with them, and proposes agreements
for the level's partner goals, weighing each offer first as the negotiation room does."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from game.content.catalog import Catalog
from game.content.models import PARTNER_GOAL_KINDS, Level, PartnerSpec
from game.ecs.commands import Command, ConsultPartner, ProposeAgreement, ShareData
from game.rules.hours import HOURS_PER_DAY
from game.rules.negotiation import PAYLOAD_CREDITS_PER_KG, Evaluation, Offer
from game.rules.trust import CONSULT_TOPICS
from game.simulation.simulation import Simulation
from game.simulation.views import PartnerView, StationSnapshot

# The automated player's diplomatic habits (its own choices, not game rules; the game values a consultation
# once per topic every 30 days, and a member not consulted for 30 days feels ignored: docs/PARTNERS.md).
CARE_EVERY_DAYS = 10  # consult each member, and share new data with it, this often
PAYLOAD_STEPS_KG = (100.0, 200.0)  # payload offered, in turn, to a partner that asked for some
LEAST_FUNDING_SHARE = 0.125  # funding asked is halved down to this share of a partner's means, no lower
WORTH_A_COUNTER = -10.0  # an offer this close to acceptable is put anyway: the partner's counter may do
TOPICS = tuple(CONSULT_TOPICS)  # consulted on in turn, as a student would vary them


class Diplomat:
    """Works for a level's partner goals through the public commands: consults members, shares new data with
    them, and proposes agreements it has first weighed with `Simulation.evaluate_offer`, accepting a
    counter-offer when it can keep its terms. Acts once a game-day; idle in a level without partner goals."""

    def __init__(self, level: Level, catalog: Catalog):
        self.level = level
        self.catalog = catalog
        self.goals = [goal for goal in level.goals if goal.kind in PARTNER_GOAL_KINDS]
        self.cared_hour: dict[str, int] = {}  # partner -> hour it was last consulted
        self.shared: dict[tuple[str, str], float] = {}  # (partner, domain) -> science points already shared
        self.proposed: dict[str, Offer] = {}  # partner -> the offer last put to it
        self.countered: dict[str, Offer] = {}  # partner -> an offer it answered with terms the station cannot keep
        self.visits = 0

    @property
    def active(self) -> bool:
        return bool(self.goals)

    def act(self, simulation: Simulation, snapshot: StationSnapshot) -> list[Command]:
        """This day's diplomacy, as commands to queue."""
        producing = self._producing(snapshot)
        commands: list[Command] = []
        for partner in snapshot.partners:
            if partner.member:
                commands += self._care(partner, snapshot)
            proposal = self._negotiate(simulation, partner, snapshot, producing)
            if proposal is not None:
                commands.append(proposal)
        return commands

    # -- co-consultation and shared benefits --
    def _care(self, partner: PartnerView, snapshot: StationSnapshot) -> list[Command]:
        last = self.cared_hour.get(partner.id)
        if last is not None and snapshot.hour - last < CARE_EVERY_DAYS * HOURS_PER_DAY:
            return []
        self.cared_hour[partner.id] = snapshot.hour
        self.visits += 1  # vary the topic, as a student would
        commands: list[Command] = [ConsultPartner(partner.id, TOPICS[self.visits % len(TOPICS)])]
        for domain, interest in partner.interests:
            sent = snapshot.science.get(domain, 0.0)
            if interest > 0 and sent - self.shared.get((partner.id, domain), 0.0) >= 1.0:
                self.shared[(partner.id, domain)] = sent
                commands.append(ShareData(partner.id, domain))
        return commands

    # -- negotiation --
    def _negotiate(self, simulation: Simulation, partner: PartnerView, snapshot: StationSnapshot,
                   producing: list[str]) -> ProposeAgreement | None:
        if not partner.talks_open or partner.id not in self.catalog.partners:
            return None
        if any(a.partner == partner.id and a.state == "active" for a in snapshot.agreements):
            return None  # one agreement at a time with each partner: its promises are enough to keep
        answer = partner.last_answer
        offered = self.proposed.pop(partner.id, None)
        countered = offered is not None and answer is not None and answer.decision == "counter"
        if countered and answer and answer.counter and self._keepable(answer.counter, snapshot, producing):
            return ProposeAgreement(partner.id, answer.counter)  # accept their changed terms
        if countered and offered is not None:
            self.countered[partner.id] = offered  # their terms ask for promises it cannot keep
        spec = self.catalog.partners[partner.id]
        wants = self._wanted_terms(partner.id, snapshot)
        if not wants:
            return None
        offer, evaluation = self._build_offer(simulation, spec, wants, snapshot, producing)
        if offer is None or evaluation is None or evaluation.blocked:
            return None
        near = evaluation.utility >= WORTH_A_COUNTER and partner.rounds_left > 1
        if evaluation.acceptable or (near and self.countered.get(partner.id) != offer):
            self.proposed[partner.id] = offer
            return ProposeAgreement(partner.id, offer)
        return None

    def _wanted_terms(self, partner_id: str, snapshot: StationSnapshot) -> set[str]:
        """What this partner's next agreement should bring, from the partner goals still open."""
        open_goals = [goal for goal in self.goals if _status(snapshot, goal.id) != "met"]
        if not open_goals:
            return set()
        wants: set[str] = set()
        for goal in open_goals:
            if goal.kind == "agreements" and goal.partner in (None, partner_id):
                wants.add(goal.term or "funding")
        return wants or {"funding"}  # any agreement helps trust and kept promises; funding helps the budget

    def _build_offer(self, simulation: Simulation, spec: PartnerSpec, wants: set[str], snapshot: StationSnapshot,
                     producing: list[str]) -> tuple[Offer | None, Evaluation | None]:
        """What it gives for the wanted terms, sweetened with what it values and the station can deliver,
        funding halved if needed, until the partner would accept (or nothing more can be tried)."""
        means = spec.capabilities
        modules = tuple(means.modules[:1]) if "module" in wants and means.modules else ()
        funding = means.funding_per_year if ("funding" in wants or not modules) else 0.0
        instruments = 1 if "instrument" in wants and means.instruments else 0
        launches = 1 if "launch" in wants and means.launches else 0
        if not (modules or funding or instruments or launches):
            return None, None
        offer = Offer(funding_per_year=funding, modules=modules, launches=launches, instruments=instruments)
        interest = dict((str(domain), float(weight)) for domain, weight in spec.interests.items())
        domains = sorted(producing, key=lambda domain: -interest.get(domain, 0.0))
        sweeteners: list[Offer] = []
        for count in range(1, len(domains) + 1):
            sweeteners.append(_with(offer, data_share=tuple(domains[:count])))
        shares = tuple(domains)
        if "co_lead_domain" in spec.asks and domains:
            sweeteners.append(_with(offer, data_share=shares, co_lead=domains[0]))
        hosted = modules[0] if modules else None
        if "host_module" in spec.asks and hosted and _working(snapshot, hosted):
            sweeteners.append(_with(sweeteners[-1] if sweeteners else offer, host_module=hosted))
        if "payload_mass" in spec.asks:
            base = sweeteners[-1] if sweeteners else offer
            sweeteners += [_with(base, payload_kg=kg) for kg in PAYLOAD_STEPS_KG
                           if kg * PAYLOAD_CREDITS_PER_KG < snapshot.budget / 4]
        best, evaluation = offer, simulation.evaluate_offer(spec.id, offer)
        for candidate in sweeteners:
            if evaluation.acceptable:
                break
            best, evaluation = candidate, simulation.evaluate_offer(spec.id, candidate)
        while not evaluation.acceptable and funding > means.funding_per_year * LEAST_FUNDING_SHARE and not modules:
            funding /= 2
            best = _with(best, funding_per_year=round(funding, 1))
            evaluation = simulation.evaluate_offer(spec.id, best)
        return best, evaluation

    def _keepable(self, offer: Offer, snapshot: StationSnapshot, producing: list[str]) -> bool:
        """Whether every promise in `offer` is one the station can keep."""
        domains = set(offer.data_share) | ({offer.co_lead} if offer.co_lead else set())
        return (
            domains <= set(producing)
            and (offer.crew_seats == 0 or snapshot.crew > 0)
            and (offer.host_module is None or _working(snapshot, offer.host_module))
            and offer.payload_kg * PAYLOAD_CREDITS_PER_KG < snapshot.budget / 4
        )

    def _producing(self, snapshot: StationSnapshot) -> list[str]:
        """Science domains the station sends home now: a working module makes it and some has arrived."""
        domains: set[str] = set()
        for view in snapshot.modules:
            if view.state == "working":
                made = self.catalog.modules[view.module_id].science_per_day
                domains |= {str(domain) for domain, rate in made.items() if rate > 0}
        return sorted(domain for domain in domains if snapshot.science.get(domain, 0.0) > 0)


def _status(snapshot: StationSnapshot, goal_id: str) -> str:
    return next((goal.status for goal in snapshot.goals if goal.id == goal_id), "pending")


def _working(snapshot: StationSnapshot, module_id: str) -> bool:
    return any(view.module_id == module_id and view.state == "working" for view in snapshot.modules)


def _with(offer: Offer, **changes: Any) -> Offer:
    return replace(offer, **changes)
