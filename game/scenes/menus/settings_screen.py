"""The settings screen: window, scale, colours, sound, play options and key bindings; Apply saves and applies
them, except the language, which applies as soon as it is chosen.

The scene owns its state (a working copy of the settings, the page, the focus, the key action waiting for a key,
the message line) and passes it on: `settings_rows` says what rows there are, `settings_layout` where they go
(pure arithmetic), `settings_widgets` builds their controls, `settings_input.handle` turns each event into a
change, `settings_drawing.draw` only reads, and `settings_apply` makes Apply take effect.
"""

from __future__ import annotations

import copy

import pygame

from game import paths
from game.render import palette
from game.scenes.context import SceneContext
from game.scenes.menus import settings_drawing, settings_input
from game.scenes.menus.settings_apply import apply_settings
from game.scenes.menus.settings_layout import SettingsLayout
from game.scenes.menus.settings_rows import FOOTER_BUTTONS, PASSIVE_KINDS, Row, settings_rows
from game.scenes.menus.settings_widgets import SettingsWidgets
from game.scenes.scene import SceneBase, Transition
from game.settings import Settings, save_settings


class SettingsScene(SceneBase):
    """Edits a copy of the settings; Apply copies it into the app's settings, saves, and applies it."""

    def __init__(self, ctx: SceneContext):
        self.ctx = ctx
        self.working = copy.deepcopy(ctx.settings)
        self.languages = ctx.language_choices()
        self.rows = self.make_rows(self.working)
        self.page = 0
        self.focus = 0  # index into self.focusable()
        self.listening: str | None = None  # the key action waiting for a key press
        self.message = ""
        self.widgets = SettingsWidgets(ctx)

    def make_rows(self, settings: Settings) -> list[Row]:
        """The rows for `settings`, with what a class fixes shown locked (until the teacher's PIN unlocks it)."""
        session = self.ctx.classroom
        if session is None or session.unlocked:
            return settings_rows(settings, self.languages, paths.user_home())
        return settings_rows(settings, self.languages, paths.user_home(), session.locked_fields(),
                             session.plan.text_size_floor)

    @property
    def layout(self) -> SettingsLayout:
        """The layout for the window's size and the UI scale as they are now (either may change under the screen)."""
        page_number = self.ctx.tr("Page {page} of {pages}", page=88, pages=88)
        return SettingsLayout(self.ctx.ui.window_resolution, self.ctx.fonts.scale,
                              self.ctx.fonts.regular(palette.SMALL).size(page_number)[0])

    def pages(self) -> list[list[int]]:
        return self.layout.pages(self.rows)

    # --- focus and pages -------------------------------------------------------------------------

    def focusable(self) -> list[tuple[str, int]]:
        """("row", index) for every setting on every page, then ("footer", n) for the buttons."""
        items = [("row", index) for index, row in enumerate(self.rows) if row.kind not in PASSIVE_KINDS]
        return items + [("footer", number) for number in range(len(FOOTER_BUTTONS))]

    @property
    def focused(self) -> tuple[str, int]:
        return self.focusable()[self.focus]

    def move_focus(self, step: int) -> None:
        self.focus = (self.focus + step) % len(self.focusable())
        kind, index = self.focused
        if kind == "row":
            page = next(number for number, rows in enumerate(self.pages()) if index in rows)
            if page != self.page:
                self.page = page
                self.build()
        self.widgets.show_focus(self.focused)

    def focus_row(self, index: int) -> None:
        self.focus = self.focusable().index(("row", index))
        self.widgets.show_focus(self.focused)

    def turn_page(self, step: int) -> None:
        pages = self.pages()
        self.page = (self.page + step) % len(pages)
        first = next((i for i in pages[self.page] if self.rows[i].kind not in PASSIVE_KINDS), None)
        self.focus = self.focusable().index(("row", first)) if first is not None else self.focus
        # A page of folders alone has nothing to focus: it stays shown rather than following the focus back.
        self.build(follow_focus=first is not None)

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        self.build()

    def exit(self) -> None:
        self.widgets.kill()

    def build(self, follow_focus: bool = True) -> None:
        """Builds the widgets of the page shown (again after any change they show)."""
        self.widgets.kill()
        pages = self.pages()
        kind, index = self.focused
        # The page follows the focused row, also when a new scale or window size moved the rows.
        if kind == "row" and follow_focus:
            self.page = next((n for n, rows in enumerate(pages) if index in rows), 0)
        else:
            self.page = min(self.page, len(pages) - 1)
        self.widgets.build(self.layout, self.rows, pages[self.page], self.working, self.listening, len(pages))
        self.widgets.show_focus(self.focused)

    def choose_language(self, code: str) -> None:
        """A language applies at once, with no Apply: the app's settings take it and are saved, and the app lays
        this screen out again in it on the next frame (the other edits still wait for Apply). A class that fixes
        the language keeps it."""
        if self.ctx.classroom is not None and self.ctx.classroom.is_locked("language"):
            return
        self.working.language = code
        if self.ctx.settings.language == code:
            return
        self.ctx.settings.language = code
        try:
            save_settings(self.ctx.settings_to_save())
            self.message = ""
        except OSError as error:
            self.message = self.ctx.tr("Settings applied, but they could not be saved: {error}.", error=error)

    def apply(self) -> None:
        """Copies the edited settings into the app's, saves them, and makes the window, look and sound follow."""
        self.message = apply_settings(self.ctx, self.working)
        self.rows = self.make_rows(self.ctx.settings)
        self.build()

    # --- input and drawing -----------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Transition | None:
        return settings_input.handle(event, self)

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        settings_drawing.draw(surface, self)
