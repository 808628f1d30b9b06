"""The station map drawn from cached layers: ground (or an overlay) and modules are redrawn only when they change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pygame

from game.content.ui_text import ENGLISH, Translate
from game.render.camera import Camera
from game.render.map_labels import LabelRoom
from game.render.module_layer import MAX_CACHED_PIXELS, ModuleLayer, whole_map_camera
from game.render.overlays import (
    Region,
    draw_computed_overlay,
    draw_power_tags,
    draw_region_labels,
    module_networks,
    overlay_tile,
    tile_regions,
)
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.relief import relief_surface
from game.render.shadow_layer import ShadedRelief
from game.render.site_map import MapModule, TileStamps, draw_cables, draw_hover, draw_modules, draw_tiles
from game.render.text_cache import TextCache
from game.rules.grid import SiteGrid


@dataclass(slots=True)
class MapLayers:
    """Pixels kept between frames; a cache, never game state, so drawing may fill it."""

    stamps: TileStamps = field(default_factory=TileStamps)
    _ground_key: tuple[str, float] | None = None
    _ground: pygame.Surface | None = None
    _modules: ModuleLayer = field(default_factory=ModuleLayer)
    _networks_key: tuple[MapModule, ...] | None = None
    _networks: dict[int, str] = field(default_factory=dict)
    _regions: list[Region] | None = None
    _relief_key: float | None = None
    _shaded: ShadedRelief | None = None

    def ground(self, grid: SiteGrid, overlay: str, tile_px: float, hour: float | None = None
               ) -> pygame.Surface | None:
        if overlay == "ground" and grid.light is not None and hour is not None:
            shaded = self.shaded_ground(grid, tile_px, hour)
            if shaded is not None:
                return shaded
        key = (overlay, tile_px)
        if key != self._ground_key:
            self._ground_key, self._ground = key, None
            if grid.width * grid.height * tile_px * tile_px <= MAX_CACHED_PIXELS:
                camera = whole_map_camera(grid, tile_px)
                layer = pygame.Surface(camera.viewport.size)
                draw_ground(layer, grid, camera, self.stamps, overlay)
                self._ground = layer
        return self._ground

    def shaded_ground(self, grid: SiteGrid, tile_px: float, hour: float) -> pygame.Surface | None:
        """The relief with the shadows of the Sun at `hour`: where the Sun's step changed them, a part a frame."""
        light = grid.light
        if light is None or grid.width * grid.height * tile_px * tile_px > MAX_CACHED_PIXELS:
            return None
        if self._relief_key != tile_px:
            relief = relief_surface(grid, tile_px)
            self._relief_key, self._shaded = tile_px, None if relief is None else ShadedRelief(relief, light, tile_px)
        return None if self._shaded is None else self._shaded.surface(hour)

    def modules(self, grid: SiteGrid, modules: Sequence[MapModule], tile_px: float,
                colours: Palette = STANDARD_PALETTE) -> pygame.Surface | None:
        return self._modules.get(grid, modules, tile_px, colours)

    @property
    def modules_drawn(self) -> pygame.Rect:
        """The part of the modules' layer anything is drawn on (the rest is transparent)."""
        return self._modules.drawn

    def networks(self, modules: Sequence[MapModule]) -> dict[int, str]:
        key = tuple(modules)
        if key != self._networks_key:
            self._networks_key, self._networks = key, module_networks(modules)
        return self._networks

    def regions(self, grid: SiteGrid) -> list[Region]:
        if self._regions is None:
            self._regions = tile_regions(grid)
        return self._regions


def draw_ground(surface: pygame.Surface, grid: SiteGrid, camera: Camera, stamps: TileStamps, overlay: str) -> None:
    size = round(camera.tile_px)
    if overlay == "ground":
        draw_tiles(surface, grid, camera, stamps)
        return
    if grid.light is not None:
        draw_computed_overlay(surface, grid, camera, overlay, size)
        return
    overlay_stamps: dict[str, pygame.Surface | None] = {}
    for x, y, kind in grid.cells():
        rect = camera.tile_rect(x, y)
        if not rect.colliderect(camera.viewport):
            continue
        if kind.id not in overlay_stamps:
            overlay_stamps[kind.id] = overlay_tile(kind, overlay, size)
        stamp = overlay_stamps[kind.id]
        surface.blit(stamp if stamp is not None else stamps.get(kind, size), rect)


def margins(view: pygame.Rect, inner: pygame.Rect) -> list[pygame.Rect]:
    """The parts of `view` outside `inner`: up to four bands (above, below, left, right)."""
    middle = inner.clip(view)
    if not middle:
        return [view]
    bands = [pygame.Rect(view.left, view.top, view.width, middle.top - view.top),
             pygame.Rect(view.left, middle.bottom, view.width, view.bottom - middle.bottom),
             pygame.Rect(view.left, middle.top, middle.left - view.left, middle.height),
             pygame.Rect(middle.right, middle.top, view.right - middle.right, middle.height)]
    return [band for band in bands if band.width > 0 and band.height > 0]


def draw_station_map(
    surface: pygame.Surface,
    grid: SiteGrid,
    modules: Sequence[MapModule],
    camera: Camera,
    layers: MapLayers,
    overlay: str,
    text: TextCache,
    hovered: tuple[int, int] | None = None,
    colours: Palette = STANDARD_PALETTE,
    tr: Translate = ENGLISH,
    hour: float | None = None,
    room: LabelRoom | None = None,
) -> None:
    """The map with its overlay, clipped to the camera's viewport: cached layers, then labels and the hover.
    With the site's light computed and the `hour` given, the ground is shaded relief with the Sun's shadows
    of that hour. The ground's labels keep clear of the boxes `room` has taken (the Sun's and Earth's marks on
    the map's edge, the orders'), which the screen draws over the map (game.render.relief.draw_sky_marks)."""
    previous_clip = surface.get_clip()
    surface.set_clip(camera.viewport)
    origin = camera.grid_to_screen(0, 0)
    corner = (round(origin[0]), round(origin[1]))
    ground = layers.ground(grid, overlay, camera.tile_px, hour)
    if ground is None:
        surface.fill(colours.sky, camera.viewport)
    else:
        for margin in margins(camera.viewport, ground.get_rect(topleft=corner)):
            surface.fill(colours.sky, margin)  # sky around a map smaller than the view
    if ground is not None:
        surface.blit(ground, corner)
    else:
        draw_ground(surface, grid, camera, layers.stamps, overlay)
    module_layer = layers.modules(grid, modules, camera.tile_px, colours)
    if module_layer is not None:
        drawn = layers.modules_drawn
        surface.blit(module_layer, (corner[0] + drawn.x, corner[1] + drawn.y), drawn)
    else:
        draw_cables(surface, modules, camera, colours)
        draw_modules(surface, modules, camera, colours)
    if overlay == "power":
        draw_power_tags(surface, modules, layers.networks(modules), camera, text, colours, tr)
    elif overlay != "ground":
        draw_region_labels(surface, layers.regions(grid), overlay, camera, text, colours, tr, grid, room)
    draw_hover(surface, camera, hovered, colours)
    surface.set_clip(previous_clip)
