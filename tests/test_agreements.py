"""Agreements over time: signing, contributions on their dates, promises falling due, trust, defaults, replays."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pydantic
import pytest

from game.content.loader import load_level_by_path
from game.ecs import events
from game.ecs.commands import (
    Command,
    ConsultPartner,
    ProposeAgreement,
    ShareData,
    command_from_json,
    command_to_json,
)
from game.rules import trust
from game.rules.hours import HOURS_PER_DAY
from game.rules.negotiation import Offer
from game.simulation.simulation import Simulation
from game.simulation.views import PartnerView
from game.systems.agreements import INSTALMENT_DAYS, MODULE_LEAD_DAYS
from tests.sim_helpers import small_level

DAY = HOURS_PER_DAY
MOD_LEVEL = Path(__file__).parent / "fixtures" / "partner_mod" / "club_level.toml"
ROWS = ["..........", "..^^......", "..^^......", "..........", "##........"]
GENEROUS = ProposeAgreement("cnsa", Offer(funding_per_year=120, data_share=("geology",), co_lead="geology"))


@pytest.fixture
def make_sim() -> Iterator[Any]:
    made: list[Simulation] = []

    def make(days: float = 400, partners: list[dict[str, Any]] | None = None, **overrides: Any) -> Simulation:
        level, catalog = small_level(
            ROWS, [{"module": "solar_array", "x": 2, "y": 1}], time_limit_days=days,
            partners=partners if partners is not None else [{"partner": "cnsa"}, {"partner": "roscosmos"}],
            **overrides,
        )
        made.append(Simulation(level, catalog))
        return made[-1]

    yield make
    for sim in made:
        sim.close()


def partner_view(sim: Simulation, partner_id: str) -> PartnerView:
    return next(view for view in sim.snapshot().partners if view.id == partner_id)


def of_kind(happened: list[Any], kind: type) -> list[Any]:
    return [event for event in happened if isinstance(event, kind)]


def test_a_signed_agreement_lists_deliverables_with_their_deadlines(make_sim: Any) -> None:
    sim = make_sim(days=100)
    sim.queue(GENEROUS)
    happened = sim.step()
    assert [e.decision for e in of_kind(happened, events.OfferAnswered)] == ["accept"]
    assert of_kind(happened, events.AgreementSigned)
    agreement = sim.snapshot().agreements[0]
    assert agreement.state == "active" and agreement.partner_name.startswith("China National Space")
    due = [(item.owed_by, round(item.due_day)) for item in agreement.deliverables]
    # 99 days left: three monthly instalments, three data checks, co-leadership due at day 60.
    assert due.count(("partner", 30)) == 1 and due.count(("partner", 90)) == 1
    assert ("player", 60) in due and len([d for d in due if d[0] == "player"]) == 4
    assert "They pay 120 credits a year (game value)" in agreement.terms


def test_funding_arrives_on_its_date_and_trust_adds_to_it(make_sim: Any) -> None:
    sim = make_sim(days=100)
    sim.queue(GENEROUS)
    sim.step()
    sim.run_hours(INSTALMENT_DAYS * DAY - 1)
    before, trust_now = sim.snapshot().budget, partner_view(sim, "cnsa").trust
    happened = sim.step()
    arrived = of_kind(happened, events.ContributionArrived)
    assert [event.kind for event in arrived] == ["funding"]
    instalment = 120 * INSTALMENT_DAYS / 365.25
    assert sim.snapshot().budget - before == pytest.approx(instalment * trust.return_factor(trust_now), rel=1e-6)


@pytest.mark.parametrize(("science_sent", "kept", "state"), [(True, True, "kept"), (False, False, "broken")])
def test_a_data_share_promise_is_kept_only_when_science_in_that_domain_was_sent(
    make_sim: Any, science_sent: bool, kept: bool, state: str
) -> None:
    sim = make_sim(days=40)
    sim.queue(ProposeAgreement("cnsa", Offer(funding_per_year=60, data_share=("geology",))))
    sim.step()
    if science_sent:  # as if a working lab had sent its geology points home through the link
        sim.ctx.station.science["geology"] = 4.0
    happened = sim.run_hours(INSTALMENT_DAYS * DAY)
    settled = of_kind(happened, events.PromiseSettled)
    assert [event.kept for event in settled] == [kept]
    promised = [event for event in of_kind(happened, events.TrustChanged) if event.text == settled[0].text]
    before = promised[0].trust - promised[0].change
    change = trust.eased(before, trust.TRUST.promise_kept) if kept else trust.TRUST.promise_broken
    assert [event.change for event in promised] == [pytest.approx(change)]
    assert settled[0].text.startswith(f"Promise to China National Space Administration (CNSA) {state}")
    assert sim.snapshot().agreements[0].state == state


def test_a_partner_defaults_under_a_level_event(make_sim: Any) -> None:
    default = {"id": "cuts", "kind": "partner", "day": 5, "text": "Budget cuts stop the payments.",
               "effect": {"partner": "cnsa", "default_agreement": True}}
    sim = make_sim(days=100, events=[default])
    sim.queue(GENEROUS)
    happened = sim.run_hours(6 * DAY)
    defaulted = of_kind(happened, events.AgreementDefaulted)
    assert len(defaulted) == 1 and "Budget cuts stop the payments." in defaulted[0].text
    agreement = sim.snapshot().agreements[0]
    assert agreement.state == "defaulted"
    assert {item.state for item in agreement.deliverables} == {"cancelled"}
    assert not of_kind(sim.run_hours(40 * DAY), events.ContributionArrived)


def test_a_partner_that_loses_faith_defaults(make_sim: Any) -> None:
    blow = {"id": "scandal", "kind": "partner", "day": 3, "text": "A row over data.",
            "effect": {"partner": "cnsa", "trust": -70}}
    sim = make_sim(days=100, events=[blow])
    sim.queue(GENEROUS)
    happened = sim.run_hours(5 * DAY)
    assert partner_view(sim, "cnsa").trust < trust.TRUST.default_below
    assert "lost faith" in of_kind(happened, events.AgreementDefaulted)[0].text


def test_a_contributed_module_lands_and_building_it_raises_trust(make_sim: Any) -> None:
    sim = make_sim(days=100)
    sim.queue(ProposeAgreement("cnsa", Offer(modules=("solar_array",), data_share=("geology", "resource_use"))))
    happened = sim.run_hours((MODULE_LEAD_DAYS + 5) * DAY)
    assert [event.kind for event in of_kind(happened, events.ContributionArrived)] == ["module"]
    assert len([view for view in sim.snapshot().modules if view.module_id == "solar_array"]) == 2
    built = [event for event in of_kind(happened, events.TrustChanged) if "joint construction" in event.text]
    assert len(built) == 1
    assert built[0].change == pytest.approx(trust.eased(built[0].trust - built[0].change, trust.TRUST.module_built))


def test_consulting_raises_trust_routine_asking_does_not_and_silence_costs(make_sim: Any) -> None:
    sim = make_sim(days=100, partners=[{"partner": "cnsa", "trust": 50}, {"partner": "roscosmos"}])
    start = partner_view(sim, "cnsa").trust
    sim.queue(ConsultPartner("cnsa", "science"))
    sim.step()
    assert partner_view(sim, "cnsa").trust == start + trust.TRUST.consulted
    sim.run_hours(DAY)
    sim.queue(ConsultPartner("cnsa", "modules"))  # another topic: valued too
    sim.step()
    assert partner_view(sim, "cnsa").trust == start + 2 * trust.TRUST.consulted
    sim.run_hours(DAY)
    sim.queue(ConsultPartner("cnsa", "science"))  # the same topic two days later: routine
    sim.step()
    assert partner_view(sim, "cnsa").trust == start + 2 * trust.TRUST.consulted
    assert "routine" in partner_view(sim, "cnsa").history[-1]
    roscosmos = partner_view(sim, "roscosmos").trust
    sim.run_hours(31 * DAY)
    assert partner_view(sim, "roscosmos").trust == roscosmos + trust.TRUST.ignored
    assert any("not been consulted" in line for line in partner_view(sim, "roscosmos").history)


def test_sharing_data_needs_new_data_and_pleases_as_much_as_they_care(make_sim: Any) -> None:
    sim = make_sim(partners=[{"partner": "cnsa", "trust": 50}])
    sim.queue(ShareData("cnsa", "geology"))
    refused = of_kind(sim.step(), events.CommandRefused)
    assert "no new data on lunar geology" in refused[0].reason
    sim.ctx.station.science["geology"] = 2.0
    start = partner_view(sim, "cnsa").trust
    sim.queue(ShareData("cnsa", "geology"))
    sim.step()
    interest = sim.ctx.catalog.partners["cnsa"].interests["geology"]
    assert partner_view(sim, "cnsa").trust == pytest.approx(start + trust.TRUST.data_shared * interest)
    sim.ctx.station.science["geology"] = 3.0  # new data a few days later: sent, welcome, but routine
    sim.run_hours(5 * DAY)
    sim.queue(ShareData("cnsa", "geology"))
    sim.step()
    assert partner_view(sim, "cnsa").trust == pytest.approx(start + trust.TRUST.data_shared * interest)
    assert "routine" in partner_view(sim, "cnsa").history[-1]


@pytest.mark.parametrize("data_centre", [False, True])
def test_the_joint_data_centre_pools_data_shared_with_a_member(make_sim: Any, data_centre: bool) -> None:
    sim = make_sim(partners=[{"partner": "cnsa", "trust": 50}, {"partner": "roscosmos", "trust": 50}],
                   data_centre=data_centre)
    sim.ctx.station.science["geology"] = 2.0
    before = partner_view(sim, "roscosmos").trust
    sim.queue(ShareData("cnsa", "geology"))
    sim.step()
    roscosmos = partner_view(sim, "roscosmos")
    if data_centre:
        interest = sim.ctx.catalog.partners["roscosmos"].interests["geology"]
        assert roscosmos.trust == pytest.approx(before + trust.TRUST.data_shared * interest)
        assert "through the joint data centre" in roscosmos.history[-1]
    else:
        assert roscosmos.trust == before


TOPICS = tuple(trust.CONSULT_TOPICS)


@pytest.mark.parametrize(
    ("start", "every_days", "rotate_topics", "ceiling"),
    [
        (50, 1, True, trust.TRUST.consult_ceiling),  # a student who consults every partner every day on every topic
        (50, 10, True, trust.TRUST.consult_ceiling),  # the automated player's habit
        (50, 1, False, 80.0),  # always the same topic: valued once a month, so it climbs slower
        (75, 1, True, trust.TRUST.consult_ceiling),  # Roscosmos's starting trust
        (90, 1, True, 90.0),  # above the ceiling for words, consulting adds nothing (and keeps off "ignored")
    ],
)
def test_a_year_of_consulting_alone_keeps_trust_below_a_ceiling(
    make_sim: Any, start: float, every_days: int, rotate_topics: bool, ceiling: float
) -> None:
    sim = make_sim(days=400, partners=[{"partner": "cnsa", "trust": start}])
    script = [(day * DAY, ConsultPartner("cnsa", TOPICS[(day // every_days) % 4] if rotate_topics else "site"))
              for day in range(0, 365, every_days)]
    sim.run_hours(365 * DAY, script)
    after = partner_view(sim, "cnsa").trust
    assert after <= ceiling < 100
    assert after >= min(start, ceiling)  # consulted regularly, it never feels ignored


@pytest.mark.parametrize(
    ("command", "sentence"),
    [
        (ProposeAgreement("cnsaa", Offer(funding_per_year=10)), "did you mean 'cnsa'"),
        (ProposeAgreement("cnsa", Offer()), "asks nothing of them"),
        (ProposeAgreement("cnsa", Offer(funding_per_year=10, data_share=("astrology",))), "not a science domain"),
        (ConsultPartner("cnsa", "weather"), "not a topic to consult on"),
        (ShareData("cnsa", "music"), "not a science domain"),
    ],
)
def test_bad_input_gets_one_clear_sentence(make_sim: Any, command: Any, sentence: str) -> None:
    sim = make_sim()
    sim.queue(command)
    refused = of_kind(sim.step(), events.CommandRefused)
    assert len(refused) == 1 and sentence in refused[0].reason


def test_talks_break_off_and_reopen_later(make_sim: Any) -> None:
    sim = make_sim(partners=[{"partner": "roscosmos", "trust": 50}])
    for _ in range(5):
        sim.queue(ProposeAgreement("roscosmos", Offer(funding_per_year=300, launches=1)))
        sim.step()
    view = partner_view(sim, "roscosmos")
    assert view.rounds_left == 0 and not view.talks_open
    assert view.trust == 50 + trust.TRUST.talks_broken_off
    sim.queue(ProposeAgreement("roscosmos", Offer(funding_per_year=10)))
    assert "reopen on day 30" in of_kind(sim.step(), events.CommandRefused)[0].reason


def test_diplomacy_commands_survive_json_and_replay_to_the_same_state(make_sim: Any) -> None:
    script: list[tuple[int, Command]] = [
        (0, ConsultPartner("cnsa", "site")),
        (2, ProposeAgreement("roscosmos", Offer(funding_per_year=100, modules=("laboratory",)))),
        (3, GENEROUS),
        (40, ShareData("cnsa", "geology")),
    ]
    for _, command in script:
        assert command_from_json(command_to_json(command)) == command
    reread = [(hour, command_from_json(command_to_json(command))) for hour, command in script]
    first, second = make_sim(days=100, seed=7), make_sim(days=100, seed=7)
    first.run_hours(70 * DAY, script)
    second.run_hours(70 * DAY, reread)
    assert first.state_hash() == second.state_hash()
    assert first.snapshot().agreements == second.snapshot().agreements


def test_a_partner_from_a_mod_alone_negotiates_joins_and_signs() -> None:
    loaded = load_level_by_path(MOD_LEVEL)
    assert loaded.problems == []
    level, catalog = loaded.require()
    sim = Simulation(level, catalog)
    try:
        sim.queue(ProposeAgreement("school_club", Offer(funding_per_year=6, data_share=("astronomy",))))
        assert "not open" in of_kind(sim.step(), events.CommandRefused)[0].reason
        sim.run_hours(2 * DAY + 1)  # the event fires at day 2; its partner effect the hour after
        assert partner_view(sim, "school_club").talks_open
        blocked = sim.evaluate_offer("school_club", Offer(funding_per_year=6, launches=1))
        assert any("school's rules" in text for text in blocked.blocked)
        sim.queue(ProposeAgreement("school_club", Offer(funding_per_year=4, data_share=("astronomy",))))
        happened = sim.step()
        assert of_kind(happened, events.PartnerJoined) and of_kind(happened, events.AgreementSigned)
        assert partner_view(sim, "school_club").member
    finally:
        sim.close()


def test_a_partner_event_must_name_a_partner_of_the_level() -> None:
    with pytest.raises(pydantic.ValidationError, match="not in the level's \\[\\[partners\\]\\]"):
        small_level(ROWS, [], partners=[{"partner": "cnsa"}],
                    events=[{"id": "x", "kind": "partner", "day": 1, "text": "X",
                             "effect": {"partner": "egypt", "join": True}}])


@pytest.mark.parametrize(
    ("data", "sentence"),
    [
        ({"kind": "propose", "partner": "cnsa", "modules": "laboratory"}, "'modules' must be a list of ids"),
        ({"kind": "propose", "partner": "cnsa", "funding_per_year": "100"}, "'funding_per_year' must be a number"),
        ({"kind": "consult", "partner": "cnsa"}, "wrong keys"),
    ],
)
def test_a_hand_written_diplomacy_command_that_is_wrong_gets_a_sentence(data: dict[str, Any], sentence: str) -> None:
    with pytest.raises(ValueError, match=sentence):
        command_from_json(data)


def test_proposing_the_same_accepted_offer_again_is_refused_not_signed_twice(make_sim: Any) -> None:
    sim = make_sim(days=100)
    sim.queue(GENEROUS)
    sim.step()
    trust_after_signing = partner_view(sim, "cnsa").trust
    sim.queue(GENEROUS)
    happened = sim.step()
    refusals = of_kind(happened, events.CommandRefused)
    assert len(refusals) == 1 and "already holds these terms" in refusals[0].reason
    assert not of_kind(happened, events.AgreementSigned) and not of_kind(happened, events.OfferAnswered)
    assert len(sim.snapshot().agreements) == 1
    assert partner_view(sim, "cnsa").trust == trust_after_signing  # no second signing's trust
    # Other terms are a new deal, and may be signed beside the first.
    sim.queue(ProposeAgreement("cnsa", Offer(funding_per_year=60, data_share=("geology",))))
    assert of_kind(sim.step(), events.AgreementSigned)
    assert len(sim.snapshot().agreements) == 2
