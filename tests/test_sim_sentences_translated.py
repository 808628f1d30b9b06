"""The simulation's sentences reach the player's language: every text it writes for a player (diplomacy news,
crew warnings, refusals, landings, level ends, partner history, ledger deliverables) is a say() Message, and in
a made-up language built from the collected template lines the station log shows them translated, not English."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import esper
import pytest

from game.autoplay.player import Autoplayer
from game.content.catalog import Catalog
from game.content.loader import load_level_by_path
from game.content.message import Message
from game.content.models import Level
from game.content.ui_text import Translator
from game.ecs import events
from game.ecs.commands import (
    ConsultPartner,
    Demolish,
    ProposeAgreement,
    ResolveLanding,
    SetLandingMode,
    ShareData,
)
from game.ecs.components import Partner
from game.ecs.resources import AWAITING_LANDING
from game.rules.negotiation import Offer
from game.scenes.partners.reply import act_and_reply
from game.scenes.station.log_sentences import log_entry
from game.simulation.simulation import Simulation
from game.simulation.views import agreement_views
from tests.bracket_language import bracket_translator, is_bracketed
from tests.conftest import REPO

LEVELS = REPO / "levels"

# Each event the simulation writes for a player, and the field holding its sentence.
SENTENCE_FIELDS: dict[type, str] = {
    events.OfferAnswered: "text", events.AgreementSigned: "text", events.ContributionArrived: "text",
    events.PromiseSettled: "text", events.AgreementDefaulted: "text", events.TrustChanged: "text",
    events.PartnerJoined: "text", events.CrewWarning: "text", events.CrewEvacuated: "reason",
    events.CommandRefused: "reason", events.LandingResolved: "text", events.LevelEnded: "reason",
    events.LevelEventFired: "text", events.GoalFailed: "reason",
}
# Sentences whose words are the level's own (level_text): shown in the player's language from the level file,
# so the made-up language (which has no level files) leaves them as written.
LEVEL_WORDS = (events.LevelEventFired, events.GoalFailed)


@dataclass
class Run:
    level: Level
    catalog: Catalog
    simulation: Simulation
    happened: list[object] = field(default_factory=list)

    def step(self, hours: int = 1) -> None:
        for _ in range(hours):
            self.simulation.step()  # recorded by the step _recording puts in its place


def _recording(path: Path) -> Iterator[Run]:
    level, catalog = load_level_by_path(path).require()
    simulation = Simulation(level, catalog, seed=7)
    run = Run(level, catalog, simulation)
    step = simulation.step

    def recorded_step() -> list[events.GameEvent]:  # the autoplayer steps the simulation itself: record each hour
        new = step()
        run.happened += new
        return new

    simulation.step = recorded_step  # type: ignore[method-assign]
    try:
        yield run
    finally:
        simulation.close()


@pytest.fixture(scope="module")
def partners_run() -> Iterator[Run]:
    """Level 4 (the partners who joined) played by the autoplayer for 200 days, with refused and odd moves too."""
    for run in _recording(LEVELS / "04_partners_2023.toml"):
        simulation = run.simulation
        partner = run.level.partners[0].partner
        for command in (ConsultPartner(partner, "weather"), ShareData(partner, "cooking"),
                        ShareData(partner, "geology"), ProposeAgreement(partner, Offer(funding_per_year=-5)),
                        Demolish(0, 0), SetLandingMode("sideways")):
            simulation.queue(command)
        simulation.step()
        Autoplayer(run.level, run.catalog).play(simulation, max_days=200)
        yield run


@pytest.fixture(scope="module")
def crew_run() -> Iterator[Run]:
    """Level 5 (the crewed landing): played a while, a landing flown into the ground, then the water runs out."""
    for run in _recording(LEVELS / "05_crewed_landing_2030.toml"):
        simulation = run.simulation
        simulation.queue(SetLandingMode("player"))
        Autoplayer(run.level, run.catalog).play(simulation, max_days=40)
        waiting = [view for view in simulation.snapshot().deliveries if view.state == AWAITING_LANDING]
        for delivery in waiting[:1]:
            simulation.queue(ResolveLanding(delivery.id, "crash", 1.0))
        simulation.queue(ResolveLanding(9999, "good"))  # no such delivery: refused
        run.step()
        station = simulation.ctx.station
        if station.crew == 0:
            station.crew = run.level.start.crew or 2
        for supply in list(station.resources):
            station.resources[supply] = 0.0  # the stores run dry: the crew must go home
        run.step(24)
        simulation.run_hours(24 * 400)  # to the level's end (its hours recorded too)
        yield run


def loose_clauses(text: object) -> list[str]:
    """Plain-text pieces of English inside a message: a value that reads as a clause ('the water ran out')
    rather than a name or an id would stay English however the message around it is translated."""
    if isinstance(text, Message):
        return [clause for value in text.values.values() for clause in loose_clauses(value)]
    if isinstance(text, (list, tuple)):
        return [clause for item in text for clause in loose_clauses(item)]
    if isinstance(text, str) and " " in text and text[:1].islower():
        return [text]
    return []


def _sentences(run: Run) -> list[tuple[object, str]]:
    return [(event, getattr(event, SENTENCE_FIELDS[type(event)])) for event in run.happened
            if type(event) in SENTENCE_FIELDS]


def test_the_runs_reach_many_kinds_of_sentences(partners_run: Run, crew_run: Run) -> None:
    kinds = {type(event) for event, _ in _sentences(partners_run) + _sentences(crew_run)}
    expected = {events.OfferAnswered, events.AgreementSigned, events.TrustChanged, events.PartnerJoined,
                events.CommandRefused, events.LandingResolved, events.CrewEvacuated, events.LevelEnded,
                events.LevelEventFired}
    assert expected <= kinds, f"not reached: {sorted(kind.__name__ for kind in expected - kinds)}"


@pytest.mark.parametrize("name", ["partners_run", "crew_run"])
def test_every_sentence_the_simulation_writes_is_a_message(name: str, request: pytest.FixtureRequest) -> None:
    run: Run = request.getfixturevalue(name)
    plain = [(type(event).__name__, text) for event, text in _sentences(run)
             if not isinstance(text, Message) or loose_clauses(text)]
    assert not plain, f"sentences a translation cannot reach (or with a plain English clause): {plain[:5]}"


def test_partner_history_and_ledger_are_messages(partners_run: Run) -> None:
    simulation = partners_run.simulation
    esper.switch_world(simulation.world_name)
    histories = [line for _, partner in esper.get_component(Partner) for line in partner.history]
    assert histories and all(isinstance(line, Message) and not loose_clauses(line) for line in histories), \
        histories[:3]
    ledger = agreement_views(simulation.ctx)
    assert ledger, "the autoplayer signed no agreement in 200 days of level 4"
    texts = [item.text for view in ledger for item in view.deliverables] + [term for view in ledger
                                                                             for term in view.terms]
    assert texts and all(isinstance(text, Message) and not loose_clauses(text) for text in texts), texts[:3]


def test_the_crash_names_the_lost_cargo_and_what_became_of_it(crew_run: Run) -> None:
    crashes = [event for event in crew_run.happened if isinstance(event, events.LandingResolved)
               and event.grade == "crash"]
    assert crashes, "no delivery was waiting to be flown into the ground"
    text = crashes[0].text
    assert text.startswith("The lander crashed and the ") and " were lost." in text
    assert isinstance(text, Message) and text.values["cargo"]  # the cargo list stays a list of names


# --- in a made-up language -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pseudo() -> Translator:
    """Every collected template line reads ⟦like this⟧ in the language 'xx'."""
    return bracket_translator()


@pytest.mark.parametrize("name", ["partners_run", "crew_run"])
def test_the_station_log_shows_the_simulations_sentences_translated(name: str, request: pytest.FixtureRequest,
                                                                     pseudo: Translator) -> None:
    run: Run = request.getfixturevalue(name)
    untranslated = []
    for event, text in _sentences(run):
        entry = log_entry(event, run.level, run.catalog, "xx", pseudo)
        assert entry is not None
        shown = pseudo(text)
        if not isinstance(event, LEVEL_WORDS) and not is_bracketed(shown):
            untranslated.append(shown)
        elif shown not in entry.text or (entry.text == text and not isinstance(event, LEVEL_WORDS)):
            untranslated.append(entry.text)
    assert not untranslated, f"English left in the pseudo-language log: {untranslated[:5]}"


def test_history_deliverables_and_terms_translate_whole(partners_run: Run, pseudo: Translator) -> None:
    simulation = partners_run.simulation
    esper.switch_world(simulation.world_name)
    texts = [line for _, partner in esper.get_component(Partner) for line in partner.history]
    texts += [item.text for view in agreement_views(simulation.ctx) for item in view.deliverables]
    texts += [term for view in agreement_views(simulation.ctx) for term in view.terms]
    english = [text for text in texts if not is_bracketed(pseudo(text))]
    assert not english, english[:5]
    # A history line names its day, then the news, each in the player's language (the news nested whole).
    line = texts[0]
    assert pseudo(line).startswith("⟦Day ") and "⟦" in pseudo(line)[1:]


def test_what_a_partner_action_says_comes_back_translated(pseudo: Translator) -> None:
    for run in _recording(LEVELS / "01_agreement_2021.toml"):
        partner = run.level.partners[0].partner
        consulted = act_and_reply(run.simulation, ConsultPartner(partner, "science"), pseudo)
        refused = act_and_reply(run.simulation, ShareData(partner, "geology"), pseudo)  # nothing sent home yet
        assert is_bracketed(consulted) and "⟦they would put" in consulted
        assert is_bracketed(refused) and refused.startswith("⟦There is no new")


# --- the partner roster's interest chart at large text ---------------------------------------------------------


def test_interest_rows_never_overlap_when_large_text_leaves_room_for_few(monkeypatch: pytest.MonkeyPatch) -> None:
    """At 200 % text the roster's chart may get room for two rows: it shows the two strongest interests, each
    a full line apart and inside its box, rather than five rows squeezed over each other."""
    import pygame

    from game import paths
    from game.render import partner_bars
    from game.render.fonts import Fonts

    pygame.font.init()
    font = Fonts(paths.assets_dir() / "fonts", scale=2.0).regular(18)
    line = font.get_linesize()
    drawn: list[tuple[str, int]] = []

    def record(surface: pygame.Surface, text: str, font: pygame.font.Font, colour: object,
               position: tuple[int, int], anchor: str = "topleft") -> pygame.Rect:
        drawn.append((text, position[1]))
        return pygame.Rect(position, font.size(text))

    monkeypatch.setattr(partner_bars, "draw_text", record)
    interests = (("geology", 0.9), ("astronomy", 0.6), ("space_environment", 0.95), ("basic_physics", 0.5),
                 ("resource_use", 0.7))
    box = pygame.Rect(0, 100, 360, 2 * line + line // 2)
    partner_bars.draw_interest_chart(pygame.Surface((400, 400)), box, interests, font)
    labels = [(text, y) for text, y in drawn if not text.endswith("%")]
    names = [text for text, _ in labels]  # the strongest two, in their order (a long one cut to leave the bar room)
    assert len(names) == 2 and names[0] == "Geology" and names[1].startswith("Space")
    centres = [y for _, y in labels]
    assert centres[1] - centres[0] >= line and all(box.top + line // 2 <= y <= box.bottom - line // 2 for y in centres)
