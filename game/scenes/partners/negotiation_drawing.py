"""Drawing the negotiation room: the partner's emblem, title, patience and trust, the terms with their steppers,
the reasoning panel, the answer and the key hints, where `negotiation_layout` puts them. Only reads the scene."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.render import palette
from game.render.fonts import scaled_px
from game.render.partner_bars import draw_trust_bar, draw_worth_bar
from game.render.partner_emblem import draw_emblem
from game.render.text import draw_paragraph, draw_text, fit_text
from game.rules.negotiation import Offer
from game.rules.points import signed_points
from game.scenes.context import SceneContext
from game.scenes.partners.negotiation_layout import MARGIN, TITLE_TOP, NegotiationLayout
from game.scenes.partners.terms import OFF_VALUES, TermRow

if TYPE_CHECKING:
    from game.scenes.partners.negotiation import NegotiationScene


def draw(surface: pygame.Surface, scene: NegotiationScene) -> None:
    ctx, layout, offer = scene.ctx, scene.layout(), scene.offer
    colours = ctx.palette
    fonts = ctx.fonts
    surface.fill(colours.sky)
    view = layout.view
    width = surface.get_width()
    radius = scaled_px(32, ctx.fonts.scale)
    draw_emblem(surface, (MARGIN + radius, TITLE_TOP + radius), radius, view.emblem_colour, view.name,
                fonts.bold(palette.BODY))
    left = layout.title_left()
    title = layout.title_layout()
    body = fonts.regular(palette.BODY)
    y = TITLE_TOP
    for line in title.lines:
        bottom = draw_text(surface, line, title.font, colours.text, (left, y)).bottom
        y += title.font.get_linesize()
    beside = layout.patience_beside_rect()
    if beside is not None:
        patience = _draw_patience(surface, ctx, layout, beside.topright)
        trust_right = width - MARGIN
    else:  # the title took the whole width: the patience shares the trust bar's line, its dots beside it
        patience = _draw_patience(surface, ctx, layout, (width - MARGIN, bottom), dots_beside=True)
        trust_right = patience.left - 16
    trust_width = min(scaled_px(380, ctx.fonts.scale), trust_right - left)
    draw_trust_bar(surface, pygame.Rect(left, bottom, trust_width, body.get_linesize() - 8),
                   view.trust, body, colours, ctx.tr)
    heading = fonts.bold(palette.LARGE)
    shown = layout.sides_shown()
    for side, rect in layout.heading_rects().items():
        words = ctx.tr("They give") if side == "they" else ctx.tr("You give")
        draw_text(surface, words, heading, colours.text if side in shown else colours.text_dim, rect.topleft)
        if len(shown) == 1 and side in shown:  # one side at a time: the headings read as tabs
            pygame.draw.line(surface, colours.accent, (rect.x, rect.bottom - 2), (rect.right, rect.bottom - 2), 3)
    rects = layout.row_rects()
    for index, (row, rect) in enumerate(zip(layout.rows, rects, strict=True)):
        if rect.h:
            _draw_row(surface, ctx, layout, offer, index, row, rect)
    more = layout.more_rows()
    if more:  # under the rows, where nothing else is drawn
        lowest = max(rect.bottom for rect in rects if rect.h)
        draw_text(surface, more, fonts.bold(palette.SMALL), colours.accent, (MARGIN, lowest + 4))
    _draw_reasoning(surface, ctx, layout)
    if layout.answer:
        answer = layout.answer_rect()
        draw_paragraph(surface, layout.answer_text(), body, colours.accent, answer.topleft, answer.width,
                       max_lines=layout.answer_lines())
    hint = ctx.tr("Up/Down choose a term · Left/Right change it · Enter propose · T take their terms · "
                  "Esc back")
    small = fonts.regular(palette.SMALL)
    draw_text(surface, fit_text(hint, small, width - 2 * MARGIN), small, colours.text_dim, layout.hint_rect().topleft)


def _draw_patience(surface: pygame.Surface, ctx: SceneContext, layout: NegotiationLayout, topright: tuple[int, int],
                   dots_beside: bool = False) -> pygame.Rect:
    """The patience in words with a dot per round, the dots under the words or (`dots_beside`) left of them."""
    colours = ctx.palette
    fonts = ctx.fonts
    view = layout.view
    label = layout.patience_label()
    rect = draw_text(surface, label, fonts.regular(palette.BODY), colours.text, topright, anchor="topright")
    dot = scaled_px(10, ctx.fonts.scale)
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


def _draw_row(surface: pygame.Surface, ctx: SceneContext, layout: NegotiationLayout, offer: Offer, index: int,
              row: TermRow, rect: pygame.Rect) -> None:
    colours = ctx.palette
    fonts = ctx.fonts
    focused = index == layout.cursor
    value = row.value(offer)
    on = value not in OFF_VALUES
    value = ctx.tr(value)
    pygame.draw.rect(surface, colours.panel_raised if focused else colours.panel, rect, border_radius=6)
    if focused:
        pygame.draw.rect(surface, colours.focus, rect, 3, border_radius=6)
    body = fonts.regular(palette.BODY)
    minus, plus = layout.stepper_rects(rect)
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


def _draw_reasoning(surface: pygame.Surface, ctx: SceneContext, layout: NegotiationLayout) -> None:
    colours = ctx.palette
    fonts = ctx.fonts
    evaluation = layout.evaluation
    reasoning = layout.reasoning_layout()
    pygame.draw.rect(surface, colours.panel, reasoning.box, border_radius=10)
    rect = reasoning.box.inflate(-16, -16)
    clip = surface.get_clip()
    surface.set_clip(rect)  # a large UI scale in a small window shows less, never draws over the answer
    try:
        large, bold, small = fonts.bold(palette.LARGE), fonts.bold(palette.BODY), fonts.regular(palette.SMALL)
        worth = ctx.tr("Worth to them: {worth} (game values)", worth=signed_points(evaluation.utility))
        verdict, colour = layout.verdict()
        if layout.short_header_used(rect.height):
            verdict_rows, worth_row = layout.short_header(rect.width)
            y = rect.y
            for row in verdict_rows:
                y = draw_text(surface, row, fonts.bold(palette.SMALL), colour, (rect.x, y)).bottom
            draw_text(surface, worth_row, small, colours.text, (rect.x, y))
        else:
            heading = draw_text(surface, fit_text(ctx.tr("Their reasoning"), large, rect.width), large,
                                colours.text, rect.topleft)
            worth_line = draw_text(surface, fit_text(worth, bold, rect.width), bold, colours.text,
                                   (rect.x, heading.bottom))
            bar = pygame.Rect(rect.x, worth_line.bottom + 6, rect.width, scaled_px(16, ctx.fonts.scale))
            draw_worth_bar(surface, bar, evaluation.utility, small, colours=colours, tr=ctx.tr)
            draw_text(surface, fit_text(verdict, bold, rect.width), bold, colour,
                      (rect.x, bar.bottom + 4 + small.get_linesize()))
        indent = small.size("+00 ")[0]
        for line in reasoning.lines:
            if line.prefix:
                draw_text(surface, line.prefix, small, line.colour, line.rect.topleft)
            draw_text(surface, line.words, small, line.colour, (line.rect.x + indent, line.rect.y))
        if reasoning.scroll is not None:
            track, thumb = reasoning.scroll
            pygame.draw.rect(surface, colours.panel_edge, track, border_radius=4)
            pygame.draw.rect(surface, colours.accent, thumb, border_radius=4)
            draw_text(surface, fit_text(reasoning.where, small, reasoning.area.width), small, colours.text_dim,
                      (track.left - 8, reasoning.pager_top), anchor="topright")  # by its scroll bar
    finally:
        surface.set_clip(clip)
