"""The events a screen of buttons answers the way every such screen does: a new window size builds its widgets
again, Esc and the button named "back" go back, any other pressed button is passed on by name, and keys, left
clicks and the wheel go to the screen's own handlers.

    return route(event, scene.widgets, rebuild=scene.build_widgets, pressed=_pressed, key=_key, click=_click)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame
import pygame_gui

from game.scenes.scene import Pop, Transition
from game.ui.widget_set import WidgetSet

BACK = "back"  # the name of the button that leaves the screen, as Esc does


def route(event: pygame.event.Event, widgets: WidgetSet[Any], *, rebuild: Callable[[], None],
          pressed: Callable[[str], Transition | None],
          key: Callable[[pygame.event.Event], Transition | None] | None = None,
          click: Callable[[tuple[int, int]], Transition | None] | None = None,
          wheel: Callable[[int], None] | None = None) -> Transition | None:
    """The transition `event` asks for, if any, after passing it to the handler for its kind."""
    if event.type == pygame.VIDEORESIZE:
        rebuild()
    elif event.type == pygame_gui.UI_BUTTON_PRESSED:
        name = widgets.name_of(event.ui_element)
        if name == BACK:
            return Pop()
        if name is not None:
            return pressed(name)
    elif event.type == pygame.KEYDOWN:
        if event.key == pygame.K_ESCAPE:
            return Pop()
        return key(event) if key is not None else None
    elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and click is not None:
        return click(event.pos)
    elif event.type == pygame.MOUSEWHEEL and wheel is not None:
        wheel(event.y)
    return None
