"""The partner roster: every partner of the level, what it wants and can give, its trust and its history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.content.loader import LoadedLevel
from game.content.ui_text import ENGLISH, Translate, to_translate
from game.render import palette
from game.render.fonts import scaled, scaled_px
from game.render.partner_bars import draw_interest_chart, draw_trust_bar
from game.render.partner_emblem import draw_emblem
from game.render.text import draw_paragraph, draw_text, fit_text, wrap_text
from game.scenes.context import SceneContext
from game.scenes.list_detail import ListDetail
from game.scenes.partners.reply import act_and_reply
from game.scenes.rich_text import (
    format_date,
)
from game.scenes.scene import Pop, Push, SceneBase, Transition
from game.ui.focus import ButtonFocus
from game.ui.teardown import kill_all

if TYPE_CHECKING:
    from game.simulation.simulation import Simulation
    from game.simulation.views import PartnerView, StationSnapshot

MARGIN = 32
TOP = 84
LIST_WIDTH = 360
CARD_HEIGHT = 84
BUTTON_HEIGHT = 50
WIDE_LIST_SHARE = 0.4  # of the window, for the list when the detail is one scrolling column: whole names read
ASK_WORDS = {
    "data_share": to_translate("a share of the data"),
    "payload_mass": to_translate("payload mass"),
    "crew_seat": to_translate("a crew seat"),
    "host_module": to_translate("hosting their module"),
    "co_lead_domain": to_translate("co-leading a domain"),
}
KIND_WORDS = {"agency": to_translate("Space agency"), "country": to_translate("Country"),
              "organisation": to_translate("Organisation")}


def status_line(view: PartnerView, tr: Translate = ENGLISH) -> str:
    joined = (tr("joined {date}", date=format_date(dt.date.fromisoformat(view.joined), tr)) if view.joined
              else tr("joining date not recorded"))
    membership = tr("member") if view.member else tr("not yet a member")
    return f"{tr(KIND_WORDS.get(view.kind, view.kind))} · {joined} · {membership}"


@dataclass(frozen=True, slots=True)
class DetailLine:
    """One line of the detail panel laid out as one scrolling column: words, or one interest's bar."""

    height: int
    gap: int = 0  # room above it, so a heading stands apart from the text before it
    text: str = ""
    font: pygame.font.Font | None = None
    colour: pygame.Color | None = None
    interest: tuple[str, float] | None = None


@dataclass(frozen=True, slots=True)
class DetailScroll:
    """The one-column detail at one size: where the lines go, the lines in view and where the reader is."""

    area: pygame.Rect  # where the lines are drawn, left of the scroll bar and above the "lines a-b of n" note
    lines: tuple[DetailLine, ...]  # every line of the partner's detail
    first: int  # the first line in view
    shown: int  # how many lines are in view from `first`
    last_first: int  # the furthest it may scroll: the last lines fill the area
    scroll: tuple[pygame.Rect, pygame.Rect] | None  # the bar's track and thumb, when the lines overflow
    where: str  # "lines 4-11 of 30 · PgUp/PgDn", or '' when all show


class PartnerRosterScene(SceneBase):
    """Up/Down choose a partner · PgUp/PgDn or the wheel scroll the detail at large text · N negotiate · C consult ·
    S share data · L ledger · Esc back."""

    def __init__(self, ctx: SceneContext, simulation: Simulation, loaded: LoadedLevel):
        self.ctx = ctx
        self.simulation = simulation
        self.loaded = loaded
        self.selected = 0
        self.message = ""
        self.snapshot: StationSnapshot = simulation.snapshot(ctx.language)
        self.buttons: dict[str, UIButton] = {}
        self.focus: ButtonFocus | None = None
        self.detail_scroll = 0  # the first line of the one-column detail in view, moved by PgUp/PgDn and the wheel
        self._one_column: tuple[object, bool] | None = None  # (what it was worked out for, the answer)

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        self.snapshot = self.simulation.snapshot(self.ctx.language)
        self.selected = min(self.selected, max(0, len(self.snapshot.partners) - 1))
        self._build_widgets()

    def exit(self) -> None:
        kill_all(self.buttons.values())
        self.buttons = {}
        self.focus = None

    def _build_widgets(self) -> None:
        self.exit()
        width, height = self.ctx.ui.window_resolution
        button_height = self._button_height()
        y = height - button_height - 16
        tr = self.ctx.tr
        labels = [("back", tr("Back (Esc)")), ("negotiate", tr("Negotiate (N)")), ("consult", tr("Consult (C)")),
                  ("share", tr("Share data (S)")), ("ledger", tr("Ledger (L)"))]
        # Sized to their words (the theme's 24 px bold, grown with the UI scale); without the key hints when
        # large text would not fit them all in the window.
        font = self.ctx.fonts.bold(24)
        if sum(font.size(text)[0] + 40 + 14 for _, text in labels) > width - 2 * MARGIN:
            labels = [(key, text.split(" (")[0]) for key, text in labels]
        # Buttons share a least width where it lets them all fit in the window, else each is as wide as its words.
        least = scaled_px(150, self.ctx.fonts.scale)
        if sum(max(least, font.size(text)[0] + 40) + 14 for _, text in labels) > width - 2 * MARGIN:
            least = 0
        x = MARGIN
        for key, text in labels:
            button_width = max(least, font.size(text)[0] + 40)
            self.buttons[key] = UIButton(pygame.Rect(x, y, button_width, button_height), text, self.ctx.ui)
            x += button_width + 14
        self.focus = ButtonFocus([self.buttons[key] for key, _ in labels], index=1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        view = self.partner
        negotiate = self.buttons.get("negotiate")
        if negotiate is not None:
            if view is not None and view.talks_open:
                negotiate.enable()
            else:
                negotiate.disable()

    # --- input -----------------------------------------------------------------------------------

    @property
    def partner(self) -> PartnerView | None:
        partners = self.snapshot.partners
        return partners[self.selected] if partners else None

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.VIDEORESIZE:
            self._build_widgets()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            for key, button in self.buttons.items():
                if event.ui_element is button:
                    return self._do(key)
        elif event.type == pygame.KEYDOWN:
            keys = {pygame.K_ESCAPE: "back", pygame.K_n: "negotiate", pygame.K_c: "consult", pygame.K_s: "share",
                    pygame.K_l: "ledger"}
            if event.key in keys:
                return self._do(keys[event.key])
            if event.key in (pygame.K_UP, pygame.K_DOWN):
                self._select(self.selected + (1 if event.key == pygame.K_DOWN else -1))
            elif event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
                self.scroll_detail(self.detail_page() * (-1 if event.key == pygame.K_PAGEUP else 1))
            elif self.focus is not None and event.key in (pygame.K_TAB, pygame.K_RETURN, pygame.K_KP_ENTER,
                                                            pygame.K_SPACE):
                pressed = self.focus.handle_key(event)
                for key, button in self.buttons.items():
                    if pressed is button:
                        return self._do(key)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            first = self.first_card()
            for index in range(first, min(len(self.snapshot.partners), first + self.visible_cards())):
                if self.card_rect(index).collidepoint(event.pos):
                    self._select(index)
        elif event.type == pygame.MOUSEWHEEL and self.detail_rect().collidepoint(pygame.mouse.get_pos()):
            self.scroll_detail(-2 * event.y)
        return None

    def _select(self, index: int) -> None:
        if self.snapshot.partners:
            self.selected = max(0, min(len(self.snapshot.partners) - 1, index))
            self.detail_scroll = 0
            self.message = ""
            self._update_buttons()

    def _do(self, action: str) -> Transition | None:
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

            return Push(NegotiationScene(self.ctx, self.simulation, self.loaded, view.id))
        if action == "consult":
            self.message = act_and_reply(self.simulation, ConsultPartner(view.id, "science"), self.ctx.tr)
        elif action == "share":
            sent = self.snapshot.science
            domains = sorted((weight, domain) for domain, weight in view.interests if sent.get(domain, 0.0) > 0)
            domain = domains[-1][1] if domains else max(view.interests, key=lambda pair: pair[1])[0]
            self.message = act_and_reply(self.simulation, ShareData(view.id, domain), self.ctx.tr)
        self.snapshot = self.simulation.snapshot(self.ctx.language)
        return None

    # --- layout and drawing ----------------------------------------------------------------------

    def _button_height(self) -> int:
        return scaled(BUTTON_HEIGHT, min(self.ctx.fonts.scale, 1.5))  # room for the text, no taller

    def _top(self) -> int:
        return max(TOP, 22 + self.ctx.fonts.bold(palette.HEADING).get_linesize() + 8)

    def _list_width(self) -> int:
        usual = min(scaled_px(LIST_WIDTH, self.ctx.fonts.scale), self.ctx.ui.window_resolution[0] * 3 // 10)
        if self.one_column():  # the detail scrolls anyway: the list takes more room, so names read whole
            return max(usual, round(self.ctx.ui.window_resolution[0] * WIDE_LIST_SHARE))
        return usual

    def card_height(self) -> int:
        """A card holds the partner's name (two lines of it when the detail is one column) and its trust bar."""
        fonts = self.ctx.fonts
        small = fonts.regular(palette.SMALL).get_linesize()
        if self.one_column():  # two lines of name in the smaller bold, so two cards still fit at 200 %
            return max(CARD_HEIGHT, 2 * fonts.bold(palette.SMALL).get_linesize() + small + 20)
        return max(CARD_HEIGHT, fonts.bold(palette.BODY).get_linesize() + small + 24)

    def _message_top(self) -> int:
        return (self.ctx.ui.window_resolution[1] - self._button_height() - 24
                - self.ctx.fonts.regular(palette.BODY).get_linesize())

    def visible_cards(self) -> int:
        room = self._message_top() - 8 - self._top() - self.ctx.fonts.regular(palette.SMALL).get_linesize()
        return max(1, room // (self.card_height() + 8))

    def first_card(self) -> int:
        """The list scrolls so the chosen partner is always on screen."""
        return max(0, self.selected - self.visible_cards() + 1)

    def list_detail(self, list_width: int) -> ListDetail:
        """The partner cards on the left, `list_width` wide; the chosen partner's panel right of them, down to the
        message above the buttons."""
        size = self.ctx.ui.window_resolution
        return ListDetail.beside(size, margin=MARGIN, top=self._top(), bottom=size[1] - self._message_top() + 8,
                                 list_width=list_width, gap=24)

    def card_rect(self, index: int) -> pygame.Rect:
        return self.list_detail(self._list_width()).row(index - self.first_card(), self.card_height(), gap=8)

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        colours = self.ctx.palette
        fonts = self.ctx.fonts
        surface.fill(colours.sky)
        tr = self.ctx.tr
        name = draw_text(surface, tr("Partners"), fonts.bold(palette.HEADING), colours.text, (MARGIN, 22))
        count = len(self.snapshot.partners)
        # Two literal lines (not one chosen inside the call), so the template tool collects both.
        day_number = f"{self.snapshot.day:.0f}"
        day = (tr("Day {day} · {count} partner in this level", day=day_number, count=count) if count == 1
               else tr("Day {day} · {count} partners in this level", day=day_number, count=count))
        body = fonts.regular(palette.BODY)
        draw_text(surface, fit_text(day, body, surface.get_width() - 2 * MARGIN - name.width - 24), body,
                  colours.text_dim, (surface.get_width() - MARGIN, name.centery), anchor="midright")
        if not self.snapshot.partners:
            draw_text(surface, tr("No partners take part in this level."), fonts.regular(palette.LARGE), colours.text,
                      (MARGIN, TOP))
            return
        first = self.first_card()
        shown = self.snapshot.partners[first:first + self.visible_cards()]
        for index, view in enumerate(shown, start=first):
            self._draw_card(surface, self.card_rect(index), view, index == self.selected)
        if first > 0 or first + len(shown) < len(self.snapshot.partners):
            more = tr("{first}-{last} of {count} · Up/Down for more", first=first + 1, last=first + len(shown),
                      count=len(self.snapshot.partners))
            draw_text(surface, more, fonts.regular(palette.SMALL), colours.text_dim,
                      (MARGIN, self.card_rect(first + len(shown)).y))
        chosen = self.partner
        if chosen is not None:
            if self.one_column():
                self._draw_one_column(surface, self.detail_rect(), chosen)
            else:
                self._draw_detail(surface, self.detail_rect(), chosen)
        if self.message:
            font = fonts.regular(palette.BODY)
            text = fit_text(self.message, font, surface.get_width() - 2 * MARGIN)
            draw_text(surface, text, font, colours.accent, (MARGIN, self._message_top()))

    def _draw_card(self, surface: pygame.Surface, card: pygame.Rect, view: PartnerView, selected: bool) -> None:
        colours = self.ctx.palette
        fonts = self.ctx.fonts
        pygame.draw.rect(surface, colours.panel_raised if selected else colours.panel, card, border_radius=8)
        pygame.draw.rect(surface, colours.focus if selected else colours.panel_edge, card, 3 if selected else 1,
                         border_radius=8)
        name_font, small = fonts.bold(palette.BODY), fonts.regular(palette.SMALL)
        if self.one_column():  # large text: the name across the card on two lines, a small emblem by the trust
            bottom = draw_paragraph(surface, view.name, fonts.bold(palette.SMALL), colours.text,
                                    (card.x + 12, card.y + 8), card.width - 22, max_lines=2)
            radius = small.get_linesize() // 2
            draw_emblem(surface, (card.x + 12 + radius, bottom + 2 + radius), radius, view.emblem_colour, view.name,
                        fonts.bold(palette.SMALL))
            x = card.x + 2 * radius + 24
            draw_trust_bar(surface, pygame.Rect(x, bottom + 2 + radius - (small.get_linesize() - 6) // 2,
                                                card.right - x - 10, small.get_linesize() - 6),
                           view.trust, small, colours, self.ctx.tr)
            return
        radius = min(scaled_px(28, self.ctx.fonts.scale), card.height // 2 - 6)
        draw_emblem(surface, (card.x + 12 + radius, card.centery), radius, view.emblem_colour, view.name,
                    fonts.bold(palette.SMALL))
        x = card.x + 2 * radius + 24
        name = draw_text(surface, fit_text(view.name, name_font, card.right - x - 10), name_font, colours.text,
                         (x, card.y + 8))
        draw_trust_bar(surface, pygame.Rect(x, name.bottom + 2, card.right - x - 10, small.get_linesize() - 6),
                       view.trust, small, colours, self.ctx.tr)

    def _draw_detail(self, surface: pygame.Surface, panel: pygame.Rect, view: PartnerView) -> None:
        """The chosen partner: who, how they stand, what they want; sections flow by line height and stop at
        the panel's foot, so a large UI scale shows less rather than overflowing."""
        colours = self.ctx.palette
        fonts = self.ctx.fonts
        tr = self.ctx.tr
        pygame.draw.rect(surface, colours.panel, panel, border_radius=10)
        small, body = fonts.regular(palette.SMALL), fonts.regular(palette.BODY)
        radius = scaled_px(38, self.ctx.fonts.scale)
        draw_emblem(surface, (panel.x + 14 + radius, panel.y + 14 + radius), radius, view.emblem_colour, view.name,
                    fonts.bold(palette.BODY))
        x = panel.x + 2 * radius + 32
        title = fonts.bold(palette.LARGE)
        y = draw_text(surface, fit_text(view.name, title, panel.right - x - 16), title, colours.text,
                      (x, panel.y + 14)).bottom
        y = draw_text(surface, fit_text(status_line(view, tr), body, panel.right - x - 16), body, colours.text_dim,
                      (x, y)).bottom
        talks = (tr("Talks open · patience {left} of {patience} rounds", left=view.rounds_left,
                    patience=view.patience) if view.talks_open else tr("Talks closed for now"))
        y = draw_text(surface, fit_text(talks, body, panel.right - x - 16), body,
                      colours.accent if view.talks_open else colours.text_dim, (x, y)).bottom
        y = max(y, panel.y + 28 + 2 * radius) + 4
        bar = pygame.Rect(panel.x + 20, y, min(scaled_px(420, self.ctx.fonts.scale), panel.width - 40),
                          body.get_linesize() - 6)
        draw_trust_bar(surface, bar, view.trust, body, colours, tr)
        y += body.get_linesize() + 10

        column = (panel.width - 60) // 2
        left = pygame.Rect(panel.x + 20, y, column, panel.bottom - 14 - y)
        right = pygame.Rect(left.right + 20, left.y, column, left.height)
        heading = fonts.bold(palette.BODY)
        line = small.get_linesize()

        def section(title: str, top: int, box: pygame.Rect, colour: pygame.Color) -> int | None:
            """Draws a section heading; None when not even it and one line fit above the box's foot."""
            if top + heading.get_linesize() + line > box.bottom:
                return None
            return draw_text(surface, fit_text(title, heading, box.width), heading, colour, (box.x, top)).bottom

        def paragraph(text: str, top: int, box: pygame.Rect, most: int, reserve: int = 0) -> int:
            room = min(most, (box.bottom - reserve - top) // line)
            if room < 1:
                return top
            return draw_paragraph(surface, text, small, colours.text_dim, (box.x, top), box.width, room)

        y = left.y
        top = section(tr("What they care for"), y, left, colours.text)
        if top is not None:
            chart_height = min(len(view.interests) * line, left.bottom - top)
            draw_interest_chart(surface, pygame.Rect(left.x, top, left.width, chart_height), view.interests, small,
                                colours, tr)
            y = top + chart_height + 8
            top = section(tr("They can bring"), y, left, colours.text)
            if top is not None:
                brings = "; ".join(tr(capability) for capability in view.capabilities)
                y = paragraph(brings or tr("Nothing listed."), top, left, 3) + 6
                top = section(tr("They ask for"), y, left, colours.text)
                if top is not None:
                    asks = ", ".join(tr(ASK_WORDS.get(ask, ask)) for ask in view.asks) or tr("Nothing in particular.")
                    paragraph(asks, top, left, 2)

        source_line = line + 4  # the source stays at the foot of the right column
        y = right.y
        top = section(tr("Who they are"), y, right, colours.text)
        if top is not None:
            y = paragraph(view.profile, top, right, 4, source_line) + 6
            if view.constraints:
                top = section(tr("Rules that bind them"), y, right, colours.broken)
                if top is not None:
                    y = paragraph(" ".join(view.constraints), top, right, 3, source_line) + 6
            top = section(tr("History"), y, right, colours.text)
            if top is not None:
                y = top
                history = list(view.history[-3:]) or [tr("Nothing yet: consult them, share data or negotiate.")]
                for entry in reversed(history):
                    before = y
                    y = paragraph(tr(entry), y, right, 2, source_line)
                    if y == before:
                        break
        if view.sources and right.height > 2 * line:
            source = fit_text(tr("Source: {source}", source=view.sources[0]), small, right.width)
            draw_text(surface, source, small, colours.text_dim, (right.x, right.bottom - line))


    # --- the detail as one scrolling column, where two columns would cut or drop sections -----------

    def _usual_list_width(self) -> int:
        return min(scaled_px(LIST_WIDTH, self.ctx.fonts.scale), self.ctx.ui.window_resolution[0] * 3 // 10)

    def detail_rect(self) -> pygame.Rect:
        """The chosen partner's panel, right of the list."""
        return self.list_detail(self._list_width()).detail

    def one_column(self) -> bool:
        """True when, for some partner of the level, the two-column detail would cut a line or leave a section out
        (large text or a small window): then every partner's detail is one column that scrolls, and the list is
        wider. Decided for all partners at once, so the layout does not jump as the player moves down the list."""
        key = (self.ctx.ui.window_resolution, self.ctx.fonts.scale, self.ctx.language)
        if self._one_column is not None and self._one_column[0] == (key, id(self.snapshot)):
            return self._one_column[1]
        panel = self.list_detail(self._usual_list_width()).detail
        answer = not all(self.two_columns_fit(view, panel) for view in self.snapshot.partners)
        self._one_column = ((key, id(self.snapshot)), answer)
        return answer

    def two_columns_fit(self, view: PartnerView, panel: pygame.Rect) -> bool:
        """Whether `_draw_detail` shows all of `view` in `panel`: the header uncut, every section with its usual
        number of lines, and the newest history entry (older ones may give way, as they always have)."""
        fonts = self.ctx.fonts
        tr = self.ctx.tr
        small, body, heading = fonts.regular(palette.SMALL), fonts.regular(palette.BODY), fonts.bold(palette.BODY)
        radius = scaled_px(38, self.ctx.fonts.scale)
        x = panel.x + 2 * radius + 32
        talks = (tr("Talks open · patience {left} of {patience} rounds", left=view.rounds_left,
                    patience=view.patience) if view.talks_open else tr("Talks closed for now"))
        header = [(view.name, fonts.bold(palette.LARGE)), (status_line(view, tr), body), (talks, body)]
        if any(font.size(text)[0] > panel.right - x - 16 for text, font in header):
            return False
        y = panel.y + 14 + sum(font.get_height() for _, font in header)
        y = max(y, panel.y + 28 + 2 * radius) + 4 + body.get_linesize() + 10
        column = (panel.width - 60) // 2
        bottom = panel.bottom - 14
        line = small.get_linesize()

        def section(top: int, texts: list[str], most: int, foot: int) -> int | None:
            """The y below a heading and its first `most` lines, or None when they do not all fit above `foot`."""
            if top + heading.get_linesize() + line > bottom:
                return None
            top += heading.get_height()
            needed = min(most, len(wrap_text(" ".join(texts), small, column))) if texts else 0
            return top + needed * line if needed <= (foot - top) // line else None

        brings = "; ".join(tr(capability) for capability in view.capabilities) or tr("Nothing listed.")
        asks = ", ".join(tr(ASK_WORDS.get(ask, ask)) for ask in view.asks) or tr("Nothing in particular.")
        left: int | None = section(y, [], 0, bottom)
        if left is None or left + len(view.interests) * line > bottom:
            return False
        left = section(left + len(view.interests) * line + 8, [brings], 3, bottom)
        left = section(left + 6, [asks], 2, bottom) if left is not None else None
        source_foot = bottom - (line + 4)
        right: int | None = section(y, [view.profile], 4, source_foot)
        if right is not None and view.constraints:
            right = section(right + 6, list(view.constraints), 3, source_foot)
        newest = [tr(view.history[-1])] if view.history else [tr("Nothing yet: consult them, share data or negotiate.")]
        right = section(right + 6, newest, 2, source_foot) if right is not None else None
        return left is not None and right is not None

    def detail_lines(self, view: PartnerView, width: int) -> list[DetailLine]:
        """Every line of `view`'s detail, wrapped to `width`: standing, each section in full, all sources."""
        colours = self.ctx.palette
        fonts = self.ctx.fonts
        tr = self.ctx.tr
        small, body, heading = fonts.regular(palette.SMALL), fonts.regular(palette.BODY), fonts.bold(palette.BODY)
        lines: list[DetailLine] = []

        def words(text: str, font: pygame.font.Font, colour: pygame.Color, gap: int = 0) -> None:
            for number, row in enumerate(wrap_text(text, font, width)):
                lines.append(DetailLine(font.get_linesize(), gap if number == 0 else 0, row, font, colour))

        def section(title: str, colour: pygame.Color | None = None) -> None:
            words(title, heading, colour or colours.text, 10)

        # The name, emblem and trust are on the chosen card beside it, whole (two lines of name): not repeated
        # here, so at 200 % the first page reaches what they care for.
        words(status_line(view, tr), body, colours.text_dim)
        talks = (tr("Talks open · patience {left} of {patience} rounds", left=view.rounds_left,
                    patience=view.patience) if view.talks_open else tr("Talks closed for now"))
        words(talks, body, colours.accent if view.talks_open else colours.text_dim)
        section(tr("What they care for"))
        lines.extend(DetailLine(small.get_linesize(), interest=pair) for pair in view.interests)
        section(tr("They can bring"))
        words("; ".join(tr(capability) for capability in view.capabilities) or tr("Nothing listed."), small,
              colours.text_dim)
        section(tr("They ask for"))
        words(", ".join(tr(ASK_WORDS.get(ask, ask)) for ask in view.asks) or tr("Nothing in particular."), small,
              colours.text_dim)
        section(tr("Who they are"))
        words(view.profile, small, colours.text_dim)
        if view.constraints:
            section(tr("Rules that bind them"), colours.broken)
            words(" ".join(view.constraints), small, colours.text_dim)
        section(tr("History"))
        history = list(reversed(view.history)) or [tr("Nothing yet: consult them, share data or negotiate.")]
        for number, entry in enumerate(history):  # newest first, every entry the partner keeps
            words(tr(entry), small, colours.text_dim, 4 if number else 0)
        for number, source in enumerate(view.sources):
            words(tr("Source: {source}", source=source), small, colours.text_dim, 10 if number == 0 else 2)
        return lines

    def detail_layout(self) -> DetailScroll:
        """The chosen partner's one-column detail, scrolled to `detail_scroll`."""
        view = self.partner
        panel = self.detail_rect()
        small = self.ctx.fonts.regular(palette.SMALL)
        bar_width = scaled_px(8, self.ctx.fonts.scale)
        inner = panel.inflate(-40, -28)
        area = pygame.Rect(inner.x, inner.y, inner.width - bar_width - 12, inner.height)
        lines = tuple(self.detail_lines(view, area.width)) if view is not None else ()

        def fitting(first: int, room: int) -> int:
            """How many lines from `first` fit in `room` pixels (the first one's gap is not needed)."""
            used = count = 0
            for line in lines[first:]:
                used += line.height + (line.gap if count else 0)
                if used > room:
                    break
                count += 1
            return count

        if fitting(0, area.height) >= len(lines):
            return DetailScroll(area, lines, 0, len(lines), 0, None, "")
        area.height = max(0, inner.height - small.get_linesize() - 4)  # one line at the foot says where the reader is
        last_first = next((first for first in range(len(lines)) if fitting(first, area.height) >= len(lines) - first),
                          len(lines) - 1)
        first = max(0, min(self.detail_scroll, last_first))
        shown = fitting(first, area.height)
        track = pygame.Rect(inner.right - bar_width, area.y, bar_width, area.height)
        thumb = track.copy()
        thumb.height = max(scaled_px(16, self.ctx.fonts.scale), track.height * shown // max(1, len(lines)))
        thumb.y = track.y + (track.height - thumb.height) * first // max(1, last_first)
        where = self.ctx.tr("lines {first}-{last} of {count} · PgUp/PgDn", first=first + 1, last=first + shown,
                            count=len(lines))
        return DetailScroll(area, lines, first, shown, last_first, (track, thumb.clip(track)), where)

    def scroll_detail(self, lines: int) -> None:
        """Moves the one-column detail by `lines` (down when positive), never past either end; the two-column
        layout shows everything and does not scroll."""
        if not self.one_column():
            return
        layout = self.detail_layout()
        self.detail_scroll = max(0, min(layout.first + lines, layout.last_first))

    def detail_page(self) -> int:
        """PgUp/PgDn move by a panel of lines less one, so the reader keeps their place."""
        return max(1, self.detail_layout().shown - 1)

    def _draw_one_column(self, surface: pygame.Surface, panel: pygame.Rect, view: PartnerView) -> None:
        colours = self.ctx.palette
        small = self.ctx.fonts.regular(palette.SMALL)
        pygame.draw.rect(surface, colours.panel, panel, border_radius=10)
        layout = self.detail_layout()
        area = layout.area
        clip = surface.get_clip()
        surface.set_clip(area)  # a line wider than the panel (a long address) never draws over its edge
        try:
            y = area.y
            for count, line in enumerate(layout.lines[layout.first:layout.first + layout.shown]):
                y += line.gap if count else 0
                if line.interest is not None:
                    draw_interest_chart(surface, pygame.Rect(area.x, y, area.width, line.height), [line.interest],
                                        small, colours, self.ctx.tr)
                elif line.font is not None and line.colour is not None:
                    draw_text(surface, fit_text(line.text, line.font, area.width), line.font, line.colour, (area.x, y))
                y += line.height
        finally:
            surface.set_clip(clip)
        if layout.scroll is not None:
            track, thumb = layout.scroll
            pygame.draw.rect(surface, colours.panel_edge, track, border_radius=4)
            pygame.draw.rect(surface, colours.accent, thumb, border_radius=4)
            draw_text(surface, fit_text(layout.where, small, panel.width - 40), small, colours.text_dim,
                      (area.x, panel.bottom - 14), anchor="bottomleft")
