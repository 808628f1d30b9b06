"""Diplomacy each step: proposals answered, agreements signed and kept or broken, trust remembered.

Runs after the economy (so the science sent home this hour counts) and before the level's events.
A level event that names a partner is applied the step after it fires, in this order every time.
"""

from __future__ import annotations

from dataclasses import asdict

import esper

from game.content.catalog import unknown
from game.content.models import SCIENCE_DOMAINS, Event, ModuleSpec
from game.content.text import translate
from game.ecs.commands import ConsultPartner, ProposeAgreement, ShareData
from game.ecs.components import Module, PowerState
from game.ecs.context import HOURS_PER_DAY, HOURS_PER_YEAR, SimContext
from game.ecs.events import (
    AgreementDefaulted,
    AgreementSigned,
    CommandRefused,
    ContributionArrived,
    OfferAnswered,
    PartnerJoined,
    PromiseSettled,
    TrustChanged,
)
from game.ecs.partners import (
    CONSULT_TOPICS,
    Agreement,
    Answer,
    Deliverable,
    DiplomacyDesk,
    Partner,
    desk_of_world,
    partners_by_id,
    programme_state,
)
from game.ecs.preview import pad_reaches, power_reaches
from game.ecs.world_builder import recount_capacity, spawn_module
from game.rules import trust as trust_rules
from game.rules.grid import footprint_cells
from game.rules.negotiation import Offer, domain_name, favourite_domain, interest_in, offer_problem, respond
from game.rules.placement import placement_refusal
from game.systems.base import System
from game.systems.status import is_finished, is_working

# Game values: when things fall due after signing, and what a delivered term is worth.
INSTALMENT_DAYS = 30
MAX_INSTALMENTS = 12  # an agreement runs a year at most
MODULE_LEAD_DAYS = 20
LAUNCH_LEAD_DAYS = 30
INSTRUMENT_LEAD_DAYS = 15
PAYLOAD_DUE_DAYS = 45
HOSTING_DUE_DAYS = 60
CO_LEAD_DUE_DAYS = 60
CREW_SEAT_DUE_DAYS = 365
PAYLOAD_CREDITS_PER_KG = 0.1  # what carrying a partner's payload costs the programme
LAUNCH_CREDITS = 100.0  # a partner's launch, in a level that flies no launch vehicles of its own
INSTRUMENT_POINTS_PER_DAY = 1.0  # science a partner's instrument adds in its favourite domain
TALKS_PAUSE_DAYS = 30  # after a partner breaks off talks, they reopen this much later
HISTORY_LENGTH = 40


class AgreementSystem(System):
    def process(self) -> None:
        ctx = self.ctx
        desk = desk_of_world()
        if not ctx.level.partners and not desk.inbox:
            return  # a level without partners has nothing to settle: keep its hours cheap
        partners = partners_by_id()
        self._apply_partner_events(desk, partners)
        commands, desk.inbox = desk.inbox, []
        for command in commands:
            partner = partners.get(command.partner)
            if partner is None:
                ctx.emit(CommandRefused(unknown("partner of this level", command.partner, partners)))
            elif isinstance(command, ProposeAgreement):
                self._propose(desk, partner, command)
            elif isinstance(command, ConsultPartner):
                self._consult(partner, command.topic)
            elif isinstance(command, ShareData):
                self._share(partner, command.domain)
        desk.crewed |= ctx.station.crew > 0
        for _, agreement in sorted(esper.get_component(Agreement), key=lambda pair: pair[1].number):
            if agreement.state == "active":
                self._settle_due(desk, agreement, partners[agreement.partner])
        self._joint_construction(desk, partners)
        if ctx.station.hour % HOURS_PER_DAY == 0:
            self._daily(desk, partners)

    # --- commands ---------------------------------------------------------------------------------

    def _propose(self, desk: DiplomacyDesk, partner: Partner, command: ProposeAgreement) -> None:
        ctx = self.ctx
        hour = ctx.station.hour
        name = translate(partner.spec.name)
        if partner.talks_resume_hour is not None and hour >= partner.talks_resume_hour:
            partner.talks_open, partner.rounds_left, partner.talks_resume_hour = True, partner.spec.patience, None
        if not partner.talks_open:
            when = (
                f"; they reopen on day {partner.talks_resume_hour / HOURS_PER_DAY:.0f}"
                if partner.talks_resume_hour is not None else ", and the level has not opened them yet"
            )
            ctx.emit(CommandRefused(f"Talks with {name} are not open{when}."))
            return
        offer = Offer(**{key: value for key, value in asdict(command).items() if key != "partner"})
        problem = offer_problem(offer)
        if problem is not None:
            ctx.emit(CommandRefused(f"The offer to {name} cannot be made: {problem}."))
            return
        state = programme_state(ctx)
        answer = respond(offer, partner.spec, partner.trust, state, partner.rounds_left)
        partner.rounds_left = answer.rounds_left
        partner.last_answer = Answer(answer.decision, answer.text, offer, answer.counter, hour)
        ctx.emit(OfferAnswered(partner.spec.id, answer.decision, answer.text))
        self._remember(partner, answer.text)
        if answer.decision == "accept":
            self._sign(desk, partner, offer)
        elif answer.decision == "decline" and answer.rounds_left == 0:
            partner.talks_open = False
            partner.talks_resume_hour = hour + TALKS_PAUSE_DAYS * HOURS_PER_DAY
            self._trust(partner, trust_rules.TRUST.talks_broken_off, f"{name} is disappointed by the talks.")

    def _sign(self, desk: DiplomacyDesk, partner: Partner, offer: Offer) -> None:
        ctx = self.ctx
        hour = ctx.station.hour
        number = desk.next_agreement
        desk.next_agreement += 1
        agreement = Agreement(
            number, partner.spec.id, offer, hour, dict(ctx.station.science), self._deliverables(partner, offer),
            science_checked=dict(ctx.station.science),
        )
        esper.create_entity(agreement)
        name = translate(partner.spec.name)
        partner.rounds_left = partner.spec.patience  # the next deal starts fresh talks
        if not partner.member:
            partner.member = True
            ctx.emit(PartnerJoined(partner.spec.id, f"{name} joins the programme."))
        ctx.emit(AgreementSigned(partner.spec.id, number, f"Agreement {number} with {name} is signed."))
        self._trust(partner, trust_rules.TRUST.agreement_signed, f"{name} signs agreement {number}.")

    def _consult(self, partner: Partner, topic: str) -> None:
        ctx = self.ctx
        name = translate(partner.spec.name)
        if topic not in CONSULT_TOPICS:
            ctx.emit(CommandRefused(f"'{topic}' is not a topic to consult on; choose {', '.join(CONSULT_TOPICS)}."))
            return
        hour = ctx.station.hour
        last_on_topic = partner.consulted_topics.get(topic)
        days_since = None if last_on_topic is None else (hour - last_on_topic) / HOURS_PER_DAY
        change = trust_rules.consult_change(days_since, partner.trust)
        partner.last_consulted_hour = hour  # any consultation keeps a member from feeling ignored
        view = _their_view(partner, topic, ctx.catalog.modules)
        if days_since is not None and days_since < trust_rules.TRUST.topic_period_days:
            # The period runs from the last valued consultation on this topic, so it is not renewed here.
            self._trust(partner, 0.0, f"{name} was consulted on {CONSULT_TOPICS[topic]} only {days_since:.0f} "
                        f"day(s) ago: routine; {view}", ease=False)
            return
        partner.consulted_topics[topic] = hour
        if change == 0.0:
            self._trust(partner, 0.0, f"{name} was consulted on {CONSULT_TOPICS[topic]}: {view} Being asked "
                        "no longer raises their trust; kept promises and shared results still can.", ease=False)
        else:
            self._trust(partner, change, f"{name} was consulted on {CONSULT_TOPICS[topic]}: {view}", ease=False)

    def _share(self, partner: Partner, domain: str) -> None:
        ctx = self.ctx
        name = translate(partner.spec.name)
        if domain not in SCIENCE_DOMAINS:
            ctx.emit(CommandRefused(f"'{domain}' is not a science domain; choose {', '.join(SCIENCE_DOMAINS)}."))
            return
        sent = ctx.station.science.get(domain, 0.0)
        new = sent - partner.shared_science.get(domain, 0.0)
        if new <= 1e-9:
            ctx.emit(CommandRefused(f"There is no new {domain_name(domain)} data to share with {name}: "
                                    "the station must send some home first."))
            return
        partner.shared_science[domain] = sent
        hour = ctx.station.hour
        last = partner.shared_hours.get(domain)
        days_since = None if last is None else (hour - last) / HOURS_PER_DAY
        change = trust_rules.data_share_change(interest_in(partner.spec, domain), partner.trust, days_since)
        text = f"{name} received {new:.1f} points of {domain_name(domain)} data."
        if days_since is not None and days_since < trust_rules.TRUST.share_period_days:
            text += f" They had some {days_since:.0f} day(s) ago: welcome, but routine."
        else:
            partner.shared_hours[domain] = hour
        self._trust(partner, change, text, ease=False)

    # --- agreements -------------------------------------------------------------------------------

    def _deliverables(self, partner: Partner, offer: Offer) -> list[Deliverable]:
        ctx = self.ctx
        hour = ctx.station.hour
        end = round(ctx.level.time_limit_days * HOURS_PER_DAY) - 1
        remaining_days = max(0.0, (end - hour) / HOURS_PER_DAY)
        periods = max(1, min(MAX_INSTALMENTS, int(remaining_days // INSTALMENT_DAYS)))
        names = {module_id: translate(spec.name) for module_id, spec in ctx.catalog.modules.items()}

        def due(days: float) -> int:
            return hour + round(days * HOURS_PER_DAY)

        items: list[Deliverable] = []
        if offer.funding_per_year > 0:
            amount = offer.funding_per_year * INSTALMENT_DAYS * HOURS_PER_DAY / HOURS_PER_YEAR
            for number in range(1, periods + 1):
                items.append(Deliverable("partner", "funding", f"Instalment {number} of {periods}: {amount:.1f} "
                                         "credits", due(number * INSTALMENT_DAYS), amount=amount))
        for module in offer.modules:
            items.append(Deliverable("partner", "module", f"Their {names.get(module, module)} arrives",
                                     due(MODULE_LEAD_DAYS), detail=module))
        for number in range(1, offer.launches + 1):
            items.append(Deliverable("partner", "launch", f"Launch {number} of {offer.launches}",
                                     due(LAUNCH_LEAD_DAYS * number)))
        favourite = favourite_domain(partner.spec)
        for number in range(1, offer.instruments + 1):
            items.append(Deliverable("partner", "instrument", f"Instrument {number} starts on {domain_name(favourite)}",
                                     due(INSTRUMENT_LEAD_DAYS), detail=favourite))
        for domain in offer.data_share:
            for number in range(1, periods + 1):
                items.append(Deliverable("player", "data_share", f"Send {domain_name(domain)} data home ({number} of "
                                         f"{periods})", due(number * INSTALMENT_DAYS), detail=domain))
        if offer.payload_kg > 0:
            charge = offer.payload_kg * PAYLOAD_CREDITS_PER_KG
            items.append(Deliverable("player", "payload_mass", f"Carry {offer.payload_kg:g} kg of their payload "
                                     f"({charge:.0f} credits)", due(PAYLOAD_DUE_DAYS), amount=charge))
        for number in range(1, offer.crew_seats + 1):
            items.append(Deliverable("player", "crew_seat", f"Fly their astronaut (seat {number})",
                                     min(due(CREW_SEAT_DUE_DAYS), max(end, hour + 1))))
        if offer.host_module is not None:
            items.append(Deliverable("player", "host_module", f"Their {names.get(offer.host_module, offer.host_module)}"
                                     " stands working at the base", due(HOSTING_DUE_DAYS), detail=offer.host_module))
        if offer.co_lead is not None:
            items.append(Deliverable("player", "co_lead_domain", f"Joint {domain_name(offer.co_lead)} results sent "
                                     "home", due(CO_LEAD_DUE_DAYS), detail=offer.co_lead))
        return sorted(items, key=lambda item: item.due_hour)

    def _settle_due(self, desk: DiplomacyDesk, agreement: Agreement, partner: Partner) -> None:
        hour = self.ctx.station.hour
        for item in agreement.deliverables:
            if item.state == "pending" and item.due_hour <= hour:
                if item.owed_by == "partner":
                    self._deliver(desk, agreement, partner, item)
                else:
                    self._fall_due(desk, agreement, partner, item)
        if all(item.state != "pending" for item in agreement.deliverables):
            broken = any(item.owed_by == "player" and item.state == "missed" for item in agreement.deliverables)
            agreement.state = "broken" if broken else "kept"

    def _deliver(self, desk: DiplomacyDesk, agreement: Agreement, partner: Partner, item: Deliverable) -> None:
        ctx = self.ctx
        station = ctx.station
        name = translate(partner.spec.name)
        item.state = "met"
        if item.kind == "funding":
            factor = trust_rules.return_factor(partner.trust)
            paid = item.amount * factor
            station.budget += paid
            mood = f" ({factor - 1:+.0%} for their trust in the programme)" if abs(factor - 1) >= 0.005 else ""
            text = f"{name} paid {paid:.1f} credits{mood}."
        elif item.kind == "module":
            text = self._module_arrives(desk, partner, ctx.catalog.modules[item.detail])
        elif item.kind == "launch":
            costs = [ctx.catalog.launch_vehicles[v].cost for v in ctx.level.launch_vehicles
                     if v in ctx.catalog.launch_vehicles]
            saved = min(costs) if costs else LAUNCH_CREDITS
            station.budget += saved
            text = f"{name} flew a launch for the programme, saving {saved:.0f} credits."
        else:  # instrument
            desk.instruments.append((partner.spec.id, item.detail))
            text = f"{name}'s instrument is working: it adds {domain_name(item.detail)} science every day."
        ctx.emit(ContributionArrived(partner.spec.id, agreement.number, item.kind, text))
        self._remember(partner, text)

    def _module_arrives(self, desk: DiplomacyDesk, partner: Partner, spec: ModuleSpec) -> str:
        """The partner's module flies on its own launch and lands into assembly at the first free good spot."""
        ctx = self.ctx
        name = translate(partner.spec.name)
        spot = _free_spot(ctx, spec)
        module_name = translate(spec.name)
        if spot is None:
            ctx.station.budget += spec.cost
            return f"{name}'s {module_name} found no free ground, so they paid its {spec.cost:.0f} credits instead."
        entity = spawn_module(ctx, spec, spot[0], spot[1], built=False)
        recount_capacity(ctx)
        desk.contributed[entity] = partner.spec.id
        return f"{name}'s {module_name} landed at ({spot[0]}, {spot[1]}) and is being assembled."

    def _fall_due(self, desk: DiplomacyDesk, agreement: Agreement, partner: Partner, item: Deliverable) -> None:
        ctx = self.ctx
        station = ctx.station
        name = translate(partner.spec.name)
        if item.kind == "data_share":
            sent = station.science.get(item.detail, 0.0)
            kept = sent > agreement.science_checked.get(item.detail, 0.0) + 1e-9
            agreement.science_checked[item.detail] = sent
        elif item.kind == "co_lead_domain":
            kept = station.science.get(item.detail, 0.0) > agreement.science_at_signing.get(item.detail, 0.0) + 1e-9
        elif item.kind == "payload_mass":
            kept = station.budget >= item.amount
            if kept:
                station.budget -= item.amount
        elif item.kind == "crew_seat":
            kept = desk.crewed or station.crew > 0
        else:  # host_module
            kept = any(module.spec.id == item.detail and is_working(entity, module, power)
                       for entity, (module, power) in esper.get_components(Module, PowerState))
        item.state = "met" if kept else "missed"
        verdict = "kept" if kept else "broken"
        text = f"Promise to {name} {verdict}: {item.text[0].lower()}{item.text[1:]}."
        ctx.emit(PromiseSettled(partner.spec.id, agreement.number, kept, text))
        changes = trust_rules.TRUST
        self._trust(partner, changes.promise_kept if kept else changes.promise_broken, text)

    def _default(self, partner: Partner, why: str) -> None:
        name = translate(partner.spec.name)
        for _, agreement in esper.get_component(Agreement):
            if agreement.partner != partner.spec.id or agreement.state != "active":
                continue
            for item in agreement.deliverables:
                if item.state == "pending":
                    item.state = "cancelled"
            agreement.state = "defaulted"
            text = f"{name} defaults on agreement {agreement.number}: {why}"
            self.ctx.emit(AgreementDefaulted(partner.spec.id, agreement.number, text))
            self._remember(partner, text)

    # --- the three principles over time -----------------------------------------------------------

    def _joint_construction(self, desk: DiplomacyDesk, partners: dict[str, Partner]) -> None:
        for entity, partner_id in sorted(desk.contributed.items()):
            if not esper.entity_exists(entity):
                del desk.contributed[entity]
            elif is_finished(entity):
                del desk.contributed[entity]
                partner = partners[partner_id]
                module_name = translate(esper.component_for_entity(entity, Module).spec.name)
                text = f"The {module_name} from {translate(partner.spec.name)} is built: joint construction."
                self._trust(partner, trust_rules.TRUST.module_built, text)

    def _daily(self, desk: DiplomacyDesk, partners: dict[str, Partner]) -> None:
        ctx = self.ctx
        for _, domain in desk.instruments:
            ctx.station.unsent_science[domain] = ctx.station.unsent_science.get(domain, 0.0) + INSTRUMENT_POINTS_PER_DAY
        hour = ctx.station.hour
        for partner in partners.values():
            if not partner.member:
                continue
            days = (hour - partner.last_consulted_hour) / HOURS_PER_DAY
            if trust_rules.feels_ignored(days):
                partner.last_consulted_hour = hour
                name = translate(partner.spec.name)
                self._trust(partner, trust_rules.TRUST.ignored, f"{name} has not been consulted for {days:.0f} days.")
            if trust_rules.loses_faith(partner.trust):
                self._default(partner, f"it has lost faith in the programme (trust {partner.trust:.0f} of 100).")

    def _apply_partner_events(self, desk: DiplomacyDesk, partners: dict[str, Partner]) -> None:
        fired = self.ctx.station.events_fired
        for event in self.ctx.level.events:
            if event.effect.partner is None:
                continue
            done = desk.applied_events.get(event.id, 0)
            for _ in range(fired.get(event.id, 0) - done):
                self._apply_event(event, partners[event.effect.partner])
            desk.applied_events[event.id] = fired.get(event.id, 0)

    def _apply_event(self, event: Event, partner: Partner) -> None:
        effect = event.effect
        text = translate(event.text)
        name = translate(partner.spec.name)
        if effect.trust:
            self._trust(partner, effect.trust, text, ease=False)
        if effect.default_agreement:
            self._default(partner, text)
        if effect.open_talks:
            partner.talks_open, partner.rounds_left, partner.talks_resume_hour = True, partner.spec.patience, None
            self._remember(partner, f"Talks with {name} open: {text}")
        if effect.join and not partner.member:
            partner.member = True
            self.ctx.emit(PartnerJoined(partner.spec.id, f"{name} joins the programme: {text}"))
            self._remember(partner, f"{name} joins the programme.")

    # --- bookkeeping ------------------------------------------------------------------------------

    def _trust(self, partner: Partner, change: float, text: str, ease: bool = True) -> None:
        """Moves a partner's trust; a gain is eased as trust nears 100 unless `ease` is off (a level's
        event sets its own change, and consulting has its own ceiling)."""
        if ease:
            change = trust_rules.eased(partner.trust, change)
        partner.trust = trust_rules.changed(partner.trust, change)
        self.ctx.emit(TrustChanged(partner.spec.id, partner.trust, change, text))
        sign = f" (trust {change:+.0f})" if abs(change) >= 0.5 else ""
        self._remember(partner, text + sign)

    def _remember(self, partner: Partner, text: str) -> None:
        partner.history.append(f"Day {self.ctx.station.hour / HOURS_PER_DAY:.0f}: {text}")
        del partner.history[:-HISTORY_LENGTH]


def _their_view(partner: Partner, topic: str, modules: dict[str, ModuleSpec]) -> str:
    """What a consulted partner says, from its own data: one sentence a student reads."""
    spec = partner.spec
    favourite = favourite_domain(spec)
    if topic == "modules" and spec.capabilities.modules:
        offered = ", ".join(translate(modules[m].name) if m in modules else m for m in spec.capabilities.modules)
        return f"they could build {offered}."
    if topic == "science":
        return f"they would put {domain_name(favourite)} first."
    return f"they back the plan, with {domain_name(favourite)} in mind."


def _free_spot(ctx: SimContext, spec: ModuleSpec) -> tuple[int, int] | None:
    """Where a contributed module lands: the first spot, row by row, where it may stand, gets power and a pad
    reaches it (so assembly starts); failing that, one a pad reaches; failing that, any. The same every run."""
    allowed = [
        (x, y) for y in range(ctx.grid.height) for x in range(ctx.grid.width)
        if placement_refusal(spec, x, y, ctx.grid, ctx.occupied) is None
    ]
    for x, y in allowed:
        cells = tuple(footprint_cells(x, y, spec.footprint))
        if power_reaches(ctx, spec, cells) and pad_reaches(ctx, spec, cells):
            return x, y
    for x, y in allowed:  # no powered spot the pad reaches: at least one where assembly can start
        if pad_reaches(ctx, spec, tuple(footprint_cells(x, y, spec.footprint))):
            return x, y
    return allowed[0] if allowed else None
