"""Where the landing screen's parts go that are not the flight itself: the band of key help at the foot (the view
stays above it), the status words between the instruments and the touchdown box, and after the flight the
buttons, the grade's column (its reasons and facts whole, scrolling only where nothing else makes room) and the
plot. Pure: arithmetic on the window's size and the fonts' measures, so
tests can check it without a window."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.content.ui_text import Translate
from game.render import palette
from game.render.fonts import Fonts, scaled, scaled_px
from game.render.landing_hud import help_band_height
from game.render.landing_result import text_top
from game.render.text import wrap_text
from game.scenes.line_window import LineWindow, fitting, line_window
from game.ui.button_words import button_font

BUTTON_HEIGHT = 54
EDGE = 40  # the result's buttons and plot stand this far from the window's sides


def view_size(size: tuple[int, int], fonts: Fonts, keys_hint: str) -> tuple[int, int]:
    """The part of the window above the keys' help band, which the view of the flight keeps to."""
    return size[0], size[1] - help_band_height(fonts, keys_hint, size[0])


def banner_place(size: tuple[int, int], fonts: Fonts, widest: int, lines: int, panel: pygame.Rect,
                 cue_box: pygame.Rect, keys_hint: str) -> tuple[int, int | None]:
    """(top, right edge or None for centred) of `lines` status words, the widest `widest` pixels: at the top
    between the instruments and the cue box; when large text leaves no room there, under the cue box at the
    right, away from the lander in the middle."""
    width, _ = size
    centre = width // 2
    if centre - widest // 2 > panel.right + 8 and centre + widest // 2 < cue_box.left - 8:
        return 18, None
    right = min(cue_box.right, width - 14) - 12
    if right - widest >= panel.right + 8:
        return cue_box.bottom + 14, right
    # Crowded (the largest text in a small window): below both boxes, but never under the keys' band.
    band_top = view_size(size, fonts, keys_hint)[1]
    stack = lines * (fonts.bold(palette.BODY).get_linesize() + 14)
    return min(max(panel.bottom, cue_box.bottom) + 14, band_top - stack), None


def result_buttons(size: tuple[int, int], fonts: Fonts, labels: dict[str, str]) -> dict[str, pygame.Rect]:
    """After the flight: each button as wide as its words (the theme's 24 px bold, grown with the UI scale) from
    the left, "Continue" (the last of `labels`) at the right; when large text leaves no room for one row, the
    others take a second row above it."""
    width, height = size
    scale = fonts.scale
    button_height = scaled(BUTTON_HEIGHT, min(scale, 1.5))  # room for the text, no taller
    font = button_font(fonts)
    widths = {name: max(scaled(170, min(scale, 1.5)), font.size(label)[0] + 40) for name, label in labels.items()}
    names = list(labels)[:-1]
    one_row = sum(widths.values()) + 16 * len(names) <= width - 2 * EDGE
    bottom = height - button_height - 16
    rects = {}
    x, y = EDGE, bottom if one_row else bottom - button_height - 12
    for name in names:
        rects[name] = pygame.Rect(x, y, widths[name], button_height)
        x += widths[name] + 16
    last = list(labels)[-1]
    done = pygame.Rect(0, bottom, widths[last], button_height)
    done.right = width - EDGE
    rects[last] = done
    return rects


def result_parts(size: tuple[int, int], fonts: Fonts, buttons: Sequence[pygame.Rect]) -> tuple[int, int, pygame.Rect]:
    """(the grade column's width, the top of the keys' line just above the buttons, the plot's rectangle).

    Larger text takes a wider column (up to three fifths of the window at 200 %): the grade's reasons, each with
    its limits' status, are what a player reads first; the plot keeps the rest."""
    width, height = size
    share = min(0.6, 0.42 + 0.18 * max(0.0, fonts.scale - 1.0))
    column = max(360, round(width * share))
    buttons_top = min((button.top for button in buttons), default=height - BUTTON_HEIGHT - 24)
    keys_top = buttons_top - 6 - fonts.regular(palette.SMALL).get_linesize()
    return column, keys_top, pygame.Rect(column + 20, 40, width - column - 60, keys_top - 40 - 12)


WIDE_SHARE = 0.6  # of the window: the most the grade's column takes from the plot when its words need the room


@dataclass(frozen=True, slots=True)
class ResultLine:
    """One line under the grade: of a reason, or (dim, smaller) of a fact about the touchdown."""

    text: str
    size: int  # palette.BODY or palette.SMALL, at 100 %
    fact: bool
    height: int
    gap: int  # room above it


@dataclass(frozen=True, slots=True)
class ResultText:
    """The result's column: how wide it is, the lines of the grade's reasons and facts and which are in view, and
    the plot beside it."""

    column: int  # the column's right edge; the plot begins right of it
    lines: tuple[ResultLine, ...]
    window: LineWindow
    plot: pygame.Rect


def result_text(size: tuple[int, int], fonts: Fonts, grade_words: str, reasons: Sequence[str], facts: Sequence[str],
                buttons: Sequence[pygame.Rect], scrolled: int, tr: Translate) -> ResultText:
    """Where the grade's reasons (each a sentence, '• ' before it) and the facts go, whole: in the body size in the
    usual column; else in the small size; else in a column as wide as WIDE_SHARE of the window; else (four reasons at
    the largest text in a small window) in the usual column in the small size, scrolled to the line `scrolled`
    (PgUp/PgDn, the wheel)."""
    width, _ = size
    usual, keys_top, _ = result_parts(size, fonts, buttons)
    wide = max(usual, round(width * WIDE_SHARE))
    tries = [(usual, palette.BODY), (usual, palette.SMALL)] + ([(wide, palette.SMALL)] if wide > usual else [])
    bar = scaled_px(8, fonts.scale)
    small = fonts.regular(palette.SMALL)
    for column, reason_size in tries:
        top = text_top(fonts, grade_words, column)
        box = pygame.Rect(40, top, column - 40, max(0, keys_top - 8 - top))
        lines = _result_lines(fonts, reasons, facts, reason_size, box.width)
        if fitting([(line.height, line.gap) for line in lines], 0, box.height) >= len(lines):
            break
    else:  # no room for all (four reasons at the largest text in a small window): the usual column scrolls, in the
        # small size, and the plot keeps its width (its titles read whole); the lines keep clear of the scroll bar
        column, reason_size = tries[1]
        top = text_top(fonts, grade_words, column)
        box = pygame.Rect(40, top, column - 40, max(0, keys_top - 8 - top))
        lines = _result_lines(fonts, reasons, facts, reason_size, box.width - bar - 12)
    window = line_window([(line.height, line.gap) for line in lines], box, scrolled, small.get_linesize(), bar, tr)
    return ResultText(column, tuple(lines), window, pygame.Rect(column + 20, 40, width - column - 60,
                                                                keys_top - 40 - 12))


def _result_lines(fonts: Fonts, reasons: Sequence[str], facts: Sequence[str], reason_size: int,
                  width: int) -> list[ResultLine]:
    """The reasons' lines, then the facts' (what became of the cargo first), wrapped to `width`."""
    lines: list[ResultLine] = []
    for size, fact, texts, gap, first_gap in ((reason_size, False, ["• " + reason for reason in reasons], 6, 0),
                                              (palette.SMALL, True, facts, 4, 14)):
        font = fonts.regular(size)
        for number, text in enumerate(texts):
            for row, words in enumerate(wrap_text(text, font, width)):
                above = (first_gap if number == 0 else gap) if row == 0 else 0
                lines.append(ResultLine(words, size, fact, font.get_linesize(), above if lines else 0))
    return lines
