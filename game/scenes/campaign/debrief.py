"""The debrief after a level: goals met, score, graphs of the run, facts met with sources, and the level's quiz.

    DebriefScene(ctx, loaded, simulation)

The scene owns the finished `simulation` and closes it when it leaves. Graphs read
`simulation.history` (one sample a game-day). On a win the
score goes to the player's progress. Buttons: Export for teacher (JSON + CSV in the results folder),
Retry, Back to campaign. Keys: Up/Down/Tab choose, Enter press, G next graph, Page Up/Down scroll the
facts, Esc back to the campaign.
"""

from __future__ import annotations

import dataclasses
import html
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextBox

from game import paths
from game.content.loader import LoadedLevel
from game.content.locale_format import KILOGRAM, KILOWATT_HOUR
from game.content.message import say_n
from game.content.text import translate
from game.content.ui_text import ENGLISH, Translate, to_translate
from game.debrief_export import SERIES, TIME_UP, RunResult, export_result, run_result, unit_label
from game.render import palette as sizes
from game.render.fonts import scaled_px
from game.render.graphs import GraphLine, draw_line_graph, draw_marker
from game.render.text import draw_paragraph, draw_text, fit_text, wrap_text
from game.scenes.context import SceneContext
from game.scenes.scene import Pop, Replace, SceneBase, Transition
from game.ui.focus import ButtonFocus, scroll_key, scroll_text_box
from game.ui.widget_set import WidgetSet

if TYPE_CHECKING:
    from game.simulation.simulation import Simulation

MARGIN = 32
HEADER_HEIGHT = 118
FOOTER_HEIGHT = 84
TABS = (to_translate("Summary"), to_translate("Facts"), to_translate("Quiz"))
FOOTER = (to_translate("Export for teacher"), to_translate("Retry"), to_translate("Back to campaign"))
# (title, unit, series ids): one graph each; a graph whose figures stay at zero all run is left out. A unit is a
# CLDR unit name (its symbol in the player's language) or a word (game.debrief_export.unit_label).
GRAPHS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (to_translate("Energy stored"), KILOWATT_HOUR, ("energy_kwh",)),
    (to_translate("Budget"), to_translate("credits"), ("budget",)),
    (to_translate("Science"), to_translate("points"), ("science",)),
    (to_translate("Supplies"), KILOGRAM, ("water_kg", "oxygen_kg", "food_kg")),
)
ALWAYS_SHOWN = ("Energy stored", "Budget")
LABELS = {spec.id: spec.label for spec in SERIES}


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
        self.tab = TABS[0]
        self.message = ""
        self.recorded = False
        self.buttons: WidgetSet[UIButton] = WidgetSet()
        self.boxes: WidgetSet[UITextBox] = WidgetSet()  # the facts tab's text
        self.focus: ButtonFocus | None = None

    def _collect(self) -> RunResult:
        if self.simulation is None:  # closed as the screen left: its last result stands
            return self.result
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
        self._build()

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

    # --- layout ----------------------------------------------------------------------------------

    def body_rect(self) -> pygame.Rect:
        scale = self.ctx.fonts.scale
        width, height = self.ctx.ui.window_resolution
        top = scaled_px(HEADER_HEIGHT, scale) + scaled_px(56, scale)
        return pygame.Rect(MARGIN, top, width - 2 * MARGIN, height - top - scaled_px(FOOTER_HEIGHT, scale))

    def goals_rect(self) -> pygame.Rect:
        body = self.body_rect()
        return pygame.Rect(body.left, body.top, round(body.width * 0.38), body.height)

    def graph_rect(self) -> pygame.Rect:
        body, goals = self.body_rect(), self.goals_rect()
        button_room = scaled_px(60, self.ctx.fonts.scale)
        return pygame.Rect(goals.right + MARGIN, body.top, body.right - goals.right - MARGIN,
                           body.height - button_room)

    def _build(self) -> None:
        scale = self.ctx.fonts.scale
        focused = self.focus.focused if self.focus is not None else None
        focused_name = self.buttons.name_of(focused)
        self.exit()
        ui = self.ctx.ui
        width, height = ui.window_resolution
        tab_size = (scaled_px(190, scale), scaled_px(46, scale))
        for number, name in enumerate(TABS):
            label = self._tab_label(name)
            rect = pygame.Rect((MARGIN + number * (tab_size[0] + 12), scaled_px(HEADER_HEIGHT, scale)), tab_size)
            self.buttons[f"tab:{name}"] = UIButton(rect, label, ui)
        body = self.body_rect()
        if self.tab == "Summary" and len(self.graphs) > 1:
            graph = self.graph_rect()
            rect = pygame.Rect(0, 0, scaled_px(260, scale), scaled_px(48, scale))
            rect.topright = (graph.right, graph.bottom + scaled_px(10, scale))
            self.buttons["next_graph"] = UIButton(rect, self.ctx.tr("Next graph (G)"), ui)
        elif self.tab == "Facts":
            self.boxes["facts"] = UITextBox(facts_html(self.result, self.ctx.tr), body, ui)
        elif self.tab == "Quiz":
            self._build_quiz(body)
        footer_size = (scaled_px(260, scale), scaled_px(54, scale))
        top = height - scaled_px(FOOTER_HEIGHT, scale) + (scaled_px(FOOTER_HEIGHT, scale) - footer_size[1]) // 2
        x = width - MARGIN - len(FOOTER) * (footer_size[0] + 14) + 14
        for number, name in enumerate(FOOTER):
            self.buttons[name] = UIButton(pygame.Rect((x + number * (footer_size[0] + 14), top), footer_size),
                                         self.ctx.tr(name), ui)
        order = list(self.buttons.values())
        index = 0
        focused_button = self.buttons.get(focused_name) if focused_name is not None else None
        if focused_button is not None and focused_button in order:
            index = order.index(focused_button)
        self.focus = ButtonFocus(order, index)

    def _tab_label(self, name: str) -> str:
        if name == "Facts":
            return self.ctx.tr("Facts ({count})", count=len(self.result.facts))
        if name == "Quiz":
            return self.ctx.tr("Quiz ({count})", count=len(self.level.quiz))
        return self.ctx.tr(name)

    def _build_quiz(self, body: pygame.Rect) -> None:
        if not self.level.quiz:
            return
        question = self.level.quiz[self.question]
        chosen = self.answers[self.question]
        top = body.top + self._question_height(body)
        height = scaled_px(48, self.ctx.fonts.scale)
        for number, choice in enumerate(question.choices):
            text = translate(choice, self.ctx.language)
            if chosen is not None and number == question.answer:
                text = self.ctx.tr("Right: {answer}", answer=text)
            elif chosen is not None and number == chosen:
                text = self.ctx.tr("Not this one: {answer}", answer=text)
            rect = pygame.Rect(body.left, top + number * (height + 8), round(body.width * 0.62), height)
            # Answered choices stay bright (a greyed button is hard to read on a projector); pressing does nothing.
            button = UIButton(rect, fit_text(text, self.ctx.fonts.bold(sizes.BODY), rect.width - 24), self.ctx.ui)
            self.buttons[f"choice:{number}"] = button
        if chosen is not None and self.question + 1 < len(self.level.quiz):
            rect = pygame.Rect(0, 0, scaled_px(240, self.ctx.fonts.scale), height)
            rect.bottomright = (body.right, body.bottom - 10)
            self.buttons["next_question"] = UIButton(rect, self.ctx.tr("Next question"), self.ctx.ui)

    def _question_height(self, body: pygame.Rect) -> int:
        scale = self.ctx.fonts.scale
        font = self.ctx.fonts.bold(sizes.LARGE)
        question = translate(self.level.quiz[self.question].question, self.ctx.language)
        lines = wrap_text(question, font, body.width)
        return (self.ctx.fonts.regular(sizes.SMALL).get_linesize() + len(lines) * font.get_linesize()
                + scaled_px(16, scale))

    # --- input -----------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Transition | None:
        pages = scroll_key(event)
        if pages is not None and self.tab == "Facts":
            scroll_text_box(self.boxes.get("facts"), pages)
            return None
        if event.type == pygame.VIDEORESIZE:
            self._build()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            name = self.buttons.name_of(event.ui_element)
            return self.press(name) if name is not None else None
        elif event.type == pygame_gui.UI_BUTTON_ON_HOVERED and self.focus is not None:
            self.focus.focus_on(event.ui_element)
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return self.press("Back to campaign")
            if event.key == pygame.K_g and self.tab == "Summary":
                return self.press("next_graph")
            if self.focus is not None:
                pressed = self.focus.handle_key(event)
                if pressed is not None:
                    name = self.buttons.name_of(pressed)
                    return self.press(name) if name is not None else None
        return None

    def press(self, name: str) -> Transition | None:
        """Does what the button `name` does ("Retry", "tab:Quiz", "choice:1", ...); keys come here too."""
        self.ctx.play_sound("click")
        if name.startswith("tab:"):
            self.tab = name.removeprefix("tab:")
            self._build()
        elif name == "next_graph":
            self.graph = (self.graph + 1) % max(1, len(self.graphs))
        elif name.startswith("choice:"):
            self.answer(int(name.removeprefix("choice:")))
        elif name == "next_question":
            self.question = min(self.question + 1, len(self.level.quiz) - 1)
            self._build()
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
        self._build()

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

    # --- drawing ---------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        scale = self.ctx.fonts.scale
        colours = self.ctx.palette
        fonts = self.ctx.fonts
        surface.fill(colours.sky)
        width, height = surface.get_size()
        result = self.result
        won = result.outcome == "won"
        headline = (self.ctx.tr("Level complete") if won else self.ctx.tr("Time is up: the class's time for this level "
                    "has run out") if result.outcome == TIME_UP else self.ctx.tr("Level not complete"))
        marker_colour = colours.good if won else colours.broken
        title_font = fonts.bold(sizes.HEADING)
        centre_y = scaled_px(20, scale) + title_font.get_linesize() // 2
        draw_marker(surface, "circle" if won else "cross", (MARGIN + 14, centre_y), scaled_px(13, scale), marker_colour)
        title = draw_text(surface, headline, title_font, colours.text, (MARGIN + 40, scaled_px(20, scale)))
        draw_text(surface, self.ctx.tr("Score {score}", score=result.score), fonts.bold(sizes.HEADING), colours.accent,
                          (width - MARGIN, scaled_px(20, scale)), anchor="topright")
        line = "  ·  ".join((
            result.level_title,
            self.ctx.tr("day {day} of {days}", day=f"{result.day:.0f}", days=f"{self.level.time_limit_days:g}"),
            self.ctx.tr(say_n("{met} of {count} goal met", "{met} of {count} goals met", len(result.goals),
                              met=result.goals_met)),
        ))
        body_font = fonts.regular(sizes.BODY)
        draw_text(surface, fit_text(line, body_font, width - 2 * MARGIN), body_font, colours.text_dim,
                  (MARGIN, title.bottom + 6))
        tab = self.buttons.get(f"tab:{self.tab}")
        if tab is not None:  # the tab shown is underlined, so it reads as chosen, not as greyed out
            pygame.draw.line(surface, colours.accent, (tab.rect.left + 6, tab.rect.bottom + 4),
                             (tab.rect.right - 6, tab.rect.bottom + 4), 4)
        if self.tab == "Summary":
            self._draw_goals(surface)
            self._draw_graph(surface)
            self._draw_score_parts(surface)
        elif self.tab == "Quiz":
            self._draw_quiz(surface)
        footer_top = height - scaled_px(FOOTER_HEIGHT, scale)
        pygame.draw.line(surface, colours.panel_edge, (MARGIN, footer_top), (width - MARGIN, footer_top), 2)
        footer_left = min((button.rect.left for name, button in self.buttons.items() if name in FOOTER),
                          default=width)
        small = fonts.regular(sizes.SMALL)
        text = self.message or self.ctx.tr(
            "Up/Down choose  ·  Enter press  ·  G next graph  ·  Esc back to the campaign")
        draw_paragraph(surface, text, small, colours.accent if self.message else colours.text_dim,
                       (MARGIN, footer_top + 10), footer_left - MARGIN - 16, max_lines=3)

    def _draw_goals(self, surface: pygame.Surface) -> None:
        scale = self.ctx.fonts.scale
        colours, fonts = self.ctx.palette, self.ctx.fonts
        rect = self.goals_rect()
        draw_text(surface, self.ctx.tr("Goals"), fonts.bold(sizes.LARGE), colours.accent, rect.topleft)
        y = rect.top + fonts.bold(sizes.LARGE).get_linesize() + 6
        font = fonts.regular(sizes.BODY)
        for goal in self.result.goals:
            if y > rect.bottom - font.get_linesize():
                break
            shape, colour, word = {
                "met": ("circle", colours.good, self.ctx.tr("met")),
                "failed": ("cross", colours.broken, self.ctx.tr("failed")),
            }.get(goal.status, ("ring", colours.text_dim, f"{goal.fraction:.0%}"))
            draw_marker(surface, shape, (rect.left + 10, y + font.get_linesize() // 2), scaled_px(8, scale), colour)
            text_left = rect.left + 30
            word_width = self.ctx.fonts.bold(sizes.SMALL).size(word)[0]
            # Through tr: the core may word a goal as a message (a translated level text passes unchanged).
            bottom = draw_paragraph(surface, self.ctx.tr(goal.text), font, colours.text, (text_left, y),
                                    rect.right - text_left - word_width - 12, max_lines=2)
            draw_text(surface, word, fonts.bold(sizes.SMALL), colour, (rect.right, y + 2), anchor="topright")
            y = bottom + 10

    def _draw_score_parts(self, surface: pygame.Surface) -> None:
        """How the score adds up, under the graph beside its button: "600 for 6 goals met · 10 for …"."""
        parts = self.result.score_parts
        if not parts:
            return
        graph = self.graph_rect()
        button = self.buttons.get("next_graph")
        right = button.rect.left - 16 if button is not None else graph.right
        text = self.ctx.tr("Score:") + "  " + "  ·  ".join(
            self.ctx.tr("{points} for {what}", points=f"{points:,.0f}", what=what) for what, points in parts)
        draw_paragraph(surface, text, self.ctx.fonts.regular(sizes.SMALL), self.ctx.palette.text,
                       (graph.left, graph.bottom + 8), right - graph.left, max_lines=2)

    def _draw_graph(self, surface: pygame.Surface) -> None:
        if not self.graphs:
            return
        title, unit, keys = self.graphs[self.graph]
        # The series' labels are messages from game/debrief_export.py, shown in the player's language here.
        lines = [GraphLine(self.ctx.tr(LABELS[key]), self.result.series.get(key, ())) for key in keys]
        draw_line_graph(surface, self.graph_rect(), self.result.days, lines, title=self.ctx.tr(title),
                        unit=unit_label(unit, self.ctx.tr), fonts=self.ctx.fonts, colours=self.ctx.palette,
                        tr=self.ctx.tr)

    def _draw_quiz(self, surface: pygame.Surface) -> None:
        colours, fonts = self.ctx.palette, self.ctx.fonts
        body = self.body_rect()
        if not self.level.quiz:
            draw_text(surface, self.ctx.tr("This level has no quiz."), fonts.regular(sizes.BODY), colours.text_dim,
                      body.topleft)
            return
        quiz = self.level.quiz[self.question]
        small = fonts.regular(sizes.SMALL)
        status = self.ctx.tr("Question {number} of {count}", number=self.question + 1, count=len(self.level.quiz))
        if all(answer is not None for answer in self.answers):
            status += "  ·  " + self.ctx.tr("{right} of {count} right", right=self.result.quiz_right,
                                            count=len(self.answers))
        draw_text(surface, status, small, colours.text_dim, body.topleft)
        draw_paragraph(surface, translate(quiz.question, self.ctx.language), fonts.bold(sizes.LARGE), colours.text,
                       (body.left, body.top + small.get_linesize()), body.width)
        chosen = self.answers[self.question]
        if chosen is None:
            return
        for number in (quiz.answer, chosen):  # a shape beside the answer and the pick, not colour alone
            button = self.buttons.get(f"choice:{number}")
            if button is not None:
                right_one = number == quiz.answer
                draw_marker(surface, "circle" if right_one else "cross",
                            (button.rect.right + 18, button.rect.centery), scaled_px(9, self.ctx.fonts.scale),
                            colours.good if right_one else colours.broken)
        right = chosen == quiz.answer
        left = body.left + round(body.width * 0.62) + MARGIN + 20
        column = body.right - left
        top = body.top + self._question_height(body)
        verdict = self.ctx.tr("Right!") if right else self.ctx.tr("Not quite.")
        draw_text(surface, verdict, fonts.bold(sizes.LARGE), colours.good if right else colours.broken, (left, top))
        y = top + fonts.bold(sizes.LARGE).get_linesize() + 4
        next_button = self.buttons.get("next_question")
        limit = (next_button.rect.top if next_button is not None else body.bottom) - 8
        font = fonts.regular(sizes.BODY)
        lines = max(1, (limit - y) // font.get_linesize() - len(quiz.sources) - 1)
        y = draw_paragraph(surface, translate(quiz.explanation, self.ctx.language), font, colours.text, (left, y),
                           column, max_lines=lines)
        for source in quiz.sources:
            y = draw_paragraph(surface, self.ctx.tr("Source: {source}", source=source), small, colours.text_dim,
                               (left, y + 4), column,
                               max_lines=2)
