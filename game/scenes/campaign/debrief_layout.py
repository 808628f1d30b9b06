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

from game.content.ui_text import to_translate
from game.render import palette as sizes
from game.render.fonts import Fonts, scaled, scaled_px
from game.render.graph_layout import GraphLayout
from game.render.text import wrap_text
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
    footer_top: int
    footer_buttons: tuple[pygame.Rect, ...]  # in the order of FOOTER
    hint: pygame.Rect  # the footer's line (the keys, or what Export did), left of its buttons
    next_question: pygame.Rect
    button_text_px: int  # the buttons' text size at this scale: a quiz choice is never shorter than it needs

    @classmethod
    def for_size(cls, size: tuple[int, int], fonts: Fonts, tab_labels: Sequence[str], footer_labels: Sequence[str],
                 next_graph_label: str, next_question_label: str) -> DebriefLayout:
        """The labels as the buttons read them, in the player's language."""
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
        top = scaled_px(HEADER_HEIGHT, scale) + scaled_px(56, scale)
        body = pygame.Rect(MARGIN, top, width - 2 * MARGIN, footer_top - top)
        goals = pygame.Rect(body.left, body.top, round(body.width * GOALS_SHARE), body.height)
        # Below the graph: its button, and beside it the score card, four lines of small text (its parts and the
        # one note that they are game values read whole in English, Chinese and Russian at 100 %).
        # The graph keeps at least two thirds of the body, or a large text size in a small window leaves no plot.
        card_lines = 4 * fonts.regular(sizes.SMALL).get_linesize() + scaled_px(14, scale)
        least_graph = GraphLayout.least_height(fonts, lines=2) + scaled_px(20, scale)  # room for a legend too
        card_room = max(scaled_px(60, scale), min(card_lines, body.height // 3, body.height - least_graph))
        graph = pygame.Rect(goals.right + MARGIN, body.top, body.right - goals.right - MARGIN,
                            body.height - card_room)
        next_graph = pygame.Rect(0, 0, min(graph.width, max(scaled_px(260, scale), needs(next_graph_label))),
                                 scaled_px(48, scale))
        next_graph.topright = (graph.right, graph.bottom + scaled_px(10, scale))
        buttons = _footer_buttons(size, scale, [needs(label) for label in footer_labels], footer_top)
        left = min((button.left for button in buttons), default=width - MARGIN)
        hint = pygame.Rect(MARGIN, footer_top + 10, max(0, left - MARGIN - 16), footer_height - 14)
        next_question = pygame.Rect(0, 0, max(scaled_px(240, scale), needs(next_question_label)),
                                    scaled_px(CHOICE_HEIGHT, scale))
        next_question.bottomright = (body.right, body.bottom - 6)  # clear of the footer's line
        return cls(size, scale, tuple(tabs), body, goals, graph, next_graph, footer_top, tuple(buttons), hint,
                   next_question, scaled(BUTTON_FONT_PX, scale))

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
