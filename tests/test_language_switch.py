"""A language switch applies at once: the next frame's words, buttons included, are in the new language, with
no restart; the pseudo-language en-XA is made on the fly from the template for checking that text fits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game import paths
from game.content.pseudo_language import PSEUDO_LANGUAGE, accented
from game.content.ui_text import load_translator
from game.settings import Settings
from tests.app_helpers import open_recording_app
from tests.po_helpers import write_catalog


def _labels(app: Any) -> list[str]:
    from tests.test_every_screen import button_labels

    return button_labels(app.ui)


def test_switching_language_relabels_the_title_screens_buttons_on_the_next_frame(user_home: Path) -> None:
    write_catalog(paths.user_data_dir() / "lang", "fr", {"Campaign": "Campagne", "Settings": "Réglages"})
    app = open_recording_app(Settings())
    try:
        app.frame(0.016)
        assert "Campaign" in _labels(app)
        app.ctx.settings.language = "fr"
        app.frame(0.016)
        assert "Campagne" in _labels(app) and "Réglages" in _labels(app) and "Campaign" not in _labels(app)
        app.ctx.settings.language = "en"
        app.frame(0.016)
        assert "Campaign" in _labels(app)
    finally:
        app.close()


def test_the_pseudo_language_is_made_from_the_template_accented_and_longer() -> None:
    tr = load_translator(PSEUDO_LANGUAGE, [paths.assets_dir() / "lang"])
    assert tr.warning is None
    assert tr("Paused") == accented("Paused") == "[Þåûšéđ·]"
    assert tr("Page {page} of {pages}", page=2, pages=9).startswith("[Þåĝé 2 öƒ 9")
    for english in ("Paused", "Campaign", "Resume", "Landing: autopilot on/off"):
        assert len(tr(english)) >= 1.4 * len(english)
    assert len(tr("Page {page} of {pages}", page=2, pages=9)) >= 1.4 * len("Page 2 of 9")
    assert load_translator(PSEUDO_LANGUAGE, [paths.assets_dir()]).warning is not None  # no template there


def test_every_pseudo_character_is_in_the_bundled_font() -> None:
    from fontTools.ttLib import TTFont

    font = TTFont(str(paths.assets_dir() / "fonts" / "NotoSans-Regular.ttf"))
    characters = set(accented("".join(chr(code) for code in range(32, 127) if chr(code) not in "{}")))
    assert {character for character in characters if ord(character) not in font.getBestCmap()} == set()


def test_the_app_runs_in_the_pseudo_language(user_home: Path) -> None:
    app = open_recording_app(Settings(language=PSEUDO_LANGUAGE))
    try:
        app.frame(0.016)
        assert app.ctx.translator.warning is None
        assert accented("Campaign") in _labels(app)
    finally:
        app.close()


def test_choosing_a_language_in_the_settings_applies_at_once_with_no_apply(user_home: Path) -> None:
    import pygame

    from game.scenes.menus.settings_screen import SettingsScene
    from game.settings import load_settings
    from tests.screen_tour import open_screen

    write_catalog(paths.user_data_dir() / "lang", "fr", {"Apply": "Appliquer", "Settings": "Réglages"})
    app = open_recording_app(Settings())
    try:
        scene = open_screen(app, "settings")
        assert isinstance(scene, SettingsScene)
        row = next(index for index, row in enumerate(scene.rows) if row.key == "language")
        assert scene.rows[row].choices[0] == ("English", "en") and ("Français", "fr") in scene.rows[row].choices
        scene.focus_row(row)
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RIGHT, mod=0, unicode="", scancode=0))
        app.frame(0.016)
        app.frame(0.016)
        assert app.ctx.settings.language == "fr" and load_settings().settings.language == "fr"
        assert "Appliquer" in _labels(app) and "Apply" not in _labels(app)
    finally:
        app.close()


def _title_button_sizes(language: str) -> set[tuple[int, int]]:
    app = open_recording_app(Settings(language=language))
    try:
        app.frame(0.016)
        return {button.rect.size for button in app.top.buttons}
    finally:
        app.close()


def test_a_game_that_starts_in_chinese_lays_the_title_out_at_chinese_text_size(user_home: Path) -> None:
    """Chinese asks for a step larger text (its fonts.toml): loaded halfway through the first layout, by the first
    translated word, it left the first button at English's size and the rest at Chinese's."""
    chinese = _title_button_sizes("zh")
    assert len(chinese) == 1, chinese
    assert chinese != _title_button_sizes("en")  # Chinese's text, and so its buttons, are larger
