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
        y = height - BUTTON_HEIGHT - 16
        self.buttons["back"] = UIButton(pygame.Rect(MARGIN, y, 160, BUTTON_HEIGHT), "Back (Esc)", self.ctx.ui)
        self.buttons["counter"] = UIButton(pygame.Rect(width - MARGIN - 520, y, 260, BUTTON_HEIGHT),
                                           "Take their terms (T)", self.ctx.ui)
        self.buttons["propose"] = UIButton(pygame.Rect(width - MARGIN - 240, y, 240, BUTTON_HEIGHT),
                                           "Propose (Enter)", self.ctx.ui)
        self._refresh()

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
            if rect.collidepoint(position):
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
        row = self.rows[index]
        same_side = [i for i, other in enumerate(self.rows) if other.side == row.side]
        x = MARGIN if row.side == "they" else MARGIN + COLUMN_WIDTH + 16
        return pygame.Rect(x, COLUMN_TOP + 40 + same_side.index(index) * ROW_HEIGHT, COLUMN_WIDTH, ROW_HEIGHT - 4)

    @staticmethod
    def stepper_rects(rect: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
        plus = pygame.Rect(rect.right - 34, rect.y + 3, 30, rect.height - 6)
        minus = pygame.Rect(rect.right - 150, rect.y + 3, 30, rect.height - 6)
        return minus, plus

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        colours = self.ctx.palette
        fonts = self.ctx.fonts
        surface.fill(colours.sky)
        view = self.view
        width, height = surface.get_size()
        draw_emblem(surface, (MARGIN + 32, 50), 32, view.emblem_colour, view.name, fonts.bold(palette.BODY))
        title = fonts.bold(palette.HEADING)
        draw_text(surface, fit_text(f"Talks with {view.name}", title, width - 560), title, colours.text,
                  (MARGIN + 80, 18))
        draw_trust_bar(surface, pygame.Rect(MARGIN + 80, 66, 380, 20), view.trust, fonts.regular(palette.BODY),
                       colours)
        self._draw_patience(surface, (width - MARGIN, 24))
        heading = fonts.bold(palette.LARGE)
        draw_text(surface, "They give", heading, colours.text, (MARGIN, COLUMN_TOP))
        draw_text(surface, "You give", heading, colours.text, (MARGIN + COLUMN_WIDTH + 16, COLUMN_TOP))
        for index, row in enumerate(self.rows):
            self._draw_row(surface, index, row)
        reasoning = pygame.Rect(MARGIN + 2 * (COLUMN_WIDTH + 16), COLUMN_TOP, 0, height - COLUMN_TOP - 200)
        reasoning.width = width - MARGIN - reasoning.x
        self._draw_reasoning(surface, reasoning)
        answer_font = fonts.regular(palette.BODY)
        if self.answer:
            draw_paragraph(surface, self.answer, answer_font, colours.accent, (MARGIN, height - BUTTON_HEIGHT - 104),
                           width - 2 * MARGIN, max_lines=2)
        hint = "Up/Down choose a term · Left/Right change it · Enter propose · T take their terms · Esc back"
        draw_text(surface, hint, fonts.regular(palette.SMALL), colours.text_dim, (MARGIN, height - BUTTON_HEIGHT - 44))

    def _draw_patience(self, surface: pygame.Surface, topright: tuple[int, int]) -> None:
        colours = self.ctx.palette
        fonts = self.ctx.fonts
        view = self.view
        label = (f"Patience: {view.rounds_left} of {view.patience} rounds left" if view.talks_open
                 else "Talks broken off")
        rect = draw_text(surface, label, fonts.regular(palette.BODY), colours.text, topright, anchor="topright")
        for index in range(view.patience):  # filled dots for rounds left: shape and count, not colour alone
            centre = (rect.right - 12 - index * 30, rect.bottom + 20)
            if index < view.rounds_left:
                pygame.draw.circle(surface, colours.accent, centre, 10)
            else:
                pygame.draw.circle(surface, colours.panel_edge, centre, 10, 3)

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
            pygame.draw.rect(surface, colours.panel_edge, box, border_radius=4)
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
        draw_text(surface, "Their reasoning", fonts.bold(palette.LARGE), colours.text, rect.topleft)
        worth = f"Worth to them: {evaluation.utility:+.0f}"
        draw_text(surface, worth, fonts.bold(palette.BODY), colours.text, (rect.x, rect.y + 40))
        draw_worth_bar(surface, pygame.Rect(rect.x, rect.y + 74, rect.width, 16), evaluation.utility,
                       fonts.regular(palette.SMALL), colours=colours)
        if evaluation.blocked:
            verdict, colour = "They cannot agree to this", colours.broken
        elif evaluation.acceptable:
            verdict, colour = "They would accept this", colours.good
        else:
            verdict, colour = "Not enough for them yet", colours.accent
        draw_text(surface, verdict, fonts.bold(palette.BODY), colour, (rect.x, rect.y + 118))
        small = fonts.regular(palette.SMALL)
        y = rect.y + 152
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
