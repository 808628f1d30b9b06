"""Keyboard focus for menus: Up/Down/Tab move over buttons, Enter or Space presses, text boxes scroll by key."""

from __future__ import annotations

from collections.abc import Sequence

import pygame
from pygame_gui.elements import UIButton, UITextBox

NEXT_KEYS = (pygame.K_DOWN, pygame.K_TAB)
PREVIOUS_KEYS = (pygame.K_UP,)
PRESS_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
SCROLL_KEYS = {pygame.K_PAGEUP: -0.8, pygame.K_PAGEDOWN: 0.8}


class ButtonFocus:
    """Which of `buttons` the keyboard is on, shown with the theme's 'selected' look.

    The buttons are in reading order, column by column; with `rows` set they stand in columns of that
    many, and Left/Right jump to the same row of the next column.
    """

    __slots__ = ("buttons", "index", "rows")

    def __init__(self, buttons: Sequence[UIButton], index: int = 0, rows: int | None = None):
        self.buttons = list(buttons)
        self.index = min(index, max(0, len(self.buttons) - 1))
        self.rows = rows
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
        elif self.rows and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self._jump_column(-1 if event.key == pygame.K_LEFT else 1)
        elif event.key in PRESS_KEYS:
            return self.focused
        return None

    def move(self, step: int) -> None:
        self.index = (self.index + step) % len(self.buttons)
        self._show()

    def _jump_column(self, direction: int) -> None:
        assert self.rows
        target = self.index + direction * self.rows
        if 0 <= target < len(self.buttons):
            self.index = target
        elif direction > 0:  # past the last column: the last button, so Right always does something
            self.index = len(self.buttons) - 1
        self._show()

    def focus_on(self, button: object) -> None:
        if button in self.buttons:
            self.index = self.buttons.index(button)
            self._show()

    def _show(self) -> None:
        for position, button in enumerate(self.buttons):
            if position == self.index:
                button.select()
            else:
                button.unselect()


def scroll_text_box(box: UITextBox | None, pages: float) -> bool:
    """Scrolls a text box by `pages` of its height (negative: up); False when it has nothing to scroll."""
    if box is None or box.scroll_bar is None:
        return False
    bar = box.scroll_bar
    new_start = max(0.0, min(1.0 - bar.visible_percentage, bar.start_percentage + pages * bar.visible_percentage))
    bar.set_scroll_from_start_percentage(new_start)
    return True


def scroll_key(event: pygame.event.Event) -> float | None:
    """Pages to scroll for Page Up / Page Down, else None."""
    if event.type != pygame.KEYDOWN:
        return None
    return SCROLL_KEYS.get(event.key)
