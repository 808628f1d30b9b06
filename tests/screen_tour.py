"""The way to every screen a player can reach, from a freshly opened app's title, as a keyboard player goes there.

Shared by the tests (tests/test_every_screen.py checks that each screen is drawn), the frame benchmark
(benchmarks/screens.py) and the screenshot gallery (tools/screenshots.py). `visit_screens` takes one app to many
screens in turn, as a player goes back and on, so that a test of every screen opens one app, not one a screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from tests.app_helpers import press, run_frames

T = TypeVar("T")

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


# The screens reached from the station, and the keys that reach them from it.
_FROM_STATION: dict[str, tuple[tuple[str, str], ...]] = {
    "station": (),
    "pause": (("K_ESCAPE", "PauseScene"),),
    "partners": (("K_p", "PartnerRosterScene"),),
    "negotiation": (("K_p", "PartnerRosterScene"), ("K_n", "NegotiationScene")),
    "ledger": (("K_p", "PartnerRosterScene"), ("K_l", "LedgerScene")),
}


def alive_buttons(app: Any) -> list[str]:
    """The words of every button alive in the app's UI, sorted."""
    import pygame_gui

    return sorted(element.text for element in app.ui.get_sprite_group().sprites()
                  if isinstance(element, pygame_gui.elements.UIButton) and element.alive())


def back_to(app: Any, class_name: str) -> Any:
    """Leaves the scenes above the lowest `class_name` of the stack (no question asked: the test is done with
    them), as Esc would one by one; returns the scene revealed."""
    from game.scenes.scene import Pop, apply_transition

    names = [type(scene).__name__ for scene in app.stack]
    assert class_name in names, f"no {class_name} in the stack {names}"
    while len(app.stack) > names.index(class_name) + 1:
        apply_transition(app.stack, Pop())
    return app.top


def _station_in(app: Any) -> bool:
    return any(type(scene).__name__ == "StationScene" for scene in app.stack)


def visit_screens(app: Any, names: Iterable[str], look: Callable[[Any, str], T]) -> dict[str, T | Exception]:
    """Takes a freshly opened app to each screen of `names` in turn and returns what `look(app, name)` found
    there; a screen that cannot be reached (or a `look` that fails) gets its exception instead, and the tour
    goes on from the title.

    Each screen is reached as `open_screen` reaches it, from the title, except those under the station: the
    station is opened once and its pause, partner, negotiation and ledger screens reached from it, with the
    same keys (they come last, whatever the order of `names`). Before each screen the fonts' record is cleared
    (if the fonts keep one), so what `look` finds drawn was drawn on the way to that screen or on it. Going back
    from a screen must find the buttons of the screen below as they were, or that screen's result is the error.
    """
    import pygame

    run_frames(app, 1)
    found: dict[str, T | Exception] = {}
    # The buttons of each screen the tour goes back to: going back must find them as they were, or the screen
    # left behind some of its own.
    bases: dict[str, list[str]] = {"TitleScene": alive_buttons(app)}
    for name in sorted(names, key=lambda name: name in _FROM_STATION):
        try:
            base = "StationScene" if name in _FROM_STATION and _station_in(app) else "TitleScene"
            back_to(app, base)
            _forget_drawn(app)
            if base == "StationScene":
                for key, class_name in _FROM_STATION[name]:
                    press(app, getattr(pygame, key), frames=1)
                    _expect(app, class_name)
            else:
                _open(app, name)
            if name == "station":
                bases["StationScene"] = alive_buttons(app)
            run_frames(app, 3)
            seen = look(app, name)
            if name != "station":  # the station stays open for the screens reached from it
                back_to(app, base)
                left, expected = alive_buttons(app), bases[base]
                bases[base] = left  # the next screen is not blamed for this one's leftovers
                assert left == expected, f"back from {name} on the {base}, its buttons are {left}, not {expected}"
            found[name] = seen
        except Exception as error:  # this screen's test reports it; the others still get theirs
            found[name] = error
    return found


def _forget_drawn(app: Any) -> None:
    seen = getattr(app.ctx.fonts, "seen", None)
    if seen is not None:
        seen.clear()
    widths = getattr(app.ctx.fonts, "widths", None)
    if widths is not None:
        widths.clear()
