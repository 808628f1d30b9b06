"""The partner screens, driven headless by keys as a player would: roster, negotiation room, ledger."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.content.loader import load_level_by_path
from game.ecs.commands import PlaceModule
from game.render import palette
from game.render.partner_emblem import initials, ink_on
from game.render.text import wrap_text
from game.rules.negotiation import Evaluation, Reason
from game.rules.placement import placement_refusal
from game.scenes.partners.ledger import LedgerScene
from game.scenes.partners.negotiation import NegotiationScene
from game.scenes.partners.roster import PartnerRosterScene
from game.scenes.partners.roster_layout import status_line
from game.scenes.scene import Pop, Push, apply_transition
from game.simulation.simulation import Simulation
from tools.partner_screenshots import GALLERY_TALKS_KEYS, play_gallery_moves, shoot_partner_screens

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


def test_a_partner_s_joining_date_is_said_to_be_the_real_programme_s(app: Any) -> None:
    # Level 4 starts in April 2023: a partner that joined the real programme later must not read as having
    # 'joined' in the level's past while it is not yet a member.
    loaded = load_level_by_path(LEVEL.parent / "04_partners_2023.toml")
    simulation = Simulation(*loaded.require())
    try:
        roster = PartnerRosterScene(app.ctx, simulation, loaded)
        show(app, roster)
        start = str(loaded.level.start_date)
        later = [view for view in roster.snapshot.partners if view.joined and view.joined > start]
        assert later, "level 4 lists partners that joined after it starts"
        for view in later:
            line = status_line(view, app.ctx.tr)
            assert "joined the real programme" in line and "not yet a member" in line, line
    finally:
        simulation.close()


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


def test_pressing_enter_again_after_they_accept_signs_nothing_more(played: Any) -> None:
    app, simulation, loaded = played
    talks = NegotiationScene(app.ctx, simulation, loaded, "cnsa")
    show(app, talks)
    geology = next(i for i, row in enumerate(talks.rows) if row.label == "Geology data")
    talks.cursor = geology
    talks.handle(key(pygame.K_SPACE))  # a share of the geology data they care for most: they accept
    talks.handle(key(pygame.K_RETURN))
    assert "accepts" in talks.answer and len(simulation.snapshot().agreements) == 1
    propose = talks.widgets.get("propose")
    assert propose is not None and not propose.is_enabled
    hour = simulation.hour
    for _ in range(10):
        talks.handle(key(pygame.K_RETURN))
        app.frame(1 / 60)
    assert len(simulation.snapshot().agreements) == 1 and simulation.hour == hour
    assert "Agreement 1 holds these terms" in talks.answer
    talks.handle(key(pygame.K_RIGHT))  # other terms are a new proposal again
    assert talks.signed_number() is None and propose.is_enabled


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


# --- the negotiation room's layout: every part in its own box, at the sizes a classroom uses ---------------

LONG_ANSWER = ("The partner proposes changed terms: funding 100 → 50 credits a year; add a share of the Sun-Earth-Moon "
               "space environment data. They ask for the Sun-Earth-Moon space environment data: they care 80% for "
               "it, and the station's Earth antenna makes it. They give less: nothing more can be given yet.")


def many_reasons() -> Evaluation:
    """More reasons than any panel holds, each long enough to wrap, and a law quoted in full."""
    reasons = tuple(Reason(f"Reason number {n}: a sentence long enough to need two lines in the panel, or three.",
                           weight=float(n % 5 - 2)) for n in range(1, 16))
    return Evaluation(utility=-12.0, reasons=reasons, blocked=("A law of theirs forbids this term, quoted here.",))


def look(app: Any, size: tuple[int, int], scale: float) -> None:
    app.ctx.settings.ui_scale = scale
    app.ctx.apply_look()
    if app.window.get_size() != size:
        pygame.display.set_mode(size)
        app.frame(1 / 60)


@pytest.mark.parametrize(("size", "scale"), [((1280, 720), 1.0), ((1920, 1080), 1.0), ((1280, 720), 1.5),
                                             ((1920, 1080), 2.0)])
def test_nothing_in_the_negotiation_room_draws_outside_its_box(played: Any, size: tuple[int, int],
                                                                scale: float) -> None:
    app, simulation, loaded = played
    look(app, size, scale)
    talks = NegotiationScene(app.ctx, simulation, loaded, "cnsa")
    show(app, talks)
    talks.answer, talks.evaluation = LONG_ANSWER, many_reasons()
    app.frame(1 / 60)
    screen = app.window.get_rect()
    box, answer, hint = talks.layout().reasoning_box(), talks.layout().answer_rect(), talks.layout().hint_rect()
    rows = [rect for rect in map(talks.layout().row_rect, range(len(talks.rows))) if rect.h]
    buttons = [button.get_abs_rect() for button in talks.widgets.values()]
    parts = [box, answer, hint, *buttons]
    for index, part in enumerate(parts):
        assert screen.contains(part), part
        assert not any(part.colliderect(other) for other in parts[index + 1:]), part
    assert all(screen.contains(row) and not row.colliderect(box) and row.bottom <= answer.y for row in rows)
    # The rows' "rows 1-7 of 8" line sits under them, above the answer.
    more = app.ctx.fonts.bold(palette.SMALL).get_linesize()
    assert max(row.bottom for row in rows) + 4 + (more if talks.layout().more_rows() else 0) <= answer.y
    # The answer has the lines it needs: all of it at 100 %, never less than three lines' worth at 150 %.
    needed = len(wrap_text(LONG_ANSWER, app.ctx.fonts.regular(palette.BODY), answer.width))
    if scale == 1.0:
        assert talks.layout().answer_lines() == needed and needed >= (3 if size == (1280, 720) else 2)
    assert talks.layout().answer_lines() >= min(needed, 3)
    # Every reason line in view lies inside the panel; nothing of the panel reaches the answer.
    layout = talks.layout().reasoning_layout()
    assert box.contains(layout.area)
    assert all(layout.area.contains(line.rect) for line in layout.lines)
    gap = pygame.Rect(box.x, box.bottom, box.width, answer.y - box.bottom)
    sky = app.ctx.palette.sky[:3]
    assert {app.window.get_at((x, y))[:3] for x in range(gap.left, gap.right, 3)
            for y in range(gap.top, gap.bottom)} <= {sky}


def test_an_answer_too_long_for_its_box_is_read_whole_in_the_reasoning_panel(played: Any) -> None:
    # Large text in the small window ends the answer with '…': the panel, which scrolls, repeats it whole, its
    # figures' status marks included; when the whole answer fits, the panel does not repeat it.
    app, simulation, loaded = played
    talks = NegotiationScene(app.ctx, simulation, loaded, "cnsa")
    show(app, talks)
    long_answer = LONG_ANSWER + " " + LONG_ANSWER
    for scale, cut in ((2.0, True), (1.0, False)):
        look(app, (1280, 720), scale)
        talks.answer, talks.evaluation = long_answer if cut else LONG_ANSWER, many_reasons()
        app.frame(1 / 60)
        layout = talks.layout()
        assert layout.answer_cut() is cut
        repeated = [text for _, text, _ in layout.reasoning_entries() if text == layout.answer_text()]
        assert repeated == ([long_answer] if cut else [])


def test_page_down_and_the_wheel_scroll_the_reasons_to_the_end_and_back(played: Any) -> None:
    app, simulation, loaded = played
    talks = NegotiationScene(app.ctx, simulation, loaded, "cnsa")
    show(app, talks)
    talks.evaluation = many_reasons()
    layout = talks.layout().reasoning_layout()
    assert layout.scroll is not None and layout.first == 0 and "PgUp/PgDn" in layout.where
    seen = [line.words for line in layout.lines]
    talks.handle(key(pygame.K_PAGEDOWN))
    moved = talks.layout().reasoning_layout()
    assert moved.first == len(layout.lines) - 1  # a panel less one line: the last line read stays in view
    assert moved.lines[0].words == seen[-1]
    for _ in range(layout.total):
        talks.handle(key(pygame.K_PAGEDOWN))
    end = talks.layout().reasoning_layout()
    assert end.first == end.last_first and end.first + len(end.lines) == end.total  # the last line shows
    assert end.lines[-1].words.endswith("three.")
    talks.handle(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, precise_x=0.0, precise_y=1.0, flipped=False))
    assert talks.layout().reasoning_layout().first == end.first - 2
    for _ in range(layout.total):
        talks.handle(key(pygame.K_PAGEUP))
    assert talks.layout().reasoning_layout().first == 0
    assert talks.cursor == 0 and talks.offer == NegotiationScene(app.ctx, simulation, loaded, "cnsa").offer


def test_the_gallery_shows_the_partner_countering_with_its_reasons(played: Any) -> None:
    app, simulation, loaded = played
    play_gallery_moves(simulation)
    talks = NegotiationScene(app.ctx, simulation, loaded, "cnsa")
    show(app, talks)
    for code in GALLERY_TALKS_KEYS:
        talks.handle(key(code))
    answer = talks.view.last_answer
    assert answer is not None and answer.decision == "counter" and answer.counter is not None
    assert "proposes changed terms" in talks.answer and "They ask" in talks.answer
    assert talks.widgets["counter"].is_enabled
    talks.handle(key(pygame.K_t))
    assert talks.evaluation.acceptable  # their counter, put back on the table, is one they would sign


def test_what_the_talks_set_off_is_written_in_the_station_log(app: Any) -> None:
    """An agreement signed in the talks never reached the station's log (it showed only after a reload): each
    answer runs a game hour, and that hour's events went nowhere, a goal met in it too."""
    from game.scenes.station.station_scene import StationScene
    from tests.app_helpers import run_frames

    station = StationScene(app.ctx, load_level_by_path(LEVEL))
    app.request(Push(station))
    run_frames(app, 2)
    opened = station.open_partners()
    assert isinstance(opened, Push)
    app.request(opened)
    run_frames(app)
    roster = opened.scene
    assert isinstance(roster, PartnerRosterScene)
    talks = roster.do("negotiate")
    assert isinstance(talks, Push) and isinstance(talks.scene, NegotiationScene)
    app.request(talks)
    run_frames(app)
    room = talks.scene
    geology = next(i for i, row in enumerate(room.rows) if row.label == "Geology data")
    room.cursor = geology
    room.handle(key(pygame.K_SPACE))
    room.handle(key(pygame.K_RETURN))
    assert "accepts" in room.answer
    app.request(Pop())
    app.request(Pop())
    run_frames(app)
    assert app.top is station
    logged = [line.text for line in station.run.log.lines]
    assert any("signs agreement 1" in text for text in logged), logged
    assert station.run.snapshot.agreements  # the panels read the station as it now is
