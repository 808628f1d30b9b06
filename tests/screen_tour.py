"""The way to every screen a player can reach, from a freshly opened app's title, as a keyboard player goes there.

Shared by the tests (tests/test_every_screen.py checks that each screen is drawn), the frame benchmark
(benchmarks/screens.py) and the screenshot gallery (tools/screenshots.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.app_helpers import press, run_frames

FIRST_LEVEL = Path(__file__).resolve().parent.parent / "levels" / "01_agreement_2021.toml"

# Every screen a player can reach, in the order the game shows them.
SCREENS = (
    "title", "campaign_timeline", "briefing", "station", "pause", "settings", "debrief", "partners",
    "negotiation", "ledger", "landing_practice", "landing_flight", "encyclopedia", "credits", "sandbox_list", "teacher",
)


def _title_button(app: Any, label: str) -> None:
    """Walks the title's focus to the button `label` and presses Enter, as a keyboard player would."""
    import pygame

    from game.scenes.menus.title import TitleScene

    title = app.top
    assert isinstance(title, TitleScene) and title.focus is not None, f"not on the title: {title!r}"
    button = title.button_labelled(label)
    assert button is not None, f"the title has no '{label}' button"
    title.focus.focus_on(button)
    press(app, pygame.K_RETURN, frames=1)


def _expect(app: Any, class_name: str) -> Any:
    scene = app.top
    assert type(scene).__name__ == class_name, f"expected {class_name}, the top scene is {type(scene).__name__}"
    return scene


def _station(app: Any) -> Any:
    import pygame

    _title_button(app, "Campaign")
    _expect(app, "TimelineScene")
    press(app, pygame.K_RETURN, frames=1)  # the first open level's briefing
    _expect(app, "BriefingScene")
    press(app, pygame.K_RETURN, frames=1)  # Start
    return _expect(app, "StationScene")


def _partners(app: Any) -> Any:
    import pygame

    _station(app)
    press(app, pygame.K_p, frames=1)
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
    run_frames(app, 3)
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
        press(app, pygame.K_RETURN, frames=1)
        return _expect(app, "BriefingScene")
    if name == "station":
        return _station(app)
    if name == "pause":
        _station(app)
        press(app, pygame.K_ESCAPE, frames=1)
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
        press(app, pygame.K_n, frames=1)
        return _expect(app, "NegotiationScene")
    if name == "ledger":
        _partners(app)
        press(app, pygame.K_l, frames=1)
        return _expect(app, "LedgerScene")
    if name == "landing_practice":
        _title_button(app, "Landing practice")
        return _expect(app, "LandingPracticeScene")
    if name == "landing_flight":
        _title_button(app, "Landing practice")
        press(app, pygame.K_RETURN, frames=1)  # Fly
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
    if name == "teacher":  # no class on this machine: open, no PIN asked
        _title_button(app, "Teacher")
        return _expect(app, "TeacherScene")
    raise ValueError(f"no screen called '{name}'; the screens are: {', '.join(SCREENS)}")


def open_screen(app: Any, name: str) -> Any:
    """Takes a freshly opened app from its title to the screen `name` (one of SCREENS); returns that scene.

    Each key on the way gets one frame, as the game needs (a key is handled, and the next screen built and drawn, in
    the frame that reads it); the screen reached gets three."""
    run_frames(app, 1)
    scene = _open(app, name)
    run_frames(app, 3)
    return scene
