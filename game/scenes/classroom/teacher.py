"""The Teacher screen: make a class file (name, levels in order, language, text size floor, locks, time limit,
name entry, results folder, PIN), and build the HTML class report from a results folder.

Behind the PIN when a class is loaded (game/scenes/classroom/pin_dialog.py); open when there is none. The work is
done by game/classroom/teacher_form.py; this screen only lays the fields out and says what happened.
"""

from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game import paths
from game.classroom.pickup import CLASS_FILE_NAME
from game.classroom.teacher_form import FIELDS, plan_from_form, write_class_file, write_class_report
from game.content.class_file import ClassFile
from game.content.ui_text import to_translate
from game.render import palette
from game.render.fonts import scaled
from game.render.text import draw_text, fit_text, wrap_text
from game.scenes.context import SceneContext
from game.scenes.scene import Pop, SceneBase, Transition
from game.ui.widget_set import WidgetSet

LABELS = {
    "name": to_translate("Class name"),
    "levels": to_translate("Levels, in order (ids, commas between)"),
    "language": to_translate("Language (a code such as ru; empty: each student's)"),
    "text_size_floor": to_translate("Smallest text size (%)"),
    "locked": to_translate("Locked (language, ui_scale, unlock_all, hints, landing_choice, assists, palette, "
                           "high_contrast)"),
    "time_limit_minutes": to_translate("Minutes per level (empty: no limit)"),
    "difficulty": to_translate("Difficulty: explorer, standard or challenge (empty: each student's)"),
    "results_folder": to_translate("Results folder (empty: each machine's)"),
    "pin": to_translate("Teacher's PIN (kept only as a salted hash)"),
    "save_to": to_translate("Save the class file as"),
    "report_from": to_translate("Report from the results in"),
}
ASK_NAMES = to_translate("Ask names: {answer}")
YES, NO = to_translate("yes"), to_translate("no")
SAVE, REPORT, BACK = to_translate("Save class file"), to_translate("Build class report"), to_translate("Back")
ROWS = (*FIELDS, "report_from")
REPORT_FILE = "class-report.html"


class TeacherScene(SceneBase):
    """Tab moves between the boxes; the buttons save the class file, build the report, or go back."""

    def __init__(self, ctx: SceneContext, known_levels: list[str] | None = None):
        self.ctx = ctx
        self.known_levels = known_levels if known_levels is not None else _shipped_level_ids()
        session = ctx.classroom
        self.values = _values_of(session.plan if session else None, self.known_levels)
        if session is not None:  # the class's own results folder (a relative one is beside the class file)
            self.values["report_from"] = str(session.results_folder(paths.user_results_dir())[0])
        self.ask_name = session.plan.ask_name if session else True
        self.entries: WidgetSet[UITextEntryLine] = WidgetSet()
        self.buttons: WidgetSet[UIButton] = WidgetSet()
        self.message = ""
        self.label_rects: dict[str, pygame.Rect] = {}

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

    def _build(self) -> None:
        self.exit()
        width, height = self.ctx.ui.window_resolution
        scale = self.ctx.fonts.scale
        label_font = self.ctx.fonts.regular(palette.SMALL)
        line = scaled(34, scale)
        top = scaled(70, scale)
        footer = scaled(56, scale) + label_font.get_linesize() * 2 + 8
        row_height = label_font.get_linesize() + line + scaled(8, scale)
        room = max(1, (height - top - footer) // row_height)  # rows one column has room for
        count = len(ROWS) + 1
        columns = next((n for n in (1, 2, 3) if -(-count // n) <= room), 3)  # large text: more, narrower columns
        rows_per_column = -(-count // columns)
        column_width = (width - 80 - (columns - 1) * 24) // columns
        self.label_rects = {}
        for index, name in enumerate((*ROWS, "ask_name")):
            column, row = divmod(index, rows_per_column)
            x, y = 40 + column * (column_width + 24), top + row * row_height
            self.label_rects[name] = pygame.Rect(x, y, column_width, label_font.get_linesize())
            box = pygame.Rect(x, y + label_font.get_linesize(), column_width, line)
            if name == "ask_name":
                self.buttons["ask_name"] = UIButton(box, self.ctx.tr(ASK_NAMES, answer=self.ctx.tr(
                    YES if self.ask_name else NO)), self.ctx.ui)
                continue
            entry = self.entries.add(name, UITextEntryLine(box, self.ctx.ui))
            entry.set_text(self.values.get(name, ""))
            if name == "pin":
                entry.set_text_hidden(True)
        button_width = min(scaled(260, scale), (width - 80 - 32) // 3)
        bottom = height - scaled(12, scale) - scaled(44, scale)
        for number, label in enumerate((SAVE, REPORT, BACK)):
            rect = pygame.Rect(40 + number * (button_width + 16), bottom, button_width, scaled(44, scale))
            self.buttons[label] = UIButton(rect, self.ctx.tr(label), self.ctx.ui)

    # --- what the buttons do ---------------------------------------------------------------------

    def save_class_file(self) -> None:
        self._keep_typed()
        plan = plan_from_form(self.values, self.ask_name, self.known_levels)
        if not isinstance(plan, ClassFile):
            self.message = self.ctx.tr(plan)
            return
        self.message = self.ctx.tr(write_class_file(plan, Path(self.values["save_to"].strip()).expanduser()))

    def build_report(self) -> None:
        self._keep_typed()
        folder = Path(self.values["report_from"].strip()).expanduser()
        self.message = self.ctx.tr(write_class_report(folder, folder / REPORT_FILE))

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.VIDEORESIZE:
            self._build()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.buttons.get("ask_name"):
                self.ask_name = not self.ask_name
                self._build()
            elif event.ui_element is self.buttons.get(SAVE):
                self.save_class_file()
            elif event.ui_element is self.buttons.get(REPORT):
                self.build_report()
            elif event.ui_element is self.buttons.get(BACK):
                return Pop()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return Pop()
        return None

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        colours, fonts = self.ctx.palette, self.ctx.fonts
        surface.fill(colours.sky)
        width = surface.get_width()
        draw_text(surface, self.ctx.tr("Teacher"), fonts.bold(palette.HEADING), colours.text,
                  (40, scaled(16, fonts.scale)))
        small = fonts.regular(palette.SMALL)
        for name, rect in self.label_rects.items():
            if name != "ask_name":
                draw_text(surface, fit_text(self.ctx.tr(LABELS[name]), small, rect.width), small, colours.text_dim,
                          rect.topleft)
        save = self.buttons.get(SAVE)
        if self.message and save is not None:
            lines = wrap_text(self.message, small, width - 80)[:2]
            y = save.rect.top - 8 - len(lines) * small.get_linesize()
            for part in lines:
                y = draw_text(surface, part, small, colours.accent, (40, y)).bottom


def _shipped_level_ids() -> list[str]:
    from game.content.loader import load_game_content

    return [loaded.level.id for folder in load_game_content() for loaded in folder.levels if loaded.level]


def _values_of(plan: ClassFile | None, known_levels: list[str]) -> dict[str, str]:
    """The boxes' first text: the loaded class's, or a lesson of every level with nothing locked."""
    values = {
        "name": plan.name if plan else "",
        "levels": ", ".join(plan.levels if plan else known_levels),
        "language": (plan.language or "") if plan else "",
        "text_size_floor": f"{round((plan.text_size_floor if plan else 1.0) * 100)}",
        "locked": ", ".join(plan.locked) if plan else "",
        "time_limit_minutes": str(plan.time_limit_minutes or "") if plan else "",
        "difficulty": (plan.difficulty or "") if plan else "",
        "results_folder": (plan.results_folder or "") if plan else "",
        "pin": "",
        "save_to": str(paths.user_data_dir() / CLASS_FILE_NAME),
        "report_from": str(paths.user_results_dir()),
    }
    return values
