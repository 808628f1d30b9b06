"""The way to every screen a player can reach, from a freshly opened app's title, as a keyboard player goes there.

Shared by the tests (tests/test_every_screen.py checks that each screen is drawn), the frame benchmark
(benchmarks/screens.py) and the screenshot gallery (tools/screenshots.py). `visit_screens` takes one app to many
screens in turn, as a player goes on and back, so that a test of every screen opens one app, not one a screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from tests.app_helpers import press, run_frames

T = TypeVar("T")

FIRST_LEVEL = Path(__file__).resolve().parent.parent / "levels" / "01_agreement_2021.toml"

# Every screen a player can reach, in the order the game shows them.
SCREENS = (
    "title", "campaign_timeline", "briefing", "station", "pause", "settings", "debrief", "partners",
    "negotiation", "ledger", "landing_practice", "landing_flight", "encyclopedia", "credits", "sandbox_list", "teacher",
)


class Route(NamedTuple):
    """How a screen is reached: from the screen `after`, by the title's button `button` or the key `key` (a
    pygame constant's name); `scene` is the class of the scene it shows."""

    after: str | None
    scene: str
    button: str | None = None
    key: str | None = None


ROUTES: dict[str, Route] = {
    "title": Route(None, "TitleScene"),
    "campaign_timeline": Route("title", "TimelineScene", button="Campaign"),
    "briefing": Route("campaign_timeline", "BriefingScene", key="K_RETURN"),  # the first open level's
    "station": Route("briefing", "StationScene", key="K_RETURN"),  # Start
    "pause": Route("station", "PauseScene", key="K_ESCAPE"),
    "settings": Route("title", "SettingsScene", button="Settings"),
    "debrief": Route("title", "DebriefScene"),  # what a finished level shows: see _debrief
    "partners": Route("station", "PartnerRosterScene", key="K_p"),
    "negotiation": Route("partners", "NegotiationScene", key="K_n"),
    "ledger": Route("partners", "LedgerScene", key="K_l"),
    "landing_practice": Route("title", "LandingPracticeScene", button="Landing practice"),
    "landing_flight": Route("landing_practice", "LandingScene", key="K_RETURN"),  # Fly
    "encyclopedia": Route("title", "EncyclopediaScene", button="Encyclopedia"),
    "credits": Route("title", "CreditsScene", button="Credits"),
    "sandbox_list": Route("title", "LevelListScene", button="Sandbox and mods"),
    "teacher": Route("title", "TeacherScene", button="Teacher"),  # no class on this machine: open, no PIN asked
}


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


def _debrief(app: Any) -> None:
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


def _path(name: str) -> list[str]:
    """The screens from the title to `name`, both included."""
    if name not in ROUTES:
        raise ValueError(f"no screen called '{name}'; the screens are: {', '.join(SCREENS)}")
    path = [name]
    while (after := ROUTES[path[0]].after) is not None:
        path.insert(0, after)
    return path


def _step(app: Any, name: str) -> Any:
    """From the screen `name` is reached from, on to `name`; returns its scene."""
    import pygame

    route = ROUTES[name]
    if route.button is not None:
        _title_button(app, route.button)
    elif route.key is not None:
        press(app, getattr(pygame, route.key), frames=1)
    elif name == "debrief":
        _debrief(app)
    return _expect(app, route.scene)


def _open(app: Any, name: str) -> Any:
    scene = _expect(app, "TitleScene")
    for screen in _path(name)[1:]:
        scene = _step(app, screen)
    return scene


def open_screen(app: Any, name: str) -> Any:
    """Takes a freshly opened app from its title to the screen `name` (one of SCREENS); returns that scene.

    Each key on the way gets one frame, as the game needs (a key is handled, and the next screen built and drawn, in
    the frame that reads it); the screen reached gets three."""
    run_frames(app, 1)
    scene = _open(app, name)
    run_frames(app, 3)
    return scene


# --- many screens in one app -------------------------------------------------------------------------------


def alive_buttons(app: Any) -> list[str]:
    """The words of every button alive in the app's UI, sorted."""
    import pygame_gui

    return sorted(element.text for element in app.ui.get_sprite_group().sprites()
                  if isinstance(element, pygame_gui.elements.UIButton) and element.alive())


def _back_to(app: Any, name: str) -> list[str]:
    """Leaves the scenes above the screen `name` (no question asked: the test is done with them), as Esc would one
    by one; returns the names of the scenes left."""
    from game.scenes.scene import Pop, apply_transition

    classes = [type(scene).__name__ for scene in app.stack]
    left = classes[classes.index(ROUTES[name].scene) + 1:]
    for _ in left:
        apply_transition(app.stack, Pop())
    return left


def _deepest_open(app: Any, name: str) -> str:
    """The last screen on the way to `name` that is open in the app (the title at least)."""
    classes = {type(scene).__name__ for scene in app.stack}
    on_the_way = [screen for screen in _path(name)[:-1] if ROUTES[screen].scene in classes]
    return on_the_way[-1] if on_the_way else "title"


def visit_screens(app: Any, names: Iterable[str], look: Callable[[Any, str], T]) -> dict[str, T | Exception]:
    """Takes a freshly opened app to each screen of `names` in turn and returns what `look(app, name)` found
    there; a screen that cannot be reached (or a `look` that fails) gets its exception instead, and the tour
    goes on.

    The screens are visited in the order of their paths (the timeline, then the briefing from it, the station
    from that, its pause, partners and so on): each is reached by the same keys as `open_screen`, from the last
    screen on its way still open, the screens above that left as Esc would. Before each screen the fonts' record is
    cleared (if the fonts keep one), so what `look` finds drawn was drawn on the way to that screen or on it. A
    screen gone back to must show the buttons it showed before, or the screens left gave it some of theirs: the
    last screen visited gets that error (which names them all)."""
    run_frames(app, 1)
    found: dict[str, T | Exception] = {}
    shown: dict[str, list[str]] = {"title": alive_buttons(app)}  # each screen's buttons when it was visited
    order = sorted(names, key=lambda name: [SCREENS.index(screen) for screen in _path(name)])
    last = None
    for name in [*order, "title"]:  # and back to the title at the end, to see what the last screens left
        try:
            start = _deepest_open(app, name)
            left = _back_to(app, start)
            if start in shown and alive_buttons(app) != shown[start]:
                error = AssertionError(f"back on the {start} from {', '.join(left)}, its buttons are "
                                       f"{alive_buttons(app)}, not {shown[start]}")
                shown[start] = alive_buttons(app)  # the next screens are not blamed for these leftovers
                if last is not None and not isinstance(found.get(last), Exception):
                    found[last] = error
            if last is not None and name == "title":
                break  # the tour's end
            _forget_drawn(app)
            for screen in _path(name)[_path(name).index(start) + 1:]:
                _step(app, screen)
            run_frames(app, 3)
            found[name] = look(app, name)
            shown[name] = alive_buttons(app)
        except Exception as error:  # this screen's test reports it; the others still get theirs
            found[name] = error
        last = name
    return found


def _forget_drawn(app: Any) -> None:
    seen = getattr(app.ctx.fonts, "seen", None)
    if seen is not None:
        seen.clear()
    widths = getattr(app.ctx.fonts, "widths", None)
    if widths is not None:
        widths.clear()
