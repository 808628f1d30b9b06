"""The level briefing: the real moment (date, context), what the player will learn, the goals, the partners and
the facts with their sources; Start replaces it with the station screen."""

from __future__ import annotations

import contextlib

import pygame
import pygame_gui
from pygame_gui.core import UIElement
from pygame_gui.elements import UIButton, UITextBox

from game.content.catalog import Catalog
from game.content.difficulty import DEFAULT_PRESET, DIFFICULTY_NAMES, DIFFICULTY_TIPS, PRESETS, with_difficulty
from game.content.loader import LoadedLevel
from game.content.message import say_n
from game.content.models import Fact, Level
from game.content.text import translate
from game.content.ui_text import ENGLISH, Translate
from game.render import palette
from game.render.fonts import scaled
from game.render.text import draw_text, fit_text
from game.scenes.context import SceneContext
from game.scenes.rich_text import (
    ACCENT_HEX,
    DIM_HEX,
    escape,
    format_date,
    heading,
    html_for_look,
    open_link,
    preload_text_fonts,
    sources_html,
)
from game.scenes.scene import Pop, Replace, SceneBase, Transition
from game.settings import save_settings
from game.ui.button_words import button_font
from game.ui.focus import ButtonFocus, scroll_key, scroll_text_box
from game.ui.widget_set import WidgetSet

MARGIN = 40
TOP = 128
BUTTON_HEIGHT = 56


def fact_html(fact: Fact, language: str, tr: Translate = ENGLISH) -> str:
    when = f"<font color='{ACCENT_HEX}'>{escape(format_date(fact.date, tr))}</font><br>" if fact.date else ""
    unconfirmed = escape(tr("(unconfirmed: the sources disagree or stand alone)"))
    doubt = f"<font color='{DIM_HEX}'><i>{unconfirmed}</i></font><br>" if fact.unconfirmed else ""
    return f"{when}{escape(translate(fact.text, language))}<br>{doubt}{sources_html(fact.sources, tr)}"


def partner_names(level: Level, catalog: Catalog | None, language: str) -> tuple[list[str], list[str]]:
    """The names of the partners taking part from the start, and of those still to be won."""
    members: list[str] = []
    prospects: list[str] = []
    for taking_part in level.partners:
        spec = catalog.partners.get(taking_part.partner) if catalog else None
        name = translate(spec.name, language) if spec else taking_part.partner
        (members if taking_part.member else prospects).append(name)
    return members, prospects


def context_html(level: Level, catalog: Catalog | None, language: str, tr: Translate = ENGLISH,
                 difficulty: str = DEFAULT_PRESET) -> str:
    """The left panel: the situation, what the player will learn, the goals and who takes part.

    `level` is tuned to `difficulty` already, so its time limit is the one the run will have."""
    objectives = "".join(f"• {escape(translate(text, language))}<br>" for text in level.learning_objectives)
    goals = "".join(f"• {escape(translate(goal.text, language))}<br>" for goal in level.goals)
    members, prospects = partner_names(level, catalog, language)
    partners = ""
    if members or prospects:
        partners = heading(tr("Partners"))
        if members:
            partners += f"{escape(tr('Taking part: {names}', names=', '.join(members)))}<br>"
        if prospects:
            partners += f"{escape(tr('Still to be won: {names}', names=', '.join(prospects)))}<br>"
    site = translate(level.site.name, language)
    days = say_n("{count:g} day", "{count:g} days", level.time_limit_days)
    calendar = ""
    if level.compressed_calendar:
        compressed = tr("This level's calendar is compressed: its real events come in their real order, but not on "
                        "their real dates. The log gives each its real date.")
        calendar = f"<font color='{ACCENT_HEX}'>{escape(compressed)}</font><br><br>"
    setting = tr("Site: {site}  ·  Time: {days}  ·  Difficulty: {difficulty}", site=site, days=days,
                 difficulty=tr(DIFFICULTY_NAMES.get(difficulty, difficulty)))
    return (
        f"{escape(' '.join(translate(level.briefing, language).split()))}<br><br>{calendar}"
        f"<font color='{DIM_HEX}'>{escape(setting)}"
        "</font><br><br>"
        f"{heading(tr('You will learn to'))}{objectives}<br>"
        f"{heading(tr('Goals'))}{goals}<br>{partners}"
    )


def facts_html(level: Level, language: str, tr: Translate = ENGLISH) -> str:
    if not level.facts:
        return heading(tr("Facts")) + escape(tr("This level names no facts of its own; the encyclopedia has them all."))
    return heading(tr("Facts and their sources")) + "<br>".join(fact_html(fact, language, tr) for fact in level.facts)


class BriefingScene(SceneBase):
    """Before a level: Enter starts it, Esc goes back, Page Up/Down scroll the text, Tab/arrows move the focus."""

    def __init__(self, ctx: SceneContext, loaded: LoadedLevel):
        self.ctx = ctx
        self.loaded = loaded
        level = loaded.level
        assert level is not None, "only a playable level has a briefing"
        self.written = level  # as the file writes it; `level` is tuned to the difficulty
        self.difficulty = ctx.settings.difficulty
        self.level: Level = level
        self._tune()
        self.context_box: UITextBox | None = None
        self.facts_box: UITextBox | None = None
        self.start_button: UIButton | None = None
        self.back_button: UIButton | None = None
        self.difficulty_button: UIButton | None = None
        self.focus: ButtonFocus | None = None
        self.widgets: WidgetSet[UIElement] = WidgetSet()

    def enter(self) -> None:
        self._build()

    def exit(self) -> None:
        self.widgets.kill()
        self.context_box = self.facts_box = None
        self.start_button = self.back_button = self.difficulty_button = None
        self.focus = None

    def _build(self) -> None:
        self.exit()
        preload_text_fonts(self.ctx)
        width, height = self.ctx.ui.window_resolution
        scale = self.ctx.fonts.scale
        button_height = scaled(BUTTON_HEIGHT, min(scale, 1.5))  # room for the text, no more
        bottom = height - button_height - 20
        split = round(width * 0.56)
        language = self.ctx.language
        top = self.text_top()
        self.context_box = UITextBox(html_for_look(context_html(self.level, self.loaded.catalog, language, self.ctx.tr,
                                                                  self.difficulty),
                                                   self.ctx),
                                     pygame.Rect(MARGIN, top, split - MARGIN - 12, bottom - top - 16), self.ctx.ui)
        self.facts_box = UITextBox(html_for_look(facts_html(self.level, language, self.ctx.tr), self.ctx),
                                   pygame.Rect(split + 12, top, width - MARGIN - split - 12, bottom - top - 16),
                                   self.ctx.ui)
        self.back_button = UIButton(pygame.Rect(MARGIN, bottom, scaled(170, scale), button_height), self.ctx.tr("Back"),
                                    self.ctx.ui)
        start_width = scaled(280, scale)
        self.start_button = UIButton(pygame.Rect(width - MARGIN - start_width, bottom, start_width, button_height),
                                     self.ctx.tr("Start the level"), self.ctx.ui)
        label = self.ctx.tr("Difficulty: {difficulty}", difficulty=self.ctx.tr(DIFFICULTY_NAMES[self.difficulty]))
        # As wide as its words need (languages run longer than English), never over the Back button.
        room = width - MARGIN - start_width - 16 - (MARGIN + scaled(170, scale) + 16)
        needed = button_font(self.ctx.fonts).size(label)[0] + scaled(32, scale)
        difficulty_width = min(room, max(scaled(260, scale), needed))
        self.difficulty_button = UIButton(
            pygame.Rect(width - MARGIN - start_width - 16 - difficulty_width, bottom, difficulty_width, button_height),
            label, self.ctx.ui, tool_tip_text=self.ctx.tr(DIFFICULTY_TIPS[self.difficulty]))
        self.widgets.build({"context": self.context_box, "facts": self.facts_box, "back": self.back_button,
                            "difficulty": self.difficulty_button, "start": self.start_button})
        if self.ctx.classroom is not None and self.ctx.classroom.is_locked("difficulty"):
            self.difficulty_button.disable()  # greyed: the class fixes the difficulty
            self.difficulty_button.set_tooltip(self.ctx.tr("Locked by the class"))
        self.focus = ButtonFocus([self.start_button, self.difficulty_button, self.back_button], 0)

    def text_top(self) -> int:
        """Below the date line and the title, which grow with the UI scale."""
        fonts = self.ctx.fonts
        return max(TOP, 22 + fonts.bold(palette.BODY).get_linesize() + fonts.bold(palette.HEADING + 4).get_linesize()
                   + 8)

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.VIDEORESIZE:
            self._build()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            return self._press(event.ui_element)
        elif event.type == pygame_gui.UI_BUTTON_ON_HOVERED and self.focus is not None:
            self.focus.focus_on(event.ui_element)
        elif event.type == pygame_gui.UI_TEXT_BOX_LINK_CLICKED:
            open_link(event.link_target)
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return Pop()
            pages = scroll_key(event)
            if pages is not None:
                scroll_text_box(self.context_box, pages)
                scroll_text_box(self.facts_box, pages)
            elif self.focus is not None:
                pressed = self.focus.handle_key(event)
                if pressed is not None:
                    return self._press(pressed)
        return None

    def _press(self, button: object) -> Transition | None:
        if button is self.back_button:
            return Pop()
        if button is self.start_button:
            return self.start()
        if button is self.difficulty_button:
            self.next_difficulty()
        return None

    def next_difficulty(self) -> None:
        """The next preset, kept in the settings (the default for the next level too); the text shows its figures."""
        if self.ctx.classroom is not None and self.ctx.classroom.is_locked("difficulty"):
            return  # the class fixes it (the button is shown disabled)
        order = list(PRESETS)
        self.ctx.settings.difficulty = order[(order.index(self.difficulty) + 1) % len(order)]
        with contextlib.suppress(OSError):  # not saved: the choice still holds for this session
            save_settings(self.ctx.settings_to_save())
        self._tune()
        self._build()
        if self.focus is not None and self.difficulty_button is not None:
            self.focus.focus_on(self.difficulty_button)

    def _tune(self) -> None:
        """The level as the run will play it: its time limit and figures tuned to the difficulty preset."""
        self.difficulty = self.ctx.settings.difficulty
        self.level = with_difficulty(self.written, self.loaded.require()[1], self.difficulty)[0]

    def start(self) -> Transition:
        from game.scenes.station.station_scene import StationScene  # the station pulls in the simulation: load it late

        return Replace(StationScene(self.ctx, self.loaded))

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        fonts, colours = self.ctx.fonts, self.ctx.palette
        surface.fill(colours.sky)
        width = surface.get_width()
        language = self.ctx.language
        order = self.ctx.tr("Campaign level {number}", number=self.level.order) + "  ·  " \
            if self.level.order > 0 else ""
        when = format_date(self.level.start_date, self.ctx.tr)
        difficulty = self.ctx.tr(DIFFICULTY_NAMES.get(self.difficulty, self.difficulty))
        date_line = draw_text(surface, f"{order}{when}  ·  {difficulty}", fonts.bold(palette.BODY), colours.accent,
                              (MARGIN, 22))
        title_font = fonts.bold(palette.HEADING + 4)
        draw_text(surface, fit_text(translate(self.level.title, language), title_font, width - 2 * MARGIN),
                  title_font, colours.text, (MARGIN, date_line.bottom))
        # Between Back and the buttons on the right, when there is room for it there.
        hint = self.ctx.tr("Enter start  ·  Page Up/Down scroll  ·  Esc back")
        font = fonts.regular(palette.SMALL)
        right = self.difficulty_button or self.start_button
        if self.back_button is not None and right is not None:
            room = right.rect.left - self.back_button.rect.right - 24
            if font.size(hint)[0] <= room:
                draw_text(surface, hint, font, colours.text_dim,
                          ((self.back_button.rect.right + right.rect.left) // 2, right.rect.centery), anchor="center")
