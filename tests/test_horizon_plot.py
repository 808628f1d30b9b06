"""A student can open a tile's horizon plot with a key of their own, the first level's hint names that key, the
plot drawn from its kept parts is the plot drawn afresh, and the encyclopedia explains the light at the pole with the
Moon catalog's own figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game.content.loader import load_game_content, load_level_by_path
from game.render.horizon_plot import KeptPlot, draw_horizon_plot
from game.render.palette import palette_for
from game.render.text_cache import TextCache
from game.scenes.menus.encyclopedia_entries import encyclopedia_entries
from game.scenes.scene import Push
from game.scenes.station import drawing
from game.scenes.station.station_scene import StationScene
from tests.app_helpers import press, run_frames

LEVEL_FILE = Path(__file__).resolve().parent.parent / "levels" / "01_agreement_2021.toml"


def open_station(app: Any, bindings: dict[str, str]) -> StationScene:
    app.ctx.settings.key_bindings.update(bindings)
    scene = StationScene(app.ctx, load_level_by_path(LEVEL_FILE))
    app.request(Push(scene))
    run_frames(app)
    assert app.top is scene
    return scene


def test_the_plots_key_opens_it_over_any_overlay_for_the_tile_in_the_maps_middle(app: Any) -> None:
    scene = open_station(app, {"horizon_plot": "j"})
    scene.state.mouse = None
    assert scene.state.overlay == "ground" and drawing.plot_cell(scene, None) is None
    press(app, pygame.K_j)
    assert scene.state.horizon_plot
    middle = scene.camera.tile_at(*scene.camera.viewport.center)
    assert drawing.plot_cell(scene, None) == middle
    assert drawing.plot_cell(scene, (3, 4)) == (3, 4)  # the pointer's tile, when it is on the map
    press(app, pygame.K_j)
    assert not scene.state.horizon_plot


def test_the_first_levels_hint_about_dark_ground_names_the_plots_key_as_bound(app: Any) -> None:
    scene = open_station(app, {"horizon_plot": "j"})
    hints = scene.run.hints
    hints.dismiss()
    hints.seen = {spec.id for spec in hints.specs if spec.id != "horizon-plot"}
    scene.run.trigger_hint("energy_falling")
    assert hints.showing is not None and hints.showing.id == "horizon-plot"
    assert "press J:" in scene.ctx.tr(hints.showing.text)


def test_the_plot_drawn_from_its_kept_parts_is_the_plot_drawn_afresh(app: Any) -> None:
    """Over a map that changes under it (its rounded corners show the map), tile after tile, hour after hour, in
    boxes of several sizes (one too small for a plot), opened by key or not, in another palette."""
    scene = open_station(app, {})
    light = scene.run.grid.light
    assert light is not None
    text = TextCache(app.ctx.fonts)
    kept = KeptPlot()
    surface = pygame.Surface((700, 640), 0, app.window)
    views = [(pygame.Rect(10, 10, 560, 500), (12, 10), 300.0, None, "standard"),
             (pygame.Rect(10, 10, 560, 500), (12, 10), 301.0, None, "standard"),  # the Sun moved
             (pygame.Rect(10, 10, 560, 500), (3, 4), 301.0, None, "standard"),  # another tile
             (pygame.Rect(10, 10, 560, 500), (3, 4), 301.0, "I", "standard"),  # opened by its key
             (pygame.Rect(30, 20, 400, 360), (3, 4), 302.0, "I", "standard"),  # a smaller box elsewhere
             (pygame.Rect(30, 20, 400, 360), (3, 4), 302.0, "I", "high_contrast"),
             (pygame.Rect(30, 20, 200, 90), (5, 6), 303.0, None, "standard"),  # no room for a plot
             (pygame.Rect(10, 10, 560, 500), (12, 10), 304.0, None, "standard")]
    for index, (area, cell, hour, close_key, palette_name) in enumerate(views):
        colours = palette_for("standard", high_contrast=palette_name == "high_contrast")
        ground = (40 + 20 * index, 90, 200 - 15 * index)  # the map under the box, different each time
        pixels = []
        for kept_parts in (kept, None):
            surface.fill(ground)
            draw_horizon_plot(surface, area, light, cell, hour, text, colours, app.ctx.tr, close_key, kept_parts)
            pixels.append(pygame.image.tobytes(surface, "RGB"))
        assert pixels[0] == pixels[1], f"the kept plot differs from a fresh one for view {index}"
        assert surface.get_at((area.x, area.y))[:3] == ground, "the box's rounded corner shows the map"


def test_the_encyclopedia_explains_polar_light_with_the_moon_catalogs_figures() -> None:
    folders = load_game_content([])
    sky = folders[0].catalog.moon.sky  # type: ignore[union-attr]
    assert sky is not None
    entries = encyclopedia_entries(folders, [], plot_key="J")
    page = next(entry for entry in entries if entry.title == "Light and shadow at the pole")
    assert f"{sky.axis_tilt_deg:g}°" in page.body_html and f"{sky.year_days:g} days" in page.body_html
    assert "press J" in page.body_html and sky.sources[0] in page.body_html
    assert next(entry for entry in entries if entry.matches("horizon")) is page
