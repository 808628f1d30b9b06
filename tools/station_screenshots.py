"""The station screen at its telling moments, as PNGs: the ghost with its reason, each overlay, a busy log.

    python tools/station_screenshots.py [--out FOLDER]

tools/screenshots.py calls `shoot_station_screens` as part of the whole gallery; this file also runs alone.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIRST_LEVEL = REPO / "levels" / "01_agreement_2021.toml"


def shoot_station_screens(out: Path, size: tuple[int, int] = (1280, 720)) -> list[Path]:
    """Renders the first level's station screen at several moments; returns the files written."""
    import pygame

    from game.app import open_app
    from game.content.loader import load_level_by_path
    from game.scenes.station.station_scene import StationScene

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    loaded = load_level_by_path(FIRST_LEVEL)
    app = open_app(lambda ctx: StationScene(ctx, loaded))
    suffix = "" if size == (1280, 720) else f"_{size[0]}x{size[1]}"

    def frames(count: int, dt: float = 1 / 60) -> None:
        for _ in range(count):
            app.frame(dt)

    def key(code: int, count: int = 3, mod: int = 0) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=code, mod=mod, unicode="", scancode=0))
        frames(count)

    def mouse_to(position: tuple[float, float]) -> None:
        point = (round(position[0]), round(position[1]))
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=point, rel=(0, 0), buttons=(0, 0, 0)))
        frames(3)

    def shoot(name: str) -> None:
        path = out / f"{name}{suffix}.png"
        pygame.image.save(app.window, str(path))
        written.append(path)

    try:
        if app.window.get_size() != size:
            pygame.display.set_mode(size, pygame.RESIZABLE)
            frames(3)
        scene = app.top
        assert isinstance(scene, StationScene) and scene.run.simulation is not None
        frames(3)
        mouse_to((5, 5))
        shoot("station_start_hint")
        key(pygame.K_h)
        # The palette open, a solar array's ghost over the shadowed crater floor, with its reason.
        key(pygame.K_b)
        scene.tools.arm("solar_array")
        floor = next((x, y) for x, y, kind in scene.run.grid.cells() if kind.id == "crater_floor")
        mouse_to(scene.camera.grid_to_screen(floor[0] + 0.5, floor[1] + 0.5))
        shoot("station_ghost_invalid")
        peak = next((x, y) for x, y, kind in scene.run.grid.cells()
                    if kind.id == "peak" and scene.run.module_at((x, y)) is None)
        mouse_to(scene.camera.grid_to_screen(peak[0] + 0.5, peak[1] + 0.5))
        shoot("station_ghost_valid")
        x, y = scene.camera.grid_to_screen(peak[0] + 0.5, peak[1] + 0.5)
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(round(x), round(y))))
        frames(3)
        key(pygame.K_ESCAPE)
        scene.run.hints.dismiss()
        mouse_to((5, 5))
        for overlay in ("sunlight", "ice", "power", "earth"):
            key(pygame.K_o)
            assert scene.state.overlay == overlay
            shoot(f"station_overlay_{overlay}")
        key(pygame.K_o)  # back to the ground
        # Run at 16× until the cargo waits in orbit, let the autopilot land it, then run on to fill the log.
        key(pygame.K_3)
        for _ in range(900):
            frames(1, dt=0.1)
            if scene.runner.landing_question is not None:
                break
        frames(3)
        shoot("station_landing_question")
        key(pygame.K_a)
        scene.run.hints.dismiss()
        key(pygame.K_3)
        frames(180, dt=0.1)
        scene.run.hints.dismiss()
        battery = next(module for module in scene.run.modules if module.module_id == "battery")
        mouse_to(scene.camera.grid_to_screen(battery.x + 0.5, battery.y + 0.5))
        shoot("station_running_log")
        key(pygame.K_g)
        mouse_to((scene.layout.resource_bar.x + 190, scene.layout.resource_bar.centery))
        shoot("station_goals_and_bar_tooltip")
    finally:
        app.close()
    return written


LOOKS = (  # (name, palette, high contrast, UI scale, window size)
    ("standard", "standard", False, 1.0, (1280, 720)),
    ("colour_blind", "colour_blind", False, 1.0, (1280, 720)),
    ("high_contrast", "standard", True, 1.0, (1280, 720)),
    ("colour_blind_high_contrast", "colour_blind", True, 1.0, (1280, 720)),
    ("scale150", "standard", False, 1.5, (1280, 720)),
    ("scale200", "standard", False, 2.0, (1920, 1080)),
)


def shoot_station_looks(out: Path, looks: tuple[tuple[str, str, bool, float, tuple[int, int]], ...] = LOOKS
                        ) -> list[Path]:
    """The station in each palette and UI scale, a few days in, with an invalid ghost and the power overlay.

    Writes station_look_<name>.png for each look; returns the files written.
    """
    import pygame

    from game.app import open_app
    from game.content.loader import load_level_by_path
    from game.ecs.commands import SetLandingMode
    from game.render.overlays import next_overlay
    from game.scenes.station.station_scene import StationScene

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    loaded = load_level_by_path(FIRST_LEVEL)
    for name, palette_name, high_contrast, scale, size in looks:
        app = open_app(lambda ctx: StationScene(ctx, loaded))
        try:
            settings = app.ctx.settings
            settings.palette, settings.high_contrast, settings.ui_scale = palette_name, high_contrast, scale
            settings.landing_choice = "autopilot"
            app.ctx.apply_look()
            if app.window.get_size() != size:
                pygame.display.set_mode(size, pygame.RESIZABLE)
            app.frame(1 / 60)  # the app tells the UI and the scene about the new size
            scene = app.top
            assert isinstance(scene, StationScene) and scene.run.simulation is not None
            scene.exit()
            scene.run.simulation.queue(SetLandingMode("autopilot"))
            scene.enter()
            scene.run.hints.dismiss()
            scene.runner.set_speed(16)
            for _ in range(400):  # about eight game-days at 16×: launches, landings and the first warnings
                app.frame(0.1)
                scene.run.hints.dismiss()
            scene.runner.toggle_pause()
            # The power overlay: network letters and the 'off' crosses.
            scene.state.overlay = next_overlay(scene.state.overlay, 3)
            scene.tools.arm("solar_array")
            floor = next((x, y) for x, y, kind in scene.run.grid.cells() if kind.id == "crater_floor")
            point = scene.camera.grid_to_screen(floor[0] + 0.5, floor[1] + 0.5)
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(round(point[0]), round(point[1])),
                                                 rel=(0, 0), buttons=(0, 0, 0)))
            for _ in range(3):
                app.frame(1 / 60)
            path = out / f"station_look_{name}.png"
            pygame.image.save(app.window, str(path))
            written.append(path)
        finally:
            app.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots", help="where to write the PNGs")
    parser.add_argument("--size", default="1280x720", help="window size, such as 1920x1080")
    parser.add_argument("--looks", action="store_true",
                        help="instead: the station in each palette and at 150 %% and 200 %% UI scale")
    args = parser.parse_args(argv)
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    sys.path.insert(0, str(REPO))
    width, height = (int(part) for part in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory(prefix="lunar-station-shots-") as home:
        os.environ["LUNAR_STATION_HOME"] = home
        shots = shoot_station_looks(args.out) if args.looks else shoot_station_screens(args.out, (width, height))
        for path in shots:
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
