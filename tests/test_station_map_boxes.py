"""The boxes over the station map share it at every look (1280x720 and 1920x1080, text at 100, 150 and 200 %):
the hint never covers the overlay's legend, and the pause banner covers neither."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from game.content.loader import load_level_by_path
from game.scenes.scene import Push
from game.scenes.station import boxes, drawing
from game.scenes.station.station_scene import StationScene
from game.settings import Settings
from tests.app_helpers import open_recording_app, run_frames

LEVEL_FILE = Path(__file__).resolve().parent.parent / "levels" / "01_agreement_2021.toml"
LOOKS = [(size, scale) for size in ((1280, 720), (1920, 1080)) for scale in (1.0, 1.5, 2.0)]


@pytest.mark.parametrize(("size", "scale"), LOOKS, ids=[f"{s[0]}x{s[1]}-{round(k * 100)}" for s, k in LOOKS])
def test_the_hint_the_legend_and_the_pause_banner_never_cover_each_other(
        size: tuple[int, int], scale: float, monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_recording_app(Settings(ui_scale=scale, window_size=size))
    try:
        scene = StationScene(app.ctx, load_level_by_path(LEVEL_FILE))
        app.request(Push(scene))
        run_frames(app)
        assert app.window.get_size() == size and scene.runner.paused
        scene.state.overlay = "sunlight"
        assert scene.run.hints.showing is not None  # the first hint, at the level's start
        drawn: dict[str, Any] = {}
        legend, banner = boxes.draw_overlay_legend, boxes.draw_pause_banner

        def note_legend(surface: pygame.Surface, box: pygame.Rect | None, *args: Any) -> None:
            drawn["legend"] = box
            legend(surface, box, *args)

        def note_banner(*args: Any) -> None:
            drawn["banner avoids"] = args[-1]
            banner(*args)

        monkeypatch.setattr(drawing, "draw_overlay_legend", note_legend)
        monkeypatch.setattr(drawing, "draw_pause_banner", note_banner)
        run_frames(app, 1)
        view = scene.camera.viewport
        hint = boxes.hint_box_rect(view, scene.run.hints.showing, scene.text, app.ctx.tr, "sunlight")
        assert view.contains(hint)
        if drawn["legend"] is not None:
            assert view.contains(drawn["legend"]) and not drawn["legend"].colliderect(hint)
        else:  # left out only when it fits neither beside nor above the hint
            size_px = boxes.legend_size("sunlight", scene.text, app.ctx.tr)
            assert size_px is not None and size_px[1] + hint.height + 3 * boxes.BOX_MARGIN > view.height
        assert hint in drawn["banner avoids"]
        if size == (1280, 720) and scale == 1.0:
            assert drawn["legend"] is not None and drawn["legend"].bottom == hint.bottom  # side by side
    finally:
        app.close()


@pytest.mark.parametrize("overlay", ["ground", "sunlight"])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_maps_labels_never_cover_each_other_nor_an_order(scale: float, overlay: str,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """At 200 % text the 'ordered' label of a module ordered under the Sun's mark covered the Sun's and Earth's
    labels at the map's edge; the Earth's label covered the order's tile."""
    from game.render.map_labels import LabelRoom
    from game.render.relief import edge_point

    app = open_recording_app(Settings(ui_scale=scale))
    try:
        scene = StationScene(app.ctx, load_level_by_path(LEVEL_FILE))
        app.request(Push(scene))
        run_frames(app)
        scene.run.hints.dismiss()
        run, camera = scene.run, scene.camera
        light = run.grid.light
        assert light is not None
        # The free tile nearest below the Sun's mark, where the labels crowd.
        sun = edge_point(camera.viewport, light.sky.sun(run.snapshot.hour)[0], 20)
        free = [(x, y) for x, y, _ in run.grid.cells()
                if camera.viewport.contains(camera.tile_rect(x, y)) and run.simulation.preview("solar_array", x, y).ok]
        target = min(free, key=lambda cell: (camera.tile_rect(*cell).centerx - sun[0]) ** 2
                     + (camera.tile_rect(*cell).centery - sun[1] - 60 * scale) ** 2)
        scene.tools.arm("solar_array")
        scene.tools.click_cell(target)
        scene.tools.cancel()
        scene.state.overlay = overlay
        rooms: list[LabelRoom] = []

        def noted_room(*args: Any) -> LabelRoom:
            rooms.append(LabelRoom(*args))
            return rooms[-1]

        monkeypatch.setattr(drawing, "LabelRoom", noted_room)
        run_frames(app, 1)
        room, tile = rooms[-1], camera.tile_rect(*target)
        sky = drawing.sky_marks(light, run.snapshot.hour, camera.viewport, scene.text, app.ctx.tr)
        discs = [mark.disc for mark in sky]
        labels = [box for box in room.taken if box != tile and box not in discs]
        assert len(labels) >= 3 + (overlay != "ground")  # the Sun's, Earth's, the order's (and the ground's)
        for index, label in enumerate(labels):
            assert camera.viewport.contains(label) and not label.colliderect(tile), (label, tile)
            assert label.collidelist(labels[index + 1:]) < 0, (label, labels)
    finally:
        app.close()
