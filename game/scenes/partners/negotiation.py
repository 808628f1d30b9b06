"""The negotiation room: set the terms, watch the partner's reasoning change, propose, read its answer.

The scene owns the talks' state (the offer, the chosen term, the partner's answer, how far the reasons are
scrolled) and its verbs; `negotiation_layout` says where everything goes (pure), `negotiation_input.handle` turns
events into the verbs, `negotiation_drawing.draw` only reads, and the terms themselves are `terms.term_rows`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UIButton

from game.content.loader import LoadedLevel
from game.content.text import translate
from game.rules.negotiation import Evaluation, Offer
from game.scenes.context import SceneContext
from game.scenes.layout_memo import LastLayout
from game.scenes.partners import negotiation_drawing, negotiation_input
from game.scenes.partners.negotiation_layout import NegotiationLayout
from game.scenes.partners.reply import EventListener, act_and_reply
from game.scenes.partners.terms import term_rows
from game.scenes.scene import SceneBase, Transition
from game.ui.widget_set import WidgetSet

if TYPE_CHECKING:
    from collections.abc import Sequence

    from game.ecs.events import GameEvent
    from game.simulation.simulation import Simulation
    from game.simulation.views import PartnerView


class NegotiationScene(SceneBase):
    """Up/Down choose a term · Left/Right or Space change it · Enter propose · T take their terms · PgUp/PgDn or the
    wheel scroll their reasoning · Esc back."""

    def __init__(self, ctx: SceneContext, simulation: Simulation, loaded: LoadedLevel, partner_id: str,
                 listener: EventListener | None = None):
        self.ctx = ctx
        self.simulation = simulation
        self.loaded = loaded
        self.partner_id = partner_id
        self.listener = listener  # the station's log hears what the talks set off
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
        self.signed: tuple[Offer, int] | None = None  # the terms the partner last signed here, and their number
        self.reasoning_scroll = 0  # the first line of the reasons in view, moved by PgUp/PgDn and the wheel
        self.view: PartnerView = self._view()
        self.evaluation: Evaluation = simulation.evaluate_offer(partner_id, self.offer)
        self.widgets: WidgetSet[UIButton] = WidgetSet()
        self._layout: LastLayout[NegotiationLayout] = LastLayout()

    def _view(self) -> PartnerView:
        return next(view for view in self.simulation.snapshot(self.ctx.language).partners if view.id == self.partner_id)

    def layout(self) -> NegotiationLayout:
        """The room laid out for the window, the text size and the talks as they are now; made again only when
        one of them changed (drawing asks for it many times a frame)."""
        ctx = self.ctx
        key = (ctx.ui.window_resolution, ctx.fonts.scale, ctx.language, ctx.palette.name, self.cursor, self.view,
               self.evaluation, self.answer, self.reasoning_scroll)
        return self._layout.get(key, lambda: NegotiationLayout(
            ctx.ui.window_resolution, ctx.fonts, ctx.tr, ctx.palette, self.rows, self.cursor, self.view,
            self.evaluation, self.answer, self.reasoning_scroll))

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        self.build_widgets()

    def exit(self) -> None:
        self.widgets.kill()

    def build_widgets(self) -> None:
        """Back, "Take their terms" and Propose, for the window and text size as they are now."""
        self.widgets.build({name: UIButton(rect, label, self.ctx.ui)
                            for name, (rect, label) in self.layout().buttons().items()})
        self._refresh()

    # --- the talks' verbs ------------------------------------------------------------------------

    def change(self, index: int, direction: int) -> None:
        self.offer = self.rows[index].change(self.offer, direction)
        self._refresh()

    def propose(self) -> None:
        """Puts the terms to the partner; terms it has just signed are not put again (that would be the same
        deal twice), the room says so instead."""
        from game.ecs.commands import ProposeAgreement
        from game.ecs.events import AgreementSigned

        number = self.signed_number()
        if number is not None:
            self.answer = self.ctx.tr("Agreement {number} holds these terms: change a term to propose another "
                                      "agreement, or press Esc to go back.", number=number)
            return
        offer = self.offer
        signed: list[int] = []

        def hear(events: Sequence[GameEvent]) -> None:
            signed.extend(event.agreement for event in events
                          if isinstance(event, AgreementSigned) and event.partner == self.partner_id)
            if self.listener is not None:
                self.listener(events)

        self.answer = act_and_reply(self.simulation, ProposeAgreement(self.partner_id, offer), self.ctx.tr, hear)
        if signed:
            self.signed = (offer, signed[-1])
        self._refresh()

    def signed_number(self) -> int | None:
        """The agreement these very terms were signed as in this room, while they stay on the table."""
        return self.signed[1] if self.signed is not None and self.signed[0] == self.offer else None

    def take_counter(self) -> None:
        counter = self._counter()
        if counter is not None:
            self.offer = counter
            self._refresh()

    def scroll_reasoning(self, lines: int) -> None:
        """Moves the reasons by `lines` (down when positive), never past either end."""
        reasoning = self.layout().reasoning_layout()
        self.reasoning_scroll = max(0, min(reasoning.first + lines, reasoning.last_first))

    def _refresh(self) -> None:
        self.view = self._view()
        self.evaluation = self.simulation.evaluate_offer(self.partner_id, self.offer)
        counter = self.widgets.get("counter")
        if counter is not None:
            if self._counter() is not None:
                counter.enable()
            else:
                counter.disable()
        propose = self.widgets.get("propose")
        if propose is not None:
            if self.view.talks_open and self.signed_number() is None:
                propose.enable()
            else:
                propose.disable()

    def _counter(self) -> Offer | None:
        answer = self.view.last_answer
        return answer.counter if answer is not None and answer.decision == "counter" else None

    # --- input and drawing -----------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Transition | None:
        return negotiation_input.handle(event, self)

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        negotiation_drawing.draw(surface, self)

