"""What scenes share, passed in explicitly: the UI manager, fonts, settings, where to find content."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pygame_gui

from game import paths
from game.content.ui_text import LANGUAGE_FOLDER, Translator, available_languages, load_translator
from game.render.fonts import Fonts
from game.render.palette import Palette, palette_for
from game.settings import Settings
from game.ui.notice import Notices

if TYPE_CHECKING:
    from game.audio import Audio


@dataclass(slots=True)
class SceneContext:
    """The app's shared services; `mod_folders=None` means the user's mods folder."""

    ui: pygame_gui.UIManager
    fonts: Fonts
    settings: Settings
    mod_folders: Sequence[Path] | None = None
    notices: Notices = field(default_factory=Notices)
    # The app's sound (game.audio.Audio), silent without a device; None where no app runs (some tests).
    audio: Audio | None = None
    # Where language files are looked for, first match wins; None: the user's own, then the bundled ones.
    language_folders: Sequence[Path] | None = None
    translator: Translator = field(default_factory=Translator)

    @property
    def language(self) -> str:
        return self.settings.language

    @property
    def palette(self) -> Palette:
        """The colours the settings ask for (standard or colour-blind safe, high contrast or not)."""
        return palette_for(self.settings.palette, self.settings.high_contrast)

    def tr(self, text: str, /, **fill: object) -> str:
        """`text` (English, with {names} filled from `fill`) in the settings' language, or English."""
        if self.translator.language != self.settings.language:
            self._load_language()
        return self.translator(text, **fill)

    def language_search_path(self) -> Sequence[Path]:
        """Where language files are looked for, first match first: `language_folders`, or the user's own
        folder and then the bundled one."""
        if self.language_folders is not None:
            return self.language_folders
        return (paths.user_data_dir() / LANGUAGE_FOLDER, paths.assets_dir() / LANGUAGE_FOLDER)

    def language_choices(self) -> list[tuple[str, str]]:
        """(name, code) of English and every language a file exists for, for the settings screen."""
        return available_languages(self.language_search_path())

    def _load_language(self) -> None:
        self.translator = load_translator(self.settings.language, self.language_search_path())
        if self.fonts.use_language_files(self.translator.font_files):  # letters Noto Sans lacks (Chinese, ...)
            from game.scenes.menus.settings_screen import apply_look  # the theme's fonts follow, at the next layout

            apply_look(self)
        if self.translator.warning:  # in the language itself, when the file could be used in part
            self.notices.show(self.translator(self.translator.warning))

    def play_sound(self, name: str) -> None:
        """Plays one of game.audio's sounds when the app has sound; does nothing otherwise."""
        if self.audio is not None:
            self.audio.play(name)
