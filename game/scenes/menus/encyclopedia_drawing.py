"""Drawing the encyclopedia: the heading, the search box, the entries in view (the chosen one outlined, facts met
in play marked) and the key hints, where `encyclopedia_layout` puts them; the chosen entry's text is a widget.
Only reads the scene; an input method's composition shows underlined after the query."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.render import palette
from game.render.card import draw_card
from game.render.text import draw_text, fit_text
from game.scenes.menus.encyclopedia_entries import CATEGORY_NAMES, EncyclopediaEntry
from game.scenes.menus.encyclopedia_layout import MARGIN, EncyclopediaLayout

if TYPE_CHECKING:
    from game.scenes.menus.encyclopedia import EncyclopediaScene


def draw(surface: pygame.Surface, scene: EncyclopediaScene) -> None:
    ctx, layout = scene.ctx, scene.layout
    fonts, colours = ctx.fonts, ctx.palette
    surface.fill(colours.sky)
    scene.texts.draw(surface, ctx.tr("Encyclopedia"), palette.HEADING, colours.text, (MARGIN, 16), bold=True)
    _draw_search(surface, scene, layout)
    listing = layout.list_detail.list
    visible = scene.visible
    previous_clip = surface.get_clip()
    surface.set_clip(listing)
    step = layout.row_height
    first = max(0, scene.scroll // step)
    for index in range(first, min(len(visible), first + listing.height // step + 2)):  # only rows in view
        row = layout.row(index, scene.scroll)
        if row.colliderect(listing):
            _draw_row(surface, scene, row, visible[index], index == scene.selected)
    surface.set_clip(previous_clip)
    if not visible:
        draw_text(surface, ctx.tr("No entry matches."), fonts.regular(palette.BODY), colours.text_dim,
                  listing.topleft)
    if layout.hint is not None:  # beside Back, whole clauses on each line, centred on the foot
        line_height = fonts.regular(palette.SMALL).get_linesize()
        top = layout.hint.centery - len(layout.hint_lines) * line_height // 2
        for number, line in enumerate(layout.hint_lines):
            scene.texts.draw(surface, line, palette.SMALL, colours.text_dim,
                             (layout.hint.right, top + number * line_height), anchor="topright")


def _draw_search(surface: pygame.Surface, scene: EncyclopediaScene, layout: EncyclopediaLayout) -> None:
    ctx = scene.ctx
    fonts, colours = ctx.fonts, ctx.palette
    box = layout.search
    pygame.draw.rect(surface, colours.panel_raised, box, border_radius=8)
    pygame.draw.rect(surface, colours.focus if scene.query else colours.panel_edge, box, 2, border_radius=8)
    font = fonts.regular(palette.BODY)
    label = draw_text(surface, ctx.tr("Search:"), font, colours.text_dim, (box.x + 14, box.centery),
                      anchor="midleft")
    room = box.right - 16 - label.right - 10
    if scene.query or scene.composing:
        shown, composing = scene.query, scene.composing
        while (shown or len(composing) > 1) and font.size(shown + composing + "|")[0] > room:
            # keep the end of a long query in view, where the typing is
            shown, composing = (shown[1:], composing) if shown else (shown, composing[1:])
        typed = draw_text(surface, shown, font, colours.text, (label.right + 10, box.centery), anchor="midleft")
        if composing:  # underlined in the accent colour until the input method types it
            part = draw_text(surface, composing, font, colours.accent, (typed.right, box.centery), anchor="midleft")
            pygame.draw.line(surface, colours.accent, (part.left, part.bottom - 2), (part.right, part.bottom - 2), 2)
            typed = part
        draw_text(surface, "|", font, colours.text, (typed.right, box.centery), anchor="midleft")
    else:
        placeholder = colours.panel_edge.lerp(colours.text_dim, 0.5)
        draw_text(surface, fit_text(ctx.tr("type a word"), font, room), font, placeholder,
                  (label.right + 10, box.centery), anchor="midleft")


def _draw_row(surface: pygame.Surface, scene: EncyclopediaScene, row: pygame.Rect, entry: EncyclopediaEntry,
              selected: bool) -> None:
    ctx = scene.ctx
    colours = ctx.palette
    draw_card(surface, colours, row, selected, radius=6)
    texts = scene.texts
    badge = texts.draw(surface, ctx.tr(CATEGORY_NAMES[entry.category]), palette.SMALL, colours.accent,
                       (row.right - 12, row.y + 6), anchor="topright")
    if entry.fact_id in scene.facts_seen:
        met = texts.draw(surface, ctx.tr("met"), palette.SMALL, colours.good, (badge.left - 10, row.y + 6),
                         anchor="topright", bold=True)
        badge.x = met.x
    title_size = palette.SMALL + 1
    title = texts.draw(surface, texts.fit(entry.title, title_size, badge.left - row.x - 24, bold=True), title_size,
                       colours.text, (row.x + 12, row.y + 5), bold=True)
    texts.draw(surface, texts.fit(entry.subtitle, palette.SMALL, row.width - 24), palette.SMALL, colours.text_dim,
               (row.x + 12, title.bottom - 2))
