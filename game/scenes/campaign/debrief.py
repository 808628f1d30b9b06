"""The debrief after a level: goals met, score, graphs of the run, facts met with sources, and the level's quiz.

    DebriefScene(ctx, loaded, simulation)

The scene owns the finished `simulation` and closes it when it leaves. Graphs read
`simulation.history` (one sample a game-day). On a win the
score goes to the player's progress. Buttons: Export for teacher (JSON + CSV in the results folder),
Retry, Back to campaign. Keys: Up/Down/Tab choose, Enter press, G next graph, Page Up/Down scroll the
facts or an answered question's explanation, Esc back to the campaign.

The scene owns its state (the tab, the graph, the quiz's answers, the result) and its verbs (`press`);
`debrief_layout` says where everything goes (pure), `debrief_input.handle` turns events into presses and
`debrief_drawing.draw` only reads.
"""

from __future__ import annotations

import dataclasses
import html
from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UIButton, UITextBox

from game import paths
from game.content.loader import LoadedLevel
from game.content.locale_format import KILOGRAM, KILOWATT_HOUR, Percent
from game.content.message import quantity_text
from game.content.models import QuizQuestion
from game.content.text import translate
from game.content.ui_text import ENGLISH, Translate, to_translate
from game.debrief_export import TIME_UP, RunResult, export_result, run_result, score_card_line
from game.render.fonts import scaled
from game.render.text import fit_text
from game.scenes.campaign import debrief_drawing, debrief_input
from game.scenes.campaign.debrief_layout import (
    BUTTON_PADDING,
    FOOTER,
    TABS,
    DebriefLayout,
    SummaryColumn,
)
from game.scenes.context import SceneContext
from game.scenes.layout_memo import LastLayout
from game.scenes.rich_text import DIM_HEX, escape, html_for_look, preload_text_fonts
from game.scenes.scene import Pop, Replace, SceneBase, Transition
from game.ui.button_words import button_font
from game.ui.focus import ButtonFocus
from game.ui.widget_set import WidgetSet

if TYPE_CHECKING:
    from game.simulation.simulation import Simulation

# (title, unit, series ids): one graph each; a graph whose figures stay at zero all run is left out. A unit is a
# CLDR unit name (its symbol in the player's language) or a word (game.debrief_export.unit_label).
GRAPHS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (to_translate("Energy stored"), KILOWATT_HOUR, ("energy_kwh",)),
    (to_translate("Budget"), to_translate("credits"), ("budget",)),
    (to_translate("Science"), to_translate("points"), ("science",)),
    (to_translate("Supplies"), KILOGRAM, ("water_kg", "oxygen_kg", "food_kg")),
)
ALWAYS_SHOWN = ("Energy stored", "Budget")


def facts_html(result: RunResult, tr: Translate = ENGLISH) -> str:
    """The facts met, each with its sources, for a scrolling text box."""
    if not result.facts:
        return html.escape(tr("No facts came up in this run. The briefing and the encyclopedia hold every fact of "
                              "the level."))
    parts = []
    for fact in result.facts:
        doubt = f" <i>{html.escape(tr('(sources disagree or only one was found)'))}</i>" if fact.unconfirmed else ""
        sources = "<br>".join(
            f"<a href='{html.escape(source, quote=True)}'>{html.escape(source)}</a>" for source in fact.sources
        )
        parts.append(f"<b>{html.escape(fact.text)}</b>{doubt}<br>{html.escape(tr('Source:'))} {sources}")
    return "<br><br>".join(parts)


def explanation_html(question: QuizQuestion, chosen: int, ctx: SceneContext) -> str:
    """An answered question's verdict in its colour, then its explanation and sources, for a scrolling text box
    (in the standard look: html_for_look makes it follow the settings)."""
    right = chosen == question.answer
    verdict = ctx.tr("Right!") if right else ctx.tr("Not quite.")
    colour = ctx.palette.good if right else ctx.palette.broken
    sources = "".join(f"<br><font color='{DIM_HEX}'>{escape(ctx.tr('Source: {source}', source=source))}</font>"
                      for source in question.sources)
    return (f"<font color='#{colour.r:02x}{colour.g:02x}{colour.b:02x}'><b>{escape(verdict)}</b></font><br>"
            f"{escape(translate(question.explanation, ctx.language))}{sources}")


class DebriefScene(SceneBase):
    """The end of a level. It owns the finished simulation and closes it when it leaves the stack."""

    def __init__(self, ctx: SceneContext, loaded: LoadedLevel, simulation: Simulation, *,
                 played_seconds: float = 0.0, time_up: bool = False):
        self.ctx = ctx
        self.played_seconds = played_seconds
        self.time_up = time_up  # the class's time limit ended the level: the result says "time-up"
        self.written = False  # the class's result file was written as the screen left
        self.loaded = loaded
        self.level, self.catalog = simulation.level, simulation.catalog  # as played: tuned to its difficulty
        self.simulation: Simulation | None = simulation
        self.answers: list[int | None] = [None] * len(self.level.quiz)
        self.question = 0
        self.result = self._collect()
        self.graphs = self._graphs_with_data()
        self.graph = 0
        self.summary_scroll = 0  # the first line of the goals column in view, moved by PgUp/PgDn and the wheel
        self.tab = TABS[0]
        self.message = ""
        self.recorded = False
        self.buttons: WidgetSet[UIButton] = WidgetSet()
        self.boxes: WidgetSet[UITextBox] = WidgetSet()  # the facts tab's text, or an answered question's explanation
        self.focus: ButtonFocus | None = None
        self._layout: LastLayout[DebriefLayout] = LastLayout()

    def _collect(self) -> RunResult:
        assert self.simulation is not None, "the run is read while the screen is open; close() comes last"
        session = self.ctx.classroom
        result = run_result(self.level, self.simulation, self.answers, self.ctx.language,
                            student=session.student if session else "", class_name=session.name if session else "",
                            played_seconds=self.played_seconds)
        return dataclasses.replace(result, outcome=TIME_UP) if self.time_up else result

    def _graphs_with_data(self) -> list[tuple[str, str, tuple[str, ...]]]:
        series = self.result.series
        return [
            graph for graph in GRAPHS
            if graph[0] in ALWAYS_SHOWN or any(any(series.get(key, ())) for key in graph[2])
        ]

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        if not self.recorded:
            self.recorded = True
            self._record_progress()
            self.ctx.play_sound("touchdown" if self.result.outcome == "won" else "alarm")
        self.build()

    def exit(self) -> None:
        self.buttons.kill()
        self.boxes.kill()
        self.focus = None

    def close(self) -> None:
        if self.ctx.classroom is not None and not self.written:
            self.written = True
            self._write_class_result()
        if self.simulation is not None:
            self.simulation.close()
        self.simulation = None

    def _write_class_result(self) -> None:
        """In a class, the result (with the quiz as answered) goes to the class's results folder by itself as the
        screen leaves; a folder that cannot be written sends it to the user's own, and says so."""
        session = self.ctx.classroom
        assert session is not None
        self.result = self._collect()
        folder, problem = session.results_folder(paths.user_results_dir())
        if problem:
            self.ctx.notices.show(self.ctx.tr(problem), 9.0)
        try:
            json_path, _ = export_result(self.result, folder, tr=self.ctx.tr)
        except OSError as error:
            self.ctx.notices.show(self.ctx.tr("Your result could not be written: {error}.", error=error), 9.0)
            return
        self.ctx.notices.show(self.ctx.tr("Your result was saved for your teacher: {file}", file=json_path.name))

    def _record_progress(self) -> None:
        """A win goes into the campaign progress; a problem there is told, never fatal."""
        if self.result.outcome != "won":
            return
        from game.progress import mark_completed

        try:
            mark_completed(self.level.id, self.result.score)
        except (OSError, ValueError) as error:
            self.ctx.notices.show(self.ctx.tr("Your progress could not be saved: {error}.", error=error))

    # --- layout and widgets ----------------------------------------------------------------------

    @property
    def layout(self) -> DebriefLayout:
        """Laid out for the window, the text size and the buttons' words as they are now."""
        ctx = self.ctx
        size, tr = ctx.ui.window_resolution, ctx.tr
        tabs = tuple(self._tab_label(name) for name in TABS)
        footer = tuple(tr(name) for name in FOOTER)
        graph, question = tr("Next graph (G)"), tr("Next question")
        card = score_card_line(self.result.score_parts, tr) if self.result.score_parts else ""
        return self._layout.get((size, ctx.fonts.scale, tabs, footer, graph, question, card),
                                lambda: DebriefLayout.for_size(size, ctx.fonts, tabs, footer, graph, question, card))

    def summary_column(self) -> SummaryColumn:
        """The summary's goals column (the goals whole, and the score card when it has no room under the graph),
        scrolled to where the player left it."""
        ctx = self.ctx
        tr = ctx.tr
        words = {"met": tr("met"), "failed": tr("failed")}
        # Through tr: the core may word a goal as a message (a translated level text passes unchanged).
        goals = [(words.get(goal.status) or tr(quantity_text(Percent(goal.fraction))), tr(goal.text))
                 for goal in self.result.goals]
        card = score_card_line(self.result.score_parts, tr) if self.result.score_parts else ""
        return self.layout.summary_column(ctx.fonts, tr("Goals"), goals, card, self.summary_scroll, tr)

    def scroll_summary(self, lines: int) -> None:
        """Moves the goals column by `lines` (down when positive), never past either end."""
        window = self.summary_column().window
        self.summary_scroll = max(0, min(window.first + lines, window.last_first))

    def build(self) -> None:
        """The tabs, what the tab shown needs (the graph's button, the facts' text or the quiz's choices) and the
        footer's buttons; the keyboard stays on the button it was on."""
        focused_name = self.buttons.name_of(self.focus.focused if self.focus is not None else None)
        self.exit()
        ui, layout, tr = self.ctx.ui, self.layout, self.ctx.tr
        for name, rect in zip(TABS, layout.tabs, strict=True):
            self.buttons[f"tab:{name}"] = UIButton(rect, self._tab_label(name), ui)
        if self.tab == "Summary" and len(self.graphs) > 1:
            self.buttons["next_graph"] = UIButton(layout.next_graph, tr("Next graph (G)"), ui)
        elif self.tab == "Facts":
            self.boxes["facts"] = UITextBox(facts_html(self.result, tr), layout.body, ui)
        elif self.tab == "Quiz":
            self._build_quiz(layout)
        for name, rect in zip(FOOTER, layout.footer_buttons, strict=True):
            self.buttons[name] = UIButton(rect, tr(name), ui)
        order = list(self.buttons.values())
        focused_button = self.buttons.get(focused_name) if focused_name is not None else None
        self.focus = ButtonFocus(order, order.index(focused_button) if focused_button is not None else 0)

    def _tab_label(self, name: str) -> str:
        if name == "Facts":
            return self.ctx.tr("Facts ({count})", count=len(self.result.facts))
        if name == "Quiz":
            return self.ctx.tr("Quiz ({count})", count=len(self.level.quiz))
        return self.ctx.tr(name)

    def _build_quiz(self, layout: DebriefLayout) -> None:
        if not self.level.quiz:
            return
        question = self.level.quiz[self.question]
        chosen = self.answers[self.question]
        scale = self.ctx.fonts.scale
        places = layout.quiz(self.ctx.fonts, translate(question.question, self.ctx.language), len(question.choices))
        for number, (choice, rect) in enumerate(zip(question.choices, places.choices, strict=True)):
            text = translate(choice, self.ctx.language)
            if chosen is not None and number == question.answer:
                text = self.ctx.tr("Right: {answer}", answer=text)
            elif chosen is not None and number == chosen:
                text = self.ctx.tr("Not this one: {answer}", answer=text)
            # Answered choices stay bright (a greyed button is hard to read on a projector); pressing does nothing.
            words = fit_text(text, button_font(self.ctx.fonts), rect.width - scaled(BUTTON_PADDING, scale))
            self.buttons[f"choice:{number}"] = UIButton(rect, words, self.ctx.ui)
        if chosen is None:
            return
        last = self.question + 1 >= len(self.level.quiz)
        preload_text_fonts(self.ctx)
        self.boxes["explanation"] = UITextBox(html_for_look(explanation_html(question, chosen, self.ctx), self.ctx),
                                              layout.explanation(places, last), self.ctx.ui)
        if not last:
            self.buttons["next_question"] = UIButton(layout.next_question, self.ctx.tr("Next question"), self.ctx.ui)

    # --- input, verbs and drawing ----------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Transition | None:
        return debrief_input.handle(event, self)

    def press(self, name: str) -> Transition | None:
        """Does what the button `name` does ("Retry", "tab:Quiz", "choice:1", ...); keys come here too."""
        self.ctx.play_sound("click")
        if name.startswith("tab:"):
            self.tab = name.removeprefix("tab:")
            self.build()
        elif name == "next_graph":
            self.graph = (self.graph + 1) % max(1, len(self.graphs))
        elif name.startswith("choice:"):
            self.answer(int(name.removeprefix("choice:")))
        elif name == "next_question":
            self.question = min(self.question + 1, len(self.level.quiz) - 1)
            self.build()
        elif name == "Export for teacher":
            self.message = self.export()
        elif name == "Retry":
            from game.scenes.station.station_scene import (
                StationScene,  # late: the station pulls in the whole simulation
            )

            return Replace(StationScene(self.ctx, self.loaded))
        elif name == "Back to campaign":
            return Pop()
        return None

    def answer(self, choice: int) -> None:
        if self.answers[self.question] is not None:
            return  # one try per question: the explanation is already on screen
        self.answers[self.question] = choice
        right = choice == self.level.quiz[self.question].answer
        self.ctx.play_sound("click" if right else "alarm")
        self.result = self._collect()
        self.build()

    def export(self) -> str:
        """Writes the result for the teacher; returns the sentence to show."""
        self.result = self._collect()
        try:
            json_path, csv_path = export_result(self.result, tr=self.ctx.tr)
        except OSError as error:
            return self.ctx.tr("The result could not be saved: {error}.", error=error)
        # The full folder goes in a notice, which has the width for it; the footer keeps a short line.
        self.ctx.notices.show(self.ctx.tr("Saved {json} and {csv} in {folder}", json=json_path.name, csv=csv_path.name,
                                          folder=json_path.parent), 8.0)
        return self.ctx.tr("Saved for your teacher: this run as a JSON file and a CSV table.")

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        debrief_drawing.draw(surface, self)
