"""The Teacher screen: make a class file (name, language, difficulty, name entry, text size floor, time limit,
levels, locks, results folder, PIN), and build the HTML class report from a results folder. The language, difficulty,
name entry, levels and locks are choice buttons showing translated words (game/scenes/classroom/teacher_choices.py);
the rest are boxes.

Every control answers the keyboard as the Settings screen's rows do: Tab, Shift+Tab, Up and Down walk the boxes,
the choices and the foot's buttons (turning the page when large text needs more than one), Left and Right change
the focused choice, Enter or Space press it (Enter in a box goes on to the next), Page Up and Page Down turn the
page, Esc goes back. The focus is outlined.

Behind the PIN when a class is loaded (game/scenes/classroom/pin_dialog.py); open when there is none. The work is
done by game/classroom/teacher_form.py; this screen only lays the fields out and says what happened.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game import paths
from game.classroom.pickup import CLASS_FILE_NAME
from game.classroom.teacher_form import plan_from_form, write_class_file, write_class_report
from game.content.class_file import LOCKABLE, ClassFile
from game.content.ui_text import Translate, to_translate
from game.render import palette
from game.render.fonts import Fonts, scaled
from game.render.text import draw_text
from game.scenes.classroom.teacher_choices import (
    ASK_NAME_ROW,
    DIFFICULTY_ROW,
    LANGUAGE_ROW,
    LEVEL_ROW,
    LOCK_ROW,
    ask_name_words,
    choice_label,
    difficulty_words,
    every_button_words,
    is_choice,
    language_codes,
    language_words,
    level_words,
    lock_words,
    next_difficulty,
    stepped,
)
from game.scenes.classroom.teacher_layout import FormWords, TeacherLayout, lay_out
from game.scenes.context import SceneContext
from game.scenes.scene import Pop, SceneBase, Transition
from game.scenes.screen_events import BACK, route
from game.ui.button_words import button_font, button_width_for, button_width_in
from game.ui.focus import PRESS_KEYS
from game.ui.pin_box import PinBox
from game.ui.theme import LANGUAGE_MENU_ID, MENU_TEXT_SIZE
from game.ui.widget_set import WidgetSet

LABELS = {
    "name": to_translate("Class name"),
    "levels": to_translate("Levels in the lesson"),
    "text_size_floor": to_translate("Smallest text size (%)"),
    "locked": to_translate("Settings students cannot change"),
    "time_limit_minutes": to_translate("Minutes per level (empty: no limit)"),
    "results_folder": to_translate("Results folder (empty: each machine's)"),
    "pin": to_translate("Teacher's PIN (the file keeps it scrambled, never as typed)"),
    "save_to": to_translate("Save the class file as"),
    "report_from": to_translate("Report from the results in"),
}
HINT = to_translate("Tab or Up/Down choose  ·  Left/Right change  ·  Enter press  ·  Page Up/Down turn  ·  Esc back")
# The buttons along the foot, left to right, by name: the focus reaches them after the form's last row.
BUTTONS = (("save", to_translate("Save class file")), ("report", to_translate("Build class report")),
           (BACK, to_translate("Back")))
ROWS = ("name", "text_size_floor", "time_limit_minutes", "results_folder", "pin", "save_to", "report_from")  # boxes
HEADINGS = frozenset(("levels", "locked"))
REPORT_FILE = "class-report.html"
PAGE_KEYS = {pygame.K_PAGEUP: -1, pygame.K_PAGEDOWN: 1}
MOVE_KEYS = {pygame.K_UP: -1, pygame.K_DOWN: 1}
CHANGE_KEYS = {pygame.K_LEFT: -1, pygame.K_RIGHT: 1}
FOCUS_OUTLINE = 4  # pixels between a focused control and its outline, before the UI scale


class TeacherScene(SceneBase):
    """The form, its choices and the foot's buttons (save the class file, build the report, go back), every one
    reached by Tab and the arrows as well as by the mouse; Page Up, Page Down, the wheel and "<" ">" turn the page
    when large text needs more than one."""

    def __init__(self, ctx: SceneContext, known_levels: list[tuple[str, str]] | None = None):
        self.ctx = ctx
        # (id, title in the player's language), in the campaign's order: the order the class file lists them.
        self.known_levels = known_levels if known_levels is not None else _shipped_levels(ctx.language)
        session = ctx.classroom
        plan = session.plan if session else None
        self.values = _values_of(plan)
        if session is not None:  # the class's own results folder (a relative one is beside the class file)
            self.values["report_from"] = str(session.results_folder(paths.user_results_dir())[0])
        self.included = set(plan.levels) if plan else {level for level, _ in self.known_levels}
        self.class_order = list(plan.levels) if plan else []  # a loaded class keeps its own order of levels
        self.locked: set[str] = set(plan.locked) if plan else set()
        self.difficulty: str | None = plan.difficulty if plan else None
        self.ask_name = plan.ask_name if plan else True
        self.language: str | None = plan.language if plan else None  # None: each student plays in their own
        # Every shipped language by its own name ("中文", "Русский"), as the Settings screen's menu names it.
        self.language_names = {code: name for name, code in ctx.language_choices()}
        self.entries: WidgetSet[UITextEntryLine] = WidgetSet()
        self.buttons: WidgetSet[UIButton] = WidgetSet()
        self.message = ""
        self.page = 0
        self.focus = "name"  # the focused box, choice or foot button, by name
        self.shown: TeacherLayout | None = None  # the layout the widgets were built for
        self.names_files: tuple[Path, Path] | None = None  # the font the language's names need, when not the UI's
        self._names_font: tuple[tuple[tuple[Path, Path], int], pygame.font.Font] | None = None  # measured in

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        self._build()

    def exit(self) -> None:
        self._keep_typed()
        self.entries.kill()
        self.buttons.kill()

    def _keep_typed(self) -> None:
        for name in ROWS:
            entry = self.entries.get(name)
            if entry is not None:
                self.values[name] = entry.get_text()

    def layout(self) -> TeacherLayout:
        """The layout for the window, text size, language and message as they are now."""
        names_font = None
        if self.names_files is not None:  # the bold font of the theme block language_menu_theme writes
            key = (self.names_files, scaled(MENU_TEXT_SIZE, self.ctx.fonts.scale))
            if self._names_font is None or self._names_font[0] != key:
                self._names_font = (key, pygame.font.Font(key[0][1], key[1]))
            names_font = self._names_font[1]
        return teacher_layout(self.ctx.ui.window_resolution, self.ctx.tr, self.ctx.fonts, self.known_levels,
                              self.message, self.page, self.language_choices_words(), names_font)

    def language_choices_words(self) -> list[str]:
        """The words the language's button may show: each student's choice, then each language's own name."""
        return [language_words(self.ctx.tr, code, self.language_names)
                for code in language_codes(self.language_names, self.language)]

    def choice_words(self, name: str) -> str:
        """What the choice button `name` says now."""
        tr = self.ctx.tr
        if name.startswith(LEVEL_ROW):
            return level_words(tr, name.removeprefix(LEVEL_ROW) in self.included)
        if name.startswith(LOCK_ROW):
            return lock_words(tr, name.removeprefix(LOCK_ROW) in self.locked)
        if name == DIFFICULTY_ROW:
            return difficulty_words(tr, self.difficulty)
        if name == LANGUAGE_ROW:
            return language_words(tr, self.language, self.language_names)
        return ask_name_words(tr, self.ask_name)

    def _build(self) -> None:
        self.exit()
        # Each language's name in its own letters: '中文' needs Chinese's font where the UI's draws only Latin and
        # Cyrillic; the button then draws in the font the Settings screen's language menu uses.
        self.names_files = self.ctx.language_names_files()
        names_themed = self.names_files is not None and self.ctx.show_language_names()
        layout = self.layout()
        if self.focus not in BUTTON_NAMES:  # the page follows the focus, also when a new size moved the rows
            self.page = layout.page_of(self.focus)
            layout = self.layout()
        layout = self.shown = layout
        self.page = layout.page
        for place in layout.shown:
            if place.name in HEADINGS:
                continue
            if is_choice(place.name):
                object_id = LANGUAGE_MENU_ID if place.name == LANGUAGE_ROW and names_themed else None
                self.buttons[place.name] = UIButton(place.box, self.choice_words(place.name), self.ctx.ui,
                                                    object_id=object_id)
            elif place.name == "pin":
                self.entries.add(place.name, PinBox(place.box, self.ctx.ui, self.values.get(place.name, "")))
            else:
                self.entries.add(place.name, UITextEntryLine(place.box, self.ctx.ui)).set_text(
                    self.values.get(place.name, ""))
        for name, label in BUTTONS:
            self.buttons[name] = UIButton(layout.buttons[name], self.ctx.tr(label), self.ctx.ui)
        if layout.page_buttons is not None:
            previous, following = layout.page_buttons
            self.buttons["previous"] = UIButton(previous, "<", self.ctx.ui,
                                                tool_tip_text=self.ctx.tr("Previous page (Page Up)"))
            self.buttons["next"] = UIButton(following, ">", self.ctx.ui,
                                            tool_tip_text=self.ctx.tr("Next page (Page Down)"))
        self.show_focus()

    # --- pages and focus -------------------------------------------------------------------------

    def focus_order(self) -> tuple[str, ...]:
        """Every box and choice of the form on every page, in the form's order, then the foot's buttons."""
        rows = form_rows([level for level, _ in self.known_levels])
        return (*(name for name in rows if name not in HEADINGS), *BUTTON_NAMES)

    def focused_control(self) -> UIButton | UITextEntryLine | None:
        """The widget the focus is on, when its page is shown."""
        return self.entries.get(self.focus) or self.buttons.get(self.focus)

    def show_focus(self) -> None:
        """Gives the focused box the typing, or selects the focused button (and only it)."""
        for name, button in self.buttons.items():
            if name == self.focus:
                button.select()
            else:
                button.unselect()
        entry = self.entries.get(self.focus)
        if entry is not None:
            if not entry.is_focused:
                self.ctx.ui.set_focus_set(entry)
        elif any(entry.is_focused for _, entry in self.entries.items()):
            self.ctx.ui.set_focus_set(None)  # typing no longer goes into the box the focus left

    def focus_on(self, name: str) -> None:
        """Moves the focus to the control `name`, turning to its page when it stands on another."""
        self.focus = name
        if name not in BUTTON_NAMES and self.shown is not None and self.shown.page_of(name) != self.page:
            self._build()
        else:
            self.show_focus()

    def move_focus(self, step: int) -> None:
        """Focuses the control `step` after the focused one, round the form and the foot's buttons."""
        self._follow_mouse()
        order = self.focus_order()
        self.focus_on(order[(order.index(self.focus) + step) % len(order)] if self.focus in order else order[0])

    def _follow_mouse(self) -> None:
        """A box the mouse clicked into has the focus: the keys go on from there."""
        clicked = next((name for name, entry in self.entries.items() if entry.is_focused), None)
        if clicked is not None and clicked != self.focus:
            self.focus = clicked
            self.show_focus()

    def turn_page(self, step: int) -> None:
        """Shows the page `step` after this one, round the form; the focus goes to its first control (unless it is
        on the foot's buttons, which every page shows)."""
        layout = self.layout()
        if len(layout.pages) > 1:
            self.page = (self.page + step) % len(layout.pages)
            if self.focus not in BUTTON_NAMES:
                self.focus = next(place.name for place in layout.pages[self.page] if place.name not in HEADINGS)
            self._build()

    def _wheel(self, up: int) -> None:
        if up:  # the wheel up shows the page before, as a list scrolls
            self.turn_page(-1 if up > 0 else 1)

    def update(self, dt: float) -> Transition | None:
        self._follow_mouse()
        return None

    # --- what the buttons do ---------------------------------------------------------------------

    def form_values(self) -> dict[str, str]:
        """The form as plan_from_form reads it: the typed boxes, and the choices as the class file's ids."""
        self._keep_typed()
        return {**self.values,
                "levels": ", ".join(self.chosen_levels()),
                "language": self.language or "",
                "locked": ", ".join(name for name in LOCKABLE if name in self.locked),
                "difficulty": self.difficulty or ""}

    def chosen_levels(self) -> list[str]:
        """The levels in the lesson: a loaded class's in its order, then those added in the campaign's order."""
        added = [level for level, _ in self.known_levels if level in self.included and level not in self.class_order]
        return [level for level in self.class_order if level in self.included] + added

    def save_class_file(self) -> None:
        values = self.form_values()
        plan = plan_from_form(values, self.ask_name, [level for level, _ in self.known_levels])
        if not isinstance(plan, ClassFile):
            self.message = self.ctx.tr(plan)
            return
        self.message = self.ctx.tr(write_class_file(plan, Path(values["save_to"].strip()).expanduser()))

    def build_report(self) -> None:
        self._keep_typed()
        folder = Path(self.values["report_from"].strip()).expanduser()
        self.message = self.ctx.tr(write_class_report(folder, folder / REPORT_FILE))

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and self.entries.name_of(event.ui_element) is not None:
            self.focus = self.entries.name_of(event.ui_element) or self.focus
            self.move_focus(1)  # Enter in a box: on to the next, as Tab
            return None
        return route(event, self.buttons, rebuild=self._build, pressed=self._pressed, key=self._key,
                     wheel=self._wheel)

    def choose(self, name: str, step: int = 1) -> None:
        """Changes the choice `name` by `step`: a level in or out, a setting locked or not, the next or previous
        difficulty or language, and so on."""
        if name.startswith(LEVEL_ROW):
            self.included ^= {name.removeprefix(LEVEL_ROW)}
        elif name.startswith(LOCK_ROW):
            self.locked ^= {name.removeprefix(LOCK_ROW)}
        elif name == DIFFICULTY_ROW:
            self.difficulty = next_difficulty(self.difficulty, step)
        elif name == LANGUAGE_ROW:
            self.language = stepped(language_codes(self.language_names, self.language), self.language, step)
        elif name == ASK_NAME_ROW:
            self.ask_name = not self.ask_name
        button = self.buttons.get(name)
        if button is not None:  # the same place, new words: no need to build the page again
            button.set_text(self.choice_words(name))

    def _pressed(self, name: str) -> Transition | None:
        if name == "save":
            self.focus = name
            self.save_class_file()
            self._build()  # the message may need more lines than the room kept for it
        elif name == "report":
            self.focus = name
            self.build_report()
            self._build()
        elif name == BACK:
            return Pop()
        elif name in ("previous", "next"):
            self.turn_page(-1 if name == "previous" else 1)
        else:
            self.focus = name  # Left and Right then change what the mouse just pressed
            self.choose(name)
            self.show_focus()
        return None

    def _key(self, event: pygame.event.Event) -> Transition | None:
        self._follow_mouse()
        if event.key == pygame.K_TAB:
            self.move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
        elif event.key in MOVE_KEYS:
            self.move_focus(MOVE_KEYS[event.key])
        elif event.key in PAGE_KEYS:
            self.turn_page(PAGE_KEYS[event.key])
        elif event.key in CHANGE_KEYS and is_choice(self.focus):
            self.choose(self.focus, CHANGE_KEYS[event.key])
        elif event.key in PRESS_KEYS and self.focus in BUTTON_NAMES:
            return self._pressed(self.focus)
        elif event.key in PRESS_KEYS and is_choice(self.focus):  # a box types its own Space (and Enter goes on)
            self.choose(self.focus)
        return None

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        colours, fonts = self.ctx.palette, self.ctx.fonts
        surface.fill(colours.sky)
        layout = self.shown
        if layout is None:
            return
        draw_text(surface, self.ctx.tr("Teacher"), fonts.bold(palette.HEADING), colours.text,
                  (layout.message.left, scaled(16, fonts.scale)))
        small = fonts.regular(palette.SMALL)
        for place in layout.shown:
            colour = colours.text if place.name in HEADINGS or place.name == self.focus else colours.text_dim
            for number, line in enumerate(place.lines):
                draw_text(surface, line, small, colour,
                          (place.label.left, place.label.top + number * small.get_linesize()))
        control = self.focused_control()
        if control is not None:  # the UI draws the control over this, so the outline shows round it
            gap = scaled(FOCUS_OUTLINE, fonts.scale)
            pygame.draw.rect(surface, colours.focus, control.get_abs_rect().inflate(2 * gap, 2 * gap),
                             max(2, gap // 2), border_radius=gap)
        if layout.page_number is not None:
            draw_text(surface, self.ctx.tr("Page {page} of {pages}", page=layout.page + 1, pages=len(layout.pages)),
                      small, colours.text_dim, layout.page_number.center, anchor="center")
        colour = colours.accent if self.message else colours.text_dim  # the key help stands there when no message
        for number, line in enumerate(layout.message_lines):
            draw_text(surface, line, small, colour,
                      (layout.message.left, layout.message.top + number * small.get_linesize()))


BUTTON_NAMES = tuple(name for name, _ in BUTTONS)


def form_rows(level_ids: list[str]) -> tuple[str, ...]:
    """The form's rows in order: what the class is and how it plays first, then the levels and the locks under their
    headings, then where files go (the foot's buttons follow)."""
    return ("name", LANGUAGE_ROW, DIFFICULTY_ROW, ASK_NAME_ROW, "text_size_floor", "time_limit_minutes",
            "levels", *(LEVEL_ROW + level for level in level_ids), "locked", *(LOCK_ROW + name for name in LOCKABLE),
            "results_folder", "pin", "save_to", "report_from")


def row_label(tr: Translate, name: str, titles: Mapping[str, str]) -> str:
    """The words of the form's row `name`: a box's or a heading's label, or what a choice chooses."""
    return tr(LABELS[name]) if name in LABELS else choice_label(tr, name, titles)


def teacher_layout(size: tuple[int, int], tr: Translate, fonts: Fonts, levels: list[tuple[str, str]],
                   message: str = "", page: int = 0, language_choices: Sequence[str] = (),
                   names_font: pygame.font.Font | None = None) -> TeacherLayout:
    """The Teacher screen's layout in a `size` window, in the language of `tr`, with `fonts` at their text size,
    for `levels` ((id, title) pairs). `language_choices` are the words the language's button may show, drawn in
    `names_font` (the UI's button font when None). The key help stands where the message goes until there is one."""
    small = fonts.regular(palette.SMALL)
    titles = dict(levels)
    name_font = names_font or button_font(fonts)
    toggle_width = max([button_width_for(fonts, words) for words in every_button_words(tr)]
                       + [button_width_in(name_font, words, fonts.scale) for words in language_choices])
    words = FormWords(
        labels=tuple((name, row_label(tr, name, titles)) for name in form_rows([level for level, _ in levels])),
        toggle_width=toggle_width,
        buttons=tuple((name, button_width_for(fonts, tr(label))) for name, label in BUTTONS),
        page_number_width=small.size(tr("Page {page} of {pages}", page=8, pages=8))[0],
        message=message or tr(HINT), headings=HEADINGS)
    return lay_out(size, fonts.scale, words, small, page)


def _shipped_levels(language: str) -> list[tuple[str, str]]:
    from game.content.loader import load_game_content

    return [(loaded.level.id, loaded.title(language)) for folder in load_game_content() for loaded in folder.levels
            if loaded.level]


def _values_of(plan: ClassFile | None) -> dict[str, str]:
    """The boxes' first text: the loaded class's, or an empty form."""
    return {
        "name": plan.name if plan else "",
        "text_size_floor": f"{round((plan.text_size_floor if plan else 1.0) * 100)}",
        "time_limit_minutes": str(plan.time_limit_minutes or "") if plan else "",
        "results_folder": (plan.results_folder or "") if plan else "",
        "pin": "",
        "save_to": str(paths.user_data_dir() / CLASS_FILE_NAME),
        "report_from": str(paths.user_results_dir()),
    }
