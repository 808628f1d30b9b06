"""Where each part of the Teacher screen goes: the form's rows in one to three columns, on pages when large text
cannot show them all at once; the buttons along the foot as wide as their words, on a second line when one is too
short; the message above them. A row is a label wrapped on as many lines as its words need with its box or choice
button beside it, as the Settings screen's rows are, or under it when the column is too narrow for both side by
side; a heading is a label alone.

Pure: arithmetic on the window's size and the fonts' measures, so tests can check it without a window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.render.fonts import scaled_px
from game.render.text import wrap_text

MARGIN = 40
COLUMN_GAP = 24
TOP = 70  # the form starts below the heading
ROW_GAP = 10
BOX_HEIGHT = 34
MOST_COLUMN_WIDTH = 760  # wider boxes only make the eye travel: more columns instead
CONTROL_SHARE = 0.5  # of a column, for a row's box or button when it stands beside its label (more if its words need)
LABEL_GAP = 16  # between a label and the control beside it
LEAST_LABEL_WIDTH = 200  # narrower, and the label goes above its control
BUTTON_HEIGHT = 44
LEAST_BUTTON_WIDTH = 200
BUTTON_GAP = 16
FOOT_GAP = 12  # below the last line of buttons
PAGE_BUTTON_SIZE = 44  # the square "<" and ">" that turn the form's page with the mouse
MESSAGE_LINES = 2  # kept for the message even when there is none, so the form does not move when one comes


@dataclass(frozen=True, slots=True)
class FormWords:
    """What the layout measures, in the language shown: each row's label, the widths the choice buttons' and the
    foot buttons' words need, and the widest "Page 8 of 8"."""

    labels: tuple[tuple[str, str], ...]  # (row name, label), in the form's order
    toggle_width: int  # the widest words any choice button shows
    buttons: tuple[tuple[str, int], ...]  # (name, width its words need), left to right
    page_number_width: int
    message: str = ""  # what the last button did: as many lines as it needs (room for two kept when empty)
    headings: frozenset[str] = frozenset()  # rows that are only a label, heading the buttons below them (no box)


@dataclass(frozen=True, slots=True)
class Place:
    """One row of the form: its label's lines in `label` and its box or button in `box` (empty for a heading)."""

    name: str
    lines: tuple[str, ...]
    label: pygame.Rect
    box: pygame.Rect


@dataclass(frozen=True, slots=True)
class TeacherLayout:
    """The Teacher screen at one window size and text size; `page` is the page of the form shown."""

    size: tuple[int, int]
    columns: int
    beside: bool  # each control stands beside its label (else under it)
    pages: tuple[tuple[Place, ...], ...]
    page: int
    buttons: dict[str, pygame.Rect]
    message: pygame.Rect  # the room for the message, above the buttons
    message_lines: tuple[str, ...]
    page_buttons: tuple[pygame.Rect, pygame.Rect] | None  # "<" and ">", when the form has more than one page
    page_number: pygame.Rect | None  # between them

    @property
    def shown(self) -> tuple[Place, ...]:
        return self.pages[self.page]

    def page_of(self, name: str) -> int:
        """The page the row `name` stands on."""
        return next(number for number, places in enumerate(self.pages) if any(p.name == name for p in places))


def lay_out(size: tuple[int, int], scale: float, words: FormWords, label_font: pygame.font.Font,
            page: int = 0) -> TeacherLayout:
    """The layout for a `size` window at `scale`, labels wrapped in `label_font`, showing the form's `page`."""
    width = size[0]
    line = label_font.get_linesize()
    buttons, buttons_top = _foot_buttons(size, scale, words.buttons)
    message_lines = tuple(wrap_text(words.message, label_font, width - 2 * MARGIN)) if words.message else ()
    message_height = max(MESSAGE_LINES, len(message_lines)) * line
    message = pygame.Rect(MARGIN, buttons_top - 8 - message_height, width - 2 * MARGIN, message_height)
    form = pygame.Rect(MARGIN, scaled_px(TOP, scale), width - 2 * MARGIN, message.top - 8 - scaled_px(TOP, scale))
    options = {(columns, beside): _paged(form, scale, words, label_font, columns, beside)
               for columns in (1, 2, 3) for beside in (True, False)}
    most = scaled_px(MOST_COLUMN_WIDTH, scale)
    # Fewest pages first (all on one if it can be); then controls beside their labels, which takes fewer lines;
    # then the fewest columns that are not wider than the eye likes.
    (columns, beside), pages = min(
        ((option, pages) for option, pages in options.items() if pages is not None),
        key=lambda found: (len(found[1]), not found[0][1], _column_width(form.width, found[0][0], scale) > most,
                           found[0][0]))
    page = max(0, min(page, len(pages) - 1))
    turn, number = _page_buttons(size, scale, words.page_number_width) if len(pages) > 1 else (None, None)
    return TeacherLayout(size, columns, beside, pages, page, buttons, message, message_lines, turn, number)


def _column_width(form_width: int, columns: int, scale: float) -> int:
    return (form_width - (columns - 1) * scaled_px(COLUMN_GAP, scale)) // columns


def _control_width(column_width: int, toggle_width: int, scale: float) -> int | None:
    """How wide a control beside its label is in a column `column_width` wide; None when the label would be left
    too little room."""
    control = max(toggle_width, round(column_width * CONTROL_SHARE))
    room = column_width - control - scaled_px(LABEL_GAP, scale)
    return control if room >= scaled_px(LEAST_LABEL_WIDTH, scale) else None


def _paged(form: pygame.Rect, scale: float, words: FormWords, font: pygame.font.Font, columns: int,
           beside: bool) -> tuple[tuple[Place, ...], ...] | None:
    """The rows in `columns` columns: shared out as evenly as they fit on one page, else filling each column
    down and then the next, a new page when the last is full. None when the choices' words do not fit a column,
    or leave their labels too little room beside them (one column under its labels always takes them, cut to
    the window)."""
    column_width = _column_width(form.width, columns, scale)
    if beside and _control_width(column_width, words.toggle_width, scale) is None:
        return None
    if not beside and columns > 1 and words.toggle_width > column_width:
        return None
    even = _evenly(form, scale, words, font, columns, beside, words.labels)
    if even is not None:
        return (even,)
    pages = _placed(form, scale, words, font, columns, beside, len(words.labels), words.labels)
    # The last page shares its rows out evenly too, rather than one long column beside an empty one.
    names = {place.name for place in pages[-1]}
    last = _evenly(form, scale, words, font, columns, beside, tuple(row for row in words.labels if row[0] in names))
    return (*pages[:-1], last or pages[-1])


def _evenly(form: pygame.Rect, scale: float, words: FormWords, font: pygame.font.Font, columns: int, beside: bool,
            labels: tuple[tuple[str, str], ...]) -> tuple[Place, ...] | None:
    """The rows `labels` shared out as evenly over the columns as one page allows, or None when they need more."""
    for most in range(-(-len(labels) // columns), len(labels) + 1):
        even = _placed(form, scale, words, font, columns, beside, most, labels)
        if len(even) == 1:
            return even[0]
    return None


def _placed(form: pygame.Rect, scale: float, words: FormWords, font: pygame.font.Font, columns: int, beside: bool,
            most_per_column: int, labels: tuple[tuple[str, str], ...]) -> tuple[tuple[Place, ...], ...]:
    """The rows `labels` down each column in turn, a column ending when it is full or holds `most_per_column`
    rows."""
    column_width = _column_width(form.width, columns, scale)
    control_width = (_control_width(column_width, words.toggle_width, scale) or column_width) if beside else 0
    label_width = column_width - control_width - scaled_px(LABEL_GAP, scale) if beside else column_width
    box_height, gap, line = scaled_px(BOX_HEIGHT, scale), scaled_px(ROW_GAP, scale), font.get_linesize()
    pages: list[list[Place]] = [[]]
    column, y, in_column = 0, form.top, 0
    for name, label in labels:
        heading = name in words.headings  # a heading never ends a column: it stays with the buttons it heads
        lines = tuple(wrap_text(label, font, column_width if heading else label_width)) if label else ()
        if heading:
            needed = len(lines) * line
        elif beside:
            needed = max(len(lines) * line, box_height)
        else:
            needed = len(lines) * line + box_height
        if in_column and (y + needed + (box_height if heading else 0) > form.bottom
                          or in_column + (1 if heading else 0) >= most_per_column):  # the next column, or page
            column, y, in_column = column + 1, form.top, 0
            if column == columns:
                pages.append([])
                column = 0
        x = form.left + column * (column_width + scaled_px(COLUMN_GAP, scale))
        if heading:
            label_rect = pygame.Rect(x, y, column_width, len(lines) * line)
            box = pygame.Rect(x, label_rect.bottom, column_width, 0)
        elif beside:  # both centred on the row, so a one-line label reads level with its button
            label_rect = pygame.Rect(x, y + (needed - len(lines) * line) // 2, label_width, len(lines) * line)
            box = pygame.Rect(x + column_width - control_width, y + (needed - box_height) // 2, control_width,
                              box_height)
        else:
            label_rect = pygame.Rect(x, y, column_width, len(lines) * line)
            box = pygame.Rect(x, label_rect.bottom, column_width, box_height)
        pages[-1].append(Place(name, lines, label_rect, box))
        y += needed + gap
        in_column += 1
    return tuple(tuple(places) for places in pages)


def _foot_buttons(size: tuple[int, int], scale: float,
                  buttons: Sequence[tuple[str, int]]) -> tuple[dict[str, pygame.Rect], int]:
    """The foot's buttons left to right, each as wide as its words (at least LEAST_BUTTON_WIDTH), onto a line
    above when a line is full; returns them and the top of the highest line."""
    width, height = size
    room = width - 2 * MARGIN
    gap, button_height = scaled_px(BUTTON_GAP, scale), scaled_px(BUTTON_HEIGHT, scale)
    lines: list[list[tuple[str, int]]] = [[]]
    used = 0
    for name, needed in buttons:
        button_width = min(room, max(scaled_px(LEAST_BUTTON_WIDTH, scale), needed))
        if lines[-1] and used + gap + button_width > room:
            lines.append([])
            used = 0
        used += (gap if lines[-1] else 0) + button_width
        lines[-1].append((name, button_width))
    rects: dict[str, pygame.Rect] = {}
    top = height - scaled_px(FOOT_GAP, scale) - len(lines) * button_height - (len(lines) - 1) * gap
    for number, placed in enumerate(lines):
        x, y = MARGIN, top + number * (button_height + gap)
        for name, button_width in placed:
            rects[name] = pygame.Rect(x, y, button_width, button_height)
            x += button_width + gap
    return rects, top


def _page_buttons(size: tuple[int, int], scale: float,
                  number_width: int) -> tuple[tuple[pygame.Rect, pygame.Rect], pygame.Rect]:
    """"<" and ">" at the top right, with the page number between them."""
    side = scaled_px(PAGE_BUTTON_SIZE, scale)
    top = max(4, (scaled_px(TOP, scale) - side) // 2)
    following = pygame.Rect(size[0] - MARGIN - side, top, side, side)
    between = pygame.Rect(following.left - scaled_px(12, scale) - number_width, top, number_width, side)
    previous = pygame.Rect(between.left - scaled_px(12, scale) - side, top, side, side)
    return (previous, following), between
