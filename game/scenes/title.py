"""The title screen: the game's name over a lunar horizon, Play and Quit, all of it usable by keyboard."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game import __version__
from game.render import palette
from game.render.sky import render_backdrop
from game.render.text import draw_text
from game.scenes.context import SceneContext
from game.scenes.scene import SceneBase
from game.scenes.transitions import Push, Quit, Transition
from game.ui.focus import ButtonFocus

SUBTITLE = "Build the International Lunar Research Station at the Moon's south pole"
BUTTON_SIZE = (300, 60)


class TitleScene(SceneBase):
    """The first screen. Up/Down/Tab choose a button, Enter presses it, Esc quits."""

    def __init__(self, ctx: SceneContext):
        self.ctx = ctx
        self.backdrop: pygame.Surface | None = None
        self.play_button: UIButton | None = None
        self.quit_button: UIButton | None = None
        self.focus: ButtonFocus | None = None

    def enter(self) -> None:
        self._build()

    def exit(self) -> None:
        for button in (self.play_button, self.quit_button):
            if button is not None:
                button.kill()
        self.play_button = self.quit_button = None
        self.focus = None

    def _build(self) -> None:
        focused = self.focus.index if self.focus else 0
        self.exit()
        size = self.ctx.ui.window_resolution
        self.backdrop = render_backdrop(size)
        width, height = size
        rect = pygame.Rect((0, 0), BUTTON_SIZE)
        rect.midtop = (width // 2, round(height * 0.44))
        self.play_button = UIButton(rect, "Play", self.ctx.ui)
        self.quit_button = UIButton(rect.move(0, BUTTON_SIZE[1] + 18), "Quit", self.ctx.ui)
        self.focus = ButtonFocus([self.play_button, self.quit_button], focused)

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.VIDEORESIZE:
            self._build()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            return self._press(event.ui_element)
        elif event.type == pygame_gui.UI_BUTTON_ON_HOVERED and self.focus is not None:
            self.focus.focus_on(event.ui_element)  # the mouse and the keyboard share one highlight
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return Quit()
            if self.focus is not None:
                pressed = self.focus.handle_key(event)
                if pressed is not None:
                    return self._press(pressed)
        return None

    def _press(self, button: object) -> Transition | None:
        if button is self.play_button:
            # Imported on demand: the level list pulls in pydantic and the level models, and the title
            # should be on screen (and answering keys) before that cost is paid.
            from game.scenes.level_list import LevelListScene

            return Push(LevelListScene(self.ctx))
        if button is self.quit_button:
            return Quit()
        return None

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        fonts = self.ctx.fonts
        if self.backdrop is not None:
            surface.blit(self.backdrop, (0, 0))
        else:
            surface.fill(palette.SKY)
        width, height = surface.get_size()
        draw_text(surface, "Lunar Station", fonts.bold(palette.TITLE), palette.TEXT,
                  (width // 2, round(height * 0.13)), anchor="midtop", shadow=True)
        draw_text(surface, SUBTITLE, fonts.regular(palette.LARGE), palette.ACCENT,
                  (width // 2, round(height * 0.13) + 118), anchor="midtop", shadow=True)
        hint = "Up/Down choose  ·  Enter select  ·  F11 full screen  ·  F12 screenshot  ·  Esc quit"
        draw_text(surface, hint, fonts.regular(palette.SMALL), palette.TEXT_DIM,
                  (width // 2, height - 24), anchor="midbottom", shadow=True)
        draw_text(surface, f"v{__version__}", fonts.regular(palette.SMALL), palette.TEXT_DIM,
                  (16, height - 24), anchor="bottomleft")
