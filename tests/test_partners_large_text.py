"""The partner screens at 150-200 % text in a 1280x720 window: the roster's detail scrolls as one column with every
section, the list shows whole names, and the negotiation room's title shows the whole partner name."""

from __future__ import annotations

from typing import Any

import pygame
import pytest

from game.render import palette
from game.render.text import wrap_text
from game.scenes.partners.roster_layout import WIDE_LIST_SHARE
from game.settings import Settings
from tests.app_helpers import press
from tests.screen_tour import open_screen

HEADINGS = ("What they care for (game values)", "They can bring", "They ask for", "Who they are", "History")


def at(*scales: float) -> list[Any]:
    """The app in a 1280x720 window at each UI scale, for the shared `opened_app` fixture (tests/conftest.py)."""
    return [pytest.param(Settings(ui_scale=scale, window_size=(1280, 720)), id=f"{scale:.0%}") for scale in scales]


def _roster(app: Any) -> Any:
    scene = open_screen(app, "partners")
    assert type(scene).__name__ == "PartnerRosterScene"
    assert app.window.get_size() == (1280, 720)
    return scene


def _scroll_to_the_end(app: Any, scene: Any) -> set[str]:
    """Presses Page Down until the detail stops moving; returns every text drawn on the way."""
    seen: set[str] = set(app.ctx.fonts.seen)
    for _ in range(40):
        before = scene.layout().detail_layout().first
        press(app, pygame.K_PAGEDOWN)
        seen |= app.ctx.fonts.seen
        if scene.layout().detail_layout().first == before:
            break
    return seen


@pytest.mark.parametrize("opened_app", at(2.0), indirect=True)
def test_at_200_every_section_and_the_whole_history_can_be_scrolled_into_view(opened_app: Any) -> None:
    app = opened_app
    scene = _roster(app)
    press(app, pygame.K_c)  # consulting the partner writes a line of history
    view = scene.partner
    assert view.history, "consulting should have left a line in the partner's history"
    assert scene.layout().one_column()
    app.ctx.fonts.seen.clear()
    app.frame(1 / 60)
    first_page = set(app.ctx.fonts.seen)
    assert any(text.startswith("lines 1-") and text.endswith("PgUp/PgDn") for text in first_page), first_page
    seen = _scroll_to_the_end(app, scene)
    for heading in HEADINGS:
        assert heading in seen, f"'{heading}' was never drawn whole while scrolling"
    width = scene.layout().detail_layout().area.width
    small = app.ctx.fonts.regular(palette.SMALL)
    for entry in view.history:
        for row in wrap_text(app.ctx.tr(entry), small, width):
            assert row in seen, f"the history line '{row}' was never drawn"
    for source in view.sources:  # every source in full (a long address takes its own line)
        for row in wrap_text(app.ctx.tr("Source: {source}", source=source), small, width):
            assert row in seen, f"the source line '{row}' was never drawn"
    assert not [text for text in seen - first_page if text.endswith("…")], "a line of the detail was cut"


@pytest.mark.parametrize("opened_app", at(2.0), indirect=True)
def test_page_down_and_the_wheel_move_the_detail_and_page_up_brings_it_back(opened_app: Any,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    app = opened_app
    scene = _roster(app)
    top = pygame.image.tobytes(app.window, "RGB")
    press(app, pygame.K_PAGEDOWN)
    moved = scene.layout().detail_layout().first
    assert moved > 0 and pygame.image.tobytes(app.window, "RGB") != top
    press(app, pygame.K_PAGEUP)
    assert scene.layout().detail_layout().first == 0
    assert pygame.image.tobytes(app.window, "RGB") == top
    monkeypatch.setattr(pygame.mouse, "get_pos", lambda: scene.layout().detail_rect().center)
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False, precise_x=0.0, precise_y=-1.0))
    app.frame(1 / 60)
    assert scene.layout().detail_layout().first == 2
    press(app, pygame.K_DOWN)  # another partner: their detail starts at its top
    assert scene.selected == 1 and scene.layout().detail_layout().first == 0


@pytest.mark.parametrize("opened_app", at(2.0), indirect=True)
def test_at_200_the_list_shows_whole_names(opened_app: Any) -> None:
    app = opened_app
    scene = _roster(app)
    app.ctx.fonts.seen.clear()
    app.frame(1 / 60)
    name_font = app.ctx.fonts.bold(palette.SMALL)
    for index, view in enumerate(scene.snapshot.partners[:scene.layout().visible_cards()]):
        rows = wrap_text(view.name, name_font, scene.layout().card_rect(index).width - 22)
        assert len(rows) <= 2, f"{view.name} needs {len(rows)} lines on its card"
        assert all(row in app.ctx.fonts.seen for row in rows), f"{view.name} was not drawn whole"
    assert scene.layout().visible_cards() >= 2


@pytest.mark.parametrize("opened_app", at(1.0), indirect=True)
def test_at_100_the_detail_is_two_columns_and_nothing_scrolls(opened_app: Any) -> None:
    app = opened_app
    scene = _roster(app)
    assert not scene.layout().one_column()
    layout = scene.layout()
    # The list keeps its usual width (it widens only for one column), the detail beside it to the right margin.
    window = app.window.get_rect()
    assert layout.list_width() < window.width * WIDE_LIST_SHARE
    assert layout.detail_rect().left > layout.card_rect(0).right and window.contains(layout.detail_rect())
    assert "What they care for (game values)" in app.ctx.fonts.seen and "Who they are" in app.ctx.fonts.seen
    assert not any(text.startswith("lines ") for text in app.ctx.fonts.seen)
    before = pygame.image.tobytes(app.window, "RGB")
    press(app, pygame.K_PAGEDOWN)
    assert scene.detail_scroll == 0
    assert pygame.image.tobytes(app.window, "RGB") == before


@pytest.mark.parametrize("opened_app", at(1.0, 1.5, 2.0), indirect=True)
def test_the_negotiation_title_shows_the_whole_partner_name(opened_app: Any) -> None:
    app = opened_app
    open_screen(app, "negotiation")
    scene = app.top
    assert type(scene).__name__ == "NegotiationScene"
    title = app.ctx.tr("Talks with {partner}", partner=scene.view.name)
    room_layout = scene.layout()
    layout = room_layout.title_layout()
    assert " ".join(layout.lines) == title
    assert all(line in app.ctx.fonts.seen for line in layout.lines), "the title was not drawn whole"
    fonts = app.ctx.fonts
    assert layout.font.get_height() >= fonts.bold(palette.BODY).get_height(), "the title is smaller than body text"
    window, box = app.window.get_rect(), room_layout.title_rect()
    assert window.contains(box), f"the title {box} runs out of the window"
    beside = room_layout.patience_beside_rect()
    if beside is not None:
        assert window.contains(beside) and not box.colliderect(beside), "the title runs into the patience"
    assert room_layout.patience_label() in app.ctx.fonts.seen
    headings = room_layout.heading_rects().values()
    assert all(heading.top >= box.bottom for heading in headings), "the terms start below the title"


@pytest.mark.parametrize("opened_app", at(1.0, 1.5, 2.0), indirect=True)
def test_the_roster_says_trust_patience_and_interests_are_game_values(opened_app: Any) -> None:
    # Chosen for play (game/rules/trust.py, negotiation.py), so marked as game values the way tooltips and the
    # encyclopedia mark them, whole at every text size.
    app = opened_app
    scene = _roster(app)
    seen = _scroll_to_the_end(app, scene)
    trust = [text for text in seen if text.startswith("Trust ")]
    assert trust and all(text.endswith("game value)") for text in trust), trust
    # Large text wraps the talks line: its mark may stand on a line of its own.
    patience = [text for text in seen if "patience" in text]
    assert (patience and any(text.endswith("(game value)") for text in patience)) or "(game value)" in seen, seen
    assert "What they care for (game values)" in seen


@pytest.mark.parametrize("opened_app", at(1.0, 1.5, 2.0), indirect=True)
def test_the_negotiation_room_says_trust_patience_and_worth_are_game_values(opened_app: Any) -> None:
    app = opened_app
    open_screen(app, "negotiation")
    drawn = set(app.ctx.fonts.seen)
    assert any(text.startswith("Trust ") and text.endswith("game value)") for text in drawn), drawn
    assert any(text.startswith("Patience: ") and text.endswith("(game value)") for text in drawn), drawn
    assert any(text.startswith("Worth to them: ") and text.endswith("(game values)") for text in drawn), drawn


@pytest.mark.parametrize("opened_app", [
    pytest.param(Settings(ui_scale=2.0, window_size=(1280, 720)), id="en-1280"),
    pytest.param(Settings(language="ru", ui_scale=2.0, window_size=(1920, 1080)), id="ru-1920"),
], indirect=True)
def test_no_empty_line_stands_above_the_pagers_of_the_partner_panels(opened_app: Any) -> None:
    """At 200 % in Russian the roster's detail left a whole empty line above 'lines 1-12 of 26 · PgUp/PgDn' (the next
    line did not fit, and the pager kept to the panel's foot); the negotiation's reasons did the same."""
    app = opened_app
    scene = open_screen(app, "partners")
    small = app.ctx.fonts.regular(palette.SMALL)
    panel = scene.layout().detail_rect()
    for first in range(scene.layout().detail_layout().last_first + 1):
        scene.detail_scroll = first
        detail = scene.layout().detail_layout()
        assert detail.scroll is not None, "at 200 % the detail scrolls"
        shown = detail.lines[detail.first:detail.first + detail.shown]
        bottom = detail.area.y + sum(line.height + (line.gap if count else 0) for count, line in enumerate(shown))
        assert 0 <= detail.pager_top - bottom <= 6, f"scrolled to {first}: {detail.pager_top - bottom} px gap"
        assert detail.pager_top + small.get_height() <= panel.bottom - 8, "the pager stays inside the panel"
    press(app, pygame.K_n)
    talks = app.top
    assert type(talks).__name__ == "NegotiationScene"
    reasoning = talks.layout().reasoning_layout()
    assert reasoning.scroll is not None and reasoning.lines, "the reasons scroll at 200 %"
    gap = reasoning.pager_top - reasoning.lines[-1].rect.bottom
    assert 0 <= gap <= 6 and reasoning.pager_top + small.get_height() <= reasoning.box.bottom, \
        f"{gap} px above the negotiation's pager"


@pytest.mark.parametrize("opened_app", [pytest.param(Settings(language="ru", ui_scale=2.0, window_size=(1920, 1080)),
                                                     id="ru-1080p-200%")], indirect=True)
def test_long_term_names_show_one_side_at_a_time_rather_than_cut(opened_app: Any) -> None:
    """Russian term names at 200 % in full HD: in two columns most ended in '…' ("Финансы (кр…")."""
    app = opened_app
    open_screen(app, "negotiation")
    layout = app.top.layout()
    assert layout.one_side_at_a_time()
    shown = [row.label for row in layout.rows if row.side in layout.sides_shown()]
    cut = [label for label in shown if label not in app.ctx.fonts.seen]
    assert 2 * len(cut) <= len(shown), f"most names were cut: {cut}"
