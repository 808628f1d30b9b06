"""The map's modules and cables drawn once on a whole-map layer, and kept: when only modules' states change (a
short station flickers between working and unpowered every hour), only their tiles are drawn again, from pixels
kept for each module and state, so such an hour costs a few small copies instead of every module's silhouette."""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Sequence

import pygame

from game.render.camera import Camera
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.site_map import MapModule, draw_cables, draw_modules, power_carriers
from game.rules.grid import SiteGrid

TRANSPARENT_KEY = pygame.Color(255, 0, 255)  # a colour no module art uses
MAX_CACHED_PIXELS = 12_000_000  # a whole-map layer above this (a huge mod map, zoomed in) is drawn tile by tile
# Frames a changed layer waits before it is run-length encoded again: encoding costs about as much as fifteen
# keyed blits of the layer, so a layer that changes every hour stays plain, one left alone gets the faster blit.
QUIET_FRAMES_BEFORE_ENCODING = 120


def whole_map_camera(grid: SiteGrid, tile_px: float) -> Camera:
    """A camera whose viewport is the whole map at `tile_px`, for drawing a layer once."""
    size = (round(grid.width * tile_px), round(grid.height * tile_px))
    camera = Camera(pygame.Rect((0, 0), size), grid.width, grid.height, grid.tile_size_m, tile_px)
    camera.centre_x, camera.centre_y = grid.width / 2, grid.height / 2
    return camera


# Everything about a module the layer draws, but its state.
_DRAWN_BUT_STATE = operator.attrgetter(*(part.name for part in dataclasses.fields(MapModule) if part.name != "state"))


def same_but_state(before: MapModule, after: MapModule) -> bool:
    return before is after or _DRAWN_BUT_STATE(before) == _DRAWN_BUT_STATE(after)


class ModuleLayer:
    """Pixels kept between frames; a cache, never game state, so drawing may fill it.

    A module's plate and silhouette stay inside its own tiles and a cable's lines inside its tile (give or take
    a pixel), so a module's tiles hold its own picture and, at most, the cables beside it: drawing them again
    clipped to those tiles gives the pixels a whole new layer would."""

    def __init__(self) -> None:
        self._key: tuple[float, str, tuple[MapModule, ...]] | None = None
        self._layer: pygame.Surface | None = None
        self._camera: Camera | None = None
        self._carriers: set[tuple[int, int]] = set()
        self._at_cell: dict[tuple[int, int], int] = {}  # the module (its index) on each tile
        self._tiles: dict[tuple[int, str], pygame.Surface] = {}  # a module's tiles by (index, state)
        self._quiet_frames = 0
        self.drawn = pygame.Rect(0, 0, 0, 0)  # the part of the layer anything is drawn on: the rest is all key

    def get(self, grid: SiteGrid, modules: Sequence[MapModule], tile_px: float,
            colours: Palette = STANDARD_PALETTE) -> pygame.Surface | None:
        """The layer for these modules at this zoom, or None when the map is too big to keep whole."""
        key = (tile_px, colours.name, tuple(modules))
        if key == self._key:
            self._settle()
            return self._layer
        before, self._key = self._key, key
        if self._layer is not None and before is not None and before[:2] == key[:2] \
                and len(before[2]) == len(key[2]) and all(map(same_but_state, before[2], key[2])):
            self._restate(before[2], key[2], colours)
            return self._layer
        self._layer, self._camera, self._tiles, self.drawn = None, None, {}, pygame.Rect(0, 0, 0, 0)
        if grid.width * grid.height * tile_px * tile_px <= MAX_CACHED_PIXELS:
            self._draw_whole(grid, key[2], tile_px, colours)
        return self._layer

    def _draw_whole(self, grid: SiteGrid, modules: Sequence[MapModule], tile_px: float, colours: Palette) -> None:
        camera = whole_map_camera(grid, tile_px)
        # A colour key, not per-pixel alpha: module art is drawn without smoothing, and a keyed
        # blit of the whole viewport costs a fraction of an alpha blend.
        layer = pygame.Surface(camera.viewport.size)
        layer.fill(TRANSPARENT_KEY)
        self._carriers = power_carriers(modules)
        draw_cables(layer, modules, camera, colours, self._carriers)
        draw_modules(layer, modules, camera, colours)
        layer.set_colorkey(TRANSPARENT_KEY, pygame.RLEACCEL)
        # A station covers a part of its map, and a keyed blit costs by the pixel: blit only that part.
        self.drawn = layer.get_bounding_rect()
        self._layer, self._camera = layer, camera
        self._at_cell = {cell: index for index, module in enumerate(modules) for cell in module.cells()}
        self._quiet_frames = QUIET_FRAMES_BEFORE_ENCODING

    def _restate(self, before: Sequence[MapModule], after: Sequence[MapModule], colours: Palette) -> None:
        """Draws again the tiles of the modules whose state changed, from kept pixels where it can."""
        layer, camera = self._layer, self._camera
        assert layer is not None and camera is not None
        if layer.get_flags() & (pygame.RLEACCEL | pygame.RLEACCELOK):
            # Drawing on an encoded surface decodes and encodes it whole on every call, and its pixels may be gone
            # (a subsurface would point at freed memory): a copy is plain, and stays so while it changes.
            layer = self._layer = layer.copy()
            layer.set_colorkey(TRANSPARENT_KEY)
        self._quiet_frames = 0
        bounds = layer.get_rect()
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            if old.state == new.state:
                continue
            area = camera.tile_rect(new.x, new.y, *new.footprint).clip(bounds)
            if not area:
                continue
            self.drawn.union_ip(area)  # a module's new state draws on its own tiles, inside this already
            if (index, old.state) not in self._tiles:
                self._tiles[index, old.state] = _plain_copy(layer, area)
            kept = self._tiles.get((index, new.state))
            if kept is not None:
                layer.blit(kept, area)
                continue
            layer.set_clip(area)
            layer.fill(TRANSPARENT_KEY, area)
            draw_cables(layer, self._cables_near(new, after), camera, colours, self._carriers)
            draw_modules(layer, [new], camera, colours)
            layer.set_clip(None)
            self._tiles[index, new.state] = _plain_copy(layer, area)

    def _cables_near(self, module: MapModule, modules: Sequence[MapModule]) -> list[MapModule]:
        """The cables on the module's tiles and the tiles around them, in the layer's drawing order."""
        width, height = module.footprint
        near = {self._at_cell.get((x, y)) for x in range(module.x - 1, module.x + width + 1)
                for y in range(module.y - 1, module.y + height + 1)}
        return [modules[index] for index in sorted(index for index in near if index is not None)
                if modules[index].is_cable]

    def _settle(self) -> None:
        """Encodes the layer again once it has been left alone a while (the encoded blit is about 3× faster)."""
        if self._layer is None or self._quiet_frames >= QUIET_FRAMES_BEFORE_ENCODING:
            return
        self._quiet_frames += 1
        if self._quiet_frames == QUIET_FRAMES_BEFORE_ENCODING:
            self._layer.set_colorkey(TRANSPARENT_KEY, pygame.RLEACCEL)


def _plain_copy(layer: pygame.Surface, area: pygame.Rect) -> pygame.Surface:
    """The layer's pixels in `area`, key colour included, as a surface that copies them back exactly."""
    tiles = layer.subsurface(area).copy()
    tiles.set_colorkey(None)
    return tiles
