"""Questions before progress is lost: pygame_gui's confirmation dialog, sized and worded for a projector."""

from __future__ import annotations

from dataclasses import dataclass

import pygame
import pygame_gui
from pygame_gui.windows import UIConfirmationDialog

DIALOG_SIZE = (600, 290)
BUTTON_SIZE = (170, 54)
KEYS_HINT = "<br><br><b>Enter</b>: {action} &nbsp;&nbsp; <b>Esc</b>: keep playing"


@dataclass(frozen=True, slots=True)
class Question:
    """The words of one confirmation: its title, what will be lost, and the button that goes ahead."""

    title: str
    body: str
    action: str


QUIT_GAME = Question("Quit Lunar Station?", "Your progress on this level is not saved and will be lost.", "Quit")
LEAVE_LEVEL = Question("Leave this level?", "Your progress on this level is not saved and will be lost.", "Leave")


def open_confirm_dialog(
    ui: pygame_gui.UIManager, window_size: tuple[int, int], question: Question
) -> UIConfirmationDialog:
    """A blocking dialog in the middle of the window; it posts UI_CONFIRMATION_DIALOG_CONFIRMED to go ahead."""
    rect = pygame.Rect((0, 0), DIALOG_SIZE)
    rect.center = (window_size[0] // 2, window_size[1] // 2)
    body = question.body + KEYS_HINT.format(action=question.action.lower())
    dialog = UIConfirmationDialog(
        rect, body, ui, window_title=question.title, action_short_name=question.action, blocking=True
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
