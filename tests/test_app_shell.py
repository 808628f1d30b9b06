"""The app shell headless: the window, quitting with and without unsaved progress, F12, settings files."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import json
from pathlib import Path

import pygame
import pygame_gui

from game import paths
from game.app import WINDOW_SIZE, WINDOW_TITLE, App, open_app, run
from game.render import palette
from game.scenes.context import SceneContext
from game.scenes.menus.title import TitleScene
from game.scenes.scene import Pop, Push, SceneBase, Transition
from game.settings import Settings, load_settings, save_settings
from tests.app_helpers import colours_in, outline_colours, press, run_frames


class UnsavedScene(SceneBase):
    """A scene holding progress the player would lose; Esc leaves it."""

    @property
    def has_unsaved_progress(self) -> bool:
        return True

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return Pop()
        return None


def test_window_opens_at_1280_by_720_with_the_title_screen(app: App):
    assert pygame.display.get_caption()[0] == WINDOW_TITLE
    assert app.window.get_size() == WINDOW_SIZE == (1280, 720)
    assert isinstance(app.top, TitleScene)


def test_title_screen_is_drawn_with_the_focused_play_button(app: App):
    run_frames(app, 3)
    assert len(colours_in(app.window, step=7)) > 60  # sky, stars, Earth, ridges, text: far from blank
    title = app.top
    assert isinstance(title, TitleScene)
    campaign, sandbox = title.button_labelled("Campaign"), title.button_labelled("Sandbox and mods")
    assert campaign is not None and sandbox is not None and title.focus is not None
    # The keyboard focus shows as the accent border of the first button, and moves with the keys.
    assert palette.FOCUS[:3] in outline_colours(app.window, campaign.rect)
    press(app, pygame.K_DOWN)
    assert title.focus.focused is sandbox
    assert palette.FOCUS[:3] in outline_colours(app.window, sandbox.rect)
    assert palette.FOCUS[:3] not in outline_colours(app.window, campaign.rect)


def test_run_stops_after_max_frames_and_reports_when_interactive():
    calls: list[int] = []
    assert run(max_frames=3, on_interactive=lambda: calls.append(1)) == 0
    assert calls == [1]
    assert not pygame.display.get_init()  # the window is closed again


# --- quitting ------------------------------------------------------------------------------------


def test_closing_the_window_without_unsaved_progress_quits_at_once(app: App):
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    run_frames(app, 1)
    assert not app.running
    assert app.stack == []


def test_escape_on_the_title_quits(app: App):
    press(app, pygame.K_ESCAPE)
    assert not app.running


def test_quit_with_unsaved_progress_asks_and_escape_keeps_playing(app: App):
    app.request(Push(UnsavedScene()))
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    run_frames(app, 2)
    assert app.running and app.asking_to_confirm
    press(app, pygame.K_ESCAPE)
    assert app.running and not app.asking_to_confirm
    assert isinstance(app.top, UnsavedScene)


def test_quit_with_unsaved_progress_quits_on_enter(app: App):
    app.request(Push(UnsavedScene()))
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    run_frames(app, 2)
    press(app, pygame.K_RETURN)
    assert not app.running


def test_quit_with_unsaved_progress_quits_on_the_dialogs_quit_button(app: App):
    app.request(Push(UnsavedScene()))
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    run_frames(app, 2)
    assert app.confirm_dialog is not None
    button = app.confirm_dialog.confirm_button
    click = pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, ui_element=button, ui_object_id="#confirm_button")
    pygame.event.post(click)
    run_frames(app, 3)
    assert not app.running


def test_leaving_a_scene_with_unsaved_progress_asks_first(app: App):
    app.request(Push(UnsavedScene()))
    press(app, pygame.K_ESCAPE)
    assert app.asking_to_confirm and isinstance(app.top, UnsavedScene)
    assert app.confirm_dialog is not None and "Leave" in app.confirm_dialog.window_display_title
    press(app, pygame.K_ESCAPE)  # Esc answers "keep playing"
    assert not app.asking_to_confirm and isinstance(app.top, UnsavedScene)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_RETURN)
    assert app.running and isinstance(app.top, TitleScene)


def test_closing_the_window_while_asked_to_leave_asks_about_quitting(app: App):
    app.request(Push(UnsavedScene()))
    press(app, pygame.K_ESCAPE)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    run_frames(app, 2)
    assert app.confirm_dialog is not None and "Quit" in app.confirm_dialog.window_display_title
    press(app, pygame.K_RETURN)
    assert not app.running


# --- F11 and F12 ---------------------------------------------------------------------------------


def test_f12_saves_a_png_of_the_screen_and_says_so(app: App, user_home: Path):
    run_frames(app, 2)
    press(app, pygame.K_F12)
    shots = sorted(paths.screenshots_dir().glob("*.png"))
    assert len(shots) == 1
    assert shots[0].is_relative_to(user_home)
    assert shots[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert pygame.image.load(str(shots[0])).get_size() == (1280, 720)
    assert any("Screenshot saved" in notice.text for notice in app.notices.shown)
    press(app, pygame.K_F12)
    assert len(list(paths.screenshots_dir().glob("*.png"))) == 2  # a second shot never overwrites the first


def test_f11_never_crashes_where_full_screen_is_unavailable(app: App):
    press(app, pygame.K_F11)
    assert app.running
    assert app.ctx.settings.fullscreen == pygame.display.is_fullscreen()


# --- settings ------------------------------------------------------------------------------------


def test_settings_round_trip(tmp_path: Path):
    path = tmp_path / "config" / "settings.json"
    save_settings(Settings(fullscreen=True, language="zh", window_size=(1600, 900)), path)
    loaded = load_settings(path)
    assert loaded.warning is None
    assert loaded.settings == Settings(fullscreen=True, language="zh", window_size=(1600, 900))
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temporary file left behind


def test_missing_settings_give_defaults_silently(tmp_path: Path):
    loaded = load_settings(tmp_path / "nowhere" / "settings.json")
    assert loaded.settings == Settings() and loaded.warning is None


def test_a_corrupt_settings_file_gives_defaults_a_warning_and_is_kept(tmp_path: Path):
    path = tmp_path / "settings.json"
    path.write_text('{"fullscreen": tru', encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert loaded.warning is not None and "settings.damaged-1.json" in loaded.warning
    assert (tmp_path / "settings.damaged-1.json").read_text(encoding="utf-8") == '{"fullscreen": tru'
    save_settings(loaded.settings, path)
    assert (tmp_path / "settings.damaged-1.json").read_text(encoding="utf-8") == '{"fullscreen": tru'


def test_a_wrong_value_resets_only_that_setting(tmp_path: Path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"fullscreen": "yes", "language": "ru", "window_size": [1600, 900]}), encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings == Settings(fullscreen=False, language="ru", window_size=(1600, 900))
    assert loaded.warning is not None and "fullscreen" in loaded.warning
    assert (tmp_path / "settings.wrong-values-1.json").exists()


def test_the_game_starts_with_a_corrupt_settings_file_and_tells_the_player():
    path = paths.user_config_dir() / "settings.json"
    path.parent.mkdir(parents=True)
    path.write_text("not json at all", encoding="utf-8")
    app = open_app()
    try:
        run_frames(app, 2)
        assert app.running
        assert any("settings.damaged-1.json" in notice.text for notice in app.notices.shown)
    finally:
        app.close()
    assert load_settings(path).warning is None  # the game wrote good settings when it closed


def test_the_context_carries_the_players_language(app: App):
    assert isinstance(app.ctx, SceneContext)
    assert app.ctx.language == "en"
