"""Frame time of every screen of the game, headless, opened the way a player opens it, at two looks.

Run `python -m benchmarks.screens [FRAMES] [SCREEN...]`. Each screen is reached through the real app (title buttons,
keys), then FRAMES whole frames (events, update, drawing, flip) are timed after a few warm-up frames, once in
a 1280×720 window at 100 % text and once in a 1920×1080 window at 150 % text (a projector's size, and the text
size a classroom at the back of the room asks for). Goal: the 95th percentile of each frame's CPU time at most
4 ms on every screen at both looks (school laptops are about three times slower than one core here, so
4 ms here is about 12 ms there, inside a 60 Hz frame). CPU time leaves out the moments another program on a
shared machine had the processor. Drawing goes to SDL's dummy driver, so the figure is the game's own work
without the display's. Each look runs in a throwaway user folder, so the player's settings are never read or
written. `open_screen(app, name)` is shared with tests/test_every_screen.py, which checks that each screen is
drawn.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

GOAL_MS = 4.0
FRAME_S = 1 / 60
WARM_UP_FRAMES = 5
# (window size, text size): the default window, and a 1080p projector with the text at 150 %.
LOOKS: tuple[tuple[tuple[int, int], float], ...] = (((1280, 720), 1.0), ((1920, 1080), 1.5))
REPO = Path(__file__).resolve().parent.parent
FIRST_LEVEL = REPO / "levels" / "01_agreement_2021.toml"
Row = tuple[str, float, str, str]

# Every screen a player can reach, in the order the game shows them.
SCREENS = (
    "title", "campaign_timeline", "briefing", "station", "pause", "settings", "debrief", "partners",
    "negotiation", "ledger", "landing_practice", "landing_flight", "encyclopedia", "credits", "sandbox_list",
)


def _frames(app: Any, count: int = 3) -> None:
    for _ in range(count):
        app.frame(FRAME_S)


def _key(app: Any, code: int, frames: int = 3) -> None:
    import pygame

    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=code, mod=0, unicode="", scancode=0))
    _frames(app, frames)


def _title_button(app: Any, label: str) -> None:
    """Walks the title's focus to the button `label` and presses Enter, as a keyboard player would."""
    import pygame

    from game.scenes.menus.title import TitleScene

    title = app.top
    assert isinstance(title, TitleScene) and title.focus is not None, f"not on the title: {title!r}"
    button = title.button_labelled(label)
    assert button is not None, f"the title has no '{label}' button"
    title.focus.focus_on(button)
    _key(app, pygame.K_RETURN)


def _expect(app: Any, class_name: str) -> Any:
    scene = app.top
    assert type(scene).__name__ == class_name, f"expected {class_name}, the top scene is {type(scene).__name__}"
    return scene


def _station(app: Any) -> Any:
    import pygame

    _title_button(app, "Campaign")
    _expect(app, "TimelineScene")
    _key(app, pygame.K_RETURN)  # the first open level's briefing
    _expect(app, "BriefingScene")
    _key(app, pygame.K_RETURN)  # Start
    return _expect(app, "StationScene")


def _partners(app: Any) -> Any:
    import pygame

    _station(app)
    _key(app, pygame.K_p)
    return _expect(app, "PartnerRosterScene")


def _debrief(app: Any) -> Any:
    """A few days of level 1 run in the simulation, then its debrief: the screen a finished level replaces."""
    from game.content.loader import load_level_by_path
    from game.scenes.campaign.debrief import DebriefScene
    from game.scenes.scene import Push
    from game.simulation.simulation import Simulation

    loaded = load_level_by_path(FIRST_LEVEL)
    level, catalog = loaded.require()
    simulation = Simulation(level, catalog)
    simulation.run_hours(24 * 5)
    app.request(Push(DebriefScene(app.ctx, loaded, simulation)))
    _frames(app)
    return _expect(app, "DebriefScene")


def _open(app: Any, name: str) -> Any:
    import pygame

    if name == "title":
        return _expect(app, "TitleScene")
    if name == "campaign_timeline":
        _title_button(app, "Campaign")
        return _expect(app, "TimelineScene")
    if name == "briefing":
        _title_button(app, "Campaign")
        _key(app, pygame.K_RETURN)
        return _expect(app, "BriefingScene")
    if name == "station":
        return _station(app)
    if name == "pause":
        _station(app)
        _key(app, pygame.K_ESCAPE)
        return _expect(app, "PauseScene")
    if name == "settings":
        _title_button(app, "Settings")
        return _expect(app, "SettingsScene")
    if name == "debrief":
        return _debrief(app)
    if name == "partners":
        return _partners(app)
    if name == "negotiation":
        _partners(app)
        _key(app, pygame.K_n)
        return _expect(app, "NegotiationScene")
    if name == "ledger":
        _partners(app)
        _key(app, pygame.K_l)
        return _expect(app, "LedgerScene")
    if name == "landing_practice":
        _title_button(app, "Landing practice")
        return _expect(app, "LandingPracticeScene")
    if name == "landing_flight":
        _title_button(app, "Landing practice")
        _key(app, pygame.K_RETURN)  # Fly
        return _expect(app, "LandingScene")
    if name == "encyclopedia":
        _title_button(app, "Encyclopedia")
        return _expect(app, "EncyclopediaScene")
    if name == "credits":
        _title_button(app, "Credits")
        return _expect(app, "CreditsScene")
    if name == "sandbox_list":
        _title_button(app, "Sandbox and mods")
        return _expect(app, "LevelListScene")
    raise ValueError(f"no screen called '{name}'; the screens are: {', '.join(SCREENS)}")


def open_screen(app: Any, name: str) -> Any:
    """Takes a freshly opened app from its title to the screen `name` (one of SCREENS); returns that scene."""
    _frames(app, 1)
    scene = _open(app, name)
    _frames(app)
    return scene


def frame_times(name: str, frames: int, size: tuple[int, int] = LOOKS[0][0], text_scale: float = LOOKS[0][1],
                ) -> tuple[list[float], list[float]]:
    """Seconds each of `frames` frames took on screen `name` in a `size` window at `text_scale`, as wall time and
    as this thread's CPU time.

    The CPU time leaves out the moments another program on a shared machine had the processor, which
    wall time counts as a slow frame. Runs in a throwaway user folder holding only the look's settings."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.app import open_app
    from game.settings import Settings, save_settings

    previous = os.environ.get("LUNAR_STATION_HOME")
    with tempfile.TemporaryDirectory(prefix="lunar-station-bench-") as home:
        os.environ["LUNAR_STATION_HOME"] = home
        try:
            save_settings(Settings(window_size=size, ui_scale=text_scale))
            app = open_app()
            try:
                assert app.window.get_size() == size, f"asked for a {size} window, got {app.window.get_size()}"
                open_screen(app, name)
                _frames(app, WARM_UP_FRAMES)  # the first frames build caches: not what a player feels
                wall, cpu = [], []
                for _ in range(frames):
                    start, start_cpu = time.perf_counter(), time.thread_time()
                    app.frame(FRAME_S)
                    wall.append(time.perf_counter() - start)
                    cpu.append(time.thread_time() - start_cpu)
                return wall, cpu
            finally:
                app.close()
        finally:
            if previous is None:
                os.environ.pop("LUNAR_STATION_HOME", None)
            else:
                os.environ["LUNAR_STATION_HOME"] = previous


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def screen_rows(frames: int = 120, names: Sequence[str] = SCREENS) -> list[Row]:
    """One row a screen and look: its 95th-percentile CPU time a frame and the ratio to the 4 ms goal."""
    rows: list[Row] = []
    for size, text_scale in LOOKS:
        look = f"{size[0]}×{size[1]}, {text_scale:.0%} text"
        for name in names:
            wall, cpu = frame_times(name, frames, size, text_scale)
            cpu_p95 = percentile(cpu, 0.95) * 1000
            verdict = "meets" if cpu_p95 <= GOAL_MS else "MISSES"
            rows.append((f"screen {name.replace('_', ' ')}, {size[1]}p: CPU-time p95 frame", cpu_p95, "ms",
                         f"{look}, {frames} frames, median {statistics.median(cpu) * 1000:.2f} ms, wall-time p95 "
                         f"{percentile(wall, 0.95) * 1000:.2f} ms; {cpu_p95 / GOAL_MS:.2f}× the 4 ms goal ({verdict})"))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    frames = int(args[0]) if args and args[0].isdigit() else 120
    names = [arg for arg in args if not arg.isdigit()] or SCREENS
    for name, figure, unit, note in screen_rows(frames, names):
        print(f"{name:<52} {figure:>7.2f} {unit}  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
