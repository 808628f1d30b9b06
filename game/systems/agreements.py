"""Diplomacy each step: proposals answered, agreements signed and kept or broken, trust remembered.

Runs after the economy (so the science sent home this hour counts) and before the level's events.
A level event that names a partner is applied the step after it fires, in this order every time.
The diplomacy commands reach it through the command system, which puts them in the desk's inbox.
"""

from __future__ import annotations

import esper

from game.content.catalog import unknown
from game.content.locale_format import KILOGRAM, Percent, Quantity
from game.content.message import Message, level_text, say, say_n
from game.content.models import GAME_VALUE, SCIENCE_DOMAINS, Event, ModuleSpec
from game.ecs.commands import ConsultPartner, ProposeAgreement, ShareData
from game.ecs.components import Agreement, Answer, Deliverable, Module, Partner, PowerState
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
from game.ecs.resources import DiplomacyDesk, SimContext
from game.ecs.status import is_finished, is_working
from game.ecs.world_builder import recount_capacity, spawn_module
from game.rules import trust as trust_rules
from game.rules.grid import footprint_cells
from game.rules.hours import HOURS_PER_DAY, HOURS_PER_YEAR
from game.rules.negotiation import (
    PAYLOAD_CREDITS_PER_KG,
    Offer,
    ProgrammeState,
    domain_name,
    favourite_domain,
    interest_in,
    offer_problem,
    respond,
)
from game.rules.placement import may_stand
from game.rules.points import signed_points
from game.rules.trust import CONSULT_TOPICS
from game.systems.base import System
from game.systems.placement import modules_on_map, pad_reaches, power_reaches

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
LAUNCH_CREDITS = 100.0  # a partner's launch, in a level that flies no launch vehicles of its own
INSTRUMENT_POINTS_PER_DAY = 1.0  # science a partner's instrument adds in its favourite domain
TALKS_PAUSE_DAYS = 30  # after a partner breaks off talks, they reopen this much later
HISTORY_LENGTH = 40


class AgreementSystem(System):
    def process(self) -> None:
        ctx = self.ctx
        desk = ctx.desk
        if not ctx.level.partners and not desk.inbox:
            return  # a level without partners has nothing to settle: keep its hours cheap
        partners = partners_by_id()
        self._apply_partner_events(desk, partners)
        commands, desk.inbox = desk.inbox, []
        for command in commands:
            partner = partners.get(command.partner)
            if partner is None:
                ctx.emit(CommandRefused(unknown("partner of this level", command.partner, partners), command))
            elif isinstance(command, ProposeAgreement):
                self._propose(desk, partner, command)
            elif isinstance(command, ConsultPartner):
                self._consult(partner, command)
            elif isinstance(command, ShareData):
                self._share(partner, command, partners)
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
        name = partner.spec.name  # level text, shown in the player's language
        if partner.talks_resume_hour is not None and hour >= partner.talks_resume_hour:
            partner.talks_open, partner.rounds_left, partner.talks_resume_hour = True, partner.spec.patience, None
        if not partner.talks_open:
            if partner.talks_resume_hour is not None:
                ctx.emit(CommandRefused(say("Talks with {name} are not open; they reopen on day {day:.0f}.", name=name,
                                            day=partner.talks_resume_hour / HOURS_PER_DAY), command))
            else:
                ctx.emit(CommandRefused(say("Talks with {name} are not open, and the level has not opened them yet.",
                                            name=name), command))
            return
        offer = command.offer
        problem = offer_problem(offer)
        if problem is not None:
            ctx.emit(CommandRefused(say("The offer to {name} cannot be made: {problem}.", name=name, problem=problem),
                                    command))
            return
        signed = _active_agreement_on(partner.spec.id, offer)
        if signed is not None:
            # Signing the same terms twice would pay the same funding and trust again for nothing new.
            ctx.emit(CommandRefused(say("Agreement {number} with {name} already holds these terms; change them to "
                                        "propose another agreement.", number=signed.number, name=name), command))
            return
        state = programme_state(ctx)
        answer = respond(offer, partner.spec, partner.trust, state, partner.rounds_left)
        partner.rounds_left = answer.rounds_left
        partner.last_answer = Answer(answer.decision, answer.text, offer, answer.counter, hour)
        ctx.emit(OfferAnswered(partner.spec.id, answer.decision, answer.text, command))
        self._remember(partner, answer.text)
        if answer.decision == "accept":
            self._sign(desk, partner, offer)
        elif answer.decision == "decline" and answer.rounds_left == 0:
            partner.talks_open = False
            partner.talks_resume_hour = hour + TALKS_PAUSE_DAYS * HOURS_PER_DAY
            self._trust(partner, trust_rules.TRUST.talks_broken_off, say("{name} is disappointed by the talks.",
                                                                          name=name))

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
        name = partner.spec.name
        partner.rounds_left = partner.spec.patience  # the next deal starts fresh talks
        if not partner.member:
            partner.member = True
            ctx.emit(PartnerJoined(partner.spec.id, say("{name} joins the programme.", name=name)))
        ctx.emit(AgreementSigned(partner.spec.id, number, say("Agreement {number} with {name} is signed.",
                                                              number=number, name=name)))
        self._trust(partner, trust_rules.TRUST.agreement_signed, say("{name} signs agreement {number}.", name=name,
                                                                     number=number))

    def _consult(self, partner: Partner, command: ConsultPartner) -> None:
        ctx = self.ctx
        name = partner.spec.name
        topic = command.topic
        if topic not in CONSULT_TOPICS:
            ctx.emit(CommandRefused(say("'{topic}' is not a topic to consult on; choose {topics}.", topic=topic,
                                        topics=list(CONSULT_TOPICS)), command))
            return
        hour = ctx.station.hour
        last_on_topic = partner.consulted_topics.get(topic)
        days_since = None if last_on_topic is None else (hour - last_on_topic) / HOURS_PER_DAY
        change = trust_rules.consult_change(days_since, partner.trust)
        partner.last_consulted_hour = hour  # any consultation keeps a member from feeling ignored
        view = _their_view(partner, topic, ctx.catalog.modules)
        if days_since is not None and days_since < trust_rules.TRUST.topic_period_days:
            # The period runs from the last valued consultation on this topic, so it is not renewed here.
            self._trust(partner, 0.0, say_n(
                "{name} was consulted on {topic} only {count} day ago: routine; {view}",
                "{name} was consulted on {topic} only {count} days ago: routine; {view}",
                round(days_since), name=name, topic=CONSULT_TOPICS[topic], view=view),
                        ease=False, command=command)
            return
        partner.consulted_topics[topic] = hour
        if change == 0.0:
            self._trust(partner, 0.0, say("{name} was consulted on {topic}: {view} Being asked no longer raises their "
                                          "trust; kept promises and shared results still can.",
                                          name=name, topic=CONSULT_TOPICS[topic], view=view), ease=False,
                        command=command)
        else:
            self._trust(partner, change, say("{name} was consulted on {topic}: {view}", name=name,
                                             topic=CONSULT_TOPICS[topic], view=view), ease=False, command=command)

    def _share(self, partner: Partner, command: ShareData, partners: dict[str, Partner]) -> None:
        """Sends a partner the station's new data in a domain. With the joint data centre (a level's
        `data_centre`), data shared with a member is pooled: every other member that cares for the domain
        receives its new data too, and each credits the station for it."""
        ctx = self.ctx
        domain = command.domain
        if domain not in SCIENCE_DOMAINS:
            ctx.emit(CommandRefused(say("'{domain}' is not a science domain; choose {domains}.", domain=domain,
                                        domains=list(SCIENCE_DOMAINS)), command))
            return
        if ctx.station.science.get(domain, 0.0) - partner.shared_science.get(domain, 0.0) <= 1e-9:
            ctx.emit(CommandRefused(say("There is no new data on {domain} to share with {name}: the station must "
                                        "send some home first.", domain=domain_name(domain), name=partner.spec.name),
                                    command))
            return
        self._send_data(partner, command, pooled=False)
        if not (ctx.level.data_centre and partner.member):
            return
        for other_id in sorted(partners):
            other = partners[other_id]
            fresh = ctx.station.science.get(domain, 0.0) - other.shared_science.get(domain, 0.0) > 1e-9
            if other is not partner and other.member and fresh and interest_in(other.spec, domain) > 0:
                self._send_data(other, command, pooled=True)

    def _send_data(self, partner: Partner, command: ShareData, pooled: bool) -> None:
        ctx = self.ctx
        name = partner.spec.name
        domain = command.domain
        sent = ctx.station.science.get(domain, 0.0)
        new = sent - partner.shared_science.get(domain, 0.0)
        partner.shared_science[domain] = sent
        hour = ctx.station.hour
        last = partner.shared_hours.get(domain)
        days_since = None if last is None else (hour - last) / HOURS_PER_DAY
        change = trust_rules.data_share_change(interest_in(partner.spec, domain), partner.trust, days_since)
        if days_since is not None and days_since < trust_rules.TRUST.share_period_days:
            # The points are a counted phrase of their own, so each number takes its own plural form.
            points = say_n("{count:.1f} point", "{count:.1f} points", round(new, 1))
            text = say_n("{name} received {points} (game value) of new data on {domain}. They had some {count} day "
                         "ago: welcome, but routine.",
                         "{name} received {points} (game value) of new data on {domain}. They had some {count} days "
                         "ago: welcome, but routine.", round(days_since), name=name, points=points,
                         domain=domain_name(domain))
        elif pooled:
            text = say_n("{name} received {count:.1f} point (game value) of new data on {domain} through the "
                         "joint data centre.",
                         "{name} received {count:.1f} points (game value) of new data on {domain} through the "
                         "joint data centre.",
                         round(new, 1), name=name, domain=domain_name(domain))
            partner.shared_hours[domain] = hour
        else:
            text = say_n("{name} received {count:.1f} point (game value) of new data on {domain}.",
                         "{name} received {count:.1f} points (game value) of new data on {domain}.", round(new, 1),
                         name=name, domain=domain_name(domain))
            partner.shared_hours[domain] = hour
        self._trust(partner, change, text, ease=False, command=command)

    # --- agreements -------------------------------------------------------------------------------

    def _deliverables(self, partner: Partner, offer: Offer) -> list[Deliverable]:
        ctx = self.ctx
        hour = ctx.station.hour
        end = round(ctx.level.time_limit_days * HOURS_PER_DAY) - 1
        remaining_days = max(0.0, (end - hour) / HOURS_PER_DAY)
        periods = max(1, min(MAX_INSTALMENTS, int(remaining_days // INSTALMENT_DAYS)))
        names: dict[str, object] = {module_id: spec.name for module_id, spec in ctx.catalog.modules.items()}

        def due(days: float) -> int:
            return hour + round(days * HOURS_PER_DAY)

        items: list[Deliverable] = []
        if offer.funding_per_year > 0:
            amount = offer.funding_per_year * INSTALMENT_DAYS * HOURS_PER_DAY / HOURS_PER_YEAR
            for number in range(1, periods + 1):
                items.append(Deliverable("partner", "funding", say_n(
                    "Instalment {number} of {periods}: {count:.1f} credit (game value)",
                    "Instalment {number} of {periods}: {count:.1f} credits (game value)", round(amount, 1),
                    number=number, periods=periods),
                                         due(number * INSTALMENT_DAYS), amount=amount))
        for module in offer.modules:
            arrives = say("Their {module} arrives", module=names.get(module, module))
            items.append(Deliverable("partner", "module", arrives, due(MODULE_LEAD_DAYS), detail=module))
        for number in range(1, offer.launches + 1):
            items.append(Deliverable("partner", "launch", say("Launch {number} of {launches}", number=number,
                                                              launches=offer.launches),
                                     due(LAUNCH_LEAD_DAYS * number)))
        favourite = favourite_domain(partner.spec)
        for number in range(1, offer.instruments + 1):
            items.append(Deliverable("partner", "instrument", say("Instrument {number} starts on {domain}",
                                                                  number=number, domain=domain_name(favourite)),
                                     due(INSTRUMENT_LEAD_DAYS), detail=favourite))
        for domain in offer.data_share:
            for number in range(1, periods + 1):
                promise = say("Send home new data on {domain} ({number} of {periods})", domain=domain_name(domain),
                              number=number, periods=periods)
                items.append(Deliverable("player", "data_share", promise, due(number * INSTALMENT_DAYS), detail=domain))
        if offer.payload_kg > 0:
            charge = offer.payload_kg * PAYLOAD_CREDITS_PER_KG
            items.append(Deliverable("player", "payload_mass", say_n(
                "Carry {mass} of their payload: {count:,} credit (game value)",
                "Carry {mass} of their payload: {count:,} credits (game value)",
                round(charge), mass=Quantity(offer.payload_kg, KILOGRAM)),
                                     due(PAYLOAD_DUE_DAYS), amount=charge))
        for number in range(1, offer.crew_seats + 1):
            items.append(Deliverable("player", "crew_seat", say("Fly their astronaut (seat {number})", number=number),
                                     min(due(CREW_SEAT_DUE_DAYS), max(end, hour + 1))))
        if offer.host_module is not None:
            items.append(Deliverable("player", "host_module", say("Their {module} stands working at the base",
                                                                  module=names.get(offer.host_module,
                                                                                   offer.host_module)),
                                     due(HOSTING_DUE_DAYS), detail=offer.host_module))
        if offer.co_lead is not None:
            items.append(Deliverable("player", "co_lead_domain", say("Joint {domain} results sent home",
                                                                     domain=domain_name(offer.co_lead)),
                                     due(CO_LEAD_DUE_DAYS), detail=offer.co_lead))
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
        name = partner.spec.name
        item.state = "met"
        text: Message
        if item.kind == "funding":
            factor = trust_rules.return_factor(partner.trust)
            paid = item.amount * factor
            station.budget += paid
            if abs(factor - 1) >= 0.005:
                text = say_n("{name} paid {count:.1f} credit (game value): {mood} for their trust in the programme "
                             "(game value).",
                             "{name} paid {count:.1f} credits (game value): {mood} for their trust in the programme "
                             "(game value).",
                             round(paid, 1), name=name, mood=Percent(factor - 1, signed=True))
            else:
                text = say_n("{name} paid {count:.1f} credit (game value).",
                             "{name} paid {count:.1f} credits (game value).", round(paid, 1), name=name)
        elif item.kind == "module":
            text = self._module_arrives(desk, partner, ctx.catalog.modules[item.detail])
        elif item.kind == "launch":
            costs = [ctx.catalog.launch_vehicles[v].cost for v in ctx.level.launch_vehicles
                     if v in ctx.catalog.launch_vehicles]
            saved = min(costs) if costs else LAUNCH_CREDITS
            station.budget += saved
            text = say("{name} flew a launch for the programme, saving {saved:.0f} credits (game value).", name=name,
                       saved=saved)
        else:  # instrument
            desk.instruments.append((partner.spec.id, item.detail))
            text = say("{name}'s instrument is working: it adds {domain} science every day.", name=name,
                       domain=domain_name(item.detail))
        ctx.emit(ContributionArrived(partner.spec.id, agreement.number, item.kind, text))
        self._remember(partner, text)

    def _module_arrives(self, desk: DiplomacyDesk, partner: Partner, spec: ModuleSpec) -> Message:
        """The partner's module flies on its own launch and lands into assembly at the first free good spot."""
        ctx = self.ctx
        name = partner.spec.name
        spot = _free_spot(ctx, spec)
        if spot is None:
            ctx.station.budget += spec.cost
            return say_n("{name}'s {module} found no free ground, so they paid its {count:,} credit (game value) "
                         "instead.",
                         "{name}'s {module} found no free ground, so they paid its {count:,} credits (game value) "
                         "instead.",
                         round(spec.cost), name=name, module=spec.name)
        entity = spawn_module(ctx, spec, spot[0], spot[1], built=False)
        recount_capacity(ctx)
        desk.contributed[entity] = partner.spec.id
        return say("{name}'s {module} landed at ({x}, {y}) and is being assembled.", name=name, module=spec.name,
                   x=spot[0], y=spot[1])

    def _fall_due(self, desk: DiplomacyDesk, agreement: Agreement, partner: Partner, item: Deliverable) -> None:
        ctx = self.ctx
        station = ctx.station
        name = partner.spec.name
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
        # The promise's own words go in as a value, with a small first letter mid-sentence.
        if kept:
            text = say("Promise to {name} kept: {promise!l}.", name=name, promise=item.text)
        else:
            text = say("Promise to {name} broken: {promise!l}.", name=name, promise=item.text)
        ctx.emit(PromiseSettled(partner.spec.id, agreement.number, kept, text))
        changes = trust_rules.TRUST
        self._trust(partner, changes.promise_kept if kept else changes.promise_broken, text)

    def _default(self, partner: Partner, why: str) -> None:
        name = partner.spec.name
        for _, agreement in esper.get_component(Agreement):
            if agreement.partner != partner.spec.id or agreement.state != "active":
                continue
            for item in agreement.deliverables:
                if item.state == "pending":
                    item.state = "cancelled"
            agreement.state = "defaulted"
            text = say("{name} defaults on agreement {number}: {why}", name=name, number=agreement.number, why=why)
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
                module_name = esper.component_for_entity(entity, Module).spec.name
                text = say("The {module} from {name} is built: joint construction.", module=module_name,
                           name=partner.spec.name)
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
                ignored = say_n("{name} has not been consulted for {count} day.",
                                "{name} has not been consulted for {count} days.", round(days), name=partner.spec.name)
                self._trust(partner, trust_rules.TRUST.ignored, ignored)
            if trust_rules.loses_faith(partner.trust):
                self._default(partner, say("it has lost faith in the programme (trust {trust:.0f} of 100, a game "
                                           "value).", trust=partner.trust))

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
        text = level_text(event.text)  # the level's own words, in the player's language
        name = partner.spec.name
        if effect.trust:
            self._trust(partner, effect.trust, text, ease=False)
        if effect.default_agreement:
            self._default(partner, text)
        if effect.open_talks:
            partner.talks_open, partner.rounds_left, partner.talks_resume_hour = True, partner.spec.patience, None
            self._remember(partner, say("Talks with {name} open: {text}", name=name, text=text))
        if effect.join and not partner.member:
            partner.member = True
            self.ctx.emit(PartnerJoined(partner.spec.id, say("{name} joins the programme: {text}", name=name,
                                                             text=text)))
            self._remember(partner, say("{name} joins the programme.", name=name))

    # --- bookkeeping ------------------------------------------------------------------------------

    def _trust(self, partner: Partner, change: float, text: str, ease: bool = True,
               command: ConsultPartner | ShareData | None = None) -> None:
        """Moves a partner's trust; a gain is eased as trust nears 100 unless `ease` is off (a level's
        event sets its own change, and consulting has its own ceiling). `command` is what moved it, if any."""
        if ease:
            change = trust_rules.eased(partner.trust, change)
        partner.trust = trust_rules.changed(partner.trust, change)
        self.ctx.emit(TrustChanged(partner.spec.id, partner.trust, change, text, command))
        # The change is part of the remembered sentence (not glued on), so the line still translates whole; it comes
        # first, with its status, because the roster cuts a long line's end.
        self._remember(partner, say("Trust {change} (game value): {text}", text=text, change=signed_points(change))
                       if abs(change) >= 0.5 else text)

    def _remember(self, partner: Partner, text: str) -> None:
        partner.history.append(say("Day {day:.0f}: {text}", day=self.ctx.station.hour / HOURS_PER_DAY, text=text))
        del partner.history[:-HISTORY_LENGTH]


def _active_agreement_on(partner_id: str, offer: Offer) -> Agreement | None:
    """The partner's active agreement on exactly these terms, if there is one."""
    return next((agreement for _, agreement in sorted(esper.get_component(Agreement), key=lambda pair: pair[1].number)
                 if agreement.partner == partner_id and agreement.state == "active" and agreement.offer == offer), None)


def _their_view(partner: Partner, topic: str, modules: dict[str, ModuleSpec]) -> Message:
    """What a consulted partner says, from its own data: one sentence a student reads."""
    spec = partner.spec
    favourite = favourite_domain(spec)
    if topic == "modules" and spec.capabilities.modules:
        offered = [modules[m].name if m in modules else m for m in spec.capabilities.modules]
        return say("they could build {modules}.", modules=offered)
    if topic == "science":
        return say("they would put {domain} first.", domain=domain_name(favourite))
    return say("they back the plan, with {domain} in mind.", domain=domain_name(favourite))


def _free_spot(ctx: SimContext, spec: ModuleSpec) -> tuple[int, int] | None:
    """Where a contributed module lands: the first spot, row by row, where it may stand, gets power and a pad
    reaches it (so assembly starts); failing that, one a pad reaches; failing that, any. The same every run."""
    on_the_map = modules_on_map(ctx)
    allowed = [
        (x, y) for y in range(ctx.grid.height) for x in range(ctx.grid.width)
        if may_stand(spec, x, y, ctx.grid, ctx.occupied, standing=on_the_map)
    ]
    for x, y in allowed:
        cells = tuple(footprint_cells(x, y, spec.footprint))
        if power_reaches(ctx, spec, cells) and pad_reaches(ctx, spec, cells):
            return x, y
    for x, y in allowed:  # no powered spot the pad reaches: at least one where assembly can start
        if pad_reaches(ctx, spec, tuple(footprint_cells(x, y, spec.footprint))):
            return x, y
    return allowed[0] if allowed else None


# --- queries the session shares -------------------------------------------------------------------


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
    for _, instrument_domain in ctx.desk.instruments:
        producing.setdefault(instrument_domain, "")  # a partner's instrument, already working
    vehicles = [ctx.catalog.launch_vehicles[v] for v in ctx.level.launch_vehicles if v in ctx.catalog.launch_vehicles]
    biggest = max(vehicles, key=lambda vehicle: vehicle.payload_to_surface_kg, default=None)
    largest = biggest.payload_to_surface_kg if biggest is not None else 0.0
    standing_ids = {spec.id for _, spec in standing}
    hostable = frozenset(
        module_id for module_id, spec in ctx.catalog.modules.items()
        if module_id in standing_ids
        or ((not vehicles or spec.mass_kg <= largest) and spec.cost <= ctx.station.budget)
    )
    crewed = ctx.station.crew > 0 or any(spec.crew_capacity > 0 for _, spec in standing)
    return ProgrammeState(ctx.level.programme, dict(ctx.station.science), members, names, producing, hostable,
                          largest, GAME_VALUE if biggest is None else biggest.figure("payload_to_surface_kg"), crewed)
