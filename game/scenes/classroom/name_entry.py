"""The first screen of a class: the class's name, and a box for the student's name or seat number (nothing else)."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game import paths
from game.classroom.session import MAX_STUDENT_NAME, ClassSession, clean_student_name
from game.content.ui_text import to_translate
from game.render import palette
from game.render.fonts import scaled
from game.render.text import draw_text, fit_text, wrap_text
from game.scenes.context import SceneContext
from game.scenes.scene import Pop, SceneBase, Transition
from game.ui.button_words import button_width_for
from game.ui.widget_set import WidgetSet

ASK = to_translate("Type your name or your seat number, then press Enter.")
PRIVACY = to_translate("Nothing else about you is asked or kept: your results carry only this name.")
EMPTY = to_translate("Type a name or a seat number first.")
START = to_translate("Start")


def begin_as_student(ctx: SceneContext, session: ClassSession, typed: str) -> bool:
    """Takes the typed name; from now on progress and saves are this student's own. False when it was empty."""
    name = clean_student_name(typed)
    if not name:
        return False
    session.student = name
    paths.use_player_folder(session.player_folder())
    return True


class NameEntryScene(SceneBase):
    """Enter (or Start) begins with the typed name; there is no way past it without one."""

    def __init__(self, ctx: SceneContext, session: ClassSession):
        self.ctx = ctx
        self.session = session
        self.entry: UITextEntryLine | None = None
        self.widgets: WidgetSet[UIButton] = WidgetSet()
        self.entries: WidgetSet[UITextEntryLine] = WidgetSet()
        self.problem = ""

    def enter(self) -> None:
        self._build()

    def exit(self) -> None:
        self.widgets.kill()
        self.entries.kill()
        self.entry = None

    def _build(self) -> None:
        typed = self.entry.get_text() if self.entry else ""
        self.exit()
        width, height = self.ctx.ui.window_resolution
        scale = self.ctx.fonts.scale
        line = scaled(48, scale)
        box = pygame.Rect(0, 0, min(width - 80, scaled(480, scale)), line)
        box.midtop = (width // 2, max(height // 2 - line, self._text_bottom(width, height) + scaled(20, scale)))
        self.entry = self.entries.add("name", UITextEntryLine(box, self.ctx.ui))
        self.entry.set_text_length_limit(MAX_STUDENT_NAME)
        self.entry.set_text(typed)
        self.entry.focus()
        label = self.ctx.tr(START)  # the button as wide as its words need (a translation may run longer)
        button = pygame.Rect(0, box.bottom + scaled(16, scale),
                             min(width - 80, max(scaled(200, scale), button_width_for(self.ctx.fonts, label))), line)
        button.centerx = width // 2
        self.widgets.build({START: UIButton(button, label, self.ctx.ui)})

    def _title_font(self) -> pygame.font.Font:
        scale = self.ctx.fonts.scale  # the class's name is huge already: it grows less than the rest
        return self.ctx.fonts.bold(round(56 * min(scale, 1.3) / scale))

    def _lines(self, width: int) -> list[str]:
        body = self.ctx.fonts.regular(palette.LARGE)
        return [part for text in (ASK, PRIVACY) for part in wrap_text(self.ctx.tr(text), body, width - 80)]

    def _text_bottom(self, width: int, height: int) -> int:
        """Where the class's name and the two sentences end: the box goes below them."""
        body = self.ctx.fonts.regular(palette.LARGE)
        return (round(height * 0.08) + self._title_font().get_linesize() + 16
                + len(self._lines(width)) * body.get_linesize())

    def start(self) -> Transition | None:
        if self.entry is not None and begin_as_student(self.ctx, self.session, self.entry.get_text()):
            return Pop()
        self.problem = EMPTY
        return None

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.VIDEORESIZE:
            self._build()
        elif self._pressed_start(event):
            return self.start()
        return None

    def _pressed_start(self, event: pygame.event.Event) -> bool:
        """Enter in the box, or the Start button."""
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            return bool(event.ui_element is self.entry)
        return bool(event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.widgets.get(START))

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        colours, fonts = self.ctx.palette, self.ctx.fonts
        surface.fill(colours.sky)
        width, height = surface.get_size()
        title_font = self._title_font()
        top = round(height * 0.08)
        draw_text(surface, fit_text(self.session.name, title_font, width - 40), title_font, colours.text,
                  (width // 2, top), anchor="midtop")
        y = top + title_font.get_linesize() + 16
        body = fonts.regular(palette.LARGE)
        for part in self._lines(width):
            y = draw_text(surface, part, body, colours.text, (width // 2, y), anchor="midtop").bottom
        if self.problem:
            below = self.entry.rect.bottom + scaled(80, fonts.scale) if self.entry else height * 3 // 4
            below = min(below, height - body.get_linesize() - 8)
            draw_text(surface, self.ctx.tr(self.problem), body, colours.warning, (width // 2, below), anchor="midtop")
