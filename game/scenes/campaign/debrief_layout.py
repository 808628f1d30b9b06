"""Where each part of the debrief goes: the tabs under the headline, the body (goals beside the graph, the facts,
or the quiz), the graph's button, the quiz's choices, its explanation and its button, and the footer's line and
buttons. Pure: arithmetic on the window's size and the fonts' measures, so tests can check it without a window.

An answered question's explanation is a text box that scrolls where the room is short, so it shows whole.

Buttons are as wide as their words need: at a large text size in a small window the footer's buttons give up
their common width before the footer's line loses its room, and the quiz's choices grow shorter before they
run into the footer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.content.ui_text import Translate, to_translate
from game.render import palette as sizes
from game.render.fonts import Fonts, scaled, scaled_px
from game.render.graph_layout import GraphLayout
from game.render.text import fit_text, wrap_text
from game.scenes.line_window import LineWindow, line_window
from game.ui.button_words import BUTTON_FONT_PX, button_font

MARGIN = 32
HEADER_HEIGHT = 118
FOOTER_HEIGHT = 84
TAB_SIZE = (190, 46)
TAB_GAP = 12
FOOTER_BUTTON_SIZE = (260, 54)
FOOTER_GAP = 14  # between the footer's buttons
HINT_ROOM = 240  # at 100 %: the footer's line keeps at least this much beside the buttons, or they narrow
BUTTON_PADDING = 32  # at 100 %, around a button's words
CHOICE_HEIGHT = 48
QUESTION_GAP = 16  # at 100 %, between the question and its first choice
CHOICE_SHARE = 0.62  # of the body's width, for a quiz choice
GOALS_SHARE = 0.38  # of the body's width, for the goals beside the graph
GOALS_GROWTH = 0.12  # the goals' share grows by this for each 100 % of text size above 100 %
GOAL_INDENT = 30  # at 100 %: a goal's words start right of its marker
TABS = (to_translate("Summary"), to_translate("Facts"), to_translate("Quiz"))
FOOTER = (to_translate("Export for teacher"), to_translate("Retry"), to_translate("Back to campaign"))


@dataclass(frozen=True, slots=True)
class DebriefLayout:
    """The debrief at one window size, text size and set of button labels."""

    size: tuple[int, int]
    scale: float
    tabs: tuple[pygame.Rect, ...]  # in the order of TABS
    body: pygame.Rect  # below the tabs, above the footer: the summary, the facts or the quiz
    goals: pygame.Rect
    graph: pygame.Rect  # right of the goals, with room below for its button and how the score adds up
    next_graph: pygame.Rect
    # How the score adds up, under the graph beside its button; None when it would be cut there: then it follows
    # the goals in their column (summary_column).
    score_card: pygame.Rect | None
    footer_top: int
    footer_buttons: tuple[pygame.Rect, ...]  # in the order of FOOTER
    hint: pygame.Rect  # the footer's line (the keys, or what Export did), left of its buttons
    next_question: pygame.Rect
    button_text_px: int  # the buttons' text size at this scale: a quiz choice is never shorter than it needs

    @classmethod
    def for_size(cls, size: tuple[int, int], fonts: Fonts, tab_labels: Sequence[str], footer_labels: Sequence[str],
                 next_graph_label: str, next_question_label: str, score_card: str = "") -> DebriefLayout:
        """The labels as the buttons read them, and the score card's line, in the player's language."""
        scale = fonts.scale
        width, height = size
        font = button_font(fonts)

        def needs(label: str) -> int:
            return font.size(label)[0] + scaled(BUTTON_PADDING, scale)

        tab_height, x, tabs = scaled_px(TAB_SIZE[1], scale), MARGIN, []
        for label in tab_labels:
            tab_width = max(scaled_px(TAB_SIZE[0], scale), needs(label))
            tabs.append(pygame.Rect(x, scaled_px(HEADER_HEIGHT, scale), tab_width, tab_height))
            x += tab_width + TAB_GAP
        footer_height = scaled_px(FOOTER_HEIGHT, scale)
        footer_top = height - footer_height
        small = fonts.regular(sizes.SMALL)
        top = scaled_px(HEADER_HEIGHT, scale) + scaled_px(56, scale)
        body = pygame.Rect(MARGIN, top, width - 2 * MARGIN, footer_top - top)
        # Larger text takes a wider goals column (half the body at 200 %): whole goals are what the player reads
        # first, and the graph reads at any width.
        share = GOALS_SHARE + GOALS_GROWTH * (scale - 1.0)
        goals = pygame.Rect(body.left, body.top, round(body.width * share), body.height)
        # Below the graph: its button, and beside it the score card, four lines of small text (its parts and the
        # one note that they are game values read whole in English, Chinese and Russian at 100 %).
        # The graph keeps at least two thirds of the body, or a large text size in a small window leaves no plot.
        card_lines = 4 * small.get_linesize() + scaled_px(14, scale)
        least_graph = GraphLayout.least_height(fonts, lines=2) + scaled_px(20, scale)  # room for a legend too
        card_room = max(scaled_px(60, scale), min(card_lines, body.height // 3, body.height - least_graph))
        graph = pygame.Rect(goals.right + MARGIN, body.top, body.right - goals.right - MARGIN,
                            body.height - card_room)
        next_graph = pygame.Rect(0, 0, min(graph.width, max(scaled_px(260, scale), needs(next_graph_label))),
                                 scaled_px(48, scale))
        next_graph.topright = (graph.right, graph.bottom + scaled_px(10, scale))
        beside = pygame.Rect(graph.left, graph.bottom + 8, next_graph.left - 16 - graph.left,
                             footer_top - 4 - graph.bottom - 8)
        card: pygame.Rect | None = beside
        if len(wrap_text(score_card, small, beside.width)) * small.get_linesize() > beside.height:
            # The card would be cut beside the button (large text, a long language): it goes under the goals, in
            # their column that scrolls, and the graph takes its room.
            card = None
            graph.height = body.height - next_graph.height - scaled_px(10, scale)
            next_graph.topright = (graph.right, graph.bottom + scaled_px(10, scale))
        buttons = _footer_buttons(size, scale, [needs(label) for label in footer_labels], footer_top)
        left = min((button.left for button in buttons), default=width - MARGIN)
        hint = pygame.Rect(MARGIN, footer_top + 10, max(0, left - MARGIN - 16), footer_height - 14)
        next_question = pygame.Rect(0, 0, max(scaled_px(240, scale), needs(next_question_label)),
                                    scaled_px(CHOICE_HEIGHT, scale))
        next_question.bottomright = (body.right, body.bottom - 6)  # clear of the footer's line
        return cls(size, scale, tuple(tabs), body, goals, graph, next_graph, card, footer_top, tuple(buttons), hint,
                   next_question, scaled(BUTTON_FONT_PX, scale))

    def summary_column(self, fonts: Fonts, heading: str, goals: Sequence[tuple[str, str]], score_card: str,
                       scrolled: int, tr: Translate) -> SummaryColumn:
        """The goals' column of the summary: its heading, each goal (`goals`: its status word, its text) whole over
        as many lines as it needs, then the score card when it has no room under the graph; scrolled to the line
        `scrolled` when it is taller than the column (PgUp/PgDn and the wheel)."""
        box = self.goals
        scale = self.scale
        body, word_font, small = fonts.regular(sizes.BODY), fonts.bold(sizes.SMALL), fonts.regular(sizes.SMALL)
        text_left = box.left + scaled_px(GOAL_INDENT, scale)
        bar = scaled_px(8, scale)
        room = box.right - bar - 12  # the lines keep clear of the scroll bar, should they need it
        lines = [ColumnLine(heading, sizes.LARGE, True, fonts.bold(sizes.LARGE).get_linesize(), 0)]
        # A status word beside each goal; where the words would take more than a quarter of the goals' width
        # ('выполнено' at large text), each stands on a line of its own above its goal, which then has the width.
        widest = max((word_font.size(word)[0] for word, _ in goals), default=0)
        apart = widest + 12 > (room - text_left) // 4
        for number, (word, text) in enumerate(goals):
            gap = 10 if number else 6
            if apart:
                lines.append(ColumnLine(word, sizes.SMALL, True, word_font.get_linesize(), gap, number,
                                        text_left - box.left, status=True))
            width = room - text_left - (0 if apart else word_font.size(word)[0] + 12)
            for row, words in enumerate(wrap_text(text, body, max(40, width))):
                first = row == 0 and not apart
                lines.append(ColumnLine(words, sizes.BODY, False, body.get_linesize(), gap if first else 0,
                                        number if first else None, text_left - box.left))
        if self.score_card is None and score_card:
            for row, words in enumerate(wrap_text(score_card, small, room - box.left)):
                lines.append(ColumnLine(words, sizes.SMALL, False, small.get_linesize(), 16 if row == 0 else 0))
        window = line_window([(line.height, line.gap) for line in lines], box, scrolled, small.get_linesize(), bar,
                             tr)
        return SummaryColumn(tuple(lines), window)

    def quiz(self, fonts: Fonts, question: str, count: int) -> QuizPlaces:
        """Where a question with `count` choices goes: the status line, then the question in the large size (or,
        when that leaves its choices too little room, the body size), then the choices one under the other, as
        tall and as far apart as at 100 % grown with the text, or closer and shorter where the body has less room
        (never shorter than their words). The question keeps to the choices' width when it needs no more lines
        there, so an answer's explanation may start beside it."""
        status = fonts.regular(sizes.SMALL).get_linesize()
        full, gap = scaled_px(CHOICE_HEIGHT, self.scale), scaled_px(8, self.scale)
        below = scaled_px(QUESTION_GAP, self.scale)
        narrow = round(self.body.width * CHOICE_SHARE)

        def question_lines(font: pygame.font.Font) -> tuple[int, int]:
            lines = len(wrap_text(question, font, self.body.width))
            return lines, narrow if len(wrap_text(question, font, narrow)) == lines else self.body.width

        for text_size in (sizes.LARGE, sizes.BODY):
            font = fonts.bold(text_size)
            lines, width = question_lines(font)
            top = self.body.top + status + lines * font.get_linesize()
            if top + below + count * full + (count - 1) * gap <= self.body.bottom:
                return QuizPlaces(text_size, top + below, self._choices(top + below, count, full, gap), width,
                                  self.body.top + status)
        gap, below = scaled_px(4, self.scale), below // 2
        floor = max(self.button_text_px, round(button_font(fonts).get_linesize() * 0.8))
        height = max(floor, (self.body.bottom - top - below - (count - 1) * gap) // max(1, count))
        return QuizPlaces(sizes.BODY, top + below, self._choices(top + below, count, height, gap), width,
                          self.body.top + status)

    def _choices(self, top: int, count: int, height: int, gap: int) -> tuple[pygame.Rect, ...]:
        width = round(self.body.width * CHOICE_SHARE)
        return tuple(pygame.Rect(self.body.left, top + number * (height + gap), width, height)
                     for number in range(count))

    @property
    def explanation_left(self) -> int:
        """Where the verdict and explanation of an answered question begin, right of the choices."""
        return self.body.left + round(self.body.width * CHOICE_SHARE) + MARGIN + 20

    def explanation(self, places: QuizPlaces, last: bool) -> pygame.Rect:
        """Where an answered question's verdict, explanation and sources go: right of the choices (and of the
        question, when it keeps to their width), down to the Next question button (to the body's foot after the
        last question, which has none). A text box there scrolls when the words need more room than a large text
        size in a small window leaves."""
        top = places.question_top if places.question_width < self.body.width else places.answers_top
        bottom = self.body.bottom if last else self.next_question.top - 8
        return pygame.Rect(self.explanation_left, top, self.body.right - self.explanation_left, bottom - top)


def header_line_size(fonts: Fonts, line: str, width: int) -> int:
    """The text size of the line under the headline (level, day, goals met): the body size, or the small one where
    that would cut it (Russian at large text)."""
    return sizes.BODY if fonts.regular(sizes.BODY).size(line)[0] <= width else sizes.SMALL


def footer_keys(keys: str, font: pygame.font.Font, room: pygame.Rect) -> list[str]:
    """The footer's keys ('Up/Down choose  ·  Enter press  ·  G next graph  ·  Esc back to the campaign') wrapped
    into `room`; where they need more lines than it holds (English at 150 %, beside wide buttons), the keys every
    screen shares go first, from the left, so the debrief's own (G, Esc) read whole rather than end in '…'."""
    most = max(1, room.height // font.get_linesize())
    parts = [part.strip() for part in keys.split("·")]
    while True:
        lines = wrap_text("  ·  ".join(parts), font, room.width)
        if len(lines) <= most:
            return lines
        if len(parts) <= 2:  # never in the shipped languages: the last line says it is cut
            return [*lines[:most - 1], fit_text(lines[most - 1] + " " + lines[most], font, room.width)]
        parts = parts[1:]


@dataclass(frozen=True, slots=True)
class ColumnLine:
    """One line of the summary's goals column."""

    text: str
    size: int  # the text size at 100 % (palette.LARGE, BODY or SMALL)
    bold: bool
    height: int
    gap: int  # room above it
    goal: int | None = None  # the goal whose first line this is: its marker and status word stand beside it
    indent: int = 0  # from the column's left
    status: bool = False  # the line is the goal's status word, on a line of its own above the goal


@dataclass(frozen=True, slots=True)
class SummaryColumn:
    """The goals' column of the summary, and which of its lines are in view."""

    lines: tuple[ColumnLine, ...]
    window: LineWindow


@dataclass(frozen=True, slots=True)
class QuizPlaces:
    """Where one question of the quiz goes."""

    question_size: int  # the question's text size at 100 % (palette.LARGE, or BODY where room is short)
    answers_top: int  # below the status line and the question: where the choices begin
    choices: tuple[pygame.Rect, ...]
    question_width: int  # what the question wraps to: the choices' width where it needs no more lines there
    question_top: int  # below the status line


def _footer_buttons(size: tuple[int, int], scale: float, needed: Sequence[int], footer_top: int) -> list[pygame.Rect]:
    """The footer's buttons side by side, ending at the right margin: all as wide as at 100 % (grown with the text)
    when the footer's line keeps its room beside them, else each as wide as its words."""
    preferred = [max(scaled_px(FOOTER_BUTTON_SIZE[0], scale), width) for width in needed]
    room = size[0] - 2 * MARGIN - 16 - sum(preferred) - FOOTER_GAP * (len(needed) - 1)
    widths = preferred if room >= scaled_px(HINT_ROOM, scale) else list(needed)
    height = scaled_px(FOOTER_BUTTON_SIZE[1], scale)
    top = footer_top + (scaled_px(FOOTER_HEIGHT, scale) - height) // 2
    x = size[0] - MARGIN - sum(widths) - FOOTER_GAP * (len(widths) - 1)
    rects = []
    for width in widths:
        rects.append(pygame.Rect(x, top, width, height))
        x += width + FOOTER_GAP
    return rects
