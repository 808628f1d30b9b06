"""The settings screen, driven by the keyboard through the real app: changes apply, save and take effect."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game import paths
from game.render.palette import STANDARD_PALETTE
from game.scenes.menus.settings_rows import FOOTER_BUTTONS, PASSIVE_KINDS, settings_rows
from game.scenes.menus.settings_screen import SettingsScene
from game.scenes.scene import Push
from game.settings import KEY_ACTIONS, Settings, load_settings
from tests.app_helpers import click, press, run_frames


def open_settings(app: Any) -> SettingsScene:
    scene = SettingsScene(app.ctx)
    app.request(Push(scene))
    run_frames(app, 3)
    return scene


def focus_row(app: Any, scene: SettingsScene, key: str) -> None:
    """Moves the focus down with the keyboard until it reaches the row for `key`."""
    for _ in range(len(scene.focusable())):
        kind, index = scene.focused
        if kind == "row" and scene.rows[index].key == key:
            return
        press(app, pygame.K_DOWN)
    raise AssertionError(f"no row for {key}")


def focus_footer(app: Any, scene: SettingsScene, label: str) -> None:
    target = ("footer", FOOTER_BUTTONS.index(label))
    for _ in range(len(scene.focusable())):
        if scene.focused == target:
            return
        press(app, pygame.K_UP)
    raise AssertionError(label)


def test_every_setting_and_every_key_action_has_a_row() -> None:
    keys = {row.key for row in settings_rows(Settings()) if row.kind != "heading"}
    for name in ("window_size", "fullscreen", "ui_scale", "palette", "high_contrast", "master_volume",
                 "effects_volume", "ambient_volume", "hints", "landing_choice", "unlock_all"):
        assert name in keys
    assert {action.id for action in KEY_ACTIONS} <= keys


def test_every_row_has_its_control_on_some_page(app: Any) -> None:
    scene = open_settings(app)
    seen: set[int] = set()
    for _ in range(len(scene.pages())):
        seen |= set(scene.widgets.controls)
        press(app, pygame.K_PAGEDOWN)
    assert seen == {index for index, row in enumerate(scene.rows) if row.kind not in PASSIVE_KINDS}


def test_the_last_page_says_where_the_players_files_are(app: Any, user_home: Any) -> None:
    scene = open_settings(app)
    press(app, pygame.K_PAGEUP)  # from the first page back round to the last
    assert scene.page == len(scene.pages()) - 1
    # The section may begin on the page before the last when the rows above it fill their pages.
    shown = {scene.rows[index].label: scene.rows[index].key for index in scene.pages()[-2] + scene.pages()[-1]}
    assert shown["Saves, mods and results"] == str(user_home / "data")
    assert shown["Kept in"] == "the folder LUNAR_STATION_HOME names"
    assert scene.focused[0] == "row" and scene.rows[scene.focused[1]].kind not in PASSIVE_KINDS


def test_portable_mode_is_named_on_the_settings_screen(tmp_path: Any) -> None:
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    rows = settings_rows(Settings(), (), paths.resolve_user_home({}, program=tmp_path))
    folders = {row.label: row.key for row in rows if row.kind == "folder"}
    assert folders["Kept in"] == "portable mode: in a folder beside the program"
    assert folders["Saves, mods and results"].startswith(str(tmp_path / paths.PORTABLE_FOLDER))


def test_a_bigger_ui_scale_applies_to_the_fonts_and_is_saved(app: Any) -> None:
    scene = open_settings(app)
    focus_row(app, scene, "ui_scale")
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_RIGHT)
    assert scene.working.ui_scale == 1.2 and app.ctx.settings.ui_scale == 1.0  # nothing changes before Apply
    focus_footer(app, scene, "Apply")
    press(app, pygame.K_RETURN)
    assert app.ctx.settings.ui_scale == 1.2 and app.ctx.fonts.scale == 1.2
    assert app.ctx.fonts.regular(20) is app.ctx.fonts._opened[(False, 24)]  # 20 px text is drawn at 24 px
    assert load_settings().settings.ui_scale == 1.2
    assert "applied and saved" in scene.message


def test_high_contrast_changes_the_palette_and_the_drawn_screen(app: Any) -> None:
    scene = open_settings(app)
    assert app.window.get_at((4, 4))[:3] == tuple(STANDARD_PALETTE.sky)[:3]
    focus_row(app, scene, "high_contrast")
    press(app, pygame.K_RETURN)
    assert scene.working.high_contrast
    focus_footer(app, scene, "Apply")
    press(app, pygame.K_RETURN)
    run_frames(app)
    assert app.ctx.palette.name == "standard_high_contrast"
    # A corner shows the screen's background: it takes the high-contrast sky, which is not the standard one.
    assert app.window.get_at((4, 4))[:3] == tuple(app.ctx.palette.sky)[:3] != tuple(STANDARD_PALETTE.sky)[:3]


def test_colour_blind_palette_replaces_green_and_red(app: Any) -> None:
    scene = open_settings(app)
    focus_row(app, scene, "palette")
    press(app, pygame.K_RIGHT)
    scene.apply()
    chosen = app.ctx.palette
    assert chosen.name == "colour_blind"
    assert chosen.good != STANDARD_PALETTE.good and chosen.broken != STANDARD_PALETTE.broken


def test_a_key_is_rebound_by_pressing_it_and_esc_keeps_the_old_one(app: Any) -> None:
    scene = open_settings(app)
    focus_row(app, scene, "pause")
    press(app, pygame.K_RETURN)
    assert scene.listening == "pause"
    press(app, pygame.K_ESCAPE)
    assert scene.listening is None and scene.working.key_name("pause") == "space"
    assert app.top is scene  # Esc while waiting for a key does not leave the screen
    press(app, pygame.K_RETURN)
    press(app, pygame.K_p)
    assert scene.working.key_name("pause") == "p"
    scene.apply()
    assert app.ctx.settings.key_code("pause") == pygame.K_p
    assert load_settings().settings.key_bindings["pause"] == "p"


def test_volume_sliders_change_the_sound_at_once_and_back_restores_it(app: Any) -> None:
    scene = open_settings(app)
    audio = app.ctx.audio
    assert audio is not None
    focus_row(app, scene, "master_volume")
    press(app, pygame.K_LEFT)
    assert audio.volumes.master == 0.75
    focus_footer(app, scene, "Back")
    press(app, pygame.K_RETURN)
    assert app.top is not scene
    assert audio.volumes.master == 0.8 and app.ctx.settings.master_volume == 0.8


def test_a_new_window_size_resizes_the_window(app: Any) -> None:
    scene = open_settings(app)
    focus_row(app, scene, "window_size")
    press(app, pygame.K_RIGHT)
    assert scene.working.window_size == (1366, 768)
    scene.apply()
    run_frames(app)
    assert app.window.get_size() == (1366, 768)
    assert app.ctx.ui.window_resolution == (1366, 768)


def test_esc_leaves_without_applying(app: Any) -> None:
    scene = open_settings(app)
    focus_row(app, scene, "hints")
    press(app, pygame.K_RETURN)
    assert scene.working.hints is False
    press(app, pygame.K_ESCAPE)
    assert app.top is not scene and app.ctx.settings.hints is True


def test_the_ambient_loop_plays_from_the_start_and_stops_when_its_slider_reaches_zero(app: Any) -> None:
    audio = app.ctx.audio
    assert audio is not None and audio.available and "ambient" in audio.looping
    scene = open_settings(app)
    focus_row(app, scene, "ambient_volume")
    for _ in range(20):
        press(app, pygame.K_LEFT)
    assert scene.working.ambient_volume == 0.0
    scene.apply()
    assert "ambient" not in audio.looping


def test_text_larger_than_the_window_has_room_for_is_shown_at_what_fits_and_grows_with_the_window(app: Any) -> None:
    from game.render.fonts import fitting_scale

    assert fitting_scale(2.0, (1280, 720)) == 1.5 and fitting_scale(2.0, (1920, 1080)) == 2.0
    assert fitting_scale(2.0, (1366, 768)) == 1.6 and fitting_scale(1.2, (1280, 720)) == 1.2
    assert fitting_scale(2.0, (800, 600)) == 1.0  # never below 100 %
    scene = open_settings(app)
    assert app.window.get_size() == (1280, 720)
    scene.working.ui_scale = 2.0
    scene.apply()
    assert app.ctx.settings.ui_scale == 2.0 and app.ctx.fonts.scale == 1.5  # the choice is kept; 150 % fits
    assert "fits text up to 150%" in scene.message and "200%" in scene.message
    scene.working.window_size = (1920, 1080)
    scene.apply()
    run_frames(app)
    assert app.ctx.fonts.scale == 2.0
    pygame.display.set_mode((1366, 768), pygame.RESIZABLE)  # as when the player drags the window smaller
    run_frames(app)
    assert app.ctx.fonts.scale == 1.6 and app.ctx.ui.window_resolution == (1366, 768)


def test_a_drop_downs_choices_are_readable_at_a_large_text_size_and_each_language_in_its_own_letters(app: Any) -> None:
    """At 150 % the choices' rows stayed 20 px high (the words cut to slivers), and in English '中文' came out as
    empty boxes: a Chinese student could not find their language."""
    from game.render.fonts import font_draws
    from game.ui.theme import LANGUAGE_MENU_ID

    scene = open_settings(app)
    scene.working.ui_scale = 2.0
    scene.apply()
    run_frames(app)
    assert app.ctx.fonts.scale == 1.5 and app.ctx.language == "en"
    focus_row(app, scene, "language")
    run_frames(app)
    index = scene.focused[1]
    menu = scene.widgets.controls[index]
    assert LANGUAGE_MENU_ID in menu.object_ids
    menu.current_state.should_transition, menu.current_state.target_state = True, "expanded"
    run_frames(app, 3)
    choices = menu.menu_states["expanded"].options_selection_list.item_list_container.elements
    names = [choice.text for choice in choices]
    assert {"English", "Русский", "中文"} <= set(names)
    theme = app.ctx.ui.get_theme()
    for choice in choices:
        assert choice.rect.height >= choice.font.get_rect(choice.text).height, choice.text  # whole words, not slivers
        font = theme.get_font_info(choice.combined_element_ids)
        files = (Path(str(font["regular_path"])), Path(str(font["bold_path"])))
        assert font_draws(files, (choice.text,)), choice.text  # its letters, not empty boxes
    assert not font_draws((paths.assets_dir() / "fonts" / "NotoSans-Regular.ttf",
                           paths.assets_dir() / "fonts" / "NotoSans-Bold.ttf"), ("中文",))  # the check can fail


def test_a_tooltip_is_wide_enough_for_its_words_at_a_large_text_size(app: Any) -> None:
    """At 150 % the 16× button's tooltip stood 170 px wide and wrapped a word a line ('Run / time at / 16×')."""
    scene = open_settings(app)
    scene.working.ui_scale = 2.0
    scene.apply()
    run_frames(app)
    assert app.ctx.fonts.scale == 1.5
    tip = app.ctx.ui.create_tool_tip("Run time at 16× (key 3)", (100, 100), (0, 0), None, None)
    try:
        line = app.ctx.fonts.regular(20).get_linesize()  # the tooltip's 20 px text at the same scale
        assert tip.rect.height < 3 * line, tip.rect  # two lines at most
    finally:
        tip.kill()


def _page_row(scene: SettingsScene, key: str) -> tuple[int, pygame.Rect]:
    """The row for `key` on the page shown, with its rectangle."""
    for place, index in enumerate(scene.pages()[scene.page]):
        if scene.rows[index].key == key:
            return index, scene.layout.row_rect(place)
    raise AssertionError(f"{key} is not on the page shown")


def test_clicking_a_rows_label_focuses_it_so_left_and_right_change_that_setting(app: Any) -> None:
    """The playtest clicked a label, pressed Right, and a different setting (the one focused before) changed."""
    scene = open_settings(app)
    focus_row(app, scene, "master_volume")
    index, rect = _page_row(scene, "effects_volume")
    before = (scene.working.master_volume, scene.working.effects_volume)
    click(app, (rect.left + 20, rect.centery))  # on the label, left of the control
    assert scene.focused == ("row", index)
    press(app, pygame.K_LEFT)
    assert scene.working.master_volume == before[0] and scene.working.effects_volume < before[1]


def test_clicking_a_rows_control_focuses_the_row(app: Any) -> None:
    scene = open_settings(app)
    language = next(index for index, row in enumerate(scene.rows) if row.key == "language")
    while language not in scene.pages()[scene.page]:
        scene.turn_page(1)
    run_frames(app)
    index, _ = _page_row(scene, "language")
    assert scene.focused != ("row", index)
    control = scene.widgets.controls[index].get_abs_rect()
    click(app, control.center)  # opens the drop-down: the row is focused all the same
    assert scene.focused == ("row", index)
