"""The map's module layer, kept between frames, shows what a freshly drawn one would, pixel for pixel: when modules
change state (only their tiles are drawn again), beside cables, at several zooms and in every palette."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pygame
import pytest

from game.content.loader import load_level_by_path
from game.render.module_layer import ModuleLayer
from game.render.palette import palette_for
from game.render.site_map import MapModule
from game.rules.grid import SiteGrid

LEVEL_FILE = Path(__file__).resolve().parent.parent / "levels" / "01_agreement_2021.toml"
ENCODED = pygame.RLEACCEL | pygame.RLEACCELOK  # encoded, or to be at its next blit
STATES = ("working", "unpowered", "building", "broken")


def _grid() -> SiteGrid:
    level, catalog = load_level_by_path(LEVEL_FILE).require()
    return SiteGrid.from_site(level.site, catalog.tiles)


def _station() -> list[MapModule]:
    """A block of modules of every shape, threaded with cables, one big module among them."""
    shapes = ("pad", "panel", "battery", "capsule", "reactor", "dish", "mast", "dome", "box", "drill", "plant",
              "greenhouse", "lab", "telescope", "garage", "printer", "depot", "bunker")
    modules = [MapModule("hab", "Hab", "dome", 1, 1, (2, 2), conducts_power=True)]
    taken = {(1, 1), (2, 1), (1, 2), (2, 2)}
    index = 0
    for y in range(0, 7):
        for x in range(0, 9):
            if (x, y) in taken:
                continue
            if (x + y) % 3 == 0:
                modules.append(MapModule("cable", "Cable", "cable", x, y, conducts_power=True))
            else:
                shape = shapes[index % len(shapes)]
                modules.append(MapModule(shape, shape.title(), shape, x, y, conducts_power=index % 2 == 0))
                index += 1
    return modules


def _pixels(surface: pygame.Surface | None) -> bytes:
    assert surface is not None, "the layer was not kept (the map is small enough to keep)"
    return pygame.image.tobytes(surface, "RGB")


@pytest.mark.parametrize("tile_px", [9.0, 31.0, 48.5])
@pytest.mark.parametrize("palette_name", ["standard", "colour_blind"])
def test_a_kept_layer_matches_a_fresh_one_as_states_change(tile_px: float, palette_name: str) -> None:
    grid, colours = _grid(), palette_for(palette_name, high_contrast=palette_name == "colour_blind")
    modules = _station()
    kept = ModuleLayer()
    kept.get(grid, modules, tile_px, colours)
    chance = random.Random(12)
    for _ in range(8):
        # Many modules at once (a short station flickers), and now and then back to a state seen before.
        modules = [dataclasses.replace(module, state=chance.choice(STATES)) if chance.random() < 0.4 else module
                   for module in modules]
        layer = kept.get(grid, modules, tile_px, colours)
        fresh = ModuleLayer().get(grid, modules, tile_px, colours)
        assert _pixels(layer) == _pixels(fresh)
        assert fresh is not None and kept.drawn.contains(fresh.get_bounding_rect())  # the map blits only that part


def test_a_new_module_or_zoom_draws_the_layer_afresh() -> None:
    grid, colours = _grid(), palette_for("standard", high_contrast=False)
    modules = _station()
    kept = ModuleLayer()
    kept.get(grid, modules, 31.0, colours)
    kept.get(grid, [dataclasses.replace(modules[0], state="broken"), *modules[1:]], 31.0, colours)
    built = [*modules, MapModule("lab", "Lab", "lab", 12, 8)]
    assert _pixels(kept.get(grid, built, 31.0, colours)) == _pixels(ModuleLayer().get(grid, built, 31.0, colours))
    zoomed = kept.get(grid, built, 20.0, colours)
    assert zoomed is not None and zoomed.get_width() == round(grid.width * 20.0)


def test_a_layer_left_alone_is_encoded_again_and_still_matches() -> None:
    grid, colours = _grid(), palette_for("standard", high_contrast=False)
    modules = _station()
    kept = ModuleLayer()
    kept.get(grid, modules, 31.0, colours)
    changed = [dataclasses.replace(module, state="unpowered") for module in modules]
    layer = kept.get(grid, changed, 31.0, colours)
    assert layer is not None and not layer.get_flags() & ENCODED  # plain while it changes
    for _ in range(200):
        layer = kept.get(grid, changed, 31.0, colours)
    assert layer is not None and layer.get_flags() & ENCODED
    back = kept.get(grid, modules, 31.0, colours)  # changing an encoded layer: a plain copy, never its freed pixels
    assert _pixels(back) == _pixels(ModuleLayer().get(grid, modules, 31.0, colours))
