"""The "quit with unsaved progress?" question: pygame_gui's confirmation dialog, sized for a projector."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.windows import UIConfirmationDialog

DIALOG_SIZE = (600, 290)
BUTTON_SIZE = (170, 54)
QUESTION = (
    "Your progress on this level is not saved and will be lost.<br><br>"
    "<b>Enter</b>: quit &nbsp;&nbsp; <b>Esc</b>: keep playing"
)


def open_quit_dialog(ui: pygame_gui.UIManager, window_size: tuple[int, int]) -> UIConfirmationDialog:
    """A blocking dialog in the middle of the window; it posts UI_CONFIRMATION_DIALOG_CONFIRMED on Quit."""
    rect = pygame.Rect((0, 0), DIALOG_SIZE)
    rect.center = (window_size[0] // 2, window_size[1] // 2)
    dialog = UIConfirmationDialog(
        rect, QUESTION, ui, window_title="Quit Lunar Station?", action_short_name="Quit", blocking=True
    )
    # The stock layout has 30-pixel buttons and a '╳' close glyph Noto Sans lacks: enlarge and replace.
    if dialog.close_window_button is not None:
        dialog.close_window_button.set_text("×")
    for button in (dialog.cancel_button, dialog.confirm_button):
        button.set_dimensions(BUTTON_SIZE)
        button.set_relative_position((-(BUTTON_SIZE[0] + 16), -(BUTTON_SIZE[1] + 16)))
        button.rebuild()
    width, height = dialog.get_container().get_size()
    dialog.confirmation_text.set_dimensions((width - 10, height - BUTTON_SIZE[1] - 40))
    return dialog
