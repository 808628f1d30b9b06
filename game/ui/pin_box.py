"""The box a teacher types the PIN into (the PIN dialog, the Teacher screen): a text entry that shows dots."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine


class PinBox(UITextEntryLine):
    """A one-line text entry whose text is never shown, only a dot for each character typed."""

    def __init__(self, rect: pygame.Rect, manager: pygame_gui.UIManager, text: str = ""):
        super().__init__(rect, manager)
        self.set_text(text)
        self.set_text_hidden(True)
