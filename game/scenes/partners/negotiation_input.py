"""Where the negotiation room handles input: keys, clicks on the terms and their steppers, the wheel and the
buttons become the scene's verbs (choose a term, change it, propose, take their terms, scroll the reasons).

Up/Down choose a term · Left/Right or Space change it · Enter propose · T take their terms · PgUp/PgDn or the
wheel scroll their reasoning · Esc back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.scenes.scene import Transition
from game.scenes.screen_events import route

if TYPE_CHECKING:
    from game.scenes.partners.negotiation import NegotiationScene


def handle(event: pygame.event.Event, scene: NegotiationScene) -> Transition | None:
    # The reasons are the one thing on this screen that the wheel scrolls.
    return route(event, scene.widgets, rebuild=scene.build_widgets, pressed=lambda name: _pressed(name, scene),
                 key=lambda key: _key(key.key, scene), click=lambda position: _click(position, scene),
                 wheel=lambda up: scene.scroll_reasoning(-2 * up))


def _pressed(name: str, scene: NegotiationScene) -> None:
    if name == "propose":
        scene.propose()
    elif name == "counter":
        scene.take_counter()


def _key(key: int, scene: NegotiationScene) -> None:
    if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_p):
        scene.propose()
    elif key == pygame.K_t:
        scene.take_counter()
    elif key in (pygame.K_UP, pygame.K_DOWN, pygame.K_TAB):
        scene.cursor = (scene.cursor + (-1 if key == pygame.K_UP else 1)) % len(scene.rows)
    elif key in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_SPACE):
        scene.change(scene.cursor, -1 if key == pygame.K_LEFT else 1)
    elif key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
        page = max(1, len(scene.layout().reasoning_layout().lines) - 1)  # a panel less one line: the reader's place
        scene.scroll_reasoning(page * (-1 if key == pygame.K_PAGEUP else 1))


def _click(position: tuple[int, int], scene: NegotiationScene) -> None:
    """A click on a heading shows its side (one side at a time); on a term chooses it and steps it down at its
    minus, up anywhere else."""
    layout = scene.layout()
    if layout.one_side_at_a_time():
        for side, rect in layout.heading_rects().items():
            if rect.collidepoint(position) and scene.rows[scene.cursor].side != side:
                scene.cursor = next(index for index, row in enumerate(scene.rows) if row.side == side)
                return
    for index in range(len(scene.rows)):
        layout = scene.layout()  # a change moves the rows
        rect = layout.row_rect(index)
        if rect.h and rect.collidepoint(position):
            scene.cursor = index
            minus, _ = layout.stepper_rects(rect)
            scene.change(index, -1 if minus.collidepoint(position) else 1)
