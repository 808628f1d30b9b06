"""Where each part of the partner roster goes: the partner cards down the left (a shared ListDetail), the chosen
partner's detail beside them in two columns, or as one column that scrolls when large text or a small window
would cut the two, the message line and the buttons. Pure: arithmetic on the window's size and the fonts'
measures, so tests can check it without a window; nothing here draws or changes the scene.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pygame

from game.content.message import list_text, say_n
from game.content.ui_text import ENGLISH, Translate, to_translate
from game.render import palette
from game.render.fonts import Fonts, scaled, scaled_px
from game.render.palette import Palette
from game.render.text import wrap_text
from game.scenes.layout_memo import once
from game.scenes.line_window import PAGER_GAP
from game.scenes.list_detail import ListDetail
from game.scenes.rich_text import format_date
from game.ui.button_words import button_font

if TYPE_CHECKING:
    from game.simulation.views import PartnerView

MARGIN = 32
TOP = 84
LIST_WIDTH = 360
CARD_HEIGHT = 84
BUTTON_HEIGHT = 50
BUTTON_GAP = 14
WIDE_LIST_SHARE = 0.4  # of the window, for the list when the detail is one scrolling column: whole names read
ASK_WORDS = {
    "data_share": to_translate("shared data"),
    "payload_mass": to_translate("payload mass"),
    "crew_seat": to_translate("a crew seat"),
    "host_module": to_translate("hosting their module"),
    "co_lead_domain": to_translate("co-leading a domain"),
}
KIND_WORDS = {"agency": to_translate("Space agency"), "country": to_translate("Country"),
              "organisation": to_translate("Organisation")}
# The buttons along the foot, in order, with their keys (left out when large text would not fit them all).
BUTTONS = (("back", to_translate("Back (Esc)")), ("negotiate", to_translate("Negotiate (N)")),
           ("consult", to_translate("Consult (C)")), ("share", to_translate("Share data (S)")),
           ("ledger", to_translate("Ledger (L)")))

def capabilities_text(view: PartnerView, tr: Translate = ENGLISH) -> str:
    """What the partner can bring, one clause each, separated as the language separates clauses ('; ', '；'): the
    clauses hold lists of their own, so a list pattern's commas would blur them."""
    clauses = [tr(capability) for capability in view.capabilities]
    return functools.reduce(lambda earlier, later: tr("{earlier}; {later}", earlier=earlier, later=later),
                            clauses) if clauses else ""


def status_line(view: PartnerView, tr: Translate = ENGLISH) -> str:
    """'Space agency · joined the real programme 17 July 2023 · not yet a member': the date is the real one, so it
    says so (a level set in 2021 would otherwise show a partner 'joined' in its future, yet not a member)."""
    joined = (tr("joined the real programme {date}", date=format_date(dt.date.fromisoformat(view.joined), tr))
              if view.joined else tr("joining date not recorded"))
    membership = tr("member") if view.member else tr("not yet a member")
    return f"{tr(KIND_WORDS.get(view.kind, view.kind))} · {joined} · {membership}"


def talks_line(view: PartnerView, tr: Translate) -> str:
    """'Talks open · patience 2 of 3 rounds (game value)', or that talks are closed."""
    if not view.talks_open:
        return tr("Talks closed for now")
    return tr(say_n("Talks open · patience {left} of {count} round (game value)",
                    "Talks open · patience {left} of {count} rounds (game value)", view.patience,
                    left=view.rounds_left))


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
    pager_top: int = 0  # the pager's top: right under the last line in view, so no empty line stands above it


class RosterLayout:
    """The roster laid out for one window size and text size, one snapshot of the partners, the chosen one and
    the detail's scroll. The scene makes a new one when any of those changes; each measure is worked out once."""

    def __init__(self, size: tuple[int, int], fonts: Fonts, tr: Translate, colours: Palette,
                 partners: Sequence[PartnerView], selected: int, detail_scroll: int):
        self.size = size
        self.fonts = fonts
        self.tr = tr
        self.colours = colours  # the detail's lines carry their colours
        self.partners = partners
        self.selected = selected
        self.detail_scroll = detail_scroll
        self._memo: dict[str, Any] = {}

    @property
    def button_height(self) -> int:
        return scaled(BUTTON_HEIGHT, min(self.fonts.scale, 1.5))  # room for the text, no taller

    def buttons(self) -> dict[str, tuple[pygame.Rect, str]]:
        """The buttons along the foot, sized to their words (the theme's 24 px bold, grown with the UI scale); they
        share a least width where it lets them all fit in the window, else each is as wide as its words."""
        width, height = self.size
        y = height - self.button_height - 16
        font = button_font(self.fonts)
        labels = [(name, self.tr(words)) for name, words in BUTTONS]
        if sum(font.size(text)[0] + 40 + BUTTON_GAP for _, text in labels) > width - 2 * MARGIN:
            labels = [(name, text.split(" (")[0]) for name, text in labels]
        least = scaled_px(150, self.fonts.scale)
        if sum(max(least, font.size(text)[0] + 40) + BUTTON_GAP for _, text in labels) > width - 2 * MARGIN:
            least = 0
        widths = [max(least, font.size(text)[0] + 40) for _, text in labels]
        room = width - 2 * MARGIN - BUTTON_GAP * (len(labels) - 1)
        if sum(widths) > room:  # a long language even without the hints: narrower buttons, never off the window
            widths = [button_width * room // sum(widths) for button_width in widths]
        buttons = {}
        x = MARGIN
        for (name, text), button_width in zip(labels, widths, strict=True):
            buttons[name] = (pygame.Rect(x, y, button_width, self.button_height), text)
            x += button_width + BUTTON_GAP
        return buttons

    @once
    def top(self) -> int:
        return max(TOP, 22 + self.fonts.bold(palette.HEADING).get_linesize() + 8)

    @once
    def list_width(self) -> int:
        usual = min(scaled_px(LIST_WIDTH, self.fonts.scale), self.size[0] * 3 // 10)
        if self.one_column():  # the detail scrolls anyway: the list takes more room, so names read whole
            return max(usual, round(self.size[0] * WIDE_LIST_SHARE))
        return usual

    @once
    def card_height(self) -> int:
        """A card holds the partner's name (two lines of it when the detail is one column) and its trust bar."""
        fonts = self.fonts
        small = fonts.regular(palette.SMALL).get_linesize()
        if self.one_column():  # two lines of name in the smaller bold, so two cards still fit at 200 %
            return max(CARD_HEIGHT, 2 * fonts.bold(palette.SMALL).get_linesize() + small + 20)
        return max(CARD_HEIGHT, fonts.bold(palette.BODY).get_linesize() + small + 24)

    @once
    def message_top(self) -> int:
        return (self.size[1] - self.button_height - 24
                - self.fonts.regular(palette.BODY).get_linesize())

    @once
    def visible_cards(self) -> int:
        room = self.message_top() - 8 - self.top() - self.fonts.regular(palette.SMALL).get_linesize()
        return max(1, room // (self.card_height() + 8))

    @once
    def first_card(self) -> int:
        """The list scrolls so the chosen partner is always on screen."""
        return max(0, self.selected - self.visible_cards() + 1)

    def list_detail(self, list_width: int) -> ListDetail:
        """The partner cards on the left, `list_width` wide; the chosen partner's panel right of them, down to the
        message above the buttons."""
        size = self.size
        return ListDetail.beside(size, margin=MARGIN, top=self.top(), bottom=size[1] - self.message_top() + 8,
                                 list_width=list_width, gap=24)

    def card_rect(self, index: int) -> pygame.Rect:
        return self.list_detail(self.list_width()).row(index - self.first_card(), self.card_height(), gap=8)

    @once
    def _usual_list_width(self) -> int:
        return min(scaled_px(LIST_WIDTH, self.fonts.scale), self.size[0] * 3 // 10)

    @once
    def detail_rect(self) -> pygame.Rect:
        """The chosen partner's panel, right of the list."""
        return self.list_detail(self.list_width()).detail

    @once
    def one_column(self) -> bool:
        """True when, for some partner of the level, the two-column detail would cut a line or leave a section out
        (large text or a small window): then every partner's detail is one column that scrolls, and the list is
        wider. Decided for all partners at once, so the layout does not jump as the player moves down the list."""
        panel = self.list_detail(self._usual_list_width()).detail
        return not all(self.two_columns_fit(view, panel) for view in self.partners)

    def two_columns_fit(self, view: PartnerView, panel: pygame.Rect) -> bool:
        """Whether `_draw_detail` shows all of `view` in `panel`: the header uncut, every section with its usual
        number of lines, and the newest history entry (older ones may give way, as they always have)."""
        fonts = self.fonts
        tr = self.tr
        small, body, heading = fonts.regular(palette.SMALL), fonts.regular(palette.BODY), fonts.bold(palette.BODY)
        radius = scaled_px(38, self.fonts.scale)
        x = panel.x + 2 * radius + 32
        talks = talks_line(view, tr)
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

        brings = capabilities_text(view, tr) or tr("Nothing listed.")
        asks = tr(list_text(tr(ASK_WORDS.get(ask, ask)) for ask in view.asks)) or tr("Nothing in particular.")
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
        colours = self.colours
        fonts = self.fonts
        tr = self.tr
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
        talks = talks_line(view, tr)
        words(talks, body, colours.accent if view.talks_open else colours.text_dim)
        section(tr("What they care for (game values)"))
        lines.extend(DetailLine(small.get_linesize(), interest=pair) for pair in view.interests)
        section(tr("They can bring"))
        words(capabilities_text(view, tr) or tr("Nothing listed."), small,
              colours.text_dim)
        section(tr("They ask for"))
        words(tr(list_text(tr(ASK_WORDS.get(ask, ask)) for ask in view.asks)) or tr("Nothing in particular."), small,
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

    @once
    def detail_layout(self) -> DetailScroll:
        """The chosen partner's one-column detail, scrolled to `detail_scroll`."""
        view = self.partners[self.selected] if self.partners else None
        panel = self.detail_rect()
        small = self.fonts.regular(palette.SMALL)
        bar_width = scaled_px(8, self.fonts.scale)
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
        thumb.height = max(scaled_px(16, self.fonts.scale), track.height * shown // max(1, len(lines)))
        thumb.y = track.y + (track.height - thumb.height) * first // max(1, last_first)
        where = self.tr("lines {first}-{last} of {count} · PgUp/PgDn", first=first + 1, last=first + shown,
                            count=len(lines))
        used = sum(line.height + (line.gap if count else 0) for count, line in enumerate(lines[first:first + shown]))
        return DetailScroll(area, lines, first, shown, last_first, (track, thumb.clip(track)), where,
                            area.y + used + PAGER_GAP)
