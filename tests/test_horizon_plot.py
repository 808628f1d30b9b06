"""A student can open a tile's horizon plot with a key of their own, the first level's hint names that key, and
the encyclopedia explains the light at the pole with the Moon catalog's own figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game.content.loader import load_game_content, load_level_by_path
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


def test_the_encyclopedia_explains_polar_light_with_the_moon_catalogs_figures() -> None:
    folders = load_game_content([])
    sky = folders[0].catalog.moon.sky  # type: ignore[union-attr]
    assert sky is not None
    entries = encyclopedia_entries(folders, [], plot_key="J")
    page = next(entry for entry in entries if entry.title == "Light and shadow at the pole")
    assert f"{sky.axis_tilt_deg:g}°" in page.body_html and f"{sky.year_days:g} days" in page.body_html
    assert "press J" in page.body_html and sky.sources[0] in page.body_html
    assert next(entry for entry in entries if entry.matches("horizon")) is page
