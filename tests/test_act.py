"""Acting at once: `Simulation.act` runs the hour that applies one command, and `answer_to` finds its answer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from game.ecs import events
from game.ecs.commands import ConsultPartner, Demolish, PlaceModule, ProposeAgreement, SetLandingMode, ShareData
from game.ecs.events import answer_to
from game.rules.hours import HOURS_PER_DAY
from game.rules.negotiation import Offer
from game.simulation.simulation import Simulation
from tests.sim_helpers import small_level

ROWS = ["..........", "..^^......", "..^^......", "..........", "##........"]


@pytest.fixture
def sim() -> Iterator[Simulation]:
    level, catalog = small_level(ROWS, [{"module": "solar_array", "x": 2, "y": 1}], time_limit_days=50,
                                 partners=[{"partner": "cnsa", "trust": 50}, {"partner": "roscosmos"}])
    run = Simulation(level, catalog)
    yield run
    run.close()


def test_acting_runs_one_hour_and_logs_the_command(sim: Simulation) -> None:
    consult = ConsultPartner("cnsa", "science")
    happened = sim.act(consult)
    assert sim.hour == 1 and sim.command_log == [(0, consult)]
    answer = answer_to(consult, happened)
    assert isinstance(answer, events.TrustChanged) and answer.partner == "cnsa" and answer.change > 0
    assert "consulted on the science priorities" in answer.text


def test_a_proposal_is_answered_by_the_partner(sim: Simulation) -> None:
    proposal = ProposeAgreement("cnsa", Offer(funding_per_year=120, data_share=("geology",), co_lead="geology"))
    answer = answer_to(proposal, sim.act(proposal))
    assert isinstance(answer, events.OfferAnswered)
    assert answer.partner == "cnsa" and answer.decision in ("accept", "counter", "decline") and answer.text


@pytest.mark.parametrize(
    ("command", "sentence"),
    [
        (ShareData("cnsa", "geology"), "no new data on lunar geology"),
        (ConsultPartner("cnsa", "weather"), "not a topic to consult on"),
        (ProposeAgreement("nobody", Offer(funding_per_year=10)), "partner of this level"),
        (PlaceModule("solar_array", 2, 1), "cannot be built"),
        (Demolish(9, 4), "no module at (9, 4)"),
        (SetLandingMode("sideways"), "landing mode must be one of"),
    ],
)
def test_a_refusal_answers_the_command_it_refuses(sim: Simulation, command: object, sentence: str) -> None:
    answer = answer_to(command, sim.act(command))  # type: ignore[arg-type]
    assert isinstance(answer, events.CommandRefused) and answer.command == command
    assert sentence in answer.reason


def test_the_answer_is_the_one_to_this_command_not_another_of_the_same_hour(sim: Simulation) -> None:
    sim.queue(PlaceModule("solar_array", 2, 1))  # queued earlier in the hour, and refused: ground taken
    sim.queue(ConsultPartner("roscosmos", "site"))
    consult = ConsultPartner("cnsa", "modules")
    happened = sim.act(consult)
    assert any(isinstance(event, events.CommandRefused) for event in happened)
    answer = answer_to(consult, happened)
    assert isinstance(answer, events.TrustChanged) and answer.partner == "cnsa"


def test_what_was_built_answers_a_placement_and_a_mode_change_has_no_answer(sim: Simulation) -> None:
    place = PlaceModule("power_cable", 5, 3)
    answer = answer_to(place, sim.act(place))
    assert answer == events.ModulePlaced("power_cable", 5, 3, place)
    mode = SetLandingMode("player")
    assert answer_to(mode, sim.act(mode)) is None and sim.landing_mode == "player"


def test_a_finished_level_answers_nothing(sim: Simulation) -> None:
    sim.run_hours(50 * HOURS_PER_DAY)
    assert sim.ended
    consult = ConsultPartner("cnsa", "science")
    assert sim.act(consult) == [] and answer_to(consult, []) is None
