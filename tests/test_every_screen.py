"""Every screen of the game, opened through the real app as a player opens it, is drawn: in the standard
colours and in high contrast, at 100 % and at 200 % text size. One app a look visits every screen in turn
(tests/screen_tour.py's visit_screens) and each test reads what its screen showed."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame
import pygame_gui
import pytest

from game.render.palette import palette_for
from game.settings import Settings
from tests.app_helpers import open_recording_app
from tests.conftest import REPO
from tests.screen_tour import SCREENS, visit_screens

# For each screen: a text the game draws on it (heading or label) and the start of a button's label, if any
# (buttons may drop their key hint, "(B)", when large text leaves no room).
EXPECTED: dict[str, tuple[str, str | None]] = {
    "title": ("Lunar Station", "Campaign"),
    "campaign_timeline": ("Campaign", "Open briefing  (Enter)"),
    "briefing": ("Open to All: the 2021 Agreement", "Start the level"),
    "station": ("Budget", "Build"),
    "pause": ("Paused", "Resume"),
    "settings": ("Settings", "Apply"),
    "debrief": ("Goals", "Export for teacher"),
    "partners": ("What they care for (game values)", "Negotiate"),
    "negotiation": ("They give", "Propose"),
    "ledger": ("Agreement ledger", "Back"),
    "landing_practice": ("Landing practice", "Fly"),
    "landing_flight": ("Altitude", None),  # flying: no buttons, the HUD only
    "encyclopedia": ("Encyclopedia", "Back  (Esc)"),
    "credits": ("Credits", "Back  (Esc)"),
    "sandbox_list": ("Sandbox and mods", "Open briefing"),
    "teacher": ("Teacher", "Save class file"),
}
# Screens whose background is the palette's sky or panel colour (the rest show the sky, Moon or station art).
FLAT_BACKGROUND = {"campaign_timeline", "briefing", "settings", "landing_practice", "encyclopedia", "credits",
                   "sandbox_list", "partners", "negotiation", "ledger", "teacher"}
GRID = (64, 36)  # pixels sampled across the window


def sampled_colours(surface: pygame.Surface) -> Counter[tuple[int, int, int]]:
    width, height = surface.get_size()
    columns, rows = GRID
    return Counter(
        tuple(surface.get_at((x * width // columns, y * height // rows)))[:3]  # type: ignore[misc]
        for x in range(columns) for y in range(rows)
    )


def button_labels(ui: pygame_gui.UIManager) -> list[str]:
    return [element.text for element in ui.get_sprite_group().sprites()
            if isinstance(element, pygame_gui.elements.UIButton) and element.alive() and element.visible]


def was_drawn(expected: str, seen: str) -> bool:
    """The text itself, or its start cut with '…' where a large UI scale leaves less room."""
    return seen == expected or (seen.endswith("…") and len(seen) > 4 and expected.startswith(seen[:-1]))


LOOKS = {"standard": Settings(), "high_contrast": Settings(high_contrast=True),
         "high_contrast_200": Settings(high_contrast=True, ui_scale=2.0)}


@dataclass(frozen=True)
class Shown:
    """What one screen showed: the texts drawn on the way and on it, its buttons, its colours, its palette's
    backgrounds."""

    drawn: frozenset[str]
    buttons: tuple[str, ...]
    colours: Counter[tuple[int, int, int]]
    backgrounds: frozenset[tuple[int, int, int]]


def _look(app: Any, name: str) -> Shown:
    look = app.ctx.palette
    return Shown(frozenset(app.ctx.fonts.seen), tuple(button_labels(app.ui)), sampled_colours(app.window),
                 frozenset((colour.r, colour.g, colour.b) for colour in (look.sky, look.panel, look.panel_raised)))


# Each look's screens, visited once (by the first test that asks) in one app in this process.
_SHOWN: dict[str, dict[str, Shown | Exception]] = {}


def _shown(look: str, name: str) -> Shown:
    if look not in _SHOWN:
        app = open_recording_app(LOOKS[look])
        try:
            _SHOWN[look] = visit_screens(app, SCREENS, _look)
        finally:
            app.close()
    found = _SHOWN[look][name]
    if isinstance(found, Exception):
        raise found
    return found


@pytest.mark.parametrize("look", [pytest.param(look, marks=pytest.mark.xdist_group(f"every_screen-{look}"))
                                  for look in LOOKS])
@pytest.mark.parametrize("name", SCREENS)
def test_every_screen_is_drawn(look: str, name: str) -> None:
    shown = _shown(look, name)
    text, button = EXPECTED[name]
    assert any(was_drawn(text, seen) for seen in shown.drawn), f"{name}: '{text}' was never drawn"
    if button is not None:
        assert any(label.startswith(button) for label in shown.buttons), \
            f"{name}: no '{button}' button among {shown.buttons}"
    colours = shown.colours
    assert len(colours) > 12, f"{name}: only {len(colours)} colours on screen: blank or nearly"
    most_common, count = colours.most_common(1)[0]
    assert count < GRID[0] * GRID[1] * 0.97, f"{name}: one colour covers the whole window"
    if name in FLAT_BACKGROUND:
        assert most_common in shown.backgrounds, f"{name}: the background is {most_common}, not the palette's"


def test_the_high_contrast_sky_differs_from_the_standard_one() -> None:
    # The background check above tells the two looks apart only because their skies differ.
    assert palette_for("standard").sky != palette_for("standard", high_contrast=True).sky


# --- the landing screen follows the settings: bound keys and the player's assists -------------------------


def _key_down(code: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0)


def _seen(angle: float = 0.0) -> Any:
    from game.landing.pilot import Observation

    return Observation(time_s=0.0, x_m=0.0, y_m=100.0, altitude_m=50.0, vx_m_s=0.0, vy_m_s=-5.0, angle_rad=angle,
                       angular_velocity_rad_s=0.0, mass_kg=2000.0, propellant_kg=500.0, target_x_m=800.0,
                       gravity_m_s2=1.622, min_thrust_n=1500.0, max_thrust_n=7500.0, exhaust_velocity_m_s=3000.0,
                       max_angular_acceleration_rad_s2=0.5, legs_touching=0)


def test_the_landing_keys_default_to_the_settings_defaults() -> None:
    from game.settings import KEY_ACTIONS
    from game.ui.flight_input import DEFAULT_FLIGHT_KEYS

    pygame.display.init()  # key names are looked up through SDL's video part, as in the running game
    try:
        defaults = Settings()
        landing = {action.id for action in KEY_ACTIONS if action.screen == "landing"}
        assert landing == set(DEFAULT_FLIGHT_KEYS)
        assert {action: defaults.key_code(action) for action in landing} == DEFAULT_FLIGHT_KEYS
    finally:
        pygame.display.quit()


def test_a_rebound_key_flies_and_a_spare_key_steps_aside_for_a_binding() -> None:
    from game.ui.flight_input import FlightInput, FlightKeys

    pygame.display.init()
    try:
        settings = Settings()
        settings.key_bindings.update(throttle_up="i", turn_left="w")  # W was throttle's spare key
        controls = FlightInput(keys=FlightKeys.from_settings(settings))
    finally:
        pygame.display.quit()
    assert not controls.handle(_key_down(pygame.K_UP))  # no longer bound to anything
    controls.handle(_key_down(pygame.K_w))
    assert controls.command(_seen(), 1 / 60).attitude == 1.0  # W turns left now, as bound
    assert controls.command(_seen(), 1 / 60).throttle == 0.0
    controls.handle(_key_down(pygame.K_i))
    assert controls.command(_seen(), 0.5).throttle > 0.0
    assert "I/Shift more thrust" in controls.keys.help_line()


def test_an_old_settings_file_with_autopilot_on_a_still_loads_and_a_then_toggles_the_autopilot(
    user_home: Path,
) -> None:
    from game.settings import load_settings, settings_path
    from game.ui.flight_input import FlightKeys

    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(json.dumps({"key_bindings": {"autopilot": "a", "pause": "space"}}), encoding="utf-8")
    loaded = load_settings()
    assert loaded.warning is None and loaded.settings.key_name("autopilot") == "a"
    pygame.display.init()
    try:
        keys = FlightKeys.from_settings(loaded.settings)
    finally:
        pygame.display.quit()
    assert keys.is_key("autopilot", pygame.K_a) and not keys.is_key("turn_left", pygame.K_a)
    assert keys.is_key("turn_left", pygame.K_LEFT) and keys.is_key("turn_right", pygame.K_d)


def test_the_players_assists_are_added_to_the_levels_and_a_replay_keeps_its_own() -> None:
    from game.content.loader import load_level_by_path
    from game.content.models import LandingAssists
    from game.scenes.landing.flight_screen import assists_with_settings

    level_assists = LandingAssists(suggested_burn=True, slow_motion=0.25)
    mine = Settings(assist_attitude_hold=True, landing_time_scale=0.5, assist_larger_target=True)
    combined = assists_with_settings(level_assists, mine)
    assert combined.attitude_hold and combined.suggested_burn  # either one turns an assist on
    assert combined.slow_motion == 0.25  # the slower of the two
    assert combined.target_scale == 2.0
    assert assists_with_settings(level_assists, Settings()) == level_assists  # all off: the level's alone
    assert load_level_by_path(REPO / "levels" / "01_agreement_2021.toml").ok


def test_a_landing_flies_with_the_assists_chosen_in_the_settings(app: Any) -> None:
    from game.content.loader import load_level_by_path
    from game.landing.recorder import FlightRecording
    from game.scenes.landing.flight_screen import LandingScene
    from game.scenes.menus.settings_rows import settings_rows

    assert {"assist_attitude_hold", "assist_suggested_burn", "landing_time_scale", "assist_larger_target"} <= {
        row.key for row in settings_rows(Settings())}
    loaded = load_level_by_path(REPO / "levels" / "01_agreement_2021.toml")
    app.ctx.settings.landing_time_scale = 0.5
    app.ctx.settings.assist_suggested_burn = True
    scene = LandingScene(app.ctx, loaded, seed=3)
    assert scene.scenario.assists.slow_motion == 0.5 and scene.scenario.assists.suggested_burn
    assert scene.slow_motion == 0.5
    recording: FlightRecording = scene.session.recording
    assert recording.assists is not None and recording.assists.slow_motion == 0.5  # a replay flies as flown
