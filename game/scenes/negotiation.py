"""The negotiation room: set the terms, watch the partner's reasoning change, propose, read its answer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.content.loader import LoadedLevel
from game.content.models import SCIENCE_DOMAINS, PartnerSpec
from game.content.text import translate
from game.render import palette
from game.render.fonts import scaled
from game.render.partner_bars import DOMAIN_LABELS, draw_trust_bar, draw_worth_bar
from game.render.partner_emblem import draw_emblem
from game.render.text import draw_paragraph, draw_text, fit_text
from game.rules.negotiation import Evaluation, Offer
from game.scenes.context import SceneContext
from game.scenes.partners import act_now
from game.scenes.scene import SceneBase
from game.scenes.transitions import Pop, Transition

if TYPE_CHECKING:
    from game.ecs.partners import PartnerView
    from game.ecs.session import Simulation

MARGIN = 32
COLUMN_TOP = 120
ROW_HEIGHT = 38
COLUMN_WIDTH = 404
BUTTON_HEIGHT = 50
PAYLOAD_STEP_KG = 50.0
MAX_PAYLOAD_KG = 400.0


@dataclass(frozen=True, slots=True)
class TermRow:
    """One adjustable term: its side of the table, its label, its value as words, and how it changes."""

    side: str  # "they" give or "you" give
    label: str
    value: Callable[[Offer], str]
    change: Callable[[Offer, int], Offer]


def _toggle_in(items: tuple[str, ...], item: str) -> tuple[str, ...]:
    return tuple(other for other in items if other != item) if item in items else (*items, item)


def _cycle(options: list[str | None], current: str | None, step: int) -> str | None:
    index = options.index(current) if current in options else 0
    return options[(index + step) % len(options)]


def _module_row(module: str, name: str) -> TermRow:
    return TermRow("they", name.split(" (")[0], lambda offer: "yes" if module in offer.modules else "no",
                   lambda offer, _: replace(offer, modules=_toggle_in(offer.modules, module)))


def _data_row(domain: str) -> TermRow:
    return TermRow("you", f"{DOMAIN_LABELS[domain]} data",
                   lambda offer: "yes" if domain in offer.data_share else "no",
                   lambda offer, _: replace(offer, data_share=_toggle_in(offer.data_share, domain)))


def term_rows(spec: PartnerSpec, module_names: dict[str, str]) -> list[TermRow]:
    """The terms this partner could give and receive, from its catalog entry."""
    means = spec.capabilities
    rows: list[TermRow] = []
    if means.funding_per_year > 0:
        step = max(1.0, round(means.funding_per_year / 10))
        rows.append(TermRow(
            "they", "Funding (credits)",
            lambda offer: f"{offer.funding_per_year:g}/yr",
            lambda offer, d: replace(offer, funding_per_year=max(0.0, min(means.funding_per_year,
                                                                         offer.funding_per_year + d * step))),
        ))
    for module in means.modules:
        rows.append(_module_row(module, module_names.get(module, module)))
    if means.launches:
        rows.append(TermRow("they", "Launches", lambda offer: str(offer.launches),
                            lambda offer, d: replace(offer, launches=max(0, min(means.launches, offer.launches + d)))))
    if means.instruments:
        count = len(means.instruments)
        rows.append(TermRow("they", "Their instruments", lambda offer: str(offer.instruments),
                            lambda offer, d: replace(offer, instruments=max(0, min(count, offer.instruments + d)))))
    rows += [_data_row(domain) for domain in SCIENCE_DOMAINS]
    rows.append(TermRow(
        "you", "Payload for them", lambda offer: f"{offer.payload_kg:g} kg",
        lambda offer, d: replace(
            offer, payload_kg=max(0.0, min(MAX_PAYLOAD_KG, offer.payload_kg + d * PAYLOAD_STEP_KG))),
    ))
    if means.crew_candidates or "crew_seat" in spec.asks:
        rows.append(TermRow("you", "Crew seats", lambda offer: str(offer.crew_seats),
                            lambda offer, d: replace(offer, crew_seats=max(0, min(2, offer.crew_seats + d)))))
    if means.modules:
        hosts: list[str | None] = [None, *means.modules]
        rows.append(TermRow(
            "you", "Host their module",
            lambda offer: module_names.get(offer.host_module, offer.host_module) if offer.host_module else "none",
            lambda offer, d: replace(offer, host_module=_cycle(hosts, offer.host_module, d or 1)),
        ))
    leads: list[str | None] = [None, *SCIENCE_DOMAINS]
    rows.append(TermRow(
        "you", "They co-lead",
        lambda offer: DOMAIN_LABELS[offer.co_lead] if offer.co_lead else "none",
        lambda offer, d: replace(offer, co_lead=_cycle(leads, offer.co_lead, d or 1)),
    ))
    return rows


class NegotiationScene(SceneBase):
    """Up/Down choose a term · Left/Right or Space change it · Enter propose · T take their terms · Esc back."""

    def __init__(self, ctx: SceneContext, simulation: Simulation, loaded: LoadedLevel, partner_id: str):
        self.ctx = ctx
        self.simulation = simulation
        self.loaded = loaded
        self.partner_id = partner_id
        catalog = simulation.ctx.catalog
        self.spec = catalog.partners[partner_id]
        self.module_names = {module_id: translate(spec.name, ctx.language) for module_id, spec in
                             catalog.modules.items()}
        self.rows = term_rows(self.spec, self.module_names)
        self.cursor = 0
        opening = round(self.spec.capabilities.funding_per_year / 4)
        self.offer = Offer(funding_per_year=float(opening)) if opening else Offer(
            instruments=min(1, len(self.spec.capabilities.instruments)))
        self.answer = ""
        self.view: PartnerView = self._view()
        self.evaluation: Evaluation = simulation.evaluate_offer(partner_id, self.offer)
        self.buttons: dict[str, UIButton] = {}

    def _view(self) -> PartnerView:
        return next(view for view in self.simulation.snapshot(self.ctx.language).partners if view.id == self.partner_id)

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        self._build_widgets()

    def exit(self) -> None:
        for button in self.buttons.values():
            button.kill()
        self.buttons = {}

    def _build_widgets(self) -> None:
        self.exit()
        width, height = self.ctx.ui.window_resolution
        button_height = self._button_height()
        y = height - button_height - 16
        # Sized to their words (the theme's 24 px bold, grown with the UI scale); without the key hints when
        # large text would not fit them all in the window.
        font = self.ctx.fonts.bold(24)
        labels = {"back": "Back (Esc)", "counter": "Take their terms (T)", "propose": "Propose (Enter)"}
        sizes = {key: max(self._px(120), font.size(text)[0] + 40) for key, text in labels.items()}
        if sum(sizes.values()) + 2 * 16 > width - 2 * MARGIN:
            labels = {"back": "Back", "counter": "Take their terms", "propose": "Propose"}
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

    def _px(self, value: int) -> int:
        """A length at 100 % grown with the UI scale, as the words it holds grow."""
        return scaled(value, self.ctx.fonts.scale)

    def _button_height(self) -> int:
        return scaled(BUTTON_HEIGHT, min(self.ctx.fonts.scale, 1.5))  # room for the text, no taller

    def column_top(self) -> int:
        """Below the title and the trust bar, which grow with the text."""
        fonts = self.ctx.fonts
        header = 18 + fonts.bold(palette.HEADING).get_linesize() + fonts.regular(palette.BODY).get_linesize() + 12
        return max(COLUMN_TOP, header)

    def row_step(self) -> int:
        return max(ROW_HEIGHT, self.ctx.fonts.regular(palette.BODY).get_linesize() + 8)

    def column_width(self) -> int:
        """Two columns of terms and the reasoning share the window; the terms keep at least half of it."""
        width = self.ctx.ui.window_resolution[0]
        return min(self._px(COLUMN_WIDTH), (width - 2 * MARGIN - 2 * 16) * 3 // 10 + 40)

    def _bottom_block_top(self) -> int:
        """Where the answer line, the hint and the buttons begin: the rows stop above it."""
        fonts = self.ctx.fonts
        height = self.ctx.ui.window_resolution[1]
        return (height - self._button_height() - 16 - fonts.regular(palette.SMALL).get_linesize() - 10
                - 2 * fonts.regular(palette.BODY).get_linesize() - 8)

    def rows_shown(self) -> int:
        top = self.column_top() + self.ctx.fonts.bold(palette.LARGE).get_linesize() + 2
        return max(1, (self._bottom_block_top() - top) // self.row_step())

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
        return None

    def _click(self, position: tuple[int, int]) -> None:
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

        self.answer = act_now(self.simulation, ProposeAgreement(self.partner_id, **asdict(self.offer)))
        self._refresh()

    def take_counter(self) -> None:
        counter = self._counter()
        if counter is not None:
            self.offer = counter
            self._refresh()

    # --- layout and drawing ----------------------------------------------------------------------

    def row_rect(self, index: int) -> pygame.Rect:
        """The row's rectangle; an empty one when the row is scrolled out of sight."""
        row = self.rows[index]
        same_side = [i for i, other in enumerate(self.rows) if other.side == row.side]
        column = self.column_width()
        x = MARGIN if row.side == "they" else MARGIN + column + 16
        shown = same_side.index(index) - self.first_row()
        if not 0 <= shown < self.rows_shown():
            return pygame.Rect(x, 0, column, 0)
        step = self.row_step()
        top = self.column_top() + self.ctx.fonts.bold(palette.LARGE).get_linesize() + 2
        return pygame.Rect(x, top + shown * step, column, step - 4)

    def stepper_rects(self, rect: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
        box, span = self._px(30), self._px(124)
        plus = pygame.Rect(rect.right - box - 4, rect.y + 3, box, rect.height - 6)
        minus = pygame.Rect(rect.right - span, rect.y + 3, box, rect.height - 6)
        return minus, plus

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        colours = self.ctx.palette
        fonts = self.ctx.fonts
        surface.fill(colours.sky)
        view = self.view
        width = surface.get_width()
        radius = self._px(32)
        draw_emblem(surface, (MARGIN + radius, 18 + radius), radius, view.emblem_colour, view.name,
                    fonts.bold(palette.BODY))
        title = fonts.bold(palette.HEADING)
        left = MARGIN + 2 * radius + 16
        patience = self._draw_patience(surface, (width - MARGIN, 24))
        heading_line = draw_text(surface, fit_text(f"Talks with {view.name}", title, patience.left - 16 - left),
                                 title, colours.text, (left, 18))
        body = fonts.regular(palette.BODY)
        trust_width = min(self._px(380), width - MARGIN - left)
        draw_trust_bar(surface, pygame.Rect(left, heading_line.bottom, trust_width, body.get_linesize() - 8),
                       view.trust, body, colours)
        heading = fonts.bold(palette.LARGE)
        column, top = self.column_width(), self.column_top()
        draw_text(surface, "They give", heading, colours.text, (MARGIN, top))
        draw_text(surface, "You give", heading, colours.text, (MARGIN + column + 16, top))
        for index, row in enumerate(self.rows):
            if self.row_rect(index).h:
                self._draw_row(surface, index, row)
        more = self._more_rows()
        if more:  # under the rows, where nothing else is drawn
            lowest = max(rect.bottom for rect in (self.row_rect(index) for index in range(len(self.rows))) if rect.h)
            draw_text(surface, more, fonts.bold(palette.SMALL), colours.accent, (MARGIN, lowest + 4))
        bottom_block = self._bottom_block_top()
        reasoning = pygame.Rect(MARGIN + 2 * (column + 16) + 8, top, 0, bottom_block - top - 16)
        reasoning.width = width - MARGIN - 8 - reasoning.x
        self._draw_reasoning(surface, reasoning)
        if self.answer:
            draw_paragraph(surface, self.answer, body, colours.accent, (MARGIN, bottom_block), width - 2 * MARGIN,
                           max_lines=2)
        hint = "Up/Down choose a term · Left/Right change it · Enter propose · T take their terms · Esc back"
        small = fonts.regular(palette.SMALL)
        draw_text(surface, fit_text(hint, small, width - 2 * MARGIN), small, colours.text_dim,
                  (MARGIN, bottom_block + 2 * body.get_linesize() + 4))

    def _more_rows(self) -> str:
        """Words saying that terms are scrolled out of sight, or '' when all of them show."""
        longest = max(sum(1 for row in self.rows if row.side == side) for side in ("they", "you"))
        first, shown = self.first_row(), self.rows_shown()
        if first == 0 and longest <= shown:
            return ""
        return f"rows {first + 1}-{min(longest, first + shown)} of {longest} · Up/Down"

    def _draw_patience(self, surface: pygame.Surface, topright: tuple[int, int]) -> pygame.Rect:
        colours = self.ctx.palette
        fonts = self.ctx.fonts
        view = self.view
        label = (f"Patience: {view.rounds_left} of {view.patience} rounds left" if view.talks_open
                 else "Talks broken off")
        rect = draw_text(surface, label, fonts.regular(palette.BODY), colours.text, topright, anchor="topright")
        dot = self._px(10)
        for index in range(view.patience):  # filled dots for rounds left: shape and count, not colour alone
            centre = (rect.right - dot - 2 - index * 3 * dot, rect.bottom + 2 * dot)
            if index < view.rounds_left:
                pygame.draw.circle(surface, colours.accent, centre, dot)
            else:
                pygame.draw.circle(surface, colours.panel_edge, centre, dot, 3)
        return rect.union(pygame.Rect(rect.right - 3 * dot * view.patience, rect.bottom, 3 * dot * view.patience,
                                      3 * dot))

    def _draw_row(self, surface: pygame.Surface, index: int, row: TermRow) -> None:
        colours = self.ctx.palette
        fonts = self.ctx.fonts
        rect = self.row_rect(index)
        focused = index == self.cursor
        value = row.value(self.offer)
        on = value not in ("no", "none", "0", "0/yr", "0 kg")
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

    def _draw_reasoning(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        colours = self.ctx.palette
        fonts = self.ctx.fonts
        evaluation = self.evaluation
        pygame.draw.rect(surface, colours.panel, rect.inflate(16, 16), border_radius=10)
        heading = draw_text(surface, fit_text("Their reasoning", fonts.bold(palette.LARGE), rect.width),
                            fonts.bold(palette.LARGE), colours.text, rect.topleft)
        worth = f"Worth to them: {evaluation.utility:+.0f}"
        worth_line = draw_text(surface, fit_text(worth, fonts.bold(palette.BODY), rect.width), fonts.bold(palette.BODY),
                               colours.text, (rect.x, heading.bottom))
        small = fonts.regular(palette.SMALL)
        bar = pygame.Rect(rect.x, worth_line.bottom + 6, rect.width, self._px(16))
        draw_worth_bar(surface, bar, evaluation.utility, small, colours=colours)
        if evaluation.blocked:
            verdict, colour = "They cannot agree to this", colours.broken
        elif evaluation.acceptable:
            verdict, colour = "They would accept this", colours.good
        else:
            verdict, colour = "Not enough for them yet", colours.accent
        verdict_top = bar.bottom + 4 + small.get_linesize()
        if verdict_top + fonts.bold(palette.BODY).get_linesize() > rect.bottom:
            return  # a large UI scale in a small window: the worth bar is all that fits
        verdict_line = draw_text(surface, fit_text(verdict, fonts.bold(palette.BODY), rect.width),
                                 fonts.bold(palette.BODY), colour, (rect.x, verdict_top))
        y = verdict_line.bottom + 4
        lines = [(text, colours.broken, 5) for text in evaluation.blocked]  # a law is quoted in full
        # What they miss first (it says what to offer), then the biggest weights either way.
        ordered = sorted(evaluation.reasons, key=lambda reason: (reason.weight != 0, -abs(reason.weight)))
        lines += [(f"{reason.weight:+.0f}  {reason.text}" if reason.weight else f"•  {reason.text}",
                   colours.good if reason.weight > 0 else colours.text if reason.weight == 0 else colours.broken, 3)
                  for reason in ordered]
        for text, colour, most in lines:
            if y > rect.bottom - small.get_linesize():
                draw_text(surface, "…", small, colours.text_dim, (rect.x, y))
                break
            y = draw_paragraph(surface, text, small, colour, (rect.x, y), rect.width, max_lines=most) + 4
