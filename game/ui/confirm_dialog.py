"""Questions before progress is lost: pygame_gui's confirmation dialog, sized and worded for a projector."""

from __future__ import annotations

import html
from dataclasses import dataclass

import pygame
import pygame_gui
from pygame_gui.windows import UIConfirmationDialog

from game.content.ui_text import ENGLISH, Translate, to_translate

DIALOG_SIZE = (600, 290)
BUTTON_SIZE = (170, 54)
KEYS_HINT = "<br><br><b>Enter</b>: {action} &nbsp;&nbsp; <b>Esc</b>: {stay}"


@dataclass(frozen=True, slots=True)
class Question:
    """The words of one confirmation: its title, what will be lost, and the button that goes ahead (in English,
    or already translated: the dialog passes them through the translator)."""

    title: str
    body: str
    action: str


QUIT_GAME = Question(to_translate("Quit Lunar Station?"),
                     to_translate("Your progress on this level is not saved and will be lost."), to_translate("Quit"))
LEAVE_LEVEL = Question(to_translate("Leave this level?"),
                       to_translate("Your progress on this level is not saved and will be lost."),
                       to_translate("Leave"))


def open_confirm_dialog(
    ui: pygame_gui.UIManager, window_size: tuple[int, int], question: Question, tr: Translate = ENGLISH
) -> UIConfirmationDialog:
    """A blocking dialog in the middle of the window; it posts UI_CONFIRMATION_DIALOG_CONFIRMED to go ahead."""
    rect = pygame.Rect((0, 0), DIALOG_SIZE)
    rect.center = (window_size[0] // 2, window_size[1] // 2)
    action = tr(question.action)
    body = html.escape(tr(question.body), quote=False) + KEYS_HINT.format(
        action=html.escape(action.lower(), quote=False), stay=html.escape(tr("keep playing"), quote=False))
    dialog = UIConfirmationDialog(
        rect, body, ui, window_title=tr(question.title), action_short_name=action, blocking=True
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
