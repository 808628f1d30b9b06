"""Sandbox and mods: every level of the game and the player's mods, broken files shown, never fatal.

Levels open through their briefing; campaign levels not yet reached stay locked here too."""

from __future__ import annotations

import html

import pygame
import pygame_gui
from pygame_gui.core import UIElement
from pygame_gui.elements import UIButton, UITextBox

from game.content.loader import load_game_content
from game.content.problems import Problem, format_path
from game.content.text import translate
from game.content.ui_text import ENGLISH, Translate
from game.progress import load_progress
from game.render import palette
from game.render.card import draw_card
from game.render.fonts import scaled
from game.render.level_picture import LevelPictures
from game.render.text import draw_paragraph, draw_text, fit_text
from game.scenes.campaign.level_entries import LevelEntry, apply_progress, class_entries, level_entries
from game.scenes.context import SceneContext
from game.scenes.list_detail import ListDetail
from game.scenes.rich_text import (
    html_for_look,
    preload_text_fonts,
)
from game.scenes.scene import Pop, Push, SceneBase, Transition
from game.ui.widget_set import WidgetSet

MARGIN = 40
TOP = 96
CARD_GAP = 12
BUTTON_HEIGHT = 54
SCROLL_STEP = 60


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _problem_html(problem: Problem) -> str:
    """Where (file and line, in bold) on one line, then which key and what is wrong."""
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    key = format_path(problem.path)
    what = f"{key}: {problem.message}" if key else problem.message
    return f"<font color='#ffc857'><b>{_escape(where)}</b></font><br>{_escape(what)}<br><br>"


def detail_html(entry: LevelEntry, language: str, tr: Translate = ENGLISH) -> str:
    """The right-hand panel: a level's briefing facts, or every problem of a broken file, one per line."""
    title = f"<font pixel_size=28><b>{_escape(entry.title)}</b></font><br>"
    if entry.playable and entry.locked:
        return (
            f"{title}<font color='#ffc857'><b>{_escape(tr('Locked.'))}</b></font> "
            + _escape(tr("Win '{level}' to open this level, or ask your teacher to unlock every level in the settings.",
                         level=entry.locked_by or ""))
            + f"<br><br>{_escape(entry.summary)}"
        )
    if not entry.playable:
        problems = "".join(_problem_html(problem) for problem in entry.problems)
        return (
            f"{title}<font color='#ff7a6b'><b>{_escape(tr('Broken: this cannot be played yet.'))}</b></font><br>"
            + _escape(tr("Fix these problems in the file, then come back to this list; it reads the files again each "
                         "time it opens."))
            + f"<br><br>{problems}"
        )
    loaded = entry.loaded
    assert loaded is not None and loaded.level is not None  # playable entries always carry their level
    level = loaded.level
    objectives = "".join(f"• {_escape(translate(text, language))}<br>" for text in level.learning_objectives)
    goals = "".join(f"• {_escape(translate(goal.text, language))}<br>" for goal in level.goals)
    return (
        f"{title}<font color='#ffc857'>{_escape(entry.date)} · {_escape(entry.origin)}</font><br><br>"
        f"{_escape(entry.summary)}<br><br>"
        f"<b>{_escape(tr('You will learn to'))}</b><br>{objectives}<br>"
        f"<b>{_escape(tr('Goals'))}</b><br>{goals}"
    )


class LevelListScene(SceneBase):
    """Pick a level: Up/Down or the mouse to choose, Enter or 'Play' to start, Esc to go back."""

    def __init__(self, ctx: SceneContext):
        self.ctx = ctx
        self.entries: list[LevelEntry] = []
        self.selected = 0
        self.scroll = 0
        self.detail: UITextBox | None = None
        self.back_button: UIButton | None = None
        self.play_button: UIButton | None = None
        self.widgets: WidgetSet[UIElement] = WidgetSet()
        self.pictures = LevelPictures()
        self.picture: tuple[pygame.Surface, bool] | None = None  # the chosen level's picture, and if its own

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        # Read the files every time the list opens, so a modder who fixes a file sees it at once.
        self.entries = level_entries(load_game_content(self.ctx.mod_folders), self.ctx.language, self.ctx.tr)
        apply_progress(self.entries, load_progress(), self.ctx.settings.unlock_all)
        if self.ctx.classroom is not None:  # a class plays only its own levels, in its order
            self.entries = class_entries(self.entries, self.ctx.classroom.plan.levels)
        self.selected = min(self.selected, max(0, len(self.entries) - 1))
        self._build_widgets()

    def exit(self) -> None:
        self.widgets.kill()
        self.detail = self.back_button = self.play_button = None

    def _build_widgets(self) -> None:
        self.exit()
        preload_text_fonts(self.ctx)
        width, height = self.ctx.ui.window_resolution
        detail = self.detail_rect((width, height))
        self.detail = UITextBox("", detail, self.ctx.ui)
        button_height = self._button_height()
        bottom = height - button_height - 20
        scale = self.ctx.fonts.scale
        self.back_button = UIButton(pygame.Rect(MARGIN, bottom, scaled(170, scale), button_height), self.ctx.tr("Back"),
                                    self.ctx.ui)
        play_width = scaled(260, scale)
        self.play_button = UIButton(
            pygame.Rect(width - MARGIN - play_width, bottom, play_width, button_height), self.ctx.tr("Open briefing"),
            self.ctx.ui
        )
        self.widgets.build({"detail": self.detail, "back": self.back_button, "play": self.play_button})
        self._show_selection()

    # --- layout ----------------------------------------------------------------------------------

    def _button_height(self) -> int:
        return scaled(BUTTON_HEIGHT, min(self.ctx.fonts.scale, 1.5))  # room for the text, no taller

    def _top(self) -> int:
        return max(TOP, 30 + self.ctx.fonts.bold(palette.HEADING).get_linesize() + 12)

    def card_height(self) -> int:
        """A card holds its title, its date and origin, and two lines of summary, at the text size chosen."""
        fonts = self.ctx.fonts
        small = fonts.regular(palette.SMALL).get_linesize()
        return 8 + fonts.bold(palette.BODY + 2).get_linesize() + 3 * small + 8

    def list_detail(self, size: tuple[int, int]) -> ListDetail:
        """The level cards on the left half, the chosen level's detail on the right, above the buttons."""
        return ListDetail.beside(size, margin=MARGIN, top=self._top(), bottom=self._button_height() + 44,
                                 list_width=round(size[0] * 0.5) - MARGIN, gap=24)

    def list_rect(self, size: tuple[int, int]) -> pygame.Rect:
        return self.list_detail(size).list

    def detail_rect(self, size: tuple[int, int]) -> pygame.Rect:
        return self.list_detail(size).detail

    def picture_rect(self, size: tuple[int, int]) -> pygame.Rect:
        """The band at the top of the detail panel where the chosen level's picture is drawn."""
        detail = self.detail_rect(size)
        caption = self.ctx.fonts.regular(palette.SMALL).get_linesize()
        height = min(round(detail.height * 0.4), round(detail.width * 9 / 16) + caption)
        return pygame.Rect(detail.x, detail.y, detail.width, max(0, height))

    def text_rect(self, size: tuple[int, int]) -> pygame.Rect:
        """The detail's text: below the picture when there is one, else the whole panel."""
        detail = self.detail_rect(size)
        if self.picture is None:
            return detail
        band = self.picture_rect(size)
        return pygame.Rect(detail.x, band.bottom + 10, detail.width, detail.bottom - band.bottom - 10)

    def card_rect(self, index: int, size: tuple[int, int]) -> pygame.Rect:
        return self.list_detail(size).row(index, self.card_height(), gap=CARD_GAP, scroll=self.scroll, inset=14)

    # --- input -----------------------------------------------------------------------------------

    @property
    def selected_entry(self) -> LevelEntry | None:
        return self.entries[self.selected] if self.entries else None

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.VIDEORESIZE:
            self._build_widgets()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.back_button:
                return Pop()
            if event.ui_element is self.play_button:
                return self._play()
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_TAB:  # Tab walks the list like Down, Shift+Tab like Up
                self._select(self.selected + (-1 if event.mod & pygame.KMOD_SHIFT else 1))
                return None
            return self._handle_key(event.key)
        elif event.type == pygame.MOUSEWHEEL:
            if self.list_rect(self.ctx.ui.window_resolution).collidepoint(pygame.mouse.get_pos()):
                self._scroll_by(-event.y * SCROLL_STEP)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return self._click(event.pos)
        return None

    def _handle_key(self, key: int) -> Transition | None:
        moves = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -4, pygame.K_PAGEDOWN: 4,
                 pygame.K_HOME: -len(self.entries), pygame.K_END: len(self.entries)}
        if key == pygame.K_ESCAPE:
            return Pop()
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self._play()
        if key in moves:
            self._select(self.selected + moves[key])
        return None

    def _click(self, position: tuple[int, int]) -> Transition | None:
        size = self.ctx.ui.window_resolution
        if not self.list_rect(size).collidepoint(position):
            return None
        for index in range(len(self.entries)):
            if self.card_rect(index, size).collidepoint(position):
                if index == self.selected:
                    return self._play()  # a second click on the chosen level opens it
                self._select(index)
        return None

    def _play(self) -> Transition | None:
        entry = self.selected_entry
        if entry is None or not entry.playable or entry.loaded is None or entry.locked:
            return None
        from game.scenes.campaign.briefing import BriefingScene

        return Push(BriefingScene(self.ctx, entry.loaded))

    def _select(self, index: int) -> None:
        if not self.entries:
            return
        self.selected = max(0, min(len(self.entries) - 1, index))
        self._show_selection()

    def _show_selection(self) -> None:
        size = self.ctx.ui.window_resolution
        listing = self.list_rect(size)
        card = self.card_rect(self.selected, size)
        if card.top < listing.top:
            self._scroll_by(card.top - listing.top)
        elif card.bottom > listing.bottom:
            self._scroll_by(card.bottom - listing.bottom)
        entry = self.selected_entry
        self.picture = self._picture_for(entry, size)
        if self.detail is not None:
            text = self.text_rect(size)
            if self.detail.relative_rect != text:
                self.detail.set_relative_position(text.topleft)
                self.detail.set_dimensions(text.size)
            self.detail.set_text(html_for_look(detail_html(entry, self.ctx.language, self.ctx.tr), self.ctx) if entry
                                 else self.ctx.tr("No levels were found."))
        if self.play_button is not None:
            if entry is not None and entry.playable and not entry.locked:
                self.play_button.enable()
            else:
                self.play_button.disable()

    def _picture_for(self, entry: LevelEntry | None, size: tuple[int, int]) -> tuple[pygame.Surface, bool] | None:
        """A playable level's preview, or its site map; a broken file shows its problems alone."""
        if entry is None or not entry.playable or entry.loaded is None:
            return None
        band = self.picture_rect(size)
        caption = self.ctx.fonts.regular(palette.SMALL).get_linesize()
        return self.pictures.picture(entry.loaded, (band.width, band.height - caption - 4))

    def _scroll_by(self, pixels: int) -> None:
        listing = self.list_rect(self.ctx.ui.window_resolution)
        content = len(self.entries) * (self.card_height() + CARD_GAP) - CARD_GAP
        self.scroll = max(0, min(max(0, content - listing.height), self.scroll + pixels))

    # --- drawing ---------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        fonts, colours = self.ctx.fonts, self.ctx.palette
        surface.fill(colours.sky)
        draw_text(surface, self.ctx.tr("Sandbox and mods"), fonts.bold(palette.HEADING), colours.text, (MARGIN, 30))
        size = surface.get_size()
        listing = self.list_rect(size)
        if not self.entries:
            draw_text(surface, self.ctx.tr("No levels found."), fonts.regular(palette.BODY), colours.text_dim,
                      listing.topleft)
        previous_clip = surface.get_clip()
        surface.set_clip(listing)
        for index, entry in enumerate(self.entries):
            card = self.card_rect(index, size)
            if card.colliderect(listing):
                self._draw_card(surface, card, entry, index == self.selected)
        surface.set_clip(previous_clip)
        self._draw_scrollbar(surface, listing)
        self._draw_picture(surface, size)
        hint = self.ctx.tr("Up/Down or Tab choose  ·  Enter briefing  ·  Esc back")
        font = fonts.regular(palette.SMALL)
        if self.back_button is not None and self.play_button is not None:
            room = self.play_button.rect.left - self.back_button.rect.right - 24
            if font.size(hint)[0] <= room:  # between the buttons while it fits there
                draw_text(surface, hint, font, colours.text_dim,
                          ((self.back_button.rect.right + self.play_button.rect.left) // 2,
                           self.play_button.rect.centery), anchor="center")

    def _draw_card(self, surface: pygame.Surface, card: pygame.Rect, entry: LevelEntry, selected: bool) -> None:
        fonts, colours = self.ctx.fonts, self.ctx.palette
        draw_card(surface, colours, card, selected)
        x = card.x + 20
        if not entry.playable:
            pygame.draw.rect(surface, colours.broken, (card.x, card.y, 8, card.height),
                             border_top_left_radius=8, border_bottom_left_radius=8)
            badge = draw_text(surface, self.ctx.tr("BROKEN"), fonts.bold(palette.SMALL), colours.broken,
                              (card.right - 16, card.y + 12), anchor="topright")
            title_width = badge.left - x - 12
        elif entry.locked or entry.best_score is not None:
            word, colour = (self.ctx.tr("LOCKED"), colours.text_dim) if entry.locked else \
                (self.ctx.tr("WON"), colours.good)
            badge = draw_text(surface, word, fonts.bold(palette.SMALL), colour,
                              (card.right - 16, card.y + 12), anchor="topright")
            title_width = badge.left - x - 12
        else:
            title_width = card.right - 16 - x
        title_font, small = fonts.bold(palette.BODY + 2), fonts.regular(palette.SMALL)
        title = draw_text(surface, fit_text(entry.title, title_font, title_width), title_font, colours.text,
                          (x, card.y + 8))
        where = f"{entry.date} · {entry.origin}" if entry.date else entry.origin
        where_line = draw_text(surface, fit_text(where, small, card.right - 16 - x), small,
                               colours.accent if entry.playable else colours.broken, (x, title.bottom))
        draw_paragraph(surface, entry.summary, small, colours.text_dim,
                       (x, where_line.bottom), card.right - 16 - x, max_lines=2)

    def _draw_picture(self, surface: pygame.Surface, size: tuple[int, int]) -> None:
        if self.picture is None:
            return
        picture, own = self.picture
        band = self.picture_rect(size)
        font = self.ctx.fonts.regular(palette.SMALL)
        spot = picture.get_rect(midtop=(band.centerx, band.y))
        surface.blit(picture, spot)
        pygame.draw.rect(surface, self.ctx.palette.panel_edge, spot.inflate(2, 2), 1)
        caption = self.ctx.tr("The level's picture") if own else self.ctx.tr("The site's map")
        draw_text(surface, fit_text(caption, font, band.width), font, self.ctx.palette.text_dim,
                  (band.centerx, spot.bottom + 4), anchor="midtop")

    def _draw_scrollbar(self, surface: pygame.Surface, listing: pygame.Rect) -> None:
        content = len(self.entries) * (self.card_height() + CARD_GAP) - CARD_GAP
        if content <= listing.height:
            return
        colours = self.ctx.palette
        track = pygame.Rect(listing.right - 6, listing.y, 6, listing.height)
        pygame.draw.rect(surface, colours.panel, track, border_radius=3)
        thumb_height = max(30, round(listing.height * listing.height / content))
        thumb_top = track.y + round((track.height - thumb_height) * self.scroll / (content - listing.height))
        pygame.draw.rect(surface, colours.text_dim, (track.x, thumb_top, 6, thumb_height), border_radius=3)
