"""Drawing the campaign timeline: the heading, the line of years with the programme's stages, the milestones, the
levels' marks and cards, the chosen item's detail, and a note when cards are scrolled away, where
`timeline_layout` puts them. Only reads the scene."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pygame

from game.content.message import say_n
from game.content.text import translate
from game.content.ui_text import to_translate
from game.render import palette
from game.render.card import draw_card
from game.render.fonts import scaled_px
from game.render.palette import Palette
from game.render.text import draw_paragraph, draw_text, fit_text
from game.scenes.campaign.level_entries import LevelEntry
from game.scenes.campaign.timeline_items import TimelineItem
from game.scenes.campaign.timeline_layout import (
    FIRST_YEAR,
    LAST_YEAR,
    MARGIN,
    SPLIT_YEAR,
    TimelineLayout,
    today_line,
    x_of,
    year_labels,
)

if TYPE_CHECKING:
    from game.scenes.campaign.timeline import TimelineScene

KIND_COLOURS = {
    "agreement": pygame.Color("#ffc857"),
    "plan": pygame.Color("#c7a6ff"),
    "plan_change": pygame.Color("#ff9f40"),
    "partner": pygame.Color("#7ee0a0"),
    "mission": pygame.Color("#8cc8ff"),
    "stage": pygame.Color("#34415a"),
}
KIND_NAMES = {
    "agreement": to_translate("Agreement"),
    "plan": to_translate("Plan"),
    "plan_change": to_translate("The plan changes"),
    "partner": to_translate("Partners"),
    "mission": to_translate("Mission"),
    "stage": to_translate("Stage of the programme"),
}
STAGE_FILLS = (pygame.Color("#22324a"), pygame.Color("#2c2a46"), pygame.Color("#2a3a32"))


def draw(surface: pygame.Surface, scene: TimelineScene) -> None:
    ctx, layout = scene.ctx, scene.layout
    fonts, colours = ctx.fonts, ctx.palette
    surface.fill(colours.sky)
    size = surface.get_size()
    name = draw_text(surface, ctx.tr("Campaign"), fonts.bold(palette.HEADING), colours.text, (MARGIN - 20, 14))
    subtitle_font = fonts.regular(palette.BODY)
    room = size[0] - MARGIN - name.right - 24
    if room > 200:  # beside the heading while it fits; a large UI scale leaves the heading alone
        draw_text(surface, fit_text(ctx.tr("The real programme, 2021 to the 2040s, and your levels on it"),
                                    subtitle_font, room),
                  subtitle_font, colours.text_dim, (name.right + 24, name.centery + 2), anchor="midleft")
    _draw_axis(surface, scene, layout, size)
    for index, item in enumerate(scene.items):
        if not item.is_level:
            _draw_milestone(surface, scene, layout, index, item, size)
    for index, item in enumerate(scene.items):
        if item.level is not None:
            _draw_level(surface, scene, layout, index, item.level, size)
    _draw_detail(surface, scene, layout, size)
    if scene.problem:
        draw_paragraph(surface, scene.problem, fonts.regular(palette.SMALL), colours.broken,
                       (MARGIN - 20, layout.line_top - 12), size[0] - 2 * MARGIN, max_lines=1)
    _draw_more_cards(surface, scene, layout)


def _draw_more_cards(surface: pygame.Surface, scene: TimelineScene, layout: TimelineLayout) -> None:
    """Says so when level cards are scrolled out of sight (a large UI scale in a small window)."""
    ctx = scene.ctx
    hidden = [index for index, item in enumerate(scene.items) if item.is_level and not layout.item_rects[index].w]
    if not hidden:
        return
    shown = [rect for rect, item in zip(layout.item_rects, scene.items, strict=False) if item.is_level and rect.w]
    font = ctx.fonts.bold(palette.SMALL)
    top = min((rect.top for rect in shown), default=layout.axis_y)
    more = ctx.tr(say_n("{count} more level: Left/Right", "{count} more levels: Left/Right", len(hidden)))
    draw_text(surface, more, font, ctx.palette.accent,
              (surface.get_width() - MARGIN + 20, top - 4), anchor="bottomright")


def _stage_fill(number: int, colours: Palette) -> pygame.Color:
    # High contrast draws the bands as outlines on black; the soft fills would vanish on a projector.
    if colours.name.endswith("high_contrast"):
        return colours.panel_raised
    return STAGE_FILLS[number % len(STAGE_FILLS)]


def _draw_axis(surface: pygame.Surface, scene: TimelineScene, layout: TimelineLayout, size: tuple[int, int]) -> None:
    ctx = scene.ctx
    fonts, colours = ctx.fonts, ctx.palette
    axis = layout.axis_y
    left, right = x_of(dt.date(FIRST_YEAR, 1, 1), size), x_of(dt.date(LAST_YEAR, 12, 31), size)
    font = fonts.regular(palette.SMALL)
    band_height = font.get_linesize()
    titles: list[tuple[str, pygame.Rect, pygame.Color]] = []
    for number, stage in enumerate(scene.stages):
        band = layout.stage_band(stage.date, stage.end or stage.date, band_height)
        fill = _stage_fill(number, colours)
        pygame.draw.rect(surface, fill, band, border_radius=4)
        if colours.name.endswith("high_contrast"):
            pygame.draw.rect(surface, colours.panel_edge, band, 1, border_radius=4)
        titles.append((fit_text(translate(stage.title, ctx.language), font, band.width - 10), band, fill))
    now = x_of(scene.today, size)
    pygame.draw.rect(surface, colours.panel_raised, (left, axis - 4, now - left, 8))  # the past: solid
    pygame.draw.line(surface, colours.panel_edge, (now, axis), (right, axis), 2)  # the plans: a thin line
    mark = layout.mark_radius
    labels = year_labels(size, fonts, axis, mark)
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        x = x_of(dt.date(year, 1, 1), size)
        long_tick = year in (FIRST_YEAR, 2023, 2025) or (year % 5 == 0 and year > SPLIT_YEAR)
        pygame.draw.line(surface, colours.text_dim, (x, axis - 6), (x, axis + (12 if long_tick else 6)), 1)
    for year, rect in labels:
        draw_text(surface, str(year), font, colours.text_dim, rect.topleft)
    today_bottom = axis + mark + 2 + max(font.get_linesize(), font.get_height())  # below the years' labels
    for top, bottom in today_line(now, axis - 10 - band_height - 2, today_bottom + 4, labels):
        pygame.draw.line(surface, colours.accent, (now, top), (now, bottom), 2)
    draw_text(surface, ctx.tr("today"), font, colours.accent, (now - 4, today_bottom), anchor="topright")
    # The stage names go over the "today" line, each on its band's colour, so the line never cuts a word.
    for title, band, fill in titles:
        words = pygame.Rect((band.x + 6, 0), font.size(title))
        words.centery = band.centery
        pygame.draw.rect(surface, fill, words.inflate(6, 0).clip(band))
        draw_text(surface, title, font, colours.text, (band.x + 6, band.centery), anchor="midleft")


def _draw_milestone(surface: pygame.Surface, scene: TimelineScene, layout: TimelineLayout, index: int,
                    item: TimelineItem, size: tuple[int, int]) -> None:
    ctx = scene.ctx
    milestone = item.milestone
    assert milestone is not None
    rect = layout.item_rects[index]
    axis = layout.axis_y
    colour = KIND_COLOURS[milestone.kind]
    band_top = axis - 10 - ctx.fonts.regular(palette.SMALL).get_linesize()
    pygame.draw.line(surface, ctx.palette.panel_edge, (rect.centerx, rect.bottom),
                     (rect.centerx, band_top - 2), 1)
    if milestone.end is not None:  # a planned period: a bracket along the years it covers
        end_x = x_of(milestone.end, size)
        pygame.draw.line(surface, colour, (rect.centerx, rect.centery), (end_x, rect.centery), 2)
        pygame.draw.line(surface, colour, (end_x, rect.centery - 5), (end_x, rect.centery + 5), 2)
    draw_marker(surface, milestone.kind, rect, colour, filled=not milestone.planned)
    if index == scene.selected:
        pygame.draw.rect(surface, ctx.palette.focus, rect.inflate(10, 10), 3, border_radius=4)


def _draw_level(surface: pygame.Surface, scene: TimelineScene, layout: TimelineLayout, index: int, entry: LevelEntry,
                size: tuple[int, int]) -> None:
    """A numbered mark on the line at the level's date, and its card below; only the chosen one is joined."""
    ctx = scene.ctx
    scale = ctx.fonts.scale
    fonts, colours = ctx.fonts, ctx.palette
    card = layout.item_rects[index]
    axis = layout.axis_y
    x = layout.mark_x.get(index, x_of(scene.items[index].date, size))
    selected = index == scene.selected
    number = str(entry.campaign_order or "")
    mark = layout.mark_radius
    if selected and card.w:
        pygame.draw.line(surface, colours.focus, (x, axis), (card.centerx, card.top), 3)
    pygame.draw.circle(surface, colours.focus if selected else colours.text, (x, axis), mark)
    draw_text(surface, number, fonts.bold(palette.SMALL), colours.sky, (x, axis + 1), anchor="center")
    if not card.w:
        return  # its card is scrolled out of sight; the mark on the line stays
    draw_card(surface, colours, card, selected)
    small = fonts.regular(palette.SMALL)
    words = ctx.tr("Level {number}", number=number) + f"  ·  {scene.items[index].date.year}"
    head = draw_text(surface, fit_text(words, small, card.width - 24 - scaled_px(30, scale)),
                     small, colours.accent, (card.x + 12, card.y + 6))
    if entry.locked:
        lock = pygame.Rect(card.right - scaled_px(30, scale), card.y + 8,
                           scaled_px(18, scale), scaled_px(22, scale))
        draw_padlock(surface, lock, colours.text_dim)
    elif entry.best_score is not None:
        draw_text(surface, ctx.tr("WON"), fonts.bold(palette.SMALL), colours.good,
                  (card.right - 12, card.y + 6), anchor="topright")
    title_font = fonts.bold(palette.SMALL + 1)
    draw_paragraph(surface, entry.title, title_font, colours.text_dim if entry.locked else colours.text,
                   (card.x + 12, head.bottom + 2), card.width - 24, max_lines=layout.card_title_lines)


def _draw_detail(surface: pygame.Surface, scene: TimelineScene, layout: TimelineLayout, size: tuple[int, int]) -> None:
    """The chosen item in words, between the level cards and the buttons."""
    ctx = scene.ctx
    fonts, colours = ctx.fonts, ctx.palette
    item = scene.selected_item
    panel = layout.list_detail.detail
    body_font, title_font = fonts.regular(palette.SMALL), fonts.bold(palette.BODY + 2)
    # Short of room for the whole detail (150 % in a 1280 × 720 window), its title and one line still tell what
    # the chosen mark is, and why a level is locked: the panel was left out and the line said nothing at all.
    compact = panel.height < layout.detail_least_height
    if item is None or (compact and panel.height < title_font.get_linesize() + body_font.get_linesize() + 12):
        return
    pygame.draw.rect(surface, colours.panel, panel, border_radius=8)
    if colours.name.endswith("high_contrast"):
        pygame.draw.rect(surface, colours.panel_edge, panel, 1, border_radius=8)
    x, width = panel.x + 16, panel.width - 32
    language = ctx.language
    if item.milestone is not None:
        milestone = item.milestone
        kind = ctx.tr(KIND_NAMES[milestone.kind])
        if milestone.planned:
            kind = ctx.tr("{kind} (planned)", kind=kind)
        if milestone.unconfirmed:
            kind += " · " + ctx.tr("unconfirmed")
        head = f"{ctx.tr(milestone.date_text())}  ·  {kind}"
        title = translate(milestone.title, language)
        text = translate(milestone.text, language)
        foot = ctx.tr("Source: {source}", source=milestone.sources[0])
        if len(milestone.sources) > 1:
            foot += "  " + ctx.tr("(+{count} more in the encyclopedia)", count=len(milestone.sources) - 1)
    else:
        entry = item.level
        assert entry is not None
        head = f"{entry.date}  ·  " + ctx.tr("Campaign level")
        title = entry.title
        text = entry.summary
        foot = (ctx.tr("Locked: win '{level}' first.", level=entry.locked_by) if entry.locked
                else ctx.tr("Press Enter to open the briefing."))
    if compact:  # the title, then the date and kind of a milestone, or what a level asks of the player
        title_rect = draw_text(surface, fit_text(title, title_font, width), title_font, colours.text,
                               (x, panel.y + 6))
        line, colour = (head, colours.accent) if item.milestone is not None else (foot, colours.text_dim)
        draw_text(surface, fit_text(line, body_font, width), body_font, colour, (x, title_rect.bottom))
        return
    head_rect = draw_text(surface, fit_text(head, body_font, width), body_font, colours.accent, (x, panel.y + 8))
    title_rect = draw_text(surface, fit_text(title, title_font, width), title_font, colours.text,
                           (x, head_rect.bottom))
    foot_y = panel.bottom - body_font.get_linesize() - 6
    room = (foot_y - title_rect.bottom) // body_font.get_linesize()
    if room > 0:
        draw_paragraph(surface, text, body_font, colours.text, (x, title_rect.bottom), width, max_lines=room)
    draw_text(surface, fit_text(foot, body_font, width), body_font, colours.text_dim, (x, foot_y))

def draw_marker(surface: pygame.Surface, kind: str, rect: pygame.Rect, colour: pygame.Color, filled: bool) -> None:
    """A milestone's mark: its shape tells the kind without colour; a hollow mark is a plan, not yet done."""
    width = 0 if filled else 3
    cx, cy, r = rect.centerx, rect.centery, rect.width // 2
    if kind == "mission":
        pygame.draw.circle(surface, colour, (cx, cy), r, width)
    elif kind == "agreement":
        pygame.draw.polygon(surface, colour, [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)], width)
    elif kind == "plan_change":
        pygame.draw.polygon(surface, colour, [(cx, cy - r), (cx + r, cy + r), (cx - r, cy + r)], width)
    elif kind == "partner":
        pygame.draw.line(surface, colour, (cx - r + 2, cy - r), (cx - r + 2, cy + r), 3)
        pygame.draw.polygon(surface, colour, [(cx - r + 2, cy - r), (cx + r, cy - r // 2), (cx - r + 2, cy)], width)
    else:
        pygame.draw.rect(surface, colour, rect.inflate(-2, -2), width)


def draw_padlock(surface: pygame.Surface, rect: pygame.Rect, colour: pygame.Color) -> None:
    body = pygame.Rect(rect.x, rect.y + rect.height * 2 // 5, rect.width, rect.height * 3 // 5)
    shackle = pygame.Rect(rect.x + 3, rect.y, rect.width - 6, rect.height * 4 // 5)
    pygame.draw.ellipse(surface, colour, shackle, 3)
    pygame.draw.rect(surface, colour, body, border_radius=3)
