"""Keyboard focus over a column of buttons: Up/Down/Tab move it, Enter or Space presses the button."""

from __future__ import annotations

from collections.abc import Sequence

import pygame
from pygame_gui.elements import UIButton

NEXT_KEYS = (pygame.K_DOWN, pygame.K_TAB)
PREVIOUS_KEYS = (pygame.K_UP,)
PRESS_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


class ButtonFocus:
    """Which of `buttons` the keyboard is on, shown with the theme's 'selected' look."""

    __slots__ = ("buttons", "index")

    def __init__(self, buttons: Sequence[UIButton], index: int = 0):
        self.buttons = list(buttons)
        self.index = index
        self._show()

    @property
    def focused(self) -> UIButton | None:
        return self.buttons[self.index] if self.buttons else None

    def handle_key(self, event: pygame.event.Event) -> UIButton | None:
        """Moves the focus for navigation keys; returns the button to press for Enter/Space."""
        if event.type != pygame.KEYDOWN or not self.buttons:
            return None
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        if event.key in PREVIOUS_KEYS or (event.key == pygame.K_TAB and shift):
            self.move(-1)
        elif event.key in NEXT_KEYS:
            self.move(1)
        elif event.key in PRESS_KEYS:
            return self.focused
        return None

    def move(self, step: int) -> None:
        self.index = (self.index + step) % len(self.buttons)
        self._show()

    def focus_on(self, button: UIButton) -> None:
        if button in self.buttons:
            self.index = self.buttons.index(button)
            self._show()

    def _show(self) -> None:
        for position, button in enumerate(self.buttons):
            if position == self.index:
                button.select()
            else:
                button.unselect()
