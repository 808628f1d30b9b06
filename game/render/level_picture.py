"""A level's picture for the level list: its `preview` PNG scaled to fit, or, when it has none or the file
will not load, a small map of its site drawn from the tile colours (so every level shows where it is)."""

from __future__ import annotations

import pygame

from game.content.loader import LoadedLevel
from game.render import palette
from game.rules.grid import SiteGrid, footprint_cells


class LevelPictures:
    """Loaded previews by file (and its time of change, so an edited picture is read again): a cache of
    pixels, never game state. A file that will not load is remembered as None and the site map is drawn."""

    def __init__(self) -> None:
        self._files: dict[tuple[str, float], pygame.Surface | None] = {}

    def preview(self, loaded: LoadedLevel) -> pygame.Surface | None:
        level = loaded.level
        if level is None or level.preview is None:
            return None
        path = loaded.path.parent / level.preview
        try:
            key = (str(path), path.stat().st_mtime)
        except OSError:
            return None
        if key not in self._files:
            if len(self._files) > 64:
                self._files.clear()
            try:
                self._files[key] = pygame.image.load(str(path))
            except (pygame.error, OSError, ValueError):
                self._files[key] = None
        return self._files[key]

    def picture(self, loaded: LoadedLevel, box: tuple[int, int]) -> tuple[pygame.Surface, bool] | None:
        """The picture scaled to fit `box` (keeping its shape), and whether it is the level's own preview
        (False: the site map drawn instead). None for a level that did not load."""
        if loaded.level is None or loaded.catalog is None or box[0] < 8 or box[1] < 8:
            return None
        own = self.preview(loaded)
        picture = own if own is not None else site_map_picture(loaded)
        if picture is None:
            return None
        scale = min(box[0] / picture.get_width(), box[1] / picture.get_height())
        size = (max(1, round(picture.get_width() * scale)), max(1, round(picture.get_height() * scale)))
        return pygame.transform.smoothscale(picture.convert() if pygame.display.get_surface() else picture, size), \
            own is not None


def site_map_picture(loaded: LoadedLevel, tile_px: int = 6) -> pygame.Surface | None:
    """The level's site as coloured tiles, with the modules standing on the first day as dark blocks."""
    level, catalog = loaded.level, loaded.catalog
    if level is None or catalog is None:
        return None
    try:
        grid = SiteGrid.from_site(level.site, catalog.tiles)
    except (KeyError, IndexError, ValueError):
        return None
    picture = pygame.Surface((grid.width * tile_px, grid.height * tile_px))
    for x, y, kind in grid.cells():
        picture.fill(pygame.Color(kind.colour), (x * tile_px, y * tile_px, tile_px, tile_px))
    for placed in level.start.modules:
        spec = catalog.modules.get(placed.module)
        if spec is None:
            continue
        for cx, cy in footprint_cells(placed.x, placed.y, spec.footprint):
            picture.fill(palette.GLYPH_EDGE, (cx * tile_px + 1, cy * tile_px + 1, tile_px - 2, tile_px - 2))
    return picture
