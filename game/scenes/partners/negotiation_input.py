"""Where the negotiation room handles input: keys, clicks on the terms and their steppers, the wheel and the
buttons become the scene's verbs (choose a term, change it, propose, take their terms, scroll the reasons).

Up/Down choose a term · Left/Right or Space change it · Enter propose · T take their terms · PgUp/PgDn or the
wheel scroll their reasoning · Esc back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.scenes.scene import Pop, Transition

if TYPE_CHECKING:
    from game.scenes.partners.negotiation import NegotiationScene


def handle(event: pygame.event.Event, scene: NegotiationScene) -> Transition | None:
    if event.type == pygame.VIDEORESIZE:
        scene.build_widgets()
    elif event.type == pygame_gui.UI_BUTTON_PRESSED:
        pressed = scene.widgets.name_of(event.ui_element)
        if pressed == "back":
            return Pop()
        if pressed == "propose":
            scene.propose()
        elif pressed == "counter":
            scene.take_counter()
    elif event.type == pygame.KEYDOWN:
        return _key(event.key, scene)
    elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
        _click(event.pos, scene)
    elif event.type == pygame.MOUSEWHEEL:  # the reasons are the one thing on this screen that scrolls freely
        scene.scroll_reasoning(-2 * event.y)
    return None


def _key(key: int, scene: NegotiationScene) -> Transition | None:
    if key == pygame.K_ESCAPE:
        return Pop()
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
    return None


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
