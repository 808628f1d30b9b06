"""Drawing the settings screen: the title and page number, each row's label (a heading, a folder, or a setting
beside its control), the focus, and the line under the rows. Only reads the scene."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.locale_format import Percent
from game.content.message import quantity_text
from game.content.ui_text import to_translate
from game.render import palette
from game.render.fonts import Fonts, scaled_px
from game.render.text import draw_text, fit_text, wrap_text
from game.scenes.menus.settings_layout import FOOTER_HEIGHT, MARGIN, SettingsLayout
from game.scenes.menus.settings_rows import FOOTER_BUTTONS, HOME_MODES, LOCKED_REASON, Row
from game.scenes.menus.settings_widgets import slider_percent

if TYPE_CHECKING:
    from game.scenes.menus.settings_screen import SettingsScene

HINT = to_translate("Up/Down choose  ·  Left/Right change  ·  Enter press or set a key  ·  Page Up/Down turn  ·  "
                    "Esc back")


def draw(surface: pygame.Surface, scene: SettingsScene) -> None:
    ctx = scene.ctx
    colours, fonts, tr = ctx.palette, ctx.fonts, ctx.tr
    layout = scene.layout
    surface.fill(colours.sky)
    width, height = surface.get_size()
    draw_text(surface, tr("Settings"), fonts.bold(palette.HEADING), colours.text, (MARGIN, scaled_px(20, layout.scale)))
    pages = scene.pages()
    if len(pages) > 1:  # between the "<" and ">" buttons
        previous, following = layout.page_buttons()
        draw_text(surface, tr("Page {page} of {pages}", page=scene.page + 1, pages=len(pages)),
                  fonts.regular(palette.SMALL), colours.text_dim,
                  ((previous.right + following.left) // 2, previous.centery), anchor="center")
    kind, focused = scene.focused
    label_font = fonts.regular(palette.BODY)
    for position, index in enumerate(pages[scene.page]):
        row = scene.rows[index]
        rect = layout.row_rect(position)
        if row.kind == "heading":
            draw_text(surface, tr(row.label), fonts.bold(palette.LARGE), colours.accent, (rect.left, rect.centery),
                      anchor="midleft")
            continue
        if row.kind == "folder":
            _draw_folder_row(surface, scene, row, rect)
            continue
        if row.kind == "locked":
            _draw_locked_row(surface, scene, row, rect)
            continue
        if kind == "row" and focused == index:
            pygame.draw.rect(surface, colours.panel_raised, rect.inflate(16, 4), border_radius=8)
            pygame.draw.rect(surface, colours.focus, rect.inflate(16, 4), 3, border_radius=8)
        control = layout.control_rect(rect)
        text = fit_text(tr(row.label), label_font, control.left - rect.left - 16)
        draw_text(surface, text, label_font, colours.text, (rect.left + 8, rect.centery), anchor="midleft")
        if row.kind == "slider":
            draw_text(surface, tr(quantity_text(Percent(slider_percent(scene.working, row) / 100))), label_font,
                      colours.text, (control.right - 4, rect.centery), anchor="midright")
    footer_top = height - scaled_px(FOOTER_HEIGHT, layout.scale)
    pygame.draw.line(surface, colours.panel_edge, (MARGIN, footer_top), (width - MARGIN, footer_top), 2)
    # One line under the rows: what just happened, or else which keys do what.
    message = scene.message
    if message:  # wrapped into the room beside the buttons, a size smaller when it needs to be
        font, lines = message_lines(message, fonts, layout)
        places = layout.message_places(font.get_linesize(), len(FOOTER_BUTTONS))
        for line, place in zip(lines, places, strict=False):
            draw_text(surface, line, font, colours.accent, place.topleft)
        return
    line_font = fonts.regular(palette.SMALL)
    line = whole_clauses(tr(HINT), line_font, width - 2 * MARGIN)
    draw_text(surface, fit_text(line, line_font, width - 2 * MARGIN), line_font, colours.text_dim,
              (MARGIN, footer_top + scaled_px(8, layout.scale)))


def message_lines(message: str, fonts: Fonts, layout: SettingsLayout) -> tuple[pygame.font.Font, list[str]]:
    """The message's font and its lines, one for each of the layout's places: the body size if it fits there,
    else the small one (the last line cut only if even that cannot hold it)."""
    for size in (palette.BODY, palette.SMALL):
        font = fonts.regular(size)
        lines = flow_text(message, font, [place.width for place in
                                          layout.message_places(font.get_linesize(), len(FOOTER_BUTTONS))])
        if lines is not None:
            return font, lines
    places = layout.message_places(font.get_linesize(), len(FOOTER_BUTTONS))
    lines = wrap_text(message, font, min(place.width for place in places))
    kept = lines[:len(places)]
    kept[-1] = fit_text(" ".join(lines[len(places) - 1:]), font, places[-1].width)
    return font, kept


def flow_text(text: str, font: pygame.font.Font, widths: list[int]) -> list[str] | None:
    """`text` broken into lines of the given widths in turn; None when it needs more lines than there are."""
    lines: list[str] = []
    rest = text.strip()
    for width in widths:
        if not rest:
            break
        line = wrap_text(rest, font, width)[0]
        if not rest.startswith(line):  # the breaking changed the text (spaces): flowing it on would lose words
            return None
        lines.append(line)
        rest = rest[len(line):].lstrip()
    return lines if not rest else None


def _draw_folder_row(surface: pygame.Surface, scene: SettingsScene, row: Row, rect: pygame.Rect) -> None:
    """A label and where it is; a long path keeps its end (the folder's own name) when it must be cut."""
    colours, tr = scene.ctx.palette, scene.ctx.tr
    label_font = scene.ctx.fonts.regular(palette.SMALL)
    label = tr(row.label)
    draw_text(surface, label, label_font, colours.text_dim, (rect.left + 8, rect.centery), anchor="midleft")
    room = rect.width - label_font.size(label)[0] - 32
    value = tr(row.key) if row.key in HOME_MODES.values() else row.key
    while len(value) > 4 and label_font.size(value)[0] > room:
        value = "…" + value[2:] if value.startswith("…") else "…" + value[1:]
    draw_text(surface, value, label_font, colours.text, (rect.right - 4, rect.centery), anchor="midright")


def _draw_locked_row(surface: pygame.Surface, scene: SettingsScene, row: Row, rect: pygame.Rect) -> None:
    """A setting the class fixes: its label greyed, and why it cannot be changed where its control would be."""
    colours, tr = scene.ctx.palette, scene.ctx.tr
    font = scene.ctx.fonts.regular(palette.BODY)
    control = scene.layout.control_rect(rect)
    draw_text(surface, fit_text(tr(row.label), font, control.left - rect.left - 16), font, colours.text_dim,
              (rect.left + 8, rect.centery), anchor="midleft")
    draw_text(surface, fit_text(tr(LOCKED_REASON), font, control.width), font, colours.text_dim,
              (control.right - 4, rect.centery), anchor="midright")
    pygame.draw.line(surface, colours.panel_edge, (control.left, rect.bottom - 2), (control.right, rect.bottom - 2), 1)


def whole_clauses(text: str, font: pygame.font.Font, width: int, separator: str = "  ·  ") -> str:
    """As many whole clauses of the key help as fit: at a large UI scale half a clause would say nothing."""
    clauses = text.split(separator)
    while len(clauses) > 1 and font.size(separator.join(clauses))[0] > width:
        clauses.pop()
    return separator.join(clauses)
