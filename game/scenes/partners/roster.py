"""The partner roster: every partner of the level, what it wants and can give, its trust and its history.

The scene owns its state (the partners' snapshot, the chosen one, the detail's scroll, the message) and its
verbs; `roster_layout` says where everything goes (pure), `roster_input.handle` turns events into the verbs, and
`roster_drawing.draw` only reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UIButton

from game.content.loader import LoadedLevel
from game.scenes.context import SceneContext
from game.scenes.layout_memo import LastLayout
from game.scenes.partners import roster_drawing, roster_input
from game.scenes.partners.reply import EventListener, act_and_reply
from game.scenes.partners.roster_layout import RosterLayout
from game.scenes.scene import Pop, Push, SceneBase, Transition
from game.ui.focus import ButtonFocus
from game.ui.widget_set import WidgetSet

if TYPE_CHECKING:
    from game.simulation.simulation import Simulation
    from game.simulation.views import PartnerView, StationSnapshot


class PartnerRosterScene(SceneBase):
    """Up/Down choose a partner · PgUp/PgDn or the wheel scroll the detail at large text · N negotiate · C consult ·
    S share data · L ledger · Esc back."""

    def __init__(self, ctx: SceneContext, simulation: Simulation, loaded: LoadedLevel,
                 listener: EventListener | None = None):
        self.ctx = ctx
        self.simulation = simulation
        self.loaded = loaded
        self.listener = listener  # the station's log hears what the talks set off
        self.selected = 0
        self.message = ""
        self.snapshot: StationSnapshot = simulation.snapshot(ctx.language)
        self.widgets: WidgetSet[UIButton] = WidgetSet()
        self.focus: ButtonFocus | None = None
        self.detail_scroll = 0  # the first line of the one-column detail in view, moved by PgUp/PgDn and the wheel
        self._layout: LastLayout[RosterLayout] = LastLayout()

    @property
    def partner(self) -> PartnerView | None:
        partners = self.snapshot.partners
        return partners[self.selected] if partners else None

    def layout(self) -> RosterLayout:
        """The roster laid out for the window, the text size, the snapshot and the choice as they are now; made
        again only when one of them changed (drawing asks for it many times a frame)."""
        ctx = self.ctx
        key = (ctx.ui.window_resolution, ctx.fonts.scale, ctx.language, ctx.palette.name, self.snapshot,
               self.selected, self.detail_scroll)
        return self._layout.get(key, lambda: RosterLayout(ctx.ui.window_resolution, ctx.fonts, ctx.tr, ctx.palette,
                                                          self.snapshot.partners, self.selected, self.detail_scroll))

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        self.snapshot = self.simulation.snapshot(self.ctx.language)
        self.selected = min(self.selected, max(0, len(self.snapshot.partners) - 1))
        self.build_widgets()

    def exit(self) -> None:
        self.widgets.kill()
        self.focus = None

    def build_widgets(self) -> None:
        """The buttons along the foot for the window and text size as they are now; the keyboard starts on
        Negotiate."""
        self.widgets.build({name: UIButton(rect, label, self.ctx.ui)
                            for name, (rect, label) in self.layout().buttons().items()})
        self.focus = ButtonFocus(list(self.widgets.values()), index=1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        view = self.partner
        negotiate = self.widgets.get("negotiate")
        if negotiate is not None:
            if view is not None and view.talks_open:
                negotiate.enable()
            else:
                negotiate.disable()

    # --- the roster's verbs ----------------------------------------------------------------------

    def select(self, index: int) -> None:
        if self.snapshot.partners:
            self.selected = max(0, min(len(self.snapshot.partners) - 1, index))
            self.detail_scroll = 0
            self.message = ""
            self._update_buttons()

    def scroll_detail(self, lines: int) -> None:
        """Moves the one-column detail by `lines` (down when positive), never past either end; the two-column
        layout shows everything and does not scroll."""
        layout = self.layout()
        if not layout.one_column():
            return
        detail = layout.detail_layout()
        self.detail_scroll = max(0, min(detail.first + lines, detail.last_first))

    def do(self, action: str) -> Transition | None:
        """A button's or key's action: back, ledger, negotiate, consult or share."""
        from game.ecs.commands import ConsultPartner, ShareData

        view = self.partner
        if action == "back":
            return Pop()
        if action == "ledger":
            from game.scenes.partners.ledger import LedgerScene

            return Push(LedgerScene(self.ctx, self.simulation, self.loaded))
        if view is None:
            return None
        if action == "negotiate":
            if not view.talks_open:
                self.message = self.ctx.tr("Talks with {partner} are not open yet.", partner=view.name)
                return None
            from game.scenes.partners.negotiation import NegotiationScene

            return Push(NegotiationScene(self.ctx, self.simulation, self.loaded, view.id, self.listener))
        if action == "consult":
            self.message = act_and_reply(self.simulation, ConsultPartner(view.id, "science"), self.ctx.tr,
                                         self.listener)
        elif action == "share":
            sent = self.snapshot.science
            domains = sorted((weight, domain) for domain, weight in view.interests if sent.get(domain, 0.0) > 0)
            domain = domains[-1][1] if domains else max(view.interests, key=lambda pair: pair[1])[0]
            self.message = act_and_reply(self.simulation, ShareData(view.id, domain), self.ctx.tr, self.listener)
        self.snapshot = self.simulation.snapshot(self.ctx.language)
        return None

    # --- input and drawing -----------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Transition | None:
        return roster_input.handle(event, self)

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        roster_drawing.draw(surface, self)
