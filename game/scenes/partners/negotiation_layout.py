"""Where each part of the negotiation room goes: the title, the two columns of terms (or one side at a time when
large text leaves no room), the reasoning panel with its scrolling reasons, the partner's answer, the key hints
and the buttons. Pure: arithmetic on the window's size and the fonts' measures, so tests can check it without a
window; nothing here draws or changes the scene.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pygame

from game.content.message import say_n
from game.content.ui_text import Translate
from game.render import palette
from game.render.fonts import Fonts, scaled, scaled_px
from game.render.palette import Palette
from game.render.text import fit_text, wrap_text
from game.rules.negotiation import Evaluation
from game.rules.points import signed_points
from game.scenes.layout_memo import once
from game.scenes.line_window import PAGER_GAP
from game.scenes.partners.terms import TermRow
from game.ui.button_words import button_font

if TYPE_CHECKING:
    from game.simulation.views import PartnerView

MARGIN = 32
TITLE_TOP = 18  # the title's first line and the emblem start this far down
PATIENCE_TOP = 24  # the patience beside the title: level with the title's words
COLUMN_TOP = 120
ROW_HEIGHT = 38
COLUMN_WIDTH = 404
BUTTON_HEIGHT = 50
BUTTON_GAP = 16
LEAST_LABEL_PX = 150  # at 100 %: a term's label needs this much room beside its stepper, or one side shows at a time

@dataclass(frozen=True, slots=True)
class TitleLayout:
    """The room's title at one size: its font, its lines, and whether the patience stays beside it."""

    font: pygame.font.Font
    lines: tuple[str, ...]
    patience_beside: bool  # False: the title takes the whole width and the patience moves to the trust line

    @property
    def height(self) -> int:
        return len(self.lines) * self.font.get_linesize()


@dataclass(frozen=True, slots=True)
class PlacedLine:
    """One line of a reason in view: its sign or bullet (first line only), its words, colour and place."""

    prefix: str
    words: str
    colour: pygame.Color
    rect: pygame.Rect


@dataclass(frozen=True, slots=True)
class ReasoningLayout:
    """The reasoning panel at one size: its box, the area the reasons scroll in, and the lines in view."""

    box: pygame.Rect
    area: pygame.Rect
    lines: tuple[PlacedLine, ...]
    first: int  # the first wrapped line in view
    last_first: int  # the furthest it may scroll: the last lines fill the panel
    total: int  # wrapped lines in all
    scroll: tuple[pygame.Rect, pygame.Rect] | None  # the scroll bar's track and thumb, when the reasons overflow
    where: str  # "lines 4-11 of 15 · PgUp/PgDn", or '' when all show
    pager_top: int = 0  # the pager's top: right under the last line in view, so no empty line stands above it


class NegotiationLayout:
    """The room laid out for one window size and text size, one state of the talks (the terms, the chosen one,
    the partner's view, its evaluation and answer) and one scroll of the reasons. The scene makes a new one when
    any of those changes; each measure is worked out once."""

    def __init__(self, size: tuple[int, int], fonts: Fonts, tr: Translate, colours: Palette, rows: Sequence[TermRow],
                 cursor: int, view: PartnerView, evaluation: Evaluation, answer: str, reasoning_scroll: int):
        self.size = size
        self.fonts = fonts
        self.tr = tr
        self.colours = colours  # the reasons' colours are part of their lines
        self.rows = rows
        self.cursor = cursor
        self.view = view
        self.evaluation = evaluation
        self.answer = answer  # as the simulation worded it, in English
        self.reasoning_scroll = reasoning_scroll
        self._memo: dict[str, Any] = {}

    @property
    def button_height(self) -> int:
        return scaled(BUTTON_HEIGHT, min(self.fonts.scale, 1.5))  # room for the text, no taller

    def buttons(self) -> dict[str, tuple[pygame.Rect, str]]:
        """Back at the left, "Take their terms" and Propose at the right, each sized to its words (the theme's
        24 px bold, grown with the UI scale); without the key hints when large text would not fit them all."""
        width, height = self.size
        y = height - self.button_height - 16
        font = button_font(self.fonts)
        tr = self.tr
        labels = {"back": tr("Back (Esc)"), "counter": tr("Take their terms (T)"), "propose": tr("Propose (Enter)")}
        least = scaled_px(120, self.fonts.scale)
        sizes = {key: max(least, font.size(text)[0] + 40) for key, text in labels.items()}
        if sum(sizes.values()) + 2 * BUTTON_GAP > width - 2 * MARGIN:
            labels = {"back": tr("Back"), "counter": tr("Take their terms"), "propose": tr("Propose")}
            sizes = {key: font.size(text)[0] + 40 for key, text in labels.items()}
        back = pygame.Rect(MARGIN, y, sizes["back"], self.button_height)
        propose = pygame.Rect(0, y, sizes["propose"], self.button_height)
        propose.right = width - MARGIN
        counter = pygame.Rect(0, y, sizes["counter"], self.button_height)
        counter.right = propose.left - BUTTON_GAP
        return {"back": (back, labels["back"]), "counter": (counter, labels["counter"]),
                "propose": (propose, labels["propose"])}

    @once
    def column_top(self) -> int:
        """Below the title and the trust bar, which grow with the text."""
        fonts = self.fonts
        header = TITLE_TOP + self.title_layout().height + fonts.regular(palette.BODY).get_linesize() + 12
        return max(COLUMN_TOP, header)

    def title_left(self) -> int:
        return MARGIN + 2 * scaled_px(32, self.fonts.scale) + 16  # right of the emblem

    def title_rect(self) -> pygame.Rect:
        """The box the title's lines take, right of the emblem."""
        title = self.title_layout()
        return pygame.Rect(self.title_left(), TITLE_TOP, max(title.font.size(line)[0] for line in title.lines),
                           title.height)

    def patience_beside_rect(self) -> pygame.Rect | None:
        """The patience's words at the top right, beside the title; None when they share the trust bar's line."""
        if not self.title_layout().patience_beside:
            return None
        words = pygame.Rect((0, 0), self.fonts.regular(palette.BODY).size(self.patience_label()))
        words.topright = (self.size[0] - MARGIN, PATIENCE_TOP)
        return words

    @once
    def patience_label(self) -> str:
        view = self.view
        if not view.talks_open:
            return self.tr("Talks broken off")
        return self.tr(say_n("Patience: {left} of {count} round (game value)",
                             "Patience: {left} of {count} rounds (game value)", view.patience, left=view.rounds_left))

    @once
    def title_layout(self) -> TitleLayout:
        """The whole partner name, always: the title shrinks (never below the body text size) to fit one line
        beside the patience, else across the whole width with the patience on the trust line, else wraps."""
        fonts = self.fonts
        view = self.view
        width = self.size[0]
        title = self.tr("Talks with {partner}", partner=view.name)
        label = self.patience_label()
        left = self.title_left()
        beside = width - MARGIN - fonts.regular(palette.BODY).size(label)[0] - 16 - left
        layout = None
        for room, patience_beside in ((beside, True), (width - MARGIN - left, False)):
            size = next((size for size in range(palette.HEADING, palette.BODY - 1, -2)
                         if fonts.bold(size).size(title)[0] <= room), None)
            if size is not None:
                layout = TitleLayout(fonts.bold(size), (title,), patience_beside)
                break
        if layout is None:
            body = fonts.bold(palette.BODY)
            layout = TitleLayout(body, tuple(wrap_text(title, body, width - MARGIN - left)), False)
        return layout

    def row_step(self) -> int:
        return max(ROW_HEIGHT, self.fonts.regular(palette.BODY).get_linesize() + 8)

    @once
    def column_width(self) -> int:
        """Two columns of terms and the reasoning share the window; the terms keep at least half of it."""
        width = self.size[0]
        return min(scaled_px(COLUMN_WIDTH, self.fonts.scale), (width - 2 * MARGIN - 2 * 16) * 3 // 10 + 40)

    @once
    def terms_width(self) -> int:
        """The width of the terms: two columns; with one side at a time, no wider than the longest label and
        its stepper need, so the reasoning beside them gets the rest."""
        both = 2 * self.column_width() + 16
        if not self.one_side_at_a_time():
            return both
        body = self.fonts.regular(palette.BODY)
        longest = max(body.size(row.label)[0] for row in self.rows)
        return min(both, longest + 18 + scaled_px(124, self.fonts.scale) + 12)

    @once
    def answer_lines(self) -> int:
        """Lines the answer gets: two while there is none (the layout does not jump at the first one; one when
        large text leaves room for only a few terms), as many as it needs after that, up to a quarter of the
        window's height (a Russian counter-offer with its reasons and their figures' status marks takes five
        lines at 100 %), a fifth at a large UI scale (so the terms keep their room; a very long answer ends
        with '…', and the reasoning panel repeats it whole: `answer_cut`)."""
        body = self.fonts.regular(palette.BODY)
        height = self.size[1]
        most = max(2, height // (5 if self.fonts.scale >= 1.5 else 4) // body.get_linesize())
        least = 1 if self.one_side_at_a_time() else 2
        return max(least, min(self._answer_needs(), most))

    @once
    def _answer_needs(self) -> int:
        """Lines the whole answer takes across the window."""
        if not self.answer:
            return 0
        return len(wrap_text(self.answer_text(), self.fonts.regular(palette.BODY), self.size[0] - 2 * MARGIN))

    @once
    def answer_cut(self) -> bool:
        """Whether the answer's box ends it with '…' (large text in a small window)."""
        return self._answer_needs() > self.answer_lines()

    @once
    def answer_text(self) -> str:
        """The partner's last answer in the player's language (the simulation words it in English)."""
        return self.tr(self.answer) if self.answer else ""

    @once
    def hint_rect(self) -> pygame.Rect:
        """The line of key hints, just above the buttons."""
        width, height = self.size
        small = self.fonts.regular(palette.SMALL).get_linesize()
        return pygame.Rect(MARGIN, height - self.button_height - 16 - 8 - small, width - 2 * MARGIN, small)

    @once
    def answer_rect(self) -> pygame.Rect:
        """The partner's last answer, the full width of the window, above the key hints."""
        height = self.answer_lines() * self.fonts.regular(palette.BODY).get_linesize()
        hint = self.hint_rect()
        return pygame.Rect(MARGIN, hint.y - 4 - height, hint.width, height)

    def _bottom_block_top(self) -> int:
        """Where the answer, the hint and the buttons begin: the rows and the reasoning stop above it."""
        return self.answer_rect().y

    @once
    def _rows_top(self) -> int:
        return self.column_top() + self.fonts.bold(palette.LARGE).get_linesize() + 2

    @once
    def one_side_at_a_time(self) -> bool:
        """Large text: two columns of terms would cut their labels to a word ("Fun…"), or cut most of them (long
        Russian names at 200 % even in full HD), so the side of the chosen term takes both columns' room and the
        other waits behind its heading."""
        room = self.column_width() - scaled_px(124, self.fonts.scale) - 18
        if room < scaled_px(LEAST_LABEL_PX, self.fonts.scale):
            return True
        body = self.fonts.regular(palette.BODY)
        cut = sum(1 for row in self.rows if body.size(row.label)[0] > room)
        return 2 * cut > len(self.rows)

    @once
    def sides_shown(self) -> tuple[str, ...]:
        return (self.rows[self.cursor].side,) if self.one_side_at_a_time() else ("they", "you")

    @once
    def heading_rects(self) -> dict[str, pygame.Rect]:
        """'They give' and 'You give' above their columns; with one side at a time, a click on one shows it."""
        heading = self.fonts.bold(palette.LARGE)
        column, top = self.column_width(), self.column_top()
        they = pygame.Rect(MARGIN, top, heading.size(self.tr("They give"))[0], heading.get_linesize())
        you_x = they.right + scaled_px(32, self.fonts.scale) if self.one_side_at_a_time() else MARGIN + column + 16
        you = pygame.Rect(you_x, top, heading.size(self.tr("You give"))[0], heading.get_linesize())
        return {"they": they, "you": you}

    @once
    def rows_shown(self) -> int:
        """Rows that fit above the answer; when some do not, one line under them says so and where they are."""
        room = self._bottom_block_top() - 8 - self._rows_top()
        longest = max(sum(1 for row in self.rows if row.side == side) for side in self.sides_shown())
        if longest * self.row_step() > room:
            room -= self.fonts.bold(palette.SMALL).get_linesize() + 4
        return max(1, room // self.row_step())

    @once
    def first_row(self) -> int:
        """The rows scroll (both columns together) so the chosen term is always in view."""
        row = self.rows[self.cursor]
        position = [i for i, other in enumerate(self.rows) if other.side == row.side].index(self.cursor)
        return max(0, position - self.rows_shown() + 1)

    def row_rect(self, index: int) -> pygame.Rect:
        """The row's rectangle; an empty one when the row is scrolled out of sight."""
        return self.row_rects()[index]

    @once
    def row_rects(self) -> list[pygame.Rect]:
        """Every row's rectangle (an empty one when scrolled out of sight), worked out together: the room and the
        scroll they share are measured once, not once a row (that was most of a frame)."""
        column = self.column_width()
        one_side = self.one_side_at_a_time()
        terms = self.terms_width() if one_side else column
        sides = self.sides_shown()
        first, shown, step, top = self.first_row(), self.rows_shown(), self.row_step(), self._rows_top()
        positions: dict[str, int] = {}  # each row's place among the rows of its side
        rects = []
        for row in self.rows:
            positions[row.side] = positions.get(row.side, -1) + 1
            position = positions[row.side] - first
            x = MARGIN if row.side == "they" else MARGIN + column + 16
            width = column
            if one_side:  # the shown side takes the room of both columns
                x, width = MARGIN, terms
            if row.side not in sides or not 0 <= position < shown:
                rects.append(pygame.Rect(x, 0, width, 0))
            else:
                rects.append(pygame.Rect(x, top + position * step, width, step - 4))
        return rects

    def stepper_rects(self, rect: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
        box, span = scaled_px(30, self.fonts.scale), scaled_px(124, self.fonts.scale)
        plus = pygame.Rect(rect.right - box - 4, rect.y + 3, box, rect.height - 6)
        minus = pygame.Rect(rect.right - span, rect.y + 3, box, rect.height - 6)
        return minus, plus

    @once
    def more_rows(self) -> str:
        """Words saying that terms are scrolled out of sight, or '' when all of them show."""
        longest = max(sum(1 for row in self.rows if row.side == side) for side in self.sides_shown())
        first, shown = self.first_row(), self.rows_shown()
        if first == 0 and longest <= shown:
            return ""
        return self.tr("rows {first}-{last} of {count} · Up/Down", first=first + 1,
                           last=min(longest, first + shown), count=longest)

    @once
    def reasoning_box(self) -> pygame.Rect:
        """The reasoning panel as drawn, right of the two term columns and above the answer: all of it stays in."""
        width = self.size[0]
        top = self.column_top()
        left = MARGIN + self.terms_width() + 16
        return pygame.Rect(left, top - 8, width - MARGIN - left, self._bottom_block_top() - 8 - (top - 8))

    @once
    def reasoning_entries(self) -> list[tuple[str, str, pygame.Color]]:
        """(prefix, sentence, colour) for every law that blocks the offer and every reason, most telling first,
        each sentence in the player's language."""
        colours = self.colours
        tr = self.tr
        evaluation = self.evaluation
        # An answer too long for its box is read whole here, first, with every figure's status mark in it.
        entries = [("•", self.answer_text(), colours.accent)] if self.answer_cut() else []
        entries += [("•", tr(text), colours.broken) for text in evaluation.blocked]  # a law is quoted in full
        # What they miss first (it says what to offer), then the biggest weights either way.
        ordered = sorted(evaluation.reasons, key=lambda reason: (reason.weight != 0, -abs(reason.weight)))
        entries += [(signed_points(reason.weight) if reason.weight else "•", tr(reason.text),
                     colours.good if reason.weight > 0 else colours.text if reason.weight == 0 else colours.broken)
                    for reason in ordered]
        return entries

    @once
    def reasoning_layout(self) -> ReasoningLayout:
        """Where each part of the panel goes at this window size and text size, scrolled to `reasoning_scroll`."""
        fonts = self.fonts
        small = fonts.regular(palette.SMALL)
        box = self.reasoning_box()
        inner = box.inflate(-16, -16)
        header = self._reasoning_header(inner.height)
        area = pygame.Rect(inner.x, inner.y + header, inner.width, max(0, inner.bottom - inner.y - header))
        bar_width = scaled_px(8, self.fonts.scale)
        indent = small.size("+00 ")[0]
        text_width = area.width - bar_width - 8 - indent
        lines: list[tuple[str, str, pygame.Color, bool]] = []  # prefix, words, colour, starts a paragraph
        for prefix, text, colour in self.reasoning_entries():
            for number, words in enumerate(wrap_text(text, small, max(40, text_width))):
                lines.append((prefix if number == 0 else "", words, colour, number == 0))
        step = small.get_linesize()

        def fitting(first: int, room: int) -> int:
            """How many lines from `first` fit in `room` pixels (a paragraph starts 4 px below the last)."""
            used = count = 0
            for _, _, _, starts in lines[first:]:
                used += step + (4 if starts and count else 0)
                if used > room:
                    break
                count += 1
            return count

        if fitting(0, area.height) >= len(lines):
            return ReasoningLayout(box, area, tuple(self._placed(lines, 0, len(lines), area.topleft, indent)),
                                   0, 0, len(lines), None, "")
        list_room = area.height - step - 2  # one line at the foot says where the reader is
        if list_room < step:  # a large UI scale in a small window: the verdict is all that fits
            return ReasoningLayout(box, area, (), 0, 0, len(lines), None, "")
        last_first = next((first for first in range(len(lines)) if fitting(first, list_room) >= len(lines) - first),
                          len(lines) - 1)
        first = max(0, min(self.reasoning_scroll, last_first))
        shown = max(0, fitting(first, list_room))
        track = pygame.Rect(area.right - bar_width, area.y, bar_width, max(0, list_room))
        thumb = track.copy()
        thumb.height = max(scaled_px(16, self.fonts.scale), track.height * shown // len(lines))
        thumb.y = track.y + (track.height - thumb.height) * first // max(1, last_first)
        where = self.tr("lines {first}-{last} of {count} · PgUp/PgDn", first=first + 1, last=first + shown,
                            count=len(lines))
        placed = tuple(self._placed(lines, first, shown, area.topleft, indent))
        pager_top = (placed[-1].rect.bottom if placed else area.y) + PAGER_GAP
        return ReasoningLayout(box, area, placed, first, last_first, len(lines), (track, thumb.clip(track)), where,
                               pager_top)

    def _reasoning_header(self, room: int) -> int:
        """The height of the panel's fixed top: heading, worth, bar and verdict; at a large UI scale in a small
        window only the verdict and the worth (short_header), so the reasons keep more than half the panel."""
        fonts = self.fonts
        small = fonts.regular(palette.SMALL)
        if not self.short_header_used(room):
            return self._full_header_height()
        verdict_lines = self.short_header(self.reasoning_box().width - 16)[0]
        return fonts.bold(palette.SMALL).get_linesize() * len(verdict_lines) + small.get_linesize() + 4

    @once
    def _full_header_height(self) -> int:
        scale = self.fonts.scale
        fonts = self.fonts
        small, bold = fonts.regular(palette.SMALL), fonts.bold(palette.BODY)
        return (fonts.bold(palette.LARGE).get_linesize() + bold.get_linesize() + 6 + scaled_px(16, scale) + 4
                + small.get_linesize() + bold.get_linesize() + 4)

    def short_header_used(self, room: int) -> bool:
        """The full header would take more than half of the panel's `room` (its inner height)."""
        return self._full_header_height() > room // 2

    @once
    def verdict(self) -> tuple[str, pygame.Color]:
        """What the partner would say to these terms now, in words and colour."""
        colours = self.colours
        if self.evaluation.blocked:
            return self.tr("They cannot agree to this"), colours.broken
        if self.evaluation.acceptable:
            return self.tr("They would accept this"), colours.good
        return self.tr("Not enough for them yet"), colours.accent

    def short_header(self, width: int) -> tuple[list[str], str]:
        """The short header's verdict, wrapped to at most two lines of `width`, and its worth line."""
        bold_small = self.fonts.bold(palette.SMALL)
        rows = wrap_text(self.verdict()[0], bold_small, width)
        verdict = rows[:1] + ([fit_text(" ".join(rows[1:]), bold_small, width)] if len(rows) > 1 else [])
        worth = self.tr("Worth to them: {worth} (game values)", worth=signed_points(self.evaluation.utility))
        return verdict, fit_text(worth, self.fonts.regular(palette.SMALL), width)

    def _placed(self, lines: list[tuple[str, str, pygame.Color, bool]], first: int, shown: int,
                topleft: tuple[int, int], indent: int) -> list[PlacedLine]:
        small = self.fonts.regular(palette.SMALL)
        x, y = topleft
        placed: list[PlacedLine] = []
        for count, (prefix, words, colour, starts) in enumerate(lines[first:first + shown]):
            y += 4 if starts and count else 0
            rect = pygame.Rect(x, y, indent + small.size(words)[0], small.get_linesize())
            placed.append(PlacedLine(prefix, words, colour, rect))
            y += small.get_linesize()
        return placed
