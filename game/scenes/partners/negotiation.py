"""The negotiation room: set the terms, watch the partner's reasoning change, propose, read its answer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.content.loader import LoadedLevel
from game.content.text import translate
from game.render import palette
from game.render.fonts import scaled, scaled_px
from game.render.partner_bars import draw_trust_bar, draw_worth_bar
from game.render.partner_emblem import draw_emblem
from game.render.text import draw_paragraph, draw_text, fit_text, wrap_text
from game.rules.negotiation import Evaluation, Offer
from game.scenes.context import SceneContext
from game.scenes.partners.reply import act_and_reply
from game.scenes.partners.terms import OFF_VALUES, TermRow, term_rows
from game.scenes.scene import Pop, SceneBase, Transition
from game.ui.teardown import kill_all

if TYPE_CHECKING:
    from game.simulation.simulation import Simulation
    from game.simulation.views import PartnerView

MARGIN = 32
COLUMN_TOP = 120
ROW_HEIGHT = 38
COLUMN_WIDTH = 404
BUTTON_HEIGHT = 50
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


class NegotiationScene(SceneBase):
    """Up/Down choose a term · Left/Right or Space change it · Enter propose · T take their terms · PgUp/PgDn or the
    wheel scroll their reasoning · Esc back."""

    def __init__(self, ctx: SceneContext, simulation: Simulation, loaded: LoadedLevel, partner_id: str):
        self.ctx = ctx
        self.simulation = simulation
        self.loaded = loaded
        self.partner_id = partner_id
        catalog = simulation.catalog
        self.spec = catalog.partners[partner_id]
        self.module_names = {module_id: translate(spec.name, ctx.language) for module_id, spec in
                             catalog.modules.items()}
        self.rows = term_rows(self.spec, self.module_names, ctx.tr)
        self.cursor = 0
        opening = round(self.spec.capabilities.funding_per_year / 4)
        self.offer = Offer(funding_per_year=float(opening)) if opening else Offer(
            instruments=min(1, len(self.spec.capabilities.instruments)))
        self.answer = ""
        self.reasoning_scroll = 0  # the first line of the reasons in view, moved by PgUp/PgDn and the wheel
        self.view: PartnerView = self._view()
        self.evaluation: Evaluation = simulation.evaluate_offer(partner_id, self.offer)
        self.buttons: dict[str, UIButton] = {}
        self._title: tuple[tuple[object, ...], TitleLayout] | None = None  # (what it was laid out for, the layout)

    def _view(self) -> PartnerView:
        return next(view for view in self.simulation.snapshot(self.ctx.language).partners if view.id == self.partner_id)

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        self._build_widgets()

    def exit(self) -> None:
        kill_all(self.buttons.values())
        self.buttons = {}

    def _build_widgets(self) -> None:
        self.exit()
        width, height = self.ctx.ui.window_resolution
        button_height = self._button_height()
        y = height - button_height - 16
        # Sized to their words (the theme's 24 px bold, grown with the UI scale); without the key hints when
        # large text would not fit them all in the window.
        font = self.ctx.fonts.bold(24)
        tr = self.ctx.tr
        labels = {"back": tr("Back (Esc)"), "counter": tr("Take their terms (T)"), "propose": tr("Propose (Enter)")}
        least = scaled_px(120, self.ctx.fonts.scale)
        sizes = {key: max(least, font.size(text)[0] + 40) for key, text in labels.items()}
        if sum(sizes.values()) + 2 * 16 > width - 2 * MARGIN:
            labels = {"back": tr("Back"), "counter": tr("Take their terms"), "propose": tr("Propose")}
            sizes = {key: font.size(text)[0] + 40 for key, text in labels.items()}
        self.buttons["back"] = UIButton(pygame.Rect(MARGIN, y, sizes["back"], button_height), labels["back"],
                                        self.ctx.ui)
        propose = pygame.Rect(0, y, sizes["propose"], button_height)
        propose.right = width - MARGIN
        counter = pygame.Rect(0, y, sizes["counter"], button_height)
        counter.right = propose.left - 16
        self.buttons["counter"] = UIButton(counter, labels["counter"], self.ctx.ui)
        self.buttons["propose"] = UIButton(propose, labels["propose"], self.ctx.ui)
        self._refresh()

    # --- layout at the chosen text size ----------------------------------------------------------

    def _button_height(self) -> int:
        return scaled(BUTTON_HEIGHT, min(self.ctx.fonts.scale, 1.5))  # room for the text, no taller

    def column_top(self) -> int:
        """Below the title and the trust bar, which grow with the text."""
        fonts = self.ctx.fonts
        header = 18 + self.title_layout().height + fonts.regular(palette.BODY).get_linesize() + 12
        return max(COLUMN_TOP, header)

    def _title_left(self) -> int:
        return MARGIN + 2 * scaled_px(32, self.ctx.fonts.scale) + 16  # right of the emblem

    def patience_label(self) -> str:
        view = self.view
        return (self.ctx.tr("Patience: {left} of {patience} rounds left", left=view.rounds_left,
                            patience=view.patience) if view.talks_open else self.ctx.tr("Talks broken off"))

    def title_layout(self) -> TitleLayout:
        """The whole partner name, always: the title shrinks (never below the body text size) to fit one line
        beside the patience, else across the whole width with the patience on the trust line, else wraps."""
        fonts = self.ctx.fonts
        view = self.view
        width = self.ctx.ui.window_resolution[0]
        # Asked for many times a frame: the key is made of what the words depend on, without wording them.
        key = (view.name, view.rounds_left, view.patience, view.talks_open, width, fonts.scale, self.ctx.language)
        if self._title is not None and self._title[0] == key:
            return self._title[1]
        title = self.ctx.tr("Talks with {partner}", partner=view.name)
        label = self.patience_label()
        left = self._title_left()
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
        self._title = (key, layout)
        return layout

    def row_step(self) -> int:
        return max(ROW_HEIGHT, self.ctx.fonts.regular(palette.BODY).get_linesize() + 8)

    def column_width(self) -> int:
        """Two columns of terms and the reasoning share the window; the terms keep at least half of it."""
        width = self.ctx.ui.window_resolution[0]
        return min(scaled_px(COLUMN_WIDTH, self.ctx.fonts.scale), (width - 2 * MARGIN - 2 * 16) * 3 // 10 + 40)

    def terms_width(self) -> int:
        """The width of the terms: two columns; with one side at a time, no wider than the longest label and
        its stepper need, so the reasoning beside them gets the rest."""
        both = 2 * self.column_width() + 16
        if not self.one_side_at_a_time():
            return both
        body = self.ctx.fonts.regular(palette.BODY)
        longest = max(body.size(row.label)[0] for row in self.rows)
        return min(both, longest + 18 + scaled_px(124, self.ctx.fonts.scale) + 12)

    def answer_lines(self) -> int:
        """Lines the answer gets: two while there is none (the layout does not jump at the first one; one when
        large text leaves room for only a few terms), as many as it needs after that, up to a fifth of the
        window's height (so the terms keep their room at a large UI scale, where a very long answer ends
        with '…')."""
        body = self.ctx.fonts.regular(palette.BODY)
        width, height = self.ctx.ui.window_resolution
        needed = len(wrap_text(self.answer_text(), body, width - 2 * MARGIN)) if self.answer else 0
        most = max(2, height // 5 // body.get_linesize())
        least = 1 if self.one_side_at_a_time() else 2
        return max(least, min(needed, most))

    def answer_text(self) -> str:
        """The partner's last answer in the player's language (the simulation words it in English)."""
        return self.ctx.tr(self.answer) if self.answer else ""

    def hint_rect(self) -> pygame.Rect:
        """The line of key hints, just above the buttons."""
        width, height = self.ctx.ui.window_resolution
        small = self.ctx.fonts.regular(palette.SMALL).get_linesize()
        return pygame.Rect(MARGIN, height - self._button_height() - 16 - 8 - small, width - 2 * MARGIN, small)

    def answer_rect(self) -> pygame.Rect:
        """The partner's last answer, the full width of the window, above the key hints."""
        height = self.answer_lines() * self.ctx.fonts.regular(palette.BODY).get_linesize()
        hint = self.hint_rect()
        return pygame.Rect(MARGIN, hint.y - 4 - height, hint.width, height)

    def _bottom_block_top(self) -> int:
        """Where the answer, the hint and the buttons begin: the rows and the reasoning stop above it."""
        return self.answer_rect().y

    def _rows_top(self) -> int:
        return self.column_top() + self.ctx.fonts.bold(palette.LARGE).get_linesize() + 2

    def one_side_at_a_time(self) -> bool:
        """Large text in a small window: two columns of terms would cut their labels to a word ("Fun…"), so
        the side of the chosen term takes both columns' room and the other waits behind its heading."""
        room = self.column_width() - scaled_px(124, self.ctx.fonts.scale) - 18
        return room < scaled_px(LEAST_LABEL_PX, self.ctx.fonts.scale)

    def _sides_shown(self) -> tuple[str, ...]:
        return (self.rows[self.cursor].side,) if self.one_side_at_a_time() else ("they", "you")

    def heading_rects(self) -> dict[str, pygame.Rect]:
        """'They give' and 'You give' above their columns; with one side at a time, a click on one shows it."""
        heading = self.ctx.fonts.bold(palette.LARGE)
        column, top = self.column_width(), self.column_top()
        they = pygame.Rect(MARGIN, top, heading.size(self.ctx.tr("They give"))[0], heading.get_linesize())
        you_x = they.right + scaled_px(32, self.ctx.fonts.scale) if self.one_side_at_a_time() else MARGIN + column + 16
        you = pygame.Rect(you_x, top, heading.size(self.ctx.tr("You give"))[0], heading.get_linesize())
        return {"they": they, "you": you}

    def rows_shown(self) -> int:
        """Rows that fit above the answer; when some do not, one line under them says so and where they are."""
        room = self._bottom_block_top() - 8 - self._rows_top()
        longest = max(sum(1 for row in self.rows if row.side == side) for side in self._sides_shown())
        if longest * self.row_step() > room:
            room -= self.ctx.fonts.bold(palette.SMALL).get_linesize() + 4
        return max(1, room // self.row_step())

    def first_row(self) -> int:
        """The rows scroll (both columns together) so the chosen term is always in view."""
        row = self.rows[self.cursor]
        position = [i for i, other in enumerate(self.rows) if other.side == row.side].index(self.cursor)
        return max(0, position - self.rows_shown() + 1)

    def _refresh(self) -> None:
        self.view = self._view()
        self.evaluation = self.simulation.evaluate_offer(self.partner_id, self.offer)
        counter = self.buttons.get("counter")
        if counter is not None:
            if self._counter() is not None:
                counter.enable()
            else:
                counter.disable()
        propose = self.buttons.get("propose")
        if propose is not None:
            if self.view.talks_open:
                propose.enable()
            else:
                propose.disable()

    def _counter(self) -> Offer | None:
        answer = self.view.last_answer
        return answer.counter if answer is not None and answer.decision == "counter" else None

    # --- input -----------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.VIDEORESIZE:
            self._build_widgets()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.buttons.get("back"):
                return Pop()
            if event.ui_element is self.buttons.get("propose"):
                self.propose()
            elif event.ui_element is self.buttons.get("counter"):
                self.take_counter()
        elif event.type == pygame.KEYDOWN:
            return self._key(event.key)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._click(event.pos)
        elif event.type == pygame.MOUSEWHEEL:  # the reasons are the one thing on this screen that scrolls freely
            self.scroll_reasoning(-2 * event.y)
        return None

    def _key(self, key: int) -> Transition | None:
        if key == pygame.K_ESCAPE:
            return Pop()
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_p):
            self.propose()
        elif key == pygame.K_t:
            self.take_counter()
        elif key in (pygame.K_UP, pygame.K_DOWN, pygame.K_TAB):
            self.cursor = (self.cursor + (-1 if key == pygame.K_UP else 1)) % len(self.rows)
        elif key in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_SPACE):
            self.change(self.cursor, -1 if key == pygame.K_LEFT else 1)
        elif key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            self.scroll_reasoning(self.reasoning_page() * (-1 if key == pygame.K_PAGEUP else 1))
        return None

    def _click(self, position: tuple[int, int]) -> None:
        if self.one_side_at_a_time():
            for side, rect in self.heading_rects().items():
                if rect.collidepoint(position) and self.rows[self.cursor].side != side:
                    self.cursor = next(index for index, row in enumerate(self.rows) if row.side == side)
                    return
        for index in range(len(self.rows)):
            rect = self.row_rect(index)
            if rect.h and rect.collidepoint(position):
                self.cursor = index
                minus, _ = self.stepper_rects(rect)
                self.change(index, -1 if minus.collidepoint(position) else 1)

    def change(self, index: int, direction: int) -> None:
        self.offer = self.rows[index].change(self.offer, direction)
        self._refresh()

    def propose(self) -> None:
        from game.ecs.commands import ProposeAgreement

        self.answer = act_and_reply(self.simulation, ProposeAgreement(self.partner_id, self.offer), self.ctx.tr)
        self._refresh()

    def take_counter(self) -> None:
        counter = self._counter()
        if counter is not None:
            self.offer = counter
            self._refresh()

    # --- layout and drawing ----------------------------------------------------------------------

    def row_rect(self, index: int) -> pygame.Rect:
        """The row's rectangle; an empty one when the row is scrolled out of sight."""
        return self.row_rects()[index]

    def row_rects(self) -> list[pygame.Rect]:
        """Every row's rectangle (an empty one when scrolled out of sight), worked out together: the room and the
        scroll they share are measured once, not once a row (that was most of a frame)."""
        column = self.column_width()
        one_side = self.one_side_at_a_time()
        terms = self.terms_width() if one_side else column
        sides = self._sides_shown()
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
        box, span = scaled_px(30, self.ctx.fonts.scale), scaled_px(124, self.ctx.fonts.scale)
        plus = pygame.Rect(rect.right - box - 4, rect.y + 3, box, rect.height - 6)
        minus = pygame.Rect(rect.right - span, rect.y + 3, box, rect.height - 6)
        return minus, plus

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        colours = self.ctx.palette
        fonts = self.ctx.fonts
        surface.fill(colours.sky)
        view = self.view
        width = surface.get_width()
        radius = scaled_px(32, self.ctx.fonts.scale)
        draw_emblem(surface, (MARGIN + radius, 18 + radius), radius, view.emblem_colour, view.name,
                    fonts.bold(palette.BODY))
        left = self._title_left()
        title = self.title_layout()
        body = fonts.regular(palette.BODY)
        y = 18
        for line in title.lines:
            bottom = draw_text(surface, line, title.font, colours.text, (left, y)).bottom
            y += title.font.get_linesize()
        if title.patience_beside:
            patience = self._draw_patience(surface, (width - MARGIN, 24))
            trust_right = width - MARGIN
        else:  # the title took the whole width: the patience shares the trust bar's line, its dots beside it
            patience = self._draw_patience(surface, (width - MARGIN, bottom), dots_beside=True)
            trust_right = patience.left - 16
        trust_width = min(scaled_px(380, self.ctx.fonts.scale), trust_right - left)
        draw_trust_bar(surface, pygame.Rect(left, bottom, trust_width, body.get_linesize() - 8),
                       view.trust, body, colours, self.ctx.tr)
        heading = fonts.bold(palette.LARGE)
        shown = self._sides_shown()
        for side, rect in self.heading_rects().items():
            words = self.ctx.tr("They give") if side == "they" else self.ctx.tr("You give")
            draw_text(surface, words, heading, colours.text if side in shown else colours.text_dim, rect.topleft)
            if len(shown) == 1 and side in shown:  # one side at a time: the headings read as tabs
                pygame.draw.line(surface, colours.accent, (rect.x, rect.bottom - 2), (rect.right, rect.bottom - 2), 3)
        rects = self.row_rects()
        for index, (row, rect) in enumerate(zip(self.rows, rects, strict=True)):
            if rect.h:
                self._draw_row(surface, index, row, rect)
        more = self._more_rows()
        if more:  # under the rows, where nothing else is drawn
            lowest = max(rect.bottom for rect in rects if rect.h)
            draw_text(surface, more, fonts.bold(palette.SMALL), colours.accent, (MARGIN, lowest + 4))
        self._draw_reasoning(surface)
        if self.answer:
            answer = self.answer_rect()
            draw_paragraph(surface, self.answer_text(), body, colours.accent, answer.topleft, answer.width,
                           max_lines=self.answer_lines())
        hint = self.ctx.tr("Up/Down choose a term · Left/Right change it · Enter propose · T take their terms · "
                           "Esc back")
        small = fonts.regular(palette.SMALL)
        draw_text(surface, fit_text(hint, small, width - 2 * MARGIN), small, colours.text_dim, self.hint_rect().topleft)

    def _more_rows(self) -> str:
        """Words saying that terms are scrolled out of sight, or '' when all of them show."""
        longest = max(sum(1 for row in self.rows if row.side == side) for side in self._sides_shown())
        first, shown = self.first_row(), self.rows_shown()
        if first == 0 and longest <= shown:
            return ""
        return self.ctx.tr("rows {first}-{last} of {count} · Up/Down", first=first + 1,
                           last=min(longest, first + shown), count=longest)

    def _draw_patience(self, surface: pygame.Surface, topright: tuple[int, int], dots_beside: bool = False
                       ) -> pygame.Rect:
        """The patience in words with a dot per round, the dots under the words or (`dots_beside`) left of them."""
        colours = self.ctx.palette
        fonts = self.ctx.fonts
        view = self.view
        label = self.patience_label()
        rect = draw_text(surface, label, fonts.regular(palette.BODY), colours.text, topright, anchor="topright")
        dot = scaled_px(10, self.ctx.fonts.scale)
        if dots_beside:
            for index in range(view.patience):
                centre = (rect.left - 2 * dot - index * 3 * dot, rect.centery)
                if index < view.rounds_left:
                    pygame.draw.circle(surface, colours.accent, centre, dot)
                else:
                    pygame.draw.circle(surface, colours.panel_edge, centre, dot, 3)
            return rect.union(pygame.Rect(rect.left - 3 * dot * view.patience, rect.y, 3 * dot * view.patience,
                                          rect.height))
        for index in range(view.patience):  # filled dots for rounds left: shape and count, not colour alone
            centre = (rect.right - dot - 2 - index * 3 * dot, rect.bottom + 2 * dot)
            if index < view.rounds_left:
                pygame.draw.circle(surface, colours.accent, centre, dot)
            else:
                pygame.draw.circle(surface, colours.panel_edge, centre, dot, 3)
        return rect.union(pygame.Rect(rect.right - 3 * dot * view.patience, rect.bottom, 3 * dot * view.patience,
                                      3 * dot))

    def _draw_row(self, surface: pygame.Surface, index: int, row: TermRow, rect: pygame.Rect) -> None:
        colours = self.ctx.palette
        fonts = self.ctx.fonts
        focused = index == self.cursor
        value = row.value(self.offer)
        on = value not in OFF_VALUES
        value = self.ctx.tr(value)
        pygame.draw.rect(surface, colours.panel_raised if focused else colours.panel, rect, border_radius=6)
        if focused:
            pygame.draw.rect(surface, colours.focus, rect, 3, border_radius=6)
        body = fonts.regular(palette.BODY)
        minus, plus = self.stepper_rects(rect)
        draw_text(surface, fit_text(row.label, body, minus.x - rect.x - 18), body, colours.text,
                  (rect.x + 10, rect.centery), anchor="midleft")
        for box, sign in ((minus, "−"), (plus, "+")):
            # Outlined, not filled with the edge colour: in high contrast that edge is white, and so is the sign.
            pygame.draw.rect(surface, colours.panel_raised, box, border_radius=4)
            pygame.draw.rect(surface, colours.panel_edge, box, 2, border_radius=4)
            draw_text(surface, sign, fonts.bold(palette.BODY), colours.text, box.center, anchor="center")
        value_font = fonts.bold(palette.SMALL) if on else fonts.regular(palette.SMALL)
        value_text = fit_text(value, value_font, plus.x - minus.right - 8)
        draw_text(surface, value_text, value_font, colours.accent if on else colours.text_dim,
                  ((minus.right + plus.x) // 2, rect.centery), anchor="center")

    # --- the reasoning panel: a fixed verdict above a list of reasons that scrolls -----------------

    def reasoning_box(self) -> pygame.Rect:
        """The reasoning panel as drawn, right of the two term columns and above the answer: all of it stays in."""
        width = self.ctx.ui.window_resolution[0]
        top = self.column_top()
        left = MARGIN + self.terms_width() + 16
        return pygame.Rect(left, top - 8, width - MARGIN - left, self._bottom_block_top() - 8 - (top - 8))

    def _reasoning_entries(self) -> list[tuple[str, str, pygame.Color]]:
        """(prefix, sentence, colour) for every law that blocks the offer and every reason, most telling first,
        each sentence in the player's language."""
        colours = self.ctx.palette
        tr = self.ctx.tr
        evaluation = self.evaluation
        entries = [("•", tr(text), colours.broken) for text in evaluation.blocked]  # a law is quoted in full
        # What they miss first (it says what to offer), then the biggest weights either way.
        ordered = sorted(evaluation.reasons, key=lambda reason: (reason.weight != 0, -abs(reason.weight)))
        entries += [(f"{reason.weight:+.0f}" if reason.weight else "•", tr(reason.text),
                     colours.good if reason.weight > 0 else colours.text if reason.weight == 0 else colours.broken)
                    for reason in ordered]
        return entries

    def reasoning_layout(self) -> ReasoningLayout:
        """Where each part of the panel goes at this window size and text size, scrolled to `reasoning_scroll`."""
        fonts = self.ctx.fonts
        small = fonts.regular(palette.SMALL)
        box = self.reasoning_box()
        inner = box.inflate(-16, -16)
        header = self._reasoning_header(inner.height)
        area = pygame.Rect(inner.x, inner.y + header, inner.width, max(0, inner.bottom - inner.y - header))
        bar_width = scaled_px(8, self.ctx.fonts.scale)
        indent = small.size("+00 ")[0]
        text_width = area.width - bar_width - 8 - indent
        lines: list[tuple[str, str, pygame.Color, bool]] = []  # prefix, words, colour, starts a paragraph
        for prefix, text, colour in self._reasoning_entries():
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
        thumb.height = max(scaled_px(16, self.ctx.fonts.scale), track.height * shown // len(lines))
        thumb.y = track.y + (track.height - thumb.height) * first // max(1, last_first)
        where = self.ctx.tr("lines {first}-{last} of {count} · PgUp/PgDn", first=first + 1, last=first + shown,
                            count=len(lines))
        return ReasoningLayout(box, area, tuple(self._placed(lines, first, shown, area.topleft, indent)), first,
                               last_first, len(lines), (track, thumb.clip(track)), where)

    def _reasoning_header(self, room: int) -> int:
        """The height of the panel's fixed top: heading, worth, bar and verdict; at a large UI scale in a small
        window only the verdict and the worth (short_header), so the reasons keep more than half the panel."""
        fonts = self.ctx.fonts
        small = fonts.regular(palette.SMALL)
        if not self._short_header_used(room):
            return self._full_header_height()
        verdict_lines = self.short_header(self.reasoning_box().width - 16)[0]
        return fonts.bold(palette.SMALL).get_linesize() * len(verdict_lines) + small.get_linesize() + 4

    def _full_header_height(self) -> int:
        scale = self.ctx.fonts.scale
        fonts = self.ctx.fonts
        small, bold = fonts.regular(palette.SMALL), fonts.bold(palette.BODY)
        return (fonts.bold(palette.LARGE).get_linesize() + bold.get_linesize() + 6 + scaled_px(16, scale) + 4
                + small.get_linesize() + bold.get_linesize() + 4)

    def _short_header_used(self, room: int) -> bool:
        """The full header would take more than half of the panel's `room` (its inner height)."""
        return self._full_header_height() > room // 2

    def verdict(self) -> tuple[str, pygame.Color]:
        """What the partner would say to these terms now, in words and colour."""
        colours = self.ctx.palette
        if self.evaluation.blocked:
            return self.ctx.tr("They cannot agree to this"), colours.broken
        if self.evaluation.acceptable:
            return self.ctx.tr("They would accept this"), colours.good
        return self.ctx.tr("Not enough for them yet"), colours.accent

    def short_header(self, width: int) -> tuple[list[str], str]:
        """The short header's verdict, wrapped to at most two lines of `width`, and its worth line."""
        bold_small = self.ctx.fonts.bold(palette.SMALL)
        rows = wrap_text(self.verdict()[0], bold_small, width)
        verdict = rows[:1] + ([fit_text(" ".join(rows[1:]), bold_small, width)] if len(rows) > 1 else [])
        worth = self.ctx.tr("Worth to them: {worth}", worth=f"{self.evaluation.utility:+.0f}")
        return verdict, fit_text(worth, self.ctx.fonts.regular(palette.SMALL), width)

    def _placed(self, lines: list[tuple[str, str, pygame.Color, bool]], first: int, shown: int,
                topleft: tuple[int, int], indent: int) -> list[PlacedLine]:
        small = self.ctx.fonts.regular(palette.SMALL)
        x, y = topleft
        placed: list[PlacedLine] = []
        for count, (prefix, words, colour, starts) in enumerate(lines[first:first + shown]):
            y += 4 if starts and count else 0
            rect = pygame.Rect(x, y, indent + small.size(words)[0], small.get_linesize())
            placed.append(PlacedLine(prefix, words, colour, rect))
            y += small.get_linesize()
        return placed

    def scroll_reasoning(self, lines: int) -> None:
        """Moves the reasons by `lines` (down when positive), never past either end."""
        layout = self.reasoning_layout()
        self.reasoning_scroll = max(0, min(layout.first + lines, layout.last_first))

    def reasoning_page(self) -> int:
        """PgUp/PgDn move by a panel of reasons less one line, so the reader keeps their place."""
        return max(1, len(self.reasoning_layout().lines) - 1)

    def _draw_reasoning(self, surface: pygame.Surface) -> None:
        colours = self.ctx.palette
        fonts = self.ctx.fonts
        evaluation = self.evaluation
        layout = self.reasoning_layout()
        pygame.draw.rect(surface, colours.panel, layout.box, border_radius=10)
        rect = layout.box.inflate(-16, -16)
        clip = surface.get_clip()
        surface.set_clip(rect)  # a large UI scale in a small window shows less, never draws over the answer
        try:
            large, bold, small = fonts.bold(palette.LARGE), fonts.bold(palette.BODY), fonts.regular(palette.SMALL)
            worth = self.ctx.tr("Worth to them: {worth}", worth=f"{evaluation.utility:+.0f}")
            verdict, colour = self.verdict()
            if self._short_header_used(rect.height):
                verdict_rows, worth_row = self.short_header(rect.width)
                y = rect.y
                for row in verdict_rows:
                    y = draw_text(surface, row, fonts.bold(palette.SMALL), colour, (rect.x, y)).bottom
                draw_text(surface, worth_row, small, colours.text, (rect.x, y))
            else:
                heading = draw_text(surface, fit_text(self.ctx.tr("Their reasoning"), large, rect.width), large,
                                    colours.text, rect.topleft)
                worth_line = draw_text(surface, fit_text(worth, bold, rect.width), bold, colours.text,
                                       (rect.x, heading.bottom))
                bar = pygame.Rect(rect.x, worth_line.bottom + 6, rect.width, scaled_px(16, self.ctx.fonts.scale))
                draw_worth_bar(surface, bar, evaluation.utility, small, colours=colours, tr=self.ctx.tr)
                draw_text(surface, fit_text(verdict, bold, rect.width), bold, colour,
                          (rect.x, bar.bottom + 4 + small.get_linesize()))
            indent = small.size("+00 ")[0]
            for line in layout.lines:
                if line.prefix:
                    draw_text(surface, line.prefix, small, line.colour, line.rect.topleft)
                draw_text(surface, line.words, small, line.colour, (line.rect.x + indent, line.rect.y))
            if layout.scroll is not None:
                track, thumb = layout.scroll
                pygame.draw.rect(surface, colours.panel_edge, track, border_radius=4)
                pygame.draw.rect(surface, colours.accent, thumb, border_radius=4)
                draw_text(surface, fit_text(layout.where, small, layout.area.width), small, colours.text_dim,
                          (layout.area.x, layout.area.bottom), anchor="bottomleft")
        finally:
            surface.set_clip(clip)


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
