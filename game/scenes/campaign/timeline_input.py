"""Where the campaign timeline handles input: keys, the buttons and clicks on the line choose an item or open the
chosen level's briefing.

Left/Right (or Up/Down, Tab) walk along the line, Home/End go to its ends, Page Up/Down jump from level to level,
Enter opens the chosen level's briefing (a second click on it too), Esc goes back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.scenes.scene import Transition
from game.scenes.screen_events import route
from game.ui.focus import PRESS_KEYS

if TYPE_CHECKING:
    from game.scenes.campaign.timeline import TimelineScene


def handle(event: pygame.event.Event, scene: TimelineScene) -> Transition | None:
    return route(event, scene.widgets, rebuild=scene.build_widgets,
                 pressed=lambda name: scene.open_selected() if name == "open" else None,
                 key=lambda key: _key(key, scene), click=lambda position: _click(position, scene))


def _key(event: pygame.event.Event, scene: TimelineScene) -> Transition | None:
    if event.key in PRESS_KEYS:
        return scene.open_selected()
    shift = bool(event.mod & pygame.KMOD_SHIFT)
    if event.key in (pygame.K_LEFT, pygame.K_UP) or (event.key == pygame.K_TAB and shift):
        scene.select(scene.selected - 1)
    elif event.key in (pygame.K_RIGHT, pygame.K_DOWN, pygame.K_TAB):
        scene.select(scene.selected + 1)
    elif event.key == pygame.K_HOME:
        scene.select(0)
    elif event.key == pygame.K_END:
        scene.select(len(scene.items) - 1)
    elif event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
        _jump_to_level(scene, -1 if event.key == pygame.K_PAGEUP else 1)
    return None


def _jump_to_level(scene: TimelineScene, direction: int) -> None:
    index = scene.selected + direction
    while 0 <= index < len(scene.items):
        if scene.items[index].is_level:
            scene.select(index)
            return
        index += direction


def _click(position: tuple[int, int], scene: TimelineScene) -> Transition | None:
    for index, rect in enumerate(scene.layout.item_rects):
        if rect.inflate(8, 8).collidepoint(position):
            if index == scene.selected and scene.items[index].is_level:
                return scene.open_selected()  # a second click on the chosen level opens it
            scene.select(index)
            return None
    return None
