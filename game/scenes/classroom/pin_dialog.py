"""A small dialog for the teacher's PIN: right, it unlocks the class's locked settings on this machine for this
session and opens what the teacher asked for; wrong, it says so. The PIN is checked against the class file's
salted hash only (game/classroom/pin.py)."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game.classroom.pin import pin_matches
from game.classroom.session import ClassSession
from game.content.ui_text import to_translate
from game.render import palette
from game.render.fonts import scaled
from game.render.text import draw_text, wrap_text
from game.scenes.context import SceneContext
from game.scenes.scene import SceneBase, Transition
from game.scenes.screen_events import BACK, route
from game.ui.button_words import button_width_for
from game.ui.pin_box import PinBox
from game.ui.widget_set import WidgetSet

ASK = to_translate("Teacher's PIN for {name}: it unlocks the class's settings on this computer until the game closes.")
WRONG = to_translate("That PIN is not right.")
UNLOCK = to_translate("Unlock")
BACK_LABEL = to_translate("Back")


class PinScene(SceneBase):
    """Enter or Unlock checks the PIN; Esc or Back leaves with nothing unlocked."""

    def __init__(self, ctx: SceneContext, session: ClassSession, then: Callable[[], Transition]):
        self.ctx = ctx
        self.session = session
        self.then = then  # where a right PIN leads (the Teacher screen, or back to the settings)
        self.entry: UITextEntryLine | None = None
        self.widgets: WidgetSet[UIButton] = WidgetSet()
        self.entries: WidgetSet[UITextEntryLine] = WidgetSet()
        self.problem = ""

    def enter(self) -> None:
        self.exit()
        width, height = self.ctx.ui.window_resolution
        scale = self.ctx.fonts.scale
        line = scaled(48, scale)
        box = pygame.Rect(0, 0, min(width - 80, scaled(320, scale)), line)
        box.center = (width // 2, height // 2)
        self.entry = self.entries.add("pin", PinBox(box, self.ctx.ui))
        self.entry.focus()
        # Two buttons of one width, as wide as the longer words need, side by side under the box.
        labels = {"unlock": self.ctx.tr(UNLOCK), BACK: self.ctx.tr(BACK_LABEL)}
        button_width = min((width - 80 - 16) // 2, max(scaled(160, scale), *(
            button_width_for(self.ctx.fonts, label) for label in labels.values())))
        unlock = pygame.Rect(width // 2 - button_width - 8, box.bottom + scaled(16, scale), button_width, line)
        self.widgets.build({name: UIButton(unlock.move(number * (button_width + 16), 0), label, self.ctx.ui)
                            for number, (name, label) in enumerate(labels.items())})

    def exit(self) -> None:
        self.widgets.kill()
        self.entries.kill()
        self.entry = None

    def check(self, typed: str) -> Transition | None:
        """A right PIN unlocks and goes on; a wrong one stays, saying so."""
        stored = self.session.plan.teacher_pin
        if stored is None or pin_matches(typed.strip(), stored):
            self.session.unlocked = True
            return self.then()
        self.problem = WRONG
        if self.entry is not None:
            self.entry.set_text("")
        return None

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.entry:
            return self.check(self.entry.get_text())
        return route(event, self.widgets, rebuild=self.enter, pressed=self._pressed)

    def _pressed(self, name: str) -> Transition | None:
        if name == "unlock" and self.entry is not None:
            return self.check(self.entry.get_text())
        return None

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        colours, fonts = self.ctx.palette, self.ctx.fonts
        surface.fill(colours.sky)
        width, height = surface.get_size()
        body = fonts.regular(palette.LARGE)
        lines = wrap_text(self.ctx.tr(ASK, name=self.session.name), body, width - 80)
        y = max(16, (self.entry.rect.top if self.entry else height // 2) - 16 - len(lines) * body.get_linesize())
        for part in lines:
            y = draw_text(surface, part, body, colours.text, (width // 2, y), anchor="midtop").bottom
        if self.problem:
            below = self.entry.rect.bottom + scaled(80, fonts.scale) if self.entry else height * 3 // 4
            draw_text(surface, self.ctx.tr(self.problem), body, colours.warning, (width // 2, below), anchor="midtop")
