"""Drawing the partner roster: the title and day, the partner cards, the chosen partner's detail (two columns, or
one that scrolls) and the message line, where `roster_layout` puts them. Only reads the scene."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.message import list_text, say_n
from game.render import palette
from game.render.card import draw_card
from game.render.fonts import scaled_px
from game.render.partner_bars import draw_interest_chart, draw_trust_bar
from game.render.partner_emblem import draw_emblem
from game.render.text import draw_paragraph, draw_text, fit_text
from game.scenes.context import SceneContext
from game.scenes.partners.roster_layout import (
    ASK_WORDS,
    MARGIN,
    TOP,
    RosterLayout,
    capabilities_text,
    status_line,
    talks_line,
)

if TYPE_CHECKING:
    from game.scenes.partners.roster import PartnerRosterScene
    from game.simulation.views import PartnerView


def draw(surface: pygame.Surface, scene: PartnerRosterScene) -> None:
    ctx, layout = scene.ctx, scene.layout()
    colours = ctx.palette
    fonts = ctx.fonts
    surface.fill(colours.sky)
    tr = ctx.tr
    name = draw_text(surface, tr("Partners"), fonts.bold(palette.HEADING), colours.text, (MARGIN, 22))
    count = len(scene.snapshot.partners)
    day = tr(say_n("Day {day} · {count} partner in this level", "Day {day} · {count} partners in this level", count,
                   day=round(scene.snapshot.day)))
    body = fonts.regular(palette.BODY)
    draw_text(surface, fit_text(day, body, surface.get_width() - 2 * MARGIN - name.width - 24), body,
              colours.text_dim, (surface.get_width() - MARGIN, name.centery), anchor="midright")
    if not scene.snapshot.partners:
        draw_text(surface, tr("No partners take part in this level."), fonts.regular(palette.LARGE), colours.text,
                  (MARGIN, TOP))
        return
    first = layout.first_card()
    shown = scene.snapshot.partners[first:first + layout.visible_cards()]
    for index, view in enumerate(shown, start=first):
        _draw_card(surface, ctx, layout, layout.card_rect(index), view, index == scene.selected)
    if first > 0 or first + len(shown) < len(scene.snapshot.partners):
        more = tr("{first}-{last} of {count} · Up/Down for more", first=first + 1, last=first + len(shown),
                  count=len(scene.snapshot.partners))
        draw_text(surface, more, fonts.regular(palette.SMALL), colours.text_dim,
                  (MARGIN, layout.card_rect(first + len(shown)).y))
    chosen = scene.partner
    if chosen is not None:
        if layout.one_column():
            _draw_one_column(surface, ctx, layout, layout.detail_rect(), chosen)
        else:
            _draw_detail(surface, ctx, layout.detail_rect(), chosen)
    if scene.message:
        font = fonts.regular(palette.BODY)
        text = fit_text(scene.message, font, surface.get_width() - 2 * MARGIN)
        draw_text(surface, text, font, colours.accent, (MARGIN, layout.message_top()))


def _draw_card(surface: pygame.Surface, ctx: SceneContext, layout: RosterLayout, card: pygame.Rect, view: PartnerView,
               selected: bool) -> None:
    colours = ctx.palette
    fonts = ctx.fonts
    draw_card(surface, colours, card, selected)
    name_font, small = fonts.bold(palette.BODY), fonts.regular(palette.SMALL)
    if layout.one_column():  # large text: the name across the card on two lines, a small emblem by the trust
        bottom = draw_paragraph(surface, view.name, fonts.bold(palette.SMALL), colours.text,
                                (card.x + 12, card.y + 8), card.width - 22, max_lines=2)
        radius = small.get_linesize() // 2
        draw_emblem(surface, (card.x + 12 + radius, bottom + 2 + radius), radius, view.emblem_colour, view.name,
                    fonts.bold(palette.SMALL))
        x = card.x + 2 * radius + 24
        draw_trust_bar(surface, pygame.Rect(x, bottom + 2 + radius - (small.get_linesize() - 6) // 2,
                                            card.right - x - 10, small.get_linesize() - 6),
                       view.trust, small, colours, ctx.tr)
        return
    radius = min(scaled_px(28, ctx.fonts.scale), card.height // 2 - 6)
    draw_emblem(surface, (card.x + 12 + radius, card.centery), radius, view.emblem_colour, view.name,
                fonts.bold(palette.SMALL))
    x = card.x + 2 * radius + 24
    name = draw_text(surface, fit_text(view.name, name_font, card.right - x - 10), name_font, colours.text,
                     (x, card.y + 8))
    draw_trust_bar(surface, pygame.Rect(x, name.bottom + 2, card.right - x - 10, small.get_linesize() - 6),
                   view.trust, small, colours, ctx.tr)


def _draw_detail(surface: pygame.Surface, ctx: SceneContext, panel: pygame.Rect, view: PartnerView) -> None:
    """The chosen partner: who, how they stand, what they want; sections flow by line height and stop at
    the panel's foot, so a large UI scale shows less rather than overflowing."""
    colours = ctx.palette
    fonts = ctx.fonts
    tr = ctx.tr
    pygame.draw.rect(surface, colours.panel, panel, border_radius=10)
    small, body = fonts.regular(palette.SMALL), fonts.regular(palette.BODY)
    radius = scaled_px(38, ctx.fonts.scale)
    draw_emblem(surface, (panel.x + 14 + radius, panel.y + 14 + radius), radius, view.emblem_colour, view.name,
                fonts.bold(palette.BODY))
    x = panel.x + 2 * radius + 32
    title = fonts.bold(palette.LARGE)
    y = draw_text(surface, fit_text(view.name, title, panel.right - x - 16), title, colours.text,
                  (x, panel.y + 14)).bottom
    y = draw_text(surface, fit_text(status_line(view, tr), body, panel.right - x - 16), body, colours.text_dim,
                  (x, y)).bottom
    talks = talks_line(view, tr)
    y = draw_text(surface, fit_text(talks, body, panel.right - x - 16), body,
                  colours.accent if view.talks_open else colours.text_dim, (x, y)).bottom
    y = max(y, panel.y + 28 + 2 * radius) + 4
    bar = pygame.Rect(panel.x + 20, y, min(scaled_px(420, ctx.fonts.scale), panel.width - 40),
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
    top = section(tr("What they care for (game values)"), y, left, colours.text)
    if top is not None:
        chart_height = min(len(view.interests) * line, left.bottom - top)
        draw_interest_chart(surface, pygame.Rect(left.x, top, left.width, chart_height), view.interests, small,
                            colours, tr)
        y = top + chart_height + 8
        top = section(tr("They can bring"), y, left, colours.text)
        if top is not None:
            brings = capabilities_text(view, tr)
            y = paragraph(brings or tr("Nothing listed."), top, left, 3) + 6
            top = section(tr("They ask for"), y, left, colours.text)
            if top is not None:
                asks = tr(list_text(tr(ASK_WORDS.get(ask, ask)) for ask in view.asks)) or tr("Nothing in particular.")
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


def _draw_one_column(surface: pygame.Surface, ctx: SceneContext, layout: RosterLayout, panel: pygame.Rect,
                     view: PartnerView) -> None:
    colours = ctx.palette
    small = ctx.fonts.regular(palette.SMALL)
    pygame.draw.rect(surface, colours.panel, panel, border_radius=10)
    scroll = layout.detail_layout()
    area = scroll.area
    clip = surface.get_clip()
    surface.set_clip(area)  # a line wider than the panel (a long address) never draws over its edge
    try:
        y = area.y
        for count, line in enumerate(scroll.lines[scroll.first:scroll.first + scroll.shown]):
            y += line.gap if count else 0
            if line.interest is not None:
                draw_interest_chart(surface, pygame.Rect(area.x, y, area.width, line.height), [line.interest],
                                    small, colours, ctx.tr)
            elif line.font is not None and line.colour is not None:
                draw_text(surface, fit_text(line.text, line.font, area.width), line.font, line.colour, (area.x, y))
            y += line.height
    finally:
        surface.set_clip(clip)
    if scroll.scroll is not None:
        track, thumb = scroll.scroll
        pygame.draw.rect(surface, colours.panel_edge, track, border_radius=4)
        pygame.draw.rect(surface, colours.accent, thumb, border_radius=4)
        # Right under the last line, at the right by the scroll bar it tells of: not read as the text's next line.
        draw_text(surface, fit_text(scroll.where, small, panel.width - 40), small, colours.text_dim,
                  (area.right, scroll.pager_top), anchor="topright")
