"""The title screen: the game's name over the south-polar horizon and the main menu, all of it usable by keyboard."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game import __version__, paths
from game.content.ui_text import to_translate
from game.render import palette
from game.render.fonts import scaled
from game.render.sky import render_backdrop
from game.render.text import draw_text, fit_text, wrap_text
from game.scenes.context import SceneContext
from game.scenes.scene import Push, Quit, Replace, SceneBase, Transition
from game.ui.button_words import least_button_height
from game.ui.focus import ButtonFocus
from game.ui.widget_set import WidgetSet

SUBTITLE = to_translate("Build the International Lunar Research Station at the Moon's south pole")
BUTTON_SIZE = (330, 56)
BUTTON_GAP = (28, 14)
TITLE_MOST_SCALE = 1.2  # the name is huge already: at 200 % it would leave no room for the menu
HINT = to_translate("Arrows or Tab choose  ·  Enter select  ·  F11 full screen  ·  F12 screenshot  ·  Esc quit")
# When large text leaves no room for the whole hint:
SHORT_HINT = to_translate("Arrows choose  ·  Enter select  ·  Esc quit")
CLASS_LINE = to_translate("Class: {name}  ·  {student}")
CLASS_LINE_NO_NAME = to_translate("Class: {name}")


@dataclass(frozen=True, slots=True)
class MenuItem:
    """One title button: its label and what pressing it does."""

    label: str
    action: Callable[[], Transition | None]


def latest_save(folder: Path | None = None) -> Path | None:
    """The most recently written save file, or None when there is none (or the folder cannot be read)."""
    folder = folder or paths.user_saves_dir()
    try:
        saves = [path for path in folder.glob("*.json") if path.is_file()]
        return max(saves, key=lambda path: path.stat().st_mtime) if saves else None
    except OSError:
        return None


class TitleScene(SceneBase):
    """The first screen. Up/Down/Tab choose a button, Left/Right change column, Enter presses, Esc quits."""

    def __init__(self, ctx: SceneContext):
        self.ctx = ctx
        self.backdrop: pygame.Surface | None = None
        self.backdrop_menu: tuple[tuple[int, ...], ...] = ()  # the button rectangles the backdrop left Earth clear of
        self.items: list[MenuItem] = []
        self.widgets: WidgetSet[UIButton] = WidgetSet()  # by the label of their menu item
        self.focus: ButtonFocus | None = None
        self.progress_checked = False

    # --- menu ------------------------------------------------------------------------------------

    def menu_items(self) -> list[MenuItem]:
        """The buttons in order; Continue only when there is a save to continue."""
        items = []
        save = latest_save()
        if save is not None:
            items.append(MenuItem(to_translate("Continue"), lambda: self._continue(save)))
        if self.ctx.classroom is not None:  # a class plays its own levels, in its order, and nothing else
            items.append(MenuItem(to_translate("Class levels"), self._level_list))
        else:
            items += [MenuItem(to_translate("Campaign"), self._campaign),
                      MenuItem(to_translate("Sandbox and mods"), self._level_list)]
        items += [
            MenuItem(to_translate("Landing practice"), self._landing_practice),
            MenuItem(to_translate("Encyclopedia"), self._encyclopedia),
            MenuItem(to_translate("Settings"), self._settings),
            MenuItem(to_translate("Teacher"), self._teacher),
            MenuItem(to_translate("Credits"), self._credits),
            MenuItem(to_translate("Quit"), Quit),
        ]
        return items

    def _campaign(self) -> Transition:
        from game.scenes.campaign.timeline import (
            TimelineScene,  # loads the levels: paid when asked for, not at start-up
        )

        return Push(TimelineScene(self.ctx))

    def _level_list(self) -> Transition:
        from game.scenes.campaign.level_list import LevelListScene

        return Push(LevelListScene(self.ctx))

    def _encyclopedia(self) -> Transition:
        from game.scenes.menus.encyclopedia import EncyclopediaScene

        return Push(EncyclopediaScene(self.ctx))

    def _credits(self) -> Transition:
        from game.scenes.menus.credits import CreditsScene

        return Push(CreditsScene(self.ctx))

    def _landing_practice(self) -> Transition:
        from game.scenes.landing.practice_screen import LandingPracticeScene

        return Push(LandingPracticeScene(self.ctx))

    def _settings(self) -> Transition:
        from game.scenes.menus.settings_screen import SettingsScene

        return Push(SettingsScene(self.ctx))

    def _teacher(self) -> Transition:
        """The Teacher screen: behind the class's PIN when a class is loaded (a right PIN also unlocks the class's
        settings on this machine for the session); open when there is no class."""
        from game.scenes.classroom.teacher import TeacherScene

        session = self.ctx.classroom
        if session is None or session.unlocked or session.plan.teacher_pin is None:
            return Push(TeacherScene(self.ctx))
        from game.scenes.classroom.pin_dialog import PinScene

        return Push(PinScene(self.ctx, session, lambda: Replace(TeacherScene(self.ctx))))

    def _continue(self, save: Path) -> Transition | None:
        from game.scenes.station.station_scene import resume_scene  # the station pulls in the simulation: late

        try:
            return Push(resume_scene(self.ctx, save))
        except Exception as error:  # a damaged or outdated save must give a sentence, never a traceback
            self.ctx.notices.show(self.ctx.tr("The last save could not be continued: {error}", error=error))
            return None

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        naming = self.ctx.classroom is not None and self.ctx.classroom.needs_name
        if not self.progress_checked and not naming:  # in a class, the student's own progress, once named
            self.progress_checked = True
            self._warn_about_damaged_progress()
        self._build()

    def _warn_about_damaged_progress(self) -> None:
        from game.progress import load_progress

        warning = load_progress().warning
        if warning:
            self.ctx.notices.show(self.ctx.tr(warning), 9.0)

    def exit(self) -> None:
        self.widgets.kill()
        self.focus = None

    def _build(self) -> None:
        focused = self.focus.index if self.focus else 0
        self.exit()
        size = self.ctx.ui.window_resolution
        self.items = self.menu_items()
        rows = (len(self.items) + 1) // 2
        rects = self.button_rects(size)
        # Earth is placed clear of the buttons, so the sky is redrawn when they move (Continue adds a row).
        menu = tuple(tuple(rect) for rect in rects)
        if self.backdrop is None or self.backdrop.get_size() != tuple(size) or menu != self.backdrop_menu:
            # The menu as one block: Earth peeping through the gap between two columns would look like a glitch.
            self.backdrop = render_backdrop(size, keep_clear=[rects[0].unionall(rects[1:])] if rects else [])
            self.backdrop_menu = menu
        self.widgets.build({item.label: UIButton(rect, self.ctx.tr(item.label), self.ctx.ui)
                            for rect, item in zip(rects, self.items, strict=True)})
        self.focus = ButtonFocus(self.buttons, focused, rows=rows)

    @property
    def buttons(self) -> list[UIButton]:
        """The menu's buttons in the order of its items."""
        return list(self.widgets.values())

    def subtitle(self) -> str:
        """The line under the name: the game's subject, or in a class the class and who is playing."""
        session = self.ctx.classroom
        if session is None:
            return self.ctx.tr(SUBTITLE)
        if session.student:
            return self.ctx.tr(CLASS_LINE, name=session.name, student=session.student)
        return self.ctx.tr(CLASS_LINE_NO_NAME, name=session.name)

    def _heading_bottom(self, size: tuple[int, int], subtitle: bool) -> int:
        """Where the name and (if shown) the wrapped subtitle end: the menu starts below them."""
        width, height = size
        font = self.ctx.fonts.regular(palette.LARGE)
        lines = len(wrap_text(self.subtitle(), font, width - 80)) if subtitle else 0
        return round(height * 0.06) + self._title_font().get_linesize() + 4 + lines * font.get_linesize()

    def _title_font(self) -> pygame.font.Font:
        scale = self.ctx.fonts.scale
        return self.ctx.fonts.bold(round(palette.TITLE * min(scale, TITLE_MOST_SCALE) / scale))

    def shows_subtitle(self, size: tuple[int, int]) -> bool:
        """False only when a large UI scale in a small window needs the subtitle's room for the menu."""
        return self._menu_room(size, True)[1] >= self._least_button_height()

    def _least_button_height(self) -> int:
        return least_button_height(self.ctx.fonts.scale)

    def _menu_room(self, size: tuple[int, int], subtitle: bool) -> tuple[int, int]:
        """(top of the menu, the height a button can have) for the two-column menu under the heading."""
        height = size[1]
        rows = max(1, (len(self.items) + 1) // 2)
        gap_y = scaled(BUTTON_GAP[1], self.ctx.fonts.scale)
        top = max(round(height * 0.37), self._heading_bottom(size, subtitle) + gap_y)
        bottom = height - self.ctx.fonts.regular(palette.SMALL).get_linesize() - 24
        return top, (bottom - top - (rows - 1) * gap_y) // rows

    def button_rects(self, size: tuple[int, int]) -> list[pygame.Rect]:
        """The menu's buttons in two columns, filled top to bottom, centred under the title; they grow with the UI
        scale as far as the window lets them. (The heading's wrapped height is measured once for all of them.)"""
        width = size[0]
        scale = self.ctx.fonts.scale
        rows = max(1, (len(self.items) + 1) // 2)
        gap_x, gap_y = scaled(BUTTON_GAP[0], scale), scaled(BUTTON_GAP[1], scale)
        button_width = min(scaled(BUTTON_SIZE[0], scale), (width - 80 - gap_x) // 2)
        top, room = self._menu_room(size, self.shows_subtitle(size))
        button_height = max(self._least_button_height(), min(scaled(BUTTON_SIZE[1], scale), room))
        left = width // 2 - button_width - gap_x // 2
        rects = []
        for index in range(len(self.items)):
            column, row = divmod(index, rows)
            rects.append(pygame.Rect(left + column * (button_width + gap_x), top + row * (button_height + gap_y),
                                     button_width, button_height))
        return rects

    def button_labelled(self, label: str) -> UIButton | None:
        for item, button in zip(self.items, self.buttons, strict=False):
            if item.label == label:
                return button
        return None

    # --- input -----------------------------------------------------------------------------------

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
        for item, candidate in zip(self.items, self.buttons, strict=False):
            if candidate is button:
                return item.action()
        return None

    # --- drawing ---------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        fonts, colours = self.ctx.fonts, self.ctx.palette
        if self.backdrop is not None and self.backdrop.get_size() == surface.get_size():
            surface.blit(self.backdrop, (0, 0))
        else:
            surface.fill(colours.sky)
        width, height = surface.get_size()
        top = round(height * 0.06)
        name = draw_text(surface, self.ctx.tr("Lunar Station"), self._title_font(), colours.text,
                         (width // 2, top), anchor="midtop", shadow=True)
        subtitle_font = fonts.regular(palette.LARGE)
        y = name.bottom + 4
        subtitle = wrap_text(self.subtitle(), subtitle_font, width - 80)
        for line in subtitle if self.shows_subtitle((width, height)) else []:
            y = draw_text(surface, line, subtitle_font, colours.accent, (width // 2, y), anchor="midtop",
                          shadow=True).bottom
        small = fonts.regular(palette.SMALL)
        version = draw_text(surface, f"v{__version__}", small, colours.text_dim,
                            (16, height - 18), anchor="bottomleft", shadow=True)
        # Centred, but never over the version number at the left.
        room = width - 2 * (version.right + 16)
        hint = self.ctx.tr(HINT) if small.size(self.ctx.tr(HINT))[0] <= room else self.ctx.tr(SHORT_HINT)
        draw_text(surface, fit_text(hint, small, room), small, colours.text, (width // 2, height - 18),
                  anchor="midbottom", shadow=True)
