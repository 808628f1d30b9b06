"""The agreement ledger: every agreement with its terms, deliverables, deadlines and state."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UIButton

from game.content.loader import LoadedLevel
from game.content.ui_text import to_translate
from game.render import palette
from game.render.fonts import scaled, scaled_px
from game.render.text import draw_paragraph, draw_text, fit_text
from game.scenes.context import SceneContext
from game.scenes.list_detail import ListDetail
from game.scenes.scene import Pop, SceneBase, Transition
from game.scenes.screen_events import route
from game.ui.widget_set import WidgetSet

if TYPE_CHECKING:
    from game.simulation.simulation import Simulation
    from game.simulation.views import AgreementView, StationSnapshot

MARGIN = 32
TOP = 84
BUTTON_HEIGHT = 50
LINE = 28
SCROLL_STEP = LINE * 3
# Each state in words and a mark, so the ledger reads without colour.
# The colour is named by its Palette field, so the colour-blind and high-contrast palettes give their own.
AGREEMENT_STATES = {
    "active": (to_translate("ACTIVE"), "accent"),
    "kept": (to_translate("KEPT"), "good"),
    "broken": (to_translate("BROKEN"), "broken"),
    "defaulted": (to_translate("DEFAULTED"), "broken"),
}
ITEM_STATES = {
    "pending": (to_translate("due"), "text"),
    "met": (to_translate("done"), "good"),
    "missed": (to_translate("missed"), "broken"),
    "cancelled": (to_translate("cancelled"), "text_dim"),
}
# How the summary counts agreements in each state: "2 active · 1 kept".
STATE_COUNTS = {"active": to_translate("{count} active"), "kept": to_translate("{count} kept"),
                "broken": to_translate("{count} broken"), "defaulted": to_translate("{count} defaulted")}


def draw_state_mark(surface: pygame.Surface, state: str, centre: tuple[int, int], colour: pygame.Color) -> None:
    """A shape per state, drawn rather than typed (the font has no tick): ring, tick, cross or dash."""
    x, y = centre
    if state == "met":
        pygame.draw.lines(surface, colour, False, [(x - 8, y), (x - 2, y + 6), (x + 8, y - 7)], 4)
    elif state == "missed":
        pygame.draw.line(surface, colour, (x - 7, y - 7), (x + 7, y + 7), 4)
        pygame.draw.line(surface, colour, (x - 7, y + 7), (x + 7, y - 7), 4)
    elif state == "cancelled":
        pygame.draw.line(surface, colour, (x - 8, y), (x + 8, y), 4)
    else:
        pygame.draw.circle(surface, colour, centre, 8, 3)


def agreement_height(view: AgreementView, line: int = LINE) -> int:
    return 24 + line * (2 + len(view.deliverables)) + 16


class LedgerScene(SceneBase):
    """Up/Down or Page Up/Down scroll · Esc back."""

    def __init__(self, ctx: SceneContext, simulation: Simulation, loaded: LoadedLevel):
        self.ctx = ctx
        self.simulation = simulation
        self.loaded = loaded
        self.scroll = 0
        self.snapshot: StationSnapshot = simulation.snapshot(ctx.language)
        self.widgets: WidgetSet[UIButton] = WidgetSet()

    def enter(self) -> None:
        self.snapshot = self.simulation.snapshot(self.ctx.language)
        self._build_widgets()

    def exit(self) -> None:
        self.widgets.kill()

    def _build_widgets(self) -> None:
        self.exit()
        height = self.ctx.ui.window_resolution[1]
        scale = self.ctx.fonts.scale
        button_height = self._button_height()
        back = UIButton(pygame.Rect(MARGIN, height - button_height - 16, scaled(160, scale), button_height),
                        self.ctx.tr("Back (Esc)"), self.ctx.ui)
        self.widgets.build({"back": back})

    def _button_height(self) -> int:
        return scaled(BUTTON_HEIGHT, min(self.ctx.fonts.scale, 1.5))  # room for the text, no taller

    def line(self) -> int:
        """One line of a card: a deliverable, or the terms; as tall as the text size needs."""
        return max(LINE, self.ctx.fonts.bold(palette.BODY).get_linesize() + 2)

    def list_rect(self, size: tuple[int, int]) -> pygame.Rect:
        """The agreements, the window's whole width above the Back button: a list with no detail beside it."""
        top = max(TOP, 22 + self.ctx.fonts.bold(palette.HEADING).get_linesize() + 8)
        return ListDetail.beside(size, margin=MARGIN, top=top, bottom=self._button_height() + 36,
                                 list_width=size[0] - 2 * MARGIN, gap=0).list

    def handle(self, event: pygame.event.Event) -> Transition | None:
        return route(event, self.widgets, rebuild=self._build_widgets, pressed=lambda name: None, key=self._key,
                     wheel=lambda turn: self._scroll_by(-turn * SCROLL_STEP))

    def _key(self, event: pygame.event.Event) -> Transition | None:
        if event.key == pygame.K_l:
            return Pop()  # the key that opened the ledger closes it
        steps = {pygame.K_UP: -SCROLL_STEP, pygame.K_DOWN: SCROLL_STEP, pygame.K_PAGEUP: -SCROLL_STEP * 4,
                 pygame.K_PAGEDOWN: SCROLL_STEP * 4}
        if event.key in steps:
            self._scroll_by(steps[event.key])
        return None

    def _scroll_by(self, pixels: int) -> None:
        content = sum(agreement_height(view, self.line()) + 12 for view in self.snapshot.agreements)
        visible = self.list_rect(self.ctx.ui.window_resolution).height
        self.scroll = max(0, min(max(0, content - visible), self.scroll + pixels))

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        colours = self.ctx.palette
        fonts = self.ctx.fonts
        surface.fill(colours.sky)
        tr = self.ctx.tr
        name = draw_text(surface, tr("Agreement ledger"), fonts.bold(palette.HEADING), colours.text, (MARGIN, 22))
        agreements = self.snapshot.agreements
        counts = {state: sum(1 for view in agreements if view.state == state) for state in AGREEMENT_STATES}
        summary = " · ".join(tr(STATE_COUNTS[state], count=count) for state, count in counts.items() if count) \
            or tr("none signed yet")
        body = fonts.regular(palette.BODY)
        draw_text(surface, fit_text(tr("Day {day}", day=f"{self.snapshot.day:.0f}") + f" · {summary}", body,
                                    surface.get_width() - 2 * MARGIN - name.width - 24),
                  body, colours.text_dim, (surface.get_width() - MARGIN, name.centery), anchor="midright")
        listing = self.list_rect(surface.get_size())
        if not agreements:
            draw_paragraph(surface, tr("No agreements yet: open the partner roster and negotiate with a partner."),
                           fonts.regular(palette.LARGE), colours.text, listing.topleft, listing.width)
            return
        clip = surface.get_clip()
        surface.set_clip(listing)
        y = listing.y - self.scroll
        for view in agreements:
            height = agreement_height(view, self.line())
            if y + height > listing.y and y < listing.bottom:
                self._draw_agreement(surface, pygame.Rect(listing.x, y, listing.width, height), view)
            y += height + 12
        surface.set_clip(clip)
        hint = tr("Up/Down scroll · Esc back")
        draw_text(surface, hint, fonts.regular(palette.SMALL), colours.text_dim,
                  (surface.get_width() // 2, surface.get_height() - self._button_height() // 2 - 16), anchor="center")

    def _draw_agreement(self, surface: pygame.Surface, card: pygame.Rect, view: AgreementView) -> None:
        colours = self.ctx.palette
        fonts = self.ctx.fonts
        tr = self.ctx.tr
        word, colour_name = AGREEMENT_STATES.get(view.state, (view.state.upper(), "text"))
        word = tr(word)
        colour: pygame.Color = getattr(colours, colour_name)
        pygame.draw.rect(surface, colours.panel, card, border_radius=8)
        pygame.draw.rect(surface, colour, (card.x, card.y, 8, card.height), border_top_left_radius=8,
                         border_bottom_left_radius=8)
        x = card.x + 24
        heading = fonts.bold(palette.BODY)
        badge = draw_text(surface, word, heading, colour, (card.right - 16, card.y + 12), anchor="topright")
        title = tr("Agreement {number} · {partner} · signed on day {day}", number=view.number,
                   partner=view.partner_name, day=f"{view.signed_day:.0f}")
        draw_text(surface, fit_text(title, heading, badge.left - x - 16), heading, colours.text, (x, card.y + 10))
        small = fonts.regular(palette.SMALL)
        terms = tr("Terms: {terms}", terms="; ".join(tr(term) for term in view.terms))
        line = self.line()
        draw_text(surface, fit_text(terms, small, card.width - 48), small, colours.text_dim, (x, card.y + 12 + line))
        y = card.y + 12 + line * 2
        # Columns measured in the text's own size: date, who owes, what (cut to fit), state at the right.
        day_x = x + scaled_px(30, self.ctx.fonts.scale)
        who_x = day_x + small.size(tr("day {day}", day="0000"))[0] + 16
        what_x = who_x + max(small.size(tr("They owe"))[0], small.size(tr("You owe"))[0]) + 16
        for item in view.deliverables:
            state_word, item_colour_name = ITEM_STATES.get(item.state, (item.state, "text"))
            item_colour: pygame.Color = getattr(colours, item_colour_name)
            state_word = tr(state_word)
            who = tr("They owe") if item.owed_by == "partner" else tr("You owe")
            draw_state_mark(surface, item.state, (x + 8, y + line // 2), item_colour)
            draw_text(surface, tr("day {day}", day=f"{item.due_day:.0f}"), small, colours.text, (day_x, y + 4))
            draw_text(surface, who, small, colours.text_dim, (who_x, y + 4))
            state = draw_text(surface, state_word, small, item_colour, (card.right - 16, y + 4), anchor="topright")
            what = fit_text(tr(item.text), small, state.left - 16 - what_x)
            draw_text(surface, what, small, colours.text, (what_x, y + 4))
            y += line

