"""The settings screen: window, scale, colours, sound, play options and key bindings; Apply saves and applies.

Keyboard: Up/Down (or Tab) choose a row, Left/Right change its value, Enter presses a button or waits
for a new key on a key row, Page Up/Down turn the page, Esc goes back without applying. The mouse turns
pages with the wheel or the arrow buttons beside the page number. Apply makes the look follow the settings
through `SceneContext.apply_look` (which the app also calls at start).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIDropDownMenu, UIHorizontalSlider

from game import paths
from game.content.ui_text import to_translate
from game.render import palette as palette_module
from game.render.fonts import scaled_px
from game.render.text import draw_text, fit_text
from game.scenes.context import SceneContext
from game.scenes.scene import Pop, SceneBase, Transition
from game.settings import KEY_ACTIONS, WINDOW_SIZES, Settings, key_label, key_refusal, rebind, save_settings
from game.ui.teardown import kill_all

MARGIN = 40
ROW_HEIGHT = 50
FOOTER_HEIGHT = 112
HEADER_HEIGHT = 96
CONTROL_WIDTH = 300
BUTTON_SIZE = (190, 52)
PAGE_BUTTON_SIZE = 52  # the square "<" and ">" buttons that turn the page with the mouse
NEXT_KEYS = (pygame.K_DOWN, pygame.K_TAB)
PRESS_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
PALETTE_CHOICES = ((to_translate("Standard colours"), "standard"), (to_translate("Colour-blind safe"), "colour_blind"))
LANDING_CHOICES = ((to_translate("Ask each time"), "ask"), (to_translate("Autopilot always"), "autopilot"),
                   (to_translate("Fly it myself"), "fly"))
AID_CHOICES = ((to_translate("With assistance"), "auto"), (to_translate("On"), "on"),
               (to_translate("Off"), "off"))
LANDING_SPEEDS = ((to_translate("Real time"), 1.0), (to_translate("Three-quarter speed"), 0.75),
                  (to_translate("Half speed"), 0.5), (to_translate("Quarter speed"), 0.25))
FOOTER_BUTTONS = (to_translate("Apply"), to_translate("Defaults"), to_translate("Back"))
HINT = to_translate("Up/Down choose  ·  Left/Right change  ·  Enter press or set a key  ·  Page Up/Down turn  ·  "
                    "Esc back")


def look_is_default(settings: Settings) -> bool:
    return settings.ui_scale == 1.0 and settings.palette == "standard" and not settings.high_contrast


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the screen: a heading, or a setting with its kind of control."""

    kind: str  # heading, choice, toggle, slider, key, or folder (a line to read, not to change)
    label: str
    key: str = ""  # the Settings field, the key action's id, or a folder row's path
    choices: tuple[tuple[str, Any], ...] = ()
    low: int = 0
    high: int = 100
    step: int = 5
    unit: str = "%"


PASSIVE_KINDS = ("heading", "folder")  # rows with nothing to change: never focused, no control
HOME_MODES = {
    "system": to_translate("this computer's user folders"),
    "portable": to_translate("portable mode: in a folder beside the program"),
    "override": to_translate("the folder LUNAR_STATION_HOME names"),
}


def settings_rows(settings: Settings, languages: Sequence[tuple[str, str]] = (),
                  home: paths.UserHome | None = None) -> list[Row]:
    """Every row of the screen, in order; the window sizes include the player's own size if it is unusual.

    `languages` are (name, code) pairs: the Language row shows only when there is more than English to choose.
    `home` adds where the player's files are kept, last (a teacher looking for saves or results finds it)."""
    sizes = list(WINDOW_SIZES)
    if settings.window_size not in sizes:
        sizes.append(settings.window_size)
    speeds = list(LANDING_SPEEDS)
    if settings.landing_time_scale not in (speed for _, speed in speeds):  # a speed typed into the file
        speeds.append((f"×{settings.landing_time_scale:g}", settings.landing_time_scale))
    rows = [
        Row("heading", to_translate("Display")),
        Row("choice", to_translate("Window size"), "window_size", tuple((f"{w} × {h}", (w, h)) for w, h in sizes)),
        Row("toggle", to_translate("Full screen"), "fullscreen"),
        Row("slider", to_translate("Text and interface size"), "ui_scale", low=100, high=200, step=10),
        Row("choice", to_translate("Colours"), "palette", PALETTE_CHOICES),
        Row("toggle", to_translate("High contrast (projectors)"), "high_contrast"),
        Row("heading", to_translate("Sound")),
        Row("slider", to_translate("Main volume"), "master_volume"),
        Row("slider", to_translate("Effects"), "effects_volume"),
        Row("slider", to_translate("Ambient sound"), "ambient_volume"),
        Row("toggle", to_translate("Audio assistance"), "audio_assistance"),
        Row("choice", to_translate("Landing heard as tones"), "sonified_landing", AID_CHOICES),
        Row("choice", to_translate("Spoken call-outs"), "spoken_callouts", AID_CHOICES),
        Row("heading", to_translate("Play")),
        *_language_rows(settings, languages),
        Row("toggle", to_translate("Hints while playing"), "hints"),
        Row("choice", to_translate("Landings"), "landing_choice", LANDING_CHOICES),
        Row("toggle", to_translate("Unlock every level"), "unlock_all"),
    ]
    key_headings = (("station", to_translate("Keys on the station")), ("landing", to_translate("Keys in a landing")))
    for screen, title in key_headings:
        rows.append(Row("heading", title))
        rows += [Row("key", action.label, action.id) for action in KEY_ACTIONS if action.screen == screen]
    # Last, after the landing's keys: each assist is on in every landing; a level may turn one on by itself too.
    rows += [
        Row("heading", to_translate("Landing assists")),
        Row("toggle", to_translate("Attitude hold"), "assist_attitude_hold"),
        Row("toggle", to_translate("Suggested burn marker"), "assist_suggested_burn"),
        Row("toggle", to_translate("Larger target (2× wide)"), "assist_larger_target"),
        Row("choice", to_translate("Landing speed"), "landing_time_scale", tuple(speeds)),
        Row("toggle", to_translate("Reduced motion"), "reduced_motion"),
    ]
    if home is not None:
        rows += [
            Row("heading", to_translate("Your files")),
            Row("folder", to_translate("Kept in"), HOME_MODES[home.mode]),
            Row("folder", to_translate("Saves, mods and results"), str(home.data)),
            Row("folder", to_translate("Settings"), str(home.config)),
            Row("folder", to_translate("Screenshots"), str(home.pictures)),
        ]
    return rows


def _language_rows(settings: Settings, languages: Sequence[tuple[str, str]]) -> list[Row]:
    choices = list(languages)
    if settings.language not in (code for _, code in choices):
        choices.append((settings.language, settings.language))  # a file since removed: still shown as chosen
    if len(choices) < 2:
        return []
    return [Row("choice", to_translate("Language"), "language", tuple(choices))]


class SettingsScene(SceneBase):
    """Edits a copy of the settings; Apply copies it into the app's settings, saves, and applies it."""

    def __init__(self, ctx: SceneContext):
        self.ctx = ctx
        self.working = _copy_settings(ctx.settings)
        self.languages = ctx.language_choices()
        self.rows = settings_rows(self.working, self.languages, paths.user_home())
        self.page = 0
        self.focus = 0  # index into self.focusable()
        self.listening: str | None = None  # the key action waiting for a key press
        self.message = ""
        self.controls: dict[int, Any] = {}  # row index -> its pygame_gui element, on the page shown
        self.footer: list[UIButton] = []
        self.page_buttons: list[UIButton] = []  # previous, next

    # --- layout ----------------------------------------------------------------------------------

    @property
    def scale(self) -> float:
        return self.ctx.fonts.scale

    def columns(self) -> int:
        width = self.ctx.ui.window_resolution[0]
        return 2 if width >= scaled_px(1100, self.scale) else 1

    def rows_per_column(self) -> int:
        scale = self.scale
        height = self.ctx.ui.window_resolution[1]
        room = height - scaled_px(HEADER_HEIGHT, scale) - scaled_px(FOOTER_HEIGHT, scale)
        return max(3, room // scaled_px(ROW_HEIGHT, scale))

    def pages(self) -> list[list[int]]:
        """Row indices on each page; a heading never ends a column, so it always stands above its rows."""
        per_page = self.rows_per_column() * self.columns()
        pages: list[list[int]] = [[]]
        for index, row in enumerate(self.rows):
            page = pages[-1]
            room = per_page - len(page)
            if room == 0 or (row.kind == "heading" and room < 2):
                pages.append([])
            pages[-1].append(index)
        return pages

    def row_rect(self, position: int) -> pygame.Rect:
        """The screen rectangle of the `position`-th row of the page shown."""
        width = self.ctx.ui.window_resolution[0]
        per_column = self.rows_per_column()
        column, line = divmod(position, per_column)
        column_width = (width - 2 * MARGIN - (self.columns() - 1) * MARGIN) // self.columns()
        return pygame.Rect(
            MARGIN + column * (column_width + MARGIN),
            scaled_px(HEADER_HEIGHT, self.scale) + line * scaled_px(ROW_HEIGHT, self.scale),
            column_width,
            scaled_px(ROW_HEIGHT, self.scale) - 6,
        )

    def control_rect(self, row_rect: pygame.Rect) -> pygame.Rect:
        control_width = min(scaled_px(CONTROL_WIDTH, self.scale), row_rect.width // 2)
        return pygame.Rect(row_rect.right - control_width, row_rect.top, control_width, row_rect.height)

    # --- focus -----------------------------------------------------------------------------------

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
                self._build()
        self._show_focus()

    def turn_page(self, step: int) -> None:
        pages = self.pages()
        self.page = (self.page + step) % len(pages)
        first = next((i for i in pages[self.page] if self.rows[i].kind not in PASSIVE_KINDS), None)
        self.focus = self.focusable().index(("row", first)) if first is not None else self.focus
        # A page of folders alone has nothing to focus: it stays shown rather than following the focus back.
        self._build(follow_focus=first is not None)

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        self._build()

    def exit(self) -> None:
        kill_all([*self.controls.values(), *self.footer, *self.page_buttons])
        self.controls = {}
        self.footer = []
        self.page_buttons = []

    def _build(self, follow_focus: bool = True) -> None:
        self.exit()
        pages = self.pages()
        kind, index = self.focused
        # The page follows the focused row, also when a new scale or window size moved the rows.
        if kind == "row" and follow_focus:
            self.page = next((n for n, rows in enumerate(pages) if index in rows), 0)
        else:
            self.page = min(self.page, len(pages) - 1)
        ui = self.ctx.ui
        for position, index in enumerate(pages[self.page]):
            row = self.rows[index]
            if row.kind in PASSIVE_KINDS:
                continue
            rect = self.control_rect(self.row_rect(position))
            self.controls[index] = self._make_control(row, rect, ui)
        width, height = ui.window_resolution
        size = (scaled_px(BUTTON_SIZE[0], self.scale), scaled_px(BUTTON_SIZE[1], self.scale))
        x = width - MARGIN - len(FOOTER_BUTTONS) * (size[0] + 16) + 16
        top = height - scaled_px(FOOTER_HEIGHT, self.scale) + scaled_px(46, self.scale)
        self.footer = [
            UIButton(pygame.Rect((x + number * (size[0] + 16), top), size), self.ctx.tr(label), ui)
            for number, label in enumerate(FOOTER_BUTTONS)
        ]
        if len(pages) > 1:
            self.page_buttons = self._make_page_buttons(ui)
        self._show_focus()

    def page_button_rects(self) -> tuple[pygame.Rect, pygame.Rect]:
        """Where "<" and ">" stand: at the top right, with the page number between them."""
        width = self.ctx.ui.window_resolution[0]
        side = scaled_px(PAGE_BUTTON_SIZE, self.scale)
        top = max(4, (scaled_px(HEADER_HEIGHT, self.scale) - side) // 2 - scaled_px(6, self.scale))
        number_width = self.ctx.fonts.regular(palette_module.SMALL).size(
            self.ctx.tr("Page {page} of {pages}", page=88, pages=88))[0]
        following = pygame.Rect(width - MARGIN - side, top, side, side)
        previous = pygame.Rect(following.left - number_width - 2 * scaled_px(12, self.scale) - side, top, side, side)
        return previous, following

    def _make_page_buttons(self, ui: pygame_gui.UIManager) -> list[UIButton]:
        previous, following = self.page_button_rects()
        return [UIButton(previous, "<", ui, tool_tip_text=self.ctx.tr("Previous page (Page Up)")),
                UIButton(following, ">", ui, tool_tip_text=self.ctx.tr("Next page (Page Down)"))]

    def _make_control(self, row: Row, rect: pygame.Rect, ui: pygame_gui.UIManager) -> Any:
        value = getattr(self.working, row.key) if row.kind != "key" else self.working.key_name(row.key)
        if row.kind == "choice":
            labels: list[str | tuple[str, str]] = [self.ctx.tr(label) for label, _ in row.choices]
            current = self.ctx.tr(next((label for label, choice in row.choices if choice == value), row.choices[0][0]))
            return UIDropDownMenu(labels, current, rect, ui)
        if row.kind == "toggle":
            return UIButton(rect, self.ctx.tr("On") if value else self.ctx.tr("Off"), ui)
        if row.kind == "slider":
            slider_rect = pygame.Rect(rect.left, rect.top + 4, rect.width - scaled_px(84, self.scale), rect.height - 8)
            return UIHorizontalSlider(slider_rect, self._slider_value(row), (row.low, row.high), ui,
                                      click_increment=row.step)
        text = self.ctx.tr("Press a key…") if self.listening == row.key else key_label(value)
        return UIButton(rect, text, ui)

    def _slider_value(self, row: Row) -> int:
        return round(getattr(self.working, row.key) * 100)

    def _show_focus(self) -> None:
        kind, index = self.focused
        for number, button in enumerate(self.footer):
            if kind == "footer" and number == index:
                button.select()
            else:
                button.unselect()

    # --- input -----------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.VIDEORESIZE:
            self._build()
        elif event.type == pygame.KEYDOWN:
            return self._key(event)
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            return self._pressed(event.ui_element)
        elif event.type == pygame.MOUSEWHEEL and event.y and self.listening is None:
            self.turn_page(-1 if event.y > 0 else 1)  # wheel up shows the page before, as a list scrolls
        elif event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED:
            index = self._row_of(event.ui_element)
            if index is not None:
                self._set_slider(index, int(event.value))
        elif event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED:
            index = self._row_of(event.ui_element)
            if index is not None:
                row = self.rows[index]
                chosen = next(choice for label, choice in row.choices if self.ctx.tr(label) == event.text)
                setattr(self.working, row.key, chosen)
                self._focus_row(index)
        return None

    def _key(self, event: pygame.event.Event) -> Transition | None:
        if self.listening is not None:
            action, self.listening = self.listening, None
            if event.key != pygame.K_ESCAPE:
                self._bind(action, pygame.key.name(event.key))
            else:
                self.message = self.ctx.tr("Key unchanged.")
            self._build()
            return None
        if event.key == pygame.K_ESCAPE:
            return Pop()
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        if event.key == pygame.K_UP or (event.key == pygame.K_TAB and shift):
            self.move_focus(-1)
        elif event.key in NEXT_KEYS:
            self.move_focus(1)
        elif event.key == pygame.K_PAGEDOWN:
            self.turn_page(1)
        elif event.key == pygame.K_PAGEUP:
            self.turn_page(-1)
        elif event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self._adjust(1 if event.key == pygame.K_RIGHT else -1)
        elif event.key in PRESS_KEYS:
            return self._activate()
        return None

    def _row_of(self, element: object) -> int | None:
        return next((index for index, control in self.controls.items() if control is element), None)

    def _focus_row(self, index: int) -> None:
        self.focus = self.focusable().index(("row", index))
        self._show_focus()

    def _pressed(self, element: object) -> Transition | None:
        self.ctx.play_sound("click")
        if element in self.page_buttons:
            self.turn_page(-1 if element is self.page_buttons[0] else 1)
            return None
        if element in self.footer:
            return self._footer(self.footer.index(element))
        index = self._row_of(element)
        if index is not None:
            self._focus_row(index)
            return self._activate()
        return None

    def _activate(self) -> Transition | None:
        """Enter on the focused row or button: flip a toggle, wait for a key, cycle a choice, or press."""
        kind, index = self.focused
        if kind == "footer":
            return self._footer(index)
        row = self.rows[index]
        if row.kind == "toggle":
            setattr(self.working, row.key, not getattr(self.working, row.key))
            self._build()
        elif row.kind == "key":
            self.listening = row.key
            self.message = self.ctx.tr("Press the key for “{action}” (Esc keeps the old one).",
                                       action=self.ctx.tr(row.label))
            self._build()
        elif row.kind == "choice":
            self._adjust(1)
        return None

    def _adjust(self, step: int) -> None:
        kind, index = self.focused
        if kind != "row":
            return
        row = self.rows[index]
        if row.kind == "slider":
            self._set_slider(index, self._slider_value(row) + step * row.step)
            self._build()
        elif row.kind == "choice":
            values = [choice for _, choice in row.choices]
            current = getattr(self.working, row.key)
            position = values.index(current) if current in values else 0
            setattr(self.working, row.key, values[(position + step) % len(values)])
            self._build()
        elif row.kind == "toggle":
            setattr(self.working, row.key, step > 0)
            self._build()

    def _set_slider(self, index: int, percent: int) -> None:
        row = self.rows[index]
        percent = max(row.low, min(row.high, percent))
        setattr(self.working, row.key, percent / 100)
        if row.key.endswith("_volume") and self.ctx.audio is not None:
            # Heard at once, so the player can judge the level before applying it.
            self.ctx.audio.set_volumes(self.working.master_volume, self.working.effects_volume,
                                       self.working.ambient_volume)
            self.ctx.play_sound("click")
        self._focus_row(index)

    def _bind(self, action: str, name: str) -> None:
        """Gives the key to the action; a key taken on the same screen swaps, a key the game keeps is refused."""
        refusal = key_refusal(action, name)
        if refusal is not None:
            self.message = self.ctx.tr(refusal)
            return
        label = {item.id: self.ctx.tr(item.label) for item in KEY_ACTIONS}
        swapped = rebind(self.working, action, name)
        self.message = self.ctx.tr("“{action}” is now {key}.", action=label[action], key=key_label(name))
        if swapped is not None:
            moved = key_label(self.working.key_name(swapped))
            self.message += " " + self.ctx.tr("“{action}” moved to {key}, so no two share a key.",
                                              action=label[swapped], key=moved)

    def _footer(self, number: int) -> Transition | None:
        choice = FOOTER_BUTTONS[number]
        if choice == "Back":
            self._restore_volumes()
            return Pop()
        if choice == "Defaults":
            self.working = Settings(language=self.working.language, window_size=self.working.window_size,
                                    fullscreen=self.working.fullscreen)
            self.message = self.ctx.tr("Defaults restored here; press Apply to keep them.")
            self._build()
            return None
        self.apply()
        return None

    def _restore_volumes(self) -> None:
        """Leaving without Apply: the sound goes back to the saved volumes."""
        if self.ctx.audio is not None:
            saved = self.ctx.settings
            self.ctx.audio.set_volumes(saved.master_volume, saved.effects_volume, saved.ambient_volume)

    def apply(self) -> None:
        """Copies the edited settings into the app's, saves them, and makes the window, look and sound follow."""
        settings = self.ctx.settings
        window_changed = self.working.window_size != settings.window_size
        fullscreen_changed = self.working.fullscreen != settings.fullscreen
        look_changed = any(
            getattr(self.working, name) != getattr(settings, name) for name in ("ui_scale", "palette", "high_contrast")
        )
        for item in fields(Settings):
            setattr(settings, item.name, copy.deepcopy(getattr(self.working, item.name)))
        sentences = [self.ctx.tr("Settings applied and saved.")]
        try:
            save_settings(settings)
        except OSError as error:
            sentences = [self.ctx.tr("Settings applied, but they could not be saved: {error}.", error=error)]
        if self.ctx.audio is not None:
            self.ctx.audio.set_volumes(settings.master_volume, settings.effects_volume, settings.ambient_volume)
            if settings.ambient_volume > 0:
                self.ctx.audio.loop("ambient")
            else:
                self.ctx.audio.stop("ambient")
        problem = self._apply_window(window_changed, fullscreen_changed)
        if problem:
            sentences.append(problem)
        if look_changed or window_changed or fullscreen_changed:  # the text size that fits may have changed too
            self.ctx.apply_look()
        if self.ctx.fonts.scale < settings.ui_scale:
            sentences.append(self.ctx.tr("This window fits text up to {fits} %; a larger window or full screen shows "
                                         "{chosen} %.", fits=round(self.ctx.fonts.scale * 100),
                                         chosen=round(settings.ui_scale * 100)))
        self.message = " ".join(sentences)
        self.rows = settings_rows(settings, self.languages, paths.user_home())
        self._build()

    def _apply_window(self, size_changed: bool, fullscreen_changed: bool) -> str | None:
        settings = self.ctx.settings
        try:
            if fullscreen_changed:
                pygame.display.toggle_fullscreen()
                settings.fullscreen = pygame.display.is_fullscreen()
            if size_changed and not settings.fullscreen:
                pygame.display.set_mode(settings.window_size, pygame.RESIZABLE)
                self.ctx.ui.set_window_resolution(settings.window_size)
        except pygame.error as error:
            settings.fullscreen = pygame.display.is_fullscreen()
            return self.ctx.tr("The window could not change ({error}).", error=error)
        return None

    # --- drawing ---------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        colours = self.ctx.palette
        fonts = self.ctx.fonts
        surface.fill(colours.sky)
        width, height = surface.get_size()
        draw_text(surface, self.ctx.tr("Settings"), fonts.bold(palette_module.HEADING), colours.text,
                  (MARGIN, scaled_px(20, self.scale)))
        pages = self.pages()
        page_number = self.ctx.tr("Page {page} of {pages}", page=self.page + 1, pages=len(pages))
        previous, following = self.page_button_rects()
        if len(pages) > 1:  # between the "<" and ">" buttons
            draw_text(surface, page_number, fonts.regular(palette_module.SMALL), colours.text_dim,
                      ((previous.right + following.left) // 2, previous.centery), anchor="center")
        kind, focused = self.focused
        label_font = fonts.regular(palette_module.BODY)
        for position, index in enumerate(pages[self.page]):
            row = self.rows[index]
            rect = self.row_rect(position)
            if row.kind == "heading":
                draw_text(surface, self.ctx.tr(row.label), fonts.bold(palette_module.LARGE), colours.accent,
                          (rect.left, rect.centery), anchor="midleft")
                continue
            if row.kind == "folder":
                self._draw_folder_row(surface, row, rect)
                continue
            if kind == "row" and focused == index:
                pygame.draw.rect(surface, colours.panel_raised, rect.inflate(16, 4), border_radius=8)
                pygame.draw.rect(surface, colours.focus, rect.inflate(16, 4), 3, border_radius=8)
            control = self.control_rect(rect)
            text = fit_text(self.ctx.tr(row.label), label_font, control.left - rect.left - 16)
            draw_text(surface, text, label_font, colours.text, (rect.left + 8, rect.centery), anchor="midleft")
            if row.kind == "slider":
                draw_text(surface, f"{self._slider_value(row)} %", label_font, colours.text,
                          (control.right - 4, rect.centery), anchor="midright")
        footer_top = height - scaled_px(FOOTER_HEIGHT, self.scale)
        pygame.draw.line(surface, colours.panel_edge, (MARGIN, footer_top), (width - MARGIN, footer_top), 2)
        # One line under the rows: what just happened, or else which keys do what.
        line_font = fonts.regular(palette_module.BODY if self.message else palette_module.SMALL)
        line = self.message or whole_clauses(self.ctx.tr(HINT), line_font, width - 2 * MARGIN)
        draw_text(surface, fit_text(line, line_font, width - 2 * MARGIN), line_font,
                  colours.accent if self.message else colours.text_dim, (MARGIN, footer_top + scaled_px(8, self.scale)))


    def _draw_folder_row(self, surface: pygame.Surface, row: Row, rect: pygame.Rect) -> None:
        """A label and where it is; a long path keeps its end (the folder's own name) when it must be cut."""
        colours = self.ctx.palette
        label_font = self.ctx.fonts.regular(palette_module.SMALL)
        label = self.ctx.tr(row.label)
        draw_text(surface, label, label_font, colours.text_dim, (rect.left + 8, rect.centery), anchor="midleft")
        room = rect.width - label_font.size(label)[0] - 32
        value = self.ctx.tr(row.key) if row.key in HOME_MODES.values() else row.key
        while len(value) > 4 and label_font.size(value)[0] > room:
            value = "…" + value[2:] if value.startswith("…") else "…" + value[1:]
        draw_text(surface, value, label_font, colours.text, (rect.right - 4, rect.centery), anchor="midright")


def whole_clauses(text: str, font: pygame.font.Font, width: int, separator: str = "  ·  ") -> str:
    """As many whole clauses of the key help as fit: at a large UI scale half a clause would say nothing."""
    clauses = text.split(separator)
    while len(clauses) > 1 and font.size(separator.join(clauses))[0] > width:
        clauses.pop()
    return separator.join(clauses)


def _copy_settings(settings: Settings) -> Settings:
    return copy.deepcopy(settings)
