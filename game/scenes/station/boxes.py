"""Boxes drawn over the station screen's map and header: the status badge, the pause banner, the ghost, the reason
box, the overlay's legend and the hint."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.content.message import say_n
from game.content.ui_text import ENGLISH, Translate
from game.render import palette
from game.render.camera import Camera
from game.render.fonts import Fonts, scaled_px
from game.render.glyphs import draw_glyph
from game.render.overlays import OVERLAY_NAMES, LegendRow, draw_swatch, overlay_legend
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.pointer_box import EDGE, PointerBox, place_beside_pointer
from game.render.text import wrap_text
from game.render.text_cache import TextCache
from game.scenes.station.tools import GhostPreview
from game.ui.hints import Hint

REASON_OFFSET = 26
BOX_MARGIN = 12
SWATCH = (34, 22)
BADGE_HEIGHT = 46
REASON_WIDTH = 440
REASON_PADDING = (12, 8)  # around the reason box's words, at the sides and at the top and bottom
HINT_WIDTH = 460
SKY_MARK_PX = 20  # the Sun's or Earth's mark on the map's edge, rays and rim included (game/render/relief.py)
MIN_HINT_WIDTH = 300  # at 100 %: narrower than this, a hint reads badly, so it takes the width and the legend moves



def _badge_label(paused: bool, speed: int, tr: Translate) -> str:
    return tr("PAUSED") if paused else tr("RUNNING {speed}×", speed=speed)


def badge_size(text: TextCache, paused: bool, speed: int, tr: Translate = ENGLISH) -> tuple[int, int]:
    """The status badge's width and height, so the header can leave room for it."""
    scale = text.fonts.scale
    label = _badge_label(paused, speed, tr)
    return text.width(label, palette.BODY, bold=True) + scaled_px(64, scale), scaled_px(BADGE_HEIGHT, scale)


def draw_status_badge(surface: pygame.Surface, text: TextCache, paused: bool, speed: int, topright: tuple[int, int],
                      colours: Palette = STANDARD_PALETTE, tr: Translate = ENGLISH) -> pygame.Rect:
    """PAUSED in the accent colour, or RUNNING and the speed; returns its box."""
    image = text.render(_badge_label(paused, speed, tr), palette.BODY, colours.sky if paused else colours.text,
                        bold=True)
    box = pygame.Rect((0, 0), badge_size(text, paused, speed, tr))
    box.topright = topright
    pygame.draw.rect(surface, colours.accent if paused else colours.panel_raised, box, border_radius=8)
    pygame.draw.rect(surface, colours.accent, box, 2, border_radius=8)
    side = scaled_px(20, text.fonts.scale)
    icon = pygame.Rect(box.x + scaled_px(18, text.fonts.scale), box.centery - side // 2, side, side)
    ink = colours.sky if paused else colours.text
    if paused:
        bar = scaled_px(7, text.fonts.scale)
        pygame.draw.rect(surface, ink, (icon.x, icon.y, bar, icon.height))
        pygame.draw.rect(surface, ink, (icon.right - bar, icon.y, bar, icon.height))
    else:
        pygame.draw.polygon(surface, ink, [icon.topleft, icon.bottomleft, (icon.right, icon.centery)])
    surface.blit(image, image.get_rect(midleft=(icon.right + 10, box.centery)))
    return box


def draw_pause_banner(surface: pygame.Surface, view: pygame.Rect, text: TextCache, pause_key: str = "Space",
                      colours: Palette = STANDARD_PALETTE, tr: Translate = ENGLISH,
                      avoid: Sequence[pygame.Rect] = ()) -> None:
    """PAUSED at the top of the map; left out where it would cover a box in `avoid` (the header's badge and
    the footer still say time is stopped)."""
    title = text.render(tr("PAUSED"), palette.HEADING, colours.accent, bold=True)
    hint = text.render(tr("Press {key} to run time", key=pause_key), palette.BODY, colours.text)
    box = pygame.Rect(0, 0, max(title.get_width(), hint.get_width()) + 60, title.get_height() + hint.get_height() + 26)
    # Below the Sun's and Earth's marks and their two labels, which stand on the map's top edge when the Sun
    # and Earth are on the map's top side (at every level's start).
    marks = 2 * SKY_MARK_PX + 2 * (text.fonts.regular(palette.SMALL).get_linesize() + 6)
    box.midtop = (view.centerx, view.y + marks)
    if box.collidelist(list(avoid)) >= 0 or not view.contains(box):
        return
    layer = pygame.Surface(box.size, pygame.SRCALPHA)
    pygame.draw.rect(layer, (*colours.panel[:3], 225), layer.get_rect(), border_radius=10)
    surface.blit(layer, box)
    pygame.draw.rect(surface, colours.accent, box, 3, border_radius=10)
    surface.blit(title, title.get_rect(midtop=(box.centerx, box.y + 10)))
    surface.blit(hint, hint.get_rect(midtop=(box.centerx, box.y + 12 + title.get_height())))


def _cross_hatch(surface: pygame.Surface, rect: pygame.Rect, colour: pygame.Color) -> None:
    step = max(6, rect.width // 3)
    for offset in range(-rect.height, rect.width, step):
        start = (rect.x + offset, rect.bottom)
        end = (rect.x + offset + rect.height, rect.y)
        pygame.draw.line(surface, colour, start, end, 2)


def draw_ghost(surface: pygame.Surface, camera: Camera, preview: GhostPreview, shape: str,
               footprint: tuple[int, int], colours: Palette = STANDARD_PALETTE) -> None:
    """Valid tiles: a bright solid frame and the module's silhouette. Invalid: red, hatched and crossed."""
    previous_clip = surface.get_clip()
    surface.set_clip(camera.viewport)
    colour = colours.good if preview.ok else colours.broken
    for cell in preview.cells:
        rect = camera.tile_rect(*cell)
        layer = pygame.Surface(rect.size, pygame.SRCALPHA)
        layer.fill((*colour[:3], 90))
        surface.blit(layer, rect)
        if not preview.ok:
            _cross_hatch(surface, rect, colour)
        pygame.draw.rect(surface, colour, rect, 2)
    if preview.cells:
        x0 = min(cell[0] for cell in preview.cells)
        y0 = min(cell[1] for cell in preview.cells)
        whole = camera.tile_rect(x0, y0, *footprint)
        pygame.draw.rect(surface, palette.GLYPH_EDGE, whole.inflate(4, 4), 2)
        pygame.draw.rect(surface, colour, whole, 4 if preview.ok else 3)
        if preview.ok:
            draw_glyph(surface, shape, whole.inflate(-whole.width // 4, -whole.height // 4))
        else:
            pygame.draw.line(surface, colours.broken, whole.topleft, whole.bottomright, 4)
            pygame.draw.line(surface, colours.broken, whole.topright, whole.bottomleft, 4)
    surface.set_clip(previous_clip)


def reason_rows(preview: GhostPreview, name: str, fonts: Fonts, wrap: int, tr: Translate = ENGLISH
                ) -> list[tuple[str, str, bool]]:
    """The reason box's rows wrapped to `wrap` pixels, each with its kind ("good", "broken", "text" or "accent",
    its colour's name in the palette) and whether it is bold.

    `name` is the module's name in the player's language; the preview's reason and warnings are the core's
    messages, shown through `tr`."""
    font, title_font = fonts.regular(palette.BODY - 2), fonts.bold(palette.BODY - 2)
    if preview.ok:
        title = tr(say_n("{module}: {count:,} credit (game value). Click to order it.",
                         "{module}: {count:,} credits (game value). Click to order it.", round(preview.cost),
                         module=name))
    else:
        title = tr("Cannot build the {module!l} here", module=name)
    kind = "good" if preview.ok else "broken"
    rows = [(row, kind, True) for row in wrap_text(title, title_font, wrap)]
    if not preview.ok:
        rows += [(row, "text", False) for row in wrap_text(_sentence(preview.reason or "", tr), font, wrap)]
    for warning in preview.warnings:
        watch_out = tr("Watch out: {warning}.", warning=tr(warning))  # the warnings are clauses
        rows += [(row, "accent", False) for row in wrap_text(watch_out, font, wrap)]
    return rows


def reason_box_size(rows: Sequence[tuple[str, str, bool]], fonts: Fonts) -> tuple[int, int]:
    """The reason box's width and height around `rows`."""
    measured = [(fonts.bold(palette.BODY - 2) if bold else fonts.regular(palette.BODY - 2)) for _, _, bold in rows]
    return (max(font.size(row)[0] for font, (row, _, _) in zip(measured, rows, strict=True)) + 2 * REASON_PADDING[0],
            sum(font.get_linesize() for font in measured) + 2 * REASON_PADDING[1])


def place_reason_box(preview: GhostPreview, name: str, fonts: Fonts, pointer: tuple[int, int], bounds: pygame.Rect,
                     window: pygame.Rect | None = None, avoid: Sequence[pygame.Rect] = (),
                     tr: Translate = ENGLISH) -> PointerBox:
    """Where the reason box goes: beside the pointer inside `bounds` (the map) and off `avoid` (the hint, the
    buttons); where the map has no such place, anywhere in `window` off `avoid`, its words wrapped wider if
    need be."""
    wrap = min(scaled_px(REASON_WIDTH, fonts.scale), bounds.width - 40)

    def measure(width: int) -> tuple[int, int]:
        return reason_box_size(reason_rows(preview, name, fonts, width, tr), fonts)

    inside = place_beside_pointer(measure, wrap, pointer, bounds, avoid, offset=REASON_OFFSET,
                                  padding=2 * REASON_PADDING[0], settle=window is None)
    if window is None or (inside is not None and inside.clear):
        assert inside is not None, "a place that settles is always found"
        return inside
    anywhere = place_beside_pointer(measure, wrap, pointer, window, avoid,
                                    window.width - 2 * (EDGE + REASON_PADDING[0]), REASON_OFFSET, 2 * REASON_PADDING[0])
    assert anywhere is not None, "a place that settles is always found"
    return anywhere


def draw_reason_box(surface: pygame.Surface, text: TextCache, pointer: tuple[int, int], preview: GhostPreview,
                    name: str, bounds: pygame.Rect, colours: Palette = STANDARD_PALETTE,
                    tr: Translate = ENGLISH, avoid: Sequence[pygame.Rect] = ()) -> pygame.Rect | None:
    """The sentence that says why not (or what to watch out for), beside the pointer, inside `bounds` where it
    finds a place there off `avoid`, else elsewhere in the window (place_reason_box)."""
    place = place_reason_box(preview, name, text.fonts, pointer, bounds, surface.get_rect(), avoid, tr)
    box = place.rect
    pygame.draw.rect(surface, colours.panel_raised, box, border_radius=8)
    pygame.draw.rect(surface, colours.good if preview.ok else colours.broken, box, 2, border_radius=8)
    y = box.y + REASON_PADDING[1]
    for row, kind, bold in reason_rows(preview, name, text.fonts, place.wrap, tr):
        text.draw(surface, row, palette.BODY - 2, getattr(colours, kind), (box.x + REASON_PADDING[0], y), bold=bold)
        y += (text.fonts.bold(palette.BODY - 2) if bold else text.fonts.regular(palette.BODY - 2)).get_linesize()
    return box


SENTENCE_ENDS = (".", "!", "?", "。", "！", "？")


def _sentence(reason: str, tr: Translate = ENGLISH) -> str:
    """The rules' reason clause in the player's language, as a sentence under the box's title: a capital first
    letter (where the script has capitals) and the language's full stop when the clause has none."""
    said = tr(reason).strip()
    if not said:
        return said
    if not said.endswith(SENTENCE_ENDS):
        said = tr("{clause}.", clause=said)
    return said[0].upper() + said[1:]


def _legend_parts(overlay: str, text: TextCache, colours: Palette, tr: Translate, worked_out: bool = True
                  ) -> tuple[list[LegendRow], list[pygame.Surface], pygame.Surface, tuple[int, int], int] | None:
    rows = overlay_legend(overlay, worked_out)
    if not rows:
        return None
    title = tr("Overlay: {overlay}", overlay=tr(OVERLAY_NAMES[overlay]))
    images = [text.render(tr(row.text), palette.SMALL, colours.text) for row in rows]
    title_image = text.render(title, palette.BODY - 2, colours.accent, bold=True)
    swatch_size = (scaled_px(SWATCH[0], text.fonts.scale), scaled_px(SWATCH[1], text.fonts.scale))
    row_px = max(swatch_size[1], images[0].get_height()) + 4
    return rows, images, title_image, swatch_size, row_px


def legend_size(overlay: str, text: TextCache, tr: Translate = ENGLISH,
                worked_out: bool = True) -> tuple[int, int] | None:
    """The legend box's size for the open overlay; None when the overlay has no legend. `worked_out`: the site's
    light is computed (overlay_legend)."""
    parts = _legend_parts(overlay, text, STANDARD_PALETTE, tr, worked_out)
    if parts is None:
        return None
    rows, images, title_image, swatch_size, row_px = parts
    width = max(title_image.get_width(), max(image.get_width() for image in images) + swatch_size[0] + 12)
    return width + 2 * BOX_MARGIN, title_image.get_height() + row_px * len(rows) + 2 * BOX_MARGIN


def legend_rect(view: pygame.Rect, size: tuple[int, int] | None, hint_box: pygame.Rect | None) -> pygame.Rect | None:
    """The legend's place: the map's bottom-right corner, or its top-right one when the hint takes the bottom;
    None when neither leaves the hint clear (a small map at large text: the Overlay button names it meanwhile)."""
    if size is None:
        return None
    box = pygame.Rect((0, 0), size)
    box.bottomright = (view.right - BOX_MARGIN, view.bottom - BOX_MARGIN)
    if hint_box is None or not box.colliderect(hint_box):
        return box
    box.topright = (view.right - BOX_MARGIN, view.top + BOX_MARGIN)
    return box if not box.colliderect(hint_box) and box.bottom <= view.bottom else None


def draw_overlay_legend(surface: pygame.Surface, box: pygame.Rect | None, overlay: str, text: TextCache,
                        colours: Palette = STANDARD_PALETTE, tr: Translate = ENGLISH,
                        worked_out: bool = True) -> None:
    """The legend of the open overlay in `box` (from legend_rect)."""
    parts = _legend_parts(overlay, text, colours, tr, worked_out)
    if parts is None or box is None:
        return
    rows, images, title_image, swatch_size, row_px = parts
    pygame.draw.rect(surface, colours.panel, box, border_radius=8)
    pygame.draw.rect(surface, colours.panel_edge, box, 2, border_radius=8)
    surface.blit(title_image, (box.x + BOX_MARGIN, box.y + BOX_MARGIN - 4))
    y = box.y + BOX_MARGIN + title_image.get_height()
    for row, image in zip(rows, images, strict=True):
        swatch = pygame.Rect(box.x + BOX_MARGIN, y + (row_px - swatch_size[1]) // 2, *swatch_size)
        draw_swatch(surface, row.sample, swatch, colours)
        surface.blit(image, image.get_rect(midleft=(swatch.right + 12, swatch.centery)))
        y += row_px


def draw_hint(surface: pygame.Surface, view: pygame.Rect, hint: Hint, camera: Camera, text: TextCache,
              colours: Palette = STANDARD_PALETTE, tr: Translate = ENGLISH, dismiss_key: str = "H",
              overlay: str = "ground", worked_out: bool = True) -> pygame.Rect:
    """The hint in the map's bottom-left corner, and a ring round the tile it points at; `dismiss_key` is the
    key the player bound to close it."""
    if hint.cell is not None:
        rect = camera.tile_rect(*hint.cell)
        if rect.colliderect(view):
            centre = rect.center
            radius = max(14, rect.width)
            pygame.draw.circle(surface, palette.GLYPH_EDGE, centre, radius + 2, 6)
            pygame.draw.circle(surface, colours.accent, centre, radius, 4)
            pygame.draw.line(surface, colours.accent, (centre[0] - radius - 14, centre[1]),
                             (centre[0] - radius + 2, centre[1]), 4)
    font = text.fonts.regular(palette.BODY - 2)
    box = hint_box_rect(view, hint, text, tr, overlay, worked_out)
    rows = wrap_text(tr(hint.text), font, box.width - 2 * BOX_MARGIN)
    pygame.draw.rect(surface, colours.panel_raised, box, border_radius=10)
    pygame.draw.rect(surface, colours.accent, box, 3, border_radius=10)
    y = box.y + BOX_MARGIN
    for row in rows:
        text.draw(surface, row, palette.BODY - 2, colours.text, (box.x + BOX_MARGIN, y))
        y += font.get_linesize()
    text.draw(surface, tr("{key} or click: got it", key=dismiss_key), palette.SMALL, colours.accent,
              (box.right - BOX_MARGIN, box.bottom - 8), anchor="bottomright", bold=True)
    return box


def hint_box_rect(view: pygame.Rect, hint: Hint, text: TextCache, tr: Translate = ENGLISH,
                  overlay: str = "ground", worked_out: bool = True) -> pygame.Rect:
    """Where draw_hint puts its box (for clicks too): the map's bottom-left corner, narrowed to leave the open
    overlay's legend room beside it when the hint can still be read at that width."""
    font = text.fonts.regular(palette.BODY - 2)
    width = min(scaled_px(HINT_WIDTH, text.fonts.scale), max(view.width // 2, view.width - 2 * BOX_MARGIN - 40))
    legend = legend_size(overlay, text, tr, worked_out)
    if legend is not None:
        beside = view.width - legend[0] - 3 * BOX_MARGIN
        if beside >= min(width, scaled_px(MIN_HINT_WIDTH, text.fonts.scale)):
            width = min(width, beside)
    rows = wrap_text(tr(hint.text), font, width - 2 * BOX_MARGIN)
    height = len(rows) * font.get_linesize() + 2 * BOX_MARGIN + text.fonts.bold(palette.SMALL).get_linesize() + 4
    return pygame.Rect(view.x + BOX_MARGIN, view.bottom - BOX_MARGIN - height, width, height)
