"""The site map: tiles coloured and patterned by kind, power cables, module silhouettes, the hovered tile."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pygame

from game.content.models import TileKind
from game.render import palette
from game.render.camera import Camera
from game.render.glyphs import draw_glyph
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.patterns import draw_pattern, ink_for
from game.rules.grid import SiteGrid, footprint_cells

GRID_LINES_FROM_PX = 20  # below this zoom the tile edges would turn the map into noise


@dataclass(frozen=True, slots=True)
class MapModule:
    """What the map needs to know to draw one module; filled from the level file or a simulation snapshot."""

    module_id: str
    name: str
    shape: str
    x: int
    y: int
    footprint: tuple[int, int] = (1, 1)
    conducts_power: bool = False
    state: str = "working"  # building, working, broken, unpowered
    sprite: str | None = None  # a mod's picture for the module, drawn instead of its shape when it loads

    @property
    def is_cable(self) -> bool:
        return self.shape == "cable"

    def cells(self) -> list[tuple[int, int]]:
        return footprint_cells(self.x, self.y, self.footprint)


def tile_stamp(kind: TileKind, size: int) -> pygame.Surface:
    """One tile of `kind` at `size` pixels: its colour, its pattern, a hairline edge when large enough."""
    stamp = pygame.Surface((size, size))
    colour = pygame.Color(kind.colour)
    stamp.fill(colour)
    draw_pattern(stamp, kind.pattern, ink_for(colour))
    if size >= GRID_LINES_FROM_PX:
        edge = colour.lerp(pygame.Color(0, 0, 0), 0.18)
        pygame.draw.line(stamp, edge, (0, size - 1), (size - 1, size - 1))
        pygame.draw.line(stamp, edge, (size - 1, 0), (size - 1, size - 1))
    return stamp


@dataclass(slots=True)
class TileStamps:
    """Pre-drawn tiles per (kind, size): a cache of pixels, never game state, so drawing may fill it."""

    _stamps: dict[tuple[str, int], pygame.Surface] = field(default_factory=dict)

    def get(self, kind: TileKind, size: int) -> pygame.Surface:
        key = (kind.id, size)
        stamp = self._stamps.get(key)
        if stamp is None:
            if len(self._stamps) > 256:  # zooming through many sizes must not grow memory forever
                self._stamps.clear()
            stamp = self._stamps[key] = tile_stamp(kind, size)
        return stamp


def draw_tiles(surface: pygame.Surface, grid: SiteGrid, camera: Camera, stamps: TileStamps) -> None:
    size = round(camera.tile_px)
    view = camera.viewport
    for x, y, kind in grid.cells():
        rect = camera.tile_rect(x, y)
        if rect.colliderect(view):
            surface.blit(stamps.get(kind, size), rect)


def power_carriers(modules: Iterable[MapModule]) -> set[tuple[int, int]]:
    """The tiles a cable may join: under cables and modules that carry power."""
    return {cell for module in modules if module.conducts_power or module.is_cable for cell in module.cells()}


def draw_cables(surface: pygame.Surface, modules: Sequence[MapModule], camera: Camera,
                colours: Palette = STANDARD_PALETTE, carriers: set[tuple[int, int]] | None = None) -> None:
    """Cables join the centres of their tile to every neighbouring tile that carries power (`carriers`, worked
    out from `modules` when not given)."""
    if carriers is None:
        carriers = power_carriers(modules)
    width = max(2, round(camera.tile_px / 5))
    for module in modules:
        if not module.is_cable:
            continue
        centre = camera.grid_to_screen(module.x + 0.5, module.y + 0.5)
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            if (module.x + dx, module.y + dy) in carriers:
                end = camera.grid_to_screen(module.x + 0.5 + dx * 0.5, module.y + 0.5 + dy * 0.5)
                pygame.draw.line(surface, palette.GLYPH_EDGE, centre, end, width + 2)
                pygame.draw.line(surface, colours.cable, centre, end, width)
        pygame.draw.circle(surface, palette.GLYPH_EDGE, centre, width)
        pygame.draw.circle(surface, colours.cable, centre, max(1, width - 1))


class SpritePictures:
    """A mod's module pictures, loaded once and scaled per size: a cache of pixels, never game state. A picture
    that will not load is remembered as None, so the map draws the module's shape instead."""

    def __init__(self) -> None:
        self._loaded: dict[str, pygame.Surface | None] = {}
        self._scaled: dict[tuple[str, int, int], pygame.Surface] = {}

    def get(self, path: str, box: tuple[int, int]) -> pygame.Surface | None:
        if path not in self._loaded:
            try:
                picture = pygame.image.load(path)
                self._loaded[path] = picture.convert_alpha() if pygame.display.get_surface() else picture
            except (pygame.error, OSError, ValueError):
                self._loaded[path] = None
        loaded = self._loaded[path]
        if loaded is None or box[0] < 1 or box[1] < 1:
            return None
        picture = loaded
        scale = min(box[0] / picture.get_width(), box[1] / picture.get_height())
        size = (max(1, round(picture.get_width() * scale)), max(1, round(picture.get_height() * scale)))
        key = (path, *size)
        scaled = self._scaled.get(key)
        if scaled is None:
            if len(self._scaled) > 256:  # zooming through many sizes must not grow memory forever
                self._scaled.clear()
            scaled = self._scaled[key] = pygame.transform.smoothscale(picture, size)
        return scaled


SPRITES = SpritePictures()


def draw_modules(surface: pygame.Surface, modules: Iterable[MapModule], camera: Camera,
                 colours: Palette = STANDARD_PALETTE) -> None:
    """Each module on a dark plate over its footprint, so its silhouette (or its mod's picture) reads on any
    ground."""
    for module in modules:
        if module.is_cable:
            continue
        area = camera.tile_rect(module.x, module.y, *module.footprint)
        if not area.colliderect(camera.viewport):
            continue
        plate = area.inflate(-max(2, area.width // 12), -max(2, area.height // 12))
        pygame.draw.rect(surface, colours.panel, plate, border_radius=max(2, plate.height // 6))
        pygame.draw.rect(surface, palette.GLYPH_FILL, plate, max(1, plate.height // 16),
                         border_radius=max(2, plate.height // 6))
        glyph_box = plate.inflate(-plate.width // 5, -plate.height // 5)
        picture = SPRITES.get(module.sprite, plate.inflate(-4, -4).size) if module.sprite else None
        if picture is not None:
            spot = surface.blit(picture, picture.get_rect(center=plate.center))
            if module.state != "working":  # greyed like a shape that is not working
                veil = pygame.Surface(spot.size, pygame.SRCALPHA)
                veil.fill((60, 66, 80, 150))
                surface.blit(veil, spot)
        elif module.state == "working":
            draw_glyph(surface, module.shape, glyph_box)
        else:
            # Not working: the same silhouette, greyed, so the shape still says what it is.
            draw_glyph(surface, module.shape, glyph_box, fill=pygame.Color("#7c8698"))


def draw_hover(surface: pygame.Surface, camera: Camera, cell: tuple[int, int] | None,
               colours: Palette = STANDARD_PALETTE) -> None:
    if cell is None:
        return
    rect = camera.tile_rect(*cell)
    pygame.draw.rect(surface, palette.GLYPH_EDGE, rect.inflate(4, 4), 2)
    pygame.draw.rect(surface, colours.focus, rect, 3)


def draw_site_map(
    surface: pygame.Surface,
    grid: SiteGrid,
    modules: Sequence[MapModule],
    camera: Camera,
    stamps: TileStamps,
    hovered: tuple[int, int] | None = None,
    colours: Palette = STANDARD_PALETTE,
) -> None:
    """The whole map, clipped to the camera's viewport."""
    previous_clip = surface.get_clip()
    surface.set_clip(camera.viewport)
    surface.fill(colours.sky, camera.viewport)
    draw_tiles(surface, grid, camera, stamps)
    draw_cables(surface, modules, camera, colours)
    draw_modules(surface, modules, camera, colours)
    draw_hover(surface, camera, hovered, colours)
    surface.set_clip(previous_clip)
