"""Where the debrief handles input: the buttons, and the keys that stand for them (Esc back to the campaign, G the
next graph, Up/Down/Tab and Enter over the buttons), become the scene's presses; Page Up/Down scroll the goals (and
the wheel over them) where large text leaves their column short, the facts, or an answered question's explanation."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.scenes.scene import Transition
from game.ui.focus import scroll_key, scroll_text_box

if TYPE_CHECKING:
    from game.scenes.campaign.debrief import DebriefScene


def handle(event: pygame.event.Event, scene: DebriefScene) -> Transition | None:
    pages = scroll_key(event)
    if pages is not None and scene.tab in ("Facts", "Quiz"):
        scroll_text_box(scene.boxes.get("facts" if scene.tab == "Facts" else "explanation"), pages)
        return None
    if scene.tab == "Summary":  # the goals column scrolls where large text leaves it short
        if pages is not None:
            page = scene.summary_column().window.page
            scene.scroll_summary(page if pages > 0 else -page)
            return None
        if event.type == pygame.MOUSEWHEEL and scene.layout.goals.collidepoint(pygame.mouse.get_pos()):
            scene.scroll_summary(-2 * event.y)
            return None
    if event.type == pygame.VIDEORESIZE:
        scene.build()
    elif event.type == pygame_gui.UI_BUTTON_PRESSED:
        name = scene.buttons.name_of(event.ui_element)
        return scene.press(name) if name is not None else None
    elif event.type == pygame_gui.UI_BUTTON_ON_HOVERED and scene.focus is not None:
        scene.focus.focus_on(event.ui_element)
    elif event.type == pygame.KEYDOWN:
        if event.key == pygame.K_ESCAPE:
            return scene.press("Back to campaign")
        if event.key == pygame.K_g and scene.tab == "Summary":
            return scene.press("next_graph")
        if scene.focus is not None:
            name = scene.buttons.name_of(scene.focus.handle_key(event))
            return scene.press(name) if name is not None else None
    return None
