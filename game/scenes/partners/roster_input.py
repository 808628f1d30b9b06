"""Where the partner roster handles input: keys, the buttons, clicks on the cards and the wheel over the detail
become the scene's verbs (choose a partner, scroll its detail, negotiate, consult, share data, the ledger).

Up/Down choose a partner · PgUp/PgDn or the wheel scroll the detail at large text · N negotiate · C consult ·
S share data · L ledger · Tab/Enter move over and press the buttons · Esc back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.scenes.scene import Transition
from game.scenes.screen_events import route
from game.ui.focus import PRESS_KEYS

if TYPE_CHECKING:
    from game.scenes.partners.roster import PartnerRosterScene

ACTION_KEYS = {pygame.K_n: "negotiate", pygame.K_c: "consult", pygame.K_s: "share", pygame.K_l: "ledger"}


def handle(event: pygame.event.Event, scene: PartnerRosterScene) -> Transition | None:
    return route(event, scene.widgets, rebuild=scene.build_widgets, pressed=scene.do,
                 key=lambda key: _key(key, scene), click=lambda position: _click(position, scene),
                 wheel=lambda turn: _wheel(turn, scene))


def _key(event: pygame.event.Event, scene: PartnerRosterScene) -> Transition | None:
    if event.key in ACTION_KEYS:
        return scene.do(ACTION_KEYS[event.key])
    if event.key in (pygame.K_UP, pygame.K_DOWN):
        scene.select(scene.selected + (1 if event.key == pygame.K_DOWN else -1))
    elif event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
        page = max(1, scene.layout().detail_layout().shown - 1)  # a panel less one line: the reader's place
        scene.scroll_detail(page * (-1 if event.key == pygame.K_PAGEUP else 1))
    elif scene.focus is not None and event.key in (pygame.K_TAB, *PRESS_KEYS):
        pressed = scene.widgets.name_of(scene.focus.handle_key(event))
        if pressed is not None:
            return scene.do(pressed)
    return None


def _click(position: tuple[int, int], scene: PartnerRosterScene) -> Transition | None:
    layout = scene.layout()
    first = layout.first_card()
    for index in range(first, min(len(scene.snapshot.partners), first + layout.visible_cards())):
        if scene.layout().card_rect(index).collidepoint(position):  # a choice may scroll the cards
            scene.select(index)
    return None


def _wheel(turn: int, scene: PartnerRosterScene) -> None:
    if scene.layout().detail_rect().collidepoint(pygame.mouse.get_pos()):  # the wheel scrolls what it is over
        scene.scroll_detail(-2 * turn)
