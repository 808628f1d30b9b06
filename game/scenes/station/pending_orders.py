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
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.text_cache import TextCache


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


def draw_pending_orders(surface: pygame.Surface, camera: Camera, orders: list[PendingOrder], text: TextCache,
                        colours: Palette = STANDARD_PALETTE, tr: Translate = ENGLISH) -> list[pygame.Rect]:
    """Each waiting placement as a dashed outline with the module's glyph, labelled 'ordered'; a take-down as
    a dashed red outline labelled 'to be taken down'. Returns the marks' rectangles, for the pause banner to
    keep clear of (orders are given while paused, so the banner would cover them)."""
    drawn: list[pygame.Rect] = []
    if not orders:
        return drawn
    previous_clip = surface.get_clip()
    surface.set_clip(camera.viewport)
    for order in orders:
        whole = camera.tile_rect(order.x, order.y, *order.footprint)
        colour = colours.broken if order.demolish else colours.accent
        if not order.demolish:
            layer = pygame.Surface(whole.size, pygame.SRCALPHA)
            layer.fill((*colour[:3], 60))
            surface.blit(layer, whole)
            draw_glyph(surface, order.shape, whole.inflate(-whole.width // 3, -whole.height // 3))
        _dashed_rect(surface, colour, whole, max(2, whole.width // 24))
        label = tr("to be taken down") if order.demolish else tr("ordered")
        image = text.render(label, palette.SMALL - 2, colour, bold=True)
        box = image.get_rect(midbottom=(whole.centerx, whole.top - 3))
        pygame.draw.rect(surface, colours.panel, box.inflate(10, 4), border_radius=4)
        pygame.draw.rect(surface, colour, box.inflate(10, 4), 1, border_radius=4)
        surface.blit(image, box)
        drawn.append(whole.union(box.inflate(10, 4)))
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
