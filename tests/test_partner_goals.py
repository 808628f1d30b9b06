"""Goals about partners (members, agreements, trust, kept promises), level 4 built on them, and the
automated player that wins it by negotiating through the public commands."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from game.autoplay.diplomat import Diplomat
from game.autoplay.player import AutoplayResult, autoplay
from game.content.catalog import Catalog
from game.content.loader import load_level_by_path
from game.content.models import Goal, Level
from game.ecs.commands import (
    ConsultPartner,
    PlaceModule,
    ProposeAgreement,
    ShareData,
    command_from_json,
    command_to_json,
)
from game.rules.hours import HOURS_PER_DAY
from game.rules.negotiation import Offer
from game.rules.objectives import MET, PENDING, Progress, SignedAgreement, goal_fraction, goal_status
from game.simulation.simulation import Simulation
from game.simulation.views import AnswerView

REPO = Path(__file__).resolve().parent.parent
LEVEL_4 = REPO / "levels" / "04_partners_2023.toml"
LEVEL_1 = REPO / "levels" / "01_agreement_2021.toml"



def _goal(**keys: Any) -> Goal:
    return Goal.model_validate({"id": "g", "text": "a goal", **keys})


def _progress(**diplomacy: Any) -> Progress:
    return Progress(hour=1, built={}, science={}, resources={}, powered_streak_hours=0, crewed_streak_hours=0,
                    crew=0, lowest_budget=0.0, **diplomacy)


AGREEMENTS = (
    SignedAgreement("cnsa", ("funding", "data_share"), "active"),
    SignedAgreement("south_africa", ("module", "co_lead_domain"), "kept"),
    SignedAgreement("venezuela", ("funding", "payload_mass"), "broken"),
)
MEMBERS = frozenset({"cnsa", "roscosmos", "apsco", "venezuela"})
TRUST = {"cnsa": 90.0, "roscosmos": 75.0, "apsco": 60.0, "venezuela": 30.0, "senegal": 95.0}


@pytest.mark.parametrize(("goal", "progress", "fraction"), [
    # partners: members, whoever made them members
    ({"kind": "partners", "count": 8}, {"members": MEMBERS}, 0.5),
    ({"kind": "partners"}, {}, 0.0),
    # agreements: every signed one counts, narrowed by partner and by term
    ({"kind": "agreements", "count": 3}, {"agreements": AGREEMENTS}, 1.0),
    ({"kind": "agreements", "count": 4, "term": "funding"}, {"agreements": AGREEMENTS}, 0.5),
    ({"kind": "agreements", "partner": "south_africa", "term": "module"}, {"agreements": AGREEMENTS}, 1.0),
    ({"kind": "agreements", "partner": "south_africa", "term": "funding"}, {"agreements": AGREEMENTS}, 0.0),
    ({"kind": "agreements", "partner": "senegal"}, {"agreements": AGREEMENTS}, 0.0),
    # trust: one partner's, as a share of the aim...
    ({"kind": "trust", "partner": "apsco", "min_trust": 75}, {"members": MEMBERS, "trust": TRUST}, 0.8),
    ({"kind": "trust", "partner": "cnsa", "min_trust": 75}, {"members": MEMBERS, "trust": TRUST}, 1.0),
    # ...or how many members trust enough; a trusting non-member (senegal) does not count
    ({"kind": "trust", "min_trust": 75, "count": 4}, {"members": MEMBERS, "trust": TRUST}, 0.5),
    ({"kind": "trust", "min_trust": 50, "count": 2}, {"members": MEMBERS, "trust": TRUST}, 1.5),
    # promises kept: all together or to one partner
    ({"kind": "promises_kept", "count": 10}, {"promises_kept": {"cnsa": 3, "apsco": 2}}, 0.5),
    ({"kind": "promises_kept", "partner": "apsco", "count": 4}, {"promises_kept": {"cnsa": 3, "apsco": 2}}, 0.5),
])
def test_partner_goal_fractions(goal: dict[str, Any], progress: dict[str, Any], fraction: float) -> None:
    assert goal_fraction(_goal(**goal), _progress(**progress)) == pytest.approx(fraction)


def test_a_met_trust_goal_stays_met_when_trust_falls_again() -> None:
    goal = _goal(kind="trust", partner="venezuela", min_trust=50)
    assert goal_status(goal, _progress(trust={"venezuela": 55.0}), PENDING) == MET
    assert goal_status(goal, _progress(trust={"venezuela": 10.0}), MET) == MET
    assert goal_status(goal, _progress(trust={"venezuela": 10.0}), PENDING) == PENDING


@pytest.mark.parametrize(("keys", "message"), [
    ({"kind": "trust"}, "a 'trust' goal needs 'min_trust'"),
    ({"kind": "trust", "min_trust": 120}, "less than or equal to 100"),
    ({"kind": "agreements", "term": "bribe"}, "'funding'"),
])
def test_a_badly_written_partner_goal_is_refused_with_a_sentence(keys: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        _goal(**keys)


@pytest.fixture(scope="module")
def level_4() -> tuple[Level, Catalog]:
    return load_level_by_path(LEVEL_4).require()


def _with_goals(level: Level, goals: list[dict[str, Any]]) -> dict[str, Any]:
    data = level.model_dump(exclude_none=True)
    data["goals"] = [{"text": "a goal", **goal} for goal in goals]
    data["evidence"] = []  # it names the level's own goals, which these replace
    return data


@pytest.mark.parametrize(("goal", "message"), [
    ({"id": "x", "kind": "agreements", "partner": "nasa"}, "names partner 'nasa', which is not in the level"),
    ({"id": "x", "kind": "trust", "partner": "senegl", "min_trust": 60}, "partner 'senegl'"),
])
def test_a_goal_must_name_a_partner_of_the_level(level_4: tuple[Level, Catalog], goal: dict[str, Any],
                                                 message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Level.model_validate(_with_goals(level_4[0], [goal]))


def test_a_partner_goal_needs_partners_in_the_level(level_4: tuple[Level, Catalog]) -> None:
    data = _with_goals(level_4[0], [{"id": "x", "kind": "partners", "count": 2}])
    data["partners"] = []
    data["events"] = [event for event in data["events"] if "partner" not in event.get("effect", {})]
    with pytest.raises(ValidationError, match="goal 'x' is about partners, but the level has no"):
        Level.model_validate(data)


def test_the_objective_system_measures_a_signed_agreement_and_its_trust(level_4: tuple[Level, Catalog]) -> None:
    level, catalog = level_4
    level = Level.model_validate(_with_goals(level, [
        {"id": "deal", "kind": "agreements", "partner": "cnsa", "term": "funding"},
        {"id": "trusted", "kind": "trust", "partner": "cnsa", "min_trust": 100},
        {"id": "members", "kind": "partners", "count": 4},
    ]))
    simulation = Simulation(level, catalog)
    try:
        goals = {goal.id: goal for goal in simulation.snapshot().goals}
        assert goals["deal"].fraction == 0.0 and goals["members"].fraction == pytest.approx(0.75)
        # CNSA signs only when it receives something it values (docs/PARTNERS.md): here, geology data.
        simulation.queue(ProposeAgreement("cnsa", Offer(funding_per_year=100.0, data_share=("geology",))))
        simulation.step()
        goals = {goal.id: goal for goal in simulation.snapshot().goals}
        assert goals["deal"].status == MET
        # Signing raised CNSA's trust (80 + 4, eased to a quarter at 80): the goal shows it as a share of 100.
        assert goals["trusted"].fraction == pytest.approx(0.81) and goals["trusted"].status == PENDING
    finally:
        simulation.close()


# --- level 4 -----------------------------------------------------------------------------------------


def test_level_4_partners_join_on_their_real_dates_and_only_then_talk(level_4: tuple[Level, Catalog]) -> None:
    level, catalog = level_4
    joins = {event.effect.partner: event for event in level.events if event.effect.join}
    for taking_part in level.partners:
        if taking_part.member:
            continue
        event = joins[taking_part.partner]
        assert not taking_part.talks_open and event.effect.open_talks, taking_part.partner
        joined = catalog.partners[taking_part.partner].joined
        if joined is not None:  # Pakistan and Serbia have no exact day in the sources
            assert event.day == (joined - level.start_date).days, taking_part.partner


def test_level_4_goals_are_about_negotiation(level_4: tuple[Level, Catalog]) -> None:
    kinds = {goal.kind for goal in level_4[0].goals}
    assert {"agreements", "trust", "promises_kept"} <= kinds
    module_deals = [goal for goal in level_4[0].goals if goal.kind == "agreements" and goal.term == "module"]
    # the partner named can actually build a module
    assert all(level_4[1].partners[goal.partner or ""].capabilities.modules for goal in module_deals)


@pytest.fixture(scope="module")
def level_4_run(level_4: tuple[Level, Catalog]) -> Iterator[AutoplayResult]:
    yield autoplay(*level_4)


def test_the_automated_player_wins_level_4_by_negotiating(level_4_run: AutoplayResult) -> None:
    result = level_4_run
    assert result.won and result.snapshot is not None
    kinds = {type(command) for _, command in result.commands}
    assert {ProposeAgreement, ConsultPartner, ShareData} <= kinds
    # It only promised what it could keep: no agreement broken, every partner still talking to it.
    assert all(agreement.state != "broken" for agreement in result.snapshot.agreements)
    assert {agreement.partner for agreement in result.snapshot.agreements} >= {"south_africa", "senegal"}


def test_its_diplomacy_replays_from_a_command_file_to_the_same_win(level_4: tuple[Level, Catalog],
                                                                  level_4_run: AutoplayResult) -> None:
    written = [(hour, command_from_json(command_to_json(command))) for hour, command in level_4_run.commands]
    simulation = Simulation(*level_4)
    try:
        simulation.run_hours(round(level_4[0].time_limit_days * HOURS_PER_DAY), written)
        assert simulation.snapshot().outcome == "won"
        assert len(simulation.snapshot().agreements) == len(level_4_run.snapshot.agreements)  # type: ignore[union-attr]
    finally:
        simulation.close()


def test_the_automated_player_leaves_diplomacy_alone_where_no_goal_asks_for_it() -> None:
    level, catalog = load_level_by_path(LEVEL_1).require()
    result = autoplay(level, catalog)
    assert result.won
    assert all(isinstance(command, PlaceModule) for _, command in result.commands)


def _counter_case(level_4: tuple[Level, Catalog], counter: Offer) -> tuple[Simulation, Diplomat, Any]:
    """Day 20 of level 4, the diplomat having put an offer to APSCO that APSCO answered with `counter`."""
    level, catalog = level_4
    simulation = Simulation(level, catalog)
    simulation.run_hours(20 * HOURS_PER_DAY)
    diplomat = Diplomat(level, catalog)
    diplomat.proposed["apsco"] = Offer(funding_per_year=20.0, data_share=("space_environment",))
    snapshot = simulation.snapshot()
    partners = tuple(
        replace(view, last_answer=AnswerView("counter", "APSCO proposes changed terms.", counter))
        if view.id == "apsco" else view
        for view in snapshot.partners
    )
    return simulation, diplomat, replace(snapshot, partners=partners)


def test_the_automated_player_accepts_a_counter_it_can_keep(level_4: tuple[Level, Catalog]) -> None:
    keepable = Offer(funding_per_year=10.0, data_share=("space_environment",))
    simulation, diplomat, snapshot = _counter_case(level_4, keepable)
    try:
        proposals = [c for c in diplomat.act(simulation, snapshot) if isinstance(c, ProposeAgreement)]
        apsco = [proposal for proposal in proposals if proposal.partner == "apsco"]
        assert apsco == [ProposeAgreement("apsco", Offer(10.0, data_share=("space_environment",)))]
        simulation.queue(apsco[0])
        simulation.step()
        assert any(agreement.partner == "apsco" for agreement in simulation.snapshot().agreements)
    finally:
        simulation.close()


def test_the_automated_player_turns_down_a_counter_it_could_not_keep(level_4: tuple[Level, Catalog]) -> None:
    # Nothing at the station sends geology home yet: promising to share it would be a promise broken.
    unkeepable = Offer(funding_per_year=20.0, data_share=("space_environment", "geology"))
    simulation, diplomat, snapshot = _counter_case(level_4, unkeepable)
    try:
        proposals = [c for c in diplomat.act(simulation, snapshot) if isinstance(c, ProposeAgreement)]
        assert all("geology" not in proposal.offer.data_share for proposal in proposals)
        assert diplomat.countered["apsco"] == Offer(funding_per_year=20.0, data_share=("space_environment",))
    finally:
        simulation.close()
