"""The pause menu over a level: Resume, Save, Settings, Quit to menu (after a question). Esc resumes.

    PauseScene(ctx, *, on_save, on_quit_to_menu=None)

- `on_save()` saves the run and returns the sentence to show ("Saved as …", or what went wrong);
  None means nothing to report, and the menu says "Saved."
- `on_quit_to_menu()` is called once the player confirms leaving; the pause then pops itself, and the
  level below should leave on its next update (for example by returning Pop). Without it, the menu has
  no Quit button.

The level below is not drawn while the pause is on top, so the pause keeps a dimmed copy of the last
frame the level drew.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.content.ui_text import to_translate
from game.render import palette as sizes
from game.render.fonts import scaled
from game.render.text import draw_paragraph, draw_text, wrap_text
from game.scenes.context import SceneContext
from game.scenes.scene import Pop, Push, SceneBase, Transition
from game.ui.button_words import least_button_height
from game.ui.focus import ButtonFocus
from game.ui.widget_set import WidgetSet

BUTTON_SIZE = (320, 58)
GAP = 16
DIM_ALPHA = 190
PADDING = 24
MARGIN = 12  # the least room left between the card and the window's edges
MESSAGE_LINES = 3  # the most a save message may take: longer ones are cut with an ellipsis
LEAVE_QUESTION = to_translate("Leave this level and go back to the menu? Anything since your last save is lost.")


class PauseScene(SceneBase):
    """A menu over the frozen level; time does not run, since only the top scene updates."""

    def __init__(
        self,
        ctx: SceneContext,
        *,
        on_save: Callable[[], str | None],
        on_quit_to_menu: Callable[[], None] | None = None,
    ):
        self.ctx = ctx
        self.on_save = on_save
        self.on_quit_to_menu = on_quit_to_menu
        self.backdrop: pygame.Surface | None = None
        self.asking = False  # True while the menu shows the leave question instead of its choices
        self.message = ""
        self.buttons: WidgetSet[UIButton] = WidgetSet()
        self.focus: ButtonFocus | None = None
        self.card = pygame.Rect(0, 0, 0, 0)
        self.padding = PADDING  # the card's spacing between its parts: halved when large text needs the room

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        if self.backdrop is None:
            self._keep_backdrop()
        self._build()

    def exit(self) -> None:
        self.buttons.kill()
        self.focus = None

    def _keep_backdrop(self) -> None:
        surface = pygame.display.get_surface()
        if surface is not None:
            self.backdrop = surface.copy()
            shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            shade.fill((0, 0, 0, DIM_ALPHA))
            self.backdrop.blit(shade, (0, 0))

    def choices(self) -> list[str]:
        if self.asking:
            return [to_translate("Leave"), to_translate("Stay")]
        names = [to_translate("Resume"), to_translate("Save"), to_translate("Settings")]
        if self.on_quit_to_menu is not None:
            names.append(to_translate("Quit to menu"))
        return names

    def _build(self, focused: int = 0) -> None:
        """Lays out the card: title, the question when asking, the buttons, then room for a message and keys."""
        self.exit()
        width, height = self.ctx.ui.window_resolution
        names = self.choices()
        column = self._column(width)
        # Large text in a small window: first the buttons give up height (never below their words), then the
        # card its spacing, so the whole card stays inside the window.
        for padding in (PADDING, PADDING // 2):
            above, size, below = self._rows(column, len(names), height, padding)
            card_height = 2 * padding + above + len(names) * size[1] + (len(names) - 1) * GAP + below
            if card_height <= height - 2 * MARGIN:
                break
        self.padding = padding
        self.card = pygame.Rect(0, 0, column + 2 * PADDING, card_height)
        self.card.center = (width // 2, height // 2)
        top = self.card.top + padding + above
        buttons = {}
        for number, name in enumerate(names):
            rect = pygame.Rect((0, 0), size)
            rect.midtop = (width // 2, top + number * (size[1] + GAP))
            buttons[name] = UIButton(rect, self.ctx.tr(name), self.ctx.ui)
        self.buttons.build(buttons)
        self.focus = ButtonFocus(list(self.buttons.values()), focused)

    def _rows(self, column: int, count: int, height: int, padding: int) -> tuple[int, tuple[int, int], int]:
        """(height above the buttons, one button's size, height below them) with `padding` between parts."""
        fonts = self.ctx.fonts
        body = fonts.regular(sizes.BODY)
        above = fonts.bold(sizes.HEADING).get_linesize() + padding
        if self.asking:
            above += len(wrap_text(self.ctx.tr(LEAVE_QUESTION), body, column)) * body.get_linesize() + padding
        # The card fits what it shows: room for a message only once there is one (Save's answer).
        message_lines = min(MESSAGE_LINES, len(wrap_text(self.message, body, column))) if self.message else 0
        message_room = message_lines * body.get_linesize() + (padding if message_lines else 0)
        below = padding + message_room + fonts.regular(sizes.SMALL).get_linesize()
        room = (height - 2 * MARGIN - 2 * padding - above - below - (count - 1) * GAP) // count
        least = least_button_height(fonts.scale)
        button_height = max(least, min(scaled(BUTTON_SIZE[1], fonts.scale), room))
        return above, (scaled(BUTTON_SIZE[0], fonts.scale), button_height), below

    def _column(self, width: int) -> int:
        """The card's inner width: the leave question reads best wide; the menu needs only its buttons and keys."""
        fonts = self.ctx.fonts
        if self.asking:
            wanted = scaled(560, fonts.scale)
        else:
            wanted = max(scaled(BUTTON_SIZE[0], fonts.scale), fonts.regular(sizes.SMALL).size(self._keys_hint())[0])
        return min(width - 80 - 2 * PADDING, wanted)

    def _keys_hint(self) -> str:
        if self.asking:
            return self.ctx.tr("Up/Down choose  ·  Enter select  ·  Esc stay")
        return self.ctx.tr("Up/Down choose  ·  Enter select  ·  Esc resume")

    # --- input -----------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.VIDEORESIZE:
            self.backdrop = None  # the old frame no longer fits; plain dark sky until the level draws again
            self._build()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            return self._press(event.ui_element)
        elif event.type == pygame_gui.UI_BUTTON_ON_HOVERED and self.focus is not None:
            self.focus.focus_on(event.ui_element)
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                if self.asking:
                    return self.choose("Stay")
                return self.choose("Resume")
            if self.focus is not None:
                pressed = self.focus.handle_key(event)
                if pressed is not None:
                    return self._press(pressed)
        return None

    def _press(self, element: object) -> Transition | None:
        name = self.buttons.name_of(element)
        return self.choose(name) if name is not None else None

    def choose(self, name: str) -> Transition | None:
        """Does what the button called `name` does; tests and the keyboard come through here too."""
        self.ctx.play_sound("click")
        if name == "Resume":
            return Pop()
        if name == "Save":
            self.message = self._save()
            self._build(focused=self.focus.index if self.focus is not None else 0)  # the card grows to the answer
            return None
        if name == "Settings":
            from game.scenes.menus.settings_screen import SettingsScene  # only when asked: it is a big screen

            self.backdrop = None  # the settings may change colours and sizes; an old frame would mislead
            return Push(SettingsScene(self.ctx))
        if name == "Quit to menu":
            self.asking = True
            self.message = ""
            self._build(focused=1)  # "Stay" first: leaving must be a deliberate choice
            return None
        if name == "Leave" and self.on_quit_to_menu is not None:
            self.on_quit_to_menu()
            return Pop()
        if name in ("Stay", "Leave"):
            self.asking = False
            self._build(focused=len(self.choices()) - 1)
        return None

    def _save(self) -> str:
        try:
            result = self.on_save()
        except OSError as error:  # a full disk or a read-only folder: say so, never crash the lesson
            return self.ctx.tr("The game could not be saved: {error}.", error=error)
        return result or self.ctx.tr("Saved.")

    # --- drawing ---------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        colours = self.ctx.palette
        fonts = self.ctx.fonts
        if self.backdrop is not None and self.backdrop.get_size() == surface.get_size():
            surface.blit(self.backdrop, (0, 0))
        else:
            surface.fill(colours.sky)
        card = self.card
        pygame.draw.rect(surface, colours.panel, card, border_radius=12)
        pygame.draw.rect(surface, colours.focus, card, 3, border_radius=12)
        column = self._column(surface.get_width())
        left = card.left + PADDING
        heading = fonts.bold(sizes.HEADING)
        title = self.ctx.tr("Leave the level?") if self.asking else self.ctx.tr("Paused")
        draw_text(surface, title, heading, colours.text, (card.centerx, card.top + self.padding), anchor="midtop")
        if self.asking:
            draw_paragraph(surface, self.ctx.tr(LEAVE_QUESTION), fonts.regular(sizes.BODY), colours.text,
                           (left, card.top + 2 * self.padding + heading.get_linesize()), column)
        last = max((button.rect.bottom for button in self.buttons.values()), default=card.centery)
        if self.message:
            draw_paragraph(surface, self.message, fonts.regular(sizes.BODY), colours.accent,
                           (left, last + self.padding), column, max_lines=MESSAGE_LINES)
        draw_text(surface, self._keys_hint(), fonts.regular(sizes.SMALL), colours.text_dim,
                  (card.centerx, card.bottom - self.padding // 2), anchor="midbottom")
