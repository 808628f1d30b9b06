"""Negotiation rules: a partner's evaluation, its reasons, laws that rule terms out, counter-offers and patience."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.content.loader import load_base_catalog
from game.content.models import SCIENCE_DOMAINS, PartnerSpec
from game.rules import trust
from game.rules.negotiation import (
    NOTHING_IN_RETURN,
    Offer,
    ProgrammeState,
    counter_offer,
    evaluate,
    favourite_domain,
    offer_problem,
    payload_room,
    respond,
)


def partner(**overrides: Any) -> PartnerSpec:
    """An astronomy-minded test partner with modest means: every number here is the test's own."""
    data: dict[str, Any] = {
        "id": "tester",
        "name": "Test Agency",
        "kind": "agency",
        "profile": "A partner for tests.",
        "interests": {"geology": 0.2, "astronomy": 0.9, "space_environment": 0.5, "basic_physics": 0.3,
                      "resource_use": 0.1},
        "capabilities": {"funding_per_year": 100.0, "modules": ["observatory"], "launches": 1,
                         "instruments": ["A telescope"], "crew_candidates": 1},
        "asks": ["data_share", "co_lead_domain"],
        "starting_trust": 50.0,
        "sources": ["https://example.org/test-agency"],
    }
    data.update(overrides)
    return PartnerSpec.model_validate(data)


NO_SCIENCE = ProgrammeState()
WITH_SCIENCE = ProgrammeState(science={domain: 50.0 for domain in SCIENCE_DOMAINS})
# A station that makes every kind of science, could host any module, has crew and flies a 1500 kg lander:
# a counter may ask for anything here.
CAN_GIVE_ALL = ProgrammeState(producing={domain: "laboratory" for domain in SCIENCE_DOMAINS},
                              hostable=frozenset({"observatory", "laboratory", "fission_power_unit"}),
                              largest_payload_kg=1500.0, crewed=True)


def texts(offer: Offer, spec: PartnerSpec | None = None, trust_now: float = 50.0,
          state: ProgrammeState = NO_SCIENCE) -> str:
    return " | ".join(reason.text for reason in evaluate(offer, spec or partner(), trust_now, state).reasons)


@pytest.mark.parametrize(
    ("offer", "acceptable"),
    [
        (Offer(funding_per_year=10, data_share=("astronomy",)), True),
        (Offer(funding_per_year=100), False),  # their whole budget for nothing in return
        (Offer(funding_per_year=50, co_lead="astronomy", data_share=("astronomy",)), True),
        (Offer(funding_per_year=50, co_lead="resource_use"), False),  # co-leading what they barely care for
        (Offer(modules=("observatory",), data_share=("astronomy", "space_environment")), True),
        (Offer(launches=1), False),
    ],
)
def test_evaluation_weighs_what_they_get_against_what_they_give(offer: Offer, acceptable: bool) -> None:
    assert evaluate(offer, partner(), 50.0, NO_SCIENCE).acceptable is acceptable


@pytest.mark.parametrize(
    ("offer", "expected"),
    [
        (Offer(funding_per_year=10, data_share=("geology",)),
         "They care most about astronomy from the Moon; this offer gives them none of it."),
        (Offer(funding_per_year=10), "They asked for co-leadership of a science domain; this offer gives them none."),
        (Offer(funding_per_year=25),
         "Paying 25 credits a year (game value) is 25% of what they can give (game value)."),
        (Offer(funding_per_year=10, data_share=("astronomy",)), "the station has sent none yet, so it counts for half"),
    ],
)
def test_reasons_are_sentences_a_student_reads(offer: Offer, expected: str) -> None:
    assert expected in texts(offer)


@pytest.mark.parametrize(
    ("offer", "blocked_by"),
    [
        (Offer(funding_per_year=500), "can put in at most 100 credits a year"),
        (Offer(modules=("habitat",)), "cannot build the habitat"),
        (Offer(launches=3), "at most 1 launch"),
        (Offer(instruments=2), "has 1 instrument"),
    ],
)
def test_terms_beyond_their_means_are_ruled_out(offer: Offer, blocked_by: str) -> None:
    evaluation = evaluate(offer, partner(), 90.0, WITH_SCIENCE)
    assert not evaluation.acceptable
    assert any(blocked_by in text for text in evaluation.blocked)


def test_real_laws_in_the_catalog_rule_terms_out_and_are_quoted() -> None:
    catalog, problems = load_base_catalog()
    assert not problems
    nasa, uae = catalog.partners["nasa"], catalog.partners["mbrsc"]
    rich = Offer(funding_per_year=10, data_share=SCIENCE_DOMAINS, co_lead="resource_use")
    in_ilrs = evaluate(rich, nasa, 100.0, ProgrammeState(programme="ilrs"))
    assert not in_ilrs.acceptable and "Wolf Amendment" in in_ilrs.blocked[0]
    assert evaluate(rich, nasa, 100.0, ProgrammeState(programme="artemis")).blocked == ()
    rover = evaluate(Offer(funding_per_year=10, payload_kg=100), uae, 100.0, ProgrammeState(programme="ilrs"))
    assert any("ITAR" in text for text in rover.blocked)
    assert evaluate(Offer(funding_per_year=10), uae, 100.0, ProgrammeState(programme="ilrs")).blocked == ()


def test_trust_science_and_members_each_make_an_offer_worth_more() -> None:
    offer = Offer(funding_per_year=30, data_share=("astronomy",))
    spec = partner()
    base = evaluate(offer, spec, 50.0, NO_SCIENCE).utility
    assert evaluate(offer, spec, 80.0, NO_SCIENCE).utility > base > evaluate(offer, spec, 20.0, NO_SCIENCE).utility
    assert evaluate(offer, spec, 50.0, WITH_SCIENCE).utility > base
    assert evaluate(offer, spec, 50.0, ProgrammeState(members=4)).utility > base


@pytest.mark.parametrize(
    ("offer", "problem"),
    [
        (Offer(), "asks nothing of them"),
        (Offer(data_share=("astronomy",)), "asks nothing of them"),
        (Offer(funding_per_year=5, data_share=("astrology",)), "'astrology' is not a science domain"),
        (Offer(funding_per_year=-5), "negative"),
    ],
)
def test_offers_that_are_no_deal_get_a_sentence(offer: Offer, problem: str) -> None:
    assert problem in (offer_problem(offer) or "")


def test_a_counter_offer_moves_toward_what_they_value_and_is_accepted_when_put_back() -> None:
    spec = partner()
    first = respond(Offer(funding_per_year=40), spec, 50.0, CAN_GIVE_ALL, rounds_left=3)
    assert first.decision == "counter" and first.counter is not None
    assert first.rounds_left == 2
    assert favourite_domain(spec) in (*first.counter.data_share, first.counter.co_lead)
    assert "proposes changed terms" in first.text
    second = respond(first.counter, spec, 50.0, CAN_GIVE_ALL, rounds_left=first.rounds_left)
    assert second.decision == "accept"
    assert second.rounds_left == 2  # accepting spends no patience


def test_a_counter_drops_what_a_law_forbids() -> None:
    catalog, _ = load_base_catalog()
    uae = catalog.partners["mbrsc"]
    counter = counter_offer(Offer(funding_per_year=40, payload_kg=200), uae, 60.0, CAN_GIVE_ALL)
    assert counter is not None and counter.payload_kg == 0 and counter.crew_seats >= 1


@pytest.mark.parametrize(("rounds", "insulting", "broken_off_after"), [(3, False, 3), (3, True, 2), (1, False, 1)])
def test_patience_runs_out_and_talks_break_off(rounds: int, insulting: bool, broken_off_after: int) -> None:
    spec = partner(asks=[])  # nothing to sweeten with: no counter is possible
    offer = Offer(funding_per_year=100, launches=1) if insulting else Offer(funding_per_year=60)
    left, answers = rounds, []
    while left > 0:
        answer = respond(offer, spec, 50.0, NO_SCIENCE, rounds_left=left)
        answers.append(answer)
        left = answer.rounds_left
    assert len(answers) == broken_off_after
    assert all(answer.decision == "decline" for answer in answers)
    assert "breaks off the talks" in answers[-1].text


def test_the_same_inputs_give_the_same_answer() -> None:
    catalog, _ = load_base_catalog()
    state = ProgrammeState(science={"geology": 3.0}, members=2)
    for spec in catalog.partners.values():
        offer = Offer(funding_per_year=spec.capabilities.funding_per_year / 2, data_share=("geology",))
        assert respond(offer, spec, 55.0, state, 3) == respond(offer, spec, 55.0, state, 3)
        assert respond(offer, spec, 55.0, CAN_GIVE_ALL, 3) == respond(offer, spec, 55.0, CAN_GIVE_ALL, 3)


offers = st.builds(
    Offer,
    funding_per_year=st.floats(0, 150),
    modules=st.lists(st.sampled_from(["observatory", "habitat"]), max_size=2).map(tuple),
    launches=st.integers(0, 2),
    instruments=st.integers(0, 2),
    data_share=st.lists(st.sampled_from(SCIENCE_DOMAINS), unique=True, max_size=5).map(tuple),
    payload_kg=st.floats(0, 300),
    crew_seats=st.integers(0, 2),
    host_module=st.sampled_from([None, "observatory"]),
    co_lead=st.sampled_from([None, *SCIENCE_DOMAINS]),
)


@settings(max_examples=150, deadline=None)
@given(offer=offers, trust_now=st.floats(0, 100), state=st.sampled_from([NO_SCIENCE, CAN_GIVE_ALL]))
def test_any_counter_offer_is_one_they_would_accept(offer: Offer, trust_now: float, state: ProgrammeState) -> None:
    spec = partner()
    counter = counter_offer(offer, spec, trust_now, state)
    if counter is not None:
        assert evaluate(counter, spec, trust_now, state).acceptable
        assert counter.asks_something and counter != offer


@pytest.mark.parametrize(
    ("start", "change", "after"),
    [(50, trust.TRUST.promise_kept, 56), (50, trust.TRUST.promise_broken, 38), (95, 10, 100), (5, -12, 0)],
)
def test_trust_stays_between_0_and_100(start: float, change: float, after: float) -> None:
    assert trust.changed(start, change) == after


def test_trust_pays_back_over_time_and_too_little_makes_a_partner_default() -> None:
    assert trust.return_factor(0) == pytest.approx(0.8)
    assert trust.return_factor(100) == pytest.approx(1.2)
    assert trust.loses_faith(10) and not trust.loses_faith(40)


# --- fault 1: a partner never signs an agreement that gives it nothing it asked for or cares about ---------


@pytest.mark.parametrize(
    ("partner_id", "offer", "trust_now", "acceptable"),
    [
        ("cnsa", Offer(funding_per_year=150), 80.0, False),  # its starting trust: generous, not a donor
        ("cnsa", Offer(funding_per_year=10), 100.0, False),  # even at full trust, a token sum for nothing
        ("cnsa", Offer(funding_per_year=150, payload_kg=100), 100.0, False),  # payload it never asked for
        ("cnsa", Offer(funding_per_year=150, data_share=("geology",)), 80.0, True),  # data it cares 90% for
        ("roscosmos", Offer(funding_per_year=100), 75.0, False),
        ("roscosmos", Offer(funding_per_year=100, host_module="laboratory"), 75.0, True),  # an ask of its own
        ("venezuela", Offer(funding_per_year=5, payload_kg=150), 80.0, True),  # the payload it asked for
    ],
)
def test_an_offer_that_gives_them_nothing_is_not_signed_whatever_their_trust(
    partner_id: str, offer: Offer, trust_now: float, acceptable: bool
) -> None:
    catalog, _ = load_base_catalog()
    evaluation = evaluate(offer, catalog.partners[partner_id], trust_now, WITH_SCIENCE)
    assert evaluation.acceptable is acceptable
    assert (NOTHING_IN_RETURN in [reason.text for reason in evaluation.reasons]) is (not acceptable)


def test_an_offer_that_gives_them_nothing_is_declined_with_a_sentence() -> None:
    catalog, _ = load_base_catalog()
    cnsa = catalog.partners["cnsa"]
    # Nothing on the station makes science yet, so there is nothing it could ask for instead: it declines.
    answer = respond(Offer(funding_per_year=150), cnsa, 80.0, NO_SCIENCE, rounds_left=3)
    assert answer.decision == "decline" and answer.counter is None
    assert answer.text == ("China National Space Administration (CNSA) declines: They would receive nothing they "
                           "asked for or care about. They want a share of the data or co-leadership, once the station "
                           "can give it.")
    assert NOTHING_IN_RETURN in [reason.text for reason in answer.evaluation.reasons]


# --- fault 2: counters ask only for what the programme can plausibly give at its stage -------------------

ASTRONOMY_ONLY = ProgrammeState(producing={"astronomy": "observatory"}, module_names={"observatory": "Observatory"},
                                hostable=frozenset({"laboratory", "solar_array"}), largest_payload_kg=1500.0)
STAGES = {
    "nothing made, no launches": NO_SCIENCE,
    "an observatory, a 1500 kg lander": ASTRONOMY_ONLY,
    "everything": CAN_GIVE_ALL,
}


@pytest.mark.parametrize("stage", STAGES)
def test_a_counter_never_asks_for_what_the_programme_cannot_give_yet(stage: str) -> None:
    catalog, _ = load_base_catalog()
    state = STAGES[stage]
    asked: list[tuple[str, Offer]] = []
    for spec in catalog.partners.values():
        for trust_now in (30.0, 60.0, 90.0):
            for offer in (Offer(funding_per_year=spec.capabilities.funding_per_year or 1.0),
                          Offer(funding_per_year=5, launches=1), Offer(instruments=1)):
                counter = counter_offer(offer, spec, trust_now, state)
                if counter is not None:
                    asked.append((spec.id, counter))
    assert bool(asked) is bool(state.producing)  # with nothing to offer them, nobody counters: they decline
    for partner_id, counter in asked:
        assert set(counter.data_share) <= set(state.producing), (partner_id, counter)
        assert counter.co_lead is None or counter.co_lead in state.producing, (partner_id, counter)
        assert counter.host_module is None or counter.host_module in state.hostable, (partner_id, counter)
        assert counter.payload_kg <= payload_room(state), (partner_id, counter)
        assert counter.crew_seats == 0 or state.crewed, (partner_id, counter)


def test_in_2023_roscosmos_asks_to_host_its_laboratory_not_the_fission_unit_and_says_why() -> None:
    catalog, _ = load_base_catalog()
    roscosmos = catalog.partners["roscosmos"]
    assert roscosmos.capabilities.modules[0] == "fission_power_unit"  # the one the old counters always asked for
    names = {"laboratory": "Laboratory", "observatory": "Observatory"}
    state = replace(ASTRONOMY_ONLY, module_names=names)
    answer = respond(Offer(funding_per_year=300, launches=1), roscosmos, 40.0, state, rounds_left=3)
    assert answer.decision == "counter" and answer.counter is not None
    assert answer.counter.host_module == "laboratory"
    assert answer.counter.data_share == ("astronomy",)
    assert "They ask for data on astronomy from the Moon: they care 50% for it (game value), and the station's " \
           "Observatory makes " \
           "it." in answer.text
    assert "They ask you to host their laboratory" in answer.text


def test_a_counter_asks_for_payload_only_as_far_as_the_landers_carry() -> None:
    spec = partner(asks=["payload_mass"], interests={"astronomy": 0.9})
    assert counter_offer(Offer(funding_per_year=60), spec, 50.0, NO_SCIENCE) is None  # no launches: nothing
    counter = counter_offer(Offer(funding_per_year=60), spec, 50.0, ASTRONOMY_ONLY)
    assert counter is not None and 0 < counter.payload_kg <= 150  # a tenth of the 1500 kg lander


# --- fault 3: consulting has diminishing returns -------------------------------------------------------


@pytest.mark.parametrize(
    ("days_since_topic", "trust_now", "gain"),
    [
        (None, 50.0, trust.TRUST.consulted),  # first time on a topic, trust well below the ceiling
        (45.0, 60.0, trust.TRUST.consulted),  # a month and a half since: valued again
        (10.0, 50.0, 0.0),  # the same topic ten days later: routine
        (None, 75.0, trust.TRUST.consulted / 2),  # half way up the last 20 points below the ceiling of 85
        (None, 85.0, 0.0),  # words alone go no higher
        (None, 95.0, 0.0),
    ],
)
def test_consulting_is_valued_once_per_topic_and_period_and_fades_toward_a_ceiling(
    days_since_topic: float | None, trust_now: float, gain: float
) -> None:
    assert trust.consult_change(days_since_topic, trust_now) == pytest.approx(gain)


@pytest.mark.parametrize(
    ("trust_now", "gain", "felt"),
    [(40.0, 6.0, 6.0), (60.0, 6.0, 6.0), (80.0, 6.0, 1.5), (90.0, 6.0, 0.375), (100.0, 6.0, 0.0), (95.0, -12.0, -12.0)],
)
def test_gains_shrink_as_trust_nears_100_and_losses_never_do(trust_now: float, gain: float, felt: float) -> None:
    assert trust.eased(trust_now, gain) == pytest.approx(felt)


def test_data_shared_is_valued_once_per_domain_and_period() -> None:
    assert trust.data_share_change(0.8, 50.0) == pytest.approx(trust.TRUST.data_shared * 0.8)
    assert trust.data_share_change(0.8, 50.0, days_since_domain=10.0) == 0.0
    assert trust.data_share_change(0.8, 50.0, days_since_domain=30.0) > 0.0
