"""The partner screens, driven headless by keys as a player would: roster, negotiation room, ledger."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.content.loader import load_level_by_path
from game.ecs.commands import PlaceModule
from game.ecs.session import Simulation
from game.render.partner_emblem import initials, ink_on
from game.rules.placement import placement_refusal
from game.scenes.ledger import LedgerScene
from game.scenes.negotiation import NegotiationScene
from game.scenes.partners import PartnerRosterScene, shoot_partner_screens
from game.scenes.transitions import Pop, Push, apply_transition

LEVEL = Path(__file__).resolve().parent.parent / "levels" / "01_agreement_2021.toml"


@pytest.fixture
def played(app: Any) -> Iterator[tuple[Any, Simulation, Any]]:
    loaded = load_level_by_path(LEVEL)
    level, catalog = loaded.require()
    simulation = Simulation(level, catalog)
    yield app, simulation, loaded
    simulation.close()


def key(code: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0)


def show(app: Any, scene: Any) -> pygame.Surface:
    apply_transition(app.stack, Push(scene))
    app.frame(1 / 60)
    app.frame(1 / 60)
    return app.window


def test_the_roster_lists_every_partner_and_keys_choose_and_open_talks(played: Any) -> None:
    app, simulation, loaded = played
    roster = PartnerRosterScene(app.ctx, simulation, loaded)
    show(app, roster)
    assert [view.id for view in roster.snapshot.partners] == [p.partner for p in loaded.level.partners]
    roster.handle(key(pygame.K_DOWN))
    assert roster.partner is not None and roster.partner.id == "roscosmos"
    transition = roster.handle(key(pygame.K_n))
    assert isinstance(transition, Push) and isinstance(transition.scene, NegotiationScene)
    assert isinstance(roster.handle(key(pygame.K_l)), Push)
    assert isinstance(roster.handle(key(pygame.K_ESCAPE)), Pop)


def test_consulting_from_the_roster_takes_an_hour_and_says_what_happened(played: Any) -> None:
    app, simulation, loaded = played
    roster = PartnerRosterScene(app.ctx, simulation, loaded)
    show(app, roster)
    before = roster.partner.trust if roster.partner else 0.0
    roster.handle(key(pygame.K_c))
    assert simulation.hour == 1
    assert "consulted" in roster.message
    assert roster.partner is not None and roster.partner.trust > before
    roster.handle(key(pygame.K_s))
    assert "no new" in roster.message  # nothing sent home yet: a sentence, not a crash


def test_the_reasoning_updates_live_and_a_proposal_gets_an_answer(played: Any) -> None:
    app, simulation, loaded = played
    talks = NegotiationScene(app.ctx, simulation, loaded, "cnsa")
    show(app, talks)
    first = talks.evaluation.utility
    talks.handle(key(pygame.K_RIGHT))  # more funding asked of them: worth less to them
    assert talks.offer.funding_per_year > 0 and talks.evaluation.utility < first
    geology = next(i for i, row in enumerate(talks.rows) if row.label == "Geology data")
    talks.cursor = geology
    talks.handle(key(pygame.K_SPACE))
    assert "geology" in talks.offer.data_share and talks.evaluation.utility > first - 100
    talks.handle(key(pygame.K_RETURN))
    assert talks.answer and simulation.hour == 1
    assert talks.view.last_answer is not None
    app.frame(1 / 60)
    assert isinstance(talks.handle(key(pygame.K_ESCAPE)), Pop)


def test_taking_their_counter_and_proposing_it_signs_an_agreement_shown_in_the_ledger(played: Any) -> None:
    app, simulation, loaded = played
    # A counter asks only for what the station can give (docs/PARTNERS.md): an Earth antenna makes the
    # space-environment data Roscosmos cares for, so it is ordered first, at the first spot it may stand.
    antenna = simulation.ctx.catalog.modules["earth_antenna"]
    grid = simulation.ctx.grid
    x, y = next((x, y) for y in range(grid.height) for x in range(grid.width)
                if placement_refusal(antenna, x, y, grid, simulation.ctx.occupied) is None)
    simulation.run_hours(1, [(0, PlaceModule("earth_antenna", x, y))])
    talks = NegotiationScene(app.ctx, simulation, loaded, "roscosmos")
    show(app, talks)
    while talks.evaluation.acceptable:  # ask for more money until it is more than they would give for nothing
        talks.handle(key(pygame.K_RIGHT))
    talks.handle(key(pygame.K_RETURN))
    assert talks.view.last_answer is not None and talks.view.last_answer.decision == "counter"
    talks.handle(key(pygame.K_t))
    talks.handle(key(pygame.K_RETURN))
    assert "accepts" in talks.answer
    apply_transition(app.stack, Pop())
    ledger = LedgerScene(app.ctx, simulation, loaded)
    show(app, ledger)
    assert [view.state for view in ledger.snapshot.agreements] == ["active"]
    assert isinstance(ledger.handle(key(pygame.K_ESCAPE)), Pop)


def test_the_screens_render_to_pngs(tmp_path: Path) -> None:
    written = shoot_partner_screens(tmp_path)
    assert [path.name for path in written] == ["partners_roster.png", "partners_negotiation.png", "partners_ledger.png"]
    for path in written:
        image = pygame.image.load(str(path))
        assert image.get_size() == (1280, 720)


@pytest.mark.parametrize(
    ("name", "letters"),
    [("China National Space Administration (CNSA)", "CNSA"), ("Roscosmos", "RO"), ("Thailand", "TH"),
     ("Mohammed bin Rashid Space Centre (UAE)", "UAE"), ("The school astronomy club", "SAC"),
     ("NASA (USA)", "NASA"), ("Egypt (Egyptian Space Agency)", "EG")],
)
def test_emblem_initials(name: str, letters: str) -> None:
    assert initials(name) == letters


def test_emblem_ink_reads_on_light_and_dark_colours() -> None:
    assert ink_on(pygame.Color("#e0b43c")) == pygame.Color("#0b0e14")
    assert ink_on(pygame.Color("#2b4c9b")) == pygame.Color("#ffffff")
