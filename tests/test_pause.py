"""The pause menu over a level: each button does what it says, by keyboard and by name, and Esc resumes."""

from __future__ import annotations

from typing import Any

import pygame
import pytest

from game.render import palette
from game.scenes.menus.pause import PauseScene
from game.scenes.menus.settings_screen import SettingsScene
from game.scenes.scene import Push, SceneBase
from tests.app_helpers import press, run_frames


class Below(SceneBase):
    """Stands in for the level: draws one colour, so the dimmed backdrop can be checked."""

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        surface.fill((200, 120, 40))


@pytest.fixture
def paused(app: Any) -> tuple[Any, PauseScene, list[str]]:
    calls: list[str] = []

    def save() -> str:
        calls.append("save")
        return "Saved as “Day 12” in your saves folder."

    app.request(Push(Below()))
    run_frames(app)
    scene = PauseScene(app.ctx, on_save=save, on_quit_to_menu=lambda: calls.append("quit"))
    app.request(Push(scene))
    run_frames(app, 3)
    return app, scene, calls


def test_the_menu_is_drawn_over_a_dimmed_copy_of_the_level(paused: tuple[Any, PauseScene, list[str]]) -> None:
    app, scene, _ = paused
    corner = app.window.get_at((2, 2))
    assert 0 < corner.r < 200 and corner.r > corner.b  # the level's orange, darkened
    assert list(scene.buttons) == ["Resume", "Save", "Settings", "Quit to menu"]


def test_esc_resumes(paused: tuple[Any, PauseScene, list[str]]) -> None:
    app, _, _ = paused
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, Below)


def test_save_shows_the_result_sentence(paused: tuple[Any, PauseScene, list[str]]) -> None:
    app, scene, calls = paused
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    assert calls == ["save"] and scene.message == "Saved as “Day 12” in your saves folder."
    assert app.top is scene


def test_a_save_that_fails_gives_a_sentence_not_a_traceback(app: Any) -> None:
    def broken_save() -> str | None:
        raise OSError("No space left on device")

    scene = PauseScene(app.ctx, on_save=broken_save)
    app.request(Push(scene))
    run_frames(app)
    scene.choose("Save")
    assert scene.message == "The game could not be saved: No space left on device."
    assert "Quit to menu" not in scene.buttons  # no quit callback, no quit button


def test_settings_opens_the_settings_screen(paused: tuple[Any, PauseScene, list[str]]) -> None:
    app, scene, _ = paused
    app.request(scene.choose("Settings"))
    run_frames(app)
    assert isinstance(app.top, SettingsScene)
    press(app, pygame.K_ESCAPE)
    assert app.top is scene and scene.buttons  # back on the pause menu, rebuilt


def test_quit_to_menu_asks_first_and_stay_keeps_the_level(paused: tuple[Any, PauseScene, list[str]]) -> None:
    app, scene, calls = paused
    scene.choose("Quit to menu")
    assert scene.asking and list(scene.buttons) == ["Leave", "Stay"]
    assert scene.focus is not None and scene.focus.focused is scene.buttons["Stay"]
    press(app, pygame.K_RETURN)  # Enter on the focused "Stay"
    assert not scene.asking and calls == [] and app.top is scene
    scene.choose("Quit to menu")
    press(app, pygame.K_ESCAPE)  # Esc while asked also stays
    assert not scene.asking and app.top is scene


def test_leaving_calls_back_and_closes_the_menu(paused: tuple[Any, PauseScene, list[str]]) -> None:
    app, scene, calls = paused
    scene.choose("Quit to menu")
    app.request(scene.choose("Leave"))
    run_frames(app)
    assert calls == ["quit"] and isinstance(app.top, Below)


def test_the_card_ends_just_below_its_keys_line_and_grows_for_a_save_message(
    paused: tuple[Any, PauseScene, list[str]],
) -> None:
    app, scene, _ = paused
    last_button = max(button.rect.bottom for button in scene.buttons.values())
    keys_line = app.ctx.fonts.regular(palette.SMALL).get_linesize()
    # No empty room waiting for a message that is not there: buttons, padding, the keys line, padding.
    assert scene.card.bottom - last_button <= 3 * scene.padding + keys_line
    before = scene.card.height
    scene.choose("Save")
    run_frames(app)
    assert scene.card.height > before
    assert scene.card.bottom - max(button.rect.bottom for button in scene.buttons.values()) > 3 * scene.padding


@pytest.mark.parametrize("ui_scale", [1.0, 1.5, 2.0])
def test_the_card_stays_inside_a_1280_by_720_window_at_every_ui_scale(ui_scale: float) -> None:
    from game.app import open_app
    from game.settings import Settings, save_settings

    save_settings(Settings(window_size=(1280, 720), ui_scale=ui_scale))
    app = open_app()
    try:
        scene = PauseScene(app.ctx, on_save=lambda: "Saved as “Open to All: the 2021 Agreement, day 1” here.",
                           on_quit_to_menu=lambda: None)
        app.request(Push(scene))
        run_frames(app)
        window = app.window.get_rect()
        for choice in ("Save", "Quit to menu"):  # with a message, then the leave question
            scene.choose(choice)
            run_frames(app)
            assert window.contains(scene.card), (choice, scene.card)
            for button in scene.buttons.values():
                assert scene.card.contains(button.rect)
    finally:
        app.close()
