"""Frame time of every screen of the game at 1280×720, headless, opened the way a player opens it.

Run `python -m benchmarks.screens [FRAMES]`. Each screen is reached through the real app (title buttons,
keys), then FRAMES whole frames (events, update, drawing, flip) are timed after a few warm-up frames.
Goal: the 95th percentile under 8 ms on every screen. Drawing goes to SDL's dummy driver, so the figure
is the game's own work without the display's. `open_screen(app, name)` is shared with
tests/test_every_screen.py, which checks that each screen is drawn.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

GOAL_MS = 8.0
FRAME_S = 1 / 60
WARM_UP_FRAMES = 5
SIZE = (1280, 720)
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


def frame_times(name: str, frames: int, look: Callable[[Any], None] | None = None
                ) -> tuple[list[float], list[float]]:
    """Seconds each of `frames` frames took on screen `name`, as wall time and as this thread's CPU time.

    The CPU time leaves out the moments another program on a shared machine had the processor, which
    wall time counts as a slow frame. `look` may change the settings first."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.app import open_app

    app = open_app()
    try:
        if look is not None:
            look(app)
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


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def screen_rows(frames: int = 120) -> list[Row]:
    """One row a screen: its 95th-percentile frame time and the ratio to the 8 ms goal."""
    rows: list[Row] = []
    for name in SCREENS:
        wall, cpu = frame_times(name, frames)
        p95 = percentile(wall, 0.95) * 1000
        cpu_p95 = percentile(cpu, 0.95) * 1000
        median = statistics.median(wall) * 1000
        verdict = "meets" if p95 < GOAL_MS else "MISSES"
        rows.append((f"screen {name.replace('_', ' ')}: 95th percentile frame", p95, "ms",
                     f"1280×720, {frames} frames, median {median:.2f} ms, CPU-time p95 {cpu_p95:.2f} ms; "
                     f"{p95 / GOAL_MS:.2f}× the 8 ms goal ({verdict})"))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    frames = int(args[0]) if args else 120
    for name, figure, unit, note in screen_rows(frames):
        print(f"{name:<52} {figure:>7.2f} {unit}  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
