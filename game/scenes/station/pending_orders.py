"""Orders the player gave that wait for time to run: marked on the map, and their cost kept out of the budget shown.

A command is applied at the start of the next game hour. While time is paused nothing is applied, so without
this a placed module left no mark on the map and the budget did not move: the player could not tell the click
had worked, nor what was left to spend.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.content.catalog import Catalog
from game.content.ui_text import ENGLISH, Translate
from game.ecs.commands import Command, Demolish, PlaceModule
from game.render import palette
from game.render.camera import Camera
from game.render.glyphs import draw_glyph
from game.render.map_labels import LabelRoom
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.text_cache import TextCache

ORDER_LABEL_SIZE = palette.SMALL - 2
LABEL_GAP = 2  # pixels between an order's tiles and its label's plate


@dataclass(frozen=True, slots=True)
class PendingOrder:
    """A module ordered (or to be taken down) at the next step: where, how big, and what it costs."""

    module_id: str
    shape: str
    x: int
    y: int
    footprint: tuple[int, int]
    cost: float
    demolish: bool = False

    def cells(self) -> tuple[tuple[int, int], ...]:
        width, height = self.footprint
        return tuple((self.x + dx, self.y + dy) for dx in range(width) for dy in range(height))


def pending_orders(commands: tuple[Command, ...], catalog: Catalog,
                   module_at: dict[tuple[int, int], tuple[str, str, tuple[int, int]]]) -> list[PendingOrder]:
    """The placements and take-downs among `commands`; `module_at` gives (id, shape, footprint) of the module
    whose top-left corner is on a tile, for a take-down's mark."""
    orders: list[PendingOrder] = []
    for command in commands:
        if isinstance(command, PlaceModule) and command.module in catalog.modules:
            spec = catalog.modules[command.module]
            width, height = spec.footprint
            footprint = (height, width) if command.rotated else (width, height)
            orders.append(PendingOrder(spec.id, spec.shape, command.x, command.y, footprint, spec.cost))
        elif isinstance(command, Demolish) and (command.x, command.y) in module_at:
            module_id, shape, footprint = module_at[(command.x, command.y)]
            orders.append(PendingOrder(module_id, shape, command.x, command.y, footprint, 0.0, demolish=True))
    return orders


def ordered_cost(orders: list[PendingOrder]) -> float:
    """What the waiting placements will take from the budget when time runs."""
    return sum(order.cost for order in orders if not order.demolish)


@dataclass(frozen=True, slots=True)
class OrderMark:
    """A waiting order as the map marks it: its tiles on the screen, and its label's plate beside them."""

    order: PendingOrder
    tiles: pygame.Rect
    plate: pygame.Rect


def order_label(order: PendingOrder, tr: Translate = ENGLISH) -> str:
    return tr("to be taken down") if order.demolish else tr("ordered")


def place_order_marks(camera: Camera, orders: list[PendingOrder], text: TextCache, room: LabelRoom,
                      tr: Translate = ENGLISH) -> list[OrderMark]:
    """Each order's tiles and a place for its label in `room`: above the tiles, else below, right or left,
    wherever it covers no label already placed (the Sun's and Earth's at the map's edge, another order's)."""
    marks: list[OrderMark] = []
    for order in orders:
        tiles = camera.tile_rect(order.x, order.y, *order.footprint)
        if not tiles.colliderect(camera.viewport):
            continue  # off the map's view: no label at its edge for an order nobody sees
        label = order_label(order, tr)
        size = (text.width(label, ORDER_LABEL_SIZE, bold=True) + 10, text.fonts.bold(ORDER_LABEL_SIZE).get_height() + 4)
        gap = LABEL_GAP
        plate = room.place(size, (("midbottom", (tiles.centerx, tiles.top - gap)),
                                  ("midtop", (tiles.centerx, tiles.bottom + gap)),
                                  ("midleft", (tiles.right + gap, tiles.centery)),
                                  ("midright", (tiles.left - gap, tiles.centery))))
        marks.append(OrderMark(order, tiles, plate))
    return marks


def draw_pending_orders(surface: pygame.Surface, camera: Camera, marks: list[OrderMark], text: TextCache,
                        colours: Palette = STANDARD_PALETTE, tr: Translate = ENGLISH) -> list[pygame.Rect]:
    """Each waiting placement as a dashed outline with the module's glyph, labelled 'ordered'; a take-down as
    a dashed red outline labelled 'to be taken down'. Returns the marks' rectangles, for the pause banner to
    keep clear of (orders are given while paused, so the banner would cover them)."""
    drawn: list[pygame.Rect] = []
    if not marks:
        return drawn
    previous_clip = surface.get_clip()
    surface.set_clip(camera.viewport)
    for mark in marks:
        order, whole, plate = mark.order, mark.tiles, mark.plate
        colour = colours.broken if order.demolish else colours.accent
        if not order.demolish:
            layer = pygame.Surface(whole.size, pygame.SRCALPHA)
            layer.fill((*colour[:3], 60))
            surface.blit(layer, whole)
            draw_glyph(surface, order.shape, whole.inflate(-whole.width // 3, -whole.height // 3))
        _dashed_rect(surface, colour, whole, max(2, whole.width // 24))
        image = text.render(order_label(order, tr), ORDER_LABEL_SIZE, colour, bold=True)
        pygame.draw.rect(surface, colours.panel, plate, border_radius=4)
        pygame.draw.rect(surface, colour, plate, 1, border_radius=4)
        surface.blit(image, image.get_rect(center=plate.center))
        drawn.append(whole.union(plate))
    surface.set_clip(previous_clip)
    return drawn


def _dashed_rect(surface: pygame.Surface, colour: pygame.Color | tuple[int, ...], rect: pygame.Rect,
                 width: int) -> None:
    """A dashed frame: pending, not yet built (a built module's frame is solid)."""
    dash = max(4, rect.width // 6)
    for start in range(rect.left, rect.right, 2 * dash):
        end = min(start + dash, rect.right)
        pygame.draw.line(surface, colour, (start, rect.top), (end, rect.top), width)
        pygame.draw.line(surface, colour, (start, rect.bottom - 1), (end, rect.bottom - 1), width)
    for start in range(rect.top, rect.bottom, 2 * dash):
        end = min(start + dash, rect.bottom)
        pygame.draw.line(surface, colour, (rect.left, start), (rect.left, end), width)
        pygame.draw.line(surface, colour, (rect.right - 1, start), (rect.right - 1, end), width)
