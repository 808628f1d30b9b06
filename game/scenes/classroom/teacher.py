"""The Teacher screen: make a class file (name, levels, language, text size floor, locks, time limit, difficulty,
name entry, results folder, PIN), and build the HTML class report from a results folder. Levels, locks, difficulty
and name entry are buttons showing translated words (game/scenes/classroom/teacher_choices.py); the rest are boxes.

Behind the PIN when a class is loaded (game/scenes/classroom/pin_dialog.py); open when there is none. The work is
done by game/classroom/teacher_form.py; this screen only lays the fields out and says what happened.
"""

from __future__ import annotations

from pathlib import Path

import pygame
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
    LEVEL_ROW,
    LOCK_ROW,
    ask_name_words,
    difficulty_words,
    every_button_words,
    level_words,
    lock_words,
    next_difficulty,
)
from game.scenes.classroom.teacher_layout import FormWords, TeacherLayout, lay_out
from game.scenes.context import SceneContext
from game.scenes.scene import SceneBase, Transition
from game.scenes.screen_events import BACK, route
from game.ui.button_words import button_width_for
from game.ui.pin_box import PinBox
from game.ui.widget_set import WidgetSet

LABELS = {
    "name": to_translate("Class name"),
    "levels": to_translate("Levels in the lesson (press one to add it or leave it out)"),
    "language": to_translate("Language (a code such as ru; empty: each student's)"),
    "text_size_floor": to_translate("Smallest text size (%)"),
    "locked": to_translate("Settings students cannot change (press one to lock or unlock it)"),
    "time_limit_minutes": to_translate("Minutes per level (empty: no limit)"),
    "results_folder": to_translate("Results folder (empty: each machine's)"),
    "pin": to_translate("Teacher's PIN (the file keeps it scrambled, never as typed)"),
    "save_to": to_translate("Save the class file as"),
    "report_from": to_translate("Report from the results in"),
}
HINT = to_translate("Tab next box  ·  Shift+Tab previous  ·  Page Up/Down turn the page  ·  Esc back")
# The buttons along the foot, left to right, by name.
BUTTONS = (("save", to_translate("Save class file")), ("report", to_translate("Build class report")),
           (BACK, to_translate("Back")))
ROWS = ("name", "language", "text_size_floor", "time_limit_minutes", "results_folder", "pin", "save_to",
        "report_from")  # the boxes, in the order Tab walks them
HEADINGS = frozenset(("levels", "locked"))
REPORT_FILE = "class-report.html"
PAGE_KEYS = {pygame.K_PAGEUP: -1, pygame.K_PAGEDOWN: 1}


class TeacherScene(SceneBase):
    """Tab and Shift+Tab move between the boxes (turning the page when large text needs more than one), Page Up and
    Page Down or the wheel turn it; a choice button changes its choice; the foot's buttons save the class file,
    build the report, or go back."""

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
        self.entries: WidgetSet[UITextEntryLine] = WidgetSet()
        self.buttons: WidgetSet[UIButton] = WidgetSet()
        self.message = ""
        self.page = 0
        self.shown: TeacherLayout | None = None  # the layout the widgets were built for

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
        return teacher_layout(self.ctx.ui.window_resolution, self.ctx.tr, self.ctx.fonts, self.known_levels,
                              self.message, self.page)

    def choice_words(self, name: str) -> str:
        """What the choice button `name` says now."""
        tr = self.ctx.tr
        if name.startswith(LEVEL_ROW):
            level = name.removeprefix(LEVEL_ROW)
            return level_words(tr, dict(self.known_levels)[level], level in self.included)
        if name.startswith(LOCK_ROW):
            setting = name.removeprefix(LOCK_ROW)
            return lock_words(tr, setting, setting in self.locked)
        if name == DIFFICULTY_ROW:
            return difficulty_words(tr, self.difficulty)
        return ask_name_words(tr, self.ask_name)

    def _build(self) -> None:
        self.exit()
        layout = self.shown = self.layout()
        self.page = layout.page
        for place in layout.shown:
            if place.name in HEADINGS:
                continue
            if place.name not in ROWS:
                self.buttons[place.name] = UIButton(place.box, self.choice_words(place.name), self.ctx.ui)
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

    # --- pages and focus -------------------------------------------------------------------------

    def turn_page(self, step: int) -> None:
        pages = len(self.layout().pages)
        if pages > 1:
            self.page = (self.page + step) % pages
            self._build()

    def _wheel(self, up: int) -> None:
        if up:  # the wheel up shows the page before, as a list scrolls
            self.turn_page(-1 if up > 0 else 1)

    def move_focus(self, step: int) -> None:
        """Focuses the box `step` after the focused one (the first when none is), on whatever page it stands."""
        focused = next((index for index, name in enumerate(ROWS) if (entry := self.entries.get(name)) is not None
                        and entry.is_focused), None)
        target = ROWS[(focused + step) % len(ROWS)] if focused is not None else ROWS[0]
        page = self.layout().page_of(target)
        if page != self.page:
            self.page = page
            self._build()
        self.ctx.ui.set_focus_set(self.entries.get(target))

    # --- what the buttons do ---------------------------------------------------------------------

    def form_values(self) -> dict[str, str]:
        """The form as plan_from_form reads it: the typed boxes, and the choices as the class file's ids."""
        self._keep_typed()
        return {**self.values,
                "levels": ", ".join(self.chosen_levels()),
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
        return route(event, self.buttons, rebuild=self._build, pressed=self._pressed, key=self._key,
                     wheel=self._wheel)

    def choose(self, name: str) -> None:
        """Changes the choice the button `name` shows: a level in or out, a setting locked or not, and so on."""
        if name.startswith(LEVEL_ROW):
            self.included ^= {name.removeprefix(LEVEL_ROW)}
        elif name.startswith(LOCK_ROW):
            self.locked ^= {name.removeprefix(LOCK_ROW)}
        elif name == DIFFICULTY_ROW:
            self.difficulty = next_difficulty(self.difficulty)
        elif name == ASK_NAME_ROW:
            self.ask_name = not self.ask_name

    def _pressed(self, name: str) -> None:
        if name == "save":
            self.save_class_file()
            self._build()  # the message may need more lines than the room kept for it
        elif name == "report":
            self.build_report()
            self._build()
        elif name in ("previous", "next"):
            self.turn_page(-1 if name == "previous" else 1)
        else:
            self.choose(name)
            button = self.buttons.get(name)
            if button is not None:  # the same place, new words: no need to build the page again
                button.set_text(self.choice_words(name))

    def _key(self, event: pygame.event.Event) -> None:
        if event.key == pygame.K_TAB:
            self.move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
        elif event.key in PAGE_KEYS:
            self.turn_page(PAGE_KEYS[event.key])

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
            colour = colours.text if place.name in HEADINGS else colours.text_dim
            for number, line in enumerate(place.lines):
                draw_text(surface, line, small, colour,
                          (place.label.left, place.label.top + number * small.get_linesize()))
        if layout.page_number is not None:
            draw_text(surface, self.ctx.tr("Page {page} of {pages}", page=layout.page + 1, pages=len(layout.pages)),
                      small, colours.text_dim, layout.page_number.center, anchor="center")
        colour = colours.accent if self.message else colours.text_dim  # the key help stands there when no message
        for number, line in enumerate(layout.message_lines):
            draw_text(surface, line, small, colour,
                      (layout.message.left, layout.message.top + number * small.get_linesize()))


def form_rows(level_ids: list[str]) -> tuple[str, ...]:
    """The form's rows in order: boxes, the headings, and a choice button per level and per lockable setting."""
    return ("name", "levels", *(LEVEL_ROW + level for level in level_ids), "language", "text_size_floor",
            "locked", *(LOCK_ROW + name for name in LOCKABLE), "time_limit_minutes", DIFFICULTY_ROW,
            "results_folder", "pin", "save_to", "report_from", ASK_NAME_ROW)


def teacher_layout(size: tuple[int, int], tr: Translate, fonts: Fonts, levels: list[tuple[str, str]],
                   message: str = "", page: int = 0) -> TeacherLayout:
    """The Teacher screen's layout in a `size` window, in the language of `tr`, with `fonts` at their text size,
    for `levels` ((id, title) pairs). The key help stands where the message goes until there is one."""
    small = fonts.regular(palette.SMALL)
    words = FormWords(
        labels=tuple((name, tr(LABELS[name]) if name in LABELS else "") for name in form_rows(
            [level for level, _ in levels])),
        toggle_width=max(button_width_for(fonts, words) for words in every_button_words(tr, (t for _, t in levels))),
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
        "language": (plan.language or "") if plan else "",
        "text_size_floor": f"{round((plan.text_size_floor if plan else 1.0) * 100)}",
        "time_limit_minutes": str(plan.time_limit_minutes or "") if plan else "",
        "results_folder": (plan.results_folder or "") if plan else "",
        "pin": "",
        "save_to": str(paths.user_data_dir() / CLASS_FILE_NAME),
        "report_from": str(paths.user_results_dir()),
    }
