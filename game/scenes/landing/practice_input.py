"""Where landing practice handles input: keys and clicks choose a row and step its value, the buttons (and Enter,
A, S) fly, let the autopilot fly or open the sound lesson, and the path box replays a recording.

Up/Down choose a setting, Left/Right change it, Enter flies, A lets the autopilot fly, S learns the sounds, Esc
goes back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.scenes.landing.cue_lesson import CueLessonScene
from game.scenes.scene import Pop, Push, Transition

if TYPE_CHECKING:
    from game.scenes.landing.practice_screen import LandingPracticeScene


def handle(event: pygame.event.Event, scene: LandingPracticeScene) -> Transition | None:
    if event.type == pygame.VIDEORESIZE:
        scene.build_widgets()
    elif event.type == pygame_gui.UI_BUTTON_PRESSED:
        return _press(scene.buttons.name_of(event.ui_element), scene)
    elif event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is scene.replay_entry:
        return scene.replay_file(Path(scene.replay_entry.get_text().strip()).expanduser())
    elif event.type == pygame.KEYDOWN:
        return _key(event.key, scene)
    elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
        _click(event.pos, scene)
    return None


def _press(name: str | None, scene: LandingPracticeScene) -> Transition | None:
    if name == "Back":
        return Pop()
    if name == "Sounds":
        return Push(CueLessonScene(scene.ctx))
    if name == "Fly":
        return scene.fly()
    if name == "Autopilot":
        return scene.fly(autopilot=True)
    if name == "Replay" and scene.replay_entry is not None:
        return scene.replay_file(Path(scene.replay_entry.get_text().strip()).expanduser())
    return None


def _key(key: int, scene: LandingPracticeScene) -> Transition | None:
    if key == pygame.K_ESCAPE:
        return Pop()
    if key == pygame.K_s:
        return Push(CueLessonScene(scene.ctx))
    if not scene.choices:
        return None
    if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
        return scene.fly()
    if key == pygame.K_a:
        return scene.fly(autopilot=True)
    if key in (pygame.K_UP, pygame.K_DOWN):
        scene.select((scene.selected + (1 if key == pygame.K_DOWN else -1)) % len(scene.choices))
    elif key in (pygame.K_LEFT, pygame.K_RIGHT):
        scene.change(scene.choices[scene.selected].label, 1 if key == pygame.K_RIGHT else -1)
    return None


def _click(position: tuple[int, int], scene: LandingPracticeScene) -> None:
    """A click on a row chooses it; on its value, the left half steps back and the right half on."""
    for index in scene.layout.visible_rows(scene.first_row):
        layout = scene.layout  # a change of zone may change the labels, and so the layout
        choice = scene.choices[index]
        row = layout.row(index, scene.first_row)
        if row.collidepoint(position):
            scene.selected = index
            value_left = layout.value_left(row)
            if position[0] >= value_left:
                middle = (value_left + row.right) / 2
                scene.change(choice.label, 1 if position[0] >= middle else -1)
