"""Every station action key is rebindable: the new key does the thing on the real screen, the old one no longer
does, the screen names the bound key, the settings refuse keys the game keeps, and the settings file's
sentences (old files, unknown key names) come out in the player's language."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.content.loader import LoadedLevel, load_level_by_path
from game.content.message import Message, level_text
from game.content.ui_text import Translator
from game.scenes.menus.settings_rows import PASSIVE_KINDS
from game.scenes.menus.settings_screen import SettingsScene
from game.scenes.scene import Push
from game.scenes.station import drawing, station_input
from game.scenes.station.keys import StationKeys
from game.scenes.station.station_scene import StationScene
from game.settings import DEFAULT_KEY_BINDINGS, KEY_ACTIONS, Settings, key_refusal, load_settings, rebind
from game.ui.hints import Hint
from tests.app_helpers import click_button, press, record_fonts, run_frames
from tests.bracket_language import bracket_translator

LEVEL_FILE = Path(__file__).resolve().parent.parent / "levels" / "01_agreement_2021.toml"
FREE_KEY = pygame.K_j  # bound to nothing on the station by default
NEW_ACTIONS = ("tab_build", "tab_goals", "tab_log", "overlay", "rotate", "demolish", "dismiss_hint", "quick_save",
               "partners", "fit_map", "horizon_plot")


@pytest.fixture(scope="module")
def loaded() -> LoadedLevel:
    return load_level_by_path(LEVEL_FILE)


@pytest.fixture(scope="module")
def pseudo_tr() -> Translator:
    """A made-up language in which every line the template collects reads ⟦like this⟧."""
    return bracket_translator()


def open_station(app: Any, loaded: LoadedLevel, bindings: dict[str, str]) -> StationScene:
    app.ctx.settings.key_bindings.update(bindings)
    scene = StationScene(app.ctx, loaded)
    app.request(Push(scene))
    run_frames(app)
    assert app.top is scene and scene.run.simulation is not None
    scene.run.hints.dismiss()
    return scene


# --- what each action's state looks like, before and after its key ---------------------------------------


def _first_module(scene: StationScene) -> str:
    return scene.tools.palette.entries[0].spec.id


def _prepare(scene: StationScene, action: str) -> None:
    """Puts the screen where the action shows: another tab open, a module in hand, a hint up, zoomed in."""
    if action in ("tab_build", "tab_log"):
        station_input.open_tab(scene, "goals")
    elif action == "rotate":
        scene.tools.arm(_first_module(scene))
    elif action == "dismiss_hint":
        scene.run.hints.showing = Hint("test", level_text("A hint to close."))
    elif action == "quick_save":
        scene.run.last_save = None
    elif action == "fit_map":
        scene.camera.zoom_at(4.0)


def _state(scene: StationScene) -> tuple[object, ...]:
    tools = scene.tools
    return (scene.state.side_tab, tools.palette.focused, scene.state.overlay, tools.rotated, tools.demolishing,
            scene.run.hints.showing is None, scene.run.last_save is not None, round(scene.camera.tile_px, 3),
            scene.runner.paused, scene.state.horizon_plot)


def _done(app: Any, scene: StationScene, action: str) -> bool:
    """Whether the action's key did its job."""
    checks: dict[str, Callable[[], bool]] = {
        "tab_build": lambda: scene.state.side_tab == "build" and scene.tools.palette.focused,
        "tab_goals": lambda: scene.state.side_tab == "goals",
        "tab_log": lambda: scene.state.side_tab == "log",
        "overlay": lambda: scene.state.overlay != "none",
        "rotate": lambda: scene.tools.rotated,
        "demolish": lambda: scene.tools.demolishing,
        "dismiss_hint": lambda: scene.run.hints.showing is None,
        "quick_save": lambda: scene.run.last_save is not None and scene.run.last_save.exists(),
        "partners": lambda: app.top is not scene,
        "fit_map": lambda: scene.camera.tile_px < 4.0 * fitted_tile_px(scene),
        "horizon_plot": lambda: scene.state.horizon_plot,
    }
    return checks[action]()


def fitted_tile_px(scene: StationScene) -> float:
    zoom = scene.camera.tile_px
    scene.camera.fit()
    fitted = scene.camera.tile_px
    scene.camera.tile_px = zoom
    return fitted


@pytest.mark.parametrize("action", NEW_ACTIONS)
def test_a_rebound_station_key_does_its_action_and_the_old_key_no_longer_does(
    app: Any, loaded: LoadedLevel, action: str
) -> None:
    if action == "tab_log":  # the log is a tab of its own only in a window too short to show it below the list
        pygame.display.set_mode((960, 540), pygame.RESIZABLE)
        run_frames(app)
    scene = open_station(app, loaded, {action: "j"})
    assert action != "tab_log" or scene.layout.log_tab
    assert scene.runner.paused  # the station opens paused: without a partners screen, the partners key runs time
    _prepare(scene, action)
    before = _state(scene)
    old_key = pygame.key.key_code(DEFAULT_KEY_BINDINGS[action])
    press(app, old_key)
    assert app.top is scene and _state(scene) == before, f"{DEFAULT_KEY_BINDINGS[action]} still works for {action}"
    press(app, FREE_KEY)
    assert _done(app, scene, action), action


def test_shift_with_the_overlay_key_goes_back(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded, {"overlay": "j"})
    press(app, FREE_KEY)
    forward = scene.state.overlay
    press(app, FREE_KEY, pygame.KMOD_SHIFT)
    press(app, FREE_KEY, pygame.KMOD_SHIFT)
    assert scene.state.overlay not in ("none", forward)


def test_the_tabs_footer_and_help_line_name_the_bound_keys(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded, {"tab_build": "j", "tab_goals": "u", "demolish": "v", "quick_save": "f6",
                                       "overlay": "y", "rotate": "t", "partners": "n"})
    labels = {name: button.text for name, button in scene.widgets.buttons.items()}
    if "(" in labels["tab-build"]:  # the keys are shown when they fit beside the words
        assert labels["tab-build"].endswith("(J)") and labels["tab-goals"].endswith("(U)")
    if scene.widgets.footer_wording == 0:
        assert labels["demolish"].endswith("(V)") and labels["save"].endswith("(F6)")
        assert labels["overlay"].endswith("(Y)")
        if "partners" in labels:
            assert labels["partners"].endswith("(N)")
    shown = " ".join(labels.values())
    for old in ("(B)", "(G)", "(X)", "(F5)", "(O)", "(P)"):
        assert old not in shown
    scene.tools.arm(_first_module(scene))
    assert "T: rotate" in drawing.footer_hint(scene) and "R: rotate" not in drawing.footer_hint(scene)


def test_the_hint_box_names_the_key_bound_to_close_it(app: Any, loaded: LoadedLevel) -> None:

    fonts = record_fonts(app)
    app.ctx.settings.key_bindings.update({"dismiss_hint": "j"})
    scene = StationScene(app.ctx, loaded)
    app.request(Push(scene))
    run_frames(app)
    assert scene.run.hints.showing is not None
    assert "J or click: got it" in fonts.seen and "H or click: got it" not in fonts.seen
    press(app, FREE_KEY)
    assert scene.run.hints.showing is None


def test_home_still_fits_the_map_whatever_the_fit_key(app: Any, loaded: LoadedLevel) -> None:
    scene = open_station(app, loaded, {"fit_map": "j"})
    fitted = fitted_tile_px(scene)
    scene.camera.zoom_at(4.0)
    press(app, pygame.K_HOME)
    assert scene.camera.tile_px == pytest.approx(fitted)


# --- the settings file and the settings screen ------------------------------------------------------------


def test_an_old_settings_file_gets_the_default_keys_for_the_new_actions(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    older = {action: key for action, key in DEFAULT_KEY_BINDINGS.items() if action not in NEW_ACTIONS}
    path.write_text(json.dumps({"key_bindings": {**older, "pause": "k"}}), encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.warning is None
    for action in NEW_ACTIONS:
        assert loaded.settings.key_name(action) == DEFAULT_KEY_BINDINGS[action]
    assert loaded.settings.key_name("pause") == "k"


def test_a_damaged_key_name_falls_back_to_its_default_with_one_translatable_sentence(
    tmp_path: Path, pseudo_tr: Translator
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"key_bindings": {"rotate": "no-such-key", "demolish": "v"}}), encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings.key_name("rotate") == "r" and loaded.settings.key_name("demolish") == "v"
    warning = loaded.warning
    assert isinstance(warning, Message)
    assert "“no-such-key” for “Rotate the module”" in warning and "so it is R again" in warning
    assert warning.endswith(".") and ". " not in warning  # one sentence
    shown = pseudo_tr(warning)
    assert shown.startswith("⟦Some settings were wrong") and "⟦Rotate the module⟧" in shown
    assert "⟦the key “no-such-key” for “⟦Rotate the module⟧”" in shown


@pytest.mark.parametrize(
    "contents",
    ["{not json", '{"ui_scale": 7}', '{"palette": "rainbow"}', '{"key_bindings": ["space"]}', "[1, 2]"],
)
def test_every_warning_of_the_settings_file_comes_out_in_the_players_language(
    tmp_path: Path, pseudo_tr: Translator, contents: str
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(contents, encoding="utf-8")
    warning = load_settings(path).warning
    assert isinstance(warning, Message)
    shown = pseudo_tr(warning)
    assert shown.startswith("⟦Your settings file settings.json") or shown.startswith("⟦Some settings were wrong")
    if not contents.startswith("{not"):  # JSON's own complaint stays the library's English; ours do not
        assert shown.count("⟦") >= 2, shown


def test_the_pan_word_and_the_action_labels_are_translated(app: Any, pseudo_tr: Translator) -> None:
    keys = StationKeys.from_settings(Settings())
    assert pseudo_tr(keys.pan_labels()) == "⟦arrows⟧"
    for action in KEY_ACTIONS:
        assert pseudo_tr(action.title) == f"⟦{action.label}⟧"


@pytest.mark.parametrize("key_name", ["return", "tab", "escape", "f11", "f12"])
def test_keys_the_game_keeps_are_refused_for_station_actions(key_name: str, pseudo_tr: Translator) -> None:
    refusal = key_refusal("rotate", key_name)
    assert refusal is not None and "“Rotate the module” keeps its key" in refusal
    assert pseudo_tr(refusal).startswith("⟦")


def test_the_landing_may_still_use_tab_for_its_autopilot() -> None:
    assert key_refusal("autopilot", "tab") is None


def test_the_settings_screen_refuses_enter_for_an_action_and_keeps_the_old_key(app: Any) -> None:
    scene = SettingsScene(app.ctx)
    app.request(Push(scene))
    run_frames(app, 3)
    row = next(index for index, row in enumerate(scene.rows) if row.key == "rotate")
    scene.focus = scene.focusable().index(("row", row))
    press(app, pygame.K_RETURN)
    assert scene.listening == "rotate"
    press(app, pygame.K_RETURN)
    assert scene.listening is None and scene.working.key_name("rotate") == "r"
    assert "Enter stays as it is on every screen" in scene.message


def test_a_key_taken_on_the_station_moves_over_so_no_two_actions_share_one() -> None:
    settings = Settings()
    assert rebind(settings, "rotate", "b") == "tab_build"
    assert settings.key_name("tab_build") == "r"
    station = [settings.key_name(action.id) for action in KEY_ACTIONS if action.screen == "station"]
    assert len(station) == len(set(station))


def test_the_settings_pages_turn_with_the_mouse_wheel_and_the_page_buttons(app: Any) -> None:
    app.ctx.settings.ui_scale = 2.0
    app.ctx.apply_look()
    scene = SettingsScene(app.ctx)
    app.request(Push(scene))
    run_frames(app, 3)
    pages = len(scene.pages())
    assert pages > 1 and len(scene.widgets.page_buttons) == 2
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False, precise_x=0.0,
                                         precise_y=-1.0, touch=False))
    run_frames(app)
    assert scene.page == 1
    for button in scene.widgets.page_buttons:  # both inside the window, clear of the title
        assert app.ctx.ui.get_root_container().get_rect().contains(button.get_abs_rect())
    click_button(app, scene.widgets.page_buttons[0])
    assert scene.page == 0
    click_button(app, scene.widgets.page_buttons[1])
    click_button(app, scene.widgets.page_buttons[1])
    assert scene.page == 2 % pages
    seen: set[int] = set()
    for _ in range(pages):  # every row reachable by the mouse alone
        seen |= set(scene.widgets.controls)
        click_button(app, scene.widgets.page_buttons[1])
    assert seen == {index for index, row in enumerate(scene.rows) if row.kind not in PASSIVE_KINDS}
